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


# --- 3. money by calendar year in every output --------------------------------------------------


def test_3_the_csv_and_the_portfolio_carry_money_per_year() -> None:
    from iop_model import Portfolio
    from iop_model.outputs.csv import OVERVIEW_COLUMNS

    portfolio = Portfolio([("kalmar.toml", kalmar())])
    row = portfolio.to_records(D(2023, 6, 30))[0]
    assert (row["public_money"], row["public_money_year"]) == ("3000000.00", "1000000.00")
    assert {"public_money", "public_money_year", "partner_money"} <= set(OVERVIEW_COLUMNS)
    years = portfolio.money_by_year(D(2023, 6, 30))
    assert [(y["year"], y["public_money"]) for y in years] == [
        (2022, "1000000.00"),
        (2023, "1000000.00"),
        (2024, "1000000.00"),
    ]


def test_3_the_command_line_chooses_the_unit(tmp_path: pathlib.Path) -> None:
    import io
    import json

    from iop_model.cli import main
    from iop_model.files import dump

    agreement = Agreement(
        "a",
        KALMAR,
        JOUR,
        Term(D(2022, 7, 1), D(2024, 6, 30)),
        decided_on=D(2022, 5, 1),
        contributions=[
            Contribution(
                "public", "money", 100_000, Term(D(2022, 7, 1), D(2024, 6, 30)), per="year"
            )
        ],
    )
    file = tmp_path / "a.toml"
    dump(Case([agreement]), file)
    out = io.StringIO()
    args = [str(file), "--as-of", "2024-12-31", "--format", "json", "--money-by", "agreement-year"]
    assert main(["report", *args], out=out) == 0
    assert json.loads(out.getvalue())["contributions"][0]["unit"] == "agreement-year"
    text = io.StringIO()
    assert main(["report", str(file), "--as-of", "2024-12-31"], out=text) == 0
    assert "a (per kalenderår)" in text.getvalue()


def test_3_the_web_page_shows_both_units_and_the_years() -> None:
    from iop_model import Portfolio
    from iop_model.outputs.html import render_html

    agreement = Agreement(
        "a",
        KALMAR,
        JOUR,
        Term(D(2022, 7, 1), D(2024, 6, 30)),
        decided_on=D(2022, 5, 1),
        contributions=[
            Contribution(
                "public", "money", 100_000, Term(D(2022, 7, 1), D(2024, 6, 30)), per="year"
            )
        ],
    )
    page = render_html(Portfolio([("a.toml", Case([agreement]))]), D(2024, 12, 31), "sv")
    assert "a (per kalenderår)" in page
    assert "a (per avtalsår)" in page
    assert "Pengar per kalenderår" in page
    assert '<th scope="row">2023</th>' in page


# --- 4. several parties ------------------------------------------------------------------------

FRYSHUSET = IdeaBasedParty("Fryshuset")
SKYDDSVARNET = IdeaBasedParty("Skyddsvärnet")
GOTEBORG = PublicParty("Göteborgs Stad", org_number="212000-1355")


def nordstan(contributions: list[Contribution] | None = None) -> Agreement:
    term = Term(D(2024, 1, 1), D(2024, 12, 31))
    return Agreement(
        "nordstan",
        GOTEBORG,
        FRYSHUSET,
        term,
        decided_on=D(2023, 12, 1),
        partners=[FRYSHUSET, SKYDDSVARNET],
        contributions=contributions
        or [
            Contribution("public", "money", 2_000_000, term, to="Fryshuset"),
            Contribution("public", "money", 1_000_000, term, to="Skyddsvärnet"),
            Contribution("partner", "volunteer_hours", 500, term, party="Skyddsvärnet"),
        ],
    )


def test_4_an_agreement_has_several_partners() -> None:
    agreement = nordstan()
    assert [p.name for p in agreement.partners] == ["Fryshuset", "Skyddsvärnet"]
    assert agreement.partner == FRYSHUSET
    one = Agreement("one", GOTEBORG, FRYSHUSET, Term.year(2024))
    assert one.partners == (FRYSHUSET,)
    assert one.public_parties == (GOTEBORG,)


def test_4_a_party_is_checked_against_the_agreement() -> None:
    from iop_model import AgreementError

    with pytest.raises(AgreementError, match="P2") as error:
        Agreement(
            "x",
            GOTEBORG,
            FRYSHUSET,
            Term.year(2024),
            partners=[FRYSHUSET],
            contributions=[Contribution("public", "money", 1, Term.year(2024), to="Nobody")],
        )
    assert error.value.field == "contributions[0].to"
    with pytest.raises(AgreementError, match="P2"):
        Agreement("x", GOTEBORG, FRYSHUSET, Term.year(2024), partners=[SKYDDSVARNET, FRYSHUSET])
    with pytest.raises(AgreementError, match="P2"):
        Agreement("x", GOTEBORG, FRYSHUSET, Term.year(2024), partners=[FRYSHUSET, FRYSHUSET])


