"""Goals (mål) and their assessment as of any day: rules G1–G8.

"Minst tre år" (a partnership of at least three years) is ``MinimumDuration(years=3)``.
An assessment says whether the goal is OPEN, SECURED, ACHIEVED or MISSED as of a day, which
figures that rests on, and which rules produced it.

>>> import pendulum
>>> from iop_model import MinimumDuration
>>> from iop_model.cases import molndal
>>> goal = MinimumDuration(years=3)
>>> goal.assess(molndal.extended_agreement(), pendulum.date(2019, 12, 19)).status
<GoalStatus.SECURED: 'secured'>
>>> goal.assess(molndal.first_agreement(), pendulum.date(2020, 1, 1)).status
<GoalStatus.MISSED: 'missed'>
"""

from __future__ import annotations

import abc
import enum
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any, NamedTuple, TypeAlias

import attrs
import pendulum

from .agreement import Agreement, Partnership
from .errors import GoalError
from .explain import Lang, Line, check_lang, render
from .rules import rule
from .term import (
    T4,
    T7,
    T8,
    T11,
    T12,
    T13,
    T14,
    Length,
    Term,
    calendar_day,
    check_length_part,
    check_positive_length,
    end_of,
    length_of,
    trusted_term,
)

__all__ = ["Assessment", "Goal", "GoalStatus", "MinimumDuration"]

Date = pendulum.Date
Figure: TypeAlias = int | Fraction | Decimal | Length | Date | Term | str | None


class GoalStatus(enum.Enum):
    """The status of a goal as of a day.

    Duration goals use OPEN, SECURED, ACHIEVED and MISSED (G4–G7); activity targets use MET,
    PARTIALLY_MET, NOT_MET and NOT_YET_DUE (the A rules).
    """

    OPEN = "open"
    SECURED = "secured"
    ACHIEVED = "achieved"
    MISSED = "missed"
    MET = "met"
    PARTIALLY_MET = "partially_met"
    NOT_MET = "not_met"
    NOT_YET_DUE = "not_yet_due"

    @property
    def sv(self) -> str:
        """The status in Swedish."""
        return _STATUS_SV[self]

    @property
    def rank(self) -> int:
        """Order from worst to best, for comparing statuses of the same kind of goal."""
        return _RANK[self]


_STATUS_SV = {
    GoalStatus.OPEN: "ÖPPET",
    GoalStatus.SECURED: "SÄKRAT",
    GoalStatus.ACHIEVED: "UPPNÅTT",
    GoalStatus.MISSED: "MISSAT",
    GoalStatus.MET: "UPPFYLLT",
    GoalStatus.PARTIALLY_MET: "DELVIS UPPFYLLT",
    GoalStatus.NOT_MET: "EJ UPPFYLLT",
    GoalStatus.NOT_YET_DUE: "EJ FÖRFALLET",
}
_RANK = {
    GoalStatus.MISSED: 0,
    GoalStatus.OPEN: 1,
    GoalStatus.SECURED: 2,
    GoalStatus.ACHIEVED: 3,
    GoalStatus.NOT_MET: 0,
    GoalStatus.NOT_YET_DUE: 1,
    GoalStatus.PARTIALLY_MET: 1,
    GoalStatus.MET: 2,
}


def plain(value: object) -> object:
    """A figure as plain data (JSON types): dates as ISO text, lengths and terms as dicts,
    exact fractions as text such as ``'4/5'``."""
    if isinstance(value, Date):
        return value.isoformat()
    if isinstance(value, Length):
        return {"years": value.years, "months": value.months, "days": value.days}
    if isinstance(value, Term):
        return {"start": value.start.isoformat(), "end": value.end.isoformat()}
    if isinstance(value, (Fraction, Decimal)):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    return value


class Figures(Mapping[str, Figure]):
    """An assessment's figures by name, in a fixed order. Figures that cost a computation
    (lengths by rule T6) are computed on first access and then kept."""

    __slots__ = ("_compute", "_order", "_values")

    def __init__(
        self,
        values: dict[str, Figure],
        order: tuple[str, ...] | None = None,
        compute: Callable[[], dict[str, Figure]] | None = None,
    ) -> None:
        self._values = values
        self._order = order if order is not None else tuple(values)
        self._compute = compute

    def __getitem__(self, name: str) -> Figure:
        if name not in self._values and self._compute is not None:
            self._values.update(self._compute())
            self._compute = None
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def __repr__(self) -> str:
        return f"Figures({dict(self)!r})"


