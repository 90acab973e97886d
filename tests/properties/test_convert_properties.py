"""Properties every conversion must have, over the real table's drugs and routes."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, note
from hypothesis import strategies as st

from lindring.calc import regimen
from lindring.calc.convert import Conversion, Options, convert
from lindring.calc.dose import DoseExpression
from lindring.calc.request import Part, Request
from lindring.model import Tables
from lindring.table.load import load_tables
from lindring.units import mg_per

from ..conftest import TABLES_DIR

TABLE = load_tables(str(TABLES_DIR))
RATE = {k for k, r in TABLE.routes.items() if r.kind == "rate"}
CONVERTIBLE = [d for d in TABLE.opioids.values() if d.status != "nonlinear"]
#: every drug and route a dose can be typed for (patch strengths are drawn in
#: test_patch_properties.py); targets include patches
PAIRS = sorted((d.key, r) for d in CONVERTIBLE for r in d.routes if r not in RATE)
TARGETS = sorted((d.key, r) for d in CONVERTIBLE for r in d.routes)
MULTI_ROUTE = sorted(
    (d.key, a, b)
    for d in CONVERTIBLE
    for a in d.routes
    for b in d.routes
    if a != b and not {a, b} & RATE
)

#: a daily dose is drawn as its oral morphine equivalent (1 to 1000 mg, the plausible span)
#: and turned into mg of the source drug, so every drug gets realistic doses
doses = st.fractions(min_value=Fraction(1), max_value=Fraction(1000), max_denominator=100)
pairs = st.sampled_from(PAIRS)
targets = st.sampled_from(TARGETS)


def request(tables: Tables, src: tuple[str, str], ome: Fraction, tgt: tuple[str, str]) -> Request:
    drug = tables.opioids[src[0]]
    dose_mg = ome / drug.routes[src[1]].value
    amount = dose_mg / mg_per(drug.unit)  # exact, in the drug's own unit
    dose = DoseExpression(
        f"{float(amount)} {drug.unit}", amount, drug.unit, dose_mg, None, "per_24h"
    )
    return Request((Part(drug, src[1], dose),), tables.opioids[tgt[0]], tgt[1])


def run(src: tuple[str, str], dose: Fraction, tgt: tuple[str, str], **kw: object) -> Conversion:
    result = convert(TABLE, request(TABLE, src, dose, tgt), Options(**kw))  # type: ignore[arg-type]
    for step in result.steps:
        note(step.text("en"))
    return result


@given(st.sampled_from(MULTI_ROUTE), doses)
def test_route_round_trip_without_reduction_returns_the_dose(
    case: tuple[str, str, str], dose: Fraction
) -> None:
    drug, a, b = case
    there = run((drug, a), dose, (drug, b))
    assert there.equianalgesic is not None
    back = run((drug, b), there.ome_mg_per_24h or Fraction(0), (drug, a))
    assert back.equianalgesic is not None
    src = there.request.dose.daily_mg
    assert back.equianalgesic.value * mg_per(back.equianalgesic.unit) == src


@given(pairs, targets, doses, st.integers(min_value=2, max_value=9))
def test_equianalgesic_dose_scales_linearly(
    src: tuple[str, str], tgt: tuple[str, str], dose: Fraction, k: int
) -> None:
    one, many = run(src, dose, tgt), run(src, dose * k, tgt)
    if one.refusal or many.refusal:
        return
    assert one.equianalgesic and many.equianalgesic and one.low and many.low
    assert many.equianalgesic.value == k * one.equianalgesic.value
    assert many.low.value == k * one.low.value
    assert many.ome_mg_per_24h == k * (one.ome_mg_per_24h or 0)


@given(pairs, targets, doses, st.sampled_from([None, 0, 10, 25, 50, 75]))
def test_the_start_is_a_real_dose_never_above_the_equianalgesic_dose(
    src: tuple[str, str], tgt: tuple[str, str], dose: Fraction, reduce: int | None
) -> None:
    result = run(src, dose, tgt, reduce_percent=None if reduce is None else Fraction(reduce))
    if result.refusal:
        assert result.suggested is None  # never a plan of nothing: a refusal with a reason
        return
    assert result.suggested and result.suggested_exact and result.equianalgesic
    assert result.start_low and result.start_high
    assert 0 < result.suggested.value <= result.start_high.value <= result.equianalgesic.value
    assert result.start_low.value <= result.suggested_exact.value <= result.start_high.value
    assert result.regimen and result.regimen.daily == result.suggested.value
    if result.regimen.product is not None and not result.regimen.product.liquid:
        assert sum(result.regimen.units) == result.regimen.dose  # whole units sold
        assert set(result.regimen.units) <= set(result.regimen.product.strengths)
    if tgt[1] in RATE:  # a patch: the strengths chosen add up to the start
        assert result.patch and result.patch.rate == result.suggested.value
    bt = result.breakthrough
    if bt is not None:
        assert bt.dose.value > 0
        daily = result.suggested.value
        if tgt[1] not in RATE:
            assert bt.dose.value <= daily * TABLE.breakthrough.high


@given(pairs, targets, doses, doses)
def test_a_larger_dose_never_gives_a_smaller_start(
    src: tuple[str, str], tgt: tuple[str, str], d1: Fraction, d2: Fraction
) -> None:
    low, high = sorted((d1, d2))
    a, b = run(src, low, tgt), run(src, high, tgt)
    if a.refusal is None and b.refusal is None:
        assert a.suggested and b.suggested
        assert a.suggested.value <= b.suggested.value
    if a.refusal is None and b.refusal is not None:
        assert b.refusal.code != "too_small"  # a start for less, none for more: a cliff


@given(pairs, targets, doses)
def test_the_start_keeps_the_handbooks_band_unless_no_product_fits(
    src: tuple[str, str], tgt: tuple[str, str], dose: Fraction
) -> None:
    result = run(src, dose, tgt)
    if result.refusal:
        return
    assert result.suggested and result.start_low and result.start_high and result.equianalgesic
    if result.suggested.value >= result.start_low.value:
        return
    # below the band only when nothing sold lies between the start and the band's top
    factor = result.request.target.routes[result.request.target_route]
    most = TABLE.regimen.max_units_per_dose
    ladders = (
        regimen.patch_ladders(factor.patch)
        if factor.patch
        else regimen.ladders(factor.products, most)
    )
    up = regimen.above(ladders, result.suggested.value)
    assert up is not None and up.daily > result.start_high.value


@given(pairs, targets, doses)
def test_a_larger_reduction_never_gives_a_larger_dose(
    src: tuple[str, str], tgt: tuple[str, str], dose: Fraction
) -> None:
    results = [run(src, dose, tgt, reduce_percent=Fraction(p)) for p in (0, 20, 25, 50, 75)]
    if results[0].refusal:
        return
    exact = [r.suggested_exact.value for r in results if r.suggested_exact]
    assert exact == sorted(exact, reverse=True)


@given(pairs, targets, doses, doses)
def test_results_grow_with_the_dose(
    src: tuple[str, str], tgt: tuple[str, str], d1: Fraction, d2: Fraction
) -> None:
    low, high = sorted((d1, d2))
    a, b = run(src, low, tgt), run(src, high, tgt)
    if a.refusal or b.refusal:
        return
    assert a.equianalgesic and b.equianalgesic
    assert a.equianalgesic.value <= b.equianalgesic.value


@given(pairs, targets, doses)
def test_every_output_carries_its_steps(
    src: tuple[str, str], tgt: tuple[str, str], dose: Fraction
) -> None:
    result = run(src, dose, tgt)
    codes = [s.code for s in result.steps]
    assert codes[0].startswith("source_")
    if result.refusal is None:
        dosing = "patch" if tgt[1] in RATE else "regimen"
        how = "target" if src[0] != tgt[0] else "route_ratio" if src != tgt else "range"
        for needed in ("ome", how, "range", dosing):
            assert any(c.startswith(needed) for c in codes), (needed, codes)
        assert any(c.startswith("reduction_") for c in codes)
        if result.breakthrough is not None:
            assert any(c.startswith("breakthrough") for c in codes)
        else:
            assert "breakthrough_below_step" in {a.code for a in result.alerts}
    for step in result.steps:
        assert step.text("en") and step.text("nb")
        assert not step.text("en").startswith("step.")
