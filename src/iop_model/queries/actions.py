"""Actions due: what somebody must do by a day to keep a partnership in order.

:meth:`Case.actions <iop_model.case.Case.actions>` lists, as known on a day (T13), every
action due within a horizon and every one already overdue: decide an extension or a follow-on
agreement (T9), give notice (D4, D5), hand in a follow-up report (D6) or chase an overdue one
(D7), and duration goals at risk (G7) with the last day a decision could still secure them.

>>> import pendulum
>>> from iop_model.cases import molndal
>>> for action in molndal.case().actions(pendulum.date(2019, 9, 1), within_days=180):
...     print(action.text("en"))  # doctest: +NORMALIZE_WHITESPACE
2019-12-31: decide an extension of molndal-konstkollektivet-2019 or a follow-on
            agreement (121 days left)
2019-12-31: goal at risk: the partnership: at least 3 years (121 days left)
2019-12-31: goal at risk: molndal-konstkollektivet-2019: at least 3 years (121 days left)
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from typing import TypedDict

import attrs
import pendulum

from iop_model import wording
from iop_model.case import KnownCase
from iop_model.deadlines.calendar import D3, D4, D5
from iop_model.deadlines.reporting import D6, D7, ReportStatus, follow_up
from iop_model.errors import CaseError
from iop_model.explain import Lang, Line, check_lang, render
from iop_model.goals import G2, G7, Assessment, GoalStatus, MinimumDuration
from iop_model.terms.agreement import T18, Agreement, Partnership
from iop_model.terms.term import T9, T13, T14

__all__ = ["Action", "ActionKind", "due"]

Date = pendulum.Date


class ActionKind(enum.StrEnum):
    """What an :class:`Action` asks for."""

    DECIDE = "decide"
    GIVE_NOTICE = "give_notice"
    REPORT_DUE = "report_due"
    REPORT_OVERDUE = "report_overdue"
    GOAL_AT_RISK = "goal_at_risk"
    USE_OPTION = "use_option"

    def label(self, lang: Lang) -> str:
        """A short name in Swedish or English (display text, not a key)."""
        return _KIND_LABELS[self.value][lang == "en"]


_KIND_LABELS = {
    "decide": ("beslut om förlängning eller nytt avtal", "decision on an extension"),
    "give_notice": ("sista dag för uppsägning", "last day to give notice"),
    "report_due": ("uppföljningsrapport ska lämnas", "follow-up report due"),
    "report_overdue": ("försenad uppföljningsrapport", "overdue follow-up report"),
    "goal_at_risk": ("mål i fara", "goal at risk"),
    "use_option": ("beslut om förlängningsoption", "decision on an option to extend"),
}


def _subject(subject: str, lang: Lang) -> str:
    """A goal's subject in a sentence: the key ``partnership`` in words, an id as it is."""
    if subject == "partnership":
        return "partnerskapet" if lang == "sv" else "the partnership"
    return subject


def _days(n: int, lang: Lang) -> str:
    return wording.show(wording.Days(n), lang)  # "1 dag", "1 040 dagar"


class ActionDict(TypedDict):
    """:meth:`Action.to_dict`: an action as plain data, its texts in both languages."""

    kind: str
    day: str
    as_of: str
    days_left: int
    overdue: bool
    agreement_id: str
    subject: str
    key: str
    text: dict[str, str]
    explanation: dict[str, str]
    rules: list[str]


