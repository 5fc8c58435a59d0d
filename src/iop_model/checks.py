"""Checks an auditor writes without Python: ``iop-model test FILE|DIR``.

A checks file (TOML) states what an agreement file must give on a day; every version of the
library is run against it. Each ``[[checks]]`` table names the agreement ``file`` (relative
to the checks file), the ``as_of`` day (and optionally ``known_on``, ``lang``,
``hour_rate``, ``eur_rate``), a ``reference`` to the clause it checks, and ``expect``: paths
into the JSON report (``iop-model report --format json``) with the value each must have::

    format_version = 1

    [[checks]]
    name = "Uppsägning senast 2025-12-30 (avtalet § 9)"
    file = "../exempelby-kvinnojour.toml"
    as_of = 2025-10-15
    reference = "Avtalet § 9, uppsägningstid sex månader"
    expect = { "agreements.exempelby-jouren-2023.notice_deadline" = 2025-12-30 }

A path is keys joined by dots. A key on a table takes that key; a key on a list takes the
item whose ``id`` (or ``agreement``, or ``subject_name``) is that key; ``[n]`` takes the
n-th item, from 0. A day is compared with the report's ``YYYY-MM-DD``; a number with the
report's number or exact text (``"54600000/91"``).

>>> import pendulum
>>> results = run(load_checks("examples/checks/exempelby.toml"))
>>> [r.passed for r in results][:2]
[True, True]
"""

from __future__ import annotations

import datetime
import difflib
import re
import tomllib
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

import attrs
import pendulum

from iop_model import wording
from iop_model.errors import FileError, IOPError, Problem, printable
from iop_model.explain import Lang
from iop_model.files.loader import load

__all__ = ["Check", "CheckResult", "junit_xml", "load_checks", "lookup", "render", "run"]

Date = pendulum.Date
CHECKS_FORMAT_VERSION = 1
_TOP = ("format_version", "checks")
_KEYS = (
    "name",
    "file",
    "as_of",
    "known_on",
    "lang",
    "hour_rate",
    "eur_rate",
    "reference",
    "expect",
)
_REQUIRED = ("name", "file", "as_of", "expect")
_INDEX = re.compile(r"^(?P<key>[^\[\]]*)(?P<indexes>(\[\d+\])*)$")
_BY = ("id", "agreement", "subject_name")


@attrs.frozen
class Check:
    """One check: what ``file`` must give as of ``as_of`` (see the module)."""

    name: str
    file: Path
    as_of: Date
    expect: tuple[tuple[str, Any], ...]
    known_on: Date | None = None
    lang: Lang = "sv"
    hour_rate: Decimal | None = None
    eur_rate: Decimal | None = None
    reference: str | None = None
    source: str = ""


@attrs.frozen
class CheckResult:
    """A check's outcome: every expectation that failed, with what the report gave."""

    check: Check
    failures: tuple[tuple[str, Any, Any], ...]
    error: str | None = None

    @property
    def passed(self) -> bool:
        return not self.failures and self.error is None


