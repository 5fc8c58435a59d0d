"""Issue 12: fuzzing the loader from the shipped JSON Schema and from mutated examples.

Whatever the document, :func:`iop_model.loads` either returns a case or raises the
library's own :class:`FileError` (never a bare exception), and a case that loads can be
reported in both languages and exported as JSON without a crash (every formatter total).
"""

from __future__ import annotations

import copy
import json
import pathlib
import tomllib
from typing import Any

import pendulum
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from iop_model import FileError, loads
from iop_model.outputs.text import render_text
from iop_model.queries.report import build
from iop_model.testing import cases

ROOT = pathlib.Path(__file__).parent.parent
SCHEMA = json.loads(
    (ROOT / "src" / "iop_model" / "files" / "schema" / "iop-model-1.schema.json").read_text("utf-8")
)


def _generating(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema to generate documents from: the shipped one, with an agreement's
    "partner or partners" (and "public_party or public_parties") choice fixed to the single
    keys. hypothesis-jsonschema canonicalises the two nested anyOf into every combination
    of every agreement's keys and takes minutes per example; the documents generated are a
    subset of the valid ones (a document with both keys is still generated, ``partners``
    being an optional key), and the list-only shorthand is covered by the examples
    (examples/real/goteborg-nordstan.toml) and tests/test_real_agreements.py."""
    generating = copy.deepcopy(schema)
    agreement = generating["$defs"]["agreement"]
    agreement.pop("allOf")
    agreement["required"] = ["id", "public_party", "partner", "term"]
    return generating


EXAMPLES = {
    path.name: tomllib.loads(path.read_text("utf-8"))
    for path in sorted((ROOT / "examples").glob("*.toml"))
}
AS_OF = pendulum.date(2024, 6, 1)


def _jsonable(value: Any) -> Any:
    """A TOML document as JSON values (TOML days become ``YYYY-MM-DD`` text)."""
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


JSON_EXAMPLES = {name: _jsonable(doc) for name, doc in EXAMPLES.items()}


def _exercise(document: Any) -> bool:
    """Load ``document``; report it when it loads. True when it loaded."""
    try:
        case = loads(json.dumps(document), "json")
    except FileError as error:
        problems = tuple(error.problems)
        assert problems, "a FileError names at least one problem"
        assert all(str(problem).strip() for problem in problems)
        return False
    for lang in ("sv", "en"):
        data = build(case, AS_OF, lang)
        assert render_text(data)
        json.dumps(data, default=str)
    return True


@settings(
    max_examples=settings().max_examples,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(from_schema(_generating(SCHEMA)))
def test_documents_generated_from_the_schema_load_or_fail_with_our_error(
    document: dict[str, Any],
) -> None:
    _exercise(document)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path inside a JSON value, the value itself first."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(_paths(item, (*prefix, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(_paths(item, (*prefix, index)))
    return found


JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(
        ["2019-02-29", "2019-1-1", "１２", "P1Y", "12/0", "1e400", "-1", "", " ", "\x00"]
    ),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
)


def _at(document: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        document = document[step]
    return document


@st.composite
def mutated_examples(draw: st.DrawFn) -> Any:
    """A shipped example with one to three values replaced, removed or duplicated, or a
    key added to one of its tables."""
    document = copy.deepcopy(draw(st.sampled_from(sorted(JSON_EXAMPLES.values(), key=str))))
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        if draw(st.integers(min_value=0, max_value=4)) == 0:
            tables = [p for p in _paths(document) if isinstance(_at(document, p), dict)]
            table = _at(document, draw(st.sampled_from(tables)))
            table[draw(st.sampled_from(["note", "kind", "years", "extra", "Id"]))] = draw(JUNK)
            continue
        paths = [path for path in _paths(document) if path]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["replace", "remove", "duplicate"]))
        if action == "replace":
            parent[path[-1]] = draw(JUNK)
        elif action == "remove":
            del parent[path[-1]]
        elif isinstance(parent, list):
            parent.append(copy.deepcopy(parent[path[-1]]))
        else:
            parent[path[-1]] = [parent[path[-1]]]
    return document


@settings(
    max_examples=2 * settings().max_examples,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(mutated_examples())
def test_mutated_examples_load_or_fail_with_our_error(document: Any) -> None:
    _exercise(document)


def test_examples_survive_the_round_trip_through_json() -> None:
    for name, document in JSON_EXAMPLES.items():
        assert _exercise(document), name


def _structure(converter: Any, document: Any) -> tuple[bool, Any]:
    from iop_model.files.loader import _File

    try:
        return True, converter.structure(document, _File)
    except Exception:  # the fast pass refuses with anything; the loader reads again
        return False, None


@settings(
    max_examples=settings().max_examples,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(mutated_examples())
def test_the_fast_pass_accepts_only_what_the_detailed_pass_accepts(document: Any) -> None:
    """The loader first reads with lean hooks (benchmark P2) and reads again with cattrs'
    detailed hooks on any failure: the lean ones must never accept a document the detailed
    ones refuse, nor read it differently."""
    from iop_model.files.loader import _CONVERTER, _FAST, _parse

    try:
        data = _parse(json.dumps(document).encode("utf-8"), "json")
    except ValueError:  # a float infinity or NaN is no JSON: the loader refuses it at parsing
        return
    fast_ok, fast = _structure(_FAST, data)
    detailed_ok, detailed = _structure(_CONVERTER, data)
    if fast_ok:
        assert detailed_ok
        assert fast == detailed


# --- the loader and the shipped schema agree ---------------------------------------------------


def _schema_accepts(document: Any) -> bool:
    import jsonschema

    validator = jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    return validator.is_valid(document)


def _loads_json(document: Any) -> bool:
    try:
        loads(json.dumps(document), "json")
    except FileError:
        return False
    return True


@settings(
    max_examples=settings().max_examples, deadline=None, suppress_health_check=list(HealthCheck)
)
@given(mutated_examples())
def test_what_the_loader_accepts_the_schema_accepts(document: Any) -> None:
    """Issue 22, finding 9: the loader accepted amounts the schema forbids (floats). Every
    document the loader accepts is valid by the schema; the schema cannot judge the rules
    (T, D, M, ...), so a document it accepts may still be refused by the loader."""
    try:
        text = json.dumps(document, allow_nan=False)
    except ValueError:
        return  # not JSON at all
    if _loads_json(json.loads(text)):
        assert _schema_accepts(json.loads(text))


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(cases())
def test_every_file_the_library_writes_is_valid_by_the_schema(case: Any) -> None:
    from iop_model.files import dumps

    document = json.loads(dumps(case, "json"))
    assert _schema_accepts(document)
    assert _loads_json(document)


def test_the_schema_refuses_what_the_loader_refuses_in_the_examples() -> None:
    """A document the schema refuses (an unknown key, a float amount, a bad day) is refused
    by the loader too."""
    for document in JSON_EXAMPLES.values():
        for change in (
            lambda d: d["agreements"][0].update({"unknown": 1}),
            lambda d: d["agreements"][0].update({"term": {"start": "2024-1-1", "end": "x"}}),
            lambda d: d["agreements"][0].setdefault("contributions", []).append(
                {"by": "public", "kind": "money", "amount": 1.5,
                 "period": d["agreements"][0]["term"]}
            ),
        ):  # fmt: skip
            changed = copy.deepcopy(document)
            change(changed)
            assert not _schema_accepts(changed)
            assert not _loads_json(changed)