@attrs.frozen
class Action:
    """One action with its last ``day``, as known on ``as_of``.

    ``key`` identifies the action across runs (the same agreement, period or goal gives the
    same key even when its day moves), ``agreement_id`` the agreement it concerns,
    ``subject`` what it is about, ``rules`` the rule IDs behind the day, ``lines`` the
    explanation in both languages.
    """

    kind: ActionKind
    day: Date
    as_of: Date
    agreement_id: str
    subject: str
    key: str
    summary_sv: str
    summary_en: str
    rules: tuple[str, ...]
    lines: tuple[Line, ...]

    @property
    def days_left(self) -> int:
        """Days from ``as_of`` to ``day``; negative when the day has passed."""
        return self.day.toordinal() - self.as_of.toordinal()

    @property
    def is_overdue(self) -> bool:
        """Whether the last day has passed (as of the end of ``as_of``)."""
        return self.day < self.as_of

    def text(self, lang: Lang = "sv") -> str:
        """One line: the day, what to do and how many days are left (or overdue)."""
        lang = check_lang(lang)
        summary = self.summary_sv if lang == "sv" else self.summary_en
        left = self.days_left
        if left < 0:
            when = (
                f"{_days(-left, lang)} försenad"
                if lang == "sv"
                else f"{_days(-left, lang)} overdue"
            )
        elif lang == "sv":
            when = "i dag" if left == 0 else f"{_days(left, lang)} kvar"
        else:
            when = "today" if left == 0 else f"{_days(left, lang)} left"
        return f"{self.day.isoformat()}: {summary} ({when})"

    def explain(self, lang: Lang = "sv") -> str:
        """How the day was found, with the rule IDs."""
        return render(self.lines, check_lang(lang))

    def to_dict(self) -> ActionDict:
        """Plain data (JSON types only)."""
        return {
            "kind": self.kind.value,
            "day": self.day.isoformat(),
            "as_of": self.as_of.isoformat(),
            "days_left": self.days_left,
            "overdue": self.is_overdue,
            "agreement_id": self.agreement_id,
            "subject": self.subject,
            "key": self.key,
            "text": {"sv": self.text("sv"), "en": self.text("en")},
            "explanation": {"sv": self.explain("sv"), "en": self.explain("en")},
            "rules": list(self.rules),
        }


def due(
    known: KnownCase,
    as_of: Date,
    within_days: int = 180,
    assessments: Sequence[Assessment] | None = None,
) -> tuple[Action, ...]:
    """The actions of a case as known (:meth:`Case.as_known_on
    <iop_model.case.Case.as_known_on>`) as of the end of ``as_of``, overdue ones first, then
    by day; see :meth:`iop_model.case.Case.actions`. ``assessments`` are ``known``'s goals
    assessed as of ``as_of``, when already at hand."""
    if type(within_days) is not int or within_days < 0:
        raise CaseError(
            "within_days is a whole number of days >= 0", field="within_days", value=within_days
        )
    partnership = known.partnership
    if partnership is None:
        return ()
    if assessments is None:
        assessments = known.assess(as_of)
    knowledge = known.known_on
    found: list[Action] = []
    found.extend(_decide(partnership.last, as_of, knowledge))
    found.extend(_option(partnership.last, as_of, knowledge))
    for agreement in partnership.agreements:
        found.extend(_notice(agreement, as_of, knowledge))
        found.extend(_reports(agreement, as_of, knowledge))
    found.extend(_goals(known, assessments, as_of))
    due = [
        action
        for action in found
        if action.kind is ActionKind.REPORT_OVERDUE or 0 <= action.days_left <= within_days
    ]
    return tuple(sorted(due, key=lambda a: (not a.is_overdue, a.day, a.kind.value, a.key)))


def _header(knowledge: Date) -> Line:
    return wording.line("action.header", (T13,), day=knowledge)


def _decide(agreement: Agreement, as_of: Date, knowledge: Date) -> Iterable[Action]:
    if agreement.termination is not None or agreement.end < as_of:
        return
    by = agreement.extension_deadline()
    moved = by != agreement.end
    lines = [
        _header(knowledge),
        wording.line("action.in_force", (T14,), id=agreement.id, end=agreement.end),
        wording.line("action.extend_by_moved", (T9, D3), by=by)
        if moved
        else wording.line("action.extend_by", (T9,), by=by),
    ]
    yield Action(
        ActionKind.DECIDE,
        by,
        as_of,
        agreement.id,
        agreement.id,
        f"decide:{agreement.id}",
        f"beslut om förlängning av {agreement.id} eller nytt avtal",
        f"decide an extension of {agreement.id} or a follow-on agreement",
        (T9,),
        tuple(lines),
    )


def _option(agreement: Agreement, as_of: Date, knowledge: Date) -> Iterable[Action]:
    """The next unused option to extend (T18), while the agreement runs: decide whether
    to use it, by its last day, with who must agree."""
    if agreement.termination is not None or agreement.end < as_of:
        return
    unused = agreement.unused_options()
    if not unused:
        return
    number, option = unused[0]
    by = agreement.option_deadline(option)
    who = wording.Worded(en=option.by.describe("en"), sv=option.by.describe("sv"))
    lines = (
        _header(knowledge),
        wording.line("action.in_force", (T14,), id=agreement.id, end=agreement.end),
        wording.line(
            "action.option",
            (T18,) if option.decide_by is not None else (T18, T9),
            number=number + 1,
            length=option.length,
            who=who,
            by=by,
        ),
    )
    yield Action(
        ActionKind.USE_OPTION,
        by,
        as_of,
        agreement.id,
        agreement.id,
        f"use_option:{agreement.id}:{number}",
        f"beslut om förlängningsoption {number + 1} av {agreement.id} "
        f"({option.length.sv()}, om {option.by.describe('sv')})",
        f"decide whether to use option {number + 1} of {agreement.id} "
        f"({option.length}, if {option.by.describe('en')})",
        (T18,) if option.decide_by is not None else (T18, T9),
        lines,
    )


