"""Problems in Swedish: what ``check --lang sv`` and the server's problem documents say.

A problem's message is written in English where the check is made. This module words the
common ones in Swedish (:data:`CATALOGUE`: an English pattern and its Swedish wording, the
pattern's named parts carried over). A message that has no Swedish wording of its own but
broke a rule quotes the rule in Swedish, its ID, title and statement (the rule says what is
required); any other says "ogiltigt värde" with the value. The English message is kept for
programs (``message_en`` in JSON).

>>> from iop_model.errors import Problem
>>> in_swedish(Problem("agreements[0].term", "missing required field"))
'agreements[0].term: ett obligatoriskt fält saknas'
"""

from __future__ import annotations

import re
from typing import Final

from iop_model.errors import Problem, printable, show

__all__ = ["CATALOGUE", "in_swedish", "message", "translated"]

_LIST: Final = r"(?P<list>[^()]*)"
_HINT: Final = r"(?:; did you mean (?P<hint>'[^']*')\?)?"

#: English message patterns and their Swedish wording. ``{hint}`` is "; menade du 'x'?".
CATALOGUE: Final[tuple[tuple[re.Pattern[str], str], ...]] = tuple(
    (re.compile(pattern + r"\Z"), swedish)
    for pattern, swedish in (
        (r"missing required field", "ett obligatoriskt fält saknas"),
        (r"missing format_version", "format_version saknas"),
        (r"missing the goal's kind", "målets slag (kind) saknas"),
        (r"missing the (?P<what>[\w ]+)'s kind", "slaget (kind) saknas"),
        (r"expected text", "väntade text"),
        (r"expected text or None", "väntade text eller inget värde"),
        (r"expected non-empty text", "väntade text som inte är tom"),
        (r"expected a whole number", "väntade ett heltal"),
        (r"expected (?:true|True) or (?:false|False)", "väntade true eller false"),
        (
            r"expected (?:a |an )?(?P<type>[A-Z]\w*)(?: or None)?, got (?P<got>\w+)",
            "väntade {type} (fick {got})",
        ),
        (r"expected a list", "väntade en lista"),
        (r"expected a table", "väntade en tabell"),
        (r"expected a date written as YYYY-MM-DD", "väntade en dag skriven ÅÅÅÅ-MM-DD"),
        (r"expected a file path", "väntade en sökväg till en fil"),
        (r"expected the file's text \(str or bytes\)", "väntade filens text"),
        (r"expected the id of one of the file's agreements", "väntade id för ett av filens avtal"),
        (r"expected one of " + _LIST, "väntade ett av {list}"),
        (
            r"expected (?P<what>[\w ]+) kind one of (?P<list>[^;]*)" + _HINT,
            "väntade ett slag (kind) av {list}{hint}",
        ),
        (r"expected goal kind one of " + _LIST, "väntade ett målslag (kind) av {list}"),
        (
            r"unknown key" + _HINT + r" \(expected " + _LIST + r"\)",
            "okänd nyckel{hint} (tillåtna: {list})",
        ),
        (
            r"no agreement with this id in the file" + _HINT + r" \(ids: " + _LIST + r"\)",
            "inget avtal i filen har detta id{hint} (id: {list})",
        ),
        (
            r"no such indicator" + _HINT + r" \(indicators: " + _LIST + r"\)",
            "inget sådant nyckeltal{hint} (nyckeltal: {list})",
        ),
        (r"the key (?P<key>'[^']*') appears twice in one object", "nyckeln {key} finns två gånger"),
        (
            r"a duration goal's subject is 'partnership' or an agreement id"
            + _HINT
            + r" \((?P<list>[^()]*)\)",
            "ett varaktighetsmål gäller 'partnership' (partnerskapet) eller ett avtals id{hint} "
            "(tillåtna: {list})",
        ),
        (
            r"an activity target's subject is the name of one of the file's activities"
            + _HINT
            + r" \((?P<list>[^()]*)\)",
            "ett målvärde gäller en av filens aktiviteter, med dess namn{hint} "
            "(aktiviteter: {list})",
        ),
        (r"nested deeper than (?P<n>\d+) levels", "nästlad djupare än {n} nivåer"),
        (
            r"the file is more than the limit of (?P<n>\d+) bytes \(max_bytes\)",
            "filen är större än gränsen på {n} byte (max_bytes)",
        ),
        (
            r"the file must hold a table \(object\) at the top",
            "filen ska ha en tabell (ett objekt) överst",
        ),
        (
            r"the file name must end in \.toml or \.json",
            "filnamnet ska sluta på .toml eller .json",
        ),
        (r"the folder holds no \.toml or \.json file", "mappen har ingen .toml- eller .json-fil"),
        (r"no such file or folder", "filen eller mappen finns inte"),
        (r"cannot read the file: no such file or folder", "filen kan inte läsas: den finns inte"),
        (
            r"cannot read the file: the link points to nothing \(a dangling link\)",
            "filen kan inte läsas: länken pekar inte på något",
        ),
        (
            r"cannot read the file: the links point to each other in a loop",
            "filen kan inte läsas: länkarna pekar på varandra i en slinga",
        ),
        (
            r"cannot read the file: not a regular file but (?P<kind>.*)",
            "filen kan inte läsas: den är ingen vanlig fil",
        ),
        (r"cannot read the file: (?P<reason>.*)", "filen kan inte läsas"),
        (
            r"not valid (?P<fmt>TOML|JSON) \(read as \w+\): (?P<error>.*)",
            "inte giltig {fmt} ({error})",
        ),
        (
            r"unknown format_version; .*",
            "okänd format_version; den här versionen av iop-model läser format_version 1",
        ),
        (
            r"an exact number lies between (?P<low>\S+) and (?P<high>\S+)",
            "ett exakt tal ligger mellan {low} och {high}",
        ),
        (
            r"the day falls outside the years (?P<years>\S+)",
            "dagen ligger utanför åren {years}",
        ),
        (r"a count is at most (?P<n>\S+) \((?P<why>[^)]*)\)", "ett antal är högst {n} ({why})"),
        (
            r"the check digit should be (?P<right>\d), not (?P<wrong>\d)",
            "kontrollsiffran ska vara {right}, inte {wrong}",
        ),
        (
            r"expected 10 digits, optionally with a hyphen after the sixth \(NNNNNN-NNNN\)",
            "väntade 10 siffror, eventuellt med bindestreck efter den sjätte (NNNNNN-NNNN)",
        ),
        (
            r"an amount is exact: an int, a Decimal or decimal text, never a float",
            "ett belopp är exakt: ett heltal eller decimaltext, aldrig ett flyttal",
        ),
        (
            r"the end (?P<end>\S+) is before the start (?P<start>\S+)",
            "slutet {end} är före starten {start}",
        ),
    )
)


