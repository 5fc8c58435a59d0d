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
def test_a_subclass_is_shown_as_the_first_type_it_is(value: object, lang: str) -> None:
    """show looks a value's exact type up in its table and otherwise walks the table in
    order: a subclass of any of its types reads like the type itself."""
    kind = type(value)
    if kind is bool or not isinstance(value, (int, Fraction, Decimal, datetime.date)):
        return
    sub = type("Sub", (kind,), {})
    if isinstance(value, datetime.date):
        copy = sub(value.year, value.month, value.day)
    else:
        copy = sub(value)
    assert wording.show(copy, lang) == wording.show(value, lang)


def test_show_reads_true_as_a_word_and_an_int_enum_as_a_number() -> None:
    import enum

    class Size(enum.IntEnum):
        BIG = 1040

    assert wording.show(True, "sv") == "True"  # bool is looked up before int
    assert wording.show(Size.BIG, "sv") == "1\u00a0040"
    assert wording.show(datetime.date(2019, 1, 1), "sv") == "2019-01-01"
    assert wording.show(pendulum.date(2019, 1, 1), "en") == "2019-01-01"


def _babel_minus(text: str, lang: str) -> str:
    return "\u2212" + text[1:] if lang == "sv" and text.startswith("-") else text


@given(FRACTIONS, LANGS)
def test_decimal_and_percent_equal_babels_own_functions(value: Fraction, lang: str) -> None:
    locale = wording._locale(lang)
    shown = round(Decimal(value.numerator) / Decimal(value.denominator), 2)
    assert wording.decimal(value, lang) == _babel_minus(
        str(format_decimal(shown, format="#,##0.##", locale=locale)), lang
    )
    # one precision: a whole percentage without decimals, any other with two (issue 24)
    whole = (value * 100).denominator == 1
    pattern = ("#,##0" if whole else "#,##0.00") + ("\u00a0%" if lang == "sv" else "%")
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
