"""Activities (verksamhet, aktiviteter), their reports and figures: rules A1–A6.

An IOP agreement says what the idea-based party does; follow-up (uppföljning) counts it.
Reports may be detailed (each occasion with its day and visitors) or aggregate (for a period:
the number of occasions and the total or mean number of visitors); both give the same exact
:class:`Figures`.

>>> from iop_model import AggregateReport, MeetingPlace, Term
>>> place = MeetingPlace(
...     "molndal-2019", "Öppen Kulturell Mötesplats",
...     reports=[AggregateReport(Term.year(2019), occasions=26, mean_visitors=40)],
... )
>>> f = place.figures(Term.year(2019))
>>> f.count, f.total, f.mean
(26, 1040, Fraction(40, 1))
"""

from __future__ import annotations

import abc
import enum
import itertools
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import attrs
import pendulum

from ._validators import day, instance_of, optional_day, optional_text, sequence_of, text
from .agreement import Agreement
from .errors import ActivityError, IOPError
from .explain import Lang
from .rules import rule
from .term import T2, T3, Term, agreement_years, calendar_day

__all__ = [
    "Activity",
    "AggregateReport",
    "Event",
    "EventKind",
    "Figures",
    "MeetingPlace",
    "Membership",
    "Network",
    "Occasion",
    "Residency",
    "Venue",
]

Date = pendulum.Date

# --- A1 Exact counts -----------------------------------------------------------------------------
A1 = rule(
    "A1",
    "Exact counts",
    "Occasions, visitors, audiences and members are whole numbers >= 0; a mean is exact (an "
    "int, Fraction or Decimal, never a float) and figures are computed without rounding.",
    "Tillfällen, besökare, publik och medlemmar är heltal >= 0; ett medelvärde är exakt (int, "
    "Fraction eller Decimal, aldrig float) och nyckeltal beräknas utan avrundning.",
    "Follow-up practice: counts are whole persons and occasions; rounding once, for display.",
)


#: The largest count or exact number accepted (A1): every JSON reader keeps integers up to
#: 2**53 - 1 exact.
MAX_COUNT: Final = 2**53 - 1


def check_count(value: object, field: str) -> int:
    """Return ``value`` if it is an int from 0 to :data:`MAX_COUNT`; raise
    :class:`ActivityError` (A1) otherwise."""
    if type(value) is not int:
        raise ActivityError(
            f"a count is a whole number (int), got {type(value).__name__}",
            rule=A1,
            field=field,
            value=value,
        )
    if value < 0:
        raise ActivityError("a count cannot be negative", rule=A1, field=field, value=value)
    if value > MAX_COUNT:
        raise ActivityError(
            f"a count is at most {MAX_COUNT} (2**53 - 1)", rule=A1, field=field, value=value
        )
    return value


def check_exact(value: object, field: str, error: type[IOPError] = ActivityError) -> Fraction:
    """Return ``value`` as an exact :class:`Fraction` >= 0 (A1); floats are refused."""
    if isinstance(value, bool) or not isinstance(value, (int, Fraction, Decimal)):
        hint = (
            " (binary floats are not exact; use Decimal('40.5') or Fraction)"
            if isinstance(value, float)
            else ""
        )
        raise error(
            f"expected an exact number (int, Fraction or Decimal){hint}",
            rule=A1,
            field=field,
            value=value,
        )
    if isinstance(value, Decimal) and not value.is_finite():
        raise error("expected a finite number", rule=A1, field=field, value=value)
    # bound the work before an exact conversion: 1e3000000 would take seconds
    if isinstance(value, Decimal) and value != 0 and not -20 <= value.adjusted() <= 16:
        raise error(
            f"an exact number lies between 1e-20 and {MAX_COUNT}",
            rule=A1,
            field=field,
            value=value,
        )
    exact = Fraction(value)
    if exact < 0:
        raise error("the number cannot be negative", rule=A1, field=field, value=value)
    if exact > MAX_COUNT or exact.denominator > MAX_COUNT:
        raise error(
            f"an exact number is at most {MAX_COUNT} (2**53 - 1), with a denominator as small",
            rule=A1,
            field=field,
            value=value,
        )
    return exact


def _count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_count(value, attribute.name)


def _optional_count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        check_count(value, attribute.name)


