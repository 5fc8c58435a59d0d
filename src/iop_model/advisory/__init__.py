"""Advisory flags and criteria evidence (rules F1–F6): the F family. Signals for a person to
look at, never verdicts.

- :mod:`~iop_model.advisory.flags`: the flags (F1–F6) and their dated thresholds;
- :mod:`~iop_model.advisory.criteria`: evidence for the IOP criteria and Överenskommelsen's
  principles, a checklist without a verdict.
"""

from .flags import (
    DE_MINIMIS,
    ENTRUSTMENT_YEARS,
    F1,
    F2,
    F3,
    F4,
    F5,
    F6,
    SGEI_DE_MINIMIS,
    DatedValue,
    Flag,
    Parameter,
    flags,
    known_flags,
)

__all__ = [
    "DE_MINIMIS",
    "ENTRUSTMENT_YEARS",
    "F1",
    "F2",
    "F3",
    "F4",
    "F5",
    "F6",
    "SGEI_DE_MINIMIS",
    "DatedValue",
    "Flag",
    "Parameter",
    "flags",
    "known_flags",
]
