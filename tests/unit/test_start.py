"""The pieces of the start dose: the reduction plan, practical regimens, route ratios.

Expected values are worked by hand from the rule each function implements (written
beside them), not taken from running the code.
"""

from __future__ import annotations

from fractions import Fraction as F

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lindring.calc import regimen
from lindring.calc.route_ratio import between
from lindring.calc.tolerance import percents, plan_start
from lindring.model import Band, Localized, Opioid, Product, ReductionRule, RouteRatio, Tables

RULE = ReductionRule(
    F(200), Band(F(25), F(20), F(30)), Band(F(50), F(50), F(50)), F(75), Localized("", ""), ()
)


def test_below_the_threshold_the_lower_band() -> None:
    assert percents(RULE, F(199)) == (25, 20, 30)


def test_at_the_threshold_the_reduced_dose_does_not_drop() -> None:
    # 200 mg OME: 50 % would give 100, less than 150 just below; capped at 25 %
    assert percents(RULE, F(200)) == (25, 20, 30)
    # 240: 100 - 75 x 200 / 240 = 37.5 % (the start stays at 150 mg OME)
    assert percents(RULE, F(240))[0] == F(75, 2)
    # 300: the default reaches the handbook's 50 % (100 - 75 x 200 / 300); the band's
    # smallest reduction is still capped: 100 - 80 x 200 / 300 = 46.67 %
    assert percents(RULE, F(300)) == (50, F(140, 3), 50)
    assert percents(RULE, F(600)) == (50, 50, 50)


@given(st.fractions(min_value=1, max_value=3000), st.fractions(min_value=1, max_value=3000))
def test_the_reduced_dose_never_falls_as_the_dose_rises(a: F, b: F) -> None:
    low, high = sorted((a, b))
    assert plan_start(RULE, low, F(0), low).target <= plan_start(RULE, high, F(0), high).target


def test_a_route_change_is_not_reduced_and_a_mixed_one_only_in_part() -> None:
    same = plan_start(RULE, F(60), F(20), F(0))
    assert (same.reduction.reason, same.target, same.ceiling) == ("route_change", 20, 20)
    assert same.floor == 15  # what the products may lose before there is no start: 25 %
    # 20 mg from the same drug (unreduced) + 20 mg from another (25 % off: 15)
    mixed = plan_start(RULE, F(120), F(20), F(20))
    assert (mixed.reduction.reason, mixed.target) == ("part_drug_change", 35)
    assert (mixed.floor, mixed.ceiling) == (34, 36)  # 30 % and 20 % off the other part


def test_a_chosen_reduction_replaces_the_band_on_the_whole_dose() -> None:
    chosen = plan_start(RULE, F(120), F(20), F(20), override_percent=F(40))
    assert (chosen.target, chosen.floor, chosen.ceiling) == (24, 24, 24)


DOLCONTIN = Product("Dolcontin", "tablet", "modified", (12,), (), (F(5), F(10), F(30)))
MIKSTUR = Product("mikstur", "solution", "immediate", (4,), (), (), F(2), F(1, 2), F(10))


def test_tablets_combine_up_to_three_units() -> None:
    ladder = regimen.ladders((DOLCONTIN,), 3)[0]
    # 45 mg per 12 h is at most 22.5 per dose: 10 + 10 = 20 (30 is too much)
    found = ladder.below(F(45))
    assert found is not None and (found.dose, found.units, found.daily) == (20, (10, 10), 40)
    assert ladder.below(F(9)) is None  # 4.5 per dose: below the 5 mg tablet
    assert ladder.largest().dose == 90  # three 30 mg tablets


def test_a_liquid_is_measured_in_volume_steps_up_to_its_largest_dose() -> None:
    ladder = regimen.ladders((MIKSTUR,), 3)[0]
    # 2 mg/ml in 0.5 ml steps: 1 mg steps; 6 doses a day
    found = ladder.below(F(40))  # 6.66 per dose -> 6 mg = 3 ml
    assert found is not None and (found.dose, found.volume_ml, found.daily) == (6, 3, 36)
    capped = ladder.below(F(600))  # 100 per dose, capped at 10 ml = 20 mg
    assert capped is not None and capped.dose == 20


def test_choose_takes_the_next_regimen_up_only_within_the_band() -> None:
    options = regimen.ladders((DOLCONTIN,), 3)  # daily totals 10, 20, 30, 40, 50, 60, ...
    # target 55 (floor 52, ceiling 58): 50 is below the floor, 60 above the ceiling
    assert regimen.choose(options, F(55), F(52), F(58)).daily == 50  # type: ignore[union-attr]
    # target 55 (floor 52, ceiling 60): 60 is within the band: taken
    assert regimen.choose(options, F(55), F(52), F(60)).daily == 60  # type: ignore[union-attr]
    # nothing at or below, and the smallest above the ceiling: no start
    assert regimen.choose(options, F(7), F(6), F(8)) is None


