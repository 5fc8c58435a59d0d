"""Issue 11: every answer is what was known then, on whose decision, in correct law and
correct Swedish. One test per finding, then a walk over every output and many as-of days."""

from __future__ import annotations

import hashlib
import json
import pathlib
import re
from fractions import Fraction

import pendulum
import pytest

from iop_model import (
    RULES,
    ActivityTarget,
    AggregateReport,
    Agreement,
    Extension,
    GoalError,
    IdeaBasedParty,
    Indicator,
    MeetingPlace,
    MinimumDuration,
    Partnership,
    PartnershipError,
    PublicParty,
    Term,
    __version__,
    load,
)
from iop_model.case import Case, CaseGoal
from iop_model.cases import molndal
from iop_model.outputs.markdown import render_markdown
from iop_model.outputs.text import render_text
from iop_model.queries.report import build
from iop_model.rules import fingerprint
from support import run_cli

D = pendulum.date
ROOT = pathlib.Path(__file__).parent.parent
MOLNDAL = str(ROOT / "examples" / "molndal-konstkollektivet.toml")
EXEMPELSTAD = str(ROOT / "examples" / "exempelstad-trygga-vuxna.toml")
SHELTER = str(ROOT / "examples" / "exempelby-kvinnojour.toml")
CITY = PublicParty("Mölndals stad", committee="Kultur- och fritidsnämnden")
CLUB = IdeaBasedParty("Konstkollektivet")


def outputs(case: Case, day: pendulum.Date, lang: str = "sv") -> dict[str, str]:
    data = build(case, day, lang)  # type: ignore[arg-type]
    return {
        "text": render_text(data),
        "markdown": render_markdown(data),
        "json": json.dumps(data, ensure_ascii=False),
    }


# --- finding 1: activity years that exist only through a later extension ------------------------


def test_finding_1_no_activity_years_from_a_later_extension() -> None:
    out = run_cli("report", MOLNDAL, "--as-of", "2019-06-30", "--lang", "en")
    assert out.returncode == 0, out.stderr
    assert "In force: 2019-01-01–2019-12-31" in out.stdout
    assert "2020:" not in out.stdout
    assert "2021:" not in out.stdout
    data = json.loads(
        run_cli("report", MOLNDAL, "--as-of", "2019-06-30", "--format", "json").stdout
    )
    periods = {f["period"]["start"] for a in data["activities"] for f in a["figures"]}
    assert periods == {"2019-01-01"}


# --- finding 3: undated follow-on (T15) is in test_goals; finding 4: late follow-on -------------


def late_partnership() -> Partnership:
    first = Agreement(
        "a", CITY, CLUB, Term(D(2019, 1, 1), D(2021, 12, 31)), decided_on=D(2018, 12, 1)
    )
    late = Agreement("b", CITY, CLUB, Term.year(2022), follows="a", decided_on=D(2022, 1, 10))
    return Partnership([first, late])


def test_finding_4_a_late_follow_on_is_named_with_the_reason_and_the_undecided_days() -> None:
    p = late_partnership()
    assessment = MinimumDuration(years=5).assess(p, D(2022, 6, 1))
    assert assessment.status.name == "MISSED"
    sv = assessment.explain("sv")
    assert (
        "Räknas inte: avtal b (2022-01-01–2022-12-31) beslutades 2022-01-10, efter att avtal a "
        "hade upphört 2021-12-31; det fortsätter utan glapp på papperet (T14) men inte i "
        "besluten: inget beslutat avtal gällde 2022-01-01–2022-01-09 (G2, T14)"
    ) in sv
    assert "not in decisions: no decided agreement covered 2022-01-01–2022-01-09" in (
        assessment.explain("en")
    )
    case = Case(p.agreements, goals=[CaseGoal("partnership", MinimumDuration(years=5))])
    text = outputs(case, D(2022, 6, 1))["text"]
    assert "Partnerskap: 2019-01-01–2022-12-31 (4 år), utan glapp (T14)" in text
    assert "Dagar utan beslutat avtal: 2022-01-01–2022-01-09" in text
    assert p.days_without_decision == (Term(D(2022, 1, 1), D(2022, 1, 9)),)


# --- finding 5: a replacing agreement (T16) ----------------------------------------------------


