"""Counting an activity's figures for a period (A5, A6), and the figures in words.

One tally counts every kind of activity: each dated item (an occasion, an event, a record)
and each aggregate report gives its counts (``counted()``), and the activity's kind says what
they mean (:mod:`iop_model.activities.kinds`).

>>> from iop_model import AggregateReport, Term
>>> tally([], [AggregateReport(Term.year(2019), occasions=26, mean_visitors=40)],
...       Term.year(2019), None)
({'count': 26, 'total': 1040}, 0, 1)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

import attrs
import pendulum

from iop_model.errors import ActivityError, IOPError
from iop_model.rules import rule
from iop_model.terms.term import T2, Term, agreement_years

__all__ = ["A5", "A6", "Figures", "calendar_periods", "tally"]

Date = pendulum.Date

# --- A5 Counting for a period --------------------------------------------------------------------
A5 = rule(
    "A5",
    "Counting for a period",
    "A detailed occasion counts for a period when its day is in the period (both ends "
    "included, T2); an aggregate report counts when its period lies within the period; a "
    "report that straddles the period's boundary cannot be split and is refused.",
    "Ett enskilt tillfälle räknas för en period när dagen ligger i perioden (båda ändar "
    "inräknade, T2); en sammanfattande rapport räknas när hela dess period ligger i perioden; en "
    "rapport som korsar periodens gräns kan inte delas och avvisas.",
    "T2; no proration of aggregates (never round twice).",
)

# --- A6 Mean -------------------------------------------------------------------------------------
A6 = rule(
    "A6",
    "Mean",
    "The mean is total / count as an exact fraction; with no occasions it is undefined "
    "(None), never 0.",
    "Medelvärdet är summa / antal som ett exakt bråk; utan tillfällen är det odefinierat "
    "(None), aldrig 0.",
    "Arithmetic; IATI results use the same measure for an indicator's actual value.",
)


@attrs.frozen
class Figures:
    """Exact figures of an activity for a period.

    ``count`` is the number of occasions, events or productions (for a network, the members
    at the period's end); ``total`` the visitors or audience (``None`` where it does not
    apply); ``mean`` the exact mean (A6; ``None`` with no occasions); ``by_kind`` counts per
    event kind; ``reports`` how many detailed items and aggregate reports were counted (A5);
    ``extra`` the kind-specific figures (a network's ``joined`` and ``left``).
    """

    period: Term
    count: int
    total: int | None
    mean: Fraction | None
    reports: int
    by_kind: Mapping[str, int] = attrs.field(factory=dict)
    extra: Mapping[str, int] = attrs.field(factory=dict)


def calendar_periods(span: Term, unit: str, first: Date | None = None) -> list[Term]:
    """The calendar years, half-years or months that ``span`` touches, clipped to it; or,
    with ``unit="agreement-year"``, the 12-month periods from ``first`` (default: the span's
    start).

    >>> [str(t) for t in calendar_periods(Term(pendulum.date(2019, 11, 15),
    ...                                        pendulum.date(2020, 1, 31)), "month")]
    ['2019-11-15..2019-11-30', '2019-12-01..2019-12-31', '2020-01-01..2020-01-31']
    """
    if unit == "agreement-year":
        return agreement_years(span.start if first is None else first, span)
    makers = {
        "year": lambda d: Term.year(d.year),
        "half-year": lambda d: Term.half_year(d.year, 1 if d.month <= 6 else 2),
        "month": lambda d: Term.month(d.year, d.month),
    }
    if unit not in makers:
        raise IOPError(
            "the unit must be 'year', 'agreement-year', 'half-year' or 'month'",
            field="unit",
            value=unit,
        )
    periods = []
    current = span.start
    while current <= span.end:
        whole = makers[unit](current)
        clipped = whole.intersection(span)
        assert clipped is not None
        periods.append(clipped)
        current = whole.next_start
    return periods


def _reports_in(reports: Sequence[Any], period: Term) -> list[Any]:
    """A5: the aggregate reports that lie within ``period``; a straddling one is refused."""
    counted = []
    for index, report in enumerate(reports):
        if not report.period.overlaps(period):
            continue
        if report.period.start < period.start or report.period.end > period.end:
            raise ActivityError(
                f"reports[{index}] covers {report.period}, which straddles {period}; an "
                "aggregate report cannot be split over a shorter period",
                rule=A5,
                field=f"reports[{index}].period",
                value=report.period,
            )
        counted.append(report)
    return counted


def _mean(total: int, count: int) -> Fraction | None:
    """A6: the exact mean, or None with no occasions."""
    return Fraction(total, count) if count else None


def tally(
    items: Iterable[Any], reports: Sequence[Any], period: Term, as_of: Date | None
) -> tuple[dict[str, int], int, int]:
    """The counts of the dated ``items`` (by their ``day``, T2) and aggregate ``reports``
    (those within ``period``, A5) that had happened by the end of ``as_of``: the summed
    counts, and how many items and reports were counted."""
    last = period.end if as_of is None else min(period.end, as_of)
    sums: dict[str, int] = {}
    counted_items = 0
    for item in items:
        if period.start <= item.day <= last:
            counted_items += 1
            for key, count in item.counted().items():
                sums[key] = sums.get(key, 0) + count
    counted_reports = 0
    for report in _reports_in(reports, period):
        if report.period.end <= last:
            counted_reports += 1
            for key, count in report.counted().items():
                sums[key] = sums.get(key, 0) + count
    return sums, counted_items, counted_reports


def _period(period: object) -> Term:
    if not isinstance(period, Term):
        raise ActivityError(
            f"a period is a Term, got {type(period).__name__} (see Term.year, Term.month)",
            rule=T2,
            field="period",
            value=period,
        )
    return period
