"""The follow-up report of a case as plain data: the contract every format of the report
reads (text, Markdown, JSON, the web page, PDF).

A query: it computes from the case as known on the day of knowledge
(:meth:`~iop_model.case.Case.as_known_on`, T13, G10) and never filters by knowledge itself;
decisions and reports made later are only counted in ``later_decisions`` and
``later_goals`` (or listed in ``later`` when asked for). Its shape is
:class:`ReportDict`; the formats are in :mod:`iop_model.outputs`.

>>> import pendulum
>>> from iop_model.cases import molndal
>>> data = build(molndal.case(), pendulum.date(2022, 1, 1), "en")
>>> [g["status"] for g in data["goals"]]
['achieved', 'achieved', 'met', 'partially_met']
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Final, NotRequired, TypedDict, cast

import attrs
import pendulum

from iop_model import money, wording
from iop_model.activities import Activity, Figures, calendar_periods, figures_text
from iop_model.activities.targets import ActivityTarget
from iop_model.advisory.criteria import checklist
from iop_model.advisory.flags import FlagDict, known_flags
from iop_model.case import Case, KnownCase, LaterDict, later
from iop_model.deadlines.calendar import DeadlineDict
from iop_model.deadlines.reporting import PeriodReportDict, follow_up
from iop_model.errors import ActivityError, IOPError
from iop_model.explain import Lang, check_lang
from iop_model.goals import (
    Assessment,
    AssessmentDict,
    MinimumDuration,
    ProvenanceDict,
    check_known_on,
    provenance,
)
from iop_model.money import MoneyFiguresDict
from iop_model.parties import IdeaBasedParty, PublicParty
from iop_model.queries.actions import ActionDict, due
from iop_model.terms.agreement import Agreement, Partnership
from iop_model.terms.term import Term, TermDict, calendar_day, trusted_term

__all__ = [
    "ACTION_DAYS",
    "ActivityDict",
    "AgreementDict",
    "GoalDict",
    "ReportDict",
    "TermDict",
    "build",
    "view",
]

Date = pendulum.Date

#: The horizon of the report's list of actions, in days.
ACTION_DAYS = 180
#: A horizon no deadline is beyond: for the next action, whatever its distance.
_EVER: Final = 10**7


class PublicPartyDict(TypedDict):
    name: str
    committee: str | None
    org_number: str | None


class PartnerDict(TypedDict):
    name: str
    org_number: str | None
    registered: bool | None


class TermEntryDict(TypedDict):
    """One term of an agreement: the initial term, or an extension with its decision."""

    kind: str
    start: str
    end: str
    length: str
    decided_on: NotRequired[str]
    decided_by: NotRequired[str]
    reference: NotRequired[str | None]
    document: NotRequired[str | None]
    decided_length: NotRequired[str]


class InForceDict(TypedDict):
    start: str
    end: str
    length: str


class TerminationDict(TypedDict):
    on: str
    decided_on: str
    reason: str
    kind: str
    notified_on: str | None
    reference: str | None
    document: str | None


class NoticeDict(TypedDict):
    years: int
    months: int
    days: int
    text: str
    deadline: DeadlineDict | None


class ReportingDict(TypedDict):
    text: str
    periods: list[PeriodReportDict]


class OptionDict(TypedDict):
    """An option to extend (T18): its length, who may use it, its last day, and the
    extension that used it (``None``: not used, as known)."""

    number: int
    years: int
    months: int
    days: int
    length: str
    by: str
    by_text: str
    decide_by: str | None
    deadline: str
    used_by_extension: int | None


class AgreementDict(TypedDict):
    """One agreement as known: parties, decisions, terms, termination, notice, reporting."""

    id: str
    title: str
    public_party: PublicPartyDict
    partner: PartnerDict
    public_parties: list[PublicPartyDict]
    partners: list[PartnerDict]
    options: list[OptionDict]
    latest_end: str | None
    decided_on: str | None
    reference: str | None
    document: str | None
    follows: str | None
    replaces: bool
    replaced_by: str | None
    max_extent: str | None
    terms: list[TermEntryDict]
    termination: TerminationDict | None
    in_force: InForceDict
    notice_period: NoticeDict | None
    notice_deadline: str | None
    reporting: ReportingDict | None


class PartnershipDict(TypedDict):
    start: str
    end: str
    length: str
    gaps: list[TermDict]
    days_without_decision: list[TermDict]


class GoalDict(AssessmentDict):
    """A goal's assessment with what the report adds: its subject's name, title, text in
    the report's language, label, number and the years without follow-up."""

    subject_name: str
    title: str
    text: str
    illustrative: bool
    label: str
    follow_up_missing: list[str]
    number: int


