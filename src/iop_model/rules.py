"""The rule registry: every rule's ID, title, statement and source.

Each rule is declared once, with :func:`rule`, in the module whose code applies it
(``term.py`` for T rules, ``parties.py`` for P rules, ...). Errors, explanations and the docs
quote rules by their ID.

>>> from iop_model import RULES
>>> RULES["T2"].title
'Inclusive end'
"""

from __future__ import annotations

import functools
import importlib
import sys
from collections.abc import Iterator, Mapping

import attrs

__all__ = ["RULES", "Rule", "fingerprint", "rule"]


@attrs.frozen
class Rule:
    """A named rule: ``id`` (``"T3"``), a short ``title``, a one-line ``statement`` in
    English and Swedish (``statement_sv``), and the ``source`` it builds on."""

    id: str
    title: str
    statement: str
    statement_sv: str
    source: str

    def __str__(self) -> str:
        return f"{self.id} {self.title}"


#: The modules that declare rules; the registry imports them all before it is first read,
#: since ``import iop_model`` loads some of them lazily.
_RULE_MODULES = (
    "iop_model.term",
    "iop_model.calendar",
    "iop_model.reporting",
    "iop_model.money",
    "iop_model.advisory",
    "iop_model.goals",
    "iop_model.activities",
    "iop_model.targets",
    "iop_model.parties",
)


class _Registry(Mapping[str, Rule]):
    """Read-only mapping from rule ID to :class:`Rule`: by module in the order of
    ``_RULE_MODULES``, then in declaration order, whatever order the modules were imported
    in (the rules' fingerprint depends on it)."""

    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}
        self._modules: dict[str, str] = {}  # rule ID -> declaring module
        self._complete = False

    def _all(self) -> dict[str, Rule]:
        if not self._complete:
            for module in _RULE_MODULES:
                importlib.import_module(module)
            rank = {module: index for index, module in enumerate(_RULE_MODULES)}
            ordered = sorted(self._rules, key=lambda id: rank[self._modules[id]])  # stable
            self._rules = {id: self._rules[id] for id in ordered}
            self._complete = True
        return self._rules

    def __getitem__(self, key: str) -> Rule:
        return self._all()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def __repr__(self) -> str:
        return f"RULES({', '.join(self._all())})"

    def _add(self, new: Rule, module: str) -> None:
        if new.id in self._rules:
            raise RuntimeError(f"rule {new.id} is declared twice")
        if module not in _RULE_MODULES:
            raise RuntimeError(f"rule {new.id} is declared in {module}, not in _RULE_MODULES")
        self._rules[new.id] = new
        self._modules[new.id] = module


#: Every rule the library applies, by ID.
RULES = _Registry()


@functools.lru_cache(maxsize=1)
def fingerprint() -> str:
    """A SHA-256 of every rule's ID, title, statements and source: two reports with the same
    fingerprint applied the same rule set.

    >>> fingerprint().startswith("sha256:")
    True
    """
    import hashlib
    import json

    data = [[r.id, r.title, r.statement, r.statement_sv, r.source] for r in RULES.values()]
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def rule(id: str, title: str, statement: str, statement_sv: str, source: str) -> str:
    """Declare a rule and return its ID, for use as a module-level constant."""
    module = sys._getframe(1).f_globals["__name__"]  # the declaring module, for the order
    RULES._add(Rule(id, title, statement, statement_sv, source), module)
    return id
