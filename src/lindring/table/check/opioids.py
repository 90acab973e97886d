"""Checks of each opioid: names, factors and their ranges, patches, ceilings."""

from __future__ import annotations

import itertools
from fractions import Fraction
from typing import Any

from lindring.errors import params
from lindring.model import (
    Caution,
    Ceiling,
    Factor,
    Localized,
    Lookup,
    Opioid,
    Patch,
    PatchProduct,
    Pump,
    RefusedGroup,
    Route,
    Span,
)
from lindring.names_norm import normalize_name
from lindring.numbers import to_decimal_str
from lindring.numread import NumberError, clip, decimal
from lindring.table import spec
from lindring.table.check import products as product_checks
from lindring.table.check.common import caution, cite, list_of, loc, rising
from lindring.table.check.common import renal as renal_of
from lindring.table.check.rules import ATC_PATTERN
from lindring.table.checker import Checker, word
from lindring.table.yamlsource import Path as KeyPath
from lindring.units import mg_per


def _factor(
    c: Checker, data: Any, path: KeyPath, rate: bool, cited: list[tuple[KeyPath, str]]
) -> Factor | None:
    """One drug-route factor; a rate route (patch) must list its patch products."""
    raw = c.section(data, path, spec.RATE_FACTOR if rate else spec.DOSE_FACTOR)
    if raw is None:
        return None
    value = c.number(raw.get("factor"), (*path, "factor"))
    pair = c.pair(raw["range"], (*path, "range")) if "range" in raw else None
    sources = cite(c, raw.get("sources"), (*path, "sources"), cited)
    note = c.text(raw["note"], (*path, "note")) if "note" in raw else ""
    target_reduction = raw.get("target_reduction", True)
    if not isinstance(target_reduction, bool):
        hint = ""
        if str(target_reduction).lower() in ("yes", "no", "on", "off", "y", "n"):
            hint = "hint.yaml_booleans"
        c.problem((*path, "target_reduction"), "problem.expected_bool", hint)
        target_reduction = True
    patch = _patch(c, raw, path, cited) if rate else None
    sold = () if rate else product_checks.products(c, raw, path, cited)
    lookup = _lookup(c, raw["lookup"], (*path, "lookup"), cited) if "lookup" in raw else None
    available = raw.get("available", "both")
    if available not in spec.AVAILABLE:
        c.problem(
            (*path, "available"), "problem.expected_available", choices=", ".join(spec.AVAILABLE)
        )
        available = "both"
    available_text = None
    if "available_text" in raw:
        available_text = caution(c, raw["available_text"], (*path, "available_text"), cited)
    elif available != "both":
        c.problem(path, "problem.available_needs_text", available=available)
    if value is None or (rate and patch is None):
        return None
    low, high = pair or (value, value)
    if low <= 0:
        c.problem((*path, "range"), "problem.range_low")
    if not low <= value <= high:
        c.problem(
            (*path, "range"),
            "problem.range_lacks_factor",
            low=_n(low),
            high=_n(high),
            value=_n(value),
        )
        return None
    # per mg: a patch factor is mg OME per 24 h for each microgram/h
    scale = 1 / (mg_per("microgram") * 24) if rate else Fraction(1)
    return Factor(
        value * scale,
        low * scale,
        high * scale,
        sources,
        sold,
        note or "",
        Span(low, high),
        value,
        target_reduction,
        patch,
        available,
        available_text,
        lookup,
    )


def _lookup(
    c: Checker, data: Any, path: KeyPath, cited: list[tuple[KeyPath, str]]
) -> Lookup | None:
    raw = c.section(data, path, spec.LOOKUP)
    if raw is None:
        return None
    points: list[tuple[Fraction, Fraction]] = []
    for i, item in enumerate(raw.get("points") or []):
        where: KeyPath = (*path, "points", i)
        if not isinstance(item, list) or len(item) != 2:
            c.problem(where, "problem.expected_rate_ome")
            continue
        rate = c.number(item[0], (*where, 0))
        ome = c.number(item[1], (*where, 1), positive=False)
        if rate is not None and ome is not None:
            points.append((rate, ome))
    how = c.choice(raw.get("interpolation"), (*path, "interpolation"), ("linear", "none"))
    sources = cite(c, raw.get("sources"), (*path, "sources"), cited)
    note = c.text(raw["note"], (*path, "note")) if "note" in raw else ""
    up_to = c.number(raw["up_to"], (*path, "up_to")) if "up_to" in raw else None
    if how == "none" and up_to is None:
        c.problem(path, "problem.band_needs_up_to")
    if how == "linear" and up_to is not None:
        c.problem((*path, "up_to"), "problem.up_to_for_bands")
    if len(points) < 2:
        c.problem((*path, "points"), "problem.two_points")
        return None
    rising = all(a[0] < b[0] and a[1] < b[1] for a, b in itertools.pairwise(points))
    if not rising or points[0][0] <= 0:
        c.problem((*path, "points"), "problem.points_rise")
        return None
    if up_to is not None and up_to <= points[-1][1]:
        c.problem((*path, "up_to"), "problem.last_band_end")
        return None
    if how is None:
        return None
    return Lookup(tuple(points), how, sources, note or "", up_to)


