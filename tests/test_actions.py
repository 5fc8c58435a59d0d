"""Case.actions and the `iop-model due` command (T9, D4-D7, G7), as known on a day (T13)."""

from __future__ import annotations

import csv
import io
import json
import pathlib

import icalendar
import pendulum
import pytest
from hypothesis import given, settings

from iop_model import (
    Agreement,
    CaseError,
    Extension,
    FollowUpReport,
    IdeaBasedParty,
    Length,
    PublicParty,
    ReportingDuty,
    Term,
    load,
)
from iop_model.case import Case
from iop_model.cases import molndal
from iop_model.outputs import due
from iop_model.queries.actions import ActionKind
from iop_model.testing import dates
from support import run_cli

D = pendulum.date
ROOT = pathlib.Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
EXEMPELSTAD = load(EXAMPLES / "exempelstad-trygga-vuxna.toml")


def kinds(case: Case, day: pendulum.Date, within: int = 365) -> list[tuple[str, str]]:
    return [(a.kind.value, a.day.isoformat()) for a in case.actions(day, within)]


def test_example_as_of_2024_06_01() -> None:
    assert kinds(EXEMPELSTAD, D(2024, 6, 1)) == [
        ("give_notice", "2024-06-28"),  # D4: 30 June is a Sunday
        ("decide", "2024-08-31"),
        ("goal_at_risk", "2024-08-31"),
        ("report_due", "2024-10-31"),  # D6: the second agreement year as known then
    ]


def test_T13_the_extension_decided_2024_06_10_is_not_known_before_that_day() -> None:
    before = kinds(EXEMPELSTAD, D(2024, 6, 9))
    after = kinds(EXEMPELSTAD, D(2024, 6, 10))
    assert ("decide", "2024-08-31") in before
    assert ("decide", "2024-08-31") not in after
    assert ("decide", "2025-02-28") in after  # the extended term's end
    assert ("goal_at_risk", "2024-08-31") not in after  # the extension secured the goal


def test_D7_overdue_report_comes_first_and_stays_until_received() -> None:
    actions = EXEMPELSTAD.actions(D(2025, 2, 15), within_days=0)
    assert [(a.kind, a.day, a.days_left) for a in actions] == [
        (ActionKind.REPORT_OVERDUE, D(2025, 1, 30), -16)
    ]
    action = actions[0]
    assert action.is_overdue
    assert action.rules == ("D6", "D7")
    assert "16 dagar försenad" in action.text("sv")
    assert "16 days overdue" in action.text("en")
    assert "(D7)" in action.explain("sv")
    assert "(T13)" in action.explain("en")
    data = action.to_dict()
    assert data["kind"] == "report_overdue"
    assert data["overdue"] is True
    assert data["days_left"] == -16
    assert data["rules"] == ["D6", "D7"]


def test_D7_a_report_received_on_the_due_day_removes_the_action() -> None:
    agreement = Agreement(
        "a",
        PublicParty("Exempelstad"),
        IdeaBasedParty("Föreningen"),
        Term.year(2024),
        reporting=ReportingDuty(every="year", due="02-28"),
        follow_up_reports=[FollowUpReport(Term.year(2024), D(2025, 2, 28))],
    )
    case = Case([agreement])
    assert [a.kind for a in case.actions(D(2025, 2, 27), 30)] == [ActionKind.REPORT_DUE]
    assert case.actions(D(2025, 2, 28), 30) == ()
    assert [a.kind for a in case.actions(D(2025, 3, 1), 30)] == []  # on time (D7)


def test_molndal_actions_follow_the_decisions_as_known() -> None:
    case = molndal.case()
    assert kinds(case, D(2019, 9, 1), 180) == [
        ("decide", "2019-12-31"),
        ("goal_at_risk", "2019-12-31"),
        ("goal_at_risk", "2019-12-31"),
    ]
    assert kinds(case, D(2019, 12, 19), 180) == []  # the extension: 743 days to decide
    assert kinds(case, D(2021, 9, 1), 180) == [("decide", "2021-12-31")]
    assert kinds(case, D(2021, 10, 31), 180) == []  # the 2022 agreement is known
    assert kinds(case, D(2024, 6, 1), 365) == [("decide", "2024-12-31")]
    assert case.actions(D(2018, 1, 1)) == ()  # nothing decided yet


