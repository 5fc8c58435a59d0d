"""Activities and their follow-up (rules A1–A10): the A family in one package.

An IOP agreement says what the idea-based party does; follow-up (uppföljning) counts it.
Reports may be detailed (each occasion with its day and visitors) or aggregate (for a period:
the number of occasions and the total or mean number of visitors); both give the same exact
:class:`Figures`. Every kind of activity (a meeting place, a venue, a network, a residency,
or a general activity with indicators of its own) is counted by one mechanism.

- :mod:`~iop_model.activities.items`: what is reported (A1 exact counts, A4 aggregates,
  A10 when a report counts as known);
- :mod:`~iop_model.activities.kinds`: the kinds of activity and what each counts;
- :mod:`~iop_model.activities.activity`: the activities (A2 within the agreement, A3
  counted once);
- :mod:`~iop_model.activities.figures`: counting for a period (A5, A6);
- :mod:`~iop_model.activities.targets`: targets on the figures (A7–A9).

>>> from iop_model import AggregateReport, MeetingPlace, Term
>>> place = MeetingPlace(
...     "molndal-2019", "Öppen Kulturell Mötesplats",
...     reports=[AggregateReport(Term.year(2019), occasions=26, mean_visitors=40)],
... )
>>> f = place.figures(Term.year(2019))
>>> f.count, f.total, f.mean
(26, 1040, Fraction(40, 1))
"""

from iop_model.activities.activity import (
    A2,
    A3,
    ACTIVITY_KINDS,
    Activity,
    GeneralActivity,
    MeetingPlace,
    Network,
    Residency,
    Venue,
    figures_text,
)
from iop_model.activities.figures import A5, A6, Figures, calendar_periods
from iop_model.activities.items import (
    A1,
    A4,
    A10,
    MAX_COUNT,
    AggregateReport,
    CustomIndicator,
    Event,
    EventKind,
    IndicatorReport,
    Membership,
    Occasion,
    Record,
    Unit,
    check_count,
    check_exact,
    exact_text,
)
from iop_model.activities.kinds import KINDS, Indicator, Kind

__all__ = [
    "A1",
    "A2",
    "A3",
    "A4",
    "A5",
    "A6",
    "A10",
    "ACTIVITY_KINDS",
    "KINDS",
    "MAX_COUNT",
    "Activity",
    "AggregateReport",
    "CustomIndicator",
    "Event",
    "EventKind",
    "Figures",
    "GeneralActivity",
    "Indicator",
    "IndicatorReport",
    "Kind",
    "MeetingPlace",
    "Membership",
    "Network",
    "Occasion",
    "Record",
    "Residency",
    "Unit",
    "Venue",
    "calendar_periods",
    "check_count",
    "check_exact",
    "exact_text",
    "figures_text",
]
