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

The sweep calls the steps of ``convert`` (``tolerance.plan_start`` and the two halves of
``start.choose_start``) target by target, so its cost grows with the number of
routes, not with their pairs; identical sweeps (the same products, factor and unit, or
a route change from routes with the same ratio) run once per process, so guideline
profiles that share targets with the Norwegian table share their sweeps too.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cache
from typing import Any

from lindring.calc.daily import RATE_UNIT, in_unit
from lindring.calc.regimen import Ladder
from lindring.calc.request import usable
from lindring.calc.route_ratio import between
from lindring.calc.start import choose_found, choose_found_at, most_daily, start_ladders
from lindring.calc.tolerance import plan_start
from lindring.checks.tally import Tally, number
from lindring.model import Opioid, ReductionRule, Tables

#: target, floor, ceiling, and the least start / equianalgesic dose the check allows
Plan = tuple[Fraction, Fraction, Fraction, Fraction]

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
            if implied == ratio.ratio:
                tally.passed += 1
                continue
            tally.fail(
                "check.ratio_disagrees",
                f"{drug.key} {' : '.join(ratio.routes)}",
                ratio=number(ratio.ratio),
                implied=number(implied),
                second_route=ratio.routes[1],
                second=number(second.value),
                first_route=ratio.routes[0],
                first=number(first.value),
            )
        routes = list(drug.routes)
        for i, old in enumerate(routes):
            for new in routes[i + 1 :]:
                there, back = between(drug, old, new), between(drug, new, old)
                tally.item(there is not None, "check.no_route_ratio", drug.key, old=old, new=new)
                if there is not None and back is not None:
                    tally.item(
                        there.value * back.value == 1,
                        "check.ratio_not_inverse",
                        f"{drug.key} {old} -> {new} -> {old}",
                    )
    return tally


def start_doses(tables: Tables) -> Tally:
    """The start-dose sweep (module doc); notes give the smallest start found per kind.

    A route change from any route of the drug gives the same equianalgesic dose per mg
    OME when the route ratios agree with the factors (``route_ratios``), and two targets
    with the same products, factor, unit and ceiling give the same starts: each distinct
    sweep runs once and its findings are named for every target that shares it."""
    tally = Tally()
    doses = sweep()
    plans = {same: _unit_plans(tables.reduction, tuple(doses), same) for same in (False, True)}
    least: dict[str, tuple[Fraction, str, Fraction]] = {}
    done = _SWEPT
    for drug in tables.opioids.values():
        for route, factor in drug.routes.items():
            if factor.patch is None and not any(not p.breakthrough_only for p in factor.products):
                continue  # a source only: conversions to it are refused (not_sold)
            if not usable(factor.available, "target"):
                continue  # a source only by the table's word
            for old, per_ome in _sources(drug, route):
                unit = RATE_UNIT if factor.patch is not None else drug.unit
                ceiling = drug.ceiling.value if drug.ceiling is not None else None
                rules = (tables.reduction, tables.regimen.max_units_per_dose)
                key = (old is None, per_ome, factor.products, factor.patch, unit, ceiling, rules)
                if key not in done:
                    same = old is not None
                    done[key] = _sweep(tables, drug, route, per_ome, same, doses, plans[same])
                swept = done[key]
                name = f"{drug.key} {route}" if old is None else f"{drug.key} {old} -> {route}"
                tally.passed += swept.passed * (1 if old is None else old.count("/") + 1)
                for ome, code, values in swept.failures:
                    tally.fail(code, name, ome=number(ome), **values)
                if swept.failures and swept.cut:
                    tally.fail("check.more_not_shown", name)
                if swept.least is not None:
                    kind = (
                        "check.note_least_drug_change"
                        if old is None
                        else "check.note_least_route_change"
                    )
                    ratio, ome = swept.least
                    if ratio < least.get(kind, (Fraction(2), "", ome))[0]:
                        least[kind] = (ratio, name, ome)
    for kind, (ratio, where, ome) in sorted(least.items()):
        tally.note(kind, where=where, ratio=number(ratio), ome=number(ome))
    return tally


#: each distinct sweep by everything it depends on (:func:`start_doses`), kept for the
#: process: ``check`` runs on every guideline profile, which share most targets
_SWEPT: dict[tuple[object, ...], _Swept] = {}


def _sources(drug: Opioid, route: str) -> list[tuple[str | None, Fraction]]:
    """Where a start on ``route`` comes from, with its equianalgesic mg per mg OME: a
    change of drug (``None``), and each other route of the drug; routes giving the same
    figure share one sweep (their names are joined)."""
    found: dict[Fraction, list[str]] = {}
    for old, factor in drug.routes.items():
        if old != route and usable(factor.available, "source"):
            through = between(drug, old, route)
            value = through.value if through else drug.routes[route].value / drug.routes[old].value
            found.setdefault(value / drug.routes[old].value, []).append(old)
    return [(None, 1 / drug.routes[route].value)] + [
        ("/".join(olds), per_ome) for per_ome, olds in found.items()
    ]


@dataclass
class _Swept:
    """What one sweep found: items passed, failures (at a dose of OME), whether failures
    were cut short, and the smallest start / equianalgesic (with its dose)."""

    passed: int = 0
    failures: list[tuple[Fraction, str, dict[str, Any]]] = field(default_factory=list)
    cut: bool = False
    least: tuple[Fraction, Fraction] | None = None


