"""The checks of ``lindring check`` on the start dose a clinician acts on.

* ``route_ratios``: every route ratio agrees with the drug's two oral morphine factors
  (else the check names both numbers), every two routes of a drug are related by a
  chain of ratios, and a route change and back returns the dose exactly;
* ``start_doses``: each target drug and route, for a change of drug and for a route
  change of the same drug, over a sweep of daily doses from 2.5 to 1000 mg oral morphine
  equivalent: never a plan of nothing, never above the equianalgesic dose, never a
  smaller start for a larger dose, and the start at least 0.75 (route change) or 0.4
  (change of drug) of the equianalgesic dose, unless only the products sold stand in
  the way (the start is then the largest regimen within the handbook's band). Under a
  rule whose band reduces more (a guideline profile's 50-75 %), the least start for a
  change of drug is the band's own lower end.

The sweep calls the same functions as ``convert`` (``tolerance.plan_start`` and
``convert.choose_start``) once per dose, target by target, so its cost grows with the
number of routes, not with their pairs.
"""

from __future__ import annotations

from fractions import Fraction

from lindring.consistency_convert import Tally
from lindring.convert import RATE_UNIT, choose_start, in_unit
from lindring.model import Opioid, Tables
from lindring.numbers import to_decimal_str
from lindring.regimen import Regimen
from lindring.request import usable
from lindring.route_ratio import between
from lindring.tolerance import StartPlan, plan_start

SAME_DRUG_LEAST = Fraction(3, 4)  # start / equianalgesic, route change of the same drug
DRUG_CHANGE_LEAST = Fraction(2, 5)  # change of drug (the handbook's 50 % plus a step)


def sweep() -> list[Fraction]:
    """Daily oral morphine equivalents from 2.5 to 1000 mg, about 4 % apart, and on both
    sides of every whole 50 mg (where reduction bands change)."""
    found = {Fraction(1000)}
    value = Fraction(5, 2)
    while value < 1000:
        found.add(value)
        value = value * 26 / 25
    for edge in range(50, 1000, 50):
        found.update({Fraction(edge) - Fraction(1, 10), Fraction(edge)})
    return sorted(found)


def route_ratios(tables: Tables) -> Tally:
    tally = Tally()
    for drug in tables.opioids.values():
        for ratio in drug.route_ratios:
            first, second = (drug.routes[r] for r in ratio.routes)
            implied = second.value / first.value
            tally.item(
                implied == ratio.ratio,
                f"{drug.key} {' : '.join(ratio.routes)}: the route ratio is {_n(ratio.ratio)}, "
                f"but the factors give {_n(implied)} ({ratio.routes[1]} {_n(second.value)} / "
                f"{ratio.routes[0]} {_n(first.value)} per mg)",
            )
        routes = list(drug.routes)
        for i, old in enumerate(routes):
            for new in routes[i + 1 :]:
                there, back = between(drug, old, new), between(drug, new, old)
                tally.item(
                    there is not None,
                    f"{drug.key}: no route ratio relates {old} and {new}: add one with its source",
                )
                if there is not None and back is not None:
                    tally.item(
                        there.value * back.value == 1,
                        f"{drug.key} {old} -> {new} -> {old} does not return the dose",
                    )
    return tally


def start_doses(tables: Tables) -> Tally:
    """The start-dose sweep (module doc); notes give the smallest start found per kind."""
    tally = Tally()
    doses = sweep()
    least: dict[str, tuple[Fraction, str]] = {}
    for drug in tables.opioids.values():
        for route, factor in drug.routes.items():
            if factor.patch is None and not any(not p.breakthrough_only for p in factor.products):
                continue  # a source only: conversions to it are refused (not_sold)
            if not usable(factor.available, "target"):
                continue  # a source only by the table's word
            _one_target(tables, tally, least, drug, route, None, doses)
            for old in drug.routes:
                if old != route and usable(drug.routes[old].available, "source"):
                    _one_target(tables, tally, least, drug, route, old, doses)
    for kind, (ratio, where) in sorted(least.items()):
        tally.notes.append(f"smallest start for a {kind}: {_n(ratio)} x equianalgesic ({where})")
    return tally


#: a target's sweep by everything it depends on: guideline profiles share most targets
#: with the Norwegian table, so each is swept once per process
_SWEPT: dict[tuple[object, ...], tuple[Tally, dict[str, tuple[Fraction, str]]]] = {}


