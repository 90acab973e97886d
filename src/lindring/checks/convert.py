"""The checks of ``lindring check`` that run the calculator itself: every conversion
pair computes, round trips through oral morphine return the dose, and patch tables are
monotonic and cover every strength sold."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

from lindring.calc import patches
from lindring.calc.convert import Conversion, convert
from lindring.calc.dose import DoseExpression
from lindring.calc.request import Part, Request
from lindring.checks.tally import Tally, number
from lindring.errors import LindringError
from lindring.model import Factor, Localized, Opioid, Tables
from lindring.numbers import to_decimal_str
from lindring.units import mg_per

PROBE_OME = Fraction(60)  # mg oral morphine per 24 h: a plausible dose for every pair
REFERENCE = ("morphine", "po")

Convert = Callable[[Tables, Request], Conversion]


def _n(value: Fraction) -> str:
    return to_decimal_str(value, 4)


def probe_dose(tables: Tables, drug: Opioid, route: str) -> DoseExpression:
    """About 60 mg OME per 24 h of ``drug`` by ``route``; a strength sold for a patch."""
    factor = drug.routes[route]
    if factor.patch is None:
        mg = PROBE_OME / factor.value
        return DoseExpression(f"{_n(mg)} mg/24h", mg, "mg", mg, None, "per_24h")
    strengths = [rate for p in factor.patch.products for _, rate in p.strengths]
    labels = {rate: label for p in factor.patch.products for label, rate in p.strengths}
    rate = min(strengths, key=lambda r: abs(r * 24 * mg_per("microgram") * factor.value - 60))
    label = Fraction(labels[rate])
    amount = label * mg_per("microgram")
    return DoseExpression(f"{labels[rate]} mcg/h", label, "microgram", amount, None, "per_hour")


def linear_routes(tables: Tables, role: str | None = None) -> list[tuple[Opioid, str]]:
    """Every drug and route with a factor, or those usable as a ``source`` or ``target``
    (a route may be given in one direction only)."""
    from lindring.calc.request import usable

    return [
        (d, r)
        for d in tables.opioids.values()
        if d.status != "nonlinear"
        for r, f in d.routes.items()
        if role is None or usable(f.available, role)
    ]


def pairs(tables: Tables, run: Convert = convert) -> Tally:
    """Each (drug, route) at about 60 mg OME converts to oral morphine and oral morphine
    converts to it; and each route of a drug to each other route of the same drug.

    A change of drug goes through oral morphine, so each end is tried once against the
    reference, linear in the number of routes; what needs both ends is the same drug by
    another route (route ratios, no reduction), tried within each drug. A route given
    in one direction only is tried in that direction. Every conversion to or from a
    non-linear drug must be refused."""
    tally = Tally()
    reference = tables.opioids.get(REFERENCE[0])
    if reference is None or REFERENCE[1] not in reference.routes:
        tally.fail("check.no_reference")
        return tally
    ref_dose = probe_dose(tables, reference, REFERENCE[1])
    nonlinear = [d for d in tables.opioids.values() if d.status == "nonlinear"]
    any_route = next(iter(tables.routes))

    def one(drug: Opioid, route: str, dose: DoseExpression, target: Opioid, to: str) -> None:
        name = f"{drug.key} {route} {dose.text} -> {target.key} {to}"
        problem = _one(tables, Request((Part(drug, route, dose),), target, to), run)
        if problem is None:
            tally.passed += 1
        else:
            tally.fail(problem[0], name, **problem[1])

    sources = set(linear_routes(tables, "source"))
    targets = set(linear_routes(tables, "target"))
    for drug in tables.opioids.values():
        if drug.status == "nonlinear":
            continue
        doses: dict[str, DoseExpression] = {}
        for route in drug.routes:
            if (drug, route) not in sources:
                continue  # given as a target only
            try:
                doses[route] = probe_dose(tables, drug, route)
            except Exception as exc:  # a factor of 0 or a patch without strengths
                tally.fail("check.no_probe_dose", f"{drug.key} {route}", error=type(exc).__name__)
        for route in drug.routes:
            if (drug.key, route) == REFERENCE:
                continue
            if route in doses:
                one(drug, route, doses[route], reference, REFERENCE[1])
            if (drug, route) in targets:
                one(reference, REFERENCE[1], ref_dose, drug, route)
        for route, dose in doses.items():  # the same drug by another route
            for other in drug.routes:
                done = drug.key == REFERENCE[0] and REFERENCE[1] in (route, other)
                if other != route and not done and (drug, other) in targets:
                    one(drug, route, dose, drug, other)
    for drug in nonlinear:  # every conversion to or from a non-linear drug is refused
        one(reference, REFERENCE[1], ref_dose, drug, next(iter(drug.routes), any_route))
        route = next(iter(drug.routes), any_route)
        dose = DoseExpression("30 mg/24h", Fraction(30), "mg", Fraction(30), None, "per_24h")
        one(drug, route, dose, reference, REFERENCE[1])
    return tally


#: why a conversion fails the check: a message code and its parameters
Problem = tuple[str, dict[str, Any]]


def crashed(exc: Exception) -> Problem:
    """An exception in the calculator: a bug the check found."""
    return "check.crashed", {"error": type(exc).__name__, "detail": str(exc)}


def _expect(conv: Conversion, code: str) -> Problem | None:
    """``None`` when ``conv`` is refused with ``code``, else what it was instead."""
    if conv.refusal is None:
        return "check.expected_refusal_got_result", {"expected": code}
    got = conv.refusal.code
    return None if got == code else ("check.expected_refusal", {"expected": code, "got": got})


def _one(tables: Tables, request: Request, run: Convert) -> Problem | None:
    """Why the conversion fails the check, or ``None``."""
    nonlinear = any(d.status == "nonlinear" for d in (request.drug, request.target))
    try:
        conv = run(tables, request)
    except LindringError as exc:
        message = Localized(exc.message("nb"), exc.message("en"))
        return "check.error_raised", {"refusal": exc.code, "message": message}
    except Exception as exc:  # the point of the check: a bug in a pair is a finding
        return crashed(exc)
    if nonlinear:
        return _expect(conv, "nonlinear")
    factor = request.target.routes[request.target_route]
    sold = factor.patch is not None or any(not p.breakthrough_only for p in factor.products)
    if not sold:  # a source only: the conversion must say so
        return _expect(conv, "not_sold")
    ceiling = request.target.ceiling
    above_ceiling = (
        ceiling is not None
        and conv.equianalgesic is not None
        and (conv.equianalgesic.value * mg_per(conv.equianalgesic.unit) > ceiling.value)
    )
    if conv.refusal is not None and conv.refusal.code == "too_small":
        return None  # the reduced dose is below the smallest regimen sold: refusing is right
    if conv.refusal is not None and not (
        above_ceiling and conv.refusal.code in ("too_large", "above_ceiling")
    ):
        return "check.refused", {"refusal": conv.refusal.code}
    if conv.refusal is not None:
        return None  # above the target's maximum daily dose: refusing is right
    eq, low, high = conv.equianalgesic, conv.low, conv.high
    if eq is None or low is None or high is None or conv.suggested is None:
        return "check.no_result", {}
    if not (eq.value > 0 and low.value <= eq.value <= high.value):
        values = {"value": number(eq.value), "low": number(low.value), "high": number(high.value)}
        return "check.outside_range", values
    return None


def round_trips(tables: Tables, run: Convert = convert) -> Tally:
    """dose -> oral morphine -> back to the same drug and route returns the dose exactly."""
    tally = Tally()
    reference = tables.opioids.get(REFERENCE[0])
    if reference is None or REFERENCE[1] not in reference.routes:
        tally.fail("check.no_reference")
        return tally
    both = set(linear_routes(tables, "source")) & set(linear_routes(tables, "target"))
    for drug, route in linear_routes(tables):
        if (drug, route) not in both:
            continue  # given in one direction only: no way back
        name = f"{drug.key} {route} -> {' '.join(REFERENCE)} -> {drug.key} {route}"
        try:
            dose = probe_dose(tables, drug, route)
            there = run(tables, Request((Part(drug, route, dose),), reference, REFERENCE[1]))
            back = None
            if there.equianalgesic is not None:
                ome = there.equianalgesic.value
                back_dose = DoseExpression(f"{_n(ome)} mg/24h", ome, "mg", ome, None, "per_24h")
                back = run(
                    tables, Request((Part(reference, REFERENCE[1], back_dose),), drug, route)
                )
        except Exception as exc:
            code, values = crashed(exc)
            tally.fail(code, name, **values)
            continue
        if back is None or back.equianalgesic is None:
            tally.fail("check.no_result", name)
            continue
        start, end = there.parts[0].daily.value, back.equianalgesic.value
        if start == end:
            tally.passed += 1
        else:
            tally.fail("check.round_trip_changed", name, start=number(start), end=number(end))
    return tally


def patch_tables(tables: Tables, run: Convert = convert) -> Tally:
    """Strengths rise, every strength sold can be typed and suggested, results rise."""
    tally = Tally()
    reference = tables.opioids.get(REFERENCE[0])
    for drug in tables.opioids.values():
        for route, factor in drug.routes.items():
            if factor.patch is not None:
                _patch(tally, drug, route, factor, reference, tables, run)
    return tally


def _patch(
    tally: Tally,
    drug: Opioid,
    route: str,
    factor: Factor,
    reference: Opioid | None,
    tables: Tables,
    run: Convert,
) -> None:
    patch = factor.patch
    assert patch is not None
    name = f"{drug.key} {route}"
    for product in patch.products:
        rates = [rate for _, rate in product.strengths]
        labels = [Fraction(label) for label, _ in product.strengths]
        rising = rates == sorted(set(rates)) and labels == sorted(set(labels))
        tally.item(rising, "check.strengths_not_rising", f"{name} {product.product}")
        for label, rate in product.strengths:
            typed = patches.delivered(patch, Fraction(label))
            chosen = patches.choose(patch, rate)
            ok = typed == rate and chosen is not None and chosen.rate == rate
            tally.item(ok, "check.strength_unreachable", f"{name} {label}")
            if rate > patch.max_rate:
                tally.note(
                    "check.note_sold_above_max", f"{name} {label}", top=number(patch.max_rate)
                )
    largest = max(rate for p in patch.products for _, rate in p.strengths)
    if largest * patch.max_patches >= patch.max_rate:
        tally.passed += 1
    else:
        most, most_rate = str(patch.max_patches), number(patch.max_rate)
        values = {"count": most, "largest": number(largest), "top": most_rate}
        tally.fail("check.patches_short", name, **values)
    if reference is None or REFERENCE[1] not in reference.routes:
        return
    previous = Fraction(-1)
    per_ome = 1 / (factor.value * 24 * mg_per("microgram"))  # microgram/h per mg OME/24h
    top = patch.max_rate / per_ome
    for step in range(1, 21):  # oral morphine from 1/20 to all of max_rate's OME
        ome = top * step / 20
        dose = DoseExpression(f"{_n(ome)} mg/24h", ome, "mg", ome, None, "per_24h")
        conv = run(tables, Request((Part(reference, REFERENCE[1], dose),), drug, route))
        rate = conv.suggested.value if conv.suggested else Fraction(0)
        if rate >= previous:
            tally.passed += 1
        else:
            tally.fail("check.patch_falls", name, ome=number(ome), rate=number(rate))
        previous = rate
