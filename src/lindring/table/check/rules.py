"""Checks of the table's sources, rules, routes and refused names."""

from __future__ import annotations

from typing import Any

from lindring.errors import params
from lindring.model import (
    Band,
    BreakthroughRule,
    Change,
    Opioid,
    PlausibilityRule,
    ReductionRule,
    RefusedGroup,
    Route,
    Source,
)
from lindring.table import spec
from lindring.table.check.common import cite, loc
from lindring.table.checker import Checker
from lindring.table.yamlsource import Path as KeyPath

ATC_PATTERN = spec.ATC_PATTERN
ID_PATTERN = spec.ID_PATTERN
ROUTE_KEYS = spec.ROUTE_KEYS


def sources(c: Checker, data: Any) -> dict[str, Source]:
    found = c.entries(data, ("sources",))
    result = {}
    for sid, raw in found.items():
        path: KeyPath = ("sources", sid)
        c.text(sid, path, ID_PATTERN)
        entry = c.section(raw, path, spec.SOURCE)
        if entry is None:
            continue
        texts = {k: c.text(entry.get(k), (*path, k)) for k in ("title", "publisher", "section")}
        year = c.integer(entry.get("year"), (*path, "year"), minimum=1900)
        url = c.url(entry["url"], (*path, "url")) if "url" in entry else ""
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
    raw = c.section(data, path, spec.BAND)
    if raw is None:
        return None
    default = c.number(raw.get("default"), (*path, "default"), positive=False)
    pair = c.pair(raw.get("range"), (*path, "range"))
    if default is None or pair is None:
        return None
    if not pair[0] <= default <= pair[1]:
        c.problem((*path, "default"), "problem.default_outside")
    return Band(default, *pair)


def reduction(c: Checker, data: Any, cited: list[tuple[KeyPath, str]]) -> ReductionRule | None:
    path: KeyPath = ("rules", "reduction")
    raw = c.section(data, path, spec.REDUCTION)
    if raw is None:
        return None
    threshold = c.number(raw.get("threshold_ome_mg_per_24h"), (*path, "threshold_ome_mg_per_24h"))
    below = _band(c, raw.get("below"), (*path, "below"))
    above = _band(c, raw.get("at_or_above"), (*path, "at_or_above"))
    max_override = c.number(raw.get("max_override"), (*path, "max_override"))
    advice = loc(c, raw.get("route_change_advice"), (*path, "route_change_advice"))
    sources = cite(c, raw.get("sources"), (*path, "sources"), cited)
    for band in (below, above):
        if band and max_override is not None and band.high > max_override:
            c.problem(path, "problem.band_above_override")
    if max_override is not None and max_override >= 100:
        c.problem((*path, "max_override"), "problem.reduction_below_100")
    if threshold and below and above and max_override and advice:
        return ReductionRule(threshold, below, above, max_override, advice, sources)
    return None


def breakthrough(
    c: Checker, data: Any, cited: list[tuple[KeyPath, str]]
) -> BreakthroughRule | None:
    path: KeyPath = ("rules", "breakthrough")
    raw = c.section(data, path, spec.BREAKTHROUGH)
    if raw is None:
        return None
    fraction = c.number(raw.get("fraction"), (*path, "fraction"))
    pair = c.pair(raw.get("range"), (*path, "range"))
    sources = cite(c, raw.get("sources"), (*path, "sources"), cited)
    drug = route = ""
    if "patch_rescue" in raw:  # the rescue drug when the target is a patch
        rescue = c.section(raw["patch_rescue"], (*path, "patch_rescue"), spec.PATCH_RESCUE) or {}
        drug = c.text(rescue.get("drug"), (*path, "patch_rescue", "drug")) or ""
        route = c.text(rescue.get("route"), (*path, "patch_rescue", "route")) or ""
    if fraction is None or pair is None:
        return None
    if not pair[0] <= fraction <= pair[1] or pair[1] >= 1:
        c.problem(path, "problem.fraction_inside")
    return BreakthroughRule(fraction, pair[0], pair[1], sources, (drug, route))


