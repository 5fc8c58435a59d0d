"""Hypothesis strategies for iop-model objects, for this library's tests and for adopters'.

Every strategy builds only valid objects (they pass all rules), with a bias towards the edge
days where date rules go wrong: 29 February, month ends and year ends.

>>> from hypothesis import given
>>> from iop_model.testing import agreements
>>> @given(agreements())
... def test_end_is_never_before_start(agreement):
...     assert agreement.end >= agreement.start
>>> test_end_is_never_before_start()

Requires the ``test`` extra (``pip install iop-model[test]``).
"""

from __future__ import annotations

import calendar
import datetime
from fractions import Fraction
from typing import Any

import attrs
import pendulum
from hypothesis import strategies as st

from iop_model.activities import (
    Activity,
    AggregateReport,
    CustomIndicator,
    Event,
    EventKind,
    GeneralActivity,
    IndicatorReport,
    MeetingPlace,
    Membership,
    Network,
    Occasion,
    Record,
    Venue,
)
from iop_model.activities.targets import ActivityTarget, Indicator
from iop_model.advisory.criteria import Evidence
from iop_model.case import PARTNERSHIP, Case, CaseGoal
from iop_model.deadlines.reporting import FollowUpReport, ReportingDuty
from iop_model.errors import IOPError
from iop_model.goals import MinimumDuration
from iop_model.money import Contribution
from iop_model.parties import IdeaBasedParty, PublicParty
from iop_model.terms.agreement import Agreement, Extension, Partnership, Termination
from iop_model.terms.term import Length, Rounding, Term

__all__ = [
    "aggregate_reports",
    "agreements",
    "cases",
    "contributions",
    "dates",
    "days_in",
    "edge_dates",
    "extended_agreements",
    "general_activities",
    "lengths",
    "meeting_places",
    "networks",
    "occasions",
    "partnerships",
    "reporting_duties",
    "rich_agreements",
    "terms",
    "venues",
]

Date = pendulum.Date

_MIN_YEAR = 1990
_MAX_YEAR = 2090


def _to_pendulum(day: datetime.date) -> Date:
    return Date(day.year, day.month, day.day)


@st.composite
def edge_dates(draw: st.DrawFn, min_year: int = _MIN_YEAR, max_year: int = _MAX_YEAR) -> Date:
    """Days where date arithmetic goes wrong: 29 February, month ends, year ends, firsts."""
    year = draw(st.integers(min_year, max_year))
    month = draw(st.integers(1, 12))
    last = calendar.monthrange(year, month)[1]
    kind = draw(st.sampled_from(["first", "last", "28", "29", "30", "leap"]))
    if kind == "leap":
        leap_years = [y for y in range(min_year, max_year + 1) if calendar.isleap(y)]
        return Date(draw(st.sampled_from(leap_years)), 2, 29)
    day = {"first": 1, "last": last, "28": 28, "29": min(29, last), "30": min(30, last)}[kind]
    return Date(year, month, day)


def dates(min_year: int = _MIN_YEAR, max_year: int = _MAX_YEAR) -> st.SearchStrategy[Date]:
    """Calendar days (``pendulum.Date``), half of them edge days."""
    plain = st.dates(datetime.date(min_year, 1, 1), datetime.date(max_year, 12, 31)).map(
        _to_pendulum
    )
    return st.one_of(plain, edge_dates(min_year, max_year))


def lengths(max_years: int = 5, positive: bool = True) -> st.SearchStrategy[Length]:
    """Lengths of up to ``max_years`` years, 23 months and 400 days; positive by default."""
    strategy = st.builds(
        Length,
        years=st.integers(0, max_years),
        months=st.integers(0, 23),
        days=st.integers(0, 400),
    )
    if positive:
        strategy = strategy.filter(lambda length: not length.is_zero)
    return strategy


def roundings(with_refuse: bool = False) -> st.SearchStrategy[Rounding]:
    """The rounding policies; ``REFUSE`` only when asked for, since it raises on edge days."""
    policies = list(Rounding) if with_refuse else [Rounding.UP, Rounding.DOWN]
    return st.sampled_from(policies)


