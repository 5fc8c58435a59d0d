"""Reporting duties and follow-up reports (D6, D7)."""

from __future__ import annotations

import itertools

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from iop_model import (
    Agreement,
    AgreementError,
    DeadlineError,
    FollowUpReport,
    IdeaBasedParty,
    Length,
    PublicParty,
    ReportingDuty,
    ReportingPeriod,
    ReportStatus,
    Term,
)
from iop_model.deadlines.calendar import is_working_day
from iop_model.deadlines.reporting import report_status
from iop_model.testing import dates

D = pendulum.date
CITY, CLUB = PublicParty("Exempelstads kommun"), IdeaBasedParty("Föreningen")


def test_D6_agreement_years_from_mid_year_and_the_cut_last_period() -> None:
    duty = ReportingDuty(every="agreement-year", within=Length(months=3))
    span = Term(D(2023, 7, 1), D(2025, 11, 30))  # ended early by a termination
    found = [(str(p), d.last_day) for p, d in duty.periods(span)]
    assert found == [
        ("2023-07-01..2024-06-30", D(2024, 9, 30)),
        ("2024-07-01..2025-06-30", D(2025, 9, 30)),
        # 30 Nov + 3 months is 28 February (the month has no 30th), a Saturday: Monday 2 March
        ("2025-07-01..2025-11-30", D(2026, 3, 2)),
    ]


def test_D6_agreement_years_from_29_february_do_not_drift() -> None:
    duty = ReportingDuty(within=Length(months=1))
    periods = [p for p, _ in duty.periods(Term(D(2024, 2, 29), D(2028, 2, 28)))]
    assert [str(p) for p in periods] == [
        "2024-02-29..2025-02-28",
        "2025-03-01..2026-02-28",
        "2026-03-01..2027-02-28",
        "2027-03-01..2028-02-28",
    ]


def test_D6_calendar_years_and_a_fixed_day_of_the_following_year() -> None:
    duty = ReportingDuty(every=ReportingPeriod.YEAR, due="03-31")
    found = [
        (str(p), d.end_day, d.last_day)
        for p, d in duty.periods(Term(D(2023, 3, 1), D(2025, 2, 28)))
    ]
    assert found == [
        ("2023-03-01..2023-12-31", D(2024, 3, 31), D(2024, 4, 2)),  # Easter Day, Easter Monday
        ("2024-01-01..2024-12-31", D(2025, 3, 31), D(2025, 3, 31)),
        ("2025-01-01..2025-02-28", D(2025, 3, 31), D(2025, 3, 31)),  # the first 31 March after
    ]
    no_roll = ReportingDuty(every="year", due="03-31", roll="none")
    assert no_roll.deadline(Term.year(2023)).last_day == D(2024, 3, 31)
    assert no_roll.deadline(Term.year(2023)).rules == ("D6",)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({}, "within"),
        ({"within": Length(months=3), "due": "03-31"}, "within"),
        ({"within": Length()}, "within"),
        ({"due": "02-29"}, "due"),
        ({"due": "04-31"}, "due"),
        ({"due": "3-31"}, "due"),
        ({"due": "03-31", "every": "month"}, "every"),
        ({"due": "03-31", "roll": "previous_weekday"}, "roll"),
        ({"within": "3 months"}, "within"),
    ],
)
def test_D6_bad_duties_are_refused(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(DeadlineError) as caught:
        ReportingDuty(**kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_D6_follow_up_reports_lie_within_the_agreement_and_after_their_period_starts() -> None:
    with pytest.raises(DeadlineError, match="D6"):
        FollowUpReport(Term.year(2024), D(2023, 12, 31))
    report = FollowUpReport(Term.year(2025), D(2026, 2, 1))
    with pytest.raises(AgreementError) as caught:
        Agreement("a", CITY, CLUB, Term.year(2024), follow_up_reports=[report])
    assert (caught.value.rule, caught.value.field) == ("D6", "follow_up_reports[0].period")


@pytest.mark.parametrize(
    ("received", "as_of", "status"),
    [
        (None, D(2024, 9, 30), ReportStatus.NOT_YET_DUE),  # the due day itself has not run
        (None, D(2024, 10, 1), ReportStatus.OVERDUE),
        (D(2024, 9, 30), D(2024, 10, 1), ReportStatus.ON_TIME),
        (D(2024, 10, 1), D(2024, 10, 1), ReportStatus.LATE),
        (D(2024, 10, 2), D(2024, 10, 1), ReportStatus.OVERDUE),  # not yet received (T13)
        (D(2024, 9, 1), D(2024, 9, 2), ReportStatus.ON_TIME),
    ],
)
def test_D7_status(
    received: pendulum.Date | None, as_of: pendulum.Date, status: ReportStatus
) -> None:
    assert report_status(D(2024, 9, 30), received, as_of) is status


@given(
    dates(2000, 2030),
    st.integers(0, 2000),
    st.sampled_from(["agreement-year", "year"]),
    st.sampled_from([Length(months=3), Length(days=45), Length(years=1)]),
)
def test_D6_property_periods_cover_the_span_once_and_are_due_after_they_end(
    start: pendulum.Date, days: int, every: str, within: Length
) -> None:
    span = Term(start, start.add(days=days))
    periods = ReportingDuty(every=every, within=within).periods(span)  # type: ignore[arg-type]
    assert periods[0][0].start == span.start
    assert periods[-1][0].end == span.end
    assert sum(p.days for p, _ in periods) == span.days
    for (before, _), (after, _) in itertools.pairwise(periods):
        assert before.is_adjacent_to(after)
    for period, due in periods:
        assert due.last_day > period.end
        assert is_working_day(due.last_day)
        assert period.days <= 366


@given(dates(2020, 2030), st.one_of(st.none(), dates(2020, 2030)), dates(2020, 2030))
def test_D7_property_a_report_received_by_the_due_day_is_never_late_or_overdue(
    due: pendulum.Date, received: pendulum.Date | None, as_of: pendulum.Date
) -> None:
    status = report_status(due, received, as_of)
    if received is not None and received <= min(due, as_of):
        assert status is ReportStatus.ON_TIME
    if as_of <= due:
        assert status in (ReportStatus.ON_TIME, ReportStatus.NOT_YET_DUE)
    if status is ReportStatus.OVERDUE:
        assert as_of > due
        assert received is None or received > as_of


def test_D6_a_due_day_on_the_periods_last_day_is_in_the_year_after() -> None:
    """Issue 22, finding 12: "the due day of the year that first follows" the period's last
    day is strictly after it."""
    duty = ReportingDuty(every="year", due="12-31", roll=None)
    (period, deadline), *_ = duty.periods(Term.year(2024))
    assert period == Term.year(2024)
    assert deadline.last_day == pendulum.date(2025, 12, 31)
    (_, before), *_ = ReportingDuty(every="year", due="12-30", roll=None).periods(Term.year(2024))
    assert before.last_day == pendulum.date(2025, 12, 30)
