"""The ``iop-model`` command (also ``python -m iop_model``).

An edge module: it reads files and prints; the core never imports it. Bad input gives a
message and a non-zero exit status, never a traceback: 1 for a problem in a file, 2 for a
bad command line.
"""

from __future__ import annotations

import argparse
import functools
import io
import json
import os
import re
import shlex
import sys
import textwrap
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO, TextIO

import pendulum

from iop_model.activities.targets import ActivityTarget
from iop_model.errors import FileError, IOPError, Problem, printable
from iop_model.explain import Lang
from iop_model.terms.term import _plural, as_date, today

__all__ = ["main"]

Date = pendulum.Date

_EXIT_PROBLEM = 1
_EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse's own errors: exit 2, no traceback
        self.print_usage(sys.stderr)
        self.exit(_EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _day(text: str) -> Date:
    try:
        return as_date(text, "--as-of")
    except IOPError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _amount(text: str) -> Decimal:
    if not re.fullmatch(r"[0-9]{1,12}(\.[0-9]{1,4})?", text):
        raise argparse.ArgumentTypeError(
            f"a positive decimal number such as 300 or 11.45, got {text!r}"
        )
    return Decimal(text)


def _days(text: str) -> int:
    if not text.isascii() or not text.isdigit():
        raise argparse.ArgumentTypeError(f"a whole number of days >= 0, got {text!r}")
    return int(text)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="iop-model",
        description="Idea-based public partnerships (idéburet offentligt partnerskap, IOP): "
        "exact term rules, goals and follow-up. Dates are YYYY-MM-DD; the default date is "
        "today in Europe/Stockholm.",
        epilog="Run 'iop-model COMMAND --help' for a command's options. "
        "With no command, 'demo' runs.",
    )
    from iop_model._version import __version__

    parser.add_argument("--version", action="version", version=f"iop-model {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def with_day_and_lang(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--as-of",
            type=_day,
            metavar="YYYY-MM-DD",
            help="report as of the end of this day (default: today in Europe/Stockholm)",
        )
        sub.add_argument(
            "--lang", choices=["sv", "en"], default="sv", help="language of the texts (default: sv)"
        )

    def with_known_on(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--known-on",
            type=_day,
            metavar="YYYY-MM-DD",
            help="use only the decisions and reports known on this day, on or before the "
            "as-of day (a projection, rule G10; default: the as-of day)",
        )

    def with_show_later(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--show-later",
            action="store_true",
            help="also draw and list the decisions and reports of the files that came after "
            "the day of knowledge, in a section of their own (default: only counted, T13)",
        )

    demo = commands.add_parser(
        "demo",
        help="report on the built-in Mölndal case, no file needed",
        description="The built-in case: Mölndals stad and Konstkollektivet (2019, extended by "
        "two years, followed by 2022–2024): terms, decisions, goals on key days and as of "
        "the chosen day, activities.",
    )
    with_day_and_lang(demo)
    demo.add_argument(
        "--on",
        type=_day,
        action="append",
        default=[],
        metavar="YYYY-MM-DD",
        help="also show the goal status on this day (repeatable)",
    )

    report = commands.add_parser(
        "report",
        help="a follow-up report of one agreement file",
        description="Parties, terms, decisions, goal and activity assessments with their "
        "explanations.",
    )
    report.add_argument(
        "files",
        nargs="+",
        metavar="FILE|DIR",
        help="agreement files (.toml or .json); a folder stands for every such file in it",
    )
    with_day_and_lang(report)
    with_known_on(report)
    report.add_argument(
        "--hour-rate",
        type=_amount,
        metavar="SEK",
        help="value volunteer hours at this rate in the own contribution's share (rule M5; "
        "no default: without it, hours are shown apart)",
    )
    report.add_argument(
        "--eur-rate",
        type=_amount,
        metavar="SEK",
        help="SEK per EUR, for the state-aid flags F2 and F3 (no default: without it they "
        "say they cannot be judged)",
    )
    report.add_argument(
        "--format",
        choices=["text", "json", "markdown", "html", "csv", "pdf"],
        default="text",
        help="output format (default: text); html is one self-contained web page with an "
        "overview of every partnership (needs iop-model[html]); pdf is that page as a PDF "
        "for an audit file, written with -o (needs iop-model[pdf]); csv is the overview for "
        "a spreadsheet",
    )
    report.add_argument(
        "--case-number",
        metavar="TEXT",
        help="the audit's reference (diarienummer), printed in the html and pdf report with "
        "a signature block",
    )
    report.add_argument(
        "--prepared-by",
        metavar="TEXT",
        help="who prepared the agreement files, printed in the html and pdf report",
    )
    report.add_argument(
        "--eur-rate-source",
        metavar="TEXT",
        help="where the exchange rate comes from and its day (Riksbanken 2025-09-30), "
        "printed next to it",
    )
    report.add_argument(
        "--money-by",
        choices=["year", "agreement-year"],
        help="show money per calendar year (the accounts) or per agreement year (default: as "
        "the reporting duty reports, else per calendar year; the JSON report and the web page "
        "hold both)",
    )
    report.add_argument("-o", "--output", metavar="OUT", help="write to this file instead")
    with_show_later(report)

    check = commands.add_parser(
        "check",
        help="validate agreement files and list every problem",
        description="Exit status 0 when every file is valid, 1 when any has a problem.",
    )
    check.add_argument(
        "files", nargs="+", metavar="FILE|DIR|-", help="files, folders, or - for standard input"
    )
    check.add_argument(
        "--format",
        choices=["toml", "json"],
        help="the format of standard input, or of files whose names do not say (default: toml)",
    )
    check.add_argument(
        "--json",
        action="store_true",
        help="print the result as JSON: a list of {file, valid, problems: [{path, message, "
        "value, rule}]}",
    )
    check.add_argument(
        "--lang",
        choices=["sv", "en"],
        default="en",
        help="language of the problems (default: en, for programs and developers; sv words "
        "them in Swedish, and JSON keeps the English as message_en)",
    )

    convert = commands.add_parser(
        "convert",
        help="write an agreement file as JSON or TOML",
        description="Read a file (checked as 'check' does) and write it in the other format, "
        "in the documented style, to standard output or -o.",
    )
    convert.add_argument("file", metavar="FILE")
    convert.add_argument("--to", choices=["json", "toml"], required=True)
    convert.add_argument("-o", "--output", metavar="OUT", help="write to this file instead")

    assess = commands.add_parser(
        "assess",
        help="assess every goal of a file as of a day",
        description="One line per goal, or with --json the assessments as machine-readable "
        "JSON (status, figures, rule IDs and explanations).",
    )
    assess.add_argument("files", nargs="+", metavar="FILE|DIR")
    with_day_and_lang(assess)
    with_known_on(assess)
    assess.add_argument("--json", action="store_true", help="print JSON")

    picture = commands.add_parser(
        "timeline",
        help="draw the timeline picture of a file's partnership (needs iop-model[plot])",
        description="Terms, extensions, follow-on agreements, decisions, a termination, each "
        "duration goal's threshold day and the as-of day. The format follows the output "
        "file's name: .png, .svg or .pdf.",
    )
    picture.add_argument("files", nargs="+", metavar="FILE|DIR")
    picture.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="a .png, .svg or .pdf"
    )
    with_day_and_lang(picture)
    with_known_on(picture)
    with_show_later(picture)

    due = commands.add_parser(
        "due",
        help="the actions due: decisions, notice, follow-up reports, goals at risk",
        description="Every action due within --within days of the as-of day and every one "
        "already overdue, as known that day (T13), overdue ones first, then soonest first: "
        "decide an extension or a follow-on agreement (T9), the last day to give notice "
        "(D4, D5), follow-up reports due (D6) or overdue (D7), duration goals at risk (G7). "
        "A folder stands for every .toml and .json file in it.",
    )
    due.add_argument("files", nargs="+", metavar="FILE|DIR")
    with_day_and_lang(due)
    with_known_on(due)
    due.add_argument(
        "--within",
        type=_days,
        default=180,
        metavar="DAYS",
        help="the horizon in days (default: 180)",
    )
    due.add_argument(
        "--format",
        choices=["text", "json", "csv", "ics"],
        default="text",
        help="output format (default: text); ics is an iCalendar file for a calendar "
        "client (needs iop-model[ics]), csv opens in a spreadsheet",
    )
    due.add_argument("-o", "--output", metavar="OUT", help="write to this file instead")

    export = commands.add_parser(
        "export",
        help="publish partnerships as 360Giving grants or OCDS contracts (JSON)",
        description="Every agreement known on the as-of day (T13), in the 360Giving Data "
        "Standard (one grant per agreement) or the Open Contracting Data Standard (one release "
        "per partnership, each agreement a contract). A required field the data cannot fill is "
        "an error listing every missing item. A folder stands for every .toml and .json file.",
    )
    export.add_argument("files", nargs="+", metavar="FILE|DIR")
    export.add_argument("--to", choices=["360giving", "ocds"], required=True)
    export.add_argument(
        "--as-of",
        type=_day,
        metavar="YYYY-MM-DD",
        help="export what was known at the end of this day (default: today)",
    )
    export.add_argument(
        "--prefix",
        default="iop-model",
        help="your 360Giving identifier prefix (360G-...) or OCDS ocid prefix (ocds-...)",
    )
    export.add_argument(
        "--own-ids",
        action="store_true",
        help="identify an organisation without an organisation number under your own "
        "prefix (PREFIX-Name_of_organisation), as 360Giving's guidance allows; without it "
        "such an organisation is an error",
    )
    export.add_argument("-o", "--output", metavar="OUT", help="write to this file instead")

    test = commands.add_parser(
        "test",
        help="run an auditor's checks: what agreement files must give on a day",
        description="Run every [[checks]] table of a checks file (or of every .toml file in "
        "a folder): each names an agreement file, a day and the values paths into the JSON "
        "report must have. Exit 1 when a check fails.",
    )
    test.add_argument("files", nargs="+", metavar="FILE|DIR")
    test.add_argument(
        "--lang", choices=["sv", "en"], default="sv", help="language of the results (default: sv)"
    )
    test.add_argument("--junit", metavar="OUT", help="also write a JUnit XML report to OUT")

    serve = commands.add_parser(
        "serve",
        help="run the HTTP API (needs iop-model[server])",
        description="The HTTP API for systems not written in Python: POST agreement files to "
        "/check, /assess, /report, /due and /export/...; GET /rules, /schema, /openapi.json. "
        "Binds to 127.0.0.1 by default; put a reverse proxy in front of it to serve others.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")

    commands.add_parser(
        "schema",
        help="print the JSON Schema of agreement files",
        description="The JSON Schema (draft 2020-12) of format_version 1.",
    )
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line with ``argv``; return the exit status."""
    stdout = out or sys.stdout
    given = sys.argv[1:] if argv is None else list(argv)
    args = _parser().parse_args(argv)
    command = args.command or "demo"
    # problems are in English, for programs and developers, unless --lang sv is given
    asked = any(a == "--lang" or a.startswith("--lang=") for a in given)
    errors_in = getattr(args, "lang", "en") if asked else "en"
    _refuse_overwriting_an_input(args)
    try:
        if command == "demo":
            return _demo(args, stdout)
        if command == "report":
            return _report(args, stdout)
        if command == "check":
            return _check(args.files, stdout, args.format, as_json=args.json, lang=args.lang)
        if command == "convert":
            return _convert(args, stdout)
        if command == "assess":
            return _assess(args, stdout)
        if command == "timeline":
            return _timeline(args, stdout)
        if command == "due":
            return _due(args, stdout)
        if command == "export":
            return _export(args, stdout)
        if command == "serve":
            return _serve(args)
        if command == "test":
            return _test(args, stdout)
        return _schema(stdout)
    except BrokenPipeError:  # the reader went away (`iop-model demo | head`): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return _EXIT_PROBLEM
    except FileError as error:
        print(f"iop-model: {_worded(error, errors_in)}", file=sys.stderr)
        return _EXIT_PROBLEM
    except IOPError as error:
        print(f"iop-model: {_worded(error, errors_in)}", file=sys.stderr)
        return _EXIT_PROBLEM


def _worded(error: IOPError, lang: str) -> str:
    """An error as the command's language says it: in Swedish every problem is worded by
    :mod:`iop_model.problem_text`, with its path, rule and value."""
    if lang != "sv":
        return str(error)
    from iop_model.problem_text import in_swedish

    if isinstance(error, FileError):
        count = len(error.problems)
        lines = [f"{printable(error.source)}: {count} problem"]
        return "\n  ".join(lines + [in_swedish(p) for p in error.problems])
    problem = Problem(error.field or "", error.message, error.value, error.rule or None)
    return in_swedish(problem)


def _generated() -> pendulum.DateTime:
    """When the report is made, in Swedish time: now, or ``SOURCE_DATE_EPOCH`` where it is
    set (the reproducible-builds convention), so that a report made again is the same."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return pendulum.from_timestamp(int(epoch), tz="Europe/Stockholm")
    return pendulum.now("Europe/Stockholm")


