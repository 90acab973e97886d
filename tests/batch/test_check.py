"""Check mode: the range a prescription is held against, the verdict and the deviation."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lindring.batch_check import Bounds, bounds, check_prescribed, judge, prescribed_amount, show
from lindring.batch_write import decimal
from lindring.convert import Conversion, Options, convert
from lindring.dose import parse_dose
from lindring.errors import InputError
from lindring.i18n import show_amount
from lindring.model import Amount, Tables
from lindring.numbers import to_decimal_str
from lindring.request import parse_request


def conversion(tables: Tables, words: str, reduce: int | None = None) -> Conversion:
    percent = None if reduce is None else Fraction(reduce)
    return convert(tables, parse_request(tables, words.split()), Options(percent))


def test_a_drug_change_allows_the_handbooks_band_of_reductions(tables: Tables) -> None:
    conv = conversion(tables, "oxycodone 20 mg x2 po to morphine sc")
    assert conv.reduction is not None and conv.reduction.reason == "drug_change"
    assert conv.low is not None and conv.high is not None and conv.suggested is not None
    band_low, band_high = conv.reduction.band_low, conv.reduction.band_high
    found = bounds(conv)
    assert found is not None
    # low end: the range's low end less the largest reduction (or the rounded suggestion)
    assert found.low.value == min(conv.low.value * (100 - band_high) / 100, conv.suggested.value)
    # high end: the range's high end less the smallest reduction in the band
    assert found.high.value == conv.high.value * (100 - band_low) / 100
    assert found.low.unit == found.high.unit == "mg" and found.low.per_24h


def test_a_route_change_allows_up_to_the_unreduced_high_end(tables: Tables) -> None:
    conv = conversion(tables, "morphine 10 mg q4h sc to morphine po")
    assert conv.reduction is not None and conv.reduction.reason == "route_change"
    found = bounds(conv)
    assert found is not None and conv.high is not None
    assert found.high.value == conv.high.value


def test_a_chosen_reduction_moves_both_ends(tables: Tables) -> None:
    conv = conversion(tables, "oxycodone 20 mg x2 po to morphine sc", reduce=40)
    found = bounds(conv)
    assert found is not None and conv.low is not None and conv.high is not None
    assert found.high.value == conv.high.value * Fraction(60, 100)
    assert found.low.value <= conv.low.value * Fraction(60, 100)


def test_lindrings_own_suggestion_is_always_within(tables: Tables) -> None:
    for words in (
        "oxycodone 20 mg x2 po to morphine sc",
        "morphine 60 mg x2 po to hydromorphone po",
        "morphine 90 mg x2 po to fentanyl td",
        "hydromorphone 4 mg x2 po to oxycodone sc",
    ):
        conv = conversion(tables, words)
        found = bounds(conv)
        assert found is not None and conv.suggested is not None, words
        assert judge(found, conv.suggested).verdict == "within", words


@pytest.mark.parametrize(
    ("given_mg", "verdict", "deviation"),
    [
        (Fraction(20), "within", Fraction(0)),
        (Fraction(10), "within", Fraction(0)),
        (Fraction(30), "within", Fraction(0)),
        (Fraction(9), "below", Fraction(-10)),
        (Fraction(31), "above", Fraction(34, 10)),  # 3.33... % rounded away from zero
        (Fraction(60), "above", Fraction(100)),
    ],
)
def test_verdict_and_deviation_from_the_nearer_end(
    given_mg: Fraction, verdict: str, deviation: Fraction
) -> None:
    found = Bounds(Amount(Fraction(10), "mg", True), Amount(Fraction(30), "mg", True))
    check = judge(found, Amount(given_mg, "mg", True))
    assert (check.verdict, check.deviation_percent) == (verdict, deviation)


def test_the_texts_say_it_loudly_when_above(tables: Tables) -> None:
    found = Bounds(Amount(Fraction(10), "mg", True), Amount(Fraction(30), "mg", True))
    above = judge(found, Amount(Fraction(45), "mg", True))
    assert above.text("en") == (
        "ABOVE THE RANGE: prescribed 45 mg/24 h is 50 % above the highest start dose the "
        "working supports (30 mg/24 h; range 10 mg/24 h to 30 mg/24 h). Check it before it "
        "is given"
    )
    assert above.text("nb").startswith("OVER SPENNET: forskrevet 45 mg/døgn er 50 % over")
    below = judge(found, Amount(Fraction(25, 4), "mg", True))
    assert below.text("nb") == (
        "forskrevet 6,25 mg/døgn er 37,5 % under spennet 10 mg/døgn til 30 mg/døgn"
    )


def test_a_patch_is_checked_as_a_rate(tables: Tables) -> None:
    conv = conversion(tables, "morphine 90 mg x2 po to fentanyl td")
    check = check_prescribed(conv, parse_dose("25 mcg/h"))
    assert check is not None
    assert check.prescribed == Amount(Fraction(25), "microgram/h", False)
    with pytest.raises(InputError) as caught:
        check_prescribed(conv, parse_dose("25 mcg"))
    assert caught.value.code == "batch.prescribed_rate"


def test_a_prescription_in_another_unit_is_converted(tables: Tables) -> None:
    conv = conversion(tables, "oxycodone 20 mg x2 po to morphine sc")
    found = bounds(conv)
    assert found is not None
    assert prescribed_amount(parse_dose("15000 mcg"), found.low).value == 15
    assert prescribed_amount(parse_dose("2,5 mg x6"), found.low).value == 15


amounts = st.builds(
    Amount,
    st.fractions(min_value=0, max_value=100_000, max_denominator=10_000),
    st.sampled_from(["mg", "microgram", "microgram/h"]),
    st.booleans(),
)


@given(amounts, st.sampled_from(["nb", "en"]))
def test_the_fast_amount_text_is_the_one_lindring_shows_everywhere(
    amount: Amount, lang: str
) -> None:
    assert show(amount, lang) == show_amount(amount, lang)


@given(
    st.fractions(min_value=-(10**6), max_value=10**6, max_denominator=10**5),
    st.sampled_from([1, 2, 4]),
)
def test_the_fast_number_is_to_decimal_str(value: Fraction, places: int) -> None:
    assert decimal(value, places) == to_decimal_str(value, places)
