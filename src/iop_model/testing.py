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

import attrs
import pendulum
from hypothesis import strategies as st

from .activities import AggregateReport, MeetingPlace, Occasion
from .agreement import Agreement, Extension, Partnership, Termination
from .case import PARTNERSHIP, Case, CaseGoal
from .goals import MinimumDuration
from .parties import IdeaBasedParty, PublicParty
from .targets import ActivityTarget, Indicator
from .term import Length, Rounding, Term

__all__ = [
    "agreements",
    "cases",
    "dates",
    "edge_dates",
    "extended_agreements",
    "lengths",
    "meeting_places",
    "occasions",
    "partnerships",
    "terms",
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


@st.composite
def cases(draw: st.DrawFn) -> Case:
    """Cases as agreement files hold them: a partnership, meeting places on its agreements,
    and duration goals and activity targets on them."""
    partnership = draw(partnerships(max_agreements=3))
    activities = []
    for index, agreement in enumerate(partnership.agreements):
        if draw(st.booleans()):
            place = draw(meeting_places(agreement))
            activities.append(attrs.evolve(place, name=f"Mötesplats {index}"))
    goals: list[CaseGoal] = []
    subjects = [PARTNERSHIP, *(a.id for a in partnership.agreements)]
    for _ in range(draw(st.integers(0, 3))):
        length = draw(lengths(max_years=4))
        goal = MinimumDuration(
            length.years, length.months, length.days, contiguous=draw(st.booleans())
        )
        goals.append(CaseGoal(draw(st.sampled_from(subjects)), goal))
    for activity in activities:
        if draw(st.booleans()):
            target = ActivityTarget(
                draw(st.sampled_from([Indicator.OCCASIONS, Indicator.VISITORS])),
                Term.year(activity.span().start.year),  # type: ignore[union-attr]
                target=draw(st.integers(1, 100) | st.decimals("0.5", "99.5", places=1)),
            )
            goals.append(CaseGoal(activity.name, target))
    title = draw(st.none() | _names)
    return Case(partnership.agreements, activities, goals, title=title)