def _as_of(args: argparse.Namespace) -> tuple[Date, bool]:
    chosen: Date | None = getattr(args, "as_of", None)
    return (today(), True) if chosen is None else (chosen, False)


def _known_on(args: argparse.Namespace, as_of: Date) -> Date:
    """The day of knowledge: ``--known-on`` checked against the as-of day (G10)."""
    from iop_model.goals import check_known_on

    return check_known_on(as_of, getattr(args, "known_on", None))


def _sha256(name: str) -> str | None:
    import hashlib
    from pathlib import Path

    try:
        return hashlib.sha256(Path(name).read_bytes()).hexdigest()
    except OSError:  # pragma: no cover - the file was just read
        return None


def _demo(args: argparse.Namespace, out: TextIO) -> int:
    from iop_model import wording
    from iop_model.cases import molndal
    from iop_model.outputs.text import render_text
    from iop_model.queries.report import build

    lang: Lang = getattr(args, "lang", "sv")
    as_of, is_today = _as_of(args)
    case = molndal.case()
    print(render_text(build(case, as_of, lang, today=is_today)), file=out)
    # Only days up to the as-of day: a later day's status rests on later decisions (T13).
    days = sorted(d for d in {*molndal.KEY_DAYS, *getattr(args, "on", []), as_of} if d <= as_of)
    first = molndal.extended_agreement()
    print("\n" + wording.say("demo.heading", lang, day=as_of), file=out)
    for day in days:
        status = molndal.GOAL.assess(first, day).status
        print(
            "  " + wording.say("demo.day", lang, day=day, status=wording.Label(status.name)),
            file=out,
        )
    without_day = pendulum.date(2020, 1, 1)
    ended_day = pendulum.date(2020, 5, 15)
    if without_day <= as_of:
        without = molndal.GOAL.assess(molndal.first_agreement(), without_day).status
        text = wording.say(
            "demo.without", lang, day=without_day, status=wording.Label(without.name)
        )
        print("  " + wording.say("report.illustrative", lang, text=text), file=out)
    if ended_day <= as_of:
        ended = first.terminate(pendulum.date(2020, 6, 30), ended_day, "Uppsägning")
        terminated = molndal.GOAL.assess(ended, ended_day).status
        text = wording.say(
            "demo.terminated",
            lang,
            on=pendulum.date(2020, 6, 30),
            decided=ended_day,
            status=wording.Label(terminated.name),
        )
        print("  " + wording.say("report.illustrative", lang, text=text), file=out)
    return 0