def test_decision_due_is_a_subset_of_actions() -> None:
    case = molndal.case()
    for day in (D(2019, 9, 1), D(2021, 9, 1), D(2024, 7, 1)):
        found = case.decision_due(day, 180)
        decide = [a for a in case.actions(day, 180) if a.kind is ActionKind.DECIDE]
        assert (found is None) == (not decide)
        if found is not None:
            assert decide[0].day == found.decide_by
            assert decide[0].days_left == found.days_left


def test_bad_horizon_is_refused() -> None:
    with pytest.raises(CaseError) as caught:
        molndal.case().actions(D(2021, 1, 1), within_days=-1)
    assert caught.value.field == "within_days"


@settings(max_examples=60, deadline=None)
@given(dates(2022, 2026))
def test_T13_property_actions_equal_those_of_the_decisions_known_that_day(
    day: pendulum.Date,
) -> None:
    """A case cut to what was known on the day gives the same actions: nothing decided
    later shows through."""
    actions = EXEMPELSTAD.actions(day, 400)
    if not EXEMPELSTAD.partnership.known_on(day):
        assert actions == ()
        return
    known = [a.as_known_on(day) for a in EXEMPELSTAD.agreements if a.known_on(day)]
    cut = Case(known, goals=EXEMPELSTAD.minimum_durations())
    assert actions == cut.actions(day, 400)
    for action in actions:
        assert action.kind is ActionKind.REPORT_OVERDUE or action.day >= day


def test_extension_roll_moves_the_decide_day() -> None:
    term = Term(D(2023, 9, 1), D(2024, 8, 31))  # ends on a Saturday
    city, club = PublicParty("Exempelstad"), IdeaBasedParty("Föreningen")
    plain = Case([Agreement("a", city, club, term)])
    rolled = Case([Agreement("a", city, club, term, extension_roll="next_weekday")])
    assert [a.day for a in plain.actions(D(2024, 8, 1), 60)] == [D(2024, 8, 31)]
    action = rolled.actions(D(2024, 8, 1), 60)[0]
    assert action.day == D(2024, 9, 2)
    assert "(T9, D3)" in action.explain("en")


def test_notice_action_disappears_once_terminated_and_after_its_day() -> None:
    city, club = PublicParty("Exempelstad"), IdeaBasedParty("Föreningen")
    a = Agreement("a", city, club, Term.year(2024), notice_period=Length(months=3))
    assert ("give_notice", "2024-09-30") in kinds(Case([a]), D(2024, 9, 30))
    assert ("give_notice", "2024-09-30") not in kinds(Case([a]), D(2024, 10, 1))
    ended = a.terminate(D(2024, 12, 31), D(2024, 9, 1), "Uppsägning")
    assert [k for k, _ in kinds(Case([ended]), D(2024, 9, 1))] == []
    extended = a.extend(Extension(D(2024, 9, 1), "Socialnämnden", years=1))
    assert ("give_notice", "2025-09-30") in kinds(Case([extended]), D(2025, 9, 1))


# --- outputs and the command -------------------------------------------------------------------


def rows(day: pendulum.Date) -> list[tuple[str, object]]:
    return due.collect([("x.toml", EXEMPELSTAD), ("m.toml", molndal.case())], day, 365)  # type: ignore[return-value]


def test_ics_parses_back_with_stable_uids_and_alarms() -> None:
    first = icalendar.Calendar.from_ical(due.render_ics(rows(D(2024, 6, 1)), "en"))  # type: ignore[arg-type]
    events = first.walk("VEVENT")
    assert len(events) == 5
    for event in events:
        assert event.get("dtstart").dt < event.get("dtend").dt
        assert str(event.get("uid")).endswith("@iop-model")
        alarms = event.walk("VALARM")
        assert len(alarms) == 1
        assert alarms[0].get("trigger").dt.days == -due.ALARM_DAYS
        assert "(T13)" in str(event.get("description"))
    assert len({str(e.get("uid")) for e in events}) == len(events)
    # The same report period keeps its UID when it turns from due to overdue.
    later = icalendar.Calendar.from_ical(due.render_ics(rows(D(2024, 9, 1)), "en"))  # type: ignore[arg-type]
    uids = {str(e.get("summary")): str(e.get("uid")) for e in later.walk("VEVENT")}
    decide = [u for s, u in uids.items() if s.startswith("decide an extension of exempelstad")]
    before = {str(e.get("summary")): str(e.get("uid")) for e in events}
    assert decide == [
        u for s, u in before.items() if s.startswith("decide an extension of exempelstad")
    ]