# --- A2 Within the agreement ---------------------------------------------------------------------
A2 = rule(
    "A2",
    "Within the agreement",
    "When an activity is given its Agreement, every occasion, event, membership day, residency "
    "period and report lies within the agreement's days in force.",
    "När en aktivitet får sitt avtal ligger varje tillfälle, evenemang, medlemsdag, "
    "residensperiod och rapport inom avtalets giltiga dagar.",
    "The agreement's activities and commitments are agreed for its term (Uddevalla kommun's "
    "checklist).",
)

# --- A3 Counted once -----------------------------------------------------------------------------
A3 = rule(
    "A3",
    "Counted once",
    "An occasion or event is reported once (one per day unless labelled apart), aggregate "
    "reports do not overlap each other, and no detailed occasion falls in an aggregate report's "
    "period.",
    "Ett tillfälle eller evenemang rapporteras en gång (ett per dag om de inte märks olika), "
    "sammanfattande rapporter överlappar inte varandra och inget enskilt tillfälle ligger i en "
    "sammanfattande rapports period.",
    "Follow-up practice: no double counting.",
)

# --- A4 Consistent aggregates --------------------------------------------------------------------
A4 = rule(
    "A4",
    "Consistent aggregates",
    "An aggregate report gives a number of occasions and the total or the mean of visitors; "
    "the total is occasions x mean exactly and a whole number, and when both are given they "
    "must agree.",
    "En sammanfattande rapport anger antal tillfällen och summan eller medelvärdet av "
    "besökare; summan är exakt tillfällen x medelvärde och ett heltal, och anges båda ska de "
    "stämma.",
    "The Mölndal press release: 26 occasions with 40 visitors on average.",
)

# --- A5 Counting for a period --------------------------------------------------------------------
A5 = rule(
    "A5",
    "Counting for a period",
    "A detailed occasion counts for a period when its day is in the period (both ends "
    "included, T2); an aggregate report counts when its period lies within the period; a "
    "report that straddles the period's boundary cannot be split and is refused.",
    "Ett enskilt tillfälle räknas för en period när dagen ligger i perioden (båda ändar "
    "inräknade, T2); en sammanfattande rapport räknas när hela dess period ligger i perioden; en "
    "rapport som korsar periodens gräns kan inte delas och avvisas.",
    "T2; no proration of aggregates (never round twice).",
)

# --- A6 Mean -------------------------------------------------------------------------------------
A6 = rule(
    "A6",
    "Mean",
    "The mean is total / count as an exact fraction; with no occasions it is undefined "
    "(None), never 0.",
    "Medelvärdet är summa / antal som ett exakt bråk; utan tillfällen är det odefinierat "
    "(None), aldrig 0.",
    "Arithmetic; IATI results use the same measure for an indicator's actual value.",
)


class EventKind(enum.Enum):
    """What an event or a residency's production is."""

    CONCERT = "concert"
    FESTIVAL = "festival"
    LECTURE = "lecture"
    WORKSHOP = "workshop"
    PERFORMANCE = "performance"
    EXHIBITION = "exhibition"
    OTHER = "other"

    @property
    def sv(self) -> str:
        return _KIND_SV[self]


_KIND_SV = {
    EventKind.CONCERT: "konsert",
    EventKind.FESTIVAL: "festival",
    EventKind.LECTURE: "föreläsning",
    EventKind.WORKSHOP: "workshop",
    EventKind.PERFORMANCE: "föreställning",
    EventKind.EXHIBITION: "utställning",
    EventKind.OTHER: "annat",
}


@attrs.frozen
class Occasion:
    """One occasion (tillfälle) of a meeting place: its day and number of visitors."""

    day: Date = attrs.field(validator=day)
    visitors: int = attrs.field(validator=_count)
    label: str | None = attrs.field(default=None, validator=optional_text(ActivityError))


@attrs.frozen
class Event:
    """One event of a venue, or the production outcome of a residency: a kind, a day and an
    audience (publik)."""

    kind: EventKind = attrs.field(validator=instance_of(EventKind, ActivityError))
    day: Date = attrs.field(validator=day)
    audience: int = attrs.field(validator=_count)
    title: str | None = attrs.field(default=None, validator=optional_text(ActivityError))


# --- A10 Report received ----------------------------------------------------------------------
A10 = rule(
    "A10",
    "Report received",
    "An aggregate report counts as known from the day it was received (received_on), or, "
    "without one, from its period's last day; an occasion or event from its own day. As of D "
    "known on K, only what was known by K counts.",
    "En sammanställning räknas som känd från den dag den kom in (received_on) eller, utan en "
    "sådan dag, från periodens sista dag; ett tillfälle eller evenemang från sin egen dag. "
    "Per D enligt vad som var känt K räknas bara det som var känt senast K.",
    "T13 applied to reports; audit practice: what the committee could know when it followed up.",
)


