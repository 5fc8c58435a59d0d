"""Issue 12: bad input, every problem at once, no crash, no silent coercion.

Each test reproduces one finding of the issue; the files that made the library crash or
wrongly accept them are kept under ``tests/bad_inputs/``.
"""

from __future__ import annotations

import json
import pathlib

import pendulum
import pytest

from iop_model import FileError, IdeaBasedParty, IOPError, PartyError, loads
from iop_model.activities import MAX_COUNT
from iop_model.outputs.text import render_text
from iop_model.queries.report import build
from support import run_cli

BAD = pathlib.Path(__file__).parent / "bad_inputs"
ROOT = pathlib.Path(__file__).parent.parent
MOLNDAL = (ROOT / "examples" / "molndal-konstkollektivet.toml").read_text(encoding="utf-8")

GOOD_HEAD = """format_version = 1
[[agreements]]
id = "a"
public_party = { name = "Kommunen" }
partner = { name = "Föreningen" }
term = { start = 2024-01-01, end = 2024-12-31 }
"""


def problems(text: str, fmt: str = "toml") -> list[str]:
    with pytest.raises(FileError) as caught:
        loads(text, fmt)  # type: ignore[arg-type]
    return [str(p) for p in caught.value.problems]


def test_finding_1_every_problem_at_once_sorted_by_path() -> None:
    found = problems((BAD / "six-problems.toml").read_text(encoding="utf-8"))
    assert len(found) == 6, found
    paths = [p.split(":")[0] for p in found]
    assert paths == sorted(paths)
    text = "\n".join(found)
    assert "agreements[0].follows" in text
    assert "did you mean 'a'" in text
    assert "activities[0].agreement" in text
    assert "activities[1].kind" in text
    assert "did you mean 'meeting_place'" in text
    assert "goals[0].subject" in text
    assert "goals[1].subject" in text
    assert "goals[2].indicator" in text
    assert "did you mean 'occasions'" in text


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("huge-occasions.toml", "activities[0].reports[0].occasions"),
        ("huge-target.toml", "goals[0].target"),
        ("enormous-target.toml", "goals[0].target"),
        ("huge-extension.toml", "agreements[0].extensions[0].years"),
    ],
)
def test_finding_2_bounds_are_checked_when_loading(name: str, path: str) -> None:
    found = problems((BAD / name).read_text(encoding="utf-8"))
    assert any(p.startswith(path) for p in found), found


def test_finding_2_formatters_are_total() -> None:
    from fractions import Fraction

    from iop_model import wording

    assert wording.decimal(Fraction(10**30, 7), "sv")
    assert wording.percent(Fraction(10**30), "en")
    assert MAX_COUNT == 2**53 - 1


@pytest.mark.parametrize(
    "snippet",
    ['extensions = ""', "follow_up_reports = {}", 'contributions = ""'],
)
def test_finding_3_no_silent_coercion_of_lists(snippet: str) -> None:
    found = problems(GOOD_HEAD.replace("term = {", f"{snippet}\nterm = {{"))
    assert any("expected a list" in p for p in found), found


def test_finding_3_goals_and_reports_must_be_lists() -> None:
    head = GOOD_HEAD.replace("format_version = 1\n", 'format_version = 1\ngoals = ""\n')
    assert any("expected a list" in p for p in problems(head))


def test_finding_4_ascii_digits_only() -> None:
    with pytest.raises(PartyError, match="P1"):
        IdeaBasedParty("Föreningen", org_number="８０２５００-１２３４")
    found = problems(GOOD_HEAD.replace("2024-01-01", '"２０２４-01-01"', 1))
    assert any("T1" in p for p in found), found