@st.composite
def terms(draw: st.DrawFn, max_days: int = 3000) -> Term:
    """Terms of 1 to ``max_days`` days."""
    start = draw(dates())
    days = draw(st.integers(1, max_days))
    return Term(start, Date.fromordinal(start.toordinal() + days - 1))


_names = st.sampled_from(
    ["Mölndals stad", "Kultur- och fritidsnämnden", "Konstkollektivet", "Malmö stad", "Ö"]
) | st.text(alphabet="abcåäöÅÄÖ -", min_size=1, max_size=20).filter(lambda n: n.strip() != "")


def public_parties() -> st.SearchStrategy[PublicParty]:
    return st.builds(
        PublicParty,
        name=_names,
        committee=st.none() | _names,
        org_number=st.sampled_from([None, "212000-1355", "2120001355", "232100-0016"]),
    )


def idea_based_parties() -> st.SearchStrategy[IdeaBasedParty]:
    return st.builds(
        IdeaBasedParty,
        name=_names,
        org_number=st.sampled_from([None, "802002-4280", "8020024280"]),
        registered=st.none() | st.booleans(),
    )


@st.composite
def _extension_after(
    draw: st.DrawFn, current: Term, earliest: Date | None, rounding: Rounding
) -> Extension:
    """An extension decided in time (T9) for an agreement currently ending ``current.end``."""
    low = current.start.toordinal() if earliest is None else earliest.toordinal()
    low = max(low, current.start.toordinal())
    decided_on = Date.fromordinal(draw(st.integers(low, current.end.toordinal())))
    length = draw(lengths(max_years=3))
    form = draw(st.sampled_from(["length", "until", "both"]))
    until = Term.starting(
        current.next_start, length.years, length.months, length.days, rounding
    ).end
    if form == "until":
        return Extension(decided_on, "Nämnden", until=until)
    return Extension(
        decided_on,
        "Nämnden",
        years=length.years,
        months=length.months,
        days=length.days,
        until=until if form == "both" else None,
    )


@st.composite
def agreements(
    draw: st.DrawFn,
    max_extensions: int = 3,
    terminated: bool | None = None,
    min_extensions: int = 0,
    id: str | None = None,
    start: Date | None = None,
    follows: str | None = None,
    decided_after: Date | None = None,
) -> Agreement:
    """Valid agreements with ``min_extensions``..``max_extensions`` extensions and a
    termination when ``terminated`` is true (sometimes, when it is ``None``).

    ``id``, ``start``, ``follows`` and ``decided_after`` pin those fields, for building
    chains of follow-on agreements."""
    rounding = draw(roundings())
    first_start = start if start is not None else draw(dates(max_year=2060))
    length = draw(lengths(max_years=3))
    term = Term.starting(first_start, length.years, length.months, length.days, rounding)
    if decided_after is None:
        decided_on = draw(
            st.none()
            | st.integers(term.start.toordinal() - 400, term.end.toordinal()).map(Date.fromordinal)
        )
    else:
        low = decided_after.toordinal()
        decided_on = Date.fromordinal(draw(st.integers(low, max(low, term.end.toordinal()))))
    extensions: list[Extension] = []
    current, earliest = term, decided_on
    for _ in range(draw(st.integers(min_extensions, max_extensions))):
        extension = draw(_extension_after(current, earliest, rounding))
        extensions.append(extension)
        current = extension.term_after(current.end, rounding)
        earliest = extension.decided_on
    termination = None
    if terminated or (terminated is None and draw(st.booleans())):
        low = max(term.start.toordinal(), (earliest or term.start).toordinal())
        decided = draw(st.integers(low, current.end.toordinal()))
        on = draw(st.integers(decided, current.end.toordinal()))
        termination = Termination(Date.fromordinal(on), Date.fromordinal(decided), "Uppsägning")
    return Agreement(
        id=id if id is not None else f"iop-{draw(st.integers(1, 9999))}",
        public_party=draw(public_parties()),
        partner=draw(idea_based_parties()),
        term=term,
        decided_on=decided_on,
        follows=follows,
        extensions=tuple(extensions),
        termination=termination,
        rounding=rounding,
    )


def extended_agreements(max_extensions: int = 3) -> st.SearchStrategy[Agreement]:
    """Agreements with at least one extension and no termination."""
    return agreements(max_extensions=max_extensions, terminated=False, min_extensions=1)


