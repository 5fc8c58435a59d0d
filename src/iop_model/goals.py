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
from typing import TYPE_CHECKING, Any, NamedTuple, TypeAlias, TypedDict

import attrs
import pendulum

from iop_model import wording
from iop_model._validators import optional_text
from iop_model._version import __version__
from iop_model.errors import GoalError
from iop_model.explain import Lang, Line, check_lang, render
from iop_model.rules import fingerprint, rule
from iop_model.terms.agreement import Agreement, Partnership
from iop_model.terms.term import (
    T4,
    T7,
    T8,
    T11,
    T12,
    T13,
    T14,
    T15,
    T16,
    Length,
    Term,
    calendar_day,
    check_length_part,
    check_positive_length,
    end_of,
    length_of,
    trusted_term,
)

if TYPE_CHECKING:  # an activity target's subject and figures: the A family, a layer above
    from iop_model.activities.activity import Activity
    from iop_model.activities.figures import Figures as ActivityFigures

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
        """The status's label in Swedish (display text; the code name stays)."""
        return wording.label(self.name, "sv")

    def label(self, lang: Lang) -> str:
        """The status's label in Swedish or English: ``'Inte säkrat'``, ``'PARTIALLY MET'``."""
        return wording.label(self.name, lang)

    @property
    def rank(self) -> int:
        """Order from worst to best, for comparing statuses of the same kind of goal."""
        return _RANK[self]


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
        return value.to_dict()
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


class Closed(enum.StrEnum):
    """Why a counted period can no longer grow (G6): it has not closed (``OPEN``), it ended,
    the agreement was terminated (T12), or its maximum extent falls short (T11)."""

    OPEN = ""
    ENDED = "ended"
    TERMINATED = "terminated"
    MAX_EXTENT = "max_extent"


class LeftOut(enum.StrEnum):
    """Why an agreement of a partnership is left out of a contiguous counted period (G2):
    after a gap (T14), decided after the agreement before it ended, or after one left out."""

    GAP = "gap"
    LATE = "late"
    AFTER = "after"


@attrs.frozen
class Undecided:
    """What an assessment rests on when nothing had been decided (G7)."""


@attrs.frozen
class Contiguous:
    """A contiguous counted period (G2) and what it runs through."""

    period: _Period


@attrs.frozen
class OneAgreement:
    """One agreement's counted period, from its decisions known on ``known_on``: the
    agreement as known is made only for the explanation (benchmark P1)."""

    known_on: Date


@attrs.frozen
class InTotal:
    """The terms counted in total (G2, not contiguous) and the undated agreements (T15)."""

    spans: tuple[Term, ...]
    undated: tuple[Agreement, ...]


@attrs.frozen
class TargetDetail:
    """An activity target's figures (A5)."""

    figures: ActivityFigures


#: What an assessment's explanation is built from.
Details: TypeAlias = Undecided | Contiguous | OneAgreement | InTotal | TargetDetail


@attrs.frozen(eq=False)
class Assessment:
    """The outcome of ``goal.assess(subject, as_of)``.

    ``figures`` holds the numbers behind the status by name (for a duration goal:
    ``required``, ``covered``, ``agreed``, ``shortfall`` and their ``*_days``, the
    ``counted_period`` and the ``threshold`` day); ``rules`` the rule IDs applied, in order.
    The explanation is built only when asked for (:meth:`explain`).
    """

    goal: Goal
    subject: Agreement | Partnership | Activity
    as_of: Date
    status: GoalStatus
    figures: Mapping[str, Figure]
    rules: tuple[str, ...]
    _details: Details | None = attrs.field(default=None, repr=False)
    #: The day of knowledge (G10): the decisions made by this day were used. ``None`` means
    #: ``as_of``.
    known_on: Date | None = attrs.field(default=None, kw_only=True)
    #: The explanation, built once on first use (an assessment never changes).
    _lines: list[Line] | None = attrs.field(default=None, init=False, repr=False, eq=False)

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
        """The explanation as bilingual lines (built once)."""
        if self._lines is None:
            object.__setattr__(self, "_lines", self.goal.explanation(self))
        assert self._lines is not None
        return list(self._lines)

    def explain(self, lang: Lang = "sv") -> str:
        """A short exact text (Swedish ``"sv"`` or English ``"en"``) an auditor can check by
        hand: the dates, figures and rule IDs behind the status."""
        return render(self.lines(), check_lang(lang))

    def to_dict(self) -> AssessmentDict:
        """Plain data for systems and notebooks (JSON types only)."""
        return {
            "goal": self.goal.to_dict(),
            "subject": _describe(self.subject, isinstance(self._details, Undecided)),
            "as_of": self.as_of.isoformat(),
            "status": self.status.value,
            "figures": {name: plain(value) for name, value in self.figures.items()},
            "rules": list(self.rules),
            "explanation": {lang: self.explain(lang) for lang in ("sv", "en")},
            "known_on": (self.known_on or self.as_of).isoformat(),
            "provenance": provenance(self.as_of, self.known_on or self.as_of),
        }


