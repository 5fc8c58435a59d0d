"""Agreements (avtal), extensions (förlängning), terminations (uppsägning) and partnerships.

The rules they apply (T8–T16) live in :mod:`iop_model.terms.term`; this module only chains them.

>>> import pendulum
>>> from iop_model import Agreement, Extension, IdeaBasedParty, PublicParty, Term
>>> first = Agreement(
...     id="molndal-2019",
...     public_party=PublicParty("Mölndals stad", committee="Kultur- och fritidsnämnden"),
...     partner=IdeaBasedParty("Konstkollektivet"),
...     term=Term.year(2019),
... )
>>> extended = first.extend(
...     Extension(pendulum.date(2019, 12, 19), "Kultur- och fritidsnämnden", years=2)
... )
>>> [str(t) for t in extended.terms]
['2019-01-01..2019-12-31', '2020-01-01..2021-12-31']
>>> first.end, extended.end
(Date(2019, 12, 31), Date(2021, 12, 31))
>>> extended.as_known_on(pendulum.date(2019, 12, 18)).end
Date(2019, 12, 31)
"""

from __future__ import annotations

import enum
import operator
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import attrs
import pendulum

from iop_model._validators import (
    day,
    instance_of,
    optional_day,
    optional_text,
    sequence_of,
    text,
)
from iop_model.errors import (
    AgreementError,
    ExtensionError,
    IOPError,
    PartnershipError,
    Problem,
    TerminationError,
)
from iop_model.parties import IdeaBasedParty, PublicParty
from iop_model.rules import rule
from iop_model.terms.term import (
    DEFAULT_ROUNDING,
    T11,
    T12,
    T13,
    T14,
    T15,
    T16,
    Length,
    Rounding,
    Term,
    _plus_days,
    calendar_day,
    check_extension_timing,
    check_follow_on,
    check_length_part,
    check_max_extent,
    check_positive_length,
    check_replacement,
    check_termination,
    extension_term,
    known_on,
    trusted_length,
    trusted_term,
)

if TYPE_CHECKING:
    from iop_model.advisory.criteria import Evidence
    from iop_model.deadlines.calendar import Deadline, Roll, RollPolicy
    from iop_model.deadlines.reporting import FollowUpReport, ReportingDuty
    from iop_model.money import Contribution

# calendar (D rules), criteria, money (M rules) and reporting (D6, D7) are imported where an
# agreement first uses them, so that ``import iop_model`` stays light (benchmark P3); the
# annotations naming their classes are resolved by :func:`resolve_types`.

__all__ = [
    "T17",
    "T18",
    "Agreement",
    "Extension",
    "Option",
    "OptionHolder",
    "Partnership",
    "Termination",
    "TerminationKind",
    "duplicate_ids",
    "resolve_types",
]

Date = pendulum.Date


def _count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_length_part(value, attribute.name, ExtensionError)


