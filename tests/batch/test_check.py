"""Check mode: the range a prescription is held against, the verdict and the deviation."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lindring.batch.check import Bounds, bounds, check_prescribed, judge, prescribed_amount, show
from lindring.batch.write import decimal
from lindring.calc.convert import Conversion, Options, convert
from lindring.calc.dose import parse_dose
from lindring.calc.request import parse_request
from lindring.errors import InputError
from lindring.i18n import show_amount
from lindring.model import Amount, Tables
from lindring.numbers import to_decimal_str


def conversion(tables: Tables, words: str, reduce: int | None = None) -> Conversion:
    percent = None if reduce is None else Fraction(reduce)
    return convert(tables, parse_request(tables, words.split()), Options(percent))


def test_a_drug_change_allows_the_handbooks_band_of_reductions(tables: Tables) -> None:
    # oxycodone 40 mg po = 60 mg OME -> morphine sc 20 mg (point 3); the band 20-30 %
    # supports starts of 14 to 16 mg; lindring's own start (15) lies between.
    conv = conversion(tables, "oxycodone 20 mg x2 po to morphine sc")
    assert conv.reduction is not None and conv.reduction.reason == "drug_change"
    found = bounds(conv)
    assert found is not None and found.drug_change
    assert (found.low.value, found.high.value) == (14, 16)
    assert found.equianalgesic.value == 20
    assert found.top.value == 40  # oxycodone's 2 over morphine sc's 2
    assert found.low.unit == found.high.unit == "mg" and found.low.per_24h


def test_a_route_change_allows_up_to_the_equianalgesic_dose(tables: Tables) -> None:
    conv = conversion(tables, "morphine 10 mg q4h sc to morphine po")
    assert conv.reduction is not None and conv.reduction.reason == "route_change"
    found = bounds(conv)
    assert found is not None and conv.equianalgesic is not None and not found.drug_change
    assert found.high.value == conv.equianalgesic.value == 180


def test_a_chosen_reduction_sets_both_ends(tables: Tables) -> None:
    conv = conversion(tables, "oxycodone 20 mg x2 po to morphine sc", reduce=40)
    found = bounds(conv)
    assert found is not None
    assert found.high.value == found.low.value == 12  # 20 less 40 %


def test_lindrings_own_suggestion_is_always_within(tables: Tables) -> None:
    for words in (
        "oxycodone 20 mg x2 po to morphine sc",
        "morphine 60 mg x2 po to hydromorphone po",
        "morphine 90 mg x2 po to fentanyl td",
        "hydromorphone 4 mg x2 po to oxycodone sc",
        "morphine 199 mg po to oxycodone po",
    ):
        conv = conversion(tables, words)
        found = bounds(conv)
        assert found is not None and conv.suggested is not None, words
        assert judge(found, conv.suggested).verdict == "within", words


def test_issue_examples_are_flagged(tables: Tables) -> None:
    # fentanyl 600 microgram/24 h sc is a 25 microgram/h patch (1:1; the sources' top
    # 37.5): 100 microgram/h is above every source.
    conv = conversion(tables, "fentanyl 600mcg/24h sc to fentanyl td")
    check = check_prescribed(conv, parse_dose("100 mcg/h"))
    assert check is not None and check.verdict == "above_sources"
    assert check.percent_of_equianalgesic == 400
    # oxycodone 40 mg po -> morphine sc: 20 mg equianalgesic, 30 mg is 150 % of it
    conv = conversion(tables, "oxycodone 20mg x2 po to morphine sc")
    check = check_prescribed(conv, parse_dose("30 mg"))
    assert check is not None and check.verdict == "above"
    assert check.percent_of_equianalgesic == 150
    # 19 mg: no room left for the reduction (95 %), a caution, not a flag
    check = check_prescribed(conv, parse_dose("19 mg"))
    assert check is not None and check.verdict == "no_reduction"


BOUNDS = Bounds(
    Amount(Fraction(10), "mg", True),
    Amount(Fraction(30), "mg", True),
    Amount(Fraction(40), "mg", True),
    Amount(Fraction(50), "mg", True),
    True,
)


@pytest.mark.parametrize(
    ("given_mg", "verdict", "deviation"),
    [
        (Fraction(20), "within", Fraction(0)),
        (Fraction(10), "within", Fraction(0)),
        (Fraction(30), "within", Fraction(0)),
        (Fraction(9), "below", Fraction(-10)),
        (Fraction(31), "no_reduction", Fraction(34, 10)),  # 3.33... % rounded away from zero
        (Fraction(40), "no_reduction", Fraction(334, 10)),
        (Fraction(41), "above", Fraction(367, 10)),
        (Fraction(60), "above_sources", Fraction(100)),
    ],
)
def test_verdict_and_deviation_from_the_nearer_end(
    given_mg: Fraction, verdict: str, deviation: Fraction
) -> None:
    check = judge(BOUNDS, Amount(given_mg, "mg", True))
    assert (check.verdict, check.deviation_percent) == (verdict, deviation)
    assert check.percent_of_equianalgesic == given_mg / 40 * 100


def test_above_the_supported_start_on_a_route_change_is_above() -> None:
    route_change = Bounds(BOUNDS.low, BOUNDS.high, BOUNDS.equianalgesic, BOUNDS.top, False)
    assert judge(route_change, Amount(Fraction(31), "mg", True)).verdict == "above"


def test_the_texts_say_it_loudly_when_above(tables: Tables) -> None:
    above = judge(BOUNDS, Amount(Fraction(45), "mg", True))
    assert above.text("en") == (
        "ABOVE THE EQUIANALGESIC DOSE: prescribed 45 mg/24 h is 112 % of the equianalgesic "
        "40 mg/24 h (50 % above the highest supported start, 30 mg/24 h). Check it before it "
        "is given"
    )
    assert above.text("nb").startswith("OVER EKVIANALGETISK DOSE: forskrevet 45 mg/døgn er 112 %")
    loud = judge(BOUNDS, Amount(Fraction(60), "mg", True))
    assert loud.text("en").startswith("ABOVE EVERY SOURCE: prescribed 60 mg/24 h is 150 %")
    below = judge(BOUNDS, Amount(Fraction(25, 4), "mg", True))
    assert below.text("nb") == (
        "forskrevet 6,25 mg/døgn (15 % av ekvianalgetisk 40 mg/døgn) er 37,5 % under den "
        "laveste startdosen utregningen støtter (10 mg/døgn): pasienten kan få for dårlig "
        "smertelindring"
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


@pytest.mark.parametrize(
    ("words", "prescribed", "verdict"),
    [
        # 140 mg oral morphine / 0.2 (Hdir) = 700 mg tapentadol; Palexia depot's text:
        # more than 500 mg a day not recommended
        ("morphine 70 mg x2 po to tapentadol po", "550 mg", "above_maximum"),
        ("morphine 70 mg x2 po to tapentadol po", "500 mg", "within"),
        # 80 mg oral morphine / 0.15 = 533 mg tramadol; Nobligan: at most 400 mg a day
        ("morphine 40 mg x2 po to tramadol po", "450 mg", "above_maximum"),
        ("morphine 40 mg x2 po to tramadol po", "600 mg", "above"),  # above 533 mg too
    ],
)
def test_a_prescription_above_the_maximum_daily_dose_is_flagged(
    tables: Tables, words: str, prescribed: str, verdict: str
) -> None:
    check = check_prescribed(conversion(tables, words), parse_dose(prescribed))
    assert check is not None and check.verdict == verdict
    if verdict == "above_maximum":
        assert "MAXIMUM DAILY DOSE" in check.text("en") and "MAKSIMAL" in check.text("nb")