def plausibility(
    c: Checker, data: Any, cited: list[tuple[KeyPath, str]]
) -> PlausibilityRule | None:
    path: KeyPath = ("rules", "plausibility")
    keys = ("warn_above_ome_mg_per_24h", "refuse_above_ome_mg_per_24h", "warn_below_ome_mg_per_24h")
    raw = c.section(data, path, spec.PLAUSIBILITY)
    if raw is None:
        return None
    values = [c.number(raw.get(k), (*path, k)) for k in keys]
    gap = c.number(raw.get("potency_gap_warning"), (*path, "potency_gap_warning"))
    sources = cite(c, raw.get("sources"), (*path, "sources"), cited)
    warn_above, refuse_above, warn_below = values
    if warn_above is None or refuse_above is None or warn_below is None or gap is None:
        return None
    if not warn_below < warn_above < refuse_above:
        c.problem(path, "problem.warn_order")
    return PlausibilityRule(warn_above, refuse_above, warn_below, sources, gap)


def routes(c: Checker, data: Any, cited: list[tuple[KeyPath, str]]) -> dict[str, Route]:
    result = {}
    for key, raw in c.entries(data, ("routes",)).items():
        path: KeyPath = ("routes", key)
        if c.choice(key, path, ROUTE_KEYS) is None:
            continue
        entry = c.section(raw, path, spec.ROUTE)
        if entry is None:
            continue
        kinds = spec.ROUTE.choices("kind")
        kind = c.choice(entry.get("kind", "dose"), (*path, "kind"), kinds) or "dose"
        name = loc(c, entry.get("name"), (*path, "name"))
        aliases = c.strings(entry.get("aliases"), (*path, "aliases"), allow_empty=True)
        sources = cite(c, entry.get("sources"), (*path, "sources"), cited)
        if name:
            result[key] = Route(key, name, aliases, sources, kind)
    return result


def refused(c: Checker, data: Any, cited: list[tuple[KeyPath, str]]) -> dict[str, RefusedGroup]:
    result = {}
    for gid, raw in c.entries(data, ("refused_names",)).items():
        path: KeyPath = ("refused_names", gid)
        entry = c.section(raw, path, spec.REFUSED_GROUP)
        if entry is None:
            continue
        names = c.strings(entry.get("names"), (*path, "names"))
        text = loc(c, entry.get("text"), (*path, "text"))
        sources = cite(c, entry.get("sources"), (*path, "sources"), cited)
        if text:
            result[gid] = RefusedGroup(gid, names, text, sources)
    return result


def changelog(c: Checker, meta: dict[str, Any], version: str | None) -> tuple[Change, ...]:
    """``table.changelog``: newest first, each version once, the newest the table's own."""
    if "changelog" not in meta:
        return ()
    path: KeyPath = ("table", "changelog")
    items = meta["changelog"]
    if not isinstance(items, list) or not items:
        c.problem(path, "problem.expected_changes")
        return ()
    found = []
    for i, item in enumerate(items):
        ipath: KeyPath = (*path, i)
        entry = c.section(item, ipath, spec.CHANGE)
        if entry is None:
            continue
        number = c.text(entry.get("version"), (*ipath, "version"), spec.VERSION_PATTERN)
        date = c.text(entry.get("date"), (*ipath, "date"), spec.DATE_PATTERN)
        text = c.text(entry.get("changes"), (*ipath, "changes"))
        if number and date and text:
            found.append(Change(number, date, text))
    keys = [version_key(change.version) for change in found]
    if keys != sorted(set(keys), reverse=True):
        c.problem(path, "problem.versions_order")
    if version and found and found[0].version != version:
        c.problem(
            (*path, 0, "version"),
            "problem.changelog_version",
            "hint.changelog_entry",
            newest=found[0].version,
            version=version,
        )
    return tuple(found)


def version_key(version: str) -> tuple[int, ...]:
    """``"2026.11.0"`` -> ``(2026, 11, 0)``, for ordering versions."""
    return tuple(int(part) for part in version.split(".") if part.isdigit())


def check_rescue(
    c: Checker, rule: BreakthroughRule | None, opioids: dict[str, Opioid], rate_routes: set[str]
) -> None:
    """The rescue drug used with a patch must exist, by a dose route, wherever patches do."""
    if rule is None:
        return
    path: KeyPath = ("rules", "breakthrough", "patch_rescue")
    drug_key, route = rule.patch_rescue
    has_patch = any(set(d.routes) & rate_routes for d in opioids.values())
    if not drug_key and not route:
        if has_patch:
            c.problem(path[:-1], "problem.needs_patch_rescue")
        return
    drug = opioids.get(drug_key)
    if drug is None:
        c.problem((*path, "drug"), "problem.not_drug_key", key=drug_key)
    elif route not in drug.routes or route in rate_routes:
        c.problem(
            (*path, "route"),
            "problem.not_dose_route",
            "hint.choose_one",
            params(names=", ".join(r for r in drug.routes if r not in rate_routes)),
            route=route,
            drug=drug_key,
        )
