"""Benchmarks of iop-model against plain baselines measured in the same run.

    python benchmarks/run.py            # print the table
    python benchmarks/run.py --check    # also exit 1 when a target is missed
    python benchmarks/run.py --quick    # smaller portfolios, for a smoke test

Each figure is a ratio: the library's time over a plain baseline's time for the same work,
so that the figures mean the same on a fast and a slow machine. Each ratio is the median of
paired, interleaved runs (library, baseline, library, ...), with the spread of the pairs'
ratios printed beside it. These are measurements, not unit tests.

- P1: assess ``MinimumDuration(years=3)`` for 100,000 agreements (0–3 extensions each) as of
  one day, against a hand-written stdlib ``datetime`` loop that computes the same end days
  and statuses (asserted equal). Target: at most 3x.
- P2: load and validate 10,000 agreements from one JSON file, against ``json.loads`` plus a
  walk over the dicts. Target: at most 3x.
- P3: ``import iop_model`` in a fresh interpreter, against ``import attrs, pendulum``.
  Target: at most 1.3x.
- P4: the P1 assessment for 100,000 agreements over 10,000 (time ratio of paired runs, the
  large and the small portfolio interleaved). Target: at most 11.
- M1: peak memory per agreement while building a portfolio (tracemalloc), reported.
- P5: the web-page report of a portfolio of 1,000 generated partnership files (1-5
  agreements each, extensions, activities with reports): load them and render the page
  (what ``iop-model report DIR --format html`` does), against parsing the same files with
  ``tomllib``. Target: at most 5x. Peak memory is reported.
- P6: the size of that page per partnership, reported.
- P7: every command and format (report in five formats, assess, due in four, export, check)
  on a folder of 5,000 generated partnership files, against parsing the same files with
  ``tomllib`` in a fresh interpreter; each in its own process, paired. Targets: time at most
  6x, peak resident memory at most 200 MiB (a national portfolio: every IOP in Sweden).
- P8: the HTTP API (``iop-model serve``) on loopback: a bounded number of ``POST /report``
  requests, 8 at a time, each with one partnership file; p50 and p99 latency, errors (must
  be 0), and throughput as a ratio to the same work called in-process (load + report data +
  JSON). Target: the ratio at most 3x (HTTP, JSON and 8 clients sharing the server).
"""

from __future__ import annotations

import argparse
import calendar
import datetime
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pendulum

import iop_model
from iop_model import (
    Agreement,
    Extension,
    IdeaBasedParty,
    MinimumDuration,
    PublicParty,
    Term,
)
from iop_model.files.loader import dumps, load

AS_OF = pendulum.date(2021, 6, 30)
CITY = PublicParty("Kommunen", committee="Nämnden")
PARTNER = IdeaBasedParty("Föreningen")

# A plain description of one agreement: start, initial length in months, then per extension
# (days before the current end it was decided, months added).
Plain = tuple[datetime.date, int, tuple[tuple[int, int], ...]]


def synthetic(count: int, seed: int = 2019, short: bool = False) -> list[Plain]:
    """``count`` plain agreements: month-based terms from 2016–2022, 0–3 extensions; with
    ``short``, terms and extensions of 1–3 months (so that a chain of 10,000 stays within
    the calendar)."""
    rng = random.Random(seed)
    plans: list[Plain] = []
    for _ in range(count):
        year, month = rng.randint(2016, 2022), rng.randint(1, 12)
        last = calendar.monthrange(year, month)[1]
        start = datetime.date(year, month, min(rng.choice([1, 1, 15, 28, 29, 30, 31]), last))
        months = rng.choice([1, 2, 3] if short else [6, 12, 12, 18, 24])
        choices = [1, 2, 3] if short else [6, 12, 24]
        extensions = tuple(
            (rng.randint(0, 20), rng.choice(choices)) for _ in range(rng.randint(0, 3))
        )
        plans.append((start, months, extensions))
    return plans


#: The decision day of every synthetic agreement, before all of their terms.
DECIDED_ON = pendulum.date(1989, 12, 1)


