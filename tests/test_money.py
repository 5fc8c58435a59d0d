"""Contributions (M1-M5), advisory flags (F1-F6), criteria evidence and general activities."""

from __future__ import annotations

import pathlib
from decimal import Decimal
from fractions import Fraction

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iop_model import (
    ActivityTarget,
    Agreement,
    AgreementError,
    Contribution,
    CustomIndicator,
    Evidence,
    GeneralActivity,
    IdeaBasedParty,
    IndicatorReport,
    MoneyError,
    Partnership,
    PublicParty,
    Record,
    Term,
    flags,
    load,
)
from iop_model.advisory.criteria import CRITERIA, checklist
from iop_model.advisory.flags import DE_MINIMIS, SGEI_DE_MINIMIS
from iop_model.case import Case, CaseGoal
from iop_model.errors import CaseError, GoalError
from iop_model.money import figures, share_in
from iop_model.outputs.text import render_text
from iop_model.queries.report import build
from iop_model.terms.term import agreement_years
from iop_model.testing import dates

D = pendulum.date
ROOT = pathlib.Path(__file__).parent.parent
SHELTER = ROOT / "examples" / "exempelby-kvinnojour.toml"
CITY, CLUB = PublicParty("Exempelby kommun"), IdeaBasedParty("Jouren")


def agreement(*contributions: Contribution, **kwargs: object) -> Agreement:
    return Agreement(
        "a",
        CITY,
        CLUB,
        Term(D(2023, 7, 1), D(2026, 6, 30)),
        decided_on=D(2023, 5, 1),
        contributions=contributions,
        **kwargs,  # type: ignore[arg-type]
    )


# --- M1 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "field"),
    [
        (1.5, "amount"),  # never a float
        (-1, "amount"),
        (2**53, "amount"),
        ("12,5", "amount"),
        ("1.005", "amount"),  # at most two decimals (öre)
        (True, "amount"),
        (Decimal("NaN"), "amount"),
    ],
)
def test_M1_amounts_are_exact_and_bounded(amount: object, field: str) -> None:
    with pytest.raises(MoneyError) as caught:
        Contribution("public", "money", amount, Term.year(2024))  # type: ignore[arg-type]
    assert (caught.value.rule, caught.value.field) == ("M1", field)


def test_M1_kinds_parties_and_currencies() -> None:
    assert Contribution("public", "money", "1200000.50", Term.year(2024)).amount == Decimal(
        "1200000.50"
    )
    with pytest.raises(MoneyError, match="M1"):
        Contribution("city", "money", 1, Term.year(2024))
    with pytest.raises(MoneyError, match="ISO 4217"):
        Contribution("public", "money", 1, Term.year(2024), currency="kr")
    with pytest.raises(MoneyError, match="hours carry no currency"):
        Contribution("partner", "volunteer_hours", 10, Term.year(2024), currency="EUR")
    assert Contribution("partner", "volunteer_hours", 10, Term.year(2024)).unit == "hours"


def test_M2_a_contribution_lies_within_the_agreement() -> None:
    with pytest.raises(MoneyError) as caught:
        agreement(Contribution("public", "money", 1, Term.year(2027)))
    assert (caught.value.rule, caught.value.field) == ("M2", "contributions[0].period")


def test_M3_a_contribution_decided_later_is_not_known_before() -> None:
    later = Contribution("public", "money", 100, Term.year(2024), decided_on=D(2024, 3, 1))
    assert figures([later], Term.year(2024), known_on=D(2024, 2, 29)).contributions == 0
    assert figures([later], Term.year(2024), known_on=D(2024, 3, 1)).total("public", "money") == 100
    undated = Contribution("public", "money", 100, Term.year(2024))
    assert undated.known_from == D(2024, 1, 1)


def test_M4_a_yearly_grant_splits_over_calendar_years_by_days() -> None:
    """M4: by days, exactly."""
    grant = Contribution("public", "money", 1_460_000, Term(D(2023, 7, 1), D(2024, 6, 30)))
    first = figures([grant], Term.year(2023)).total("public", "money")
    second = figures([grant], Term.year(2024)).total("public", "money")
    assert first == Fraction(1_460_000 * 184, 366)
    assert first + second == 1_460_000