def _report(args: argparse.Namespace, out: TextIO) -> int:
    from iop_model.files.loader import load_all
    from iop_model.outputs.markdown import render_markdown
    from iop_model.outputs.text import render_text
    from iop_model.queries.report import view

    cases = load_all(args.files)
    as_of, is_today = _as_of(args)
    knowledge = _known_on(args, as_of)
    if args.format in ("html", "csv", "pdf"):
        return _portfolio_report(args, cases, as_of, knowledge, out)

    def write(stream: TextIO) -> None:
        """One partnership at a time: each report is built, written and let go (a folder of
        thousands of files never holds every report at once)."""
        several = len(cases) > 1
        if args.format == "json" and several:
            stream.write("[\n")  # one file: its report (the contract); several: a list
        for index, (name, case) in enumerate(cases):
            data, _ = view(
                case.as_known_on(knowledge),
                as_of,
                args.lang,
                today=is_today,
                input_sha256=_sha256(name),
                hour_rate=args.hour_rate,
                eur_rate=args.eur_rate,
                show_later=args.show_later,
                money_by=args.money_by,
            )
            if args.format == "json":
                text = json.dumps(data, ensure_ascii=False, indent=2)
                if several:  # as json.dumps writes a list: each item indented once more
                    text = ("" if index == 0 else ",\n") + textwrap.indent(text, "  ")
            elif args.format == "markdown":
                text = ("" if index == 0 else "\n") + render_markdown(data)
            else:
                text = ("" if index == 0 else "\n\n") + render_text(data)
            stream.write(text)
        if args.format == "json":
            stream.write("\n]\n" if several else "\n")
        elif args.format == "text":
            stream.write("\n")

    return _emit_stream(args, out, write)


