"""attrs validators shared by the domain types; each raises the library's own error."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from iop_model.errors import IOPError
from iop_model.terms.term import calendar_day

Validator = Any  # attrs' validator protocol: (instance, attribute, value) -> None


def day(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A ``pendulum.Date`` (rule T1)."""
    calendar_day(value, attribute.name)


def optional_day(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or a ``pendulum.Date`` (rule T1)."""
    if value is not None:
        calendar_day(value, attribute.name)


def text(error: type[IOPError]) -> Validator:
    """Non-empty text, else ``error``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str) or not value.strip():
            raise error("expected non-empty text", field=attribute.name, value=value)

    return check


def optional_text(error: type[IOPError]) -> Validator:
    """``None`` or text, else ``error``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, str):
            raise error("expected text or None", field=attribute.name, value=value)

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