@st.composite
def partnerships(
    draw: st.DrawFn, max_agreements: int = 4, terminated: bool | None = None
) -> Partnership:
    """Chains of 1..``max_agreements`` agreements, with and without gaps between them;
    ``terminated`` is passed on to :func:`agreements`."""
    count = draw(st.integers(1, max_agreements))
    chain: list[Agreement] = []
    start = draw(dates(max_year=2040))
    for index in range(count):
        agreement = draw(
            agreements(
                id=f"agreement-{index}",
                start=start,
                follows=chain[-1].id if chain else None,
                max_extensions=2,
                terminated=terminated,
                decided_after=_last_decision(chain[-1]) if chain else None,
            )
        )
        chain.append(agreement)
        gap = draw(st.sampled_from([0, 0, 1, 31, 365]))
        start = Date.fromordinal(agreement.end.toordinal() + 1 + gap)
    return Partnership(chain)


def _last_decision(agreement: Agreement) -> Date:
    """The day of the agreement's last decision (a follow-on is decided after it)."""
    days = [e.decided_on for e in agreement.extensions]
    if agreement.termination is not None:
        days.append(agreement.termination.decided_on)
    if agreement.decided_on is not None:
        days.append(agreement.decided_on)
    return max(days, default=agreement.start)


@st.composite
def occasions(draw: st.DrawFn, period: Term, max_size: int = 30) -> tuple[Occasion, ...]:
    """Distinct-day occasions within ``period`` with 0..500 visitors each."""
    ordinals = draw(
        st.lists(
            st.integers(period.start.toordinal(), period.end.toordinal()),
            max_size=max_size,
            unique=True,
        )
    )
    return tuple(Occasion(Date.fromordinal(o), draw(st.integers(0, 500))) for o in sorted(ordinals))


@st.composite
def meeting_places(draw: st.DrawFn, agreement: Agreement | str = "iop-1") -> MeetingPlace:
    """Meeting places with detailed occasions in some years and aggregate reports in others,
    within ``agreement``'s days when an :class:`Agreement` is given."""
    if isinstance(agreement, Agreement):
        span = agreement.span
    else:
        start = draw(dates(max_year=2060))
        span = Term.starting(start, years=draw(st.integers(1, 4)))
    detailed: list[Occasion] = []
    reports: list[AggregateReport] = []
    for year in range(span.start.year, span.end.year + 1):
        period = Term.year(year).intersection(span)
        assert period is not None
        if draw(st.booleans()):
            detailed.extend(draw(occasions(period, max_size=15)))
        elif draw(st.booleans()):
            count = draw(st.integers(0, 60))
            total = draw(st.integers(0, 3000)) if count else 0
            if count and draw(st.booleans()):
                reports.append(AggregateReport(period, count, mean_visitors=Fraction(total, count)))
            else:
                reports.append(AggregateReport(period, count, total_visitors=total))
    return MeetingPlace(agreement, "Mötesplatsen", occasions=detailed, reports=reports)


_CRITERIA = ("initiative", "mutual_contribution", "long_term", "principle_dialogue")


@st.composite
def days_in(draw: st.DrawFn, period: Term, before: int = 0, after: int = 0) -> Date:
    """A day of ``period``, or up to ``before`` days before it and ``after`` days after."""
    low, high = period.start.toordinal() - before, period.end.toordinal() + after
    return Date.fromordinal(draw(st.integers(low, high)))


@st.composite
def _sub_term(draw: st.DrawFn, span: Term) -> Term:
    """A term within ``span``: a calendar year of it, or any stretch."""
    if draw(st.booleans()):
        year = draw(st.integers(span.start.year, span.end.year))
        found = Term.year(year).intersection(span)
        assert found is not None
        return found
    start = draw(days_in(span))
    end = draw(days_in(Term(start, span.end)))
    return Term(start, end)


@st.composite
def reporting_duties(draw: st.DrawFn) -> ReportingDuty:
    """Reporting duties per year or agreement year, within a time or by a day of the year."""
    every = draw(st.sampled_from(["year", "agreement-year"]))
    if draw(st.booleans()):
        return ReportingDuty(every=every, within=Length(months=draw(st.integers(1, 4))))
    return ReportingDuty(every=every, due=draw(st.sampled_from(["03-31", "06-30", "12-31"])))


