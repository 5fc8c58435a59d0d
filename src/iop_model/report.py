"""Follow-up reports (uppföljningsrapporter) of a case, as plain data, text or Markdown.

An edge module: it reads core objects and formats them; it never changes them.

>>> import pendulum
>>> from iop_model.cases import molndal
>>> from iop_model.report import build, render_text
>>> data = build(molndal.case(), pendulum.date(2022, 1, 1), "en")
>>> [g["status"] for g in data["goals"]]
['achieved', 'achieved', 'met', 'partially_met']
>>> print(render_text(data).splitlines()[1])
As of 2022-01-01
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pendulum

from .activities import Activity, MeetingPlace, Network, Residency, Venue, readable_text
from .agreement import Agreement
from .case import Case
from .errors import ActivityError, IOPError
from .explain import Lang, check_lang
from .goals import GoalStatus, plain
from .reporting import ReportStatus, follow_up
from .term import Term

__all__ = ["build", "render_markdown", "render_text"]

Date = pendulum.Date

_WORDS: dict[str, tuple[str, str]] = {
    "report": ("Follow-up report", "Uppföljningsrapport"),
    "as_of": ("As of", "Per"),
    "today": ("today in Europe/Stockholm", "i dag i Europe/Stockholm"),
    "agreements": ("Agreements", "Avtal"),
    "parties": ("Parties", "Parter"),
    "decided": ("Decided", "Beslutat"),
    "not_recorded": ("not recorded", "inte angivet"),
    "follows": ("Follows", "Följer"),
    "max_extent": ("Maximum extent", "Yttersta slutdag"),
    "initial": ("Initial term", "Första avtalstid"),
    "extension": ("Extension", "Förlängning"),
    "decided_by": ("decided {day} by {who}", "beslutad {day} av {who}"),
    "terminated_notice": ("Terminated by notice", "Uppsagt"),
    "terminated_breach": ("Terminated for breach", "Hävt"),
    "terminated_mutual": ("Ended by mutual agreement", "Avslutat efter överenskommelse"),
    "last_day": (
        "last day {on}, decided {day}: {reason}",
        "sista dag {on}, beslutad {day}: {reason}",
    ),
    "in_force": ("In force", "Gäller"),
    "partnership": ("Partnership", "Partnerskap"),
    "continuous": ("continuous", "sammanhängande"),
    "gaps": ("gaps", "glapp"),
    "goals": ("Goals", "Mål"),
    "activities": ("Activities", "Aktiviteter"),
    "no_reports": ("no reports", "inga rapporter"),
    "whole": ("whole term", "hela avtalstiden"),
    "visitors": ("visitors", "besökare"),
    "mean": ("mean", "medelvärde"),
    "joined": ("joined", "nya"),
    "left": ("left", "slutat"),
    "and": ("and", "och"),
    "none": ("none", "inga"),
    "subject": ("Subject", "Föremål"),
    "nothing_yet": ("No agreement had been decided by {day}", "Inget avtal var beslutat {day}"),
    "notice_period": ("Notice period", "Uppsägningstid"),
    "notice_deadline": ("last day to give notice for {end}", "sista dag för uppsägning till {end}"),
    "notified": ("notice received {day}", "uppsägningen mottogs {day}"),
    "reporting": ("Reporting", "Redovisning"),
    "report_period": (
        "{period}: due {due}, {status}",
        "{period}: senast {due}, {status}",
    ),
    "received": ("received {day}", "inkom {day}"),
    "actions": (
        "Actions: overdue and due within {n} days",
        "Åtgärder: försenade och de som förfaller inom {n} dagar",
    ),
    "later": (
        "{n} later decisions in the file are not shown",
        "{n} senare beslut i filen visas inte",
    ),
}

_KINDS: dict[type, tuple[str, str]] = {
    MeetingPlace: ("meeting place", "mötesplats"),
    Venue: ("venue", "scen"),
    Network: ("network", "nätverk"),
    Residency: ("residency", "residens"),
}


def _w(key: str, lang: Lang) -> str:
    en, sv = _WORDS[key]
    return sv if lang == "sv" else en


def _length(term: Term, lang: Lang) -> str:
    return term.length.sv() if lang == "sv" else str(term.length)


#: The horizon of the report's list of actions, in days.
ACTION_DAYS = 180


def _agreement(agreement: Agreement, lang: Lang, as_of: Date) -> dict[str, Any]:
    terms = []
    for index, term in enumerate(agreement.terms):
        entry: dict[str, Any] = {
            "kind": "initial" if index == 0 else "extension",
            "start": term.start.isoformat(),
            "end": term.end.isoformat(),
            "length": _length(term, lang),
        }
        if index:
            extension = agreement.extensions[index - 1]
            entry["decided_on"] = extension.decided_on.isoformat()
            entry["decided_by"] = extension.decided_by
        terms.append(entry)
    party, partner = agreement.public_party, agreement.partner
    data: dict[str, Any] = {
        "id": agreement.id,
        "title": agreement.title,
        "public_party": {
            "name": party.name,
            "committee": party.committee,
            "org_number": party.org_number,
        },
        "partner": {
            "name": partner.name,
            "org_number": partner.org_number,
            "registered": partner.registered,
        },
        "decided_on": plain(agreement.decided_on),
        "follows": agreement.follows,
        "max_extent": plain(agreement.max_extent),
        "terms": terms,
        "termination": None,
        "in_force": {
            "start": agreement.start.isoformat(),
            "end": agreement.end.isoformat(),
            "length": _length(agreement.span, lang),
        },
    }
    if agreement.termination is not None:
        t = agreement.termination
        data["termination"] = {
            "on": t.on.isoformat(),
            "decided_on": t.decided_on.isoformat(),
            "reason": t.reason,
            "kind": t.kind.value,
            "notified_on": plain(t.notified_on),
        }
    period = agreement.notice_period
    data["notice_period"] = None
    if period is not None:
        notice = agreement.notice_deadline()
        data["notice_period"] = {
            "years": period.years,
            "months": period.months,
            "days": period.days,
            "text": period.sv() if lang == "sv" else str(period),
            "deadline": None if notice is None else notice.to_dict(),
        }
    data["reporting"] = None
    duty = agreement.reporting
    if duty is not None:
        periods = follow_up(duty, agreement.span, agreement.follow_up_reports, as_of)
        data["reporting"] = {
            "text": duty.describe(lang),
            "periods": [entry.to_dict() for entry in periods],
        }
    return data


def _figures(activity: Activity, as_of: Date) -> list[dict[str, Any]]:
    span = activity.span()
    if span is None:
        return []
    try:
        periods = activity.figures_by("year", within=span, as_of=as_of)
    except ActivityError:  # an aggregate report straddles a year (A5): report the whole term
        periods = [activity.figures(span, as_of)]
    return [
        {
            "period": plain(f.period),
            "count": f.count,
            "total": f.total,
            "mean": plain(f.mean),
            "reports": f.reports,
            "by_kind": dict(f.by_kind),
            **dict(f.extra),
        }
        for f in periods
    ]


def build(case: Case, as_of: Date, lang: Lang = "sv", *, today: bool = False) -> dict[str, Any]:
    """The follow-up report of ``case`` as of the end of ``as_of``, as plain data.

    ``today`` marks that ``as_of`` is today's date in Europe/Stockholm.
    """
    if not isinstance(case, Case):
        raise IOPError(f"expected a Case, got {type(case).__name__}", field="case", value=case)
    lang = check_lang(lang)
    full = case.partnership
    known = full.as_known_on(as_of) if full.known_on(as_of) else None
    agreements = known.agreements if known is not None else ()
    hidden = _decisions(full.agreements) - _decisions(agreements)
    goals = []
    for entry, assessment in zip(case.goals, case.assess(as_of), strict=True):
        data = {"subject_name": entry.subject, **assessment.to_dict()}
        data["title"] = entry.goal.title(lang)
        data["text"] = assessment.explain(lang)
        goals.append(data)
    return {
        "title": case.title,
        "as_of": as_of.isoformat(),
        "as_of_is_today": today,
        "lang": lang,
        "agreements": [_agreement(a, lang, as_of) for a in agreements],
        "later_decisions": hidden,
        "partnership": None
        if known is None
        else {
            "start": known.start.isoformat(),
            "end": known.end.isoformat(),
            "length": _length(known.span, lang),
            "gaps": [plain(g) for g in known.gaps],
        },
        "goals": goals,
        "actions": {
            "within_days": ACTION_DAYS,
            "items": [
                {**action.to_dict(), "text_lang": action.text(lang)}
                for action in case.actions(as_of, ACTION_DAYS)
            ],
        },
        "activities": [
            {
                "name": activity.name,
                "kind": _KINDS[type(activity)][0],
                "kind_text": _KINDS[type(activity)][1 if lang == "sv" else 0],
                "agreement": activity.agreement_id,
                "description": activity.description,
                "count_words": activity.count_words[1 if lang == "sv" else 0],
                "figures": _figures(activity, as_of),
            }
            for activity in case.activities
        ],
    }


def _decisions(agreements: tuple[Agreement, ...]) -> int:
    """How many decisions (agreements, extensions, terminations) the agreements record."""
    return sum(1 + len(a.extensions) + (a.termination is not None) for a in agreements)


def _status_text(status: str, lang: Lang) -> str:
    member = GoalStatus(status)
    return member.sv if lang == "sv" else member.name


def _figure_text(activity: dict[str, Any], f: dict[str, Any], lang: Lang) -> str:
    if f["reports"] == 0:
        return _w("no_reports", lang)
    text = f"{f['count']} {activity['count_words']}"
    if f["total"] is not None:
        mean = "-" if f["mean"] is None else readable_text(Fraction(f["mean"]))
        text += f", {f['total']} {_w('visitors', lang)}, {_w('mean', lang)} {mean}"
    if "joined" in f:
        text += f" ({_w('joined', lang)} {f['joined']}, {_w('left', lang)} {f['left']})"
    if f["by_kind"]:
        text += " (" + ", ".join(f"{k} {n}" for k, n in sorted(f["by_kind"].items())) + ")"
    return text


def _period_label(period: dict[str, str]) -> str:
    start, end = period["start"], period["end"]
    if start[5:] == "01-01" and end[5:] == "12-31" and start[:4] == end[:4]:
        return start[:4]
    return f"{start}..{end}"


def _agreement_lines(a: dict[str, Any], lang: Lang) -> list[str]:
    p = a["public_party"]
    extra = ", ".join(x for x in (p["committee"], p["org_number"]) if x)
    party = p["name"] + (f" ({extra})" if extra else "")
    lines = [
        f"{a['id']}" + (f": {a['title']}" if a["title"] else ""),
        f"  {_w('parties', lang)}: {party} {_w('and', lang)} {a['partner']['name']}",
        f"  {_w('decided', lang)}: {a['decided_on'] or _w('not_recorded', lang)}",
    ]
    if a["follows"]:
        lines.append(f"  {_w('follows', lang)}: {a['follows']} (T14)")
    if a["max_extent"]:
        lines.append(f"  {_w('max_extent', lang)}: {a['max_extent']} (T11)")
    for term in a["terms"]:
        span = f"{term['start']}..{term['end']} ({term['length']})"
        if term["kind"] == "initial":
            lines.append(f"  {_w('initial', lang)}: {span}")
        else:
            by = _w("decided_by", lang).format(day=term["decided_on"], who=term["decided_by"])
            lines.append(f"  {_w('extension', lang)}: {span}, {by} (T8, T9)")
    if a["termination"]:
        t = a["termination"]
        text = _w("last_day", lang).format(on=t["on"], day=t["decided_on"], reason=t["reason"])
        if t["notified_on"]:
            text += "; " + _w("notified", lang).format(day=t["notified_on"])
        lines.append(f"  {_w('terminated_' + t['kind'], lang)}: {text} (T12, D5)")
    f = a["in_force"]
    lines.append(f"  {_w('in_force', lang)}: {f['start']}..{f['end']} ({f['length']})")
    notice = a["notice_period"]
    if notice:
        text = f"  {_w('notice_period', lang)}: {notice['text']}"
        if notice["deadline"]:
            last = _w("notice_deadline", lang).format(end=f["end"])
            text += f"; {last}: {notice['deadline']['last_day']} (D4, D5)"
        lines.append(text + ("" if notice["deadline"] else " (D5)"))
    reporting = a["reporting"]
    if reporting:
        lines.append(f"  {_w('reporting', lang)}: {reporting['text']} (D6)")
        for entry in reporting["periods"]:
            status = ReportStatus(entry["status"])
            said = status.sv if lang == "sv" else status.en
            if entry["received_on"]:
                said = _w("received", lang).format(day=entry["received_on"]) + f": {said}"
                if entry["reference"]:
                    said += f" ({entry['reference']})"
            period = entry["period"]
            line = _w("report_period", lang).format(
                period=f"{period['start']}..{period['end']}", due=entry["due"], status=said
            )
            lines.append(f"    {line} (D7)")
    return lines


def _partnership_line(data: dict[str, Any], lang: Lang) -> str:
    p = data["partnership"]
    if p is None:
        return _w("nothing_yet", lang).format(day=data["as_of"]) + " (T13)"
    gaps = p["gaps"]
    state = (
        _w("continuous", lang)
        if not gaps
        else f"{_w('gaps', lang)}: " + ", ".join(f"{g['start']}..{g['end']}" for g in gaps)
    )
    return f"{_w('partnership', lang)}: {p['start']}..{p['end']} ({p['length']}), {state} (T14)"


def _title(data: dict[str, Any]) -> str:
    if data["title"]:
        return str(data["title"])
    return str(data["agreements"][0]["id"]) if data["agreements"] else "-"


def _as_of_line(data: dict[str, Any], lang: Lang) -> str:
    line = f"{_w('as_of', lang)} {data['as_of']}"
    return line + (f" ({_w('today', lang)})" if data["as_of_is_today"] else "")


def render_text(data: dict[str, Any]) -> str:
    """The report as plain text for a terminal."""
    lang: Lang = data["lang"]
    lines = [
        f"{_w('report', lang)}: {data['title'] or data['agreements'][0]['id']}",
        _as_of_line(data, lang),
        "",
    ]
    lines.append(f"{_w('agreements', lang)}")
    for agreement in data["agreements"]:
        lines.extend("  " + line for line in _agreement_lines(agreement, lang))
    lines.append("  " + _partnership_line(data, lang))
    if data["later_decisions"]:
        lines.append("  " + _w("later", lang).format(n=data["later_decisions"]) + " (T13)")
    if data["goals"]:
        lines += ["", _w("goals", lang)]
        for number, goal in enumerate(data["goals"], 1):
            lines.append(
                f"  {number}. {goal['title']} "
                f"({_w('subject', lang).lower()}: {goal['subject_name']}): "
                f"{_status_text(goal['status'], lang)}"
            )
            lines.extend("     " + line for line in goal["text"].splitlines())
    if data["actions"]["items"]:
        lines += ["", _w("actions", lang).format(n=data["actions"]["within_days"])]
        lines.extend(
            f"  {item['text_lang']} ({', '.join(item['rules'])})"
            for item in data["actions"]["items"]
        )
    if data["activities"]:
        lines += ["", _w("activities", lang)]
        for activity in data["activities"]:
            lines.append(f"  {activity['name']} ({activity['kind_text']}, {activity['agreement']})")
            for f in activity["figures"]:
                lines.append(f"    {_period_label(f['period'])}: {_figure_text(activity, f, lang)}")
    return "\n".join(lines)


def render_markdown(data: dict[str, Any]) -> str:
    """The report as Markdown, for a wiki page or a code host."""
    lang: Lang = data["lang"]
    lines = [
        f"# {_w('report', lang)}: {data['title'] or data['agreements'][0]['id']}",
        "",
        f"*{_as_of_line(data, lang)}*",
        "",
    ]
    lines += [f"## {_w('agreements', lang)}", ""]
    for agreement in data["agreements"]:
        first, *rest = _agreement_lines(agreement, lang)
        lines.append(f"### {first}")
        lines.append("")
        lines.extend(f"- {line.strip()}" for line in rest)
        lines.append("")
    lines += [_partnership_line(data, lang), ""]
    if data["later_decisions"]:
        lines += [_w("later", lang).format(n=data["later_decisions"]) + " (T13)", ""]
    if data["goals"]:
        lines += [f"## {_w('goals', lang)}", ""]
        for number, goal in enumerate(data["goals"], 1):
            lines.append(
                f"{number}. **{goal['title']}** ({goal['subject_name']}): "
                f"**{_status_text(goal['status'], lang)}**"
            )
            lines.append("")
            lines.append("   ```text")
            lines.extend(f"   {line}" for line in goal["text"].splitlines())
            lines.append("   ```")
            lines.append("")
    if data["actions"]["items"]:
        lines += [f"## {_w('actions', lang).format(n=data['actions']['within_days'])}", ""]
        lines.extend(
            f"- {item['text_lang']} ({', '.join(item['rules'])})"
            for item in data["actions"]["items"]
        )
        lines.append("")
    if data["activities"]:
        lines += [f"## {_w('activities', lang)}", ""]
        for activity in data["activities"]:
            lines.append(f"### {activity['name']} ({activity['kind_text']})")
            lines.append("")
            if activity["figures"]:
                lines.append("| period | figures |")
                lines.append("|---|---|")
                for f in activity["figures"]:
                    lines.append(
                        f"| {_period_label(f['period'])} | {_figure_text(activity, f, lang)} |"
                    )
                lines.append("")
    return "\n".join(lines).rstrip() + "\n"
