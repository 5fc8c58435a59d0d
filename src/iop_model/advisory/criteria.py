"""Evidence for the IOP criteria and Överenskommelsen's principles: a checklist, no verdict.

Seven criteria are commonly used to tell an IOP from procurement or an ordinary grant (Forum –
idéburna organisationer med social inriktning; Upphandlingsmyndigheten), and the national
agreement Överenskommelsen (skr. 2008/09:207) names six principles. An agreement can carry a
statement and a document reference for each (:class:`Evidence`); reports show which have
evidence and which do not. Whether an agreement *is* an IOP is a legal judgement the library
does not make.

>>> from iop_model import Evidence
>>> ev = Evidence("mutual_contribution", "Föreningen bidrar med 2 000 ideella timmar per år.")
>>> [c.key for c in checklist((ev,)) if c.evidence is not None]
['mutual_contribution']
"""

from __future__ import annotations

import functools
from typing import Any, Final, NamedTuple

import attrs
import pendulum

from iop_model._validators import optional_day, optional_text, text
from iop_model.errors import AgreementError

Date = pendulum.Date

__all__ = ["CRITERIA", "Criterion", "Evidence", "checklist"]


class Criterion(NamedTuple):
    """One criterion or principle: its ``key`` (the file's value), Swedish and English
    wording and its ``group`` (``"criterion"`` or ``"principle"``)."""

    key: str
    sv: str
    en: str
    group: str


#: The seven criteria (domain brief §1) and Överenskommelsen's six principles.
CRITERIA: Final = (
    Criterion(
        "initiative",
        "den idéburna organisationen tar initiativet",
        "the idea-based organisation takes the initiative",
        "criterion",
    ),
    Criterion(
        "political_programme",
        "verksamheten genomför ett politiskt program eller en plan",
        "the activity implements a political programme or plan",
        "criterion",
    ),
    Criterion(
        "not_association_grant",
        "det är inte en del av det vanliga föreningsbidraget",
        "it is not part of the standard association grant",
        "criterion",
    ),
    Criterion(
        "no_market",
        "det finns ingen marknad eller konkurrens att skydda",
        "there is no market or competition to protect",
        "criterion",
    ),
    Criterion(
        "mutual_contribution",
        "båda parter bidrar med resurser (egen insats)",
        "both parties contribute resources (own contribution)",
        "criterion",
    ),
    Criterion(
        "no_detailed_steering",
        "den offentliga parten styr inte verksamheten i detalj",
        "the public party does not steer the activity in detail",
        "criterion",
    ),
    Criterion(
        "long_term",
        "partnerskapet är tänkt att vara långsiktigt",
        "the partnership is meant to be long-term",
        "criterion",
    ),
    Criterion(
        "principle_independence", "självständighet och oberoende", "independence", "principle"
    ),
    Criterion("principle_dialogue", "dialog", "dialogue", "principle"),
    Criterion("principle_quality", "kvalitet", "quality", "principle"),
    Criterion("principle_long_term", "långsiktighet", "long-term commitment", "principle"),
    Criterion("principle_openness", "öppenhet och insyn", "openness and transparency", "principle"),
    Criterion("principle_diversity", "mångfald", "diversity", "principle"),
)
_KEYS: Final = {c.key for c in CRITERIA}


def _criterion(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in _KEYS:
        import difflib

        close = difflib.get_close_matches(str(value), sorted(_KEYS), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise AgreementError(
            f"unknown criterion{hint} (expected {', '.join(c.key for c in CRITERIA)})",
            field=attribute.name,
            value=value,
        )


@attrs.frozen
class Evidence:
    """Evidence for one criterion or principle: a ``statement``, an optional ``document``
    (a file name, URL or diarienummer) and ``given_on``, the day it was recorded (without
    one it counts as known with the agreement; T13)."""

    criterion: str = attrs.field(validator=_criterion)
    statement: str = attrs.field(validator=text(AgreementError, long=True))
    document: str | None = attrs.field(default=None, validator=optional_text(AgreementError))
    given_on: Date | None = attrs.field(default=None, validator=optional_day)


class Checked(NamedTuple):
    """A criterion with the evidence given for it, or ``None``."""

    key: str
    sv: str
    en: str
    group: str
    evidence: Evidence | None


def checklist(evidence: tuple[Evidence, ...]) -> tuple[Checked, ...]:
    """Every criterion and principle in order, each with its evidence or ``None``."""
    if not evidence:
        return _unanswered()
    given = {item.criterion: item for item in evidence}
    return tuple(Checked(*criterion, given.get(criterion.key)) for criterion in CRITERIA)


@functools.cache
def _unanswered() -> tuple[Checked, ...]:
    """The checklist of an agreement without evidence (most of them), made once."""
    return tuple(Checked(*criterion, None) for criterion in CRITERIA)