class ActionItemDict(ActionDict):
    text_lang: str


class ActionsDict(TypedDict):
    within_days: int
    items: list[ActionItemDict]


class FigureRowDict(TypedDict):
    """One period's figures of an activity; a general activity's indicator totals are
    further keys of the row, by their keys (which never take one of these names)."""

    period: TermDict
    count: int
    total: int | None
    mean: str | None
    reports: int
    by_kind: dict[str, int]
    text: str


class ActivityDict(TypedDict):
    name: str
    kind: str
    kind_text: str
    agreement: str
    description: str
    count_words: str
    figures: list[FigureRowDict]


class MoneyRowDict(MoneyFiguresDict):
    text: list[str]


class MoneyDict(TypedDict):
    """An agreement's money: by the unit shown (``periods``), and by both units (``by``:
    ``"year"`` and ``"agreement-year"``)."""

    agreement: str
    unit: str
    periods: list[MoneyRowDict]
    by: dict[str, list[MoneyRowDict]]


class EvidenceItemDict(TypedDict):
    criterion: str
    group: str
    sv: str
    en: str
    statement: str | None
    document: str | None


class EvidenceDict(TypedDict):
    agreement: str
    items: list[EvidenceItemDict]


class MissingDict(TypedDict):
    path: str
    agreement: str
    rule: str


class ReportDict(TypedDict):
    """The report's data: what ``report --format json`` prints, and what every format of the
    report reads."""

    title: str | None
    as_of: str
    as_of_is_today: bool
    known_on: str
    lang: Lang
    assumptions: list[str]
    agreements: list[AgreementDict]
    later_decisions: int
    later_goals: int
    missing_data: list[MissingDict]
    partnership: PartnershipDict | None
    goals: list[GoalDict]
    actions: ActionsDict
    next_action: ActionItemDict | None
    activities: list[ActivityDict]
    contributions: list[MoneyDict]
    flags: list[FlagDict]
    evidence: list[EvidenceDict]
    provenance: ProvenanceDict
    later: NotRequired[list[LaterDict]]


def _say(key: str, lang: Lang, **values: object) -> str:
    return wording.say(key, lang, **values)


