"""Working days and deadlines (D1-D4), checked against the law's own lists.

The expected days off are written out here from lagen (1989:253) om allmänna helgdagar and
2 § lagen (1930:173), not taken from the holidays package the code uses.
"""

from __future__ import annotations

import datetime

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import iop_model.deadlines.calendar as cal
from iop_model import Deadline, DeadlineError, deadline, deadline_before, is_working_day
from iop_model.testing import dates

D = pendulum.date

# Easter Day (påskdagen) 2019-2030, from the Church of Sweden's calendar.
EASTER = {
    2019: D(2019, 4, 21),
    2020: D(2020, 4, 12),
    2021: D(2021, 4, 4),
    2022: D(2022, 4, 17),
    2023: D(2023, 4, 9),
    2024: D(2024, 3, 31),
    2025: D(2025, 4, 20),
    2026: D(2026, 4, 5),
    2027: D(2027, 3, 28),
    2028: D(2028, 4, 16),
    2029: D(2029, 4, 1),
    2030: D(2030, 4, 21),
}


def _saturday_between(year: int, month: int, first: int, last: int) -> pendulum.Date:
    return next(
        D(year, month, d) for d in range(first, last + 1) if D(year, month, d).weekday() == 5
    )


def law_days_off(year: int) -> set[pendulum.Date]:
    """1 § lagen (1989:253) and the three eves of 2 § lagen (1930:173), weekends aside."""
    easter = EASTER[year]
    midsummer_day = _saturday_between(year, 6, 20, 26)
    return {
        D(year, 1, 1),  # nyårsdagen
        D(year, 1, 6),  # trettondedag jul
        easter.subtract(days=2),  # långfredagen
        easter,  # påskdagen
        easter.add(days=1),  # annandag påsk
        easter.add(days=39),  # Kristi himmelsfärdsdag
        easter.add(days=49),  # pingstdagen
        D(year, 5, 1),  # första maj
        D(year, 6, 6),  # nationaldagen
        midsummer_day,  # midsommardagen
        _saturday_between(year, 10, 31, 31)
        if D(year, 10, 31).weekday() == 5
        else _saturday_between(year, 11, 1, 6),  # alla helgons dag
        D(year, 12, 25),  # juldagen
        D(year, 12, 26),  # annandag jul
        midsummer_day.subtract(days=1),  # midsommarafton (2 § lagen (1930:173))
        D(year, 12, 24),  # julafton
        D(year, 12, 31),  # nyårsafton
    }


@pytest.mark.parametrize("year", sorted(EASTER))
def test_D2_working_days_follow_the_law_every_day_of_2019_to_2030(year: int) -> None:
    off = law_days_off(year)
    day = D(year, 1, 1)
    wrong = []
    while day.year == year:
        expected = day.weekday() < 5 and day not in off
        if is_working_day(day) != expected:
            wrong.append(day.isoformat())
        day = day.add(days=1)
    assert wrong == []


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2024, 6, 21), False),  # midsommarafton
        (D(2024, 6, 20), True),
        (D(2025, 12, 24), False),  # julafton on a Wednesday
        (D(2025, 12, 23), True),  # the bank half day before it is a working day
        (D(2025, 12, 31), False),  # nyårsafton
        (D(2025, 5, 29), False),  # Kristi himmelsfärdsdag
        (D(2025, 5, 30), True),  # the squeeze day after it is a working day
        (D(2025, 6, 6), False),  # nationaldagen on a Friday
        (D(2024, 3, 28), True),  # skärtorsdagen
        (D(2024, 3, 29), False),  # långfredagen
        (D(2024, 4, 1), False),  # annandag påsk
        (D(2026, 11, 25), True),
    ],
)
def test_D2_named_days(day: pendulum.Date, working: bool) -> None:
    assert is_working_day(day) is working