def _did_you_mean(value: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(choices), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def _day(value: object, path: str, problems: list[Problem]) -> Date | None:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return pendulum.date(value.year, value.month, value.day)
    problems.append(Problem(path, "expected a day YYYY-MM-DD (a TOML date)", value))
    return None


def _rate(value: object, path: str, problems: list[Problem]) -> Decimal | None:
    if value is None:
        return None
    if type(value) is int or (isinstance(value, str) and re.fullmatch(r"\d+(\.\d+)?", value)):
        return Decimal(value)
    problems.append(Problem(path, 'expected a whole number or decimal text ("11.5")', value))
    return None


def load_checks(path: str | Path) -> list[Check]:
    """The checks of a file, or of every ``.toml`` file in a folder (sorted); raises
    :class:`~iop_model.errors.FileError` listing every problem."""
    found = Path(path)
    files = sorted(found.glob("*.toml")) if found.is_dir() else [found]
    checks: list[Check] = []
    for file in files:
        checks.extend(_read(file))
    return checks


def _read(file: Path) -> list[Check]:
    try:
        data = tomllib.loads(file.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise FileError(
            str(file), (Problem("", f"cannot read the checks file: {error}"),)
        ) from None
    problems: list[Problem] = []
    for key in data:
        if key not in _TOP:
            problems.append(Problem(key, f"unknown key{_did_you_mean(key, _TOP)}"))
    if data.get("format_version") != CHECKS_FORMAT_VERSION:
        problems.append(
            Problem(
                "format_version", f"expected {CHECKS_FORMAT_VERSION}", data.get("format_version")
            )
        )
    entries = data.get("checks")
    if not isinstance(entries, list) or not entries:
        problems.append(Problem("checks", "expected at least one [[checks]] table"))
        entries = []
    checks = []
    for index, entry in enumerate(entries):
        at = f"checks[{index}]"
        if not isinstance(entry, dict):
            problems.append(Problem(at, "expected a table"))
            continue
        for key in entry:
            if key not in _KEYS:
                problems.append(Problem(f"{at}.{key}", f"unknown key{_did_you_mean(key, _KEYS)}"))
        for key in _REQUIRED:
            if key not in entry:
                problems.append(Problem(f"{at}.{key}", "missing required key"))
        name, target, expect = entry.get("name"), entry.get("file"), entry.get("expect")
        if "name" in entry and (not isinstance(name, str) or not name.strip()):
            problems.append(Problem(f"{at}.name", "expected text", name))
        if "file" in entry and not isinstance(target, str):
            problems.append(Problem(f"{at}.file", "expected a file name", target))
        if "expect" in entry and (not isinstance(expect, dict) or not expect):
            problems.append(Problem(f"{at}.expect", "expected a table of path = value", expect))
        as_of = _day(entry.get("as_of"), f"{at}.as_of", problems) if "as_of" in entry else None
        known_on = (
            _day(entry["known_on"], f"{at}.known_on", problems) if "known_on" in entry else None
        )
        lang = entry.get("lang", "sv")
        if lang not in ("sv", "en"):
            problems.append(Problem(f"{at}.lang", "expected 'sv' or 'en'", lang))
        reference = entry.get("reference")
        if reference is not None and not isinstance(reference, str):
            problems.append(Problem(f"{at}.reference", "expected text", reference))
        hour = _rate(entry.get("hour_rate"), f"{at}.hour_rate", problems)
        eur = _rate(entry.get("eur_rate"), f"{at}.eur_rate", problems)
        if isinstance(expect, dict):
            for key in expect:
                if not _INDEX.match(key.split(".")[-1]) or not key:
                    problems.append(Problem(f"{at}.expect", "not a path", key))
        if problems or as_of is None:
            continue
        checks.append(
            Check(
                name=str(name),
                file=(file.parent / str(target)),
                as_of=as_of,
                expect=tuple(dict(expect).items()),  # type: ignore[arg-type]
                known_on=known_on,
                lang=lang,
                hour_rate=hour,
                eur_rate=eur,
                reference=reference,
                source=f"{file}: {at}",
            )
        )
    if problems:
        raise FileError(str(file), tuple(problems))
    return checks


def lookup(data: Any, path: str) -> Any:
    """The value at ``path`` in the report's data; ``KeyError`` naming the part not found.

    >>> lookup({"goals": [{"status": "secured"}]}, "goals[0].status")
    'secured'
    >>> lookup({"agreements": [{"id": "a-1", "end": "2024-12-31"}]}, "agreements.a-1.end")
    '2024-12-31'
    """
    value = data
    for part in _parts(path):
        if isinstance(part, int):
            if not isinstance(value, list) or part >= len(value):
                raise KeyError(f"[{part}]")
            value = value[part]
        elif isinstance(value, dict):
            if part not in value:
                raise KeyError(f"{part}{_did_you_mean(part, value)}")
            value = value[part]
        elif isinstance(value, list):
            matches = [
                item
                for item in value
                if isinstance(item, dict) and part in (item.get(b) for b in _BY)
            ]
            if not matches:
                raise KeyError(part)
            value = matches[0]
        else:
            raise KeyError(part)
    return value


def _parts(path: str) -> list[str | int]:
    parts: list[str | int] = []
    for piece in _split(path):
        match = _INDEX.match(piece)
        if match is None:
            parts.append(piece)
            continue
        if match["key"]:
            parts.append(match["key"])
        parts.extend(int(n) for n in re.findall(r"\[(\d+)\]", match["indexes"]))
    return parts


def _split(path: str) -> list[str]:
    """Split at dots that are not part of an id with a dot in brackets (ids have none)."""
    return [piece for piece in path.split(".") if piece]


def _same(expected: Any, got: Any) -> bool:
    if isinstance(expected, datetime.date):
        return isinstance(got, str) and got == expected.isoformat()
    if isinstance(expected, bool) or isinstance(got, bool):
        return expected is got
    if isinstance(expected, (int, float)):
        try:
            return Fraction(str(got)) == Fraction(str(expected))
        except (ValueError, ZeroDivisionError):
            return False
    return bool(expected == got)


def run(checks: Sequence[Check]) -> list[CheckResult]:
    """Run every check: the report as JSON (as ``iop-model report --format json``) of the
    file as known on the day, then each expected path."""
    from iop_model.queries.report import view

    results = []
    for check in checks:
        try:
            case = load(check.file)
            knowledge = check.known_on or check.as_of
            data, _ = view(
                case.as_known_on(knowledge),
                check.as_of,
                check.lang,
                hour_rate=check.hour_rate,
                eur_rate=check.eur_rate,
            )
        except (IOPError, OSError) as error:
            results.append(CheckResult(check, (), str(error)))
            continue
        failures = []
        for path, expected in check.expect:
            try:
                got = lookup(data, path)
            except KeyError as missing:
                failures.append((path, expected, f"<no {missing.args[0]}>"))
                continue
            if not _same(expected, got):
                failures.append((path, expected, got))
        results.append(CheckResult(check, tuple(failures)))
    return results


def render(results: Sequence[CheckResult], lang: Lang = "sv") -> str:
    """One line per check, and a line per failed expectation, with the check's reference."""
    lines = []
    for result in results:
        check = result.check
        state = wording.say("check.passed" if result.passed else "check.failed", lang)
        reference = f" ({check.reference})" if check.reference else ""
        lines.append(printable(f"{state}: {check.name}{reference}"))
        if result.error:
            lines.append("  " + result.error)
        for path, expected, got in result.failures:
            lines.append(
                "  "
                + wording.say(
                    "check.expected", lang, path=path, expected=_shown(expected), got=_shown(got)
                )
            )
    passed = sum(1 for r in results if r.passed)
    lines.append(wording.say("check.summary", lang, passed=passed, total=len(results)))
    return "\n".join(lines)


def _shown(value: Any) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    return repr(value) if isinstance(value, str) else str(value)


def junit_xml(results: Sequence[CheckResult]) -> str:
    """The results as a JUnit XML report (one testsuite, a testcase per check)."""
    failures = sum(1 for r in results if r.failures)
    errors = sum(1 for r in results if r.error)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<testsuite name="iop-model checks" tests="{len(results)}" failures="{failures}" '
        f'errors="{errors}">',
    ]
    for result in results:
        check = result.check
        lines.append(
            f"  <testcase classname={quoteattr(printable(str(check.file)))} "
            f"name={quoteattr(printable(check.name))}>"
        )
        if result.error:
            lines.append(f"    <error message={quoteattr(printable(result.error))}/>")
        for path, expected, got in result.failures:
            message = f"{path}: expected {_shown(expected)}, got {_shown(got)}"
            lines.append(f"    <failure message={quoteattr(printable(message))}/>")
        lines.append("  </testcase>")
    lines.append("</testsuite>")
    return "\n".join(lines) + "\n"
