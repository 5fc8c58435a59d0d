"""Advisory flags (F rules, ``iop_model.flags``): signals for a person to look at, never verdicts.

Each flag says what it checks, its source, the figures behind it, and that the legal
judgement is outside the library. Thresholds that change over time are **dated parameters**,
each value with the day it took effect and its source (as OpenFisca stores parameters); the
value in force on the day of each decision is used. Amounts in SEK are converted to EUR at a
rate the caller gives; without one, a flag that needs it says so instead of guessing.

>>> import pendulum
>>> from iop_model import Agreement, Contribution, IdeaBasedParty, PublicParty, Term
>>> a = Agreement("a", PublicParty("Exempelstad"), IdeaBasedParty("Föreningen"), Term.year(2024),
...               decided_on=pendulum.date(2023, 12, 1),
...               contributions=[Contribution("public", "money", 4_000_000, Term.year(2024))])
>>> [(f.id, f.raised) for f in flags(a, pendulum.date(2024, 6, 1), eur_rate=11)]
[('F1', True), ('F2', True), ('F5', True), ('F6', True)]
>>> [(f.id, f.raised) for f in flags(a, pendulum.date(2024, 6, 1))][1]
('F2', None)
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final, TypedDict

import attrs
import pendulum

from iop_model import wording
from iop_model.errors import IOPError
from iop_model.explain import Lang, Line, check_lang, render
from iop_model.money import Contribution
from iop_model.rules import UDDEVALLA_AGREEMENT_CONTENTS as _UDDEVALLA
from iop_model.rules import rule
from iop_model.terms.agreement import Agreement, Partnership
from iop_model.terms.term import (
    T11,
    T13,
    Length,
    Rounding,
    _plus_days,
    calendar_day,
    corresponding_day,
    fraction_text,
    lasts_at_least,
    length_of,
    trusted_term,
)

__all__ = [
    "DE_MINIMIS",
    "ENTRUSTMENT_YEARS",
    "SGEI_DE_MINIMIS",
    "DatedValue",
    "Flag",
    "Parameter",
    "flags",
    "known_flags",
]

if TYPE_CHECKING:
    from iop_model.case import KnownCase

Date = pendulum.Date
D = pendulum.date


@attrs.frozen
class DatedValue:
    """A value in force from ``since`` (and, if given, until ``until``), with its source."""

    since: Date
    value: Decimal
    source: str
    until: Date | None = None
    source_sv: str | None = None


@attrs.frozen
class Parameter:
    """A threshold that changes over time: its values by the day they took effect."""

    key: str
    unit: str
    values: tuple[DatedValue, ...]

    def on(self, day: Date) -> DatedValue | None:
        """The value in force on ``day``, or ``None`` when none is."""
        for value in reversed(self.values):
            if value.since <= day and (value.until is None or day <= value.until):
                return value
        return None


#: De minimis ceiling for one undertaking over three years (EUR).
DE_MINIMIS: Final = Parameter(
    "de_minimis_ceiling",
    "EUR",
    (
        DatedValue(
            D(2014, 1, 1),
            Decimal(200_000),
            "Regulation (EU) No 1407/2013, Art. 3(2): EUR 200,000 over three fiscal years",
            D(2023, 12, 31),
            "förordning (EU) nr 1407/2013, artikel 3.2: 200 000 euro under tre beskattningsår",
        ),
        DatedValue(
            D(2024, 1, 1),
            Decimal(300_000),
            "Regulation (EU) 2023/2831, Art. 3(2): EUR 300,000 over any period of three years",
            D(2030, 12, 31),
            "förordning (EU) 2023/2831, artikel 3.2: 300 000 euro under varje period om tre år",
        ),
    ),
)
#: De minimis ceiling for services of general economic interest over three years (EUR).
SGEI_DE_MINIMIS: Final = Parameter(
    "sgei_de_minimis_ceiling",
    "EUR",
    (
        DatedValue(
            D(2012, 4, 29),
            Decimal(500_000),
            "Regulation (EU) No 360/2012, Art. 2(2): EUR 500,000 over three fiscal years",
            D(2023, 12, 31),
            "förordning (EU) nr 360/2012, artikel 2.2: 500 000 euro under tre beskattningsår",
        ),
        DatedValue(
            D(2024, 1, 1),
            Decimal(750_000),
            "Regulation (EU) 2023/2832, Art. 2(2): EUR 750,000 over any period of three years",
            D(2030, 12, 31),
            "förordning (EU) 2023/2832, artikel 2.2: 750 000 euro under varje period om tre år",
        ),
    ),
)
#: The longest entrustment period Decision 2012/21/EU normally allows (years).
ENTRUSTMENT_YEARS: Final = Parameter(
    "sgei_entrustment_years",
    "years",
    (
        DatedValue(
            D(2012, 1, 31),
            Decimal(10),
            "Commission Decision 2012/21/EU, Art. 2(2): entrustment normally at most 10 years",
            None,
            "kommissionens beslut 2012/21/EU, artikel 2.2: uppdraget normalt högst tio år",
        ),
    ),
)


F1 = rule(
    "F1",
    "No maximum extent",
    "Flag an agreement in force, as known, that has no maximum extent: it could be extended "
    "without a stated end.",
    "Flagga ett gällande avtal, så som det är känt, som saknar yttersta slutdag: det skulle "
    "kunna förlängas utan angivet slut.",
    "A risk signal, not law: the Alingsås agreement (HFD 2020 ref. 15) could be extended "
    "without a stated limit, but the court's ground was services for economic consideration. "
    "OCDS maxExtentDate; T11.",
)
F2 = rule(
    "F2",
    "De minimis ceiling",
    "Flag when the public party's contributions valued in money, each counted on its decision "
    "day (a multi-year award whole, on the day of its decision, M3), add up over the three "
    "years ending on any such day to more than the de minimis ceiling in force on that day, "
    "converted at the caller's rate (kronor per euro), per partner. Without a rate, amounts "
    "in kronor that stay below the ceiling even at one krona per euro are judged not raised; "
    "otherwise the flag says it cannot be judged. The sum is a lower bound: de minimis aid "
    "from every other grantor to the same undertaking counts too, and the files hold none.",
    "Flagga när den offentliga partens insatser värderade i pengar, var och en räknad på sin "
    "beslutsdag (ett flerårigt stöd i sin helhet, på beslutsdagen, M3), under de tre år som "
    "slutar en sådan dag summerar till mer än det de minimis-tak som gällde den dagen, "
    "omräknat med användarens kurs (kronor per euro), per idéburen part. Utan kurs bedöms "
    "belopp i kronor som understiger taket även med en krona per euro som inte uppfyllda; "
    "annars säger signalen att den inte kan bedömas. Summan är en nedre gräns: stöd av mindre "
    "betydelse från alla andra givare till samma företag räknas också, och filerna har inga "
    "sådana uppgifter.",
    "Regulation (EU) No 1407/2013 (EUR 200,000, until 2023-12-31) and Regulation (EU) "
    "2023/2831 (EUR 300,000, from 2024-01-01): aid counts as granted when the legal right to "
    "it arises. Rolling three years for both is the library's (cautious) modelling choice.",
)
F3 = rule(
    "F3",
    "SGEI de minimis ceiling",
    "Flag as F2, with the de minimis ceiling for services of general economic interest.",
    "Flagga som F2, med de minimis-taket för tjänster av allmänt ekonomiskt intresse.",
    "Regulation (EU) No 360/2012 (EUR 500,000, until 2023-12-31) and Regulation (EU) "
    "2023/2832 (EUR 750,000, from 2024-01-01).",
)
F4 = rule(
    "F4",
    "Entrustment over ten years",
    "Flag a partnership whose entrustment, from its first day to the last agreement's maximum "
    "extent (or, without one, its end), is longer than ten years.",
    "Flagga ett partnerskap vars uppdrag, från första dagen till det sista avtalets yttersta "
    "slutdag (eller, utan en sådan, dess slutdag), är längre än tio år.",
    "Commission Decision 2012/21/EU of 20 December 2011, Art. 2(2): the Decision applies only "
    "where the period of entrustment does not exceed ten years, or, beyond ten years, to the "
    "extent that a significant investment by the provider needs to be amortised over a "
    "longer period under generally accepted accounting principles. The files hold no "
    "investment, so the flag cannot see the exception: a person judges it.",
)
F5 = rule(
    "F5",
    "No own contribution",
    "Flag a partnership in which no contribution by the partner is recorded, as known.",
    "Flagga ett partnerskap där ingen insats från den idéburna parten är registrerad, så som "
    "det är känt.",
    "The common IOP criteria: both parties contribute resources (Malmö stad, 'IOP - Idéburet "
    "offentligt partnerskap', https://malmo.se/Social---familjefragor/Organisationsstod/"
    "IOP-Ideburet-Offentligt-Partnerskap.html: the agreement states the resources each party "
    "contributes). Flagging their absence is the library's own choice.",
)
F6 = rule(
    "F6",
    "Public money without a reporting duty",
    "Flag an agreement in force, as known, with public contributions and no reporting duty.",
    "Flagga ett gällande avtal, så som det är känt, med offentliga insatser men utan "
    "redovisningsskyldighet.",
    "The library's own choice: public money is followed up (a committee sees to it that its "
    "activity follows the council's goals and that its internal control is sufficient, 6 kap. "
    "6 § kommunallagen (2017:725)); every IOP agreement says how the partnership is followed "
    "up (" + _UDDEVALLA + "); D6.",
)


class FlagDict(TypedDict):
    """:meth:`Flag.to_dict`: a flag as plain data, with its explanation in both languages."""

    id: str
    raised: bool | None
    rules: list[str]
    figures: dict[str, object]
    explanation: dict[str, str]


F7 = rule(
    "F7",
    "Decided after the term began",
    "Flag an agreement or extension, as known, decided after the first day of the term it "
    "adds: its first days ran without a decision.",
    "Flagga ett avtal eller en förlängning, så som det är känt, som beslutades efter första "
    "dagen i den avtalstid det ger: de första dagarna löpte utan beslut.",
    "The library's own signal (a decision after the start may be a retroactive grant, which "
    "a committee may want to see; a real case: Kramfors kommun, kommunstyrelsen 2023-05-16, "
    "for an IOP of 2023-2025, news item 2023-05-23, https://www.kramfors.se/nyheter/nyheter/"
    "kommun--demokrati/kommun--demokrati/2023-05-23-kramfors-kommun-ingar-partnerskap-med-"
    "kvinnojour.html). G2 and days_without_decision count such days for follow-on "
    "agreements.",
)


@attrs.frozen
class Flag:
    """An advisory flag: ``raised`` is ``True``, or ``None`` when it cannot tell without an
    input (an exchange rate, a ceiling in force). ``figures`` hold the numbers behind it."""

    id: str
    raised: bool | None
    rules: tuple[str, ...]
    lines: tuple[Line, ...]
    figures: dict[str, object]

    def explain(self, lang: Lang = "sv") -> str:
        """What the flag checks, the figures, and that the judgement is a person's."""
        return render(self.lines, check_lang(lang))

    def to_dict(self) -> FlagDict:
        """Plain data (JSON types only)."""
        return {
            "id": self.id,
            "raised": self.raised,
            "rules": list(self.rules),
            "figures": self.figures,
            "explanation": {"sv": self.explain("sv"), "en": self.explain("en")},
        }


