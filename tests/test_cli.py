"""The ``iop-model`` command, through its real entry points."""

from __future__ import annotations

import json
import os
import pathlib
import shutil
import subprocess
import sys

import jsonschema
import pytest

from support import run_cli

ROOT = pathlib.Path(__file__).parent.parent
MOLNDAL = str(ROOT / "examples" / "molndal-konstkollektivet.toml")
EXEMPELSTAD = str(ROOT / "examples" / "exempelstad-trygga-vuxna.toml")


run = run_cli


def ok(*args: str) -> str:
    result = run(*args)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def test_no_command_runs_the_demo() -> None:
    out = ok()
    assert "Uppföljning: Mölndals stad och Konstkollektivet" in out
    assert "(i dag i Europe/Stockholm)" in out


def test_demo_in_english_as_of_a_day() -> None:
    out = ok("demo", "--lang", "en", "--as-of", "2019-12-19", "--on", "2019-09-01")
    assert "As of 2019-12-19\n" in out
    assert (
        "Extension: 2020-01-01–2021-12-31 (2 years), decided 2019-12-19 by Kultur- och fritidsnämnden (T8, T9)"
        in out
    )
    assert "Partnership: 2019-01-01–2021-12-31 (3 years), without gaps (T14)" in out  # as known
    # day by day only up to the as-of day (T13): later days rest on later decisions
    assert "  2019-06-30: OPEN\n  2019-09-01: OPEN\n  2019-12-19: SECURED\n" in out
    assert "2021-06-30: SECURED" not in out
    assert "Illustrative example: without the extension" not in out  # its day is after D
    assert "Öppen Kulturell Mötesplats (meeting place, molndal-konstkollektivet-2019)" in out
    assert "2019: no reports" in out  # the 2019 aggregate counts once 2019 has run (A5)
    assert "Later decisions in the file, not shown: 1 (T13)" in out
    assert "molndal-konstkollektivet-2022" not in out
    later = ok("demo", "--lang", "en", "--as-of", "2022-01-01")
    assert "2019: 26 occasions, 1,040 visitors, mean 40" in later
    assert "Illustrative example: without the extension, as of 2020-01-01: MISSED" in later
    assert "Illustrative example: 3. at least 25 occasions" in later
    assert "Assumption: avtalstiderna följer kalenderår" in later


