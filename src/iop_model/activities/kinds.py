"""The kinds of activity and what each counts: one registry (:data:`KINDS`).

A kind is a predefined set of indicators: a meeting place counts occasions and visitors, a
venue events (by kind) and their audience, a network its members, a residency its
productions, and a general activity the indicators it declares itself. The file's
``kind`` key, the JSON report's kind, the words for the count and the targets that apply
(:class:`Indicator`) all come from here.

>>> KINDS["venue"].count_words, sorted(i.value for i in KINDS["venue"].supports)
(('events', 'evenemang'), ['events', 'mean_visitors', 'occasions', 'visitors'])
"""

from __future__ import annotations

import enum
from typing import Final, NamedTuple

import attrs

from iop_model.activities.items import EventKind
from iop_model.explain import Lang

__all__ = ["KINDS", "Indicator", "Kind"]


class Indicator(enum.Enum):
    """What an activity target measures."""

    OCCASIONS = "occasions"  #: occasions of a meeting place, events of a venue
    VISITORS = "visitors"  #: total visitors or audience
    MEAN_VISITORS = "mean_visitors"  #: mean visitors or audience per occasion (A6)
    EVENTS = "events"  #: events (or productions) of one kind; needs ``kind``
    MEMBERS = "members"  #: network members at the period's end
    PRODUCTIONS = "productions"  #: a residency's productions (outcomes)

    def words(self, lang: Lang, kind: EventKind | None = None, one: bool = False) -> str:
        """The indicator in words (``one``: for the number 1: ``'1 occasion'``)."""
        if self is Indicator.EVENTS and kind is not None:
            if lang == "sv":
                return f"{kind.sv}-evenemang"
            return f"{kind.value} event" if one else f"{kind.value} events"
        words = _WORDS[self]
        if lang == "sv":
            return words.one_sv if one else words.many_sv
        return words.one_en if one else words.many_en


class _Words(NamedTuple):
    one_en: str
    many_en: str
    one_sv: str
    many_sv: str


_WORDS: Final = {
    Indicator.OCCASIONS: _Words("occasion", "occasions", "tillfälle", "tillfällen"),
    Indicator.VISITORS: _Words(
        "visitor in total", "visitors in total", "besökare totalt", "besökare totalt"
    ),
    Indicator.MEAN_VISITORS: _Words(
        "visitor per occasion (mean)",
        "visitors per occasion (mean)",
        "besökare per tillfälle (medelvärde)",
        "besökare per tillfälle (medelvärde)",
    ),
    Indicator.EVENTS: _Words("event", "events", "evenemang", "evenemang"),
    Indicator.MEMBERS: _Words(
        "member at the end of the period",
        "members at the end of the period",
        "medlem vid periodens slut",
        "medlemmar vid periodens slut",
    ),
    Indicator.PRODUCTIONS: _Words("production", "productions", "produktion", "produktioner"),
}


@attrs.frozen
class Kind:
    """A kind of activity: its ``tag`` (the file's ``kind``), what its figures' count is
    called in English and Swedish (``count_words``, ``count_word`` for one), whether it
    counts visitors or an audience (``total``), and the predefined indicators a target can
    measure on it (``supports``; a general activity's own indicators come on top)."""

    tag: str
    count_words: tuple[str, str]
    count_word: tuple[str, str]
    total: bool
    supports: frozenset[Indicator]


_OCCASIONS = (Indicator.OCCASIONS, Indicator.VISITORS, Indicator.MEAN_VISITORS)

#: Every kind of activity, by the tag files and reports use.
KINDS: Final[dict[str, Kind]] = {
    "meeting_place": Kind(
        "meeting_place", ("occasions", "tillfällen"), ("occasion", "tillfälle"), True,
        frozenset(_OCCASIONS),
    ),
    "venue": Kind(
        "venue", ("events", "evenemang"), ("event", "evenemang"), True,
        frozenset((*_OCCASIONS, Indicator.EVENTS)),
    ),
    "network": Kind(
        "network", ("members at the end", "medlemmar vid slutet"),
        ("member at the end", "medlem vid slutet"), False, frozenset((Indicator.MEMBERS,)),
    ),
    "residency": Kind(
        "residency", ("productions", "produktioner"), ("production", "produktion"), True,
        frozenset((Indicator.VISITORS, Indicator.MEAN_VISITORS, Indicator.EVENTS,
                   Indicator.PRODUCTIONS)),
    ),
    "general": Kind(
        "general", ("records", "registreringar"), ("record", "registrering"), False,
        frozenset(),
    ),
}  # fmt: skip
