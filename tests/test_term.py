"""Term rules T1–T7: calendar days, inclusive ends, lengths and the month-end policy."""

from __future__ import annotations

import calendar
import datetime

import pendulum
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from iop_model import (
    AmbiguousDateError,
    DateError,
    IOPError,
    Length,
    Rounding,
    Term,
    TermError,
    as_date,
    today,
)
from iop_model.terms.term import corresponding_day, end_of, length_of
from iop_model.testing import dates, edge_dates, lengths, roundings, terms

D = pendulum.date


def day_before(day: pendulum.Date) -> pendulum.Date:
    return pendulum.Date.fromordinal(day.toordinal() - 1)


# --- T1 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        datetime.datetime(2019, 1, 1, 12, 0),
        pendulum.datetime(2019, 1, 1, tz="Europe/Stockholm"),
        datetime.date(2019, 1, 1),
        "2019-01-01",
        20190101,
        None,
    ],
)
def test_T1_term_refuses_anything_but_pendulum_dates(value: object) -> None:
    with pytest.raises(DateError) as info:
        Term(value, D(2019, 12, 31))  # type: ignore[arg-type]
    assert info.value.rule == "T1"
    assert info.value.field == "start"
    assert isinstance(info.value, IOPError)
    assert isinstance(info.value, ValueError)


def test_T1_datetime_message_says_how_to_convert() -> None:
    with pytest.raises(DateError, match="time zone"):
        Term(D(2019, 1, 1), pendulum.datetime(2019, 12, 31))  # type: ignore[arg-type]
    with pytest.raises(DateError, match="as_date"):
        Term(D(2019, 1, 1), datetime.date(2019, 12, 31))  # type: ignore[arg-type]


def test_T1_as_date_converts_explicitly() -> None:
    converted = as_date(datetime.date(2020, 2, 29))
    assert type(converted) is pendulum.Date
    assert converted == D(2020, 2, 29)
    assert as_date("2020-02-29") == D(2020, 2, 29)


@pytest.mark.parametrize(
    "text", ["2019-1-1", "2019-01-01T00:00", " 2019-01-01", "20190101", "2019-02-29", "2019-13-01"]
)
def test_T1_as_date_refuses_inexact_text(text: str) -> None:
    with pytest.raises(DateError) as info:
        as_date(text, "decided_on")
    assert info.value.rule == "T1"
    assert info.value.field == "decided_on"
    assert info.value.value == text


def test_T1_as_date_refuses_datetimes() -> None:
    with pytest.raises(DateError, match="T1"):
        as_date(datetime.datetime(2019, 1, 1))


def test_T1_today_is_a_calendar_day_in_stockholm() -> None:
    before = pendulum.today("Europe/Stockholm").date()
    value = today()
    after = pendulum.today("Europe/Stockholm").date()
    assert type(value) is pendulum.Date
    assert before <= value <= after


@given(st.dates())
def test_T1_as_date_round_trips_iso_text(day: datetime.date) -> None:
    converted = as_date(day.isoformat())
    assert converted == day
    assert type(converted) is pendulum.Date


# --- T2 and T3 ----------------------------------------------------------------------------------


def test_T2_a_year_from_first_to_last_day() -> None:
    assert Term.year(2019).days == 365
    assert Term.year(2020).days == 366
    assert Term(D(2019, 5, 5), D(2019, 5, 5)).days == 1


def test_T2_both_ends_are_in_the_term() -> None:
    term = Term.year(2019)
    assert term.start in term
    assert term.end in term
    assert D(2018, 12, 31) not in term
    assert D(2020, 1, 1) not in term
    assert term.next_start == D(2020, 1, 1)


@given(terms(max_days=800))
def test_T2_days_counts_every_day_once(term: Term) -> None:
    assert term.days == len(range(term.start.toordinal(), term.end.toordinal() + 1))
    assert term.next_start.toordinal() == term.end.toordinal() + 1
    assert term.end in term
    assert term.next_start not in term


def test_T3_end_before_start_names_rule_field_and_value() -> None:
    with pytest.raises(TermError) as info:
        Term(D(2019, 12, 31), D(2019, 1, 1))
    error = info.value
    assert (error.rule, error.field, error.value) == ("T3", "end", D(2019, 1, 1))
    assert "2019-01-01 is before the start 2019-12-31" in str(error)