def _option_number(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (type(value) is not int or value < 0):
        raise ExtensionError(
            "an extension's option is the number of the agreement's option it uses, counted "
            "from 0 (options[0] is 0)",
            rule=T18,
            field=attribute.name,
            value=value,
        )


# --- T18 Options to extend -------------------------------------------------------------------
T18 = rule(
    "T18",
    "Options to extend",
    "An agreement may hold options to extend (förlängningsoption), each of a length, used "
    "by the public party alone or by both parties together, by a last day (decide_by; "
    "default T9's). An extension uses the option it names, or else the first unused option "
    "that gives the same term; each option is used once, and by its last day. Without a "
    "maximum extent, the latest end is the end after every option (T11); an extension that "
    "uses no option and reaches past the latest end is refused.",
    "Ett avtal kan ha förlängningsoptioner, var och en med en längd, som används av den "
    "offentliga parten ensam eller av båda parterna tillsammans, senast en viss dag "
    "(decide_by; annars T9:s dag). En förlängning använder den option den anger, annars den "
    "första oanvända option som ger samma avtalstid; varje option används en gång, och senast "
    "sin sista dag. Utan yttersta slutdag är den senaste slutdagen slutet efter alla "
    "optioner (T11); en förlängning som inte använder någon option och når förbi den "
    "senaste slutdagen avvisas.",
    "Real agreements: valid to 2023-03-31 with the possibility of one more year if both "
    "parties agree (Uddevalla kommun, news item 2021-05-24, the agreement with Synskadades "
    "Riksförbund, https://www.uddevalla.se/kommun-och-politik/nyheter/nyhetsarkiv/"
    "2021-05-24-nya-overenskommelser-med-foreningen-saronhuset-och-synskadades-riksforbund"
    ".html); OCDS contract.period.maxExtentDate and tender.hasOptions. The library's "
    "modelling choice.",
)


class OptionHolder(enum.StrEnum):
    """Who may use an :class:`Option`: the public party alone, or both parties together."""

    PUBLIC_PARTY = "public_party"
    MUTUAL = "mutual"

    def describe(self, lang: str) -> str:
        """Who must agree, in words."""
        sv = {"public_party": "den offentliga parten beslutar", "mutual": "båda parter är överens"}
        en = {"public_party": "the public party decides", "mutual": "both parties agree"}
        return (sv if lang == "sv" else en)[self.value]


def _holder(value: OptionHolder | str) -> OptionHolder:
    for member in OptionHolder:
        if value is member or value == member.value:
            return member
    raise AgreementError(
        "an option is used by 'public_party' (the public party alone) or 'mutual' (both "
        "parties together)",
        rule=T18,
        field="by",
        value=value,
    )


def _option_count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_length_part(value, attribute.name, AgreementError)


@attrs.frozen
class Option:
    """An option to extend (förlängningsoption): a length (``years``, ``months``, ``days``),
    who may use it (``by``: ``"public_party"`` or ``"mutual"``), and the last day to use it
    (``decide_by``; default: T9's last day to decide an extension). T18.

    >>> Option(months=12, by="mutual").length
    Length(years=0, months=12, days=0)
    """

    years: int = attrs.field(default=0, validator=_option_count)
    months: int = attrs.field(default=0, validator=_option_count)
    days: int = attrs.field(default=0, validator=_option_count)
    by: OptionHolder = attrs.field(default=OptionHolder.MUTUAL, converter=_holder)
    decide_by: Date | None = attrs.field(default=None, validator=optional_day)
    note: str | None = attrs.field(default=None, validator=optional_text(AgreementError, long=True))

    def __attrs_post_init__(self) -> None:
        check_positive_length(self.length, "an option", AgreementError, "years")

    @property
    def length(self) -> Length:
        """The length the option adds."""
        return trusted_length(self.years, self.months, self.days)


@attrs.frozen
class Extension:
    """An extension (förlängning) of an agreement, decided by a committee.

    Give a length (``years``, ``months``, ``days``), an explicit new last day (``until``), or
    both, in which case they must agree (T10). The extension's term starts the day after the
    current end (T8); it must be decided by that end (T9). ``reference`` is where the decision
    is recorded (a diarienummer or protocol paragraph, "KFN 2019-12-19 § 87"), ``document`` a
    file name or URL.
    """

    decided_on: Date = attrs.field(validator=day)
    decided_by: str = attrs.field(validator=text(ExtensionError))
    years: int = attrs.field(default=0, validator=_count)
    months: int = attrs.field(default=0, validator=_count)
    days: int = attrs.field(default=0, validator=_count)
    until: Date | None = attrs.field(default=None, validator=optional_day)
    note: str | None = attrs.field(default=None, validator=optional_text(ExtensionError, long=True))
    reference: str | None = attrs.field(default=None, validator=optional_text(ExtensionError))
    document: str | None = attrs.field(default=None, validator=optional_text(ExtensionError))
    option: int | None = attrs.field(default=None, validator=_option_number)

    def __attrs_post_init__(self) -> None:
        if self.until is None and not (self.years or self.months or self.days):
            check_positive_length(
                self.length, "an extension without an until day", ExtensionError, "years"
            )

    @property
    def length(self) -> Length:
        """The extension's length as given (zero when only ``until`` is given)."""
        return trusted_length(self.years, self.months, self.days)  # fields checked by _count

    def term_after(self, current_end: Date, rounding: Rounding = DEFAULT_ROUNDING) -> Term:
        """The term this extension adds after ``current_end`` (T8, T10)."""
        return extension_term(current_end, self.length, self.until, rounding)


class TerminationKind(enum.StrEnum):
    """How an agreement ends early (D5). The plain strings are accepted too."""

    #: uppsägning: by notice; the agreement's notice period applies.
    NOTICE = "notice"
    #: hävning: for breach of the agreement; may take effect at once.
    BREACH = "breach"
    #: upphörande efter överenskommelse: both parties agree on the last day.
    MUTUAL = "mutual"

    @property
    def sv(self) -> str:
        return {"notice": "uppsägning", "breach": "hävning", "mutual": "överenskommelse"}[
            self.value
        ]


def _as_kind(value: TerminationKind | str) -> TerminationKind:
    for member in TerminationKind:
        if value is member or value == member.value:
            return member
    raise TerminationError(
        "a termination's kind is 'notice', 'breach' or 'mutual'", field="kind", value=value
    )


@attrs.frozen
class Termination:
    """An early end: ``on`` is the last day in force, ``decided_on`` the day of the decision
    (T12), ``kind`` notice (uppsägning, the default), breach (hävning) or mutual agreement,
    and ``notified_on`` the day the notice reached the other party (default: ``decided_on``;
    D5); ``reference`` and ``document`` say where the decision is recorded."""

    on: Date = attrs.field(validator=day)
    decided_on: Date = attrs.field(validator=day)
    reason: str = attrs.field(validator=text(TerminationError, long=True))
    kind: TerminationKind = attrs.field(default=TerminationKind.NOTICE, converter=_as_kind)
    notified_on: Date | None = attrs.field(default=None, validator=optional_day)
    reference: str | None = attrs.field(default=None, validator=optional_text(TerminationError))
    document: str | None = attrs.field(default=None, validator=optional_text(TerminationError))

    @property
    def notice_day(self) -> Date:
        """The day the notice reached the other party: ``notified_on`` or ``decided_on``."""
        return self.decided_on if self.notified_on is None else self.notified_on


def _as_extensions(value: Iterable[Extension]) -> tuple[Extension, ...]:
    return sequence_of(value, Extension, "extensions", AgreementError)


def _as_options(value: Iterable[Option]) -> tuple[Option, ...]:
    if type(value) is tuple and not value:
        return ()
    return sequence_of(value, Option, "options", AgreementError)


def _as_partners(value: Iterable[IdeaBasedParty]) -> tuple[IdeaBasedParty, ...]:
    if type(value) is tuple and not value:
        return ()
    return sequence_of(value, IdeaBasedParty, "partners", AgreementError)


def _as_public_parties(value: Iterable[PublicParty]) -> tuple[PublicParty, ...]:
    if type(value) is tuple and not value:
        return ()
    return sequence_of(value, PublicParty, "public_parties", AgreementError)


def _as_follow_ups(value: Iterable[FollowUpReport]) -> tuple[FollowUpReport, ...]:
    if type(value) is tuple and not value:  # the default: nothing to check or to load
        return ()
    from iop_model.deadlines.reporting import FollowUpReport

    return sequence_of(value, FollowUpReport, "follow_up_reports", AgreementError)


def _as_contributions(value: Iterable[Contribution]) -> tuple[Contribution, ...]:
    if type(value) is tuple and not value:
        return ()
    from iop_model.money import Contribution

    return sequence_of(value, Contribution, "contributions", AgreementError)


def _as_evidence(value: Iterable[Evidence]) -> tuple[Evidence, ...]:
    if type(value) is tuple and not value:
        return ()
    from iop_model.advisory.criteria import Evidence

    found = sequence_of(value, Evidence, "evidence", AgreementError)
    seen: set[str] = set()
    for index, item in enumerate(found):
        if item.criterion in seen:
            raise AgreementError(
                "evidence for a criterion is given once (write both statements in one)",
                field=f"evidence[{index}].criterion",
                value=item.criterion,
            )
        seen.add(item.criterion)
    return found


def _extension_roll(value: Roll | str | None) -> Roll | None:
    if value is None:
        return None
    from iop_model.deadlines.calendar import forward_roll

    return forward_roll(value, "extension_roll", AgreementError)  # T9's last day, forward


def _reporting(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        from iop_model.deadlines.reporting import ReportingDuty

        instance_of(ReportingDuty, AgreementError, optional=True)(instance, attribute, value)


@attrs.frozen
class Agreement:
    """An IOP agreement (avtal, överenskommelse) between a public party and an idea-based
    organisation, with its initial term, extensions and an optional termination.

    ``decided_on`` is the day the agreement was decided or signed (``None``: not recorded);
    ``max_extent`` the latest day any extension may reach (T11); ``follows`` the id of the
    agreement this one follows (a follow-on agreement, T14); ``rounding`` the T5 policy used
    for the extensions' lengths; ``notice_period`` the time notice must be given before the
    agreement ends by notice (uppsägningstid, D5); ``extension_roll`` whether the last day to
    decide an extension moves to the next working day (T9; ``None``, the default, keeps the
    term's last day); ``reporting`` the duty to hand in follow-up reports (D6) and
    ``follow_up_reports`` those received (D7); ``replaces`` that this follow-on agreement
    replaces the one it ``follows`` from its start, ending it the day before (T16);
    ``reference`` and ``document`` where the decision is recorded; ``contributions`` what
    both parties contribute (M1–M5); ``evidence`` statements for the IOP criteria and
    Överenskommelsen's principles (no verdict).
    """

    id: str = attrs.field(validator=text(AgreementError))
    public_party: PublicParty = attrs.field(validator=instance_of(PublicParty, AgreementError))
    partner: IdeaBasedParty = attrs.field(validator=instance_of(IdeaBasedParty, AgreementError))
    term: Term = attrs.field(validator=instance_of(Term, AgreementError))
    decided_on: Date | None = attrs.field(default=None, validator=optional_day)
    max_extent: Date | None = attrs.field(default=None, validator=optional_day)
    follows: str | None = attrs.field(default=None, validator=optional_text(AgreementError))
    extensions: tuple[Extension, ...] = attrs.field(default=(), converter=_as_extensions)
    termination: Termination | None = attrs.field(
        default=None, validator=instance_of(Termination, AgreementError, optional=True)
    )
    title: str = attrs.field(default="", validator=optional_text(AgreementError))
    rounding: Rounding = attrs.field(
        default=DEFAULT_ROUNDING, validator=instance_of(Rounding, AgreementError)
    )
    notice_period: Length | None = attrs.field(
        default=None, validator=instance_of(Length, AgreementError, optional=True)
    )
    extension_roll: Roll | None = attrs.field(default=None, converter=_extension_roll)
    reporting: ReportingDuty | None = attrs.field(default=None, validator=_reporting)
    follow_up_reports: tuple[FollowUpReport, ...] = attrs.field(
        default=(), converter=_as_follow_ups
    )
    contributions: tuple[Contribution, ...] = attrs.field(default=(), converter=_as_contributions)
    evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=_as_evidence)
    replaces: bool = attrs.field(default=False)
    reference: str | None = attrs.field(default=None, validator=optional_text(AgreementError))
    document: str | None = attrs.field(default=None, validator=optional_text(AgreementError))
    options: tuple[Option, ...] = attrs.field(default=(), converter=_as_options)
    partners: tuple[IdeaBasedParty, ...] = attrs.field(default=(), converter=_as_partners)
    public_parties: tuple[PublicParty, ...] = attrs.field(default=(), converter=_as_public_parties)
    #: Set only on the copy a :class:`Partnership` holds of an agreement that a later one
    #: replaced (T16): the replacing agreement's id.
    replaced_by: str | None = attrs.field(default=None, init=False, eq=False)
    _scheduled: tuple[Term, ...] = attrs.field(init=False, repr=False, eq=False)
    _terms: tuple[Term, ...] = attrs.field(init=False, repr=False, eq=False)
    _used: tuple[int | None, ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        self._check_parties()
        if self.follows is not None and self.follows == self.id:
            raise AgreementError(
                "an agreement cannot follow itself", rule=T14, field="follows", value=self.follows
            )
        if self.max_extent is not None and self.max_extent < self.term.end:
            raise AgreementError(
                f"the maximum extent {self.max_extent.isoformat()} is before the end of the "
                f"initial term {self.term.end.isoformat()}",
                rule=T11,
                field="max_extent",
                value=self.max_extent,
            )
        if type(self.replaces) is not bool:
            raise AgreementError("expected true or false", field="replaces", value=self.replaces)
        if self.replaces and self.follows is None:
            raise AgreementError(
                "a replacing agreement names the agreement it replaces in 'follows'",
                rule=T16,
                field="replaces",
                value=self.replaces,
            )
        if self.notice_period is not None and self.notice_period.is_zero:
            from iop_model.deadlines.calendar import D5

            raise AgreementError(
                "a notice period needs a positive length (or leave it out)",
                rule=D5,
                field="notice_period",
                value=self.notice_period,
            )
        scheduled, used = self._chain_extensions()
        object.__setattr__(self, "_used", used)
        object.__setattr__(self, "_scheduled", scheduled)
        object.__setattr__(self, "_terms", self._apply_termination(scheduled))
        if self.follow_up_reports:
            self._check_follow_ups()
        if self.contributions:
            from iop_model.money import check_within

            check_within(self.contributions, self.span, "contributions")  # M2

    def _check_follow_ups(self) -> None:
        from iop_model.deadlines.reporting import D6, D7

        span = self.span
        duty = self.reporting
        periods = [] if duty is None else [period for period, _ in duty.periods(span)]
        reported: dict[Term, int] = {}
        for index, report in enumerate(self.follow_up_reports):
            field = f"follow_up_reports[{index}].period"
            if not (span.start <= report.period.start and report.period.end <= span.end):
                raise AgreementError(
                    f"a follow-up report's period lies outside the agreement's days in force "
                    f"{span}",
                    rule=D6,
                    field=field,
                    value=report.period,
                )
            covered = [period for period in periods if report.covers(period)]
            if not covered:
                shown = ", ".join(str(p) for p in periods) or "none: the agreement has no reporting"
                raise AgreementError(
                    "a follow-up report's period holds none of the agreement's reporting "
                    f"periods ({shown}); it would count for nothing",
                    rule=D6,
                    field=field,
                    value=report.period,
                )
            for period in covered:
                if period in reported:
                    raise AgreementError(
                        f"the reporting period {period} already has a report, "
                        f"follow_up_reports[{reported[period]}]; give each report once",
                        rule=D7,
                        field=field,
                        value=report.period,
                    )
                reported[period] = index

    def _check_parties(self) -> None:
        """P2: the first of each list is the named party; no name twice on a side; a
        contribution's party and receiving partner are parties of the agreement."""
        from iop_model.parties import P2

        put = object.__setattr__
        for many, one, name in (
            ("partners", "partner", self.partner),
            ("public_parties", "public_party", self.public_party),
        ):
            given = getattr(self, many)
            if not given:
                put(self, many, (name,))
                continue
            if given[0] != name:
                raise AgreementError(
                    f"{one} is the first of {many}: give the same party first, or only "
                    f"{many} in a file",
                    rule=P2,
                    field=f"{many}[0]",
                    value=given[0].name,
                )
            seen: set[str] = set()
            for index, party in enumerate(given):
                if party.name in seen:
                    raise AgreementError(
                        "a party is named once on its side",
                        rule=P2,
                        field=f"{many}[{index}].name",
                        value=party.name,
                    )
                seen.add(party.name)
        partners = {p.name for p in self.partners}
        publics = {p.name for p in self.public_parties}
        for index, contribution in enumerate(self.contributions):
            side = partners if contribution.by.value == "partner" else publics
            if contribution.party is not None and contribution.party not in side:
                raise AgreementError(
                    f"the contribution's party is none of the agreement's "
                    f"{'partners' if side is partners else 'public parties'} "
                    f"({', '.join(sorted(side))})",
                    rule=P2,
                    field=f"contributions[{index}].party",
                    value=contribution.party,
                )
            if contribution.to is not None and contribution.to not in partners:
                raise AgreementError(
                    f"the contribution's receiving partner is none of the agreement's "
                    f"partners ({', '.join(sorted(partners))})",
                    rule=P2,
                    field=f"contributions[{index}].to",
                    value=contribution.to,
                )

    @property
    def latest_end(self) -> Date | None:
        """The latest day the agreement may reach: ``max_extent``; without one, the end
        after every option is used (T18); ``None`` when it has neither (T11).

        >>> import pendulum
        >>> from iop_model import IdeaBasedParty, PublicParty, Term
        >>> a = Agreement("u", PublicParty("Uddevalla kommun"), IdeaBasedParty("Saronhuset"),
        ...               Term(pendulum.date(2021, 4, 1), pendulum.date(2023, 3, 31)),
        ...               options=[Option(years=1, by="mutual")])
        >>> a.latest_end
        Date(2024, 3, 31)
        """
        if self.max_extent is not None or not self.options:
            return self.max_extent
        end = self.term.end
        for option in self.options:
            end = extension_term(end, option.length, None, self.rounding).end
        return end

    @property
    def used_options(self) -> dict[int, int]:
        """Which option each extension used (T18): option number -> extension number."""
        return {o: e for e, o in enumerate(self._used[: len(self.extensions)]) if o is not None}

    def unused_options(self) -> list[tuple[int, Option]]:
        """The options not yet used, with their numbers, in order (T18)."""
        used = self.used_options
        return [(n, o) for n, o in enumerate(self.options) if n not in used]

    def option_deadline(self, option: Option) -> Date:
        """The last day to use ``option``: its ``decide_by``, else T9's last day to decide
        an extension of the current term."""
        return self.extension_deadline() if option.decide_by is None else option.decide_by

    def _option_for(
        self, index: int, extension: Extension, added: Term, current_end: Date, used: set[int]
    ) -> int | None:
        """The option ``extension`` uses (T18), or ``None``; raises when it names one it
        cannot use."""
        where = f"extensions[{index}]"

        def gives(option: Option) -> bool:
            return extension_term(current_end, option.length, None, self.rounding) == added

        if extension.option is not None:
            number = extension.option
            if number >= len(self.options):
                raise ExtensionError(
                    f"the agreement has {len(self.options)} option(s), numbered from 0",
                    rule=T18,
                    field=f"{where}.option",
                    value=number,
                )
            if number in used:
                raise ExtensionError(
                    "this option was used by an earlier extension; an option is used once",
                    rule=T18,
                    field=f"{where}.option",
                    value=number,
                )
            if not gives(self.options[number]):
                raise ExtensionError(
                    f"option {number} gives {self.options[number].length}, not the term {added}",
                    rule=T18,
                    field=f"{where}.option",
                    value=number,
                )
            found: int | None = number
        else:
            found = next(
                (n for n, o in enumerate(self.options) if n not in used and gives(o)), None
            )
        if found is not None:
            option = self.options[found]
            if option.decide_by is not None and extension.decided_on > option.decide_by:
                raise ExtensionError(
                    f"option {found} was to be used by {option.decide_by}; the extension was "
                    f"decided on {extension.decided_on}",
                    rule=T18,
                    field=f"{where}.decided_on",
                    value=extension.decided_on,
                )
        return found

    def _chain_extensions(self) -> tuple[tuple[Term, ...], tuple[int | None, ...]]:
        terms = [self.term]
        earliest = self.decided_on
        latest_end = self.latest_end
        used: list[int | None] = []
        for index, extension in enumerate(self.extensions):
            where = f"extensions[{index}]"
            current_end = terms[-1].end
            check_extension_timing(
                extension.decided_on,
                current_end,
                earliest,
                f"{where}.decided_on",
                latest=self._decision_deadline(current_end),
            )
            try:
                added = extension.term_after(current_end, self.rounding)
            except IOPError as error:
                if error.field == "length":  # name the key the extension was given (T1)
                    part = next(
                        (p for p in ("years", "months", "days") if getattr(extension, p)), "years"
                    )
                    raise type(error)(
                        error.message,
                        rule=error.rule,
                        field=f"{where}.{part}",
                        value=getattr(extension, part),
                    ) from None
                raise error.at(where) from None
            option = (
                self._option_for(
                    index, extension, added, current_end, {u for u in used if u is not None}
                )
                if self.options or extension.option is not None
                else None
            )
            if (
                option is None
                and self.options
                and latest_end is not None
                and added.end > latest_end
            ):
                raise ExtensionError(
                    f"the extension uses none of the agreement's options and would end on "
                    f"{added.end}, past the latest end {latest_end}",
                    rule=T18,
                    field=where,
                    value=added.end,
                )
            check_max_extent(added.end, self.max_extent, f"{where}.until")
            terms.append(added)
            used.append(option)
            earliest = extension.decided_on
        return tuple(terms), tuple(used)

    def _decision_deadline(self, current_end: Date) -> Date:
        """The last day to decide an extension of a term ending ``current_end`` (T9)."""
        if self.extension_roll is None:
            return current_end
        from iop_model.deadlines.calendar import next_working_day

        return next_working_day(current_end)

    def _apply_termination(self, scheduled: tuple[Term, ...]) -> tuple[Term, ...]:
        termination = self.termination
        if termination is None:
            return scheduled
        earliest = self.extensions[-1].decided_on if self.extensions else self.decided_on
        check_termination(
            termination.on,
            termination.decided_on,
            scheduled[0].start,
            scheduled[-1].end,
            earliest,
        )
        from iop_model.deadlines.calendar import check_notice

        period = self.notice_period
        check_notice(
            termination.on,
            termination.decided_on,
            termination.notice_day,
            None
            if period is None or termination.kind is not TerminationKind.NOTICE
            else {"years": period.years, "months": period.months, "days": period.days},
        )
        kept = []
        for term in scheduled:
            if term.start > termination.on:
                break
            kept.append(trusted_term(term.start, min(term.end, termination.on)))
        return tuple(kept)

    # --- what the agreement says -------------------------------------------------------------

    @property
    def start(self) -> Date:
        """The first day of the agreement."""
        return self.term.start

    @property
    def end(self) -> Date:
        """The last day in force: the end of the last extension, or the termination day."""
        return self._terms[-1].end

    @property
    def scheduled_end(self) -> Date:
        """The end the extensions give, ignoring a termination."""
        return self._scheduled[-1].end

    @property
    def terms(self) -> tuple[Term, ...]:
        """The initial term, then one term per extension (T8), cut at a termination (T12)."""
        return self._terms

    @property
    def scheduled_terms(self) -> tuple[Term, ...]:
        """The terms as decided, before a termination cut them: the initial term and each
        extension's term (:attr:`terms` are the ones in force)."""
        return self._scheduled

    @property
    def span(self) -> Term:
        """One term from the start to :attr:`end`."""
        return trusted_term(self.term.start, self._terms[-1].end)

    @property
    def is_terminated(self) -> bool:
        return self.termination is not None

    def is_active(self, day: Date) -> bool:
        """Whether ``day`` falls within the agreement's terms, as this object knows them."""
        day = calendar_day(day, "day")
        return self.start <= day <= self.end

    # --- operations (each returns a new Agreement) ---------------------------------------------

    def extend(self, extension: Extension) -> Agreement:
        """A copy with ``extension`` added after the current end (T8–T11)."""
        return attrs.evolve(self, extensions=(*self.extensions, extension))

    def terminate(
        self,
        on: Date,
        decided_on: Date,
        reason: str,
        *,
        kind: TerminationKind | str = TerminationKind.NOTICE,
        notified_on: Date | None = None,
    ) -> Agreement:
        """A copy that ends on ``on`` (the last day in force), decided on ``decided_on`` (T12);
        ``kind`` and ``notified_on`` as in :class:`Termination` (D5: a termination by notice
        waits for the notice period).

        No extension can be added afterwards.
        """
        if self.termination is not None:
            raise AgreementError(
                f"the agreement is already terminated on {self.termination.on.isoformat()}",
                rule=T12,
                field="termination",
                value=self.termination,
            )
        ended = Termination(on, decided_on, reason, _as_kind(kind), notified_on)
        return attrs.evolve(self, termination=ended)

    def notice_deadline(self, roll: RollPolicy = "previous_weekday") -> Deadline | None:
        """The last day to give notice for the agreement to end on its current :attr:`end`
        (D4, D5), or ``None`` when it has no notice period or is already terminated.

        >>> import pendulum
        >>> from iop_model import Agreement, IdeaBasedParty, Length, PublicParty, Term
        >>> a = Agreement("a", PublicParty("Exempelstad"), IdeaBasedParty("Föreningen"),
        ...               Term.year(2024), notice_period=Length(months=3))
        >>> a.notice_deadline().last_day
        Date(2024, 9, 30)
        """
        from iop_model.deadlines.calendar import deadline_before

        period = self.notice_period
        if period is None or self.termination is not None:
            return None
        return deadline_before(
            self.end, years=period.years, months=period.months, days=period.days, roll=roll
        )

    def extension_deadline(self) -> Date:
        """The last day to decide an extension of the current term (T9): its last day, or
        the next working day when ``extension_roll`` is ``"next_weekday"`` (D3)."""
        return self._decision_deadline(self.end)

    def known_on(self, day: Date) -> bool:
        """Whether the agreement itself had been decided on ``day`` (T13); without a decision
        day, from its first day (T15)."""
        return known_on(self.decided_on, calendar_day(day, "day"), self.term.start)

    def contribution_known_from(self, contribution: Contribution) -> Date:
        """The day ``contribution`` counts as known and as granted (M3): its own decision
        day; else the decision of this agreement, or of the latest extension whose term its
        period needs; without any decision day, its period's first day (T15).

        >>> import pendulum
        >>> from iop_model import Contribution, IdeaBasedParty, PublicParty, Term
        >>> D = pendulum.date
        >>> grant = Contribution("public", "money", 650_000, Term.year(2024))
        >>> a = Agreement("a", PublicParty("Kalmar kommun"), IdeaBasedParty("Jouren"),
        ...               Term(D(2022, 1, 1), D(2024, 12, 31)), decided_on=D(2021, 11, 24),
        ...               contributions=[grant])
        >>> a.contribution_known_from(grant)
        Date(2021, 11, 24)
        """
        if contribution.decided_on is not None:
            return contribution.decided_on
        decided = self.decided_on
        last = contribution.period.end
        for term, extension in zip(self._scheduled[1:], self.extensions, strict=False):
            if term.start > last:
                break
            decided = extension.decided_on  # the period needs this extension's term
        return contribution.period.start if decided is None else decided

    @property
    def known_from(self) -> Date:
        """The first day on which the agreement counts as known: its decision day, or its
        first day when no decision day is recorded (T15)."""
        return self.term.start if self.decided_on is None else self.decided_on

    def as_known_on(self, day: Date) -> Agreement:
        """The agreement as it stood at the end of ``day``: only the decisions made on or
        before it (extensions and a termination, T13), the contributions known by then (M3),
        the follow-up reports received by then (D7), the evidence recorded by then, and a
        notice only once it had reached the other party (D5). Returns ``self`` when nothing
        is later.

        Raises :class:`AgreementError` when the agreement itself was decided after ``day``.
        """
        day = calendar_day(day, "day")
        if not known_on(self.decided_on, day, self.term.start):
            undated = self.decided_on is None
            raise AgreementError(
                f"agreement {self.id!r} "
                + (
                    f"has no decision day and counts as known from its start {self.start}"
                    if undated
                    else f"was decided on {self.decided_on}"
                )
                + f", after {day}",
                rule=T15 if undated else T13,
                field="decided_on",
                value=self.decided_on,
            )
        termination = self.termination
        extensions = len(self.extensions)
        if termination is not None and termination.decided_on <= day:
            # T12: a termination comes after every extension, so all of them are known
            notified = termination.notified_on
            if notified is not None and notified > day:  # the notice had not yet arrived
                termination = attrs.evolve(termination, notified_on=None)
        else:
            termination = None
            known = 0
            for extension in self.extensions:  # decided in order (T9): a known prefix
                if extension.decided_on > day:
                    break
                known += 1
            extensions = known
        contributions = self.contributions
        if contributions and any(self.contribution_known_from(c) > day for c in contributions):
            contributions = tuple(
                c for c in contributions if self.contribution_known_from(c) <= day
            )
        reports = self.follow_up_reports
        if reports and any(r.received_on > day for r in reports):
            reports = tuple(r for r in reports if r.received_on <= day)
        evidence = self.evidence
        if evidence and any(e.given_on is not None and e.given_on > day for e in evidence):
            evidence = tuple(e for e in evidence if e.given_on is None or e.given_on <= day)
        if (
            extensions == len(self.extensions)
            and termination is self.termination
            and contributions is self.contributions
            and reports is self.follow_up_reports
            and evidence is self.evidence
        ):
            return self
        return self._known_copy(extensions, termination, contributions, reports, evidence)

    def _known_terms(self, day: Date) -> tuple[tuple[Term, ...], Termination | None, bool]:
        """The terms in force as known at the end of ``day`` (T13), the termination known
        then, and whether these are all of the agreement's terms: what a duration goal needs
        of :meth:`as_known_on`, without the copy (benchmark P1). The agreement itself must
        be known on ``day``."""
        termination = self.termination
        if termination is not None and termination.decided_on <= day:
            return self._terms, termination, True
        known = 0
        for extension in self.extensions:
            if extension.decided_on > day:
                break
            known += 1
        if termination is None and known == len(self.extensions):
            return self._terms, None, True
        return self._scheduled[: known + 1], None, False

    def _known_copy(
        self,
        extensions: int,
        termination: Termination | None,
        contributions: tuple[Contribution, ...],
        reports: tuple[FollowUpReport, ...],
        evidence: tuple[Evidence, ...],
    ) -> Agreement:
        """This agreement with only its first ``extensions`` extensions, ``termination``
        (``None``, or its own termination as known), and the known contributions and reports.

        What a valid agreement knew on a day is valid (T9 orders the extensions, T12 puts a
        termination after all of them, an earlier notice never breaks D5, and fewer
        contributions and reports stay within the days in force), so the copy is built
        without re-validation.
        """
        copy = object.__new__(Agreement)
        put = object.__setattr__
        for name, value in zip(_GIVEN, _given(self), strict=True):
            put(copy, name, value)
        put(copy, "contributions", contributions)
        put(copy, "_used", self._used)
        put(copy, "follow_up_reports", reports)
        put(copy, "evidence", evidence)
        if extensions == len(self.extensions) and (termination is None) == (
            self.termination is None
        ):
            put(copy, "termination", termination)  # the same terms: only a fact dropped
            put(copy, "replaced_by", self.replaced_by)
            put(copy, "_scheduled", self._scheduled)
            put(copy, "_terms", self._terms)
            return copy
        scheduled = self._scheduled[: extensions + 1]
        put(copy, "extensions", self.extensions[:extensions])
        put(copy, "termination", None)
        put(copy, "replaced_by", None)
        put(copy, "_scheduled", scheduled)
        put(copy, "_terms", scheduled)
        return copy

    def _replaced(self, by: Agreement) -> Agreement:
        """This agreement as a partnership holds it once ``by`` replaces it (T16): in force
        until the day before ``by`` starts."""
        last = _plus_days(by.start, -1)
        copy = object.__new__(Agreement)
        for field in attrs.fields(Agreement):
            object.__setattr__(copy, field.name, getattr(self, field.name))
        kept = [
            trusted_term(term.start, min(term.end, last))
            for term in self._terms
            if term.start <= last
        ]
        object.__setattr__(copy, "_terms", tuple(kept))
        object.__setattr__(copy, "replaced_by", by.id)
        return copy


#: The fields an agreement is given (the rest it computes), for its unvalidated copies.
_GIVEN: tuple[str, ...] = tuple(field.name for field in attrs.fields(Agreement) if field.init)
_given: Callable[[Agreement], tuple[Any, ...]] = operator.attrgetter(*_GIVEN)


def _as_agreements(value: Iterable[Agreement]) -> tuple[Agreement, ...]:
    if isinstance(value, Agreement):
        raise PartnershipError(
            "a partnership takes a sequence of Agreement", field="agreements", value=value
        )
    return sequence_of(value, Agreement, "agreements", PartnershipError)


@attrs.frozen
class Partnership:
    """A chain of agreements between the same parties, each follow-on agreement naming the
    one it follows (T14). ``agreements`` are kept in chain order, first agreement first.

    >>> import pendulum
    >>> from iop_model import Agreement, IdeaBasedParty, Partnership, PublicParty, Term
    >>> city, association = PublicParty("Mölndals stad"), IdeaBasedParty("Konstkollektivet")
    >>> first = Agreement("a", city, association, Term.year(2019))
    >>> second = Agreement("b", city, association,
    ...                    Term.starting(pendulum.date(2021, 1, 1), years=3), follows="a")
    >>> p = Partnership([second, first])
    >>> [a.id for a in p.agreements], str(p.span), [str(g) for g in p.gaps]
    (['a', 'b'], '2019-01-01..2023-12-31', ['2020-01-01..2020-12-31'])
    """

    agreements: tuple[Agreement, ...] = attrs.field(converter=_as_agreements)
    _originals: tuple[Agreement, ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        ordered = _chain(self.agreements)
        object.__setattr__(self, "_originals", ordered)
        object.__setattr__(self, "agreements", _replace(ordered))

    @property
    def days_without_decision(self) -> tuple[Term, ...]:
        """The days on which the agreement in force, by the terms on paper, had not yet been
        decided: a follow-on agreement decided after the one before it ended is continuous on
        paper (T14) but not in decisions (G2); its days before its decision are listed here.
        An agreement without a decision day is never late (T15).

        >>> import pendulum
        >>> from iop_model import Agreement, IdeaBasedParty, Partnership, PublicParty, Term
        >>> city, club = PublicParty("Mölndals stad"), IdeaBasedParty("Konstkollektivet")
        >>> late = Agreement("b", city, club, Term.year(2022), follows="a",
        ...                  decided_on=pendulum.date(2022, 1, 10))
        >>> p = Partnership([Agreement("a", city, club, Term.year(2021)), late])
        >>> p.is_continuous, [str(t) for t in p.days_without_decision]
        (True, ['2022-01-01..2022-01-09'])
        """
        found = []
        for previous, following in zip(self.agreements, self.agreements[1:], strict=False):
            decided = following.decided_on
            if decided is None:
                continue
            start = max(following.start, previous.span.next_start)
            if decided <= start:
                continue  # decided before its first day: no day without a decision
            last = min(_plus_days(decided, -1), following.end)
            if start <= last:
                found.append(trusted_term(start, last))
        return tuple(found)

    @property
    def first(self) -> Agreement:
        return self.agreements[0]

    @property
    def last(self) -> Agreement:
        return self.agreements[-1]

    @property
    def start(self) -> Date:
        return self.first.start

    @property
    def end(self) -> Date:
        return self.last.end

    @property
    def span(self) -> Term:
        """From the first agreement's start to the last agreement's end."""
        return trusted_term(self.start, self.end)

    @property
    def terms(self) -> tuple[Term, ...]:
        """Every term of every agreement, in order."""
        return tuple(term for agreement in self.agreements for term in agreement.terms)

    @property
    def gaps(self) -> tuple[Term, ...]:
        """The days between one agreement's end and the next one's start (T14)."""
        found = []
        for previous, following in zip(self.agreements, self.agreements[1:], strict=False):
            gap = previous.span.gap_to(following.span)
            if gap is not None:
                found.append(gap)
        return tuple(found)

    @property
    def is_continuous(self) -> bool:
        return not self.gaps

    def get(self, agreement_id: str) -> Agreement:
        """The agreement with id ``agreement_id``, as the partnership holds it (cut by a
        replacing agreement, T16)."""
        for agreement in self.agreements:
            if agreement.id == agreement_id:
                return agreement
        raise PartnershipError(
            "no agreement with that id in the partnership", field="id", value=agreement_id
        )

    def is_active(self, day: Date) -> bool:
        """Whether any agreement of the partnership is in force on ``day``."""
        return any(agreement.is_active(day) for agreement in self.agreements)

    def known_on(self, day: Date) -> bool:
        """Whether at least one agreement had been decided on ``day`` (T13)."""
        return any(agreement.known_on(day) for agreement in self.agreements)

    def as_known_on(self, day: Date) -> Partnership:
        """The partnership with only the agreements and decisions made on or before ``day``
        (T13); raises :class:`PartnershipError` when none had been decided."""
        day = calendar_day(day, "day")
        known = tuple(a.as_known_on(day) for a in self._originals if a.known_on(day))
        if not known:
            raise PartnershipError(
                f"no agreement of the partnership had been decided on {day}",
                rule=T13,
                field="agreements",
                value=day,
            )
        if all(k is a for k, a in zip(known, self._originals, strict=False)) and len(known) == len(
            self._originals
        ):
            return self
        try:
            return Partnership(known)
        except PartnershipError as error:
            # A follow-on known before the decision that made room for it (T13, T14).
            raise PartnershipError(
                f"as known on {day}: {error.message}",
                rule=error.rule,
                field=error.field,
                value=error.value,
            ) from None


# --- T17 Unique ids ------------------------------------------------------------------------------
T17 = rule(
    "T17",
    "Unique ids",
    "An agreement's id is unique among every agreement read together: the agreements of a "
    "partnership, and the files of a folder or a portfolio; it names the agreement in "
    "reports, calendar events (their UID) and open-data exports.",
    "Ett avtals id är unikt bland alla avtal som läses tillsammans: ett partnerskaps avtal "
    "och filerna i en mapp eller en portfölj; det namnger avtalet i rapporter, "
    "kalenderhändelser (deras UID) och öppna data.",
    "The library's own rule: two partnerships with one id would merge in a calendar (one UID, "
    "RFC 5545, 3.8.4.7) and in open data (one grant id, 360Giving; one contract id, OCDS).",
)


def duplicate_ids(named: Iterable[tuple[str, Iterable[Agreement]]]) -> list[Problem]:
    """A problem for every agreement id used again in another file (T17), naming both files.

    >>> from iop_model import IdeaBasedParty, PublicParty, Term
    >>> a = Agreement("avtal-1", PublicParty("K"), IdeaBasedParty("F"), Term.year(2024))
    >>> print(*duplicate_ids([("one.toml", [a]), ("two.toml", [a])]))  # doctest: +ELLIPSIS
    two.toml: agreements[0].id: T17: the id is also used in one.toml (agreements[0]); ...
    """
    seen: dict[str, tuple[str, int]] = {}
    problems = []
    for name, agreements in named:
        for index, agreement in enumerate(agreements):
            other = seen.get(agreement.id)
            if other is not None and other[0] != name:
                problems.append(
                    Problem(
                        f"{name}: agreements[{index}].id",
                        f"the id is also used in {other[0]} (agreements[{other[1]}]); an "
                        "agreement's id is unique among the files read together",
                        agreement.id,
                        T17,
                    )
                )
            seen.setdefault(agreement.id, (name, index))
    return problems


def _replace(ordered: tuple[Agreement, ...]) -> tuple[Agreement, ...]:
    """The chain with every replaced agreement ending the day before its replacement (T16)."""
    if not any(agreement.replaces for agreement in ordered):
        return ordered
    result = list(ordered)
    for index in range(1, len(result)):
        following = result[index]
        previous = result[index - 1]
        if following.replaces and following.start <= previous.end:
            result[index - 1] = previous._replaced(following)
    return tuple(result)


def _chain(agreements: tuple[Agreement, ...]) -> tuple[Agreement, ...]:
    """Order ``agreements`` by their ``follows`` links and check the chain (T14)."""
    if not agreements:
        raise PartnershipError(
            "a partnership needs at least one agreement", rule=T14, field="agreements", value=()
        )
    positions: dict[str, int] = {}
    for index, agreement in enumerate(agreements):
        if agreement.id in positions:
            raise PartnershipError(
                "two agreements have the same id",
                rule=T14,
                field=f"agreements[{index}].id",
                value=agreement.id,
            )
        positions[agreement.id] = index
    successor: dict[str, Agreement] = {}
    roots = []
    for index, agreement in enumerate(agreements):
        if agreement.follows is None or agreement.follows not in positions:
            roots.append(agreement)
            continue
        if agreement.follows in successor:
            raise PartnershipError(
                f"two agreements follow {agreement.follows!r}: "
                f"{successor[agreement.follows].id!r} and {agreement.id!r}",
                rule=T14,
                field=f"agreements[{index}].follows",
                value=agreement.follows,
            )
        successor[agreement.follows] = agreement
    if len(roots) != 1:
        raise PartnershipError(
            "the agreements do not form one chain: "
            f"{len(roots)} of them follow no agreement of the partnership "
            f"({', '.join(repr(r.id) for r in roots) or 'none'})",
            rule=T14,
            field="agreements",
            value=tuple(r.id for r in roots),
        )
    ordered = [roots[0]]
    while ordered[-1].id in successor and len(ordered) <= len(agreements):
        following = successor[ordered[-1].id]
        position = positions[following.id]
        field = f"agreements[{position}].term.start"
        previous = ordered[-1]
        if following.replaces:
            check_replacement(previous.start, previous.end, following.start, field)
        else:
            check_follow_on(previous.end, following.start, field)
        ordered.append(following)
    if len(ordered) != len(agreements):
        placed = {a.id for a in ordered}
        left = [a.id for a in agreements if a.id not in placed]
        raise PartnershipError(
            f"the agreements {left} follow each other in a circle",
            rule=T14,
            field="agreements",
            value=tuple(left),
        )
    return tuple(ordered)


def resolve_types() -> None:
    """Resolve the annotations of :class:`Agreement` and its companions, as
    ``attrs.resolve_types`` and ``typing.get_type_hints`` read them.

    They name classes of modules an agreement loads only when it first uses them (calendar,
    criteria, money, reporting); this imports them and binds their names here.

    >>> import typing
    >>> from iop_model.terms.agreement import Agreement, resolve_types
    >>> resolve_types()
    >>> typing.get_type_hints(Agreement)["reporting"]
    iop_model.deadlines.reporting.ReportingDuty | None
    """
    from iop_model.advisory.criteria import Evidence
    from iop_model.deadlines.calendar import Deadline, Roll, RollPolicy
    from iop_model.deadlines.reporting import FollowUpReport, ReportingDuty
    from iop_model.money import Contribution

    globals().update(
        Deadline=Deadline,
        Roll=Roll,
        RollPolicy=RollPolicy,
        Evidence=Evidence,
        Contribution=Contribution,
        FollowUpReport=FollowUpReport,
        ReportingDuty=ReportingDuty,
    )
    for cls in (Extension, Termination, Agreement, Partnership):
        attrs.resolve_types(cls)
