"""Deprecated import path: general activities live in :mod:`iop_model.activities` (one
mechanism for every kind of activity); this module re-exports them and will be removed in
the next major version."""

from .activities import CustomIndicator, GeneralActivity, IndicatorReport, Record, Unit

__all__ = ["CustomIndicator", "GeneralActivity", "IndicatorReport", "Record", "Unit"]
