"""Reporting duties (redovisningsskyldighet) and follow-up reports, with rules D6 and D7.

An agreement may say when the organisation reports on its work: "a follow-up report at the
latest three months after each agreement year" or "by 31 March each year for the year
before". :class:`ReportingDuty` states that duty; :class:`FollowUpReport` records a report
received (uppföljningsrapport, årsrapport) with the day it came in.

>>> import pendulum
>>> from iop_model import Length, ReportingDuty, Term
>>> duty = ReportingDuty(every="agreement-year", within=Length(months=3))
>>> [(str(p), d.last_day.isoformat()) for p, d in duty.periods(
...     Term(pendulum.date(2023, 7, 1), pendulum.date(2025, 6, 30)))]
[('2023-07-01..2024-06-30', '2024-09-30'), ('2024-07-01..2025-06-30', '2025-09-30')]
"""

from __future__ import annotations

import enum
import re
from typing import Any, Final, NamedTuple, TypedDict

import attrs
import pendulum

from iop_model._validators import day, instance_of, optional_text
from iop_model.deadlines.calendar import (
    D2,
    D3,
    Deadline,
    Roll,
    deadline,
    forward_roll,
    next_working_day,
    time_text,
)
from iop_model.errors import DeadlineError
from iop_model.rules import UDDEVALLA_AGREEMENT_CONTENTS as _UDDEVALLA
from iop_model.rules import rule
from iop_model.terms.term import (
    Length,
    Term,
    TermDict,
    _plus_days,
    agreement_years,
    days_in_month,
    trusted_term,
)

__all__ = [
    "FollowUpReport",
    "PeriodReport",
    "ReportStatus",
    "ReportingDuty",
    "ReportingPeriod",
    "follow_up",
]

Date = pendulum.Date


class ReportingPeriod(enum.StrEnum):
    """What a report covers: each agreement year (12 months from the agreement's start, T4),
    each calendar year, each calendar half-year or each calendar quarter; a duty can also
    give a number of months (``every = { months = 4 }``: each 4 months from the agreement's
    start). The plain strings are accepted too."""

    AGREEMENT_YEAR = "agreement-year"
    YEAR = "year"
    HALF_YEAR = "half-year"
    QUARTER = "quarter"

    @property
    def sv(self) -> str:
        return {
            "agreement-year": "avtalsår",
            "year": "kalenderår",
            "half-year": "kalenderhalvår",
            "quarter": "kvartal",
        }[self.value]

    @property
    def en(self) -> str:
        return {
            "agreement-year": "agreement year",
            "year": "calendar year",
            "half-year": "calendar half-year",
            "quarter": "quarter",
        }[self.value]


_DAY_OF_YEAR: Final = re.compile(r"(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])")


# --- D6 Report due --------------------------------------------------------------------------------
D6 = rule(
    "D6",
    "Report due",
    "When an agreement has a reporting duty, a follow-up report is due for each reporting "
    "period: each agreement year (12 months from the start, T4) or calendar year, cut to the "
    "agreement's days in force as known. It is due on the end day (D1) of the given time "
    "counted from the period's last day, or on the first given day of the year strictly "
    "after the period's last day (never the same day), moved by the duty's roll (D3).",
    "När ett avtal har en redovisningsskyldighet ska en uppföljningsrapport lämnas för varje "
    "redovisningsperiod: varje avtalsår (12 månader från starten, T4) eller kalenderår, "
    "begränsat till avtalets giltighetstid så som den är känd. Den ska lämnas senast slutdagen "
    "(D1) för den angivna tiden räknad från periodens sista dag, eller den första angivna "
    "dagen på året som infaller efter periodens sista dag (aldrig samma dag), flyttad enligt "
    "skyldighetens flyttregel (D3).",
    "The agreement's own terms: every IOP agreement says how the partnership is followed up "
    "(" + _UDDEVALLA + "); the count is 1 § lagen (1930:173) by analogy and the roll 2 § by "
    "analogy, as a named policy.",
)


def _check_day_of_year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str) or not _DAY_OF_YEAR.fullmatch(value) or value == "02-29":
        raise DeadlineError(
            "a due day is a day of the year written MM-DD, such as '03-31' (not '02-29', "
            "which most years lack)",
            rule=D6,
            field=attribute.name,
            value=value,
        )
    month, number = int(value[:2]), int(value[3:])
    if number > (30 if month in (4, 6, 9, 11) else 29 if month == 2 else 31):
        raise DeadlineError(
            "that day does not exist in any year", rule=D6, field=attribute.name, value=value
        )


def _as_period(value: ReportingPeriod | Length | str) -> ReportingPeriod | Length:
    if isinstance(value, Length):
        if value.days or value.total_months == 0:
            raise DeadlineError(
                "a reporting period given as a length is a whole number of months, such as "
                "{ months = 4 }",
                rule=D6,
                field="every",
                value=value,
            )
        return value
    for member in ReportingPeriod:
        if value is member or value == member.value:
            return member
    raise DeadlineError(
        "a reporting period is 'agreement-year', 'year', 'half-year', 'quarter' or a number "
        "of months ({ months = 4 })",
        rule=D6,
        field="every",
        value=value,
    )


