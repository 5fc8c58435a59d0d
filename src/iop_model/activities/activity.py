"""Activities (verksamhet, aktiviteter) of an agreement, with one mechanism for every kind
(A2, A3): a meeting place, a venue, a network, a residency, or a general activity with
indicators of its own.

Each kind supplies its fields (the file's keys) and what its counts mean
(:mod:`iop_model.activities.kinds`); the base class does the rest once: what lies within
the agreement (A2), what is counted once (A3), what was known on a day (A10), the figures of
a period (A5, A6), per year, and in words.

>>> from iop_model import AggregateReport, MeetingPlace, Term
>>> place = MeetingPlace(
...     "molndal-2019", "Öppen Kulturell Mötesplats",
...     reports=[AggregateReport(Term.year(2019), occasions=26, mean_visitors=40)],
... )
>>> f = place.figures(Term.year(2019))
>>> f.count, f.total, f.mean
(26, 1040, Fraction(40, 1))
>>> figures_text(place, f, "sv")
'26 tillfällen, 1\xa0040 besökare, medelvärde 40'
"""

from __future__ import annotations

import abc
import itertools
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

import attrs
import pendulum

from iop_model._validators import instance_of, optional_text, sequence_of, text
from iop_model.activities.figures import Figures, _mean, _period, calendar_periods, tally
from iop_model.activities.items import (
    A1,
    AggregateReport,
    CustomIndicator,
    Event,
    EventKind,
    IndicatorReport,
    Membership,
    Occasion,
    Record,
    Unit,
)
from iop_model.activities.kinds import KINDS
from iop_model.errors import ActivityError
from iop_model.explain import Lang
from iop_model.rules import UDDEVALLA_AGREEMENT_CONTENTS as _UDDEVALLA
from iop_model.rules import rule
from iop_model.terms.agreement import Agreement
from iop_model.terms.term import Term, calendar_day

__all__ = [
    "A2",
    "A3",
    "ACTIVITY_KINDS",
    "Activity",
    "GeneralActivity",
    "MeetingPlace",
    "Network",
    "Residency",
    "Venue",
    "figures_text",
]

Date = pendulum.Date