def _portfolio_report(
    args: argparse.Namespace, cases: list[Any], as_of: Date, knowledge: Date, out: TextIO
) -> int:
    from iop_model.queries.portfolio import Portfolio

    try:
        from iop_model.outputs.html import render_csv, write_html
    except ImportError as error:  # pragma: no cover - the extra is installed in tests
        print(f"iop-model: {error}", file=sys.stderr)
        return _EXIT_PROBLEM
    portfolio = Portfolio(cases)
    if args.format == "csv":
        text = render_csv(
            portfolio, as_of, lang=args.lang, known_on=knowledge, eur_rate=args.eur_rate
        )
        return _emit_stream(args, out, lambda stream: stream.write(text))
    from iop_model.outputs.html import Document

    document = Document(
        case_number=args.case_number,
        prepared_by=args.prepared_by,
        # quoted as a shell would need it, so that an auditor can run it again
        command=shlex.join(["iop-model", *(printable(a) for a in sys.argv[1:])])
        if sys.argv[1:]
        else None,
        generated=_generated().format(
            "YYYY-MM-DD [kl.] HH.mm" if args.lang == "sv" else "YYYY-MM-DD HH:mm zz"
        ),
        eur_rate_source=args.eur_rate_source,
    )
    options: dict[str, Any] = {
        "known_on": knowledge,
        "hour_rate": args.hour_rate,
        "eur_rate": args.eur_rate,
        "show_later": args.show_later,
        "money_by": args.money_by,
        "document": document,
    }
    if args.format == "pdf":
        if not args.output:
            print("iop-model: a PDF is written to a file: give -o report.pdf", file=sys.stderr)
            return _EXIT_USAGE
        try:
            from iop_model.outputs.pdf import render_pdf

            data = render_pdf(portfolio, as_of, args.lang, **options)
        except ImportError as error:  # pragma: no cover - the extra is installed in tests
            print(f"iop-model: {error}", file=sys.stderr)
            return _EXIT_PROBLEM
        _write(args.output, data)
        print(f"{printable(args.output)}: pdf", file=out)
        return 0

    def write(stream: TextIO) -> None:
        write_html(stream, portfolio, as_of, args.lang, **options)

    return _emit_stream(args, out, write)


