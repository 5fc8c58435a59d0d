"""Follow-up reports (uppföljningsrapporter) of a case, as plain data, text or Markdown.

An edge module: it reads core objects and formats them; it never changes them. Everything in
a report is what was known on the day of knowledge (T13, G10): agreements, extensions,
terminations and reports decided or received later are left out, and only counted in
``later_decisions``. The wording is in :mod:`iop_model.wording`.

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

from decimal import Decimal
from typing import Any

import attrs
import pendulum

from . import money, wording
from .actions import due
from .activities import Activity, calendar_periods, figures_text
from .activities.targets import ActivityTarget
from .advisory import known_flags
from .agreement import Agreement, Partnership
from .case import Case, KnownCase, later
from .criteria import checklist
from .errors import ActivityError, IOPError
from .explain import Lang, check_lang
from .goals import Assessment, MinimumDuration, check_known_on, plain, provenance
from .reporting import ReportStatus, follow_up
from .term import Term, calendar_day, trusted_term

__all__ = ["ACTION_DAYS", "build", "render_markdown", "render_text"]

Date = pendulum.Date

#: The horizon of the report's list of actions, in days.
ACTION_DAYS = 180


def _say(key: str, lang: Lang, **values: object) -> str:
    return wording.say(key, lang, **values)


def _reference(reference: str | None, document: str | None = None) -> str:
    shown = ", ".join(x for x in (reference, document) if x)
    return f" ({shown})" if shown else ""


def _agreement(agreement: Agreement, lang: Lang, as_of: Date) -> dict[str, Any]:
    """One agreement as known, as plain data; ``lines`` hold its text in ``lang``."""
    terms = []
    for index, term in enumerate(agreement.terms):
        entry: dict[str, Any] = {
            "kind": "initial" if index == 0 else "extension",
            "start": term.start.isoformat(),
            "end": term.end.isoformat(),
            "length": wording.show(term.length, lang),
        }
        if index:
            extension = agreement.extensions[index - 1]
            entry["decided_on"] = extension.decided_on.isoformat()
            entry["decided_by"] = extension.decided_by
            entry["reference"] = extension.reference
            entry["document"] = extension.document
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
        "reference": agreement.reference,
        "document": agreement.document,
        "follows": agreement.follows,
        "replaces": agreement.replaces,
        "replaced_by": agreement.replaced_by,
        "max_extent": plain(agreement.max_extent),
        "terms": terms,
        "termination": None,
        "in_force": {
            "start": agreement.start.isoformat(),
            "end": agreement.end.isoformat(),
            "length": wording.show(agreement.span.length, lang),
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
            "reference": t.reference,
            "document": t.document,
        }
    period = agreement.notice_period
    data["notice_period"] = None
    if period is not None:
        notice = agreement.notice_deadline()
        data["notice_period"] = {
            "years": period.years,
            "months": period.months,
            "days": period.days,
            "text": wording.show(period, lang),
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


def _figures(activity: Activity, agreement: Agreement | None, as_of: Date) -> list[Any]:
    """The activity's figures per calendar year, or agreement year when the agreement does
    not follow the calendar year, of its agreement's days in force as known."""
    if agreement is None:
        return []
    span = agreement.span
    periods = calendar_periods(span, _unit(agreement), agreement.start)
    try:
        found = [activity.figures(period, as_of) for period in periods]
    except ActivityError:  # an aggregate report straddles a year (A5): report the whole term
        found = [activity.figures(span, as_of)]
    return found


def build(
    case: Case,
    as_of: Date,
    lang: Lang = "sv",
    *,
    today: bool = False,
    known_on: Date | None = None,
    input_sha256: str | None = None,
    hour_rate: Decimal | int | None = None,
    eur_rate: Decimal | int | None = None,
    show_later: bool = False,
) -> dict[str, Any]:
    """The follow-up report of ``case`` as of the end of ``as_of``, with the decisions and
    reports known on ``known_on`` (default: ``as_of``; G10), as plain data.

    ``today`` marks that ``as_of`` is today's date in Europe/Stockholm; ``input_sha256`` is
    the SHA-256 of the file the case was read from, for the provenance block; ``hour_rate``
    values volunteer hours (M5) and ``eur_rate`` (SEK per EUR) lets the state-aid flags
    compare amounts with their ceilings (F2, F3); neither has a default. ``show_later``
    adds the decisions and reports of the file that came after ``known_on``, in a section
    of their own (``later``); without it they are only counted.
    """
    if not isinstance(case, Case):
        raise IOPError(f"expected a Case, got {type(case).__name__}", field="case", value=case)
    as_of = calendar_day(as_of, "as_of")
    data, _ = view(
        case.as_known_on(check_known_on(as_of, known_on)),
        as_of,
        lang,
        today=today,
        input_sha256=input_sha256,
        hour_rate=hour_rate,
        eur_rate=eur_rate,
        show_later=show_later,
    )
    return data


