"""The start (step 5 of the conversion, ``docs/conversion.md``): the practical regimen of
products sold for the reduced dose, or why there is none.

The regimen is the largest one sold that does not exceed the reduced dose, or the next
one up while it stays within the handbook's band (:mod:`lindring.calc.regimen`); never
above the drug's maximum daily dose. With none, the reason: nothing sold by the route
(``not_sold``), the smallest regimen above the band (``too_small``,
``too_small_patch``), the largest below it (``too_large``), or the band above the
maximum daily dose (``above_ceiling``).
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache

from lindring.calc import patches, regimen
from lindring.calc.daily import RATE_UNIT, in_unit, mg_daily
from lindring.calc.request import Request
from lindring.calc.tolerance import StartPlan, plan_start
from lindring.calc.working import Refusal
from lindring.model import Amount, Opioid, Tables
from lindring.records import record
from lindring.units import mg_per


@record
class Start:
    """The start chosen for a plan: a ``regimen``, or ``None`` and ``why`` not
    (``not_sold``, ``too_small``, ``too_large``, ``above_ceiling``); ``moved`` when the
    preferred interval had to give way."""

    regimen: regimen.Regimen | None
    why: str = ""
    moved: bool = False


def choose_start(
    tables: Tables, drug: Opioid, route: str, plan: StartPlan, interval: int | None = None
) -> Start:
    """The practical regimen of ``drug`` by ``route`` for ``plan`` (amounts in mg per
    24 h; module doc, step 5). A dose the products cannot reach within the handbook's
    band (the largest regimen sold is below it) gets no start (``too_large``), nor one
    whose band lies above the drug's maximum daily dose (``above_ceiling``)."""
    return _start(tables, drug, route, plan.target, plan.floor, plan.ceiling, interval)


@lru_cache(maxsize=4096)
def plan_of(
    tables: Tables,
    ome: Fraction,
    same_mg: Fraction,
    other_mg: Fraction,
    reduce_percent: Fraction | None,
    included: bool,
) -> StartPlan:
    """:func:`~lindring.calc.tolerance.plan_start` under the table's reduction rule (a
    batch's conversions come to the same few plans again and again)."""
    return plan_start(tables.reduction, ome, same_mg, other_mg, reduce_percent, included)


@lru_cache(maxsize=4096)
def _start(
    tables: Tables,
    drug: Opioid,
    route: str,
    target: Fraction,
    floor: Fraction,
    ceiling: Fraction,
    interval: int | None,
) -> Start:
    """:func:`choose_start` of the plan's three amounts (a batch's conversions come to
    the same few thousand of them again and again)."""
    factor = drug.routes[route]
    unit = RATE_UNIT if factor.patch is not None else drug.unit
    every, ladders = start_ladders(tables, drug, route, interval)
    at, low, top = (in_unit(v, unit) for v in (target, floor, ceiling))
    found, why, moved = choose_found(every, ladders, at, low, top, most_daily(drug, route))
    return Start(None if found is None else regimen.made(found), why, moved)


def most_daily(drug: Opioid, route: str) -> Fraction | None:
    """The drug's maximum daily dose in the route's unit (a start never exceeds it);
    ``None`` without one (a patch's own maximum is a warning: ``patch_above_max``)."""
    if drug.ceiling is None or drug.routes[route].patch is not None:
        return None
    return in_unit(drug.ceiling.value, drug.unit)


def start_ladders(
    tables: Tables, drug: Opioid, route: str, interval: int | None = None
) -> tuple[tuple[regimen.Ladder, ...], tuple[regimen.Ladder, ...]]:
    """Every ladder of ``drug`` by ``route``, and those at ``interval`` (the same when
    ``interval`` is ``None`` or a patch); no ladders: nothing is sold."""
    factor = drug.routes[route]
    if factor.patch is not None:
        every = regimen.patch_ladders(factor.patch)
        return every, every
    most = tables.regimen.max_units_per_dose
    every = regimen.ladders(factor.products, most)
    return every, regimen.ladders(factor.products, most, interval) if interval else every