class ProvenanceDict(TypedDict):
    """Where an answer comes from (:func:`provenance`)."""

    library_version: str
    rules_fingerprint: str
    input_sha256: str | None
    as_of: str
    known_on: str


class AssessmentDict(TypedDict):
    """:meth:`Assessment.to_dict`: an assessment as plain data."""

    goal: dict[str, object]
    subject: dict[str, object]
    as_of: str
    status: str
    figures: dict[str, object]
    rules: list[str]
    explanation: dict[str, str]
    known_on: str
    provenance: ProvenanceDict


def provenance(as_of: Date, known_on: Date, input_sha256: str | None = None) -> ProvenanceDict:
    """Where an answer comes from: the library version, the rule set's fingerprint, the input
    file's SHA-256 (when read from a file), the as-of day and the day of knowledge (G10)."""
    return {
        "library_version": __version__,
        "rules_fingerprint": fingerprint(),
        "input_sha256": input_sha256,
        "as_of": as_of.isoformat(),
        "known_on": known_on.isoformat(),
    }


def _describe(subject: object, undecided: bool) -> dict[str, object]:
    """A subject as plain data: its kind and what identifies it; a partnership (assessed as
    known, or with nothing decided yet) lists the agreements the assessment rests on."""
    if isinstance(subject, Agreement):
        return {"kind": "agreement", "id": subject.id}
    if isinstance(subject, Partnership):
        known = [] if undecided else [a.id for a in subject.agreements]
        return {"kind": "partnership", "agreements": known}
    return {
        "kind": getattr(subject, "kind", type(subject).__name__),  # an activity's tag
        "name": getattr(subject, "name", None),
        "agreement": getattr(subject, "agreement_id", None),
    }


class Goal(abc.ABC):
    """A goal an IOP agreement is meant to reach. ``assess`` gives its status as of a day."""

    __slots__ = ()

    @abc.abstractmethod
    def assess(self, subject: Any, as_of: Date, known_on: Date | None = None) -> Assessment:
        """The goal's :class:`Assessment` for ``subject`` as of the end of day ``as_of``, from
        what was known on ``known_on`` (default: ``as_of``; G10)."""

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
    "T4 and T7 (the library's term rule).",
)

