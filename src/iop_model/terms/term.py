"""Terms (avtalstid) and the term rules T1–T14.

A :class:`Term` is a closed interval of calendar days: "från och med 2019-01-01 till och med
2019-12-31". Every rule that decides a day, a length or whether a decision counts is a small
function in this module, declared next to its code with its ID, a one-line statement and its
source, so that the file can be read beside the statute.

>>> import pendulum
>>> from iop_model import Term
>>> first = Term.starting(pendulum.date(2019, 1, 1), years=1)
>>> first
Term(start=Date(2019, 1, 1), end=Date(2019, 12, 31))
>>> whole = Term(first.start, pendulum.date(2021, 12, 31))
>>> whole.length
Length(years=3, months=0, days=0)
>>> whole.lasts_at_least(years=3)
True
"""

from __future__ import annotations

import datetime
import enum
import functools
import re
from fractions import Fraction
from functools import cached_property
from typing import Any, Final, TypedDict

import attrs
import pendulum

from iop_model.errors import (
    AmbiguousDateError,
    DateError,
    ExtensionError,
    IOPError,
    LateExtensionError,
    PartnershipError,
    TermError,
    TerminationError,
)
from iop_model.rules import UDDEVALLA_AGREEMENT_CONTENTS as _UDDEVALLA
from iop_model.rules import rule

__all__ = [
    "DEFAULT_ROUNDING",
    "STOCKHOLM",
    "Length",
    "Rounding",
    "Term",
    "as_date",
    "today",
]

Date = pendulum.Date

#: The time zone that decides what "today" is.
STOCKHOLM: Final = "Europe/Stockholm"

_FIRST_ORDINAL: Final = datetime.date.min.toordinal()
_LAST_ORDINAL: Final = datetime.date.max.toordinal()
_plain_from_ordinal: Final = datetime.date.fromordinal
_plain_from_iso: Final = datetime.date.fromisoformat
_ISO_DAY: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # ASCII digits only


def _from_ordinal(ordinal: int, field: str | None = None) -> Date:
    if not _FIRST_ORDINAL <= ordinal <= _LAST_ORDINAL:
        raise DateError("the day falls outside the years 1–9999", rule=T1, field=field)
    day = _plain_from_ordinal(ordinal)  # three times faster than pendulum's own fromordinal
    return Date(day.year, day.month, day.day)


_DAYS_IN_MONTH: Final = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int, month: int) -> int:
    """The number of days in ``month`` of ``year`` (Gregorian calendar)."""
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS_IN_MONTH[month - 1]


def _plus_days(day: Date, days: int) -> Date:
    return _from_ordinal(day.toordinal() + days)


# --- T1 Calendar days ----------------------------------------------------------------------------
T1 = rule(
    "T1",
    "Calendar days",
    "Every day in a term or decision is a calendar day (pendulum.Date); datetimes and plain "
    "datetime.date values are refused unless converted explicitly with as_date, and 'today' "
    "is today in Europe/Stockholm.",
    "Varje dag i en avtalstid eller ett beslut är en kalenderdag; en tidpunkt (med klockslag) "
    "avvisas om den inte uttryckligen görs om till en dag, och ”i dag” är dagens datum i "
    "svensk tid.",
    "Agreement practice: terms are stated in whole days ('från och med ... till och med').",
)


def calendar_day(value: object, field: str | None = None) -> Date:
    """Return ``value`` if it is a ``pendulum.Date``; otherwise raise :class:`DateError` (T1)."""
    if type(value) is Date:
        return value
    if isinstance(value, datetime.datetime):
        raise DateError(
            "a datetime is not a calendar day; take its date in the time zone you mean "
            "(for example pendulum.instance(value).in_tz('Europe/Stockholm').date())",
            rule=T1,
            field=field,
            value=value,
        )
    if isinstance(value, Date):
        return value
    if isinstance(value, datetime.date):
        raise DateError(
            "a datetime.date is not a pendulum.Date; convert it explicitly with "
            "iop_model.as_date(value)",
            rule=T1,
            field=field,
            value=value,
        )
    raise DateError(
        f"expected a pendulum.Date, got {type(value).__name__}",
        rule=T1,
        field=field,
        value=value,
    )


def as_date(value: datetime.date | str, field: str | None = None) -> Date:
    """Convert a ``datetime.date`` or exact ``YYYY-MM-DD`` text to a ``pendulum.Date`` (T1).

    This is the one explicit conversion the library offers; datetimes are refused because
    their calendar day depends on a time zone.

    >>> as_date("2019-12-19")
    Date(2019, 12, 19)
    >>> as_date("2019-2-1")
    Traceback (most recent call last):
    ...
    iop_model.errors.DateError: T1: expected a day written exactly as YYYY-MM-DD ...
    """
    if isinstance(value, str):
        return _parse_iso_day(value, field)
    if isinstance(value, datetime.datetime):
        return calendar_day(value, field)
    if isinstance(value, datetime.date):
        return Date(value.year, value.month, value.day)
    return calendar_day(value, field)


