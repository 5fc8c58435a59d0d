"""Issue 21: every output from one projection of the case as known on a day.

One test per finding of the metamorphic trial (each failed before the projection), then
the projection itself: what ``Case.as_known_on`` keeps and drops.
"""

from __future__ import annotations

import json
import pathlib

import pendulum

from iop_model import (
    ActivityTarget,
    AggregateReport,
    Agreement,
    Contribution,
    IdeaBasedParty,
    Indicator,
    Length,
    MeetingPlace,
    MinimumDuration,
    PublicParty,
    ReportingDuty,
    Term,
    Termination,
    dumps,
)
from iop_model.case import Case, CaseGoal
from iop_model.outputs.markdown import render_markdown
from iop_model.outputs.text import render_text
from iop_model.queries.report import build
from support import run_cli

D = pendulum.date
ROOT = pathlib.Path(__file__).parent.parent
EXEMPELSTAD = str(ROOT / "examples" / "exempelstad-trygga-vuxna.toml")
CITY = PublicParty("Exempelstads kommun", committee="Socialnämnden")
CLUB = IdeaBasedParty("Föreningen")


def _all_outputs(case: Case, as_of: pendulum.Date, known_on: pendulum.Date | None = None) -> str:
    texts = []
    for lang in ("sv", "en"):
        data = build(case, as_of, lang, known_on=known_on)  # type: ignore[arg-type]
        texts += [json.dumps(data, ensure_ascii=False), render_text(data), render_markdown(data)]
    return "\n".join(texts)


# --- finding 1: a public contribution decided later raised F6 -----------------------------------


def _with_contributions(*more: Contribution) -> Case:
    base = Contribution("partner", "money", 10_000, Term.year(2024), decided_on=D(2023, 12, 1))
    agreement = Agreement(
        "a-2024",
        CITY,
        CLUB,
        Term.year(2024),
        decided_on=D(2023, 12, 1),
        max_extent=D(2025, 12, 31),
        contributions=[base, *more],
    )
    return Case([agreement])


def test_finding_1_a_later_public_contribution_raises_no_flag_and_no_section() -> None:
    later = Contribution("public", "money", 500_000, Term.year(2024), decided_on=D(2024, 9, 1))
    without, with_later = _with_contributions(), _with_contributions(later)
    day = D(2024, 6, 1)
    data = build(with_later, day, "en")
    assert [f["id"] for f in data["flags"]] == [f["id"] for f in build(without, day, "en")["flags"]]
    assert "F6" not in [f["id"] for f in data["flags"] if f["raised"]]
    assert "500000" not in json.dumps(data["contributions"])
    assert _all_outputs(with_later, day) == _all_outputs(without, day)


# --- finding 2: a notice received later was printed ---------------------------------------------


def _notice_case(notified: pendulum.Date | None) -> Case:
    termination = Termination(
        D(2024, 12, 31), D(2024, 4, 1), "Verksamheten upphör", notified_on=notified
    )
    agreement = Agreement(
        "a-2024",
        CITY,
        CLUB,
        Term(D(2023, 1, 1), D(2025, 12, 31)),
        decided_on=D(2022, 12, 1),
        notice_period=Length(months=3),
        termination=termination,
    )
    return Case([agreement])


def test_finding_2_a_notice_received_later_is_not_printed() -> None:
    day = D(2024, 4, 15)
    later = _notice_case(D(2024, 5, 10))
    text = _all_outputs(later, day)
    assert "2024-05-10" not in text
    data = build(later, day, "en")
    assert data["agreements"][0]["termination"]["notified_on"] is None
    # once received, it is shown
    assert "2024-05-10" in render_text(build(later, D(2024, 5, 10), "en"))


# --- finding 3: a straddling activity report received later hid the missing follow-up ------------


def _straddling_case(received: pendulum.Date) -> Case:
    agreement = Agreement(
        "a-2023",
        CITY,
        CLUB,
        Term(D(2023, 1, 1), D(2024, 12, 31)),
        decided_on=D(2022, 12, 1),
    )
    report = AggregateReport(
        Term(D(2023, 12, 1), D(2024, 1, 31)), occasions=5, total_visitors=50, received_on=received
    )
    place = MeetingPlace("a-2023", "Träffpunkten", reports=[report])
    return Case([agreement], [place], [CaseGoal("partnership", MinimumDuration(years=2))])


def _empty_case() -> Case:
    case = _straddling_case(D(2024, 3, 15))
    return Case(case.agreements, [MeetingPlace("a-2023", "Träffpunkten")], case.goals)