def translated(english: str) -> str | None:
    """The Swedish wording of an English message, or None when it has none of its own.

    >>> translated("expected a whole number")
    'väntade ett heltal'
    """
    for pattern, swedish in CATALOGUE:
        found = pattern.match(english)
        if found is not None:
            parts = {key: value or "" for key, value in found.groupdict().items()}
            if "hint" in parts:
                parts["hint"] = f"; menade du {parts['hint']}?" if parts["hint"] else ""
            if parts.get("list") == "none":
                parts["list"] = "inga"
            return swedish.format(**parts)
    return None


def message(problem: Problem, lang: str) -> str:
    """The problem's message in ``lang``, without its path and rule ID: in Swedish its own
    wording, or what the rule it broke requires, or "ogiltigt värde"."""
    if lang != "sv":
        return problem.message
    own = translated(problem.message)
    if own is not None:
        return own
    if problem.rule:
        from iop_model.rules import RULES

        rule = RULES.get(problem.rule)
        if rule is not None:
            return f"strider mot regeln ({rule.title_in('sv')}): {rule.statement_sv}"
    return "ogiltigt värde"


def in_swedish(problem: Problem) -> str:
    """The whole problem as ``check --lang sv`` prints it: path, rule, message, value."""
    text = f"{problem.path}: "
    if problem.rule:
        text += f"{problem.rule}: "
    text += message(problem, "sv")
    if problem.has_value:
        text += f" (värde: {show(problem.value)})"
    return printable(text)
