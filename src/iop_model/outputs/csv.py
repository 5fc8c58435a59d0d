"""Spreadsheets: the overview of every partnership and the actions due, as CSV for Excel.

Both files have a byte-order mark and ``;`` between fields, which is what Excel with Swedish
settings opens correctly. Text from the agreement files is data, never a formula: a text
cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading
``'`` (:func:`neutralise`, as OWASP recommends against CSV injection); numbers and days are
written as they are, so that a spreadsheet still reads them as numbers and days.

In Swedish (``lang="sv"``, the command line's default) the headers are Swedish words
(:data:`OVERVIEW_HEADERS_SV`, :data:`ACTION_HEADERS_SV`), yes and no are ``ja`` and ``nej``,
statuses and actions are their Swedish labels and amounts have a decimal comma, which Excel
with Swedish settings reads as a number. In English (``lang="en"``) the headers are the
record keys and the codes stay codes: the file for other programs.

>>> neutralise('=HYPERLINK("http://evil.example/","Öppna")')
'\\'=HYPERLINK("http://evil.example/","Öppna")'
"""

from __future__ import annotations

import csv as _csv
import io
from collections.abc import Iterable, Sequence
from typing import Any, Final, TypeVar

from iop_model.explain import Lang, check_lang

__all__ = [
    "ACTION_COLUMNS",
    "ACTION_HEADERS_SV",
    "OVERVIEW_COLUMNS",
    "OVERVIEW_HEADERS_SV",
    "actions",
    "neutralise",
    "overview",
]

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

#: The overview's headers in Swedish, by column.
OVERVIEW_HEADERS_SV: Final = {
    "file": "Fil",
    "title": "Partnerskap",
    "public_party": "Offentlig part",
    "partner": "Idéburen part",
    "in_force_start": "Gäller från",
    "in_force_end": "Gäller till",
    "active": "Pågår",
    "next_action_day": "Nästa åtgärd senast",
    "next_action": "Nästa åtgärd",
    "goals": "Mål",
    "targets": "Målvärden för verksamheten",
    "late_reports": "Försenade rapporter",
    "flags": "Flaggor",
    "public_money": "Offentliga medel (kr)",
    "public_money_year": "Offentliga medel per år (kr)",
    "partner_money": "Idéburna parters medel och natura (kr)",
    "money_approximate": "Ungefärliga belopp",
    "money_not_valued": "Insatser utan värde",
    "as_of": "Per dag",
    "known_on": "Känt per",
}
#: The actions' headers in Swedish, by column.
ACTION_HEADERS_SV: Final = {
    "day": "Dag",
    "days_left": "Dagar kvar",
    "overdue": "Försenad",
    "kind": "Åtgärd",
    "agreement_id": "Avtal",
    "subject": "Gäller",
    "text": "Beskrivning",
    "rules": "Regler",
    "file": "Fil",
}
_MONEY: Final = ("public_money", "public_money_year", "partner_money")
_STATUSES: Final = ("goals", "targets")

T = TypeVar("T")


def neutralise(value: T) -> T | str:
    """A text cell that a spreadsheet would read as a formula, with a leading ``'``; any
    other value as it is (OWASP, CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _write(columns: Sequence[str], rows: Iterable[Sequence[Any]], lang: Lang) -> str:
    buffer = io.StringIO()
    writer = _csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(value, lang) for value in row])
    return "\ufeff" + buffer.getvalue()


def _cell(value: object, lang: Lang) -> object:
    if isinstance(value, bool):
        if lang == "sv":
            return "ja" if value else "nej"
        return "true" if value else "false"
    if value is None:
        return ""
    return neutralise(value)


def _swedish(column: str, value: object) -> object:
    """A record's value as a Swedish spreadsheet shows it (codes as words, decimal comma)."""
    from iop_model.queries.actions import ActionKind
    from iop_model.wording import LABELS, label

    if not isinstance(value, str) or not value:
        return value
    if column in _MONEY:
        return value.replace(".", ",")
    if column == "next_action" and value in set(ActionKind):
        return ActionKind(value).label("sv")
    if column in _STATUSES:
        codes = [code.strip().upper() for code in value.split(",")]
        if all(code in LABELS for code in codes):
            return ", ".join(label(code, "sv") for code in codes)
    return value


def overview(records: Iterable[dict[str, Any]], lang: Lang = "en") -> str:
    """The overview: one row per partnership (:data:`OVERVIEW_COLUMNS`; in Swedish with
    :data:`OVERVIEW_HEADERS_SV` and Swedish words)."""
    lang = check_lang(lang)
    if lang == "en":
        return _write(
            OVERVIEW_COLUMNS,
            ([record.get(column) for column in OVERVIEW_COLUMNS] for record in records),
            lang,
        )
    return _write(
        [OVERVIEW_HEADERS_SV[column] for column in OVERVIEW_COLUMNS],
        (
            [_swedish(column, record.get(column)) for column in OVERVIEW_COLUMNS]
            for record in records
        ),
        lang,
    )


def actions(rows: Iterable[tuple[str, Any]], lang: Lang = "sv") -> str:
    """The actions due: one row per action with its file (:data:`ACTION_COLUMNS`; in Swedish
    with :data:`ACTION_HEADERS_SV` and the action's Swedish name)."""
    lang = check_lang(lang)
    columns = (
        [ACTION_HEADERS_SV[column] for column in ACTION_COLUMNS]
        if lang == "sv"
        else list(ACTION_COLUMNS)
    )
    return _write(
        columns,
        (
            (
                action.day.isoformat(),
                action.days_left,
                action.is_overdue,
                action.kind.label("sv") if lang == "sv" else action.kind.value,
                action.agreement_id,
                action.subject,
                action.summary_sv if lang == "sv" else action.summary_en,
                " ".join(action.rules),
                name,
            )
            for name, action in rows
        ),
        lang,
    )
