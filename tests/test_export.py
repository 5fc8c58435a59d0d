"""Open data: 360Giving grants and OCDS releases, valid against the official schemas."""

from __future__ import annotations

import json
import pathlib
import re
from decimal import Decimal
from typing import Any

import jsonschema
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4, DRAFT202012

from iop_model import (
    Agreement,
    Contribution,
    Extension,
    IdeaBasedParty,
    PublicParty,
    Term,
    load,
)
from iop_model.case import Case
from iop_model.outputs.export import ExportError, export, to_360giving, to_ocds
from iop_model.testing import dates
from support import run_cli

D = pendulum.date
ROOT = pathlib.Path(__file__).parent.parent
SCHEMAS = pathlib.Path(__file__).parent / "schemas"
EXAMPLES = ROOT / "examples"
SHELTER = EXAMPLES / "exempelby-kvinnojour.toml"
EXEMPELSTAD = EXAMPLES / "exempelstad-trygga-vuxna.toml"


def _schema(name: str) -> Any:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


GRANT = _schema("360-giving-schema.json")
RELEASE = _schema("ocds-1.1.5-release-schema.json")
REGISTRY = Registry().with_resources(
    [
        (GRANT["$id"], Resource.from_contents(GRANT, default_specification=DRAFT202012)),
        (
            "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/"
            "360-giving-schema.json",
            Resource.from_contents(GRANT, default_specification=DRAFT202012),
        ),
        (RELEASE["id"], Resource.from_contents(RELEASE, default_specification=DRAFT4)),
    ]
)
GRANTS = jsonschema.Draft202012Validator(
    _schema("360-giving-package-schema.json"),
    registry=REGISTRY,
    format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
)
RELEASES = jsonschema.Draft4Validator(
    _schema("ocds-1.1.5-release-package-schema.json"),
    registry=REGISTRY,
    format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER,
)


def errors(validator: jsonschema.protocols.Validator, data: object) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


def test_format_checking_is_on() -> None:
    """Without rfc3339-validator a date-time is not checked, and 360Giving's oneOf for dates
    then rejects valid data: this test fails when format checking is off."""
    assert "date-time" in jsonschema.Draft202012Validator.FORMAT_CHECKER.checkers
    assert not jsonschema.Draft202012Validator.FORMAT_CHECKER.conforms("2024-07-01", "date-time")


@pytest.mark.parametrize("path", [SHELTER, EXEMPELSTAD], ids=lambda p: p.name)
@pytest.mark.parametrize("day", [D(2024, 6, 1), D(2025, 10, 15)], ids=str)
def test_examples_export_to_valid_packages(path: pathlib.Path, day: pendulum.Date) -> None:
    rows = [(path.name, load(path))]
    grants = to_360giving(rows, day, prefix="360G-exempel")
    assert errors(GRANTS, grants) == []
    releases = to_ocds(rows, day, prefix="ocds-abc123")
    assert errors(RELEASES, releases) == []


def test_360giving_fields_of_the_shelter() -> None:
    grant = to_360giving([("s", load(SHELTER))], D(2025, 10, 15), prefix="360G-exempelby")[
        "grants"
    ][0]
    assert grant["amountAwarded"] == 4_350_000
    assert grant["currency"] == "SEK"
    assert grant["awardDate"] == "2023-05-23"
    assert grant["plannedDates"] == [
        {"startDate": "2023-07-01", "endDate": "2026-06-30", "duration": 36}
    ]
    assert grant["recipientOrganization"][0]["id"] == "SE-ON-802497-3128"
    assert grant["fundingOrganization"][0] == {
        "id": "SE-ON-212000-1819",
        "name": "Exempelby kommun",
        "department": "Socialnämnden",
    }


def test_T13_a_later_grant_decision_is_not_exported() -> None:
    early = to_360giving([("s", load(SHELTER))], D(2024, 6, 1), prefix="360G-x")["grants"][0]
    assert early["amountAwarded"] == 2_900_000  # the 2025 grant was decided 2025-05-20
    ocds = to_ocds([("s", load(EXEMPELSTAD))], D(2024, 6, 1), prefix="ocds-abc123")
    contract = ocds["releases"][0]["contracts"][0]
    assert contract["period"]["endDate"].startswith("2024-08-31")  # extension decided 2024-06-10
    assert "amendments" not in contract
    later = to_ocds([("s", load(EXEMPELSTAD))], D(2025, 1, 15), prefix="ocds-abc123")
    amendments = later["releases"][0]["contracts"][0]["amendments"]
    assert [a["id"] for a in amendments] == [
        "exempelstad-trygga-vuxna-2023-extension-1",
        "exempelstad-trygga-vuxna-2023-termination",
    ]
    assert amendments[0]["rationale"] == "Förlängning i väntan på utvärdering."
    assert "beslutad av socialnämnden" in amendments[0]["description"]