def build(plans: list[Plain], chained: bool = False) -> list[Agreement]:
    """The plans as iop-model agreements (extension decisions dated before each end). With
    ``chained``, one partnership: each agreement follows the previous one, starting the day
    after it ends (the plans' own start days are then ignored)."""
    agreements: list[Agreement] = []
    next_start = pendulum.date(1990, 1, 1)
    for index, (start, months, extensions) in enumerate(plans):
        first = next_start if chained else pendulum.Date(start.year, start.month, start.day)
        agreement = Agreement(
            f"iop-{index}",
            CITY,
            PARTNER,
            Term.starting(first, months=months),
            # decided before any term starts: every agreement is known on the as-of day (T15)
            decided_on=DECIDED_ON,
            follows=agreements[-1].id if chained and agreements else None,
        )
        for before, added in extensions:
            end = agreement.end
            decided = pendulum.Date.fromordinal(
                max(agreement.start.toordinal(), end.toordinal() - before)
            )
            agreement = agreement.extend(Extension(decided, "Nämnden", months=added))
        agreements.append(agreement)
        next_start = agreement.span.next_start
    return agreements


# --- the plain baseline: stdlib datetime, written by hand --------------------------------------------


def _add_months(day: datetime.date, months: int) -> datetime.date:
    """The corresponding day ``months`` later; a missing day rounds up to the next month's
    first (the library's default policy, T5)."""
    year, month0 = divmod(day.month - 1 + months, 12)
    year += day.year
    last = calendar.monthrange(year, month0 + 1)[1]
    if day.day <= last:
        return datetime.date(year, month0 + 1, day.day)
    return datetime.date(year, month0 + 1, last) + datetime.timedelta(days=1)


def baseline(plans: list[Plain], as_of: datetime.date) -> list[tuple[datetime.date, str]]:
    """End day and status of "at least three years" for each plain agreement."""
    one = datetime.timedelta(days=1)
    results = []
    for start, months, extensions in plans:
        end = _add_months(start, months) - one
        for before, added in extensions:  # decided in order, each before the end it extends
            decided = max(start, end - datetime.timedelta(days=before))
            if decided > as_of:
                break
            end = _add_months(end + one, added) - one
        threshold = _add_months(start, 36) - one
        if threshold <= end:
            status = "achieved" if threshold <= as_of else "secured"
        else:
            status = "missed" if end <= as_of else "open"
        results.append((end, status))
    return results


def library(agreements: list[Agreement], as_of: pendulum.Date) -> list[tuple[pendulum.Date, str]]:
    goal = MinimumDuration(years=3)
    results = []
    for agreement in agreements:
        assessment = goal.assess(agreement, as_of)
        counted = assessment.figures["counted_period"]
        results.append((counted.end, assessment.status.value))  # type: ignore[union-attr]
    return results


# --- timing ---------------------------------------------------------------------------------------------


def best_of(function: Callable[[], Any], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times)


def _once(function: Callable[[], Any]) -> float:
    gc.collect()
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


#: The spread (lowest and highest ratio of the pairs) of each figure, for the table.
SPREAD: dict[str, tuple[float, float]] = {}


def paired(
    key: str, library: Callable[[], Any], baseline: Callable[[], Any], pairs: int = 7
) -> tuple[float, float, float]:
    """The median of the ratios of ``pairs`` interleaved runs (library, baseline, library,
    ...): a load on this shared machine hits both sides of a pair alike. Returns the median
    ratio and the median times; the spread of the ratios goes to :data:`SPREAD`."""
    ratios, libs, bases = [], [], []
    for _ in range(pairs):
        lib = _once(library)
        base = _once(baseline)
        libs.append(lib)
        bases.append(base)
        ratios.append(lib / base)
    SPREAD[key] = (min(ratios), max(ratios))
    return statistics.median(ratios), statistics.median(libs), statistics.median(bases)


def p1(count: int, key: str = "P1") -> tuple[float, float, float]:
    plans = synthetic(count)
    agreements = build(plans)
    as_of_plain = datetime.date(AS_OF.year, AS_OF.month, AS_OF.day)
    expected = baseline(plans, as_of_plain)
    got = library(agreements, AS_OF)
    assert [(e.isoformat(), s) for e, s in expected] == [(e.isoformat(), s) for e, s in got], (
        "answers differ"
    )
    return paired(key, lambda: library(agreements, AS_OF), lambda: baseline(plans, as_of_plain))


def p4(big: int, small: int) -> tuple[float, float, float]:
    """The P1 assessment of ``big`` agreements over ``small`` ones, paired like the others
    (two separate medians let a load on the machine fall on one side only)."""
    large, little = build(synthetic(big)), build(synthetic(small))
    return paired("P4", lambda: library(large, AS_OF), lambda: library(little, AS_OF))