def _outside() -> Line:
    return wording.line("flag.outside")


def flags(
    subject: Agreement | Partnership,
    as_of: Date,
    eur_rate: Decimal | int | None = None,
    *,
    known_on: Date | None = None,
    tested: bool = False,
) -> list[Flag]:
    """The flags raised for ``subject`` as of the end of ``as_of``, as known on ``known_on``
    (default: ``as_of``; T13, G10), and the ones that need an input to tell (``raised is
    None``). ``eur_rate`` is SEK per EUR. The subject is projected first, then judged.
    ``tested`` adds every flag that was tested and not raised (``raised is False``), with
    what was found ("F2 tested: at most 253 275 EUR of 300 000 EUR")."""
    as_of = calendar_day(as_of, "as_of")
    knowledge = as_of if known_on is None else calendar_day(known_on, "known_on")
    if knowledge > as_of:
        from iop_model.goals import check_known_on

        check_known_on(as_of, knowledge)  # raises (G10)
    rate = _rate(eur_rate)
    if not isinstance(subject, (Agreement, Partnership)):
        raise IOPError(
            f"flags are raised for an Agreement or a Partnership, not {type(subject).__name__}",
            field="subject",
            value=subject,
        )
    if not subject.known_on(knowledge):
        return []
    known = subject.as_known_on(knowledge)
    agreements = known.agreements if isinstance(known, Partnership) else (known,)
    return _flags(agreements, as_of, knowledge, rate, tested)