@given(dates(), dates())
def test_T3_a_term_exists_exactly_when_end_is_not_before_start(
    a: pendulum.Date, b: pendulum.Date
) -> None:
    if b >= a:
        assert Term(a, b).end >= Term(a, b).start
    else:
        with pytest.raises(TermError, match="T3"):
            Term(a, b)


# --- T4 ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "length", "end"),
    [
        (D(2019, 1, 1), Length(years=1), D(2019, 12, 31)),
        (D(2020, 1, 1), Length(years=2), D(2021, 12, 31)),
        (D(2022, 1, 1), Length(years=3), D(2024, 12, 31)),
        (D(2019, 3, 15), Length(months=6), D(2019, 9, 14)),
        (D(2019, 12, 1), Length(months=1), D(2019, 12, 31)),
        (D(2019, 1, 1), Length(days=1), D(2019, 1, 1)),
        (D(2019, 1, 1), Length(years=1, months=1, days=1), D(2020, 2, 1)),
        (D(2019, 1, 31), Length(months=2), D(2019, 3, 30)),
    ],
)
def test_T4_end_is_the_day_before_the_corresponding_day(
    start: pendulum.Date, length: Length, end: pendulum.Date
) -> None:
    term = Term.starting(start, length.years, length.months, length.days)
    assert term == Term(start, end)


def test_T4_months_are_applied_in_one_step_not_month_by_month() -> None:
    # Month by month 31 Jan -> 28 Feb -> 28 Mar would lose three days; one step gives 31 Mar.
    assert Term.starting(D(2019, 1, 31), months=2).end == D(2019, 3, 30)
    stepwise = D(2019, 1, 31).add(months=1).add(months=1)
    assert stepwise == D(2019, 3, 28)


@pytest.mark.parametrize(
    ("years", "months", "days"), [(0, 0, 0), (-1, 0, 0), (0, -2, 0), (0, 0, -5)]
)
def test_T4_refuses_zero_and_negative_lengths(years: int, months: int, days: int) -> None:
    with pytest.raises(TermError) as info:
        Term.starting(D(2019, 1, 1), years, months, days)
    assert info.value.rule == "T4"


def test_T4_refuses_non_integer_lengths() -> None:
    with pytest.raises(TermError, match="T4"):
        Term.starting(D(2019, 1, 1), years=1.5)  # type: ignore[arg-type]
    with pytest.raises(TermError, match="T4"):
        Length(years=True)


def test_T4_refuses_days_past_year_9999() -> None:
    with pytest.raises(DateError, match="T1"):
        Term.starting(D(9999, 6, 1), years=1)


@given(dates(), lengths(), roundings())
def test_T4_years_and_months_are_one_shift(
    start: pendulum.Date, length: Length, rounding: Rounding
) -> None:
    as_given = Term.starting(start, length.years, length.months, length.days, rounding)
    in_months = Term.starting(start, 0, length.total_months, length.days, rounding)
    assert as_given == in_months
    assert as_given.end >= as_given.start


@given(dates(), st.integers(1, 240), roundings())
def test_T4_term_ends_the_day_before_the_anchor(
    start: pendulum.Date, months: int, rounding: Rounding
) -> None:
    term = Term.starting(start, months=months, rounding=rounding)
    anchor = corresponding_day(start, months, rounding)
    assert term.next_start == anchor
    if start.day <= 28:
        assert anchor.day == start.day


@given(dates(), st.integers(1, 5000))
def test_T4_day_lengths_count_days(start: pendulum.Date, days: int) -> None:
    assert Term.starting(start, days=days).days == days


# --- T5 -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "years", "months", "up", "down"),
    [
        (D(2019, 1, 31), 0, 1, D(2019, 2, 28), D(2019, 2, 27)),
        (D(2020, 1, 31), 0, 1, D(2020, 2, 29), D(2020, 2, 28)),
        (D(2020, 2, 29), 1, 0, D(2021, 2, 28), D(2021, 2, 27)),
        (D(2020, 2, 29), 4, 0, D(2024, 2, 28), D(2024, 2, 28)),
        (D(2019, 8, 31), 0, 1, D(2019, 9, 30), D(2019, 9, 29)),
        (D(2019, 3, 31), 0, 11, D(2020, 2, 29), D(2020, 2, 28)),
    ],
)
def test_T5_rounding_table(
    start: pendulum.Date, years: int, months: int, up: pendulum.Date, down: pendulum.Date
) -> None:
    assert Term.starting(start, years, months).end == up  # UP is the default
    assert Term.starting(start, years, months, rounding=Rounding.UP).end == up
    assert Term.starting(start, years, months, rounding=Rounding.DOWN).end == down
    if up != down:
        with pytest.raises(AmbiguousDateError) as info:
            Term.starting(start, years, months, rounding=Rounding.REFUSE)
        assert info.value.rule == "T5"
        assert "Rounding.UP or Rounding.DOWN" in str(info.value)
    else:
        assert Term.starting(start, years, months, rounding=Rounding.REFUSE).end == up


