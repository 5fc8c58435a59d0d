"""All of a municipality's partnerships at once: the overview an official or auditor asks for.

A :class:`Portfolio` holds several cases, each with the name of the file it came from. It
answers the questions asked across partnerships, as known on a day (T13): which agreements
are in force, which expire soon without a decision, which goals are open or missed, which
targets are not met, which follow-up reports are late, which flags are raised. Every answer
is a row with its file, so that a person can open the file behind it.

This module reads files (:meth:`Portfolio.load`), so it is an edge like :mod:`iop_model.files`:
the core never imports it.

>>> import pendulum
>>> from iop_model import Portfolio
>>> portfolio = Portfolio.load("examples")
>>> [a.id for a in portfolio.active_on(pendulum.date(2024, 6, 1))]
['exempelby-jouren-2023', 'exempelstad-trygga-vuxna-2023', 'molndal-konstkollektivet-2022']
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypedDict

import attrs
import pendulum

from iop_model.advisory.flags import FlagDict
from iop_model.case import Case, KnownCase
from iop_model.deadlines.reporting import PeriodReportDict, ReportStatus, follow_up
from iop_model.errors import FileError, IOPError, Problem
from iop_model.goals import GoalStatus, MinimumDuration, check_known_on
from iop_model.queries.actions import Action, ActionKind
from iop_model.terms.agreement import Agreement, duplicate_ids
from iop_model.terms.term import Term, calendar_day

__all__ = ["FlagRow", "GoalRow", "OverviewRow", "Portfolio", "ReportRow"]

#: A horizon no deadline is beyond: the overview's next action, whatever its distance.
_EVER = 10**7

Date = pendulum.Date


class GoalRow(TypedDict):
    """One goal of :meth:`Portfolio.goals`."""

    file: str
    subject: str
    goal: str
    kind: str
    status: str
    label_sv: str
    label_en: str
    illustrative: bool
    rules: list[str]


class ReportRow(PeriodReportDict):
    """One reporting period of :meth:`Portfolio.reports`."""

    file: str
    agreement: str


class FlagRow(FlagDict):
    """One flag of :meth:`Portfolio.flags`."""

    file: str


class MoneyColumns(TypedDict):
    """The overview's money columns (SEK, decimal text to öre; M3, M4)."""

    public_money: str | None
    public_money_year: str | None
    partner_money: str | None
    money_approximate: bool
    money_not_valued: int


class OverviewRow(MoneyColumns):
    """One partnership of :meth:`Portfolio.to_records`: the overview's columns."""

    file: str
    title: str | None
    public_party: str | None
    partner: str | None
    in_force_start: str | None
    in_force_end: str | None
    active: bool
    next_action_day: str | None
    next_action: str | None
    next_action_text_sv: str | None
    next_action_text_en: str | None
    goals: str
    targets: str
    late_reports: int
    flags: str
    as_of: str
    known_on: str


class MoneyYearRow(TypedDict):
    """One calendar year of :meth:`Portfolio.money_by_year`: SEK as decimal text to öre."""

    year: int
    public_money: str
    partner_money: str
    approximate: bool
    partnerships: int


def _entries(value: Iterable[tuple[str, Case]]) -> tuple[tuple[str, Case], ...]:
    entries = tuple(value)
    for index, entry in enumerate(entries):
        if (
            not isinstance(entry, tuple)
            or len(entry) != 2
            or not isinstance(entry[0], str)
            or not isinstance(entry[1], Case)
        ):
            raise IOPError(
                "a portfolio holds (file name, Case) pairs", field=f"entries[{index}]", value=entry
            )
    return entries