@attrs.frozen
class AggregateReport:
    """Aggregate figures for a period (sammanställning): a number of occasions (or events)
    and the total or the mean number of visitors, or both (A4).

    >>> r = AggregateReport(Term.year(2019), occasions=26, mean_visitors=40)
    >>> r.total
    1040
    >>> AggregateReport(Term.year(2019), occasions=26, total_visitors=1000, mean_visitors=40)
    Traceback (most recent call last):
    ...
    iop_model.errors.ActivityError: A4: 26 occasions x mean 40 = 1040 visitors, but the total...
    """

    period: Term = attrs.field(validator=instance_of(Term, ActivityError))
    occasions: int = attrs.field(validator=_count)
    total_visitors: int | None = attrs.field(default=None, validator=_optional_count)
    mean_visitors: int | Fraction | Decimal | None = attrs.field(default=None)
    kind: EventKind | None = attrs.field(
        default=None, validator=instance_of(EventKind, ActivityError, optional=True)
    )
    received_on: Date | None = attrs.field(default=None, validator=optional_day)
    reference: str | None = attrs.field(default=None, validator=optional_text(ActivityError))
    document: str | None = attrs.field(default=None, validator=optional_text(ActivityError))
    _total: int = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_total", self._check_total())
        if self.received_on is not None and self.received_on < self.period.start:
            raise ActivityError(
                f"received before the period it reports on starts ({self.period})",
                rule=A10,
                field="received_on",
                value=self.received_on,
            )

    @property
    def known_from(self) -> Date:
        """The day the report counts as known: ``received_on``, else its period's last day
        (A10)."""
        return self.period.end if self.received_on is None else self.received_on

    def _check_total(self) -> int:
        mean = None
        if self.mean_visitors is not None:
            mean = check_exact(self.mean_visitors, "mean_visitors")
        if self.occasions == 0:
            if self.total_visitors not in (None, 0) or mean is not None:
                raise ActivityError(
                    "a report of 0 occasions has no visitors and no mean",
                    rule=A4,
                    field="total_visitors" if self.total_visitors else "mean_visitors",
                    value=self.total_visitors if self.total_visitors else self.mean_visitors,
                )
            return 0
        if mean is None:
            if self.total_visitors is None:
                raise ActivityError(
                    "give the total or the mean number of visitors",
                    rule=A4,
                    field="total_visitors",
                    value=None,
                )
            return self.total_visitors
        product = mean * self.occasions
        if self.total_visitors is not None:
            if product != self.total_visitors:
                raise ActivityError(
                    f"{self.occasions} occasions x mean {exact_text(mean)} = {exact_text(product)} "
                    f"visitors, but the total is {self.total_visitors}",
                    rule=A4,
                    field="total_visitors",
                    value=self.total_visitors,
                )
            return self.total_visitors
        if product.denominator != 1:
            raise ActivityError(
                f"{self.occasions} occasions x mean {exact_text(mean)} = {exact_text(product)} "
                "visitors, not a whole number: the mean looks rounded; give the total",
                rule=A4,
                field="mean_visitors",
                value=self.mean_visitors,
            )
        return int(product)

    @property
    def total(self) -> int:
        """The total number of visitors, exact (A4)."""
        return self._total


def figures_text(activity: Activity, figures: Figures, lang: Lang, *, empty: bool = True) -> str:
    """An activity's figures in words: ``'26 tillfällen, 1 040 besökare, medelvärde 40'``.

    With ``empty`` (the default), a period without reports reads ``'inga rapporter'``.
    """
    from . import wording

    if empty and figures.reports == 0:
        return wording.say("figures.none", lang)
    custom = getattr(activity, "indicators", None)  # a GeneralActivity (iop_model.general)
    if custom:
        return ", ".join(
            f"{wording.number(figures.extra.get(i.key, 0), lang)} {i.name(lang)}" for i in custom
        )
    side = 1 if lang == "sv" else 0
    text = wording.count(figures.count, activity.count_word[side], activity.count_words[side], lang)
    if isinstance(activity, Network):
        joined, left = figures.extra.get("joined", 0), figures.extra.get("left", 0)
        return wording.say(
            "figures.members", lang, count=wording.Raw(text), joined=joined, left=left
        )
    if figures.total is not None:
        mean = "–" if figures.mean is None else wording.decimal(figures.mean, lang)
        one, many = ("besökare", "besökare") if lang == "sv" else ("visitor", "visitors")
        visitors = wording.count(figures.total, one, many, lang)
        text += ", " + wording.say(
            "figures.visitors", lang, visitors=wording.Raw(visitors), mean=wording.Raw(mean)
        )
    if figures.by_kind:
        kinds = ", ".join(
            wording.kind_count(EventKind(kind).value, n, lang)
            for kind, n in sorted(figures.by_kind.items())
        )
        text += f" ({kinds})"
    return text


