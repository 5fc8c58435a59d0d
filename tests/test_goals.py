"""Duration goals and their assessment: rules G1–G8."""

from __future__ import annotations

import datetime
import json
import re

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from iop_model import (
    Agreement,
    Assessment,
    DateError,
    Extension,
    GoalError,
    GoalStatus,
    IdeaBasedParty,
    IOPError,
    Length,
    MinimumDuration,
    Partnership,
    PublicParty,
    Term,
)
from iop_model.cases import molndal
from iop_model.testing import agreements, dates, lengths, partnerships
from support import dates_and_numbers

D = pendulum.date
GOAL = MinimumDuration(years=3)
CITY = PublicParty("Mölndals stad")
ASSOCIATION = IdeaBasedParty("Konstkollektivet")
OPEN, SECURED, ACHIEVED, MISSED = (
    GoalStatus.OPEN,
    GoalStatus.SECURED,
    GoalStatus.ACHIEVED,
    GoalStatus.MISSED,
)


def status(
    subject: Agreement | Partnership, day: pendulum.Date, goal: MinimumDuration = GOAL
) -> GoalStatus:
    return goal.assess(subject, day).status


# --- the Mölndal expectations of the issue ---------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2019, 6, 30), OPEN),
        (D(2019, 12, 18), OPEN),
        (D(2019, 12, 19), SECURED),
        (D(2021, 6, 30), SECURED),
        (D(2021, 12, 30), SECURED),
        (D(2021, 12, 31), ACHIEVED),
        (D(2022, 1, 1), ACHIEVED),
    ],
)
def test_molndal_extended_agreement(day: pendulum.Date, expected: GoalStatus) -> None:
    assert status(molndal.extended_agreement(), day) is expected


def test_molndal_without_the_extension_is_missed_once_2019_has_run() -> None:
    first = molndal.first_agreement()
    assert status(first, D(2019, 12, 30)) is OPEN
    assert status(first, D(2019, 12, 31)) is MISSED  # G1: as of the end of the last day
    assessment = GOAL.assess(first, D(2020, 1, 1))
    assert assessment.status is MISSED
    assert assessment.shortfall == Length(years=2)
    assert assessment["shortfall_days"] == 731
    assert "G6" in assessment.rules


def test_molndal_terminated_is_missed_from_the_termination_decision_on() -> None:
    terminated = molndal.extended_agreement().terminate(
        D(2020, 6, 30), D(2020, 5, 15), "Uppsägning"
    )
    assert status(terminated, D(2020, 5, 14)) is SECURED
    assert status(terminated, D(2020, 5, 15)) is MISSED
    assert status(terminated, D(2022, 1, 1)) is MISSED
    assessment = GOAL.assess(terminated, D(2020, 5, 15))
    assert "T12" in assessment.rules
    assert assessment["counted_period"] == Term(D(2019, 1, 1), D(2020, 6, 30))


def test_molndal_figures() -> None:
    assessment = GOAL.assess(molndal.extended_agreement(), D(2019, 12, 19))
    assert assessment["threshold"] == D(2021, 12, 31)
    assert assessment.required == GOAL.length
    assert assessment["agreed_days"] == 1096
    assert assessment["covered_days"] == 353
    assert assessment.rules == ("G1", "T13", "T15", "G2", "T8", "G3", "T4", "T7", "G9", "G5")


def test_molndal_partnership() -> None:
    p = molndal.partnership()
    assert status(p, D(2019, 6, 30)) is OPEN
    assert status(p, D(2019, 12, 19)) is SECURED
    assert status(p, D(2022, 1, 1)) is ACHIEVED
    six = MinimumDuration(years=6)
    assert status(p, D(2021, 10, 30), six) is OPEN  # follow-on not yet decided (assumed 2021-10-31)
    assert status(p, D(2021, 10, 31), six) is SECURED
    assert status(p, D(2024, 12, 31), six) is ACHIEVED
    assert "T14" in six.assess(p, D(2024, 12, 31)).rules


# --- G1 ----------------------------------------------------------------------------------------------


def test_G1_nothing_decided_yet_is_open() -> None:
    agreement = Agreement("a", CITY, ASSOCIATION, Term.year(2019), decided_on=D(2018, 12, 1))
    assessment = GOAL.assess(agreement, D(2018, 11, 30))
    assert assessment.status is OPEN
    assert assessment.rules == ("G1", "T13", "G7")
    assert "Nothing had been decided by 2018-11-30" in assessment.explain("en")
    assert status(Partnership([agreement]), D(2018, 11, 30)) is OPEN


