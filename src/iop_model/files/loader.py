"""Agreement files: read and write a :class:`~iop_model.case.Case` as TOML or JSON.

This module is an edge: it depends on the core, the core never imports it. Parsing uses only
the standard library's safe parsers (:mod:`tomllib`, :mod:`json`); structuring uses cattrs
with strict hooks and ``forbid_extra_keys=True``, so a typo is an error rather than a dropped
field. Every problem in a file is reported at once in a :class:`~iop_model.errors.FileError`,
each with its path, the bad value and the rule ID where a rule was broken.

>>> from iop_model.cases import molndal
>>> from iop_model.files import dumps, loads
>>> text = dumps(molndal.case(), "toml")
>>> loads(text, "toml") == molndal.case()
True
>>> loads('format_version = 1\\n[[agreements]]\\nid = "a"\\n', "toml")
Traceback (most recent call last):
...
iop_model.errors.FileError: <string>: 3 problems
  agreements[0].partner: missing required field
  agreements[0].public_party: missing required field
  agreements[0].term: missing required field
"""

from __future__ import annotations

import datetime
import difflib
import enum
import errno
import json
import os
import re
import stat
import tomllib
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from importlib import resources
from pathlib import Path
from typing import Any, Final, Literal

import attrs
import cattrs
import pendulum
import tomli_w
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from iop_model._validators import check_text
from iop_model.activities import ACTIVITY_KINDS, Activity, EventKind, Unit
from iop_model.activities.targets import ActivityTarget, Indicator
from iop_model.case import PARTNERSHIP, Case, CaseGoal
from iop_model.deadlines.calendar import Roll
from iop_model.deadlines.reporting import ReportingPeriod
from iop_model.errors import FileError, IOPError, Problem
from iop_model.goals import Goal, MinimumDuration
from iop_model.money import ContributionKind, Contributor
from iop_model.parties import IdeaBasedParty, PublicParty
from iop_model.terms.agreement import (
    Agreement,
    OptionHolder,
    TerminationKind,
    duplicate_ids,
    resolve_types,
)
from iop_model.terms.term import Length, Rounding, _parse_iso_day, as_date

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_DEPTH",
    "FORMAT_VERSION",
    "Format",
    "check",
    "dump",
    "dumps",
    "expand",
    "load",
    "load_all",
    "loads",
    "schema",
    "to_data",
]

Format = Literal["toml", "json"]
Date = pendulum.Date

#: The file format version this library reads and writes.
FORMAT_VERSION = 1
#: Files larger than this are refused unless a larger ``max_bytes`` is given.
DEFAULT_MAX_BYTES = 4 * 1024 * 1024
#: Tables or lists nested deeper than this are refused.
DEFAULT_MAX_DEPTH = 32
#: The deepest nesting a valid file can have (file, agreements, agreement, extensions, ...).
_FORMAT_DEPTH = 8

_UNSAFE_TEXT: Final = re.compile(
    "[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069\\ud800-\\udfff]"
)
_EXACT_TEXT = re.compile(r"[0-9]+(\.[0-9]+)?|[0-9]+/[1-9][0-9]*")

_ACTIVITY_KINDS: dict[str, type[Activity]] = ACTIVITY_KINDS
_ACTIVITY_TAGS = {cls: tag for tag, cls in _ACTIVITY_KINDS.items()}
_GOAL_KINDS: dict[str, type[Goal]] = {
    "minimum_duration": MinimumDuration,
    "activity_target": ActivityTarget,
}
_GOAL_TAGS = {cls: tag for tag, cls in _GOAL_KINDS.items()}


