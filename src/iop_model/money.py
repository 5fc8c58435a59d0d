"""Contributions (insatser): money and in kind from both parties, and rules M1–M5.

Both parties contributing is one of the criteria that tells an IOP from procurement or a
grant: the municipality's yearly grant, the organisation's own contribution (egen insats) in
money, premises, staff or volunteer hours. A :class:`Contribution` records one; the figures
add them up per party and kind, per calendar year or agreement year, as known on a day.

>>> import pendulum
>>> from decimal import Decimal
>>> from iop_model import Contribution, Term
>>> grant = Contribution("public", "money", 1_200_000, Term.year(2024))
>>> hours = Contribution("partner", "volunteer_hours", 2_000, Term.year(2024))
>>> f = figures([grant, hours], Term.year(2024), hour_rate=Decimal(300))
>>> f.total("public", "money"), f.own_value, f.own_share
(Fraction(1200000, 1), Fraction(600000, 1), Fraction(1, 3))
>>> half = figures([grant], Term(pendulum.date(2024, 1, 1), pendulum.date(2024, 6, 30)))
>>> half.total("public", "money")  # 182 of the grant's 366 days (M4)
Fraction(36400000, 61)
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any, Final, TypedDict

import attrs
import pendulum

from iop_model._validators import optional_day, optional_text
from iop_model.errors import IOPError
from iop_model.rules import UDDEVALLA_AGREEMENT_CONTENTS as _UDDEVALLA
from iop_model.rules import rule
from iop_model.terms.term import Term, TermDict, calendar_day, fraction_text

__all__ = [
    "MAX_AMOUNT",
    "Contribution",
    "ContributionKind",
    "Contributor",
    "MoneyError",
    "MoneyFigures",
    "figures",
]

Date = pendulum.Date

#: The largest amount accepted: every JSON reader reads integers up to 2**53 - 1 exactly.
MAX_AMOUNT: Final = 2**53 - 1


class MoneyError(IOPError):
    """A contribution breaks an M rule."""


class Contributor(enum.StrEnum):
    """Who contributes: the public party or the idea-based organisation (the partner)."""

    PUBLIC = "public"
    PARTNER = "partner"


class ContributionKind(enum.StrEnum):
    """What is contributed. Everything but volunteer hours is valued in a currency."""

    MONEY = "money"
    PREMISES = "premises"
    STAFF = "staff"
    VOLUNTEER_HOURS = "volunteer_hours"
    OTHER = "other"


_CURRENCY: Final = re.compile(r"[A-Z]{3}")
_DECIMAL_TEXT: Final = re.compile(r"[0-9]{1,16}(\.[0-9]{1,2})?")


# --- M1 Exact amounts ---------------------------------------------------------------------------
M1 = rule(
    "M1",
    "Exact amounts",
    "An amount is exact: a whole number, a Decimal or decimal text with at most two decimals, "
    "never a float; it is at least 0 and at most 2**53 - 1. Money and in-kind values carry an "
    "ISO 4217 currency code (SEK by default); volunteer hours carry none.",
    "Ett belopp är exakt: ett heltal, ett Decimal eller decimaltext med högst två decimaler, "
    "aldrig ett flyttal; det är minst 0 och högst 2**53 - 1. Pengar och värden i natura har en "
    "valutakod enligt ISO 4217 (SEK som standard); ideella timmar har ingen.",
    "The library's own rule: money is never rounded twice (A1); ISO 4217 currency codes; "
    "2**53 - 1 is the largest integer every JSON reader keeps exact.",
)


def _amount(value: object) -> Decimal:
    """``value`` as an exact, bounded amount (M1)."""
    if isinstance(value, (bool, float)):
        raise MoneyError(
            "an amount is exact: an int, a Decimal or decimal text, never a float",
            rule=M1,
            field="amount",
            value=value,
        )
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, Decimal):
        amount = value
    elif isinstance(value, str) and _DECIMAL_TEXT.fullmatch(value):
        amount = Decimal(value)
    else:
        raise MoneyError(
            "an amount is an int, a Decimal or decimal text such as '1200000.50'",
            rule=M1,
            field="amount",
            value=value,
        )
    try:
        ok = amount.is_finite() and 0 <= amount <= MAX_AMOUNT
    except InvalidOperation:  # pragma: no cover - a signalling NaN
        ok = False
    if not ok:
        raise MoneyError(
            f"an amount is at least 0 and at most {MAX_AMOUNT}",
            rule=M1,
            field="amount",
            value=value,
        )
    if amount != amount.quantize(Decimal("0.01")):
        raise MoneyError(
            "an amount has at most two decimals (öre)", rule=M1, field="amount", value=value
        )
    return amount


def _member(kind: type[enum.StrEnum], field: str, value: object) -> Any:
    for member in kind:
        if value is member or value == member.value:
            return member
    allowed = ", ".join(repr(m.value) for m in kind)
    raise MoneyError(f"expected one of {allowed}", rule=M1, field=field, value=value)


def _by(value: Contributor | str) -> Contributor:
    member: Contributor = _member(Contributor, "by", value)
    return member


def _kind(value: ContributionKind | str) -> ContributionKind:
    member: ContributionKind = _member(ContributionKind, "kind", value)
    return member


def _optional_amount(value: Decimal | int | str | None) -> Decimal | None:
    return None if value is None else _amount(value)


#: The periods an amount can be given per: each calendar year, or each agreement year.
PER: Final = ("year", "agreement-year")


def _per(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and value not in PER:
        raise MoneyError(
            "an amount is per 'year' (each calendar year) or per 'agreement-year' (each 12 "
            "months from the contribution's first day), or leave 'per' out for the whole period",
            rule=M4,
            field=attribute.name,
            value=value,
        )


def _flag(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not bool:
        raise MoneyError("expected true or false", field=attribute.name, value=value)


def _term(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Term):
        raise MoneyError(
            f"expected a Term, got {type(value).__name__}", field=attribute.name, value=value
        )


@attrs.frozen
class Contribution:
    """A contribution (insats) ``by`` the public party or the partner, of a ``kind``, for a
    ``period`` (within the agreement's days in force, M2).

    ``amount`` is exact (M1): money in ``currency``, in-kind contributions valued in it, or a
    number of volunteer hours (no currency); ``None`` with a ``description`` for a
    contribution that is described but not valued (shown as such, never as 0).
    ``approximate`` marks an amount the source gives roughly ("cirka 1,7 miljoner kronor"):
    every sum that includes it is said to be approximate. ``per`` is ``"year"`` for an amount
    per calendar year of the period ("650 000 kr per år") or ``"agreement-year"`` per 12
    months from its first day; part years count by their share of days (M4). ``decided_on``
    is the day of the decision behind it; without one it counts as known from the decision
    of the agreement or extension it belongs to (M3). ``reference`` and ``document`` say
    where it is recorded. With several parties (P2), ``party`` names the party that
    contributes and ``to`` the partner that receives a public contribution; in a file,
    ``by`` may name the party itself (``by = "Fryshuset"``).
    """

    by: Contributor = attrs.field(converter=_by)
    kind: ContributionKind = attrs.field(converter=_kind)
    amount: Decimal | None = attrs.field(converter=_optional_amount)
    period: Term = attrs.field(validator=_term)
    currency: str = attrs.field(default="SEK")
    description: str | None = attrs.field(
        default=None, validator=optional_text(MoneyError, long=True)
    )
    reference: str | None = attrs.field(default=None, validator=optional_text(MoneyError))
    decided_on: Date | None = attrs.field(default=None, validator=optional_day)
    document: str | None = attrs.field(default=None, validator=optional_text(MoneyError))
    per: str | None = attrs.field(default=None, validator=_per)
    approximate: bool = attrs.field(default=False, validator=_flag)
    party: str | None = attrs.field(default=None, validator=optional_text(MoneyError))
    to: str | None = attrs.field(default=None, validator=optional_text(MoneyError))

    def __attrs_post_init__(self) -> None:
        if self.amount is None and not self.description:
            raise MoneyError(
                "a contribution without an amount (not valued) says what it is in its description",
                rule=M1,
                field="amount",
                value=None,
            )
        if self.amount is None and (self.per is not None or self.approximate):
            raise MoneyError(
                "only an amount is per year or approximate; this contribution is not valued",
                rule=M1,
                field="per" if self.per is not None else "approximate",
                value=self.per if self.per is not None else self.approximate,
            )
        if self.to is not None and self.by is not Contributor.PUBLIC:
            from iop_model.parties import P2

            raise MoneyError(
                "only a public contribution has a receiving partner (to); a partner's own "
                "contribution names its party instead",
                rule=P2,
                field="to",
                value=self.to,
            )
        if not isinstance(self.currency, str) or not _CURRENCY.fullmatch(self.currency):
            raise MoneyError(
                "a currency is an ISO 4217 code of three capital letters, such as 'SEK'",
                rule=M1,
                field="currency",
                value=self.currency,
            )
        if self.is_hours and self.currency != "SEK":
            raise MoneyError(
                "volunteer hours carry no currency; value them with an hour rate instead",
                rule=M1,
                field="currency",
                value=self.currency,
            )

    @property
    def is_hours(self) -> bool:
        """Whether the amount is a number of volunteer hours, not a value in a currency."""
        return self.kind is ContributionKind.VOLUNTEER_HOURS

    @property
    def unit(self) -> str:
        """``"hours"`` for volunteer hours, else the currency code."""
        return "hours" if self.is_hours else self.currency

    @property
    def known_from(self) -> Date:
        """The day it counts as known from itself alone: its decision day, else its period's
        first day. With its agreement, :meth:`Agreement.contribution_known_from
        <iop_model.terms.agreement.Agreement.contribution_known_from>` applies M3 in full."""
        return self.period.start if self.decided_on is None else self.decided_on

    @property
    def is_valued(self) -> bool:
        """Whether it has an amount (a contribution described but not valued has none)."""
        return self.amount is not None

    def total(self) -> Fraction:
        """The whole amount over its period: the amount itself, or per year the amount for
        each year (part years by their share of days, M4); 0 when not valued."""
        return share_in(self, self.period)


# --- M2 Within the agreement --------------------------------------------------------------------
M2 = rule(
    "M2",
    "Within the agreement",
    "A contribution's period lies within the days in force of the agreement it belongs to.",
    "En insats period ligger inom giltighetstiden för det avtal den hör till.",
    "The finances are part of every IOP agreement (" + _UDDEVALLA + "); that a contribution "
    "lies within the agreement's term is the library's modelling choice, the same as A2.",
)


def check_within(contributions: Iterable[Contribution], span: Term, field: str) -> None:
    """Raise :class:`MoneyError` when a contribution lies outside ``span`` (M2)."""
    for index, contribution in enumerate(contributions):
        period = contribution.period
        if period.start < span.start or period.end > span.end:
            raise MoneyError(
                f"the contribution's period {period} lies outside the agreement's days in "
                f"force {span}",
                rule=M2,
                field=f"{field}[{index}].period",
                value=period,
            )


# --- M3 Known ---------------------------------------------------------------------------------
M3 = rule(
    "M3",
    "Contribution known",
    "A contribution counts as known, and as granted, from the day of its own decision "
    "(decided_on); without one, from the decision of the agreement or extension whose term "
    "its period needs (the latest of them); without any decision day, from its period's "
    "first day (T15). As of a day only contributions known then count (T13).",
    "En insats räknas som känd, och som beviljad, från dagen för beslutet om den (decided_on); "
    "utan en sådan dag från beslutet om det avtal eller den förlängning vars avtalstid dess "
    "period behöver (det senaste av dem); utan någon beslutsdag från periodens första dag "
    "(T15). Per en dag räknas bara insatser som var kända då (T13).",
    "T13 and T15 applied to contributions. Real multi-year agreements decide every year's "
    "money in the agreement's one decision (Kalmar kommun, socialnämnden 2021: 650 000 and "
    "350 000 kr a year for 2022-2024); the de minimis regulations count aid as granted when "
    "the legal right to it arises (Regulation (EU) 2023/2831, recital 10 and Art. 3(4)).",
)


# --- M4 Counting for a period -------------------------------------------------------------------
M4 = rule(
    "M4",
    "Counting for a period",
    "A contribution counts for a period by the share of its days that fall in the period, "
    "exactly (days in both / days of the contribution); an amount per year counts, for each "
    "calendar year (or agreement year) of its period, by the share of that year's days that "
    "fall in both (days in all three / days of the year). Shares are never rounded, so the "
    "figures of any split of a period add up to the whole.",
    "En insats räknas för en period med den andel av dess dagar som ligger i perioden, exakt "
    "(dagar i båda / insatsens dagar); ett belopp per år räknas, för varje kalenderår (eller "
    "avtalsår) i dess period, med den andel av årets dagar som ligger i båda (dagar i alla "
    "tre / årets dagar). Andelarna avrundas aldrig, så nyckeltalen för varje uppdelning av en "
    "period summerar till helheten.",
    "The library's modelling choice: a yearly grant for July–June belongs to two calendar "
    "years in proportion to its days, and '650 000 kr per år' for July–December is half a "
    "year's amount by days. Amounts for state-aid flags count on the decision day instead "
    "(F2, F3).",
)


def share_in(contribution: Contribution, period: Term) -> Fraction:
    """The part of ``contribution``'s amount that counts for ``period`` (M4); 0 when it is
    not valued."""
    amount = contribution.amount
    if amount is None:
        return Fraction(0)
    both = contribution.period.intersection(period)
    if both is None:
        return Fraction(0)
    if contribution.per is None:
        return Fraction(amount) * both.days / contribution.period.days
    total = Fraction(0)
    for year in _years(contribution):
        inside = year.intersection(both)
        if inside is not None:
            total += Fraction(amount) * inside.days / year.days
    return total


def _years(contribution: Contribution) -> list[Term]:
    """The whole calendar years, or agreement years from its first day, that its period
    touches (not cut: a part year counts by its share of the whole year's days)."""
    span = contribution.period
    if contribution.per == "year":
        return [Term.year(year) for year in range(span.start.year, span.end.year + 1)]
    years, start, index = [], span.start, 0
    while start <= span.end:
        year = Term.starting(span.start, years=index + 1)
        years.append(Term(start, year.end))
        start, index = year.next_start, index + 1
    return years


# --- M5 Own contribution ------------------------------------------------------------------------
M5 = rule(
    "M5",
    "Own contribution",
    "The partner's own contribution is everything the partner contributes, valued in the "
    "currency: money and in-kind values, and volunteer hours times an hour rate the caller "
    "gives (never a default); its share is that value over both parties' values. Without a "
    "rate, hours are shown apart and left out of the share.",
    "Den idéburna partens egen insats är allt som parten bidrar med, värderat i valutan: "
    "pengar och värden i natura samt ideella timmar gånger ett timvärde som anroparen anger "
    "(aldrig ett standardvärde); andelen är det värdet delat med båda parternas värden. Utan "
    "timvärde visas timmarna för sig och räknas inte in i andelen.",
    "The common IOP criteria: both parties contribute resources (Malmö stad, 'IOP - Idéburet "
    "offentligt partnerskap', malmo.se); valuing hours at a rate the caller gives is the "
    "library's modelling choice.",
)


class TotalDict(TypedDict):
    """One total of :meth:`MoneyFigures.to_dict`: a party's kind of contribution."""

    by: str
    kind: str
    unit: str
    amount: str


class NotValuedDict(TypedDict):
    """A contribution described but not valued."""

    by: str
    kind: str
    description: str


class MoneyFiguresDict(TypedDict):
    """:meth:`MoneyFigures.to_dict`: exact amounts as text."""

    period: TermDict
    known_on: str | None
    totals: list[TotalDict]
    hour_rate: str | None
    currency: str | None
    public_value: str | None
    own_value: str | None
    own_share: str | None
    contributions: int
    approximate: bool
    not_valued: list[NotValuedDict]
    rules: list[str]


@attrs.frozen
class MoneyFigures:
    """Contributions counted for ``period`` as known on ``known_on`` (M3, M4).

    ``totals`` maps ``(by, kind, unit)`` to an exact amount; ``own_value`` and
    ``public_value`` are the valued totals in ``currency`` (M5), ``own_share`` the partner's
    share (``None`` when nothing is valued, or when several currencies are mixed);
    ``approximate`` that a sum rests on a rough amount; ``not_valued`` the contributions
    described but not valued (left out of every sum and the share, never counted as 0).
    """

    period: Term
    known_on: Date | None
    totals: Mapping[tuple[str, str, str], Fraction]
    hour_rate: Decimal | None
    currency: str | None
    public_value: Fraction | None
    own_value: Fraction | None
    own_share: Fraction | None
    contributions: int
    #: Whether a sum rests on an amount the source gives roughly (``approximate``).
    approximate: bool = False
    #: The contributions described but not valued: (by, kind, description) each.
    not_valued: tuple[tuple[str, str, str], ...] = ()

    def total(self, by: str, kind: str) -> Fraction:
        """The total of one party and kind, in its unit (0 when there is none)."""
        return sum(
            (amount for (b, k, _), amount in self.totals.items() if b == by and k == kind),
            Fraction(0),
        )

    def to_dict(self) -> MoneyFiguresDict:
        """Plain data: exact amounts as text (``"600000"``, ``"54600000/91"``)."""
        return {
            "period": self.period.to_dict(),
            "known_on": None if self.known_on is None else self.known_on.isoformat(),
            "totals": [
                {"by": b, "kind": k, "unit": u, "amount": fraction_text(v)}
                for (b, k, u), v in sorted(self.totals.items())
            ],
            "hour_rate": None if self.hour_rate is None else str(self.hour_rate),
            "currency": self.currency,
            "public_value": _exact(self.public_value),
            "own_value": _exact(self.own_value),
            "own_share": _exact(self.own_share),
            "contributions": self.contributions,
            "approximate": self.approximate,
            "not_valued": [
                {"by": by, "kind": kind, "description": description}
                for by, kind, description in self.not_valued
            ],
            "rules": [M3, M4, M5],
        }


def _exact(value: Fraction | None) -> str | None:
    return None if value is None else fraction_text(value)


def figures(
    contributions: Iterable[Contribution],
    period: Term,
    *,
    known_on: Date | None = None,
    hour_rate: Decimal | int | None = None,
) -> MoneyFigures:
    """The contributions counted for ``period`` (M4), as known on ``known_on`` (M3), with
    volunteer hours valued at ``hour_rate`` when given (M5)."""
    if not isinstance(period, Term):
        raise MoneyError("a period is a Term", field="period", value=period)
    knowledge = None if known_on is None else calendar_day(known_on, "known_on")
    rate = None if hour_rate is None else _rate(hour_rate)
    totals: dict[tuple[str, str, str], Fraction] = {}
    counted = 0
    currencies: set[str] = set()
    unvalued: list[tuple[str, str, str]] = []
    approximate = False
    for contribution in contributions:
        if knowledge is not None and contribution.known_from > knowledge:
            continue  # decided later (M3, T13)
        part = share_in(contribution, period)
        if contribution.period.intersection(period) is None:
            continue
        counted += 1
        if not contribution.is_valued:  # described, not valued: shown apart, never as 0
            unvalued.append(
                (contribution.by.value, contribution.kind.value, contribution.description or "")
            )
            continue
        approximate = approximate or contribution.approximate
        key = (contribution.by.value, contribution.kind.value, contribution.unit)
        totals[key] = totals.get(key, Fraction(0)) + part
        if not contribution.is_hours:
            currencies.add(contribution.currency)
    currency = next(iter(currencies)) if len(currencies) == 1 else None
    public = own = share = None
    if len(currencies) <= 1:
        public = sum(
            (v for (b, k, _), v in totals.items() if b == "public" and k != "volunteer_hours"),
            Fraction(0),
        )
        own = sum(
            (v for (b, k, _), v in totals.items() if b == "partner" and k != "volunteer_hours"),
            Fraction(0),
        )
        hours = sum(
            (v for (b, k, _), v in totals.items() if k == "volunteer_hours" and b == "partner"),
            Fraction(0),
        )
        public_hours = sum(
            (v for (b, k, _), v in totals.items() if k == "volunteer_hours" and b == "public"),
            Fraction(0),
        )
        if rate is not None:
            own += hours * Fraction(rate)
            public += public_hours * Fraction(rate)
        valued = public + own
        share = own / valued if valued else None
    return MoneyFigures(
        period,
        knowledge,
        totals,
        rate,
        currency,
        public,
        own,
        share,
        counted,
        approximate,
        tuple(unvalued),
    )


def _rate(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise MoneyError(
            "an hour rate is an int or a Decimal in the contributions' currency",
            rule=M5,
            field="hour_rate",
            value=value,
        )
    rate = Decimal(value)
    if not rate.is_finite() or rate < 0:
        raise MoneyError("an hour rate is at least 0", rule=M5, field="hour_rate", value=value)
    return rate