@attrs.frozen(eq=False)
class Assessment:
    """The outcome of ``goal.assess(subject, as_of)``.

    ``figures`` holds the numbers behind the status by name (for a duration goal:
    ``required``, ``covered``, ``agreed``, ``shortfall`` and their ``*_days``, the
    ``counted_period`` and the ``threshold`` day); ``rules`` the rule IDs applied, in order.
    The explanation is built only when asked for (:meth:`explain`).
    """

    goal: Goal
    subject: object
    as_of: Date
    status: GoalStatus
    figures: Mapping[str, Figure]
    rules: tuple[str, ...]
    _details: Any = attrs.field(default=None, repr=False)

    def __getitem__(self, name: str) -> Figure:
        """A figure by name: ``assessment["covered_days"]``."""
        try:
            return self.figures[name]
        except KeyError:
            raise GoalError(
                f"no figure {name!r}; the figures are {', '.join(self.figures)}",
                field="figures",
                value=name,
            ) from None

    @property
    def required(self) -> Figure:
        return self.figures.get("required")

    @property
    def covered(self) -> Figure:
        return self.figures.get("covered")

    @property
    def agreed(self) -> Figure:
        return self.figures.get("agreed")

    @property
    def shortfall(self) -> Figure:
        return self.figures.get("shortfall")

    def lines(self) -> list[Line]:
        """The explanation as bilingual lines."""
        return self.goal.explanation(self)

    def explain(self, lang: Lang = "sv") -> str:
        """A short exact text (Swedish ``"sv"`` or English ``"en"``) an auditor can check by
        hand: the dates, figures and rule IDs behind the status."""
        return render(self.lines(), check_lang(lang))

    def to_dict(self) -> dict[str, object]:
        """Plain data for systems and notebooks (JSON types only)."""
        return {
            "goal": self.goal.to_dict(),
            "subject": _describe(self.subject),
            "as_of": self.as_of.isoformat(),
            "status": self.status.value,
            "figures": {name: plain(value) for name, value in self.figures.items()},
            "rules": list(self.rules),
            "explanation": {lang: self.explain(lang) for lang in ("sv", "en")},
        }


def _describe(subject: object) -> dict[str, object]:
    """A subject as plain data: its kind and what identifies it."""
    if isinstance(subject, Agreement):
        return {"kind": "agreement", "id": subject.id}
    if isinstance(subject, Partnership):
        return {"kind": "partnership", "agreements": [a.id for a in subject.agreements]}
    return {
        "kind": type(subject).__name__,
        "name": getattr(subject, "name", None),
        "agreement": getattr(subject, "agreement_id", None),
    }


class Goal(abc.ABC):
    """A goal an IOP agreement is meant to reach. ``assess`` gives its status as of a day."""

    __slots__ = ()

    @abc.abstractmethod
    def assess(self, subject: Any, as_of: Date) -> Assessment:
        """The goal's :class:`Assessment` for ``subject`` as of the end of day ``as_of``."""

    @abc.abstractmethod
    def explanation(self, assessment: Assessment) -> list[Line]:
        """The explanation lines of an assessment made by this goal."""

    @abc.abstractmethod
    def to_dict(self) -> dict[str, object]:
        """The goal as plain data."""

    @abc.abstractmethod
    def title(self, lang: Lang) -> str:
        """The goal in a few words, in Swedish or English."""


# --- G1 As of a day ----------------------------------------------------------------------------
G1 = rule(
    "G1",
    "As of a day",
    "An assessment as of day D is the state at the end of day D: it uses only decisions made "
    "on or before D (T13) and counts D itself as having run.",
    "En bedömning per dag D avser läget vid slutet av dag D: den använder bara beslut fattade "
    "senast D (T13) och räknar dag D som förfluten.",
    "Audit practice: a follow-up judges what had been decided and done by the day it speaks of.",
)

