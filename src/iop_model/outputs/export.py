"""Open data: partnerships as 360Giving grants and OCDS contracts, as known on a day.

An edge module: it reads cases and writes plain data; the core never imports it. Everything
exported is what was known on the as-of day (T13): agreements, extensions, terminations,
contributions and reports decided later are left out. A required field the data cannot fill
(no public money, no decision day, no organisation number) is an :class:`ExportError` that
lists every missing item with its path; optional fields without data are left out, never
filled with placeholders. The field-by-field mapping is in ``docs/export.md``.

Organisations are identified in the org-id.guide scheme ``SE-ON`` (Business Registration
Number (Organisationsnummer), Sweden), which covers every Swedish organisation number,
whoever issued it (municipalities, group number 2; non-profit associations, group number 8)
and replaced the earlier prefixes ``SE-BLV`` and ``SE-KK``.

>>> import pendulum
>>> from iop_model.files import load
>>> case = load("examples/exempelby-kvinnojour.toml")
>>> grants = to_360giving([("x.toml", case)], pendulum.date(2025, 10, 15), prefix="360G-exempelby")
>>> grants["grants"][0]["id"], grants["grants"][0]["amountAwarded"]
('360G-exempelby-exempelby-jouren-2023', 4350000)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import pendulum

from iop_model import wording
from iop_model.activities.targets import ActivityTarget
from iop_model.case import Case, KnownCase
from iop_model.errors import IOPError, Problem
from iop_model.goals import GoalStatus
from iop_model.parties import IdeaBasedParty, PublicParty
from iop_model.terms.agreement import Agreement
from iop_model.terms.term import STOCKHOLM

__all__ = ["ORG_ID_SCHEME", "ExportError", "export", "own_id", "to_360giving", "to_ocds"]

Date = pendulum.Date
Rows = Sequence[tuple[str, Case]]

#: The org-id.guide list for Swedish organisation numbers (formerly SE-BLV and SE-KK).
ORG_ID_SCHEME: Final = "SE-ON"
_MILESTONE: Final = {
    GoalStatus.MET: "met",
    GoalStatus.PARTIALLY_MET: "partiallyMet",
    GoalStatus.NOT_MET: "notMet",
    GoalStatus.NOT_YET_DUE: "scheduled",
}


class ExportError(IOPError):
    """The data cannot fill a field the standard requires: ``problems`` lists every missing
    item, each with its path (``file: agreements[0].decided_on``)."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        lines = "".join(f"\n  {p}" for p in self.problems)
        super().__init__(f"cannot export: {count} missing item{'s' if count != 1 else ''}{lines}")


def _org_id(number: str) -> str:
    digits = number.replace("-", "")
    return f"{ORG_ID_SCHEME}-{digits[:6]}-{digits[6:]}"


_LETTERS: Final = str.maketrans("åäöÅÄÖéÉüÜ", "aaoAAOeEuU")


def own_id(prefix: str, name: str) -> str:
    """An organisation's identifier under the publisher's own 360Giving prefix, for an
    organisation without a registered number (360Giving Standard, "Identifiers": "use your
    360Giving prefix and any internal identifier"): the name with å, ä, ö as a, a, o and
    every other character outside A-Z, a-z, 0-9 as ``_``.

    >>> own_id("360G-goteborg", "Stiftelsen Skyddsvärnet i Göteborg")
    '360G-goteborg-Stiftelsen_Skyddsvarnet_i_Goteborg'
    """
    return f"{prefix}-{_slug(name)}"


def _slug(text: str) -> str:
    """``text`` for an identifier: å, ä, ö as a, a, o; other characters outside A-Z, a-z and
    0-9 as ``_`` (360Giving's advice for spaces and special characters)."""
    return "".join(c if c.isascii() and c.isalnum() else "_" for c in text.translate(_LETTERS))


