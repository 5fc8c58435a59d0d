"""Everything the library says to people, in Swedish and English, in one file.

A Swedish reviewer reads every sentence here; the code that uses them passes values and rule
IDs. Swedish follows Myndigheternas skrivregler (Språkrådet): digit groups with a
non-breaking space ("1 040"), decimal comma ("6,84"), "104 %", periods written
"2019-01-01–2019-12-31", names of committees in lower case ("kultur- och fritidsnämnden").
Numbers are formatted with Babel's CLDR data for ``sv_SE`` and ``en_GB``, imported on first
use so that ``import iop_model`` stays light.

>>> from fractions import Fraction
>>> number(1040, "sv"), number(1040, "en"), decimal(Fraction(212, 31), "sv")
('1\\xa0040', '1,040', '6,84')
>>> percent(Fraction(104, 100), "sv"), percent(Fraction(31, 48), "en")
('104\\xa0%', '64.58%')
>>> line("goal.status", ("G5",), status=Label("SECURED")).text("sv")
'Status: Säkrat (G5)'
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Mapping
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Any, Final, NamedTuple

import pendulum

from iop_model.explain import Lang, Line
from iop_model.terms.term import Length, Term

__all__ = [
    "TEXTS",
    "Body",
    "Days",
    "Label",
    "Money",
    "Pct",
    "Periods",
    "Raw",
    "Titled",
    "body",
    "count",
    "decimal",
    "label",
    "line",
    "number",
    "percent",
    "period",
    "say",
]

_LOCALES: Final = {"sv": "sv_SE", "en": "en_GB"}
_NBSP: Final = "\u00a0"

# --- status labels: the code names stay (GoalStatus, ReportStatus), these are display text ------
LABELS: Final[Mapping[str, tuple[str, str]]] = {
    # duration goals (G4-G7)
    "ACHIEVED": ("ACHIEVED", "Uppnått"),
    "SECURED": ("SECURED", "Säkrat"),
    "OPEN": ("OPEN", "Inte säkrat"),
    "MISSED": ("MISSED", "Kan inte uppnås"),
    # activity targets (A7-A9)
    "MET": ("MET", "Uppfyllt"),
    "PARTIALLY_MET": ("PARTIALLY MET", "Delvis uppfyllt"),
    "NOT_MET": ("NOT MET", "Inte uppfyllt"),
    "NOT_YET_DUE": ("PERIOD RUNNING", "Perioden pågår"),
}


def label(code: str, lang: Lang) -> str:
    """The display label of a status code: ``label("OPEN", "sv")`` is ``'Inte säkrat'``."""
    en, sv = LABELS[code]
    return sv if lang == "sv" else en


# --- values that are formatted per language -------------------------------------------------


class Label(NamedTuple):
    """A status code, shown as its label in each language."""

    code: str


class Pct(NamedTuple):
    """A fraction shown as a percentage."""

    value: Fraction


class Body(NamedTuple):
    """The name of a decision body: in Swedish written in lower case mid-sentence."""

    name: str


class Days(NamedTuple):
    """A number of days: ``'1 dag'``, ``'1 096 dagar'``, ``'1 day'``."""

    n: object


class Titled(NamedTuple):
    """Something with a ``title(lang)`` (a goal), shown as its title."""

    item: object


class Periods(NamedTuple):
    """Several periods, listed with commas."""

    terms: tuple[object, ...]


class Money(NamedTuple):
    """An amount of money: ``'1 040 kr'``, ``'cirka 596 721 kr'``, ``'SEK 1,040'``. An amount
    that is not a whole number of öre (a share by days, M4) is shown in whole kronor with
    "cirka"; so is an amount the source gives roughly (``approximate``)."""

    value: Fraction
    currency: str
    approximate: bool = False


def _show_money(value: Money, lang: Lang) -> str:
    exact = Fraction(value.value)
    in_cents = exact * 100
    rough = value.approximate or in_cents.denominator != 1
    if rough or exact.denominator == 1:
        amount = decimal(exact, lang, 0)
    else:  # öre: always two decimals, "719 041,10 kr"
        amount = _minus(
            str(
                _pattern("#,##0.00").apply(
                    Decimal(exact.numerator) / Decimal(exact.denominator), _locale(lang)
                )
            ),
            lang,
        )
    if lang == "sv":
        unit = "kr" if value.currency == "SEK" else value.currency
        return f"{'cirka ' if rough else ''}{amount}{_NBSP}{unit}"
    return f"{'about ' if rough else ''}{value.currency}{_NBSP}{amount}"


class Raw(NamedTuple):
    """Text already worded for the language at hand."""

    text: str


class Worded(NamedTuple):
    """Text already worded in both languages; the sentence's language picks one."""

    en: str
    sv: str


#: Event kinds (EventKind values): singular and plural, English and Swedish.
KINDS: Final[Mapping[str, tuple[tuple[str, str], tuple[str, str]]]] = {
    "concert": (("concert", "concerts"), ("konsert", "konserter")),
    "festival": (("festival", "festivals"), ("festival", "festivaler")),
    "lecture": (("lecture", "lectures"), ("föreläsning", "föreläsningar")),
    "workshop": (("workshop", "workshops"), ("workshop", "workshoppar")),
    "performance": (("performance", "performances"), ("föreställning", "föreställningar")),
    "exhibition": (("exhibition", "exhibitions"), ("utställning", "utställningar")),
    "other": (("other event", "other events"), ("annat evenemang", "andra evenemang")),
}


def kind_count(kind: str, n: int, lang: Lang) -> str:
    """``kind_count("lecture", 2, "sv")`` is ``'2 föreläsningar'``."""
    en, sv = KINDS[kind]
    one, many = sv if lang == "sv" else en
    return count(n, one, many, lang)


@functools.lru_cache(maxsize=2)
def _locale(lang: str) -> Any:
    from babel import Locale

    return Locale.parse(_LOCALES[lang])


@functools.lru_cache(maxsize=8192)
def number(value: int, lang: Lang) -> str:
    """A whole number with digit groups: ``'1 040'`` (non-breaking space) or ``'1,040'``."""
    from babel.numbers import format_decimal

    return _minus(str(format_decimal(value, locale=_locale(lang))), lang)