# --- G2 Counted period ---------------------------------------------------------------------------
G2 = rule(
    "G2",
    "Counted period",
    "A duration goal counts the subject's days from its first day: an agreement's terms, and "
    "for a partnership the follow-on agreements that start the day after the previous end and "
    "were decided by that end; a gap or a later decision ends the counted period unless the "
    "goal is not contiguous, in which case every day of every agreement counts.",
    "Ett varaktighetsmål räknar föremålets dagar från dess första dag: ett avtals avtalstider, "
    "och för ett partnerskap de nya avtal som börjar dagen efter föregående slut och beslutades "
    "senast den dagen; ett glapp eller ett senare beslut avslutar den räknade perioden om inte "
    "målet är icke-sammanhängande, då räknas varje dag i varje avtal.",
    "Överenskommelsen (skr. 2008/09:207): långsiktighet; 'minst tre år' in the Mölndal agreement.",
)

# --- G3 Threshold day ----------------------------------------------------------------------------
G3 = rule(
    "G3",
    "Threshold day",
    "A duration goal is reached on the last day of the T4 term of the required length from the "
    "counted period's start; for a goal that is not contiguous, on the day the counted days "
    "reach the days of that term.",
    "Ett varaktighetsmål nås den sista dagen i T4-avtalstiden med den krävda längden från den "
    "räknade periodens start; för ett icke-sammanhängande mål den dag då de räknade dagarna "
    "når den avtalstidens antal dagar.",
    "T4 and T7; SFS 1930:173 § 1.",
)

# --- G4 to G7 Status -----------------------------------------------------------------------------
G4 = rule(
    "G4",
    "Achieved",
    "A duration goal is ACHIEVED as of D when its threshold day lies within the counted period "
    "and on or before D.",
    "Ett varaktighetsmål är UPPNÅTT per D när tröskeldagen ligger inom den räknade perioden och "
    "senast D.",
    "G1, G3.",
)
G5 = rule(
    "G5",
    "Secured",
    "A duration goal is SECURED as of D when the decisions made by D put its threshold day "
    "within the counted period, after D.",
    "Ett varaktighetsmål är SÄKRAT per D när besluten fattade senast D lägger tröskeldagen inom "
    "den räknade perioden, efter D.",
    "G1, G3; the Mölndal extension decision of 2019-12-19.",
)
G6 = rule(
    "G6",
    "Missed",
    "A duration goal is MISSED as of D when its threshold day lies beyond the counted period "
    "and the period can no longer grow: it ended on or before D, or (for an agreement) it was "
    "terminated or its maximum extent lies before the threshold day.",
    "Ett varaktighetsmål är MISSAT per D när tröskeldagen ligger bortom den räknade perioden och "
    "perioden inte längre kan växa: den slutade senast D, eller (för ett avtal) avtalet är "
    "uppsagt eller dess yttersta slutdag ligger före tröskeldagen.",
    "T9 (no extension after expiry), T11, T12.",
)
G7 = rule(
    "G7",
    "Open",
    "A duration goal is OPEN as of D when it is not secured and a decision could still secure "
    "it (an extension or, for a partnership, a follow-on agreement), or when nothing had been "
    "decided by D.",
    "Ett varaktighetsmål är ÖPPET per D när det inte är säkrat och ett beslut fortfarande kan "
    "säkra det (en förlängning eller, för ett partnerskap, ett nytt avtal), eller när inget "
    "beslut fattats senast D.",
    "T9, T14.",
)

# --- G8 Shortfall --------------------------------------------------------------------------------
G8 = rule(
    "G8",
    "Shortfall",
    "The shortfall of a duration goal not yet secured is the length from the day after the "
    "counted period to the threshold day: the extension that would secure it.",
    "Underskottet för ett varaktighetsmål som inte är säkrat är längden från dagen efter den "
    "räknade perioden till tröskeldagen: den förlängning som skulle säkra målet.",
    "T6 (inverse of T4).",
)


@attrs.frozen
class _Piece:
    """A stretch of the counted period and what it rests on, for the explanation."""

    term: Term
    agreement_id: str
    extension_decided_on: Date | None  # None: the agreement's own term