def test_finding_5_messages_point_to_the_right_place() -> None:
    data = json.loads(
        json.dumps(
            {
                "format_version": 1,
                "agreements": [
                    {
                        "id": "a",
                        "public_party": {"name": "K"},
                        "partner": {"name": "F"},
                        "term": "2023-07-01..2026-06-30",
                    }
                ],
            }
        )
    )
    found = problems(json.dumps(data), "json")
    assert found == ["agreements[0].term: expected a table (got '2023-07-01..2026-06-30')"]
    kind = problems(GOOD_HEAD + '[[goals]]\nkind = "minimum_duraton"\nsubject = "a"\nyears = 3\n')
    assert kind == [
        "goals[0].kind: expected goal kind one of 'minimum_duration', 'activity_target'; did you "
        "mean 'minimum_duration'? (got 'minimum_duraton')"
    ]
    events = problems(
        GOOD_HEAD
        + '[[activities]]\nkind = "venue"\nagreement = "a"\nname = "Scen"\n'
        + '[[goals]]\nkind = "activity_target"\nsubject = "Scen"\nindicator = "events"\ntarget = 3\n'
        + "period = { start = 2024-01-01, end = 2024-12-31 }\n"
    )
    assert any(p.startswith("goals[0].event_kind: A9") for p in events), events


def test_finding_5_the_size_limit_states_the_files_size() -> None:
    with pytest.raises(FileError) as caught:
        loads("x" * 2000, max_bytes=1000)
    assert "more than the limit of 1000" in str(caught.value)
    assert "1001" not in str(caught.value)


@pytest.mark.parametrize("day", ["2019-1-1", "2019-02-29", "2019-13-01"])
def test_finding_5_unquoted_bad_dates_get_T1(day: str) -> None:
    found = problems(GOOD_HEAD.replace("start = 2024-01-01", f"start = {day}"))
    assert any("T1" in p for p in found), found
    assert not any("Unclosed" in p for p in found), found


def test_finding_6_byte_order_mark_and_latin_1() -> None:
    case = loads("\ufeff" + MOLNDAL)
    assert case.agreements[0].id == "molndal-konstkollektivet-2019"
    latin = GOOD_HEAD.replace("Föreningen", "Förening").encode("latin-1")
    with pytest.raises(FileError) as caught:
        loads(latin)
    message = str(caught.value)
    assert "line 5" in message
    assert "UTF-8" in message


def test_finding_7_format_friction() -> None:
    text = json.dumps({"format_version": 1, "agreements": []})
    with pytest.raises(FileError) as caught:
        loads(text)
    assert "format='json'" in str(caught.value)
    result = run_cli("check", "-", "--format", "toml")
    assert result.returncode in (0, 1)


def test_check_reads_standard_input() -> None:
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "iop_model", "check", "-", "--format", "toml"],
        input=MOLNDAL,
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert "<stdin>: ok" in out.stdout


def test_report_of_huge_but_valid_counts_does_not_crash() -> None:
    text = (BAD / "largest-valid.toml").read_text(encoding="utf-8")
    case = loads(text)
    assert render_text(build(case, pendulum.date(2025, 1, 1)))


def test_fuzz_find_an_indicator_key_that_is_not_text_is_a_problem_not_a_crash() -> None:
    """Found by tests/test_fuzz.py: a general activity's indicator key given as a list made
    the cross-reference check end in a TypeError."""
    found = problems((BAD / "indicator-key-list.toml").read_text(encoding="utf-8"))
    assert any(p.startswith("activities[0].indicators[0].key") for p in found), found


def test_a_mapping_is_never_read_as_a_sequence_in_the_api() -> None:
    """The API's sequence fields refuse a dict (read as its keys, ``{}`` would be an empty
    list): the same rule as the file's "expected a list" (finding 3)."""
    from iop_model import Agreement, Partnership, PublicParty, Term

    with pytest.raises(IOPError, match="expected a sequence of Extension") as caught:
        Agreement(
            "a",
            PublicParty("Kommunen"),
            IdeaBasedParty("Föreningen"),
            Term.year(2024),
            extensions={},  # type: ignore[arg-type]
        )
    assert caught.value.field == "extensions"
    with pytest.raises(IOPError, match="expected a sequence of Agreement"):
        Partnership({})  # type: ignore[arg-type]
