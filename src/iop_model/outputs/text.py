"""The follow-up report as plain text for a terminal, and the lines every written format of
the report shares (the web page and Markdown use them too).

An output format: it reads the report's data (:data:`~iop_model.queries.report.ReportDict`,
from :func:`iop_model.queries.report.build`) and never computes.

>>> import pendulum
>>> from iop_model.cases import molndal
>>> from iop_model.queries.report import build
>>> print(render_text(build(molndal.case(), pendulum.date(2022, 1, 1), "en")).splitlines()[1])
As of 2022-01-01
"""

from __future__ import annotations

from iop_model import wording
from iop_model.deadlines.reporting import ReportStatus
from iop_model.explain import Lang
from iop_model.queries.report import (
    AgreementDict,
    GoalDict,
    InForceDict,
    MoneyDict,
    ReportDict,
    TermEntryDict,
)
from iop_model.terms.term import TermDict

__all__ = [
    "agreement_lines",
    "extra_lines",
    "follow_up_line",
    "goal_heading",
    "head_lines",
    "later_lines",
    "notes",
    "partnership_lines",
    "period_label",
    "provenance_line",
    "render_text",
    "term_text",
    "title",
]


def _say(key: str, lang: Lang, **values: object) -> str:
    return wording.say(key, lang, **values)


def _reference(reference: str | None, document: str | None = None) -> str:
    shown = ", ".join(x for x in (reference, document) if x)
    return f" ({shown})" if shown else ""


def period_label(period: TermDict) -> str:
    """A period as a year (``2024``) when it is one, else ``2024-03-01–2025-02-28``."""
    start, end = period["start"], period["end"]
    if start[5:] == "01-01" and end[5:] == "12-31" and start[:4] == end[:4]:
        return start[:4]
    return f"{start}–{end}"


def term_text(data: TermDict | InForceDict | TermEntryDict) -> str:
    """A term's days with the en dash: ``2019-01-01–2019-12-31``."""
    return f"{data['start']}–{data['end']}"


def agreement_lines(a: AgreementDict, lang: Lang) -> list[str]:
    """An agreement's lines: its id and title, then parties, decisions, terms, termination,
    days in force, notice and reporting, indented by two spaces."""
    publics = []
    for p in a["public_parties"]:
        extra = ", ".join(
            x for x in (p["committee"] and wording.body(p["committee"], lang), p["org_number"]) if x
        )
        publics.append(p["name"] + (f" ({extra})" if extra else ""))
    partners = [p["name"] for p in a["partners"]]
    lines = [
        f"{a['id']}" + (f": {a['title']}" if a["title"] else ""),
        "  "
        + _say(
            "report.parties" if len(publics) == len(partners) == 1 else "report.parties_several",
            lang,
            public=wording.listing(publics, lang),
            partner=wording.listing(partners, lang),
        ),
    ]
    if a["decided_on"]:
        reference = _reference(a["reference"], a["document"])
        lines.append("  " + _say("report.decided", lang, day=a["decided_on"], reference=reference))
    else:
        lines.append("  " + _say("report.decided_missing", lang, start=a["in_force"]["start"]))
    if a["follows"]:
        lines.append("  " + _say("report.follows", lang, id=a["follows"]))
    if a["max_extent"]:
        lines.append("  " + _say("report.max_extent", lang, day=a["max_extent"]))
    for option in a["options"]:
        used = option["used_by_extension"]
        lines.append(
            "  "
            + _say(
                "report.option_used" if used is not None else "report.option",
                lang,
                number=option["number"] + 1,
                length=option["length"],
                who=option["by_text"],
                by=option["deadline"],
                rules="T18" if option["decide_by"] else "T18, T9",
                extension=(used or 0) + 1,
            )
        )
    if a["options"] and not a["max_extent"] and a["latest_end"]:
        lines.append("  " + _say("report.latest_end", lang, day=a["latest_end"]))
    for term in a["terms"]:
        span = term_text(term)
        if term["kind"] == "initial":
            lines.append("  " + _say("report.initial", lang, term=span, length=term["length"]))
        else:
            lines.append(
                "  "
                + _say(
                    "report.extension",
                    lang,
                    term=span,
                    length=term["length"]
                    + (
                        "; " + _say("report.extension_cut", lang, decided=term["decided_length"])
                        if "decided_length" in term
                        else ""
                    ),
                    day=term["decided_on"],
                    body=wording.Body(term["decided_by"]),
                    reference=_reference(term["reference"], term["document"]),
                )
            )
    if a["termination"]:
        t = a["termination"]
        text = _say(
            f"report.terminated_{t['kind']}",
            lang,
            on=t["on"],
            day=t["decided_on"],
            reason=t["reason"],
            reference=_reference(t["reference"], t["document"]),
        )
        if t["notified_on"]:
            text += _say("report.notified", lang, day=t["notified_on"])
        lines.append(f"  {text} (T12, D5)")
    f = a["in_force"]
    lines.append("  " + _say("report.in_force", lang, term=term_text(f), length=f["length"]))
    notice = a["notice_period"]
    if notice and notice["deadline"]:
        deadline = notice["deadline"]
        moved = deadline["end_day"] != deadline["last_day"]
        lines.append(
            "  "
            + _say(
                "report.notice_deadline_moved" if moved else "report.notice_deadline",
                lang,
                length=notice["text"],
                end=f["end"],
                day=deadline["last_day"],
                agreed=deadline["end_day"],
            )
        )
    elif notice:
        lines.append("  " + _say("report.notice_period", lang, length=notice["text"]))
    reporting = a["reporting"]
    if reporting:
        lines.append("  " + _say("report.reporting", lang, text=reporting["text"]))
        for entry in reporting["periods"]:
            status = ReportStatus(entry["status"])
            said = status.sv if lang == "sv" else status.en
            if entry["received_on"]:
                said = _say("report.received", lang, day=entry["received_on"], status=said)
                said += _reference(entry["reference"])
            lines.append(
                "    "
                + _say(
                    "report.report_period",
                    lang,
                    period=term_text(entry["period"]),
                    due=entry["due"],
                    status=said,
                )
            )
    return lines


