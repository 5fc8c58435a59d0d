"""A partnership's timeline as a small inline SVG, for the web-page report (no matplotlib).

Terms known on the day of knowledge are filled bars (the initial term dark, extensions light);
only on request (``show_later``) are terms decided later drawn, as dashed outlines labelled
"decided later" (T13); each duration goal's threshold day and the as-of day are vertical lines
drawn at the end of their day (G1, G3). Every text is escaped: names come from files.

>>> import pendulum
>>> from iop_model.cases import molndal
>>> svg = timeline_svg(molndal.case(), pendulum.date(2019, 6, 30), "en")
>>> svg.startswith("<svg") and "decided later" not in svg
True
>>> "decided later" in timeline_svg(molndal.case(), pendulum.date(2019, 6, 30), "en",
...                                 show_later=True)
True
"""

from __future__ import annotations

from collections.abc import Sequence

import pendulum
from markupsafe import escape

from iop_model import wording
from iop_model.case import Case, KnownCase
from iop_model.explain import Lang
from iop_model.goals import Assessment, GoalStatus, MinimumDuration, check_known_on
from iop_model.terms.term import calendar_day

Date = pendulum.Date

__all__ = ["timeline_svg"]

_WIDTH = 720
_LEFT = 190
_ROW = 34
_COLORS = {
    "initial": "#1f5f8b",
    "extension": "#5aa0d0",
    "later": "#8a8a8a",
    "secured": "#2e7d32",
    "missed": "#b22222",
    "open": "#6b6b6b",
    "as_of": "#c05a00",
}


def timeline_svg(
    case: Case | KnownCase,
    as_of: Date,
    lang: Lang,
    known_on: Date | None = None,
    assessments: Sequence[Assessment] | None = None,
    *,
    show_later: bool = False,
) -> str:
    """The partnership of a case as known (:meth:`Case.as_known_on
    <iop_model.case.Case.as_known_on>`; a :class:`Case` is projected on ``known_on``,
    default ``as_of``) as an SVG string. ``assessments`` are the known goals assessed as of
    ``as_of``, when already at hand. With ``show_later`` the terms decided after the day of
    knowledge are drawn too, as dashed outlines labelled as such; without it nothing later
    is drawn or implied (T13)."""
    day = calendar_day(as_of, "as_of")
    if not isinstance(case, KnownCase):
        case = case.as_known_on(check_known_on(day, known_on))
    known = case
    knowledge = known.known_on
    shown = {a.id: a for a in known.agreements}
    rows = list(known.source.partnership.agreements if show_later else known.agreements)
    starts = [a.start for a in rows] or [day]
    ends = [a.end for a in rows]
    first = min(starts)
    last = max([*ends, day])
    start_year, end_year = first.year, last.year + 1  # end_year may be 10000: ordinals only
    span = (end_year - start_year) * 365.25
    per_day = (_WIDTH - _LEFT - 10) / span
    origin = Date(start_year, 1, 1).toordinal()

    def place(ordinal: int) -> float:
        return float(_LEFT + (ordinal - origin) / span * (_WIDTH - _LEFT - 10))

    def x(d: Date) -> float:
        return place(d.toordinal())

    def year_start(year: int) -> float:  # the first day of ``year``, or the day after 9999
        if year > 9999:
            return place(Date(9999, 12, 31).toordinal() + 1)
        return x(Date(year, 1, 1))

    count = max(len(rows), 1)
    height = 40 + count * _ROW + 46
    bottom = 30 + count * _ROW
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH} {height}" '
        f'width="{_WIDTH}" height="{height}" role="img" '
        f'aria-label="{escape(wording.say("html.timeline", lang))}">'
    ]
    for year in range(start_year, end_year + 1):
        left = year_start(year)
        parts.append(
            f'<line x1="{left:.1f}" y1="24" x2="{left:.1f}" y2="{bottom}" stroke="#dddddd"/>'
        )
        if year < end_year:
            parts.append(f'<text x="{left + 3:.1f}" y="18" font-size="11">{year}</text>')
    if not rows:
        text = wording.say("report.nothing_yet", lang, day=knowledge)
        parts.append(f'<text x="4" y="49" font-size="11">{escape(text)}</text>')
    later_drawn = False
    for row, agreement in enumerate(rows):
        top = 30 + row * _ROW
        parts.append(f'<text x="4" y="{top + 19}" font-size="11">{escape(agreement.id)}</text>')
        seen = shown.get(agreement.id)
        terms = seen.terms if seen is not None else ()
        for index, term in enumerate(terms):
            color = _COLORS["initial" if index == 0 else "extension"]
            parts.append(_bar(x(term.start), x(term.end) + per_day, top, color, solid=True))
        if show_later:
            for term in agreement.terms[len(terms) :]:
                later_drawn = True
                parts.append(
                    _bar(x(term.start), x(term.end) + per_day, top, _COLORS["later"], solid=False)
                )
    if assessments is None:
        assessments = known.assess(day)
    for entry, assessment in zip(known.goals, assessments, strict=True):
        if not isinstance(entry.goal, MinimumDuration) or entry.subject != "partnership":
            continue
        threshold = assessment.figures.get("threshold")
        if not isinstance(threshold, Date):
            continue
        status = assessment.status
        color = (
            _COLORS["secured"]
            if status in (GoalStatus.SECURED, GoalStatus.ACHIEVED)
            else _COLORS["missed"]
            if status is GoalStatus.MISSED
            else _COLORS["open"]
        )
        at = x(threshold) + per_day
        parts.append(
            f'<line x1="{at:.1f}" y1="24" x2="{at:.1f}" y2="{bottom}" '
            f'stroke="{color}" stroke-width="2"/>'
        )
        label = f"{entry.goal.title(lang)}: {threshold} ({status.label(lang)})"
        parts.append(
            f'<text x="{_LEFT}" y="{height - 24}" font-size="11" fill="{color}">'
            f"{escape(label)}</text>"
        )
    now = x(day) + per_day
    parts.append(
        f'<line x1="{now:.1f}" y1="24" x2="{now:.1f}" y2="{bottom}" '
        f'stroke="{_COLORS["as_of"]}" stroke-dasharray="4 3"/>'
    )
    legend = wording.say("report.as_of", lang, day=day)
    if later_drawn:
        legend += " · " + wording.say("html.later", lang, day=knowledge)
    parts.append(f'<text x="{_LEFT}" y="{height - 8}" font-size="11">{escape(legend)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _bar(left: float, right: float, top: int, color: str, *, solid: bool) -> str:
    width = max(right - left, 1.0)
    if solid:
        return (
            f'<rect x="{left:.1f}" y="{top + 4}" width="{width:.1f}" height="20" fill="{color}"/>'
        )
    return (
        f'<rect x="{left:.1f}" y="{top + 4}" width="{width:.1f}" height="20" fill="none" '
        f'stroke="{color}" stroke-dasharray="5 3"/>'
    )
