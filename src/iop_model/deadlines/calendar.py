"""Deadlines on the Swedish calendar: working days and the D rules.

Lagen (1930:173) om beräkning av lagstadgad tid counts time set *i lag eller särskild
författning* (by statute or special enactment). An IOP agreement's own deadlines (the last day
to give notice, the day a report is due) are not statutory time, so the library applies the act
**by analogy**; each rule below says where it does so. The rolls are named policies
(``roll="next_weekday"``, ``roll="previous_weekday"`` or ``roll=None``) so that a caller who
reads an agreement differently can choose.

>>> import pendulum
>>> from iop_model import deadline, is_working_day
>>> due = deadline(pendulum.date(2024, 3, 22), weeks=1)   # 1 §: the same weekday a week on
>>> due.end_day, due.last_day        # 2 §: Good Friday, Saturday, Easter Day, Easter Monday
(Date(2024, 3, 29), Date(2024, 4, 2))
>>> is_working_day(pendulum.date(2024, 6, 21))             # midsommarafton
False
"""

from __future__ import annotations

import enum
import functools
import warnings
from typing import Final, Literal, NamedTuple, TypedDict

import attrs
import pendulum

from iop_model import wording
from iop_model.errors import DeadlineError, IOPError
from iop_model.explain import Lang, Line, check_lang, render
from iop_model.rules import UDDEVALLA_AGREEMENT_CONTENTS as _UDDEVALLA
from iop_model.rules import rule
from iop_model.terms.term import (
    Rounding,
    _plus_days,
    calendar_day,
    check_length_part,
    corresponding_day,
)

__all__ = [
    "HOLIDAYS_VERSIONS",
    "Deadline",
    "Roll",
    "deadline",
    "deadline_before",
    "is_working_day",
    "next_working_day",
    "previous_working_day",
]

Date = pendulum.Date

#: The versions of the ``holidays`` package whose Swedish public holidays were tested against
#: the list in lagen (1989:253) for the years 2019–2030 (see ``tools/holidays-versions.sh``).
HOLIDAYS_VERSIONS: Final = ">=0.60,<1"


class Roll(enum.StrEnum):
    """What happens to a last day that is not a working day (D2).

    ``NEXT_WEEKDAY`` moves it forward to the next working day (2 § lagen (1930:173)):
    for deadlines counted forward from a day. ``PREVIOUS_WEEKDAY`` moves it back to the
    previous working day: for deadlines counted backward from a fixed day (D4), where a
    forward move would shorten the period. The plain strings are accepted too.
    """

    NEXT_WEEKDAY = "next_weekday"
    PREVIOUS_WEEKDAY = "previous_weekday"


RollPolicy = Roll | Literal["next_weekday", "previous_weekday", "none"] | None


def as_roll(
    value: object, field: str = "roll", error: type[IOPError] = DeadlineError
) -> Roll | None:
    """``value`` as a :class:`Roll` or ``None`` (also written ``"none"``, as in files);
    anything else raises ``error`` (:class:`DeadlineError` unless given)."""
    if value is None or value == "none":
        return None
    if isinstance(value, Roll):
        return value
    if isinstance(value, str):
        for member in Roll:
            if member.value == value:
                return member
    raise error(
        "a roll policy is 'next_weekday', 'previous_weekday' or None ('none')",
        field=field,
        value=value,
    )


def forward_roll(
    value: object, field: str = "roll", error: type[IOPError] = DeadlineError
) -> Roll | None:
    """``value`` as a roll for a deadline counted forward: ``"next_weekday"`` or ``None``
    (D3); ``"previous_weekday"`` or anything else raises ``error`` naming ``field``."""
    policy = as_roll(value, field, error)
    if policy is Roll.PREVIOUS_WEEKDAY:
        raise error(
            "a deadline counted forward moves only forward (2 §): use 'next_weekday' or None",
            rule=D3,
            field=field,
            value=value,
        )
    return policy