def test_finding_3_a_later_straddling_report_keeps_the_missing_follow_up_and_the_years() -> None:
    day = D(2024, 3, 1)
    later = _straddling_case(D(2024, 3, 15))
    data = build(later, day, "sv")
    assert data["goals"][0]["follow_up_missing"] == ["2023"]
    assert [f["period"] for f in data["activities"][0]["figures"]] == [
        {"start": "2023-01-01", "end": "2023-12-31"},
        {"start": "2024-01-01", "end": "2024-12-31"},
    ]
    assert "Uppföljning saknas för 2023" in render_text(data)
    assert _all_outputs(later, day) == _all_outputs(_empty_case(), day)


# --- finding 4: the CSV overview with --known-on was computed as of the day of knowledge ---------


def test_finding_4_csv_overview_is_as_of_the_as_of_day_with_known_on() -> None:
    args = ["report", EXEMPELSTAD, "--as-of", "2025-03-01", "--known-on", "2024-05-01"]
    result = run_cli(*args, "--format", "csv", "--lang", "en")
    assert result.returncode == 0, result.stderr
    header, row = result.stdout.lstrip("\ufeff").splitlines()[:2]
    record = dict(zip(header.split(";"), row.split(";"), strict=True))
    assert record["as_of"] == "2025-03-01"
    assert record["known_on"] == "2024-05-01"
    # as known on 2024-05-01 the agreement ends 2024-08-31: not in force on 2025-03-01, and
    # the report for 2024-03-01..2024-08-31 (due 2024-10-31) is overdue as of 2025-03-01
    assert record["active"] == "false"
    assert record["in_force_end"] == "2024-08-31"
    assert record["late_reports"] == "1"
    page = run_cli(*args, "--format", "html", "--lang", "en").stdout
    assert "2024-08-31" in page


# --- finding 5: pictures drew decisions made later --------------------------------------------


def test_finding_5_the_web_page_picture_draws_only_what_was_known() -> None:
    from iop_model.cases import molndal
    from iop_model.outputs.svg import timeline_svg

    full = molndal.case()
    day = D(2019, 6, 30)
    svg = timeline_svg(full.as_known_on(day), day, "en")
    assert "decided later" not in svg
    assert svg.count("<rect") == 1  # the 2019 agreement only
    shown = timeline_svg(full.as_known_on(day), day, "en", show_later=True)
    assert "decided later" in shown
    assert shown.count("<rect") == 3


def test_finding_5_show_later_on_the_command_line(tmp_path: pathlib.Path) -> None:
    from iop_model.cases import molndal

    source = tmp_path / "molndal.toml"
    source.write_text(dumps(molndal.case()), encoding="utf-8")
    page = run_cli("report", str(source), "--as-of", "2019-06-30", "--format", "html").stdout
    assert "beslutat senare" not in page
    later = run_cli(
        "report", str(source), "--as-of", "2019-06-30", "--format", "html", "--show-later"
    ).stdout
    assert "beslutat senare" in later
    text = run_cli("report", str(source), "--as-of", "2019-06-30", "--show-later").stdout
    assert "Beslutat eller inkommet senare, inte känt 2019-06-30 (visas på begäran)" in text
    assert "2019-12-19: förlängning av molndal-konstkollektivet-2019 beslutad" in text
    plain = run_cli("report", str(source), "--as-of", "2019-06-30").stdout
    assert "2019-12-19" not in plain


# --- the projection -----------------------------------------------------------------------------


def test_case_as_known_on_keeps_only_what_was_known() -> None:
    report_2023 = AggregateReport(
        Term.year(2023), occasions=3, total_visitors=30, received_on=D(2024, 2, 1)
    )
    agreement = Agreement(
        "a-2023",
        CITY,
        CLUB,
        Term(D(2023, 1, 1), D(2024, 12, 31)),
        decided_on=D(2022, 12, 1),
        reporting=ReportingDuty(every="year", due="03-31"),
        contributions=[
            Contribution("public", "money", 100, Term.year(2023), decided_on=D(2022, 12, 1)),
            Contribution("public", "money", 200, Term.year(2024), decided_on=D(2023, 12, 1)),
        ],
    )
    place = MeetingPlace("a-2023", "Träffpunkten", reports=[report_2023])
    target = ActivityTarget(Indicator.OCCASIONS, Term.year(2023), target=2)
    case = Case([agreement], [place], [CaseGoal("Träffpunkten", target)])
    known = case.as_known_on(D(2023, 6, 1))
    assert known.known_on == D(2023, 6, 1)
    assert known.source is case
    assert known.partnership is not None
    assert [c.amount for c in known.partnership.agreements[0].contributions] == [100]
    assert known.activities[0].reports == ()
    assert case.as_known_on(D(2023, 6, 1)) is known  # computed once
    assert case.as_known_on(D(2025, 1, 1)).activities[0] is place  # nothing later: the same