def _emit_stream(args: argparse.Namespace, out: TextIO, write: Callable[[TextIO], object]) -> int:
    """Write the output with ``write``: to standard output, or to ``-o``'s file whole or not
    at all (a temporary file in the same folder, renamed into place)."""
    if not args.output:
        write(out)
        return 0
    from iop_model.files.atomic import replace_atomically

    def fill(binary: BinaryIO) -> None:
        stream = io.TextIOWrapper(binary, encoding="utf-8", newline="")
        write(stream)
        stream.flush()
        stream.detach()  # the file is closed by replace_atomically, after its rename

    replace_atomically(args.output, fill)
    print(f"{printable(args.output)}: {args.format}", file=out)
    return 0


def _convert(args: argparse.Namespace, out: TextIO) -> int:
    from iop_model.files.loader import dumps, load

    text = dumps(load(args.file), args.to)
    if args.output:
        _write(args.output, text.encode("utf-8"))
        print(f"{printable(args.output)}: {args.to}", file=out)
    else:
        out.write(text)
    return 0


def _check(
    given: list[str],
    out: TextIO,
    fmt: str | None = None,
    as_json: bool = False,
    lang: str = "en",
) -> int:
    from iop_model.files.loader import expand, load, loads
    from iop_model.problem_text import in_swedish, message
    from iop_model.terms.agreement import duplicate_ids

    results: list[tuple[str, list[Problem], Any]] = []
    for name in given:  # a folder stands for every .toml and .json entry in it
        if name == "-":
            try:
                case = loads(sys.stdin.read(), fmt or "toml", source="<stdin>")  # type: ignore[arg-type]
                results.append(("<stdin>", [], case))
            except FileError as error:
                results.append(("<stdin>", list(error.problems), None))
            continue
        try:
            files = expand([name])
        except FileError as error:
            results.append((name, list(error.problems), None))
            continue
        for file in files:
            try:
                results.append((str(file), [], load(file, format=fmt)))  # type: ignore[arg-type]
            except FileError as error:
                results.append((str(file), list(error.problems), None))
    clashes = duplicate_ids((name, case.agreements) for name, _, case in results if case)
    for problem in clashes:  # T17: under the file that uses the id again
        name, _, path = problem.path.partition(": ")
        for result in results:
            if result[0] == name:
                result[1].append(Problem(path, problem.message, problem.value, problem.rule))
    failed = sum(1 for _, problems, _ in results if problems)
    if as_json:
        document = [
            {
                "file": name,
                "valid": not problems,
                "problems": [
                    {
                        "path": p.path,
                        "message": message(p, lang),
                        "value": None if p.value is None else repr(p.value),
                        "rule": p.rule or None,
                        **({"message_en": p.message} if lang == "sv" else {}),
                    }
                    for p in problems
                ],
            }
            for name, problems, _ in results
        ]
        out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return _EXIT_PROBLEM if failed else 0
    for name, problems, _ in results:
        shown = printable(name)
        if problems:
            count = len(problems)
            if lang == "sv":
                print(f"{shown}: {count} problem", file=out)
            else:
                print(f"{shown}: {count} problem{'s' if count != 1 else ''}", file=out)
            for problem in problems:
                print(f"  {in_swedish(problem) if lang == 'sv' else problem}", file=out)
        else:
            print(f"{shown}: ok", file=out)
    return _EXIT_PROBLEM if failed else 0