def unregistered(cases: Iterable[tuple[str, Case]]) -> list[str]:
    """The names of the parties without an organisation number, sorted: those ``own_ids``
    identifies under the publisher's prefix."""
    names: set[str] = set()
    for _, case in cases:
        for agreement in case.agreements:
            parties: list[PublicParty | IdeaBasedParty] = [*agreement.public_parties]
            parties.extend(agreement.partners)
            names.update(p.name for p in parties if p.org_number is None)
    return sorted(names)


def _organisation(
    party: PublicParty | IdeaBasedParty,
    path: str,
    missing: list[Problem],
    own: str | None = None,
) -> dict[str, Any] | None:
    if party.org_number is None:
        if own is not None:
            org_own: dict[str, Any] = {"id": own_id(own, party.name), "name": party.name}
            committee = getattr(party, "committee", None)
            if committee:
                org_own["department"] = committee
            return org_own
        missing.append(
            Problem(
                f"{path}.org_number",
                f"an organisation number is needed for the {ORG_ID_SCHEME} identifier (or "
                "ask for identifiers under your own prefix: own_ids, --own-ids)",
            )
        )
        return None
    org: dict[str, Any] = {"id": _org_id(party.org_number), "name": party.name}
    committee = getattr(party, "committee", None)
    if committee:
        org["department"] = committee
    return org


def _public_money(agreement: Agreement, to: str | None = None) -> tuple[Decimal, str] | None:
    """The public party's money contributions of a known agreement (to the partner ``to``,
    when given), in their one currency: every year of a per-year amount (M4), rounded once
    to öre for the standard's number."""
    found = [
        c
        for c in agreement.contributions
        if c.by.value == "public"
        and c.kind.value == "money"
        and c.is_valued
        and (to is None or c.to == to)
    ]
    currencies = {c.currency for c in found}
    if not found or len(currencies) != 1:
        return None
    total = sum((c.total() for c in found), Fraction(0))
    exact = Decimal(total.numerator) / Decimal(total.denominator)
    return exact.quantize(Decimal("0.01")), currencies.pop()


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _months(agreement: Agreement) -> int | None:
    length = agreement.span.length
    return None if length.days else length.total_months


def _known(cases: Rows, day: Date) -> list[tuple[str, Case, KnownCase]]:
    """The cases as known on ``day`` that hold at least one agreement decided by then."""
    found = []
    for name, case in cases:
        known = case.as_known_on(day)
        if known.partnership is not None:
            found.append((name, case, known))
    return found


def _shares(
    agreement: Agreement, path: str, missing: list[Problem]
) -> list[tuple[int, str | None]]:
    """The partners that get a grant of their own: with one partner, the agreement's one
    grant; with several, one per partner that receives public money (``to``, P2)."""
    if len(agreement.partners) == 1:
        return [(0, None)]
    money = [
        (index, c)
        for index, c in enumerate(agreement.contributions)
        if c.by.value == "public" and c.kind.value == "money" and c.is_valued
    ]
    for index, contribution in money:
        if contribution.to is None:
            missing.append(
                Problem(
                    f"{path}.contributions[{index}].to",
                    "with several partners, each grant is one partner's share: name the "
                    "partner that receives this money",
                    rule="P2",
                )
            )
    receiving = {c.to for _, c in money}
    return [(n, p.name) for n, p in enumerate(agreement.partners) if p.name in receiving]


def to_360giving(cases: Rows, as_of: Date, *, prefix: str, own_ids: bool = False) -> dict[str, Any]:
    """A 360Giving grant package: one grant per agreement known on ``as_of``, or with
    several partners one per partner's share. ``own_ids`` identifies an organisation
    without an organisation number under ``prefix`` (:func:`own_id`) instead of refusing."""
    grants: list[dict[str, Any]] = []
    missing: list[Problem] = []
    own = prefix if own_ids else None
    for name, case, known in _known(cases, as_of):
        ids = {a.id: i for i, a in enumerate(case.agreements)}
        for agreement in known.agreements:
            path = f"{name}: agreements[{ids[agreement.id]}]"
            for number, to in _shares(agreement, path, missing):
                grants.append(_grant(agreement, path, prefix, number, to, missing, own))
    if missing:
        raise ExportError(missing)
    if not grants:
        raise ExportError(
            [Problem("(files)", f"no agreement had been decided by {as_of}", rule="T13")]
        )
    return {"grants": grants}