class _Period(NamedTuple):
    """The counted period of G2: the agreements it runs through and whether it can grow."""

    chain: tuple[Agreement, ...]
    can_grow: bool
    closed_because: str  # "", "ended", "terminated", "max_extent"
    terminated_on: Date | None

    @property
    def pieces(self) -> list[_Piece]:
        return [piece for agreement in self.chain for piece in _pieces_of(agreement)]


def _pieces_of(agreement: Agreement) -> list[_Piece]:
    pieces = [_Piece(agreement.terms[0], agreement.id, None)]
    for term, extension in zip(agreement.terms[1:], agreement.extensions, strict=False):
        pieces.append(_Piece(term, agreement.id, extension.decided_on))
    return pieces


_CONTIGUOUS_ORDER = (
    "required",
    "counted_period",
    "threshold",
    "covered",
    "covered_days",
    "agreed",
    "agreed_days",
    "shortfall",
    "shortfall_days",
)


def _length_value(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_length_part(value, attribute.name, GoalError)


@attrs.frozen
class MinimumDuration(Goal):
    """A minimum duration: "minst tre år" is ``MinimumDuration(years=3)``.

    ``contiguous`` (default) counts only an uninterrupted run from the subject's start; a goal
    with ``contiguous=False`` counts every day of every agreement of a partnership (G2).
    """

    years: int = attrs.field(default=0, validator=_length_value)
    months: int = attrs.field(default=0, validator=_length_value)
    days: int = attrs.field(default=0, validator=_length_value)
    contiguous: bool = attrs.field(default=True)
    description: str | None = attrs.field(default=None)
    _length: Length = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_length", Length(self.years, self.months, self.days))
        check_positive_length(self._length, "a minimum duration", GoalError, "years")
        if not isinstance(self.contiguous, bool):
            raise GoalError("expected True or False", field="contiguous", value=self.contiguous)
        if self.description is not None and not isinstance(self.description, str):
            raise GoalError("expected text or None", field="description", value=self.description)

    @property
    def length(self) -> Length:
        """The required length."""
        return self._length

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": "minimum_duration",
            "years": self.years,
            "months": self.months,
            "days": self.days,
            "contiguous": self.contiguous,
            "description": self.description,
        }

    def title(self, lang: Lang) -> str:
        """The goal in words: ``'at least 3 years'`` / ``'minst 3 år'``."""
        if self.description:
            return self.description
        if lang == "sv":
            return f"minst {self.length.sv()}" + ("" if self.contiguous else " sammanlagt")
        return f"at least {self.length}" + ("" if self.contiguous else " in total")

    # --- assessment ------------------------------------------------------------------------------

    def assess(self, subject: Agreement | Partnership, as_of: Date) -> Assessment:
        """Assess the goal for an agreement or a partnership as of the end of ``as_of``."""
        as_of = calendar_day(as_of, "as_of")
        if not isinstance(subject, (Agreement, Partnership)):
            raise GoalError(
                "a minimum duration is assessed for an Agreement or a Partnership, "
                f"not {type(subject).__name__}",
                field="subject",
                value=subject,
            )
        if not subject.known_on(as_of):
            return self._nothing_decided(subject, as_of)
        known = subject.as_known_on(as_of)  # G1, T13
        rounding = known.rounding if isinstance(known, Agreement) else known.first.rounding
        if isinstance(known, Agreement) or self.contiguous:
            period = _contiguous_period(known, as_of, self.length, rounding)
            return self._assess_contiguous(subject, known, as_of, period, rounding)
        assert isinstance(subject, Partnership)
        assert isinstance(known, Partnership)
        return self._assess_in_total(subject, known, as_of, rounding)

    def _nothing_decided(self, subject: Agreement | Partnership, as_of: Date) -> Assessment:
        zero = Length()
        figures: dict[str, Figure] = {
            "required": self.length,
            "counted_period": None,
            "threshold": None,
            "covered": zero,
            "covered_days": 0,
            "agreed": zero,
            "agreed_days": 0,
            "shortfall": self.length,
            "shortfall_days": None,
        }
        return Assessment(
            self,
            subject,
            as_of,
            GoalStatus.OPEN,
            Figures(figures),
            (G1, T13, G7),
            ("undecided", None),
        )

    def _assess_contiguous(
        self,
        subject: Agreement | Partnership,
        known: Agreement | Partnership,
        as_of: Date,
        period: _Period,
        rounding: Any,
    ) -> Assessment:
        start, end = period.chain[0].term.start, period.chain[-1].end
        threshold = end_of(start, self._length, rounding)  # G3 (T4)
        rules: list[str] = [G1, T13, G2]
        if any(len(agreement.terms) > 1 for agreement in period.chain):
            rules.append(T8)  # an extension term still in force (a termination may cut it)
        if len(period.chain) > 1:
            rules.append(T14)
        if period.terminated_on is not None:
            rules.append(T12)
        rules += (G3, T4, T7)
        secured = threshold <= end
        if secured:
            status = GoalStatus.ACHIEVED if threshold <= as_of else GoalStatus.SECURED
            rules.append(G4 if status is GoalStatus.ACHIEVED else G5)
        else:
            status = GoalStatus.OPEN if period.can_grow else GoalStatus.MISSED
            if period.closed_because == "max_extent":
                rules.append(T11)
            rules += (G7 if status is GoalStatus.OPEN else G6, G8)
        counted = trusted_term(start, end)
        required = self._length

        def lengths() -> dict[str, Figure]:  # T6: computed only when asked for
            covered_end = min(as_of, end)
            covered_days = covered_end.toordinal() - start.toordinal() + 1
            values: dict[str, Figure] = {
                "required": required,
                "covered": length_of(start, covered_end, rounding)
                if covered_days > 0
                else Length(),
                "covered_days": max(covered_days, 0),
                "agreed": length_of(start, end, rounding),
                "agreed_days": counted.days,
            }
            if secured:
                values["shortfall"], values["shortfall_days"] = Length(), 0
            else:
                gap_start = counted.next_start
                values["shortfall"] = length_of(gap_start, threshold, rounding)
                values["shortfall_days"] = threshold.toordinal() - gap_start.toordinal() + 1
            return values

        figures = Figures(
            {"counted_period": counted, "threshold": threshold}, _CONTIGUOUS_ORDER, lengths
        )
        return Assessment(
            self, subject, as_of, status, figures, tuple(rules), ("contiguous", period)
        )

    def _assess_in_total(
        self, subject: Partnership, known: Partnership, as_of: Date, rounding: Any
    ) -> Assessment:
        required_days = Term.starting(
            known.start, self.years, self.months, self.days, rounding
        ).days
        spans = [agreement.span for agreement in known.agreements]
        agreed_days = sum(span.days for span in spans)
        covered_days = sum(
            Term(span.start, min(span.end, as_of)).days for span in spans if span.start <= as_of
        )
        threshold = _day_reaching(spans, required_days)
        rules: list[str] = [G1, T13, G2, T14, G3, T4]
        if threshold is not None:
            status = GoalStatus.ACHIEVED if threshold <= as_of else GoalStatus.SECURED
            rules.append(G4 if status is GoalStatus.ACHIEVED else G5)
            shortfall_days = 0
        else:
            status = GoalStatus.OPEN
            rules.extend([G7, G8])
            shortfall_days = required_days - agreed_days
        figures: dict[str, Figure] = {
            "required": self.length,
            "required_days": required_days,
            "counted_period": None,
            "threshold": threshold,
            "covered": Length(days=covered_days),
            "covered_days": covered_days,
            "agreed": Length(days=agreed_days),
            "agreed_days": agreed_days,
            "shortfall": Length(days=shortfall_days),
            "shortfall_days": shortfall_days,
        }
        return Assessment(self, subject, as_of, status, figures, tuple(rules), ("in_total", spans))

    # --- explanation ------------------------------------------------------------------------------

    def explanation(self, assessment: Assessment) -> list[Line]:
        kind, detail = assessment._details
        d = assessment.as_of.isoformat()
        f = assessment.figures
        lines = [
            Line(
                en=f"Goal: {self.title('en')}; assessed as of the end of {d}, with the "
                f"decisions made on or before that day",
                sv=f"Mål: {self.title('sv')}; bedömt per slutet av {d}, med de beslut som "
                f"fattats senast den dagen",
                rules=(G1, T13),
            )
        ]
        if kind == "undecided":
            lines.append(
                Line(
                    en=f"Nothing had been decided by {d}: the goal is open",
                    sv=f"Inget beslut var fattat senast {d}: målet är öppet",
                    rules=(G7,),
                )
            )
            return [*lines, _status_line(assessment, G7)]
        if kind == "contiguous":
            lines.extend(_contiguous_lines(self, assessment, detail))
        else:
            lines.extend(_in_total_lines(assessment, detail))
        status_rule = next(r for r in reversed(assessment.rules) if r in (G4, G5, G6, G7))
        lines.append(_status_line(assessment, status_rule))
        if assessment.status in (GoalStatus.OPEN, GoalStatus.MISSED):
            if kind == "contiguous":
                lines.append(
                    Line(
                        en=f"Shortfall: {f['shortfall']} ({f['shortfall_days']} days) from "
                        f"{_day_after(f['counted_period'])} to {_iso(f['threshold'])}",
                        sv=f"Underskott: {_sv(f['shortfall'])} ({f['shortfall_days']} dagar) "
                        f"från {_day_after(f['counted_period'])} till {_iso(f['threshold'])}",
                        rules=(G8,),
                    )
                )
            else:
                lines.append(
                    Line(
                        en=f"Shortfall: {f['shortfall_days']} days",
                        sv=f"Underskott: {f['shortfall_days']} dagar",
                        rules=(G8,),
                    )
                )
        return lines