def test_4_a_file_names_the_partners_and_by_names_a_party() -> None:
    from iop_model.files import dumps, loads

    text = """
format_version = 1
[[agreements]]
id = "n"
term = { start = 2024-01-01, end = 2024-12-31 }
partners = [{ name = "Fryshuset" }, { name = "Skyddsvärnet" }]
public_party = { name = "Göteborgs Stad" }
[[agreements.contributions]]
by = "Skyddsvärnet"
kind = "volunteer_hours"
amount = 500
period = { start = 2024-01-01, end = 2024-12-31 }
"""
    case = loads(text)
    agreement = case.agreements[0]
    assert agreement.partner.name == "Fryshuset"
    assert (agreement.contributions[0].by.value, agreement.contributions[0].party) == (
        "partner",
        "Skyddsvärnet",
    )
    written = dumps(case)
    assert "partners = [" in written
    assert "[agreements.partner]" not in written
    assert loads(written) == case


def test_4_F2_is_judged_per_partner() -> None:
    big = nordstan(
        contributions=[
            Contribution("public", "money", 2_500_000, Term.year(2024), to="Fryshuset"),
            Contribution("public", "money", 1_000_000, Term.year(2024), to="Skyddsvärnet"),
        ]
    )
    found = [f for f in flags(big, D(2024, 6, 1), eur_rate=10) if f.id == "F2"]
    assert [f.figures["partner"] for f in found] == ["Fryshuset"]  # 250 000 EUR; 100 000 EUR not


def test_4_one_360giving_grant_per_partners_share_and_ocds_roles() -> None:
    from iop_model.outputs.export import to_ocds

    case = Case([nordstan()])
    grants = to_360giving([("n.toml", case)], D(2024, 6, 1), prefix="360G-x", own_ids=True)
    assert [
        (g["id"], g["amountAwarded"], g["recipientOrganization"][0]["name"])
        for g in grants["grants"]
    ] == [
        ("360G-x-nordstan-Fryshuset", 2000000, "Fryshuset"),
        ("360G-x-nordstan-Skyddsvarnet", 1000000, "Skyddsvärnet"),
    ]
    release = to_ocds([("n.toml", case)], D(2024, 6, 1), prefix="ocds-x", own_ids=True)["releases"][
        0
    ]
    assert [(p["name"], p["roles"]) for p in release["parties"]] == [
        ("Göteborgs Stad", ["buyer"]),
        ("Fryshuset", ["supplier"]),
        ("Skyddsvärnet", ["supplier"]),
    ]
    assert len(release["awards"][0]["suppliers"]) == 2


def test_4_a_share_needs_its_receiving_partner() -> None:
    from iop_model.outputs.export import ExportError

    case = Case(
        [
            nordstan(
                contributions=[Contribution("public", "money", 1, Term.year(2024))],
            )
        ]
    )
    with pytest.raises(ExportError) as error:
        to_360giving([("n.toml", case)], D(2024, 6, 1), prefix="360G-x", own_ids=True)
    assert [p.path for p in error.value.problems] == ["n.toml: agreements[0].contributions[0].to"]


# --- 5. options to extend ----------------------------------------------------------------------


def synskadade(*extensions: object, **extra: object) -> Agreement:
    from iop_model import Option

    return Agreement(
        "srf",
        PublicParty("Uddevalla kommun"),
        IdeaBasedParty("Synskadades Riksförbund"),
        Term(D(2021, 6, 1), D(2023, 3, 31)),
        decided_on=D(2021, 5, 24),
        options=[Option(years=1, by="mutual")],
        extensions=extensions,  # type: ignore[arg-type]
        **extra,  # type: ignore[arg-type]
    )


def test_5_the_latest_end_follows_from_the_options() -> None:
    agreement = synskadade()
    assert agreement.max_extent is None
    assert agreement.latest_end == D(2024, 3, 31)
    assert "F1" not in [f.id for f in flags(agreement, D(2022, 1, 1))]


def test_5_an_extension_uses_an_option() -> None:
    from iop_model import Extension

    used = synskadade(Extension(D(2023, 2, 1), "Socialnämnden", years=1))
    assert used.used_options == {0: 0}
    assert used.unused_options() == []
    named = synskadade(Extension(D(2023, 2, 1), "Socialnämnden", years=1, option=0))
    assert named.end == D(2024, 3, 31)