def _patch(
    c: Checker, raw: dict[str, Any], path: KeyPath, cited: list[tuple[KeyPath, str]]
) -> Patch | None:
    products = []
    for ppath, entry in list_of(
        c, raw, path, "patches", spec.PATCH_PRODUCT, "problem.expected_patches"
    ):
        product = c.text(entry.get("product"), (*ppath, "product"))
        hours = c.integer(entry.get("change_every_hours"), (*ppath, "change_every_hours"), 1)
        strengths = []
        written = c.entries(entry.get("strengths"), (*ppath, "strengths"))
        if isinstance(entry.get("strengths"), dict | None) and not written:
            c.problem((*ppath, "strengths"), "problem.expected_patch_strength")
        for label, rate in written.items():
            number = c.number(rate, (*ppath, "strengths", label))
            if not _is_label(label):
                c.problem(
                    (*ppath, "strengths", label),
                    "problem.patch_label",
                    "hint.patch_label",
                    label=clip(label),
                )
            elif number is not None:
                strengths.append((label, number))
        rising(c, [r for _, r in strengths], (*ppath, "strengths"))
        sources = cite(c, entry.get("sources"), (*ppath, "sources"), cited)
        if product and hours and strengths:
            products.append(PatchProduct(product, hours, tuple(strengths), sources))
    max_rate = c.number(raw.get("max_rate"), (*path, "max_rate"))
    max_sources = cite(c, raw.get("max_rate_sources"), (*path, "max_rate_sources"), cited)
    max_patches = c.integer(raw.get("max_patches"), (*path, "max_patches"), minimum=1)
    patches_sources = cite(c, raw.get("max_patches_sources"), (*path, "max_patches_sources"), cited)
    texts = [
        caution(c, raw.get(k), (*path, k), cited) for k in ("to_patch", "from_patch", "cautions")
    ]
    to_patch, from_patch, cautions = texts
    if not products or max_rate is None or not max_patches:
        return None
    if not (to_patch and from_patch and cautions):
        return None
    return Patch(
        tuple(products),
        max_rate,
        max_sources,
        max_patches,
        to_patch,
        from_patch,
        cautions,
        patches_sources,
    )