def exact_text(value: Fraction | int) -> str:
    """An exact number in plain text: ``40``, ``40.5`` or ``121/3``."""
    value = Fraction(value)
    if value.denominator == 1:
        return str(value.numerator)
    decimal = Decimal(value.numerator) / Decimal(value.denominator)
    if Fraction(decimal) == value:
        return str(decimal)
    return f"{value.numerator}/{value.denominator}"


@attrs.frozen
class Figures:
    """Exact figures of an activity for a period.

    ``count`` is the number of occasions, events or productions (for a network, the members
    at the period's end); ``total`` the visitors or audience (``None`` where it does not
    apply); ``mean`` the exact mean (A6; ``None`` with no occasions); ``by_kind`` counts per
    event kind; ``reports`` how many detailed items and aggregate reports were counted (A5);
    ``extra`` the kind-specific figures (a network's ``joined`` and ``left``).
    """

    period: Term
    count: int
    total: int | None
    mean: Fraction | None
    reports: int
    by_kind: Mapping[str, int] = attrs.field(factory=dict)
    extra: Mapping[str, int] = attrs.field(factory=dict)


def _sequence_of(value: object, kind: type, field: str) -> tuple[Any, ...]:
    return sequence_of(value, kind, field, ActivityError)


def _occasions(value: Iterable[Occasion]) -> tuple[Occasion, ...]:
    return _sequence_of(value, Occasion, "occasions")


def _events(value: Iterable[Event]) -> tuple[Event, ...]:
    return _sequence_of(value, Event, "events")


def _outcomes(value: Iterable[Event]) -> tuple[Event, ...]:
    return _sequence_of(value, Event, "outcomes")


def _reports(value: Iterable[AggregateReport]) -> tuple[AggregateReport, ...]:
    return _sequence_of(value, AggregateReport, "reports")


def _memberships(value: Iterable[Membership]) -> tuple[Membership, ...]:
    return _sequence_of(value, Membership, "memberships")


def _group(value: Iterable[str]) -> tuple[str, ...]:
    return _sequence_of(value, str, "group")


def _agreement_ref(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, Agreement):
        return
    if not isinstance(value, str) or not value.strip():
        raise ActivityError(
            "expected an Agreement or an agreement id", field="agreement", value=value
        )


