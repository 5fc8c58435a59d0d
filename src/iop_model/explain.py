"""Explanation texts in Swedish and English.

An explanation is a list of :class:`Line` s; each line has the same facts (dates, numbers,
rule IDs) in both languages, so that an auditor can check either by hand.

>>> line = Line(en="Required: 3 years", sv="Krävs: 3 år", rules=("G3",))
>>> line.text("en"), line.text("sv")
('Required: 3 years (G3)', 'Krävs: 3 år (G3)')
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import attrs

from iop_model.errors import IOPError

__all__ = ["LANGUAGES", "Lang", "Line", "check_lang", "render"]

Lang = Literal["sv", "en"]
LANGUAGES: tuple[Lang, ...] = ("sv", "en")


@attrs.frozen
class Line:
    """One sentence of an explanation, in English and Swedish, with the rules behind it."""

    en: str
    sv: str
    rules: tuple[str, ...] = ()

    def text(self, lang: Lang) -> str:
        body = self.sv if lang == "sv" else self.en
        return f"{body} ({', '.join(self.rules)})" if self.rules else body


def check_lang(lang: object) -> Lang:
    """Return ``lang`` if it is ``"sv"`` or ``"en"``; raise :class:`IOPError` otherwise."""
    if lang == "sv":
        return "sv"
    if lang == "en":
        return "en"
    raise IOPError("the language must be 'sv' or 'en'", field="lang", value=lang)


def render(lines: Iterable[Line], lang: Lang) -> str:
    """The lines as one text, one line each."""
    return "\n".join(line.text(lang) for line in lines)
