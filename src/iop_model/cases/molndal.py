"""The built-in case: Mölndals stad and Konstkollektivet, Mölndal's first IOP.

Facts from the city's press release of 2019-12-19 ("Förlängt samarbete med Konstkollektivet")
and later news from the city. Exact days are not public; this case assumes:

- the agreements follow calendar years: 2019-01-01..2019-12-31, extended to 2021-12-31;
- the two-year extension was decided on 2019-12-19, the day of the press release;
- the follow-on agreement 2022-01-01..2024-12-31 was approved "in October 2021": this case
  takes 2021-10-31, the latest day that fits, so that it is never counted too early (T13);
- the first agreement's own decision day is not recorded (``None``): it counts as known from
  the start;
- activities: the meeting place's 2019 figures are public as an aggregate (26 occasions, 40
  visitors on average); Kulturbanken's members, the stage's events and the residency's group
  and productions are not public, so those activities carry no reports (and a target on them
  is NOT_MET once due, rule A8); the residency is assumed to run through 2019.

>>> from iop_model.cases import molndal
>>> p = molndal.partnership()
>>> str(p.span), p.span.length, p.is_continuous
('2019-01-01..2024-12-31', Length(years=6, months=0, days=0), True)
"""

from __future__ import annotations

import pendulum

from iop_model.activities import Activity, AggregateReport, MeetingPlace, Network, Residency, Venue
from iop_model.activities.targets import ActivityTarget, Indicator
from iop_model.case import PARTNERSHIP, Case, CaseGoal
from iop_model.goals import MinimumDuration
from iop_model.parties import IdeaBasedParty, PublicParty
from iop_model.terms.agreement import Agreement, Extension, Partnership
from iop_model.terms.term import Term

__all__ = [
    "ASSUMPTIONS",
    "COMMITTEE",
    "EXTENSION_DECIDED_ON",
    "FOLLOW_ON_DECIDED_ON",
    "GOAL",
    "KEY_DAYS",
    "KONSTKOLLEKTIVET",
    "MOLNDALS_STAD",
    "activities",
    "case",
    "extended_agreement",
    "extension",
    "first_agreement",
    "follow_on_agreement",
    "meeting_place",
    "network",
    "partnership",
    "residency",
    "stage",
]

COMMITTEE = "Kultur- och fritidsnämnden"
EXTENSION_DECIDED_ON = pendulum.date(2019, 12, 19)
FOLLOW_ON_DECIDED_ON = pendulum.date(2021, 10, 31)

#: The goal of the agreement: "ett långsiktigt samarbete på minst tre år".
GOAL = MinimumDuration(years=3)

#: The days the case is usually assessed on: mid-2019, the extension decision, mid-2021 and
#: the first day after the three years.
KEY_DAYS = (
    pendulum.date(2019, 6, 30),
    pendulum.date(2019, 12, 19),
    pendulum.date(2021, 6, 30),
    pendulum.date(2022, 1, 1),
)

MOLNDALS_STAD = PublicParty("Mölndals stad", committee=COMMITTEE, org_number="212000-1355")
KONSTKOLLEKTIVET = IdeaBasedParty("Konstkollektivet")


def first_agreement() -> Agreement:
    """The first IOP, for the year 2019, before any extension."""
    return Agreement(
        id="molndal-konstkollektivet-2019",
        public_party=MOLNDALS_STAD,
        partner=KONSTKOLLEKTIVET,
        term=Term.year(2019),
        title="IOP Konstkollektivet: kultur som plattform för möten, samhörighet och integration",
    )


def extension() -> Extension:
    """The committee's two-year extension of December 2019."""
    return Extension(
        decided_on=EXTENSION_DECIDED_ON,
        decided_by=COMMITTEE,
        years=2,
        note="Efter ett första år med lyckat resultat förlängs avtalet med två år.",
    )


def extended_agreement() -> Agreement:
    """The first agreement with its extension: 2019-01-01..2021-12-31."""
    return first_agreement().extend(extension())


