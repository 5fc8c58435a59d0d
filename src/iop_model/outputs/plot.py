"""The timeline picture of an agreement or a partnership (edge; needs ``iop-model[plot]``).

One row per agreement: the initial term and each extension as bars, a terminated remainder
hatched, decision days as diamonds, and vertical lines for each duration goal's threshold day
(the day "minst tre år" is reached) and for ``as_of``. Labels in Swedish or English.

>>> import pendulum
>>> from iop_model.cases import molndal
>>> from iop_model.plot import timeline
>>> figure = timeline(molndal.partnership(), as_of=pendulum.date(2022, 1, 1),
...                   goals=[molndal.GOAL], lang="en")
>>> [text.get_text() for text in figure.axes[0].get_yticklabels()]
['molndal-konstkollektivet-2019', 'molndal-konstkollektivet-2022']

``import iop_model`` never imports this module or matplotlib.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

import pendulum

from iop_model import wording
from iop_model.errors import IOPError
from iop_model.explain import Lang, check_lang
from iop_model.goals import GoalStatus, MinimumDuration, check_known_on
from iop_model.terms.agreement import Agreement, Partnership
from iop_model.terms.term import Term, calendar_day

try:
    from matplotlib.dates import DateFormatter, YearLocator, date2num
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch
except ImportError as error:  # pragma: no cover - exercised without the extra installed
    raise ImportError("the timeline needs matplotlib: pip install 'iop-model[plot]'") from error

__all__ = ["timeline"]

Date = pendulum.Date

_COLORS = {
    "initial": "#1f5f8b",
    "extension": "#5aa0d0",
    "terminated": "#c8c8c8",
    "decision": "#222222",
    "threshold": "#2e8b57",
    "missed": "#b22222",
    "as_of": "#d2691e",
    "later": "#9a9a9a",
}


def _t(key: str, lang: Lang) -> str:
    en, sv = wording.TEXTS[f"plot.{key}"]
    return sv if lang == "sv" else en


def _x(day: Date) -> float:
    """A day as matplotlib's day number (the start of the day)."""
    return float(date2num(datetime.date(day.year, day.month, day.day)))  # type: ignore[no-untyped-call]


def _bar(term: Term) -> tuple[float, float]:
    """A term as (start, width) in day numbers, covering whole days, both ends included (T2)."""
    return _x(term.start), float(term.days)