def test_finding_5_a_replacing_agreement_ends_the_running_one_the_day_before() -> None:
    old = Agreement(
        "a", CITY, CLUB, Term(D(2019, 1, 1), D(2021, 12, 31)), decided_on=D(2018, 12, 1)
    )
    new = Agreement(
        "b",
        CITY,
        CLUB,
        Term(D(2020, 7, 1), D(2023, 6, 30)),
        follows="a",
        replaces=True,
        decided_on=D(2020, 5, 1),
    )
    with pytest.raises(PartnershipError, match="T14"):  # without replaces: refused as before
        Partnership([old, Agreement("b", CITY, CLUB, new.term, follows="a")])
    p = Partnership([old, new])
    assert p.agreements[0].end == D(2020, 6, 30)
    assert p.agreements[0].replaced_by == "b"
    assert old.end == D(2021, 12, 31)  # the original is never changed
    assert p.as_known_on(D(2020, 4, 30)).end == D(2021, 12, 31)  # not yet known (T13)
    assessment = MinimumDuration(years=4).assess(p, D(2020, 6, 1))
    assert assessment.status.name == "SECURED"
    assert "T16" in assessment.rules
    assert "Avtal a ersätts av b från 2020-07-01: dess sista giltiga dag är 2020-06-30 (T16)" in (
        assessment.explain("sv")
    )
    with pytest.raises(PartnershipError, match="T16"):
        Partnership([old, Agreement("c", CITY, CLUB, Term.year(2019), follows="a", replaces=True)])


# --- finding 6: "covered" has a rule (G9) --------------------------------------------------------


def test_finding_6_time_run_is_defined_by_G9() -> None:
    text = molndal.GOAL.assess(molndal.extended_agreement(), D(2019, 12, 19)).explain("sv")
    assert "Avtalstid som löpt t.o.m. 2019-12-19: 11 månader 19 dagar (353 dagar) (G9)" in text
    assert "Täckt" not in text
    assert RULES["G9"].title == "Time run"


# --- finding 7: legal sources -------------------------------------------------------------------


def test_finding_7_sources_cite_what_supports_each_rule() -> None:
    assert "BGB § 188(2)-(3)" in RULES["T4"].source
    assert "Japanese Civil Code art. 143(2)" in RULES["T4"].source
    assert "by analogy" in RULES["T4"].source
    assert "HFD 2020 ref. 15" in RULES["T11"].source
    assert "economic consideration" in RULES["T11"].source
    assert "modelling choice" in RULES["T9"].source
    assert "modelling choice" in RULES["T13"].source
    assert all("1182/71" not in rule.source for rule in RULES.values())
    for used in ("2 § lagen (1930:173)", "lagen (1989:253)"):
        assert any(used in RULES[d].source for d in ("D2", "D3")), used
    regler = (ROOT / "docs" / "regler.md").read_text(encoding="utf-8")
    english = [
        line
        for line in regler.splitlines()
        if line.startswith("**Källa:**") and re.search(r"\b(practice|the|and|of)\b", line)
    ]
    assert english == []
    rules = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert "by analogy" in rules
    assert "modelling choice" in rules


# --- finding 8: Swedish as Swedish authorities write it; English words, not codes ---------------


def test_finding_8_swedish_numbers_dates_and_words() -> None:
    text = outputs(molndal.case(), D(2022, 1, 1))["text"]
    assert "1\u00a0040 besökare" in text  # digit groups with a non-breaking space
    assert "= 104\u00a0% (A9)" in text
    assert "1.04" not in text
    assert "2019-01-01–2019-12-31" in text
    assert "2019-01-01..2019-12-31" not in text
    assert "beslutad 2019-12-19 av kultur- och fritidsnämnden" in text  # lower case mid-sentence
    assert "föremål: partnership" not in text
    assert "gäller: partnerskapet" in text
    for english in ("| period | figures |", "as of", "lecture", "partnership)"):
        assert english not in text, english
    assert "per slutet av" not in text
    exempel = outputs(load(EXEMPELSTAD), D(2025, 1, 1))["text"]
    assert "medelvärde 6,84" in exempel
    assert "212/31" not in exempel
    assert "| Period | Nyckeltal |" in outputs(molndal.case(), D(2022, 1, 1))["markdown"]


def test_finding_8_status_words() -> None:
    first = molndal.extended_agreement()
    labels = [
        next(
            line.split(": ")[1]
            for line in molndal.GOAL.assess(first, day).explain("sv").splitlines()
            if line.startswith("Status: ")
        )
        for day in (D(2019, 6, 30), D(2019, 12, 19), D(2022, 1, 1))
    ]
    assert labels == ["Inte säkrat", "Säkrat", "Uppnått"]
    missed = molndal.GOAL.assess(molndal.first_agreement(), D(2020, 1, 1))
    assert "Status: Kan inte uppnås" in missed.explain("sv")
    assert "Återstående tid: 2 år (731 dagar)" in missed.explain("sv")
    running = ActivityTarget(Indicator.OCCASIONS, Term.year(2019), target=25).assess(
        molndal.meeting_place(), D(2019, 6, 30)
    )
    assert "Status: Perioden pågår (A7)" in running.explain("sv")
    assert "Status: PERIOD RUNNING (A7)" in running.explain("en")
    assert "NOT_YET_DUE" not in running.explain("en")


