"""The mutation score per module, from mutmut's results, less the equivalent mutants.

    python tools/mutation_score.py RESULTS [--min 90]

RESULTS is the output of ``mutmut results --all true``. Equivalent mutants (a change that
no test can observe, because the program does the same) are listed in
``tools/equivalent-mutants.toml`` by function and changed line, with the reason, not by
mutmut's number (which moves when the function changes). Every listed entry must match a
surviving mutant; an entry that matches none is stale and fails the run.

Score = killed / (total - equivalent), where killed counts mutmut's "killed", "timeout" and
"segfault" (the tests failed or hung on the mutant) and everything else counts as survived.
Exit status 1 when a module scores below ``--min`` or mutants are left unchecked.
"""

from __future__ import annotations

import argparse
import ast
import collections
import difflib
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KILLED = {"killed", "timeout", "segfault"}
NAME = re.compile(r"^(?P<module>[\w.]+)\.(?P<function>x.+)__mutmut_(?P<number>\d+)$")


def _functions(module: str) -> dict[str, str]:
    """Source of every function in mutmut's copy of ``module``, by name."""
    path = ROOT / "mutants" / "src" / (module.replace(".", "/") + ".py")
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    return {
        node.name: "\n".join(lines[node.lineno - 1 : node.end_lineno])
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    }


def changed_lines(functions: dict[str, str], function: str, number: str) -> list[str]:
    """The lines a mutant adds to the original function, stripped."""
    original = functions[f"{function}__mutmut_orig"].splitlines()[1:]
    mutant = functions[f"{function}__mutmut_{number}"].splitlines()[1:]
    return [
        line[1:].strip()
        for line in difflib.unified_diff(original, mutant, lineterm="", n=0)
        if line.startswith("+") and not line.startswith("+++")
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", type=Path)
    parser.add_argument("--min", type=float, default=90.0)
    args = parser.parse_args(argv)

    statuses: dict[str, str] = {}
    for line in args.results.read_text(encoding="utf-8").splitlines():
        name, _, status = line.strip().rpartition(": ")
        if name:
            statuses[name] = status

    listed = tomllib.loads((ROOT / "tools" / "equivalent-mutants.toml").read_text("utf-8"))
    entries = listed.get("mutant", [])
    used = [False] * len(entries)
    sources: dict[str, dict[str, str]] = {}
    equivalent: set[str] = set()
    for name, status in statuses.items():
        match = NAME.match(name)
        if match is None or status in KILLED or status == "not checked":
            continue
        module, function = match["module"], match["function"]
        if module not in sources:
            sources[module] = _functions(module)
        changes = changed_lines(sources[module], function, match["number"])
        for index, entry in enumerate(entries):
            if f"{module}.{function}" == f"{entry['module']}.{entry['function']}" and changes == [
                entry["change"]
            ]:
                equivalent.add(name)
                used[index] = True

    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for name, status in statuses.items():
        match = NAME.match(name)
        module = match["module"] if match else "?"
        kind = "equivalent" if name in equivalent else status
        counts[module][kind] += 1

    failed = False
    print(
        f"{'module':<24} {'total':>6} {'killed':>7} {'survived':>9} {'equiv.':>7}"
        f" {'unchecked':>10} {'score':>7}"
    )
    for module in sorted(counts):
        count = counts[module]
        total = sum(count.values())
        killed = sum(count[kind] for kind in KILLED)
        unchecked = count["not checked"]
        scored = total - count["equivalent"]
        score = 100.0 * killed / scored if scored else 100.0
        survived = scored - killed - unchecked
        print(
            f"{module:<24} {total:>6} {killed:>7} {survived:>9} {count['equivalent']:>7}"
            f" {unchecked:>10} {score:>6.1f}%"
        )
        failed = failed or unchecked > 0
        if score < args.min:
            failed = True
    for index, entry in enumerate(entries):
        if not used[index]:
            print(
                f"stale entry in equivalent-mutants.toml: {entry['module']}.{entry['function']}"
                f" {entry['change']!r} matches no surviving mutant",
                file=sys.stderr,
            )
            failed = True
    if failed:
        print(f"FAILED: below {args.min:g}% or incomplete", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