@functools.lru_cache(maxsize=4096)
def _parse_iso_day(value: str, field: str | None) -> Date:
    """T1 for text (cached: files repeat the same days, and a Date never changes)."""
    if not _ISO_DAY.fullmatch(value):
        raise DateError(
            "expected a day written exactly as YYYY-MM-DD",
            rule=T1,
            field=field or "day",
            value=value,
        )
    try:
        day = _plain_from_iso(value)
    except ValueError:
        raise DateError(
            "no such calendar day", rule=T1, field=field or "day", value=value
        ) from None
    return Date(day.year, day.month, day.day)


def today() -> Date:
    """Today's date in Europe/Stockholm (T1): the default "as of" day of reports."""
    return pendulum.today(STOCKHOLM).date()


# --- T2 Inclusive end ----------------------------------------------------------------------------
T2 = rule(
    "T2",
    "Inclusive end",
    "A term runs from its start day to its end day, both included; its number of days is "
    "end - start + 1.",
    "En avtalstid löper från och med startdagen till och med slutdagen; antalet dagar är "
    "slut - start + 1.",
    "Agreement practice: 'från och med 2019-01-01 till och med 2019-12-31'.",
)


def days_inclusive(start: Date, end: Date) -> int:
    """Number of days from ``start`` to ``end``, both included (T2)."""
    return end.toordinal() - start.toordinal() + 1


# --- T3 End not before start ---------------------------------------------------------------------
T3 = rule(
    "T3",
    "End not before start",
    "A term's end is never before its start; a one-day term has start == end.",
    "En avtalstids slutdag ligger aldrig före startdagen; en endagsperiod har start == slut.",
    "Follows from T2: a term covers at least one day.",
)


def check_order(start: Date, end: Date, field: str = "end") -> None:
    """Raise :class:`TermError` (T3) when ``end`` is before ``start``."""
    if end < start:
        raise TermError(
            f"the end {end.isoformat()} is before the start {start.isoformat()}",
            rule=T3,
            field=field,
            value=end,
        )


# --- Lengths ----------------------------------------------------------------------------------


def check_length_part(value: object, field: str, error: type[IOPError] = TermError) -> int:
    """Return ``value`` if it is a whole number of years, months or days (an ``int`` >= 0);
    raise ``error`` naming rule T4 otherwise. Every length in the library is checked here."""
    if type(value) is not int:
        raise error(
            f"a length counts whole {field} as an int, got {type(value).__name__}",
            rule=T4,
            field=field,
            value=value,
        )
    if value < 0:
        raise error(
            f"a length cannot be negative: {value} {field}",
            rule=T4,
            field=field,
            value=value,
        )
    most = _MAX_PART.get(field, _MAX_PART["days"])
    if value > most:
        raise error(
            f"a length keeps its days within the years 1–9999: at most {most} {field}",
            rule=T1,
            field=field,
            value=value,
        )
    return value


#: The longest length parts whose days stay within the years 1–9999 (T1).
_MAX_PART: Final = {"years": 9998, "months": 9998 * 12, "weeks": 521_775, "days": 3_652_058}


def check_positive_length(
    length: Length, what: str, error: type[IOPError] = TermError, field: str = "length"
) -> None:
    """Raise ``error`` naming rule T4 when ``length`` is zero: ``what`` needs a positive one."""
    if length.is_zero:
        raise error(
            f"{what} needs a positive length (years, months or days)",
            rule=T4,
            field=field,
            value=length,
        )


def _count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_length_part(value, attribute.name)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


@attrs.frozen
class Length:
    """A length in whole years, months and days (all >= 0), as counted by the term rules.

    ``Length(years=1, months=2)`` and ``Length(months=14)`` shift a day the same way
    (:attr:`total_months`) but are kept as given.

    >>> str(Length(years=3)), Length(years=3).sv()
    ('3 years', '3 år')
    """

    years: int = attrs.field(default=0, validator=_count)
    months: int = attrs.field(default=0, validator=_count)
    days: int = attrs.field(default=0, validator=_count)

    @property
    def total_months(self) -> int:
        """Years and months as one number of months."""
        return self.years * 12 + self.months

    @property
    def is_zero(self) -> bool:
        """Whether the length is zero: rule T4 needs a positive one (`check_positive_length`)."""
        return not (self.years or self.months or self.days)

    def normalized(self) -> Length:
        """The same length with ``months < 12``."""
        years, months = divmod(self.total_months, 12)
        return Length(years, months, self.days)

    def __str__(self) -> str:
        parts = [
            _plural(self.years, "year", "years") if self.years else "",
            _plural(self.months, "month", "months") if self.months else "",
            _plural(self.days, "day", "days") if self.days else "",
        ]
        return " ".join(p for p in parts if p) or "0 days"

    def sv(self) -> str:
        """The length in Swedish: ``'2 år 1 månad 3 dagar'``."""
        parts = [
            f"{self.years} år" if self.years else "",
            _plural(self.months, "månad", "månader") if self.months else "",
            _plural(self.days, "dag", "dagar") if self.days else "",
        ]
        return " ".join(p for p in parts if p) or "0 dagar"