# --- D1 End day of statutory time -----------------------------------------------------------------
D1 = rule(
    "D1",
    "End day of a time counted in weeks, months or years",
    "Time counted in weeks, months or years from a day ends on the day that has the same "
    "weekday name (weeks) or the same number in the month (months, years) as the day counting "
    "starts from; if the end month has no such number, its last day is the end day. Days are "
    "added one by one. The end day itself is the deadline (unlike a term's last day, T4).",
    "Tid som räknas i veckor, månader eller år från en dag slutar den dag som genom sitt namn "
    "(veckor) eller sitt nummer i månaden (månader, år) motsvarar den dag då tiden börjar "
    "räknas; saknas ett sådant nummer i slutmånaden är dess sista dag slutdag. Dagar läggs "
    "till en i taget. Slutdagen är själva sista dagen (till skillnad från en avtalstids sista "
    "dag, T4).",
    "1 § lagen (1930:173) om beräkning av lagstadgad tid, applied by analogy to an agreement's "
    "own deadlines, since the act governs only time set 'i lag eller särskild författning' "
    "(by statute or special enactment); the "
    "act does not name days, so adding days one by one is the library's reading.",
)


def end_day(start: Date, *, weeks: int = 0, months: int = 0, years: int = 0, days: int = 0) -> Date:
    """The D1 end day of the time counted from ``start``: years and months in one step (a
    missing day number gives the month's last day), then the weeks and days."""
    anchor = corresponding_day(start, years * 12 + months, Rounding.DOWN)  # D1: the last day
    return _plus_days(anchor, 7 * weeks + days) if weeks or days else anchor


# --- D2 Working day -------------------------------------------------------------------------------
D2 = rule(
    "D2",
    "Working day",
    "A day is a working day unless it is a Saturday, a Sunday, another public holiday under "
    "lagen (1989:253) om allmänna helgdagar, midsommarafton, julafton or nyårsafton.",
    "En dag är en arbetsdag om den inte är en lördag, en söndag, en annan allmän helgdag enligt "
    "lagen (1989:253) om allmänna helgdagar, midsommarafton, julafton eller nyårsafton.",
    "2 § lagen (1930:173) om beräkning av lagstadgad tid; 1 § lagen (1989:253) om allmänna "
    "helgdagar (public holidays taken from the holidays package, the three eves named here).",
)


def _eves(year: int) -> frozenset[Date]:
    """The three eves 2 § lagen (1930:173) names, whatever a holidays version calls them."""
    # midsommarafton: the Friday before midsommardagen, which is the Saturday 20-26 June
    midsummer_eve = next(Date(year, 6, d) for d in range(19, 26) if Date(year, 6, d).weekday() == 4)
    return frozenset({midsummer_eve, Date(year, 12, 24), Date(year, 12, 31)})  # julafton, nyår


@functools.lru_cache(maxsize=256)
def _days_off(year: int) -> frozenset[Date]:
    """The public holidays (lagen (1989:253)) and the three eves of ``year``, as days."""
    with warnings.catch_warnings():  # some pinned versions warn about their own future on import
        warnings.simplefilter("ignore")
        import holidays  # imported on first use: `import iop_model` stays light

    public = holidays.country_holidays("SE", years=year, categories=("public",))
    return frozenset(Date(d.year, d.month, d.day) for d in public) | _eves(year)


def is_working_day(day: Date) -> bool:
    """Whether ``day`` is a working day (D2): not a Saturday, Sunday, public holiday,
    midsommarafton, julafton or nyårsafton.

    >>> import pendulum
    >>> [is_working_day(pendulum.date(2024, 12, d)) for d in (23, 24, 25, 26, 27)]
    [True, False, False, False, True]
    """
    day = calendar_day(day, "day")
    return day.weekday() < 5 and day not in _days_off(day.year)