def partnership_lines(data: ReportDict, lang: Lang) -> list[str]:
    """The partnership's days in force, its gaps and the days without a decision."""
    p = data["partnership"]
    if p is None:
        return [_say("report.nothing_yet", lang, day=data["known_on"])]
    span = f"{p['start']}–{p['end']}"
    if p["gaps"]:
        gaps = ", ".join(term_text(g) for g in p["gaps"])
        lines = [_say("report.partnership_gaps", lang, term=span, length=p["length"], gaps=gaps)]
    else:
        lines = [_say("report.partnership_continuous", lang, term=span, length=p["length"])]
    if p["days_without_decision"]:
        terms = ", ".join(term_text(t) for t in p["days_without_decision"])
        lines.append(_say("report.undecided", lang, terms=terms))
    return lines


def title(data: ReportDict) -> str:
    """The report's title: the case's, or its first agreement's id."""
    if data["title"]:
        return str(data["title"])
    return str(data["agreements"][0]["id"]) if data["agreements"] else "-"


def head_lines(data: ReportDict, lang: Lang) -> list[str]:
    """The as-of day, the day of knowledge and the assumptions."""
    key = "report.as_of_today" if data["as_of_is_today"] else "report.as_of"
    lines = [_say(key, lang, day=data["as_of"])]
    if data["known_on"] != data["as_of"]:
        lines.append(_say("report.known_on", lang, day=data["known_on"]))
    lines.extend(_say("report.assumption", lang, text=text) for text in data["assumptions"])
    return lines


def notes(data: ReportDict, lang: Lang) -> list[str]:
    """The counts of later decisions and goals, and the missing decision days."""
    lines = []
    if data["later_decisions"]:
        lines.append(_say("report.later", lang, n=data["later_decisions"]))
    if data["later_goals"]:
        lines.append(_say("report.later_goals", lang, n=data["later_goals"]))
    if data["missing_data"]:
        ids = ", ".join(item["agreement"] for item in data["missing_data"])
        lines.append(_say("report.missing", lang, ids=ids))
    return lines


def goal_heading(goal: GoalDict, lang: Lang) -> str:
    """A goal's heading: its number, title, subject and status."""
    subject = goal["subject_name"]
    if subject == "partnership":
        subject = _say("report.partnership_subject", lang)
    text = _say(
        "report.goal",
        lang,
        n=goal["number"],
        title=goal["title"],
        subject=subject,
        status=goal["label"],
    )
    if goal["illustrative"]:
        text = _say("report.illustrative", lang, text=text)
    return text


def follow_up_line(goal: GoalDict, lang: Lang) -> str | None:
    """The years without follow-up beside a duration goal, if any."""
    if not goal["follow_up_missing"]:
        return None
    return _say("goal.follow_up_missing", lang, years=", ".join(goal["follow_up_missing"]))


