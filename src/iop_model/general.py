"""Deprecated import path: general activities live in :mod:`iop_model.activities` now (one
mechanism for every kind of activity). Every name is still found here; the path will be removed
in the next major version."""

from typing import Any

from iop_model import activities as _moved
from iop_model.activities import CustomIndicator, GeneralActivity, IndicatorReport, Record, Unit

__all__ = ["CustomIndicator", "GeneralActivity", "IndicatorReport", "Record", "Unit"]


def __getattr__(name: str) -> Any:
    return getattr(_moved, name)
