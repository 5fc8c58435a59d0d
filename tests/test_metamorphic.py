"""Issue 21: the metamorphic test of the as-of promise (T13, G10, M3, D7, A10).

A case is drawn (:func:`iop_model.testing.cases`), then a day of knowledge K and an as-of day
D >= K, then decisions and reports dated after K are added to it: extensions, terminations
with and without notice, notices received later, follow-on agreements (backdated and
replacing ones among them, with goals and activities of their own), contributions,
follow-up reports, activity reports (some straddling a year's end), occasions, events,
indicator records, memberships and evidence. Every output as of D known on K, in every
format and both languages, must be the same for the case with and without them: the
documented counters of later decisions and goals are the only lines allowed to differ.

CI runs 200 cases; ``pytest --hypothesis-profile=thorough`` runs 2,000.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import json
import os
import re
from collections.abc import Callable
from typing import Any
from unittest import mock

import attrs
import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iop_model import (
    ActivityTarget,
    AggregateReport,
    Agreement,
    Contribution,
    Event,
    EventKind,
    Evidence,
    Extension,
    FollowUpReport,
    GeneralActivity,
    Indicator,
    IOPError,
    MeetingPlace,
    Membership,
    MinimumDuration,
    Network,
    Occasion,
    Portfolio,
    Record,
    Term,
    Termination,
    Venue,
    flags,
)
from iop_model.case import Case, CaseGoal
from iop_model.outputs import due as due_output
from iop_model.outputs.export import export
from iop_model.outputs.html import render_csv, render_html
from iop_model.outputs.markdown import render_markdown
from iop_model.outputs.svg import timeline_svg
from iop_model.outputs.text import render_text
from iop_model.queries.report import build
from iop_model.testing import cases, days_in

Date = pendulum.Date
DrawFn = Callable[[st.SearchStrategy[Any]], Any]
NAME = "partnerskap.toml"  # no such file: the outputs carry no input hash
STAMP = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)

_profile_examples = settings().max_examples
EXAMPLES = 200 if _profile_examples == 100 else _profile_examples  # default 200, thorough 2000


# --- adding what came later ---------------------------------------------------------------------


def _later(draw: DrawFn, after: Date, until: Date) -> Date | None:
    """A day after ``after`` and no later than ``until``, or ``None`` when there is none."""
    low = max(after.toordinal() + 1, 1)
    if low > until.toordinal():
        return None
    return Date.fromordinal(draw(st.integers(low, until.toordinal())))


def _last_decision(agreement: Agreement) -> Date:
    days = [e.decided_on for e in agreement.extensions]
    if agreement.decided_on is not None:
        days.append(agreement.decided_on)
    return max(days, default=agreement.start)


def _with_agreement(case: Case, new: Agreement) -> Case:
    agreements = [new if a.id == new.id else a for a in case.agreements]
    return attrs.evolve(case, agreements=agreements)


def _with_activity(case: Case, new: Any) -> Case:
    activities = [new if a.name == new.name else a for a in case.activities]
    return attrs.evolve(case, activities=activities)


def add_extension(draw: DrawFn, case: Case, known_on: Date) -> Case:
    last = case.agreement(case.partnership.last.id)
    if last.termination is not None:
        return case
    decided = _later(draw, max(known_on, _last_decision(last)), last.extension_deadline())
    if decided is None:
        return case
    extension = Extension(decided, "Nämnden", months=draw(st.integers(1, 24)))
    return _with_agreement(case, last.extend(extension))


def add_termination(draw: DrawFn, case: Case, known_on: Date) -> Case:
    agreement = draw(st.sampled_from(case.agreements))
    if agreement.termination is not None:
        return case
    decided = _later(draw, max(known_on, _last_decision(agreement)), agreement.end)
    if decided is None:
        return case
    on = draw(days_in(Term(decided, agreement.end)))
    notified = draw(st.none() | days_in(Term(decided, on)))
    kind = draw(st.sampled_from(["notice", "mutual", "breach"]))
    termination = Termination(on, decided, "Upphör", kind=kind, notified_on=notified)
    try:
        ended = attrs.evolve(agreement, termination=termination)
    except IOPError:  # the notice period has not run (D5): a mutual ending instead
        ended = attrs.evolve(agreement, termination=attrs.evolve(termination, kind="mutual"))
    return _with_agreement(case, ended)


def add_notice(draw: DrawFn, case: Case, known_on: Date) -> Case:
    """A notice that reached the other party after K, of a termination decided by K."""
    for agreement in case.agreements:
        termination = agreement.termination
        if termination is None or termination.decided_on > known_on:
            continue
        if termination.notified_on is not None:
            continue
        notified = _later(draw, known_on, termination.on)
        if notified is None:
            continue
        return _with_agreement(
            case,
            attrs.evolve(agreement, termination=attrs.evolve(termination, notified_on=notified)),
        )
    return case


def with_known_termination(draw: DrawFn, case: Case, known_on: Date) -> Case:
    """The case with a termination decided by K that ends the agreement after K (for a notice
    to arrive later): part of what was known, so applied to both sides of the comparison."""
    for agreement in case.agreements:
        if agreement.termination is not None or agreement.end <= known_on:
            continue
        low = max(_last_decision(agreement), agreement.start)
        if low > known_on:
            continue
        decided = draw(days_in(Term(low, known_on)))
        on = draw(days_in(Term(known_on.add(days=1), agreement.end)))
        termination = Termination(on, decided, "Upphör", kind="mutual")
        return _with_agreement(case, attrs.evolve(agreement, termination=termination))
    return case


def add_follow_on(draw: DrawFn, case: Case, known_on: Date) -> Case:
    last = case.partnership.last
    decided = Date.fromordinal(known_on.toordinal() + draw(st.integers(1, 900)))
    replaces = draw(st.booleans()) and last.end > last.start
    if replaces:
        start = draw(days_in(Term(last.start.add(days=1), last.end)))
    else:
        start = last.end.add(days=1 + draw(st.sampled_from([0, 0, 30])))  # maybe backdated
    index = len(case.agreements)
    new = Agreement(
        f"later-{index}",
        last.public_party,
        last.partner,
        Term.starting(start, years=draw(st.integers(1, 3))),
        decided_on=decided,
        follows=last.id,
        replaces=replaces,
        contributions=[
            Contribution("public", "money", 100_000, Term(start, start), decided_on=decided)
        ],
    )
    activities = list(case.activities)
    goals = list(case.goals)
    if draw(st.booleans()):
        name = f"Ny verksamhet {index}"
        activities.append(MeetingPlace(new.id, name, occasions=[Occasion(start, 12)]))
        goals.append(CaseGoal(name, ActivityTarget(Indicator.OCCASIONS, Term.year(start.year), 1)))
    if draw(st.booleans()):
        goals.append(CaseGoal(new.id, MinimumDuration(years=1)))
    return Case([*case.agreements, new], activities, goals, title=case.title)


def add_contribution(draw: DrawFn, case: Case, known_on: Date) -> Case:
    agreement = draw(st.sampled_from(case.agreements))
    decided = Date.fromordinal(known_on.toordinal() + draw(st.integers(1, 400)))
    period = draw(st.sampled_from([agreement.span, Term(agreement.end, agreement.end)]))
    by = draw(st.sampled_from(["public", "partner"]))
    added = Contribution(by, "money", draw(st.integers(0, 5_000_000)), period, decided_on=decided)
    return _with_agreement(
        case, attrs.evolve(agreement, contributions=(*agreement.contributions, added))
    )


def add_follow_up_report(draw: DrawFn, case: Case, known_on: Date) -> Case:
    with_duty = [a for a in case.agreements if a.reporting is not None]
    if not with_duty:
        return case
    agreement = draw(st.sampled_from(with_duty))
    assert agreement.reporting is not None
    periods = [
        period
        for period, _ in agreement.reporting.periods(agreement.span)
        if not any(r.covers(period) for r in agreement.follow_up_reports)
    ]
    if not periods:
        return case
    period = draw(st.sampled_from(periods))
    received = Date.fromordinal(max(known_on, period.end).toordinal() + draw(st.integers(1, 300)))
    report = FollowUpReport(period, received)
    return _with_agreement(
        case, attrs.evolve(agreement, follow_up_reports=(*agreement.follow_up_reports, report))
    )


def add_evidence(draw: DrawFn, case: Case, known_on: Date) -> Case:
    agreement = draw(st.sampled_from(case.agreements))
    used = {item.criterion for item in agreement.evidence}
    free = [c for c in ("no_market", "principle_quality", "political_programme") if c not in used]
    if not free:
        return case
    given = Date.fromordinal(known_on.toordinal() + draw(st.integers(1, 400)))
    item = Evidence(draw(st.sampled_from(free)), "Senare underlag.", given_on=given)
    return _with_agreement(case, attrs.evolve(agreement, evidence=(*agreement.evidence, item)))


def add_activity_fact(draw: DrawFn, case: Case, known_on: Date) -> Case:
    """An occasion, event, record, membership or aggregate report (some straddling a year's
    end) known after K, on an activity of the case."""
    if not case.activities:
        return case
    activity = draw(st.sampled_from(case.activities))
    span = case.agreement(activity.agreement_id).span
    day = _later(draw, max(known_on, span.start.subtract(days=1)), span.end)
    if isinstance(activity, Network):
        if day is None:
            return case
        staying = [m for m in activity.memberships if m.left is None and m.joined <= known_on]
        if staying and draw(st.booleans()):
            member = staying[0]
            memberships = [
                attrs.evolve(m, left=day) if m is member else m for m in activity.memberships
            ]
        else:
            memberships = [*activity.memberships, Membership("Ny förening", day)]
        changed: Any = attrs.evolve(activity, memberships=memberships)
    elif draw(st.booleans()) and isinstance(activity, (MeetingPlace, Venue)):
        start = draw(days_in(span))
        end = draw(days_in(Term(start, min(span.end, start.add(days=90)))))
        received = Date.fromordinal(max(known_on, end).toordinal() + draw(st.integers(1, 120)))
        kind = EventKind.CONCERT if isinstance(activity, Venue) else None
        report = AggregateReport(
            Term(start, end), draw(st.integers(1, 9)), total_visitors=40, kind=kind,
            received_on=received,
        )  # fmt: skip
        changed = attrs.evolve(activity, reports=(*activity.reports, report))
    elif day is None:
        return case
    elif isinstance(activity, MeetingPlace):
        changed = activity.report(Occasion(day, 7, label="senare"))
    elif isinstance(activity, Venue):
        event = Event(EventKind.LECTURE, day, 30, title="Senare")
        changed = attrs.evolve(activity, events=(*activity.events, event))
    elif isinstance(activity, GeneralActivity):
        record = Record(day, {"support_calls": 3}, label="senare")
        changed = attrs.evolve(activity, records=(*activity.records, record))
    else:  # pragma: no cover - the strategy makes no other kind
        return case
    return _with_activity(case, changed)


ADDITIONS = [
    add_extension,
    add_termination,
    add_notice,
    add_follow_on,
    add_contribution,
    add_follow_up_report,
    add_evidence,
    add_activity_fact,
]


def _days(case: Case) -> list[Date]:
    days = []
    for agreement in case.agreements:
        days += [agreement.start, agreement.end, agreement.known_from]
        days += [e.decided_on for e in agreement.extensions]
    return days


def _by_id(case: Case) -> Case:
    """The case with its activities naming their agreement by id (as in a file), so that an
    agreement can change."""
    activities = [attrs.evolve(a, agreement=a.agreement_id) for a in case.activities]
    return attrs.evolve(case, activities=activities)


@st.composite
def scenarios(draw: DrawFn) -> tuple[Case, Case, Date, Date, list[str]]:
    """A case, the same case with facts dated after K added, D and K."""
    case = _by_id(draw(cases()))
    days = _days(case)
    known_on = draw(days_in(Term(min(days), max(days)), before=60, after=60))
    as_of = known_on if draw(st.booleans()) else known_on.add(days=draw(st.integers(1, 1500)))
    if draw(st.integers(0, 3)) == 0:
        # the agreement's rules may refuse it (its activities reach past the end, A2)
        with contextlib.suppress(IOPError):
            case = with_known_termination(draw, case, known_on)
    plus = case
    applied = []
    for addition in draw(st.lists(st.sampled_from(ADDITIONS), min_size=1, max_size=4)):
        try:
            changed = addition(draw, plus, known_on)
        except IOPError:
            continue  # the rules refuse this one (A3, T14, T16, ...): try the next
        if changed is not plus:
            applied.append(addition.__name__)
            plus = changed
    return case, plus, as_of, known_on, applied


# --- every output -------------------------------------------------------------------------------

_COUNTERS = re.compile(
    r"(Senare beslut i filen, visas inte|Later decisions in the file, not shown|"
    r"Mål för avtal eller aktiviteter som beslutades senare, visas inte|"
    r"Goals on agreements or activities decided later, not shown): \d+ \(T13\)"
)


def _plain(text: str) -> str:
    """Text without the lines of the documented counters of later decisions and goals (and
    the blank lines around them)."""
    text = re.sub(f"<li>{_COUNTERS.pattern}</li>", "", text)  # the web page's list items
    lines = [line for line in text.split("\n") if not _COUNTERS.search(line)]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines))


def _json(data: Any) -> str:
    if isinstance(data, dict):
        data = {k: v for k, v in data.items() if k not in ("later_decisions", "later_goals")}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)


def _attempt(function: Callable[[], Any]) -> Any:
    try:
        return function()
    except IOPError as error:  # the same refusal either way (an export missing data)
        return f"{type(error).__name__}: {error}"


def outputs(case: Case, as_of: Date, known_on: Date) -> dict[str, str]:
    """Every output of ``case`` as of ``as_of`` known on ``known_on``, by name."""
    found: dict[str, str] = {}
    portfolio = Portfolio([(NAME, case)])
    for lang in ("sv", "en"):
        data = build(case, as_of, lang, known_on=known_on, eur_rate=11, hour_rate=250)
        found[f"json {lang}"] = _json(data)
        found[f"text {lang}"] = _plain(render_text(data))
        found[f"markdown {lang}"] = _plain(render_markdown(data))
        page = render_html(portfolio, as_of, lang, known_on=known_on, eur_rate=11)
        found[f"html {lang}"] = _plain(page)
        found[f"svg {lang}"] = timeline_svg(case, as_of, lang, known_on)
        rows = due_output.collect([(NAME, case)], as_of, 3650, known_on)
        found[f"due text {lang}"] = due_output.render_text(rows, as_of, 3650, lang)
        found[f"due csv {lang}"] = due_output.render_csv(rows, lang)
        found[f"due ics {lang}"] = due_output.render_ics(rows, lang, stamp=STAMP).decode()
    found["due json"] = due_output.render_json(rows, as_of, 3650)
    found["csv"] = render_csv(portfolio, as_of, known_on=known_on, eur_rate=11)
    found["assess"] = _json([a.to_dict() for a in case.as_known_on(known_on).assess(as_of)])
    found["actions"] = _json([a.to_dict() for a in case.actions(as_of, 3650, known_on)])
    found["flags"] = _json(
        [f.to_dict() for f in flags(case.partnership, as_of, 11, known_on=known_on)]
    )
    found["portfolio"] = _json(
        [
            portfolio.to_records(as_of, known_on=known_on),
            portfolio.goals(as_of, known_on),
            portfolio.reports(as_of, known_on),
            [a.id for a in portfolio.active_on(as_of, known_on)],
        ]
    )
    for standard in ("360giving", "ocds"):
        found[standard] = _json(
            _attempt(functools.partial(export, [(NAME, case)], standard, known_on, prefix="360G-t"))
        )
    return found


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(scenarios())
def test_nothing_decided_or_received_after_the_day_of_knowledge_changes_an_output(
    scenario: tuple[Case, Case, Date, Date, list[str]],
) -> None:
    case, plus, as_of, known_on, applied = scenario
    before = outputs(case, as_of, known_on)
    after = outputs(plus, as_of, known_on)
    changed = [name for name in before if before[name] != after[name]]
    assert changed == [], f"as of {as_of} known on {known_on}, {applied} changed {changed}"


@pytest.mark.parametrize("addition", ADDITIONS, ids=lambda f: f.__name__)
def test_each_addition_is_made_and_dated_after_the_day_of_knowledge(addition: Any) -> None:
    """Each addition is made in some cases (the scenarios reach every kind of later fact),
    and is really later: what the case held known on K is unchanged."""
    made = []

    @settings(
        max_examples=150,
        deadline=None,
        derandomize=True,  # the same draws every run: never flaky
        suppress_health_check=list(HealthCheck),
    )
    @given(cases(), st.data())
    def check(drawn: Case, data: st.DataObject) -> None:
        case = _by_id(drawn)
        known_on = data.draw(days_in(Term(min(_days(case)), max(_days(case)))))
        try:
            if addition is add_notice:
                case = with_known_termination(data.draw, case, known_on)
            plus = addition(data.draw, case, known_on)
        except IOPError:
            return
        made.append(plus is not case)
        left = plus.as_known_on(known_on)
        right = case.as_known_on(known_on)
        assert left.agreements == right.agreements
        assert left.activities == right.activities

    check()
    assert any(made), f"{addition.__name__} was never made"


# --- the same through the command line ----------------------------------------------------------

_HASH = re.compile(r"\b[0-9a-f]{64}\b|\b[0-9a-f]{12}…?")
_DTSTAMP = re.compile(r"^DTSTAMP:.*\r?\n", re.MULTILINE)
COMMANDS = [
    ["report", "--format", "text"],
    ["report", "--format", "json"],
    ["report", "--format", "markdown", "--lang", "en"],
    ["report", "--format", "html"],
    ["report", "--format", "csv"],
    ["assess"],
    ["assess", "--json"],
    ["due", "--within", "3650"],
    ["due", "--within", "3650", "--format", "json"],
    ["due", "--within", "3650", "--format", "csv"],
    ["due", "--within", "3650", "--format", "ics"],
]


def cli_outputs(case: Case, folder: Any, as_of: Date, known_on: Date) -> dict[str, str]:
    """What the command line prints for ``case`` written to a file, as of ``as_of`` known on
    ``known_on``; the input hash and iCalendar stamps are left out."""
    import io

    from iop_model.cli import main
    from iop_model.files.loader import dumps

    path = folder / NAME
    path.write_text(dumps(case), encoding="utf-8")
    found = {}
    # the web page says when it was made: the same moment for both runs (reproducible builds'
    # SOURCE_DATE_EPOCH), or a minute turning between them would show as a difference
    days = ["--as-of", as_of.isoformat(), "--known-on", known_on.isoformat()]
    with mock.patch.dict(os.environ, {"SOURCE_DATE_EPOCH": "1735689600"}):
        for command in [*COMMANDS, ["export", "--to", "360giving"], ["export", "--to", "ocds"]]:
            out, err = io.StringIO(), io.StringIO()
            when = days if command[0] != "export" else ["--as-of", known_on.isoformat()]
            with contextlib.redirect_stderr(err):
                status = main([command[0], str(path), *command[1:], *when], out)
            text = _DTSTAMP.sub("", _HASH.sub("#", out.getvalue() + err.getvalue()))
            if status == 0 and ("json" in command or "--json" in command):
                text = _json(_without_counters(json.loads(text)))
            found[" ".join(command)] = f"{status}\n{_plain(text)}"
    return found


def _without_counters(data: Any) -> Any:
    if isinstance(data, dict):
        return {
            k: _without_counters(v)
            for k, v in data.items()
            if k not in ("later_decisions", "later_goals")
        }
    if isinstance(data, list):
        return [_without_counters(v) for v in data]
    return data


@settings(
    max_examples=max(EXAMPLES // 4, 10),
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(scenarios())
def test_the_command_line_shows_nothing_decided_after_the_day_of_knowledge(
    tmp_path: Any, scenario: tuple[Case, Case, Date, Date, list[str]]
) -> None:
    case, plus, as_of, known_on, applied = scenario
    before = cli_outputs(case, tmp_path, as_of, known_on)
    after = cli_outputs(plus, tmp_path, as_of, known_on)
    changed = [name for name in before if before[name] != after[name]]
    assert changed == [], f"as of {as_of} known on {known_on}, {applied} changed {changed}"