def _grant(
    agreement: Agreement,
    path: str,
    prefix: str,
    number: int,
    to: str | None,
    missing: list[Problem],
    own: str | None,
) -> dict[str, Any]:
    """One grant: the agreement's, or one partner's share of it."""
    grant: dict[str, Any] = {
        "id": f"{prefix}-{agreement.id}" + ("" if to is None else f"-{_slug(to)}"),
        "title": agreement.title or f"IOP {agreement.id}",
        "description": _description(agreement),
    }
    money = _public_money(agreement, to)
    if money is None:
        missing.append(
            Problem(
                f"{path}.contributions",
                "amountAwarded needs the public party's money contributions (in one "
                "currency), known on the day",
                rule="M1",
            )
        )
    else:
        grant["currency"] = money[1]
        grant["amountAwarded"] = _number(money[0])
    if agreement.decided_on is None:
        missing.append(
            Problem(
                f"{path}.decided_on",
                "awardDate needs the agreement's decision day",
                rule="T15",
            )
        )
    else:
        grant["awardDate"] = agreement.decided_on.isoformat()
    planned: dict[str, Any] = {
        "startDate": agreement.start.isoformat(),
        "endDate": agreement.end.isoformat(),
    }
    months = _months(agreement)
    if months is not None:
        planned["duration"] = months
    grant["plannedDates"] = [planned]
    partner = agreement.partners[number]
    where = f"{path}.partner" if len(agreement.partners) == 1 else f"{path}.partners[{number}]"
    recipient = _organisation(partner, where, missing, own)
    funders = []
    for index, party in enumerate(agreement.public_parties):
        at = (
            f"{path}.public_party"
            if len(agreement.public_parties) == 1
            else f"{path}.public_parties[{index}]"
        )
        funder = _organisation(party, at, missing, own)
        if funder is not None:
            funders.append(funder)
    if recipient is not None:
        grant["recipientOrganization"] = [recipient]
    if funders:
        grant["fundingOrganization"] = funders
    if agreement.follows is not None:
        grant["relatedActivity"] = [f"{prefix}-{agreement.follows}"]
    return grant


def _description(agreement: Agreement) -> str:
    """The grant's description: the parties and the days in force; that the amount is
    approximate when a public money contribution is ("cirka", the standard has no field
    for it)."""
    several = len(agreement.partners) > 1 or len(agreement.public_parties) > 1
    text = wording.say(
        "export.description_several" if several else "export.description",
        "sv",
        public=wording.listing([p.name for p in agreement.public_parties], "sv"),
        partner=wording.listing([p.name for p in agreement.partners], "sv"),
        term=agreement.span,
    )
    if any(
        c.approximate and c.by.value == "public" and c.kind.value == "money"
        for c in agreement.contributions
    ):
        text += " " + wording.say("export.approximate", "sv")
    return text


def _datetime(day: Date, end: bool = False) -> str:
    """The start (or, with ``end``, the last second) of ``day`` in Europe/Stockholm, as an
    RFC 3339 date-time: a term's last day is in force to its end (T2)."""
    hour, minute, second = (23, 59, 59) if end else (0, 0, 0)
    moment = pendulum.datetime(day.year, day.month, day.day, hour, minute, second, tz=STOCKHOLM)
    return str(moment.isoformat())