def known_flags(
    known: KnownCase, as_of: Date, eur_rate: Decimal | int | None = None, tested: bool = False
) -> list[Flag]:
    """The flags of a case as known (:meth:`Case.as_known_on
    <iop_model.case.Case.as_known_on>`) as of the end of ``as_of``; ``tested`` as for
    :func:`flags`."""
    if known.partnership is None:
        return []
    return _flags(known.partnership.agreements, as_of, known.known_on, _rate(eur_rate), tested)


#: The least number of kronor a euro has been worth (it has never been below 7): an amount in
#: kronor below a ceiling in euro counted one to one can never reach it, whatever the rate.
_FLOOR_RATE: Final = Decimal(1)


def _flags(
    agreements: tuple[Agreement, ...],
    as_of: Date,
    knowledge: Date,
    rate: Decimal | None,
    tested: bool = False,
) -> list[Flag]:
    """The flags of agreements as known on ``knowledge``, judged as of ``as_of``: whatever
    they hold was known; what is in force is judged on ``as_of``."""
    found: list[Flag] = []
    found.extend(_f1(agreements, as_of))
    by_partner = _aid_by_partner(agreements)
    several = any(len(a.partners) > 1 for a in agreements)
    for rule_id, parameter in ((F2, DE_MINIMIS), (F3, SGEI_DE_MINIMIS)):
        public = [aid for aids in by_partner.values() for aid in aids]
        if public and rate is None and all(c.currency == "SEK" for _, c in public):
            # without a rate, amounts that cannot reach the ceiling even at 1 kr per euro
            below = [
                _ceiling(rule_id, parameter, aids, _FLOOR_RATE, None, tested=True)
                for aids in by_partner.values()
            ]
            if all(flag and flag[0].raised is False for flag in below):
                if tested:
                    found.extend(_any_rate(rule_id, flag[0]) for flag in below)
                continue
        if not public or any(_in_eur(c, rate) is None for _, c in public):
            found.extend(_ceiling(rule_id, parameter, public, rate))  # cannot tell, once
            continue
        for partner, aids in by_partner.items():
            found.extend(
                _ceiling(
                    rule_id, parameter, aids, rate, partner if several else None, tested=tested
                )
            )
    found.extend(_f4(agreements))
    if not any(c.by.value == "partner" for a in agreements for c in a.contributions):
        found.append(
            Flag(
                "F5",
                True,
                (F5, T13),
                (
                    wording.line("flag.F5", (F5, T13), day=knowledge),
                    _outside(),
                ),
                {},
            )
        )
    found.extend(_f7(agreements))
    for agreement in agreements:
        if (
            agreement.end >= as_of
            and agreement.reporting is None
            and any(c.by.value == "public" for c in agreement.contributions)
        ):
            found.append(
                Flag(
                    "F6",
                    True,
                    (F6,),
                    (
                        wording.line("flag.F6", (F6,), id=agreement.id),
                        _outside(),
                    ),
                    {"agreement": agreement.id},
                )
            )
    if tested:
        seen = {flag.id for flag in found}
        found.extend(
            Flag(
                rule_id,
                False,
                (rule_id,),
                (wording.line(f"flag.tested.{rule_id}", (rule_id,)),),
                {},
            )
            for rule_id in ("F1", "F4", "F5", "F6", "F7")
            if rule_id not in seen
        )
        found.sort(key=lambda flag: int(flag.id[1:]))
    return found


