"""Plain-text follow-up reports (edge: formats core objects, never changes them)."""

from __future__ import annotations

import pendulum

from .agreement import Agreement, Partnership
from .explain import Lang
from .goals import Goal

__all__ = ["agreement_lines", "goal_lines", "partnership_report"]


def agreement_lines(agreement: Agreement) -> list[str]:
    """Lines describing one agreement: parties, terms and decisions."""
    party = agreement.public_party
    committee = f" ({party.committee})" if party.committee else ""
    lines = [
        f"Agreement {agreement.id}" + (f": {agreement.title}" if agreement.title else ""),
        f"  Public party: {party.name}{committee}",
        f"  Partner:      {agreement.partner.name}",
        f"  Decided on:   {agreement.decided_on or 'not recorded'}",
    ]
    if agreement.follows:
        lines.append(f"  Follows:      {agreement.follows}")
    lines.append(f"  Initial term: {agreement.term} ({agreement.term.length}) [T2, T6]")
    for extension, term in zip(agreement.extensions, agreement.terms[1:], strict=False):
        lines.append(
            f"  Extension:    {term} ({term.length}), decided {extension.decided_on} "
            f"by {extension.decided_by} [T8, T9]"
        )
    if agreement.termination is not None:
        t = agreement.termination
        lines.append(f"  Terminated:   last day {t.on}, decided {t.decided_on}: {t.reason} [T12]")
    lines.append(f"  In force:     {agreement.span} ({agreement.span.length})")
    return lines


def partnership_report(partnership: Partnership, as_of: pendulum.Date) -> str:
    """A text report of a partnership as known on ``as_of`` and as decided in full."""
    lines = [f"Partnership report (as of {as_of})", ""]
    for agreement in partnership.agreements:
        lines.extend(agreement_lines(agreement))
        lines.append("")
    span = partnership.span
    gaps = ", ".join(str(g) for g in partnership.gaps) or "none"
    lines.append(f"Partnership: {span} ({span.length}); gaps: {gaps} [T14]")
    return "\n".join(lines)


def goal_lines(
    goal: Goal, subject: Agreement | Partnership, days: list[pendulum.Date], lang: Lang = "en"
) -> list[str]:
    """One status line per day, then the full explanation for the last day."""
    assessments = [goal.assess(subject, day) for day in days]
    lines = [
        f"  as of {a.as_of}: {a.status.name if lang == 'en' else a.status.sv}" for a in assessments
    ]
    lines.append("")
    lines.extend("  " + line for line in assessments[-1].explain(lang).splitlines())
    return lines
