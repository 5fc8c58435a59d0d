"""The rule registry: every rule is declared once, fully, and tested."""

from __future__ import annotations

import importlib
import pathlib
import re

import iop_model
from iop_model import RULES

TESTS = pathlib.Path(__file__).parent


def test_every_rule_has_title_statements_and_source() -> None:
    assert len(RULES) >= 14
    for rule_id, rule in RULES.items():
        assert re.fullmatch(r"[A-Z]\d+", rule_id)
        assert rule.id == rule_id
        assert rule.title
        assert rule.statement
        assert rule.statement_sv
        assert rule.source


def test_every_rule_is_named_by_a_test() -> None:
    text = "\n".join(path.read_text(encoding="utf-8") for path in TESTS.glob("test_*.py"))
    untested = [rule_id for rule_id in RULES if not re.search(rf"\b{rule_id}\b", text)]
    assert untested == []


def test_public_names() -> None:
    for name in iop_model.__all__:
        assert hasattr(iop_model, name)


DOCS = TESTS.parent / "docs"


def test_rules_reference_and_code_name_the_same_rules() -> None:
    text = (DOCS / "rules.md").read_text(encoding="utf-8")
    documented = re.findall(r"^### ([A-Z]\d+) ", text, flags=re.MULTILINE)
    assert len(documented) == len(set(documented)), "a rule has two sections"
    assert set(documented) == set(RULES), (
        f"only in code: {sorted(set(RULES) - set(documented))}; "
        f"only in docs: {sorted(set(documented) - set(RULES))}"
    )


def test_rules_reference_titles_match_the_code() -> None:
    text = (DOCS / "rules.md").read_text(encoding="utf-8")
    for rule_id, rule in RULES.items():
        assert f"### {rule_id} {rule.title}\n" in text


def test_swedish_rules_page_names_every_rule_with_its_statement() -> None:
    text = (DOCS / "regler.md").read_text(encoding="utf-8")
    documented = re.findall(r"^### ([A-Z]\d+) ", text, flags=re.MULTILINE)
    assert sorted(documented) == sorted(RULES)
    for rule_id, rule in RULES.items():
        assert f"**Regel:** {rule.statement_sv}" in text, rule_id


def test_rule_order_and_fingerprint_do_not_depend_on_import_order() -> None:
    """The registry lists rules by declaring module, whatever was imported first: before,
    importing targets before goals changed the order and so the rules' fingerprint that
    every report carries."""
    import subprocess
    import sys

    code = (
        "import {first}\nfrom iop_model.rules import RULES, fingerprint\n"
        "print(','.join(RULES)); print(fingerprint())"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code.format(first=first)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for first in ("iop_model", "iop_model.targets, iop_model.advisory", "iop_model.files")
    }
    assert len(outputs) == 1
    order = outputs.pop().splitlines()[0].split(",")
    assert order[:2] == ["T1", "T2"]
    assert order.index("D1") < order.index("G1") < order.index("A1")


def test_a_rule_is_listed_in_the_registry_order() -> None:
    import pytest

    from iop_model.rules import Rule, _Registry

    with pytest.raises(RuntimeError, match="RULE_ORDER"):
        _Registry()._add(Rule("X1", "t", "s", "s", "src", "elsewhere"))
    registry = _Registry()
    registry._add(Rule("T1", "t", "s", "s", "src"))
    with pytest.raises(RuntimeError, match="declared twice"):
        registry._add(Rule("T1", "t", "s", "s", "src"))


def test_every_declared_rule_is_in_the_order_and_names_its_module() -> None:
    from iop_model.rules import RULE_ORDER

    assert list(RULES) == list(RULE_ORDER)
    for rule in RULES.values():
        module = importlib.import_module(rule.module)
        assert getattr(module, rule.id, None) == rule.id, rule