# --- D3 Roll forward ------------------------------------------------------------------------------
D3 = rule(
    "D3",
    "Last day on a day off",
    "With the roll 'next_weekday', a last day that is not a working day (D2) moves to the next "
    "working day. It applies to deadlines counted forward from a day; without a roll the last "
    "day is the end day.",
    "Med regeln 'next_weekday' flyttas en sista dag som inte är en arbetsdag (D2) till nästa "
    "arbetsdag. Den gäller frister som räknas framåt från en dag; utan flyttregel är sista "
    "dagen slutdagen.",
    "2 § lagen (1930:173) om beräkning av lagstadgad tid; for an agreement's own deadlines a "
    "named policy applied by analogy (the library's choice, not the act's).",
)


def next_working_day(day: Date) -> Date:
    """``day`` itself when it is a working day, else the next working day (D3)."""
    day = calendar_day(day, "day")
    while not is_working_day(day):
        day = _plus_days(day, 1)
    return day


def previous_working_day(day: Date) -> Date:
    """``day`` itself when it is a working day, else the previous working day (D4)."""
    day = calendar_day(day, "day")
    while not is_working_day(day):
        day = _plus_days(day, -1)
    return day


# --- D4 Backward deadline -------------------------------------------------------------------------
D4 = rule(
    "D4",
    "Deadline before a day",
    "A deadline 'at the latest a time before day E' is the latest day from which that time, "
    "counted by D1, ends on or before E. With the roll 'previous_weekday' a last day that is "
    "not a working day moves back to the previous working day, never forward: a forward move "
    "would shorten the time before E.",
    "En frist 'senast en viss tid före dag E' är den senaste dag från vilken tiden, räknad "
    "enligt D1, slutar senast dag E. Med regeln 'previous_weekday' flyttas en sista dag som "
    "inte är en arbetsdag bakåt till närmast föregående arbetsdag, aldrig framåt: en flytt "
    "framåt skulle korta tiden före E.",
    "The library's own modelling choice, built on 1 § lagen (1930:173) by analogy; 2 § only "
    "moves a deadline forward and has no rule for time counted backward.",
)


def latest_start(
    end: Date, *, weeks: int = 0, months: int = 0, years: int = 0, days: int = 0
) -> Date:
    """The latest day from which the time ends (D1) on or before ``end`` (D4)."""
    total = years * 12 + months

    def ends(start: Date) -> Date:
        return end_day(start, weeks=weeks, months=months, years=years, days=days)

    # Step back in one go, then settle: D1's end day never decreases as the start moves on.
    candidate = corresponding_day(end, -total, Rounding.DOWN) if total else end
    candidate = _plus_days(candidate, -(7 * weeks + days))
    while ends(candidate) > end:
        candidate = _plus_days(candidate, -1)
    while ends(_plus_days(candidate, 1)) <= end:
        candidate = _plus_days(candidate, 1)
    return candidate


_PARTS: Final = ("years", "months", "weeks", "days")


def _check_parts(parts: dict[str, int]) -> None:
    for name in _PARTS:
        check_length_part(parts[name], name, DeadlineError)
    if not any(parts.values()):
        raise DeadlineError(
            "a deadline needs a positive number of years, months, weeks or days",
            rule=D1,
            field="months",
            value=0,
        )


_WORDS: Final = {
    "en": {
        "years": ("year", "years"),
        "months": ("month", "months"),
        "weeks": ("week", "weeks"),
        "days": ("day", "days"),
    },
    "sv": {
        "years": ("år", "år"),
        "months": ("månad", "månader"),
        "weeks": ("vecka", "veckor"),
        "days": ("dag", "dagar"),
    },
}


def time_text(lang: Lang, **parts: int) -> str:
    """A time as words: ``time_text("sv", months=3, weeks=1)`` is ``'3 månader 1 vecka'``."""
    words = _WORDS[lang]
    return " ".join(
        wording.count(parts[name], *words[name], lang) for name in _PARTS if parts.get(name)
    )


class _Time(NamedTuple):
    """A time in a sentence, worded per language by :func:`time_text`."""

    parts: dict[str, int]

    def title(self, lang: Lang) -> str:
        return time_text(lang, **self.parts)


