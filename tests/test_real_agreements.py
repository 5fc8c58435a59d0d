"""Issue 23: real agreements of real municipalities. One test per finding (each failed before
its fix), in the issue's order, then the real examples in examples/real/."""

from __future__ import annotations

import pathlib
from decimal import Decimal
from fractions import Fraction

import pendulum
import pytest

from iop_model import (
    Agreement,
    Contribution,
    IdeaBasedParty,
    Length,
    PublicParty,
    ReportingDuty,
    Term,
    flags,
)
from iop_model.case import Case
from iop_model.money import figures
from iop_model.outputs.export import to_360giving
from iop_model.queries.report import build

D = pendulum.date
ROOT = pathlib.Path(__file__).parent.parent
KALMAR = PublicParty("Kalmar kommun", committee="Socialnämnden", org_number="212000-0860")
JOUR = IdeaBasedParty("Kvinno- och tjejjouren i Kalmar", org_number="802002-4280")


def kalmar(**contribution: object) -> Case:
    """Kalmar-like: one decision in 2021 for 2022-2024, 650 000 + 350 000 kr a year, written
    as real decisions are: no decision day on the contributions."""
    agreement = Agreement(
        "kalmar-2022",
        KALMAR,
        JOUR,
        Term(D(2022, 1, 1), D(2024, 12, 31)),
        decided_on=D(2021, 11, 24),
        reporting=ReportingDuty(every="year", due="03-31"),
        contributions=[
            Contribution("public", "money", 650_000, Term.year(year), **contribution)  # type: ignore[arg-type]
            for year in (2022, 2023, 2024)
        ]
        + [
            Contribution("public", "money", 350_000, Term.year(year), **contribution)  # type: ignore[arg-type]
            for year in (2022, 2023, 2024)
        ],
    )
    return Case([agreement])


# --- 1. money decided once for several years ---------------------------------------------------


@pytest.mark.parametrize(
    ("day", "awarded"),
    [(D(2021, 12, 1), 3_000_000), (D(2022, 6, 30), 3_000_000), (D(2023, 6, 30), 3_000_000)],
)
def test_1_money_decided_once_is_awarded_on_the_decision(day: pendulum.Date, awarded: int) -> None:
    grants = to_360giving([("kalmar.toml", kalmar())], day, prefix="360G-kalmar")
    assert grants["grants"][0]["amountAwarded"] == awarded


def test_1_money_decided_once_is_known_from_the_decision() -> None:
    known = kalmar().as_known_on(D(2021, 12, 1))
    assert len(known.agreements[0].contributions) == 6
    data = build(kalmar(), D(2022, 6, 30), "sv")
    assert [row["totals"][0]["amount"] for row in data["contributions"][0]["periods"]] == [
        "1000000",
        "1000000",
        "1000000",
    ]


def test_1_F2_counts_a_multi_year_award_on_its_decision_day() -> None:
    found = flags(kalmar().partnership, D(2022, 6, 30), eur_rate=10)
    f2 = next(f for f in found if f.id == "F2")
    assert f2.figures["total_eur"] == "300000"  # 3 000 000 kr at 10 kr per euro: all of it
    assert f2.raised is None or f2.raised is False or f2.raised is True


def test_1_an_extensions_money_is_known_from_the_extension() -> None:
    from iop_model import Extension

    agreement = Agreement(
        "a",
        KALMAR,
        JOUR,
        Term.year(2022),
        decided_on=D(2021, 11, 24),
        extensions=[Extension(D(2022, 11, 1), "Socialnämnden", years=1)],
        contributions=[
            Contribution("public", "money", 100, Term.year(2022)),
            Contribution("public", "money", 200, Term.year(2023)),
        ],
    )
    assert agreement.contribution_known_from(agreement.contributions[0]) == D(2021, 11, 24)
    assert agreement.contribution_known_from(agreement.contributions[1]) == D(2022, 11, 1)
    undated = Agreement(
        "b",
        KALMAR,
        JOUR,
        Term.year(2022),
        contributions=[Contribution("public", "money", 100, Term(D(2022, 3, 1), D(2022, 12, 31)))],
    )
    assert undated.contribution_known_from(undated.contributions[0]) == D(2022, 3, 1)  # T15


# --- 2. "X kr per år" ----------------------------------------------------------------------------


def test_2_an_amount_per_year_is_counted_per_year_by_share_of_days() -> None:
    per_year = Contribution(
        "public", "money", 400_000, Term(D(2022, 7, 1), D(2025, 6, 30)), per="year"
    )
    assert figures([per_year], Term.year(2023)).total("public", "money") == 400_000
    half = figures([per_year], Term.year(2022)).total("public", "money")
    assert half == Fraction(400_000 * 184, 365)  # 2022-07-01..2022-12-31 of 365 days
    whole = figures([per_year], per_year.period).total("public", "money")
    assert whole == Fraction(400_000 * 184, 365) + 400_000 + 400_000 + Fraction(400_000 * 181, 365)
    assert whole == 1_200_000  # three years of days: three years of money
    agreement_years = Contribution(
        "public", "money", 400_000, Term(D(2022, 7, 1), D(2025, 6, 30)), per="agreement-year"
    )
    assert figures([agreement_years], agreement_years.period).total("public", "money") == 1_200_000
    assert figures([agreement_years], Term.year(2023)).total("public", "money") == Fraction(
        400_000 * 181, 365
    ) + Fraction(400_000 * 184, 366)


# --- 3. money by calendar year ---------------------------------------------------------------