@functools.lru_cache(maxsize=4096)
def trusted_length(years: int, months: int, days: int) -> Length:
    """A :class:`Length` from values the rules computed (whole, >= 0): no re-validation.
    Cached: lengths are immutable, and agreements repeat the same few."""
    length = object.__new__(Length)
    object.__setattr__(length, "years", years)
    object.__setattr__(length, "months", months)
    object.__setattr__(length, "days", days)
    return length


# --- T4 End of a term of a given length ----------------------------------------------------------
T4 = rule(
    "T4",
    "End of a term of a given length",
    "A term of a positive length starting on day d ends the day before the day corresponding "
    "to d that many years and months later (years and months applied in one step), plus the "
    "days: 2019-01-01 + 1 year ends 2019-12-31.",
    "En avtalstid med en positiv längd som börjar dag d slutar dagen före den dag som "
    "motsvarar d så många år och månader senare (år och månader i ett steg), plus dagarna: "
    "2019-01-01 + 1 år slutar 2019-12-31.",
    "Agreement practice ('från och med ... till och med'), modelled on codes that state the "
    "rule outright: BGB § 188(2)-(3) and the Japanese Civil Code art. 143(2) (a period ends "
    "with the day before the corresponding day). 1 § lagen (1930:173) om beräkning av "
    "lagstadgad tid is the source only of the corresponding day, by analogy: it governs time "
    "set by statute and makes that day itself the end day (D1).",
)


@functools.lru_cache(maxsize=8192)
def end_of(start: Date, length: Length, rounding: Rounding) -> Date:
    """Last day of the term of ``length`` that starts on ``start`` (T4, T5). Cached: a
    portfolio's terms share start days and lengths, and the answer never changes."""
    check_positive_length(length, "a term")
    anchor = _anchor_ordinal(start, length.total_months, rounding)
    return _from_ordinal(anchor + length.days - 1, "length")


def _anchor_ordinal(start: Date, months: int, rounding: Rounding) -> int:
    """The ordinal of the corresponding day, also when it falls in January of the year
    10000: the day before it may still be a day of 9999 (``Term.year(9999)`` lasts 12
    months). Later corresponding days are refused by T1."""
    try:
        return corresponding_day(start, months, rounding).toordinal()
    except DateError:
        year, month0 = divmod(start.month - 1 + months, 12)
        if start.year + year == 10_000 and month0 == 0:
            return _LAST_ORDINAL + start.day
        raise


# --- T5 Missing corresponding day ----------------------------------------------------------------
T5 = rule(
    "T5",
    "Missing corresponding day",
    "When the corresponding day does not exist (31 January + 1 month, 29 February + 1 year), "
    "the rounding policy decides: UP (the default) takes the first day of the next month, so "
    "the term ends on the last day of the short month; DOWN takes the short month's last day; "
    "REFUSE raises AmbiguousDateError.",
    "När motsvarande dag saknas (31 januari + 1 månad, 29 februari + 1 år) avgör "
    "avrundningsregeln: UP (standard) tar nästa månads första dag, så att avtalstiden slutar "
    "på den korta månadens sista dag; DOWN tar den korta månadens sista dag; REFUSE ger "
    "AmbiguousDateError.",
    "BGB § 188(3) and the Japanese Civil Code art. 143(2): when the end month lacks the "
    "corresponding day, the period ends with that month's last day, which is what UP gives; "
    "the same month-end idea as 1 § lagen (1930:173), by analogy. DOWN and REFUSE are the "
    "library's named alternatives (Catala's explicit rounding).",
)


class Rounding(enum.Enum):
    """What to do when the corresponding day does not exist (rule T5).

    ======== ===================================== ============================
    policy   2019-01-31 + 1 month (term ends)      2020-02-29 + 1 year (ends)
    ======== ===================================== ============================
    UP       2019-02-28 (anchor 2019-03-01)        2021-02-28 (anchor 2021-03-01)
    DOWN     2019-02-27 (anchor 2019-02-28)        2021-02-27 (anchor 2021-02-28)
    REFUSE   AmbiguousDateError                    AmbiguousDateError
    ======== ===================================== ============================
    """

    UP = "up"
    DOWN = "down"
    REFUSE = "refuse"