@given(st.fractions(min_value=0, max_value=2000, max_denominator=100))
def test_choose_is_monotonic_with_the_handbooks_band(target: F) -> None:
    options = regimen.ladders((DOLCONTIN, MIKSTUR), 3)
    step = F(1, 7)

    def start(t: F) -> F:
        found = regimen.choose(options, t, t * F(28, 30), t * F(32, 30))
        return F(0) if found is None else found.daily

    assert start(target) <= start(target + step)


SEVOFEM = Product("Sevofem", "tablet", "immediate", (4, 6), (), (F(5), F(20)))
SIRUP = Product("sirup", "solution", "immediate", (4, 6), (), (), F(1), F(5, 2), None)


@given(st.fractions(min_value=0, max_value=3000, max_denominator=1000))
def test_every_ladder_searched_at_once_finds_what_each_ladder_alone_does(daily: F) -> None:
    # several products and intervals, a liquid with and one without a largest dose, and
    # totals several ladders share (20 mg x4 = 80 = 5 mg x... per 6 h): the search over
    # all of them must give what asking each ladder in turn gives (the earlier on a tie)
    options = regimen.ladders((DOLCONTIN, SEVOFEM, MIKSTUR, SIRUP), 3)
    each = [(found, at) for at, ladder in enumerate(options) if (found := ladder.below(daily))]
    if each:
        most = max(found.daily for found, _ in each)
        first = min(at for found, at in each if found.daily == most)
        lower = regimen.below(options, daily)
        assert lower is not None and lower.daily == most
        assert lower.product is options[first].product
        assert lower.interval_hours == options[first].interval_hours
    else:
        assert regimen.below(options, daily) is None
    each = [(found, at) for at, ladder in enumerate(options) if (found := ladder.above(daily))]
    upper = regimen.above(options, daily)
    least = min(found.daily for found, _ in each)  # a liquid without a top is never empty
    first = min(at for found, at in each if found.daily == least)
    assert upper is not None and upper.daily == least and upper.daily > daily
    assert upper.product is options[first].product
    assert upper.interval_hours == options[first].interval_hours


def _drug(ratios: tuple[RouteRatio, ...]) -> Opioid:
    return Opioid("x", Localized("x", "x"), "N02AA01", (), "mg", "normal", None, None, None, (),
                  {}, {}, ratios)  # fmt: skip


def test_route_ratios_chain_and_invert() -> None:
    drug = _drug(
        (
            RouteRatio(("po", "sc"), F(3), F(2), F(3), ("a",)),
            RouteRatio(("sc", "iv"), F(1), F(1), F(1), ("b",)),
        )
    )
    po_to_sc = between(drug, "po", "sc")
    assert po_to_sc is not None and (po_to_sc.value, po_to_sc.low, po_to_sc.high) == (
        F(1, 3),
        F(1, 3),
        F(1, 2),
    )
    sc_to_po = between(drug, "sc", "po")
    assert sc_to_po is not None and sc_to_po.value == 3
    iv = between(drug, "po", "iv")  # through sc
    assert iv is not None and iv.value == F(1, 3) and iv.sources == ("a", "b")
    assert iv.path == ("po", "sc", "iv")
    assert between(drug, "po", "rectal") is None


def test_the_shipped_table_relates_every_route_of_a_drug(tables: Tables) -> None:
    for drug in tables.opioids.values():
        for old in drug.routes:
            for new in drug.routes:
                found = between(drug, old, new)
                assert found is not None, (drug.key, old, new)
                # the factors agree: converting through oral morphine gives the same
                assert found.value == drug.routes[old].value / drug.routes[new].value


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("morphine 20mg po to fentanyl td", "too_small_patch"),
        ("oxycodone 10mg x2 po to hydromorphone sc", "too_small"),
        ("morphine 1600mg po to fentanyl td", "too_large"),
        ("morphine 60mg po to tramadol iv", "not_sold"),
        ("morphine 100mg po to tramadol po", "above_ceiling"),  # needs 467-533 mg
    ],
)
def test_no_plan_of_nothing(tables: Tables, line: str, code: str) -> None:
    from lindring.calc.convert import convert
    from lindring.calc.request import parse_request

    result = convert(tables, parse_request(tables, line.split()))
    assert result.refusal is not None and result.refusal.code == code
    assert result.suggested is None and result.equianalgesic is not None
    assert result.refusal.text("nb") and result.refusal.text("en")