def _roll(value: Roll | str | None) -> Roll | None:
    return forward_roll(value)  # a report is due after its period: counted forward (D3)


@attrs.frozen
class ReportingDuty:
    """The duty to hand in a follow-up report for each reporting period (D6).

    Give ``within`` (a time after the period's last day: ``Length(months=3)``) or ``due``
    (a day of the following year: ``"03-31"``), not both. ``roll`` is the policy for a due day
    that is not a working day (``"next_weekday"`` by default, as 2 § does for statutory time;
    ``None`` keeps the day).
    """

    every: ReportingPeriod | Length = attrs.field(
        default=ReportingPeriod.AGREEMENT_YEAR, converter=_as_period
    )
    within: Length | None = attrs.field(
        default=None, validator=instance_of(Length, DeadlineError, optional=True)
    )
    due: str | None = attrs.field(default=None, validator=_check_day_of_year)
    roll: Roll | None = attrs.field(default=Roll.NEXT_WEEKDAY, converter=_roll)

    def __attrs_post_init__(self) -> None:
        if (self.within is None) == (self.due is None):
            raise DeadlineError(
                "a reporting duty gives either 'within' (a time after each period) or 'due' "
                "(a day of the year), exactly one of them",
                rule=D6,
                field="within",
                value=self.within,
            )
        if self.within is not None and self.within.is_zero:
            raise DeadlineError(
                "'within' needs a positive time", rule=D6, field="within", value=self.within
            )

    def periods(self, span: Term) -> tuple[tuple[Term, Deadline], ...]:
        """The reporting periods within ``span`` (the agreement's days in force) and each
        report's deadline (D6)."""
        every = self.every
        if every is ReportingPeriod.AGREEMENT_YEAR:
            cuts = agreement_years(span.start, span)
        elif isinstance(every, Length):
            cuts = _months_from(span, every.total_months)
        else:
            months = {"year": 12, "half-year": 6, "quarter": 3}[every.value]
            cuts = _calendar_cuts(span, months)
        return tuple((period, self.deadline(period)) for period in cuts)

    def deadline(self, period: Term) -> Deadline:
        """The deadline of the report for ``period`` (D6)."""
        if self.within is not None:
            w = self.within
            return deadline(period.end, years=w.years, months=w.months, days=w.days, roll=self.roll)
        assert self.due is not None
        month, number = int(self.due[:2]), int(self.due[3:])
        year = period.end.year
        if (month, number) <= (period.end.month, period.end.day):
            year += 1
        fixed = Date(year, month, number)
        last = fixed if self.roll is None else next_working_day(fixed)
        rules = (D6,) if self.roll is None else (D6, D2, D3)
        return Deadline(period.end, 0, 0, 0, 0, self.roll, False, fixed, last, rules)

    def describe(self, lang: str = "sv") -> str:
        """The duty in words."""
        every = self.every
        if isinstance(every, Length):
            what = (
                f"var {time_text('sv', months=every.total_months)}"
                if lang == "sv"
                else f"every {time_text('en', months=every.total_months)}"
            )
        else:
            what = f"per {every.sv}" if lang == "sv" else f"for each {every.en}"
        if self.within is not None:
            w = self.within
            if lang == "sv":
                time = time_text("sv", years=w.years, months=w.months, days=w.days)
                return f"{what} senast {time} efter periodens slut"
            time = time_text("en", years=w.years, months=w.months, days=w.days)
            return f"a follow-up report {what} at the latest {time} after it ends"
        assert self.due is not None
        month, number = int(self.due[:2]), int(self.due[3:])
        if lang == "sv":
            return f"{what} senast {number} {_MONTHS_SV[month - 1]} året därpå"
        return f"a follow-up report {what} by {number} {_MONTHS_EN[month - 1]} of the year after"


_MONTHS_SV: Final = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip
_MONTHS_EN: Final = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def _calendar_cuts(span: Term, months: int) -> list[Term]:
    """The calendar years, half-years or quarters (``months`` long, from 1 January) that
    ``span`` touches, cut to it."""
    cuts = []
    year, month = span.start.year, (span.start.month - 1) // months * months + 1
    while year <= span.end.year and Date(year, month, 1) <= span.end:
        end_month = month + months - 1
        last = Date(year, end_month, days_in_month(year, end_month))
        cuts.append(trusted_term(max(span.start, Date(year, month, 1)), min(span.end, last)))
        month += months
        if month > 12:
            year, month = year + 1, 1
    return cuts


