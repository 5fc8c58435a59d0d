"""Any kind of activity: indicators the user defines (support calls, sheltered nights, …).

Most IOPs are social welfare: a women's shelter counts support calls and sheltered nights, a
youth project counts people reached. A :class:`GeneralActivity` declares its indicators
(:class:`CustomIndicator`: a key, Swedish and English names, a unit) and reports them per day
(:class:`Record`) or per period (:class:`IndicatorReport`), with the same exactness rules as
the cultural activities (A1–A5, A10). Targets name an indicator by its key.

>>> import pendulum
>>> from iop_model import Term
>>> calls = CustomIndicator("support_calls", "stödsamtal", "support calls", "calls")
>>> shelter = GeneralActivity("avtal-1", "Jouren", indicators=[calls], reports=[
...     IndicatorReport(Term.year(2024), {"support_calls": 412})])
>>> shelter.figures(Term.year(2024)).extra
{'support_calls': 412}
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from typing import Any, Final

import attrs
import pendulum

from ._validators import day, instance_of, optional_day, optional_text, sequence_of, text
from .activities import (
    A1,
    Activity,
    Figures,
    _agreement_ref,
    _as_of,
    _check_counted_once,
    _period,
    _reports_in,
    check_count,
)
from .agreement import Agreement
from .errors import ActivityError
from .term import Term, calendar_day

__all__ = ["CustomIndicator", "GeneralActivity", "IndicatorReport", "Record", "Unit"]

Date = pendulum.Date
_KEY: Final = re.compile(r"[a-z][a-z0-9_]{0,63}")


class Unit(enum.StrEnum):
    """What a custom indicator counts."""

    OCCASIONS = "occasions"
    PEOPLE = "people"
    HOURS = "hours"
    NIGHTS = "nights"
    CALLS = "calls"
    OTHER = "other"


def _unit(value: object) -> Unit:
    for member in Unit:
        if value is member or value == member.value:
            return member
    raise ActivityError(
        f"a unit is one of {', '.join(repr(u.value) for u in Unit)}", field="unit", value=value
    )


def _key(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not _KEY.fullmatch(value):
        raise ActivityError(
            "a key is lower-case ASCII letters, digits and _ (such as 'support_calls')",
            field=attribute.name,
            value=value,
        )


@attrs.frozen
class CustomIndicator:
    """An indicator a general activity reports: ``key`` (as in files and targets), its name
    in Swedish and English (plural, as it is counted: ``"stödsamtal"``, ``"support calls"``)
    and its ``unit``."""

    key: str = attrs.field(validator=_key)
    name_sv: str = attrs.field(validator=text(ActivityError))
    name_en: str = attrs.field(validator=text(ActivityError))
    unit: Unit = attrs.field(default=Unit.OTHER, converter=_unit)

    def name(self, lang: str) -> str:
        """The indicator's name in ``lang``."""
        return self.name_sv if lang == "sv" else self.name_en


def _values(value: object) -> dict[str, int]:
    if not isinstance(value, Mapping):
        raise ActivityError(
            "values are a table of indicator keys and counts", field="values", value=value
        )
    checked: dict[str, int] = {}
    for key, count in value.items():
        checked[str(key)] = check_count(count, f"values.{key}")
    return checked


@attrs.frozen
class Record:
    """What happened on one ``day``: a count per indicator key (A1). ``label`` tells two
    records of the same day apart (A3)."""

    day: Date = attrs.field(validator=day)
    values: dict[str, int] = attrs.field(converter=_values, hash=False)
    label: str | None = attrs.field(default=None, validator=optional_text(ActivityError))


@attrs.frozen
class IndicatorReport:
    """Aggregate counts per indicator key for a ``period`` (A1, A5), received on
    ``received_on`` (A10)."""

    period: Term = attrs.field(validator=instance_of(Term, ActivityError))
    values: dict[str, int] = attrs.field(converter=_values, hash=False)
    received_on: Date | None = attrs.field(default=None, validator=optional_day)
    reference: str | None = attrs.field(default=None, validator=optional_text(ActivityError))

    @property
    def known_from(self) -> Date:
        """The day the report counts as known (A10)."""
        return self.period.end if self.received_on is None else self.received_on


def _tuple(kind: type, field: str) -> Any:
    def convert(value: Iterable[Any]) -> tuple[Any, ...]:
        return sequence_of(value, kind, field, ActivityError)

    return convert


def _indicators(value: Iterable[CustomIndicator]) -> tuple[CustomIndicator, ...]:
    items: tuple[CustomIndicator, ...] = _tuple(CustomIndicator, "indicators")(value)
    return items