# --- G4 to G7 Status -----------------------------------------------------------------------------
G4 = rule(
    "G4",
    "Achieved",
    "A duration goal is ACHIEVED as of D when its threshold day lies within the counted period "
    "and on or before D.",
    "Ett varaktighetsmål är uppnått per D när dagen då målet nås ligger inom den räknade perioden "
    "och "
    "senast D.",
    "G1, G3.",
)
G5 = rule(
    "G5",
    "Secured",
    "A duration goal is SECURED as of D when the decisions made by D put its threshold day "
    "within the counted period, after D.",
    "Ett varaktighetsmål är säkrat per D när besluten fattade senast D lägger dagen då målet nås "
    "inom "
    "den räknade perioden, efter D.",
    "G1, G3; the Mölndal extension decision of 2019-12-19.",
)
G6 = rule(
    "G6",
    "Missed",
    "A duration goal is MISSED as of D when its threshold day lies beyond the counted period "
    "and the period can no longer grow: it ended on or before D, or (for an agreement) it was "
    "terminated or its maximum extent lies before the threshold day.",
    "Ett varaktighetsmål kan inte uppnås per D när dagen då målet nås ligger bortom den räknade "
    "perioden och "
    "perioden inte längre kan växa: den slutade senast D, eller (för ett avtal) avtalet är "
    "uppsagt eller dess yttersta slutdag ligger före dagen då målet nås.",
    "T9 (no extension after expiry), T11, T12.",
)
G7 = rule(
    "G7",
    "Open",
    "A duration goal is OPEN as of D when it is not secured and a decision could still secure "
    "it (an extension or, for a partnership, a follow-on agreement), or when nothing had been "
    "decided by D.",
    "Ett varaktighetsmål är inte säkrat per D när det inte är säkrat och ett beslut "
    "fortfarande kan säkra det (en förlängning eller, för ett partnerskap, ett nytt avtal), "
    "eller när inget beslut fattats senast D.",
    "T9, T14.",
)

# --- G8 Shortfall --------------------------------------------------------------------------------
G8 = rule(
    "G8",
    "Shortfall",
    "The shortfall of a duration goal not yet secured is the length from the day after the "
    "counted period to the threshold day: the extension that would secure it.",
    "Återstående tid för ett varaktighetsmål som inte är säkrat är längden från dagen efter den "
    "räknade perioden till dagen då målet nås: den förlängning som skulle säkra målet.",
    "T6 (inverse of T4).",
)


# --- G9 Covered ----------------------------------------------------------------------------------
G9 = rule(
    "G9",
    "Time run",
    "The time run of a duration goal as of D is the part of the counted period from its start "
    "up to and including D (none before the start); for a goal that is not contiguous, the "
    "days of every counted agreement up to and including D.",
    "Löpt avtalstid för ett varaktighetsmål per D är den del av den räknade perioden som ligger "
    "från dess start till och med D (ingen före starten); för ett icke-sammanhängande mål "
    "dagarna i varje räknat avtal till och med D.",
    "The library's own definition (G1: D itself has run); it is the figure 'covered'.",
)

# --- G10 Known on an earlier day ---------------------------------------------------------------
G10 = rule(
    "G10",
    "Known on an earlier day",
    "An assessment as of D known on K (K on or before D) is the state at the end of D from the "
    "decisions made by K only: a projection when K is before D. K after D is refused; without K "
    "it is D.",
    "En bedömning per D enligt vad som var känt K (K senast D) är läget vid slutet av D utifrån "
    "bara de beslut som fattats senast K: en prognos när K ligger före D. K efter D avvisas; "
    "utan K är K = D.",
    "The library's modelling choice: separating the day a question is about from the day of "
    "knowledge (T13) lets an auditor ask what a committee could foresee.",
)