def test_5_an_extension_beyond_every_option_is_refused_with_T18() -> None:
    from iop_model import Extension, ExtensionError

    with pytest.raises(ExtensionError, match="T18") as error:
        synskadade(Extension(D(2023, 2, 1), "SN", years=2))
    assert error.value.field == "extensions[0]"
    with pytest.raises(ExtensionError, match="T18") as named:
        synskadade(Extension(D(2023, 2, 1), "SN", years=1, option=1))
    assert named.value.field == "extensions[0].option"
    with pytest.raises(ExtensionError, match="T18"):
        synskadade(
            Extension(D(2023, 2, 1), "SN", years=1),
            Extension(D(2024, 2, 1), "SN", months=1),
        )


def test_5_an_option_used_after_its_last_day_is_refused() -> None:
    from iop_model import Extension, ExtensionError, Option

    with pytest.raises(ExtensionError, match="T18") as error:
        Agreement(
            "late",
            KALMAR,
            JOUR,
            Term.year(2023),
            options=[Option(years=1, decide_by=D(2023, 9, 30))],
            extensions=[Extension(D(2023, 10, 15), "SN", years=1)],
        )
    assert error.value.field == "extensions[0].decided_on"


def test_5_due_lists_the_decision_on_the_option() -> None:
    case = Case([synskadade()])
    actions = [a for a in case.actions(D(2023, 1, 15)) if a.kind.value == "use_option"]
    assert [(a.day, a.rules) for a in actions] == [(D(2023, 3, 31), ("T18", "T9"))]
    assert "båda parter är överens" in actions[0].text("sv")


def test_5_a_file_holds_options() -> None:
    from iop_model.files import dumps, loads

    case = Case([synskadade()])
    assert loads(dumps(case)) == case
    assert "options = [" in dumps(case)


# --- 9. organisation identifiers without a registered number ---------------------------------


def test_9_own_identifiers_under_the_publishers_prefix_when_asked() -> None:
    from iop_model.outputs.export import ExportError

    case = Case(
        [
            Agreement(
                "k",
                PublicParty("Kramfors kommun"),
                IdeaBasedParty("Kramfors Kvinnoforum"),
                Term.year(2023),
                decided_on=D(2023, 5, 16),
                contributions=[Contribution("public", "money", 575_000, Term.year(2023))],
            )
        ]
    )
    with pytest.raises(ExportError):
        to_360giving([("k.toml", case)], D(2023, 6, 1), prefix="360G-kramfors")
    grant = to_360giving([("k.toml", case)], D(2023, 6, 1), prefix="360G-kramfors", own_ids=True)
    assert (
        grant["grants"][0]["recipientOrganization"][0]["id"] == "360G-kramfors-Kramfors_Kvinnoforum"
    )


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


# --- the real examples in examples/real/ ---------------------------------------------------------

REAL = sorted((ROOT / "examples" / "real").glob("*.toml"))


def test_there_are_real_examples_with_their_sources() -> None:
    assert len(REAL) >= 3
    for path in REAL:
        text = path.read_text("utf-8")
        assert "A REAL" in text, path.name
        assert "https://" in text, path.name  # every file names its source
        assert "assumptions = [" in text, path.name  # what the source does not say


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_a_real_example_reports_and_exports(path: pathlib.Path) -> None:
    from iop_model.files import load
    from iop_model.outputs.export import to_ocds
    from iop_model.outputs.text import render_text

    case = load(path)
    day = case.agreements[0].end
    for lang in ("sv", "en"):
        assert render_text(build(case, day, lang))
    if not any(c.is_valued and c.by.value == "public" for c in case.agreements[0].contributions):
        from iop_model.outputs.export import ExportError

        with pytest.raises(ExportError) as error:  # no amount: never exported as 0 (M1)
            to_360giving([(path.name, case)], day, prefix="360G-example", own_ids=True)
        assert [p.rule for p in error.value.problems] == ["M1"]
        return
    grants = to_360giving([(path.name, case)], day, prefix="360G-example", own_ids=True)
    assert grants["grants"]
    assert to_ocds([(path.name, case)], day, prefix="ocds-example", own_ids=True)["releases"]


@pytest.mark.parametrize("day", [D(2021, 12, 1), D(2022, 6, 30), D(2023, 6, 30)])
def test_kalmar_real_three_million_on_every_day(day: pendulum.Date) -> None:
    from iop_model.files import load

    case = load(ROOT / "examples" / "real" / "kalmar-kvinnojouren.toml")
    grant = to_360giving([("k", case)], day, prefix="360G-x", own_ids=True)["grants"][0]
    assert grant["amountAwarded"] == 3_000_000


