"""Exact numbers, rounding down, and how numbers are printed."""

from __future__ import annotations

import re
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from lindring.numbers import floor_to_step, format_number, json_number, to_decimal_str

values = st.fractions(min_value=Fraction(0), max_value=Fraction(10**6), max_denominator=10**6)
steps = st.sampled_from(
    [
        Fraction(1, 20),
        Fraction(1, 10),
        Fraction(1, 5),
        Fraction(1, 2),
        Fraction(13, 10),
        Fraction(5, 2),
        Fraction(5),
        Fraction(25),
    ]
)


@given(values, steps)
def test_floor_to_step_never_rounds_up(value: Fraction, step: Fraction) -> None:
    result = floor_to_step(value, step)
    assert result <= value
    assert value - result < step
    assert (result / step).denominator == 1


def test_printed_numbers() -> None:
    assert to_decimal_str(Fraction(40, 3)) == "13.33"
    assert format_number(Fraction(40, 3), "nb") == "13,33"
    assert to_decimal_str(Fraction(5)) == "5"  # no trailing zero
    assert to_decimal_str(Fraction(1, 2)) == "0.5"  # leading zero
    assert to_decimal_str(Fraction(2999, 1000)) == "2.99"  # rounded down, not to 3
    assert json_number(Fraction(5)) == 5 and isinstance(json_number(Fraction(5)), int)
    assert json_number(Fraction(1, 3)) == 0.3333


@given(st.fractions(min_value=Fraction(1, 10**6), max_value=Fraction(10**6)))
def test_no_exponent_no_trailing_zero_no_naked_decimal(value: Fraction) -> None:
    for lang in ("en", "nb"):
        text = format_number(value, lang)
        assert not re.search(r"[eE]", text)
        assert not re.search(r"[.,]0$", text) and not re.search(r"[.,]\d*0$", text)
        assert not text.startswith((".", ","))


def test_a_small_dose_is_never_shown_as_zero() -> None:
    assert format_number(Fraction(1, 1000), "nb") == "0,001"
    assert format_number(Fraction(1, 1000), "en") == "0.001"
    assert format_number(Fraction(5, 10000), "en") == "0.0005"
    assert format_number(Fraction(2, 3000), "en") == "0.0006"  # 0.000666..., down
    assert format_number(Fraction(1, 10**7), "nb") == "<0,000001"
    assert format_number(Fraction(0), "nb") == "0"


@given(st.fractions(min_value=Fraction(1, 10**5), max_value=Fraction(1, 10), max_denominator=10**7))
def test_small_values_shown_rounded_down_and_above_zero(value: Fraction) -> None:
    text = format_number(value, "en")
    shown = Fraction(text)
    assert 0 < shown <= value
    assert value - shown < shown  # the first digit is kept: off by less than the figure