def test_3_money_follows_the_reporting_duty_and_the_choice() -> None:
    agreement = Agreement(
        "a",
        KALMAR,
        JOUR,
        Term(D(2022, 7, 1), D(2024, 6, 30)),
        decided_on=D(2022, 5, 1),
        reporting=ReportingDuty(every="year", within=Length(months=3)),
        contributions=[
            Contribution(
                "public", "money", 100_000, Term(D(2022, 7, 1), D(2024, 6, 30)), per="year"
            )
        ],
    )
    data = build(Case([agreement]), D(2024, 12, 31), "sv")
    money = data["contributions"][0]
    assert money["unit"] == "year"
    assert [row["period"]["start"] for row in money["periods"]] == [
        "2022-07-01",
        "2023-01-01",
        "2024-01-01",
    ]
    chosen = build(Case([agreement]), D(2024, 12, 31), "sv", money_by="agreement-year")
    assert chosen["contributions"][0]["unit"] == "agreement-year"
    assert [row["period"]["start"] for row in chosen["contributions"][0]["periods"]] == [
        "2022-07-01",
        "2023-07-01",
    ]
    assert set(money["by"]) == {"year", "agreement-year"}


# --- 6. rough and unvalued facts -------------------------------------------------------------


def test_6_an_approximate_amount_is_said_to_be_approximate() -> None:
    about = Contribution(
        "public", "money", 1_700_000, Term.year(2024), per="year", approximate=True
    )
    found = figures([about], Term.year(2024))
    assert found.approximate
    text = build(
        Case([Agreement("a", KALMAR, JOUR, Term.year(2024), contributions=[about])]),
        D(2024, 6, 1),
        "sv",
    )
    assert "cirka 1 700 000 kr" in text["contributions"][0]["periods"][0]["text"][0].replace(
        "\xa0", " "
    )


def test_6_a_contribution_without_an_amount_is_not_valued_never_zero() -> None:
    resources = Contribution(
        "public", "other", None, Term.year(2024), description="Resurspersoner och nätverk"
    )
    volunteers = Contribution(
        "partner", "volunteer_hours", None, Term.year(2024), description="Ideella jourkvinnor"
    )
    found = figures([resources, volunteers], Term.year(2024))
    assert len(found.not_valued) == 2
    assert found.own_share is None
    data = build(
        Case(
            [Agreement("a", KALMAR, JOUR, Term.year(2024), contributions=[resources, volunteers])]
        ),
        D(2024, 6, 1),
        "sv",
    )
    lines = " ".join(data["contributions"][0]["periods"][0]["text"])
    assert "inte värderad" in lines
    assert " 0 kr" not in lines
    assert Decimal(0) not in [c.amount for c in (resources, volunteers)]


# --- 7. a decision after the term began ---------------------------------------------------------


def test_7_F7_an_agreement_decided_after_its_term_began() -> None:
    kramfors = Agreement(
        "kramfors-2023",
        PublicParty("Kramfors kommun"),
        IdeaBasedParty("Kvinnojouren Kramfors"),
        Term(D(2023, 1, 1), D(2025, 12, 31)),
        decided_on=D(2023, 5, 16),
    )
    found = {f.id: f for f in flags(kramfors, D(2023, 6, 1))}
    assert found["F7"].raised is True
    assert found["F7"].figures == {"agreement": "kramfors-2023", "decided_on": "2023-05-16",
                                   "start": "2023-01-01"}  # fmt: skip
    on_time = Agreement("b", KALMAR, JOUR, Term.year(2024), decided_on=D(2023, 12, 1))
    assert "F7" not in {f.id for f in flags(on_time, D(2024, 6, 1))}


# --- 8. reporting more often than yearly ------------------------------------------------------


@pytest.mark.parametrize(
    ("every", "starts"),
    [
        ("half-year", ["2024-01-01", "2024-07-01"]),
        ("quarter", ["2024-01-01", "2024-04-01", "2024-07-01", "2024-10-01"]),
        (Length(months=4), ["2024-01-01", "2024-05-01", "2024-09-01"]),
    ],
)
def test_8_reporting_twice_a_year_or_more(every: object, starts: list[str]) -> None:
    duty = ReportingDuty(every=every, within=Length(months=1))  # type: ignore[arg-type]
    periods = duty.periods(Term.year(2024))
    assert [p.start.isoformat() for p, _ in periods] == starts
    assert periods[0][1].last_day >= periods[0][0].end


# --- 10. the next deadline, ended agreements, follow-up missing only where due ------------------


def test_10_the_next_deadline_whatever_its_distance() -> None:
    from iop_model import Portfolio

    far = Agreement(
        "far", KALMAR, JOUR, Term(D(2024, 1, 1), D(2027, 12, 31)), decided_on=D(2023, 12, 1)
    )
    rows = Portfolio([("far.toml", Case([far]))]).to_records(D(2024, 6, 1))
    assert rows[0]["next_action_day"] == "2027-12-31"


def test_10_no_follow_up_missing_without_activities_or_a_duty() -> None:
    from iop_model import MinimumDuration
    from iop_model.case import CaseGoal

    case = Case(
        [
            Agreement(
                "a", KALMAR, JOUR, Term(D(2022, 1, 1), D(2024, 12, 31)), decided_on=D(2021, 12, 1)
            )
        ],
        goals=[CaseGoal("partnership", MinimumDuration(years=3))],
    )
    data = build(case, D(2025, 6, 1), "sv")
    assert data["goals"][0]["follow_up_missing"] == []