def test_M5_own_contribution_needs_an_hour_rate_for_hours() -> None:
    money = Contribution("public", "money", 900_000, Term.year(2024))
    hours = Contribution("partner", "volunteer_hours", 1_000, Term.year(2024))
    without = figures([money, hours], Term.year(2024))
    assert without.own_share == 0  # hours are not valued without a rate
    assert without.total("partner", "volunteer_hours") == 1_000
    rated = figures([money, hours], Term.year(2024), hour_rate=300)
    assert rated.own_value == 300_000
    assert rated.own_share == Fraction(1, 4)
    with pytest.raises(MoneyError, match="M5"):
        figures([money], Term.year(2024), hour_rate=2.5)  # type: ignore[arg-type]
    assert rated.to_dict()["own_share"] == "1/4"


amounts = st.integers(0, 10**9)
days_in = st.integers(0, 2000)


@settings(max_examples=60, deadline=None)
@given(dates(2000, 2030), days_in, amounts, st.lists(st.integers(1, 400), min_size=1, max_size=6))
def test_M4_property_totals_add_up_across_any_split(
    start: pendulum.Date, days: int, amount: int, cuts: list[int]
) -> None:
    period = Term(start, start.add(days=days))
    contribution = Contribution("public", "money", amount, period)
    pieces = []
    current = start
    for cut in cuts:
        if current > period.end:
            break
        end = min(current.add(days=cut - 1), period.end)
        pieces.append(Term(current, end))
        current = end.add(days=1)
    if current <= period.end:
        pieces.append(Term(current, period.end))
    assert sum(share_in(contribution, piece) for piece in pieces) == amount


@settings(max_examples=60, deadline=None)
@given(dates(2000, 2030), st.integers(0, 2000), st.integers(0, 10**6))
def test_agreement_year_figures_sum_to_the_whole(
    start: pendulum.Date, days: int, calls: int
) -> None:
    span = Term(start, start.add(days=days))
    years = agreement_years(start, span)
    assert sum(y.days for y in years) == span.days
    activity = GeneralActivity(
        "x",
        "Jouren",
        indicators=[CustomIndicator("calls", "samtal", "calls", "calls")],
        records=[Record(span.start, {"calls": calls}), Record(span.end, {"calls": 1}, label="b")],
    )
    whole = activity.figures(span).extra["calls"]
    assert sum(activity.figures(y).extra["calls"] for y in years) == whole


# --- flags -------------------------------------------------------------------------------------


def test_dated_parameters_use_the_value_in_force_on_the_day() -> None:
    assert DE_MINIMIS.on(D(2023, 12, 31)).value == 200_000  # type: ignore[union-attr]
    assert DE_MINIMIS.on(D(2024, 1, 1)).value == 300_000  # type: ignore[union-attr]
    assert DE_MINIMIS.on(D(2013, 12, 31)) is None
    assert SGEI_DE_MINIMIS.on(D(2024, 1, 1)).value == 750_000  # type: ignore[union-attr]
    assert "2023/2831" in DE_MINIMIS.on(D(2025, 1, 1)).source  # type: ignore[union-attr]


def test_F2_uses_the_ceiling_in_force_on_the_decision_day() -> None:
    """F2 and F3 use the ceiling in force on each decision day (dated parameters)."""
    # EUR 250,000 in one decision: above 200,000 (2023) but not 300,000 (2024)
    in_2023 = agreement(
        Contribution(
            "public", "money", 250_000, Term.year(2024), currency="EUR", decided_on=D(2023, 12, 1)
        )
    )
    in_2024 = agreement(
        Contribution(
            "public", "money", 250_000, Term.year(2024), currency="EUR", decided_on=D(2024, 1, 2)
        )
    )
    assert "F2" in [f.id for f in flags(in_2023, D(2024, 6, 1)) if f.raised]
    assert "F2" not in [f.id for f in flags(in_2024, D(2024, 6, 1)) if f.raised]
    # F3: EUR 600,000 is above the SGEI ceiling of 2023 (500,000) but not of 2024 (750,000)
    big_2023 = agreement(
        Contribution(
            "public", "money", 600_000, Term.year(2024), currency="EUR", decided_on=D(2023, 12, 1)
        )
    )
    big_2024 = agreement(
        Contribution(
            "public", "money", 600_000, Term.year(2024), currency="EUR", decided_on=D(2024, 1, 2)
        )
    )
    assert "F3" in [f.id for f in flags(big_2023, D(2024, 6, 1)) if f.raised]
    assert "F3" not in [f.id for f in flags(big_2024, D(2024, 6, 1)) if f.raised]