def provenance_line(data: ReportDict, lang: Lang) -> str:
    """Where the report comes from: version, rules, input, days."""
    p = data["provenance"]
    return _say(
        "report.provenance_line",
        lang,
        version=p["library_version"],
        rules=p["rules_fingerprint"][:19],
        sha=p["input_sha256"] or _say("report.no_file", lang),
        as_of=p["as_of"],
        known_on=p["known_on"],
    )


def render_text(data: ReportDict) -> str:
    """The report as plain text for a terminal."""
    lang: Lang = data["lang"]
    lines = [_say("report.title", lang, title=title(data)), *head_lines(data, lang), ""]
    lines.append(_say("report.agreements", lang))
    for agreement in data["agreements"]:
        lines.extend("  " + line for line in agreement_lines(agreement, lang))
    lines.extend("  " + line for line in partnership_lines(data, lang))
    lines.extend("  " + line for line in notes(data, lang))
    if data["goals"]:
        lines += ["", _say("report.goals", lang)]
        for goal in data["goals"]:
            lines.append(f"  {goal_heading(goal, lang)}")
            lines.extend("     " + line for line in goal["text"].splitlines())
            follow = follow_up_line(goal, lang)
            if follow:
                lines.append(f"     {follow}")
    if data["actions"]["items"]:
        lines += ["", _say("report.actions", lang, n=data["actions"]["within_days"])]
        lines.extend(
            f"  {item['text_lang']} ({', '.join(item['rules'])})"
            for item in data["actions"]["items"]
        )
    lines.extend(extra_lines(data, lang, "  "))
    lines.extend(later_lines(data, lang, "  "))
    if data["activities"]:
        lines += ["", _say("report.activities", lang)]
        for activity in data["activities"]:
            lines.append(
                "  "
                + _say(
                    "report.activity",
                    lang,
                    name=activity["name"],
                    kind=activity["kind_text"],
                    agreement=activity["agreement"],
                )
            )
            for f in activity["figures"]:
                lines.append(f"    {period_label(f['period'])}: {f['text']}")
    lines += ["", f"{_say('report.provenance', lang)}: {provenance_line(data, lang)}"]
    return "\n".join(lines)


def money_lines(item: MoneyDict, unit: str, lang: Lang, indent: str) -> list[str]:
    """An agreement's money by ``unit`` (``"year"`` or ``"agreement-year"``), one period a
    line with its notes below."""
    lines = [f"{indent}{item['agreement']} ({_say(f'money.per.{unit}', lang)})"]
    for row in item["by"][unit]:
        lines.append(f"{indent}  {term_text(row['period'])}: {row['text'][0]}")
        lines.extend(f"{indent}    {extra}" for extra in row["text"][1:])
    return lines


def extra_lines(data: ReportDict, lang: Lang, indent: str) -> list[str]:
    """Contributions, flags and criteria evidence, as plain lines (text and Markdown)."""
    lines: list[str] = []
    if data["contributions"]:
        lines += ["", _say("money.heading", lang)]
        for item in data["contributions"]:
            lines.extend(money_lines(item, item["unit"], lang, indent))
    if data["flags"]:
        lines += ["", _say("report.flags", lang)]
        for flag in data["flags"]:
            raised = flag["raised"]
            state = (
                ""
                if raised
                else f" ({_say('report.flag_tested', lang)})"
                if raised is False
                else f" ({_say('report.flag_unknown', lang)})"
            )
            first, *rest = flag["explanation"][lang].splitlines()
            lines.append(f"{indent}{flag['id']}{state}: {first}")
            lines.extend(f"{indent}  {line}" for line in rest)
    shown = [e for e in data["evidence"] if any(i["statement"] for i in e["items"])]
    if shown:
        lines += ["", _say("report.evidence", lang)]
        for evidence in shown:
            lines.append(f"{indent}{evidence['agreement']}")
            for check in evidence["items"]:
                said = check["statement"] or _say("report.evidence_missing", lang)
                if check["document"]:
                    said += f" ({check['document']})"
                mark = "✓" if check["statement"] else "–"
                lines.append(f"{indent}  {mark} {check[lang]}: {said}")
    return lines


def later_lines(data: ReportDict, lang: Lang, indent: str) -> list[str]:
    """The decisions and reports that came after the day of knowledge, asked for with
    ``show_later``: a heading after a blank line, then one line each."""
    if "later" not in data:
        return []
    lines = ["", _say("report.later_shown", lang, day=data["known_on"])]
    lines.extend(f"{indent}{fact['text']}" for fact in data["later"])
    if not data["later"]:
        lines.append(f"{indent}{_say('html.none', lang)}")
    return lines
