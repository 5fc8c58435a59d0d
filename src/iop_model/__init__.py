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
from .errors import (
    ActivityError,
    AgreementError,
    AmbiguousDateError,
    DateError,
    ExtensionError,
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

__all__ = [
    "DEFAULT_ROUNDING",
    "RULES",
    "Activity",
    "ActivityError",
    "ActivityTarget",
    "AggregateReport",
    "Agreement",
    "AgreementError",
    "AmbiguousDateError",
    "Assessment",
    "DateError",
    "Event",
    "EventKind",
    "Extension",
    "ExtensionError",
    "Figures",
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
    "today",
]
