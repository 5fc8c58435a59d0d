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
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

import attrs
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
from iop_model.queries.portfolio import MoneyYears, Portfolio
from iop_model.queries.report import ReportDict
from iop_model.terms.term import calendar_day

__all__ = ["OVERVIEW_COLUMNS", "Document", "render_csv", "render_html", "write_html"]

Date = pendulum.Date


@attrs.frozen
class Document:
    """What a report attached to an audit says about itself, from the caller, never
    invented: the audit's reference (``case_number``, a diarienummer), who prepared the
    files (``prepared_by``), the command that made it and when (``generated``, text as
    shown), the rate's source. Shown in the scope-and-method section; a ``case_number``
    adds a signature block."""

    case_number: str | None = None
    prepared_by: str | None = None
    command: str | None = None
    generated: str | None = None
    eur_rate_source: str | None = None


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
    document: Document | None = None,
    digests: Mapping[str, str] | None = None,
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
        document=document,
        digests=digests,
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
    document: Document | None = None,
    paged: bool = False,
    digests: Mapping[str, str] | None = None,
) -> None:
    """:func:`render_html` written to ``stream`` as it is made: each partnership's section
    is made and kept as its finished HTML, one at a time, then the page is written in
    pieces (a folder of thousands of files never holds every report's data at once)."""
    from markupsafe import Markup

    lang = check_lang(lang)
    template, macros = _environment()
    as_of = calendar_day(as_of, "as_of")
    knowledge = check_known_on(as_of, known_on)
    words = _words(lang)
    sections = []
    overview = []
    years = MoneyYears()
    inputs: list[dict[str, str]] = []
    gaps: list[str] = []
    for index, (name, case) in enumerate(portfolio.entries, start=1):
        data, assessments = report.view(
            case.as_known_on(knowledge),  # computed once: the same projection below
            as_of,
            lang,
            input_sha256=digests[name] if digests and name in digests else _sha256(name),
            hour_rate=hour_rate,
            eur_rate=eur_rate,
            show_later=show_later,
            money_by=money_by,
        )
        overview.append(_overview_row(data, lang))
        known = case.as_known_on(knowledge)
        years.add(known)
        inputs.append({"file": name, "sha": data["provenance"]["input_sha256"] or "–"})
        gaps.extend(_gaps(name, known, lang))
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
        money=_money_rows(years, lang),
        sections=sections,
        method=_method(as_of, knowledge, lang, inputs, gaps, hour_rate, eur_rate, document),
        appendix=_appendix(lang),
        signature=document is not None and document.case_number is not None,
        paged=paged,
        running=_running(lang, as_of, inputs),
        page_counter=Markup(_page_counter(lang)),
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


def _gaps(name: str, known: KnownCase, lang: Lang) -> list[str]:
    """What the files do not say, for the data gaps up front."""
    found = []
    for agreement in known.agreements:
        if agreement.decided_on is None:
            found.append(_say("doc.gap.undated", lang, file=name, id=agreement.id))
        parties: list[Any] = [*agreement.public_parties, *agreement.partners]
        found.extend(
            _say("doc.gap.org_number", lang, file=name, name=party.name)
            for party in parties
            if party.org_number is None
        )
        if any(c.approximate for c in agreement.contributions):
            found.append(_say("doc.gap.approximate", lang, file=name, id=agreement.id))
        if any(not c.is_valued for c in agreement.contributions):
            found.append(_say("doc.gap.not_valued", lang, file=name, id=agreement.id))
    return list(dict.fromkeys(found))  # a party named in two agreements once


def _method(
    as_of: Date,
    knowledge: Date,
    lang: Lang,
    inputs: list[dict[str, str]],
    gaps: list[str],
    hour_rate: Decimal | int | None,
    eur_rate: Decimal | int | None,
    document: Document | None,
) -> dict[str, Any]:
    """The scope-and-method section: what the document is and is not, its inputs, the
    caller's rates and the data gaps."""
    from iop_model.rules import fingerprint

    rules = fingerprint().removeprefix("sha256:")[:12]
    lines = [
        _say("doc.what", lang, version=__version__, fingerprint=rules, day=as_of, known=knowledge),
        _say("doc.not", lang),
    ]
    facts = []
    if document is not None:
        for key, value in (
            ("doc.case_number", document.case_number),
            ("doc.prepared_by", document.prepared_by),
            ("doc.generated", document.generated),
            ("doc.command", document.command),
        ):
            if value:
                facts.append(_say(key, lang, text=value, moment=value, command=value))
    facts.append(
        _say("doc.hour_rate", lang, rate=wording.Money(Fraction(hour_rate), "SEK"))
        if hour_rate is not None
        else _say("doc.no_hour_rate", lang)
    )
    if eur_rate is not None:
        rate = _say("doc.eur_rate", lang, rate=Decimal(eur_rate))
        source = document.eur_rate_source if document is not None else None
        facts.append(rate + (f" ({source})" if source else ""))
    else:
        facts.append(_say("doc.no_eur_rate", lang))
    return {
        "heading": _say("doc.method", lang),
        "lines": lines,
        "facts": facts,
        "inputs_heading": _say("doc.inputs", lang),
        "file": _say("doc.col.file", lang),
        "sha": _say("doc.col.sha", lang),
        "inputs": inputs,
        "gaps_heading": _say("doc.gaps", lang),
        "gaps": gaps or [_say("doc.gap.none", lang)],
    }


