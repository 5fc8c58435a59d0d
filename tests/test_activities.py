"""Activities, reports, figures (A1–A6) and activity targets (A7–A9)."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from iop_model import (
    ActivityError,
    ActivityTarget,
    AggregateReport,
    Assessment,
    Event,
    EventKind,
    GoalError,
    GoalStatus,
    Indicator,
    IOPError,
    MeetingPlace,
    Membership,
    Network,
    Occasion,
    Residency,
    Term,
    Venue,
)
from iop_model.activities import calendar_periods
from iop_model.cases import molndal
from iop_model.testing import dates, meeting_places, occasions
from support import dates_and_numbers

D = pendulum.date
Y2019 = Term.year(2019)
ROOT_EXAMPLES = __import__("pathlib").Path(__file__).parent.parent / "examples"


# --- Mölndal 2019 -----------------------------------------------------------------------------------


def test_molndal_meeting_place_figures() -> None:
    figures = molndal.meeting_place().figures(Y2019)
    assert (figures.count, figures.total, figures.mean) == (26, 1040, Fraction(40))
    assert isinstance(figures.count, int)
    assert isinstance(figures.total, int)
    assert figures.reports == 1


def test_molndal_target_of_25_occasions_is_met() -> None:
    target = ActivityTarget(Indicator.OCCASIONS, Y2019, target=25)
    assessment = target.assess(molndal.meeting_place(), D(2020, 1, 1))
    assert assessment.status is GoalStatus.MET
    assert assessment["actual"] == 26
    assert assessment["fulfilment"] == Fraction(26, 25)


def test_molndal_target_of_a_mean_of_50_is_partially_met_at_80_percent() -> None:
    target = ActivityTarget(Indicator.MEAN_VISITORS, Y2019, target=50, baseline=0)
    assessment = target.assess(molndal.meeting_place(), D(2020, 1, 1))
    assert assessment.status is GoalStatus.PARTIALLY_MET
    assert assessment["fulfilment"] == Fraction(4, 5)
    assert "= 80\u00a0% (A9)" in assessment.explain("sv")  # Swedish: a space before %
    assert "= 80% (A9)" in assessment.explain("en")
    assert assessment.rules == ("G1", "A5", "A6", "A7", "A9")


def test_molndal_activities_without_public_data_are_not_met_once_due() -> None:
    target = ActivityTarget(Indicator.EVENTS, Y2019, target=5, kind=EventKind.CONCERT)
    assessment = target.assess(molndal.stage(), D(2020, 1, 1))
    assert assessment.status is GoalStatus.NOT_MET
    assert "A8" in assessment.rules
    assert len(molndal.activities()) == 4


# --- A1 ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: Occasion(D(2019, 3, 1), -1), "visitors"),
        (lambda: Occasion(D(2019, 3, 1), 12.0), "visitors"),
        (lambda: Occasion(D(2019, 3, 1), True), "visitors"),
        (lambda: Event(EventKind.CONCERT, D(2019, 3, 1), -5), "audience"),
        (lambda: AggregateReport(Y2019, -1, total_visitors=0), "occasions"),
        (lambda: AggregateReport(Y2019, 26, mean_visitors=40.0), "mean_visitors"),
        (lambda: AggregateReport(Y2019, 26, mean_visitors=Decimal("NaN")), "mean_visitors"),
        (lambda: AggregateReport(Y2019, 26, mean_visitors=-40), "mean_visitors"),
    ],
)
def test_A1_counts_are_whole_non_negative_and_exact(build: object, field: str) -> None:
    with pytest.raises(ActivityError) as info:
        build()  # type: ignore[operator]
    assert (info.value.rule, info.value.field) == ("A1", field)


def test_A1_float_mean_message_suggests_an_exact_type() -> None:
    with pytest.raises(ActivityError, match="Decimal"):
        AggregateReport(Y2019, 26, mean_visitors=40.5)  # type: ignore[arg-type]


def test_A1_exact_means() -> None:
    report = AggregateReport(Y2019, 4, mean_visitors=Decimal("40.25"))
    assert report.total == 161
    assert MeetingPlace("x", "P", reports=[report]).figures(Y2019).mean == Fraction(161, 4)


# --- A2 ----------------------------------------------------------------------------------------------


def test_A2_occasion_outside_the_agreement_is_refused() -> None:
    with pytest.raises(ActivityError) as info:
        MeetingPlace(molndal.first_agreement(), "P", occasions=[Occasion(D(2020, 3, 1), 10)])
    error = info.value
    assert (error.rule, error.field, error.value) == ("A2", "occasions[0].day", D(2020, 3, 1))
    assert "outside agreement 'molndal-konstkollektivet-2019'" in str(error)
    # the extended agreement covers 2020
    place = MeetingPlace(molndal.extended_agreement(), "P", occasions=[Occasion(D(2020, 3, 1), 10)])
    assert place.agreement_id == "molndal-konstkollektivet-2019"


def test_A2_aggregate_report_outside_the_agreement() -> None:
    with pytest.raises(ActivityError, match="A2") as info:
        MeetingPlace(
            molndal.first_agreement(),
            "P",
            reports=[AggregateReport(Term.year(2020), 3, total_visitors=30)],
        )
    assert info.value.field == "reports[0].period"


def test_A2_residency_outcome_before_the_residency() -> None:
    with pytest.raises(ActivityError, match="A2") as info:
        Residency(
            "x",
            "R",
            period=Term(D(2019, 5, 1), D(2019, 8, 31)),
            outcomes=[Event(EventKind.EXHIBITION, D(2019, 4, 1), 50)],
        )
    assert info.value.field == "outcomes[0].day"


def test_A2_network_days_within_the_agreement() -> None:
    with pytest.raises(ActivityError, match="A2") as info:
        Network(
            molndal.first_agreement(), "Kulturbanken", memberships=[Membership("A", D(2018, 5, 1))]
        )
    assert info.value.field == "memberships[0].joined"


# --- A3 ----------------------------------------------------------------------------------------------


def test_A3_duplicate_occasion() -> None:
    with pytest.raises(ActivityError) as info:
        MeetingPlace("x", "P", occasions=[Occasion(D(2019, 3, 1), 10), Occasion(D(2019, 3, 1), 12)])
    assert (info.value.rule, info.value.field) == ("A3", "occasions[1]")
    two = MeetingPlace(
        "x",
        "P",
        occasions=[Occasion(D(2019, 3, 1), 10, "förmiddag"), Occasion(D(2019, 3, 1), 12, "kväll")],
    )
    assert two.figures(Y2019).count == 2


def test_A3_overlapping_reports_and_occasions_inside_reports() -> None:
    with pytest.raises(ActivityError, match="A3") as info:
        MeetingPlace(
            "x",
            "P",
            reports=[
                AggregateReport(Y2019, 26, total_visitors=1040),
                AggregateReport(Term.half_year(2019, 2), 10, total_visitors=300),
            ],
        )
    assert info.value.field == "reports[1].period"
    with pytest.raises(ActivityError, match="A3") as info:
        MeetingPlace(
            "x",
            "P",
            occasions=[Occasion(D(2019, 5, 5), 30)],
            reports=[AggregateReport(Y2019, 26, total_visitors=1040)],
        )
    assert info.value.field == "occasions[0].day"


def test_A3_member_twice_at_once() -> None:
    with pytest.raises(ActivityError, match="A3"):
        Network(
            "x",
            "N",
            memberships=[
                Membership("A", D(2019, 1, 1), D(2019, 6, 30)),
                Membership("A", D(2019, 6, 30)),
            ],
        )


# --- A4 ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"total_visitors": 1000, "mean_visitors": 40}, "total_visitors", "but the total is 1000"),
        ({"mean_visitors": Fraction(403, 10)}, "mean_visitors", "not a whole number"),
        ({}, "total_visitors", "total or the mean"),
    ],
)
def test_A4_inconsistent_aggregates(fields: dict[str, object], field: str, message: str) -> None:
    with pytest.raises(ActivityError, match=message) as info:
        AggregateReport(Y2019, 26, **fields)  # type: ignore[arg-type]
    assert (info.value.rule, info.value.field) == ("A4", field)


def test_A4_zero_occasions() -> None:
    assert AggregateReport(Y2019, 0).total == 0
    with pytest.raises(ActivityError, match="A4"):
        AggregateReport(Y2019, 0, total_visitors=5)
    with pytest.raises(ActivityError, match="A4"):
        AggregateReport(Y2019, 0, mean_visitors=5)


def test_A4_total_and_mean_that_agree() -> None:
    report = AggregateReport(Y2019, 26, total_visitors=1040, mean_visitors=40)
    assert report.total == 1040


# --- A5 and A6 ---------------------------------------------------------------------------------------


def test_A5_an_occasion_on_the_last_day_counts() -> None:
    place = MeetingPlace(
        "x", "P", occasions=[Occasion(D(2019, 12, 31), 7), Occasion(D(2020, 1, 1), 9)]
    )
    assert place.figures(Y2019).total == 7
    assert place.figures(Term.year(2020)).total == 9


def test_A5_a_straddling_aggregate_cannot_be_split() -> None:
    place = molndal.meeting_place()
    with pytest.raises(ActivityError) as info:
        place.figures(Term.half_year(2019, 1))
    assert (info.value.rule, info.value.field) == ("A5", "reports[0].period")
    assert place.figures(Term(D(2018, 1, 1), D(2020, 12, 31))).count == 26
    assert place.figures(Term.year(2020)).count == 0


def test_A5_as_of_counts_what_had_happened() -> None:
    place = MeetingPlace(
        "x", "P", occasions=[Occasion(D(2019, 3, 1), 10), Occasion(D(2019, 9, 1), 20)]
    )
    assert place.figures(Y2019, as_of=D(2019, 6, 30)).total == 10
    assert molndal.meeting_place().figures(Y2019, as_of=D(2019, 12, 30)).count == 0


def test_A6_mean_is_undefined_without_occasions() -> None:
    figures = MeetingPlace("x", "P").figures(Y2019)
    assert (figures.count, figures.total, figures.mean) == (0, 0, None)


def test_period_must_be_a_term() -> None:
    with pytest.raises(ActivityError, match="Term"):
        molndal.meeting_place().figures(2019)  # type: ignore[arg-type]


# --- other activity kinds ------------------------------------------------------------------------------


def test_venue_counts_events_by_kind() -> None:
    venue = Venue(
        "x",
        "Under",
        events=[
            Event(EventKind.CONCERT, D(2019, 3, 1), 120),
            Event(EventKind.CONCERT, D(2019, 4, 1), 80, title="Vårkonsert"),
            Event(EventKind.LECTURE, D(2019, 4, 1), 30),
            Event(EventKind.FESTIVAL, D(2019, 8, 20), 600),
        ],
    )
    figures = venue.figures(Y2019)
    assert figures.count == 4
    assert figures.total == 830
    assert dict(figures.by_kind) == {"concert": 2, "lecture": 1, "festival": 1}
    target = ActivityTarget(Indicator.EVENTS, Y2019, target=3, kind=EventKind.CONCERT)
    assessment = target.assess(venue, D(2020, 1, 1))
    assert assessment.status is GoalStatus.PARTIALLY_MET
    assert assessment["fulfilment"] == Fraction(2, 3)
    assert "(2 − 0) / (3 − 0) = 66.67%" in assessment.explain("en")
    assert assessment["fulfilment"] == Fraction(2, 3)  # exact; the text rounds once


def test_network_members_joined_and_left() -> None:
    network = Network(
        "x",
        "Kulturbanken",
        memberships=[
            Membership("Föreningen A", D(2019, 2, 1)),
            Membership("Föreningen B", D(2019, 3, 1), left=D(2019, 12, 31)),
            Membership("Föreningen C", D(2019, 10, 1), left=D(2020, 3, 31)),
        ],
    )
    y2019 = network.figures(Y2019)
    assert y2019.count == 3
    assert dict(y2019.extra) == {"joined": 3, "left": 1}
    y2020 = network.figures(Term.year(2020))
    assert y2020.count == 1
    assert dict(y2020.extra) == {"joined": 0, "left": 1}
    target = ActivityTarget(Indicator.MEMBERS, Term.year(2020), target=5)
    assert target.assess(network, D(2021, 1, 1)).status is GoalStatus.PARTIALLY_MET
    with pytest.raises(ActivityError, match="T3"):
        Membership("D", D(2019, 5, 1), left=D(2019, 4, 1))


def test_residency_productions() -> None:
    residency = Residency(
        "x",
        "Kulturresidens",
        period=Term(D(2019, 9, 1), D(2019, 11, 30)),
        group=["Konstnär 1", "Konstnär 2"],
        outcomes=[Event(EventKind.PERFORMANCE, D(2019, 12, 5), 140)],
    )
    assert residency.figures(Y2019).count == 1
    target = ActivityTarget(Indicator.PRODUCTIONS, Y2019, target=1)
    assert target.assess(residency, D(2019, 12, 31)).status is GoalStatus.MET
    with pytest.raises(ActivityError):
        Residency("x", "R", period=Y2019, group="Konstnär")  # type: ignore[arg-type]


def test_calendar_periods_and_figures_by() -> None:
    assert [str(t) for t in calendar_periods(Term(D(2019, 5, 1), D(2020, 2, 1)), "half-year")] == [
        "2019-05-01..2019-06-30",
        "2019-07-01..2019-12-31",
        "2020-01-01..2020-02-01",
    ]
    with pytest.raises(IOPError):
        calendar_periods(Y2019, "week")
    yearly = molndal.meeting_place().figures_by("year")
    assert [(f.period.start.year, f.count) for f in yearly] == [(2019, 26), (2020, 0), (2021, 0)]
    assert MeetingPlace("x", "P").figures_by("month") == []


def test_activities_refuse_bad_input() -> None:
    with pytest.raises(ActivityError) as info:
        MeetingPlace("x", "P", occasions=[(D(2019, 1, 1), 5)])  # type: ignore[list-item]
    assert info.value.field == "occasions[0]"
    with pytest.raises(ActivityError):
        MeetingPlace("", "P")
    with pytest.raises(ActivityError):
        MeetingPlace(42, "P")  # type: ignore[arg-type]
    with pytest.raises(ActivityError):
        MeetingPlace("x", "P", reports="none")  # type: ignore[arg-type]
    with pytest.raises(ActivityError):
        Event("concert", D(2019, 1, 1), 5)  # type: ignore[arg-type]


def test_meeting_place_report_returns_a_new_object() -> None:
    place = MeetingPlace("x", "P")
    more = place.report(
        Occasion(D(2019, 1, 10), 5), AggregateReport(Term.month(2019, 2), 4, total_visitors=40)
    )
    assert place.occasions == ()
    assert place.reports == ()
    assert more.figures(Y2019).count == 5
    with pytest.raises(ActivityError):
        place.report("x")  # type: ignore[arg-type]


# --- A7–A9 --------------------------------------------------------------------------------------------


def test_A7_not_yet_due_until_the_last_day_has_run() -> None:
    target = ActivityTarget(Indicator.OCCASIONS, Y2019, target=25)
    place = molndal.meeting_place()
    assert target.assess(place, D(2019, 12, 30)).status is GoalStatus.NOT_YET_DUE
    assert target.assess(place, D(2019, 12, 31)).status is GoalStatus.MET


def test_A7_progress_so_far() -> None:
    place = MeetingPlace(
        "x", "P", occasions=[Occasion(D(2019, 2, 1), 10), Occasion(D(2019, 9, 1), 10)]
    )
    assessment = ActivityTarget(Indicator.OCCASIONS, Y2019, target=4).assess(place, D(2019, 6, 30))
    assert assessment.status is GoalStatus.NOT_YET_DUE
    assert assessment["actual"] == 1
    assert assessment.rules[-1] == "A7"


def test_A8_no_reports_is_not_met_even_when_lower_is_better() -> None:
    target = ActivityTarget(Indicator.VISITORS, Y2019, target=100, baseline=500, ascending=False)
    assessment = target.assess(MeetingPlace("x", "P"), D(2020, 1, 1))
    assert assessment.status is GoalStatus.NOT_MET
    assert assessment.rules[-1] == "A8"
    assert "No report for the period" in assessment.explain("en")


def test_A8_zero_occasions_reported_is_a_report() -> None:
    place = MeetingPlace("x", "P", reports=[AggregateReport(Y2019, 0)])
    assert (
        ActivityTarget(Indicator.OCCASIONS, Y2019, target=5).assess(place, D(2020, 1, 1)).rules[-1]
        == "A9"
    )
    mean = ActivityTarget(Indicator.MEAN_VISITORS, Y2019, target=5).assess(place, D(2020, 1, 1))
    assert mean.status is GoalStatus.NOT_MET
    assert mean.rules[-1] == "A8"
    assert "The mean is undefined" in mean.explain("en")


def test_A9_lower_is_better_is_mirrored() -> None:
    place = MeetingPlace("x", "P", reports=[AggregateReport(Y2019, 10, total_visitors=300)])
    target = ActivityTarget(Indicator.VISITORS, Y2019, target=200, baseline=400, ascending=False)
    assessment = target.assess(place, D(2020, 1, 1))
    assert assessment["fulfilment"] == Fraction(1, 2)  # (400 - 300) / (400 - 200)
    assert assessment.status is GoalStatus.PARTIALLY_MET
    worse = ActivityTarget(Indicator.VISITORS, Y2019, target=200, baseline=250, ascending=False)
    assert worse.assess(place, D(2020, 1, 1)).status is GoalStatus.NOT_MET


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"target": 10, "baseline": 10}, "target"),
        ({"target": 10, "baseline": 5, "ascending": False}, "target"),
        ({"target": 10, "ascending": False}, "baseline"),
        ({"target": 10.0}, "target"),
        ({"target": 10, "kind": EventKind.CONCERT}, "kind"),
    ],
)
def test_A9_ill_defined_targets_are_refused(fields: dict[str, object], field: str) -> None:
    with pytest.raises(GoalError) as info:
        ActivityTarget(Indicator.OCCASIONS, Y2019, **fields)  # type: ignore[arg-type]
    assert info.value.field == field


def test_indicator_must_fit_the_activity() -> None:
    target = ActivityTarget(Indicator.MEMBERS, Y2019, target=5)
    with pytest.raises(GoalError, match="applies to Network"):
        target.assess(molndal.meeting_place(), D(2020, 1, 1))


# --- properties -----------------------------------------------------------------------------------------


@given(dates(max_year=2060), st.integers(1, 800), st.data())
def test_detailed_and_aggregate_forms_agree(
    start: pendulum.Date, days: int, data: st.DataObject
) -> None:
    period = Term.starting(start, days=days)
    detailed = data.draw(occasions(period))
    a = MeetingPlace("x", "P", occasions=detailed)
    total = sum(o.visitors for o in detailed)
    b = MeetingPlace(
        "x", "P", reports=[AggregateReport(period, len(detailed), total_visitors=total)]
    )
    fa, fb = a.figures(period), b.figures(period)
    assert (fa.count, fa.total, fa.mean) == (fb.count, fb.total, fb.mean)
    if detailed:
        c = MeetingPlace(
            "x", "P", reports=[AggregateReport(period, len(detailed), mean_visitors=fa.mean)]
        )
        assert c.figures(period).total == total


@given(dates(max_year=2060), st.integers(2, 800), st.data())
def test_totals_add_up_over_disjoint_periods(
    start: pendulum.Date, days: int, data: st.DataObject
) -> None:
    whole = Term.starting(start, days=days)
    place = MeetingPlace("x", "P", occasions=data.draw(occasions(whole)))
    cut = data.draw(st.integers(whole.start.toordinal(), whole.end.toordinal() - 1))
    first = Term(whole.start, pendulum.Date.fromordinal(cut))
    second = Term(first.next_start, whole.end)
    a, b, w = place.figures(first), place.figures(second), place.figures(whole)
    assert a.count + b.count == w.count
    assert a.total + b.total == w.total  # type: ignore[operator]
    monthly = place.figures_by("month", within=whole)
    assert sum(f.count for f in monthly) == w.count


@given(meeting_places(), dates(), st.integers(0, 400))
def test_adding_a_report_never_lowers_a_count(
    place: MeetingPlace, day: pendulum.Date, visitors: int
) -> None:
    if any(day in report.period for report in place.reports):
        with pytest.raises(ActivityError, match="A3"):
            place.report(Occasion(day, visitors, label="extra"))
        return
    more = place.report(Occasion(day, visitors, label="extra"))
    for year in range(day.year - 1, day.year + 2):
        period = Term.year(year)
        try:
            before = place.figures(period)
        except ActivityError:
            continue
        after = more.figures(period)
        assert after.count >= before.count
        assert after.total >= before.total  # type: ignore[operator]


targets = st.builds(
    ActivityTarget,
    indicator=st.sampled_from([Indicator.OCCASIONS, Indicator.VISITORS, Indicator.MEAN_VISITORS]),
    period=st.builds(Term.year, st.integers(2000, 2060)),
    target=st.integers(1, 3000),
)


@st.composite
def _safe_assessment(draw: st.DrawFn) -> Assessment:
    place = draw(meeting_places())
    target = draw(targets)
    day = draw(dates(2000, 2062))
    straddling = any(
        r.period.overlaps(target.period)
        and not (target.period.start <= r.period.start and r.period.end <= target.period.end)
        for r in place.reports
    )
    if straddling:  # an aggregate that cannot be split over the target's period (A5)
        with pytest.raises(ActivityError, match="A5"):
            target.assess(place, day)
        target = ActivityTarget(Indicator.OCCASIONS, Term.year(1999), target=1)
    return target.assess(place, day)


@given(_safe_assessment())
def test_activity_explanation_names_exactly_the_rules_applied(assessment: Assessment) -> None:
    for lang in ("sv", "en"):
        named = set(re.findall(r"\b[TGAP]\d+\b", assessment.explain(lang)))  # type: ignore[arg-type]
        assert named == set(assessment.rules)


@given(_safe_assessment())
def test_activity_texts_carry_the_same_numbers_in_both_languages(assessment: Assessment) -> None:
    assert dates_and_numbers(assessment.explain("sv")) == dates_and_numbers(
        assessment.explain("en")
    )


@given(_safe_assessment())
def test_met_exactly_when_fulfilment_reaches_one(assessment: Assessment) -> None:
    fulfilment = assessment["fulfilment"]
    if assessment.status is GoalStatus.MET:
        assert isinstance(fulfilment, Fraction)
        assert fulfilment >= 1
    if assessment.status is GoalStatus.PARTIALLY_MET:
        assert isinstance(fulfilment, Fraction)
        assert 0 < fulfilment < 1
    if assessment.status is not GoalStatus.NOT_YET_DUE:
        assert assessment.as_of >= assessment["period"].end  # type: ignore[union-attr]


# --- Pinned by mutation testing (tools/mutation.sh) ------------------------------------------


def test_exact_text_forms() -> None:
    from iop_model.activities import exact_text

    assert [exact_text(v) for v in (40, Fraction(81, 2), Fraction(1, 4), Fraction(121, 3))] == [
        "40",
        "40.5",
        "0.25",
        "121/3",
    ]


def test_calendar_periods_edges() -> None:
    one_day = Term(D(2019, 6, 1), D(2019, 6, 1))
    for unit in ("year", "half-year", "month", "agreement-year"):
        assert calendar_periods(one_day, unit) == [one_day]
    assert [
        str(t) for t in calendar_periods(Term(D(2019, 6, 1), D(2019, 12, 31)), "half-year")
    ] == [
        "2019-06-01..2019-06-30",
        "2019-07-01..2019-12-31",
    ]
    within = Term(D(2024, 1, 1), D(2024, 12, 31))
    assert [str(t) for t in calendar_periods(within, "agreement-year", D(2023, 7, 1))] == [
        "2024-01-01..2024-06-30",
        "2024-07-01..2024-12-31",
    ]
    assert [str(t) for t in calendar_periods(within, "agreement-year")] == [str(within)]
    with pytest.raises(IOPError) as caught:
        calendar_periods(Y2019, "week")
    assert str(caught.value) == (
        "the unit must be 'year', 'agreement-year', 'half-year' or 'month' (at unit: 'week')"
    )


def test_figures_by_uses_the_agreement_years_and_as_of() -> None:
    from iop_model import Agreement, IdeaBasedParty, PublicParty

    agreement = Agreement(
        "a",
        PublicParty("Kommunen"),
        IdeaBasedParty("Föreningen"),
        Term(D(2023, 7, 1), D(2025, 6, 30)),
    )
    place = MeetingPlace(
        agreement, "P", occasions=[Occasion(D(2024, 3, 1), 5), Occasion(D(2024, 9, 1), 7)]
    )
    within = Term(D(2024, 1, 1), D(2024, 12, 31))
    by_year = place.figures_by("agreement-year", within)
    assert [(str(f.period), f.count) for f in by_year] == [
        ("2024-01-01..2024-06-30", 1),
        ("2024-07-01..2024-12-31", 1),
    ]
    as_of = place.figures_by("agreement-year", within, as_of=D(2024, 8, 31))
    assert [f.count for f in as_of] == [1, 0]


def test_span_of_an_activity_without_its_agreement_object() -> None:
    place = MeetingPlace(
        "a",
        "P",
        occasions=[Occasion(D(2019, 5, 1), 5), Occasion(D(2019, 3, 1), 5)],
        reports=[
            AggregateReport(Term(D(2019, 1, 1), D(2019, 2, 28)), occasions=2, total_visitors=10)
        ],
    )
    assert place.span() == Term(D(2019, 1, 1), D(2019, 5, 1))
    assert [(str(f.period), f.count) for f in place.figures_by("year")] == [
        ("2019-01-01..2019-05-01", 4)
    ]


def test_meeting_place_report_refuses_other_things() -> None:
    with pytest.raises(ActivityError) as caught:
        MeetingPlace("a", "P").report("2019-01-01")  # type: ignore[arg-type]
    assert str(caught.value) == "expected Occasion or AggregateReport (at report)"


@pytest.mark.parametrize("kind", ["venue", "residency"])
def test_venue_and_residency_figures_as_of_and_known_on(kind: str) -> None:
    events = [
        Event(EventKind.CONCERT, D(2019, 3, 1), 10),
        Event(EventKind.CONCERT, D(2019, 9, 1), 20),
    ]
    activity: Venue | Residency = (
        Venue("a", "V", events=events)
        if kind == "venue"
        else Residency("a", "R", period=Y2019, outcomes=events)
    )
    assert activity.figures(Y2019).count == 2
    assert activity.figures(Y2019, as_of=D(2019, 6, 30)).total == 10
    assert activity.figures(Y2019, known_on=D(2019, 6, 30)).total == 10
    with pytest.raises(IOPError) as caught:
        activity.figures(Y2019, as_of="2019-06-30")  # type: ignore[arg-type]
    assert caught.value.field == "as_of"
    with pytest.raises(IOPError) as caught:
        activity.figures(Y2019, known_on="2019-06-30")  # type: ignore[arg-type]
    assert caught.value.field == "known_on"


def test_membership_of_one_day() -> None:
    one_day = Membership("Förening", D(2019, 3, 1), left=D(2019, 3, 1))
    assert one_day.is_member_on(D(2019, 3, 1))
    assert not one_day.is_member_on(D(2019, 2, 28))
    assert not one_day.is_member_on(D(2019, 3, 2))
    with pytest.raises(ActivityError) as caught:
        Membership("Förening", D(2019, 3, 1), left=D(2019, 2, 28))
    assert str(caught.value) == (
        "T3: left on 2019-02-28, before joining on 2019-03-01 (at left: 2019-02-28)"
    )


def test_indicator_words_ignore_a_kind_except_for_events() -> None:
    assert Indicator.OCCASIONS.words("en", EventKind.CONCERT) == "occasions"
    assert Indicator.OCCASIONS.words("sv", EventKind.CONCERT, one=True) == "tillfälle"
    assert Indicator.EVENTS.words("en", EventKind.CONCERT) == "concert events"
    assert Indicator.EVENTS.words("en", EventKind.CONCERT, one=True) == "concert event"
    assert Indicator.EVENTS.words("sv", EventKind.CONCERT) == "konsert-evenemang"
    assert Indicator.EVENTS.words("en") == "events"


def test_A9_a_descending_target_equal_to_its_baseline_is_refused() -> None:
    with pytest.raises(GoalError) as caught:
        ActivityTarget(Indicator.OCCASIONS, Y2019, target=3, baseline=3, ascending=False)
    assert str(caught.value) == "A9: the target 3 must be below the baseline 3 (at target: 3)"


def test_value_of_missing_figures_is_none() -> None:
    from iop_model.activities import Figures

    empty = Figures(Y2019, 0, None, None, 0)
    assert ActivityTarget("support_calls", Y2019, target=1).value_of(empty) is None
    assert ActivityTarget(Indicator.VISITORS, Y2019, target=1).value_of(empty) is None
    assert ActivityTarget(Indicator.MEAN_VISITORS, Y2019, target=1).value_of(empty) is None


def test_exact_value_for_display() -> None:
    from iop_model.activities.targets import _exact_value

    assert _exact_value(True) is True
    whole = _exact_value(Fraction(4, 2))
    assert (whole, type(whole)) == (2, int)
    assert _exact_value(Decimal("2.5")) == Fraction(5, 2)
    assert _exact_value("x") == "x"


def test_figures_text_defaults_and_one_visitor() -> None:
    from iop_model.activities import Figures, figures_text
    from iop_model.files.loader import load

    shelter = next(
        a
        for a in load(ROOT_EXAMPLES / "exempelby-kvinnojour.toml").activities
        if getattr(a, "indicators", None)
    )
    empty = Figures(Y2019, 0, None, None, 1)
    assert figures_text(shelter, empty, "en").startswith("0 ")
    assert "1 " not in figures_text(shelter, empty, "en")
    network = Network("a", "N")
    assert figures_text(network, empty, "en") == figures_text(
        network, Figures(Y2019, 0, None, None, 1, extra={"joined": 0, "left": 0}), "en"
    )
    one = MeetingPlace("a", "P", occasions=[Occasion(D(2019, 3, 1), 1)])
    assert figures_text(one, one.figures(Y2019), "en") == "1 occasion, 1 visitor, mean 1"
    assert figures_text(one, one.figures(Y2019), "sv") == "1 tillfälle, 1 besökare, medelvärde 1"


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda: Venue("a", "V", events="x"), "events"),
        (lambda: Residency("a", "R", period=Y2019, outcomes="x"), "outcomes"),
        (lambda: Network("a", "N", memberships="x"), "memberships"),
        (lambda: MeetingPlace("a", "P").figures(Y2019, known_on="x"), "known_on"),
        (lambda: Network("a", "N").figures(Y2019, as_of="x"), "as_of"),
        (lambda: Network("a", "N").figures(Y2019, known_on="x"), "known_on"),
    ],
)
def test_bad_sequences_and_days_name_their_field(make: object, field: str) -> None:
    with pytest.raises(IOPError) as caught:
        make()  # type: ignore[operator]
    assert caught.value.field == field


def test_reports_of_one_kind_add_up_by_kind() -> None:
    venue = Venue(
        "a",
        "V",
        reports=[
            AggregateReport(Term.month(2019, 1), 2, 20, kind=EventKind.CONCERT),
            AggregateReport(Term.month(2019, 2), 3, 30, kind=EventKind.CONCERT),
        ],
    )
    assert venue.figures(Y2019).by_kind == {"concert": 5}


def test_A2_days_of_venues_and_residencies_within_the_agreement() -> None:
    from iop_model import Agreement, IdeaBasedParty, PublicParty

    agreement = Agreement("a", PublicParty("K"), IdeaBasedParty("F"), Y2019)
    inside = Event(EventKind.CONCERT, D(2019, 5, 1), 10)
    outside = Event(EventKind.CONCERT, D(2020, 5, 1), 10)
    assert Venue(agreement, "V", events=[inside]).span() == Y2019
    with pytest.raises(ActivityError) as caught:
        Venue(agreement, "V", events=[outside])
    assert caught.value.field == "events[0].day"
    assert (
        Residency(agreement, "R", period=Term.month(2019, 5), outcomes=[inside])
        .figures(Y2019)
        .count
        == 1
    )
    with pytest.raises(ActivityError) as caught:
        Residency(agreement, "R", period=Term(D(2019, 5, 1), D(2020, 4, 30)))
    assert caught.value.field == "period"
    with pytest.raises(ActivityError) as caught:
        Residency(agreement, "R", period=Term.month(2019, 5), outcomes=[outside])
    assert caught.value.field == "outcomes[0].day"
    on_first_day = Event(EventKind.EXHIBITION, D(2019, 5, 1), 10)
    assert Residency("a", "R", period=Term.month(2019, 5), outcomes=[on_first_day])


def test_network_edges() -> None:
    later_first = Network(
        "a",
        "N",
        memberships=[
            Membership("F", D(2019, 6, 1)),
            Membership("F", D(2019, 1, 1), left=D(2019, 3, 31)),
        ],
    )
    assert later_first.figures(Y2019).count == 1
    network = Network(
        "a",
        "N",
        memberships=[
            Membership("Old", D(2018, 1, 1), left=D(2019, 1, 1)),
            Membership("Last", D(2019, 12, 31)),
            Membership("Long", D(2018, 6, 1)),
        ],
    )
    first_day = network.figures(Y2019, as_of=D(2019, 1, 1))
    assert (first_day.count, first_day.extra) == (2, {"joined": 0, "left": 1})
    assert network.figures(Y2019, as_of=D(2019, 6, 30)).count == 1
    assert network.figures(Y2019).reports == 3
    before = network.figures(Y2019, as_of=D(2018, 12, 31))
    assert (before.count, before.reports, before.extra) == (0, 0, {"joined": 0, "left": 0})


def test_A1_bounds_accept_their_edges() -> None:
    from iop_model.activities import MAX_COUNT, check_exact

    assert MAX_COUNT == 2**53 - 1
    assert check_exact(Decimal(0), "x") == 0
    assert check_exact(Decimal("9e15"), "x") == 9 * 10**15
    assert check_exact(Fraction(1, 2**53 - 1), "x") == Fraction(1, 2**53 - 1)
    assert check_exact(2**53 - 1, "x") == 2**53 - 1
    assert Occasion(D(2019, 1, 1), 2**53 - 1).visitors == 2**53 - 1
