"""Activity targets: goals on activity figures, rules A7–A9.

An :class:`ActivityTarget` is a :class:`~iop_model.goals.Goal`: it is assessed with the same
:class:`~iop_model.goals.Assessment`, rule trace and explanation as the duration goal, with
the statuses MET, PARTIALLY_MET, NOT_MET and NOT_YET_DUE. Its indicator, ``ascending`` flag
and ``baseline`` follow the IATI results standard.

>>> import pendulum
>>> from iop_model import ActivityTarget, Indicator, Term
>>> from iop_model.cases import molndal
>>> place = molndal.meeting_place()
>>> target = ActivityTarget(Indicator.MEAN_VISITORS, Term.year(2019), target=50)
>>> a = target.assess(place, pendulum.date(2020, 1, 1))
>>> a.status, a["fulfilment"]
(<GoalStatus.PARTIALLY_MET: 'partially_met'>, Fraction(4, 5))
"""

from __future__ import annotations

import enum
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pendulum

from ._validators import instance_of
from .activities import (
    A5,
    A6,
    Activity,
    EventKind,
    Figures,
    MeetingPlace,
    Network,
    Residency,
    Venue,
    check_exact,
    exact_text,
    readable_text,
    rounded_text,
)
from .errors import GoalError
from .explain import Lang, Line
from .goals import G1, Assessment, Figure, Goal, GoalStatus
from .rules import rule
from .term import Term, calendar_day

__all__ = ["ActivityTarget", "Indicator"]

Date = pendulum.Date

# --- A7 Due --------------------------------------------------------------------------------------
A7 = rule(
    "A7",
    "Due",
    "A target is NOT_YET_DUE as of D until its period has run, that is while D is before the "
    "period's last day (G1: as of the end of D); the figures so far are still shown.",
    "Ett mål är EJ FÖRFALLET per D tills dess period har löpt ut, det vill säga så länge D "
    "ligger före periodens sista dag (G1: per slutet av D); nyckeltalen hittills visas ändå.",
    "G1; IATI result periods.",
)

# --- A8 No reports -------------------------------------------------------------------------------
A8 = rule(
    "A8",
    "No reports",
    "Once due, a target whose period has no report at all, or whose mean is undefined, is "
    "NOT_MET, whichever direction is better: missing follow-up is never silently met.",
    "När ett mål har förfallit är det EJ UPPFYLLT om perioden saknar rapporter, eller om "
    "medelvärdet är odefinierat, oavsett vilken riktning som är bättre: utebliven uppföljning "
    "räknas aldrig tyst som uppfylld.",
    "Stockholms stad, revisionsrapport 3/2021: follow-up of IOPs must be real.",
)

# --- A9 Fulfilment -------------------------------------------------------------------------------
A9 = rule(
    "A9",
    "Fulfilment",
    "Fulfilment is (actual - baseline) / (target - baseline), mirrored as (baseline - actual) "
    "/ (baseline - target) when lower is better; the target is MET when the actual value "
    "reaches it, PARTIALLY_MET when fulfilment is above 0, else NOT_MET.",
    "Måluppfyllelse är (utfall - utgångsvärde) / (mål - utgångsvärde), spegelvänt som "
    "(utgångsvärde - utfall) / (utgångsvärde - mål) när lägre är bättre; målet är UPPFYLLT när "
    "utfallet når målet, DELVIS UPPFYLLT när uppfyllelsen är över 0, annars EJ UPPFYLLT.",
    "IATI results standard: indicator measure, ascending, baseline, target, actual.",
)


class Indicator(enum.Enum):
    """What an activity target measures."""

    OCCASIONS = "occasions"  #: occasions of a meeting place, events of a venue
    VISITORS = "visitors"  #: total visitors or audience
    MEAN_VISITORS = "mean_visitors"  #: mean visitors or audience per occasion (A6)
    EVENTS = "events"  #: events (or productions) of one kind; needs ``kind``
    MEMBERS = "members"  #: network members at the period's end
    PRODUCTIONS = "productions"  #: a residency's productions (outcomes)

    def words(self, lang: Lang, kind: EventKind | None = None) -> str:
        """The indicator in words."""
        if self is Indicator.EVENTS and kind is not None:
            return f"{kind.sv}-evenemang" if lang == "sv" else f"{kind.value} events"
        return (_WORDS_SV if lang == "sv" else _WORDS_EN)[self]


_WORDS_EN = {
    Indicator.OCCASIONS: "occasions",
    Indicator.VISITORS: "visitors in total",
    Indicator.MEAN_VISITORS: "visitors per occasion (mean)",
    Indicator.EVENTS: "events",
    Indicator.MEMBERS: "members at the end of the period",
    Indicator.PRODUCTIONS: "productions",
}
_WORDS_SV = {
    Indicator.OCCASIONS: "tillfällen",
    Indicator.VISITORS: "besökare totalt",
    Indicator.MEAN_VISITORS: "besökare per tillfälle (medelvärde)",
    Indicator.EVENTS: "evenemang",
    Indicator.MEMBERS: "medlemmar vid periodens slut",
    Indicator.PRODUCTIONS: "produktioner",
}

