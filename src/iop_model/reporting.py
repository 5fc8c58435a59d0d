"""Deprecated import path: this module lives in :mod:`iop_model.deadlines.reporting` now. Every
name is still found here; the path will be removed in the next major version."""

from typing import Any

from iop_model.deadlines import reporting as _moved
from iop_model.deadlines.reporting import *  # noqa: F403

__all__ = _moved.__all__


def __getattr__(name: str) -> Any:
    return getattr(_moved, name)
