"""The package as a whole: lazy imports, the rule registry, and the fast paths that skip
re-validation, checked against the validated ones."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given

import iop_model
from iop_model import Agreement, Term
from iop_model.cases import molndal
from iop_model.files.loader import dumps, loads
from iop_model.terms.term import length_of, trusted_length, trusted_term
from iop_model.testing import agreements, dates, terms


def fresh(code: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return result.stdout.strip()


def test_import_is_light() -> None:
    loaded = fresh(
        "import sys, iop_model; "
        "print(sorted(m for m in sys.modules if m.startswith(('cattrs', 'tomli_w', 'hypothesis', "
        "'matplotlib', 'iop_model.activities', 'iop_model.files', 'iop_model.case', "
        "'iop_model.goals', 'iop_model.deadlines', 'iop_model.money', 'iop_model.advisory', "
        "'iop_model.queries', 'iop_model.outputs', 'iop_model.calendar', 'iop_model.reporting', "
        "'iop_model.criteria'))))"
    )
    assert loaded == "[]"


def test_an_agreement_loads_its_rule_families_when_it_first_needs_them() -> None:
    """calendar, money, reporting and criteria load with the first agreement that uses
    them (benchmark P3), and ``iop_model.agreement.resolve_types`` binds their names for
    ``typing.get_type_hints``."""
    code = (
        "import sys, typing, pendulum, iop_model as iop\n"
        "a = iop.Agreement('a', iop.PublicParty('Stad'), iop.IdeaBasedParty('F'), "
        "iop.Term.year(2024))\n"
        "print(sorted(m for m in sys.modules if m in ('iop_model.deadlines.calendar', 'iop_model.money')))\n"
        "b = iop.Agreement('b', iop.PublicParty('Stad'), iop.IdeaBasedParty('F'), "
        "iop.Term.year(2024), notice_period=iop.Length(months=3), extension_roll='next_weekday')\n"
        "print(b.notice_deadline().last_day, b.extension_deadline(), iop.Roll.__module__)\n"
        "from iop_model.terms.agreement import resolve_types\n"
        "resolve_types()\n"
        "print(typing.get_type_hints(iop.Agreement)['contributions'])"
    )
    lines = fresh(code).splitlines()
    assert lines == [
        "[]",
        "2024-09-30 2025-01-02 iop_model.deadlines.calendar",
        "tuple[iop_model.money.Contribution, ...]",
    ]


def test_lazy_names_resolve_and_the_registry_is_complete_in_a_fresh_interpreter() -> None:
    assert fresh("import iop_model; print(len(iop_model.RULES))") == str(len(iop_model.RULES))
    assert (
        fresh("import iop_model; print(iop_model.MeetingPlace.__module__)")
        == "iop_model.activities.activity"
    )
    assert (
        fresh("from iop_model import *; print(Case.__name__, load.__module__)")
        == "Case iop_model.files.loader"
    )


def test_unknown_names_raise_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Nonsense'"):
        _ = iop_model.Nonsense  # type: ignore[attr-defined]
    assert {"MeetingPlace", "load", "Term"} <= set(dir(iop_model))


@given(agreements(), dates())
def test_as_known_on_copy_equals_a_validated_copy(agreement: Agreement, day: pendulum.Date) -> None:
    if not agreement.known_on(day):
        return
    fast = agreement.as_known_on(day)
    termination = agreement.termination
    if termination is not None and termination.decided_on > day:
        termination = None
    slow = attrs.evolve(
        agreement,
        extensions=tuple(e for e in agreement.extensions if e.decided_on <= day),
        termination=termination,
    )
    assert fast == slow
    assert fast.terms == slow.terms
    assert fast.end == slow.end


@given(terms())
def test_trusted_values_equal_validated_ones(term: Term) -> None:
    assert trusted_term(term.start, term.end) == Term(term.start, term.end)
    length = length_of(term.start, term.end)
    assert trusted_length(length.years, length.months, length.days) == length


def test_loading_pauses_and_restores_the_garbage_collector() -> None:
    text = dumps(molndal.case())
    assert gc.isenabled()
    loads(text)
    assert gc.isenabled()
    gc.disable()
    try:
        loads(text)
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(iop_model.FileError):
        loads("format_version = 1\n")
    assert gc.isenabled()


def test_lazy_figures_equal_their_eager_values() -> None:
    goal = molndal.GOAL
    assessment = goal.assess(molndal.first_agreement(), pendulum.date(2019, 6, 30))
    figures = dict(assessment.figures)
    assert list(figures) == [
        "required",
        "counted_period",
        "threshold",
        "covered",
        "covered_days",
        "agreed",
        "agreed_days",
        "shortfall",
        "shortfall_days",
    ]
    assert figures["covered_days"] == 181
    assert figures["shortfall"] == iop_model.Length(years=2)


def _bad_calls() -> dict[str, Any]:
    from iop_model import files, report
    from iop_model.outputs.plot import timeline

    case = molndal.case()
    term = Term.year(2019)
    day = pendulum.date(2021, 9, 1)
    return {
        "decision_due days as text": lambda: case.decision_due(day, "x"),
        "decision_due negative days": lambda: case.decision_due(day, -5),
        "overlaps a string": lambda: term.overlaps("x"),
        "intersection with None": lambda: term.intersection(None),
        "adjacent to an int": lambda: term.is_adjacent_to(5),
        "gap to a string": lambda: term.gap_to("x"),
        "figures_by within text": lambda: molndal.meeting_place().figures_by("year", within="2019"),
        "loads with a text limit": lambda: files.loads("format_version = 1", max_bytes="x"),
        "loads an int": lambda: files.loads(5),
        "report of a partnership": lambda: report.build(molndal.partnership(), day),
        "timeline of a text goal": lambda: timeline(molndal.partnership(), goals=["x"]),
        "case subject of text": lambda: case.subject("partnership"),
        "load an int path": lambda: files.load(5),
    }


@pytest.mark.parametrize("name", sorted(_bad_calls()))
def test_bad_input_across_the_api_raises_the_librarys_error(name: str) -> None:
    with pytest.raises(iop_model.IOPError):
        _bad_calls()[name]()


def test_check_reports_a_bad_path_as_a_problem() -> None:
    from iop_model.files.loader import check

    [problem] = check(5)  # type: ignore[arg-type]
    assert problem.message == "expected a file path"