@st.composite
def contributions(draw: st.DrawFn, span: Term) -> Contribution:
    """A contribution within ``span`` by either party, decided on a day or undated (M3)."""
    kind = draw(st.sampled_from(["money", "money", "premises", "volunteer_hours"]))
    return Contribution(
        draw(st.sampled_from(["public", "partner"])),
        kind,
        draw(st.integers(0, 3_000_000)),
        draw(_sub_term(span)),
        decided_on=draw(st.none() | days_in(span, before=200)),
    )


@st.composite
def rich_agreements(draw: st.DrawFn, agreement: Agreement) -> Agreement:
    """``agreement`` with what real agreements hold besides their terms, each part only when
    it is valid: a notice period (a termination by notice may then become a mutual one),
    a reporting duty and reports received, contributions and evidence."""
    changes: dict[str, Any] = {}
    span = agreement.span
    if draw(st.booleans()):
        changes["notice_period"] = Length(months=draw(st.integers(1, 6)))
        termination = agreement.termination
        if termination is not None:
            kind = draw(st.sampled_from(["notice", "mutual", "breach"]))
            notified = draw(st.none() | days_in(Term(termination.decided_on, termination.on)))
            changes["termination"] = attrs.evolve(termination, kind=kind, notified_on=notified)
    if draw(st.booleans()):
        duty = draw(reporting_duties())
        changes["reporting"] = duty
        reports = []
        for period, _ in duty.periods(span):
            if draw(st.booleans()):
                received = draw(days_in(Term(period.end, period.end.add(days=400))))
                reports.append(FollowUpReport(period, received))
        changes["follow_up_reports"] = tuple(reports)
    changes["contributions"] = tuple(draw(st.lists(contributions(span), max_size=3)))
    criteria = draw(st.lists(st.sampled_from(_CRITERIA), max_size=2, unique=True))
    changes["evidence"] = tuple(
        Evidence(key, "Underlag.", given_on=draw(st.none() | days_in(span, before=100)))
        for key in criteria
    )
    parts: list[dict[str, Any]] = [
        {name: changes.pop(name) for name in ("notice_period", "termination") if name in changes},
        *({name: value} for name, value in changes.items()),
    ]
    for part in parts:  # each part only when the agreement's rules accept it
        try:
            agreement = attrs.evolve(agreement, **part)
        except IOPError:
            continue
    return agreement


@st.composite
def aggregate_reports(
    draw: st.DrawFn, period: Term, kind: EventKind | None = None
) -> AggregateReport:
    """An aggregate report for ``period``, received on its last day or later, or undated."""
    count = draw(st.integers(0, 60))
    total = draw(st.integers(0, 3000)) if count else 0
    received = draw(st.none() | days_in(Term(period.end, period.end.add(days=200))))
    return AggregateReport(period, count, total_visitors=total, kind=kind, received_on=received)


@st.composite
def venues(draw: st.DrawFn, agreement: Agreement) -> Venue:
    """Venues with events on distinct days of the agreement and, apart from them, at most one
    aggregate report (which may straddle a year's end)."""
    span = agreement.span
    report = None
    if draw(st.booleans()):
        start = draw(days_in(span))
        report_period = Term(start, draw(days_in(Term(start, min(span.end, start.add(days=90))))))
        report = draw(aggregate_reports(report_period, draw(st.sampled_from(list(EventKind)))))
    days = draw(st.lists(days_in(span), max_size=8, unique=True))
    events = [
        Event(draw(st.sampled_from(list(EventKind))), day, draw(st.integers(0, 400)))
        for day in sorted(days)
        if report is None or day not in report.period
    ]
    return Venue(agreement, "Scenen", events=events, reports=[report] if report else [])


@st.composite
def networks(draw: st.DrawFn, agreement: Agreement) -> Network:
    """Networks of members joining, and some leaving, within the agreement's days."""
    members = []
    for index in range(draw(st.integers(0, 4))):
        joined = draw(days_in(agreement.span))
        left = draw(st.none() | days_in(Term(joined, agreement.span.end)))
        members.append(Membership(f"Förening {index}", joined, left))
    return Network(agreement, "Nätverket", memberships=members)


