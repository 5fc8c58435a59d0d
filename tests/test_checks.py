"""Issue 25: checks auditors write themselves (``iop-model test``)."""

from __future__ import annotations

import io
import pathlib
import xml.etree.ElementTree as ET

import pytest

from iop_model import FileError
from iop_model.checks import junit_xml, load_checks, lookup, render, run
from iop_model.cli import main

ROOT = pathlib.Path(__file__).parent.parent
CHECKS = ROOT / "examples" / "checks"


def test_the_shipped_checks_pass() -> None:
    results = run(load_checks(CHECKS))
    assert len(results) >= 4
    assert all(r.passed for r in results), render(results, "en")


def _write(tmp_path: pathlib.Path, text: str) -> pathlib.Path:
    file = tmp_path / "checks.toml"
    file.write_text(text, encoding="utf-8")
    (tmp_path / "a.toml").write_text(
        (ROOT / "examples" / "exempelby-kvinnojour.toml").read_text("utf-8"), encoding="utf-8"
    )
    return file


def test_a_failing_check_names_the_path_the_expected_and_the_got(tmp_path: pathlib.Path) -> None:
    file = _write(
        tmp_path,
        """format_version = 1
[[checks]]
name = "fel dag"
file = "a.toml"
as_of = 2025-10-15
expect = { "agreements.exempelby-jouren-2023.notice_deadline" = 2025-12-31, "goals[9].status" = "x" }
""",
    )
    results = run(load_checks(file))
    assert not results[0].passed
    assert [f[0] for f in results[0].failures] == [
        "agreements.exempelby-jouren-2023.notice_deadline",
        "goals[9].status",
    ]
    out = io.StringIO()
    assert (
        main(["test", str(file), "--lang", "en", "--junit", str(tmp_path / "j.xml")], out=out) == 1
    )
    assert "expected 2025-12-31, got '2025-12-30'" in out.getvalue()
    suite = ET.parse(tmp_path / "j.xml").getroot()
    assert (suite.get("tests"), suite.get("failures")) == ("1", "1")
    assert len(suite.findall("./testcase/failure")) == 2


def test_a_bad_checks_file_lists_every_problem(tmp_path: pathlib.Path) -> None:
    file = _write(
        tmp_path,
        """format_version = 1
[[checks]]
nmae = "x"
file = "a.toml"
as_of = "2025-10-15"
expect = {}
""",
    )
    with pytest.raises(FileError) as error:
        load_checks(file)
    messages = {p.path: p.message for p in error.value.problems}
    assert "did you mean 'name'" in messages["checks[0].nmae"]
    assert "checks[0].name" in messages
    assert "checks[0].as_of" in messages
    assert "checks[0].expect" in messages


def test_paths_take_keys_ids_and_indexes() -> None:
    data = {"agreements": [{"id": "a", "terms": [{"end": "2024-12-31"}]}], "goals": []}
    assert lookup(data, "agreements.a.terms[0].end") == "2024-12-31"
    with pytest.raises(KeyError, match="did you mean 'goals'"):
        lookup(data, "goal[0]")


def test_junit_escapes_text() -> None:
    results = run(load_checks(CHECKS))
    text = junit_xml(results)
    assert ET.fromstring(text.split("\n", 1)[1]).tag == "testsuite"


def test_the_junit_report_never_replaces_a_checks_file(tmp_path: pathlib.Path) -> None:
    """`--junit` is an output like -o: naming one of the inputs is refused (exit 2), the
    checks file is left as it was (issue 22's rule for every output)."""
    import shutil

    from iop_model.cli import main

    checks = tmp_path / "checks.toml"
    shutil.copy(ROOT / "examples" / "checks" / "exempelby.toml", checks)
    before = checks.read_bytes()
    with pytest.raises(SystemExit) as refused:
        main(["test", str(checks), "--junit", str(checks)], out=io.StringIO())
    assert refused.value.code == 2
    assert checks.read_bytes() == before
