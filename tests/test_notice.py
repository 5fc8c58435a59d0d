"""Notice periods and termination kinds (D5), the extension deadline's roll (T9, D3)."""

from __future__ import annotations

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from iop_model import (
    Agreement,
    AgreementError,
    DeadlineError,
    Extension,
    IdeaBasedParty,
    LateExtensionError,
    Length,
    PublicParty,
    Term,
    Termination,
    TerminationError,
    TerminationKind,
)
from iop_model.deadlines.calendar import end_day, is_working_day

D = pendulum.date
CITY, CLUB = PublicParty("Exempelstads kommun"), IdeaBasedParty("Föreningen")


def agreement(**kwargs: object) -> Agreement:
    defaults: dict[str, object] = {"notice_period": Length(months=3)}
    defaults.update(kwargs)
    return Agreement("a", CITY, CLUB, Term.year(2024), **defaults)  # type: ignore[arg-type]


def test_D5_one_day_too_early_is_refused_on_the_day_is_accepted() -> None:
    a = agreement()
    with pytest.raises(DeadlineError) as caught:
        a.terminate(D(2024, 12, 29), D(2024, 9, 30), "Uppsägning")
    assert caught.value.rule == "D5"
    assert caught.value.field == "termination.on"
    assert "2024-12-30" in str(caught.value)
    ended = a.terminate(D(2024, 12, 30), D(2024, 9, 30), "Uppsägning")
    assert ended.end == D(2024, 12, 30)
    assert ended.termination is not None
    assert ended.termination.kind is TerminationKind.NOTICE


def test_D5_notice_counts_from_the_day_it_reached_the_other_party() -> None:
    a = agreement()
    with pytest.raises(DeadlineError, match="D5"):
        a.terminate(D(2024, 12, 30), D(2024, 9, 30), "Uppsägning", notified_on=D(2024, 10, 1))
    ended = a.terminate(D(2024, 12, 31), D(2024, 9, 30), "Uppsägning", notified_on=D(2024, 9, 30))
    assert ended.termination is not None
    assert ended.termination.notice_day == D(2024, 9, 30)


def test_D5_notice_cannot_reach_the_party_before_the_decision_or_after_the_end() -> None:
    a = agreement(notice_period=None)
    for notified in (D(2024, 5, 31), D(2024, 7, 1)):
        with pytest.raises(DeadlineError) as caught:
            a.terminate(D(2024, 6, 30), D(2024, 6, 1), "x", notified_on=notified)
        assert caught.value.field == "termination.notified_on"


def test_D5_breach_takes_effect_at_once_and_mutual_on_the_agreed_day() -> None:
    a = agreement()
    breach = a.terminate(D(2024, 5, 2), D(2024, 5, 2), "Hävning", kind=TerminationKind.BREACH)
    assert breach.end == D(2024, 5, 2)
    mutual = a.terminate(D(2024, 5, 31), D(2024, 5, 2), "Överens", kind="mutual")
    assert mutual.end == D(2024, 5, 31)
    assert mutual.termination is not None
    assert mutual.termination.kind.sv == "överenskommelse"


def test_D5_without_a_notice_period_a_notice_termination_only_follows_T12() -> None:
    assert agreement(notice_period=None).terminate(D(2024, 5, 2), D(2024, 5, 2), "x").end == D(
        2024, 5, 2
    )


def test_bad_kind_and_zero_notice_period_are_refused() -> None:
    with pytest.raises(TerminationError) as caught:
        Termination(D(2024, 5, 2), D(2024, 5, 2), "x", kind="sacked")  # type: ignore[arg-type]
    assert caught.value.field == "kind"
    with pytest.raises(AgreementError) as zero:
        agreement(notice_period=Length())
    assert (zero.value.rule, zero.value.field) == ("D5", "notice_period")


def test_originals_are_never_changed() -> None:
    a = agreement()
    before = repr(a)
    a.terminate(D(2024, 12, 31), D(2024, 6, 1), "x")
    a.notice_deadline()
    assert repr(a) == before
    assert a.termination is None


def test_notice_deadline() -> None:
    a = agreement()
    found = a.notice_deadline()
    assert found is not None
    assert found.last_day == D(2024, 9, 30)
    extended = a.extend(Extension(D(2024, 6, 1), "Socialnämnden", years=1))
    later = extended.notice_deadline()
    assert later is not None
    assert later.last_day == D(2025, 9, 30)
    assert agreement(notice_period=None).notice_deadline() is None
    assert a.terminate(D(2024, 12, 31), D(2024, 6, 1), "x").notice_deadline() is None
    # Ending 2025-06-29, the latest notice day is Saturday 29 March: back to Friday 28 March.
    # (Ending 2025-06-30 it would be Monday 31 March: June has no 31st, so D1 gives 30 June.)
    spring = Agreement(
        "b", CITY, CLUB, Term(D(2024, 7, 1), D(2025, 6, 29)), notice_period=Length(months=3)
    )
    found = spring.notice_deadline()
    assert found is not None
    assert (found.end_day, found.last_day) == (D(2025, 3, 29), D(2025, 3, 28))
    assert spring.notice_deadline(roll=None).last_day == D(2025, 3, 29)  # type: ignore[union-attr]


@given(
    st.integers(0, 365),
    st.sampled_from(
        [Length(months=1), Length(months=3), Length(days=30), Length(years=1, months=2)]
    ),
)
def test_D5_property_notice_by_the_deadline_is_accepted_a_day_later_is_not_enough(
    shift: int, period: Length
) -> None:
    term = Term(D(2024, 1, 1), D(2026, 12, 31).subtract(days=shift))
    a = Agreement("a", CITY, CLUB, term, notice_period=period)
    found = a.notice_deadline(roll=None)
    assert found is not None
    last = found.last_day
    parts = {"years": period.years, "months": period.months, "days": period.days}
    assert end_day(last, **parts) <= a.end
    if last >= a.start:
        ended = a.terminate(a.end, last, "Uppsägning")
        assert ended.end == a.end
    late = last.add(days=1)
    if late <= a.end:
        with pytest.raises(DeadlineError):
            a.terminate(a.end, late, "Uppsägning")
    rolled = a.notice_deadline()
    assert rolled is not None
    assert rolled.last_day <= last
    assert is_working_day(rolled.last_day)


# --- T9 and the extension roll -----------------------------------------------------------------


def test_T9_extension_deadline_is_not_rolled_by_default_but_can_be() -> None:
    # The term ends on Saturday 2024-08-31; the committee decides on Monday 2024-09-02.
    term = Term(D(2023, 9, 1), D(2024, 8, 31))
    monday = Extension(D(2024, 9, 2), "Socialnämnden", years=1)
    plain = Agreement("a", CITY, CLUB, term)
    assert plain.extension_deadline() == D(2024, 8, 31)
    with pytest.raises(LateExtensionError, match="T9"):
        plain.extend(monday)
    rolled = Agreement("a", CITY, CLUB, term, extension_roll="next_weekday")
    assert rolled.extension_deadline() == D(2024, 9, 2)
    assert rolled.extend(monday).end == D(2025, 8, 31)
    with pytest.raises(LateExtensionError, match="last day to decide: 2024-09-02"):
        rolled.extend(Extension(D(2024, 9, 3), "Socialnämnden", years=1))
    with pytest.raises(AgreementError) as caught:
        Agreement("a", CITY, CLUB, term, extension_roll="previous_weekday")
    assert caught.value.field == "extension_roll"
