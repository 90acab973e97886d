"""Breakthrough (rescue) doses.

A breakthrough dose is a fraction of the regular 24-hour dose, taken as needed. The
default fraction and its range come from ``rules.breakthrough`` (the Norwegian
palliative handbook: 1/6 as the usual standard, 1/10 to 1/4 depending on dose and route;
source ``lin-opioider``). It is computed from the start dose and given as a practical
single dose of an immediate-release product of the same drug and route: the largest at
most the fraction; if even the smallest is above it, the smallest when it stays within
the range's top (1/4). With a patch, the rescue drug is the table's ``patch_rescue``
(oral morphine), dosed from the patch's oral morphine equivalent. With a pump, the
pump's bolus is the breakthrough dose (``lindring.calc.pump``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from lindring.calc import regimen
from lindring.calc.working import Alert, Breakthrough
from lindring.model import Amount, Factor, Opioid, Tables
from lindring.units import mg_per

if TYPE_CHECKING:
    from lindring.calc.request import Request


def single_doses(tables: Tables, factor: Factor) -> tuple[regimen.Ladder, ...]:
    """The practical single doses of a route's immediate-release products."""
    return regimen.dose_ladders(factor.products, tables.regimen.max_units_per_dose)


def breakthrough_for(
    tables: Tables, request: Request, start: regimen.Regimen, daily: Amount
) -> tuple[Breakthrough | None, list[Alert]]:
    """The breakthrough dose for a start of ``daily`` (module doc), or ``None`` with an
    alert when no product gives a dose within the handbook's range."""
    found, alerts = _breakthrough(
        tables, request.target, request.target_route, start.patch is not None, daily
    )
    return found, list(alerts)


@lru_cache(maxsize=4096)
def _breakthrough(
    tables: Tables, target: Opioid, target_route: str, patched: bool, daily: Amount
) -> tuple[Breakthrough | None, tuple[Alert, ...]]:
    """:func:`breakthrough_for` of what it depends on: the target, its route, whether
    the start is a patch, and the start's daily dose (a batch asks for the same start
    again and again)."""
    rule = tables.breakthrough
    drug, route = "", ""
    factor = target.routes[target_route]
    unit, amount = daily.unit, daily.value
    if patched:
        drug, route = rule.patch_rescue
        rescue = tables.opioids[drug]
        ome = amount * 24 * mg_per("microgram") * factor.value
        factor = rescue.routes[route]
        unit = rescue.unit
        amount = ome / factor.value / mg_per(unit)
    ladders = single_doses(tables, factor)
    dose = regimen.single_dose(ladders, amount * rule.fraction, amount * rule.high)
    if dose is None:
        smallest = regimen.smallest(ladders)
        step = Amount(smallest.dose, unit) if smallest else None
        return None, (Alert("breakthrough_below_step", {"step": step}),)
    low = regimen.below(ladders, amount * rule.low)
    high = regimen.below(ladders, amount * rule.high)
    return (
        Breakthrough(
            Amount(dose.dose, unit),
            rule.fraction,
            Amount(low.dose if low else dose.dose, unit),
            Amount(high.dose if high else dose.dose, unit),
            drug,
            route,
            dose,
        ),
        (),
    )