def _iso(value: object) -> str:
    return value.isoformat() if isinstance(value, Date) else str(value)


def _sv(value: object) -> str:
    return value.sv() if isinstance(value, Length) else str(value)


def _day_after(period: object) -> str:
    return period.next_start.isoformat() if isinstance(period, Term) else "-"


def _status_line(assessment: Assessment, status_rule: str) -> Line:
    status = assessment.status
    f = assessment.figures
    threshold = _iso(f.get("threshold"))
    d = assessment.as_of.isoformat()
    if status is GoalStatus.ACHIEVED:
        en = f"the threshold day {threshold} has run (as of {d})"
        sv = f"tröskeldagen {threshold} har passerats (per {d})"
    elif status is GoalStatus.SECURED:
        en = f"decisions made by {d} cover the threshold day {threshold}, which has not yet run"
        sv = f"beslut fattade senast {d} täcker tröskeldagen {threshold}, som ännu inte passerats"
    elif status is GoalStatus.MISSED:
        en = f"the counted period cannot reach the threshold day {threshold} any more"
        sv = f"den räknade perioden kan inte längre nå tröskeldagen {threshold}"
    elif f.get("counted_period") is None and f.get("agreed_days") == 0:
        en = "no agreement yet"
        sv = "inget avtal ännu"
    else:
        en = "not yet secured; a decision could still secure it"
        sv = "ännu inte säkrat; ett beslut kan fortfarande säkra det"
    return Line(
        en=f"Status: {status.name}: {en}",
        sv=f"Status: {status.sv}: {sv}",
        rules=(status_rule,),
    )


