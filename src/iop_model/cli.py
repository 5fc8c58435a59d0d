"""The ``iop-model`` command (edge: reads files and prints; the core never imports it)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .errors import IOPError
from .term import as_date, today

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="iop-model",
        description="Idea-based public partnerships (IOP): term rules, goals and follow-up.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = commands.add_parser(
        "demo", help="report on the built-in Mölndal case (the default command)"
    )
    demo.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="the day to report as of (default: today in Europe/Stockholm)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        as_of = as_date(args.as_of, "--as-of") if getattr(args, "as_of", None) else today()
        return _demo(as_of)
    except IOPError as error:
        print(f"iop-model: {error}", file=sys.stderr)
        return 2


def _demo(as_of: object) -> int:
    from .cases import molndal
    from .report import goal_lines, partnership_report
    from .targets import ActivityTarget, Indicator
    from .term import Term, calendar_day

    day = calendar_day(as_of)
    print(partnership_report(molndal.partnership(), day))
    print()
    print("Goal 'minst tre år' for the first agreement (G rules):")
    days = sorted({*molndal.KEY_DAYS, day})
    print("\n".join(goal_lines(molndal.GOAL, molndal.extended_agreement(), days)))
    print()
    print("Activities 2019 (A rules):")
    for activity in molndal.activities():
        f = activity.figures(Term.year(2019))
        visitors = "" if f.total is None else f", {f.total} visitors, mean {f.mean}"
        print(f"  {activity.name}: {f.count} {activity.count_words[0]}{visitors}")
    target = ActivityTarget(Indicator.MEAN_VISITORS, Term.year(2019), target=50)
    print()
    print(
        "\n".join(
            "  " + line
            for line in target.assess(molndal.meeting_place(), day).explain("en").splitlines()
        )
    )
    return 0