#: The policy used when none is given: the term ends on the short month's last day, as
#: BGB § 188(3) and the Japanese Civil Code art. 143(2) say.
DEFAULT_ROUNDING: Final = Rounding.UP


def corresponding_day(start: Date, months: int, rounding: Rounding = DEFAULT_ROUNDING) -> Date:
    """The day corresponding to ``start`` ``months`` months later (T4), rounded by T5.

    >>> import pendulum
    >>> corresponding_day(pendulum.date(2019, 1, 31), 1)
    Date(2019, 3, 1)
    >>> corresponding_day(pendulum.date(2019, 1, 31), 1, Rounding.DOWN)
    Date(2019, 2, 28)
    """
    if months == 0:
        return start
    return _corresponding_day(start, months, rounding)


@functools.lru_cache(maxsize=8192)
def _corresponding_day(start: Date, months: int, rounding: Rounding) -> Date:
    # Cached: portfolios share start days (the 1st of a month, a year's start), and a day's
    # corresponding day never changes.
    year, month0 = divmod(start.month - 1 + months, 12)
    year += start.year
    if not 1 <= year <= 9999:
        raise DateError("the day falls outside the years 1–9999", rule=T1, field="length")
    last = days_in_month(year, month0 + 1)
    if start.day <= last:
        return Date(year, month0 + 1, start.day)
    if rounding is Rounding.UP:
        return _plus_days(Date(year, month0 + 1, last), 1)
    if rounding is Rounding.DOWN:
        return Date(year, month0 + 1, last)
    raise AmbiguousDateError(
        f"{start.isoformat()} + {months} months: day {start.day} does not exist in "
        f"{year}-{month0 + 1:02d}; choose Rounding.UP or Rounding.DOWN",
        rule=T5,
        field="start",
        value=start,
    )


# --- T6 Length of a term -------------------------------------------------------------------------
T6 = rule(
    "T6",
    "Length of a term",
    "The length of a term is the largest number of whole months (as years and months) whose "
    "T4 term from the same start ends on or before its end, plus the remaining days; "
    "2019-01-01..2021-12-31 is exactly 3 years.",
    "En avtalstids längd är det största antalet hela månader (som år och månader) vars "
    "T4-avtalstid från samma start slutar senast på slutdagen, plus återstående dagar; "
    "2019-01-01..2021-12-31 är exakt 3 år.",
    "Inverse of T4; never pendulum's diff().in_years(), which counts 2019-01-01..2021-12-31 "
    "as 2 years.",
)


def length_of(start: Date, end: Date, rounding: Rounding = DEFAULT_ROUNDING) -> Length:
    """The :class:`Length` of the term ``start..end`` (T6), so that
    ``Term.starting(start, **length) == Term(start, end)``."""
    months = (end.year - start.year) * 12 + end.month - start.month
    # The candidate one month further ends after `end` whatever the policy (its anchor lies
    # in a later month), so it is only tried when the corresponding day exists.
    candidates = (months + 1, months, months - 1)
    for candidate in candidates:
        if candidate < 0:
            continue
        if candidate == months + 1 and _lacks_corresponding_day(start, candidate):
            continue
        try:
            before = _anchor_ordinal(start, candidate, rounding) - 1
        except DateError:  # a corresponding day after the year 9999 ends after `end`
            continue
        if before <= end.toordinal():
            years, rest = divmod(candidate, 12)
            return trusted_length(years, rest, end.toordinal() - before)
    raise AssertionError("unreachable: a zero-month candidate always fits")  # pragma: no cover


def _lacks_corresponding_day(start: Date, months: int) -> bool:
    year, month0 = divmod(start.month - 1 + months, 12)
    return start.day > days_in_month(start.year + year, month0 + 1)


# --- T7 At least a length ------------------------------------------------------------------------
T7 = rule(
    "T7",
    "At least a length",
    "A term lasts at least a length L when the T4 term of length L from the same start ends "
    "on or before the term's end.",
    "En avtalstid varar minst längden L när T4-avtalstiden med längden L från samma start "
    "slutar senast på avtalstidens slutdag.",
    "Follows from T4; the way to compare a span with 'minst tre år'.",
)


def lasts_at_least(term: Term, length: Length, rounding: Rounding = DEFAULT_ROUNDING) -> bool:
    """Whether ``term`` lasts at least ``length`` (T7)."""
    return end_of(term.start, length, rounding) <= term.end


# --- The term itself ---------------------------------------------------------------------------