class Activity(abc.ABC):
    """An activity of an agreement. ``agreement`` is the :class:`Agreement` itself (then A2
    checks every day against its term) or its id."""

    __slots__ = ()

    agreement: Agreement | str
    name: str
    description: str

    #: What ``Figures.count`` counts, in English and Swedish (``count_word`` for one).
    count_words: tuple[str, str] = ("occasions", "tillfällen")
    count_word: tuple[str, str] = ("occasion", "tillfälle")

    @property
    def agreement_id(self) -> str:
        """The id of the agreement the activity belongs to."""
        agreement = self.agreement
        return agreement.id if isinstance(agreement, Agreement) else agreement

    @abc.abstractmethod
    def figures(
        self, period: Term, as_of: Date | None = None, known_on: Date | None = None
    ) -> Figures:
        """Exact figures for ``period`` (A5); with ``as_of``, only what had happened by the
        end of that day: occasions on or before it and reports whose period had ended; with
        ``known_on``, only what was known that day (A10)."""

    def as_known_on(self, day: Date) -> Activity:
        """The activity as it stood at the end of ``day`` (A10): the occasions, events,
        records and memberships of days on or before it, the aggregate reports received by
        then, a membership's leaving only once it had happened. Returns ``self`` when
        nothing is later."""
        changes = self._known_changes(calendar_day(day, "day"))
        return attrs.evolve(self, **changes) if changes else self  # type: ignore[misc]

    def _known_changes(self, day: Date) -> dict[str, Any]:
        """The fields that change when only what was known on ``day`` is kept."""
        changes: dict[str, Any] = {}
        for field in self._dated_items:
            items = getattr(self, field)
            if any(item.day > day for item in items):
                changes[field] = tuple(item for item in items if item.day <= day)
        reports = getattr(self, "reports", ())
        if any(report.known_from > day for report in reports):
            changes["reports"] = tuple(r for r in reports if r.known_from <= day)
        return changes

    def _dated_facts(self) -> list[tuple[str, Date]]:
        """Every item and report with its path and the day it counts as known (A10)."""
        found = [
            (f"{field}[{index}]", item.day)
            for field in self._dated_items
            for index, item in enumerate(getattr(self, field))
        ]
        found += [
            (f"reports[{index}]", report.known_from)
            for index, report in enumerate(getattr(self, "reports", ()))
        ]
        return found

    #: The fields holding items with a ``day`` (occasions, events, records, outcomes).
    _dated_items: tuple[str, ...] = ()

    def figures_by(
        self, unit: str, within: Term | None = None, as_of: Date | None = None
    ) -> list[Figures]:
        """Figures per calendar ``"year"``, ``"half-year"`` or ``"month"``, or per
        ``"agreement-year"`` (12 months from the agreement's start), over ``within``
        (default: the agreement's days in force, or the days of the reports)."""
        span = self.span() if within is None else _period(within)
        if span is None:
            return []
        agreement = self.agreement
        first = agreement.start if isinstance(agreement, Agreement) else None
        return [self.figures(period, as_of) for period in calendar_periods(span, unit, first)]

    def span(self) -> Term | None:
        """The agreement's days in force, or from the first to the last reported day."""
        if isinstance(self.agreement, Agreement):
            return self.agreement.span
        days = self._days()
        if not days:
            return None
        return Term(min(d.start for d in days), max(d.end for d in days))

    def _days(self) -> list[Term]:
        """Every reported day or period, as terms."""
        return [term for _, term in self._located_days()]

    def _check_within_agreement(self, agreement: Agreement | str | None = None) -> None:
        """A2: every reported day lies within the days in force of ``agreement`` (default:
        the activity's own, when it is an :class:`Agreement`)."""
        if agreement is None:
            agreement = self.agreement
        if not isinstance(agreement, Agreement):
            return
        span = agreement.span
        for field, term in self._located_days():
            if term.start < span.start or term.end > span.end:
                shown = term.start if term.days == 1 else term
                raise ActivityError(
                    f"{shown} is outside agreement {agreement.id!r}, in force {span}",
                    rule=A2,
                    field=field,
                    value=shown,
                )

    @abc.abstractmethod
    def _located_days(self) -> list[tuple[str, Term]]:
        """Every reported day or period with its field path."""


def calendar_periods(span: Term, unit: str, first: Date | None = None) -> list[Term]:
    """The calendar years, half-years or months that ``span`` touches, clipped to it; or,
    with ``unit="agreement-year"``, the 12-month periods from ``first`` (default: the span's
    start).

    >>> [str(t) for t in calendar_periods(Term(pendulum.date(2019, 11, 15),
    ...                                        pendulum.date(2020, 1, 31)), "month")]
    ['2019-11-15..2019-11-30', '2019-12-01..2019-12-31', '2020-01-01..2020-01-31']
    """
    if unit == "agreement-year":
        return agreement_years(span.start if first is None else first, span)
    makers = {
        "year": lambda d: Term.year(d.year),
        "half-year": lambda d: Term.half_year(d.year, 1 if d.month <= 6 else 2),
        "month": lambda d: Term.month(d.year, d.month),
    }
    if unit not in makers:
        raise IOPError(
            "the unit must be 'year', 'agreement-year', 'half-year' or 'month'",
            field="unit",
            value=unit,
        )
    periods = []
    current = span.start
    while current <= span.end:
        whole = makers[unit](current)
        clipped = whole.intersection(span)
        assert clipped is not None
        periods.append(clipped)
        current = whole.next_start
    return periods


# --- shared counting of occasions/events and aggregate reports -----------------------------------