def _assess(args: argparse.Namespace, out: TextIO) -> int:
    from iop_model import wording
    from iop_model.files.loader import load_all
    from iop_model.queries.report import assessment_document

    cases = load_all(args.files)
    as_of, is_today = _as_of(args)
    knowledge = _known_on(args, as_of)
    several = len(cases) > 1
    if args.json and several:
        out.write("[\n")  # one file: its document; several: a list, written one at a time
    for index, (name, case) in enumerate(cases):
        known = case.as_known_on(knowledge)
        if args.json:
            document = json.dumps(
                assessment_document(name, known, as_of, is_today, _sha256(name)),
                ensure_ascii=False,
                indent=2,
            )
            if several:
                document = ("" if index == 0 else ",\n") + textwrap.indent(document, "  ")
            out.write(document)
            continue
        assessments = known.assess(as_of)
        key = "assess.heading_today" if is_today else "assess.heading"
        print(wording.say(key, args.lang, file=name, day=as_of), file=out)
        if knowledge != as_of:
            print("  " + wording.say("report.known_on", args.lang, day=knowledge), file=out)
        for entry, assessment in zip(known.goals, assessments, strict=True):
            goal = entry.goal
            title = (
                goal.title(args.lang, known.activity(entry.subject))
                if isinstance(goal, ActivityTarget)
                else goal.title(args.lang)
            )
            line = wording.say(
                "assess.line",
                args.lang,
                subject=entry.subject,
                title=title,
                status=wording.Label(assessment.status.name),
            )
            if entry.illustrative:
                line = wording.say("report.illustrative", args.lang, text=line)
            print(f"  {line}", file=out)
        if known.later_goals:
            print(
                "  " + wording.say("report.later_goals", args.lang, n=known.later_goals), file=out
            )
    if args.json:
        out.write("\n]\n" if several else "\n")
    return 0


def _timeline(args: argparse.Namespace, out: TextIO) -> int:
    from pathlib import Path

    from iop_model.files.loader import load_all

    if not args.output.lower().endswith((".png", ".svg", ".pdf")):
        print("iop-model: the output file must end in .png, .svg or .pdf", file=sys.stderr)
        return _EXIT_USAGE
    try:
        from iop_model.outputs.plot import timeline
    except ImportError as error:
        print(f"iop-model: {error}", file=sys.stderr)
        return _EXIT_PROBLEM
    cases = load_all(args.files)
    as_of, _ = _as_of(args)
    knowledge = _known_on(args, as_of)
    from iop_model.files.atomic import replace_atomically

    target = Path(args.output)
    taken: set[str] = set()
    for name, case in cases:
        goals = [e.goal for e in case.minimum_durations() if e.subject == "partnership"]
        figure = timeline(
            case.partnership,
            as_of=as_of,
            goals=goals,  # type: ignore[arg-type]
            lang=args.lang,
            known_on=knowledge,
            show_later=args.show_later,
        )
        # one picture per file: several files get their own file's name in the picture's
        path = target if len(cases) == 1 else _picture_name(target, Path(name), taken)
        suffix = path.suffix.lower()[1:]
        replace_atomically(path, functools.partial(_save, figure, suffix))
        print(f"{printable(str(path))}: timeline of {printable(name)} as of {as_of}", file=out)
    return 0


