"""The dose grammar: exact values for what is accepted, exact errors for what is not."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from lindring.calc.dose import parse_dose
from lindring.errors import DoseError, LindringError, UnitError


@pytest.mark.parametrize(
    ("text", "daily_mg", "basis", "times"),
    [
        ("40mg", 40, "bare", None),
        ("40 mg", 40, "bare", None),
        ("2,5 mg", Fraction(5, 2), "bare", None),  # decimal comma: 2.5, never 25
        ("2.5mg", Fraction(5, 2), "bare", None),
        ("100 mcg", Fraction(1, 10), "bare", None),
        ("100 \u00b5g", Fraction(1, 10), "bare", None),  # micro sign
        ("100 \u03bcg", Fraction(1, 10), "bare", None),  # Greek mu
        ("100 ug", Fraction(1, 10), "bare", None),
        ("100 mikrogram", Fraction(1, 10), "bare", None),
        ("0,1 g", 100, "bare", None),
        ("\uff14\uff10 mg", 40, "bare", None),  # full-width digits
        ("0.125 mg", Fraction(1, 8), "bare", None),
        ("20mg x2", 40, "times", 2),
        ("30 mg morgen og kveld", 60, "times", 2),  # as a Norwegian chart writes bid
        ("10 mg Morgen, middag og kveld", 30, "times", 3),
        ("30 mg morning and evening", 60, "times", 2),
        ("20mgx2", 40, "times", 2),
        ("20 mg x 2", 40, "times", 2),
        ("20 mg bid", 40, "times", 2),
        ("10 mg tid", 30, "times", 3),
        ("10 mg qid", 40, "times", 4),
        ("10 mg q4h", 60, "times", 6),
        ("10 mg q12h", 20, "times", 2),
        ("40 mg/24h", 40, "per_24h", None),
        ("40 mg/døgn", 40, "per_24h", None),
        ("40 mg/d", 40, "per_24h", None),
        ("25 mcg/h", Fraction(3, 5), "per_hour", None),  # 25 microgram/h x 24 h = 0.6 mg
        ("2 mg/t", 48, "per_hour", None),  # Norwegian "time" = hour
        # the notation clinicians write (docs/dose-input.md, "Written as on the chart")
        ("2x20mg", 40, "times", 2),
        ("2 x 20 mg", 40, "times", 2),
        ("20mg 2x", 40, "times", 2),
        ("20 mg 1+0+1", 40, "times", 2),  # morning and evening: 2 x 20 mg
        ("10 mg 1+1+1+1", 40, "times", 4),
        ("10 mg 2+0+1", 30, "times", 3),  # two units in the morning, one at night
        ("10 mg hver 4. time", 60, "times", 6),
        ("10 mg hver 6 time", 40, "times", 4),
        ("20 mg 3 ganger daglig", 60, "times", 3),
        ("20 mg 2 times daily", 40, "times", 2),
        ("20 mg od", 20, "times", 1),
        ("20mg/12h", 40, "times", 2),
        ("10 mg/4 t", 60, "times", 6),
        ("40 mg daglig", 40, "per_24h", None),
    ],
)
def test_accepted(text: str, daily_mg: Fraction, basis: str, times: int | None) -> None:
    dose = parse_dose(text)
    assert dose.daily_mg == daily_mg
    assert dose.basis == basis
    assert dose.times == times


def test_prn_marks_breakthrough_doses_taken() -> None:
    dose = parse_dose("5 mg x3 prn")
    assert (dose.daily_mg, dose.prn) == (15, True)
    for written in ("5 mg x3 ved behov", "5 mg x3 v.b.", "3x5mg v.b.", "5 mg 3x ved behov"):
        dose = parse_dose(written)
        assert (dose.daily_mg, dose.prn) == (15, True), written


@pytest.mark.parametrize(
    ("text", "part", "example"),
    [
        ("20 mg foo", "foo", "20 mg"),
        ("20 mg twice", "twice", "20 mg"),
        ("20 mg x2 morgen", "x2 morgen", "20 mg"),
        ("30 mg morgen og kvell", "morgen og kvell", "30 mg morgen og kveld"),
    ],
)
def test_a_part_not_understood_is_named(text: str, part: str, example: str) -> None:
    with pytest.raises(DoseError) as caught:
        parse_dose(text)
    assert caught.value.code == "dose_part"
    message = caught.value.message("en")
    assert f"'{part}' was not understood" in message
    nearest = message.rsplit("e.g. ", 1)[1]
    assert nearest.startswith(example)
    parse_dose(nearest)  # the nearest accepted form is accepted


@pytest.mark.parametrize(
    ("text", "error", "code"),
    [
        ("1,000 mg", DoseError, "dose_ambiguous"),
        ("2.500 mg", DoseError, "dose_ambiguous"),
        ("-5 mg", DoseError, "dose_sign"),
        ("\u22125 mg", DoseError, "dose_sign"),  # minus sign
        ("0 mg", DoseError, "dose_zero"),
        ("40", DoseError, "dose_no_unit"),
        ("1 000 mg", DoseError, "dose_space_in_number"),
        ("1e3 mg", DoseError, "dose_operator"),
        ("40 mg*2", DoseError, "dose_operator"),
        ("9**9**9 mg", DoseError, "dose_operator"),
        ("40 Mg", UnitError, "unknown_unit"),
        ("40 MG", UnitError, "unknown_unit"),
        ("40 mL", UnitError, "wrong_dimension"),
        ("10 mg q5h", DoseError, "dose_interval"),
        (".5 mg", DoseError, "dose_leading_zero"),
        ("", DoseError, "dose_missing"),
        ("5 mg prn", DoseError, "dose_prn"),
        ("5 mg ved behov", DoseError, "dose_prn"),  # how many were taken?
        ("5 mg v.b.", DoseError, "dose_prn"),
        ("10 mg hver 4. time v.b.", DoseError, "dose_prn"),
        ("1+0+1", DoseError, "dose_schedule_strength"),
        ("1+1+1+1", DoseError, "dose_schedule_strength"),
        ("10 mg 0+0+0", DoseError, "dose_times"),
        ("2x20mg x2", DoseError, "dose_two_frequencies"),
        ("20mg/5h", DoseError, "dose_interval"),
        ("4" * 500, DoseError, "dose_too_long"),
    ],
)
def test_refused(text: str, error: type[LindringError], code: str) -> None:
    with pytest.raises(error) as caught:
        parse_dose(text)
    assert caught.value.code == code  # refused by its bounds: nothing is evaluated


def test_messages_say_what_to_write() -> None:
    with pytest.raises(DoseError) as caught:
        parse_dose("1,000 mg")
    assert str(caught.value) == (
        "'1,000' reads as a thousand in one language and a decimal "
        "in another: write 1000 or 1 (no thousands separator)"
    )
    with pytest.raises(DoseError) as caught:
        parse_dose("40")
    assert str(caught.value) == "'40' has no unit: write e.g. 40 mg"
    with pytest.raises(UnitError) as caught:
        parse_dose("40 Mg")
    assert str(caught.value).startswith("unknown unit 'Mg': expected a mass unit")


DOSE_ALPHABET = "0123456789.,  mgcuµμx/qhdøbi-+*e"


@given(st.one_of(st.text(max_size=30), st.text(alphabet=DOSE_ALPHABET, max_size=30)))
@example("2,5 mg")
@example("1 000 mg")
@example("\u22125 mg")
@example("40 Mg")
@example("25 µg/t")
@example("9**9**9 mg")
@example("1,000 mg")
def test_the_parser_is_total(text: str) -> None:
    """Any text gives a positive dose or one of lindring's own errors: nothing else escapes."""
    try:
        dose = parse_dose(text)
    except LindringError:
        return
    assert dose.daily_mg > 0