def test_D2_answer_does_not_depend_on_the_holidays_category_of_the_eves(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Before holidays 0.88 the three eves were in 'public'; since then they are not. The
    library names the eves itself, so either package behaviour gives the same answer."""
    import holidays

    real = holidays.country_holidays

    def old_style(country: str, **kwargs: object) -> object:
        found = real(country, **kwargs)  # type: ignore[arg-type]
        year = kwargs["years"]
        assert isinstance(year, int)
        midsummer_eve = _saturday_between(year, 6, 20, 26).subtract(days=1)
        for eve in (midsummer_eve, D(year, 12, 24), D(year, 12, 31)):  # as "public" had them
            found[datetime.date(eve.year, eve.month, eve.day)] = "eve"
        return found

    expected = {
        y: [is_working_day(D(y, m, d)) for m, d in ((6, 21), (12, 24), (12, 31))]
        for y in (2024, 2025)
    }
    cal._days_off.cache_clear()
    monkeypatch.setattr(holidays, "country_holidays", old_style)
    try:
        again = {
            y: [is_working_day(D(y, m, d)) for m, d in ((6, 21), (12, 24), (12, 31))]
            for y in (2024, 2025)
        }
    finally:
        cal._days_off.cache_clear()
    assert again == expected == {2024: [False, False, False], 2025: [False, False, False]}


def test_holidays_version_is_within_the_tested_range() -> None:
    import holidays

    major, minor = (int(part) for part in holidays.__version__.split(".")[:2])
    assert major == 0, cal.HOLIDAYS_VERSIONS
    assert minor >= 60, cal.HOLIDAYS_VERSIONS


# --- D1 end day ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "parts", "end"),
    [
        (D(2024, 1, 31), {"months": 1}, D(2024, 2, 29)),  # leap year: the month's last day
        (D(2023, 1, 31), {"months": 1}, D(2023, 2, 28)),
        (D(2024, 2, 29), {"years": 1}, D(2025, 2, 28)),
        (D(2024, 3, 31), {"months": 1}, D(2024, 4, 30)),
        (D(2024, 1, 15), {"months": 1}, D(2024, 2, 15)),  # the corresponding day itself
        (D(2024, 3, 22), {"weeks": 1}, D(2024, 3, 29)),  # same weekday name
        (D(2024, 12, 31), {"weeks": 2}, D(2025, 1, 14)),
        (D(2024, 9, 30), {"months": 3}, D(2024, 12, 30)),
        (D(2024, 1, 1), {"days": 30}, D(2024, 1, 31)),
    ],
)
def test_D1_end_day(start: pendulum.Date, parts: dict[str, int], end: pendulum.Date) -> None:
    found = deadline(start, roll=None, **parts)
    assert found.end_day == found.last_day == end
    assert found.rules == ("D1",)


def test_D1_is_the_end_day_itself_unlike_a_terms_last_day() -> None:
    from iop_model import Term

    start = D(2019, 1, 1)
    assert deadline(start, years=1, roll=None).end_day == D(2020, 1, 1)  # D1
    assert Term.starting(start, years=1).end == D(2019, 12, 31)  # T4


@pytest.mark.parametrize(
    ("start", "parts", "end", "last"),
    [
        (D(2024, 5, 21), {"months": 1}, D(2024, 6, 21), D(2024, 6, 24)),  # midsommarafton
        (D(2025, 11, 24), {"months": 1}, D(2025, 12, 24), D(2025, 12, 29)),  # jul
        (D(2025, 11, 30), {"months": 1}, D(2025, 12, 30), D(2025, 12, 30)),
        (D(2025, 12, 1), {"days": 30}, D(2025, 12, 31), D(2026, 1, 2)),  # nyår
        (D(2024, 3, 22), {"weeks": 1}, D(2024, 3, 29), D(2024, 4, 2)),  # påsk
        (D(2025, 4, 29), {"days": 30}, D(2025, 5, 29), D(2025, 5, 30)),  # Kristi himmelsfärd
        (D(2025, 5, 6), {"months": 1}, D(2025, 6, 6), D(2025, 6, 9)),  # nationaldagen
        (D(2024, 10, 2), {"months": 1}, D(2024, 11, 2), D(2024, 11, 4)),  # alla helgons dag
        (D(2024, 8, 31), {"months": 1}, D(2024, 9, 30), D(2024, 9, 30)),
    ],
)
def test_D3_roll_forward(
    start: pendulum.Date, parts: dict[str, int], end: pendulum.Date, last: pendulum.Date
) -> None:
    found = deadline(start, **parts)
    assert (found.end_day, found.last_day) == (end, last)
    assert found.rules == ("D1", "D2", "D3")
    assert found.is_rolled is (end != last)


@pytest.mark.parametrize(
    ("end", "parts", "latest", "last"),
    [
        (D(2024, 12, 31), {"months": 3}, D(2024, 9, 30), D(2024, 9, 30)),
        (D(2025, 3, 31), {"months": 3}, D(2024, 12, 31), D(2024, 12, 30)),  # nyårsafton
        # No day's month ends on 30 or 31 March: the latest start is 29 February.
        (D(2024, 3, 31), {"months": 1}, D(2024, 2, 29), D(2024, 2, 29)),
        (D(2023, 3, 31), {"months": 1}, D(2023, 2, 28), D(2023, 2, 28)),
        (D(2024, 6, 30), {"weeks": 2}, D(2024, 6, 16), D(2024, 6, 14)),  # a Sunday
        (D(2025, 7, 24), {"months": 1}, D(2025, 6, 24), D(2025, 6, 24)),
        (D(2025, 7, 20), {"months": 1}, D(2025, 6, 20), D(2025, 6, 19)),  # midsommarafton
    ],
)
def test_D4_backward(
    end: pendulum.Date, parts: dict[str, int], latest: pendulum.Date, last: pendulum.Date
) -> None:
    found = deadline_before(end, **parts)
    assert (found.end_day, found.last_day) == (latest, last)
    assert found.before
    assert found.rules == ("D1", "D2", "D4")
    assert deadline_before(end, roll=None, **parts).last_day == latest


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: deadline(D(2024, 1, 1)), "months"),
        (lambda: deadline(D(2024, 1, 1), months=-1), "months"),
        (lambda: deadline(D(2024, 1, 1), weeks=1.5), "weeks"),
        (lambda: deadline(D(2024, 1, 1), months=1, roll="previous_weekday"), "roll"),
        (lambda: deadline(D(2024, 1, 1), months=1, roll="weekday"), "roll"),
        (lambda: deadline_before(D(2024, 1, 1), months=1, roll="next_weekday"), "roll"),
        (lambda: deadline(datetime.date(2024, 1, 1), months=1), "start"),
        (lambda: deadline(D(9999, 12, 1), months=1), "length"),
    ],
)
def test_bad_deadline_input_gets_the_librarys_error(call: object, field: str) -> None:
    from iop_model import IOPError

    with pytest.raises(IOPError) as caught:
        call()  # type: ignore[operator]
    assert caught.value.field == field


def test_deadline_error_type() -> None:
    with pytest.raises(DeadlineError, match="D1"):
        deadline(D(2024, 1, 1))


def test_explanations_name_their_rules_in_both_languages() -> None:
    found = deadline(D(2024, 5, 21), months=1)
    assert found.explain("sv") == (
        "1 månad från 2024-05-21 slutar 2024-06-21 (D1)\n"
        "2024-06-21 är inte en arbetsdag: sista dagen flyttas fram till nästa arbetsdag, "
        "2024-06-24 (D2, D3)"
    )
    assert found.explain("en").endswith("on to the next working day, 2024-06-24 (D2, D3)")
    back = deadline_before(D(2025, 3, 31), months=3, roll=None)
    assert "ingen flyttregel: sista dagen är 2024-12-31" in back.explain("sv")
    assert back.to_dict()["last_day"] == "2024-12-31"
    assert back.to_dict()["rules"] == ["D1", "D4"]


# --- properties ---------------------------------------------------------------------------------

parts_strategy = st.fixed_dictionaries(
    {
        "years": st.integers(0, 3),
        "months": st.integers(0, 14),
        "weeks": st.integers(0, 10),
        "days": st.integers(0, 40),
    }
).filter(lambda p: any(p.values()))
recent = dates(1990, 2060)


@given(recent, parts_strategy)
def test_D3_property_rolled_day_is_a_near_working_day_never_before_the_end_day(
    start: pendulum.Date, parts: dict[str, int]
) -> None:
    rolled = deadline(start, **parts)
    plain = deadline(start, roll=None, **parts)
    assert plain.last_day == plain.end_day == rolled.end_day
    assert rolled.last_day >= rolled.end_day
    assert is_working_day(rolled.last_day)
    assert (rolled.last_day - rolled.end_day).days <= 5


@given(recent, parts_strategy)
def test_D4_property_notice_from_the_backward_deadline_never_ends_after_the_day(
    end: pendulum.Date, parts: dict[str, int]
) -> None:
    plain = deadline_before(end, roll=None, **parts)
    rolled = deadline_before(end, **parts)
    assert cal.end_day(plain.last_day, **parts) <= end
    assert cal.end_day(plain.last_day.add(days=1), **parts) > end  # the latest such day
    assert cal.end_day(rolled.last_day, **parts) <= end
    assert rolled.last_day <= plain.last_day
    assert is_working_day(rolled.last_day)
    assert (plain.last_day - rolled.last_day).days <= 5


@given(recent)
def test_D2_property_next_and_previous_working_days(day: pendulum.Date) -> None:
    after, before = cal.next_working_day(day), cal.previous_working_day(day)
    assert before <= day <= after
    assert is_working_day(after)
    assert is_working_day(before)
    assert (after == day) is is_working_day(day)
    assert (before == day) is is_working_day(day)


def test_deadline_is_a_value() -> None:
    found = deadline(D(2024, 1, 31), months=1)
    assert isinstance(found, Deadline)
    assert found == deadline(D(2024, 1, 31), months=1)