def _appendix(lang: Lang) -> dict[str, Any]:
    """Every rule as it stands in this version, in the report's language."""
    from iop_model.rules import RULES, fingerprint

    rules = fingerprint().removeprefix("sha256:")[:12]
    return {
        "heading": _say("doc.appendix", lang),
        "intro": _say("doc.appendix_intro", lang, version=__version__, fingerprint=rules),
        "columns": [
            _say(f"doc.col.{key}", lang) for key in ("rule", "statement", "source", "kind")
        ],
        "rules": [
            {
                "id": rule.id,
                "title": rule.title_in(lang),
                "statement": rule.statement_sv if lang == "sv" else rule.statement,
                "source": rule.source_in(lang),
                "kind": _say(f"doc.kind.{rule.kind}", lang),
            }
            for rule in (RULES[rule_id] for rule_id in RULES)
        ],
        "signature": _say("doc.signature", lang),
        "signature_line": _say("doc.signature_line", lang),
    }


def _page_counter(lang: Lang) -> str:
    """The CSS content of a page number: ``"Sida " counter(page) " av " counter(pages)``."""
    template = wording.TEXTS["doc.page"][0 if lang == "en" else 1]
    before, rest = template.split("{page}")
    between, after = rest.split("{pages}")
    parts = [f'"{before}"', "counter(page)", f'"{between}"', "counter(pages)"]
    if after:
        parts.append(f'"{after}"')
    return " ".join(parts)


def _running(lang: Lang, as_of: Date, inputs: list[dict[str, str]]) -> str:
    """The running header of a printed page: title, as-of day, the inputs' short hash."""
    import hashlib

    digest = hashlib.sha256("".join(i["sha"] for i in inputs).encode("utf-8")).hexdigest()
    return f"{_say('html.title', lang)} · {_say('report.as_of', lang, day=as_of)} · {digest[:12]}"


def _money_rows(years: MoneyYears, lang: Lang) -> list[dict[str, str]]:
    """The portfolio's money per calendar year, in words ("1 040 kr"; a sum of shares of
    days is "cirka", rounded once)."""
    return [
        {
            "year": str(year),
            "public": wording.show(wording.Money(public, "SEK", rough), lang),
            "partner": wording.show(wording.Money(partner, "SEK", rough), lang),
            "partnerships": wording.number(count, lang),
        }
        for year, public, partner, rough, count in years.exact()
    ]


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
        days, state_text = [in_force, ""], ""
    else:
        days = [partnership["start"], partnership["end"]]
        state = (
            "html.ended"
            if partnership["end"] < data["as_of"]
            else "html.not_started"
            if partnership["start"] > data["as_of"]
            else "html.in_force"
        )
        state_text = _say(state, lang)
        in_force = f"{days[0]}–{days[1]} ({state_text})"
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
    undecided = sorted({f["id"] for f in data["flags"] if f["raised"] is None})
    return {
        "title": text.title(data),
        "parties": "–"
        if first is None
        else f"{first['public_party']['name']} · {first['partner']['name']}",
        "in_force": in_force,
        "in_force_days": days,
        "in_force_state": state_text,
        "next": upcoming["text_lang"] if upcoming else _say("html.no_deadline", lang),
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
        "flags": "; ".join(
            [f"{flag} {_say(f'flag.title.{flag}', lang)}" for flag in raised]
            + ([_say("html.flags_undecided", lang, ids=", ".join(undecided))] if undecided else [])
        )
        or _say("html.none", lang),
    }


def render_csv(portfolio: Portfolio, as_of: Date, *, lang: Lang = "en", **options: Any) -> str:
    """The overview for a spreadsheet (:func:`iop_model.outputs.csv.overview`): text cells
    are never formulas; in English the columns are the record keys, in Swedish Swedish
    headers and words."""
    from iop_model.outputs import csv

    return csv.overview(portfolio.to_records(as_of, **options), lang)  # type: ignore[arg-type]