def test_T5_refuses_an_unknown_policy() -> None:
    with pytest.raises(TermError, match="T5"):
        Term.starting(D(2019, 1, 1), years=1, rounding="up")  # type: ignore[arg-type]


@given(dates(), lengths())
def test_T5_policy_matters_only_when_the_corresponding_day_is_missing(
    start: pendulum.Date, length: Length
) -> None:
    up = end_of(start, length, Rounding.UP)
    down = end_of(start, length, Rounding.DOWN)
    target = start.add(months=length.total_months)  # pendulum clamps to the month's last day
    missing = target.day != start.day
    if missing:
        assert up.toordinal() - down.toordinal() == 1
        with pytest.raises(AmbiguousDateError):
            end_of(start, length, Rounding.REFUSE)
    else:
        assert up == down == end_of(start, length, Rounding.REFUSE)


@given(edge_dates(), st.integers(1, 48))
def test_T5_up_ends_on_the_short_months_last_day(start: pendulum.Date, months: int) -> None:
    term = Term.starting(start, months=months)
    target = start.add(months=months)  # pendulum clamps a missing day to the month's last day
    if target.day != start.day:
        assert term.end == target
        assert term.end.day == calendar.monthrange(term.end.year, term.end.month)[1]
    else:
        assert term.next_start == target


# --- T6 ----------------------------------------------------------------------------------------


def test_T6_the_three_year_trap() -> None:
    term = Term(D(2019, 1, 1), D(2021, 12, 31))
    assert term.length == Length(years=3)
    # pendulum counts whole years between the two days, not the inclusive term:
    assert pendulum.date(2019, 1, 1).diff(pendulum.date(2021, 12, 31)).in_years() == 2
    assert Term(D(2019, 1, 1), D(2021, 12, 30)).length == Length(years=2, months=11, days=30)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2019, 1, 1), D(2019, 1, 1), Length(days=1)),
        (D(2019, 1, 31), D(2019, 2, 28), Length(months=1)),
        (D(2019, 1, 31), D(2019, 2, 27), Length(days=28)),
        (D(2020, 2, 29), D(2021, 2, 28), Length(years=1)),
        (D(2019, 1, 1), D(2024, 12, 31), Length(years=6)),
        (D(2019, 7, 1), D(2020, 12, 31), Length(years=1, months=6)),
    ],
)
def test_T6_lengths(start: pendulum.Date, end: pendulum.Date, expected: Length) -> None:
    assert Term(start, end).length == expected


def test_T6_refuse_policy_refuses_ambiguous_lengths_only() -> None:
    with pytest.raises(AmbiguousDateError, match="T5"):
        Term(D(2019, 1, 31), D(2019, 3, 15)).measure(Rounding.REFUSE)
    # The month beyond the end is never ambiguous: 31 Jan..30 Mar is 1 month 30 days? No:
    # 31 Jan + 2 months is 31 Mar, so the term is exactly 2 months.
    assert Term(D(2019, 1, 31), D(2019, 3, 30)).measure(Rounding.REFUSE) == Length(months=2)


@given(terms(), roundings())
@example(Term(D(2019, 1, 31), D(2019, 2, 28)), Rounding.UP)
@example(Term(D(2020, 2, 29), D(2021, 2, 27)), Rounding.DOWN)
def test_T6_length_gives_the_term_back(term: Term, rounding: Rounding) -> None:
    length = term.measure(rounding)
    assert length.months < 12
    assert Term.starting(term.start, length.years, length.months, length.days, rounding) == term
    # maximal: one more month would end after the term
    one_more = Length(length.years, length.months + 1)
    assert end_of(term.start, one_more, rounding) > term.end