def _any_rate(rule_id: str, below: Flag) -> Flag:
    """F2 or F3 decided without a rate: the kronor stay below the ceiling in euro even at
    one krona per euro."""
    figures = dict(below.figures)
    figures["eur_rate"] = None
    return Flag(
        rule_id,
        False,
        (rule_id,),
        (
            wording.line(
                "flag.ceiling_any_rate",
                (rule_id,),
                total=Fraction(str(figures["total_eur"])),
                ceiling=int(str(figures["ceiling_eur"])),
            ),
        ),
        figures,
    )


def _rate(value: object) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise IOPError(
            "an exchange rate is SEK per EUR as an int or a Decimal (never a float)",
            field="eur_rate",
            value=value,
        )
    rate = Decimal(value)
    if not rate.is_finite() or rate <= 0:
        raise IOPError("an exchange rate is above 0", field="eur_rate", value=value)
    return rate


def _aid_by_partner(
    agreements: Iterable[Agreement],
) -> dict[str, list[tuple[Date, Contribution]]]:
    """The public contributions valued in money, each on the day it was granted (M3), by the
    partner that receives it (the de minimis ceilings are per undertaking): its ``to``, or
    with one partner that partner; a contribution to several partners jointly counts for
    each of them, the cautious reading (P2)."""
    found: dict[str, list[tuple[Date, Contribution]]] = {}
    for agreement in agreements:
        names = [partner.name for partner in agreement.partners]
        for contribution in agreement.contributions:
            if contribution.by.value != "public" or contribution.is_hours:
                continue
            if not contribution.is_valued:
                continue
            aid = (_granted_on(agreement, contribution), contribution)
            for name in [contribution.to] if contribution.to is not None else names:
                found.setdefault(name, []).append(aid)
    return found


