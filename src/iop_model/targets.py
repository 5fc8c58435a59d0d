"""Deprecated import path: activity targets (A7–A9) live in
:mod:`iop_model.activities.targets`; this module re-exports them and will be removed in the
next major version."""

from .activities.targets import A7, A8, A9, ActivityTarget, Indicator, check_applies

__all__ = ["A7", "A8", "A9", "ActivityTarget", "Indicator", "check_applies"]