def test_real_facts_show_where_they_should() -> None:
    from iop_model.files import load

    real = ROOT / "examples" / "real"
    kramfors = load(real / "kramfors-kvinnoforum.toml")
    assert "F7" in [f.id for f in flags(kramfors.partnership, D(2023, 6, 1))]
    saron = load(real / "uddevalla-saronhuset.toml")
    by_year = build(saron, D(2022, 6, 1), "sv", money_by="agreement-year")
    assert "cirka 1\xa0700\xa0000\xa0kr" in by_year["contributions"][0]["periods"][0]["text"][0]
    srf = load(real / "uddevalla-synskadades-riksforbund.toml")
    assert srf.agreements[0].latest_end == D(2024, 3, 31)
    assert any(a.kind.value == "use_option" for a in srf.actions(D(2023, 1, 15)))
    nordstan_file = load(real / "goteborg-nordstan.toml")
    grants = to_360giving([("n", nordstan_file)], D(2018, 12, 31), prefix="360G-x", own_ids=True)
    assert [g["amountAwarded"] for g in grants["grants"]] == [730000, 320000]


# --- properties of the new rules (T18, P2, F7, M4 per year) -------------------------------------

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_lengths = st.tuples(st.integers(0, 2), st.integers(0, 14), st.integers(0, 40)).filter(
    lambda ymd: any(ymd)
)


@given(
    options=st.lists(_lengths, min_size=1, max_size=3),
    extension=_lengths,
    start=st.dates(pendulum.date(2000, 1, 1), pendulum.date(2040, 12, 31)),
)
def test_T18_an_extension_stands_iff_it_uses_an_option_or_stays_within_the_latest_end(
    options: list[tuple[int, int, int]],
    extension: tuple[int, int, int],
    start: object,
) -> None:
    from iop_model import Extension, ExtensionError, Option

    first = D(start.year, start.month, start.day)  # type: ignore[attr-defined]
    base = Agreement(
        "a",
        KALMAR,
        JOUR,
        Term.starting(first, years=1),
        options=[Option(years=y, months=m, days=d) for y, m, d in options],
    )
    latest = base.latest_end
    assert latest is not None
    chained = base.end  # the latest end is the end after every option, in order
    for option in base.options:
        chained = Term.starting(
            chained.add(days=1), years=option.years, months=option.months, days=option.days
        ).end
    assert latest == chained
    y, m, d = extension
    added = Term.starting(base.end.add(days=1), years=y, months=m, days=d)
    uses = any(
        Term.starting(base.end.add(days=1), years=o.years, months=o.months, days=o.days) == added
        for o in base.options
    )
    if uses or added.end <= latest:
        extended = base.extend(Extension(base.end, "SN", years=y, months=m, days=d))
        assert bool(extended.used_options) == uses
    else:
        with pytest.raises(ExtensionError, match="T18"):
            base.extend(Extension(base.end, "SN", years=y, months=m, days=d))


@given(names=st.lists(st.sampled_from(["A", "B", "C", "D"]), min_size=1, max_size=4))
def test_P2_the_first_partner_is_the_partner_and_names_are_unique(names: list[str]) -> None:
    from iop_model import AgreementError

    parties = [IdeaBasedParty(name) for name in names]
    if len(set(names)) < len(names):
        with pytest.raises(AgreementError, match="P2"):
            Agreement("a", KALMAR, parties[0], Term.year(2024), partners=parties)
    else:
        agreement = Agreement("a", KALMAR, parties[0], Term.year(2024), partners=parties)
        assert agreement.partner == agreement.partners[0]


@given(
    start=st.dates(pendulum.date(2000, 1, 1), pendulum.date(2040, 12, 31)),
    offset=st.integers(-400, 400),
)
def test_F7_raised_iff_decided_after_the_first_day(start: object, offset: int) -> None:
    first = D(start.year, start.month, start.day)  # type: ignore[attr-defined]
    decided = first.add(days=offset)
    agreement = Agreement(
        "a", KALMAR, JOUR, Term.starting(first, years=1), decided_on=decided, max_extent=None
    )
    day = max(decided, first)
    raised = "F7" in [f.id for f in flags(agreement, day)]
    assert raised == (decided > first)


@given(
    start=st.dates(pendulum.date(2000, 1, 1), pendulum.date(2040, 12, 31)),
    days=st.integers(1, 1500),
    amount=st.integers(0, 10_000_000),
    per=st.sampled_from(["year", "agreement-year"]),
)
def test_M4_a_per_year_amount_adds_up_over_any_split(
    start: object, days: int, amount: int, per: str
) -> None:
    first = D(start.year, start.month, start.day)  # type: ignore[attr-defined]
    period = Term(first, first.add(days=days - 1))
    grant = Contribution("public", "money", amount, period, per=per)
    years = [Term.year(y) for y in range(period.start.year, period.end.year + 1)]
    split = sum((figures([grant], y).total("public", "money") for y in years), Fraction(0))
    assert split == grant.total()