def _months_from(span: Term, months: int) -> list[Term]:
    """Periods of ``months`` months from ``span``'s first day (T4, each counted from that
    day so that they never drift), cut to it."""
    cuts, start, index = [], span.start, 1
    while start <= span.end:
        end = Term.starting(span.start, months=months * index).end
        cuts.append(trusted_term(start, min(end, span.end)))
        start, index = _plus_days(end, 1), index + 1
    return cuts


@attrs.frozen
class FollowUpReport:
    """A follow-up report (uppföljningsrapport) received for ``period`` on ``received_on``,
    with an optional ``reference`` (diarienummer) and ``document`` (a file name or URL)."""

    period: Term = attrs.field(validator=instance_of(Term, DeadlineError))
    received_on: Date = attrs.field(validator=day)
    reference: str | None = attrs.field(default=None, validator=optional_text(DeadlineError))
    document: str | None = attrs.field(default=None, validator=optional_text(DeadlineError))

    def __attrs_post_init__(self) -> None:
        if self.received_on < self.period.start:
            raise DeadlineError(
                f"received before the period it reports on starts ({self.period})",
                rule=D6,
                field="received_on",
                value=self.received_on,
            )

    def covers(self, period: Term) -> bool:
        """Whether this report's period contains ``period``."""
        return self.period.start <= period.start and period.end <= self.period.end


# --- D7 Overdue report ----------------------------------------------------------------------------
D7 = rule(
    "D7",
    "Overdue report",
    "A report for a reporting period is on time when received on or before its last day "
    "(D6), late when received after it, and overdue as of day D when none had been received "
    "by D and D is after the last day. Only reports received by D count as of D (T13); a "
    "report counts for a period when its own period contains it.",
    "En rapport för en redovisningsperiod har kommit in i tid om den kom in senast sista dagen "
    "(D6), för sent om den kom in senare, och är försenad per dag D om ingen hade kommit in "
    "till och med D och D är efter sista dagen. Per dag D räknas bara rapporter som kommit in "
    "senast D (T13); en rapport räknas för en period när dess egen period omfattar den.",
    "The agreement's own terms; the committee's duty to see that its activity follows the "
    "council's goals (6 kap. 6 § kommunallagen (2017:725)). Counting only the reports "
    "received by D is the library's own choice (T13).",
)


class ReportStatus(enum.Enum):
    """Where a reporting period's report stands as of a day (D7)."""

    NOT_YET_DUE = "not_yet_due"
    ON_TIME = "on_time"
    LATE = "late"
    OVERDUE = "overdue"

    @property
    def sv(self) -> str:
        return {
            "not_yet_due": "inte förfallen",
            "on_time": "i tid",
            "late": "för sent",
            "overdue": "försenad",
        }[self.value]

    @property
    def en(self) -> str:
        return {
            "not_yet_due": "not yet due",
            "on_time": "on time",
            "late": "late",
            "overdue": "overdue",
        }[self.value]


def report_status(due: Date, received: Date | None, as_of: Date) -> ReportStatus:
    """The D7 status of a report due on ``due`` and received on ``received`` (``None``: not
    received by ``as_of``)."""
    if received is not None and received <= as_of:
        return ReportStatus.ON_TIME if received <= due else ReportStatus.LATE
    return ReportStatus.OVERDUE if as_of > due else ReportStatus.NOT_YET_DUE


class PeriodReportDict(TypedDict):
    """:meth:`PeriodReport.to_dict`: a reporting period and its report as plain data."""

    period: TermDict
    due: str
    received_on: str | None
    reference: str | None
    status: str
    rules: list[str]


class PeriodReport(NamedTuple):
    """One reporting period as of a day: its ``deadline`` (D6), the report received for it
    by then (``received``, or ``None``) and its ``status`` (D7)."""

    period: Term
    deadline: Deadline
    received: FollowUpReport | None
    status: ReportStatus

    def to_dict(self) -> PeriodReportDict:
        """Plain data (JSON types only)."""
        received = self.received
        return {
            "period": self.period.to_dict(),
            "due": self.deadline.last_day.isoformat(),
            "received_on": None if received is None else received.received_on.isoformat(),
            "reference": None if received is None else received.reference,
            "status": self.status.value,
            "rules": [*self.deadline.rules, D7],
        }


def follow_up(
    duty: ReportingDuty,
    span: Term,
    reports: tuple[FollowUpReport, ...],
    as_of: Date,
    known_on: Date | None = None,
) -> tuple[PeriodReport, ...]:
    """Every reporting period of ``span`` with its report and status as of ``as_of``: the
    first report received by ``known_on`` (default: ``as_of``) whose period contains the
    reporting period (D6, D7).
    """
    knowledge = as_of if known_on is None else known_on
    found = []
    for period, due in duty.periods(span):
        known = [r for r in reports if r.covers(period) and r.received_on <= knowledge]
        first = min(known, key=lambda r: r.received_on, default=None)
        status = report_status(due.last_day, None if first is None else first.received_on, as_of)
        found.append(PeriodReport(period, due, first, status))
    return tuple(found)
