"""The follow-up report as one self-contained web page, and the overview as CSV.

An edge module (needs ``pip install 'iop-model[html]'`` for Jinja2): it formats what
:mod:`iop_model.report` and :class:`~iop_model.portfolio.Portfolio` computed. The page has its
CSS inline, its pictures as inline SVG and no script; it loads nothing from the network and
prints to PDF with one partnership per page. Jinja2 escapes every value (names come from
files). The wording is in :mod:`iop_model.wording`.

>>> import pendulum
>>> from iop_model import Portfolio
>>> page = render_html(Portfolio.load("examples"), pendulum.date(2024, 6, 1), "sv")
>>> page.startswith("<!DOCTYPE html>") and '<html lang="sv">' in page
True
"""

from __future__ import annotations

import hashlib
import io
from decimal import Decimal
from fractions import Fraction
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

import pendulum

from iop_model import wording
from iop_model._version import __version__
from iop_model.case import KnownCase
from iop_model.explain import Lang, check_lang
from iop_model.goals import Assessment, check_known_on
from iop_model.outputs import text
from iop_model.outputs.csv import OVERVIEW_COLUMNS
from iop_model.outputs.svg import timeline_svg
from iop_model.queries import report
from iop_model.queries.portfolio import MoneyYearRow, MoneyYears, Portfolio
from iop_model.queries.report import ReportDict
from iop_model.terms.term import calendar_day

__all__ = ["OVERVIEW_COLUMNS", "render_csv", "render_html", "write_html"]

Date = pendulum.Date


def _environment() -> tuple[Any, Any]:
    """The page's template and the module of the partnership section's macro."""
    try:
        import jinja2
    except ImportError as error:  # pragma: no cover - the extra is installed in tests
        raise ImportError("the web page needs Jinja2: pip install 'iop-model[html]'") from error
    folder = resources.files("iop_model.outputs").joinpath("templates")
    sources = {
        name: folder.joinpath(name).read_text(encoding="utf-8")
        for name in ("report.html.j2", "section.html.j2")
    }
    environment = jinja2.Environment(
        loader=jinja2.DictLoader(sources), autoescape=True, undefined=jinja2.StrictUndefined
    )
    return environment.get_template("report.html.j2"), environment.get_template(
        "section.html.j2"
    ).module


def _sha256(name: str) -> str | None:
    path = Path(name)
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def _say(key: str, lang: Lang, **values: object) -> str:
    return wording.say(key, lang, **values)


def render_html(
    portfolio: Portfolio,
    as_of: Date,
    lang: Lang = "sv",
    *,
    known_on: Date | None = None,
    hour_rate: Decimal | int | None = None,
    eur_rate: Decimal | int | None = None,
    show_later: bool = False,
    money_by: str | None = None,
) -> str:
    """The web page: an overview table, then one section per partnership (agreements and
    decisions with their references, the timeline, goals with explanations, actions,
    money, flags, criteria, activity figures and provenance), each partnership as known on
    ``known_on`` (default: ``as_of``); ``show_later`` draws and lists what came later."""
    page = io.StringIO()
    write_html(
        page,
        portfolio,
        as_of,
        lang,
        known_on=known_on,
        hour_rate=hour_rate,
        eur_rate=eur_rate,
        show_later=show_later,
        money_by=money_by,
    )
    return page.getvalue()


def write_html(
    stream: TextIO,
    portfolio: Portfolio,
    as_of: Date,
    lang: Lang = "sv",
    *,
    known_on: Date | None = None,
    hour_rate: Decimal | int | None = None,
    eur_rate: Decimal | int | None = None,
    show_later: bool = False,
    money_by: str | None = None,
) -> None:
    """:func:`render_html` written to ``stream`` as it is made: each partnership's section
    is made and kept as its finished HTML, one at a time, then the page is written in
    pieces (a folder of thousands of files never holds every report's data at once)."""
    lang = check_lang(lang)
    template, macros = _environment()
    as_of = calendar_day(as_of, "as_of")
    knowledge = check_known_on(as_of, known_on)
    words = _words(lang)
    sections = []
    overview = []
    years = MoneyYears()
    for index, (name, case) in enumerate(portfolio.entries, start=1):
        data, assessments = report.view(
            case.as_known_on(knowledge),  # computed once: the same projection below
            as_of,
            lang,
            input_sha256=_sha256(name),
            hour_rate=hour_rate,
            eur_rate=eur_rate,
            show_later=show_later,
            money_by=money_by,
        )
        overview.append(_overview_row(data, lang))
        known = case.as_known_on(knowledge)
        years.add(known)
        section = _section(name, known, as_of, data, assessments, lang, show_later)
        sections.append(macros.partnership_section(section, index, words))
    for piece in template.generate(
        lang=lang,
        version=__version__,
        title=_say("html.title", lang),
        head=[_say("report.as_of", lang, day=as_of)]
        + ([] if knowledge == as_of else [_say("report.known_on", lang, day=knowledge)]),
        words=words,
        overview=overview,
        money=_money_rows(years.rows(), lang),
        sections=sections,
    ):
        stream.write(piece)