def check_known_on(as_of: Date, known_on: object) -> Date:
    """``known_on`` as a day on or before ``as_of`` (``None``: ``as_of``), else GoalError
    (G10)."""
    if known_on is None:
        return as_of
    day = calendar_day(known_on, "known_on")
    if day > as_of:
        raise GoalError(
            f"the day of knowledge {day.isoformat()} is after the day assessed "
            f"{as_of.isoformat()}; a later decision cannot be known earlier",
            rule=G10,
            field="known_on",
            value=day,
        )
    return day


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
    closed_because: Closed
    terminated_on: Date | None
    left_out: tuple[tuple[Agreement, LeftOut], ...] = ()

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
    description: str | None = attrs.field(
        default=None, validator=optional_text(GoalError, long=True)
    )
    _length: Length = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_length", Length(self.years, self.months, self.days))
        check_positive_length(self._length, "a minimum duration", GoalError, "years")
        if not isinstance(self.contiguous, bool):
            raise GoalError("expected True or False", field="contiguous", value=self.contiguous)

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

    def assess(
        self, subject: Agreement | Partnership, as_of: Date, known_on: Date | None = None
    ) -> Assessment:
        """Assess the goal for an agreement or a partnership as of the end of ``as_of``, from
        the decisions known on ``known_on`` (default: ``as_of``; G10)."""
        as_of = calendar_day(as_of, "as_of")
        knowledge = check_known_on(as_of, known_on)
        if not isinstance(subject, (Agreement, Partnership)):
            raise GoalError(
                "a minimum duration is assessed for an Agreement or a Partnership, "
                f"not {type(subject).__name__}",
                field="subject",
                value=subject,
            )
        if not subject.known_on(knowledge):
            return self._nothing_decided(subject, as_of, knowledge)
        if isinstance(subject, Agreement):  # the hot path: no copy of the agreement (P1)
            return self._assess_agreement(subject, as_of, knowledge)
        known = subject.as_known_on(knowledge)  # G1, T13, G10
        rounding = known.rounding if isinstance(known, Agreement) else known.first.rounding
        if isinstance(known, Agreement) or self.contiguous:
            period = _contiguous_period(known, as_of, self.length, rounding)
            found = self._assess_contiguous(known, known, as_of, period, rounding)
        else:
            assert isinstance(subject, Partnership)
            assert isinstance(known, Partnership)
            found = self._assess_in_total(known, known, as_of, rounding)
        return _with_knowledge(found, known, knowledge)

    def _nothing_decided(
        self, subject: Agreement | Partnership, as_of: Date, knowledge: Date
    ) -> Assessment:
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
        rules = (G1, T13, G7) if knowledge == as_of else (G1, T13, G10, G7)
        return Assessment(
            self,
            subject,
            as_of,
            GoalStatus.OPEN,
            Figures(figures),
            rules,
            Undecided(),
            known_on=knowledge,
        )

    def _assess_agreement(self, subject: Agreement, as_of: Date, knowledge: Date) -> Assessment:
        """The contiguous assessment of one agreement from the terms known on ``knowledge``
        (G2): the agreement as known is made only when the explanation asks for it."""
        terms, termination, whole = subject._known_terms(knowledge)  # G1, T13, G10
        rounding = subject.rounding
        start, end = subject.term.start, terms[-1].end
        if termination is not None:
            can_grow, closed, terminated_on = False, Closed.TERMINATED, termination.on
        elif subject.latest_end is not None and subject.latest_end < end_of(
            start, self._length, rounding
        ):
            can_grow, closed, terminated_on = False, Closed.MAX_EXTENT, None
        elif end <= as_of:
            can_grow, closed, terminated_on = False, Closed.ENDED, None
        else:
            can_grow, closed, terminated_on = True, Closed.OPEN, None
        found = self._contiguous(
            subject,
            as_of,
            rounding,
            (start, end, len(terms) > 1, False, terminated_on, can_grow, closed),
            OneAgreement(knowledge),
        )
        extra = [G10] if knowledge != as_of else []
        if subject.decided_on is None:
            extra.append(T15)
        if whole and subject.replaced_by is not None:
            extra.append(T16)
        if extra:
            rules = found.rules
            at = rules.index(T13) + 1
            object.__setattr__(found, "rules", (*rules[:at], *extra, *rules[at:]))
        object.__setattr__(found, "known_on", knowledge)  # made just now, not shared yet
        return found

    def _assess_contiguous(
        self,
        subject: Agreement | Partnership,
        known: Agreement | Partnership,
        as_of: Date,
        period: _Period,
        rounding: Any,
    ) -> Assessment:
        chain = period.chain
        extended = len(chain[0].terms) > 1 or any(len(a.terms) > 1 for a in chain[1:])
        shape = (
            chain[0].term.start,
            chain[-1].end,
            extended,
            len(chain) > 1 or bool(period.left_out),
            period.terminated_on,
            period.can_grow,
            period.closed_because,
        )
        return self._contiguous(subject, as_of, rounding, shape, Contiguous(period))

    def _contiguous(
        self,
        subject: Agreement | Partnership,
        as_of: Date,
        rounding: Any,
        shape: tuple[Date, Date, bool, bool, Date | None, bool, Closed],
        details: Details,
    ) -> Assessment:
        """G2–G9 for a counted period from ``start`` to ``end``: ``extended`` when an
        extension term counts (T8), ``chained`` when follow-on agreements count or are left
        out (T14), the termination day, whether the period can still grow and why not."""
        start, end, extended, chained, terminated_on, can_grow, closed_because = shape
        threshold = end_of(start, self._length, rounding)  # G3 (T4)
        rules: list[str] = [G1, T13, G2]
        if extended:
            rules.append(T8)  # an extension term still in force (a termination may cut it)
        if chained:
            rules.append(T14)
        if terminated_on is not None:
            rules.append(T12)
        rules += (G3, T4, T7, G9)
        secured = threshold <= end
        if secured:
            status = GoalStatus.ACHIEVED if threshold <= as_of else GoalStatus.SECURED
            rules.append(G4 if status is GoalStatus.ACHIEVED else G5)
        else:
            status = GoalStatus.OPEN if can_grow else GoalStatus.MISSED
            if closed_because is Closed.MAX_EXTENT:
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
        return Assessment(self, subject, as_of, status, figures, tuple(rules), details)

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
        rules: list[str] = [G1, T13, G2, T14, G3, T4, G9]
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
        undated = tuple(a for a in known.agreements if a.decided_on is None)
        return Assessment(
            self, subject, as_of, status, figures, tuple(rules), InTotal(tuple(spans), undated)
        )

    # --- explanation ------------------------------------------------------------------------------

    def explanation(self, assessment: Assessment) -> list[Line]:
        detail = assessment._details
        if isinstance(detail, OneAgreement):  # the agreement as known, made now to explain it
            subject = assessment.subject
            assert isinstance(subject, Agreement)
            known = subject.as_known_on(detail.known_on)
            period = _contiguous_period(known, assessment.as_of, self._length, known.rounding)
            detail = Contiguous(period)
        d = assessment.as_of
        f = assessment.figures
        knowledge = assessment.known_on or d
        title = wording.Titled(self)
        if knowledge == d:
            lines = [wording.line("goal.header", (G1, T13), title=title, day=d)]
        else:
            lines = [
                wording.line(
                    "goal.header_known_on", (G1, T13, G10), title=title, day=d, known_on=knowledge
                )
            ]
        if isinstance(detail, Undecided):
            lines.append(wording.line("goal.nothing_decided", (G7,), day=knowledge))
            return [*lines, _status_line(assessment, G7)]
        if isinstance(detail, Contiguous):
            lines.extend(_contiguous_lines(self, assessment, detail.period))
        else:
            assert isinstance(detail, InTotal)
            lines.extend(_in_total_lines(assessment, detail))
        status_rule = next(r for r in reversed(assessment.rules) if r in (G4, G5, G6, G7))
        lines.append(_status_line(assessment, status_rule))
        if assessment.status in (GoalStatus.OPEN, GoalStatus.MISSED):
            if isinstance(detail, Contiguous):
                counted = f["counted_period"]
                assert isinstance(counted, Term)
                lines.append(
                    wording.line(
                        "goal.shortfall",
                        (G8,),
                        length=f["shortfall"],
                        days=wording.Days(f["shortfall_days"]),
                        start=counted.next_start,
                        threshold=f["threshold"],
                    )
                )
            else:
                lines.append(
                    wording.line(
                        "goal.shortfall_days", (G8,), days=wording.Days(f["shortfall_days"])
                    )
                )
        return lines


