"""Issue 15: all partnerships at once; the report as a web page, checked in a real browser."""

from __future__ import annotations

import csv
import io
import json
import os
import pathlib
import re
import shutil
import subprocess
import tempfile

import pendulum
import pytest

from iop_model import FileError, Portfolio
from iop_model.files.loader import dumps, load
from iop_model.outputs.html import OVERVIEW_COLUMNS, render_csv, render_html
from support import run_cli

D = pendulum.date
ROOT = pathlib.Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def test_portfolio_questions_as_of_2024_06_01() -> None:
    portfolio = Portfolio.load(EXAMPLES)
    day = D(2024, 6, 1)
    assert len(portfolio.cases) == 3
    assert [a.id for a in portfolio.active_on(day)] == [
        "exempelby-jouren-2023",
        "exempelstad-trygga-vuxna-2023",
        "molndal-konstkollektivet-2022",
    ]
    assert [a.agreement_id for _, a in portfolio.expiring(day, 365)] == [
        "exempelstad-trygga-vuxna-2023",
        "molndal-konstkollektivet-2022",
    ]
    open_goals = portfolio.goals_with_status(
        day, *[s for s in __import__("iop_model").GoalStatus if s.value == "open"]
    )
    assert [g["file"].split("/")[-1] for g in open_goals] == ["exempelstad-trygga-vuxna.toml"]
    assert portfolio.late_reports(D(2025, 10, 15))[0]["status"] == "late"  # the shelter, D7
    records = portfolio.to_records(day)
    assert [r["next_action"] for r in records] == ["report_due", "give_notice", "decide"]
    assert records[2]["next_action_day"] == "2024-12-31"  # 213 days on: shown whatever its distance


def test_portfolio_as_of_discipline() -> None:
    portfolio = Portfolio.load(EXAMPLES)
    assert portfolio.active_on(D(2019, 6, 30))[0].id == "molndal-konstkollektivet-2019"
    assert [r["in_force_end"] for r in portfolio.to_records(D(2019, 6, 30))] == [
        None,
        None,
        "2019-12-31",
    ]


def test_ids_clash_across_files_and_every_problem_is_reported(tmp_path: pathlib.Path) -> None:
    text = (EXAMPLES / "molndal-konstkollektivet.toml").read_text(encoding="utf-8")
    (tmp_path / "a.toml").write_text(text, encoding="utf-8")
    (tmp_path / "b.toml").write_text(text, encoding="utf-8")
    with pytest.raises(FileError) as caught:
        Portfolio.load(tmp_path)
    messages = [str(p) for p in caught.value.problems]
    assert any("b.toml: agreements[0].id" in m and "a.toml" in m for m in messages)
    (tmp_path / "c.json").write_text('{"format_version": 1, "agreements": []}', encoding="utf-8")
    with pytest.raises(FileError) as again:
        Portfolio.load([tmp_path / "c.json", tmp_path / "a.toml"])
    assert "c.json: agreements: T14" in str(again.value)


def test_to_frame_and_the_csv_overview() -> None:
    portfolio = Portfolio.load(EXAMPLES)
    frame = portfolio.to_frame(D(2024, 6, 1))
    assert list(frame.columns)[:4] == ["file", "title", "public_party", "partner"]
    assert len(frame) == 3
    text = render_csv(portfolio, D(2024, 6, 1))
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))
    assert list(rows[0]) == list(OVERVIEW_COLUMNS)
    assert rows[0]["active"] == "true"