def timeline(
    subject: Agreement | Partnership,
    as_of: Date | None = None,
    goals: Sequence[MinimumDuration] = (),
    lang: Lang = "sv",
    title: str | None = None,
    known_on: Date | None = None,
    *,
    show_later: bool = False,
) -> Figure:
    """A matplotlib :class:`~matplotlib.figure.Figure` showing the subject's life.

    With ``as_of``, goals are assessed as of that day with the decisions known on
    ``known_on`` (default: ``as_of``; T13, G10): their threshold line is green when secured
    or achieved, red when missed, grey when open, and the day is drawn as a dashed line.
    Only the terms and decisions known by then are drawn (T13); with ``show_later`` those
    decided later are drawn too, as grey outlines with hollow diamonds labelled "decided
    later", never as fact. Without ``as_of`` every decision in the subject is drawn as known.
    """
    lang = check_lang(lang)
    if isinstance(subject, Agreement):
        agreements: tuple[Agreement, ...] = (subject,)
    elif isinstance(subject, Partnership):
        agreements = subject.agreements
    else:
        raise IOPError(
            f"a timeline shows an Agreement or a Partnership, not {type(subject).__name__}",
            field="subject",
            value=subject,
        )
    knowledge: Date | None = None
    if as_of is not None:
        as_of = calendar_day(as_of, "as_of")
        knowledge = check_known_on(as_of, known_on)
    known: dict[str, Agreement] = {}
    if knowledge is None:
        known = {a.id: a for a in agreements}
    elif subject.known_on(knowledge):
        view = subject.as_known_on(knowledge)
        known = {a.id: a for a in (view.agreements if isinstance(view, Partnership) else (view,))}
    if knowledge is not None and not show_later:  # only what was known: nothing later drawn
        agreements = tuple(known[a.id] for a in agreements if a.id in known)
    for index, goal in enumerate(goals):
        if not isinstance(goal, MinimumDuration):
            raise IOPError(
                f"the timeline draws MinimumDuration goals, not {type(goal).__name__}",
                field=f"goals[{index}]",
                value=goal,
            )

    figure = Figure(figsize=(10, 1.6 + 0.9 * len(agreements)), layout="constrained")
    axes = figure.add_subplot()
    rows = list(range(len(agreements)))[::-1]
    later_drawn = False
    for row, agreement in zip(rows, agreements, strict=True):
        seen = known.get(agreement.id)
        shown = seen.terms if seen is not None else ()
        for index, term in enumerate(shown):
            kind = "initial" if index == 0 else "extension"
            axes.broken_barh([_bar(term)], (row - 0.3, 0.6), color=_COLORS[kind])
        for term in agreement.terms[len(shown) :]:  # decided after the day of knowledge
            later_drawn = True
            axes.broken_barh(
                [_bar(term)],
                (row - 0.3, 0.6),
                facecolor="none",
                edgecolor=_COLORS["later"],
                linestyle="--",
            )
        ended = seen if seen is not None else agreement
        if seen is not None and ended.termination is not None and ended.scheduled_end > ended.end:
            rest = Term(ended.termination.on.add(days=1), ended.scheduled_end)
            axes.broken_barh(
                [_bar(rest)],
                (row - 0.3, 0.6),
                facecolor="none",
                edgecolor=_COLORS["terminated"],
                hatch="///",
            )
        decisions = [e.decided_on for e in agreement.extensions]
        if agreement.decided_on is not None:
            decisions.append(agreement.decided_on)
        if agreement.termination is not None:
            decisions.append(agreement.termination.decided_on)
        for day in decisions:
            if knowledge is not None and day > knowledge:
                later_drawn = True
                axes.plot(
                    [_x(day)],
                    [row + 0.42],
                    marker="D",
                    markerfacecolor="white",
                    color=_COLORS["later"],
                    ms=5,
                )
                continue
            axes.plot([_x(day)], [row + 0.42], marker="D", color=_COLORS["decision"], ms=5)
            axes.annotate(
                day.isoformat(),
                (_x(day), row + 0.42),
                textcoords="offset points",
                xytext=(0, 6),
                ha="center",
                fontsize=7,
            )
    for goal in goals:
        assessment = goal.assess(subject, as_of or agreements[-1].scheduled_end, knowledge)
        threshold = assessment.figures["threshold"]
        if not isinstance(threshold, Date):
            continue
        status = assessment.status
        color = {
            GoalStatus.ACHIEVED: _COLORS["threshold"],
            GoalStatus.SECURED: _COLORS["threshold"],
            GoalStatus.MISSED: _COLORS["missed"],
        }.get(status, "#888888")
        label = _t("threshold", lang).format(goal=goal.title(lang), day=threshold.isoformat())
        label += f" ({wording.label(status.name, lang)})"
        # the goal is reached at the end of its threshold day (G1, G3)
        axes.axvline(_x(threshold) + 1, color=color, linewidth=2, label=label)
    if as_of is not None:
        axes.axvline(
            _x(as_of) + 1,  # as of the end of the day (G1)
            color=_COLORS["as_of"],
            linestyle="--",
            label=_t("as_of", lang).format(day=as_of.isoformat()),
        )
    axes.set_yticks(rows, [a.id for a in agreements])
    axes.set_ylim(-0.7, len(agreements) - 0.2)
    axes.xaxis.set_major_locator(YearLocator())  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_formatter(DateFormatter("%Y"))  # type: ignore[no-untyped-call]
    axes.grid(axis="x", color="#dddddd")
    axes.set_axisbelow(True)
    handles, _ = axes.get_legend_handles_labels()
    handles = [
        Patch(color=_COLORS["initial"], label=_t("initial", lang)),
        Patch(color=_COLORS["extension"], label=_t("extension", lang)),
        *(
            [
                Patch(
                    facecolor="none",
                    edgecolor=_COLORS["terminated"],
                    hatch="///",
                    label=_t("terminated", lang),
                )
            ]
            if any(a.termination is not None for a in known.values())
            else []
        ),
        *(
            [
                Patch(
                    facecolor="none",
                    edgecolor=_COLORS["later"],
                    linestyle="--",
                    label=_t("later", lang).format(day=knowledge.isoformat()),
                )
            ]
            if later_drawn and knowledge is not None
            else []
        ),
        *handles,
    ]
    axes.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12),
        ncols=2,
        fontsize=8,
        frameon=False,
    )
    if agreements:
        first = agreements[0].public_party.name
        axes.set_title(title or f"{_t('title', lang)}: {first} – {agreements[0].partner.name}")
    else:
        assert knowledge is not None
        axes.set_title(title or wording.say("report.nothing_yet", lang, day=knowledge))
    return figure