def test_finding_8_english_plurals() -> None:
    data = build(molndal.case(), D(2019, 12, 18), "en")
    text = render_text(data)
    assert "Later decisions in the file, not shown: 2 (T13)" in text
    assert "1 later decisions" not in text
    short = MinimumDuration(days=2).assess(
        Agreement("a", CITY, CLUB, Term(D(2019, 1, 1), D(2019, 1, 1)), decided_on=D(2018, 1, 1)),
        D(2019, 1, 1),
    )
    assert "(1 day)" in short.explain("en")
    assert "1 days" not in short.explain("en")


# --- finding 9: assumptions and illustrative goals are marked ----------------------------------


def test_finding_9_demo_marks_assumptions_and_illustrative_parts() -> None:
    out = run_cli("demo", "--as-of", "2022-01-01").stdout
    assert "Antagande: avtalstiderna följer kalenderår" in out
    assert (
        "Tänkt exempel: 3. minst 25 tillfällen (gäller: Öppen Kulturell Mötesplats): Uppfyllt"
        in out
    )
    assert "Tänkt exempel: utan förlängningen, per 2020-01-01: Kan inte uppnås" in out
    assert "Tänkt exempel: uppsagt med sista dag 2020-06-30" in out


# --- two dates: known_on (G10, A10) -------------------------------------------------------------


def test_G10_known_on_gives_a_projection_and_a_later_day_is_refused() -> None:
    extended = molndal.extended_agreement()
    projection = molndal.GOAL.assess(extended, D(2019, 12, 31), known_on=D(2019, 12, 1))
    assert projection.status.name == "MISSED"
    assert projection.known_on == D(2019, 12, 1)
    assert "G10" in projection.rules
    assert "med de beslut som fattats senast 2019-12-01 (en prognos)" in projection.explain("sv")
    assert molndal.GOAL.assess(extended, D(2019, 12, 31)).status.name == "SECURED"
    with pytest.raises(GoalError) as caught:
        molndal.GOAL.assess(extended, D(2019, 6, 30), known_on=D(2019, 12, 19))
    assert (caught.value.rule, caught.value.field) == ("G10", "known_on")
    cli = run_cli("assess", MOLNDAL, "--as-of", "2019-12-31", "--known-on", "2019-12-01", "--json")
    assert json.loads(cli.stdout)["assessments"][0]["status"] == "missed"
    refused = run_cli("report", MOLNDAL, "--as-of", "2019-06-30", "--known-on", "2019-12-19")
    assert refused.returncode == 1
    assert "G10" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_A10_a_report_counts_from_the_day_it_was_received() -> None:
    report = AggregateReport(
        Term.year(2019), occasions=26, mean_visitors=40, received_on=D(2020, 3, 2)
    )
    place = MeetingPlace("a", "Mötesplats", reports=[report])
    target = ActivityTarget(Indicator.OCCASIONS, Term.year(2019), target=25)
    before = target.assess(place, D(2020, 3, 1))
    assert before.status.name == "NOT_MET"
    assert before["reports"] == 0
    assert target.assess(place, D(2020, 3, 2)).status.name == "MET"
    projected = target.assess(place, D(2020, 6, 1), known_on=D(2020, 1, 15))
    assert projected.status.name == "NOT_MET"
    assert {"G10", "A10"} <= set(projected.rules)
    assert "med de rapporter som kommit in senast 2020-01-15" in projected.explain("sv")
    unreceived = AggregateReport(Term.year(2019), occasions=26, mean_visitors=40)
    assert unreceived.known_from == D(2019, 12, 31)


# --- provenance ---------------------------------------------------------------------------------


def test_provenance_in_reports_and_assessments() -> None:
    out = run_cli("report", MOLNDAL, "--as-of", "2022-01-01", "--format", "json")
    data = json.loads(out.stdout)
    sha = hashlib.sha256(pathlib.Path(MOLNDAL).read_bytes()).hexdigest()
    assert data["provenance"] == {
        "library_version": __version__,
        "rules_fingerprint": fingerprint(),
        "input_sha256": sha,
        "as_of": "2022-01-01",
        "known_on": "2022-01-01",
    }
    for key in ("title", "as_of", "agreements", "later_decisions", "partnership", "goals"):
        assert key in data  # the contract's keys stay
    assessment = molndal.GOAL.assess(molndal.extended_agreement(), D(2022, 1, 1)).to_dict()
    assert {"goal", "subject", "as_of", "status", "figures", "rules", "explanation"} <= set(
        assessment
    )
    assert assessment["provenance"]["rules_fingerprint"] == fingerprint()  # type: ignore[index]
    text = run_cli("report", MOLNDAL, "--as-of", "2022-01-01").stdout
    assert f"filens SHA-256 {sha}" in text


