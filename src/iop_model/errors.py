"""The library's own exceptions.

Every error is an :class:`IOPError` (a :class:`ValueError`). It carries the ID of the rule it
enforces (``rule``), the field the bad value came from (``field``, a path such as
``extensions[1].decided_on``) and the value itself (``value``), and its message says all three.

>>> from iop_model import Term, TermError
>>> import pendulum
>>> try:
...     Term(pendulum.date(2019, 12, 31), pendulum.date(2019, 1, 1))
... except TermError as error:
...     print(error.rule, error.field)
...     print(error)
T3 end
T3: the end 2019-01-01 is before the start 2019-12-31 (at end: 2019-01-01)
"""

from __future__ import annotations

import datetime
import re
from typing import Any, Final, Self

__all__ = [
    "ActivityError",
    "AgreementError",
    "AmbiguousDateError",
    "CaseError",
    "DateError",
    "DeadlineError",
    "ExtensionError",
    "FileError",
    "GoalError",
    "IOPError",
    "LateExtensionError",
    "PartnershipError",
    "PartyError",
    "TermError",
    "TerminationError",
]

_NO_VALUE: Any = object()


_UNSAFE: Final = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` safe for a terminal and a log: control characters (but the newline that
    separates a message's lines), bidirectional overrides and lone surrogates written as
    escapes (``\\x1b``, ``\\u202e``), the rest as it is (I1).

    >>> printable("\\x1b]0;PWNED\\x07 Förening")
    '\\\\x1b]0;PWNED\\\\x07 Förening'
    """
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(lambda m: repr(m.group())[1:-1], text)


def show(value: object) -> str:
    """Render a value for a message: dates as ISO text, text quoted, values with their own
    readable form (terms, lengths, numbers) as that form, anything else as ``repr``."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, (str, bytes)):
        return repr(value)
    if type(value).__str__ is not object.__str__:
        return str(value)
    return repr(value)


class IOPError(ValueError):
    """Base of every error the library raises for bad input.

    ``rule`` is the ID of the broken rule (``"T3"``) or ``None`` for a plain type or format
    problem; ``field`` is the path of the offending input; ``value`` the offending value.
    """

    def __init__(
        self,
        message: str,
        *,
        rule: str | None = None,
        field: str | None = None,
        value: object = _NO_VALUE,
    ) -> None:
        self.message = message
        self.rule = rule
        self.field = field
        self.value = None if value is _NO_VALUE else value
        self._has_value = value is not _NO_VALUE
        super().__init__(self._render())

    def _render(self) -> str:
        text = f"{self.rule}: {self.message}" if self.rule else self.message
        if self.field is not None:
            where = f"at {self.field}"
            if self._has_value:
                where += f": {show(self.value)}"
            text += f" ({where})"
        return text

    def __str__(self) -> str:
        return printable(self._render())

    def __reduce__(self) -> tuple[Any, ...]:
        kwargs: dict[str, Any] = {"rule": self.rule, "field": self.field}
        if self._has_value:
            kwargs["value"] = self.value
        return (_rebuild, (type(self), self.message, kwargs))

    def at(self, prefix: str) -> Self:
        """A copy of this error whose field path is placed under ``prefix``.

        >>> IOPError("bad", rule="T3", field="end").at("extensions[0]").field
        'extensions[0].end'
        """
        if self.field is None:
            path = prefix
        elif self.field.startswith("["):
            path = prefix + self.field
        else:
            path = f"{prefix}.{self.field}"
        kwargs: dict[str, Any] = {"rule": self.rule, "field": path}
        if self._has_value:
            kwargs["value"] = self.value
        return type(self)(self.message, **kwargs)


def _rebuild(cls: type[IOPError], message: str, kwargs: dict[str, Any]) -> IOPError:
    return cls(message, **kwargs)


class DateError(IOPError, TypeError):
    """A value is not a calendar day (rule T1): a datetime, a ``datetime.date`` or text."""


class TermError(IOPError):
    """A term breaks a term rule (T2–T7): an end before its start, a zero length, ..."""


class AmbiguousDateError(TermError):
    """The corresponding day does not exist and the rounding policy is ``REFUSE`` (T5)."""


class PartyError(IOPError):
    """A party is malformed, for example an invalid organisation number (P1)."""


class AgreementError(IOPError):
    """An agreement as a whole is inconsistent (ids, decision days, maximum extent)."""


class ExtensionError(AgreementError):
    """An extension (förlängning) breaks an extension rule (T8–T11)."""


class LateExtensionError(ExtensionError):
    """An extension was decided after the term it extends had run out (T9).

    Such a decision cannot extend the agreement; it needs a follow-on agreement.
    """


class TerminationError(AgreementError):
    """A termination (uppsägning, hävning) breaks rule T12."""


class DeadlineError(IOPError):
    """A deadline, notice period or reporting duty breaks a D rule."""


class PartnershipError(IOPError):
    """Agreements do not form a chain of follow-on agreements (T13, T14)."""


class GoalError(IOPError):
    """A goal is malformed or cannot be assessed for its subject (G rules)."""


class ActivityError(IOPError):
    """An activity, occasion or report breaks an activity rule (A rules)."""


class CaseError(IOPError):
    """A case's parts do not fit together: an unknown agreement id or goal subject."""


class FileError(IOPError):
    """An agreement file cannot be read. ``problems`` lists every problem found, each with
    its path in the file (``extensions[1].decided_on``), the bad value, what was expected
    and the rule ID where a rule was broken."""

    def __init__(self, source: str, problems: tuple[Problem, ...]) -> None:
        self.source = source
        self.problems = problems
        count = len(problems)
        summary = f"{printable(source)}: {count} problem{'s' if count != 1 else ''}"
        super().__init__(summary + "".join(f"\n  {p}" for p in problems))

    def __str__(self) -> str:
        return str(self.args[0])  # the source and every problem are escaped already (I1)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.source, self.problems))

    def at(self, prefix: str) -> Self:
        """A copy with every problem's path placed under ``prefix``."""
        return type(self)(self.source, tuple(problem.at(prefix) for problem in self.problems))


class Problem:
    """One problem in a file: where (``path``), what (``message``), the bad ``value`` and
    the ``rule`` ID when a rule was broken."""

    __slots__ = ("has_value", "message", "path", "rule", "value")

    def __init__(
        self, path: str, message: str, value: object = _NO_VALUE, rule: str | None = None
    ) -> None:
        self.path = path or "(file)"
        self.message = message
        self.has_value = value is not _NO_VALUE
        self.value = None if value is _NO_VALUE else value
        self.rule = rule

    def __str__(self) -> str:
        text = f"{self.path}: "
        text += f"{self.rule}: {self.message}" if self.rule else self.message
        if self.has_value:
            text += f" (got {show(self.value)})"
        return printable(text)

    def __repr__(self) -> str:
        return f"Problem({str(self)!r})"

    def at(self, prefix: str) -> Problem:
        """The same problem with its path placed under ``prefix``.

        >>> str(Problem("term.end", "bad").at("agreements[0]"))
        'agreements[0].term.end: bad'
        """
        if self.path == "(file)":
            path = prefix
        elif self.path.startswith("["):
            path = prefix + self.path
        else:
            path = f"{prefix}.{self.path}"
        if self.has_value:
            return Problem(path, self.message, self.value, self.rule)
        return Problem(path, self.message, rule=self.rule)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Problem) and str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))

    def to_dict(self) -> dict[str, object]:
        """Plain data: path, message, value (as text) and rule."""
        return {
            "path": self.path,
            "message": self.message,
            "value": show(self.value) if self.has_value else None,
            "rule": self.rule,
        }