@given(st.integers(min_value=1, max_value=5000))
def test_units_and_frequencies_agree(n: int) -> None:
    assert parse_dose(f"{n} mg").daily_mg == parse_dose(f"{n * 1000} mcg").daily_mg
    twice = {parse_dose(f"{n} mg {f}").daily_mg for f in ("x2", "bid", "q12h")}
    assert twice == {2 * n}
    assert parse_dose(f"{n} mg/24h").daily_mg == parse_dose(f"{n} mg").daily_mg


@pytest.mark.parametrize(
    "text", ["20 mg three", "20 mg x3 times", "20 mg tre ganger", "20 mg morgen kveld"]
)
def test_a_dose_as_needed_is_suggested_only_where_the_text_says_so(text: str) -> None:
    # "e.g. 20 mg x3 prn" for a regular dose would turn it into breakthrough doses taken
    with pytest.raises(DoseError) as caught:
        parse_dose(text)
    nearest = caught.value.message("en").rsplit("e.g. ", 1)[1]
    assert "prn" not in nearest and "behov" not in nearest
    with pytest.raises(DoseError) as caught:
        parse_dose("5 mg x3 bahov")  # a slip in "behov": the form as needed is right
    assert caught.value.message("en").endswith("e.g. 5 mg x3 ved behov")