def view(
    known: KnownCase,
    as_of: Date,
    lang: Lang = "sv",
    *,
    today: bool = False,
    input_sha256: str | None = None,
    hour_rate: Decimal | int | None = None,
    eur_rate: Decimal | int | None = None,
    show_later: bool = False,
) -> tuple[dict[str, Any], tuple[Assessment, ...]]:
    """:func:`build` from a case as known (:meth:`Case.as_known_on`), and the assessments of
    its goals (so that callers need not assess again)."""
    lang = check_lang(lang)
    knowledge = known.known_on
    check_known_on(as_of, knowledge)
    agreements = known.agreements
    assessments = known.assess(as_of)
    goals = []
    for number, entry, assessment in zip(known.numbers, known.goals, assessments, strict=True):
        data = {"subject_name": entry.subject, **assessment.to_dict()}
        goal = entry.goal
        data["title"] = (
            goal.title(lang, known.activity(entry.subject))
            if isinstance(goal, ActivityTarget)
            else goal.title(lang)
        )
        data["text"] = assessment.explain(lang)
        data["illustrative"] = entry.illustrative
        data["label"] = wording.label(assessment.status.name, lang)
        data["follow_up_missing"] = (
            _follow_up_missing(known.activities, assessment.figures.get("counted_period"), as_of)
            if isinstance(entry.goal, MinimumDuration)
            else []
        )
        data["number"] = number
        goals.append(data)
    actions = due(known, as_of, ACTION_DAYS, assessments)
    by_id = {agreement.id: agreement for agreement in agreements}
    result: dict[str, Any] = {
        "title": known.title,
        "as_of": as_of.isoformat(),
        "as_of_is_today": today,
        "known_on": knowledge.isoformat(),
        "lang": lang,
        "assumptions": list(known.assumptions),
        "agreements": [_agreement(a, lang, as_of) for a in agreements],
        "later_decisions": known.later_decisions,
        "later_goals": known.later_goals,
        "missing_data": [
            {"path": f"agreements[{i}].decided_on", "agreement": a.id, "rule": "T15"}
            for i, a in enumerate(known.source.agreements)
            if a.decided_on is None and a.id in by_id
        ],
        "partnership": None if known.partnership is None else _partnership(known.partnership, lang),
        "goals": goals,
        "actions": {
            "within_days": ACTION_DAYS,
            "items": [{**action.to_dict(), "text_lang": action.text(lang)} for action in actions],
        },
        "activities": [_activity(a, by_id, lang, as_of) for a in known.activities],
        "contributions": [
            _money(a, lang, knowledge, hour_rate) for a in agreements if a.contributions
        ],
        "flags": [f.to_dict() for f in known_flags(known, as_of, eur_rate)],
        "evidence": [_evidence(a) for a in agreements],
        "provenance": provenance(as_of, knowledge, input_sha256),
    }
    if show_later:
        result["later"] = [fact.to_dict(lang) for fact in later(known)]
    return result, assessments


def _unit(agreement: Agreement | None) -> str:
    """Calendar years, or agreement years when the agreement does not start on 1 January."""
    if agreement is None or (agreement.start.month, agreement.start.day) == (1, 1):
        return "year"
    return "agreement-year"


def _money(
    agreement: Agreement, lang: Lang, knowledge: Date, hour_rate: Decimal | int | None
) -> dict[str, Any]:
    """A known agreement's contributions per calendar or agreement year (M1-M5)."""
    unit = _unit(agreement)
    periods = calendar_periods(agreement.span, unit, agreement.start)
    rows = []
    for period in periods:
        found = money.figures(agreement.contributions, period, hour_rate=hour_rate)
        if not found.contributions:
            continue
        found = attrs.evolve(found, known_on=knowledge)  # what the figures were known on
        rows.append({**found.to_dict(), "text": _money_lines(found, lang)})
    return {"agreement": agreement.id, "unit": unit, "periods": rows}