def _check_counted_once(
    items: tuple[Any, ...], reports: tuple[Any, ...], field: str, noun: str = "occasion"
) -> None:
    """A3: no duplicate occasion, no overlapping reports, no occasion inside a report.

    ``items`` have a ``day`` (and a ``label`` or ``title``), ``reports`` a ``period``; the
    general activity's records and indicator reports use it too (``noun="record"``)."""
    seen: dict[tuple[Date, object], int] = {}
    for index, item in enumerate(items):
        key = (item.day, getattr(item, "label", None) or getattr(item, "title", None))
        if key in seen:
            raise ActivityError(
                f"{field}[{seen[key]}] and {field}[{index}] are the same {noun} "
                f"({item.day.isoformat()}); "
                + ("label them apart" if hasattr(item, "label") else "give them different titles")
                + " if there were two",
                rule=A3,
                field=f"{field}[{index}]",
                value=item.day,
            )
        seen[key] = index
    ordered = sorted(range(len(reports)), key=lambda i: reports[i].period.start)
    for a, b in itertools.pairwise(ordered):
        if reports[a].period.overlaps(reports[b].period):
            raise ActivityError(
                f"reports[{a}] ({reports[a].period}) and reports[{b}] "
                f"({reports[b].period}) overlap",
                rule=A3,
                field=f"reports[{b}].period",
                value=reports[b].period,
            )
    for index, item in enumerate(items):
        for r, report in enumerate(reports):
            if item.day in report.period:
                raise ActivityError(
                    f"the {noun} on {item.day.isoformat()} falls in reports[{r}] "
                    f"({report.period}), which already counts it",
                    rule=A3,
                    field=f"{field}[{index}].day",
                    value=item.day,
                )


def _reports_in(reports: tuple[AggregateReport, ...], period: Term) -> list[AggregateReport]:
    """A5: the aggregate reports that lie within ``period``; a straddling one is refused."""
    counted = []
    for index, report in enumerate(reports):
        if not report.period.overlaps(period):
            continue
        if report.period.start < period.start or report.period.end > period.end:
            raise ActivityError(
                f"reports[{index}] covers {report.period}, which straddles {period}; an "
                "aggregate report cannot be split over a shorter period",
                rule=A5,
                field=f"reports[{index}].period",
                value=report.period,
            )
        counted.append(report)
    return counted


def _mean(total: int, count: int) -> Fraction | None:
    """A6: the exact mean, or None with no occasions."""
    return Fraction(total, count) if count else None


def _tally(
    items: Iterable[Any],
    numbers: str,
    reports: tuple[AggregateReport, ...],
    period: Term,
    as_of: Date | None,
) -> Figures:
    """Count items (by ``day``) and aggregate reports for ``period`` (A5, A6)."""
    last = period.end if as_of is None else min(period.end, as_of)
    in_period = [item for item in items if period.start <= item.day <= last]
    counted_reports = [r for r in _reports_in(reports, period) if r.period.end <= last]
    count = len(in_period) + sum(r.occasions for r in counted_reports)
    total = sum(getattr(item, numbers) for item in in_period) + sum(
        r.total for r in counted_reports
    )
    by_kind: dict[str, int] = {}
    for item in in_period:
        kind = getattr(item, "kind", None)
        if kind is not None:
            by_kind[kind.value] = by_kind.get(kind.value, 0) + 1
    for report in counted_reports:
        if report.kind is not None:
            by_kind[report.kind.value] = by_kind.get(report.kind.value, 0) + report.occasions
    return Figures(
        period, count, total, _mean(total, count), len(in_period) + len(counted_reports), by_kind
    )


@attrs.frozen
class MeetingPlace(Activity):
    """A meeting place (mötesplats) with recurring occasions and their visitors.

    ``occasions`` are detailed reports (:class:`Occasion`), ``reports`` aggregate ones
    (:class:`AggregateReport`); both count (A3–A6).
    """

    agreement: Agreement | str = attrs.field(validator=_agreement_ref)
    name: str = attrs.field(validator=text(ActivityError))
    description: str = attrs.field(default="", validator=optional_text(ActivityError))
    occasions: tuple[Occasion, ...] = attrs.field(default=(), converter=_occasions)
    reports: tuple[AggregateReport, ...] = attrs.field(default=(), converter=_reports)

    _dated_items = ("occasions",)

    def __attrs_post_init__(self) -> None:
        _check_counted_once(self.occasions, self.reports, "occasions")
        self._check_within_agreement()

    def figures(
        self, period: Term, as_of: Date | None = None, known_on: Date | None = None
    ) -> Figures:
        """Occasions, total and mean visitors in ``period`` (A5, A6, A10)."""
        if known_on is not None:
            return self.as_known_on(calendar_day(known_on, "known_on")).figures(period, as_of)
        return _tally(self.occasions, "visitors", self.reports, _period(period), _as_of(as_of))

    def report(self, *more: Occasion | AggregateReport) -> MeetingPlace:
        """A copy with more occasions or aggregate reports added."""
        occasions = [m for m in more if isinstance(m, Occasion)]
        reports = [m for m in more if isinstance(m, AggregateReport)]
        if len(occasions) + len(reports) != len(more):
            raise ActivityError("expected Occasion or AggregateReport", field="report")
        return attrs.evolve(
            self,
            occasions=(*self.occasions, *occasions),
            reports=(*self.reports, *reports),
        )

    def _located_days(self) -> list[tuple[str, Term]]:
        return [
            (f"occasions[{i}].day", Term(o.day, o.day)) for i, o in enumerate(self.occasions)
        ] + [(f"reports[{i}].period", r.period) for i, r in enumerate(self.reports)]


