"""A case (ärende): one partnership's agreements with their activities and goals.

This is what an agreement file holds (see :mod:`iop_model.files`); it is pure data with no
I/O. Each goal names its subject: ``"partnership"``, an agreement id, or an activity name.

>>> import pendulum
>>> from iop_model.cases import molndal
>>> case = molndal.case()
>>> [(g.subject, a.status.name) for g, a in zip(case.goals, case.assess(pendulum.date(2022, 1, 1)))]
... # doctest: +NORMALIZE_WHITESPACE
[('partnership', 'ACHIEVED'), ('molndal-konstkollektivet-2019', 'ACHIEVED'),
 ('Öppen Kulturell Mötesplats', 'MET'), ('Öppen Kulturell Mötesplats', 'PARTIALLY_MET')]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypedDict

import attrs
import pendulum

from iop_model._validators import check_text, instance_of, optional_text, sequence_of, text
from iop_model.activities import A5, Activity
from iop_model.activities.targets import ActivityTarget, check_applies
from iop_model.errors import CaseError, IOPError
from iop_model.explain import check_lang
from iop_model.goals import Assessment, Goal, MinimumDuration, check_known_on
from iop_model.terms.agreement import Agreement, Extension, Partnership, Termination
from iop_model.terms.term import calendar_day

if TYPE_CHECKING:
    from iop_model.deadlines.reporting import FollowUpReport
    from iop_model.money import Contribution
    from iop_model.queries.actions import Action

__all__ = ["PARTNERSHIP", "Case", "CaseGoal", "DecisionDue", "KnownCase", "LaterFact", "later"]

Date = pendulum.Date

#: The subject name that stands for the whole partnership (all agreements of the case).
PARTNERSHIP = "partnership"


@attrs.frozen
class DecisionDue:
    """A decision the committee must take by ``decide_by``: extend the agreement (T9) or make
    a follow-on agreement that continues it without a gap (G2). ``open_goals`` names the
    duration goals that are still OPEN and would need it."""

    agreement_id: str
    decide_by: Date
    days_left: int
    open_goals: tuple[str, ...]


def _flag(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not bool:
        raise CaseError("expected true or false", field=attribute.name, value=value)


@attrs.frozen
class CaseGoal:
    """A goal and the name of its subject within a case. ``illustrative`` marks a goal that
    is not the agreement's own but an example (reports say "Tänkt exempel")."""

    subject: str = attrs.field(validator=text(CaseError))
    goal: Goal = attrs.field(validator=instance_of(Goal, CaseError))
    illustrative: bool = attrs.field(default=False, validator=_flag)


def _assumptions(value: Iterable[str]) -> tuple[str, ...]:
    items = sequence_of(value, str, "assumptions", CaseError)
    for index, item in enumerate(items):
        if not item.strip():
            raise CaseError("expected non-empty text", field=f"assumptions[{index}]", value=item)
        check_text(item, f"assumptions[{index}]", CaseError, long=True)
    return items


def _agreements(value: Iterable[Agreement]) -> tuple[Agreement, ...]:
    return sequence_of(value, Agreement, "agreements", CaseError)


def _activities(value: Iterable[Activity]) -> tuple[Activity, ...]:
    return sequence_of(value, Activity, "activities", CaseError)


def _goals(value: Iterable[CaseGoal]) -> tuple[CaseGoal, ...]:
    return sequence_of(value, CaseGoal, "goals", CaseError)