#: Which activities each indicator applies to.
_APPLIES: dict[Indicator, tuple[type[Activity], ...]] = {
    Indicator.OCCASIONS: (MeetingPlace, Venue),
    Indicator.VISITORS: (MeetingPlace, Venue, Residency),
    Indicator.MEAN_VISITORS: (MeetingPlace, Venue, Residency),
    Indicator.EVENTS: (Venue, Residency),
    Indicator.MEMBERS: (Network,),
    Indicator.PRODUCTIONS: (Residency,),
}


def _exact(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_exact(value, attribute.name, GoalError)


def _optional_exact(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _exact(instance, attribute, value)


@attrs.frozen
class ActivityTarget(Goal):
    """A target on an activity's figures for a period (målvärde).

    ``indicator`` says what is measured; ``target`` the value to reach; ``baseline`` the
    starting value (default 0 when higher is better; required when lower is better);
    ``ascending`` whether higher is better (IATI). ``kind`` picks the event kind for
    :attr:`Indicator.EVENTS`.
    """

    indicator: Indicator = attrs.field(validator=instance_of(Indicator, GoalError))
    period: Term = attrs.field(validator=instance_of(Term, GoalError))
    target: int | Fraction | Decimal = attrs.field(validator=_exact)
    baseline: int | Fraction | Decimal | None = attrs.field(default=None, validator=_optional_exact)
    ascending: bool = attrs.field(default=True, validator=instance_of(bool, GoalError))
    kind: EventKind | None = attrs.field(
        default=None, validator=instance_of(EventKind, GoalError, optional=True)
    )
    description: str | None = attrs.field(default=None)

    def __attrs_post_init__(self) -> None:
        if (self.indicator is Indicator.EVENTS) != (self.kind is not None):
            raise GoalError(
                "an EVENTS target needs an event kind, and only an EVENTS target takes one",
                field="kind",
                value=self.kind,
            )
        if not self.ascending and self.baseline is None:
            raise GoalError(
                "a target where lower is better needs a baseline",
                rule=A9,
                field="baseline",
                value=None,
            )
        target, baseline = Fraction(self.target), self.base
        if (target <= baseline) if self.ascending else (target >= baseline):
            raise GoalError(
                f"the target {_num(target)} must be {'above' if self.ascending else 'below'} "
                f"the baseline {_num(baseline)}",
                rule=A9,
                field="target",
                value=self.target,
            )

    @property
    def base(self) -> Fraction:
        """The baseline as an exact number (0 when not given)."""
        return Fraction(0) if self.baseline is None else Fraction(self.baseline)

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": "activity_target",
            "indicator": self.indicator.value,
            "event_kind": None if self.kind is None else self.kind.value,
            "period": {"start": self.period.start.isoformat(), "end": self.period.end.isoformat()},
            "target": str(self.target),
            "baseline": None if self.baseline is None else str(self.baseline),
            "ascending": self.ascending,
            "description": self.description,
        }

    def title(self, lang: Lang) -> str:
        """The target in words: ``'at least 25 occasions'``."""
        if self.description:
            return self.description
        words = self.indicator.words(lang, self.kind)
        if lang == "sv":
            return f"{'minst' if self.ascending else 'högst'} {_num(Fraction(self.target))} {words}"
        return (
            f"{'at least' if self.ascending else 'at most'} {_num(Fraction(self.target))} {words}"
        )

    def value_of(self, figures: Figures) -> Fraction | None:
        """The indicator's value in ``figures`` (``None`` when undefined, A6)."""
        indicator = self.indicator
        if indicator in (Indicator.OCCASIONS, Indicator.MEMBERS, Indicator.PRODUCTIONS):
            return Fraction(figures.count)
        if indicator is Indicator.VISITORS:
            return None if figures.total is None else Fraction(figures.total)
        if indicator is Indicator.MEAN_VISITORS:
            return figures.mean
        assert self.kind is not None
        return Fraction(figures.by_kind.get(self.kind.value, 0))

    def assess(self, subject: Activity, as_of: Date) -> Assessment:
        """Assess the target for an activity as of the end of ``as_of`` (G1, A7–A9)."""
        as_of = calendar_day(as_of, "as_of")
        applies = _APPLIES[self.indicator]
        if not isinstance(subject, applies):
            raise GoalError(
                f"the indicator {self.indicator.value!r} applies to "
                f"{', '.join(kind.__name__ for kind in applies)}, not {type(subject).__name__}",
                field="subject",
                value=type(subject).__name__,
            )
        due = as_of >= self.period.end  # A7 (G1: as of the end of the day)
        figures = subject.figures(self.period, None if due else as_of)
        actual = self.value_of(figures)
        rules = [G1, A5]
        if self.indicator is Indicator.MEAN_VISITORS:
            rules.append(A6)
        rules.append(A7)
        fulfilment: Fraction | None = None
        if actual is not None:
            fulfilment = _fulfilment(actual, Fraction(self.target), self.base, self.ascending)
        if not due:
            status = GoalStatus.NOT_YET_DUE
        elif figures.reports == 0 or actual is None:
            status = GoalStatus.NOT_MET
            rules.append(A8)
        else:
            rules.append(A9)
            assert fulfilment is not None
            met = actual >= self.target if self.ascending else actual <= self.target
            if met:
                status = GoalStatus.MET
            elif fulfilment > 0:
                status = GoalStatus.PARTIALLY_MET
            else:
                status = GoalStatus.NOT_MET
        values: dict[str, Figure] = {
            "period": self.period,
            "actual": actual,
            "target": Fraction(self.target),
            "baseline": self.base,
            "fulfilment": fulfilment,
            "count": figures.count,
            "total": figures.total,
            "mean": figures.mean,
            "reports": figures.reports,
        }
        return Assessment(self, subject, as_of, status, values, tuple(rules), figures)

    def explanation(self, assessment: Assessment) -> list[Line]:
        f = assessment.figures
        activity = assessment.subject
        assert isinstance(activity, Activity)
        d = assessment.as_of.isoformat()
        period = self.period
        lines = [
            Line(
                en=f"Target: {self.title('en')} in {period}, for {activity.name} "
                f"(agreement {activity.agreement_id}); assessed as of the end of {d}",
                sv=f"Mål: {self.title('sv')} under {period}, för {activity.name} "
                f"(avtal {activity.agreement_id}); bedömt per slutet av {d}",
                rules=(G1,),
            ),
            _counted_line(assessment),
        ]
        due = assessment.status is not GoalStatus.NOT_YET_DUE
        end = period.end.isoformat()
        lines.append(
            Line(
                en=f"The period ends {end}: " + ("due" if due else "not yet due; figures so far"),
                sv=f"Perioden slutar {end}: "
                + ("förfallen" if due else "ej förfallen; nyckeltal hittills"),
                rules=(A7,),
            )
        )
        if A8 in assessment.rules:
            lines.append(
                Line(
                    en="No report for the period"
                    if not f["reports"]
                    else "The mean is undefined: no occasions",
                    sv="Ingen rapport för perioden"
                    if not f["reports"]
                    else "Medelvärdet är odefinierat: inga tillfällen",
                    rules=(A8,),
                )
            )
        fulfilment = f["fulfilment"]
        if isinstance(fulfilment, Fraction) and A8 not in assessment.rules:
            ratio = f"{_num(fulfilment)} = {_percent(fulfilment)} %"
            actual, target, base = _num(f["actual"]), _num(f["target"]), _num(f["baseline"])
            if self.ascending:
                en_formula = f"({actual} - {base}) / ({target} - {base})"
            else:
                en_formula = f"({base} - {actual}) / ({base} - {target})"
            lines.append(
                Line(
                    en=f"Actual {actual} against target {target}, baseline {base}: "
                    f"fulfilment {en_formula} = {ratio}",
                    sv=f"Utfall {actual} mot mål {target}, utgångsvärde {base}: "
                    f"uppfyllelse {en_formula} = {ratio}",
                    rules=(A9,) if due else (),
                )
            )
        status_rule = A7 if not due else (A8 if A8 in assessment.rules else A9)
        lines.append(
            Line(
                en=f"Status: {assessment.status.name}",
                sv=f"Status: {assessment.status.sv}",
                rules=(status_rule,),
            )
        )
        return lines


def _counted_line(assessment: Assessment) -> Line:
    f = assessment.figures
    figures = assessment._details
    assert isinstance(figures, Figures)
    rules: tuple[str, ...] = (A5, A6) if A6 in assessment.rules else (A5,)
    extra = ""
    extra_sv = ""
    if f["total"] is not None:
        mean = "-" if f["mean"] is None else readable_text(Fraction(f["mean"]))  # type: ignore[arg-type]
        extra = f", {f['total']} visitors, mean {mean}"
        extra_sv = f", {f['total']} besökare, medelvärde {mean}"
    kinds = "".join(f", {n} {k}" for k, n in sorted(figures.by_kind.items()))
    kinds_sv = "".join(f", {n} {EventKind(k).sv}" for k, n in sorted(figures.by_kind.items()))
    en_words, sv_words = assessment.subject.count_words  # type: ignore[attr-defined]
    return Line(
        en=f"Counted: {f['count']} {en_words}{extra}{kinds}; reports counted: {f['reports']}",
        sv=f"Räknat: {f['count']} {sv_words}{extra_sv}{kinds_sv}; rapporter räknade: "
        f"{f['reports']}",
        rules=rules,
    )


def _fulfilment(
    actual: Fraction, target: Fraction, baseline: Fraction, ascending: bool
) -> Fraction:
    """A9: the exact fulfilment, mirrored when lower is better."""
    if ascending:
        return (actual - baseline) / (target - baseline)
    return (baseline - actual) / (baseline - target)


def _num(value: object) -> str:
    """An exact number as plain text: ``40``, ``40.5`` or ``121/3``."""
    if isinstance(value, (int, Fraction, Decimal)) and not isinstance(value, bool):
        return exact_text(Fraction(value))
    return str(value)


def _percent(value: Fraction) -> str:
    """A fraction as a percentage, rounded once to two decimals for display."""
    return rounded_text(value * 100)
