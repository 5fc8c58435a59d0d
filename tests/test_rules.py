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


def _sections(path: pathlib.Path) -> dict[str, str]:
    text = path.read_text(encoding="utf-8")
    heads = list(re.finditer(r"^### ([A-Z]\d+) .*$", text, flags=re.MULTILINE))
    ends = [h.start() for h in heads[1:]] + [len(text)]
    return {h.group(1): text[h.start() : end] for h, end in zip(heads, ends, strict=True)}


def test_the_docs_quote_each_rules_source_as_the_code_states_it() -> None:
    """One place for a source: rules.md's Source and regler.md's Källa are the registry's,
    and the Swedish report's appendix quotes the Swedish ones (issue 24, item 15)."""
    english = _sections(DOCS / "rules.md")
    swedish = _sections(DOCS / "regler.md")
    for rule_id, rule in RULES.items():
        found = re.search(r"\*\*Source\.\*\* (.*?)(?:\n\n|\Z)", english[rule_id], re.S)
        assert found, rule_id
        assert " ".join(found.group(1).split()) == " ".join(rule.source.split()), rule_id
        assert swedish[rule_id].startswith(f"### {rule_id} {rule.title_sv}\n"), rule_id
        assert f"**Källa:** {rule.source_sv}\n" in swedish[rule_id], rule_id


def test_no_rule_cites_a_source_no_reader_can_find() -> None:
    """Sources an auditor could not find again (issue 24, item 15), the act's own words
    (item 14) and the public library's name for the tool (item 17)."""
    unfindable = ("checklist", "checklista", "revisionsrapport", "domain brief", "§1")
    for rule in RULES.values():
        for text in (rule.source, rule.source_sv):
            assert not any(words in text for words in unfindable), (rule.id, text)
        assert "annan författning" not in rule.source_sv
        assert "bibliotek" not in rule.source_sv + rule.statement_sv + rule.title_sv
    for page in ("rules.md", "regler.md", "background.md"):
        text = (DOCS / page).read_text(encoding="utf-8")
        assert "revisionsrapport 3/2021" not in text, page
        assert "checklist" not in text.lower(), page
        assert "annan författning" not in text, page
        assert "§ 1," not in text, page
    assert "bibliotek" not in (DOCS / "regler.md").read_text(encoding="utf-8")


def test_the_sources_say_what_the_issue_found_missing() -> None:
    """D1 quotes the act's scope; D6 says strictly after; F2 a lower bound counted on the
    decision day; F4 quotes Art. 2(2) with its exception; P1 the third digit (items 14, 16)."""
    assert "särskild författning" in RULES["D1"].source
    assert "strictly after" in RULES["D6"].statement
    assert "lower bound" in RULES["F2"].statement
    assert "decision day" in RULES["F2"].statement
    assert "significant investment" in RULES["F4"].source
    assert "third digit is at least 2" in RULES["P1"].statement
    background = (DOCS / "background.md").read_text(encoding="utf-8")
    for fact in ("HFD 2020 ref. 15", "3165-19", "3556-18", "Förvaltningsrätten", "*may*"):
        assert fact in background, fact
