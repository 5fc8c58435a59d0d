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

import difflib
import re
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pendulum

from iop_model import wording
from iop_model._validators import instance_of, optional_text
from iop_model.activities.activity import ACTIVITY_KINDS, Activity, GeneralActivity, figures_text
from iop_model.activities.figures import A5, A6, Figures
from iop_model.activities.items import A10, EventKind, check_exact, exact_text
from iop_model.activities.kinds import KINDS, Indicator
from iop_model.errors import GoalError
from iop_model.explain import Lang, Line
from iop_model.goals import (
    G1,
    G10,
    Assessment,
    Figure,
    Goal,
    GoalStatus,
    TargetDetail,
    check_known_on,
)
from iop_model.rules import rule
from iop_model.terms.term import Term, calendar_day

__all__ = ["A7", "A8", "A9", "ActivityTarget", "Indicator", "check_applies"]

Date = pendulum.Date

# --- A7 Due --------------------------------------------------------------------------------------
A7 = rule(
    "A7",
    "Due",
    "A target is PERIOD RUNNING (code not_yet_due) as of D until its period has run, that "
    "is while D is before the period's last day (G1: as of the end of D); the figures so far "
    "are still shown.",
    "Ett mål har statusen Perioden pågår per D tills dess period har löpt ut, det vill säga så "
    "länge D ligger före periodens sista dag (G1: vid slutet av D); nyckeltalen hittills "
    "visas ändå.",
    "G1; IATI result periods.",
)

# --- A8 No reports -------------------------------------------------------------------------------
A8 = rule(
    "A8",
    "No reports",
    "Once due, a target whose period has no report at all, or whose mean is undefined, is "
    "NOT MET, whichever direction is better: missing follow-up is never silently met.",
    "När ett mål har förfallit är det inte uppfyllt om perioden saknar rapporter, eller om "
    "medelvärdet är odefinierat, oavsett vilken riktning som är bättre: utebliven uppföljning "
    "räknas aldrig tyst som uppfylld.",
    "The library's own choice: missing follow-up is never silently met. It serves the "
    "committee's duty to see that its activity follows the council's goals (6 kap. 6 § "
    "kommunallagen (2017:725)).",
)

# --- A9 Fulfilment -------------------------------------------------------------------------------
A9 = rule(
    "A9",
    "Fulfilment",
    "Fulfilment is (actual - baseline) / (target - baseline), mirrored as (baseline - actual) "
    "/ (baseline - target) when lower is better; the target is MET when the actual value "
    "reaches it, PARTIALLY MET when fulfilment is above 0, else NOT MET.",
    "Måluppfyllelse är (utfall - utgångsvärde) / (mål - utgångsvärde), spegelvänt som "
    "(utgångsvärde - utfall) / (utgångsvärde - mål) när lägre är bättre; målet är uppfyllt när "
    "utfallet når målet, delvis uppfyllt när uppfyllelsen är över 0, annars inte uppfyllt.",
    "IATI results standard: indicator measure, ascending, baseline, target, actual.",
)


