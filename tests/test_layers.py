"""The package's layout is its architecture (issue 21): every module sits in a layer and
imports only from its own layer or a lower one, with no cycle; the few imports that reach up
are made inside a function, for compatibility, and are listed here.

    foundation  errors, rules (and _rules_sv), explain         (no iop_model import of their own)
    T           terms.term  (days, terms, lengths; T1-T16 checks)
    text        _validators, wording
    facts       parties (P1), deadlines (D1-D7), money (M1-M5), advisory.criteria
    T           terms.agreement (agreements and partnerships, chaining the T checks)
    G           goals
    A           activities (A1-A10)
    case        case (the case and its projection as known on a day)
    F           advisory.flags (F1-F6)
    queries     queries (actions, the report's data, portfolio)
    edges       files (in and out), outputs (every format)
    top         cli, cases, testing, __main__, the package and its old import paths
"""

from __future__ import annotations

import ast
import pathlib

SRC = pathlib.Path(__file__).parent.parent / "src" / "iop_model"

RANKS = {
    "iop_model._version": 0,
    "iop_model.errors": 0,
    "iop_model.explain": 0,
    "iop_model.rules": 0,
    "iop_model._rules_sv": 0,
    "iop_model.terms.term": 1,
    "iop_model._validators": 2,
    "iop_model.wording": 2,
    "iop_model.problem_text": 2,
    "iop_model.parties": 3,
    "iop_model.deadlines": 3,
    "iop_model.money": 3,
    "iop_model.advisory.criteria": 3,
    "iop_model.terms": 4,
    "iop_model.goals": 5,
    "iop_model.activities": 6,
    "iop_model.case": 7,
    "iop_model.advisory": 8,
    "iop_model.queries": 9,
    "iop_model.files": 10,
    "iop_model.outputs": 10,
    "iop_model.cli": 11,
    "iop_model.checks": 11,
    "iop_model.server": 11,
    "iop_model.cases": 11,
    "iop_model.testing": 11,
    "iop_model": 12,
}

#: Imports that reach up a layer, each inside a function, for compatibility.
UPWARD = {
    ("iop_model.case", "iop_model.queries.actions"),  # Case.actions
    ("iop_model.queries.portfolio", "iop_model.files.loader"),  # Portfolio.load
    ("iop_model.outputs.due", "iop_model.queries.portfolio"),  # same layer group: collect
}


def rank(module: str) -> int:
    parts = module.split(".")
    while parts:
        found = RANKS.get(".".join(parts))
        if found is not None:
            return found
        parts.pop()
    raise AssertionError(f"{module} has no layer")


def modules() -> dict[str, pathlib.Path]:
    found = {}
    for path in SRC.rglob("*.py"):
        parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imports(module: str, path: pathlib.Path) -> list[tuple[str, bool]]:
    """Every iop_model module ``module`` imports, and whether at module level (not inside a
    function or under TYPE_CHECKING)."""
    tree = ast.parse(path.read_text("utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []

    def visit(node: ast.AST, top: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            inner = top and not isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = package.split(".")
                    anchor = anchor[: len(anchor) - child.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                if base.startswith("iop_model"):
                    for alias in child.names:
                        candidate = f"{base}.{alias.name}"
                        found.append((candidate if candidate in all_modules else base, top))
            elif isinstance(child, ast.Import):
                found.extend((a.name, top) for a in child.names if a.name.startswith("iop_model"))
            visit(child, inner)

    visit(tree, True)
    return found


all_modules = modules()


def test_every_module_imports_only_from_its_layer_or_below() -> None:
    wrong = []
    for module, path in all_modules.items():
        for target, top in imports(module, path):
            if target == module or rank(target) <= rank(module):
                continue
            if not top and (module, target) in UPWARD:
                continue
            wrong.append(f"{module} ({rank(module)}) imports {target} ({rank(target)})")
    assert wrong == []


def test_no_module_imports_another_in_a_cycle() -> None:
    graph = {
        module: {t for t, top in imports(module, path) if top and t != module}
        for module, path in all_modules.items()
    }
    state: dict[str, int] = {}

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for target in graph.get(module, ()):
            if state.get(target) == 1:
                raise AssertionError(" -> ".join([*trail, module, target]))
            if target not in state:
                visit(target, [*trail, module])
        state[module] = 2

    for module in graph:
        if module not in state:
            visit(module, [])


def test_the_old_import_paths_still_work() -> None:
    """Modules moved into their family's package keep their old path (deprecated)."""
    from iop_model.agreement import Agreement
    from iop_model.calendar import D4, deadline_before
    from iop_model.criteria import Evidence
    from iop_model.general import GeneralActivity
    from iop_model.plot import timeline
    from iop_model.portfolio import Portfolio
    from iop_model.report import build, render_text
    from iop_model.reporting import ReportingDuty
    from iop_model.targets import ActivityTarget
    from iop_model.term import _plus_days, agreement_years

    assert Agreement.__module__ == "iop_model.terms.agreement"
    assert D4 == "D4"
    assert deadline_before.__module__ == "iop_model.deadlines.calendar"
    assert Evidence.__module__ == "iop_model.advisory.criteria"
    assert GeneralActivity.__module__ == "iop_model.activities.activity"
    assert timeline.__module__ == "iop_model.outputs.plot"
    assert Portfolio.__module__ == "iop_model.queries.portfolio"
    assert build.__module__ == "iop_model.queries.report"
    assert render_text.__module__ == "iop_model.outputs.text"
    assert ReportingDuty.__module__ == "iop_model.deadlines.reporting"
    assert ActivityTarget.__module__ == "iop_model.activities.targets"
    assert callable(_plus_days)
    assert callable(agreement_years)