def _one_target(
    tables: Tables,
    tally: Tally,
    least: dict[str, tuple[Fraction, str]],
    drug: Opioid,
    route: str,
    old: str | None,
    doses: list[Fraction],
) -> None:
    """Sweep one target (:func:`_sweep_target`), or reuse the sweep of a target that
    depends on the same numbers, products and rules."""
    factor = drug.routes[route]
    through = None if old is None else between(drug, old, route)
    key = (
        drug.key,
        drug.unit,
        drug.ceiling,
        route,
        old,
        factor.value,
        factor.products,
        factor.patch,
        None if old is None else drug.routes[old].value,
        None if through is None else through.value,
        tables.reduction,
        tables.regimen.max_units_per_dose,
        tuple(doses),
    )
    if key not in _SWEPT:
        mine, found = Tally(), dict[str, tuple[Fraction, str]]()
        _sweep_target(tables, mine, found, drug, route, old, doses)
        _SWEPT[key] = (mine, found)
    mine, found = _SWEPT[key]
    tally.passed += mine.passed
    tally.failures.extend(mine.failures)
    for kind, pair in found.items():
        if pair[0] < least.get(kind, (Fraction(2), ""))[0]:
            least[kind] = pair


def _sweep_target(
    tables: Tables,
    tally: Tally,
    least: dict[str, tuple[Fraction, str]],
    drug: Opioid,
    route: str,
    old: str | None,
    doses: list[Fraction],
) -> None:
    """Sweep one target: a change of drug (``old`` is ``None``) or from route ``old``."""
    factor = drug.routes[route]
    unit = RATE_UNIT if factor.patch is not None else drug.unit
    kind = "change of drug" if old is None else "route change"
    name = f"{drug.key} {route}" + ("" if old is None else f" from {old}")
    through = None if old is None else between(drug, old, route)
    previous: Fraction | None = None
    failures = len(tally.failures)
    for ome in doses:
        if old is None:
            eq_mg = ome / factor.value
            plan = plan_start(tables.reduction, ome, Fraction(0), eq_mg)
        else:
            value = through.value if through else factor.value / drug.routes[old].value
            eq_mg = ome / drug.routes[old].value * value
            plan = plan_start(tables.reduction, ome, eq_mg, Fraction(0))
        chosen = choose_start(tables, drug, route, plan)
        found = chosen.regimen
        eq = in_unit(eq_mg, unit)
        where = f"{name} at {_n(ome)} mg OME"
        if found is None:
            small = chosen.why == "too_small"
            tally.item(not small or previous is None, f"{where}: too small, after a start")
            if not small:
                break  # too large for the products: so are all larger doses
            continue
        start = found.daily
        tally.item(start > 0, f"{where}: a plan of nothing")
        tally.item(start <= eq, f"{where}: start {_n(start)} above the equianalgesic {_n(eq)}")
        if previous is not None:
            tally.item(
                start >= previous,
                f"{where}: start {_n(start)} {unit} is smaller than {_n(previous)} at a lower dose",
            )
        previous = start
        if drug.ceiling is not None and eq_mg > drug.ceiling.value:
            continue  # beyond the drug's maximum daily dose: the ceiling alert applies
        ratio = start / eq
        # a rule whose band reaches further down (a guideline's 50-75 %) allows less
        band_floor = (100 - plan.reduction.band_high) / 100
        lowest = SAME_DRUG_LEAST if old else min(DRUG_CHANGE_LEAST, band_floor)
        tally.item(
            ratio >= lowest
            or (
                plan.target >= lowest * eq_mg and _largest_within(tables, drug, route, plan, found)
            ),
            f"{where}: start is only {_n(ratio)} x the equianalgesic dose",
        )
        if ratio < least.get(kind, (Fraction(2), ""))[0]:
            least[kind] = (ratio, where)
        if len(tally.failures) - failures > 5:  # one broken target is enough to show
            tally.failures.append(f"{name}: more failures not shown")
            return


def _largest_within(
    tables: Tables, drug: Opioid, route: str, plan: StartPlan, found: Regimen
) -> bool:
    """Is ``found`` the largest regimen at or below the band's ceiling (so only the
    products sold keep the start where it is)?"""
    plan_at_ceiling = plan_start(tables.reduction, Fraction(0), plan.ceiling, Fraction(0))
    largest = choose_start(tables, drug, route, plan_at_ceiling).regimen
    return largest is not None and largest.daily == found.daily


def _n(value: Fraction) -> str:
    return to_decimal_str(value, 4)