def fraction_text(value: Fraction) -> str:
    """An exact number as text for data: ``"600000"`` or ``"54600000/91"``."""
    if value.denominator == 1:
        return str(value.numerator)
    return f"{value.numerator}/{value.denominator}"


class TermDict(TypedDict):
    """A term as plain data: its first and last day, ISO dates."""

    start: str
    end: str


@attrs.frozen
class Term:
    """A closed interval of calendar days: avtalstid, från och med ``start`` till och med
    ``end`` (rules T1–T3).

    >>> import pendulum
    >>> t = Term(pendulum.date(2019, 1, 1), pendulum.date(2019, 12, 31))
    >>> t.days, pendulum.date(2019, 12, 31) in t, t.next_start
    (365, True, Date(2020, 1, 1))
    >>> str(t)
    '2019-01-01..2019-12-31'
    """

    start: Date = attrs.field(validator=lambda _, a, v: calendar_day(v, a.name))
    end: Date = attrs.field(validator=lambda _, a, v: calendar_day(v, a.name))

    def __attrs_post_init__(self) -> None:
        check_order(self.start, self.end)

    @classmethod
    def starting(
        cls,
        start: Date,
        years: int = 0,
        months: int = 0,
        days: int = 0,
        rounding: Rounding = DEFAULT_ROUNDING,
    ) -> Term:
        """The term of the given length that starts on ``start`` (T4, T5).

        >>> import pendulum
        >>> Term.starting(pendulum.date(2020, 2, 29), years=1).end
        Date(2021, 2, 28)
        >>> Term.starting(pendulum.date(2020, 2, 29), years=1, rounding=Rounding.DOWN).end
        Date(2021, 2, 27)
        """
        calendar_day(start, "start")
        if not isinstance(rounding, Rounding):
            raise TermError(
                "rounding must be a Rounding policy", rule=T5, field="rounding", value=rounding
            )
        return trusted_term(start, end_of(start, Length(years, months, days), rounding))

    @classmethod
    def year(cls, year: int) -> Term:
        """The calendar year ``year``: 1 January to 31 December.

        >>> str(Term.year(2019))
        '2019-01-01..2019-12-31'
        """
        _check_year(year)
        return trusted_term(Date(year, 1, 1), Date(year, 12, 31))

    @classmethod
    def half_year(cls, year: int, half: int) -> Term:
        """The first (``half=1``) or second (``half=2``) half of ``year``."""
        _check_year(year)
        if type(half) is not int or half not in (1, 2):
            raise TermError("half must be 1 or 2", rule=T1, field="half", value=half)
        if half == 1:
            return trusted_term(Date(year, 1, 1), Date(year, 6, 30))
        return trusted_term(Date(year, 7, 1), Date(year, 12, 31))

    @classmethod
    def month(cls, year: int, month: int) -> Term:
        """The calendar month ``month`` of ``year``."""
        _check_year(year)
        if type(month) is not int or not 1 <= month <= 12:
            raise TermError(
                "month must be a whole number 1..12", rule=T1, field="month", value=month
            )
        return trusted_term(Date(year, month, 1), Date(year, month, days_in_month(year, month)))

    @property
    def days(self) -> int:
        """Number of days in the term, both ends included (T2)."""
        return days_inclusive(self.start, self.end)

    @property
    def next_start(self) -> Date:
        """The day after the end: where an extension or a follow-on term starts (T8)."""
        return _plus_days(self.end, 1)

    @cached_property
    def length(self) -> Length:
        """Whole years, months and days covered, by rule T6 with the default policy."""
        return length_of(self.start, self.end, DEFAULT_ROUNDING)

    def measure(self, rounding: Rounding = DEFAULT_ROUNDING) -> Length:
        """The length by rule T6 under a chosen rounding policy."""
        return length_of(self.start, self.end, rounding)

    def lasts_at_least(
        self,
        years: int = 0,
        months: int = 0,
        days: int = 0,
        rounding: Rounding = DEFAULT_ROUNDING,
    ) -> bool:
        """Whether the term lasts at least the given length (T7).

        >>> import pendulum
        >>> Term(pendulum.date(2019, 1, 1), pendulum.date(2021, 12, 30)).lasts_at_least(years=3)
        False
        """
        return lasts_at_least(self, Length(years, months, days), rounding)

    def to_dict(self) -> TermDict:
        """The term as plain data: ``{"start": "2019-01-01", "end": "2019-12-31"}``."""
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}

    def __contains__(self, day: object) -> bool:
        day = calendar_day(day, "day")
        return self.start <= day <= self.end

    def overlaps(self, other: Term) -> bool:
        """Whether the two terms share at least one day."""
        other = _other(other)
        return self.start <= other.end and other.start <= self.end

    def intersection(self, other: Term) -> Term | None:
        """The days both terms cover, or ``None`` when they do not overlap."""
        if not self.overlaps(other):
            return None
        return trusted_term(max(self.start, other.start), min(self.end, other.end))

    def is_adjacent_to(self, other: Term) -> bool:
        """Whether one term starts the day after the other ends (no gap, no overlap)."""
        other = _other(other)
        return self.next_start == other.start or other.next_start == self.start

    def gap_to(self, other: Term) -> Term | None:
        """The days strictly between this term and a later ``other``, or ``None`` when they
        touch or overlap.

        >>> str(Term.year(2019).gap_to(Term.year(2021)))
        '2020-01-01..2020-12-31'
        """
        other = _other(other)
        if other.start <= self.next_start:
            return None
        return trusted_term(self.next_start, _plus_days(other.start, -1))

    def __str__(self) -> str:
        return f"{self.start.isoformat()}..{self.end.isoformat()}"