class _InvalidError(Exception):
    """A leaf problem raised inside a hook: message, value, rule, and the key within the
    table it concerns (``at``), when not the table itself."""

    def __init__(
        self, message: str, value: object, rule: str | None = None, at: str | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.value = value
        self.rule = rule
        self.at = at


# --- scalar hooks: strict, never coercing ------------------------------------------------------


def _structure_date(value: object, _: type) -> Date:
    if type(value) is str:
        try:
            return _parse_iso_day(value, None)  # cached by day text
        except IOPError as error:
            raise _InvalidError(error.message, value, error.rule) from None
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        try:
            return as_date(value)
        except IOPError as error:
            raise _InvalidError(error.message, value, error.rule) from None
    raise _InvalidError("expected a date written as YYYY-MM-DD", value, "T1")


def _structure_int(value: object, _: type) -> int:
    if type(value) is not int:
        raise _InvalidError("expected a whole number", value)
    return value


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise _InvalidError("expected text", value)
    if _UNSAFE_TEXT.search(value) is not None:  # every field at once (I1); short ones later
        try:
            check_text(value, "", IOPError, long=True)
        except IOPError as error:
            raise _InvalidError(error.message, value, error.rule) from None
    return value


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise _InvalidError("expected true or false", value)
    return value


def _structure_exact(value: object, _: type) -> int | Fraction | Decimal:
    """Exact numbers: an integer, a decimal (parsed as Decimal) or text like "40.5" or
    "121/3"."""
    if type(value) is int:
        return value
    if isinstance(value, Decimal) and value.is_finite():
        return value  # bounded by the field's own check (A1) before any exact conversion
    if isinstance(value, str) and len(value) <= 40 and _EXACT_TEXT.fullmatch(value):
        return Fraction(value) if "/" in value else Decimal(value)
    raise _InvalidError('expected an exact number (40, 40.5, "40.5" or "121/3")', value, "A1")


def _structure_amount(value: object, _: type) -> Decimal:
    """An amount (M1): a whole number or decimal text, which goes to :class:`Contribution`'s
    own check unchanged. A number with a decimal point is a float in TOML and JSON (the
    file's reader keeps it as a Decimal, but the file says float): refused, as the file
    format and its JSON Schema say."""
    if type(value) is int or isinstance(value, str):
        return value  # type: ignore[return-value]
    if isinstance(value, Decimal):
        raise _InvalidError(
            'an amount is a whole number or decimal text such as "1200000.50", never a '
            "number with a decimal point (a float)",
            value,
            "M1",
        )
    raise _InvalidError('expected an exact amount (1200000 or "1200000.50")', value, "M1")


class _NotValued:
    """Stands for a contribution's missing ``amount`` (described, not valued): the file
    leaves the key out; a ``null`` stays refused."""


_NOT_VALUED: Final = _NotValued()


def _structure_optional_amount(value: object, kind: type) -> Decimal | None:
    if value is _NOT_VALUED:
        return None
    return _structure_amount(_not_null(value), kind)


def _unstructure_exact(value: int | Fraction | Decimal) -> int | str:
    if isinstance(value, int):
        return value
    if isinstance(value, Fraction) and value.denominator == 1:
        return value.numerator
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    return str(value)


def _enum_hook(kind: type[enum.Enum]) -> Callable[[object, type], enum.Enum]:
    allowed = [member.value for member in kind]

    def structure(value: object, _: type) -> enum.Enum:
        for member in kind:
            if member.value == value:
                return member
        raise _InvalidError(f"expected one of {', '.join(map(repr, allowed))}", value)

    return structure


def _structure_agreement_ref(value: object, _: type) -> str:
    if not isinstance(value, str) or not value:
        raise _InvalidError("expected the id of one of the file's agreements", value)
    return value


def _unstructure_agreement_ref(value: Agreement | str) -> str:
    return value.id if isinstance(value, Agreement) else value


# --- the converter -----------------------------------------------------------------------------


def _converter(detailed: bool = True) -> cattrs.Converter:
    resolve_types()  # an agreement's annotations name classes loaded on first use
    conv = cattrs.Converter(
        forbid_extra_keys=True, omit_if_default=True, detailed_validation=detailed
    )
    conv.register_structure_hook_factory(_is_optional, lambda t: _no_null(conv, t))
    if detailed:  # first: the specific hooks below take precedence
        _tables(conv)
    else:
        _fast_tables(conv)
    conv.register_structure_hook(Date, _structure_date)
    conv.register_unstructure_hook(Date, lambda d: d)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(bool, _structure_bool)
    exact = int | Fraction | Decimal
    optional_exact = int | Fraction | Decimal | None
    conv.register_structure_hook_func(lambda t: t == exact, _structure_exact)
    conv.register_unstructure_hook_func(lambda t: t == exact, _unstructure_exact)
    conv.register_structure_hook_func(
        lambda t: t == optional_exact, lambda v, t: _structure_exact(_not_null(v), t)
    )
    conv.register_unstructure_hook_func(
        lambda t: t == optional_exact, lambda v: None if v is None else _unstructure_exact(v)
    )
    conv.register_unstructure_hook(Fraction, _unstructure_exact)
    conv.register_unstructure_hook(Decimal, _unstructure_exact)
    conv.register_structure_hook(Decimal, _structure_amount)
    optional_amount = Decimal | None
    conv.register_structure_hook_func(lambda t: t == optional_amount, _structure_optional_amount)
    for kind in (
        Rounding,
        EventKind,
        Indicator,
        Roll,
        TerminationKind,
        ReportingPeriod,
        Contributor,
        ContributionKind,
        Unit,
        OptionHolder,
    ):
        conv.register_structure_hook(kind, _enum_hook(kind))
    optional_roll = Roll | None  # files write no roll as "none": TOML has no null
    roll_hook = _enum_hook(Roll)
    conv.register_structure_hook_func(
        lambda t: t == optional_roll,
        lambda v, t: None if v == "none" else roll_hook(_not_null(v), t),
    )
    conv.register_unstructure_hook_func(
        lambda t: t == optional_roll, lambda v: "none" if v is None else v.value
    )
    indicator = Indicator | str
    enum_indicator = _enum_hook(Indicator)

    def structure_indicator(value: object, _: Any) -> Indicator | str:
        if any(member.value == value for member in Indicator):
            return enum_indicator(value, Indicator)  # type: ignore[return-value]
        return _structure_str(value, str)  # a general activity's own key, checked by the case

    conv.register_structure_hook_func(lambda t: t == indicator, structure_indicator)
    conv.register_unstructure_hook_func(
        lambda t: t == indicator, lambda v: v if isinstance(v, str) else v.value
    )
    every = ReportingPeriod | Length  # a reporting duty's "year" or { months = 4 }
    period_hook = _enum_hook(ReportingPeriod)

    def structure_every(value: object, _: Any) -> ReportingPeriod | Length:
        if isinstance(value, Mapping):
            length: Length = conv.structure(value, Length)
            return length
        return period_hook(value, ReportingPeriod)  # type: ignore[return-value]

    conv.register_structure_hook_func(lambda t: t == every, structure_every)
    conv.register_unstructure_hook_func(
        lambda t: t == every,
        lambda v: conv.unstructure(v, Length) if isinstance(v, Length) else v.value,
    )
    ref = Agreement | str
    conv.register_structure_hook_func(lambda t: t == ref, _structure_agreement_ref)
    conv.register_unstructure_hook_func(lambda t: t == ref, _unstructure_agreement_ref)
    # ActivityTarget.kind is written "event_kind": "kind" tags the goal itself.
    target_overrides: dict[str, Any] = {"kind": override(rename="event_kind")}
    conv.register_structure_hook(
        ActivityTarget, make_dict_structure_fn(ActivityTarget, conv, **target_overrides)
    )
    conv.register_unstructure_hook(
        ActivityTarget,
        make_dict_unstructure_fn(
            ActivityTarget, conv, _cattrs_omit_if_default=True, **target_overrides
        ),
    )
    if detailed:  # lists are lists: "" or {} is never read as an empty list
        conv.register_structure_hook_factory(_is_sequence, lambda t: _strict_sequence(conv, t))
    else:
        conv.register_structure_hook_factory(_is_sequence, lambda t: _sequence_hook(conv, t))
        for party in (PublicParty, IdeaBasedParty):
            conv.register_structure_hook(party, _interned(_fast_table(party, conv)))
        optional_str, optional_date = str | None, Date | None
        conv.register_structure_hook_func(lambda t: t == optional_str, _structure_optional_str)
        conv.register_structure_hook_func(
            lambda t: t == optional_date, lambda v, t: _structure_date(_not_null(v), t)
        )
    _tagged(conv, Activity, _ACTIVITY_KINDS, "activity")
    conv.register_structure_hook(CaseGoal, lambda v, _: _structure_goal(conv, v))
    conv.register_unstructure_hook(CaseGoal, lambda g: _unstructure_goal(conv, g))
    return conv


def _interned(structure: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """Structure equal tables once: a register repeats the same parties many times, and the
    frozen values can be shared."""
    seen: dict[tuple[tuple[str, Any], ...], Any] = {}

    def hook(value: Any, kind: Any) -> Any:
        # Only tables of text and true/false are shared: 1 == True, so an int could
        # otherwise find a party made from a bool.
        if type(value) is not dict or any(type(v) not in (str, bool) for v in value.values()):
            return structure(value, kind)
        key = tuple(value.items())
        found = seen.get(key)
        if found is None:
            found = seen[key] = structure(value, kind)
            if len(seen) > 4096:
                seen.clear()
        return found

    return hook


def _is_sequence(kind: Any) -> bool:
    """``tuple[X, ...]`` or ``list[X]``."""
    args = typing.get_args(kind)
    origin = typing.get_origin(kind)
    return (origin is tuple and len(args) == 2 and args[1] is Ellipsis) or (
        origin is list and len(args) == 1
    )


def _sequence_hook(conv: cattrs.Converter, kind: Any) -> Callable[[object, Any], Any]:
    """A lean hook for homogeneous sequences, for the fast converter (cattrs' generic one
    keeps per-item bookkeeping that only the detailed pass needs)."""
    item = typing.get_args(kind)[0]
    handler = conv.get_structure_hook(item)
    make = tuple if typing.get_origin(kind) is tuple else list

    def structure(value: object, _: Any) -> Any:
        if not isinstance(value, list):
            raise _InvalidError("expected a list", value)
        return make(handler(element, item) for element in value)

    return structure


def _strict_sequence(conv: cattrs.Converter, kind: Any) -> Callable[[object, Any], Any]:
    """cattrs' own list hook (with per-item paths), after checking the value is a list."""
    from cattrs.cols import list_structure_factory

    inner = list_structure_factory(kind, conv)
    make = tuple if typing.get_origin(kind) is tuple else list

    def structure(value: object, _: Any) -> Any:
        if not isinstance(value, list):
            raise _InvalidError("expected a list", value)
        return make(inner(value, kind))

    return structure


def _tables(conv: cattrs.Converter) -> None:
    """Every attrs class is read from a table: a text or a number where a table belongs is
    said to be one, not a Python message."""

    def factory(cl: Any) -> Callable[[object, Any], Any]:
        inner = make_dict_structure_fn(cl, conv)

        def structure(value: object, kind: Any) -> Any:
            if not isinstance(value, Mapping):
                raise _InvalidError("expected a table", value)
            return inner(value, kind)

        return structure

    conv.register_structure_hook_factory(attrs.has, factory)


def _fast_table(cl: Any, conv: cattrs.Converter) -> Callable[[object, Any], Any]:
    """A lean structure hook for an attrs class, for the fast converter: the table's keys
    are looked up directly and each value goes to its field's hook. It refuses what cattrs'
    own function refuses (an unknown key; a missing required key fails in the class), and
    the detailed pass then reports it."""
    attrs.resolve_types(cl)
    fields = {
        field.name: (field.alias, conv.get_structure_hook(field.type), field.type)
        for field in attrs.fields(cl)
        if field.init
    }

    def structure(value: object, _: Any) -> Any:
        if type(value) is not dict:
            raise _InvalidError("expected a table", value)
        arguments = {}
        for key, item in value.items():
            alias, hook, kind = fields[key]  # an unknown key: KeyError, read again in detail
            arguments[alias] = hook(item, kind)
        return cl(**arguments)

    return structure


def _fast_tables(conv: cattrs.Converter) -> None:
    conv.register_structure_hook_factory(attrs.has, lambda cl: _fast_table(cl, conv))


def _structure_optional_str(value: object, _: Any) -> str | None:
    return _structure_str(_not_null(value), str)


_NULL: Final = "null is not a value in an agreement file: leave the key out (TOML has no null)"


def _not_null(value: object) -> object:
    """``value``, unless it is JSON's null: a key given without a value is refused, never
    read as the default (one way to say "none": leave the key out)."""
    if value is None:
        raise _InvalidError(_NULL, None)
    return value


def _is_optional(kind: Any) -> bool:
    return typing.get_origin(kind) in (typing.Union, types.UnionType) and type(None) in (
        typing.get_args(kind)
    )


def _no_null(conv: cattrs.Converter, kind: Any) -> Callable[[object, Any], Any]:
    """The hook of an optional field: refuses null (:func:`_not_null`), else reads the value
    as its type."""
    others = tuple(a for a in typing.get_args(kind) if a is not type(None))
    inner: Any = others[0] if len(others) == 1 else typing.Union[others]  # noqa: UP007
    structure = conv.get_structure_hook(inner)

    def hook(value: object, _: Any) -> Any:
        return structure(_not_null(value), inner)

    return hook


def _tagged(conv: cattrs.Converter, base: type, kinds: Mapping[str, type], what: str) -> None:
    """Structure ``base`` from a table with a ``kind`` tag; write the tag back."""

    def structure(value: object, _: type) -> Any:
        table = _table(value)
        kind = table.get("kind")
        if kind not in kinds:
            raise (
                _InvalidError(
                    f"expected {what} kind one of {', '.join(map(repr, kinds))}"
                    + _did_you_mean(kind, kinds),
                    kind,
                    at="kind",
                )
                if "kind" in table
                else _InvalidError(f"missing the {what}'s kind", table, at="kind")
            )
        rest = {key: val for key, val in table.items() if key != "kind"}
        return conv.structure(rest, kinds[str(kind)])

    plain: dict[type, Callable[[Any], dict[str, Any]]] = {
        cls: make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True)
        for cls in kinds.values()
    }
    tags = {cls: tag for tag, cls in kinds.items()}

    def unstructure(value: Any) -> dict[str, Any]:
        return {"kind": tags[type(value)], **plain[type(value)](value)}

    conv.register_structure_hook(base, structure)
    conv.register_unstructure_hook(base, unstructure)
    for cls in kinds.values():
        conv.register_structure_hook(cls, make_dict_structure_fn(cls, conv))


def _table(value: object) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise _InvalidError("expected a table", value)
    return dict(value)


def _structure_goal(conv: cattrs.Converter, value: object) -> CaseGoal:
    table = _table(value)
    kind = table.get("kind")
    if kind not in _GOAL_KINDS:
        if "kind" not in table:
            raise _InvalidError("missing the goal's kind", table, at="kind")
        raise _InvalidError(
            f"expected goal kind one of {', '.join(map(repr, _GOAL_KINDS))}"
            + _did_you_mean(kind, _GOAL_KINDS),
            kind,
            at="kind",
        )
    if "subject" not in table:
        raise KeyError("subject")
    subject = _structure_str(table["subject"], str)
    illustrative = _structure_bool(table.get("illustrative", False), bool)
    rest = {k: v for k, v in table.items() if k not in ("kind", "subject", "illustrative")}
    try:
        goal = conv.structure(rest, _GOAL_KINDS[kind])
    except (IOPError, ClassValidationError) as error:  # ActivityTarget.kind is event_kind
        inner = error.exceptions if isinstance(error, ClassValidationError) else (error,)
        for sub in inner:
            if kind == "activity_target" and isinstance(sub, IOPError) and sub.field == "kind":
                raise _InvalidError(sub.message, sub.value, sub.rule, at="event_kind") from None
        raise
    return CaseGoal(subject, goal, illustrative)


def _did_you_mean(value: object, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(str(value), list(choices), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def _unstructure_goal(conv: cattrs.Converter, entry: CaseGoal) -> dict[str, Any]:
    kind = _GOAL_TAGS[type(entry.goal)]
    data: dict[str, Any] = {"kind": kind, "subject": entry.subject}
    if entry.illustrative:
        data["illustrative"] = True
    return {**data, **conv.unstructure(entry.goal, type(entry.goal))}


@attrs.frozen
class _File:
    """The top level of a file, before cross references are resolved."""

    format_version: int
    agreements: list[Agreement]
    title: str | None = None
    assumptions: list[str] = attrs.Factory(list)
    activities: list[Activity] = attrs.Factory(list)
    goals: list[CaseGoal] = attrs.Factory(list)


#: Reads and writes files; on a bad file, collects every problem with its path.
_CONVERTER = _converter()
#: Tried first: the same hooks without cattrs' per-field bookkeeping, which a valid file
#: does not need. Any failure is read again with ``_CONVERTER`` to report every problem.
_FAST = _converter(detailed=False)


# --- reading -----------------------------------------------------------------------------------


def _parse(raw: bytes, fmt: Format) -> Any:
    text = raw.decode("utf-8").removeprefix("\ufeff")  # a byte-order mark from Windows tools
    if fmt == "toml":
        return tomllib.loads(text, parse_float=Decimal)
    return json.loads(
        text,
        parse_float=Decimal,
        parse_constant=_no_constant,
        object_pairs_hook=_no_duplicates,
    )


_BARE_DAY: Final = re.compile(r"=\s*([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})(?![0-9T:])")


def _syntax_problem(raw: bytes, fmt: Format, error: Exception) -> Problem:
    """The problem of a file its parser refused, said in the library's terms where it can:
    a day written without quotes that is no calendar day (T1), JSON given as TOML."""
    text = raw.decode("utf-8", errors="replace").removeprefix("\ufeff")
    if fmt == "toml":
        where = re.search(r"at line (\d+)", str(error))
        line = text.splitlines()[int(where.group(1)) - 1] if where else ""
        bare = _BARE_DAY.search(line)
        if bare is not None:
            number = where.group(1) if where else "?"
            return Problem(
                "",
                f"line {number}: a day is written YYYY-MM-DD and must be a calendar day",
                bare.group(1),
                rule="T1",
            )
        if text.lstrip().startswith(("{", "[{")):
            return Problem(
                "",
                "not valid TOML; the text looks like JSON: give format='json' (or "
                "--format json, or a file name ending in .json)",
            )
    return Problem("", f"not valid {fmt.upper()} (read as {fmt}): {error}")


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number this format accepts")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    table = dict(pairs)
    if len(table) != len(pairs):  # a key given twice would otherwise silently win
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError(f"the key {key!r} appears twice in one object")
            seen.add(key)
    return table


def _depth_problem(data: Any, max_depth: int) -> Problem | None:
    """A problem when tables or lists nest deeper than ``max_depth`` (only containers are
    visited; the path is worked out only when the limit is passed)."""
    containers = (dict, list)
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > max_depth:
            return Problem(_path_to(data, value), f"nested deeper than {max_depth} levels")
        children = value.values() if type(value) is dict else value
        stack.extend((child, depth + 1) for child in children if type(child) in containers)
    return None


def _path_to(data: Any, target: Any, path: str = "") -> str:
    """The path of the container ``target`` within ``data``."""
    stack: list[tuple[Any, str]] = [(data, path)]
    while stack:
        value, where = stack.pop()
        if value is target:
            return where
        if isinstance(value, dict):
            stack.extend((v, f"{where}.{k}" if where else str(k)) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, f"{where}[{i}]") for i, v in enumerate(value))
    return path  # pragma: no cover


def loads(
    text: str | bytes,
    format: Format = "toml",
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    source: str = "<string>",
) -> Case:
    """Read a case from TOML or JSON text; raise :class:`FileError` listing every problem."""
    if not isinstance(text, (str, bytes)):
        raise FileError(source, (Problem("", "expected the file's text (str or bytes)", text),))
    for name, limit in (("max_bytes", max_bytes), ("max_depth", max_depth)):
        if type(limit) is not int or limit < 1:
            raise IOPError("a limit is a whole number >= 1", field=name, value=limit)
    raw = text.encode("utf-8") if isinstance(text, str) else text
    if format not in ("toml", "json"):
        raise FileError(source, (Problem("", "the format must be 'toml' or 'json'", format),))
    if len(raw) > max_bytes:
        raise FileError(
            source,
            (Problem("", f"the file is more than the limit of {max_bytes} bytes (max_bytes)"),),
        )
    try:
        data = _parse(raw, format)
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise FileError(
            source,
            (
                Problem(
                    "",
                    f"not UTF-8 text at line {line}, column {column} (byte "
                    f"{raw[error.start]:#04x}); save the file as UTF-8",
                ),
            ),
        ) from None
    except RecursionError:
        raise FileError(source, (Problem("", f"nested deeper than {max_depth} levels"),)) from None
    except (tomllib.TOMLDecodeError, ValueError) as error:
        raise FileError(source, (_syntax_problem(raw, format, error),)) from None
    return _from_data(data, source, max_depth)


def _check_depth(data: Any, source: str, max_depth: int) -> None:
    problem = _depth_problem(data, max_depth) if isinstance(data, (dict, list)) else None
    if problem is not None:
        raise FileError(source, (problem,))


def _party_names(agreement: Mapping[str, Any], many: str, one: str) -> list[str]:
    parties = agreement.get(many)
    if not isinstance(parties, list) or not parties:
        parties = [agreement.get(one)]
    return [p["name"] for p in parties if isinstance(p, Mapping) and isinstance(p.get("name"), str)]


def _shorthand(agreement: Any) -> Any:
    """An agreement's table with the file's shorthands written out (P2), as a new table
    (the input is never changed): ``partners`` without ``partner`` names the first as the
    partner (likewise ``public_parties``), and a contribution whose ``by`` names a party is
    ``by`` that party's side with ``party`` naming it."""
    if not isinstance(agreement, Mapping):
        return agreement
    filled = dict(agreement)
    for many, one in (("partners", "partner"), ("public_parties", "public_party")):
        given = agreement.get(many)
        if one not in agreement and isinstance(given, list) and given:
            filled[one] = given[0]
    contributions = agreement.get("contributions")
    if isinstance(contributions, list):
        partners = _party_names(filled, "partners", "partner")
        publics = _party_names(filled, "public_parties", "public_party")
        written = []
        for contribution in contributions:
            if isinstance(contribution, Mapping) and "amount" not in contribution:
                contribution = {**contribution, "amount": _NOT_VALUED}  # described, not valued
            by = contribution.get("by") if isinstance(contribution, Mapping) else None
            if (
                isinstance(by, str)
                and by not in ("public", "partner")
                and "party" not in contribution
            ):
                side = "partner" if by in partners else "public" if by in publics else None
                if side is not None:
                    contribution = {**contribution, "by": side, "party": by}
            written.append(contribution)
        filled["contributions"] = written
    return filled


def _shorthands(data: Mapping[str, Any]) -> tuple[Mapping[str, Any], set[str]]:
    """The file's data with its shorthands written out, and the paths written (a problem
    there is reported where the file has it, in the list)."""
    agreements = data.get("agreements")
    if not isinstance(agreements, list):
        return data, set()
    written = set()
    for index, agreement in enumerate(agreements):
        for many, one in (("partners", "partner"), ("public_parties", "public_party")):
            if isinstance(agreement, Mapping) and many in agreement and one not in agreement:
                written.add(f"agreements[{index}].{one}")
    return {**data, "agreements": [_shorthand(a) for a in agreements]}, written


def _not_written(problems: Iterable[Problem], written: set[str]) -> tuple[Problem, ...]:
    """The problems, less those at a party the loader wrote out (the same problem is
    reported at the list the file gives)."""
    return tuple(
        p for p in problems if not any(p.path == w or p.path.startswith(w + ".") for w in written)
    )


def _from_data(data: Any, source: str, max_depth: int = DEFAULT_MAX_DEPTH) -> Case:
    if max_depth < _FORMAT_DEPTH:
        _check_depth(data, source, max_depth)
    if not isinstance(data, Mapping):
        raise FileError(source, (Problem("", "the file must hold a table (object) at the top"),))
    data, written = _shorthands(data)
    try:
        return _structured(data, source, max_depth)
    except FileError as error:
        if not written:
            raise
        kept = _not_written(error.problems, written)
        raise FileError(source, kept or error.problems) from None


def _structured(data: Mapping[str, Any], source: str, max_depth: int) -> Case:
    version = data.get("format_version")
    if type(version) is not int or version != FORMAT_VERSION:
        message = (
            "missing format_version"
            if "format_version" not in data
            else f"unknown format_version; this version of iop-model reads format_version "
            f"{FORMAT_VERSION}"
        )
        raise FileError(
            source,
            (
                Problem("format_version", message, version)
                if "format_version" in data
                else Problem("format_version", message),
            ),
        )
    try:
        try:
            raw = _FAST.structure(data, _File)
        except Exception:  # any failure: read again, reporting every problem
            # A file that structures cleanly nests no deeper than the format itself; one that
            # does not is checked for depth before the detailed pass walks it.
            _check_depth(data, source, max_depth)
            raw = _CONVERTER.structure(data, _File)
    except (ClassValidationError, IterableValidationError) as group:
        structural = _problems(group, "")
        raise FileError(source, _together(structural, _reference_problems(data))) from None
    except _InvalidError as leaf:
        leaf_problem = Problem(leaf.at or "", leaf.message, leaf.value, leaf.rule)
        raise FileError(source, _together([leaf_problem], _reference_problems(data))) from None
    references = _reference_problems(data)
    problems: list[Problem] = []
    by_id = {agreement.id: agreement for agreement in raw.agreements}
    activities = []
    for index, activity in enumerate(raw.activities):
        agreement = by_id.get(activity.agreement_id)
        if agreement is None:
            continue  # among the references above

        try:
            activities.append(attrs.evolve(activity, agreement=agreement))  # type: ignore[misc]
        except IOPError as error:
            problems.append(_iop_problem(error, f"activities[{index}]"))
    if problems or references:  # every problem at once, before the case checks them one by one
        raise FileError(source, _together(problems, references))
    try:
        return Case(
            raw.agreements, activities, raw.goals, title=raw.title, assumptions=raw.assumptions
        )
    except IOPError as error:
        raise FileError(source, (_iop_problem(error, ""),)) from None


def _path_key(problem: Problem) -> list[Any]:
    """Paths in reading order: ``activities[2]`` before ``activities[10]``."""
    return [int(part) if part.isdigit() else part for part in re.split(r"([0-9]+)", problem.path)]


def _together(first: list[Problem], more: list[Problem]) -> tuple[Problem, ...]:
    """Problems from both passes, one per path and message, sorted by path."""
    seen = {p.path for p in first}
    merged = first + [p for p in more if p.path not in seen]
    return tuple(sorted(merged, key=_path_key))


def _reference_problems(data: Mapping[str, Any]) -> list[Problem]:
    """The file's cross-references, read from its tables before any object is built, so
    that they come out with the structural problems: ``follows``, an activity's
    ``agreement``, a goal's ``subject`` and a target's ``indicator``."""
    found: list[Problem] = []
    agreements = data.get("agreements")
    agreements = agreements if isinstance(agreements, list) else []
    ids = [a["id"] for a in agreements if isinstance(a, Mapping) and isinstance(a.get("id"), str)]
    known = set(ids)
    listed = ", ".join(ids) or "none"
    for index, agreement in enumerate(agreements):
        if not isinstance(agreement, Mapping):
            continue
        follows = agreement.get("follows")
        if isinstance(follows, str) and follows not in known:
            found.append(
                Problem(
                    f"agreements[{index}].follows",
                    f"no agreement with this id in the file{_did_you_mean(follows, ids)} "
                    f"(ids: {listed})",
                    follows,
                    "T14",
                )
            )
    activities = data.get("activities")
    activities = activities if isinstance(activities, list) else []
    by_name: dict[str, Mapping[str, Any]] = {}
    for index, activity in enumerate(activities):
        if not isinstance(activity, Mapping):
            continue
        if isinstance(activity.get("name"), str):
            by_name.setdefault(activity["name"], activity)
        ref = activity.get("agreement")
        if isinstance(ref, str) and ref not in known:
            found.append(
                Problem(
                    f"activities[{index}].agreement",
                    f"no agreement with this id in the file{_did_you_mean(ref, ids)} "
                    f"(ids: {listed})",
                    ref,
                )
            )
    goals = data.get("goals")
    goals = goals if isinstance(goals, list) else []
    for index, goal in enumerate(goals):
        if not isinstance(goal, Mapping):
            continue
        subject, kind = goal.get("subject"), goal.get("kind")
        if not isinstance(subject, str):
            continue
        if kind == "minimum_duration" and subject != PARTNERSHIP and subject not in known:
            choices = [PARTNERSHIP, *ids]
            found.append(
                Problem(
                    f"goals[{index}].subject",
                    f"a duration goal's subject is {PARTNERSHIP!r} or an agreement id"
                    f"{_did_you_mean(subject, choices)} ({', '.join(map(repr, choices))})",
                    subject,
                )
            )
        elif kind == "activity_target":
            activity = by_name.get(subject)
            if activity is None:
                found.append(
                    Problem(
                        f"goals[{index}].subject",
                        "an activity target's subject is the name of one of the file's "
                        f"activities{_did_you_mean(subject, by_name)} "
                        f"({', '.join(map(repr, by_name)) or 'none'})",
                        subject,
                    )
                )
                # the indicator is checked against every indicator an activity of the file has
                keys = [member.value for member in Indicator]
                for other in by_name.values():
                    keys += [k for k in _indicator_keys(other) if k not in keys]
            else:
                keys = (
                    _indicator_keys(activity)
                    if activity.get("kind") == "general"
                    else [member.value for member in Indicator]
                )
            indicator = goal.get("indicator")
            if isinstance(indicator, str) and indicator not in keys:
                found.append(
                    Problem(
                        f"goals[{index}].indicator",
                        f"no such indicator{_did_you_mean(indicator, keys)} "
                        f"(indicators: {', '.join(keys) or 'none'})",
                        indicator,
                    )
                )
    return found


def _indicator_keys(activity: Mapping[str, Any]) -> list[str]:
    """The keys of a general activity's own indicators, as the file gives them."""
    specs = activity.get("indicators")
    if not isinstance(specs, list):
        return []
    return [s["key"] for s in specs if isinstance(s, Mapping) and isinstance(s.get("key"), str)]


def _iop_problem(error: IOPError, prefix: str) -> Problem:
    field = error.field or ""
    path = prefix + (
        "" if not field else (field if field.startswith("[") or not prefix else "." + field)
    )
    if error._has_value:
        return Problem(path, error.message, error.value, error.rule)
    return Problem(path, error.message, rule=error.rule)


def _problems(error: BaseException, path: str) -> list[Problem]:
    """Flatten cattrs' exception groups into problems with paths."""
    if isinstance(error, (ClassValidationError, IterableValidationError)):
        found: list[Problem] = []
        with_notes, without = error.group_exceptions()
        for sub, note in with_notes:
            name = getattr(note, "name", None)
            if name is None:
                step = f"[{getattr(note, 'index', '?')}]"
            else:
                step = f".{name}" if path else str(name)
            found.extend(_problems(sub, path + step))
        for sub in without:
            found.extend(_problems(sub, path))
        return found
    if isinstance(error, ForbiddenExtraKeysError):
        return [_extra_keys(error, path, key) for key in sorted(error.extra_fields)]
    if isinstance(error, KeyError):
        name = str(error.args[0]) if error.args else "?"
        return [
            Problem(path if path.endswith(name) else _join(path, name), "missing required field")
        ]
    if isinstance(error, _InvalidError):
        where = path if error.at is None else _join(path, error.at)
        return [Problem(where, error.message, error.value, error.rule)]
    if isinstance(error, IOPError):
        return [_iop_problem(error, path)]
    return [Problem(path, f"invalid value: {error}")]


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _extra_keys(error: ForbiddenExtraKeysError, path: str, key: str) -> Problem:
    allowed = [a.name.lstrip("_") for a in attrs.fields(error.cl) if a.init]
    if error.cl is ActivityTarget:
        allowed = ["event_kind" if name == "kind" else name for name in allowed]
    close = difflib.get_close_matches(key, allowed, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return Problem(
        _join(path, key),
        f"unknown key{hint} (expected {', '.join(allowed)})",
    )


def load(
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Case:
    """Read a case from a ``.toml`` or ``.json`` file (the format follows the suffix unless
    given)."""
    if not isinstance(path, (str, os.PathLike)):
        raise FileError(str(path), (Problem("", "expected a file path", path),))
    file = Path(path)
    fmt = format or _format_of(file)
    problem = _not_readable(file)
    if problem is not None:
        raise FileError(str(file), (Problem("", problem),))
    try:
        with file.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as error:
        raise FileError(
            str(file), (Problem("", f"cannot read the file: {error.strerror}"),)
        ) from None
    return loads(raw, fmt, max_bytes=max_bytes, max_depth=max_depth, source=str(file))


def _not_readable(file: Path) -> str | None:
    """Why ``file`` cannot be read as an agreement file (a dangling link, a loop of links, a
    folder, a FIFO, a device), or ``None``: only a regular file is opened, so that a FIFO
    never makes a command wait for a writer that will not come."""
    try:
        mode = file.stat().st_mode
    except FileNotFoundError:
        return (
            "cannot read the file: the link points to nothing (a dangling link)"
            if file.is_symlink()
            else "cannot read the file: no such file or folder"
        )
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "cannot read the file: the links point to each other in a loop"
        return f"cannot read the file: {error.strerror}"
    if stat.S_ISREG(mode):
        return None
    kind = (
        "a folder"
        if stat.S_ISDIR(mode)
        else "a FIFO (named pipe)"
        if stat.S_ISFIFO(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "a device"
    )
    return f"cannot read the file: not a regular file but {kind}"


def expand(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The files named by ``paths``: a folder stands for every ``*.toml`` and ``*.json``
    entry directly in it (sorted by name), whatever it is: an entry that is not a readable
    regular file (a dangling link, a folder named ``x.toml``, a FIFO) is kept, so that
    reading it names the problem instead of skipping it; a file stands for itself.

    A folder without such entries, or a path that does not exist, raises :class:`FileError`.
    """
    found: list[Path] = []
    problems = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            inside = sorted(p for p in path.iterdir() if p.suffix.lower() in (".toml", ".json"))
            if not inside:
                problems.append(Problem("", "the folder holds no .toml or .json file", str(path)))
            found.extend(inside)
        elif path.exists() or path.is_symlink():
            found.append(path)
        else:
            problems.append(Problem("", "no such file or folder", str(path)))
    if problems:
        raise FileError(", ".join(str(p.value) for p in problems), tuple(problems))
    return found


def load_all(paths: Iterable[str | os.PathLike[str]]) -> list[tuple[str, Case]]:
    """Every file named by ``paths`` (see :func:`expand`) as ``(file name, Case)`` pairs.

    Every problem in every file, and every agreement id used in two files (T17), is
    reported at once in one :class:`FileError`, each path starting with its file's name.
    """
    loaded: list[tuple[str, Case]] = []
    problems: list[Problem] = []
    bad: list[str] = []
    for file in expand(paths):
        try:
            loaded.append((str(file), load(file)))
        except FileError as error:
            bad.append(str(file))
            problems.extend(_in_file(str(file), problem) for problem in error.problems)
    clashes = duplicate_ids((name, case.agreements) for name, case in loaded)
    bad.extend(sorted({p.path.split(": ")[0] for p in clashes}))
    problems.extend(clashes)
    if problems:
        raise FileError(", ".join(bad), tuple(problems))
    return loaded


def _in_file(name: str, problem: Problem) -> Problem:
    path = name if problem.path == "(file)" else f"{name}: {problem.path}"
    if problem.has_value:
        return Problem(path, problem.message, problem.value, problem.rule)
    return Problem(path, problem.message, rule=problem.rule)


def _format_of(file: Path) -> Format:
    suffix = file.suffix.lower()
    if suffix == ".toml":
        return "toml"
    if suffix == ".json":
        return "json"
    raise FileError(str(file), (Problem("", "the file name must end in .toml or .json"),))


def check(path: str | os.PathLike[str], **options: Any) -> tuple[Problem, ...]:
    """Every problem in a file (an empty tuple when it is valid)."""
    try:
        load(path, **options)
    except FileError as error:
        return error.problems
    return ()


# --- writing -----------------------------------------------------------------------------------


def to_data(case: Case) -> dict[str, Any]:
    """The case as plain data (dates as ``pendulum.Date``), the way files hold it."""
    if not isinstance(case, Case):
        raise IOPError(f"expected a Case, got {type(case).__name__}", field="case", value=case)
    data: dict[str, Any] = {"format_version": FORMAT_VERSION}
    if case.title is not None:
        data["title"] = case.title
    if case.assumptions:
        data["assumptions"] = list(case.assumptions)
    data["agreements"] = [_agreement_data(a) for a in case.agreements]
    if case.activities:
        data["activities"] = [_CONVERTER.unstructure(a, Activity) for a in case.activities]
    if case.goals:
        data["goals"] = [_CONVERTER.unstructure(g, CaseGoal) for g in case.goals]
    return data


def _agreement_data(agreement: Agreement) -> dict[str, Any]:
    """An agreement's table: one party on a side is written as ``partner`` (or
    ``public_party``) alone, several as the list alone (P2)."""
    data: dict[str, Any] = _CONVERTER.unstructure(agreement, Agreement)
    for contribution in data.get("contributions", ()):
        if contribution.get("amount", 0) is None:
            del contribution["amount"]  # not valued: the key is left out
    for many, one in (("partners", "partner"), ("public_parties", "public_party")):
        if len(getattr(agreement, many)) == 1:
            data.pop(many, None)
        else:
            data.pop(one, None)
    return data


def _json_default(value: object) -> object:
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} to JSON")  # pragma: no cover


def dumps(case: Case, format: Format = "toml") -> str:
    """The case as TOML or JSON text."""
    data = to_data(case)
    if format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2, default=_json_default) + "\n"
    if format == "toml":
        return _toml_text(_toml_ready(data))
    raise IOPError("the format must be 'toml' or 'json'", field="format", value=format)


#: The widest inline table or inline array item the TOML writer puts on one line.
_INLINE_WIDTH: Final = 100


def _toml_value(value: Any) -> str:
    """One value as TOML text: scalars and lists of scalars by tomli_w, tables inline."""
    if isinstance(value, dict):
        if not value:
            return "{}"
        return (
            "{ " + ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items()) + " }"
        )
    if isinstance(value, list) and any(isinstance(item, dict) for item in value):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    return tomli_w.dumps({"x": value})[len("x = ") :].rstrip("\n")


def _toml_key(key: str) -> str:
    return tomli_w.dumps({key: 0})[: -len(" = 0\n")]


def _toml_text(data: dict[str, Any]) -> str:
    """The file in the docs' style: scalars first; a small table inline (``notice_period =
    { months = 6 }``), a list of small tables as an array of inline tables, one per line;
    larger ones as ``[table]`` and ``[[array]]`` sections, as the examples are written."""
    lines: list[str] = []

    def table(values: dict[str, Any], name: str) -> None:
        later: list[tuple[str, Any]] = []
        for key, value in values.items():
            text = f"{_toml_key(key)} = {_toml_value(value)}"
            tables = isinstance(value, list) and value and all(isinstance(v, dict) for v in value)
            if isinstance(value, dict):
                if len(text) <= _INLINE_WIDTH:
                    lines.append(text)
                else:
                    later.append((key, value))
            elif tables:
                items = [_toml_value(item) for item in value]
                if all(len(item) <= _INLINE_WIDTH + 20 for item in items):
                    lines.append(f"{_toml_key(key)} = [")
                    lines.extend(f"    {item}," for item in items)
                    lines.append("]")
                else:
                    later.append((key, value))
            else:
                lines.append(text)
        for key, value in later:
            path = f"{name}.{_toml_key(key)}" if name else _toml_key(key)
            for item in value if isinstance(value, list) else [value]:
                lines.append("")
                lines.append(f"[[{path}]]" if isinstance(value, list) else f"[{path}]")
                table(item, path)

    table(data, "")
    return "\n".join(lines) + "\n"


def _toml_ready(value: Any) -> Any:
    if isinstance(value, Date):
        return datetime.date(value.year, value.month, value.day)
    if isinstance(value, dict):
        return {k: _toml_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_toml_ready(v) for v in value]
    return value


def dump(case: Case, path: str | os.PathLike[str], *, format: Format | None = None) -> None:
    """Write the case to ``path`` whole or not at all (:mod:`iop_model.files.atomic`): a
    temporary file in the same folder, flushed to disk, then renamed over the target, so a
    failure never leaves a half-written file."""
    from iop_model.files.atomic import replace_atomically

    file = Path(path)
    data = dumps(case, format or _format_of(file)).encode("utf-8")
    replace_atomically(file, lambda out: out.write(data))


# --- the schema --------------------------------------------------------------------------------


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the file format, as shipped in the package."""
    text = (
        resources.files("iop_model.files")
        .joinpath("schema/iop-model-1.schema.json")
        .read_text("utf-8")
    )
    result: dict[str, Any] = json.loads(text)
    return result