def _records(value: Iterable[Record]) -> tuple[Record, ...]:
    items: tuple[Record, ...] = _tuple(Record, "records")(value)
    return items


def _reports(value: Iterable[IndicatorReport]) -> tuple[IndicatorReport, ...]:
    items: tuple[IndicatorReport, ...] = _tuple(IndicatorReport, "reports")(value)
    return items


@attrs.frozen
class GeneralActivity(Activity):
    """An activity with the user's own indicators (a women's shelter, a support line, youth
    work). ``count`` in its figures is the total of its indicators counted in occasions (or
    the number of records when it has none); ``extra`` holds every indicator's total."""

    agreement: Agreement | str = attrs.field(validator=_agreement_ref)
    name: str = attrs.field(validator=text(ActivityError))
    indicators: tuple[CustomIndicator, ...] = attrs.field(converter=_indicators)
    description: str = attrs.field(default="", validator=optional_text(ActivityError))
    records: tuple[Record, ...] = attrs.field(default=(), converter=_records)
    reports: tuple[IndicatorReport, ...] = attrs.field(default=(), converter=_reports)

    _dated_items = ("records",)

    def __attrs_post_init__(self) -> None:
        if not self.indicators:
            raise ActivityError(
                "a general activity declares at least one indicator", field="indicators", value=()
            )
        keys: dict[str, int] = {}
        for index, indicator in enumerate(self.indicators):
            if indicator.key in keys:
                raise ActivityError(
                    "two indicators have the same key",
                    field=f"indicators[{index}].key",
                    value=indicator.key,
                )
            keys[indicator.key] = index
        located: list[tuple[str, tuple[Record | IndicatorReport, ...]]] = [
            ("records", self.records),
            ("reports", self.reports),
        ]
        for field, items in located:
            for index, item in enumerate(items):
                for key in item.values:
                    if key not in keys:
                        raise ActivityError(
                            f"no indicator with this key (keys: {', '.join(keys)})",
                            rule=A1,
                            field=f"{field}[{index}].values.{key}",
                            value=key,
                        )
        _check_counted_once(self.records, self.reports, "records", noun="record")
        self._check_within_agreement()

    @property
    def count_words(self) -> tuple[str, str]:  # type: ignore[override]
        occasions = [i for i in self.indicators if i.unit is Unit.OCCASIONS]
        if occasions:
            return occasions[0].name_en, occasions[0].name_sv
        return ("records", "registreringar")

    @property
    def count_word(self) -> tuple[str, str]:  # type: ignore[override]
        """One of what is counted: the indicator's own name (it has no singular form), or
        ``record``."""
        occasions = [i for i in self.indicators if i.unit is Unit.OCCASIONS]
        if occasions:
            return occasions[0].name_en, occasions[0].name_sv
        return ("record", "registrering")

    def indicator(self, key: str) -> CustomIndicator:
        """The indicator with ``key``."""
        for indicator in self.indicators:
            if indicator.key == key:
                return indicator
        raise ActivityError(
            f"no indicator with this key (keys: {', '.join(i.key for i in self.indicators)})",
            field="indicator",
            value=key,
        )

    def figures(
        self, period: Term, as_of: Date | None = None, known_on: Date | None = None
    ) -> Figures:
        """Every indicator's total in ``period`` (A5), with only what had happened by
        ``as_of`` and was known on ``known_on`` (A10)."""
        if known_on is not None:
            return self.as_known_on(calendar_day(known_on, "known_on")).figures(period, as_of)
        period = _period(period)
        as_of_day = _as_of(as_of)
        last = period.end if as_of_day is None else min(period.end, as_of_day)
        records = [r for r in self.records if period.start <= r.day <= last]
        inside: list[IndicatorReport] = _reports_in(self.reports, period)  # type: ignore[arg-type,assignment]
        reports = [r for r in inside if r.period.end <= last]
        totals = {indicator.key: 0 for indicator in self.indicators}
        counted: list[Record | IndicatorReport] = [*records, *reports]
        for item in counted:
            for key, count in item.values.items():
                totals[key] += count
        occasions = [i.key for i in self.indicators if i.unit is Unit.OCCASIONS]
        count = sum(totals[k] for k in occasions) if occasions else len(records)
        return Figures(period, count, None, None, len(records) + len(reports), {}, totals)

    def _located_days(self) -> list[tuple[str, Term]]:
        return [(f"records[{i}].day", Term(r.day, r.day)) for i, r in enumerate(self.records)] + [
            (f"reports[{i}].period", r.period) for i, r in enumerate(self.reports)
        ]
