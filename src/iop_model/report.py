"""Deprecated import path: the report's data lives in :mod:`iop_model.queries.report` and its
text and Markdown in :mod:`iop_model.outputs`. Every name is still found here; the path will be
removed in the next major version."""

from typing import Any

from iop_model.outputs.markdown import render_markdown
from iop_model.outputs.text import render_text
from iop_model.queries import report as _moved
from iop_model.queries.report import ACTION_DAYS, build, view

__all__ = ["ACTION_DAYS", "build", "render_markdown", "render_text", "view"]


def __getattr__(name: str) -> Any:
    return getattr(_moved, name)