def _status_line(assessment: Assessment, status_rule: str) -> Line:
    status = assessment.status
    f = assessment.figures
    values: dict[str, object] = {
        "status": wording.Label(status.name),
        "threshold": f.get("threshold"),
        "day": assessment.known_on or assessment.as_of,
    }
    if status is GoalStatus.ACHIEVED:
        values["day"] = assessment.as_of
        key = "goal.achieved"
    elif status is GoalStatus.SECURED:
        key = "goal.secured"
    elif status is GoalStatus.MISSED:
        key = "goal.missed"
    elif f.get("agreed_days") == 0:  # nothing decided yet: no counted period either
        key = "goal.no_agreement"
    else:
        key = "goal.open"
    return wording.line(key, (status_rule,), **values)


def _reference(reference: str | None) -> str:
    return f" ({reference})" if reference else ""


def _contiguous_lines(goal: MinimumDuration, assessment: Assessment, period: _Period) -> list[Line]:
    f = assessment.figures
    lines = []
    by_id = {agreement.id: agreement for agreement in period.chain}
    for index, piece in enumerate(period.pieces):
        term = piece.term
        agreement = by_id[piece.agreement_id]
        if piece.extension_decided_on is None:
            base: tuple[str, ...] = (T14,) if index else ()
            if agreement.decided_on is None:
                lines.append(
                    wording.line(
                        "goal.agreement_undated",
                        (*base, T15),
                        id=agreement.id,
                        term=term,
                        length=term.length,
                        start=agreement.start,
                    )
                )
            else:
                lines.append(
                    wording.line(
                        "goal.agreement_decided",
                        base,
                        id=agreement.id,
                        term=term,
                        length=term.length,
                        decided=agreement.decided_on,
                        reference=_reference(agreement.reference),
                    )
                )
        else:
            extension = next(
                e for e in agreement.extensions if e.decided_on == piece.extension_decided_on
            )
            lines.append(
                wording.line(
                    "goal.extension",
                    (T8,),
                    id=agreement.id,
                    term=term,
                    length=term.length,
                    decided=extension.decided_on,
                    reference=_reference(extension.reference),
                )
            )
    for previous, following in zip(period.chain, period.chain[1:], strict=False):
        if previous.replaced_by is not None:
            lines.append(
                wording.line(
                    "goal.replaced",
                    (T16,),
                    id=previous.id,
                    by=following.id,
                    start=following.start,
                    last=previous.end,
                )
            )
    if period.terminated_on is not None:
        ended = next((a.termination for a in period.chain if a.termination is not None), None)
        kind = "" if ended is None or ended.kind.value == "notice" else f"_{ended.kind.value}"
        lines.append(wording.line(f"goal.terminated{kind}", (T12,), day=period.terminated_on))
    if period.closed_because is Closed.MAX_EXTENT:
        assert isinstance(assessment.subject, Agreement)
        lines.append(wording.line("goal.max_extent", (T11,), day=assessment.subject.latest_end))
    lines.extend(_left_out_lines(period))
    if any(agreement.decided_on is None for agreement in period.chain):
        lines.append(wording.line("goal.undated", (T15,)))
    counted, agreed = f["counted_period"], f["agreed"]
    assert isinstance(counted, Term)
    lines.append(
        wording.line(
            "goal.counted", (G2,), term=counted, length=agreed, days=wording.Days(f["agreed_days"])
        )
    )
    lines.append(
        wording.line(
            "goal.required",
            (G3, T4, T7),
            length=goal.length,
            start=counted.start,
            threshold=f["threshold"],
        )
    )
    covered = f["covered"]
    assert isinstance(covered, Length)
    if covered.years or covered.months:
        lines.append(
            wording.line(
                "goal.covered",
                (G9,),
                day=assessment.as_of,
                length=covered,
                days=wording.Days(f["covered_days"]),
            )
        )
    else:  # a length of days only: "0 days", not "0 days (0 days)"
        lines.append(
            wording.line(
                "goal.covered_days",
                (G9,),
                day=assessment.as_of,
                days=wording.Days(f["covered_days"]),
            )
        )
    return lines


