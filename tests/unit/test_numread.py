"""The one number reader: exact, plain, and bounded before anything is built."""

from __future__ import annotations

from fractions import Fraction

import pytest

from lindring.errors import InputError
from lindring.numread import DECIMALS, WHOLE_DIGITS, NumberError, clip, decimal, percent, whole


@pytest.mark.parametrize(
    ("text", "value"),
    [("40", 40), ("2.5", Fraction(5, 2)), ("2,5", Fraction(5, 2)), ("0.125", Fraction(1, 8))],
)
def test_plain_decimals_are_read_exactly(text: str, value: Fraction) -> None:
    assert decimal(text) == value


@pytest.mark.parametrize(
    "text", ["1e3", "-5", "+5", " 5", "5 ", "1_000", ".5", "5.", "1/2", "", "٣", "inf", "nan"]
)
def test_anything_but_digits_and_one_decimal_sign_is_not_a_number(text: str) -> None:
    with pytest.raises(NumberError) as caught:
        decimal(text)
    assert caught.value.reason == "form"


def test_the_decimal_comma_can_be_refused() -> None:
    with pytest.raises(NumberError):
        decimal("1,5", comma=False)
    assert decimal("1.5", comma=False) == Fraction(3, 2)


def test_digits_are_bounded_on_both_sides_of_the_decimal_sign() -> None:
    assert decimal("9" * WHOLE_DIGITS) == 10**WHOLE_DIGITS - 1
    assert decimal("0." + "0" * (DECIMALS - 1) + "1") == Fraction(1, 10**DECIMALS)
    for text in ("1" * (WHOLE_DIGITS + 1), "0" * (WHOLE_DIGITS + 1), "0." + "0" * DECIMALS + "1"):
        with pytest.raises(NumberError) as caught:
            decimal(text)
        assert caught.value.reason == "digits"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1" * 1_000_000, "digits"),
        ("1e999999999", "form"),
        ("0." + "0" * 1_000_000 + "1", "digits"),
    ],
)
def test_huge_texts_are_refused_by_their_form(text: str, reason: str) -> None:
    """Refused for what they look like (too many digits; no exponents), never computed."""
    with pytest.raises(NumberError) as caught:
        decimal(text)
    assert caught.value.reason == reason


def test_whole_numbers() -> None:
    assert whole("12") == 12
    for text in ("1.0", "1,5", "x", "1" * (WHOLE_DIGITS + 1)):
        with pytest.raises(NumberError):
            whole(text)


@pytest.mark.parametrize(("text", "value"), [("25", 25), ("12,5", Fraction(25, 2)), ("25 %", 25)])
def test_percent(text: str, value: Fraction) -> None:
    assert percent(text) == value
    assert percent(None) is None


@pytest.mark.parametrize("text", ["1e999999999", "1/2", "-x", "mye", "1" * 5000])
def test_a_percent_that_is_not_a_plain_number_is_an_input_error(text: str) -> None:
    with pytest.raises(InputError) as caught:
        percent(text)
    assert caught.value.code == "reduce_number"
    assert len(str(caught.value)) < 200


def test_clip_counts_what_it_leaves_out() -> None:
    assert clip("short") == "short"
    assert clip("x" * 5000) == "x" * 60 + "… (5000 characters)"


@pytest.mark.parametrize("text", ["-5", "\u22125", "- 12,5 %"])
def test_a_percent_below_zero_is_read_so_that_the_range_check_names_the_range(text: str) -> None:
    value = percent(text)
    assert value is not None and value < 0  # refused where applied: reduce_range