@attrs.frozen
class Portfolio:
    """Cases with the names of their files; agreement ids are unique across all of them."""

    entries: tuple[tuple[str, Case], ...] = attrs.field(converter=_entries)

    def __attrs_post_init__(self) -> None:
        problems = _clashes(self.entries)
        if problems:
            raise FileError(
                ", ".join(sorted({p.path.split(": ")[0] for p in problems})), tuple(problems)
            )

    @classmethod
    def load(cls, paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> Portfolio:
        """Every ``*.toml`` and ``*.json`` file in a folder, or the files given; every problem
        in every file (and every id used in two files) is reported at once in one
        :class:`~iop_model.errors.FileError`, each path starting with its file's name."""
        from iop_model.files.loader import load_all

        given = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
        return cls(load_all(given))

    @property
    def cases(self) -> tuple[Case, ...]:
        """The cases, in file order."""
        return tuple(case for _, case in self.entries)

    @property
    def agreements(self) -> tuple[Agreement, ...]:
        """Every agreement of every case."""
        return tuple(a for _, case in self.entries for a in case.agreements)

    def known(self, known_on: Date) -> list[tuple[str, KnownCase]]:
        """Every case as known on ``known_on`` (:meth:`Case.as_known_on`), with its file."""
        return [(name, case.as_known_on(known_on)) for name, case in self.entries]

    def _known(self, as_of: Date, known_on: Date | None) -> tuple[Date, Date]:
        as_of = calendar_day(as_of, "as_of")
        return as_of, check_known_on(as_of, known_on)

    def active_on(self, day: Date, known_on: Date | None = None) -> tuple[Agreement, ...]:
        """The agreements in force on ``day`` as known on ``known_on`` (default: that day;
        T13), sorted by id."""
        day, knowledge = self._known(day, known_on)
        found = [
            agreement
            for _, known in self.known(knowledge)
            for agreement in known.agreements
            if agreement.is_active(day)
        ]
        return tuple(sorted(found, key=lambda a: a.id))

    def actions(
        self, as_of: Date, within_days: int = 180, known_on: Date | None = None
    ) -> list[tuple[str, Action]]:
        """Every file's actions due within ``within_days`` and overdue, soonest first."""
        from iop_model.queries.actions import due

        as_of, knowledge = self._known(as_of, known_on)
        rows = [
            (name, action)
            for name, known in self.known(knowledge)
            for action in due(known, as_of, within_days)
        ]
        rows.sort(key=lambda row: (not row[1].is_overdue, row[1].day, row[0], row[1].key))
        return rows

    def expiring(
        self, as_of: Date, within_days: int = 180, known_on: Date | None = None
    ) -> list[tuple[str, Action]]:
        """Agreements that end within ``within_days`` with no extension or follow-on decided:
        the decision still to take (T9)."""
        return [
            row
            for row in self.actions(as_of, within_days, known_on)
            if row[1].kind is ActionKind.DECIDE
        ]

    def goals(self, as_of: Date, known_on: Date | None = None) -> list[GoalRow]:
        """Every goal's status as of ``as_of`` as known on ``known_on`` (default: ``as_of``):
        file, subject, goal, status code and label. A goal whose subject was decided later
        is left out (T13)."""
        as_of, knowledge = self._known(as_of, known_on)
        rows: list[GoalRow] = []
        for name, known in self.known(knowledge):
            for entry, assessment in zip(known.goals, known.assess(as_of), strict=True):
                rows.append(
                    {
                        "file": name,
                        "subject": entry.subject,
                        "goal": entry.goal.title("en"),
                        "kind": "duration" if isinstance(entry.goal, MinimumDuration) else "target",
                        "status": assessment.status.value,
                        "label_sv": assessment.status.label("sv"),
                        "label_en": assessment.status.label("en"),
                        "illustrative": entry.illustrative,
                        "rules": list(assessment.rules),
                    }
                )
        return rows

    def goals_with_status(
        self, as_of: Date, *statuses: GoalStatus, known_on: Date | None = None
    ) -> list[GoalRow]:
        """The goals whose status is one of ``statuses`` (open, missed, not met, …)."""
        wanted = {s.value for s in statuses}
        return [row for row in self.goals(as_of, known_on) if row["status"] in wanted]

    def reports(self, as_of: Date, known_on: Date | None = None) -> list[ReportRow]:
        """Every follow-up report period of every agreement as known, with its status (D6,
        D7); the late and overdue ones are the ones to chase."""
        as_of, knowledge = self._known(as_of, known_on)
        rows: list[ReportRow] = []
        for name, known in self.known(knowledge):
            for agreement in known.agreements:
                duty = agreement.reporting
                if duty is None:
                    continue
                for entry in follow_up(duty, agreement.span, agreement.follow_up_reports, as_of):
                    rows.append({"file": name, "agreement": agreement.id, **entry.to_dict()})
        return rows

    def late_reports(self, as_of: Date, known_on: Date | None = None) -> list[ReportRow]:
        """Follow-up reports received late or overdue as of ``as_of`` (D7)."""
        late = {ReportStatus.LATE.value, ReportStatus.OVERDUE.value}
        return [row for row in self.reports(as_of, known_on) if row["status"] in late]

    def flags(
        self,
        as_of: Date,
        eur_rate: Decimal | int | None = None,
        known_on: Date | None = None,
    ) -> list[FlagRow]:
        """The advisory flags of every partnership (F1–F6), each with its file."""
        from iop_model.advisory.flags import known_flags

        as_of, knowledge = self._known(as_of, known_on)
        return [
            {"file": name, **flag.to_dict()}
            for name, known in self.known(knowledge)
            for flag in known_flags(known, as_of, eur_rate)
        ]

    def to_records(
        self,
        as_of: Date,
        *,
        within_days: int = 180,
        eur_rate: Decimal | int | None = None,
        known_on: Date | None = None,
    ) -> list[OverviewRow]:
        """One plain row per partnership (its file) for a table: parties, days in force as
        known, the next action (whatever its distance; ``within_days`` is kept for old
        callers and no longer limits it), goal and target statuses, late reports and flags,
        as of ``as_of`` as known on ``known_on`` (default: ``as_of``)."""
        as_of, knowledge = self._known(as_of, known_on)
        rows: list[OverviewRow] = []
        goals = self.goals(as_of, knowledge)
        reports = self.late_reports(as_of, knowledge)
        flags = self.flags(as_of, eur_rate, knowledge)
        actions = self.actions(as_of, _EVER, knowledge)  # the next one, whatever its distance
        for name, known in self.known(knowledge):
            partnership = known.partnership
            first = known.agreements[0] if known.agreements else None
            start = None if partnership is None else partnership.start.isoformat()
            end = None if partnership is None else partnership.end.isoformat()
            next_action = next((a for n, a in actions if n == name), None)
            mine = [g for g in goals if g["file"] == name]
            rows.append(
                {
                    "file": name,
                    "title": known.title or (first.id if first is not None else None),
                    "public_party": None if first is None else first.public_party.name,
                    "partner": None if first is None else first.partner.name,
                    "in_force_start": start,
                    "in_force_end": end,
                    "active": partnership is not None and partnership.is_active(as_of),
                    "next_action_day": None if next_action is None else next_action.day.isoformat(),
                    "next_action": None if next_action is None else next_action.kind.value,
                    "next_action_text_sv": None if next_action is None else next_action.text("sv"),
                    "next_action_text_en": None if next_action is None else next_action.text("en"),
                    "goals": ", ".join(g["status"] for g in mine if g["kind"] == "duration"),
                    "targets": ", ".join(g["status"] for g in mine if g["kind"] == "target"),
                    "late_reports": sum(1 for r in reports if r["file"] == name),
                    "flags": ", ".join(
                        sorted({f["id"] for f in flags if f["file"] == name and f["raised"]})
                    ),
                    **_money_columns(known, as_of),
                    "as_of": as_of.isoformat(),
                    "known_on": knowledge.isoformat(),
                }
            )
        return rows

    def money_by_year(self, as_of: Date, known_on: Date | None = None) -> list[MoneyYearRow]:
        """Money in SEK per calendar year over every partnership, as known on ``known_on``
        (default: ``as_of``; M3): the public parties' money, the partners' money and values
        in kind (not hours), whether any amount is approximate, and how many partnerships
        have money that year. Exact sums (M4), shown rounded once to öre.

        >>> import pendulum
        >>> rows = Portfolio.load("examples").money_by_year(pendulum.date(2024, 6, 1))
        >>> [row["year"] for row in rows]
        [2023, 2024, 2025, 2026]
        """
        as_of, knowledge = self._known(as_of, known_on)
        years = MoneyYears()
        for _, known in self.known(knowledge):
            years.add(known)
        return years.rows()

    def frames(self, as_of: Date, known_on: Date | None = None) -> dict[str, Any]:
        """Pandas frames, one row per item, as of ``as_of`` as known on ``known_on``: days as
        ``datetime64``, amounts and counts as numbers (needs ``iop-model[frames]``).

        ``"agreements"``: file, id, parties, first and last day in force, decision day,
        latest end; ``"goals"``: file, subject, goal, status; ``"actions"``: file, day, kind,
        agreement, text, days left; ``"money"``: file, agreement, calendar year, side, kind,
        unit, amount (exact, as float); ``"reports"``: file, agreement, period, due day,
        received day, status.

        >>> import pendulum
        >>> frames = Portfolio.load("examples").frames(pendulum.date(2025, 10, 15))
        >>> sorted(frames)
        ['actions', 'agreements', 'goals', 'money', 'reports']
        >>> str(frames["agreements"]["start"].dtype).startswith("datetime64")
        True
        """
        try:
            import pandas  # type: ignore[import-untyped]
        except ImportError as error:  # pragma: no cover - the extra is installed in tests
            raise ImportError("frames need pandas: pip install 'iop-model[frames]'") from error
        from iop_model.activities import calendar_periods
        from iop_model.money import figures

        as_of, knowledge = self._known(as_of, known_on)
        agreements, money = [], []
        for name, known in self.known(knowledge):
            for agreement in known.agreements:
                agreements.append(
                    {
                        "file": name,
                        "agreement": agreement.id,
                        "public_party": agreement.public_party.name,
                        "partner": agreement.partner.name,
                        "partners": len(agreement.partners),
                        "start": agreement.start,
                        "end": agreement.end,
                        "decided_on": agreement.decided_on,
                        "latest_end": agreement.latest_end,
                        "active": agreement.is_active(as_of),
                    }
                )
                for period in calendar_periods(agreement.span, "year", agreement.start):
                    found = figures(agreement.contributions, period)
                    for (by, kind, unit), amount in found.totals.items():
                        money.append(
                            {
                                "file": name,
                                "agreement": agreement.id,
                                "year": period.start.year,
                                "by": by,
                                "kind": kind,
                                "unit": unit,
                                "amount": float(amount),
                                "approximate": found.approximate,
                            }
                        )
        goals = [
            {
                "file": g["file"],
                "subject": g["subject"],
                "goal": g["goal"],
                "kind": g["kind"],
                "status": g["status"],
            }
            for g in self.goals(as_of, knowledge)
        ]
        actions = [
            {
                "file": name,
                "day": action.day,
                "kind": action.kind.value,
                "agreement": action.agreement_id,
                "text": action.text("sv"),
                "days_left": action.days_left,
            }
            for name, action in self.actions(as_of, 100_000, knowledge)
        ]
        reports = [
            {
                "file": r["file"],
                "agreement": r["agreement"],
                "period_start": r["period"]["start"],
                "period_end": r["period"]["end"],
                "due": r["due"],
                "received_on": r["received_on"],
                "status": r["status"],
            }
            for r in self.reports(as_of, knowledge)
        ]
        day_columns = {
            "agreements": ("start", "end", "decided_on", "latest_end"),
            "actions": ("day",),
            "reports": ("period_start", "period_end", "due", "received_on"),
            "goals": (),
            "money": (),
        }
        columns = {
            "agreements": [
                "file",
                "agreement",
                "public_party",
                "partner",
                "partners",
                "start",
                "end",
                "decided_on",
                "latest_end",
                "active",
            ],
            "goals": ["file", "subject", "goal", "kind", "status"],
            "actions": ["file", "day", "kind", "agreement", "text", "days_left"],
            "money": ["file", "agreement", "year", "by", "kind", "unit", "amount", "approximate"],
            "reports": [
                "file",
                "agreement",
                "period_start",
                "period_end",
                "due",
                "received_on",
                "status",
            ],
        }
        rows = {
            "agreements": agreements,
            "goals": goals,
            "actions": actions,
            "money": money,
            "reports": reports,
        }
        frames = {}
        for key, records in rows.items():
            frame = pandas.DataFrame.from_records(records, columns=columns[key])
            for column in day_columns[key]:
                frame[column] = pandas.to_datetime(
                    frame[column].map(lambda d: None if d is None else str(d))
                )
            frames[key] = frame
        return frames

    def to_frame(self, as_of: Date, **options: Any) -> Any:
        """:meth:`to_records` as a pandas DataFrame (needs ``pip install 'iop-model[frames]'``;
        ``import iop_model`` never imports pandas)."""
        try:
            import pandas
        except ImportError as error:  # pragma: no cover - the extra is installed in tests
            raise ImportError("to_frame needs pandas: pip install 'iop-model[frames]'") from error
        return pandas.DataFrame.from_records(self.to_records(as_of, **options))


class MoneyYears:
    """Money per calendar year, added up one known case at a time (the web page adds each
    partnership as it writes it): see :meth:`Portfolio.money_by_year`."""

    def __init__(self) -> None:
        self._years: dict[int, list[Any]] = {}

    def add(self, known: KnownCase) -> None:
        """Add one case as known."""
        from iop_model.activities import calendar_periods
        from iop_model.money import figures

        seen: set[int] = set()
        for agreement in known.agreements:
            if not agreement.contributions:
                continue
            for period in calendar_periods(agreement.span, "year", agreement.start):
                found = figures(agreement.contributions, period)
                if not found.contributions:
                    continue
                year = period.start.year
                row = self._years.setdefault(year, [Fraction(0), Fraction(0), False, 0])
                row[0] += _sek(found, "public")
                row[1] += _sek(found, "partner")
                row[2] = row[2] or found.approximate
                if year not in seen:
                    row[3] += 1
                    seen.add(year)

    def exact(self) -> list[tuple[int, Fraction, Fraction, bool, int]]:
        """The years so far with their exact sums (for display, rounded once there)."""
        return [(year, *values) for year, values in sorted(self._years.items())]

    def rows(self) -> list[MoneyYearRow]:
        """The years so far, in order."""
        return [
            {
                "year": year,
                "public_money": _ore(public),
                "partner_money": _ore(partner),
                "approximate": rough,
                "partnerships": count,
            }
            for year, (public, partner, rough, count) in sorted(self._years.items())
        ]


def _sek(found: Any, by: str) -> Fraction:
    """A side's money and values in kind in SEK (hours are not money)."""
    return sum(
        (amount for (b, _, unit), amount in found.totals.items() if b == by and unit == "SEK"),
        Fraction(0),
    )


def _ore(amount: Fraction) -> str:
    exact = Decimal(amount.numerator) / Decimal(amount.denominator)
    return str(exact.quantize(Decimal("0.01")))


def _money_columns(known: KnownCase, as_of: Date) -> MoneyColumns:
    """The overview's money columns: public money and the partners' money and in-kind
    values over the days in force as known, in SEK; public money in the as-of day's
    calendar year; whether an amount is approximate; how many contributions are not
    valued (M3, M4)."""
    from iop_model.money import figures

    contributions = [c for a in known.agreements for c in a.contributions]
    if not contributions:
        return {
            "public_money": None,
            "public_money_year": None,
            "partner_money": None,
            "money_approximate": False,
            "money_not_valued": 0,
        }
    public = partner = this_year = Fraction(0)
    rough = False
    year = Term.year(as_of.year)
    for agreement in known.agreements:
        whole = figures(agreement.contributions, agreement.span)
        public += _sek(whole, "public")
        partner += _sek(whole, "partner")
        rough = rough or whole.approximate
        span = agreement.span
        if span.start <= year.end and year.start <= span.end:
            this_year += _sek(figures(agreement.contributions, year), "public")
    return {
        "public_money": _ore(public),
        "public_money_year": _ore(this_year),
        "partner_money": _ore(partner),
        "money_approximate": rough,
        "money_not_valued": sum(1 for c in contributions if not c.is_valued),
    }


def _clashes(entries: tuple[tuple[str, Case], ...]) -> list[Problem]:
    """An agreement id used in two files, named with both files (T17)."""
    return duplicate_ids((name, case.agreements) for name, case in entries)
