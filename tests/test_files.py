"""Agreement files: round trips, the JSON Schema, bad files, limits, atomic writes, fuzzing."""

from __future__ import annotations

import copy
import datetime
import json
import os
import pathlib
import tomllib
from typing import Any

import jsonschema
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iop_model import Agreement
from iop_model.case import Case
from iop_model.cases import molndal
from iop_model.errors import FileError, IOPError
from iop_model.files.loader import FORMAT_VERSION, check, dump, dumps, load, loads, schema, to_data
from iop_model.testing import cases

ROOT = pathlib.Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
VALIDATOR = jsonschema.Draft202012Validator(schema())


def as_json_data(data: Any) -> Any:
    """TOML data as JSON would hold it (dates as text), for schema validation."""
    return json.loads(
        json.dumps(
            data, default=lambda v: v.isoformat() if isinstance(v, datetime.date) else str(v)
        )
    )


def molndal_data() -> dict[str, Any]:
    return as_json_data(to_data(molndal.case()))


def problems_of(text: str, fmt: str = "toml") -> list[str]:
    with pytest.raises(FileError) as info:
        loads(text, fmt)  # type: ignore[arg-type]
    return [str(p) for p in info.value.problems]


AGREEMENT = """format_version = 1
[[agreements]]
id = "a"
public_party = { name = "Kommunen" }
partner = { name = "Föreningen" }
term = { start = 2019-01-01, end = 2019-12-31 }
"""


# --- round trips --------------------------------------------------------------------------------------


@settings(max_examples=60)
@given(cases(), st.sampled_from(["toml", "json"]))
def test_load_of_dump_is_the_same_case(case: Case, fmt: str) -> None:
    assert loads(dumps(case, fmt), fmt) == case  # type: ignore[arg-type]


def test_loaded_dates_are_pendulum_dates_not_datetime_dates() -> None:
    """cattrs' JSON converter would turn pendulum.Date into datetime.date; our hook must not."""
    for fmt in ("toml", "json"):
        case = loads(dumps(molndal.case(), fmt), fmt)  # type: ignore[arg-type]
        agreement = case.agreements[0]
        days = [agreement.term.start, agreement.term.end, agreement.extensions[0].decided_on]
        days.append(case.agreements[1].decided_on)
        assert all(type(day) is pendulum.Date for day in days), [type(d) for d in days]


def test_the_molndal_example_file_is_the_built_in_case() -> None:
    assert load(ROOT / "examples" / "molndal-konstkollektivet.toml") == molndal.case()


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_pass_the_loader_and_the_schema(path: pathlib.Path) -> None:
    assert check(path) == ()
    VALIDATOR.validate(as_json_data(tomllib.loads(path.read_text("utf-8"))))


def test_json_files(tmp_path: pathlib.Path) -> None:
    target = tmp_path / "molndal.json"
    dump(molndal.case(), target)
    data = json.loads(target.read_text("utf-8"))
    assert data["format_version"] == FORMAT_VERSION
    assert data["agreements"][0]["term"] == {"start": "2019-01-01", "end": "2019-12-31"}
    VALIDATOR.validate(data)
    assert load(target) == molndal.case()


# --- schema and loader agree -------------------------------------------------------------------------


def _mutations() -> list[tuple[str, Any]]:
    def set_(path: list[Any], value: Any) -> Any:
        def apply(data: Any) -> None:
            target = data
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = value

        return apply

    def delete(path: list[Any]) -> Any:
        def apply(data: Any) -> None:
            target = data
            for key in path[:-1]:
                target = target[key]
            del target[path[-1]]

        return apply

    return [
        ("missing agreements", delete(["agreements"])),
        ("missing term", delete(["agreements", 0, "term"])),
        ("typo key", set_(["agreements", 0, "partnr"], {"name": "X"})),
        ("typo top-level key", set_(["goal"], [])),
        ("date format", set_(["agreements", 0, "term", "start"], "2019-1-1")),
        ("date as number", set_(["agreements", 0, "term", "end"], 20191231)),
        ("negative years", set_(["agreements", 0, "extensions", 0, "years"], -2)),
        ("years as text", set_(["agreements", 0, "extensions", 0, "years"], "2")),
        ("unknown version", set_(["format_version"], 2)),
        ("unknown rounding", set_(["agreements", 0, "rounding"], "nearest")),
        (
            "bad org number form",
            set_(["agreements", 0, "public_party", "org_number"], "212000+1355"),
        ),
        ("unknown activity kind", set_(["activities", 0, "kind"], "stage")),
        ("negative occasions", set_(["activities", 0, "reports", 0, "occasions"], -1)),
        ("unknown indicator", set_(["goals", 2, "indicator"], "Smiles!")),
        ("goal without subject", delete(["goals", 0, "subject"])),
        ("empty agreements", set_(["agreements"], [])),
        ("empty name", set_(["agreements", 0, "partner", "name"], "")),
        ("mean as word", set_(["activities", 0, "reports", 0, "mean_visitors"], "forty")),
    ]