class DeadlineDict(TypedDict):
    """:meth:`Deadline.to_dict`: a deadline as plain data."""

    start: str
    years: int
    months: int
    weeks: int
    days: int
    before: bool
    roll: str | None
    end_day: str
    last_day: str
    rules: list[str]


@attrs.frozen
class Deadline:
    """A deadline counted from (or, with ``before=True``, back from) the day ``start``.

    ``end_day`` is the day the counting gives (D1, or D4 backward); ``last_day`` the last day
    for the action after the roll (D3 forward, D4 backward); ``rules`` the IDs applied.
    """

    start: Date
    years: int
    months: int
    weeks: int
    days: int
    roll: Roll | None
    before: bool
    end_day: Date
    last_day: Date
    rules: tuple[str, ...]

    @property
    def is_rolled(self) -> bool:
        """Whether the roll moved the last day away from the end day."""
        return self.last_day != self.end_day

    def explain(self, lang: Lang = "sv") -> str:
        """How the last day was computed, one line per step, with the rule IDs.

        >>> import pendulum
        >>> print(deadline(pendulum.date(2024, 3, 29), months=1).explain("en"))
        1 month from 2024-03-29 ends on 2024-04-29 (D1)
        2024-04-29 is a working day: the last day is 2024-04-29 (D2, D3)
        >>> print(deadline(pendulum.date(2024, 3, 22), weeks=1).explain("sv"))
        ... # doctest: +NORMALIZE_WHITESPACE
        1 vecka från 2024-03-22 slutar 2024-03-29 (D1)
        2024-03-29 är inte en arbetsdag: sista dagen flyttas fram till nästa arbetsdag,
        2024-04-02 (D2, D3)
        """
        return render(self.lines(), check_lang(lang))

    def lines(self) -> tuple[Line, ...]:
        """The explanation as bilingual :class:`~iop_model.explain.Line` s."""
        parts = {"years": self.years, "months": self.months, "weeks": self.weeks}
        parts["days"] = self.days
        time, start, end, last = _Time(parts), self.start, self.end_day, self.last_day
        if self.before:
            first = wording.line("deadline.before", (D1, D4), time=time, start=start, end=end)
        else:
            first = wording.line("deadline.from", (D1,), time=time, start=start, end=end)
        roll_rule = D4 if self.before else D3
        if self.roll is None:
            second = wording.line("deadline.no_roll", last=last)
        elif not self.is_rolled:
            second = wording.line("deadline.working_day", (D2, roll_rule), end=end, last=last)
        else:
            key = "deadline.rolled_back" if self.before else "deadline.rolled_on"
            second = wording.line(key, (D2, roll_rule), end=end, last=last)
        return (first, second)

    def to_dict(self) -> DeadlineDict:
        """Plain data with ISO dates; ``rules`` as a list."""
        return {
            "start": self.start.isoformat(),
            "years": self.years,
            "months": self.months,
            "weeks": self.weeks,
            "days": self.days,
            "before": self.before,
            "roll": None if self.roll is None else self.roll.value,
            "end_day": self.end_day.isoformat(),
            "last_day": self.last_day.isoformat(),
            "rules": list(self.rules),
        }


def deadline(
    start: Date,
    *,
    weeks: int = 0,
    months: int = 0,
    years: int = 0,
    days: int = 0,
    roll: RollPolicy = Roll.NEXT_WEEKDAY,
) -> Deadline:
    """The deadline ``years``, ``months``, ``weeks`` and ``days`` after ``start``: the D1 end
    day, moved to the next working day by the default roll (D3), or kept with ``roll=None``.

    >>> import pendulum
    >>> d = deadline(pendulum.date(2024, 1, 31), months=1)
    >>> d.end_day, d.last_day, d.rules
    (Date(2024, 2, 29), Date(2024, 2, 29), ('D1', 'D2', 'D3'))
    >>> deadline(pendulum.date(2024, 5, 21), months=1).last_day   # 21 June is midsommarafton
    Date(2024, 6, 24)
    """
    start = calendar_day(start, "start")
    parts = {"years": years, "months": months, "weeks": weeks, "days": days}
    _check_parts(parts)
    policy = forward_roll(roll)
    end = end_day(start, **parts)
    last = end if policy is None else next_working_day(end)
    rules = (D1,) if policy is None else (D1, D2, D3)
    return Deadline(start, years, months, weeks, days, policy, False, end, last, rules)