def _walk(value: Any) -> int:
    count = 0
    stack = [value]
    while stack:
        item = stack.pop()
        count += 1
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return count


def p2(count: int) -> tuple[float, float, float]:
    case = iop_model.Case(build(synthetic(count, short=True), chained=True))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "portfolio.json"
        path.write_text(dumps(case, "json"), "utf-8")
        size = path.stat().st_size
        assert load(path, max_bytes=size + 1) == case

        def plain() -> int:
            return _walk(json.loads(path.read_text("utf-8")))

        return paired("P2", lambda: load(path, max_bytes=size + 1), plain)


def p3() -> tuple[float, float, float]:
    # As installed for real: with bytecode caches (pip compiles them at install time), so
    # PYTHONDONTWRITEBYTECODE is dropped and a first run writes the caches.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def once(code: str) -> float:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
        return time.perf_counter() - started

    for code in ("pass", "import attrs, pendulum", "import iop_model"):
        once(code)  # write the caches
    ratios, libs, bases = [], [], []
    for _ in range(15):  # interleaved: an interpreter start, the baseline, the library
        empty = once("pass")
        base = once("import attrs, pendulum") - empty
        lib = once("import iop_model") - empty
        ratios.append(lib / base)
        libs.append(lib)
        bases.append(base)
    SPREAD["P3"] = (min(ratios), max(ratios))
    return statistics.median(ratios), statistics.median(libs), statistics.median(bases)


def m1(count: int) -> float:
    plans = synthetic(count)
    gc.collect()
    tracemalloc.start()
    agreements = build(plans)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(agreements) == count
    return peak / count


def portfolio_files(folder: Path, count: int, seed: int = 2024, complete: bool = False) -> None:
    """Write ``count`` generated partnership files: 1-5 follow-on agreements with extensions,
    a meeting place with yearly aggregate reports, a goal and a target; with ``complete``,
    organisation numbers and the public party's money too, so that the files export."""
    from iop_model import AggregateReport, Contribution, IdeaBasedParty, MeetingPlace, PublicParty
    from iop_model.activities.targets import ActivityTarget, Indicator
    from iop_model.case import Case, CaseGoal

    rng = random.Random(seed)
    for number in range(count):
        agreements: list[Agreement] = []
        start = pendulum.date(rng.randint(2012, 2020), rng.choice([1, 4, 7]), 1)
        for index in range(rng.randint(1, 5)):
            term = Term.starting(start, years=rng.choice([1, 2, 3]))
            agreement = Agreement(
                f"p{number}-a{index}",
                PublicParty("Kommunen", committee="Nämnden", org_number="212000-1355")
                if complete
                else CITY,
                IdeaBasedParty("Föreningen", org_number="802002-4280") if complete else PARTNER,
                term,
                decided_on=start.subtract(days=30),
                follows=agreements[-1].id if agreements else None,
                contributions=[
                    Contribution(
                        "public", "money", 100_000, term, decided_on=start.subtract(days=30)
                    )
                ]
                if complete
                else (),
            )
            if rng.random() < 0.5:
                agreement = agreement.extend(Extension(agreement.end, "Nämnden", years=1))
            agreements.append(agreement)
            start = agreement.span.next_start
        first = agreements[0]
        reports = [
            AggregateReport(
                Term.year(year), occasions=rng.randint(1, 40), total_visitors=rng.randint(40, 900)
            )
            for year in range(first.start.year + 1, first.end.year + 1)
            if Term.year(year).end <= first.end
        ]
        place = MeetingPlace(first.id, f"Mötesplats {number}", reports=reports)
        goals = [CaseGoal("partnership", MinimumDuration(years=3))]
        if reports:
            target = ActivityTarget(Indicator.OCCASIONS, reports[0].period, target=20)
            goals.append(CaseGoal(place.name, target))
        case = Case(agreements, [place], goals, title=f"Partnerskap {number}")
        (folder / f"p{number:04d}.toml").write_text(dumps(case), encoding="utf-8")


def p5(count: int) -> tuple[float, float, float, float, int]:
    """Ratio, library and baseline seconds, bytes per partnership, peak memory (bytes)."""
    import tomllib

    from iop_model import Portfolio
    from iop_model.outputs.html import render_html

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        portfolio_files(folder, count)
        files = sorted(folder.glob("*.toml"))

        def library() -> str:
            return render_html(Portfolio.load(folder), pendulum.date(2024, 6, 1), "sv")

        def baseline() -> list[Any]:
            return [tomllib.loads(path.read_text(encoding="utf-8")) for path in files]

        page = library()
        ratio, lib, base = paired("P5", library, baseline, pairs=5)
        tracemalloc.start()
        library()
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return ratio, lib, base, len(page.encode("utf-8")) / count, peak