def to_ocds(
    cases: Rows,
    as_of: Date,
    *,
    prefix: str,
    uri: str | None = None,
    own_ids: bool = False,
) -> dict[str, Any]:
    """An OCDS release package: one release per partnership (``ocid`` from ``prefix``), each
    agreement a contract, as known on ``as_of``. The first public party is the buyer, any
    other a payer, every partner a supplier (P2). ``own_ids`` as for :func:`to_360giving`."""
    own = prefix if own_ids else None
    releases: list[dict[str, Any]] = []
    missing: list[Problem] = []
    publisher: dict[str, Any] | None = None
    for name, case, known in _known(cases, as_of):
        ids = {a.id: i for i, a in enumerate(case.agreements)}
        first = known.agreements[0]
        ocid = f"{prefix}-{first.id}"
        at = f"{name}: agreements[{ids[first.id]}]"
        buyer = _organisation(first.public_party, f"{at}.public_party", missing, own)
        payers = [
            (party, _organisation(party, f"{at}.public_parties[{n}]", missing, own))
            for n, party in enumerate(first.public_parties)
            if n > 0
        ]
        suppliers = [
            (
                party,
                _organisation(
                    party,
                    f"{at}.partner" if len(first.partners) == 1 else f"{at}.partners[{n}]",
                    missing,
                    own,
                ),
            )
            for n, party in enumerate(first.partners)
        ]
        complete = (
            buyer is not None
            and all(org is not None for _, org in suppliers)
            and all(org is not None for _, org in payers)
        )
        publisher = publisher or {"name": first.public_party.name}
        supplier_refs = [
            {"id": org["id"], "name": org["name"]} for _, org in suppliers if org is not None
        ]
        awards, contracts = [], []
        statuses = _milestones(known, as_of)
        for agreement in known.agreements:
            path = f"{name}: agreements[{ids[agreement.id]}]"
            money = _public_money(agreement)
            value = None if money is None else {"amount": _number(money[0]), "currency": money[1]}
            if money is None:
                missing.append(
                    Problem(
                        f"{path}.contributions",
                        "the contract's value needs the public party's money contributions",
                        rule="M1",
                    )
                )
            if agreement.decided_on is None:
                missing.append(
                    Problem(
                        f"{path}.decided_on",
                        "the award's date needs the agreement's decision day",
                        rule="T15",
                    )
                )
            award: dict[str, Any] = {
                "id": f"{agreement.id}-award",
                "status": "active",
                "suppliers": supplier_refs,
            }
            if agreement.decided_on is not None:
                award["date"] = _datetime(agreement.decided_on)
            if value is not None:
                award["value"] = value
            period: dict[str, Any] = {
                "startDate": _datetime(agreement.start),
                "endDate": _datetime(agreement.end, end=True),
                "durationInDays": agreement.span.days,
            }
            if agreement.latest_end is not None:  # max_extent, or after every option (T18)
                period["maxExtentDate"] = _datetime(agreement.latest_end, end=True)
            contract: dict[str, Any] = {
                "id": agreement.id,
                "awardID": award["id"],
                "title": agreement.title or f"IOP {agreement.id}",
                "status": _contract_status(agreement, as_of),
                "period": period,
            }
            if value is not None:
                contract["value"] = value
            amendments = _amendments(agreement)
            if amendments:
                contract["amendments"] = amendments
            milestones = [
                {k: v for k, v in m.items() if k != "_agreement"}
                for m in statuses
                if m["_agreement"] == agreement.id
            ]
            if milestones:
                contract["milestones"] = milestones
            if agreement.follows is not None:
                contract["relatedProcesses"] = [
                    {
                        "id": f"{agreement.id}-follows",
                        "relationship": ["renewalProcess"],
                        "title": f"Follow-on agreement to {agreement.follows}",
                        "scheme": "ocid",
                        "identifier": ocid,
                    }
                ]
            awards.append(award)
            contracts.append(contract)
        if not complete or buyer is None:
            continue  # the missing organisation numbers are listed
        parties = [
            _ocds_party(first.public_party, buyer, "buyer"),
            *(_ocds_party(party, org, "payer") for party, org in payers if org is not None),
            *(_ocds_party(party, org, "supplier") for party, org in suppliers if org is not None),
        ]
        releases.append(
            {
                "ocid": ocid,
                "id": f"{ocid}-{as_of.isoformat()}",
                "date": _datetime(as_of),
                "tag": ["contract"],
                "initiationType": "tender",
                "language": "sv",
                "parties": parties,
                "buyer": {"id": buyer["id"], "name": buyer["name"]},
                "awards": awards,
                "contracts": contracts,
            }
        )
    if missing:
        raise ExportError(missing)
    if not releases or publisher is None:
        raise ExportError(
            [Problem("(files)", f"no agreement had been decided by {as_of}", rule="T13")]
        )
    return {
        "uri": uri or f"urn:iop-model:{prefix}:{as_of.isoformat()}",
        "version": "1.1",
        "publishedDate": _datetime(as_of),
        "publisher": publisher,
        "releases": releases,
    }


