"""Parties and rule P1 (organisation numbers)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iop_model import IdeaBasedParty, PartyError, PublicParty
from iop_model.parties import check_org_number, luhn_check_digit


@pytest.mark.parametrize("number", ["212000-1355", "2120001355", "802002-4280"])
def test_P1_valid_organisation_numbers_are_kept_as_given(number: str) -> None:
    assert PublicParty("Kommunen", org_number=number).org_number == number


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("212000-1356", "check digit should be 5"),
        ("212000+1355", "10 digits"),
        ("21200-01355", "10 digits"),
        ("21200013555", "10 digits"),
        ("", "10 digits"),
        (2120001355, "is text"),
    ],
)
def test_P1_invalid_organisation_numbers(number: object, message: str) -> None:
    with pytest.raises(PartyError, match=message) as info:
        IdeaBasedParty("Föreningen", org_number=number)  # type: ignore[arg-type]
    assert (info.value.rule, info.value.field, info.value.value) == ("P1", "org_number", number)


@given(
    st.text(alphabet="0123456789", min_size=2, max_size=2),
    st.sampled_from("0123456789"),
    st.text(alphabet="0123456789", min_size=6, max_size=6),
    st.booleans(),
)
def test_P1_the_third_digit_tells_an_organisation_number_from_a_personnummer(
    head: str, third: str, tail: str, hyphen: bool
) -> None:
    digits = head + third + tail
    check = luhn_check_digit(digits)
    number = f"{digits[:6]}-{digits[6:]}{check}" if hyphen else f"{digits}{check}"
    if int(third) >= 2:
        assert check_org_number(number) == number
    else:  # a month 00 or 1x: the form of a personnummer (born in a month 01-12)
        with pytest.raises(PartyError, match="third digit") as info:
            check_org_number(number)
        assert info.value.rule == "P1"


@given(
    st.text(alphabet="0123456789", min_size=2, max_size=2),
    st.sampled_from("23456789"),
    st.text(alphabet="0123456789", min_size=6, max_size=6),
    st.booleans(),
)
def test_P1_the_luhn_digit_makes_any_nine_digits_valid(
    head: str, third: str, tail: str, hyphen: bool
) -> None:
    digits = head + third + tail
    check = luhn_check_digit(digits)
    number = f"{digits[:6]}-{digits[6:]}{check}" if hyphen else f"{digits}{check}"
    assert check_org_number(number) == number
    wrong = (check + 1) % 10
    with pytest.raises(PartyError, match="P1"):
        check_org_number(number[:-1] + str(wrong))


@pytest.mark.parametrize("name", ["", "   ", None])
def test_parties_need_a_name(name: object) -> None:
    with pytest.raises(PartyError) as info:
        PublicParty(name)  # type: ignore[arg-type]
    assert info.value.field == "name"


def test_registration_is_optional_information() -> None:
    assert IdeaBasedParty("Konstkollektivet").registered is None
    assert IdeaBasedParty("Stadsmissionen", registered=True).registered is True
    with pytest.raises(PartyError):
        IdeaBasedParty("X", registered="yes")  # type: ignore[arg-type]