_CALLS = CustomIndicator("support_calls", "stödsamtal", "support calls", "calls")
_NIGHTS = CustomIndicator("nights", "övernattningar", "nights", "nights")


@st.composite
def general_activities(draw: st.DrawFn, agreement: Agreement) -> GeneralActivity:
    """General activities with records on distinct days and, apart from them, indicator
    reports for whole calendar years of the agreement."""
    span = agreement.span
    reports = []
    years = set()
    for year in range(span.start.year, span.end.year + 1):
        period = Term.year(year).intersection(span)
        assert period is not None
        if draw(st.booleans()):
            received = draw(st.none() | days_in(Term(period.end, period.end.add(days=200))))
            values = {
                "support_calls": draw(st.integers(0, 900)),
                "nights": draw(st.integers(0, 90)),
            }
            reports.append(IndicatorReport(period, values, received_on=received))
            years.add(year)
    days = draw(st.lists(days_in(span), max_size=6, unique=True))
    records = [
        Record(day, {"support_calls": draw(st.integers(0, 20))})
        for day in sorted(days)
        if day.year not in years
    ]
    return GeneralActivity(
        agreement, "Jouren", indicators=[_CALLS, _NIGHTS], records=records, reports=reports
    )


def _targets(activity: Activity, draw: st.DrawFn) -> ActivityTarget | None:
    """A target that applies to ``activity``, for the first year of its agreement."""
    span = activity.span()
    if span is None:
        return None
    period = Term.year(span.start.year)
    for report in getattr(activity, "reports", ()):  # a report cannot be split (A5)
        if report.period.overlaps(period) and not (
            period.start <= report.period.start and report.period.end <= period.end
        ):
            return None
    if isinstance(activity, GeneralActivity):
        indicator: Indicator | str = draw(st.sampled_from(["support_calls", "nights"]))
    elif isinstance(activity, Network):
        indicator = Indicator.MEMBERS
    elif isinstance(activity, Venue):
        indicator = draw(st.sampled_from([Indicator.OCCASIONS, Indicator.EVENTS]))
    else:
        indicator = draw(st.sampled_from([Indicator.OCCASIONS, Indicator.VISITORS]))
    kind = EventKind.CONCERT if indicator is Indicator.EVENTS else None
    target = draw(st.integers(1, 100) | st.decimals("0.5", "99.5", places=1))
    return ActivityTarget(indicator, period, target=target, kind=kind)


@st.composite
def cases(draw: st.DrawFn) -> Case:
    """Cases as agreement files hold them: a partnership whose agreements may have notice
    periods, reporting duties, reports received, contributions and evidence; activities of
    every kind on its agreements (meeting places, venues, networks, general activities);
    and duration goals and activity targets on them."""
    partnership = draw(partnerships(max_agreements=3))
    chain = [draw(rich_agreements(agreement)) for agreement in partnership.agreements]
    activities: list[Activity] = []
    for index, agreement in enumerate(chain):
        kind = draw(st.sampled_from(["none", "meeting_place", "venue", "network", "general"]))
        if kind == "meeting_place":
            activity: Activity = draw(meeting_places(agreement))
        elif kind == "venue":
            activity = draw(venues(agreement))
        elif kind == "network":
            activity = draw(networks(agreement))
        elif kind == "general":
            activity = draw(general_activities(agreement))
        else:
            continue
        activities.append(attrs.evolve(activity, name=f"{activity.name} {index}"))  # type: ignore[misc]
    goals: list[CaseGoal] = []
    subjects = [PARTNERSHIP, *(a.id for a in chain)]
    for _ in range(draw(st.integers(0, 3))):
        length = draw(lengths(max_years=4))
        goal = MinimumDuration(
            length.years, length.months, length.days, contiguous=draw(st.booleans())
        )
        goals.append(CaseGoal(draw(st.sampled_from(subjects)), goal))
    for activity in activities:
        if draw(st.booleans()):
            target = _targets(activity, draw)
            if target is not None:
                goals.append(CaseGoal(activity.name, target))
    title = draw(st.none() | _names)
    return Case(chain, activities, goals, title=title)