@given(dates(), st.integers(1, 30), st.integers(0, 11), roundings())
def test_T6_whole_years_and_months_come_back(
    start: pendulum.Date, years: int, months: int, rounding: Rounding
) -> None:
    term = Term.starting(start, years=years, months=months, rounding=rounding)
    assert term.measure(rounding) == Length(years=years, months=months)


@given(
    dates(),
    st.builds(Length, st.integers(0, 5), st.integers(0, 23), st.integers(1, 27)),
    roundings(),
)
def test_T6_short_day_counts_come_back(
    start: pendulum.Date, length: Length, rounding: Rounding
) -> None:
    term = Term.starting(start, length.years, length.months, length.days, rounding)
    assert length_of(term.start, term.end, rounding) == length.normalized()


# --- T7 ------------------------------------------------------------------------------------------


@given(dates(), lengths(), roundings())
def test_T7_a_term_of_length_L_lasts_at_least_L_and_one_day_less_does_not(
    start: pendulum.Date, length: Length, rounding: Rounding
) -> None:
    term = Term.starting(start, length.years, length.months, length.days, rounding)
    assert term.lasts_at_least(length.years, length.months, length.days, rounding)
    assume(term.days > 1)
    shorter = Term(term.start, day_before(term.end))
    assert not shorter.lasts_at_least(length.years, length.months, length.days, rounding)


def test_T7_minst_tre_ar() -> None:
    assert Term(D(2019, 1, 1), D(2021, 12, 31)).lasts_at_least(years=3)
    assert not Term(D(2019, 1, 1), D(2021, 12, 30)).lasts_at_least(years=3)
    assert Term(D(2019, 1, 1), D(2024, 12, 31)).lasts_at_least(years=3)


# --- helpers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: Term.year(2019.5), "year"),
        (lambda: Term.year("2019"), "year"),
        (lambda: Term.year(0), "year"),
        (lambda: Term.month(2019, "3"), "month"),
        (lambda: Term.half_year(2019, 1.0), "half"),
    ],
)
def test_T1_calendar_periods_refuse_bad_numbers(build: object, field: str) -> None:
    with pytest.raises(TermError) as info:
        build()  # type: ignore[operator]
    assert (info.value.rule, info.value.field) == ("T1", field)


def test_calendar_periods() -> None:
    assert str(Term.half_year(2019, 2)) == "2019-07-01..2019-12-31"
    assert str(Term.month(2020, 2)) == "2020-02-01..2020-02-29"
    with pytest.raises(TermError):
        Term.month(2020, 13)
    with pytest.raises(TermError):
        Term.half_year(2020, 3)


@given(terms(), terms())
def test_overlap_adjacency_and_gaps_agree(a: Term, b: Term) -> None:
    assert a.overlaps(b) == b.overlaps(a)
    both = a.intersection(b)
    assert (both is not None) == a.overlaps(b)
    if both is not None:
        assert both.start in a
        assert both.start in b
        assert both.end in a
        assert both.end in b
    if a.is_adjacent_to(b):
        assert not a.overlaps(b)
    first, second = sorted([a, b], key=lambda t: t.start)
    gap = first.gap_to(second)
    if gap is None:
        assert first.overlaps(second) or first.is_adjacent_to(second)
    else:
        assert gap.start == first.next_start
        assert gap.next_start == second.start
        assert not gap.overlaps(first)
        assert not gap.overlaps(second)


def test_membership_refuses_datetimes() -> None:
    with pytest.raises(DateError, match="T1"):
        _ = datetime.datetime(2019, 5, 1) in Term.year(2019)


def test_terms_are_immutable_values() -> None:
    term = Term.year(2019)
    with pytest.raises(AttributeError):
        term.end = D(2020, 12, 31)  # type: ignore[misc]
    assert term == Term(D(2019, 1, 1), D(2019, 12, 31))
    assert hash(term) == hash(Term.year(2019))


def test_length_texts() -> None:
    assert str(Length(1, 1, 1)) == "1 year 1 month 1 day"
    assert Length(2, 3, 4).sv() == "2 år 3 månader 4 dagar"
    assert str(Length()) == "0 days"
    assert Length().sv() == "0 dagar"
    assert Length(months=14).normalized() == Length(years=1, months=2)


# --- issue 12: bounds pinned where mutation testing found the suite silent --------------------------