def test_F2_without_a_rate_says_so_and_a_later_decision_is_not_known() -> None:
    a = agreement(
        Contribution("public", "money", 5_000_000, Term.year(2024), decided_on=D(2023, 12, 1))
    )
    unknown = [f for f in flags(a, D(2024, 6, 1)) if f.id == "F2"]
    assert unknown[0].raised is None
    assert "Ingen växelkurs angiven" in unknown[0].explain("sv")
    assert [f.id for f in flags(a, D(2023, 11, 30), eur_rate=11) if f.id == "F2"] == []


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(0, 3_000_000), min_size=1, max_size=5), st.integers(0, 3_000_000))
def test_F2_property_more_money_never_removes_the_flag(amounts: list[int], more: int) -> None:
    contributions = [
        Contribution("public", "money", amount, Term.year(2024), decided_on=D(2024, 1, 1 + i))
        for i, amount in enumerate(amounts)
    ]
    before = {
        f.id for f in flags(agreement(*contributions), D(2024, 6, 1), eur_rate=11) if f.raised
    }
    extra = Contribution("public", "money", more, Term.year(2025), decided_on=D(2024, 2, 1))
    after = {
        f.id
        for f in flags(agreement(*contributions, extra), D(2024, 6, 1), eur_rate=11)
        if f.raised
    }
    assert before <= after


def test_F1_F4_F5_F6() -> None:
    bare = agreement()
    raised = {f.id for f in flags(bare, D(2024, 1, 1))}
    assert raised == {"F1", "F5"}  # no maximum extent, no own contribution
    long = Agreement(
        "l",
        CITY,
        CLUB,
        Term(D(2020, 1, 1), D(2022, 12, 31)),
        decided_on=D(2019, 1, 1),
        max_extent=D(2030, 1, 1),
    )
    f4 = [f for f in flags(long, D(2021, 1, 1)) if f.id == "F4"]
    assert f4
    assert "2012/21/EU" in f4[0].explain("en")
    assert "rättslig bedömning" in f4[0].explain("sv")
    paid = agreement(Contribution("public", "money", 1, Term.year(2024)), max_extent=D(2026, 6, 30))
    assert "F6" in {f.id for f in flags(paid, D(2024, 1, 1))}
    assert flags(paid, D(2023, 1, 1)) == []  # nothing decided yet (T13)


# --- criteria evidence -------------------------------------------------------------------------


def test_criteria_evidence_is_a_checklist_without_verdict() -> None:
    assert len(CRITERIA) == 13
    assert [c.group for c in CRITERIA].count("principle") == 6
    given_ = (Evidence("initiative", "Föreningen tog initiativet."),)
    listed = checklist(given_)
    assert [c.key for c in listed if c.evidence] == ["initiative"]
    with pytest.raises(AgreementError, match="did you mean 'initiative'"):
        Evidence("initiativ", "x")
    with pytest.raises(AgreementError, match="once"):
        agreement(evidence=[Evidence("initiative", "a"), Evidence("initiative", "b")])


# --- general activities and targets on any indicator -------------------------------------------


def test_general_activity_counts_exactly_and_refuses_unknown_keys() -> None:
    calls = CustomIndicator("support_calls", "stödsamtal", "support calls", "calls")
    with pytest.raises(Exception, match="no indicator with this key"):
        GeneralActivity("a", "J", indicators=[calls], records=[Record(D(2024, 1, 1), {"calls": 1})])
    with pytest.raises(Exception, match="A1"):
        GeneralActivity(
            "a", "J", indicators=[calls], records=[Record(D(2024, 1, 1), {"support_calls": -1})]
        )
    with pytest.raises(Exception, match="A3"):
        GeneralActivity(
            "a",
            "J",
            indicators=[calls],
            records=[Record(D(2024, 1, 5), {"support_calls": 1})],
            reports=[IndicatorReport(Term.month(2024, 1), {"support_calls": 3})],
        )


