"""The command line, through its real entry points."""

from __future__ import annotations

import subprocess
import sys

from iop_model.cli import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "iop_model", *args], capture_output=True, text=True, check=False
    )


def test_python_m_iop_model_prints_the_molndal_case() -> None:
    result = run()
    assert result.returncode == 0, result.stderr
    assert "Mölndals stad" in result.stdout
    assert "2020-01-01..2021-12-31 (2 years), decided 2019-12-19" in result.stdout
    assert "Partnership: 2019-01-01..2024-12-31 (6 years); gaps: none" in result.stdout


def test_demo_as_of_a_day(capsys: object) -> None:
    assert main(["demo", "--as-of", "2020-06-30"]) == 0


def test_bad_date_is_a_message_not_a_traceback() -> None:
    result = run("demo", "--as-of", "2019-02-30")
    assert result.returncode == 2
    assert "T1" in result.stderr
    assert "--as-of" in result.stderr
    assert "Traceback" not in result.stderr
