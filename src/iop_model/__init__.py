"""iop-model: idea-based public partnerships (idéburet offentligt partnerskap, IOP) in code.

Exact term rules on calendar days, agreements with extensions, terminations and follow-on
agreements, and the rules behind them, each with an ID.

>>> import pendulum
>>> import iop_model as iop
>>> agreement = iop.Agreement(
...     "molndal-2019",
...     iop.PublicParty("Mölndals stad"),
...     iop.IdeaBasedParty("Konstkollektivet"),
...     iop.Term.year(2019),
... ).extend(iop.Extension(pendulum.date(2019, 12, 19), "Kultur- och fritidsnämnden", years=2))
>>> agreement.span.length
Length(years=3, months=0, days=0)
"""

from typing import Any

from .activities import (
    Activity,
    AggregateReport,
    Event,
    EventKind,
    Figures,
    MeetingPlace,
    Membership,
    Network,
    Occasion,
    Residency,
    Venue,
)
from .agreement import Agreement, Extension, Partnership, Termination
from .case import PARTNERSHIP, Case, CaseGoal
from .errors import (
    ActivityError,
    AgreementError,
    AmbiguousDateError,
    CaseError,
    DateError,
    ExtensionError,
    FileError,
    GoalError,
    IOPError,
    LateExtensionError,
    PartnershipError,
    PartyError,
    TermError,
    TerminationError,
)
from .goals import Assessment, Goal, GoalStatus, MinimumDuration
from .parties import IdeaBasedParty, PublicParty
from .rules import RULES, Rule
from .targets import ActivityTarget, Indicator
from .term import DEFAULT_ROUNDING, Length, Rounding, Term, as_date, today

__version__ = "0.1.0"

_FILE_FUNCTIONS = ("dump", "dumps", "load", "loads")


def __getattr__(name: str) -> Any:
    """``iop_model.load`` and friends, imported from :mod:`iop_model.files` on first use so
    that ``import iop_model`` stays light (no cattrs, no TOML writer)."""
    if name in _FILE_FUNCTIONS:
        from . import files

        return getattr(files, name)
    raise AttributeError(f"module 'iop_model' has no attribute {name!r}")


__all__ = [
    "DEFAULT_ROUNDING",
    "PARTNERSHIP",
    "RULES",
    "Activity",
    "ActivityError",
    "ActivityTarget",
    "AggregateReport",
    "Agreement",
    "AgreementError",
    "AmbiguousDateError",
    "Assessment",
    "Case",
    "CaseError",
    "CaseGoal",
    "DateError",
    "Event",
    "EventKind",
    "Extension",
    "ExtensionError",
    "Figures",
    "FileError",
    "Goal",
    "GoalError",
    "GoalStatus",
    "IOPError",
    "IdeaBasedParty",
    "Indicator",
    "LateExtensionError",
    "Length",
    "MeetingPlace",
    "Membership",
    "MinimumDuration",
    "Network",
    "Occasion",
    "Partnership",
    "PartnershipError",
    "PartyError",
    "PublicParty",
    "Residency",
    "Rounding",
    "Rule",
    "Term",
    "TermError",
    "Termination",
    "TerminationError",
    "Venue",
    "__version__",
    "as_date",
    "dump",
    "dumps",
    "load",
    "loads",
    "today",
]