@pytest.mark.parametrize(("name", "mutate"), _mutations(), ids=[m[0] for m in _mutations()])
def test_invalid_files_fail_both_schema_and_loader(name: str, mutate: Any) -> None:
    data = molndal_data()
    mutate(data)
    assert not VALIDATOR.is_valid(data), f"the schema accepts: {name}"
    with pytest.raises(FileError):
        loads(json.dumps(data), "json")


def test_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())


# --- bad files: every problem at once, with path, value and rule --------------------------------------


def test_every_problem_is_reported_at_once() -> None:
    text = AGREEMENT.replace(
        'partner = { name = "Föreningen" }', 'partnr = { name = "Föreningen" }'
    )
    text = text.replace("end = 2019-12-31", "end = 2018-12-31")
    text += (
        '[[agreements.extensions]]\ndecided_on = "2019-12-1"\ndecided_by = "Nämnden"\nyears = "2"\n'
    )
    found = problems_of(text)
    assert "agreements[0].partner: missing required field" in found
    assert any(
        p.startswith("agreements[0].partnr: unknown key; did you mean 'partner'?") for p in found
    )
    assert (
        "agreements[0].term.end: T3: the end 2018-12-31 is before the start 2019-01-01 (got 2018-12-31)"
        in found
    )
    assert (
        "agreements[0].extensions[0].decided_on: T1: expected a day written exactly as YYYY-MM-DD (got '2019-12-1')"
        in found
    )
    assert "agreements[0].extensions[0].years: expected a whole number (got '2')" in found


def test_late_extension_in_a_file() -> None:
    text = (
        AGREEMENT
        + '[[agreements.extensions]]\ndecided_on = 2020-01-10\ndecided_by = "Nämnden"\nyears = 2\n'
    )
    [problem] = problems_of(text)
    assert problem.startswith(
        "agreements[0].extensions[0].decided_on: T9: the extension was decided on 2020-01-10"
    )
    assert "follow-on agreement" in problem


def test_rule_problems_deeper_in_the_file() -> None:
    text = AGREEMENT + (
        '[[activities]]\nkind = "meeting_place"\nagreement = "a"\nname = "P"\n'
        "occasions = [{ day = 2020-02-01, visitors = 3 }]\n"
        '[[activities]]\nkind = "meeting_place"\nagreement = "b"\nname = "Q"\n'
    )
    found = problems_of(text)
    assert found[0].startswith(
        "activities[0].occasions[0].day: A2: 2020-02-01 is outside agreement 'a'"
    )
    assert (
        found[1]
        == "activities[1].agreement: no agreement with this id in the file (ids: a) (got 'b')"
    )


def test_goal_subject_must_exist() -> None:
    text = AGREEMENT + '[[goals]]\nkind = "minimum_duration"\nsubject = "nope"\nyears = 3\n'
    [problem] = problems_of(text)
    assert problem.startswith(
        "goals[0].subject: a duration goal's subject is 'partnership' or an agreement id"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "format_version = 2\n",
            "format_version: unknown format_version; this version of iop-model reads format_version 1 (got 2)",
        ),
        ("title = 'x'\n", "format_version: missing format_version"),
        ("format_version = 1\n[[agreements]\n", "(file): not valid TOML"),
        ('format_version = 1\nagreements = "a"\n', "agreements"),
        (
            AGREEMENT.replace("start = 2019-01-01", "start = 2019-01-01T10:00:00"),
            "agreements[0].term.start: T1: expected a date written as YYYY-MM-DD",
        ),
    ],
)
def test_bad_files(text: str, expected: str) -> None:
    assert any(p.startswith(expected) for p in problems_of(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"format_version": 1, "format_version": 1}', "appears twice"),
        ('{"format_version": NaN}', "NaN is not a number"),
        ("[1, 2]", "must hold a table"),
        ('{"format_version": 1.0}', "unknown format_version"),
    ],
)
def test_bad_json(text: str, expected: str) -> None:
    assert any(expected in p for p in problems_of(text, "json"))


def test_not_utf8() -> None:
    with pytest.raises(FileError, match="not UTF-8"):
        loads(b"format_version = 1\ntitle = '\xff'\n", "toml")


def test_size_limit() -> None:
    text = AGREEMENT + "# " + "x" * 2000 + "\n"
    with pytest.raises(FileError, match="more than the limit of 1000"):
        loads(text, "toml", max_bytes=1000)
    assert loads(text, "toml", max_bytes=10_000).agreements[0].id == "a"


def test_size_limit_reading_a_file(tmp_path: pathlib.Path) -> None:
    big = tmp_path / "big.toml"
    big.write_text(AGREEMENT + "# " + "x" * 5000 + "\n", "utf-8")
    with pytest.raises(FileError, match="limit of 100"):
        load(big, max_bytes=100)


