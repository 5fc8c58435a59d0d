"""Issue 24: a report an auditor signs. One test per finding about the answers and the words
(the PDF itself is tested in tests/test_pdf.py)."""

from __future__ import annotations

import pathlib

import pendulum

from iop_model import Portfolio, flags
from iop_model.files import load
from iop_model.outputs.html import Document, render_html
from iop_model.outputs.text import render_text
from iop_model.queries.report import build
from support import run_cli

D = pendulum.date
ROOT = pathlib.Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
SHELTER = EXAMPLES / "exempelby-kvinnojour.toml"
TRYGGA = EXAMPLES / "exempelstad-trygga-vuxna.toml"


def test_2_the_web_page_states_scope_method_inputs_and_gaps() -> None:
    page = render_html(
        Portfolio.load(EXAMPLES),
        D(2025, 10, 15),
        "sv",
        document=Document(case_number="REV 2025/12", prepared_by="Socialförvaltningen"),
    )
    assert page.index("Omfattning och metod") < page.index("Översikt")
    assert "inte ett rättsligt utlåtande" in page
    assert "Granskningens diarienummer: REV 2025/12" in page
    assert "Luckor i underlaget" in page
    assert "Ingen växelkurs angiven" in page


def test_3_flags_show_their_negative_results() -> None:
    data = build(load(SHELTER), D(2025, 10, 15), "sv", eur_rate=11)
    tested = {f["id"]: f for f in data["flags"] if f["raised"] is False}
    assert "F3" in tested
    assert tested["F3"]["figures"]["ceiling_eur"] == "750000"
    text = render_text(data)
    assert "F3 (prövad): högst" in text


def test_3_the_overview_says_cannot_be_judged_never_none() -> None:
    page = render_html(Portfolio.load([SHELTER]), D(2025, 10, 15), "sv")
    overview = page.split('<table class="overview">')[1].split("</table>")[0]
    assert "F2, F3 kan inte bedömas" in overview


def test_17_an_overview_without_a_next_deadline_says_ingen() -> None:
    """'Nästa frist: ingen' (one deadline), 'Signaler: inga' (several): the Swedish agrees
    with the noun (item 17)."""
    page = render_html(
        Portfolio.load([EXAMPLES / "molndal-konstkollektivet.toml"]), D(2025, 10, 15), "sv"
    )
    overview = page.split('<table class="overview">')[1].split("</table>")[0]
    assert "<td>ingen</td>" in overview
    assert "<td>inga</td>" not in overview.split("ingen")[0]


def test_3_small_amounts_cannot_reach_the_ceiling_at_any_rate() -> None:
    from iop_model import Agreement, Contribution, IdeaBasedParty, PublicParty, Term

    small = Agreement(
        "s",
        PublicParty("Kommunen"),
        IdeaBasedParty("Föreningen"),
        Term.year(2024),
        decided_on=D(2023, 12, 1),
        contributions=[Contribution("public", "money", 200_000, Term.year(2024))],
    )
    assert [f.id for f in flags(small, D(2024, 6, 1)) if f.id in ("F2", "F3")] == []
    tested = [f for f in flags(small, D(2024, 6, 1), tested=True) if f.id == "F2"]
    assert [f.raised for f in tested] == [False]


def test_4_the_appendix_holds_every_rule_with_its_kind() -> None:
    from iop_model.rules import RULES

    page = render_html(Portfolio.load([SHELTER]), D(2025, 10, 15), "sv")
    appendix = page.split("Bilaga: reglerna i denna version")[1]
    for rule_id in RULES:
        assert f'<th scope="row">{rule_id} ' in appendix, rule_id
    assert "analogt" in appendix
    assert "eget val" in appendix


def test_7_assess_and_due_agree_on_a_partnership_goal_after_an_early_end() -> None:
    case = load(TRYGGA)
    day = D(2024, 10, 15)
    statuses = [a.status.name for a in case.as_known_on(day).assess(day)]
    assert statuses[0] == "OPEN"
    actions = [a for a in case.actions(day) if a.kind.value == "goal_at_risk"]
    assert [a.day for a in actions] == [D(2024, 11, 30)]
    assert "mål i fara: partnerskapet" in actions[0].text("sv")