def trusted_term(start: Date, end: Date) -> Term:
    """A :class:`Term` from days the rules already checked (``start <= end``, both
    ``pendulum.Date``): no re-validation. For the library's own computed terms."""
    term = object.__new__(Term)
    object.__setattr__(term, "start", start)
    object.__setattr__(term, "end", end)
    return term


def _other(other: object) -> Term:
    """The other term of a comparison; anything else is a :class:`TermError`."""
    if not isinstance(other, Term):
        raise TermError(
            f"expected a Term to compare with, got {type(other).__name__}",
            field="other",
            value=other,
        )
    return other


def _check_year(year: object) -> None:
    """A calendar year is a whole number 1..9999 (T1)."""
    if type(year) is not int or not 1 <= year <= 9999:
        raise TermError("a year is a whole number 1..9999", rule=T1, field="year", value=year)


# --- T8 Extension starts the day after -----------------------------------------------------------
T8 = rule(
    "T8",
    "Extension starts the day after",
    "An extension's term starts the day after the current end and has the extension's length "
    "(T4) or runs to its 'until' day.",
    "En förlängnings avtalstid börjar dagen efter nuvarande slutdag och har förlängningens "
    "längd (T4) eller löper till och med dess 'until'-dag.",
    "Agreement practice: an extension continues the agreement without a break.",
)


def extension_term(
    current_end: Date,
    length: Length,
    until: Date | None,
    rounding: Rounding,
) -> Term:
    """The term an extension adds after ``current_end`` (T8, T10)."""
    start = _plus_days(current_end, 1)
    by_length = None if length.is_zero else end_of(start, length, rounding)
    if until is None:
        if by_length is None:  # pragma: no cover - Extension refuses this at construction
            raise TermError("an extension needs a length or an until day", rule=T4)
        return trusted_term(start, by_length)
    if until < start:
        raise TermError(
            f"the new last day {until.isoformat()} is not after the current end "
            f"{current_end.isoformat()}",
            rule=T3,
            field="until",
            value=until,
        )
    check_until_agrees(start, length, until, by_length)
    return trusted_term(start, until)


# --- T9 Extension decided in time ----------------------------------------------------------------
T9 = rule(
    "T9",
    "Extension decided in time",
    "An extension is decided on or before the last day of the term it extends (moved to the "
    "next working day only when the agreement opts in with extension_roll, D3), not before "
    "the agreement itself, and extensions are decided in order; a later decision needs a "
    "follow-on agreement.",
    "En förlängning beslutas senast sista dagen i den avtalstid den förlänger (flyttad till "
    "nästa arbetsdag bara när avtalet väljer det med extension_roll, D3), inte före avtalet "
    "självt, och förlängningar beslutas i ordning; ett senare beslut kräver ett nytt avtal.",
    "The library's modelling choice from agreement practice: an expired agreement cannot be "
    "extended, a new one is needed (cf. the Mölndal follow-on agreement 2022–2024). The "
    "term's last day is not statutory time, so 2 § lagen (1930:173) does not move it unless "
    "the agreement says so.",
)


def check_extension_timing(
    decided_on: Date,
    current_end: Date,
    earliest: Date | None,
    field: str = "decided_on",
    latest: Date | None = None,
) -> None:
    """Raise when an extension decision falls after ``latest`` (the last day to decide:
    ``current_end`` unless the agreement moves it to a working day) or before ``earliest``
    (the agreement's decision or the previous extension's) (T9)."""
    if decided_on > (current_end if latest is None else latest):
        moved = "" if latest in (None, current_end) else f" (last day to decide: {latest})"
        raise LateExtensionError(
            f"the extension was decided on {decided_on.isoformat()}, after the term it extends "
            f"ended on {current_end.isoformat()}{moved}; an expired agreement cannot be "
            "extended, make a follow-on agreement that names this one in 'follows' instead",
            rule=T9,
            field=field,
            value=decided_on,
        )
    if earliest is not None and decided_on < earliest:
        raise ExtensionError(
            f"the extension was decided on {decided_on.isoformat()}, before "
            f"{earliest.isoformat()} (the agreement's or the previous extension's decision)",
            rule=T9,
            field=field,
            value=decided_on,
        )