def follow_on_agreement() -> Agreement:
    """The new three-year agreement 2022–2024 that follows the first one."""
    return Agreement(
        id="molndal-konstkollektivet-2022",
        public_party=MOLNDALS_STAD,
        partner=KONSTKOLLEKTIVET,
        term=Term.starting(pendulum.date(2022, 1, 1), years=3),
        decided_on=FOLLOW_ON_DECIDED_ON,
        follows="molndal-konstkollektivet-2019",
        title="IOP Konstkollektivet 2022–2024",
    )


def partnership() -> Partnership:
    """The whole partnership, 2019–2024: six years without a gap."""
    return Partnership([extended_agreement(), follow_on_agreement()])


def meeting_place() -> MeetingPlace:
    """Öppen Kulturell Mötesplats: 26 occasions in 2019, 40 visitors on average."""
    return MeetingPlace(
        agreement=extended_agreement(),
        name="Öppen Kulturell Mötesplats",
        description="En integrationsplattform där människor möts och umgås genom "
        "kulturaktiviteter av olika slag.",
        reports=[AggregateReport(Term.year(2019), occasions=26, mean_visitors=40)],
    )


def network() -> Network:
    """Kulturbanken, a new network for cultural actors and associations (members not public)."""
    return Network(
        agreement=extended_agreement(),
        name="Kulturbanken",
        description="Ett nytt nätverk för kulturaktörer och kulturföreningar i Mölndal.",
    )


def stage() -> Venue:
    """The neighbourhood stage Under, for young people (events not public)."""
    return Venue(
        agreement=extended_agreement(),
        name="Under",
        description="Lokal kvartersscen med fokus på ungdomar och unga vuxna: konserter, "
        "festivaler och föreläsningar.",
    )


def residency() -> Residency:
    """Kulturresidens: a group of artists works on a production for the public."""
    return Residency(
        agreement=extended_agreement(),
        name="Kulturresidens",
        period=Term.year(2019),
        description="En grupp kulturutövare arbetar med en produktion som resulterar i till "
        "exempel en föreställning eller utställning.",
    )


def activities() -> tuple[Activity, ...]:
    """The four activities of 2019."""
    return (meeting_place(), network(), stage(), residency())


def case() -> Case:
    """The whole case as an agreement file holds it: both agreements, the four activities,
    the goal "minst tre år" for the partnership and for the first agreement, and two targets
    on the meeting place (25 occasions and a mean of 50 visitors in 2019; illustrative, the
    real agreement's targets are not public)."""
    year = Term.year(2019)
    return Case(
        agreements=(extended_agreement(), follow_on_agreement()),
        activities=activities(),
        goals=(
            CaseGoal(PARTNERSHIP, GOAL),
            CaseGoal("molndal-konstkollektivet-2019", GOAL),
            CaseGoal(
                "Öppen Kulturell Mötesplats",
                ActivityTarget(Indicator.OCCASIONS, year, target=25),
                illustrative=True,
            ),
            CaseGoal(
                "Öppen Kulturell Mötesplats",
                ActivityTarget(Indicator.MEAN_VISITORS, year, target=50, baseline=0),
                illustrative=True,
            ),
        ),
        title="Mölndals stad och Konstkollektivet: Mölndals första IOP",
        assumptions=ASSUMPTIONS,
    )


#: What the case assumes where the facts are not public (reports print each line as
#: "Antagande: ..."). Written in Swedish, the language of the case.
ASSUMPTIONS = (
    "avtalstiderna följer kalenderår",
    "ett beslut som bara är känt till månaden har fått månadens sista dag, så att det aldrig "
    "räknas för tidigt (T13); ett beslut som meddelades i ett pressmeddelande har fått "
    "pressmeddelandets dag",
    "det första avtalets beslutsdag är inte känd; avtalet räknas som känt från sin första "
    "dag (T15)",
    "bara mötesplatsens siffror för 2019 är offentliga; uppsägningstid, redovisningskrav och "
    "belopp är inte offentliga och saknas därför",
)