def test_targets_on_a_custom_indicator_and_a_misspelt_one() -> None:
    shelter = load(SHELTER)
    assessments = shelter.assess(D(2025, 10, 15))
    assert [a.status.name for a in assessments] == ["SECURED", "MET", "PARTIALLY_MET"]
    assert "minst 1\u00a0200 stödsamtal" in assessments[1].explain("sv")
    target = ActivityTarget("suport_calls", Term.year(2024), target=1)
    with pytest.raises(CaseError, match="did you mean 'support_calls'"):
        Case(shelter.agreements, shelter.activities, [CaseGoal(shelter.activities[0].name, target)])
    with pytest.raises(GoalError):
        ActivityTarget("Support Calls", Term.year(2024), target=1)


def test_the_shelter_report_shows_money_agreement_years_flags_and_evidence() -> None:
    data = build(load(SHELTER), D(2025, 10, 15), "sv", hour_rate=300, eur_rate=Decimal("11.45"))
    text = render_text(data)
    assert "2024-07-01–2025-06-30: 1\u00a0262 stödsamtal, 1\u00a0188 skyddade nätter" in text
    assert "offentlig part, pengar: 1\u00a0450\u00a0000\u00a0kr" in text
    assert "Egen insats: " in text
    assert "en andel på" in text
    assert "F2: Offentliga insatser beviljade" in text
    assert "✓ båda parter bidrar med resurser" in text
    assert "– dialog: inget underlag angivet" in text
    assert data["contributions"][0]["unit"] == "agreement-year"
    assert next(f["id"] for f in data["flags"] if f["raised"]) == "F2"
    early_data = build(load(SHELTER), D(2024, 6, 1), "sv")
    assert "1\u00a0262" not in render_text(early_data)  # reported later (A10, T13)
    rows = early_data["contributions"][0]["periods"]
    public = [[t for t in row["totals"] if t["by"] == "public"] for row in rows]
    assert [p[0]["amount"] if p else None for p in public] == ["1450000", "1450000", None]
    # the third year's grant was decided 2025-05-20: not known on 2024-06-01 (M3, T13)


def test_A3_general_activity_counts_each_day_once_with_the_path() -> None:
    """The general activity uses the same A3 check as the cultural kinds (one mechanism)."""
    from iop_model import ActivityError

    calls = CustomIndicator("support_calls", "stödsamtal", "support calls", "calls")

    def make(**fields: object) -> GeneralActivity:
        return GeneralActivity("a", "J", indicators=[calls], **fields)  # type: ignore[arg-type]

    day = Record(D(2024, 1, 5), {"support_calls": 1})
    with pytest.raises(
        ActivityError, match=r"A3: records\[0\] and records\[1\] are the same record"
    ):
        make(records=[day, day])
    make(records=[day, Record(D(2024, 1, 5), {"support_calls": 1}, label="kväll")])
    with pytest.raises(ActivityError, match="overlap") as caught:
        make(
            reports=[
                IndicatorReport(Term.month(2024, 1), {"support_calls": 3}),
                IndicatorReport(Term(D(2024, 1, 31), D(2024, 2, 29)), {"support_calls": 3}),
            ]
        )
    assert caught.value.field == "reports[1].period"
    with pytest.raises(ActivityError, match="the record on 2024-01-05 falls in reports") as hit:
        make(records=[day], reports=[IndicatorReport(Term.month(2024, 1), {"support_calls": 3})])
    assert hit.value.field == "records[0].day"


# --- issue 22, finding 12: mutants that survived -------------------------------------------------


def test_M5_the_public_partys_volunteer_hours_are_valued_too() -> None:
    found = figures(
        [
            Contribution("public", "volunteer_hours", 10, Term.year(2024)),
            Contribution("partner", "money", 1000, Term.year(2024)),
        ],
        Term.year(2024),
        hour_rate=100,
    )
    assert found.public_value == 1000
    assert found.own_share == Fraction(1, 2)


def test_M1_the_largest_amount_is_accepted_and_one_more_refused() -> None:
    assert Contribution("public", "money", 2**53 - 1, Term.year(2024)).amount == 2**53 - 1
    with pytest.raises(MoneyError) as caught:
        Contribution("public", "money", 2**53, Term.year(2024))
    assert caught.value.rule == "M1"