def _minus(text: str, lang: Lang) -> str:
    """Swedish text writes a negative number with the minus sign (U+2212), not a hyphen."""
    return "\u2212" + text[1:] if lang == "sv" and text.startswith("-") else text


def decimal(value: Fraction | Decimal | int, lang: Lang, places: int = 2) -> str:
    """An exact number shown with at most ``places`` decimals (rounded half to even once, for
    display only): ``'6,84'`` / ``'6.84'``; whole numbers without decimals."""
    return _decimal(Fraction(value) if not isinstance(value, Fraction) else value, lang, places)


@functools.lru_cache(maxsize=8192)
def _decimal(exact: Fraction, lang: Lang, places: int) -> str:
    # Cached by exact value: the text depends on nothing else, and a report repeats values.
    with localcontext() as context:  # total: enough digits for any bounded value (A1)
        context.prec = max(28, len(str(abs(exact.numerator) // exact.denominator)) + places + 2)
        shown = round(Decimal(exact.numerator) / Decimal(exact.denominator), places)
        shown_text = _pattern("#,##0." + "#" * places).apply(shown, _locale(lang))
        return _minus(str(shown_text), lang)


@functools.lru_cache(maxsize=8192)
def percent(value: Fraction, lang: Lang) -> str:
    """A fraction as a percentage: a whole percentage without decimals, any other with two
    (one precision on a page: ``'45,10 %'`` next to ``'38,29 %'``, never ``'45,1 %'``).

    >>> percent(Fraction(104, 100), "sv"), percent(Fraction(451, 1000), "sv")
    ('104\xa0%', '45,10\xa0%')
    """
    whole = (value * 100).denominator == 1
    pattern = ("#,##0" if whole else "#,##0.00") + (_NBSP + "%" if lang == "sv" else "%")
    with localcontext() as context:  # total, as decimal() above
        context.prec = max(28, len(str(abs(value.numerator) // value.denominator)) + 8)
        exact = round(Decimal(value.numerator) / Decimal(value.denominator), 4)
        return _minus(str(_pattern(pattern).apply(exact, _locale(lang))), lang)


@functools.lru_cache(maxsize=16)
def _pattern(text: str) -> Any:
    """A parsed CLDR number pattern (what babel's format_decimal parses on every call)."""
    from babel.numbers import parse_pattern

    return parse_pattern(text)


def period(start: datetime.date, end: datetime.date) -> str:
    """A period of days, both included: ``'2019-01-01–2019-12-31'`` (en dash)."""
    return f"{start.isoformat()}–{end.isoformat()}"


def body(name: str, lang: Lang) -> str:
    """A decision body's name mid-sentence: Swedish writes committees in lower case."""
    if lang == "sv" and name[:1].isupper() and name.split()[-1].lower().endswith(_BODIES):
        return name[0].lower() + name[1:]
    return name


_BODIES: Final = ("nämnden", "nämnd", "styrelsen", "fullmäktige", "utskottet", "kommunstyrelsen")


def listing(items: list[str], lang: Lang) -> str:
    """Items in a sentence: ``'A, B och C'`` (Swedish writes no comma before "och").

    >>> listing(["Skyddsvärnet", "Fryshuset", "Räddningsmissionen"], "sv")
    'Skyddsvärnet, Fryshuset och Räddningsmissionen'
    """
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + (" och " if lang == "sv" else " and ") + items[-1]


def count(n: int, one: str, many: str, lang: Lang) -> str:
    """A count with its noun: ``count(1, "day", "days", "en")`` is ``'1 day'``."""
    return f"{number(n, lang)} {one if n == 1 else many}"


def show(value: object, lang: Lang) -> str:
    """A value in a sentence, formatted for ``lang``: by the first entry of :data:`_SHOWN`
    whose type it is (its exact type is looked up first), a title per language, or text."""
    kind = type(value)
    if kind is str:
        return value  # type: ignore[return-value]
    shown = _SHOWN.get(kind)
    if shown is None:
        shown = next((fn for base, fn in _SHOWN.items() if isinstance(value, base)), None)
    if shown is not None:
        return shown(value, lang)
    worded = getattr(value, "title", None)
    if callable(worded):  # a goal, a formula, figures: anything worded per language
        return str(worded(lang))
    return str(value)


def _show_days(value: Days, lang: Lang) -> str:
    n = value.n
    if not isinstance(n, int):
        return str(n)
    return count(n, "dag", "dagar", lang) if lang == "sv" else count(n, "day", "days", lang)


#: How :func:`show` words each kind of value, in order: a subclass takes the first entry
#: it is an instance of (``bool`` before ``int``; ``pendulum.Date`` is a ``datetime.date``).
_SHOWN: Final[dict[type, Callable[[Any, Lang], str]]] = {
    Label: lambda value, lang: label(value.code, lang),
    Money: _show_money,
    Raw: lambda value, lang: value.text,
    Worded: lambda value, lang: value.sv if lang == "sv" else value.en,
    Days: _show_days,
    Titled: lambda value, lang: str(value.item.title(lang)),
    Periods: lambda value, lang: ", ".join(show(term, lang) for term in value.terms),
    Pct: lambda value, lang: percent(value.value, lang),
    Body: lambda value, lang: body(value.name, lang),
    Term: lambda value, lang: period(value.start, value.end),
    Length: lambda value, lang: value.sv() if lang == "sv" else str(value),
    datetime.date: lambda value, lang: value.isoformat(),
    pendulum.Date: lambda value, lang: value.isoformat(),  # the most common: no walk
    bool: lambda value, lang: str(value),
    int: number,
    Fraction: decimal,
    Decimal: decimal,
}


def say(key: str, lang: Lang, **values: object) -> str:
    """The sentence ``key`` in ``lang`` with ``values`` filled in and formatted."""
    en, sv = TEXTS[key]
    template = sv if lang == "sv" else en
    return template.format(**{name: show(value, lang) for name, value in values.items()})


def line(key: str, rules: tuple[str, ...] = (), **values: object) -> Line:
    """An explanation line: the sentence ``key`` in both languages, with its rule IDs."""
    return Line(en=say(key, "en", **values), sv=say(key, "sv", **values), rules=rules)


# --- every sentence, English first, then Swedish -------------------------------------------------
TEXTS: Final[dict[str, tuple[str, str]]] = {
    # advisory flags (F rules, iop_model.advisory)
    "flag.outside": (
        "A signal for a person to look at; whether the activity is economic, and whether the "
        "rules apply, is a legal judgement outside the library.",
        "En signal för en människa att granska; om verksamheten är ekonomisk och om reglerna "
        "gäller är en rättslig bedömning som verktyget inte gör.",
    ),
    "flag.F1": (
        "Agreement {id} has no maximum extent: it could be extended without a stated end",
        "Avtal {id} saknar yttersta slutdag: det skulle kunna förlängas utan angivet slut",
    ),
    "flag.F4": (
        "The entrustment {entrustment} lasts {length}, more than {limit} ({source})",
        "Uppdraget {entrustment} varar {length}, mer än {limit} ({source})",
    ),
    "flag.F5": (
        "No contribution by the partner is recorded as known on {day}",
        "Ingen insats från den idéburna parten är registrerad så som det var känt {day}",
    ),
    "flag.F6": (
        "Agreement {id} has public contributions and no reporting duty",
        "Avtal {id} har offentliga insatser men ingen redovisningsskyldighet",
    ),
    "flag.F7.agreement": (
        "Agreement {id} was decided on {decided}, after its term began on {start}",
        "Avtal {id} beslutades {decided}, efter att avtalstiden började {start}",
    ),
    "flag.F7.extension": (
        "An extension of {id} was decided on {decided}, after the term it adds began on {start}",
        "En förlängning av {id} beslutades {decided}, efter att den avtalstid den ger började "
        "{start}",
    ),
    "flag.no_rate": (
        "No exchange rate given (kronor per euro; amounts in {currencies})",
        "Ingen växelkurs angiven (kronor per euro)",
    ),
    "flag.ceiling_tested": (
        "at most {total} EUR in the three years {period} at {rate} SEK per EUR, of a "
        "ceiling of {ceiling} EUR: not above it",
        "högst {total} euro under de tre åren {period} med kursen {rate} kronor per "
        "euro, av taket {ceiling} euro: inte över taket",
    ),
    "flag.ceiling_any_rate": (
        "without a rate: at most {total} in kronor over any three years, below the "
        "ceiling of {ceiling} EUR even at 1 krona per euro",
        "utan växelkurs: högst {total} kronor under tre år, under taket {ceiling} euro "
        "även om en krona vore värd en euro",
    ),
    "flag.tested.F1": (
        "every agreement in force has a latest end (T11, T18)",
        "varje gällande avtal har en senaste slutdag (T11, T18)",
    ),
    "flag.tested.F4": (
        "the entrustment is not longer than ten years",
        "uppdraget är inte längre än tio år",
    ),
    "flag.tested.F5": (
        "a contribution by the partner is recorded",
        "en insats från den idéburna parten är registrerad",
    ),
    "flag.tested.F6": (
        "no agreement in force has public contributions without a reporting duty",
        "inget gällande avtal har offentliga insatser utan redovisningsskyldighet",
    ),
    "flag.tested.F7": (
        "every agreement and extension was decided by its first day",
        "varje avtal och förlängning beslutades senast sin första dag",
    ),
    # actions (iop_model.actions)
    "action.header": (
        "As known on {day}: only decisions and reports dated on or before {day} count",
        "Enligt vad som var känt {day}: bara beslut och rapporter daterade senast {day} räknas",
    ),
    "action.option": (
        "Option {number} adds {length} if {who}; the last day to use it is {by}",
        "Förlängningsoption {number} ger {length} om {who}; sista dag att använda den är {by}",
    ),
    "action.in_force": (
        "Agreement {id} is in force until {end} and no follow-on agreement is known",
        "Avtal {id} gäller till och med {end} och inget nytt avtal är känt",
    ),
    "action.extend_by": (
        "An extension must be decided by {by}; a follow-on agreement decided by then continues "
        "without a gap",
        "En förlängning måste beslutas senast {by}; ett nytt avtal som beslutas senast då "
        "fortsätter utan glapp",
    ),
    "action.extend_by_moved": (
        "An extension must be decided by {by} (moved to the next working day, as the agreement "
        "says); a follow-on agreement decided by then continues without a gap",
        "En förlängning måste beslutas senast {by} (flyttad till nästa arbetsdag enligt "
        "avtalet); ett nytt avtal som beslutas senast då fortsätter utan glapp",
    ),
    "action.notice_period": (
        "Agreement {id} ends on {end}; its notice period is {period}",
        "Avtal {id} slutar {end}; uppsägningstiden är {period}",
    ),
    "action.duty": ("Agreement {id}: {duty}", "Avtal {id}: återrapportering {duty}"),
    "action.report_due": (
        "The report for {period} is due on {last}",
        "Rapporten för {period} ska lämnas senast {last}",
    ),
    "action.report_overdue": (
        "No report for the period had been received by {day}: overdue",
        "Ingen rapport för perioden hade kommit in till och med {day}: försenad",
    ),
    "action.report_not_due": (
        "No report for the period had been received by {day}: not yet due",
        "Ingen rapport för perioden hade kommit in till och med {day}: ännu inte förfallen",
    ),
    "action.goal_open": (
        "Goal '{title}' for {subject} is open: not yet secured",
        "Målet '{title}' för {subject} är inte säkrat",
    ),
    "action.goal_period": (
        "Its counted period ends with agreement {id} on {end}; a decision by {by} (an "
        "extension, or a follow-on agreement without a gap) could still secure it",
        "Den räknade perioden slutar med avtal {id} den {end}; ett beslut senast {by} "
        "(förlängning eller nytt avtal utan glapp) kan fortfarande säkra det",
    ),
    # deadlines (D rules, iop_model.calendar)
    "deadline.from": ("{time} from {start} ends on {end}", "{time} från {start} slutar {end}"),
    "deadline.before": (
        "{time} before {start}: the latest day from which that time ends on or before {start} "
        "is {end}",
        "{time} före {start}: den senaste dag från vilken tiden slutar senast {start} är {end}",
    ),
    "deadline.no_roll": (
        "no roll: the last day is {last}",
        "ingen flyttregel: sista dagen är {last}",
    ),
    "deadline.working_day": (
        "{end} is a working day: the last day is {last}",
        "{end} är en arbetsdag: sista dagen är {last}",
    ),
    "deadline.rolled_on": (
        "{end} is not a working day: the last day moves on to the next working day, {last}",
        "{end} är inte en arbetsdag: sista dagen flyttas fram till nästa arbetsdag, {last}",
    ),
    "deadline.rolled_back": (
        "{end} is not a working day: the last day moves back to the previous working day, {last}",
        "{end} är inte en arbetsdag: sista dagen flyttas bakåt till närmast föregående "
        "arbetsdag, {last}",
    ),
    # duration goals (G rules)
    "goal.header": (
        "Goal: {title}; assessed as of the end of {day}, with the decisions made on or before "
        "that day",
        "Mål: {title}; bedömt vid slutet av {day}, med de beslut som fattats senast den dagen",
    ),
    "goal.header_known_on": (
        "Goal: {title}; assessed as of the end of {day}, with the decisions made on or before "
        "{known_on} (a projection)",
        "Mål: {title}; bedömt vid slutet av {day}, med de beslut som fattats senast {known_on} "
        "(en prognos)",
    ),
    "goal.nothing_decided": (
        "Nothing had been decided by {day}: the goal is not yet secured",
        "Inget beslut var fattat senast {day}: målet är inte säkrat",
    ),
    "goal.agreement": ("Agreement {id}: {term} ({length})", "Avtal {id}: {term} ({length})"),
    "goal.agreement_decided": (
        "Agreement {id}: {term} ({length}), decided {decided}{reference}",
        "Avtal {id}: {term} ({length}), beslutat {decided}{reference}",
    ),
    "goal.agreement_undated": (
        "Agreement {id}: {term} ({length}); no decision day recorded: counted as known from "
        "{start}",
        "Avtal {id}: {term} ({length}); beslutsdag saknas: räknas som känt från {start}",
    ),
    "goal.extension": (
        "Extension of {id}: {term} ({length}), decided {decided}{reference}",
        "Förlängning av {id}: {term} ({length}), beslutad {decided}{reference}",
    ),
    "goal.replaced": (
        "Agreement {id} is replaced by {by} from {start}: its last day in force is {last}",
        "Avtal {id} ersätts av {by} från {start}: dess sista giltiga dag är {last}",
    ),
    "goal.terminated": (
        "Terminated by notice: the last day in force is {day}; no extension can follow",
        "Uppsagt: sista giltiga dag är {day}; ingen förlängning kan följa",
    ),
    "goal.terminated_breach": (
        "Terminated for breach: the last day in force is {day}; no extension can follow",
        "Hävt: sista giltiga dag är {day}; ingen förlängning kan följa",
    ),
    "goal.terminated_mutual": (
        "Ended by mutual agreement: the last day in force is {day}; no extension can follow",
        "Avslutat efter överenskommelse: sista giltiga dag är {day}; ingen förlängning kan följa",
    ),
    "goal.undated": (
        "The partnership holds a decision without a decision day: the status is as known "
        "and may change when the day is recorded",
        "Partnerskapet har ett beslut utan beslutsdag: statusen gäller så som det är känt och "
        "kan ändras när dagen förs in",
    ),
    "goal.max_extent": (
        "No extension may pass the maximum extent {day}",
        "Ingen förlängning får gå längre än den yttersta slutdagen {day}",
    ),
    "goal.left_out_gap": (
        "Not counted: agreement {id} ({term}) starts after a gap of {gap} (days without an "
        "agreement)",
        "Räknas inte: avtal {id} ({term}) börjar efter ett glapp {gap} (dagar utan avtal)",
    ),
    "goal.left_out_late": (
        "Not counted: agreement {id} ({term}) was decided on {decided}, after agreement "
        "{previous} had ended on {end}; it continues on paper (T14) but not in decisions: no "
        "decided agreement covered {undecided}",
        "Räknas inte: avtal {id} ({term}) beslutades {decided}, efter att avtal {previous} "
        "hade upphört {end}; det fortsätter utan glapp på papperet (T14) men inte i besluten: "
        "inget beslutat avtal gällde {undecided}",
    ),
    "goal.left_out_after": (
        "Not counted: agreement {id} ({term}) comes after an agreement that is not counted",
        "Räknas inte: avtal {id} ({term}) kommer efter ett avtal som inte räknas",
    ),
    "goal.counted": (
        "Counted period: {term} ({length}, {days})",
        "Sammanhängande avtalstid: {term} ({length}, {days})",
    ),
    "goal.required": (
        "Required: {length} from {start}, reached at the end of {threshold}",
        "Krävs: {length} från {start}, uppnås vid slutet av {threshold}",
    ),
    "goal.covered": (
        "Time run by {day}: {length} ({days})",
        "Avtalstid som löpt t.o.m. {day}: {length} ({days})",
    ),
    "goal.in_total": (
        "Agreements counted in total: {terms}; {days} agreed",
        "Avtal som räknas sammanlagt: {terms}; {days} avtalade",
    ),
    "goal.required_days": (
        "Required: {days}, reached at the end of {threshold}",
        "Krävs: {days}, uppnås vid slutet av {threshold}",
    ),
    "goal.covered_days": (
        "Time run by {day}: {days}",
        "Avtalstid som löpt t.o.m. {day}: {days}",
    ),
    "goal.status": ("Status: {status}", "Status: {status}"),
    "goal.achieved": (
        "Status: {status}: the threshold day {threshold} has run (as of {day})",
        "Status: {status}: målet nåddes {threshold}, en dag som har passerats (vid slutet av "
        "{day})",
    ),
    "goal.secured": (
        "Status: {status}: decisions made by {day} cover the threshold day {threshold}, which "
        "has not yet run",
        "Status: {status}: beslut fattade senast {day} räcker till {threshold}, den dag då "
        "målet nås, som ännu inte har passerats",
    ),
    "goal.missed": (
        "Status: {status}: the counted period cannot reach the threshold day {threshold} any more",
        "Status: {status}: den sammanhängande avtalstiden kan inte längre räcka till "
        "{threshold}, den dag då målet skulle nås",
    ),
    "goal.no_agreement": (
        "Status: {status}: no agreement yet",
        "Status: {status}: inget avtal ännu",
    ),
    "goal.open": (
        "Status: {status}: a decision could still secure it",
        "Status: {status}: ett beslut kan fortfarande säkra målet",
    ),
    "goal.shortfall": (
        "Time still needed: {length} ({days}) from {start} to {threshold}",
        "Återstående tid: {length} ({days}) från {start} till {threshold}",
    ),
    "goal.shortfall_days": ("Time still needed: {days}", "Återstående tid: {days}"),
    "goal.follow_up_missing": (
        "Follow-up: no activity report for {years} (the status concerns the agreement on paper)",
        "Uppföljning saknas för {years} (statusen gäller avtalet på papperet)",
    ),
    "goal.title": ("at least {length}", "minst {length}"),
    "goal.title_total": ("at least {length} in total", "minst {length} sammanlagt"),
    # activity targets (A rules)
    "target.header": (
        "Target: {title} in {period}, for {activity} (agreement {agreement}); assessed as of "
        "the end of {day}",
        "Mål: {title} under {period}, för {activity} (avtal {agreement}); bedömt vid slutet "
        "av {day}",
    ),
    "target.header_known_on": (
        "Target: {title} in {period}, for {activity} (agreement {agreement}); assessed as of "
        "the end of {day}, with the reports received by {known_on}",
        "Mål: {title} under {period}, för {activity} (avtal {agreement}); bedömt vid slutet "
        "av {day}, med de rapporter som kommit in senast {known_on}",
    ),
    "target.counted": (
        "Counted: {figures}; reports counted: {reports}",
        "Räknat: {figures}; antal rapporter: {reports}",
    ),
    "target.due": ("The period ended {end}: due", "Perioden slutade {end}: målet kan bedömas"),
    "target.not_yet_due": (
        "The period ends {end}: not yet due; figures so far",
        "Perioden slutar {end}: pågår; nyckeltal hittills",
    ),
    "target.no_report": ("No report for the period", "Ingen rapport för perioden"),
    "target.no_mean": (
        "The mean is undefined: no occasions",
        "Medelvärdet kan inte beräknas: inga tillfällen",
    ),
    "target.fulfilment": (
        "Actual {actual} against target {target}, baseline {baseline}: fulfilment {formula} "
        "= {percent}",
        "Utfall {actual} mot målvärde {target}, utgångsvärde {baseline}: måluppfyllelse "
        "{formula} = {percent}",
    ),
    "target.status": ("Status: {status}", "Status: {status}"),
    "target.at_least": ("at least {n} {what}", "minst {n} {what}"),
    "target.at_most": ("at most {n} {what}", "högst {n} {what}"),
    # figures of activities
    "figures.visitors": ("{visitors}, mean {mean}", "{visitors}, medelvärde {mean}"),
    "figures.members": (
        "{count} (joined {joined}, left {left})",
        "{count} ({joined} nya, {left} slutat)",
    ),
    "figures.none": ("no reports", "inga rapporter"),
    # the follow-up report (iop-model report)
    "report.title": ("Follow-up: {title}", "Uppföljning: {title}"),
    "report.as_of": ("As of {day}", "Per {day}"),
    "report.as_of_today": (
        "As of {day} (today in Europe/Stockholm)",
        "Per {day} (i dag i Europe/Stockholm)",
    ),
    "report.known_on": (
        "With the decisions and reports known on {day} (a projection, G10)",
        "Med de beslut och rapporter som var kända {day} (en prognos, G10)",
    ),
    "report.agreements": ("Agreements", "Avtal"),
    "report.parties": ("Parties: {public} and {partner}", "Parter: {public} och {partner}"),
    "report.decided": ("Decided: {day}{reference}", "Beslutat: {day}{reference}"),
    "report.decided_missing": (
        "Decided: no decision day recorded; counted as known from {start} (T15)",
        "Beslutat: beslutsdag saknas; räknas som känt från {start} (T15)",
    ),
    "report.follows": ("Follows: {id} (T14)", "Följer: {id} (T14)"),
    "report.replaces": (
        "Replaces {id} from {start}: {id} ends on {last} (T16)",
        "Ersätter {id} från {start}: {id} upphör {last} (T16)",
    ),
    "report.max_extent": ("Maximum extent: {day} (T11)", "Yttersta slutdag: {day} (T11)"),
    "report.parties_several": (
        "Public parties: {public}; idea-based partners: {partner} (P2)",
        "Offentliga parter: {public}; idéburna parter: {partner} (P2)",
    ),
    "report.option": (
        "Option {number} to extend: {length}, if {who}; to be used by {by} ({rules})",
        "Förlängningsoption {number}: {length}, om {who}; ska användas senast {by} ({rules})",
    ),
    "report.option_used": (
        "Option {number} to extend: {length}, if {who}; used by extension {extension} ({rules})",
        "Förlängningsoption {number}: {length}, om {who}; använd genom förlängning "
        "{extension} ({rules})",
    ),
    "report.latest_end": (
        "Latest end with every option: {day} (T18, T11)",
        "Senaste slutdag med alla optioner: {day} (T18, T11)",
    ),
    "report.initial": ("Initial term: {term} ({length})", "Första avtalstid: {term} ({length})"),
    "report.extension_cut": (
        "decided as {decided}, cut by the early end",
        "beslutad som {decided}, avkortad av det förtida slutet",
    ),
    "report.extension": (
        "Extension: {term} ({length}), decided {day} by {body}{reference} (T8, T9)",
        "Förlängning: {term} ({length}), beslutad {day} av {body}{reference} (T8, T9)",
    ),
    "report.terminated_notice": (
        "Terminated by notice: last day {on}, decided {day}{reference}: {reason}",
        "Uppsagt: sista dag {on}, beslutat {day}{reference}: {reason}",
    ),
    "report.terminated_breach": (
        "Terminated for breach: last day {on}, decided {day}{reference}: {reason}",
        "Hävt: sista dag {on}, beslutat {day}{reference}: {reason}",
    ),
    "report.terminated_mutual": (
        "Ended by mutual agreement: last day {on}, decided {day}{reference}: {reason}",
        "Avslutat efter överenskommelse: sista dag {on}, beslutat {day}{reference}: {reason}",
    ),
    "report.notified": ("; notice received {day}", "; uppsägningen mottogs {day}"),
    "report.in_force": ("In force: {term} ({length})", "Gäller: {term} ({length})"),
    "report.notice_period": ("Notice period: {length} (D5)", "Uppsägningstid: {length} (D5)"),
    "report.notice_deadline": (
        "Notice period: {length}; last day to give notice for {end}: {day} (D4, D5)",
        "Uppsägningstid: {length}; sista dag för uppsägning till {end}: {day} (D4, D5)",
    ),
    "report.notice_deadline_moved": (
        "Notice period: {length}; under the agreement notice may reach the other party on "
        "{agreed} at the latest; advised last day {day}, a working day (D4, D5)",
        "Uppsägningstid: {length}; enligt avtalet ska uppsägningen ha nått motparten senast "
        "{agreed}; rekommenderad sista dag {day}, en arbetsdag (D4, D5)",
    ),
    "report.reporting": ("Reporting: {text} (D6)", "Återrapportering: {text} (D6)"),
    "report.report_period": (
        "{period}: due {due}, {status} (D7)",
        "{period}: senast {due}, {status} (D7)",
    ),
    "report.received": ("received {day}: {status}", "kom in {day}, {status}"),
    "report.partnership_continuous": (
        "Partnership: {term} ({length}), without gaps (T14)",
        "Partnerskap: {term} ({length}), utan glapp (T14)",
    ),
    "report.partnership_gaps": (
        "Partnership: {term} ({length}), gaps: {gaps} (T14)",
        "Partnerskap: {term} ({length}), glapp: {gaps} (T14)",
    ),
    "report.undecided": (
        "Days without a decided agreement: {terms}; the agreement for them was decided later (G2)",
        "Dagar utan beslutat avtal: {terms}; avtalet för dem beslutades senare (G2)",
    ),
    "report.nothing_yet": (
        "No agreement had been decided by {day} (T13)",
        "Inget avtal var beslutat {day} (T13)",
    ),
    "report.later": (
        "Later decisions in the file, not shown: {n} (T13)",
        "Senare beslut i filen, visas inte: {n} (T13)",
    ),
    "report.later_shown": (
        "Decided or received later, not known on {day} (shown on request)",
        "Beslutat eller inkommet senare, inte känt {day} (visas på begäran)",
    ),
    "later.agreement": ("{day}: agreement {subject} decided", "{day}: avtal {subject} beslutat"),
    "later.extension": (
        "{day}: extension of {subject} decided",
        "{day}: förlängning av {subject} beslutad",
    ),
    "later.termination": (
        "{day}: termination of {subject} decided",
        "{day}: uppsägning av {subject} beslutad",
    ),
    "later.notice": (
        "{day}: notice on {subject} received",
        "{day}: uppsägningen av {subject} mottagen",
    ),
    "later.contribution": (
        "{day}: contribution to {subject} decided",
        "{day}: insats i {subject} beslutad",
    ),
    "later.follow_up_report": (
        "{day}: follow-up report on {subject} received",
        "{day}: återrapport om {subject} inkommen",
    ),
    "later.evidence": (
        "{day}: evidence for {subject} recorded",
        "{day}: underlag för {subject} registrerat",
    ),
    "later.activity_report": (
        "{day}: report on {subject} received",
        "{day}: rapport om {subject} inkommen",
    ),
    "later.activity_item": ("{day}: reported for {subject}", "{day}: rapporterat för {subject}"),
    "report.later_goals": (
        "Goals on agreements or activities decided later, not shown: {n} (T13)",
        "Mål för avtal eller aktiviteter som beslutades senare, visas inte: {n} (T13)",
    ),
    "report.missing": (
        "Missing data: no decision day for {ids} (T15)",
        "Saknade uppgifter: beslutsdag saknas för {ids} (T15)",
    ),
    "report.goals": ("Goals", "Mål"),
    "report.goal": (
        "{n}. {title} (subject: {subject}): {status}",
        "{n}. {title} (gäller: {subject}): {status}",
    ),
    "report.partnership_subject": ("the partnership", "partnerskapet"),
    "report.actions": (
        "Actions: overdue and due within {n} days",
        "Åtgärder: försenade och de som förfaller inom {n} dagar",
    ),
    "report.activities": ("Activities", "Aktiviteter"),
    "report.activity": ("{name} ({kind}, {agreement})", "{name} ({kind}, {agreement})"),
    "report.period_column": ("Period", "Period"),
    "report.figures_column": ("Figures", "Nyckeltal"),
    "report.provenance": ("Provenance", "Underlag"),
    "report.provenance_line": (
        "iop-model {version}; rules {rules}; file SHA-256 {sha}; as of {as_of}, known on "
        "{known_on}",
        "iop-model {version}; regler {rules}; filens SHA-256 {sha}; per {as_of}, känt {known_on}",
    ),
    "report.no_file": ("none (built in)", "ingen (inbyggt fall)"),
    "report.assumption": ("Assumption: {text}", "Antagande: {text}"),
    "report.illustrative": ("Illustrative example: {text}", "Tänkt exempel: {text}"),
    # activity kinds (display words)
    "kind.meeting_place": ("meeting place", "mötesplats"),
    "kind.venue": ("venue", "scen"),
    "kind.network": ("network", "nätverk"),
    "kind.residency": ("residency", "residens"),
    "kind.general": ("activity", "verksamhet"),
    # the assess command
    "assess.heading": ("{file}: as of {day}", "{file}: per {day}"),
    "assess.heading_today": (
        "{file}: as of {day} (today in Europe/Stockholm)",
        "{file}: per {day} (i dag i Europe/Stockholm)",
    ),
    "assess.line": ("{subject}: {title}: {status}", "{subject}: {title}: {status}"),
    # the demo
    "demo.heading": (
        "The goal 'minst tre år' for the first agreement, day by day up to {day} (the G rules):",
        "Målet ”minst tre år” för det första avtalet, dag för dag till och med {day} (G-reglerna):",
    ),
    "demo.day": ("{day}: {status}", "{day}: {status}"),
    "demo.without": (
        "without the extension, as of {day}: {status}",
        "utan förlängningen, per {day}: {status}",
    ),
    "demo.terminated": (
        "terminated with last day {on} (decided {decided}), as of {decided}: {status}",
        "uppsagt med sista dag {on} (beslutat {decided}), per {decided}: {status}",
    ),
    # advisory flags (F rules)
    "flag.ceiling_partner": (
        "Aid to {partner}, one of the agreement's partners, counted on its own (the ceiling "
        "is per undertaking; money to the partners jointly counts for each)",
        "Stöd till {partner}, en av avtalets idéburna parter, räknat för sig (taket gäller "
        "per företag; pengar till parterna gemensamt räknas för var och en)",
    ),
    "flag.ceiling": (
        "Public contributions granted {period}: {total} EUR at {rate} SEK per EUR, more than the "
        "ceiling of {ceiling} EUR in force then ({source})",
        "Offentliga insatser beviljade {period}: {total} euro med kursen {rate} kronor per "
        "euro, mer än taket på {ceiling} euro som gällde då ({source})",
    ),
    # contributions (M rules)
    "money.heading": ("Contributions", "Insatser"),
    "money.per.year": ("per calendar year", "per kalenderår"),
    "money.per.agreement-year": ("per agreement year", "per avtalsår"),
    "money.other_unit": ("Contributions {unit}", "Insatser {unit}"),
    "money.line": ("{by}, {kind}: {amount}", "{by}, {kind}: {amount}"),
    "money.not_valued": (
        "{by}, {kind}: not valued ({description})",
        "{by}, {kind}: inte värderad ({description})",
    ),
    "money.not_valued_share": (
        "Contributions that are not valued are left out of every sum and the share (M1, M5)",
        "Insatser som inte är värderade ingår inte i någon summa eller i andelen (M1, M5)",
    ),
    "money.approximate": (
        "The sums rest on an approximate amount (the source gives it roughly)",
        "Summorna bygger på ett ungefärligt belopp (källan anger det ungefärligt)",
    ),
    "money.period": ("{period}", "{period}"),
    "money.own_share": (
        "Own contribution: {own} of {all}, a share of {share} (M5)",
        "Egen insats: {own} av {all}, en andel på {share} (M5)",
    ),
    "money.no_rate": (
        "Volunteer hours are not valued (no hour rate given): left out of the share (M5)",
        "Ideella timmar är inte värderade (inget timvärde angivet): räknas inte in i andelen (M5)",
    ),
    "money.none": ("No contributions recorded", "Inga insatser registrerade"),
    "money.by.public": ("public party", "offentlig part"),
    "money.by.partner": ("partner", "idéburen part"),
    "money.kind.money": ("money", "pengar"),
    "money.kind.premises": ("premises", "lokaler"),
    "money.kind.staff": ("staff", "personal"),
    "money.kind.volunteer_hours": ("volunteer hours", "ideella timmar"),
    "money.kind.other": ("other", "annat"),
    "money.unit.hours": ("hours", "timmar"),
    "report.flags": ("Advisory flags (not verdicts)", "Signaler att granska (inga bedömningar)"),
    "report.flag_unknown": ("cannot be judged", "kan inte bedömas"),
    "report.flag_tested": ("tested", "prövad"),
    "report.evidence": (
        "IOP criteria and principles: evidence given",
        "IOP-kriterier och principer: underlag som angetts",
    ),
    "report.evidence_missing": ("no evidence given", "inget underlag angivet"),
    # open-data exports (written in Swedish, the publisher's language)
    "export.description": (
        "Idea-based public partnership (IOP) between {public} and {partner}, {term}.",
        "Idéburet offentligt partnerskap (IOP) mellan {public} och {partner}, {term}.",
    ),
    "export.description_several": (
        "Idea-based public partnership (IOP) of {public} with the idea-based partners "
        "{partner}, {term}.",
        "Idéburet offentligt partnerskap (IOP) för {public} med de idéburna parterna "
        "{partner}, {term}.",
    ),
    "export.approximate": (
        "The amount is approximate: the decision gives it roughly.",
        "Beloppet är ungefärligt: beslutet anger det som ett cirkabelopp.",
    ),
    "export.extension": (
        "Extension {term}, decided by {body}{reference}",
        "Förlängning {term}, beslutad av {body}{reference}",
    ),
    "export.termination": (
        "Last day in force {day} ({kind}){reference}",
        "Sista giltiga dag {day} ({kind}){reference}",
    ),
    # the timeline picture (iop_model.plot)
    "plot.title": ("IOP timeline", "IOP-tidslinje"),
    "plot.initial": ("initial term", "första avtalstid"),
    "plot.extension": ("extension", "förlängning"),
    "plot.terminated": ("not in force (terminated)", "gäller inte (uppsagt)"),
    "plot.decision": ("decision", "beslut"),
    "plot.later": ("decided later: not known on {day}", "beslutat senare: inte känt {day}"),
    "plot.as_of": ("as of {day}", "per {day}"),
    "plot.threshold": ("{goal}: {day}", "{goal}: {day}"),
    # the web-page report (iop-model report --format html)
    "html.title": (
        "Follow-up of IOP partnerships",
        "Uppföljning av idéburna offentliga partnerskap",
    ),
    "doc.method": ("Scope and method", "Omfattning och metod"),
    "doc.what": (
        "This document shows what the agreement files say, computed by iop-model {version} "
        "with the rules listed in the appendix (rule set {fingerprint}). Every answer is "
        "given as of {day}, from the decisions and reports known on {known}.",
        "Underlaget visar vad avtalsfilerna säger, beräknat med iop-model {version} och de "
        "regler som anges i bilagan (regeluppsättning {fingerprint}). Varje svar gäller per "
        "{day}, utifrån de beslut och rapporter som var kända {known}.",
    ),
    "doc.not": (
        "It is not a legal opinion. The flags are signals for a person to look at. It cannot "
        "see what the files do not hold: payments for services of direct economic interest "
        "(the ground of HFD 2020 ref. 15), de minimis aid from other grantors to the same "
        "undertaking, or decisions not recorded in the files.",
        "Underlaget är inte ett rättsligt utlåtande. Signalerna är till för att en människa "
        "ska granska dem. Underlaget kan inte se det som inte finns i filerna: ersättning för "
        "tjänster av direkt ekonomiskt intresse (grunden i HFD 2020 ref. 15), stöd av mindre "
        "betydelse från andra givare till samma företag eller beslut som inte har förts in.",
    ),
    "doc.inputs": ("Inputs", "Indata"),
    "doc.col.file": ("File", "Fil"),
    "doc.col.sha": ("SHA-256", "SHA-256"),
    "doc.generated": ("Generated: {moment}", "Framtaget: {moment}"),
    "doc.command": ("Command: {command}", "Kommando: {command}"),
    "doc.case_number": ("Audit reference: {text}", "Granskningens diarienummer: {text}"),
    "doc.prepared_by": ("Files prepared by: {text}", "Filerna upprättade av: {text}"),
    "doc.hour_rate": (
        "Volunteer hours valued at {rate} per hour (given by the caller; M5)",
        "Ideella timmar värderade till {rate} per timme (angivet av användaren; M5)",
    ),
    "doc.no_hour_rate": (
        "No hour rate given: volunteer hours are shown apart (M5)",
        "Inget timvärde angivet: ideella timmar visas för sig (M5)",
    ),
    "doc.eur_rate": (
        "Exchange rate for the state-aid flags: {rate} kronor per euro (given by the caller; "
        "F2, F3)",
        "Växelkurs för statsstödssignalerna: {rate} kronor per euro (angiven av användaren; "
        "F2, F3)",
    ),
    "doc.no_eur_rate": (
        "No exchange rate given: the de minimis flags cannot be judged (F2, F3)",
        "Ingen växelkurs angiven: signalerna om stöd av mindre betydelse kan inte bedömas (F2, F3)",
    ),
    "doc.gaps": ("Data gaps", "Luckor i underlaget"),
    "doc.gap.undated": (
        "{file}: {id} has no decision day; it counts as known from its first day (T15), so "
        "its answers may change",
        "{file}: {id} saknar beslutsdag; avtalet räknas som känt från sin första dag (T15), "
        "så svaren kan ändras",
    ),
    "doc.gap.org_number": (
        "{file}: {name} has no organisation number (P1)",
        "{file}: {name} saknar organisationsnummer (P1)",
    ),
    "doc.gap.approximate": (
        "{file}: {id} has an approximate amount; sums including it are approximate (M1)",
        "{file}: {id} har ett ungefärligt belopp; summor som innehåller det är ungefärliga (M1)",
    ),
    "doc.gap.not_valued": (
        "{file}: {id} has a contribution that is not valued (M1)",
        "{file}: {id} har en insats som inte är värderad (M1)",
    ),
    "doc.gap.none": ("No data gaps found.", "Inga luckor hittades."),
    "doc.appendix": ("Appendix: the rules of this version", "Bilaga: reglerna i denna version"),
    "doc.appendix_intro": (
        "Every rule the library applies, as it stands in iop-model {version} (rule set "
        "{fingerprint}). Kind: a rule from a source, a statute applied by analogy, or the "
        "library's own modelling choice.",
        "Alla regler som verktyget tillämpar, så som de lyder i iop-model {version} "
        "(regeluppsättning {fingerprint}). Slag: en regel ur en källa, en författning som "
        "tillämpas analogt eller verktygets eget modellval.",
    ),
    "doc.col.rule": ("Rule", "Regel"),
    "doc.col.statement": ("Statement", "Lydelse"),
    "doc.col.source": ("Source", "Källa"),
    "doc.col.kind": ("Kind", "Slag"),
    "doc.kind.source": ("from a source", "ur en källa"),
    "doc.kind.analogy": ("by analogy", "analogt"),
    "doc.kind.own": ("own choice", "eget val"),
    "doc.signature": ("Signature", "Underskrift"),
    "doc.signature_line": (
        "Place and date ____________________   Signature ____________________",
        "Ort och datum ____________________   Underskrift ____________________",
    ),
    "doc.page": ("Page {page} of {pages}", "Sida {page} av {pages}"),
    "check.passed": ("passed", "godkänd"),
    "check.failed": ("FAILED", "UNDERKÄND"),
    "check.expected": (
        "{path}: expected {expected}, got {got}",
        "{path}: väntat {expected}, fick {got}",
    ),
    "check.summary": (
        "{passed} of {total} checks passed",
        "{passed} av {total} kontroller godkända",
    ),
    "html.overview": ("Overview", "Översikt"),
    "html.timeline": ("Timeline of the agreements", "Tidslinje för avtalen"),
    "html.later": (
        "dashed: decided later, not known on {day} (shown on request)",
        "streckat: beslutat senare, inte känt {day} (visas på begäran)",
    ),
    "html.money": (
        "Money per calendar year (SEK, as known; M3, M4)",
        "Pengar per kalenderår (kronor, så som de var kända; M3, M4)",
    ),
    "html.col.year": ("Year", "År"),
    "html.col.public_money": ("Public money", "Offentliga medel"),
    "html.col.partner_money": ("Partners' money and in kind", "Idéburna parters pengar och natura"),
    "html.col.partnerships": ("Partnerships", "Partnerskap"),
    "html.col.partnership": ("Partnership", "Partnerskap"),
    "html.col.parties": ("Parties", "Parter"),
    "html.col.in_force": ("In force (as known)", "Gäller (så som känt)"),
    "html.col.next": ("Next deadline", "Nästa frist"),
    "html.col.goals": ("Duration goals", "Varaktighetsmål"),
    "html.col.targets": ("Targets", "Målvärden"),
    "html.col.reports": ("Late reports", "Försenade rapporter"),
    "html.col.flags": ("Flags", "Signaler"),
    "html.none": ("none", "inga"),
    "html.no_deadline": ("none", "ingen"),
    "html.flags_undecided": ("{ids} cannot be judged", "{ids} kan inte bedömas"),
    "html.not_known": ("no agreement known", "inget känt avtal"),
    "html.ended": ("ended", "avslutat"),
    "html.not_started": ("not yet begun", "har inte börjat"),
    "html.in_force": ("in force", "gäller"),
    "html.file": ("File", "Fil"),
    "html.decisions": ("Agreements and decisions", "Avtal och beslut"),
    "html.figures": ("Activity figures", "Nyckeltal för aktiviteter"),
    "flag.title.F1": ("no maximum extent", "ingen yttersta slutdag"),
    "flag.title.F2": ("de minimis ceiling", "de minimis-tak"),
    "flag.title.F3": ("SGEI de minimis ceiling", "de minimis-tak för SGEI"),
    "flag.title.F4": ("entrustment over ten years", "uppdrag över tio år"),
    "flag.title.F5": ("no own contribution", "ingen egen insats"),
    "flag.title.F7": ("decided after the start", "beslutat efter starten"),
    "flag.title.F6": (
        "public money without a reporting duty",
        "offentliga pengar utan redovisningskrav",
    ),
}