def _ocds_party(
    party: PublicParty | IdeaBasedParty, org: dict[str, Any], role: str
) -> dict[str, Any]:
    if party.org_number is None:  # an identifier under the publisher's prefix: no scheme
        return {"id": org["id"], "name": party.name, "roles": [role]}
    number = org["id"].removeprefix(f"{ORG_ID_SCHEME}-")
    return {
        "id": org["id"],
        "name": party.name,
        "identifier": {"scheme": ORG_ID_SCHEME, "id": number, "legalName": party.name},
        "roles": [role],
    }


def _contract_status(agreement: Agreement, as_of: Date) -> str:
    if agreement.termination is not None and agreement.end < as_of:
        return "terminated"
    if agreement.start > as_of:
        return "pending"
    if agreement.end < as_of:
        return "terminated"
    return "active"


def _amendments(agreement: Agreement) -> list[dict[str, Any]]:
    found = []
    for index, (extension, term) in enumerate(
        zip(agreement.extensions, agreement.terms[1:], strict=False)
    ):
        item: dict[str, Any] = {
            "id": f"{agreement.id}-extension-{index + 1}",
            "date": _datetime(extension.decided_on),
            "description": wording.say(
                "export.extension",
                "sv",
                term=term,
                body=wording.Body(extension.decided_by),
                reference=f" ({extension.reference})" if extension.reference else "",
            ),
        }
        if extension.note:
            item["rationale"] = extension.note
        found.append(item)
    termination = agreement.termination
    if termination is not None:
        found.append(
            {
                "id": f"{agreement.id}-termination",
                "date": _datetime(termination.decided_on),
                "rationale": termination.reason,
                "description": wording.say(
                    "export.termination",
                    "sv",
                    day=termination.on,
                    kind=termination.kind.sv,
                    reference=f"; {termination.reference}" if termination.reference else "",
                ),
            }
        )
    return found


def _milestones(known: KnownCase, as_of: Date) -> list[dict[str, Any]]:
    """Milestones from the known activity targets, with the standard's statuses (A9)."""
    found = []
    for number, entry, assessment in zip(
        known.numbers, known.goals, known.assess(as_of), strict=True
    ):
        goal = entry.goal
        if not isinstance(goal, ActivityTarget):
            continue
        activity = known.activity(entry.subject)
        milestone: dict[str, Any] = {
            "_agreement": activity.agreement_id,
            "id": f"goal-{number - 1}",
            "title": f"{goal.title('sv', activity)} ({activity.name})",
            "type": "delivery",
            "dueDate": _datetime(goal.period.end, end=True),
            "status": _MILESTONE[assessment.status],
        }
        found.append(milestone)
    return found


def export(
    cases: Iterable[tuple[str, Case]],
    to: str,
    as_of: Date,
    *,
    prefix: str,
    own_ids: bool = False,
) -> dict[str, Any]:
    """The cases in the open standard ``to`` (``"360giving"`` or ``"ocds"``) as known on
    ``as_of``; ``own_ids`` identifies organisations without an organisation number under
    ``prefix`` (:func:`own_id`)."""
    rows = list(cases)
    if to == "360giving":
        return to_360giving(rows, as_of, prefix=prefix, own_ids=own_ids)
    if to == "ocds":
        return to_ocds(rows, as_of, prefix=prefix, own_ids=own_ids)
    raise IOPError("the standard is '360giving' or 'ocds'", field="to", value=to)