@pytest.mark.parametrize("rule", ["F2", "F3"])
def test_F2_F3_the_windows_first_day_counts(rule: str) -> None:
    """Two grants exactly three years apart less one day both count: the window of
    2024-06-01 is 2021-06-02..2024-06-01, its first day included."""
    ceiling = 300_000 if rule == "F2" else 750_000
    half = ceiling // 2 + 1  # in EUR at a rate of 1
    first = Agreement(
        "a", CITY, CLUB, Term(D(2021, 6, 2), D(2021, 12, 31)), decided_on=D(2021, 6, 2),
        contributions=[Contribution("public", "money", half, Term(D(2021, 6, 2), D(2021, 12, 31)))],
    )  # fmt: skip
    second = Agreement(
        "b", CITY, CLUB, Term.year(2024), decided_on=D(2024, 6, 1), follows="a",
        contributions=[Contribution("public", "money", half, Term.year(2024))],
    )  # fmt: skip
    raised = {f.id for f in flags(Partnership([first, second]), D(2024, 6, 1), 1) if f.raised}
    assert rule in raised
    later = attrs.evolve(first, term=Term(D(2021, 6, 1), D(2021, 12, 31)), decided_on=D(2021, 6, 1))
    later = attrs.evolve(
        later,
        contributions=[Contribution("public", "money", half, Term(D(2021, 6, 1), D(2021, 12, 31)))],
    )
    raised = {f.id for f in flags(Partnership([later, second]), D(2024, 6, 1), 1) if f.raised}
    assert rule not in raised  # a day before the window: not counted


@pytest.mark.parametrize(
    ("rate", "message"),
    [
        (300.0, "an hour rate is an int or a Decimal in the contributions' currency"),
        (True, "an hour rate is an int or a Decimal in the contributions' currency"),
        ("300", "an hour rate is an int or a Decimal in the contributions' currency"),
        (-1, "an hour rate is at least 0"),
        (Decimal("NaN"), "an hour rate is at least 0"),
        (Decimal("Infinity"), "an hour rate is at least 0"),
    ],
)
def test_M5_an_hour_rate_is_exact_and_not_negative(rate: object, message: str) -> None:
    with pytest.raises(MoneyError) as caught:
        figures([], Term.year(2024), hour_rate=rate)  # type: ignore[arg-type]
    assert caught.value.rule == "M5"
    assert caught.value.field == "hour_rate"
    assert caught.value.message == message
    assert figures([], Term.year(2024), hour_rate=0).hour_rate == 0
    assert figures([], Term.year(2024), hour_rate=Decimal("312.50")).hour_rate == Decimal("312.50")


def test_flags_check_their_inputs_and_project_first() -> None:
    from iop_model import GoalError, IOPError

    agreement = Agreement(
        "a", CITY, CLUB, Term.year(2024), decided_on=D(2023, 12, 1),
        contributions=[Contribution("public", "money", 10, Term.year(2024), decided_on=D(2024, 9, 1))],
    )  # fmt: skip
    with pytest.raises(GoalError) as caught:
        flags(agreement, D(2024, 6, 1), known_on=D(2024, 7, 1))
    assert caught.value.rule == "G10"
    with pytest.raises(IOPError) as caught:
        flags("a", D(2024, 6, 1))  # type: ignore[arg-type]
    assert caught.value.field == "subject"
    assert "not str" in caught.value.message
    for rate in (11.5, True, "11", 0, -2, Decimal("NaN")):
        with pytest.raises(IOPError) as caught:
            flags(agreement, D(2024, 6, 1), rate)  # type: ignore[arg-type]
        assert caught.value.field == "eur_rate"
    assert flags(agreement, D(2023, 11, 30)) == []  # nothing decided yet
    early = [f.id for f in flags(agreement, D(2024, 10, 1), 11, known_on=D(2024, 6, 1))]
    late = [f.id for f in flags(agreement, D(2024, 10, 1), 11)]
    assert "F6" not in early  # the public money was decided after the day of knowledge
    assert "F6" in late
    assert flags(agreement, D(2024, 10, 1), Decimal("11.25"))[0].id == "F1"
