"""Checks of what is sold (a route's ``products``) and of a drug's ``route_ratios``."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from lindring.errors import params
from lindring.model import Factor, Product, RegimenRule, RouteRatio
from lindring.table import spec
from lindring.table.check.common import Cited, cite, list_of, rising
from lindring.table.checker import Checker
from lindring.table.yamlsource import Path as KeyPath

LIQUIDS = ("solution", "injection", "infusion")


def products(c: Checker, raw: dict[str, Any], path: KeyPath, cited: Cited) -> tuple[Product, ...]:
    """The products of a dose route: solid forms with strengths, liquids with a
    concentration and a measurable volume step. A route without any is a source only."""
    if "products" not in raw:
        return ()
    found = []
    for ppath, entry in list_of(
        c, raw, path, "products", spec.PRODUCT, "problem.expected_products"
    ):
        name = c.text(entry.get("name"), (*ppath, "name"))
        form = c.choice(entry.get("form"), (*ppath, "form"), spec.FORMS)
        release = c.choice(
            entry.get("release"), (*ppath, "release"), spec.PRODUCT.choices("release")
        )
        hours = _intervals(c, entry.get("every_hours"), (*ppath, "every_hours"))
        sources = cite(c, entry.get("sources"), (*ppath, "sources"), cited)
        liquid = form in LIQUIDS
        need = ("concentration", "volume_step") if liquid else ("strengths",)
        other = (
            ("strengths", "max_units")
            if liquid
            else ("concentration", "volume_step", "max_volume_ml")
        )
        for key in need:
            if key not in entry:
                c.problem((*ppath, key), "problem.form_needs", form=form, key=key)
        for key in other:
            if key in entry:
                c.problem((*ppath, key), "problem.form_has_no", form=form, key=key)
        strengths: tuple[Fraction, ...] = ()
        if "strengths" in entry and not liquid:
            items = entry["strengths"] if isinstance(entry["strengths"], list) else []
            numbers = [c.number(v, (*ppath, "strengths", i)) for i, v in enumerate(items)]
            strengths = tuple(n for n in numbers if n is not None)
            if not items:
                c.problem((*ppath, "strengths"), "problem.expected_strengths")
            rising(c, list(strengths), (*ppath, "strengths"))
        numbers_of = {
            k: c.number(entry[k], (*ppath, k)) if k in entry and liquid else None
            for k in ("concentration", "volume_step", "max_volume_ml")
        }
        flags = {k: _flag(c, entry, ppath, k) for k in ("exemption", "breakthrough_only")}
        most = (
            c.integer(entry["max_units"], (*ppath, "max_units"), 1)
            if "max_units" in entry
            else None
        )
        if form == "infusion" and hours and hours != (24,):
            c.problem((*ppath, "every_hours"), "problem.infusion_per_24h")
        if not (name and form and release and hours) or any(
            numbers_of[k] is None for k in need if k != "strengths"
        ):
            continue
        if not liquid and not strengths:
            continue
        found.append(
            Product(
                name,
                form,
                release,
                hours,
                sources,
                strengths,
                numbers_of["concentration"],
                numbers_of["volume_step"],
                numbers_of["max_volume_ml"],
                most,
                flags["exemption"],
                flags["breakthrough_only"],
            )
        )
    return tuple(found)


def _flag(c: Checker, entry: dict[str, Any], path: KeyPath, key: str) -> bool:
    value = entry.get(key, False)
    if not isinstance(value, bool):
        c.problem((*path, key), "problem.expected_bool")
        return False
    return value


def _intervals(c: Checker, value: Any, path: KeyPath) -> tuple[int, ...]:
    if not isinstance(value, list) or not value:
        c.problem(path, "problem.expected_intervals")
        return ()
    found = []
    for i, item in enumerate(value):
        hours = c.integer(item, (*path, i), minimum=1)
        if hours is None:
            continue
        if 24 % hours:
            c.problem((*path, i), "problem.interval_divides")
            continue
        found.append(hours)
    if len(set(found)) != len(found):
        c.problem(path, "problem.interval_once")
    return tuple(found)


def route_ratios(
    c: Checker, entry: dict[str, Any], path: KeyPath, routes: dict[str, Factor], cited: Cited
) -> tuple[RouteRatio, ...]:
    """A drug's route ratios (``path`` is the drug's): both routes must be the drug's,
    each pair once. Whether the factors agree is a check of ``lindring check``."""
    if "route_ratios" not in entry:
        return ()
    found: list[RouteRatio] = []
    seen: set[frozenset[str]] = set()
    shape, what = spec.ROUTE_RATIO, "problem.expected_route_ratios"
    for rpath, ratio_entry in list_of(c, entry, path, "route_ratios", shape, what):
        pair = ratio_entry.get("routes")
        if not (isinstance(pair, list) and len(pair) == 2 and all(r in routes for r in pair)):
            c.problem(
                (*rpath, "routes"),
                "problem.two_routes",
                "hint.routes_of_drug",
                params(routes=", ".join(routes)),
            )
            continue
        first, second = pair
        key = frozenset(pair)
        if first == second or key in seen:
            c.problem((*rpath, "routes"), "problem.pair_once")
            continue
        seen.add(key)
        ratio = c.number(ratio_entry.get("ratio"), (*rpath, "ratio"))
        span = c.pair(ratio_entry["range"], (*rpath, "range")) if "range" in ratio_entry else None
        sources = cite(c, ratio_entry.get("sources"), (*rpath, "sources"), cited)
        note = c.text(ratio_entry["note"], (*rpath, "note")) if "note" in ratio_entry else ""
        if ratio is None:
            continue
        low, high = span or (ratio, ratio)
        if not 0 < low <= ratio <= high:
            c.problem((*rpath, "range"), "problem.range_contains_ratio")
            continue
        found.append(RouteRatio((first, second), ratio, low, high, sources, note or ""))
    return tuple(found)


def regimen(c: Checker, data: Any, cited: Cited) -> RegimenRule | None:
    path: KeyPath = ("rules", "regimen")
    raw = c.section(data, path, spec.REGIMEN)
    if raw is None:
        return None
    most = c.integer(raw.get("max_units_per_dose"), (*path, "max_units_per_dose"), minimum=1)
    sources = cite(c, raw.get("sources"), (*path, "sources"), cited)
    return RegimenRule(most, sources) if most else None