@given(
    st.sampled_from(
        [("morphine", "po"), ("oxycodone", "po"), ("morphine", "sc"), ("fentanyl", "td")]
    ),
    st.fractions(min_value=F(1, 10), max_value=2000),
    st.fractions(min_value=F(1, 2), max_value=1),
    st.fractions(min_value=1, max_value=F(3, 2)),
    st.integers(min_value=1, max_value=10**6),
)
def test_the_search_on_unreduced_ratios_finds_what_the_fractions_find(
    tables: Tables, where: tuple[str, str], target: F, low: F, high: F, k: int
) -> None:
    """``lindring check``'s sweep searches with ratios of integers that are not in
    lowest terms (its doses scaled by a factor, numerator and denominator apart): the
    same regimen, and the same reason for none, as with the fractions themselves."""
    from lindring.calc.start import choose_found, choose_found_at, start_ladders

    every, _ = start_ladders(tables, tables.opioids[where[0]], where[1])
    floor, ceiling = target * low, target * high

    def ratio(x: F) -> tuple[int, int]:
        return x.numerator * k, x.denominator * k

    found = choose_found(every, every, target, floor, ceiling)
    assert choose_found_at(every, every, ratio(target), ratio(floor), ratio(ceiling)) == found
    assert regimen.choose_found_at(every, ratio(target), ratio(floor), ratio(ceiling)) == (
        regimen.choose_found(every, target, floor, ceiling)
    )


#: the maximum daily doses of the product texts (Palexia depot: more than 500 mg a day
#: not recommended; Nobligan: 400 mg; Paralgin forte: 8 tablets of 30 mg codeine)
MAXIMUM_DAILY_MG = {"tapentadol": 500, "tramadol": 400, "codeine": 240}


@given(
    st.sampled_from(sorted(MAXIMUM_DAILY_MG)),
    st.sampled_from([("morphine", "po"), ("oxycodone", "po"), ("morphine", "sc")]),
    st.fractions(min_value=1, max_value=600, max_denominator=4),
)
def test_a_start_is_never_above_the_drugs_maximum_daily_dose(
    tables: Tables, target: str, source: tuple[str, str], mg: F
) -> None:
    from lindring.calc.convert import convert
    from lindring.calc.dose import parse_dose
    from lindring.calc.request import Part, Request

    drug, route = tables.opioids[source[0]], source[1]
    dose = parse_dose(f"{float(mg):.2f} mg/24h")
    result = convert(tables, Request((Part(drug, route, dose),), tables.opioids[target], "po"))
    if result.suggested is not None:
        assert result.suggested.value <= MAXIMUM_DAILY_MG[target]
    elif result.refusal is not None and result.refusal.code == "above_ceiling":
        # refused only where even the band's floor is above the maximum (the band shown
        # whole, low to high)
        assert result.start_low is not None and result.start_high is not None
        assert result.start_low.value > MAXIMUM_DAILY_MG[target]
        assert result.start_low.value <= result.start_high.value


def test_tapentadol_at_150_mg_oral_morphine_is_refused_not_started_at_600_mg(
    tables: Tables,
) -> None:
    from lindring.calc.convert import convert
    from lindring.calc.request import parse_request

    # 150 mg oral morphine / 0.2 (Hdir) = 750 mg tapentadol, less 25 % = 562.5 mg: above
    # the 500 mg maximum, and so is the band's floor (less 30 %: 525 mg)
    line = "morphine 75mg x2 po to tapentadol po"
    result = convert(tables, parse_request(tables, line.split()))
    assert result.refusal is not None and result.refusal.code == "above_ceiling"
    assert "500 mg" in result.refusal.text("en")
    # 120 mg: 600 mg less 25 % = 450 mg, within the maximum: 75 mg every 4 hours
    line = "morphine 60mg x2 po to tapentadol po"
    result = convert(tables, parse_request(tables, line.split()))
    assert result.suggested is not None and result.suggested.value == 450


def test_the_starts_supported_end_at_the_maximum_daily_dose(tables: Tables) -> None:
    from lindring.batch.check import check_prescribed
    from lindring.calc.convert import convert
    from lindring.calc.dose import parse_dose
    from lindring.calc.request import parse_request

    # 140 mg oral morphine / 0.2 = 700 mg tapentadol; the band (less 20-30 %) is 490 to
    # 560 mg, above the 500 mg maximum in part: the starts supported end at 500
    line = "morphine 70mg x2 po to tapentadol po"
    result = convert(tables, parse_request(tables, line.split()))
    assert result.start_high is not None and result.start_high.value == 500
    assert result.suggested is not None and result.suggested.value <= 500
    check = check_prescribed(result, parse_dose("550 mg"))
    assert check is not None and check.verdict != "within"
