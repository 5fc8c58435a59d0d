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

__all__ = ["RULES", "RULE_ORDER", "Rule", "fingerprint", "rule"]


@attrs.frozen
class Rule:
    """A named rule: ``id`` (``"T3"``), a short ``title``, a one-line ``statement`` in
    English and Swedish (``statement_sv``), and the ``source`` it builds on."""

    id: str
    title: str
    statement: str
    statement_sv: str
    source: str
    #: The module that declares and applies the rule (``iop_model.money`` for M rules).
    module: str = attrs.field(default="", eq=False)
    #: The title and the source in Swedish, as ``docs/regler.md`` prints them (the Swedish
    #: report's rules appendix quotes them); empty when there is none.
    title_sv: str = ""
    source_sv: str = ""

    def title_in(self, lang: str) -> str:
        """The title in ``lang`` ("sv" or "en").

        >>> RULES["T4"].title_in("sv")
        'Slutdag för en avtalstid av viss längd'
        """
        return self.title_sv or self.title if lang == "sv" else self.title

    def source_in(self, lang: str) -> str:
        """The source in ``lang`` ("sv" or "en")."""
        return self.source_sv or self.source if lang == "sv" else self.source

    def __str__(self) -> str:
        return f"{self.id} {self.title}"

    @property
    def kind(self) -> str:
        """What the rule rests on, as its source says: ``"own"`` (the library's own rule or
        modelling choice), ``"analogy"`` (a statute applied by analogy) or ``"source"``.

        >>> RULES["D1"].kind, RULES["M4"].kind, RULES["P1"].kind
        ('analogy', 'own', 'source')
        """
        text = self.source.lower()
        if any(words in text for words in _OWN):
            return "own"
        return "analogy" if "analog" in text else "source"


#: A findable source for what every IOP agreement contains (cited by D5, D6, T12, M2, A2, F6):
#: Uddevalla kommun's list of the points that every IOP agreement must have.
UDDEVALLA_AGREEMENT_CONTENTS = (
    "Uddevalla kommun, 'Verksamhetsplan och avtalsprocess' (2020-08-25, https://www.uddevalla.se/"
    "omsorg-och-hjalp/folkhalsoarbete/overenskommelse-kommun--ideburen-sektor/"
    "ideburet-offentligt-partnerskap-iop/iop/2020-08-25-verksamhetsplan-och-avtalsprocess.html)"
)

_OWN = ("library's own", "modelling choice", "own choice", "own definition")


#: The modules that declare rules; the registry imports them all before it is first read,
#: since ``import iop_model`` loads some of them lazily.
_RULE_MODULES = (
    "iop_model.terms.term",
    "iop_model.terms.agreement",
    "iop_model.deadlines.calendar",
    "iop_model.deadlines.reporting",
    "iop_model.money",
    "iop_model.advisory.flags",
    "iop_model.goals",
    "iop_model.activities.items",
    "iop_model.activities.activity",
    "iop_model.activities.figures",
    "iop_model.activities.targets",
    "iop_model.parties",
    "iop_model._validators",
)

#: The registry's order, which the rules' fingerprint follows: fixed here, so that moving a
#: rule's code to another module never changes the fingerprint. A new rule is added here.
RULE_ORDER: tuple[str, ...] = (
    *(f"T{n}" for n in range(1, 17)),
    *(f"D{n}" for n in range(1, 8)),
    *(f"M{n}" for n in range(1, 6)),
    *(f"F{n}" for n in range(1, 7)),
    *(f"G{n}" for n in range(1, 11)),
    *("A1", "A2", "A3", "A4", "A5", "A6", "A10", "A7", "A8", "A9"),
    "P1",
    "I1",
    "T17",
    "F7",
    "T18",
    "P2",
)


class _Registry(Mapping[str, Rule]):
    """Read-only mapping from rule ID to :class:`Rule`, in the order of :data:`RULE_ORDER`
    whatever order the modules were imported in (the rules' fingerprint depends on it)."""

    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}
        self._complete = False

    def _all(self) -> dict[str, Rule]:
        if not self._complete:
            for module in _RULE_MODULES:
                importlib.import_module(module)
            missing = [id for id in RULE_ORDER if id not in self._rules]
            if missing:  # pragma: no cover - a rule listed but never declared
                raise RuntimeError(f"rules listed in RULE_ORDER but not declared: {missing}")
            self._rules = {id: self._rules[id] for id in RULE_ORDER}
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

    def _add(self, new: Rule) -> None:
        if new.id in self._rules:
            raise RuntimeError(f"rule {new.id} is declared twice")
        if new.id not in RULE_ORDER:
            raise RuntimeError(f"rule {new.id} is not listed in RULE_ORDER")
        self._rules[new.id] = new


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

    data = [
        [r.id, r.title, r.statement, r.statement_sv, r.source, r.title_sv, r.source_sv]
        for r in RULES.values()
    ]
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def rule(id: str, title: str, statement: str, statement_sv: str, source: str) -> str:
    """Declare a rule and return its ID, for use as a module-level constant."""
    from iop_model._rules_sv import SWEDISH

    module = sys._getframe(1).f_globals["__name__"]  # the declaring module, for the docs
    title_sv, source_sv = SWEDISH.get(id, ("", ""))
    RULES._add(Rule(id, title, statement, statement_sv, source, module, title_sv, source_sv))
    return id
