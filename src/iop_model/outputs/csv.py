"""Spreadsheets: the overview of every partnership and the actions due, as CSV for Excel.

Both files have a byte-order mark and ``;`` between fields, which is what Excel with Swedish
settings opens correctly. Text from the agreement files is data, never a formula: a text
cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading
``'`` (:func:`neutralise`, as OWASP recommends against CSV injection); numbers and days are
written as they are, so that a spreadsheet still reads them as numbers and days.

>>> neutralise('=HYPERLINK("http://evil.example/","Öppna")')
'\\'=HYPERLINK("http://evil.example/","Öppna")'
"""

from __future__ import annotations

import csv as _csv
import io
from collections.abc import Iterable, Sequence
from typing import Any, Final, TypeVar

from iop_model.explain import Lang, check_lang

__all__ = ["ACTION_COLUMNS", "OVERVIEW_COLUMNS", "actions", "neutralise", "overview"]

#: The first characters that make a spreadsheet read a cell as a formula (OWASP).
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")

#: The overview's columns, named as :meth:`Portfolio.to_records
#: <iop_model.queries.portfolio.Portfolio.to_records>` names them.
OVERVIEW_COLUMNS: Final = (
    "file",
    "title",
    "public_party",
    "partner",
    "in_force_start",
    "in_force_end",
    "active",
    "next_action_day",
    "next_action",
    "goals",
    "targets",
    "late_reports",
    "flags",
    "public_money",
    "public_money_year",
    "partner_money",
    "money_approximate",
    "money_not_valued",
    "as_of",
    "known_on",
)
#: The columns of the actions due, named as their JSON keys.
ACTION_COLUMNS: Final = (
    "day",
    "days_left",
    "overdue",
    "kind",
    "agreement_id",
    "subject",
    "text",
    "rules",
    "file",
)

T = TypeVar("T")


def neutralise(value: T) -> T | str:
    """A text cell that a spreadsheet would read as a formula, with a leading ``'``; any
    other value as it is (OWASP, CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _write(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    writer = _csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return "\ufeff" + buffer.getvalue()


def _cell(value: object) -> object:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    return neutralise(value)


def overview(records: Iterable[dict[str, Any]]) -> str:
    """The overview: one row per partnership (:data:`OVERVIEW_COLUMNS`)."""
    return _write(
        OVERVIEW_COLUMNS,
        ([record.get(column) for column in OVERVIEW_COLUMNS] for record in records),
    )


def actions(rows: Iterable[tuple[str, Any]], lang: Lang = "sv") -> str:
    """The actions due: one row per action with its file (:data:`ACTION_COLUMNS`)."""
    lang = check_lang(lang)
    return _write(
        ACTION_COLUMNS,
        (
            (
                action.day.isoformat(),
                action.days_left,
                action.is_overdue,
                action.kind.value,
                action.agreement_id,
                action.subject,
                action.summary_sv if lang == "sv" else action.summary_en,
                " ".join(action.rules),
                name,
            )
            for name, action in rows
        ),
    )