def _left_out_lines(period: _Period) -> list[Line]:
    """Every agreement left out of the counted period, and why (G2, T14)."""
    lines = []
    previous = period.chain[-1]
    for agreement, why in period.left_out:
        values: dict[str, object] = {"id": agreement.id, "term": agreement.span}
        if why is LeftOut.GAP:
            gap = previous.span.gap_to(agreement.span)
            lines.append(wording.line("goal.left_out_gap", (G2, T14), gap=gap, **values))
        elif why is LeftOut.LATE:
            assert agreement.decided_on is not None
            undecided = trusted_term(
                previous.span.next_start, min(agreement.decided_on.subtract(days=1), agreement.end)
            )
            lines.append(
                wording.line(
                    "goal.left_out_late",
                    (G2, T14),
                    decided=agreement.decided_on,
                    previous=previous.id,
                    end=previous.end,
                    undecided=undecided,
                    **values,
                )
            )
        else:
            lines.append(wording.line("goal.left_out_after", (G2,), **values))
    return lines


def _in_total_lines(assessment: Assessment, detail: InTotal) -> list[Line]:
    f = assessment.figures
    spans, undated = detail.spans, detail.undated
    return [
        *(
            wording.line(
                "goal.agreement_undated",
                (T15,),
                id=agreement.id,
                term=agreement.span,
                length=agreement.span.length,
                start=agreement.start,
            )
            for agreement in undated
        ),
        wording.line(
            "goal.in_total",
            (G2, T14),
            terms=wording.Periods(tuple(spans)),
            days=wording.Days(f["agreed_days"]),
        ),
        wording.line(
            "goal.required_days",
            (G3, T4),
            days=wording.Days(f["required_days"]),
            threshold=f["threshold"],
        ),
        wording.line(
            "goal.covered_days", (G9,), day=assessment.as_of, days=wording.Days(f["covered_days"])
        ),
    ]