def _exact(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_exact(value, attribute.name, GoalError)


def _optional_exact(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _exact(instance, attribute, value)


def _indicator(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, Indicator):
        return
    if isinstance(value, str) and re.fullmatch(r"[a-z][a-z0-9_]{0,63}", value):
        return  # the key of a general activity's own indicator, checked against it
    raise GoalError(
        "an indicator is an Indicator or the key of a general activity's indicator",
        field="indicator",
        value=value,
    )


def check_applies(indicator: Indicator | str, subject: object, field: str = "subject") -> None:
    """Raise :class:`GoalError` when ``indicator`` cannot be measured on ``subject``: a
    predefined indicator its kind supports (:data:`~iop_model.activities.kinds.KINDS`), or
    the key of a general activity's own indicator."""
    if isinstance(indicator, str):
        keys = [i.key for i in getattr(subject, "indicators", ())]
        if indicator in keys:
            return
        known = [i.value for i in Indicator] + keys
        close = difflib.get_close_matches(indicator, known, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise GoalError(
            f"no indicator {indicator!r} on {type(subject).__name__}{hint} "
            f"(indicators: {', '.join(known)})",
            field="indicator",
            value=indicator,
        )
    kind = getattr(subject, "kind", None)
    if not isinstance(subject, Activity) or indicator not in KINDS[str(kind)].supports:
        applies = [
            cls.__name__ for tag, cls in ACTIVITY_KINDS.items() if indicator in KINDS[tag].supports
        ]
        raise GoalError(
            f"the indicator {indicator.value!r} applies to "
            f"{', '.join(applies)}, not {type(subject).__name__}",
            field=field,
            value=type(subject).__name__,
        )


@attrs.frozen
class ActivityTarget(Goal):
    """A target on an activity's figures for a period (målvärde).

    ``indicator`` says what is measured; ``target`` the value to reach; ``baseline`` the
    starting value (default 0 when higher is better; required when lower is better);
    ``ascending`` whether higher is better (IATI). ``kind`` picks the event kind for
    :attr:`Indicator.EVENTS`. For a :class:`~iop_model.general.GeneralActivity` the
    indicator is the key of one of its own indicators (``"support_calls"``).
    """

    indicator: Indicator | str = attrs.field(validator=_indicator)
    period: Term = attrs.field(validator=instance_of(Term, GoalError))
    target: int | Fraction | Decimal = attrs.field(validator=_exact)
    baseline: int | Fraction | Decimal | None = attrs.field(default=None, validator=_optional_exact)
    ascending: bool = attrs.field(default=True, validator=instance_of(bool, GoalError))
    kind: EventKind | None = attrs.field(
        default=None, validator=instance_of(EventKind, GoalError, optional=True)
    )
    description: str | None = attrs.field(
        default=None, validator=optional_text(GoalError, long=True)
    )

    def __attrs_post_init__(self) -> None:
        if (self.indicator is Indicator.EVENTS) != (self.kind is not None):
            raise GoalError(
                "an EVENTS target needs an event kind, and only an EVENTS target takes one",
                rule=A9,
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
                f"the target {exact_text(target)} must be "
                f"{'above' if self.ascending else 'below'} the baseline {exact_text(baseline)}",
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
            "indicator": self.indicator
            if isinstance(self.indicator, str)
            else self.indicator.value,
            "event_kind": None if self.kind is None else self.kind.value,
            "period": self.period.to_dict(),
            "target": str(self.target),
            "baseline": None if self.baseline is None else str(self.baseline),
            "ascending": self.ascending,
            "description": self.description,
        }

    def title(self, lang: Lang, activity: Activity | None = None) -> str:
        """The target in words: ``'at least 25 occasions'``; a general activity's indicator
        by its name when ``activity`` is given, else by its key."""
        if self.description:
            return self.description
        if isinstance(self.indicator, str):
            words = (
                activity.indicator(self.indicator).name(lang)
                if isinstance(activity, GeneralActivity)
                else self.indicator
            )
        else:
            words = self.indicator.words(lang, self.kind, one=self.target == 1)
        key = "target.at_least" if self.ascending else "target.at_most"
        return wording.say(key, lang, n=_exact_value(self.target), what=words)

    def value_of(self, figures: Figures) -> Fraction | None:
        """The indicator's value in ``figures`` (``None`` when undefined, A6)."""
        indicator = self.indicator
        if isinstance(indicator, str):
            value = figures.extra.get(indicator)
            return None if value is None else Fraction(value)
        if indicator in (Indicator.OCCASIONS, Indicator.MEMBERS, Indicator.PRODUCTIONS):
            return Fraction(figures.count)
        if indicator is Indicator.VISITORS:
            return None if figures.total is None else Fraction(figures.total)
        if indicator is Indicator.MEAN_VISITORS:
            return figures.mean
        assert self.kind is not None
        return Fraction(figures.by_kind.get(self.kind.value, 0))

    def assess(self, subject: Activity, as_of: Date, known_on: Date | None = None) -> Assessment:
        """Assess the target for an activity as of the end of ``as_of`` (G1, A7–A9), with the
        reports known on ``known_on`` (default: ``as_of``; G10, A10)."""
        as_of = calendar_day(as_of, "as_of")
        knowledge = check_known_on(as_of, known_on)
        check_applies(self.indicator, subject)
        subject = subject.as_known_on(knowledge)  # A10: projected first, then counted
        due = as_of >= self.period.end  # A7 (G1: as of the end of the day)
        figures = subject.figures(self.period, None if due else as_of)
        actual = self.value_of(figures)
        rules = [G1, A5] if knowledge == as_of else [G1, G10, A10, A5]
        if self.indicator is Indicator.MEAN_VISITORS:
            rules.append(A6)
        rules.append(A7)
        fulfilment: Fraction | None = None
        if actual is not None:
            fulfilment = _fulfilment(actual, Fraction(self.target), self.base)
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
        return Assessment(
            self,
            subject,
            as_of,
            status,
            values,
            tuple(rules),
            TargetDetail(figures),
            known_on=knowledge,
        )

    def explanation(self, assessment: Assessment) -> list[Line]:
        f = assessment.figures
        activity = assessment.subject
        assert isinstance(activity, Activity)
        d = assessment.as_of
        knowledge = assessment.known_on or d
        values: dict[str, object] = {
            "title": _TargetTitle(self, activity),
            "period": self.period,
            "activity": activity.name,
            "agreement": activity.agreement_id,
            "day": d,
        }
        if knowledge == d:
            lines = [wording.line("target.header", (G1,), **values)]
        else:
            lines = [
                wording.line("target.header_known_on", (G1, G10, A10), known_on=knowledge, **values)
            ]
        lines.append(_counted_line(assessment))
        due = assessment.status is not GoalStatus.NOT_YET_DUE
        lines.append(
            wording.line("target.due" if due else "target.not_yet_due", (A7,), end=self.period.end)
        )
        if A8 in assessment.rules:
            key = "target.no_report" if not f["reports"] else "target.no_mean"
            lines.append(wording.line(key, (A8,)))
        fulfilment = f["fulfilment"]
        if isinstance(fulfilment, Fraction) and A8 not in assessment.rules:
            actual, target, base = (
                _exact_value(f[name]) for name in ("actual", "target", "baseline")
            )
            lines.append(
                wording.line(
                    "target.fulfilment",
                    (A9,) if due else (),
                    actual=actual,
                    target=target,
                    baseline=base,
                    formula=_Formula(actual, target, base, self.ascending),
                    percent=wording.Pct(fulfilment),
                )
            )
        status_rule = A7 if not due else (A8 if A8 in assessment.rules else A9)
        lines.append(
            wording.line(
                "target.status", (status_rule,), status=wording.Label(assessment.status.name)
            )
        )
        return lines


@attrs.frozen
class _TargetTitle:
    """A target's title, with a general activity's indicator names (per language)."""

    target: ActivityTarget
    activity: Activity

    def title(self, lang: Lang) -> str:
        return self.target.title(lang, self.activity)


@attrs.frozen
class _Formula:
    """The fulfilment formula with its numbers, worded per language (A9)."""

    actual: object
    target: object
    baseline: object
    ascending: bool

    def title(self, lang: Lang) -> str:
        a, t, b = (wording.show(v, lang) for v in (self.actual, self.target, self.baseline))
        if self.ascending:
            return f"({a} − {b}) / ({t} − {b})"
        return f"({b} − {a}) / ({b} − {t})"


def _exact_value(value: object) -> object:
    """An exact number for display: whole numbers as ``int``, others as ``Fraction``."""
    if isinstance(value, (int, Fraction, Decimal)) and not isinstance(value, bool):
        fraction = Fraction(value)
        return fraction.numerator if fraction.denominator == 1 else fraction
    return value


def _counted_line(assessment: Assessment) -> Line:
    f = assessment.figures
    detail = assessment._details
    assert isinstance(detail, TargetDetail)
    figures = detail.figures
    rules: tuple[str, ...] = (A5, A6) if A6 in assessment.rules else (A5,)
    activity = assessment.subject
    assert isinstance(activity, Activity)
    return wording.line(
        "target.counted", rules, figures=_Counted(activity, figures), reports=f["reports"]
    )


@attrs.frozen
class _Counted:
    """An activity's figures in words (the same words as the report's figures)."""

    activity: Activity
    figures: Figures

    def title(self, lang: Lang) -> str:
        return figures_text(self.activity, self.figures, lang, empty=False)


def _fulfilment(actual: Fraction, target: Fraction, baseline: Fraction) -> Fraction:
    """A9: the exact fulfilment, (actual − baseline) / (target − baseline). When lower is
    better the text shows it mirrored, (baseline − actual) / (baseline − target): the same
    number, since both signs flip."""
    return (actual - baseline) / (target - baseline)
