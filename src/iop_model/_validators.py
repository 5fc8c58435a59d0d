"""attrs validators shared by the domain types; each raises the library's own error."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, Final

import attrs

from iop_model.errors import IOPError
from iop_model.rules import rule
from iop_model.terms.term import calendar_day

__all__ = ["I1", "check_text", "day", "instance_of", "optional_day", "optional_text", "text"]

# --- I1 Text is data -------------------------------------------------------------------------
I1 = rule(
    "I1",
    "Text is data",
    "Text in an agreement file or given to the library holds no control characters (only "
    "tab and newline, and only in long texts: descriptions, notes, reasons, statements and "
    "assumptions), no bidirectional override or isolate characters (U+202A–U+202E, "
    "U+2066–U+2069) and no lone surrogates: it reaches reports, terminals, spreadsheets and "
    "exports as the text it is, never as a command.",
    "Text i en avtalsfil eller som ges till verktyget innehåller inga styrtecken (bara "
    "tabb och radbrytning, och bara i långa texter: beskrivningar, anteckningar, skäl, "
    "underlag och antaganden), inga tecken som vänder eller isolerar skriftriktningen "
    "(U+202A–U+202E, U+2066–U+2069) och inga ensamma surrogattecken: den når rapporter, "
    "terminaler, kalkylblad och exporter som den text den är, aldrig som ett kommando.",
    "The library's own rule, after CVE-2021-42574 (Trojan Source: bidirectional override "
    "characters, 2021-11-01, https://trojansource.codes) and the Unicode Standard Annex #9; "
    "a lone surrogate cannot be written as UTF-8.",
)

_SHORT: Final = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_LONG: Final = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def check_text(value: str, field: str, error: type[IOPError], long: bool = False) -> str:
    """Return ``value`` when it holds nothing I1 refuses; raise ``error`` otherwise."""
    found = (_LONG if long else _SHORT).search(value)
    if found is not None:
        char = found.group()
        what = (
            "a lone surrogate"
            if "\ud800" <= char <= "\udfff"
            else "a bidirectional override"
            if char >= "\u202a"
            else "a control character"
        )
        allowed = "" if long else " (tab and newline only in long texts)"
        raise error(
            f"the text holds {what}, U+{ord(char):04X}, which is refused{allowed}",
            rule=I1,
            field=field,
            value=value,
        )
    return value


Validator = Any  # attrs' validator protocol: (instance, attribute, value) -> None


def day(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A ``pendulum.Date`` (rule T1)."""
    calendar_day(value, attribute.name)


def optional_day(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or a ``pendulum.Date`` (rule T1)."""
    if value is not None:
        calendar_day(value, attribute.name)


def text(error: type[IOPError], long: bool = False) -> Validator:
    """Non-empty text that is data (I1; ``long`` allows tab and newline), else ``error``."""
    pattern = _LONG if long else _SHORT

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str) or not value.strip():
            raise error("expected non-empty text", field=attribute.name, value=value)
        if pattern.search(value) is not None:
            check_text(value, attribute.name, error, long)

    return check


def optional_text(error: type[IOPError], long: bool = False) -> Validator:
    """``None`` or text that is data (I1; ``long`` allows tab and newline), else ``error``."""
    pattern = _LONG if long else _SHORT

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None:
            return
        if not isinstance(value, str):
            raise error("expected text or None", field=attribute.name, value=value)
        if pattern.search(value) is not None:
            check_text(value, attribute.name, error, long)

    return check


def instance_of(kind: type, error: type[IOPError], optional: bool = False) -> Validator:
    """An instance of ``kind`` (or ``None`` when ``optional``), else ``error``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if optional and value is None:
            return
        if not isinstance(value, kind):
            raise error(
                f"expected {kind.__name__}{' or None' if optional else ''}, "
                f"got {type(value).__name__}",
                field=attribute.name,
                value=value,
            )

    return check


def sequence_of(value: object, kind: type, field: str, error: type[IOPError]) -> tuple[Any, ...]:
    """``value`` as a tuple of ``kind`` (a list or tuple given by the caller is copied, never
    changed); text, a table (mapping), a non-sequence or a wrong item raises ``error`` with
    the item's path: a dict is never read as the list of its keys."""
    items: tuple[Any, ...]
    if type(value) is tuple or type(value) is list:  # the common cases: no abc checks
        items = tuple(value)
    elif isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise error(f"expected a sequence of {kind.__name__}", field=field, value=value)
    else:
        items = tuple(value)
    for index, item in enumerate(items):
        if not isinstance(item, kind):
            raise error(
                f"expected a {kind.__name__}, got {type(item).__name__}",
                field=f"{field}[{index}]",
                value=item,
            )
    return items
