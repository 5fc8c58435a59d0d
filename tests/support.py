"""Helpers shared by the test modules."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m iop_model ARGS`` (the real entry point) and capture its output."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "iop_model", *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


def dates_and_numbers(text: str) -> Counter[str]:
    """Every ISO day and every number in ``text``: what both languages must agree on."""
    return Counter(re.findall(r"\d{4}-\d{2}-\d{2}|\d+", text))
