"""The actions due (``iop-model due``) as text, JSON, CSV and iCalendar.

An edge module: it formats :class:`~iop_model.actions.Action` s from one or more files; the
core never imports it. The iCalendar form (RFC 5545) needs the ``icalendar`` package
(``pip install 'iop-model[ics]'``); it has one all-day event per action with a UID that
stays the same for the same agreement, reporting period or goal, so that importing a newer
file updates the events instead of duplicating them.

>>> import pendulum
>>> from iop_model.cases import molndal
>>> rows = collect([("molndal.toml", molndal.case())], pendulum.date(2021, 9, 1), 180)
>>> print(render_text(rows, pendulum.date(2021, 9, 1), 180, "en"))
Actions as of 2021-09-01: overdue ones and those due within 180 days, as known that day (T13)
2021-12-31  decide an extension of molndal-konstkollektivet-2019 or a follow-on agreement
            121 days left · T9 · molndal.toml
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Iterable, Sequence

import pendulum

from iop_model._version import __version__
from iop_model.case import Case
from iop_model.explain import Lang, check_lang
from iop_model.outputs.csv import ACTION_COLUMNS
from iop_model.queries.actions import Action

__all__ = [
    "CSV_COLUMNS",
    "collect",
    "render_csv",
    "render_ics",
    "render_json",
    "render_text",
]

#: The CSV columns, named as the JSON keys are.
CSV_COLUMNS = ACTION_COLUMNS

Date = pendulum.Date
Row = tuple[str, Action]


#: Days before an action's day that the calendar alarm goes off.
ALARM_DAYS = 7


def collect(
    cases: Iterable[tuple[str, Case]],
    as_of: Date,
    within_days: int,
    known_on: Date | None = None,
) -> list[Row]:
    """Every file's actions, overdue ones first, then soonest first (as
    :meth:`Portfolio.actions <iop_model.portfolio.Portfolio.actions>`)."""
    from iop_model.queries.portfolio import Portfolio

    return Portfolio(tuple(cases)).actions(as_of, within_days, known_on)


def _heading(as_of: Date, within_days: int, lang: Lang) -> str:
    day = as_of.isoformat()
    if lang == "sv":
        return (
            f"Åtgärder per {day}: försenade och de som förfaller inom {within_days} dagar, "
            "enligt vad som var känt den dagen (T13)"
        )
    return (
        f"Actions as of {day}: overdue ones and those due within {within_days} days, "
        "as known that day (T13)"
    )


def render_text(rows: Sequence[Row], as_of: Date, within_days: int, lang: Lang = "sv") -> str:
    """One entry per action: the day and what to do, then the days left, rules and file."""
    lang = check_lang(lang)
    lines = [_heading(as_of, within_days, lang)]
    if not rows:
        lines.append("  (inga)" if lang == "sv" else "  (none)")
    for name, action in rows:
        summary = action.summary_sv if lang == "sv" else action.summary_en
        lines.append(f"{action.day.isoformat()}  {summary}")
        lines.append(f"            {_left(action, lang)} · {', '.join(action.rules)} · {name}")
    return "\n".join(lines)


def _left(action: Action, lang: Lang) -> str:
    text = action.text(lang)
    return text[text.rindex("(") + 1 : -1]  # the days-left part of Action.text


def render_json(rows: Sequence[Row], as_of: Date, within_days: int) -> str:
    """The actions as JSON: ``as_of``, ``within_days``, ``library_version`` and ``actions``
    (each an :meth:`Action.to_dict` with its ``file``)."""
    data = {
        "as_of": as_of.isoformat(),
        "within_days": within_days,
        "library_version": __version__,
        "actions": [{"file": name, **action.to_dict()} for name, action in rows],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def render_csv(rows: Sequence[Row], lang: Lang = "sv") -> str:
    """The actions for a spreadsheet (:func:`iop_model.outputs.csv.actions`): text cells
    are never formulas; the JSON keys are the column names."""
    from iop_model.outputs import csv

    return csv.actions(rows, lang)


def uid(action: Action) -> str:
    """A UID that stays the same for the same action, whatever its day or the as-of day."""
    return hashlib.sha256(action.key.encode("utf-8")).hexdigest()[:32] + "@iop-model"


def render_ics(
    rows: Sequence[Row],
    lang: Lang = "sv",
    *,
    stamp: datetime.datetime | None = None,
) -> bytes:
    """The actions as an iCalendar file: one all-day event per action with the rule trace in
    its description and an alarm :data:`ALARM_DAYS` days before."""
    lang = check_lang(lang)
    try:
        import icalendar
    except ImportError as error:  # pragma: no cover - the extra is installed in tests
        raise ImportError(
            "the iCalendar format needs the icalendar package: pip install 'iop-model[ics]'"
        ) from error
    now = stamp or datetime.datetime.now(datetime.UTC)
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//iop-model//iop-model {__version__}//{lang.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "IOP-frister" if lang == "sv" else "IOP deadlines")
    for name, action in rows:
        day = datetime.date(action.day.year, action.day.month, action.day.day)
        summary = action.summary_sv if lang == "sv" else action.summary_en
        event = icalendar.Event()
        event.add("uid", uid(action))
        event.add("dtstamp", now)
        event.add("dtstart", day)
        if day < datetime.date.max:
            event.add("dtend", day + datetime.timedelta(days=1))
        else:  # the calendar's last day has no day after it
            event.add("duration", datetime.timedelta(days=1))
        event.add("summary", summary)
        event.add("description", f"{action.explain(lang)}\n\n{name}")
        event.add("categories", [action.kind.value])
        event.add("transp", "TRANSPARENT")
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", datetime.timedelta(days=-ALARM_DAYS))
        event.add_component(alarm)
        calendar.add_component(event)
    result: bytes = calendar.to_ical()
    return result