def _notice(agreement: Agreement, as_of: Date, knowledge: Date) -> Iterable[Action]:
    found = agreement.notice_deadline()
    if found is None or found.last_day < as_of:
        return
    period = agreement.notice_period
    assert period is not None
    lines = (
        _header(knowledge),
        wording.line(
            "action.notice_period", (D5,), id=agreement.id, end=agreement.end, period=period
        ),
        *found.lines(),
    )
    yield Action(
        ActionKind.GIVE_NOTICE,
        found.last_day,
        as_of,
        agreement.id,
        agreement.id,
        f"give_notice:{agreement.id}",
        f"sista dag för uppsägning av {agreement.id} till {agreement.end.isoformat()}",
        f"last day to give notice on {agreement.id} for {agreement.end.isoformat()}",
        (D4, D5),
        lines,
    )


def _reports(agreement: Agreement, as_of: Date, knowledge: Date) -> Iterable[Action]:
    duty = agreement.reporting
    if duty is None:
        return
    for entry in follow_up(duty, agreement.span, agreement.follow_up_reports, as_of):
        if entry.status not in (ReportStatus.NOT_YET_DUE, ReportStatus.OVERDUE):
            continue
        overdue = entry.status is ReportStatus.OVERDUE
        period, last_day = entry.period, entry.deadline.last_day
        described = wording.Worded(en=duty.describe("en"), sv=duty.describe("sv"))
        lines = (
            _header(knowledge),
            wording.line("action.duty", (D6,), id=agreement.id, duty=described),
            wording.line("action.report_due", entry.deadline.rules, period=period, last=last_day),
            wording.line(
                "action.report_overdue" if overdue else "action.report_not_due",
                (D7,),
                day=knowledge,
            ),
        )
        shown = wording.period(period.start, period.end)
        kind = ActionKind.REPORT_OVERDUE if overdue else ActionKind.REPORT_DUE
        sv_what = "försenad uppföljningsrapport" if overdue else "uppföljningsrapport"
        en_what = "overdue follow-up report" if overdue else "follow-up report"
        yield Action(
            kind,
            entry.deadline.last_day,
            as_of,
            agreement.id,
            f"{agreement.id} {shown}",
            f"report:{agreement.id}:{period.start.isoformat()}",
            f"{sv_what} för {shown} ({agreement.id})",
            f"{en_what} for {shown} ({agreement.id})",
            (D6, D7) if overdue else (D6,),
            lines,
        )


def _goals(known: KnownCase, assessments: Sequence[Assessment], as_of: Date) -> Iterable[Action]:
    partnership = known.partnership
    assert partnership is not None
    for number, entry, assessment in zip(known.numbers, known.goals, assessments, strict=True):
        goal = entry.goal
        if not isinstance(goal, MinimumDuration) or assessment.status is not GoalStatus.OPEN:
            continue
        if not goal.contiguous:
            continue  # any later agreement counts: no last day to act by
        subject = assessment.subject
        if isinstance(subject, Partnership):
            agreement = partnership.last
            # a terminated last agreement can still be followed by a new one (T14): the
            # goal's status (G7) and the action agree
            if agreement.end < as_of:
                continue
        else:
            assert isinstance(subject, Agreement)
            agreement = partnership.get(subject.id)
            if agreement.termination is not None or agreement.end < as_of:
                continue
        by = agreement.extension_deadline()
        title_en, title_sv = goal.title("en"), goal.title("sv")
        lines = (
            _header(known.known_on),
            wording.line(
                "action.goal_open",
                (G7,),
                title=wording.Worded(en=title_en, sv=title_sv),
                subject=entry.subject,
            ),
            wording.line("action.goal_period", (T9, G2), id=agreement.id, end=agreement.end, by=by),
        )
        yield Action(
            ActionKind.GOAL_AT_RISK,
            by,
            as_of,
            agreement.id,
            f"{entry.subject}: {title_en}",
            f"goal:{number - 1}:{entry.subject}",
            f"mål i fara: {_subject(entry.subject, 'sv')}: {title_sv}",
            f"goal at risk: {_subject(entry.subject, 'en')}: {title_en}",
            (G7, T9),
            lines,
        )
