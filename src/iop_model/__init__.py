"""iop-model: idea-based public partnerships (idéburet offentligt partnerskap, IOP) in code.

Exact term rules on calendar days, agreements with extensions, terminations and follow-on
agreements, goals assessed as of any day, activities and their follow-up, each rule with an
ID. Only terms, parties and agreements are imported with the package; goals, deadlines,
money, reporting duties, activities, targets, cases and files are imported on first use (the
names below work the same), so that ``import iop_model`` stays light.

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

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from iop_model.errors import (
    ActivityError,
    AgreementError,
    AmbiguousDateError,
    CaseError,
    DateError,
    DeadlineError,
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
from iop_model.parties import IdeaBasedParty, PublicParty
from iop_model.rules import RULES, Rule
from iop_model.terms.agreement import (
    Agreement,
    Extension,
    Option,
    OptionHolder,
    Partnership,
    Termination,
    TerminationKind,
)
from iop_model.terms.term import DEFAULT_ROUNDING, Length, Rounding, Term, as_date, today

if TYPE_CHECKING:  # resolved lazily at run time, see __getattr__
    from iop_model.activities import (
        Activity,
        AggregateReport,
        CustomIndicator,
        Event,
        EventKind,
        Figures,
        GeneralActivity,
        Indicator,
        IndicatorReport,
        MeetingPlace,
        Membership,
        Network,
        Occasion,
        Record,
        Residency,
        Unit,
        Venue,
    )
    from iop_model.activities.targets import ActivityTarget
    from iop_model.advisory.criteria import Evidence
    from iop_model.advisory.flags import Flag, flags
    from iop_model.case import PARTNERSHIP, Case, CaseGoal, DecisionDue, KnownCase, LaterFact
    from iop_model.deadlines.calendar import (
        Deadline,
        Roll,
        deadline,
        deadline_before,
        is_working_day,
    )
    from iop_model.deadlines.reporting import (
        FollowUpReport,
        PeriodReport,
        ReportingDuty,
        ReportingPeriod,
        ReportStatus,
    )
    from iop_model.files.loader import dump, dumps, load, loads
    from iop_model.goals import Assessment, Goal, GoalStatus, MinimumDuration
    from iop_model.money import (
        Contribution,
        ContributionKind,
        Contributor,
        MoneyError,
        MoneyFigures,
    )
    from iop_model.queries.actions import Action, ActionKind
    from iop_model.queries.portfolio import Portfolio

from iop_model._version import __version__

#: Public names imported on first use, by module.
_LAZY = {
    "deadlines.calendar": ("Deadline", "Roll", "deadline", "deadline_before", "is_working_day"),
    "advisory.criteria": ("Evidence",),
    "goals": ("Assessment", "Goal", "GoalStatus", "MinimumDuration"),
    "money": ("Contribution", "ContributionKind", "Contributor", "MoneyError", "MoneyFigures"),
    "deadlines.reporting": (
        "FollowUpReport",
        "PeriodReport",
        "ReportingDuty",
        "ReportingPeriod",
        "ReportStatus",
    ),
    "activities": (
        "Activity",
        "AggregateReport",
        "CustomIndicator",
        "Event",
        "EventKind",
        "Figures",
        "GeneralActivity",
        "Indicator",
        "IndicatorReport",
        "MeetingPlace",
        "Membership",
        "Network",
        "Occasion",
        "Record",
        "Residency",
        "Unit",
        "Venue",
    ),
    "activities.targets": ("ActivityTarget",),
    "case": ("PARTNERSHIP", "Case", "CaseGoal", "DecisionDue", "KnownCase", "LaterFact"),
    "queries.actions": ("Action", "ActionKind"),
    "files.loader": ("dump", "dumps", "load", "loads"),
    "advisory.flags": ("Flag", "flags"),
    "queries.portfolio": ("Portfolio",),
}
_LAZY_NAMES = {name: module for module, names in _LAZY.items() for name in names}


def __getattr__(name: str) -> Any:
    """Import a lazily loaded public name (PEP 562) and keep it in the module."""
    from importlib import import_module  # here: importlib is not loaded by attrs or pendulum

    if name == "export":  # the open-data exports, an edge module (iop_model.outputs.export)
        value = import_module(".outputs.export", __name__)
        globals()[name] = value
        return value
    module = _LAZY_NAMES.get(name)
    if module is None:
        raise AttributeError(f"module 'iop_model' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY_NAMES))


__all__ = [
    "DEFAULT_ROUNDING",
    "PARTNERSHIP",
    "RULES",
    "Action",
    "ActionKind",
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
    "Contribution",
    "ContributionKind",
    "Contributor",
    "CustomIndicator",
    "DateError",
    "Deadline",
    "DeadlineError",
    "DecisionDue",
    "Event",
    "EventKind",
    "Evidence",
    "Extension",
    "ExtensionError",
    "Figures",
    "FileError",
    "Flag",
    "FollowUpReport",
    "GeneralActivity",
    "Goal",
    "GoalError",
    "GoalStatus",
    "IOPError",
    "IdeaBasedParty",
    "Indicator",
    "IndicatorReport",
    "KnownCase",
    "LateExtensionError",
    "LaterFact",
    "Length",
    "MeetingPlace",
    "Membership",
    "MinimumDuration",
    "MoneyError",
    "MoneyFigures",
    "Network",
    "Occasion",
    "Option",
    "OptionHolder",
    "Partnership",
    "PartnershipError",
    "PartyError",
    "PeriodReport",
    "Portfolio",
    "PublicParty",
    "Record",
    "ReportStatus",
    "ReportingDuty",
    "ReportingPeriod",
    "Residency",
    "Roll",
    "Rounding",
    "Rule",
    "Term",
    "TermError",
    "Termination",
    "TerminationError",
    "TerminationKind",
    "Unit",
    "Venue",
    "__version__",
    "as_date",
    "deadline",
    "deadline_before",
    "dump",
    "dumps",
    "flags",
    "is_working_day",
    "load",
    "loads",
    "today",
]
