"""Published patch tables used instead of a linear factor (``lookup`` on a patch route).

A guideline or product text may give oral morphine per patch strength as a table that is
not one straight line (a rotation table whose bands widen) or as bands of oral morphine
per strength. Such a table is written as points (rate in microgram/h, mg oral morphine
per 24 h) with its ``interpolation``:

* ``linear``: straight lines between neighbouring points; a rate or an oral morphine
  dose outside the first and last point is outside the table (refused: not extrapolated);
* ``none``: a band table. A rate converted from must be one of the points; oral morphine
  converted to a patch gives the rate of the last point at or below it (the band it
  falls in); below the first point, or from ``up_to`` (where the last band ends), it is
  outside the table.

The conversion itself is unchanged: for the one request, the route's factor is replaced
by the factor the table gives at this dose (oral morphine / mg delivered in 24 h), so
every later step (reduction, patch choice, working) reads as for a linear factor. Pure.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from fractions import Fraction

from lindring.calc.working import Refusal
from lindring.model import Factor, Lookup, Opioid, Tables
from lindring.units import mg_per


def ome_of(lookup: Lookup, rate: Fraction) -> Fraction | None:
    """mg oral morphine per 24 h for a patch of ``rate`` microgram/h, or ``None``."""
    points = lookup.points
    if lookup.interpolation == "none":
        return next((ome for r, ome in points if r == rate), None)
    for (r0, o0), (r1, o1) in itertools.pairwise(points):
        if r0 <= rate <= r1:
            return o0 + (o1 - o0) * (rate - r0) / (r1 - r0)
    return None


def rate_of(lookup: Lookup, ome: Fraction) -> Fraction | None:
    """The patch rate (microgram/h) for ``ome`` mg oral morphine per 24 h, or ``None``."""
    points = lookup.points
    if lookup.interpolation == "none":
        below = [r for r, o in points if o <= ome]
        inside = lookup.up_to is None or ome < lookup.up_to
        return below[-1] if below and inside else None
    for (r0, o0), (r1, o1) in itertools.pairwise(points):
        if o0 <= ome <= o1:
            return r0 + (r1 - r0) * (ome - o0) / (o1 - o0)
    return None


def _delivered_mg(rate: Fraction) -> Fraction:
    return rate * 24 * mg_per("microgram")


def _with(drug: Opioid, route: str, value: Fraction) -> Opioid:
    factor: Factor = drug.routes[route]
    sources = (
        tuple(dict.fromkeys((*factor.lookup.sources, *factor.sources))) if factor.lookup else ()
    )
    routes = dict(drug.routes)
    routes[route] = replace(
        factor, value=value, low=value, high=value, sources=sources, lookup=None
    )
    return replace(drug, routes=routes)


def _outside(tables: Tables, drug: Opioid, route: str, lookup: Lookup) -> Refusal:
    first, last = lookup.points[0], lookup.points[-1]
    params = {
        "drug": drug.name,
        "route": tables.routes[route].name,
        "low": first[0],
        "high": last[0],
        "ome_low": first[1],
        "ome_high": lookup.up_to if lookup.up_to is not None else last[1],
    }
    return Refusal("lookup_outside", params, lookup.sources)


def source_factor(
    tables: Tables, drug: Opioid, route: str, daily_mg: Fraction
) -> tuple[Opioid, Refusal | None]:
    """``drug`` with the factor its table gives at ``daily_mg`` (mg delivered in 24 h)."""
    lookup = drug.routes[route].lookup
    if lookup is None or daily_mg <= 0:
        return drug, None
    ome = ome_of(lookup, daily_mg / (24 * mg_per("microgram")))
    if ome is None:
        return drug, _outside(tables, drug, route, lookup)
    return _with(drug, route, ome / daily_mg), None


def target_factor(
    tables: Tables, drug: Opioid, route: str, ome: Fraction
) -> tuple[Opioid, Refusal | None]:
    """``drug`` with the factor its table gives for ``ome`` mg oral morphine per 24 h."""
    lookup = drug.routes[route].lookup
    if lookup is None or ome <= 0:
        return drug, None
    rate = rate_of(lookup, ome)
    if rate is None:
        return drug, _outside(tables, drug, route, lookup)
    return _with(drug, route, ome / _delivered_mg(rate)), None