@attrs.frozen
class Venue(Activity):
    """A venue or stage (scen, kvartersscen) with events of different kinds and their
    audiences."""

    count_words = ("events", "evenemang")
    count_word = ("event", "evenemang")

    agreement: Agreement | str = attrs.field(validator=_agreement_ref)
    name: str = attrs.field(validator=text(ActivityError))
    description: str = attrs.field(default="", validator=optional_text(ActivityError))
    events: tuple[Event, ...] = attrs.field(default=(), converter=_events)
    reports: tuple[AggregateReport, ...] = attrs.field(default=(), converter=_reports)

    _dated_items = ("events",)

    def __attrs_post_init__(self) -> None:
        _check_counted_once(self.events, self.reports, "events", noun="event")
        self._check_within_agreement()

    def figures(
        self, period: Term, as_of: Date | None = None, known_on: Date | None = None
    ) -> Figures:
        """Events, total and mean audience, and events per kind in ``period`` (A10)."""
        if known_on is not None:
            return self.as_known_on(calendar_day(known_on, "known_on")).figures(period, as_of)
        return _tally(self.events, "audience", self.reports, _period(period), _as_of(as_of))

    def _located_days(self) -> list[tuple[str, Term]]:
        return [(f"events[{i}].day", Term(e.day, e.day)) for i, e in enumerate(self.events)] + [
            (f"reports[{i}].period", r.period) for i, r in enumerate(self.reports)
        ]


@attrs.frozen
class Membership:
    """A member organisation of a network: from ``joined`` to ``left`` (its last day as a
    member, included; ``None`` while it is still a member)."""

    member: str = attrs.field(validator=text(ActivityError))
    joined: Date = attrs.field(validator=day)
    left: Date | None = attrs.field(default=None, validator=optional_day)

    def __attrs_post_init__(self) -> None:
        if self.left is not None and self.left < self.joined:
            raise ActivityError(
                f"left on {self.left.isoformat()}, before joining on {self.joined.isoformat()}",
                rule=T3,
                field="left",
                value=self.left,
            )

    def is_member_on(self, on: Date) -> bool:
        return self.joined <= on and (self.left is None or on <= self.left)