def test_cli_due_text_for_a_folder_matches_the_issue_example() -> None:
    result = run_cli("due", str(EXAMPLES), "--as-of", "2024-06-01", "--within", "365")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Åtgärder per 2024-06-01")
    assert (
        "2024-06-28  sista dag för uppsägning av exempelstad-trygga-vuxna-2023 till 2024-08-31"
        in out
    )
    assert "27 dagar kvar · D4, D5 · " in out
    assert (
        "2024-12-31  beslut om förlängning av molndal-konstkollektivet-2022 eller nytt avtal" in out
    )
    days = [line[:10] for line in out.splitlines()[1:] if not line.startswith(" ")]
    assert days == sorted(days)


def test_cli_due_json_csv_and_ics(tmp_path: pathlib.Path) -> None:
    args = ("due", str(EXAMPLES), "--as-of", "2025-02-15", "--within", "30")
    data = json.loads(run_cli(*args, "--format", "json").stdout)
    assert data["as_of"] == "2025-02-15"
    assert data["within_days"] == 30
    assert data["actions"][0]["kind"] == "report_overdue"
    assert data["actions"][0]["file"].endswith("exempelstad-trygga-vuxna.toml")
    out = tmp_path / "due.csv"
    assert run_cli(*args, "--format", "csv", "--lang", "en", "-o", str(out)).returncode == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert list(table[0]) == list(due.CSV_COLUMNS)
    assert table[0]["kind"] == "report_overdue"
    assert table[0]["overdue"] == "true"
    ics = tmp_path / "due.ics"
    written = run_cli(*args, "--format", "ics", "-o", str(ics))
    assert written.returncode == 0
    assert written.stdout.strip() == f"{ics}: 1 action as of 2025-02-15"
    calendar = icalendar.Calendar.from_ical(ics.read_bytes())
    assert [str(e.get("categories").cats[0]) for e in calendar.walk("VEVENT")] == ["report_overdue"]


def test_cli_due_reports_every_problem_in_every_file_at_once(tmp_path: pathlib.Path) -> None:
    (tmp_path / "a.toml").write_text('format_version = 1\n[[agreements]]\nid = "a"\n', "utf-8")
    (tmp_path / "b.json").write_text('{"format_version": 2}', "utf-8")
    (tmp_path / "notes.txt").write_text("not an agreement", "utf-8")
    result = run_cli("due", str(tmp_path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{tmp_path / 'a.toml'}: agreements[0].term: missing required field" in result.stderr
    assert f"{tmp_path / 'b.json'}: format_version: unknown format_version" in result.stderr
    assert "notes.txt" not in result.stderr
    missing = run_cli("due", str(tmp_path / "nothing-here"))
    assert missing.returncode == 1
    assert "no such file or folder" in missing.stderr
    assert run_cli("due", str(EXAMPLES), "--within", "-3").returncode == 2


@pytest.mark.parametrize(
    ("left", "sv", "en"),
    [
        (1, "1 dag kvar", "1 day left"),
        (1040, "1\u00a0040 dagar kvar", "1,040 days left"),
        (0, "i dag", "today"),
        (-2, "2 dagar försenad", "2 days overdue"),
    ],
)
def test_an_actions_days_are_counted_as_authorities_write_them(left: int, sv: str, en: str) -> None:
    from iop_model.queries.actions import Action

    as_of = pendulum.date(2024, 1, 1)
    action = Action(
        ActionKind.DECIDE, as_of.add(days=left), as_of, "a", "a", "k", "beslut", "decision", (), ()
    )
    assert action.text("sv").endswith(f"({sv})")
    assert action.text("en").endswith(f"({en})")


# --- issue 22, finding 12: mutants that survived -------------------------------------------------


def test_the_horizon_holds_its_last_day_and_T9_its_agreements_last_day() -> None:
    city, club = PublicParty("Exempelstad"), IdeaBasedParty("Föreningen")
    case = Case([Agreement("a", city, club, Term.year(2024), decided_on=D(2023, 12, 1))])
    decide = [
        a for a in case.actions(D(2024, 12, 1), within_days=30) if a.kind is ActionKind.DECIDE
    ]
    assert [a.day for a in decide] == [D(2024, 12, 31)]  # 30 days left: the horizon's last day
    assert case.actions(D(2024, 12, 1), within_days=29) == ()
    on_the_day = case.actions(D(2024, 12, 31), within_days=0)
    assert [(a.kind, a.days_left) for a in on_the_day] == [(ActionKind.DECIDE, 0)]  # T9
    assert case.actions(D(2025, 1, 1), within_days=365) == ()