def test_G1_as_of_must_be_a_calendar_day() -> None:
    with pytest.raises(DateError, match="T1") as info:
        GOAL.assess(molndal.extended_agreement(), datetime.date(2020, 1, 1))  # type: ignore[arg-type]
    assert info.value.field == "as_of"


# --- G2 ----------------------------------------------------------------------------------------------


def test_G2_a_gap_ends_the_counted_period() -> None:
    p = Partnership(
        [
            Agreement("a", CITY, ASSOCIATION, Term.year(2019)),
            Agreement(
                "b",
                CITY,
                ASSOCIATION,
                Term(D(2020, 2, 1), D(2023, 12, 31)),
                follows="a",
                decided_on=D(2019, 6, 1),
            ),
        ]
    )
    assert status(p, D(2019, 6, 30)) is MISSED  # b is known; the gap closes the counted period
    assessment = GOAL.assess(p, D(2019, 6, 30))
    assert assessment["counted_period"] == Term.year(2019)


def test_T15_an_undated_follow_on_is_known_only_from_its_start() -> None:
    """Issue 11, finding 3: an undated follow-on made the goal SECURED on 2019-06-30."""
    undated = Agreement("b", CITY, ASSOCIATION, Term(D(2020, 1, 1), D(2023, 12, 31)), follows="a")
    p = Partnership([Agreement("a", CITY, ASSOCIATION, Term.year(2019)), undated])
    early = GOAL.assess(p, D(2019, 6, 30))
    assert early.status is OPEN
    assert early["counted_period"] == Term.year(2019)
    on_start = GOAL.assess(p, D(2020, 1, 1))
    assert on_start.status is SECURED  # known from its first day, and never late (T15)
    assert "T15" in on_start.rules
    assert "(T15)" in on_start.explain("en")
    assert not p.known_on(D(2018, 12, 31))


def test_G2_a_follow_on_decided_after_the_end_does_not_continue_the_period() -> None:
    late = Agreement(
        "b",
        CITY,
        ASSOCIATION,
        Term(D(2020, 1, 1), D(2022, 12, 31)),
        decided_on=D(2020, 1, 15),
        follows="a",
    )
    p = Partnership([Agreement("a", CITY, ASSOCIATION, Term.year(2019)), late])
    assert status(p, D(2020, 1, 10)) is MISSED
    assert status(p, D(2020, 1, 15)) is MISSED  # still missed: status never moves back
    in_total = MinimumDuration(years=3, contiguous=False)
    assert status(p, D(2020, 1, 10), in_total) is OPEN
    assert status(p, D(2020, 1, 15), in_total) is SECURED


def test_G2_in_total_counts_every_day_across_gaps() -> None:
    p = Partnership(
        [
            Agreement("a", CITY, ASSOCIATION, Term.year(2019)),
            Agreement("b", CITY, ASSOCIATION, Term(D(2021, 1, 1), D(2022, 12, 31)), follows="a"),
        ]
    )
    goal = MinimumDuration(years=3, contiguous=False)
    assessment = goal.assess(p, D(2023, 1, 1))
    assert assessment["required_days"] == 1096  # 2019-01-01 + 3 years, by T4
    assert assessment["agreed_days"] == 365 + 730
    assert assessment.status is OPEN  # one day short; a new agreement could still make it up
    assert assessment["shortfall_days"] == 1
    assert "Time still needed: 1 day (G8)" in assessment.explain("en")


# --- G3–G8 -----------------------------------------------------------------------------------------


def test_G3_threshold_uses_the_month_end_policy() -> None:
    agreement = Agreement("leap", CITY, ASSOCIATION, Term.starting(D(2020, 2, 29), years=3))
    assessment = MinimumDuration(years=3).assess(agreement, D(2023, 2, 28))
    assert assessment["threshold"] == D(2023, 2, 28)
    assert assessment.status is ACHIEVED


def test_G4_achieved_on_the_threshold_day_itself() -> None:
    agreement = Agreement("a", CITY, ASSOCIATION, Term.starting(D(2019, 3, 15), years=3))
    assessment = GOAL.assess(agreement, D(2022, 3, 14))
    assert assessment.status is ACHIEVED
    assert assessment["threshold"] == D(2022, 3, 14)
    assert assessment.rules[-1] == "G4"
    assert GOAL.assess(agreement, D(2022, 3, 13)).status is SECURED


def test_G5_secured_as_soon_as_the_term_covers_the_threshold() -> None:
    agreement = Agreement(
        "a", CITY, ASSOCIATION, Term.starting(D(2019, 3, 15), years=3), decided_on=D(2018, 12, 1)
    )
    assessment = GOAL.assess(agreement, D(2019, 1, 1))  # before the start
    assert assessment.status is SECURED
    assert assessment.rules[-1] == "G5"
    assert assessment["covered_days"] == 0