def choose_found(
    every: tuple[regimen.Ladder, ...],
    ladders: tuple[regimen.Ladder, ...],
    target: Fraction,
    floor: Fraction,
    ceiling: Fraction,
    cap: Fraction | None = None,
) -> tuple[regimen.Found | None, str, bool]:
    """The start for ``target`` once the ladders are known (``every``; ``ladders``: those
    at the interval asked for) and the amounts are in the route's unit, never above
    ``cap`` (the drug's maximum daily dose): the daily total, single dose and ladder
    found (or ``None``; :func:`regimen.made` makes the regimen), why none, and whether
    the interval had to give way."""
    ratio = regimen.ratio
    most = None if cap is None else ratio(cap)
    return choose_found_at(every, ladders, ratio(target), ratio(floor), ratio(ceiling), most)


def choose_found_at(
    every: tuple[regimen.Ladder, ...],
    ladders: tuple[regimen.Ladder, ...],
    target: regimen.Ratio,
    floor: regimen.Ratio,
    ceiling: regimen.Ratio,
    cap: regimen.Ratio | None = None,
) -> tuple[regimen.Found | None, str, bool]:
    """:func:`choose_found` on ratios of integers (``regimen.choose_found_at``): what
    the start-dose sweep of ``lindring check`` calls for each of its doses. With ``cap``
    (the drug's maximum daily dose) the target and the band's top are held to it."""
    if not every:
        return None, "not_sold", False
    if cap is not None:
        target, ceiling = _least(target, cap), _least(ceiling, cap)
    found = regimen.choose_found_at(ladders, target, floor, ceiling) if ladders else None
    moved = False
    if found is None and ladders is not every:
        found = regimen.choose_found_at(every, target, floor, ceiling)
        moved = found is not None
    if found is None:
        return None, "too_small", False
    fn, fd = floor
    total = found[0]
    if total.numerator * fd < fn * total.denominator:  # below the band
        if cap is not None and cap[0] * fd < fn * cap[1]:
            return None, "above_ceiling", False  # the drug's maximum daily dose is below it
        if not regimen.any_above(every, total):
            return None, "too_large", False  # the largest regimen sold falls short
    return found, "", moved


def _least(a: regimen.Ratio, b: regimen.Ratio) -> regimen.Ratio:
    return a if a[0] * b[1] <= b[0] * a[1] else b


def no_start(tables: Tables, request: Request, eq: Amount, target: Amount, why: str) -> Refusal:
    """Why no start is given (never a plan of nothing): nothing of the drug by this route
    is sold, the smallest regimen sold is above the reduced dose, the largest is far
    below it, or the drug's maximum daily dose is below the band of starts."""
    tgt, route = request.target, request.target_route
    f_tgt = tgt.routes[route]
    if why == "not_sold":
        where = {"drug": tgt.name, "route": tables.routes[route].name}
        return Refusal("not_sold", where, f_tgt.sources)
    if why == "above_ceiling":
        assert tgt.ceiling is not None
        limit = Amount(in_unit(tgt.ceiling.value, tgt.unit), eq.unit, eq.per_24h)
        over = {"drug": tgt.name, "target": target, "limit": limit}
        return Refusal("above_ceiling", over, tgt.ceiling.sources)
    if why == "too_large":
        ladders = (
            regimen.patch_ladders(f_tgt.patch)
            if f_tgt.patch
            else regimen.ladders(f_tgt.products, tables.regimen.max_units_per_dose)
        )
        top = max((ladder.largest() for ladder in ladders), key=lambda r: r.daily).daily
        cap = most_daily(tgt, route)
        capped = None if cap is None else regimen.below(ladders, cap)
        if capped is not None:  # the largest at most the drug's maximum daily dose
            top = min(top, capped.daily)
        largest = {
            "drug": tgt.name,
            "route": tables.routes[route].name,
            "target": target,
            "largest": Amount(top, eq.unit, eq.per_24h),
        }
        return Refusal("too_large", largest, f_tgt.sources)
    if f_tgt.patch is not None:
        smallest_rate = patches.smallest(f_tgt.patch)
        smallest = Amount(smallest_rate, RATE_UNIT)
        mg = smallest_rate * 24 * mg_per("microgram")
        code = "too_small_patch"
    else:
        ladders = regimen.ladders(f_tgt.products, tables.regimen.max_units_per_dose)
        least = regimen.smallest(ladders)
        assert least is not None  # a dose route has at least one product
        smallest = Amount(least.daily, eq.unit, eq.per_24h)
        mg = least.daily * mg_per(tgt.unit)
        code = "too_small"
    params: dict[str, object] = {
        "drug": tgt.name,
        "route": tables.routes[route].name,
        "target": target,
        "smallest": smallest,
        "ome": mg_daily(mg * f_tgt.value),
    }
    return Refusal(code, params, f_tgt.sources)