def _agreement(agreement: Agreement, lang: Lang, as_of: Date) -> AgreementDict:
    """One agreement as known, as plain data; ``lines`` hold its text in ``lang``."""
    terms: list[TermEntryDict] = []
    for index, term in enumerate(agreement.terms):
        entry: TermEntryDict = {
            "kind": "initial" if index == 0 else "extension",
            "start": term.start.isoformat(),
            "end": term.end.isoformat(),
            "length": wording.show(term.length, lang),
        }
        decided = agreement.scheduled_terms[index]
        if decided != term:
            entry["decided_length"] = wording.show(decided.length, lang)
        if index:
            extension = agreement.extensions[index - 1]
            entry["decided_on"] = extension.decided_on.isoformat()
            entry["decided_by"] = extension.decided_by
            entry["reference"] = extension.reference
            entry["document"] = extension.document
        terms.append(entry)
    party, partner = agreement.public_party, agreement.partner
    termination: TerminationDict | None = None
    if agreement.termination is not None:
        t = agreement.termination
        termination = {
            "on": t.on.isoformat(),
            "decided_on": t.decided_on.isoformat(),
            "reason": t.reason,
            "kind": t.kind.value,
            "notified_on": _day(t.notified_on),
            "reference": t.reference,
            "document": t.document,
        }
    period = agreement.notice_period
    notice: NoticeDict | None = None
    if period is not None:
        found = agreement.notice_deadline()
        notice = {
            "years": period.years,
            "months": period.months,
            "days": period.days,
            "text": wording.show(period, lang),
            "deadline": None if found is None else found.to_dict(),
        }
    reporting: ReportingDict | None = None
    duty = agreement.reporting
    if duty is not None:
        periods = follow_up(duty, agreement.span, agreement.follow_up_reports, as_of)
        reporting = {
            "text": duty.describe(lang),
            "periods": [entry.to_dict() for entry in periods],
        }
    used = agreement.used_options
    options: list[OptionDict] = [
        {
            "number": number,
            "years": option.years,
            "months": option.months,
            "days": option.days,
            "length": wording.show(option.length, lang),
            "by": option.by.value,
            "by_text": option.by.describe(lang),
            "decide_by": _day(option.decide_by),
            "deadline": agreement.option_deadline(option).isoformat(),
            "used_by_extension": used.get(number),
        }
        for number, option in enumerate(agreement.options)
    ]
    return {
        "id": agreement.id,
        "title": agreement.title,
        "public_party": _public_party(party),
        "partner": _partner(partner),
        "public_parties": [_public_party(p) for p in agreement.public_parties],
        "partners": [_partner(p) for p in agreement.partners],
        "options": options,
        "latest_end": _day(agreement.latest_end),
        "decided_on": _day(agreement.decided_on),
        "reference": agreement.reference,
        "document": agreement.document,
        "follows": agreement.follows,
        "replaces": agreement.replaces,
        "replaced_by": agreement.replaced_by,
        "max_extent": _day(agreement.max_extent),
        "terms": terms,
        "termination": termination,
        "in_force": {
            "start": agreement.start.isoformat(),
            "end": agreement.end.isoformat(),
            "length": wording.show(agreement.span.length, lang),
        },
        "notice_period": notice,
        "notice_deadline": None
        if notice is None or notice["deadline"] is None
        else notice["deadline"]["last_day"],
        "reporting": reporting,
    }


def _public_party(party: PublicParty) -> PublicPartyDict:
    return {"name": party.name, "committee": party.committee, "org_number": party.org_number}


def _partner(partner: IdeaBasedParty) -> PartnerDict:
    return {
        "name": partner.name,
        "org_number": partner.org_number,
        "registered": partner.registered,
    }