def test_8_a_cut_extension_shows_its_decided_length_and_a_mutual_end() -> None:
    case = load(TRYGGA)
    text = render_text(build(case, D(2024, 12, 31), "sv"))
    assert "(3 månader; beslutad som 6 månader, avkortad av det förtida slutet)" in text
    goal_text = build(case, D(2024, 12, 31), "sv")["goals"][0]["text"]
    assert "Avslutat efter överenskommelse" in goal_text
    assert "Uppsagt" not in goal_text


def test_9_a_status_with_undated_decisions_says_it_may_change() -> None:
    from iop_model.cases import molndal

    known = molndal.case().as_known_on(D(2019, 12, 31))
    text = known.assess(D(2019, 12, 31))[0].explain("sv")
    assert "statusen gäller så som det är känt och kan ändras" in text


def test_10_notice_shows_the_agreed_day_and_the_advised_working_day() -> None:
    text = render_text(build(load(SHELTER), D(2025, 10, 15), "sv"))
    assert "senast 2025-12-31; rekommenderad sista dag 2025-12-30, en arbetsdag (D4, D5)" in text


def test_17_swedish_as_an_authority_writes_it() -> None:
    text = render_text(build(load(TRYGGA), D(2024, 10, 15), "sv"))
    assert text.startswith("Uppföljning: ")
    assert "Återrapportering: per avtalsår" in text
    assert "kom in 2024-04-15, i tid" in text
    assert "inte förfallen" in text
    for wrong in ("EJ SÄKRAT", "KAN EJ", "ej förfallen", "inkom ", "biblioteket", "Redovisning:"):
        assert wrong not in text, wrong
    late = render_text(build(load(TRYGGA), D(2025, 10, 15), "sv"))
    assert "dagar försenad" in late


def test_17_the_swedish_csv_has_swedish_headers_and_words(tmp_path: pathlib.Path) -> None:
    """Under --lang sv the spreadsheet speaks Swedish: headers, yes/no, statuses and actions
    in words, amounts with a decimal comma (what Excel with Swedish settings reads as a
    number); --lang en keeps the record keys (issue 24, item 17)."""
    example = str(EXAMPLES / "exempelby-kvinnojour.toml")
    swedish = run_cli("report", example, "--as-of", "2025-10-15", "--format", "csv")
    header, row = swedish.stdout.lstrip("\ufeff").splitlines()[:2]
    record = dict(zip(header.split(";"), row.split(";"), strict=True))
    assert record["Pågår"] == "ja"
    assert record["Nästa åtgärd"] == "sista dag för uppsägning"
    assert record["Mål"] == "Säkrat"
    assert record["Offentliga medel (kr)"] == "4350000,00"
    assert not any(key in header for key in ("public_money", "late_reports", "true", "false"))
    english = run_cli("report", example, "--as-of", "2025-10-15", "--format", "csv", "--lang", "en")
    assert english.stdout.lstrip("\ufeff").startswith("file;title;")
    due = run_cli("due", example, "--as-of", "2025-10-15", "--format", "csv")
    assert due.stdout.lstrip("\ufeff").startswith("Dag;Dagar kvar;Försenad;Åtgärd;")
    assert ";nej;sista dag för uppsägning;" in due.stdout


def test_a_report_made_again_is_the_same_with_source_date_epoch(tmp_path: pathlib.Path) -> None:
    """'Framtaget' is now, or SOURCE_DATE_EPOCH where it is set (the reproducible-builds
    convention): two runs give the same bytes, so an auditor can show a report unchanged."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "SOURCE_DATE_EPOCH": "1735689600"}  # 2025-01-01 00:00 UTC
    pages = []
    for name in ("a.html", "b.html"):
        out = tmp_path / name
        subprocess.run(
            [sys.executable, "-m", "iop_model", "report", str(SHELTER), "--as-of", "2025-10-15",
             "--format", "html", "-o", str(out)],
            check=True, env=env, cwd=tmp_path,
        )  # fmt: skip
        pages.append(out.read_text(encoding="utf-8").replace(name, "X.html"))
    assert pages[0] == pages[1]
    assert "Framtaget: 2025-01-01 kl. 01.00" in pages[0]