def _save(figure: Any, suffix: str, file: Any) -> None:
    figure.savefig(file, format=suffix, dpi=150)


def _picture_name(target: Path, source: Path, taken: set[str]) -> Path:
    """``t-<file>.svg`` for ``-o t.svg`` and the file ``<file>.toml``; a number is added when
    two files of that name (in different folders) are drawn."""
    stem = f"{target.stem}-{source.stem}"
    name, number = stem, 1
    while name in taken:
        number += 1
        name = f"{stem}-{number}"
    taken.add(name)
    return target.with_name(name + target.suffix)


def _due(args: argparse.Namespace, out: TextIO) -> int:
    from iop_model.files.loader import load_all
    from iop_model.outputs import due

    cases = load_all(args.files)
    as_of, _ = _as_of(args)
    rows = due.collect(cases, as_of, args.within, _known_on(args, as_of))
    if args.format == "ics":
        try:
            data = due.render_ics(rows, args.lang)
        except ImportError as error:
            print(f"iop-model: {error}", file=sys.stderr)
            return _EXIT_PROBLEM
    elif args.format == "json":
        data = (due.render_json(rows, as_of, args.within) + "\n").encode("utf-8")
    elif args.format == "csv":
        data = due.render_csv(rows, args.lang).encode("utf-8")
    else:
        data = (due.render_text(rows, as_of, args.within, args.lang) + "\n").encode("utf-8")
    if args.output:
        _write(args.output, data)
        print(f"{args.output}: {_plural(len(rows), 'action', 'actions')} as of {as_of}", file=out)
    else:
        out.write(data.decode("utf-8"))
    return 0


def _export(args: argparse.Namespace, out: TextIO) -> int:
    from iop_model.files.loader import load_all
    from iop_model.outputs.export import export, unregistered

    cases = load_all(args.files)
    as_of, _ = _as_of(args)
    data = export(cases, args.to, as_of, prefix=args.prefix, own_ids=args.own_ids)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if args.own_ids:
        own = unregistered(cases)
        if own:
            print(
                f"iop-model: {len(own)} organisation(s) without an organisation number "
                f"identified under {printable(args.prefix)}- (--own-ids): "
                + ", ".join(printable(name) for name in own),
                file=sys.stderr,
            )
    if args.output:
        _write(args.output, text.encode("utf-8"))
        print(f"{args.output}: {args.to} as of {as_of}", file=out)
    else:
        out.write(text)
    return 0


def _test(args: argparse.Namespace, out: TextIO) -> int:
    from iop_model.checks import junit_xml, load_checks, render, run

    checks = []
    for name in args.files:
        checks.extend(load_checks(name))
    results = run(checks)
    print(render(results, args.lang), file=out)
    if args.junit:
        _write(args.junit, junit_xml(results).encode("utf-8"))
    return 1 if any(not r.passed for r in results) else 0


def _serve(args: argparse.Namespace) -> int:
    try:
        from iop_model.server import serve
    except ImportError as error:
        print(f"iop-model: {error}", file=sys.stderr)
        return _EXIT_PROBLEM
    serve(args.host, args.port)  # pragma: no cover - runs until stopped (tests/test_server.py)
    return 0  # pragma: no cover


def _write(name: str, data: bytes) -> None:
    from .files.atomic import replace_atomically

    replace_atomically(name, lambda out: out.write(data))


def _refuse_overwriting_an_input(args: argparse.Namespace) -> None:
    """Exit 2 when an output (``-o``, ``--junit``) names one of the files the command
    reads: never replace a user's agreement or checks file with a report."""
    outputs = [
        name for name in (getattr(args, "output", None), getattr(args, "junit", None)) if name
    ]
    if not outputs:
        return
    from pathlib import Path

    from .files import expand

    try:
        inputs = {Path(file).resolve() for file in expand(args.files)}
    except IOPError:
        return  # the command reports what cannot be read
    for output in outputs:
        if Path(output).resolve() in inputs:
            print(
                f"iop-model: the output file {printable(output)} is one of the inputs; "
                "choose another name",
                file=sys.stderr,
            )
            raise SystemExit(_EXIT_USAGE)


def _schema(out: TextIO) -> int:
    from iop_model.files.loader import schema

    print(json.dumps(schema(), ensure_ascii=False, indent=2), file=out)
    return 0