# --- T10 'until' and length agree ----------------------------------------------------------------
T10 = rule(
    "T10",
    "Until and length agree",
    "When an extension gives both a length and a new last day ('until'), the T4 end of the "
    "length must be that day.",
    "När en förlängning anger både en längd och en ny sista dag ('until') ska längdens "
    "T4-slutdag vara den dagen.",
    "No silent choice between two statements of the same decision.",
)


def check_until_agrees(start: Date, length: Length, until: Date, by_length: Date | None) -> None:
    """Raise when ``until`` and the end given by ``length`` differ (T10)."""
    if by_length is not None and by_length != until:
        raise TermError(
            f"{length} from {start.isoformat()} ends on {by_length.isoformat()}, "
            f"but until is {until.isoformat()}",
            rule=T10,
            field="until",
            value=until,
        )


# --- T11 Maximum extent --------------------------------------------------------------------------
T11 = rule(
    "T11",
    "Maximum extent",
    "When an agreement has a maximum extent, neither its initial term nor any extension "
    "reaches past that day.",
    "När ett avtal har en yttersta slutdag når varken den första avtalstiden eller någon "
    "förlängning förbi den dagen.",
    "OCDS contract period maxExtentDate; the library's modelling choice. A missing maximum "
    "extent is a risk signal, not law: the Alingsås agreement (HFD 2020 ref. 15) could be "
    "extended without a stated limit, but the court's ground was that the foundation "
    "provided services for economic consideration.",
)


def check_max_extent(end: Date, max_extent: Date | None, field: str) -> None:
    """Raise when ``end`` passes ``max_extent`` (T11)."""
    if max_extent is not None and end > max_extent:
        raise ExtensionError(
            f"the term would end on {end.isoformat()}, past the maximum extent "
            f"{max_extent.isoformat()}",
            rule=T11,
            field=field,
            value=end,
        )


# --- T12 Termination -----------------------------------------------------------------------------
T12 = rule(
    "T12",
    "Termination",
    "A termination ends an agreement early on its 'on' day (the last day in force); it is "
    "decided on or before that day, within the running term, and no extension may be decided "
    "after it.",
    "En uppsägning avslutar avtalet i förtid på sin 'on'-dag (sista giltiga dagen); den "
    "beslutas senast den dagen, under löpande avtalstid, och ingen förlängning får beslutas "
    "efter den.",
    "Agreement practice: every IOP agreement states its term, notice period and termination "
    "for breach (" + _UDDEVALLA + "). That no extension may follow a termination is the "
    "library's modelling choice.",
)


def check_termination(
    on: Date,
    decided_on: Date,
    start: Date,
    end: Date,
    earliest: Date | None,
    field: str = "termination",
) -> None:
    """Raise :class:`TerminationError` when a termination breaks T12."""
    if decided_on > end:
        raise TerminationError(
            f"the termination was decided on {decided_on.isoformat()}, after the agreement "
            f"had ended on {end.isoformat()}",
            rule=T12,
            field=f"{field}.decided_on",
            value=decided_on,
        )
    if earliest is not None and decided_on < earliest:
        raise TerminationError(
            f"the termination was decided on {decided_on.isoformat()}, before "
            f"{earliest.isoformat()} (the agreement's or its last extension's decision)",
            rule=T12,
            field=f"{field}.decided_on",
            value=decided_on,
        )
    if not start <= on <= end:
        raise TerminationError(
            f"the last day in force {on.isoformat()} is outside the agreement's term "
            f"{start.isoformat()}..{end.isoformat()}",
            rule=T12,
            field=f"{field}.on",
            value=on,
        )
    if on < decided_on:
        raise TerminationError(
            f"the termination takes effect on {on.isoformat()}, before it was decided on "
            f"{decided_on.isoformat()}; a termination cannot be retroactive",
            rule=T12,
            field=f"{field}.on",
            value=on,
        )


# --- T13 Decisions known as of a day -------------------------------------------------------------
T13 = rule(
    "T13",
    "Decisions known as of a day",
    "As of day D only decisions made on or before D count (D included): the agreement, its "
    "extensions, a termination and follow-on agreements decided later are left out.",
    "Per dag D räknas bara beslut fattade senast D (D inräknad): avtal, förlängningar, "
    "uppsägning och nya avtal som beslutas senare räknas inte.",
    "Audit practice: a follow-up judges what the committee had decided at the time. Taking a "
    "decision as known on its own day is the library's modelling choice: it may still be "
    "appealed (laglighetsprövning within three weeks, 13 kap. 5 § kommunallagen (2017:725)) "
    "and an agreement usually binds only when signed.",
)