def opioids(
    c: Checker, data: Any, route_map: dict[str, Route], cited: list[tuple[KeyPath, str]]
) -> dict[str, Opioid]:
    route_keys = set(route_map)
    result = {}
    for key, raw in c.entries(data, ("opioids",)).items():
        path: KeyPath = ("opioids", key)
        entry = c.section(raw, path, spec.OPIOID)
        if entry is None:
            continue
        name = loc(c, entry.get("name"), (*path, "name"))
        atc = c.text(entry.get("atc"), (*path, "atc"), ATC_PATTERN)
        aliases = c.strings(entry.get("aliases"), (*path, "aliases"), allow_empty=True)
        unit = c.choice(entry.get("unit"), (*path, "unit"), spec.OPIOID.choices("unit"))
        status = c.choice(entry.get("status"), (*path, "status"), spec.OPIOID.choices("status"))
        status_text = None
        if "status_text" in entry:
            status_text = loc(c, entry["status_text"], (*path, "status_text"))
        for rule in spec.OPIOID.needs:
            value = entry.get(rule.key)
            if value in rule.values and rule.needed not in entry:
                c.problem(
                    path,
                    "problem.needs_key",
                    key=rule.key,
                    value=value,
                    needed=rule.needed,
                    why=word(f"need.{rule.needed}"),
                )
        sources = cite(c, entry.get("sources"), (*path, "sources"), cited)
        ceiling = (
            _ceiling(c, entry["ceiling"], (*path, "ceiling"), cited) if "ceiling" in entry else None
        )
        renal = renal_of(c, entry["renal"], (*path, "renal"), cited) if "renal" in entry else None
        routes: dict[str, Factor] = {}
        for route, factor_raw in (c.entries(entry.get("routes"), (*path, "routes")) or {}).items():
            if route not in route_keys:
                c.problem(
                    (*path, "routes", route),
                    "problem.unknown_route",
                    "hint.routes_defined",
                    params(routes=", ".join(sorted(route_keys))),
                    route=route,
                )
                continue
            rate = route_map[route].kind == "rate"
            factor = _factor(c, factor_raw, (*path, "routes", route), rate, cited)
            if factor:
                routes[route] = factor
        refused: dict[str, Caution] = {}
        for route, text_raw in c.entries(
            entry.get("refused_routes"), (*path, "refused_routes")
        ).items():
            rpath: KeyPath = (*path, "refused_routes", route)
            if route not in route_keys or route in routes:
                c.problem(rpath, "problem.refused_route", route=route)
                continue
            text = caution(c, text_raw, rpath, cited)
            if text:
                refused[route] = text
        ratios = product_checks.route_ratios(c, entry, path, routes, cited)
        written = entry.get("routes")
        every_refused = bool(refused) and not routes  # e.g. a guideline that covers none
        if (
            "routes" in entry
            and written in (None, {})
            and status != "nonlinear"
            and not every_refused
        ):
            c.problem((*path, "routes"), "problem.needs_route")
        if name and atc and unit and status:
            result[key] = Opioid(
                key,
                name,
                atc,
                aliases,
                unit,
                status,
                status_text,
                ceiling,
                renal,
                sources,
                routes,
                refused,
                ratios,
            )
    return result


def _ceiling(
    c: Checker, data: Any, path: KeyPath, cited: list[tuple[KeyPath, str]]
) -> Ceiling | None:
    raw = c.section(data, path, spec.CEILING)
    if raw is None:
        return None
    value = c.number(raw.get("value"), (*path, "value"))
    unit = c.choice(raw.get("unit"), (*path, "unit"), spec.CEILING.choices("unit"))
    sources = cite(c, raw.get("sources"), (*path, "sources"), cited)
    return Ceiling(value, sources) if value and unit else None


def check_names(
    c: Checker,
    opioids: dict[str, Opioid],
    routes: dict[str, Route],
    refused: dict[str, RefusedGroup],
    pump: Pump | None = None,
) -> None:
    """Every name a user may type must lead to exactly one thing."""
    owner: dict[str, Localized] = {}

    def claim(name: str, who: Localized, path: KeyPath) -> None:
        norm = normalize_name(name)
        if owner.get(norm, who) != who:
            c.problem(
                path,
                "problem.name_taken",
                "hint.alias_one_drug",
                name=name,
                owner=owner[norm],
            )
        owner.setdefault(norm, who)

    for key, drug in opioids.items():
        path: KeyPath = ("opioids", key)
        for name in (key, drug.name.nb, drug.name.en):
            claim(name, word("owner.drug", key=key), (*path, "name"))
        for i, alias in enumerate(drug.aliases):
            claim(alias, word("owner.drug", key=key), (*path, "aliases", i))
    for gid, group in refused.items():
        for i, name in enumerate(group.names):
            claim(name, word("owner.refused", key=gid), ("refused_names", gid, "names", i))
    for key, adjuvant in (pump.adjuvants if pump else {}).items():
        path = ("pump", "adjuvants", key)
        for name in (key, adjuvant.name.nb, adjuvant.name.en):
            claim(name, word("owner.pump", key=key), (*path, "name"))
        for i, alias in enumerate(adjuvant.aliases):
            claim(alias, word("owner.pump", key=key), (*path, "aliases", i))
    route_owner: dict[str, str] = {}
    for key, route in routes.items():
        for i, alias in enumerate((key, *route.aliases)):
            norm = normalize_name(alias)
            if route_owner.get(norm, key) != key:
                c.problem(
                    ("routes", key, "aliases", i),
                    "problem.route_name_taken",
                    alias=alias,
                    owner=route_owner[norm],
                )
            route_owner.setdefault(norm, key)


def _n(value: Fraction) -> str:
    return to_decimal_str(value, 4)


def _is_label(label: str) -> bool:
    """A patch label is its strength as printed (``"12"``, ``"37.5"``), read as a number."""
    try:
        return decimal(label, comma=False) > 0
    except NumberError:
        return False