def test_G6_maximum_extent_before_the_threshold_is_missed_at_once() -> None:
    capped = Agreement("capped", CITY, ASSOCIATION, Term.year(2019), max_extent=D(2020, 12, 31))
    assessment = GOAL.assess(capped, D(2019, 1, 1))
    assert assessment.status is MISSED
    assert "T11" in assessment.rules
    assert "maximum extent 2020-12-31" in assessment.explain("en")


def test_G7_a_terminated_partnership_can_still_be_followed_on() -> None:
    first = Agreement("a", CITY, ASSOCIATION, Term.starting(D(2019, 1, 1), years=2))
    ended = first.terminate(D(2019, 12, 31), D(2019, 6, 1), "Uppsägning")
    assert status(ended, D(2019, 6, 1)) is MISSED
    assert status(Partnership([ended]), D(2019, 6, 1)) is OPEN


def test_G8_shortfall_is_the_extension_that_would_secure_the_goal() -> None:
    assessment = GOAL.assess(molndal.first_agreement(), D(2019, 6, 30))
    shortfall = assessment.shortfall
    assert shortfall == Length(years=2)
    secured = molndal.first_agreement().extend(Extension(D(2019, 7, 1), "Nämnden", years=2))
    assert status(secured, D(2019, 7, 1)) is SECURED


def test_goal_refuses_bad_input() -> None:
    with pytest.raises(GoalError, match="T4"):
        MinimumDuration()
    with pytest.raises(GoalError, match="T4"):
        MinimumDuration(years=-3)
    with pytest.raises(GoalError):
        MinimumDuration(years=3, contiguous="yes")  # type: ignore[arg-type]
    with pytest.raises(GoalError) as info:
        GOAL.assess(Term.year(2019), D(2019, 1, 1))  # type: ignore[arg-type]
    assert info.value.field == "subject"
    with pytest.raises(IOPError):
        GOAL.assess(molndal.first_agreement(), D(2019, 1, 1)).explain("de")  # type: ignore[arg-type]
    with pytest.raises(GoalError, match="no figure"):
        GOAL.assess(molndal.first_agreement(), D(2019, 1, 1))["nonsense"]


def test_custom_description() -> None:
    goal = MinimumDuration(years=3, description="ett långsiktigt samarbete på minst tre år")
    assert (
        "ett långsiktigt samarbete på minst tre år"
        in goal.assess(molndal.first_agreement(), D(2019, 1, 1)).explain()
    )


# --- properties --------------------------------------------------------------------------------------

ALLOWED = {
    OPEN: {OPEN, SECURED, ACHIEVED, MISSED},
    SECURED: {SECURED, ACHIEVED},
    ACHIEVED: {ACHIEVED},
    MISSED: {MISSED},
}

goals = st.builds(
    lambda length, contiguous: MinimumDuration(
        length.years, length.months, length.days, contiguous=contiguous
    ),
    lengths(max_years=4),
    st.booleans(),
)