def _section(
    name: str,
    known: KnownCase,
    as_of: Date,
    data: ReportDict,
    assessments: tuple[Assessment, ...],
    lang: Lang,
    show_later: bool,
) -> dict[str, Any]:
    """What one partnership's section shows."""
    from markupsafe import Markup

    agreements = [
        line.strip() for a in data["agreements"] for line in text.agreement_lines(a, lang)
    ]
    agreements += text.partnership_lines(data, lang) + text.notes(data, lang)
    goals = [
        {
            "code": goal["status"],
            "label": goal["label"],
            "heading": text.goal_heading(goal, lang).rsplit(": ", 1)[0],
            "text": goal["text"],
            "follow": text.follow_up_line(goal, lang),
        }
        for goal in data["goals"]
    ]
    extra = text.extra_lines(data, lang, "") + text.later_lines(data, lang, "")
    for item in data["contributions"]:  # the other unit too: accounts and agreement years
        other = "agreement-year" if item["unit"] == "year" else "year"
        if item["by"][other] != item["by"][item["unit"]]:
            unit = _say(f"money.per.{other}", lang)
            extra += ["", _say("money.other_unit", lang, unit=unit)]
            extra += text.money_lines(item, other, lang, "")
    return {
        "file": name,
        "title": text.title(data),
        "head": text.head_lines(data, lang),
        "agreements": agreements,
        # escaped inside
        "svg": Markup(
            timeline_svg(known, as_of, lang, assessments=assessments, show_later=show_later)
        ),
        "goals": goals,
        "actions_heading": _say("report.actions", lang, n=data["actions"]["within_days"]),
        "actions": [
            f"{item['text_lang']} ({', '.join(item['rules'])})" for item in data["actions"]["items"]
        ],
        "extra": _blocks(extra),
        "activities": [
            {
                "name": activity["name"],
                "figures": [
                    {"period": text.period_label(f["period"]), "text": f["text"]}
                    for f in activity["figures"]
                ],
            }
            for activity in data["activities"]
        ],
        "provenance": text.provenance_line(data, lang),
    }


def _money_rows(rows: list[MoneyYearRow], lang: Lang) -> list[dict[str, str]]:
    """The portfolio's money per calendar year, in words ("1 040 kr", "cirka")."""
    shown = []
    for row in rows:
        rough = row["approximate"]
        shown.append(
            {
                "year": str(row["year"]),
                "public": wording.show(
                    wording.Money(Fraction(row["public_money"]), "SEK", rough), lang
                ),
                "partner": wording.show(
                    wording.Money(Fraction(row["partner_money"]), "SEK", rough), lang
                ),
                "partnerships": wording.number(row["partnerships"], lang),
            }
        )
    return shown


def _blocks(lines: list[str]) -> list[dict[str, Any]]:
    """Headed blocks from report lines: a line after a blank one is a heading."""
    blocks: list[dict[str, Any]] = []
    heading_next = False
    for line in lines:
        if not line:
            heading_next = True
            continue
        if heading_next or not blocks:
            blocks.append({"heading": line, "lines": []})
            heading_next = False
        else:
            blocks[-1]["lines"].append(line.strip())
    return blocks


def _words(lang: Lang) -> dict[str, str]:
    keys = {
        "overview": "html.overview",
        "partnership": "html.col.partnership",
        "parties": "html.col.parties",
        "in_force": "html.col.in_force",
        "next": "html.col.next",
        "goals": "html.col.goals",
        "targets": "html.col.targets",
        "reports": "html.col.reports",
        "flags": "html.col.flags",
        "none": "html.none",
        "file": "html.file",
        "decisions": "html.decisions",
        "timeline": "html.timeline",
        "goals_heading": "report.goals",
        "figures": "html.figures",
        "activity": "report.activities",
        "period": "report.period_column",
        "figures_col": "report.figures_column",
        "provenance": "report.provenance",
        "money": "html.money",
        "year": "html.col.year",
        "public_money": "html.col.public_money",
        "partner_money": "html.col.partner_money",
        "partnerships": "html.col.partnerships",
    }
    return {name: _say(key, lang) for name, key in keys.items()}


def _overview_row(data: ReportDict, lang: Lang) -> dict[str, Any]:
    """One row of the overview, from the partnership's report data (computed once)."""
    agreements = data["agreements"]
    first = agreements[0] if agreements else None
    partnership = data["partnership"]
    if partnership is None:
        in_force = _say("html.not_known", lang)
    else:
        days = f"{partnership['start']}–{partnership['end']}"
        state = (
            "html.ended"
            if partnership["end"] < data["as_of"]
            else "html.not_started"
            if partnership["start"] > data["as_of"]
            else "html.in_force"
        )
        in_force = f"{days} ({_say(state, lang)})"
    upcoming = data["next_action"]
    late = {"late", "overdue"}
    reports = sum(
        1
        for a in agreements
        if a["reporting"]
        for period in a["reporting"]["periods"]
        if period["status"] in late
    )
    raised = sorted({f["id"] for f in data["flags"] if f["raised"]})
    return {
        "title": text.title(data),
        "parties": "–"
        if first is None
        else f"{first['public_party']['name']} · {first['partner']['name']}",
        "in_force": in_force,
        "next": upcoming["text_lang"] if upcoming else _say("html.none", lang),
        "goals": [
            {"code": g["status"], "label": g["label"]}
            for g in data["goals"]
            if g["goal"]["kind"] == "minimum_duration"
        ],
        "targets": [
            {"code": g["status"], "label": g["label"]}
            for g in data["goals"]
            if g["goal"]["kind"] != "minimum_duration"
        ],
        "reports": reports,
        "flags": ", ".join(f"{flag} {_say(f'flag.title.{flag}', lang)}" for flag in raised)
        or _say("html.none", lang),
    }


def render_csv(portfolio: Portfolio, as_of: Date, **options: Any) -> str:
    """The overview for a spreadsheet (:func:`iop_model.outputs.csv.overview`): text cells
    are never formulas; the columns are the record keys."""
    from iop_model.outputs import csv

    return csv.overview(portfolio.to_records(as_of, **options))  # type: ignore[arg-type]