def _granted_on(agreement: Agreement, contribution: Contribution) -> Date:
    """The day the aid counts as granted: the day the right to it arose, the decision behind
    it (M3): the contribution's own, else its agreement's or extension's."""
    return agreement.contribution_known_from(contribution)


def _f7(agreements: Iterable[Agreement]) -> list[Flag]:
    """F7: an agreement or extension decided after its term's first day."""
    found = []
    for agreement in agreements:
        late = []
        if agreement.decided_on is not None and agreement.decided_on > agreement.start:
            late.append((agreement.decided_on, agreement.start, "agreement"))
        for term, extension in zip(agreement.terms[1:], agreement.extensions, strict=False):
            if extension.decided_on > term.start:
                late.append((extension.decided_on, term.start, "extension"))
        for decided, start, what in late:
            found.append(
                Flag(
                    "F7",
                    True,
                    (F7,),
                    (
                        wording.line(
                            f"flag.F7.{what}", (F7,), id=agreement.id, decided=decided, start=start
                        ),
                        _outside(),
                    ),
                    {
                        "agreement": agreement.id,
                        "decided_on": decided.isoformat(),
                        "start": start.isoformat(),
                    },
                )
            )
    return found


def _f1(agreements: Iterable[Agreement], as_of: Date) -> list[Flag]:
    found = []
    for agreement in agreements:
        if (
            agreement.latest_end is None
            and agreement.end >= as_of
            and agreement.termination is None
        ):
            found.append(
                Flag(
                    "F1",
                    True,
                    (F1, T11),
                    (
                        wording.line("flag.F1", (F1, T11), id=agreement.id),
                        _outside(),
                    ),
                    {"agreement": agreement.id},
                )
            )
    return found


def _in_eur(contribution: Contribution, rate: Decimal | None) -> Fraction | None:
    """The whole award in EUR (every year of a per-year amount: granted at once, M3)."""
    if contribution.currency == "EUR":
        return contribution.total()
    if contribution.currency == "SEK" and rate is not None:
        return contribution.total() / Fraction(rate)
    return None