def _money_lines(found: money.MoneyFigures, lang: Lang) -> list[str]:
    parts = []
    order = {"public": 0, "partner": 1}
    for (by, kind, unit), amount in sorted(
        found.totals.items(), key=lambda item: (order[item[0][0]], item[0][1])
    ):
        shown = _say("money.unit.hours", lang) if unit == "hours" else unit
        parts.append(
            _say(
                "money.line",
                lang,
                by=_say(f"money.by.{by}", lang),
                kind=_say(f"money.kind.{kind}", lang),
                amount=amount,
                unit=shown,
            )
        )
    lines = ["; ".join(parts) + " (M4)"]
    if found.own_share is not None and found.own_value is not None:
        assert found.public_value is not None
        lines.append(
            _say(
                "money.own_share",
                lang,
                own=found.own_value,
                all=found.own_value + found.public_value,
                currency=found.currency or "",
                share=wording.Pct(found.own_share),
            )
        )
    if found.hour_rate is None and any(k == "volunteer_hours" for _, k, _ in found.totals):
        lines.append(_say("money.no_rate", lang))
    return lines


def _evidence(agreement: Agreement) -> dict[str, Any]:
    return {
        "agreement": agreement.id,
        "items": [
            {
                "criterion": item.key,
                "group": item.group,
                "sv": item.sv,
                "en": item.en,
                "statement": None if item.evidence is None else item.evidence.statement,
                "document": None if item.evidence is None else item.evidence.document,
            }
            for item in checklist(agreement.evidence)
        ],
    }


def _partnership(known: Partnership, lang: Lang) -> dict[str, Any]:
    return {
        "start": known.start.isoformat(),
        "end": known.end.isoformat(),
        "length": wording.show(known.span.length, lang),
        "gaps": [plain(g) for g in known.gaps],
        "days_without_decision": [plain(t) for t in known.days_without_decision],
    }


def _activity(
    activity: Activity, by_id: dict[str, Agreement], lang: Lang, as_of: Date
) -> dict[str, Any]:
    figures = _figures(activity, by_id.get(activity.agreement_id), as_of)
    kind = activity.kind
    return {
        "name": activity.name,
        "kind": kind,
        "kind_text": _say(f"kind.{kind}", lang),
        "agreement": activity.agreement_id,
        "description": activity.description,
        "count_words": activity.count_words[1 if lang == "sv" else 0],
        "figures": [
            {
                "period": plain(f.period),
                "count": f.count,
                "total": f.total,
                "mean": plain(f.mean),
                "reports": f.reports,
                "by_kind": dict(f.by_kind),
                **dict(f.extra),
                "text": figures_text(activity, f, lang),
            }
            for f in figures
        ],
    }


def _follow_up_missing(activities: tuple[Activity, ...], counted: object, as_of: Date) -> list[str]:
    """The calendar years of a duration goal's counted period that have run by ``as_of`` and
    for which no known activity has a report."""
    if not isinstance(counted, Term):
        return []
    run = min(counted.end, as_of)
    if run < counted.start:
        return []
    missing = []
    for year in calendar_periods(trusted_term(counted.start, run), "year"):
        if year.end < Date(year.start.year, 12, 31) and year.end != counted.end:
            continue  # a year still running
        reported = False
        for activity in activities:
            try:
                reported = activity.figures(year, as_of).reports > 0
            except ActivityError:
                reported = True  # a report straddles the year (A5): there is follow-up
            if reported:
                break
        if not reported:
            missing.append(str(year.start.year))
    return missing


def _period_label(period: dict[str, str]) -> str:
    start, end = period["start"], period["end"]
    if start[5:] == "01-01" and end[5:] == "12-31" and start[:4] == end[:4]:
        return start[:4]
    return f"{start}–{end}"


def _term(data: dict[str, str]) -> str:
    return f"{data['start']}–{data['end']}"


