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
from typing import Any

import attrs
import pendulum

from ._validators import instance_of, optional_text, sequence_of, text
from .actions import Action, actions_due
from .activities import Activity
from .agreement import Agreement, Partnership
from .errors import CaseError, IOPError
from .goals import Assessment, Goal, MinimumDuration, check_known_on
from .targets import ActivityTarget, check_applies
from .term import calendar_day

__all__ = ["PARTNERSHIP", "Action", "Case", "CaseGoal", "DecisionDue"]

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
            if isinstance(ref, Agreement) and ref != by_id[ref_id]:
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
            try:
                check_applies(entry.goal.indicator, self.activities[names[entry.subject]])
            except IOPError as error:
                raise CaseError(
                    error.message, field=field.replace(".subject", ".indicator"), value=error.value
                ) from None
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
        ``as_of``, G10) only the decisions known that day count.
        """
        as_of = calendar_day(as_of, "as_of")
        knowledge = check_known_on(as_of, known_on)
        if type(within_days) is not int or within_days < 0:
            raise CaseError(
                "within_days is a whole number of days >= 0", field="within_days", value=within_days
            )
        if not self._partnership.known_on(knowledge):
            return ()
        known = self._partnership.as_known_on(knowledge)
        return actions_due(
            known, self.goals, self.assess(as_of, knowledge), as_of, within_days, knowledge
        )

    def minimum_durations(self) -> tuple[CaseGoal, ...]:
        """The case's duration goals."""
        return tuple(g for g in self.goals if isinstance(g.goal, MinimumDuration))