def _days(start: pendulum.Date, end: pendulum.Date, count: int) -> list[pendulum.Date]:
    step = max(1, (end.toordinal() - start.toordinal()) // count)
    return [
        pendulum.Date.fromordinal(o)
        for o in range(start.toordinal() - 30, end.toordinal() + 400, step)
    ]


@given(agreements(terminated=False), goals)
def test_status_only_moves_forward_in_time_for_an_agreement(
    agreement: Agreement, goal: MinimumDuration
) -> None:
    previous = None
    for day in _days(agreement.start, agreement.end, 40):
        current = goal.assess(agreement, day).status
        if previous is not None:
            assert current in ALLOWED[previous], (day, previous, current)
        previous = current


@given(partnerships(terminated=False), goals)
def test_status_only_moves_forward_in_time_for_a_partnership(
    p: Partnership, goal: MinimumDuration
) -> None:
    previous = None
    for day in _days(p.start, p.end, 40):
        current = goal.assess(p, day).status
        if previous is not None:
            assert current in ALLOWED[previous], (day, previous, current)
        previous = current


@given(agreements(terminated=False), goals, dates(), st.integers(1, 30))
def test_adding_an_extension_never_makes_a_status_worse(
    agreement: Agreement, goal: MinimumDuration, day: pendulum.Date, months: int
) -> None:
    extended = agreement.extend(Extension(agreement.end, "Nämnden", months=months))
    assert goal.assess(extended, day).status.rank >= goal.assess(agreement, day).status.rank


def _assessments() -> st.SearchStrategy[Assessment]:
    subjects = st.one_of(agreements(), partnerships())
    return st.builds(lambda s, g, d: g.assess(s, d), subjects, goals, dates())


@given(_assessments())
def test_explanation_names_exactly_the_rules_applied(assessment: Assessment) -> None:
    for lang in ("sv", "en"):
        named = set(re.findall(r"\b[TGAP]\d+\b", assessment.explain(lang)))  # type: ignore[arg-type]
        assert named == set(assessment.rules), lang


@given(_assessments())
def test_swedish_and_english_texts_carry_the_same_dates_and_numbers(assessment: Assessment) -> None:
    assert dates_and_numbers(assessment.explain("sv")) == dates_and_numbers(
        assessment.explain("en")
    )


@given(_assessments())
def test_status_agrees_with_its_figures(assessment: Assessment) -> None:
    f = assessment.figures
    threshold = f["threshold"]
    if assessment.status is ACHIEVED:
        assert isinstance(threshold, pendulum.Date)
        assert threshold <= assessment.as_of
    if assessment.status is SECURED:
        assert isinstance(threshold, pendulum.Date)
        assert threshold > assessment.as_of
    if assessment.status in (ACHIEVED, SECURED):
        assert f["shortfall_days"] == 0
        assert f["agreed_days"] >= f.get("required_days", 0)  # type: ignore[operator]
    period = f["counted_period"]
    if assessment.status in (OPEN, MISSED) and isinstance(period, Term):
        shortfall = f["shortfall"]
        assert isinstance(shortfall, Length)
        # G8: the shortfall, as an extension, ends exactly on the threshold day
        rounding = (
            getattr(assessment.subject, "rounding", None) or assessment.subject.first.rounding
        )  # type: ignore[attr-defined]
        added = Term.starting(
            period.next_start, shortfall.years, shortfall.months, shortfall.days, rounding
        )  # type: ignore[union-attr]
        assert added.end == threshold
    assert f["covered_days"] <= f["agreed_days"]  # type: ignore[operator]


@given(_assessments())
def test_to_dict_is_plain_json(assessment: Assessment) -> None:
    data = assessment.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["status"] == assessment.status.value
    assert data["rules"] == list(assessment.rules)


@given(partnerships(), goals, dates())
def test_contiguous_and_in_total_agree_when_a_contiguous_goal_is_secured(
    p: Partnership, goal: MinimumDuration, day: pendulum.Date
) -> None:
    contiguous = attrs.evolve(goal, contiguous=True).assess(p, day)
    if contiguous.status in (SECURED, ACHIEVED):
        in_total = attrs.evolve(goal, contiguous=False).assess(p, day)
        assert in_total.status is contiguous.status
        assert in_total["threshold"] == contiguous["threshold"]


# --- issue 12: pinned where mutation testing found the suite silent ---------------------------------


def test_G4_G5_in_total_on_the_threshold_day_and_the_day_before() -> None:
    """Counting in total: ACHIEVED from the threshold day itself (G4), SECURED before (G5)."""
    p = Partnership(
        [
            Agreement("a", CITY, ASSOCIATION, Term.year(2019)),
            Agreement("b", CITY, ASSOCIATION, Term(D(2021, 1, 1), D(2023, 12, 31)), follows="a"),
        ]
    )
    goal = MinimumDuration(years=3, contiguous=False)
    # 1,096 days: 365 in 2019, 730 in 2021-2022, the last one on 2023-01-01
    on_the_day = goal.assess(p, D(2023, 1, 1))
    assert on_the_day["threshold"] == D(2023, 1, 1)
    assert on_the_day.status is ACHIEVED
    assert "G4" in on_the_day.rules
    assert "G5" not in on_the_day.rules
    day_before = goal.assess(p, D(2022, 12, 31))
    assert day_before.status is SECURED
    assert "G5" in day_before.rules
    assert "G4" not in day_before.rules
    assert "(G5)" in day_before.explain("en")


def test_G4_G5_contiguous_on_the_day_before_the_threshold() -> None:
    agreement = Agreement("a", CITY, ASSOCIATION, Term.starting(D(2019, 3, 15), years=3))
    before = GOAL.assess(agreement, D(2022, 3, 13))
    assert before.status is SECURED
    assert before.rules[-1] == "G5"
    assert GOAL.assess(agreement, D(2022, 3, 14)).rules[-1] == "G4"


@given(partnerships(), goals, dates())
def test_G4_G5_in_total_status_follows_the_threshold(
    p: Partnership, goal: MinimumDuration, day: pendulum.Date
) -> None:
    assessment = attrs.evolve(goal, contiguous=False).assess(p, day)
    threshold = assessment["threshold"]
    if threshold is None:
        assert assessment.status in (OPEN, MISSED)
        assert "G4" not in assessment.rules
        assert "G5" not in assessment.rules
    elif threshold <= day:
        assert assessment.status is ACHIEVED
        assert "G4" in assessment.rules
    else:
        assert assessment.status is SECURED
        assert "G5" in assessment.rules


# --- Pinned by mutation testing (tools/mutation.sh) ------------------------------------------


def test_figures_repr_and_provenance_of_the_day_of_knowledge() -> None:
    from iop_model import Agreement, IdeaBasedParty, PublicParty

    agreement = Agreement(
        "a",
        PublicParty("K"),
        IdeaBasedParty("F"),
        Term.year(2019),
        decided_on=pendulum.date(2018, 12, 1),
    )
    assessment = MinimumDuration(years=3).assess(
        agreement, pendulum.date(2019, 6, 30), pendulum.date(2019, 1, 31)
    )
    assert repr(assessment.figures).startswith("Figures({'required': ")
    provenance = assessment.to_dict()["provenance"]
    assert isinstance(provenance, dict)
    assert (provenance["as_of"], provenance["known_on"]) == ("2019-06-30", "2019-01-31")


def test_describe_a_subject_without_a_name() -> None:
    from iop_model.goals import _describe

    assert _describe(object(), pendulum.date(2019, 1, 1)) == {
        "kind": "object",
        "name": None,
        "agreement": None,
    }


def test_G2_in_total_counts_a_span_from_its_first_day_and_uses_the_rounding() -> None:
    from iop_model import Agreement, IdeaBasedParty, Partnership, PublicParty, Rounding

    city, club = PublicParty("K"), IdeaBasedParty("F")
    first = Agreement("a", city, club, Term.year(2019), decided_on=pendulum.date(2018, 12, 1))
    later = Agreement(
        "b", city, club, Term.year(2021), decided_on=pendulum.date(2020, 12, 1), follows="a"
    )
    goal = MinimumDuration(years=3, contiguous=False)
    assessment = goal.assess(Partnership([first, later]), pendulum.date(2021, 1, 1))
    assert assessment["covered_days"] == 366
    down = [
        Agreement(
            "a",
            city,
            club,
            Term(pendulum.date(2019, 1, 31), pendulum.date(2019, 12, 31)),
            decided_on=pendulum.date(2018, 12, 1),
            rounding=Rounding.DOWN,
        ),
        Agreement(
            "b",
            city,
            club,
            Term.year(2021),
            decided_on=pendulum.date(2020, 12, 1),
            follows="a",
            rounding=Rounding.DOWN,
        ),
    ]
    one_month = MinimumDuration(months=1, contiguous=False).assess(
        Partnership(down), pendulum.date(2021, 12, 31)
    )
    assert one_month["required_days"] == 28  # 2019-01-31 + 1 month, DOWN: 2019-02-27


def test_G2_G8_lengths_use_the_agreements_rounding() -> None:
    from iop_model import Agreement, IdeaBasedParty, Length, PublicParty, Rounding

    def down(start: pendulum.Date, end: pendulum.Date) -> Agreement:
        return Agreement(
            "a",
            PublicParty("K"),
            IdeaBasedParty("F"),
            Term(start, end),
            decided_on=pendulum.date(2018, 12, 1),
            rounding=Rounding.DOWN,
        )

    # 2019-01-31 + 1 month ends 2019-02-27 when rounding DOWN (2019-02-28 when UP)
    month_end = MinimumDuration(months=2).assess(
        down(pendulum.date(2019, 1, 31), pendulum.date(2019, 2, 27)), pendulum.date(2019, 2, 27)
    )
    assert (month_end["agreed"], month_end["covered"]) == (Length(months=1), Length(months=1))
    # shortfall 2019-01-31..2019-02-28: 1 month 1 day when DOWN (1 month when UP)
    open_goal = MinimumDuration(months=2).assess(
        down(pendulum.date(2019, 1, 1), pendulum.date(2019, 1, 30)), pendulum.date(2019, 1, 15)
    )
    assert open_goal["shortfall"] == Length(months=1, days=1)


def test_figures_refuse_an_unknown_name_after_computing() -> None:
    assessment = MinimumDuration(years=3).assess(molndal.partnership(), pendulum.date(2020, 6, 30))
    assert dict(assessment.figures)  # computes the lazy figures
    for _ in range(2):
        with pytest.raises(GoalError):
            assessment["nothing"]
