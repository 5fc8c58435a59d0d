"""Issue 25: for developers and analysts: check --json, convert, --version, frames, and
recording what happens (case.with_...)."""

from __future__ import annotations

import io
import json
import pathlib

import pendulum
import pytest

from iop_model import Extension, FollowUpReport, Portfolio, Term, __version__
from iop_model.cli import main
from iop_model.files import load, loads

D = pendulum.date
ROOT = pathlib.Path(__file__).parent.parent
SHELTER = ROOT / "examples" / "exempelby-kvinnojour.toml"


def test_check_json_lists_every_problem(tmp_path: pathlib.Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("format_version = 1\n[[agreements]]\nid = 3\n", encoding="utf-8")
    out = io.StringIO()
    assert main(["check", str(SHELTER), str(bad), "--json"], out=out) == 1
    document = json.loads(out.getvalue())
    assert [d["valid"] for d in document] == [True, False]
    assert {"path", "message", "value", "rule"} <= set(document[1]["problems"][0])


def test_convert_round_trips(tmp_path: pathlib.Path) -> None:
    out = io.StringIO()
    assert main(["convert", str(SHELTER), "--to", "json"], out=out) == 0
    assert loads(out.getvalue(), "json") == load(SHELTER)


@pytest.mark.parametrize(
    "path",
    sorted((ROOT / "examples").glob("*.toml"))
    + sorted((ROOT / "examples" / "real").glob("*.toml")),
)
def test_convert_to_toml_keeps_the_documented_style_and_the_case(path: pathlib.Path) -> None:
    """Small tables inline (``term = { start = ..., end = ... }``) and lists of small tables
    as arrays of inline tables, as the docs write files, not a ``[section]`` per table
    (issue 25); the converted file reads back as the same case."""
    out = io.StringIO()
    assert main(["convert", str(path), "--to", "toml"], out=out) == 0
    text = out.getvalue()
    assert loads(text, "toml") == load(path)
    assert "[agreements.term]" not in text
    assert "term = { start = " in text
    long = [line for line in text.splitlines() if len(line) > 130]
    assert not any(line.lstrip().startswith("{") for line in long), long  # a long text only


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"iop-model {__version__}"


def test_frames_one_row_per_item_with_real_types() -> None:
    frames = Portfolio.load(ROOT / "examples").frames(D(2025, 10, 15))
    assert set(frames) == {"agreements", "goals", "actions", "money", "reports"}
    assert str(frames["reports"]["due"].dtype).startswith("datetime64")
    assert str(frames["money"]["amount"].dtype) == "float64"
    goals = frames["goals"]
    assert len(goals) == len(Portfolio.load(ROOT / "examples").goals(D(2025, 10, 15)))


def test_recording_a_report_keeps_the_activities() -> None:
    case = load(SHELTER)
    agreement = case.agreements[0]
    report = FollowUpReport(
        Term(D(2025, 7, 1), D(2026, 6, 30)), received_on=D(2026, 8, 1), reference="SN 2026/1"
    )
    later = case.with_follow_up_report(agreement.id, report)
    assert later.agreements[0].follow_up_reports[-1] == report
    assert [a.name for a in later.activities] == [a.name for a in case.activities]
    assert case.agreements[0].follow_up_reports != later.agreements[0].follow_up_reports
    extended = case.with_extension(agreement.id, Extension(D(2026, 5, 1), "Socialnämnden", years=1))
    assert extended.agreements[0].end == D(2027, 6, 30)


def test_constructors_say_what_they_accept_and_returned_types_are_exported() -> None:
    """No public constructor parameter is typed ``object`` (a converter's first parameter
    becomes the parameter's type), and what the API returns can be imported from
    ``iop_model`` (issue 25)."""
    import inspect
    import sys
    import typing

    import iop_model
    from iop_model.terms.agreement import resolve_types

    resolve_types()
    loose = []
    for name in iop_model.__all__:
        value = getattr(iop_model, name)
        if inspect.isclass(value) and hasattr(value, "__attrs_attrs__"):
            names = {**vars(sys.modules[value.__module__]), **vars(iop_model)}
            hints = typing.get_type_hints(value.__init__, globalns=names)
            loose += [(name, p) for p, t in hints.items() if t in (object, typing.Any)]
    assert loose == []
    for name in ("Action", "ActionKind", "KnownCase", "LaterFact", "PeriodReport", "Flag"):
        assert name in iop_model.__all__
        assert getattr(iop_model, name).__name__ == name