# --- A2 Within the agreement ---------------------------------------------------------------------
A2 = rule(
    "A2",
    "Within the agreement",
    "When an activity is given its Agreement, every occasion, event, membership day, residency "
    "period and report lies within the agreement's days in force.",
    "När en aktivitet får sitt avtal ligger varje tillfälle, evenemang, medlemsdag, "
    "residensperiod och rapport inom avtalets giltiga dagar.",
    "Activities and commitments (insatser och åtaganden) are part of every IOP agreement ("
    + _UDDEVALLA
    + "); that they lie within its term is the library's modelling choice.",
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


def _occasions(value: Iterable[Occasion]) -> tuple[Occasion, ...]:
    return sequence_of(value, Occasion, "occasions", ActivityError)


def _events(value: Iterable[Event]) -> tuple[Event, ...]:
    return sequence_of(value, Event, "events", ActivityError)


def _outcomes(value: Iterable[Event]) -> tuple[Event, ...]:
    return sequence_of(value, Event, "outcomes", ActivityError)


def _aggregate_reports(value: Iterable[AggregateReport]) -> tuple[AggregateReport, ...]:
    return sequence_of(value, AggregateReport, "reports", ActivityError)


def _memberships(value: Iterable[Membership]) -> tuple[Membership, ...]:
    return sequence_of(value, Membership, "memberships", ActivityError)


def _group(value: Iterable[str]) -> tuple[str, ...]:
    return sequence_of(value, str, "group", ActivityError)


def _indicators(value: Iterable[CustomIndicator]) -> tuple[CustomIndicator, ...]:
    return sequence_of(value, CustomIndicator, "indicators", ActivityError)


def _records(value: Iterable[Record]) -> tuple[Record, ...]:
    return sequence_of(value, Record, "records", ActivityError)


def _indicator_reports(value: Iterable[IndicatorReport]) -> tuple[IndicatorReport, ...]:
    return sequence_of(value, IndicatorReport, "reports", ActivityError)


def _agreement_ref(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, Agreement):
        return
    if not isinstance(value, str) or not value.strip():
        raise ActivityError(
            "expected an Agreement or an agreement id", field="agreement", value=value
        )


def _as_of(as_of: object, field: str = "as_of") -> Date | None:
    return None if as_of is None else calendar_day(as_of, field)


class Activity(abc.ABC):
    """An activity of an agreement. ``agreement`` is the :class:`Agreement` itself (then A2
    checks every day against its term) or its id. ``kind`` is its tag in files and reports
    (:data:`~iop_model.activities.kinds.KINDS`)."""

    __slots__ = ()

    agreement: Agreement | str
    name: str
    description: str

    #: The kind's tag: ``"meeting_place"``, ``"venue"``, ``"network"``, ``"residency"`` or
    #: ``"general"``.
    kind: ClassVar[str]
    #: What ``Figures.count`` counts, in English and Swedish (``count_word`` for one).
    count_words: tuple[str, str] = ("occasions", "tillfällen")
    count_word: tuple[str, str] = ("occasion", "tillfälle")
    #: The fields holding dated items (occasions, events, records, outcomes), and what one
    #: of them is called in messages.
    _dated_items: ClassVar[tuple[str, ...]] = ()
    _item_noun: ClassVar[str] = "occasion"

    @property
    def agreement_id(self) -> str:
        """The id of the agreement the activity belongs to."""
        agreement = self.agreement
        return agreement.id if isinstance(agreement, Agreement) else agreement

    # --- what was known on a day (A10) ------------------------------------------------------

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
        reports = self._reports()
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
        found += [(f"reports[{i}]", r.known_from) for i, r in enumerate(self._reports())]
        return found

    # --- figures (A5, A6) ---------------------------------------------------------------------

    def _reports(self) -> tuple[Any, ...]:
        """The aggregate reports (none for a kind that has none)."""
        reports: tuple[Any, ...] = getattr(self, "reports", ())
        return reports

    def _items(self) -> Iterator[Any]:
        return itertools.chain.from_iterable(getattr(self, f) for f in self._dated_items)

    def figures(
        self, period: Term, as_of: Date | None = None, known_on: Date | None = None
    ) -> Figures:
        """Exact figures for ``period`` (A5); with ``as_of``, only what had happened by the
        end of that day: items on or before it and reports whose period had ended; with
        ``known_on``, only what was known that day (A10: the activity is projected first)."""
        if known_on is not None:
            return self.as_known_on(calendar_day(known_on, "known_on")).figures(period, as_of)
        period = _period(period)
        sums, items, reports = tally(self._items(), self._reports(), period, _as_of(as_of))
        return self._figures(period, sums, items, reports)

    def _figures(self, period: Term, sums: dict[str, int], items: int, reports: int) -> Figures:
        """What the summed counts mean: occasions (or events, productions) and their
        visitors or audience, with the mean and the count per event kind."""
        count, total = sums.get("count", 0), sums.get("total", 0)
        by_kind = {key[5:]: n for key, n in sums.items() if key.startswith("kind:")}
        return Figures(period, count, total, _mean(total, count), items + reports, by_kind)

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

    # --- days (A2, A3) ---------------------------------------------------------------------

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

    def _located_days(self) -> list[tuple[str, Term]]:
        """Every reported day or period with its field path."""
        return [
            *self._own_days(),
            *(
                (f"{field}[{index}].day", Term(item.day, item.day))
                for field in self._dated_items
                for index, item in enumerate(getattr(self, field))
            ),
            *((f"reports[{i}].period", r.period) for i, r in enumerate(self._reports())),
        ]

    def _own_days(self) -> list[tuple[str, Term]]:
        """Days of the activity itself, before its items (a residency's period)."""
        return []

    def _check(self) -> None:
        """A3 (items counted once) and A2 (within the agreement), for every kind."""
        if self._dated_items:
            field = self._dated_items[0]
            _check_counted_once(getattr(self, field), self._reports(), field, self._item_noun)
        self._check_within_agreement()

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


@attrs.frozen
class MeetingPlace(Activity):
    """A meeting place (mötesplats) with recurring occasions and their visitors.

    ``occasions`` are detailed reports (:class:`Occasion`), ``reports`` aggregate ones
    (:class:`AggregateReport`); both count (A3–A6).
    """

    kind: ClassVar[str] = "meeting_place"
    count_words = KINDS["meeting_place"].count_words
    count_word = KINDS["meeting_place"].count_word
    _dated_items: ClassVar[tuple[str, ...]] = ("occasions",)

    agreement: Agreement | str = attrs.field(validator=_agreement_ref)
    name: str = attrs.field(validator=text(ActivityError))
    description: str = attrs.field(default="", validator=optional_text(ActivityError, long=True))
    occasions: tuple[Occasion, ...] = attrs.field(default=(), converter=_occasions)
    reports: tuple[AggregateReport, ...] = attrs.field(default=(), converter=_aggregate_reports)

    def __attrs_post_init__(self) -> None:
        self._check()

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


@attrs.frozen
class Venue(Activity):
    """A venue or stage (scen, kvartersscen) with events of different kinds and their
    audiences."""

    kind: ClassVar[str] = "venue"
    count_words = KINDS["venue"].count_words
    count_word = KINDS["venue"].count_word
    _dated_items: ClassVar[tuple[str, ...]] = ("events",)
    _item_noun: ClassVar[str] = "event"

    agreement: Agreement | str = attrs.field(validator=_agreement_ref)
    name: str = attrs.field(validator=text(ActivityError))
    description: str = attrs.field(default="", validator=optional_text(ActivityError, long=True))
    events: tuple[Event, ...] = attrs.field(default=(), converter=_events)
    reports: tuple[AggregateReport, ...] = attrs.field(default=(), converter=_aggregate_reports)

    def __attrs_post_init__(self) -> None:
        self._check()


@attrs.frozen
class Network(Activity):
    """A network (nätverk, like Kulturbanken) of member organisations joining and leaving.

    Its figures count the members at the period's end (``count``) and, in ``extra``, the
    members that ``joined`` and ``left`` during the period.
    """

    kind: ClassVar[str] = "network"
    count_words = KINDS["network"].count_words
    count_word = KINDS["network"].count_word

    agreement: Agreement | str = attrs.field(validator=_agreement_ref)
    name: str = attrs.field(validator=text(ActivityError))
    description: str = attrs.field(default="", validator=optional_text(ActivityError, long=True))
    memberships: tuple[Membership, ...] = attrs.field(default=(), converter=_memberships)

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
        self._check()

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

    def _dated_facts(self) -> list[tuple[str, Date]]:
        found = []
        for index, membership in enumerate(self.memberships):
            found.append((f"memberships[{index}].joined", membership.joined))
            if membership.left is not None:
                found.append((f"memberships[{index}].left", membership.left))
        return found

    def figures(
        self, period: Term, as_of: Date | None = None, known_on: Date | None = None
    ) -> Figures:
        """Members at the end of ``period`` (or of ``as_of``, if earlier); joined and left
        during it (A5, T2). ``reports`` counts the memberships that touch the period. A
        membership is known from the day it began, and its end from the day it ended
        (A10)."""
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

    kind: ClassVar[str] = "residency"
    count_words = KINDS["residency"].count_words
    count_word = KINDS["residency"].count_word
    _dated_items: ClassVar[tuple[str, ...]] = ("outcomes",)
    _item_noun: ClassVar[str] = "outcome"

    agreement: Agreement | str = attrs.field(validator=_agreement_ref)
    name: str = attrs.field(validator=text(ActivityError))
    period: Term = attrs.field(validator=instance_of(Term, ActivityError))
    group: tuple[str, ...] = attrs.field(default=(), converter=_group)
    description: str = attrs.field(default="", validator=optional_text(ActivityError, long=True))
    outcomes: tuple[Event, ...] = attrs.field(default=(), converter=_outcomes)

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
        self._check()

    def _own_days(self) -> list[tuple[str, Term]]:
        return [("period", self.period)]


@attrs.frozen
class GeneralActivity(Activity):
    """An activity with the user's own indicators (a women's shelter, a support line, youth
    work), reported per day (:class:`Record`) or per period (:class:`IndicatorReport`).
    ``count`` in its figures is the total of its indicators counted in occasions (or the
    number of records when it has none); ``extra`` holds every indicator's total.

    >>> calls = CustomIndicator("support_calls", "stödsamtal", "support calls", "calls")
    >>> shelter = GeneralActivity("avtal-1", "Jouren", indicators=[calls], reports=[
    ...     IndicatorReport(Term.year(2024), {"support_calls": 412})])
    >>> shelter.figures(Term.year(2024)).extra
    {'support_calls': 412}
    """

    kind: ClassVar[str] = "general"
    _dated_items: ClassVar[tuple[str, ...]] = ("records",)
    _item_noun: ClassVar[str] = "record"

    agreement: Agreement | str = attrs.field(validator=_agreement_ref)
    name: str = attrs.field(validator=text(ActivityError))
    indicators: tuple[CustomIndicator, ...] = attrs.field(converter=_indicators)
    description: str = attrs.field(default="", validator=optional_text(ActivityError, long=True))
    records: tuple[Record, ...] = attrs.field(default=(), converter=_records)
    reports: tuple[IndicatorReport, ...] = attrs.field(default=(), converter=_indicator_reports)

    def __attrs_post_init__(self) -> None:
        if not self.indicators:
            raise ActivityError(
                "a general activity declares at least one indicator", field="indicators", value=()
            )
        keys: dict[str, int] = {}
        for index, indicator in enumerate(self.indicators):
            if indicator.key in keys:
                raise ActivityError(
                    "two indicators have the same key",
                    field=f"indicators[{index}].key",
                    value=indicator.key,
                )
            keys[indicator.key] = index
        located: list[tuple[str, tuple[Record | IndicatorReport, ...]]] = [
            ("records", self.records),
            ("reports", self.reports),
        ]
        for field, items in located:
            for index, item in enumerate(items):
                for key in item.values:
                    if key not in keys:
                        raise ActivityError(
                            f"no indicator with this key (keys: {', '.join(keys)})",
                            rule=A1,
                            field=f"{field}[{index}].values.{key}",
                            value=key,
                        )
        self._check()

    @property
    def count_words(self) -> tuple[str, str]:  # type: ignore[override]
        occasions = [i for i in self.indicators if i.unit is Unit.OCCASIONS]
        if occasions:
            return occasions[0].name_en, occasions[0].name_sv
        return KINDS["general"].count_words

    @property
    def count_word(self) -> tuple[str, str]:  # type: ignore[override]
        """One of what is counted: the indicator's own name (it has no singular form), or
        ``record``."""
        occasions = [i for i in self.indicators if i.unit is Unit.OCCASIONS]
        if occasions:
            return occasions[0].name_en, occasions[0].name_sv
        return KINDS["general"].count_word

    def indicator(self, key: str) -> CustomIndicator:
        """The indicator with ``key``."""
        for indicator in self.indicators:
            if indicator.key == key:
                return indicator
        raise ActivityError(
            f"no indicator with this key (keys: {', '.join(i.key for i in self.indicators)})",
            field="indicator",
            value=key,
        )

    def _figures(self, period: Term, sums: dict[str, int], items: int, reports: int) -> Figures:
        """Every indicator's total; the count is the total of the indicators counted in
        occasions, or the number of records."""
        totals = {indicator.key: sums.get(indicator.key, 0) for indicator in self.indicators}
        occasions = [i.key for i in self.indicators if i.unit is Unit.OCCASIONS]
        count = sum(totals[k] for k in occasions) if occasions else items
        return Figures(period, count, None, None, items + reports, {}, totals)


#: The activity classes by the tag files and reports use (:data:`KINDS`).
ACTIVITY_KINDS: dict[str, type[Activity]] = {
    cls.kind: cls for cls in (MeetingPlace, Venue, Network, Residency, GeneralActivity)
}


def figures_text(activity: Activity, figures: Figures, lang: Lang, *, empty: bool = True) -> str:
    """An activity's figures in words: ``'26 tillfällen, 1 040 besökare, medelvärde 40'``.

    With ``empty`` (the default), a period without reports reads ``'inga rapporter'``.
    """
    from iop_model import wording

    if empty and figures.reports == 0:
        return wording.say("figures.none", lang)
    if isinstance(activity, GeneralActivity):
        return ", ".join(
            f"{wording.number(figures.extra.get(i.key, 0), lang)} {i.name(lang)}"
            for i in activity.indicators
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