def _agreement_lines(a: dict[str, Any], lang: Lang) -> list[str]:
    p = a["public_party"]
    extra = ", ".join(
        x for x in (p["committee"] and wording.body(p["committee"], lang), p["org_number"]) if x
    )
    party = p["name"] + (f" ({extra})" if extra else "")
    lines = [
        f"{a['id']}" + (f": {a['title']}" if a["title"] else ""),
        "  " + _say("report.parties", lang, public=party, partner=a["partner"]["name"]),
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
    for term in a["terms"]:
        span = _term(term)
        if term["kind"] == "initial":
            lines.append("  " + _say("report.initial", lang, term=span, length=term["length"]))
        else:
            lines.append(
                "  "
                + _say(
                    "report.extension",
                    lang,
                    term=span,
                    length=term["length"],
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
    lines.append("  " + _say("report.in_force", lang, term=_term(f), length=f["length"]))
    notice = a["notice_period"]
    if notice and notice["deadline"]:
        lines.append(
            "  "
            + _say(
                "report.notice_deadline",
                lang,
                length=notice["text"],
                end=f["end"],
                day=notice["deadline"]["last_day"],
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
                    period=_term(entry["period"]),
                    due=entry["due"],
                    status=said,
                )
            )
    return lines


def _partnership_lines(data: dict[str, Any], lang: Lang) -> list[str]:
    p = data["partnership"]
    if p is None:
        return [_say("report.nothing_yet", lang, day=data["known_on"])]
    span = f"{p['start']}–{p['end']}"
    if p["gaps"]:
        gaps = ", ".join(_term(g) for g in p["gaps"])
        lines = [_say("report.partnership_gaps", lang, term=span, length=p["length"], gaps=gaps)]
    else:
        lines = [_say("report.partnership_continuous", lang, term=span, length=p["length"])]
    if p["days_without_decision"]:
        terms = ", ".join(_term(t) for t in p["days_without_decision"])
        lines.append(_say("report.undecided", lang, terms=terms))
    return lines


def _title(data: dict[str, Any]) -> str:
    if data["title"]:
        return str(data["title"])
    return str(data["agreements"][0]["id"]) if data["agreements"] else "-"


def _head_lines(data: dict[str, Any], lang: Lang) -> list[str]:
    key = "report.as_of_today" if data["as_of_is_today"] else "report.as_of"
    lines = [_say(key, lang, day=data["as_of"])]
    if data["known_on"] != data["as_of"]:
        lines.append(_say("report.known_on", lang, day=data["known_on"]))
    lines.extend(_say("report.assumption", lang, text=text) for text in data["assumptions"])
    return lines


def _notes(data: dict[str, Any], lang: Lang) -> list[str]:
    lines = []
    if data["later_decisions"]:
        lines.append(_say("report.later", lang, n=data["later_decisions"]))
    if data["later_goals"]:
        lines.append(_say("report.later_goals", lang, n=data["later_goals"]))
    if data["missing_data"]:
        ids = ", ".join(item["agreement"] for item in data["missing_data"])
        lines.append(_say("report.missing", lang, ids=ids))
    return lines


def _goal_heading(goal: dict[str, Any], lang: Lang) -> str:
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


def _follow_up_line(goal: dict[str, Any], lang: Lang) -> str | None:
    if not goal["follow_up_missing"]:
        return None
    return _say("goal.follow_up_missing", lang, years=", ".join(goal["follow_up_missing"]))


def _provenance_line(data: dict[str, Any], lang: Lang) -> str:
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


def render_text(data: dict[str, Any]) -> str:
    """The report as plain text for a terminal."""
    lang: Lang = data["lang"]
    lines = [_say("report.title", lang, title=_title(data)), *_head_lines(data, lang), ""]
    lines.append(_say("report.agreements", lang))
    for agreement in data["agreements"]:
        lines.extend("  " + line for line in _agreement_lines(agreement, lang))
    lines.extend("  " + line for line in _partnership_lines(data, lang))
    lines.extend("  " + line for line in _notes(data, lang))
    if data["goals"]:
        lines += ["", _say("report.goals", lang)]
        for goal in data["goals"]:
            lines.append(f"  {_goal_heading(goal, lang)}")
            lines.extend("     " + line for line in goal["text"].splitlines())
            follow = _follow_up_line(goal, lang)
            if follow:
                lines.append(f"     {follow}")
    if data["actions"]["items"]:
        lines += ["", _say("report.actions", lang, n=data["actions"]["within_days"])]
        lines.extend(
            f"  {item['text_lang']} ({', '.join(item['rules'])})"
            for item in data["actions"]["items"]
        )
    lines.extend(_extra_lines(data, lang, "  "))
    lines.extend(_later_lines(data, lang, "  "))
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
                lines.append(f"    {_period_label(f['period'])}: {f['text']}")
    lines += ["", f"{_say('report.provenance', lang)}: {_provenance_line(data, lang)}"]
    return "\n".join(lines)


def _extra_lines(data: dict[str, Any], lang: Lang, indent: str) -> list[str]:
    """Contributions, flags and criteria evidence, as plain lines (text and Markdown)."""
    lines: list[str] = []
    if data["contributions"]:
        lines += ["", _say("money.heading", lang)]
        for item in data["contributions"]:
            lines.append(f"{indent}{item['agreement']}")
            for row in item["periods"]:
                lines.append(f"{indent}  {_term(row['period'])}: {row['text'][0]}")
                lines.extend(f"{indent}    {extra}" for extra in row["text"][1:])
    if data["flags"]:
        lines += ["", _say("report.flags", lang)]
        for flag in data["flags"]:
            state = "" if flag["raised"] else f" ({_say('report.flag_unknown', lang)})"
            first, *rest = flag["explanation"][lang].splitlines()
            lines.append(f"{indent}{flag['id']}{state}: {first}")
            lines.extend(f"{indent}  {line}" for line in rest)
    shown = [e for e in data["evidence"] if any(i["statement"] for i in e["items"])]
    if shown:
        lines += ["", _say("report.evidence", lang)]
        for item in shown:
            lines.append(f"{indent}{item['agreement']}")
            for check in item["items"]:
                said = check["statement"] or _say("report.evidence_missing", lang)
                if check["document"]:
                    said += f" ({check['document']})"
                mark = "✓" if check["statement"] else "–"
                lines.append(f"{indent}  {mark} {check[lang]}: {said}")
    return lines


def _later_lines(data: dict[str, Any], lang: Lang, indent: str) -> list[str]:
    """The decisions and reports that came after the day of knowledge, asked for with
    ``show_later``: a heading after a blank line, then one line each."""
    if "later" not in data:
        return []
    lines = ["", _say("report.later_shown", lang, day=data["known_on"])]
    lines.extend(f"{indent}{fact['text']}" for fact in data["later"])
    if not data["later"]:
        lines.append(f"{indent}{_say('html.none', lang)}")
    return lines


def render_markdown(data: dict[str, Any]) -> str:
    """The report as Markdown, for a wiki page or a code host."""
    lang: Lang = data["lang"]
    lines = [f"# {_say('report.title', lang, title=_title(data))}", ""]
    lines.extend(f"*{line}*" for line in _head_lines(data, lang))
    lines += ["", f"## {_say('report.agreements', lang)}", ""]
    for agreement in data["agreements"]:
        first, *rest = _agreement_lines(agreement, lang)
        lines.append(f"### {first}")
        lines.append("")
        lines.extend(f"- {line.strip()}" for line in rest)
        lines.append("")
    lines.extend(f"{line}\n" for line in _partnership_lines(data, lang))
    lines.extend(f"{line}\n" for line in _notes(data, lang))
    if data["goals"]:
        lines += [f"## {_say('report.goals', lang)}", ""]
        for goal in data["goals"]:
            lines.append(f"**{_goal_heading(goal, lang)}**")
            lines.append("")
            lines.append("```text")
            lines.extend(goal["text"].splitlines())
            lines.append("```")
            lines.append("")
            follow = _follow_up_line(goal, lang)
            if follow:
                lines += [follow, ""]
    if data["actions"]["items"]:
        lines += [f"## {_say('report.actions', lang, n=data['actions']['within_days'])}", ""]
        lines.extend(
            f"- {item['text_lang']} ({', '.join(item['rules'])})"
            for item in data["actions"]["items"]
        )
        lines.append("")
    extra = _extra_lines(data, lang, "- ") + _later_lines(data, lang, "- ")
    for line in extra:
        if line and not line.startswith("- "):
            lines += ["", f"## {line}", ""]  # a section heading
        elif line:
            lines.append(line)
    if extra:
        lines.append("")
    if data["activities"]:
        lines += [f"## {_say('report.activities', lang)}", ""]
        for activity in data["activities"]:
            lines.append(f"### {activity['name']} ({activity['kind_text']})")
            lines.append("")
            if activity["figures"]:
                period, figures = (
                    _say("report.period_column", lang),
                    _say("report.figures_column", lang),
                )
                lines.append(f"| {period} | {figures} |")
                lines.append("|---|---|")
                for f in activity["figures"]:
                    lines.append(f"| {_period_label(f['period'])} | {f['text']} |")
                lines.append("")
    lines += [f"## {_say('report.provenance', lang)}", "", _provenance_line(data, lang), ""]
    return "\n".join(lines).rstrip() + "\n"