def _contiguous_lines(goal: MinimumDuration, assessment: Assessment, period: _Period) -> list[Line]:
    f = assessment.figures
    lines = []
    for index, piece in enumerate(period.pieces):
        length = piece.term.length
        if piece.extension_decided_on is None:
            en = f"Agreement {piece.agreement_id}: {piece.term} ({length})"
            sv = f"Avtal {piece.agreement_id}: {piece.term} ({length.sv()})"
            rules: tuple[str, ...] = (T14,) if index else ()
        else:
            decided = piece.extension_decided_on.isoformat()
            en = f"Extension of {piece.agreement_id}: {piece.term} ({length}), decided {decided}"
            sv = (
                f"Förlängning av {piece.agreement_id}: {piece.term} ({length.sv()}), "
                f"beslutad {decided}"
            )
            rules = (T8,)
        lines.append(Line(en=en, sv=sv, rules=rules))
    if period.terminated_on is not None:
        t = period.terminated_on.isoformat()
        lines.append(
            Line(
                en=f"Terminated: the last day in force is {t}; no extension can follow",
                sv=f"Uppsagt: sista giltiga dag är {t}; ingen förlängning kan följa",
                rules=(T12,),
            )
        )
    if period.closed_because == "max_extent":
        assert isinstance(assessment.subject, Agreement)
        cap = _iso(assessment.subject.max_extent)
        lines.append(
            Line(
                en=f"No extension may pass the maximum extent {cap}",
                sv=f"Ingen förlängning får passera den yttersta slutdagen {cap}",
                rules=(T11,),
            )
        )
    counted, agreed = f["counted_period"], f["agreed"]
    lines.append(
        Line(
            en=f"Counted period: {counted} ({agreed}, {f['agreed_days']} days)",
            sv=f"Räknad period: {counted} ({_sv(agreed)}, {f['agreed_days']} dagar)",
            rules=(G2,),
        )
    )
    start = counted.start.isoformat() if isinstance(counted, Term) else "-"
    lines.append(
        Line(
            en=f"Required: {goal.length} from {start}, "
            f"reached at the end of {_iso(f['threshold'])}",
            sv=f"Krävs: {goal.length.sv()} från {start}, nås vid slutet av {_iso(f['threshold'])}",
            rules=(G3, T4, T7),
        )
    )
    covered = f["covered"]
    lines.append(
        Line(
            en=f"Covered by {assessment.as_of}: {covered} ({f['covered_days']} days)",
            sv=f"Täckt till och med {assessment.as_of}: {_sv(covered)} ({f['covered_days']} dagar)",
        )
    )
    return lines