def test_references_are_printed_next_to_their_decisions() -> None:
    first = Agreement(
        "a", CITY, CLUB, Term.year(2019), decided_on=D(2018, 12, 1), reference="KFN 2018/41"
    ).extend(
        Extension(
            D(2019, 12, 19), "Kultur- och fritidsnämnden", years=2, reference="KFN 2019-12-19 § 87"
        )
    )
    text = outputs(Case([first]), D(2020, 1, 1))["text"]
    assert "Beslutat: 2018-12-01 (KFN 2018/41)" in text
    assert "av kultur- och fritidsnämnden (KFN 2019-12-19 § 87) (T8, T9)" in text
    explained = MinimumDuration(years=3).assess(first, D(2020, 1, 1)).explain("sv")
    assert "beslutad 2019-12-19 (KFN 2019-12-19 § 87) (T8)" in explained


# --- follow-up beside duration goals; missing data ------------------------------------------------


def test_follow_up_missing_beside_a_duration_goal_and_missing_decision_days() -> None:
    data = build(molndal.case(), D(2022, 1, 1), "sv")
    assert data["goals"][0]["follow_up_missing"] == ["2020", "2021"]
    assert "Uppföljning saknas för 2020, 2021 (statusen gäller avtalet på papperet)" in render_text(
        data
    )
    assert data["missing_data"] == [
        {
            "path": "agreements[0].decided_on",
            "agreement": "molndal-konstkollektivet-2019",
            "rule": "T15",
        }
    ]
    assert data["goals"][0]["status"] == "achieved"  # the status is about the agreement on paper


# --- T13 in every output ------------------------------------------------------------------------


def later_facts(case: Case, day: pendulum.Date) -> set[str]:
    """Text that only a decision made after ``day`` can put into an output."""
    facts: set[str] = set()
    for agreement in case.agreements:
        if not agreement.known_on(day):
            facts.add(agreement.id)
            if agreement.decided_on is not None:
                facts.add(agreement.decided_on.isoformat())
            facts.add(agreement.end.isoformat())
        for extension in agreement.extensions:
            if extension.decided_on > day:
                facts.add(extension.decided_on.isoformat())
        if agreement.termination is not None and agreement.termination.decided_on > day:
            facts.add(agreement.termination.decided_on.isoformat())
        for contribution in agreement.contributions:
            if contribution.decided_on is not None and contribution.decided_on > day:
                facts.add(contribution.decided_on.isoformat())
                if contribution.reference:
                    facts.add(contribution.reference)
    return facts


DAYS = [
    D(2019, 6, 30), D(2019, 12, 18), D(2019, 12, 19), D(2021, 9, 1), D(2021, 12, 31),
    D(2022, 1, 1), D(2023, 3, 1), D(2023, 6, 1), D(2024, 5, 20), D(2024, 6, 9),
    D(2024, 6, 10), D(2024, 10, 14), D(2025, 2, 1), D(2025, 5, 19), D(2025, 10, 15),
]  # fmt: skip


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_T13_no_output_shows_a_later_decision(day: pendulum.Date) -> None:
    for case in (molndal.case(), load(EXEMPELSTAD), load(SHELTER)):
        facts = later_facts(case, day)
        facts -= {
            g["figures"]["threshold"]
            for g in build(case, day)["goals"]  # a goal's own day
            if isinstance(g["figures"].get("threshold"), str)
        }
        for lang in ("sv", "en"):
            for name, text in outputs(case, day, lang).items():
                leaked = sorted(fact for fact in facts if fact in text)
                assert leaked == [], f"{day} {lang} {name}: {leaked}"
        actions = " ".join(a.explain("en") + a.text("en") for a in case.actions(day, 3650))
        assert not [fact for fact in facts if fact in actions], day


@pytest.mark.parametrize(
    "day", ["2019-06-30", "2019-12-18", "2019-12-19", "2021-12-31", "2022-01-01"]
)
def test_T13_demo_shows_nothing_decided_after_the_day(day: str) -> None:
    out = run_cli("demo", "--as-of", day).stdout
    facts = later_facts(molndal.case(), pendulum.parse(day).date())  # type: ignore[union-attr]
    facts.discard("2021-12-31")  # the goal's threshold day, known from the start
    assert [fact for fact in facts if fact in out] == []


def test_fraction_value_kept_exact_in_json() -> None:
    data = build(load(EXEMPELSTAD), D(2025, 1, 1), "sv")
    mean_goal = data["goals"][2]
    assert Fraction(mean_goal["figures"]["actual"]) == Fraction(212, 31)