def known_on(decided_on: Date | None, day: Date, starts: Date) -> bool:
    """Whether a decision of ``decided_on`` is known on ``day`` (T13); a decision without a
    recorded day counts as known from ``starts``, the first day of the term it adds (T15)."""
    return (starts if decided_on is None else decided_on) <= day


# --- T14 Follow-on agreements and gaps -----------------------------------------------------------
T14 = rule(
    "T14",
    "Follow-on agreements and gaps",
    "A follow-on agreement names the one it follows and starts after that one ends; the days "
    "strictly between them are a gap, and a partnership without gaps is continuous.",
    "Ett nytt avtal anger vilket avtal det följer och börjar efter att det avtalet slutat; "
    "dagarna emellan är ett glapp, och ett partnerskap utan glapp är sammanhängande.",
    "Agreement practice (förnyat avtal); OCDS relatedProcess 'renewalProcess'; 360Giving "
    "relatedActivity.",
)


def check_follow_on(previous_end: Date, following_start: Date, field: str) -> None:
    """Raise when a follow-on agreement does not start after the one it follows ends (T14)."""
    if following_start <= previous_end:
        raise PartnershipError(
            f"the follow-on agreement starts on {following_start.isoformat()}, before the "
            f"agreement it follows ends on {previous_end.isoformat()}",
            rule=T14,
            field=field,
            value=following_start,
        )


# --- T15 Undated decisions ---------------------------------------------------------------------
T15 = rule(
    "T15",
    "Undated decisions",
    "A decision without a recorded day counts as known only from the first day of the term it "
    "adds, never earlier, and is never counted as decided late; every assessment that relies "
    "on one names this rule, and reports list the missing days as missing data.",
    "Ett beslut utan angiven beslutsdag räknas som känt först från första dagen i den "
    "avtalstid det ger, aldrig tidigare, och räknas aldrig som för sent fattat; varje "
    "bedömning som vilar på ett sådant beslut anger denna regel, och rapporter redovisar de "
    "saknade dagarna som saknade uppgifter.",
    "The library's modelling choice: an agreement is certainly known once it is in force, and "
    "treating an unknown day as known forever would let a later decision pass silently (T13).",
)


# --- T16 Replacing agreement --------------------------------------------------------------------
T16 = rule(
    "T16",
    "Replacing agreement",
    "A follow-on agreement that replaces the one it follows (replaces = true) starts after that "
    "one's start and on or before the day after its end; once the replacement is known (T13, "
    "T15), the earlier agreement's last day in force is the day before the new one starts.",
    "Ett nytt avtal som ersätter det avtal det följer (replaces = true) börjar efter det "
    "avtalets startdag och senast dagen efter dess slutdag; när det nya avtalet är känt (T13, "
    "T15) är det tidigare avtalets sista giltiga dag dagen före det nya avtalets startdag.",
    "The library's modelling choice from agreement practice (a new agreement that supersedes a "
    "running one). A lawyer might argue instead that the earlier agreement ends only by its "
    "own termination clause (T12, D5); record a termination then.",
)


def check_replacement(previous_start: Date, previous_end: Date, start: Date, field: str) -> None:
    """Raise when a replacing agreement does not start within the one it replaces (T16)."""
    if not previous_start < start <= _plus_days(previous_end, 1):
        raise PartnershipError(
            f"a replacing agreement starts after the start {previous_start.isoformat()} and no "
            f"later than the day after the end {previous_end.isoformat()} of the one it replaces",
            rule=T16,
            field=field,
            value=start,
        )


def agreement_years(first: Date, span: Term) -> list[Term]:
    """The agreement years of ``span``: 12-month periods from ``first`` (the agreement's first
    day, by T4, each counted from ``first`` so that they never drift), clipped to ``span``.

    >>> import pendulum
    >>> start = pendulum.date(2023, 7, 1)
    >>> [str(t) for t in agreement_years(start, Term(start, pendulum.date(2024, 9, 30)))]
    ['2023-07-01..2024-06-30', '2024-07-01..2024-09-30']
    """
    years: list[Term] = []
    index = 0
    start = first
    while start <= span.end:
        end = end_of(first, trusted_length(index + 1, 0, 0), DEFAULT_ROUNDING)
        piece = trusted_term(start, end).intersection(span)
        if piece is not None:
            years.append(piece)
        start = _plus_days(end, 1)
        index += 1
    return years