def deadline_before(
    end: Date,
    *,
    weeks: int = 0,
    months: int = 0,
    years: int = 0,
    days: int = 0,
    roll: RollPolicy = Roll.PREVIOUS_WEEKDAY,
) -> Deadline:
    """The last day to act so that the time counted from it (D1) ends on or before ``end``
    (D4); moved back to a working day by the default roll, kept with ``roll=None``.

    >>> import pendulum
    >>> d = deadline_before(pendulum.date(2024, 12, 31), months=3)   # notice 3 months before
    >>> d.end_day, d.last_day
    (Date(2024, 9, 30), Date(2024, 9, 30))
    >>> deadline_before(pendulum.date(2025, 3, 31), months=3).last_day  # 31 Dec is nyårsafton
    Date(2024, 12, 30)
    """
    end = calendar_day(end, "end")
    parts = {"years": years, "months": months, "weeks": weeks, "days": days}
    _check_parts(parts)
    policy = as_roll(roll)
    if policy is Roll.NEXT_WEEKDAY:
        raise DeadlineError(
            "a deadline counted backward never moves forward, which would shorten the time "
            "before the day: use 'previous_weekday' or None",
            rule=D4,
            field="roll",
            value=roll,
        )
    latest = latest_start(end, **parts)
    last = latest if policy is None else previous_working_day(latest)
    rules = (D1, D4) if policy is None else (D1, D2, D4)
    return Deadline(end, years, months, weeks, days, policy, True, latest, last, rules)


# --- D5 Notice period -----------------------------------------------------------------------------
D5 = rule(
    "D5",
    "Notice period",
    "Notice reaches the other party on or after the day it was decided and no later than the "
    "last day in force. When the agreement has a notice period, a termination by notice "
    "(uppsägning) has its last day in force no earlier than the end day (D1) of the notice "
    "period counted from that day; a termination for breach (hävning) may take effect at once "
    "and one by mutual agreement on the day agreed.",
    "Uppsägningen når motparten tidigast den dag den beslutades och senast sista giltiga "
    "dagen. När avtalet har en uppsägningstid är sista giltiga dagen vid uppsägning tidigast "
    "slutdagen (D1) för uppsägningstiden räknad från den dagen; hävning kan gälla omedelbart "
    "och upphörande efter överenskommelse den dag parterna kommit överens om.",
    "Agreement practice: every IOP agreement states its term and notice period and "
    "termination for breach (" + _UDDEVALLA + "); the count is 1 § lagen (1930:173) by "
    "analogy; that the end day may itself be the last day in force is the library's "
    "modelling choice.",
)


def check_notice(
    on: Date,
    decided_on: Date,
    notified_on: Date,
    notice_period: dict[str, int] | None,
    field: str = "termination",
) -> None:
    """Raise :class:`DeadlineError` when a termination breaks D5. ``notice_period`` is the
    agreement's period (``years``, ``months``, ``days``) when the notice rule applies to this
    termination, else ``None``."""
    if not decided_on <= notified_on <= on:
        raise DeadlineError(
            f"notice reached the other party on {notified_on.isoformat()}, outside "
            f"{decided_on.isoformat()}..{on.isoformat()} (from the decision to the last day "
            "in force)",
            rule=D5,
            field=f"{field}.notified_on",
            value=notified_on,
        )
    if notice_period is None:
        return
    earliest = end_day(notified_on, **notice_period)
    if on < earliest:
        raise DeadlineError(
            f"the last day in force {on.isoformat()} is before the notice period of "
            f"{time_text('en', **notice_period)} from {notified_on.isoformat()} has run "
            f"(it ends on {earliest.isoformat()})",
            rule=D5,
            field=f"{field}.on",
            value=on,
        )