def test_nesting_limit() -> None:
    deep = "[" * 40 + "]" * 40
    with pytest.raises(FileError, match="nested deeper than 32"):
        loads('{"format_version": 1, "x": ' + deep + "}", "json")
    with pytest.raises(FileError, match="nested deeper"):
        loads('{"x": ' + "[" * 100_000 + "]" * 100_000 + "}", "json")


def test_file_names_and_missing_files(tmp_path: pathlib.Path) -> None:
    with pytest.raises(FileError, match=r"must end in \.toml or \.json"):
        load(tmp_path / "case.yaml")
    with pytest.raises(FileError, match="cannot read the file"):
        load(tmp_path / "missing.toml")
    with pytest.raises(IOPError):
        dumps(molndal.case(), "yaml")  # type: ignore[arg-type]
    with pytest.raises(IOPError):
        dumps(molndal.extended_agreement())  # type: ignore[arg-type]


def test_file_error_is_an_iop_error_with_all_problems() -> None:
    with pytest.raises(IOPError) as info:
        loads("format_version = 1\n", "toml")
    error = info.value
    assert isinstance(error, FileError)
    assert error.problems[0].to_dict() == {
        "path": "agreements",
        "message": "missing required field",
        "value": None,
        "rule": None,
    }


# --- atomic writes -----------------------------------------------------------------------------------------


def test_dump_is_atomic(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "case.toml"
    dump(molndal.case(), target)
    before = target.read_bytes()

    def crash(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    changed = Case([molndal.first_agreement()])
    with pytest.raises(FileError, match="cannot write the file: disk full"):
        dump(changed, target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["case.toml"]


def test_dump_never_changes_the_case(tmp_path: pathlib.Path) -> None:
    case = molndal.case()
    snapshot = copy.deepcopy(case)
    dump(case, tmp_path / "x.toml")
    assert case == snapshot


# --- fuzzing: the loader either loads or raises FileError ----------------------------------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=12)
    | st.sampled_from(["2019-01-01", "2019-02-30", "up", "meeting_place", "minimum_duration"]),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)


def _load_or_file_error(text: str, fmt: str) -> None:
    failure: FileError | None = None
    result: Case | None = None
    try:
        result = loads(text, fmt)  # type: ignore[arg-type]
    except FileError as error:
        failure = error
    if failure is not None:
        assert failure.problems
        assert all(problem.path for problem in failure.problems)
    else:
        assert isinstance(result, Case)
        assert all(isinstance(agreement, Agreement) for agreement in result.agreements)


@given(json_values)
def test_fuzz_random_documents(value: Any) -> None:
    _load_or_file_error(json.dumps(value), "json")
    _load_or_file_error(json.dumps({"format_version": 1, "agreements": value}), "json")


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found.extend(_paths(value, (*prefix, key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.extend(_paths(value, (*prefix, index)))
    return found


BASE = molndal_data()
PATHS = _paths(BASE)


@given(st.sampled_from(PATHS), st.sampled_from(["delete", "replace", "rename"]), json_values)
def test_fuzz_mutated_documents(path: tuple[Any, ...], how: str, value: Any) -> None:
    data = copy.deepcopy(BASE)
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    last = path[-1]
    if how == "delete":
        del parent[last]
    elif how == "replace":
        parent[last] = value
    elif isinstance(parent, dict):
        parent[str(last) + "x"] = parent.pop(last)
    else:
        parent.append(value)
    _load_or_file_error(json.dumps(data), "json")


def test_the_docs_show_the_shipped_schema() -> None:
    text = (ROOT / "docs" / "files.md").read_text("utf-8")
    shown = text.split("<!-- schema:start -->\n```json\n")[1].split("\n```\n<!-- schema:end -->")[0]
    assert json.loads(shown) == schema()


def test_shared_parties_never_hide_a_bad_value() -> None:
    """Parties are structured once per distinct table; 1 == True must not reuse a party."""
    base = AGREEMENT.replace(
        'partner = { name = "Föreningen" }', 'partner = { name = "Föreningen", registered = true }'
    )
    second = (
        base.split("[[agreements]]")[1]
        .replace('id = "a"', 'id = "b"\nfollows = "a"')
        .replace("registered = true", "registered = 1")
        .replace("2019-01-01, end = 2019-12-31", "2020-01-01, end = 2020-12-31")
    )
    found = problems_of(base + "[[agreements]]" + second)
    assert found == ["agreements[1].partner.registered: expected true or false (got 1)"]


def test_file_error_paths_can_be_placed_under_a_prefix() -> None:
    with pytest.raises(FileError) as info:
        loads("format_version = 2\n", "toml")
    moved = info.value.at("cases[3]")
    assert isinstance(moved, FileError)
    assert [str(p) for p in moved.problems] == [
        "cases[3].format_version: unknown format_version; this version of iop-model reads "
        "format_version 1 (got 2)"
    ]
