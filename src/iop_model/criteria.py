"""Deprecated import path: this module lives in :mod:`iop_model.advisory.criteria` now. Every name
is still found here; the path will be removed in the next major version."""

from typing import Any

from iop_model.advisory import criteria as _moved
from iop_model.advisory.criteria import *  # noqa: F403

__all__ = _moved.__all__


def __getattr__(name: str) -> Any:
    return getattr(_moved, name)