def _sweep(
    tables: Tables,
    drug: Opioid,
    route: str,
    per_ome: Fraction,
    same: bool,
    doses: list[Fraction],
    plans: list[Plan],
) -> _Swept:
    """Sweep one target: a route change of the same drug (``same``) or a change of drug,
    the equianalgesic dose being ``per_ome`` mg per mg OME.

    The steps of ``choose_start`` are called directly with the target's ladders, found
    once. The plan is linear in the equianalgesic dose, so it is found once per dose in
    mg OME (:func:`_unit_plans`) and scaled, exactly. Failure
    messages are built only for failures."""
    factor = drug.routes[route]
    unit = RATE_UNIT if factor.patch is not None else drug.unit
    scale = in_unit(per_ome, unit)  # the route's unit per mg OME
    sn, sd = scale.numerator, scale.denominator
    every, _ = start_ladders(tables, drug, route)
    most = most_daily(drug, route)  # a start never exceeds the maximum daily dose
    cap = None if most is None else (most.numerator, most.denominator)
    # the drug's maximum daily dose in mg OME (beyond it the ceiling alert applies)
    ceiling = drug.ceiling.value / per_ome if drug.ceiling is not None else None
    # the doses are sorted: those from this index on are beyond the ceiling
    beyond = len(doses) if ceiling is None else bisect_right(doses, ceiling)
    out = _Swept()
    fail = out.failures
    previous: Fraction | None = None
    smallest: tuple[int, int, Fraction] | None = None  # start / equianalgesic, and its dose
    for at, (ome, (target, floor, top, least)) in enumerate(zip(doses, plans, strict=True)):
        # scaled with integers (the same exact values as ``ome * scale`` and so on);
        # the equianalgesic dose ``en / ed`` is made a fraction only for a message
        en, ed = ome.numerator * sn, ome.denominator * sd
        # target, floor and top scaled as ratios of integers: no fraction (and no gcd)
        # per dose unless a rare branch below needs one
        at_target = (target.numerator * sn, target.denominator * sd)
        at_top = (top.numerator * sn, top.denominator * sd)
        at_floor = (floor.numerator * sn, floor.denominator * sd)
        found, why, _ = choose_found_at(every, every, at_target, at_floor, at_top, cap)
        if found is None:
            small = why == "too_small"
            if small and previous is not None:
                fail.append((ome, "check.start_too_small", {}))
            elif small:
                out.passed += 1
                continue
            else:
                out.passed += 1
                break  # too large for the products: so are all larger doses
            continue
        start = found[0]
        start_n, start_d = start.numerator, start.denominator
        checks = 2
        if start_n <= 0:
            fail.append((ome, "check.start_nothing", {}))
            checks -= 1
        if start_n * ed > en * start_d:
            above: dict[str, Any] = {"start": number(start), "dose": number(Fraction(en, ed))}
            fail.append((ome, "check.start_above", above))
            checks -= 1
        if previous is not None:
            checks += 1
            if start_n * previous.denominator < previous.numerator * start_d:
                values = {"start": number(start), "unit": unit, "previous": number(previous)}
                fail.append((ome, "check.start_falls", values))
                checks -= 1
        previous = start
        out.passed += checks
        if at >= beyond:
            continue  # beyond the drug's maximum daily dose: the ceiling alert applies
        rn, rd = start_n * ed, start_d * en  # start / equianalgesic, as integers
        if rn * least.denominator >= least.numerator * rd or (
            Fraction(*at_target) >= least * Fraction(en, ed)
            and _largest_within(every, Fraction(*at_top), start)
        ):
            out.passed += 1
        else:
            fail.append((ome, "check.start_low", {"ratio": number(Fraction(rn, rd))}))
        if smallest is None or rn * smallest[1] < smallest[0] * rd:
            smallest = (rn, rd, ome)
        if len(fail) > 5:  # one broken target is enough to show
            out.cut = True
            break
    if smallest is not None:
        out.least = (Fraction(smallest[0], smallest[1]), smallest[2])
    return out


@cache
def _unit_plans(rule: ReductionRule, doses: tuple[Fraction, ...], same: bool) -> list[Plan]:
    """For a route change of the same drug (``same``) or a change of drug, at each dose
    of OME: the target, floor and ceiling of the start in mg OME
    (``tolerance.plan_start`` for a target of factor 1) and the least start the check
    allows; the same for every table with this rule."""
    found = []
    for ome in doses:
        if same:
            plan = plan_start(rule, ome, ome, Fraction(0))
            least = SAME_DRUG_LEAST
        else:
            plan = plan_start(rule, ome, Fraction(0), ome)
            # a rule whose band reaches further down (a guideline's 50-75 %) allows less
            least = min(DRUG_CHANGE_LEAST, (100 - plan.reduction.band_high) / 100)
        found.append((plan.target, plan.floor, plan.ceiling, least))
    return found


def _largest_within(every: tuple[Ladder, ...], ceiling: Fraction, daily: Fraction) -> bool:
    """Is ``daily`` the largest regimen at or below the band's ``ceiling`` (so only the
    products sold keep the start where it is)?"""
    largest, _, _ = choose_found(every, every, ceiling, ceiling, ceiling)
    return largest is not None and largest[0] == daily