def _ceiling(
    rule_id: str,
    parameter: Parameter,
    public: list[tuple[Date, Contribution]],
    rate: Decimal | None,
    partner: str | None = None,
    tested: bool = False,
) -> list[Flag]:
    if not public:
        return []
    if any(_in_eur(c, rate) is None for _, c in public):
        currencies = sorted({c.currency for _, c in public})
        return [
            Flag(
                rule_id,
                None,
                (rule_id,),
                (
                    wording.line("flag.no_rate", (rule_id,), currencies=", ".join(currencies)),
                    _outside(),
                ),
                {"currencies": currencies},
            )
        ]
    worst: tuple[Fraction, Date, DatedValue] | None = None
    closest: tuple[Fraction, Date, DatedValue] | None = None  # the highest share of a ceiling
    for day, _ in public:
        ceiling = parameter.on(day)
        if ceiling is None:
            continue
        window_start = _plus_days(corresponding_day(day, -36, Rounding.DOWN), 1)
        total = sum(
            (_in_eur(c, rate) or Fraction(0) for d, c in public if window_start <= d <= day),
            Fraction(0),
        )
        if total > ceiling.value and (worst is None or total > worst[0]):
            worst = (total, day, ceiling)
        share = total / Fraction(ceiling.value)
        if closest is None or share > closest[0] / Fraction(closest[2].value):
            closest = (total, day, ceiling)
    if worst is None:
        if not tested or closest is None:
            return []
        return [_tested_ceiling(rule_id, closest, rate, partner)]
    total, day, ceiling = worst
    window = trusted_term(_plus_days(corresponding_day(day, -36, Rounding.DOWN), 1), day)
    exact = fraction_text(total)
    values: dict[str, object] = {
        "total": total,
        "period": window,
        "ceiling": int(ceiling.value),
        "rate": wording.Raw("–") if rate is None else rate,
    }
    figures: dict[str, object] = {
        "total_eur": exact,
        "ceiling_eur": str(ceiling.value),
        "window": window.to_dict(),
        "eur_rate": None if rate is None else str(rate),
        "source": ceiling.source,
    }
    head = []
    if partner is not None:
        figures["partner"] = partner
        head.append(wording.line("flag.ceiling_partner", (rule_id, "P2"), partner=partner))
    return [
        Flag(
            rule_id,
            True,
            (rule_id,),
            (
                *head,
                wording.line(
                    "flag.ceiling",
                    (rule_id,),
                    source=wording.Worded(
                        en=ceiling.source, sv=ceiling.source_sv or ceiling.source
                    ),
                    **values,
                ),
                _outside(),
            ),
            figures,
        )
    ]


def _tested_ceiling(
    rule_id: str,
    found: tuple[Fraction, Date, DatedValue],
    rate: Decimal | None,
    partner: str | None,
) -> Flag:
    """F2 or F3 tested and not raised: the three years closest to their ceiling."""
    total, day, ceiling = found
    window = trusted_term(_plus_days(corresponding_day(day, -36, Rounding.DOWN), 1), day)
    figures: dict[str, object] = {
        "total_eur": fraction_text(total),
        "ceiling_eur": str(ceiling.value),
        "window": window.to_dict(),
        "eur_rate": None if rate is None else str(rate),
        "source": ceiling.source,
    }
    if partner is not None:
        figures["partner"] = partner
    return Flag(
        rule_id,
        False,
        (rule_id,),
        (
            wording.line(
                "flag.ceiling_tested",
                (rule_id,),
                total=total,
                ceiling=int(ceiling.value),
                period=window,
                rate=wording.Raw("–") if rate is None else rate,
            ),
        ),
        figures,
    )


def _f4(agreements: tuple[Agreement, ...]) -> list[Flag]:
    first, last = agreements[0], agreements[-1]
    end = last.latest_end if last.latest_end is not None else last.end
    if end < first.start:  # pragma: no cover - T11 keeps the maximum extent after the start
        return []
    entrustment = trusted_term(first.start, end)
    years = ENTRUSTMENT_YEARS.on(first.start) or ENTRUSTMENT_YEARS.values[-1]
    limit = Length(years=int(years.value))
    if not lasts_at_least(entrustment, limit) or entrustment.length == limit:
        return []
    return [
        Flag(
            "F4",
            True,
            (F4,),
            (
                wording.line(
                    "flag.F4",
                    (F4,),
                    entrustment=entrustment,
                    length=length_of(first.start, end),
                    limit=limit,
                    source=wording.Worded(en=years.source, sv=years.source_sv or years.source),
                ),
                _outside(),
            ),
            {"entrustment": {"start": first.start.isoformat(), "end": end.isoformat()}},
        )
    ]