def test_ocds_milestones_use_the_standards_statuses() -> None:
    release = to_ocds([("s", load(SHELTER))], D(2025, 10, 15), prefix="ocds-abc123")["releases"][0]
    milestones = release["contracts"][0]["milestones"]
    assert [(m["title"], m["status"]) for m in milestones] == [
        ("minst 1\u00a0200 stödsamtal (Skyddat boende och stödlinje)", "met"),
        ("minst 1\u00a0300 skyddade nätter (Skyddat boende och stödlinje)", "partiallyMet"),
    ]
    running = to_ocds([("s", load(SHELTER))], D(2025, 1, 1), prefix="ocds-abc123")["releases"][0]
    assert {m["status"] for m in running["contracts"][0]["milestones"]} == {"scheduled"}


def test_molndal_without_amounts_gets_every_missing_item() -> None:
    with pytest.raises(ExportError) as caught:
        to_360giving(
            [("m.toml", load(EXAMPLES / "molndal-konstkollektivet.toml"))],
            D(2025, 1, 1),
            prefix="360G-x",
        )
    paths = [p.path for p in caught.value.problems]
    assert paths == [
        "m.toml: agreements[0].contributions",
        "m.toml: agreements[0].decided_on",
        "m.toml: agreements[0].partner.org_number",
        "m.toml: agreements[1].contributions",
        "m.toml: agreements[1].partner.org_number",
    ]
    out = run_cli("export", str(EXAMPLES / "molndal-konstkollektivet.toml"), "--to", "ocds")
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert "cannot export" in out.stderr
    assert "decided_on" in out.stderr


def test_cli_export(tmp_path: pathlib.Path) -> None:
    target = tmp_path / "grants.json"
    out = run_cli(
        "export", str(SHELTER), "--to", "360giving", "--as-of", "2025-10-15", "-o", str(target)
    )
    assert out.returncode == 0, out.stderr
    assert errors(GRANTS, json.loads(target.read_text(encoding="utf-8"))) == []
    printed = run_cli(
        "export", str(SHELTER), "--to", "ocds", "--as-of", "2025-10-15", "--prefix", "ocds-abc123"
    )
    assert errors(RELEASES, json.loads(printed.stdout)) == []
    assert run_cli("export", str(SHELTER), "--to", "iati").returncode == 2


def test_export_refuses_an_unknown_standard() -> None:
    with pytest.raises(Exception, match="360giving"):
        export([("s", load(SHELTER))], "iati", D(2025, 1, 1), prefix="x")


# --- generated cases: valid, and every date, amount and id comes from the case -----------------

CITY = PublicParty("Exempelby kommun", committee="Socialnämnden", org_number="212000-1819")
CLUB = IdeaBasedParty("Jouren", org_number="802497-3128")


@st.composite
def funded(draw: st.DrawFn) -> Agreement:
    start = draw(dates(2015, 2030))
    months = draw(st.integers(1, 48))
    term = Term.starting(start, months=months)
    amount = draw(st.integers(0, 10**9))
    agreement = Agreement(
        "gen",
        CITY,
        CLUB,
        term,
        decided_on=start.subtract(days=draw(st.integers(0, 60))),
        contributions=[Contribution("public", "money", amount, term)],
    )
    if draw(st.booleans()):
        agreement = agreement.extend(
            Extension(term.end, "Socialnämnden", months=draw(st.integers(1, 24)))
        )
    return agreement


@settings(max_examples=40, deadline=None)
@given(funded(), st.integers(0, 3000))
def test_property_generated_exports_are_valid_and_come_from_the_case(
    agreement: Agreement, later: int
) -> None:
    day = agreement.start.add(days=later)
    rows = [("gen.toml", Case([agreement]))]
    grants = to_360giving(rows, day, prefix="360G-x")
    releases = to_ocds(rows, day, prefix="ocds-abc123")
    assert errors(GRANTS, grants) == []
    assert errors(RELEASES, releases) == []
    known = agreement.as_known_on(day)
    case_days = {
        d.isoformat()
        for d in (day, known.decided_on, *(e.decided_on for e in known.extensions))
        if d is not None
    } | {d.isoformat() for term in known.terms for d in (term.start, term.end)}
    text = json.dumps([grants, releases])
    assert set(re.findall(r"\d{4}-\d{2}-\d{2}", text)) <= case_days
    assert grants["grants"][0]["amountAwarded"] == int(agreement.contributions[0].amount)
    assert all(agreement.id in g["id"] for g in grants["grants"])
    assert (
        Decimal(releases["releases"][0]["contracts"][0]["value"]["amount"])
        == agreement.contributions[0].amount
    )


def test_a_contract_that_starts_on_the_day_is_active_not_pending() -> None:
    """Issue 22, finding 12: OCDS contract status on the first day of the agreement."""
    from iop_model.outputs.export import _contract_status

    agreement = Agreement(
        "a", PublicParty("K"), IdeaBasedParty("F"), Term.year(2024), decided_on=D(2023, 12, 1)
    )
    assert _contract_status(agreement, D(2023, 12, 31)) == "pending"
    assert _contract_status(agreement, D(2024, 1, 1)) == "active"
    assert _contract_status(agreement, D(2024, 12, 31)) == "active"
    assert _contract_status(agreement, D(2025, 1, 1)) == "terminated"
