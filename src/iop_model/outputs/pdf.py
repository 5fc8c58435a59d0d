"""The report as a PDF an auditor can attach (needs ``pip install 'iop-model[pdf]'``).

An edge module: the web page of :mod:`iop_model.outputs.html` (the same template, scope and
method first, the rules appendix last) printed by WeasyPrint, a paged-media engine: pages
numbered "Sida 3 av 12", a running header with the title, the as-of day and the inputs'
short hash, the document language set, a bookmark per partnership (its heading), and table
rows never split across pages. The file is PDF/A-3b with tagged structure.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import pendulum

from iop_model.explain import Lang
from iop_model.outputs.html import Document, write_html
from iop_model.queries.portfolio import Portfolio

__all__ = ["render_pdf"]

Date = pendulum.Date


def render_pdf(
    portfolio: Portfolio,
    as_of: Date,
    lang: Lang = "sv",
    *,
    known_on: Date | None = None,
    hour_rate: Decimal | int | None = None,
    eur_rate: Decimal | int | None = None,
    show_later: bool = False,
    money_by: str | None = None,
    document: Document | None = None,
    digests: Mapping[str, str] | None = None,
) -> bytes:
    """The report as PDF bytes (PDF/A-3b, tagged): :func:`iop_model.outputs.html.render_html`
    laid out on A4 pages."""
    try:
        import weasyprint  # type: ignore[import-untyped]
    except ImportError as error:  # pragma: no cover - the extra is installed in tests
        raise ImportError("the PDF needs WeasyPrint: pip install 'iop-model[pdf]'") from error
    page = io.StringIO()
    write_html(
        page,
        portfolio,
        as_of,
        lang,
        known_on=known_on,
        hour_rate=hour_rate,
        eur_rate=eur_rate,
        show_later=show_later,
        money_by=money_by,
        document=document,
        paged=True,
        digests=digests,
    )
    options: dict[str, Any] = {"pdf_variant": "pdf/a-3b", "pdf_tags": True}
    data: bytes = weasyprint.HTML(string=page.getvalue()).write_pdf(**options)
    return data
