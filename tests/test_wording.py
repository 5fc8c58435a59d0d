"""How values are shown in sentences (wording.show) and how numbers are formatted.

The fast paths added for the web-page report (benchmark P5) must give exactly what the
general code gives: a table of the common types next to the chain of isinstance checks,
cached number texts and parsed CLDR patterns next to babel's own functions.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from fractions import Fraction

import pendulum
from babel.numbers import format_decimal, format_percent
from hypothesis import given
from hypothesis import strategies as st

from iop_model import Length, Term, wording

LANGS = st.sampled_from(["sv", "en"])
DAYS = st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31))
FRACTIONS = st.fractions(max_denominator=10**4).filter(lambda f: abs(f) < 10**12)

VALUES = st.one_of(
    st.builds(wording.Label, st.sampled_from(["ACHIEVED", "SECURED", "OPEN", "MISSED"])),
    st.builds(wording.Raw, st.text(max_size=5)),
    st.builds(wording.Worded, st.text(max_size=5), st.text(max_size=5)),
    st.builds(wording.Days, st.integers(min_value=-5, max_value=10**6)),
    st.builds(wording.Pct, FRACTIONS),
    st.builds(wording.Body, st.sampled_from(["Kulturnämnden", "Styrelsen", "Föreningen X"])),
    st.builds(
        lambda d: Term(
            pendulum.Date(d.year, d.month, d.day), pendulum.Date(d.year, d.month, d.day)
        ),
        DAYS,
    ),
    st.builds(Length, st.integers(0, 30), st.integers(0, 30), st.integers(0, 400)),
    DAYS,
    DAYS.map(lambda d: pendulum.Date(d.year, d.month, d.day)),
    st.booleans(),
    st.integers(min_value=-(10**15), max_value=10**15),
    FRACTIONS,
    FRACTIONS.map(lambda f: Decimal(f.numerator) / Decimal(f.denominator)),
)


@given(VALUES, LANGS)
def test_show_by_type_equals_the_general_chain(value: object, lang: str) -> None:
    assert type(value) in wording._SHOWN
    assert wording.show(value, lang) == wording._show_any(value, lang)  # type: ignore[arg-type]


def _babel_minus(text: str, lang: str) -> str:
    return "\u2212" + text[1:] if lang == "sv" and text.startswith("-") else text


@given(FRACTIONS, LANGS)
def test_decimal_and_percent_equal_babels_own_functions(value: Fraction, lang: str) -> None:
    locale = wording._locale(lang)
    shown = round(Decimal(value.numerator) / Decimal(value.denominator), 2)
    assert wording.decimal(value, lang) == _babel_minus(
        str(format_decimal(shown, format="#,##0.##", locale=locale)), lang
    )
    assert wording.decimal(value, lang) == wording.decimal(value, lang)  # cached: the same
    pattern = "#,##0.##" + ("\u00a0%" if lang == "sv" else "%")
    exact = round(Decimal(value.numerator) / Decimal(value.denominator), 4)
    assert wording.percent(value, lang) == _babel_minus(
        str(format_percent(exact, format=pattern, locale=locale)), lang
    )


def test_swedish_numbers_as_authorities_write_them() -> None:
    assert wording.show(1040, "sv") == "1\u00a0040"
    assert wording.show(Fraction(104, 100), "sv") == "1,04"
    assert wording.show(Fraction(-5, 4), "sv") == "\u22121,25"
    assert wording.show(Decimal("1040.5"), "en") == "1,040.5"
    assert wording.show(wording.Pct(Fraction(26, 25)), "sv") == "104\u00a0%"
    assert wording.show(True, "en") == "True"