@pytest.mark.parametrize("year", [1, 2, 9998, 9999])
def test_T1_the_first_and_last_allowed_years(year: int) -> None:
    assert Term.year(year) == Term(D(year, 1, 1), D(year, 12, 31))
    assert Term.half_year(year, 1).end == D(year, 6, 30)
    assert Term.month(year, 12).start == D(year, 12, 1)


@pytest.mark.parametrize("year", [0, -1, 10_000, True])
def test_T1_years_outside_1_to_9999_are_refused(year: int) -> None:
    for make in (Term.year, lambda y: Term.half_year(y, 1), lambda y: Term.month(y, 1)):
        with pytest.raises(TermError, match="T1"):
            make(year)


@pytest.mark.parametrize(("month", "days"), [(1, 31), (2, 29), (11, 30), (12, 31)])
def test_T1_months_1_to_12(month: int, days: int) -> None:
    assert Term.month(2024, month).days == days
    assert Term.month(2024, month).start == D(2024, month, 1)


@pytest.mark.parametrize("month", [0, 13, -1, True])
def test_T1_months_outside_1_to_12_are_refused(month: int) -> None:
    with pytest.raises(TermError, match="T1"):
        Term.month(2024, month)


def test_half_years_are_exact() -> None:
    assert Term.half_year(2024, 1) == Term(D(2024, 1, 1), D(2024, 6, 30))
    assert Term.half_year(2024, 2) == Term(D(2024, 7, 1), D(2024, 12, 31))
    assert Term.half_year(2024, 1).days == 182
    assert Term.half_year(2023, 1).days == 181
    assert Term.half_year(2023, 2).days == 184
    for half in (0, 3, True, 1.0):
        with pytest.raises(TermError, match="T1"):
            Term.half_year(2024, half)  # type: ignore[arg-type]


def test_T4_the_last_month_of_year_9999_and_one_step_beyond() -> None:
    """Found while pinning the bounds: a term ending in 9999 could not be measured (T6),
    because its corresponding day falls in the year 10000."""
    assert Term.starting(D(9999, 1, 1), months=12).end == D(9999, 12, 31)
    assert Term.starting(D(9998, 1, 1), years=2) == Term(D(9998, 1, 1), D(9999, 12, 31))
    assert Term.year(9999).length == Length(years=1)
    assert Term(D(9999, 12, 1), D(9999, 12, 31)).length == Length(months=1)
    assert Term(D(9999, 12, 2), D(9999, 12, 31)).length == Length(days=30)
    assert corresponding_day(D(9998, 12, 31), 12) == D(9999, 12, 31)
    with pytest.raises(DateError, match="T1"):
        corresponding_day(D(9999, 1, 1), 12)
    with pytest.raises(DateError, match="T1"):
        Term.starting(D(9999, 1, 2), months=12)
    with pytest.raises(DateError, match="T1"):
        Term.starting(D(9999, 1, 1), months=13)
    assert corresponding_day(D(1, 1, 1), 0) == D(1, 1, 1)


@given(st.dates(min_value=datetime.date(9990, 1, 1)), st.sampled_from(list(Rounding)))
def test_T6_every_term_ending_on_the_last_day_has_a_length(
    start: datetime.date, rounding: Rounding
) -> None:
    day = D(start.year, start.month, start.day)
    term = Term(day, D(9999, 12, 31))
    try:
        length = term.measure(rounding)
    except AmbiguousDateError:
        return
    assert Term.starting(day, length.years, length.months, length.days, rounding) == term


@pytest.mark.parametrize("rounding", list(Rounding))
def test_T6_a_month_end_start_skips_the_missing_day_one_month_further(
    rounding: Rounding,
) -> None:
    """From 31 January, the candidate one month further (February) lacks day 31: T6 skips it
    rather than asking the T5 policy, so REFUSE does not fail on a term within January."""
    assert length_of(D(2019, 1, 31), D(2019, 1, 31), rounding) == Length(days=1)
    assert length_of(D(2020, 1, 31), D(2020, 1, 31), rounding) == Length(days=1)


# --- Pinned by mutation testing (tools/mutation.sh): exact messages, fields and values -------