def _in_total_lines(assessment: Assessment, spans: list[Term]) -> list[Line]:
    f = assessment.figures
    listed = ", ".join(str(span) for span in spans)
    return [
        Line(
            en=f"Agreements counted in total: {listed}; {f['agreed_days']} days agreed",
            sv=f"Avtal som räknas sammanlagt: {listed}; {f['agreed_days']} dagar avtalade",
            rules=(G2, T14),
        ),
        Line(
            en=f"Required: {f['required_days']} days, reached at the end of {_iso(f['threshold'])}",
            sv=f"Krävs: {f['required_days']} dagar, nås vid slutet av {_iso(f['threshold'])}",
            rules=(G3, T4),
        ),
        Line(
            en=f"Covered by {assessment.as_of}: {f['covered_days']} days",
            sv=f"Täckt till och med {assessment.as_of}: {f['covered_days']} dagar",
        ),
    ]


def _contiguous_period(
    known: Agreement | Partnership, as_of: Date, length: Length, rounding: Any
) -> _Period:
    """The counted period of G2 and whether it can still grow (G6, G7)."""
    if isinstance(known, Agreement):
        termination = known.termination
        if termination is not None:
            return _Period((known,), False, "terminated", termination.on)
        if known.max_extent is not None and known.max_extent < end_of(
            known.term.start, length, rounding
        ):
            return _Period((known,), False, "max_extent", None)
        if known.end <= as_of:
            return _Period((known,), False, "ended", None)
        return _Period((known,), True, "", None)
    chain = [known.agreements[0]]
    for following in known.agreements[1:]:
        previous = chain[-1]
        adjacent = following.start == previous.span.next_start
        in_time = following.decided_on is None or following.decided_on <= previous.end
        if not (adjacent and in_time):
            break
        chain.append(following)
    last = chain[-1]
    terminated_on = last.termination.on if last.termination is not None else None
    closed = len(chain) < len(known.agreements) or last.end <= as_of
    return _Period(tuple(chain), not closed, "ended" if closed else "", terminated_on)


def _day_reaching(spans: list[Term], required_days: int) -> Date | None:
    """The day on which the days of ``spans``, counted in order, reach ``required_days``."""
    remaining = required_days
    for span in spans:
        if span.days >= remaining:
            return Date.fromordinal(span.start.toordinal() + remaining - 1)  # once per call
        remaining -= span.days
    return None