@attrs.frozen
class Case:
    """The agreements of one partnership (a chain of follow-on agreements, T14), the
    activities they fund, and the goals followed up.

    An activity's ``agreement`` is one of the case's agreements or its id. ``assumptions``
    are what the case assumes where the facts are not known (reports print each as
    "Antagande: ...").
    """

    agreements: tuple[Agreement, ...] = attrs.field(converter=_agreements)
    activities: tuple[Activity, ...] = attrs.field(default=(), converter=_activities)
    goals: tuple[CaseGoal, ...] = attrs.field(default=(), converter=_goals)
    title: str | None = attrs.field(default=None, validator=optional_text(CaseError))
    assumptions: tuple[str, ...] = attrs.field(default=(), converter=_assumptions)
    _partnership: Partnership = attrs.field(init=False, repr=False, eq=False)
    #: The projections made so far, by day of knowledge (a few, most recent last).
    _known: dict[Date, KnownCase] = attrs.field(init=False, repr=False, eq=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        try:
            partnership = Partnership(self.agreements)
        except IOPError as error:
            raise (
                error
                if error.field and error.field.startswith("agreements")
                else error.at("agreements")
            ) from None
        object.__setattr__(self, "_partnership", partnership)
        by_id = {agreement.id: agreement for agreement in self.agreements}
        names: dict[str, int] = {}
        for index, activity in enumerate(self.activities):
            ref = activity.agreement
            ref_id = ref.id if isinstance(ref, Agreement) else ref
            if ref_id not in by_id:
                raise CaseError(
                    f"no agreement with id {ref_id!r} in the case (ids: {', '.join(by_id)})",
                    field=f"activities[{index}].agreement",
                    value=ref_id,
                )
            if not isinstance(ref, Agreement):
                try:
                    activity._check_within_agreement(by_id[ref_id])  # A2
                except IOPError as error:
                    raise error.at(f"activities[{index}]") from None
            elif ref != by_id[ref_id]:
                raise CaseError(
                    f"the activity's agreement {ref_id!r} differs from the case's agreement "
                    "with that id; give the case's agreement or its id",
                    field=f"activities[{index}].agreement",
                    value=ref_id,
                )
            if activity.name in names:
                raise CaseError(
                    f"two activities are named {activity.name!r}",
                    field=f"activities[{index}].name",
                    value=activity.name,
                )
            names[activity.name] = index
        for index, entry in enumerate(self.goals):
            self._check_subject(entry, f"goals[{index}].subject", by_id, names)

    def _check_subject(
        self, entry: CaseGoal, field: str, by_id: dict[str, Agreement], names: dict[str, int]
    ) -> None:
        if isinstance(entry.goal, ActivityTarget):
            if entry.subject not in names:
                raise CaseError(
                    "an activity target's subject is the name of one of the case's activities "
                    f"({', '.join(repr(n) for n in names) or 'none'})",
                    field=field,
                    value=entry.subject,
                )
            activity = self.activities[names[entry.subject]]
            try:
                check_applies(entry.goal.indicator, activity)
            except IOPError as error:
                raise CaseError(
                    error.message, field=field.replace(".subject", ".indicator"), value=error.value
                ) from None
            period = entry.goal.period
            for number, report in enumerate(getattr(activity, "reports", ())):
                inside = period.start <= report.period.start and report.period.end <= period.end
                if report.period.overlaps(period) and not inside:
                    raise CaseError(
                        f"reports[{number}] of {activity.name!r} covers {report.period}, which "
                        f"straddles the target's period {period}; an aggregate report cannot "
                        "be split (give reports that lie within the period, or a period that "
                        "holds them)",
                        rule=A5,
                        field=field.replace(".subject", ".period"),
                        value=period,
                    )
        elif entry.subject != PARTNERSHIP and entry.subject not in by_id:
            raise CaseError(
                f"a goal's subject is {PARTNERSHIP!r} or an agreement id "
                f"({', '.join(repr(i) for i in by_id)})",
                field=field,
                value=entry.subject,
            )

    @property
    def partnership(self) -> Partnership:
        """The case's agreements as a :class:`Partnership`."""
        return self._partnership

    def agreement(self, agreement_id: str) -> Agreement:
        """The agreement with id ``agreement_id``, with its own decisions only (a replacement
        by a later agreement, T16, is the partnership's: :attr:`partnership`)."""
        for agreement in self.agreements:
            if agreement.id == agreement_id:
                return agreement
        return self._partnership.get(agreement_id)  # raises the library's error

    def activity(self, name: str) -> Activity:
        """The activity named ``name``."""
        for activity in self.activities:
            if activity.name == name:
                return activity
        raise CaseError("no activity with that name", field="name", value=name)

    def subject(self, entry: CaseGoal) -> Agreement | Partnership | Activity:
        """What ``entry``'s goal is assessed for."""
        if not isinstance(entry, CaseGoal):
            raise CaseError(
                f"expected a CaseGoal, got {type(entry).__name__}", field="entry", value=entry
            )
        if isinstance(entry.goal, ActivityTarget):
            return self.activity(entry.subject)
        if entry.subject == PARTNERSHIP:
            return self._partnership
        return self.agreement(entry.subject)

    def assess(self, as_of: Date, known_on: Date | None = None) -> tuple[Assessment, ...]:
        """Every goal's assessment as of the end of ``as_of`` with the decisions and reports
        known on ``known_on`` (default: ``as_of``; G10), in the order of ``goals``."""
        as_of = calendar_day(as_of, "as_of")
        return tuple(
            entry.goal.assess(self.subject(entry), as_of, known_on) for entry in self.goals
        )

    def decision_due(self, as_of: Date, within_days: int = 180) -> DecisionDue | None:
        """The decision due within ``within_days`` of ``as_of`` to keep the partnership going,
        or ``None``: the agreement in force ends within that time, no follow-on agreement is
        known (T13) and it is not terminated.

        >>> import pendulum
        >>> from iop_model.cases import molndal
        >>> due = molndal.case().decision_due(pendulum.date(2021, 9, 1))
        >>> due.agreement_id, due.decide_by, due.days_left
        ('molndal-konstkollektivet-2019', Date(2021, 12, 31), 121)
        """
        as_of = calendar_day(as_of, "as_of")
        if type(within_days) is not int or within_days < 0:
            raise CaseError(
                "within_days is a whole number of days >= 0", field="within_days", value=within_days
            )
        if not self._partnership.known_on(as_of):
            return None
        known = self._partnership.as_known_on(as_of)
        last = known.last
        days_left = last.end.toordinal() - as_of.toordinal()
        if last.termination is not None or not 0 <= days_left <= within_days:
            return None
        open_goals = tuple(
            f"{entry.subject}: {entry.goal.title('en')}"
            for entry, assessment in zip(self.goals, self.assess(as_of), strict=True)
            if isinstance(entry.goal, MinimumDuration) and assessment.status.name == "OPEN"
        )
        return DecisionDue(last.id, last.end, days_left, open_goals)

    def actions(
        self, as_of: Date, within_days: int = 180, known_on: Date | None = None
    ) -> tuple[Action, ...]:
        """Every action due within ``within_days`` of ``as_of`` and every one already overdue,
        as known on ``as_of`` (T13), overdue ones first, then soonest first: decide an
        extension or a follow-on agreement (T9), the last day to give notice (D4, D5), a
        follow-up report due (D6) or overdue (D7), a duration goal at risk (G7).

        This is a superset of :meth:`decision_due`. With ``known_on`` (on or before
        ``as_of``, G10) only the decisions known that day count: the case is projected
        first (:meth:`as_known_on`), then the actions are computed.
        """
        from iop_model.queries.actions import due

        as_of = calendar_day(as_of, "as_of")
        knowledge = check_known_on(as_of, known_on)
        return due(self.as_known_on(knowledge), as_of, within_days)

    def as_known_on(self, day: Date) -> KnownCase:
        """The case as it stood at the end of ``day``: every decision made and every report
        received by then, nothing later (T13, T15, M3, D7, A10). Computed once per day.

        >>> import pendulum
        >>> from iop_model.cases import molndal
        >>> known = molndal.case().as_known_on(pendulum.date(2019, 6, 30))
        >>> [a.id for a in known.agreements], [str(t) for t in known.agreements[0].terms]
        (['molndal-konstkollektivet-2019'], ['2019-01-01..2019-12-31'])
        >>> known.later_decisions
        2
        """
        day = calendar_day(day, "day")
        cache = self._known
        found = cache.get(day)
        if found is None:
            found = KnownCase._project(self, day)
            if len(cache) >= 8:  # keep a few: a report asks for one day many times
                cache.pop(next(iter(cache)))
            cache[day] = found
        return found

    # --- recording what happens: a new case, this one unchanged --------------------------------

    def with_agreement(self, agreement: Agreement) -> Case:
        """This case with ``agreement`` in place of the agreement with its id (activities that
        name the old agreement name the new one), or added when the id is new.

        >>> import pendulum
        >>> from iop_model.cases import molndal
        >>> from iop_model import Extension
        >>> case = molndal.case()
        >>> last = "molndal-konstkollektivet-2022"
        >>> later = case.with_extension(
        ...     last, Extension(pendulum.date(2024, 12, 1), "Kultur- och fritidsnämnden", years=1))
        >>> later.agreement(last).end, case.agreement(last).end
        (Date(2025, 12, 31), Date(2024, 12, 31))
        """
        if not isinstance(agreement, Agreement):
            raise CaseError("expected an Agreement", field="agreement", value=agreement)
        ids = [a.id for a in self.agreements]
        if agreement.id not in ids:
            return attrs.evolve(self, agreements=(*self.agreements, agreement))
        agreements = tuple(agreement if a.id == agreement.id else a for a in self.agreements)
        activities = tuple(
            attrs.evolve(activity, agreement=agreement)  # type: ignore[misc]
            if isinstance(activity.agreement, Agreement) and activity.agreement.id == agreement.id
            else activity
            for activity in self.activities
        )
        return attrs.evolve(self, agreements=agreements, activities=activities)

    def _changed(self, agreement_id: str, **changes: Any) -> Case:
        current = self.agreement(agreement_id)
        try:
            return self.with_agreement(attrs.evolve(current, **changes))
        except IOPError as error:
            raise error.at(f"agreements[{agreement_id}]") from None

    def with_extension(self, agreement_id: str, extension: Extension) -> Case:
        """A new case in which the agreement ``agreement_id`` has one more extension (T8, T9)."""
        current = self.agreement(agreement_id)
        return self._changed(agreement_id, extensions=(*current.extensions, extension))

    def with_termination(self, agreement_id: str, termination: Termination) -> Case:
        """A new case in which the agreement ``agreement_id`` is terminated (T12, D5)."""
        return self._changed(agreement_id, termination=termination)

    def with_follow_up_report(self, agreement_id: str, report: FollowUpReport) -> Case:
        """A new case in which the agreement ``agreement_id`` has received a follow-up report
        (D7)."""
        current = self.agreement(agreement_id)
        return self._changed(agreement_id, follow_up_reports=(*current.follow_up_reports, report))

    def with_contribution(self, agreement_id: str, contribution: Contribution) -> Case:
        """A new case in which the agreement ``agreement_id`` has one more contribution (M2)."""
        current = self.agreement(agreement_id)
        return self._changed(agreement_id, contributions=(*current.contributions, contribution))

    def minimum_durations(self) -> tuple[CaseGoal, ...]:
        """The case's duration goals."""
        return tuple(g for g in self.goals if isinstance(g.goal, MinimumDuration))


def _decisions(agreements: Iterable[Agreement]) -> int:
    """How many decisions (agreements, extensions, terminations) the agreements record."""
    return sum(1 + len(a.extensions) + (a.termination is not None) for a in agreements)


@attrs.frozen(eq=False)
class KnownCase:
    """A case as it stood at the end of ``known_on`` (:meth:`Case.as_known_on`).

    ``partnership`` holds the agreements decided by then (``None`` when none was), each with
    only the extensions, termination, notice, contributions and follow-up reports known
    that day; ``activities`` are the activities of those agreements with the occasions and
    reports known that day; ``goals`` the goals whose subject was known, with their
    ``numbers`` (1 for the case's first goal). Every computation as of a day takes this
    and the day; it never looks at what came later. ``source`` is the whole case, for what
    is said about later decisions (:attr:`later_decisions`, pictures with ``show_later``).
    """

    source: Case
    known_on: Date
    partnership: Partnership | None
    activities: tuple[Activity, ...]
    goals: tuple[CaseGoal, ...]
    numbers: tuple[int, ...]
    _own: dict[str, Agreement] = attrs.field(repr=False)

    @classmethod
    def _project(cls, case: Case, day: Date) -> KnownCase:
        full = case.partnership
        partnership = full.as_known_on(day) if full.known_on(day) else None
        own = {a.id: a.as_known_on(day) for a in case.agreements if a.known_on(day)}
        activities = tuple(a.as_known_on(day) for a in case.activities if a.agreement_id in own)
        names = {activity.name for activity in activities}
        goals, numbers = [], []
        for number, entry in enumerate(case.goals, start=1):
            if isinstance(entry.goal, ActivityTarget):
                known = entry.subject in names
            else:
                known = entry.subject == PARTNERSHIP or entry.subject in own
            if known:
                goals.append(entry)
                numbers.append(number)
        return cls(case, day, partnership, activities, tuple(goals), tuple(numbers), own)

    @property
    def agreements(self) -> tuple[Agreement, ...]:
        """The known agreements in chain order, as the partnership holds them (T14, T16)."""
        return () if self.partnership is None else self.partnership.agreements

    @property
    def title(self) -> str | None:
        return self.source.title

    @property
    def assumptions(self) -> tuple[str, ...]:
        return self.source.assumptions

    @property
    def later_decisions(self) -> int:
        """Decisions in the file made after :attr:`known_on` (agreements, extensions,
        terminations): not shown, only counted."""
        return _decisions(self.source.agreements) - _decisions(self._own.values())

    @property
    def later_goals(self) -> int:
        """Goals whose subject was decided after :attr:`known_on`."""
        return len(self.source.goals) - len(self.goals)

    def agreement(self, agreement_id: str) -> Agreement:
        """A known agreement with its own decisions (not cut by a replacement, T16)."""
        try:
            return self._own[agreement_id]
        except KeyError:
            raise CaseError(
                f"no agreement with that id was known on {self.known_on}",
                field="agreement_id",
                value=agreement_id,
            ) from None

    def activity(self, name: str) -> Activity:
        """The known activity named ``name``."""
        for activity in self.activities:
            if activity.name == name:
                return activity
        raise CaseError(
            f"no activity with that name was known on {self.known_on}", field="name", value=name
        )

    def subject(self, entry: CaseGoal) -> Agreement | Partnership | Activity:
        """What a known goal is assessed for, as known."""
        if isinstance(entry.goal, ActivityTarget):
            return self.activity(entry.subject)
        if entry.subject == PARTNERSHIP:
            return self.source.partnership if self.partnership is None else self.partnership
        return self.agreement(entry.subject)

    def assess(self, as_of: Date) -> tuple[Assessment, ...]:
        """Every known goal's assessment as of the end of ``as_of`` (on or after
        :attr:`known_on`, G10), in the order of :attr:`goals`."""
        as_of = calendar_day(as_of, "as_of")
        check_known_on(as_of, self.known_on)
        return tuple(
            entry.goal.assess(self.subject(entry), as_of, self.known_on) for entry in self.goals
        )


class LaterDict(TypedDict):
    """:meth:`LaterFact.to_dict`: a later decision or report as plain data."""

    day: str
    kind: str
    path: str
    subject: str
    text: str


@attrs.frozen
class LaterFact:
    """A decision or report in the file made after the day of knowledge: ``day`` is when it
    was decided or received, ``kind`` what it is (``agreement``, ``extension``,
    ``termination``, ``notice``, ``contribution``, ``follow_up_report``, ``evidence``,
    ``activity_report``, ``activity_item``), ``path`` where the file holds it, ``subject``
    the agreement id or the activity name."""

    day: Date
    kind: str
    path: str
    subject: str

    def text(self, lang: str = "sv") -> str:
        """One line: the day, what it is, and where the file holds it."""
        from iop_model import wording

        return (
            wording.say(f"later.{self.kind}", check_lang(lang), day=self.day, subject=self.subject)
            + f" ({self.path})"
        )

    def to_dict(self, lang: str = "sv") -> LaterDict:
        """Plain data, with the line in ``lang``."""
        return {
            "day": self.day.isoformat(),
            "kind": self.kind,
            "path": self.path,
            "subject": self.subject,
            "text": self.text(lang),
        }


def later(known: KnownCase) -> tuple[LaterFact, ...]:
    """What the file holds that was decided, received or done after ``known.known_on``, in
    the order of the days (the decisions :meth:`Case.as_known_on` leaves out)."""
    day = known.known_on
    found: list[LaterFact] = []
    for index, agreement in enumerate(known.source.agreements):
        at = f"agreements[{index}]"
        if not agreement.known_on(day):
            found.append(LaterFact(agreement.known_from, "agreement", at, agreement.id))
            continue
        for number, extension in enumerate(agreement.extensions):
            if extension.decided_on > day:
                where = f"{at}.extensions[{number}]"
                found.append(LaterFact(extension.decided_on, "extension", where, agreement.id))
        termination = agreement.termination
        if termination is not None:
            if termination.decided_on > day:
                where = f"{at}.termination"
                found.append(LaterFact(termination.decided_on, "termination", where, agreement.id))
            elif termination.notified_on is not None and termination.notified_on > day:
                where = f"{at}.termination.notified_on"
                found.append(LaterFact(termination.notified_on, "notice", where, agreement.id))
        for number, contribution in enumerate(agreement.contributions):
            when = agreement.contribution_known_from(contribution)
            if when > day:
                where = f"{at}.contributions[{number}]"
                found.append(LaterFact(when, "contribution", where, agreement.id))
        for number, report in enumerate(agreement.follow_up_reports):
            if report.received_on > day:
                where = f"{at}.follow_up_reports[{number}]"
                found.append(LaterFact(report.received_on, "follow_up_report", where, agreement.id))
        for number, item in enumerate(agreement.evidence):
            if item.given_on is not None and item.given_on > day:
                where = f"{at}.evidence[{number}]"
                found.append(LaterFact(item.given_on, "evidence", where, agreement.id))
    known_ids = {agreement.id for agreement in known.agreements}
    for index, activity in enumerate(known.source.activities):
        if activity.agreement_id not in known_ids:
            continue  # its agreement is listed above
        at = f"activities[{index}]"
        for field, when in activity._dated_facts():
            if when > day:
                kind = "activity_report" if field.startswith("reports") else "activity_item"
                found.append(LaterFact(when, kind, f"{at}.{field}", activity.name))
    return tuple(sorted(found, key=lambda fact: (fact.day, fact.path)))