def _with_knowledge(
    found: Assessment, known: Agreement | Partnership, knowledge: Date
) -> Assessment:
    """``found`` with its day of knowledge and the rules its decisions rest on: G10 for a
    projection, T15 when an agreement without a decision day is used, T16 for a replacement."""
    extra = []
    if knowledge != found.as_of:
        extra.append(G10)
    if isinstance(known, Agreement):  # one agreement: the hot path, no generators
        undated, replaced = known.decided_on is None, known.replaced_by is not None
    else:
        undated = any(agreement.decided_on is None for agreement in known.agreements)
        replaced = any(agreement.replaced_by is not None for agreement in known.agreements)
    if undated:
        extra.append(T15)
    if replaced:
        extra.append(T16)
    rules = found.rules
    if extra:
        at = rules.index(T13) + 1
        rules = (*rules[:at], *extra, *rules[at:])
    # ``found`` was made just now by the caller and is not shared yet: complete it in place
    # rather than copying it (an assessment per agreement is the hot path, benchmark P1).
    object.__setattr__(found, "rules", rules)
    object.__setattr__(found, "known_on", knowledge)
    return found


def _contiguous_period(
    known: Agreement | Partnership, as_of: Date, length: Length, rounding: Any
) -> _Period:
    """The counted period of G2 and whether it can still grow (G6, G7)."""
    if isinstance(known, Agreement):
        termination = known.termination
        if termination is not None:
            return _Period((known,), False, Closed.TERMINATED, termination.on)
        if known.latest_end is not None and known.latest_end < end_of(
            known.term.start, length, rounding
        ):
            return _Period((known,), False, Closed.MAX_EXTENT, None)
        if known.end <= as_of:
            return _Period((known,), False, Closed.ENDED, None)
        return _Period((known,), True, Closed.OPEN, None)
    chain = [known.agreements[0]]
    left_out: list[tuple[Agreement, LeftOut]] = []
    for following in known.agreements[1:]:
        if left_out:
            left_out.append((following, LeftOut.AFTER))
            continue
        previous = chain[-1]
        adjacent = following.start == previous.span.next_start
        # A replacement (T16) is in time while the agreement it replaces still runs.
        deadline = previous.scheduled_end if following.replaces else previous.end
        in_time = following.decided_on is None or following.decided_on <= deadline  # T15
        if adjacent and in_time:
            chain.append(following)
        else:
            left_out.append((following, LeftOut.GAP if not adjacent else LeftOut.LATE))
    last = chain[-1]
    terminated_on = last.termination.on if last.termination is not None else None
    closed = bool(left_out) or last.end <= as_of
    return _Period(
        tuple(chain),
        not closed,
        Closed.ENDED if closed else Closed.OPEN,
        terminated_on,
        tuple(left_out),
    )


def _day_reaching(spans: list[Term], required_days: int) -> Date | None:
    """The day on which the days of ``spans``, counted in order, reach ``required_days``."""
    remaining = required_days
    for span in spans:
        if span.days >= remaining:
            return Date.fromordinal(span.start.toordinal() + remaining - 1)  # once per call
        remaining -= span.days
    return None