#: The commands and formats P7 runs on a folder of partnership files.
P7_COMMANDS: tuple[tuple[str, ...], ...] = (
    ("report", "--format", "text"),
    ("report", "--format", "json"),
    ("report", "--format", "markdown"),
    ("report", "--format", "html"),
    ("report", "--format", "csv"),
    ("assess",),
    ("assess", "--json"),
    ("due", "--format", "text"),
    ("due", "--format", "json"),
    ("due", "--format", "csv"),
    ("due", "--format", "ics"),
    ("export", "--to", "ocds"),
    ("check",),
)

_MEASURE = (
    "import resource, subprocess, sys, time\n"
    "started = time.perf_counter()\n"
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
    "print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)
_TOMLLIB = (
    "import pathlib, sys, tomllib\n"
    "[tomllib.loads(p.read_text(encoding='utf-8')) "
    "for p in sorted(pathlib.Path(sys.argv[1]).glob('*.toml'))]"
)


def _measure(command: list[str]) -> tuple[float, int]:
    """Seconds and peak resident memory (bytes) of ``command``, run by a fresh parent."""
    result = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True
    )
    seconds, peak_kib = result.stdout.split()
    return float(seconds), int(peak_kib) * 1024


def p7(count: int, pairs: int = 3) -> list[tuple[str, float, float, int]]:
    """Every command and format on a folder of ``count`` partnership files, each paired
    with parsing the same files with tomllib in a fresh interpreter: (what, median time
    ratio, median seconds, peak memory in bytes)."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "files"
        folder.mkdir()
        portfolio_files(folder, count, complete=True)
        for command in P7_COMMANDS:
            extra = [] if command[0] == "check" else ["--as-of", "2024-06-01"]
            cli = [sys.executable, "-m", "iop_model", command[0], str(folder), *command[1:], *extra]
            baseline = [sys.executable, "-c", _TOMLLIB, str(folder)]
            ratios, times, peak = [], [], 0
            for _ in range(pairs):
                seconds, memory = _measure(cli)
                base, _ = _measure(baseline)
                ratios.append(seconds / base)
                times.append(seconds)
                peak = max(peak, memory)
            what = " ".join(command)
            SPREAD[f"P7 {what}"] = (min(ratios), max(ratios))
            rows.append((what, statistics.median(ratios), statistics.median(times), peak))
    return rows


def p8(requests: int = 400, concurrency: int = 8) -> tuple[float, float, float, int, float, float]:
    """The HTTP load test: ratio of in-process throughput to HTTP throughput, p50 and p99
    latency (s), errors, and both throughputs (requests per second)."""
    import socket
    import statistics
    import subprocess
    from concurrent.futures import ThreadPoolExecutor

    import httpx

    from iop_model.files import loads
    from iop_model.queries.report import view

    body = (Path(__file__).parent.parent / "examples" / "exempelby-kvinnojour.toml").read_bytes()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "iop_model", "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                httpx.get(f"{url}/health", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.05)
        client = httpx.Client(timeout=30)
        headers = {"content-type": "application/toml"}
        params = {"as_of": "2025-10-15"}

        def one(_: int) -> tuple[float, bool]:
            start = time.perf_counter()
            answer = client.post(f"{url}/report", content=body, headers=headers, params=params)
            return time.perf_counter() - start, answer.status_code == 200

        one(0)  # warm the server
        start = time.perf_counter()
        with ThreadPoolExecutor(concurrency) as pool:
            results = list(pool.map(one, range(requests)))
        http_seconds = time.perf_counter() - start
        client.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    latencies = sorted(seconds for seconds, _ in results)
    errors = sum(1 for _, ok in results if not ok)
    day = pendulum.date(2025, 10, 15)

    def in_process() -> None:
        data, _ = view(loads(body).as_known_on(day), day, "sv")
        json.dumps(data, ensure_ascii=False)

    in_process()
    start = time.perf_counter()
    for _ in range(requests):
        in_process()
    local_seconds = time.perf_counter() - start
    http_rate, local_rate = requests / http_seconds, requests / local_seconds
    p50 = statistics.median(latencies)
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    return local_rate / http_rate, p50, p99, errors, http_rate, local_rate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--quick", action="store_true", help="10x smaller portfolios")
    args = parser.parse_args(argv)
    big, small, files = (10_000, 1_000, 1_000) if args.quick else (100_000, 10_000, 10_000)

    rows: list[tuple[str, str, float, float, str]] = []
    ratio, lib, base = p1(big)
    rows.append(
        (
            "P1",
            f"assess {big:,} agreements vs datetime loop",
            ratio,
            3.0,
            f"{lib:.3f} s vs {base:.3f} s",
        )
    )
    ratio2, lib2, base2 = p2(files)
    rows.append(
        (
            "P2",
            f"load {files:,} agreements (JSON) vs json.loads+walk",
            ratio2,
            3.0,
            f"{lib2:.3f} s vs {base2:.3f} s",
        )
    )
    ratio3, lib3, base3 = p3()
    rows.append(
        (
            "P3",
            "import iop_model vs import attrs, pendulum",
            ratio3,
            1.3,
            f"{lib3 * 1000:.0f} ms vs {base3 * 1000:.0f} ms",
        )
    )
    scaling, big_lib, small_lib = p4(big, small)
    rows.append(
        (
            "P4",
            f"assess {big:,} vs {small:,} agreements (time ratio)",
            scaling,
            11.0,
            f"{big_lib:.3f} s vs {small_lib:.3f} s",
        )
    )
    memory = m1(small)
    partnerships = 100 if args.quick else 1_000
    ratio5, lib5, base5, size6, peak5 = p5(partnerships)
    rows.append(
        (
            "P5",
            f"HTML report of {partnerships:,} partnership files vs tomllib",
            ratio5,
            5.0,
            f"{lib5:.2f} s vs {base5:.3f} s; peak {peak5 / 2**20:.0f} MiB",
        )
    )

    print(f"iop-model {iop_model.__version__} benchmarks, Python {sys.version.split()[0]}")
    print(f"{'id':<4} {'what':<52} {'ratio':>7} {'target':>7}  {'ok':<4} detail (spread of pairs)")
    missed = 0
    for key, what, value, target, detail in rows:
        ok = value <= target
        missed += not ok
        low, high = SPREAD.get(key, (value, value))
        print(
            f"{key:<4} {what:<52} {value:>7.2f} {target:>7.2f}  {'yes' if ok else 'NO':<4} {detail}"
            f" ({low:.2f}–{high:.2f})"
        )
    print(
        f"{'M1':<4} {'peak memory per agreement while building':<52} {memory / 1024:>6.1f}K {'-':>7}  {'-':<4} tracemalloc, {small:,} agreements"
    )
    print(
        f"{'P6':<4} {'HTML report size per partnership':<52} {size6 / 1024:>6.1f}K {'-':>7}  {'-':<4} {partnerships:,} partnerships"
    )
    scale = 500 if args.quick else 5_000
    print(
        f"P7   every command on a folder of {scale:,} partnership files vs tomllib "
        "(targets: time 6.00, peak memory 200 MiB)"
    )
    for what, ratio7, seconds, peak in p7(scale, pairs=1 if args.quick else 3):
        ok = ratio7 <= 6.0 and peak <= 200 * 2**20
        missed += not ok
        low, high = SPREAD[f"P7 {what}"]
        print(
            f"       {what:<24} {ratio7:>6.2f}  {seconds:>6.2f} s  {peak / 2**20:>5.0f} MiB  "
            f"{'yes' if ok else 'NO':<4} ({low:.2f}–{high:.2f})"
        )
    try:
        import importlib

        importlib.import_module("httpx")
        importlib.import_module("iop_model.server")
    except ImportError:
        print("P8   skipped: needs iop-model[server] and httpx")
    else:
        requests = 80 if args.quick else 400
        ratio8, p50, p99, errors, http_rate, local_rate = p8(requests)
        ok = ratio8 <= 3.0 and errors == 0
        missed += not ok
        print(
            f"P8   HTTP POST /report, {requests} requests, 8 concurrent: ratio {ratio8:.2f} "
            f"(target 3.00) {'yes' if ok else 'NO'}; p50 {p50 * 1000:.1f} ms, p99 "
            f"{p99 * 1000:.1f} ms, errors {errors}, {http_rate:.0f} req/s vs {local_rate:.0f}/s "
            "in-process"
        )
    if args.check and missed:
        print(f"{missed} target(s) missed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