@pytest.mark.parametrize(
    ("call", "text"),
    [
        (
            lambda: as_date(datetime.datetime(2019, 1, 1, 12, 0), "x.day"),
            "T1: a datetime is not a calendar day; take its date in the time zone you mean "
            "(for example pendulum.instance(value).in_tz('Europe/Stockholm').date())"
            " (at x.day: 2019-01-01 12:00:00)",
        ),
        (
            lambda: as_date(20190101, "x.day"),  # type: ignore[arg-type]
            "T1: expected a pendulum.Date, got int (at x.day: 20190101)",
        ),
        (
            lambda: Term.half_year(2019, 3),
            "T1: half must be 1 or 2 (at half: 3)",
        ),
        (
            lambda: Term.month(2019, 13),
            "T1: month must be a whole number 1..12 (at month: 13)",
        ),
        (
            lambda: datetime.date(2019, 1, 1) in Term.year(2019),
            "T1: a datetime.date is not a pendulum.Date; convert it explicitly with "
            "iop_model.as_date(value) (at day: 2019-01-01)",
        ),
    ],
)
def test_T1_messages_name_the_field_and_value(call: object, text: str) -> None:
    with pytest.raises(IOPError) as caught:
        call()  # type: ignore[operator]
    assert str(caught.value) == text
    assert caught.value.rule == "T1"


def test_T1_today_is_taken_in_stockholm(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[object] = []

    def fake_today(tz: object = None) -> pendulum.DateTime:
        asked.append(tz)
        return pendulum.datetime(2026, 11, 26, 0, 30, tz="Europe/Stockholm")

    monkeypatch.setattr(pendulum, "today", fake_today)
    assert today() == D(2026, 11, 26)
    assert [str(getattr(tz, "name", tz)) for tz in asked] == ["Europe/Stockholm"]


@pytest.mark.parametrize(
    ("length", "english", "swedish"),
    [
        (Length(years=1), "1 year", "1 år"),
        (Length(years=2), "2 years", "2 år"),
        (Length(months=1), "1 month", "1 månad"),
        (Length(months=2), "2 months", "2 månader"),
        (Length(days=1), "1 day", "1 dag"),
        (Length(days=2), "2 days", "2 dagar"),
        (Length(2, 1, 3), "2 years 1 month 3 days", "2 år 1 månad 3 dagar"),
        (Length(), "0 days", "0 dagar"),
    ],
)
def test_length_text_in_both_languages(length: Length, english: str, swedish: str) -> None:
    assert str(length) == english
    assert length.sv() == swedish


def test_T7_lasts_at_least_defaults_and_rounding() -> None:
    six_months = Term(D(2019, 1, 1), D(2019, 6, 30))
    assert six_months.lasts_at_least(months=6)
    assert not six_months.lasts_at_least(months=7)
    assert six_months.lasts_at_least(days=181)
    # 2019-01-31 + 1 month: UP ends 2019-02-28, DOWN 2019-02-27, REFUSE cannot tell.
    short = Term(D(2019, 1, 31), D(2019, 2, 27))
    assert not short.lasts_at_least(months=1)
    assert short.lasts_at_least(months=1, rounding=Rounding.DOWN)
    with pytest.raises(AmbiguousDateError):
        short.lasts_at_least(months=1, rounding=Rounding.REFUSE)


def test_T16_replacement_window_is_pinned() -> None:
    from iop_model.errors import PartnershipError
    from iop_model.terms.term import check_replacement

    start, end = D(2019, 1, 1), D(2019, 12, 31)
    check_replacement(start, end, D(2020, 1, 1), "agreements[1].term.start")  # day after end
    check_replacement(start, end, D(2019, 1, 2), "agreements[1].term.start")
    for bad in (D(2020, 1, 2), start):
        with pytest.raises(PartnershipError) as caught:
            check_replacement(start, end, bad, "agreements[1].term.start")
        assert str(caught.value) == (
            "T16: a replacing agreement starts after the start 2019-01-01 and no later than "
            "the day after the end 2019-12-31 of the one it replaces "
            f"(at agreements[1].term.start: {bad.isoformat()})"
        )


def test_T6_length_of_edge_candidates() -> None:
    # the candidate one month on lacks a corresponding day: skipped, not tried (REFUSE would
    # raise) and the others still tried
    assert length_of(D(2019, 1, 31), D(2019, 1, 31)) == Length(days=1)
    assert length_of(D(2019, 5, 31), D(2019, 5, 31), Rounding.REFUSE) == Length(days=1)
    assert length_of(D(2019, 1, 1), D(2019, 1, 31)) == Length(months=1)
    # the candidate one month on would fall after the year 9999
    assert length_of(D(9999, 12, 15), D(9999, 12, 31)) == Length(days=17)