def test_console_script_is_installed() -> None:
    script = shutil.which("iop-model", path=os.path.dirname(sys.executable))
    if script is None:
        pytest.skip("the iop-model script is not installed next to this Python")
    result = subprocess.run(
        [script, "demo", "--as-of", "2022-01-01"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert "Uppnått" in result.stdout


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_report_formats(fmt: str) -> None:
    out = ok("report", EXEMPELSTAD, "--as-of", "2025-01-15", "--lang", "en", "--format", fmt)
    if fmt == "json":
        data = json.loads(out)
        assert data["as_of"] == "2025-01-15"
        assert [g["status"] for g in data["goals"]] == [
            "missed",
            "partially_met",
            "not_met",
            "not_met",
        ]
    elif fmt == "markdown":
        assert out.startswith("# Follow-up: Exempelstads kommun")
        assert (
            "| 2024-03-01–2024-11-30 | 25 occasions, 166 visitors, mean 6.64 |" in out
        )  # agreement years
    else:
        assert "Ended by mutual agreement: last day 2024-11-30, decided 2024-10-15" in out
        assert "  2024-03-01–2024-11-30: due 2025-01-30, not yet due (D7)" in out
        assert "  Notice period: 2 months (D5)" in out
        assert "Status: MISSED" in out


def test_report_says_which_day_it_used() -> None:
    assert "Per 2022-01-01\n" in ok("report", MOLNDAL, "--as-of", "2022-01-01")
    assert "(i dag i Europe/Stockholm)" in ok("report", MOLNDAL)


def test_check_valid_files() -> None:
    out = ok("check", MOLNDAL, EXEMPELSTAD)
    assert out.count(": ok") == 2


def test_assess_json() -> None:
    data = json.loads(ok("assess", MOLNDAL, "--as-of", "2019-12-19", "--json"))
    statuses = [(a["subject_name"], a["status"]) for a in data["assessments"]]
    assert statuses[:2] == [
        ("partnership", "secured"),
        ("molndal-konstkollektivet-2019", "secured"),
    ]
    assert data["assessments"][1]["rules"] == [
        "G1",
        "T13",
        "T15",
        "G2",
        "T8",
        "G3",
        "T4",
        "T7",
        "G9",
        "G5",
    ]
    assert "Säkrat" in data["assessments"][1]["explanation"]["sv"]
    assert data["assessments"][0]["subject"] == {
        "kind": "partnership",
        "agreements": ["molndal-konstkollektivet-2019"],  # the 2022 one is not yet known (T13)
    }
    assert data["assessments"][2]["subject"]["name"] == "Öppen Kulturell Mötesplats"


def test_assess_text() -> None:
    out = ok("assess", MOLNDAL, "--as-of", "2022-01-01", "--lang", "en")
    assert "partnership: at least 3 years: ACHIEVED" in out


def test_schema_command_prints_the_schema() -> None:
    schema = json.loads(ok("schema"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["properties"]["format_version"] == {"const": 1}


def test_help_everywhere() -> None:
    assert "demo" in ok("--help")
    for command in ["demo", "report", "check", "assess", "schema"]:
        assert "usage: iop-model " + command in ok(command, "--help")


BAD_FILES = {
    "missing.toml": (
        'format_version = 1\n[[agreements]]\nid = "a"\npartner = { name = "F" }\n'
        "term = { start = 2019-01-01, end = 2019-12-31 }\n",
        "agreements[0].public_party: missing required field",
    ),
    "typo.toml": (
        'format_version = 1\n[[agreements]]\nid = "a"\npublic_party = { name = "K" }\n'
        'partner = { name = "F" }\nterm = { start = 2019-01-01, end = 2019-12-31 }\ntittle = "x"\n',
        "agreements[0].tittle: unknown key; did you mean 'title'?",
    ),
    "date.json": (
        '{"format_version": 1, "agreements": [{"id": "a", "public_party": {"name": "K"}, '
        '"partner": {"name": "F"}, "term": {"start": "2019-01-01", "end": "31/12/2019"}}]}',
        "agreements[0].term.end: T1: expected a day written exactly as YYYY-MM-DD (got '31/12/2019')",
    ),
    "order.toml": (
        'format_version = 1\n[[agreements]]\nid = "a"\npublic_party = { name = "K" }\n'
        'partner = { name = "F" }\nterm = { start = 2019-12-31, end = 2019-01-01 }\n',
        "agreements[0].term.end: T3: the end 2019-01-01 is before the start 2019-12-31",
    ),
    "late.toml": (
        'format_version = 1\n[[agreements]]\nid = "a"\npublic_party = { name = "K" }\n'
        'partner = { name = "F" }\nterm = { start = 2019-01-01, end = 2019-12-31 }\n'
        '[[agreements.extensions]]\ndecided_on = 2020-02-01\ndecided_by = "Nämnden"\nyears = 1\n',
        "agreements[0].extensions[0].decided_on: T9:",
    ),
    "big.toml": (
        "format_version = 1\n" + "# padding\n" * 500_000,
        "more than the limit of 4194304",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_files_give_clear_messages_and_a_non_zero_exit(
    name: str, tmp_path: pathlib.Path
) -> None:
    text, expected = BAD_FILES[name]
    path = tmp_path / name
    path.write_text(text, "utf-8")
    checked = run("check", str(path))
    assert checked.returncode == 1
    assert expected in checked.stdout
    assert "Traceback" not in checked.stdout + checked.stderr
    reported = run("report", str(path))
    assert reported.returncode == 1
    assert expected in reported.stderr
    assert "Traceback" not in reported.stderr


def test_check_lists_each_file_and_fails_if_any_fails(tmp_path: pathlib.Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("format_version = 3\n", "utf-8")
    result = run("check", MOLNDAL, str(bad))
    assert result.returncode == 1
    assert f"{MOLNDAL}: ok" in result.stdout
    assert "format_version: unknown format_version" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["demo", "--as-of", "2019-02-30"], "T1: no such calendar day"),
        (["demo", "--as-of", "tomorrow"], "T1: expected a day written exactly as YYYY-MM-DD"),
        (["report"], "the following arguments are required: FILE"),
        (["report", MOLNDAL, "--format", "doc"], "invalid choice: 'doc'"),
        (["report", MOLNDAL, "--format", "pdf"], "a PDF is written to a file"),
        (["assess", MOLNDAL, "--lang", "de"], "invalid choice: 'de'"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
    ],
)
def test_bad_command_lines_exit_2_without_a_traceback(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_file() -> None:
    result = run("report", "no-such-file.toml")
    assert result.returncode == 1
    assert "no such file or folder" in result.stderr


def test_a_closed_pipe_is_not_a_traceback() -> None:
    script = (
        "import io, sys\n"
        "from iop_model.cli import main\n"
        "class Closed(io.StringIO):\n"
        "    def write(self, text):\n"
        "        raise BrokenPipeError(32, 'Broken pipe')\n"
        "sys.exit(main(['demo'], out=Closed()))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
