"""Raw table data -> the validated model, reporting every problem found.

:func:`build` checks the shapes of each part (:mod:`lindring.schema`) and the rules
that span the table: every cited source exists, ranges contain their point value,
morphine po is exactly 1, and every name a user may type leads to exactly one thing.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from lindring.model import (
    Band,
    BreakthroughRule,
    Caution,
    Ceiling,
    Factor,
    Localized,
    Opioid,
    Patch,
    PatchProduct,
    PlausibilityRule,
    ReductionRule,
    RefusedGroup,
    Route,
    Source,
    Span,
    Tables,
)
from lindring.names_norm import normalize_name
from lindring.schema import Checker
from lindring.units import mg_per
from lindring.yamlsource import Path as KeyPath

ATC_PATTERN = r"[A-Z][0-9]{2}[A-Z]{2}[0-9]{2}"
ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
ROUTE_KEYS = ("po", "sc", "iv", "rectal", "sl", "td", "buccal", "nasal")


def build(c: Checker, data: Any, file: str) -> Tables | None:
    """The table from ``data``, or ``None``; problems are collected in ``c``."""
    top = c.mapping(
        data, (), ("table", "sources", "rules", "routes", "opioids"), ("refused_names",)
    )
    if top is None:
        return None
    meta = c.mapping(top.get("table"), ("table",), ("version", "date", "status")) or {}
    version = c.text(meta.get("version"), ("table", "version"), r"[0-9]+(\.[0-9]+)*")
    date = c.text(meta.get("date"), ("table", "date"), r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
    status = c.choice(meta.get("status"), ("table", "status"), ("draft", "reviewed"))
    sources = _sources(c, top.get("sources"))
    cited: list[tuple[KeyPath, str]] = []
    rules = c.mapping(top.get("rules"), ("rules",), ("reduction", "breakthrough", "plausibility"))
    rules = rules or {}
    reduction = _reduction(c, rules.get("reduction"), cited)
    breakthrough = _breakthrough(c, rules.get("breakthrough"), cited)
    plausibility = _plausibility(c, rules.get("plausibility"), cited)
    routes = _routes(c, top.get("routes"), cited)
    opioids = _opioids(c, top.get("opioids"), routes, cited)
    refused = _refused(c, top.get("refused_names"), cited)
    for path, source_id in cited:
        if source_id not in sources:
            c.problem(
                path, f"unknown source id '{source_id}'", "add it under `sources` or fix the id"
            )
    _check_names(c, opioids, routes, refused)
    morphine = opioids.get("morphine")
    morphine_po = morphine.routes.get("po") if morphine else None
    if morphine_po is None or morphine_po.value != 1:
        c.problem(
            ("opioids", "morphine"), "morphine po must be present with factor 1 (the reference)"
        )
    if None in (version, date, status, reduction, breakthrough, plausibility):
        return None
    assert version and date and status and reduction and breakthrough and plausibility
    return Tables(
        file,
        version,
        date,
        status,
        sources,
        reduction,
        breakthrough,
        plausibility,
        routes,
        opioids,
        refused,
    )


def _cite(
    c: Checker, value: Any, path: KeyPath, cited: list[tuple[KeyPath, str]]
) -> tuple[str, ...]:
    ids = c.strings(value, path)
    cited.extend(((*path, i), s) for i, s in enumerate(ids))
    return ids


def _loc(c: Checker, value: Any, path: KeyPath) -> Localized | None:
    found = c.localized(value, path)
    return Localized(found["nb"], found["en"]) if found else None


def _sources(c: Checker, data: Any) -> dict[str, Source]:
    found = c.entries(data, ("sources",))
    result = {}
    fields = ("title", "publisher", "year", "section")
    for sid, raw in found.items():
        path: KeyPath = ("sources", sid)
        c.text(sid, path, ID_PATTERN)
        entry = c.mapping(raw, path, fields, ("url", "note"))
        if entry is None:
            continue
        texts = {k: c.text(entry.get(k), (*path, k)) for k in ("title", "publisher", "section")}
        year = c.integer(entry.get("year"), (*path, "year"), minimum=1900)
        url = c.text(entry["url"], (*path, "url")) if "url" in entry else ""
        note = c.text(entry["note"], (*path, "note")) if "note" in entry else ""
        if all(texts.values()) and year:
            result[sid] = Source(
                sid,
                texts["title"] or "",
                texts["publisher"] or "",
                year,
                texts["section"] or "",
                url or "",
                note or "",
            )
    return result


def _band(c: Checker, data: Any, path: KeyPath) -> Band | None:
    raw = c.mapping(data, path, ("default", "range"))
    if raw is None:
        return None
    default = c.number(raw.get("default"), (*path, "default"), positive=False)
    pair = c.pair(raw.get("range"), (*path, "range"))
    if default is None or pair is None:
        return None
    if not pair[0] <= default <= pair[1]:
        c.problem((*path, "default"), "the default is outside its range")
    return Band(default, *pair)


def _reduction(c: Checker, data: Any, cited: list[tuple[KeyPath, str]]) -> ReductionRule | None:
    path: KeyPath = ("rules", "reduction")
    keys = (
        "threshold_ome_mg_per_24h",
        "below",
        "at_or_above",
        "max_override",
        "route_change_advice",
        "sources",
    )
    raw = c.mapping(data, path, keys)
    if raw is None:
        return None
    threshold = c.number(raw.get("threshold_ome_mg_per_24h"), (*path, "threshold_ome_mg_per_24h"))
    below = _band(c, raw.get("below"), (*path, "below"))
    above = _band(c, raw.get("at_or_above"), (*path, "at_or_above"))
    max_override = c.number(raw.get("max_override"), (*path, "max_override"))
    advice = _loc(c, raw.get("route_change_advice"), (*path, "route_change_advice"))
    sources = _cite(c, raw.get("sources"), (*path, "sources"), cited)
    for band in (below, above):
        if band and max_override is not None and band.high > max_override:
            c.problem(path, "a reduction band reaches above max_override")
    if max_override is not None and max_override >= 100:
        c.problem((*path, "max_override"), "a reduction must stay below 100 %")
    if threshold and below and above and max_override and advice:
        return ReductionRule(threshold, below, above, max_override, advice, sources)
    return None


def _breakthrough(
    c: Checker, data: Any, cited: list[tuple[KeyPath, str]]
) -> BreakthroughRule | None:
    path: KeyPath = ("rules", "breakthrough")
    raw = c.mapping(data, path, ("fraction", "range", "sources", "patch_rescue"))
    if raw is None:
        return None
    fraction = c.number(raw.get("fraction"), (*path, "fraction"))
    pair = c.pair(raw.get("range"), (*path, "range"))
    sources = _cite(c, raw.get("sources"), (*path, "sources"), cited)
    rescue = c.mapping(raw.get("patch_rescue"), (*path, "patch_rescue"), ("drug", "route")) or {}
    drug = c.text(rescue.get("drug"), (*path, "patch_rescue", "drug")) or ""
    route = c.text(rescue.get("route"), (*path, "patch_rescue", "route")) or ""
    if fraction is None or pair is None:
        return None
    if not pair[0] <= fraction <= pair[1] or pair[1] >= 1:
        c.problem(path, "the fraction must lie inside its range, and below 1")
    return BreakthroughRule(fraction, pair[0], pair[1], sources, (drug, route))


def _plausibility(
    c: Checker, data: Any, cited: list[tuple[KeyPath, str]]
) -> PlausibilityRule | None:
    path: KeyPath = ("rules", "plausibility")
    keys = ("warn_above_ome_mg_per_24h", "refuse_above_ome_mg_per_24h", "warn_below_ome_mg_per_24h")
    raw = c.mapping(data, path, (*keys, "sources"))
    if raw is None:
        return None
    values = [c.number(raw.get(k), (*path, k)) for k in keys]
    sources = _cite(c, raw.get("sources"), (*path, "sources"), cited)
    warn_above, refuse_above, warn_below = values
    if warn_above is None or refuse_above is None or warn_below is None:
        return None
    if not warn_below < warn_above < refuse_above:
        c.problem(path, "expected warn_below < warn_above < refuse_above")
    return PlausibilityRule(warn_above, refuse_above, warn_below, sources)


def _routes(c: Checker, data: Any, cited: list[tuple[KeyPath, str]]) -> dict[str, Route]:
    result = {}
    for key, raw in c.entries(data, ("routes",)).items():
        path: KeyPath = ("routes", key)
        if c.choice(key, path, ROUTE_KEYS) is None:
            continue
        entry = c.mapping(
            raw, path, ("name", "aliases", "default_interval_hours", "sources"), ("kind",)
        )
        if entry is None:
            continue
        kind = c.choice(entry.get("kind", "dose"), (*path, "kind"), ("dose", "rate")) or "dose"
        name = _loc(c, entry.get("name"), (*path, "name"))
        aliases = c.strings(entry.get("aliases"), (*path, "aliases"), allow_empty=True)
        interval = c.integer(
            entry.get("default_interval_hours"), (*path, "default_interval_hours"), 1
        )
        if interval and 24 % interval:
            c.problem((*path, "default_interval_hours"), "the interval must divide 24 hours")
        sources = _cite(c, entry.get("sources"), (*path, "sources"), cited)
        if name and interval:
            result[key] = Route(key, name, aliases, interval, sources, kind)
    return result


def _factor(
    c: Checker, data: Any, path: KeyPath, rate: bool, cited: list[tuple[KeyPath, str]]
) -> Factor | None:
    """One drug-route factor; a rate route (patch) must list its patch products."""
    patch_keys = (
        "patches",
        "max_rate",
        "max_rate_sources",
        "max_patches",
        "max_patches_sources",
        "to_patch",
        "from_patch",
        "cautions",
    )
    needed = ("factor", "sources") + (patch_keys if rate else ("step", "step_sources"))
    raw = c.mapping(data, path, needed, ("range", "note", "target_reduction"))
    if raw is None:
        return None
    value = c.number(raw.get("factor"), (*path, "factor"))
    pair = c.pair(raw["range"], (*path, "range")) if "range" in raw else None
    sources = _cite(c, raw.get("sources"), (*path, "sources"), cited)
    note = c.text(raw["note"], (*path, "note")) if "note" in raw else ""
    target_reduction = raw.get("target_reduction", True)
    if not isinstance(target_reduction, bool):
        c.problem((*path, "target_reduction"), "expected true or false")
        target_reduction = True
    patch = _patch(c, raw, path, cited) if rate else None
    if rate:
        step = patch.products[0].strengths[0][1] if patch else None
        step_sources = patch.products[0].sources if patch else ()
    else:
        step = c.number(raw.get("step"), (*path, "step"))
        step_sources = _cite(c, raw.get("step_sources"), (*path, "step_sources"), cited)
    if value is None or step is None:
        return None
    low, high = pair or (value, value)
    if low <= 0:
        c.problem((*path, "range"), "the low end must be above 0")
    if not low <= value <= high:
        c.problem(
            (*path, "range"),
            f"the range [{float(low)}, {float(high)}] does not contain the factor {float(value)}",
        )
        return None
    # per mg: a patch factor is mg OME per 24 h for each microgram/h
    scale = 1 / (mg_per("microgram") * 24) if rate else Fraction(1)
    return Factor(
        value * scale,
        low * scale,
        high * scale,
        sources,
        step,
        step_sources,
        note or "",
        Span(low, high),
        value,
        target_reduction,
        patch,
    )


def _patch(
    c: Checker, raw: dict[str, Any], path: KeyPath, cited: list[tuple[KeyPath, str]]
) -> Patch | None:
    products = []
    items = raw.get("patches")
    if not isinstance(items, list) or not items:
        c.problem((*path, "patches"), "expected a list of patch products")
        items = []
    for i, item in enumerate(items):
        ppath: KeyPath = (*path, "patches", i)
        entry = c.mapping(item, ppath, ("product", "change_every_hours", "strengths", "sources"))
        if entry is None:
            continue
        product = c.text(entry.get("product"), (*ppath, "product"))
        hours = c.integer(entry.get("change_every_hours"), (*ppath, "change_every_hours"), 1)
        strengths = []
        for label, rate in c.entries(entry.get("strengths"), (*ppath, "strengths")).items():
            number = c.number(rate, (*ppath, "strengths", label))
            if number is not None:
                strengths.append((label, number))
        if [r for _, r in strengths] != sorted({r for _, r in strengths}):
            c.problem((*ppath, "strengths"), "strengths must rise, each once")
        sources = _cite(c, entry.get("sources"), (*ppath, "sources"), cited)
        if product and hours and strengths:
            products.append(PatchProduct(product, hours, tuple(strengths), sources))
    max_rate = c.number(raw.get("max_rate"), (*path, "max_rate"))
    max_sources = _cite(c, raw.get("max_rate_sources"), (*path, "max_rate_sources"), cited)
    max_patches = c.integer(raw.get("max_patches"), (*path, "max_patches"), minimum=1)
    _cite(c, raw.get("max_patches_sources"), (*path, "max_patches_sources"), cited)
    texts = [
        _caution(c, raw.get(k), (*path, k), cited) for k in ("to_patch", "from_patch", "cautions")
    ]
    to_patch, from_patch, cautions = texts
    if not products or max_rate is None or not max_patches:
        return None
    if not (to_patch and from_patch and cautions):
        return None
    return Patch(
        tuple(products), max_rate, max_sources, max_patches, to_patch, from_patch, cautions
    )


def _opioids(
    c: Checker, data: Any, route_map: dict[str, Route], cited: list[tuple[KeyPath, str]]
) -> dict[str, Opioid]:
    route_keys = set(route_map)
    result = {}
    required = ("name", "atc", "aliases", "unit", "status", "sources", "routes")
    for key, raw in c.entries(data, ("opioids",)).items():
        path: KeyPath = ("opioids", key)
        entry = c.mapping(
            raw, path, required, ("status_text", "ceiling", "renal", "refused_routes")
        )
        if entry is None:
            continue
        name = _loc(c, entry.get("name"), (*path, "name"))
        atc = c.text(entry.get("atc"), (*path, "atc"), ATC_PATTERN)
        aliases = c.strings(entry.get("aliases"), (*path, "aliases"), allow_empty=True)
        unit = c.choice(entry.get("unit"), (*path, "unit"), ("mg", "microgram"))
        status = c.choice(entry.get("status"), (*path, "status"), ("normal", "avoid", "nonlinear"))
        status_text = None
        if "status_text" in entry:
            status_text = _loc(c, entry["status_text"], (*path, "status_text"))
        elif status in ("avoid", "nonlinear"):
            c.problem(path, f"status '{status}' needs a status_text (the warning or referral)")
        sources = _cite(c, entry.get("sources"), (*path, "sources"), cited)
        ceiling = (
            _ceiling(c, entry["ceiling"], (*path, "ceiling"), cited) if "ceiling" in entry else None
        )
        renal = _caution(c, entry["renal"], (*path, "renal"), cited) if "renal" in entry else None
        routes: dict[str, Factor] = {}
        for route, factor_raw in (c.entries(entry.get("routes"), (*path, "routes")) or {}).items():
            if route not in route_keys:
                c.problem(
                    (*path, "routes", route),
                    f"unknown route '{route}'",
                    "routes must be defined under `routes`: " + ", ".join(sorted(route_keys)),
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
                c.problem(rpath, f"'{route}' must be a known route that the drug has no factor for")
                continue
            caution = _caution(c, text_raw, rpath, cited)
            if caution:
                refused[route] = caution
        if not routes and status != "nonlinear":
            c.problem((*path, "routes"), "a drug that can be converted needs at least one route")
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
            )
    return result


def _ceiling(
    c: Checker, data: Any, path: KeyPath, cited: list[tuple[KeyPath, str]]
) -> Ceiling | None:
    raw = c.mapping(data, path, ("value", "unit", "sources"))
    if raw is None:
        return None
    value = c.number(raw.get("value"), (*path, "value"))
    unit = c.choice(raw.get("unit"), (*path, "unit"), ("mg/24h",))
    sources = _cite(c, raw.get("sources"), (*path, "sources"), cited)
    return Ceiling(value, sources) if value and unit else None


def _caution(
    c: Checker, data: Any, path: KeyPath, cited: list[tuple[KeyPath, str]]
) -> Caution | None:
    raw = c.mapping(data, path, ("nb", "en", "sources"))
    if raw is None:
        return None
    nb, en = c.text(raw.get("nb"), (*path, "nb")), c.text(raw.get("en"), (*path, "en"))
    sources = _cite(c, raw.get("sources"), (*path, "sources"), cited)
    return Caution(Localized(nb, en), sources) if nb and en else None


def _refused(c: Checker, data: Any, cited: list[tuple[KeyPath, str]]) -> dict[str, RefusedGroup]:
    result = {}
    for gid, raw in c.entries(data, ("refused_names",)).items():
        path: KeyPath = ("refused_names", gid)
        entry = c.mapping(raw, path, ("names", "text", "sources"))
        if entry is None:
            continue
        names = c.strings(entry.get("names"), (*path, "names"))
        text = _loc(c, entry.get("text"), (*path, "text"))
        sources = _cite(c, entry.get("sources"), (*path, "sources"), cited)
        if text:
            result[gid] = RefusedGroup(gid, names, text, sources)
    return result


def _check_names(
    c: Checker,
    opioids: dict[str, Opioid],
    routes: dict[str, Route],
    refused: dict[str, RefusedGroup],
) -> None:
    """Every name a user may type must lead to exactly one thing."""
    owner: dict[str, str] = {}

    def claim(name: str, who: str, path: KeyPath) -> None:
        norm = normalize_name(name)
        if owner.get(norm, who) != who:
            c.problem(
                path,
                f"the name '{name}' already names {owner[norm]}",
                "an alias must lead to exactly one drug",
            )
        owner.setdefault(norm, who)

    for key, drug in opioids.items():
        path: KeyPath = ("opioids", key)
        for name in (key, drug.name.nb, drug.name.en):
            claim(name, f"drug {key}", (*path, "name"))
        for i, alias in enumerate(drug.aliases):
            claim(alias, f"drug {key}", (*path, "aliases", i))
    for gid, group in refused.items():
        for i, name in enumerate(group.names):
            claim(name, f"refused group {gid}", ("refused_names", gid, "names", i))
    route_owner: dict[str, str] = {}
    for key, route in routes.items():
        for i, alias in enumerate((key, *route.aliases)):
            norm = normalize_name(alias)
            if route_owner.get(norm, key) != key:
                c.problem(
                    ("routes", key, "aliases", i),
                    f"the route name '{alias}' already names {route_owner[norm]}",
                )
            route_owner.setdefault(norm, key)
