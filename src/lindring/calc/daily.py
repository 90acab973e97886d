"""Daily amounts: mg per 24 h inside a conversion, each drug's own unit in its result.

A conversion works in mg per 24 h; its result gives each amount in the unit the drug
and route are dosed in: mg, microgram, or microgram/h for a patch (:data:`RATE_UNIT`).
"""

from __future__ import annotations

from fractions import Fraction

from lindring.model import Amount, Opioid, Tables
from lindring.units import mg_per

RATE_UNIT = "microgram/h"


def in_unit(mg: Fraction, unit: str) -> Fraction:
    """``mg`` (per 24 h) expressed in ``unit`` (``mg``, ``microgram``, ``microgram/h``)."""
    if unit == "mg":
        return mg  # mg_per("mg") is 1: no division (lindring check calls this often)
    if unit == RATE_UNIT:
        return mg / (mg_per("microgram") * 24)
    return mg / mg_per(unit)


def shown(tables: Tables, drug: Opioid, route: str, mg_per_24h: Fraction) -> Amount:
    """A daily amount in mg as the drug and route are dosed (patches as a rate)."""
    if tables.routes[route].kind == "rate":
        return Amount(in_unit(mg_per_24h, RATE_UNIT), RATE_UNIT)
    return Amount(in_unit(mg_per_24h, drug.unit), drug.unit, per_24h=True)


def mg_daily(value: Fraction) -> Amount:
    """``value`` as an amount of mg per 24 h."""
    return Amount(value, "mg", per_24h=True)


def in_unit_of(like: Amount, mg_per_24h: Fraction) -> Amount:
    """``mg_per_24h`` in the unit of ``like`` (a target amount)."""
    return Amount(in_unit(mg_per_24h, like.unit), like.unit, like.per_24h)