def _day(day: Date | None) -> str | None:
    return None if day is None else day.isoformat()


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
    money_by: str | None = None,
) -> ReportDict:
    """The follow-up report of ``case`` as of the end of ``as_of``, with the decisions and
    reports known on ``known_on`` (default: ``as_of``; G10), as plain data.

    ``today`` marks that ``as_of`` is today's date in Europe/Stockholm; ``input_sha256`` is
    the SHA-256 of the file the case was read from, for the provenance block; ``hour_rate``
    values volunteer hours (M5) and ``eur_rate`` (SEK per EUR) lets the state-aid flags
    compare amounts with their ceilings (F2, F3); neither has a default. ``show_later``
    adds the decisions and reports of the file that came after ``known_on``, in a section
    of their own (``later``); without it they are only counted. ``money_by`` shows money
    by ``"year"`` (calendar years) or ``"agreement-year"``; by default as the reporting duty
    reports, else by calendar year (both are in the data, ``contributions[].by``).
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
        money_by=money_by,
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
    money_by: str | None = None,
) -> tuple[ReportDict, tuple[Assessment, ...]]:
    """:func:`build` from a case as known (:meth:`Case.as_known_on`), and the assessments of
    its goals (so that callers need not assess again)."""
    lang = check_lang(lang)
    knowledge = known.known_on
    check_known_on(as_of, knowledge)
    if money_by is not None and money_by not in MONEY_UNITS:
        raise IOPError(
            "money is shown by 'year' (calendar years) or 'agreement-year'",
            field="money_by",
            value=money_by,
        )
    agreements = known.agreements
    assessments = known.assess(as_of)
    goals: list[GoalDict] = []
    for number, entry, assessment in zip(known.numbers, known.goals, assessments, strict=True):
        goal = entry.goal
        missing = (
            _follow_up_missing(known.activities, assessment.figures.get("counted_period"), as_of)
            if isinstance(goal, MinimumDuration)
            else []
        )
        goals.append(
            {
                "subject_name": entry.subject,
                **assessment.to_dict(),
                "title": goal.title(lang, known.activity(entry.subject))
                if isinstance(goal, ActivityTarget)
                else goal.title(lang),
                "text": assessment.explain(lang),
                "illustrative": entry.illustrative,
                "label": wording.label(assessment.status.name, lang),
                "follow_up_missing": missing,
                "number": number,
            }
        )
    actions = due(known, as_of, ACTION_DAYS, assessments)
    upcoming = due(known, as_of, _EVER, assessments)  # the next one, whatever its distance
    by_id = {agreement.id: agreement for agreement in agreements}
    result: ReportDict = {
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
        "next_action": None
        if not upcoming
        else {**upcoming[0].to_dict(), "text_lang": upcoming[0].text(lang)},
        "activities": [_activity(a, by_id, lang, as_of) for a in known.activities],
        "contributions": [
            _money(a, lang, knowledge, hour_rate, money_by) for a in agreements if a.contributions
        ],
        "flags": [f.to_dict() for f in known_flags(known, as_of, eur_rate, tested=True)],
        "evidence": [_evidence(a) for a in agreements],
        "provenance": provenance(as_of, knowledge, input_sha256),
    }
    if show_later:
        result["later"] = [fact.to_dict(lang) for fact in later(known)]
    return result, assessments


def _unit(agreement: Agreement | None) -> str:
    """Activity figures: calendar years, or agreement years when the agreement does not
    start on 1 January."""
    if agreement is None or (agreement.start.month, agreement.start.day) == (1, 1):
        return "year"
    return "agreement-year"


#: The periods money can be shown by: calendar years (the municipality's accounts) and
#: agreement years (12 months from the agreement's first day).
MONEY_UNITS: Final = ("year", "agreement-year")


def _money_unit(agreement: Agreement, chosen: str | None) -> str:
    """Money is shown by the chosen unit; else as the agreement's reporting duty reports
    (an agreement year, or a calendar year for yearly or shorter periods); else by calendar
    year, as municipal accounts are kept."""
    if chosen is not None:
        return chosen
    duty = agreement.reporting
    if duty is not None and duty.every == "agreement-year":
        return "agreement-year"
    return "year"


def _money(
    agreement: Agreement,
    lang: Lang,
    knowledge: Date,
    hour_rate: Decimal | int | None,
    money_by: str | None = None,
) -> MoneyDict:
    """A known agreement's contributions per calendar year and per agreement year (M1-M5):
    ``periods`` by the unit shown (:func:`_money_unit`), ``by`` both."""
    unit = _money_unit(agreement, money_by)
    by = {u: _money_rows(agreement, lang, knowledge, hour_rate, u) for u in MONEY_UNITS}
    return {"agreement": agreement.id, "unit": unit, "periods": by[unit], "by": by}


def _money_rows(
    agreement: Agreement,
    lang: Lang,
    knowledge: Date,
    hour_rate: Decimal | int | None,
    unit: str,
) -> list[MoneyRowDict]:
    rows: list[MoneyRowDict] = []
    for period in calendar_periods(agreement.span, unit, agreement.start):
        found = money.figures(agreement.contributions, period, hour_rate=hour_rate)
        if not found.contributions:
            continue
        found = attrs.evolve(found, known_on=knowledge)  # what the figures were known on
        rows.append({**found.to_dict(), "text": _money_lines(found, lang)})
    return rows


def _money_lines(found: money.MoneyFigures, lang: Lang) -> list[str]:
    parts = []
    order = {"public": 0, "partner": 1}
    rough = found.approximate
    for (by, kind, unit), amount in sorted(
        found.totals.items(), key=lambda item: (order[item[0][0]], item[0][1])
    ):
        shown: object = (
            wording.Raw(
                ("cirka " if lang == "sv" else "about ") * rough
                + f"{wording.decimal(amount, lang)} {_say('money.unit.hours', lang)}"
            )
            if unit == "hours"
            else wording.Money(amount, unit, rough)
        )
        parts.append(
            _say(
                "money.line",
                lang,
                by=_say(f"money.by.{by}", lang),
                kind=_say(f"money.kind.{kind}", lang),
                amount=shown,
            )
        )
    parts += [
        _say(
            "money.not_valued",
            lang,
            by=_say(f"money.by.{by}", lang),
            kind=_say(f"money.kind.{kind}", lang),
            description=description,
        )
        for by, kind, description in found.not_valued
    ]
    lines = ["; ".join(parts) + " (M4)"]
    if found.own_share is not None and found.own_value is not None:
        assert found.public_value is not None
        currency = found.currency or "SEK"
        lines.append(
            _say(
                "money.own_share",
                lang,
                own=wording.Money(found.own_value, currency, rough),
                all=wording.Money(found.own_value + found.public_value, currency, rough),
                share=wording.Pct(found.own_share),
            )
        )
    if found.hour_rate is None and any(k == "volunteer_hours" for _, k, _ in found.totals):
        lines.append(_say("money.no_rate", lang))
    if found.not_valued:
        lines.append(_say("money.not_valued_share", lang))
    if rough:
        lines.append(_say("money.approximate", lang))
    return lines


def _evidence(agreement: Agreement) -> EvidenceDict:
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


def _partnership(known: Partnership, lang: Lang) -> PartnershipDict:
    return {
        "start": known.start.isoformat(),
        "end": known.end.isoformat(),
        "length": wording.show(known.span.length, lang),
        "gaps": [gap.to_dict() for gap in known.gaps],
        "days_without_decision": [term.to_dict() for term in known.days_without_decision],
    }


def _activity(
    activity: Activity, by_id: dict[str, Agreement], lang: Lang, as_of: Date
) -> ActivityDict:
    figures = _figures(activity, by_id.get(activity.agreement_id), as_of)
    kind = activity.kind
    return {
        "name": activity.name,
        "kind": kind,
        "kind_text": _say(f"kind.{kind}", lang),
        "agreement": activity.agreement_id,
        "description": activity.description,
        "count_words": activity.count_words[1 if lang == "sv" else 0],
        "figures": [_figure_row(activity, f, lang) for f in figures],
    }


def _figure_row(activity: Activity, f: Figures, lang: Lang) -> FigureRowDict:
    """One period's figures; a general activity's indicator totals join the row by their
    keys (never one of the row's own, RESERVED_KEYS)."""
    row = {
        "period": f.period.to_dict(),
        "count": f.count,
        "total": f.total,
        "mean": None if f.mean is None else str(f.mean),
        "reports": f.reports,
        "by_kind": dict(f.by_kind),
        **dict(f.extra),
        "text": figures_text(activity, f, lang),
    }
    return cast(FigureRowDict, row)


def _follow_up_missing(activities: tuple[Activity, ...], counted: object, as_of: Date) -> list[str]:
    """The calendar years of a duration goal's counted period that have run by ``as_of`` and
    for which no known activity has a report."""
    if not isinstance(counted, Term) or not activities:
        return []  # no activity: no activity report was due (the reporting duty is D6's)
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


def assessment_document(
    name: str,
    known: KnownCase,
    as_of: Date,
    is_today: bool = False,
    input_sha256: str | None = None,
) -> dict[str, Any]:
    """What ``assess --json`` prints for one file: every goal's assessment of ``known`` (a
    case as known on a day) as of ``as_of``, with the provenance (``input_sha256``: the
    SHA-256 of the file's bytes, when read from a file)."""
    from iop_model.goals import provenance

    assessments = known.assess(as_of)
    return {
        "file": name,
        "as_of": as_of.isoformat(),
        "as_of_is_today": is_today,
        "known_on": known.known_on.isoformat(),
        "assessments": [
            {"subject_name": entry.subject, **assessment.to_dict()}
            for entry, assessment in zip(known.goals, assessments, strict=True)
        ],
        "later_goals": known.later_goals,
        "provenance": provenance(as_of, known.known_on, input_sha256),
    }
