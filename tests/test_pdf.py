"""Issue 24: a report an auditor signs, as a PDF (WeasyPrint), read back with pdftotext."""

from __future__ import annotations

import hashlib
import pathlib
import re
import shutil
import subprocess
import sys

import pytest

pytest.importorskip("weasyprint")

ROOT = pathlib.Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
    reason="poppler-utils (pdftotext, pdfinfo) not installed; .ci/run installs them",
)


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    out = tmp_path_factory.mktemp("pdf") / "report.pdf"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "iop_model",
            "report",
            str(EXAMPLES),
            "--as-of",
            "2025-10-15",
            "--format",
            "pdf",
            "--case-number",
            "REV 2025/12",
            "--prepared-by",
            "Socialförvaltningen",
            "--eur-rate",
            "11.5",
            "--eur-rate-source",
            "Riksbanken, månadsgenomsnitt september 2025",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return out


def _text(path: pathlib.Path, *pages: str) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", *pages, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@needs_poppler
def test_the_pdf_is_paged_numbered_and_says_its_language(pdf: pathlib.Path) -> None:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    assert pages >= 5
    assert "Tagged:          yes" in info
    first = _text(pdf, "-f", "1", "-l", "1")
    assert f"Sida 1 av {pages}" in first
    last = _text(pdf, "-f", str(pages), "-l", str(pages))
    assert f"Sida {pages} av {pages}" in last


def flat_lines(pdf: pathlib.Path) -> str:
    """Page 1 as read in content order (``pdftotext -raw``), lines kept."""
    return _text(pdf, "-raw", "-f", "1", "-l", "1")


@needs_poppler
def test_scope_method_inputs_and_gaps_come_first(pdf: pathlib.Path) -> None:
    first = _text(pdf, "-f", "1", "-l", "1")
    assert "Omfattning och metod" in first
    assert "inte ett rättsligt utlåtande" in first
    assert "Granskningens diarienummer: REV 2025/12" in first
    assert "Filerna upprättade av: Socialförvaltningen" in first
    assert "Riksbanken, månadsgenomsnitt september 2025" in first
    flat = _text(pdf, "-raw", "-f", "1", "-l", "1").replace("\n", "")
    digest = hashlib.sha256((EXAMPLES / "exempelby-kvinnojour.toml").read_bytes()).hexdigest()
    assert digest in flat  # the input's SHA-256, whole
    assert "Luckor i underlaget" in first
    # the words as read, whatever the line breaks and hyphenation (a line may end anywhere)
    words = " ".join(re.sub(r"[-\u2010\u00ad]\n", "", flat_lines(pdf)).split())
    assert "saknar beslutsdag" in words  # Mölndal's undated first agreement (T15)
    # the command as a shell needs it, to run it again; the time as Swedish text writes it
    assert "'Riksbanken, månadsgenomsnitt september 2025'" in words  # quoted: one argument
    assert re.search(r"Framtaget: \d{4}-\d\d-\d\d kl\. \d\d\.\d\d", words)
    assert " CET" not in words
    assert " CEST" not in words


@needs_poppler
def test_the_rules_appendix_and_the_signature_close_it(pdf: pathlib.Path) -> None:
    text = _text(pdf)
    assert "Bilaga: reglerna i denna version" in text
    for rule_id in ("T1", "D1", "M3", "F7", "P2", "T18"):
        assert re.search(rf"\b{rule_id}\b", text.split("Bilaga: reglerna")[1]), rule_id
    appendix = text.split("Bilaga: reglerna")[1]
    assert "analogt" in appendix
    assert "eget" in appendix
    assert "Underskrift" in text


def test_a_pdf_needs_an_output_file() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "iop_model", "report", str(EXAMPLES), "--format", "pdf"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