@attrs.frozen
class Network(Activity):
    """A network (nätverk, like Kulturbanken) of member organisations joining and leaving.

    Its figures count the members at the period's end (``count``) and, in ``extra``, the
    members that ``joined`` and ``left`` during the period.
    """

    count_words = ("members at the end", "medlemmar vid slutet")
    count_word = ("member at the end", "medlem vid slutet")

    agreement: Agreement | str = attrs.field(validator=_agreement_ref)
    name: str = attrs.field(validator=text(ActivityError))
    description: str = attrs.field(default="", validator=optional_text(ActivityError))
    memberships: tuple[Membership, ...] = attrs.field(default=(), converter=_memberships)

    def _dated_facts(self) -> list[tuple[str, Date]]:
        found = []
        for index, membership in enumerate(self.memberships):
            found.append((f"memberships[{index}].joined", membership.joined))
            if membership.left is not None:
                found.append((f"memberships[{index}].left", membership.left))
        return found

    def _known_changes(self, day: Date) -> dict[str, Any]:
        members = self.memberships
        if not any(m.joined > day or (m.left is not None and m.left > day) for m in members):
            return {}
        return {
            "memberships": tuple(
                m if m.left is None or m.left <= day else attrs.evolve(m, left=None)
                for m in members
                if m.joined <= day
            )
        }

    def __attrs_post_init__(self) -> None:
        by_member: dict[str, list[int]] = {}
        for index, membership in enumerate(self.memberships):
            by_member.setdefault(membership.member, []).append(index)
        for member, indexes in by_member.items():
            spans = sorted(indexes, key=lambda i: self.memberships[i].joined)
            for a, b in itertools.pairwise(spans):
                first = self.memberships[a]
                if first.left is None or first.left >= self.memberships[b].joined:
                    raise ActivityError(
                        f"{member!r} is a member twice at once",
                        rule=A3,
                        field=f"memberships[{b}].joined",
                        value=self.memberships[b].joined,
                    )
        self._check_within_agreement()

    def figures(
        self, period: Term, as_of: Date | None = None, known_on: Date | None = None
    ) -> Figures:
        """Members at the end of ``period`` (or of ``as_of``, if earlier); joined and left
        during it (A5, T2). ``reports`` counts the memberships that touch the period. A
        membership is known from its day (A10): ``known_on`` cuts like ``as_of``."""
        if known_on is not None:
            return self.as_known_on(calendar_day(known_on, "known_on")).figures(period, as_of)
        period = _period(period)
        as_of = _as_of(as_of)
        last = period.end if as_of is None else min(period.end, as_of)
        if last < period.start:
            return Figures(period, 0, None, None, 0, extra={"joined": 0, "left": 0})
        seen = Term(period.start, last)
        members = sum(1 for m in self.memberships if m.is_member_on(last))
        joined = sum(1 for m in self.memberships if m.joined in seen)
        left = sum(1 for m in self.memberships if m.left is not None and m.left in seen)
        touching = sum(
            1
            for m in self.memberships
            if m.joined <= last and (m.left is None or m.left >= period.start)
        )
        return Figures(
            period, members, None, None, touching, extra={"joined": joined, "left": left}
        )

    def _located_days(self) -> list[tuple[str, Term]]:
        located = []
        for index, membership in enumerate(self.memberships):
            located.append(
                (f"memberships[{index}].joined", Term(membership.joined, membership.joined))
            )
            if membership.left is not None:
                located.append(
                    (f"memberships[{index}].left", Term(membership.left, membership.left))
                )
        return located


@attrs.frozen
class Residency(Activity):
    """An artist residency (kulturresidens): a group works for a period on a production that
    ends in outcomes, such as a performance or an exhibition, with a day and an audience."""

    count_words = ("productions", "produktioner")
    count_word = ("production", "produktion")

    agreement: Agreement | str = attrs.field(validator=_agreement_ref)
    name: str = attrs.field(validator=text(ActivityError))
    period: Term = attrs.field(validator=instance_of(Term, ActivityError))
    group: tuple[str, ...] = attrs.field(default=(), converter=_group)
    description: str = attrs.field(default="", validator=optional_text(ActivityError))
    outcomes: tuple[Event, ...] = attrs.field(default=(), converter=_outcomes)

    _dated_items = ("outcomes",)

    def __attrs_post_init__(self) -> None:
        for index, member in enumerate(self.group):
            if not member.strip():
                raise ActivityError(
                    "a group member is non-empty text", field=f"group[{index}]", value=member
                )
        for index, outcome in enumerate(self.outcomes):
            if outcome.day < self.period.start:
                raise ActivityError(
                    f"the outcome on {outcome.day.isoformat()} is before the residency "
                    f"starts on {self.period.start.isoformat()}",
                    rule=A2,
                    field=f"outcomes[{index}].day",
                    value=outcome.day,
                )
        _check_counted_once(self.outcomes, (), "outcomes", noun="outcome")
        self._check_within_agreement()

    def figures(
        self, period: Term, as_of: Date | None = None, known_on: Date | None = None
    ) -> Figures:
        """Productions (outcomes), their total and mean audience, per kind, in ``period``."""
        if known_on is not None:
            return self.as_known_on(calendar_day(known_on, "known_on")).figures(period, as_of)
        return _tally(self.outcomes, "audience", (), _period(period), _as_of(as_of))

    def _located_days(self) -> list[tuple[str, Term]]:
        return [("period", self.period)] + [
            (f"outcomes[{i}].day", Term(o.day, o.day)) for i, o in enumerate(self.outcomes)
        ]


def _as_of(as_of: object, field: str = "as_of") -> Date | None:
    return None if as_of is None else calendar_day(as_of, field)


def _period(period: object) -> Term:
    if not isinstance(period, Term):
        raise ActivityError(
            f"a period is a Term, got {type(period).__name__} (see Term.year, Term.month)",
            rule=T2,
            field="period",
            value=period,
        )
    return period
