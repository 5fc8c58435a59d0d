"""The parties to an IOP: the public party and the idea-based organisation (rule P1).

>>> from iop_model import PublicParty, IdeaBasedParty
>>> city = PublicParty("Mölndals stad", committee="Kultur- och fritidsnämnden",
...                    org_number="212000-1355")
>>> city.org_number
'212000-1355'
>>> PublicParty("Mölndals stad", org_number="212000-1356")
Traceback (most recent call last):
...
iop_model.errors.PartyError: P1: the check digit should be 5, not 6 (at org_number: '212000-1356')
"""

from __future__ import annotations

import re
from typing import Any, Final

import attrs

from iop_model._validators import instance_of, optional_text, text
from iop_model.errors import PartyError
from iop_model.rules import rule

__all__ = ["P2", "IdeaBasedParty", "PublicParty", "check_org_number"]

# --- P1 Organisation numbers ---------------------------------------------------------------------
P1 = rule(
    "P1",
    "Organisation number",
    "A Swedish organisation number has 10 digits, optionally with a hyphen after the sixth; "
    "its third digit is at least 2 (which tells it from a personnummer, whose third and "
    "fourth digits are a month), and its last digit is the Luhn check digit of the first nine.",
    "Ett svenskt organisationsnummer har 10 siffror, eventuellt med bindestreck efter den "
    "sjätte; den tredje siffran är minst 2 (det skiljer det från ett personnummer, där "
    "tredje och fjärde siffran är en månad), och sista siffran är Luhn-kontrollsiffran för "
    "de nio första.",
    "Skatteverket, 'Organisationsnummer' (SKV 709): the third digit is always at least 2, "
    "and the tenth is a check digit; 1 § lag (1974:174) om identitetsbeteckning för "
    "juridiska personer m.fl.",
)

# --- P2 Several parties -------------------------------------------------------------------------
P2 = rule(
    "P2",
    "Several parties",
    "An agreement has one or more public parties and one or more idea-based partners; the "
    "first of each list is its public_party and its partner; no name appears twice on a "
    "side. A contribution's party names one of the agreement's parties on its side, and the "
    "partner that receives a public contribution (to) one of its partners.",
    "Ett avtal har en eller flera offentliga parter och en eller flera idéburna parter; den "
    "första i varje lista är dess public_party och dess partner; inget namn förekommer två "
    "gånger på samma sida. En insats part (party) namnger en av avtalets parter på sin sida, "
    "och den idéburna part som tar emot en offentlig insats (to) en av dess idéburna parter.",
    "Real decisions with several parties: Göteborgs Stad, social resursnämnd, money for "
    "young people in Nordstan to Fryshuset (730 000 kr) and Skyddsvärnet (320 000 kr) "
    "(Tidningen Syre Göteborg 2018, nummer 133, https://tidningensyre.se/goteborg/2018/"
    "nummer-133/flyttbart-vardagsrum-ska-oka-tryggheten-unga-nordstan/). The library's "
    "modelling choice.",
)

_ORG_NUMBER: Final = re.compile(r"([0-9]{6})-?([0-9]{4})")  # ASCII digits only


def luhn_check_digit(digits: str) -> int:
    """The Luhn check digit for ``digits``: weights 2, 1, 2, ... from the left, digit sums.

    >>> luhn_check_digit("212000135")
    5
    """
    total = 0
    for position, char in enumerate(digits):
        product = int(char) * (2 if position % 2 == 0 else 1)
        total += product // 10 + product % 10
    return (10 - total % 10) % 10


def check_org_number(text: object, field: str = "org_number") -> str:
    """Return ``text`` unchanged if it is a valid organisation number (P1); raise
    :class:`PartyError` otherwise."""
    if not isinstance(text, str):
        raise PartyError(
            f"an organisation number is text, got {type(text).__name__}",
            rule=P1,
            field=field,
            value=text,
        )
    match = _ORG_NUMBER.fullmatch(text)
    if match is None:
        raise PartyError(
            "expected 10 digits, optionally with a hyphen after the sixth (NNNNNN-NNNN)",
            rule=P1,
            field=field,
            value=text,
        )
    digits = match.group(1) + match.group(2)
    if digits[2] < "2":
        raise PartyError(
            f"the third digit is {digits[2]}; an organisation number's third digit is at least 2 "
            "(a number with 0 or 1 there has the form of a personnummer)",
            rule=P1,
            field=field,
            value=text,
        )
    expected = luhn_check_digit(digits[:9])
    if int(digits[9]) != expected:
        raise PartyError(
            f"the check digit should be {expected}, not {digits[9]}",
            rule=P1,
            field=field,
            value=text,
        )
    return text


def _org_number(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        check_org_number(value, attribute.name)


@attrs.frozen
class PublicParty:
    """The public party (offentlig part): a municipality or region acting through a
    committee (nämnd)."""

    name: str = attrs.field(validator=text(PartyError))
    committee: str | None = attrs.field(default=None, validator=optional_text(PartyError))
    org_number: str | None = attrs.field(default=None, validator=_org_number)


@attrs.frozen
class IdeaBasedParty:
    """The idea-based organisation (idéburen organisation).

    ``registered`` records whether it is in Kammarkollegiet's register of idea-based
    organisations (lag 2022:900); ``None`` means unknown. The register is tied to welfare
    activity, so a cultural association may well not be in it.
    """

    name: str = attrs.field(validator=text(PartyError))
    org_number: str | None = attrs.field(default=None, validator=_org_number)
    registered: bool | None = attrs.field(
        default=None, validator=instance_of(bool, PartyError, optional=True)
    )
