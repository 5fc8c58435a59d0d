"""What an activity reports (A1, A4, A10): occasions, events, memberships, aggregate reports,
and the records and indicator reports of activities with indicators of their own.

Every dated item and every report gives the counts it adds (:meth:`Occasion.values` and the
like), so that one tally (:mod:`iop_model.activities.figures`) counts every kind of activity.

>>> AggregateReport(Term.year(2019), occasions=26, mean_visitors=40).counted()
{'count': 26, 'total': 1040}
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import attrs
import pendulum

from iop_model._validators import day, instance_of, optional_day, optional_text, text
from iop_model.errors import ActivityError, IOPError
from iop_model.rules import rule
from iop_model.terms.term import T3, Term

__all__ = [
    "A1",
    "A4",
    "A10",
    "MAX_COUNT",
    "RESERVED_KEYS",
    "AggregateReport",
    "CustomIndicator",
    "Event",
    "EventKind",
    "IndicatorReport",
    "Membership",
    "Occasion",
    "Record",
    "Unit",
    "check_count",
    "check_exact",
    "exact_text",
]

Date = pendulum.Date
_KEY: Final = re.compile(r"[a-z][a-z0-9_]{0,63}")

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

    def counted(self) -> Mapping[str, int]:
        """What it counts: one occasion and its visitors."""
        return {"count": 1, "total": self.visitors}


@attrs.frozen
class Event:
    """One event of a venue, or the production outcome of a residency: a kind, a day and an
    audience (publik)."""

    kind: EventKind = attrs.field(validator=instance_of(EventKind, ActivityError))
    day: Date = attrs.field(validator=day)
    audience: int = attrs.field(validator=_count)
    title: str | None = attrs.field(default=None, validator=optional_text(ActivityError))

    def counted(self) -> Mapping[str, int]:
        """What it counts: one event of its kind and its audience."""
        return {"count": 1, "total": self.audience, f"kind:{self.kind.value}": 1}


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


def _check_received(received_on: Date | None, period: Term) -> None:
    """A10: a report on a period comes in once the period has ended."""
    if received_on is not None and received_on < period.end:
        raise ActivityError(
            f"received before the period it reports on ended ({period}); a report on a "
            "period comes in once it has ended",
            rule=A10,
            field="received_on",
            value=received_on,
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
        _check_received(self.received_on, self.period)

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

    def counted(self) -> Mapping[str, int]:
        """What it counts: its occasions (of its kind, if given) and their visitors."""
        found = {"count": self.occasions, "total": self._total}
        if self.kind is not None:
            found[f"kind:{self.kind.value}"] = self.occasions
        return found


def exact_text(value: Fraction | int) -> str:
    """An exact number in plain text: ``40``, ``40.5`` or ``121/3``."""
    value = Fraction(value)
    if value.denominator == 1:
        return str(value.numerator)
    decimal = Decimal(value.numerator) / Decimal(value.denominator)
    if Fraction(decimal) == value:
        return str(decimal)
    return f"{value.numerator}/{value.denominator}"


class Unit(enum.StrEnum):
    """What a custom indicator counts."""

    OCCASIONS = "occasions"
    PEOPLE = "people"
    HOURS = "hours"
    NIGHTS = "nights"
    CALLS = "calls"
    OTHER = "other"


def _unit(value: Unit | str) -> Unit:
    for member in Unit:
        if value is member or value == member.value:
            return member
    raise ActivityError(
        f"a unit is one of {', '.join(repr(u.value) for u in Unit)}", field="unit", value=value
    )


#: Keys a report's figures already use for their own numbers (an indicator would hide them).
RESERVED_KEYS: Final = frozenset(
    {"period", "count", "total", "mean", "reports", "by_kind", "text", "joined", "left"}
)


def _key(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not _KEY.fullmatch(value):
        raise ActivityError(
            "a key is lower-case ASCII letters, digits and _ (such as 'support_calls')",
            field=attribute.name,
            value=value,
        )
    if value in RESERVED_KEYS:
        raise ActivityError(
            f"the key {value!r} names one of the library's own figures "
            f"({', '.join(sorted(RESERVED_KEYS))}); choose another",
            field=attribute.name,
            value=value,
        )


@attrs.frozen
class CustomIndicator:
    """An indicator a general activity reports: ``key`` (as in files and targets), its name
    in Swedish and English (plural, as it is counted: ``"stödsamtal"``, ``"support calls"``)
    and its ``unit``."""

    key: str = attrs.field(validator=_key)
    name_sv: str = attrs.field(validator=text(ActivityError))
    name_en: str = attrs.field(validator=text(ActivityError))
    unit: Unit = attrs.field(default=Unit.OTHER, converter=_unit)

    def name(self, lang: str) -> str:
        """The indicator's name in ``lang``."""
        return self.name_sv if lang == "sv" else self.name_en


def _values(value: Mapping[str, int]) -> dict[str, int]:
    if not isinstance(value, Mapping):
        raise ActivityError(
            "values are a table of indicator keys and counts", field="values", value=value
        )
    checked: dict[str, int] = {}
    for key, count in value.items():
        checked[str(key)] = check_count(count, f"values.{key}")
    return checked


@attrs.frozen
class Record:
    """What happened on one ``day``: a count per indicator key (A1). ``label`` tells two
    records of the same day apart (A3)."""

    day: Date = attrs.field(validator=day)
    values: dict[str, int] = attrs.field(converter=_values, hash=False)
    label: str | None = attrs.field(default=None, validator=optional_text(ActivityError))

    def counted(self) -> Mapping[str, int]:
        """What it counts: its values."""
        return self.values


@attrs.frozen
class IndicatorReport:
    """Aggregate counts per indicator key for a ``period`` (A1, A5), received on
    ``received_on`` (A10)."""

    period: Term = attrs.field(validator=instance_of(Term, ActivityError))
    values: dict[str, int] = attrs.field(converter=_values, hash=False)
    received_on: Date | None = attrs.field(default=None, validator=optional_day)
    reference: str | None = attrs.field(default=None, validator=optional_text(ActivityError))

    def __attrs_post_init__(self) -> None:
        _check_received(self.received_on, self.period)

    @property
    def known_from(self) -> Date:
        """The day the report counts as known (A10)."""
        return self.period.end if self.received_on is None else self.received_on

    def counted(self) -> Mapping[str, int]:
        """What it counts: its values."""
        return self.values