def test_import_iop_model_does_not_import_pandas_or_jinja2() -> None:
    code = "import sys, iop_model; print('pandas' in sys.modules, 'jinja2' in sys.modules)"
    out = subprocess.run(
        [os.sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,  # type: ignore[attr-defined]
    )
    assert out.stdout.strip() == "False False"


def test_every_command_takes_a_folder() -> None:
    for args in (
        ("report", str(EXAMPLES), "--as-of", "2024-06-01"),
        ("assess", str(EXAMPLES), "--as-of", "2024-06-01"),
        ("check", str(EXAMPLES)),
        ("due", str(EXAMPLES), "--as-of", "2024-06-01"),
    ):
        result = run_cli(*args)
        assert result.returncode == 0, (args, result.stderr)
    assessed = run_cli("assess", str(EXAMPLES), "--as-of", "2024-06-01").stdout
    assert assessed.count(": per 2024-06-01") == 3
    many = json.loads(
        run_cli("report", str(EXAMPLES), "--as-of", "2024-06-01", "--format", "json").stdout
    )
    assert isinstance(many, list)
    assert len(many) == 3
    one = json.loads(
        run_cli(
            "report", str(EXAMPLES / "molndal-konstkollektivet.toml"), "--format", "json"
        ).stdout
    )
    assert isinstance(one, dict)  # one file: its report, as before


def hostile_portfolio(tmp_path: pathlib.Path) -> Portfolio:
    case = load(EXAMPLES / "exempelstad-trygga-vuxna.toml")
    text = dumps(case).replace("Föreningen Trygga Vuxna", "<script>alert(1)</script>")
    path = tmp_path / "hostile.toml"
    path.write_text(text, encoding="utf-8")
    return Portfolio.load([path, EXAMPLES / "exempelby-kvinnojour.toml"])


def test_names_from_files_are_escaped(tmp_path: pathlib.Path) -> None:
    page = render_html(hostile_portfolio(tmp_path), D(2025, 1, 15), "en")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    # nothing is loaded from the network: no link, source or import names a URL (the rules
    # appendix quotes sources' URLs as text)
    assert not re.search(r"""(src|href|url)\s*[=(]\s*["']?https?:""", page)
    assert "@import" not in page
    assert "<link" not in page


def test_page_structure_in_both_languages() -> None:
    portfolio = Portfolio.load(EXAMPLES)
    sv = render_html(portfolio, D(2024, 6, 1), "sv")
    en = render_html(portfolio, D(2024, 6, 1), "en")
    assert '<html lang="sv">' in sv
    assert '<html lang="en">' in en
    assert sv.count('<section class="partnership"') == 3
    assert '<th scope="col">Nästa frist</th>' in sv
    assert '<th scope="col">Next deadline</th>' in en
    assert 'class="status status-open">Inte säkrat<' in sv  # colour and words
    assert "break-before: page" in sv
    assert "<svg" in sv
    assert "<img" not in sv
    assert "2025-05-20" not in sv  # a grant decided after the as-of day (T13)


@pytest.mark.skipif(
    (CHROMIUM is None or shutil.which("pdfinfo") is None) and not os.environ.get("CI"),
    reason="needs chromium and pdfinfo (poppler-utils), which .ci/run installs",
)
def test_the_page_in_a_real_browser(tmp_path: pathlib.Path) -> None:
    """Chromium prints the page to PDF and takes a screenshot; the PDF has the overview and
    one page per partnership, and the page made no network request (its net log)."""
    assert CHROMIUM is not None, "CI installs chromium (.ci/run)"
    assert shutil.which("pdfinfo") is not None, "CI installs poppler-utils (.ci/run)"
    page = tmp_path / "report.html"
    page.write_text(
        render_html(hostile_portfolio(tmp_path), D(2025, 1, 15), "sv"), encoding="utf-8"
    )
    pdf, png, netlog = tmp_path / "report.pdf", tmp_path / "report.png", tmp_path / "net.json"
    base = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        # the browser's own background traffic, so that the net log shows only the page's
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-features=Translate,OptimizationHints,MediaRouter,NetworkTimeServiceQuerying",
        "--disable-client-side-phishing-detection", "--no-default-browser-check",
        # nothing leaves this machine: no name resolves, every connection goes to loopback
        "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
        f"--user-data-dir={tempfile.mkdtemp()}",
    ]  # fmt: skip
    subprocess.run(
        [
            *base,
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            f"--log-net-log={netlog}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    subprocess.run(
        [*base, "--window-size=1280,1600", f"--screenshot={png}", page.as_uri()],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert png.stat().st_size > 10_000
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    count = int(next(line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:")))
    assert count >= 3  # the overview, then each partnership on its own page
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Översikt" in text
    assert "<script>alert(1)</script>" in text
    assert "Skyddat boende och stödlinje" in text
    events = json.loads(netlog.read_text(encoding="utf-8"))["events"] if netlog.exists() else []
    # a request the page made has the page as initiator; the browser's own have none
    by_page = [
        e["params"]["url"]
        for e in events
        if "url" in e.get("params", {})
        and "initiator" in e["params"]
        and e["params"]["initiator"] != "not an origin"
        and e["params"]["url"].startswith(("http:", "https:"))
    ]
    assert by_page == []


def test_one_occasion_and_one_visitor_read_in_the_singular_on_the_page(
    tmp_path: pathlib.Path,
) -> None:
    """The web page words an activity's figures as the text report does: one occasion,
    one visitor (wording.count), not "1 occasions"."""
    from iop_model import AggregateReport, Case, MeetingPlace, Term

    agreement = load(EXAMPLES / "exempelstad-trygga-vuxna.toml").agreements[0]
    month = Term.month(agreement.start.year, agreement.start.month)
    place = MeetingPlace(
        agreement.id,
        "Mötesplats",
        reports=[AggregateReport(month, occasions=1, total_visitors=1)],
    )
    (tmp_path / "one.toml").write_text(dumps(Case([agreement], [place])), encoding="utf-8")
    portfolio = Portfolio.load(tmp_path)
    later = month.end.add(days=30)
    assert "1 occasion, 1 visitor, mean 1" in render_html(portfolio, later, "en")
    assert "1 tillfälle, 1 besökare, medelvärde 1" in render_html(portfolio, later, "sv")
