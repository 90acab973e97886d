"""Checks of the table's sources, rules, routes and refused names."""

from __future__ import annotations

from typing import Any

from lindring.model import (
    Band,
    BreakthroughRule,
    PlausibilityRule,
    ReductionRule,
    RefusedGroup,
    Route,
    Source,
)
from lindring.schema import Checker
from lindring.tablecheck.common import cite, loc
from lindring.yamlsource import Path as KeyPath

ATC_PATTERN = r"[A-Z][0-9]{2}[A-Z]{2}[0-9]{2}"
ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
ROUTE_KEYS = ("po", "sc", "iv", "rectal", "sl", "td", "buccal", "nasal")


def sources(c: Checker, data: Any) -> dict[str, Source]:
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


def reduction(c: Checker, data: Any, cited: list[tuple[KeyPath, str]]) -> ReductionRule | None:
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
    advice = loc(c, raw.get("route_change_advice"), (*path, "route_change_advice"))
    sources = cite(c, raw.get("sources"), (*path, "sources"), cited)
    for band in (below, above):
        if band and max_override is not None and band.high > max_override:
            c.problem(path, "a reduction band reaches above max_override")
    if max_override is not None and max_override >= 100:
        c.problem((*path, "max_override"), "a reduction must stay below 100 %")
    if threshold and below and above and max_override and advice:
        return ReductionRule(threshold, below, above, max_override, advice, sources)
    return None


def breakthrough(
    c: Checker, data: Any, cited: list[tuple[KeyPath, str]]
) -> BreakthroughRule | None:
    path: KeyPath = ("rules", "breakthrough")
    raw = c.mapping(data, path, ("fraction", "range", "sources"), ("patch_rescue",))
    if raw is None:
        return None
    fraction = c.number(raw.get("fraction"), (*path, "fraction"))
    pair = c.pair(raw.get("range"), (*path, "range"))
    sources = cite(c, raw.get("sources"), (*path, "sources"), cited)
    drug = route = ""
    if "patch_rescue" in raw:  # the rescue drug when the target is a patch
        rescue = c.mapping(raw["patch_rescue"], (*path, "patch_rescue"), ("drug", "route")) or {}
        drug = c.text(rescue.get("drug"), (*path, "patch_rescue", "drug")) or ""
        route = c.text(rescue.get("route"), (*path, "patch_rescue", "route")) or ""
    if fraction is None or pair is None:
        return None
    if not pair[0] <= fraction <= pair[1] or pair[1] >= 1:
        c.problem(path, "the fraction must lie inside its range, and below 1")
    return BreakthroughRule(fraction, pair[0], pair[1], sources, (drug, route))


def plausibility(
    c: Checker, data: Any, cited: list[tuple[KeyPath, str]]
) -> PlausibilityRule | None:
    path: KeyPath = ("rules", "plausibility")
    keys = ("warn_above_ome_mg_per_24h", "refuse_above_ome_mg_per_24h", "warn_below_ome_mg_per_24h")
    raw = c.mapping(data, path, (*keys, "potency_gap_warning", "sources"))
    if raw is None:
        return None
    values = [c.number(raw.get(k), (*path, k)) for k in keys]
    gap = c.number(raw.get("potency_gap_warning"), (*path, "potency_gap_warning"))
    sources = cite(c, raw.get("sources"), (*path, "sources"), cited)
    warn_above, refuse_above, warn_below = values
    if warn_above is None or refuse_above is None or warn_below is None or gap is None:
        return None
    if not warn_below < warn_above < refuse_above:
        c.problem(path, "expected warn_below < warn_above < refuse_above")
    return PlausibilityRule(warn_above, refuse_above, warn_below, sources, gap)


def routes(c: Checker, data: Any, cited: list[tuple[KeyPath, str]]) -> dict[str, Route]:
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
        name = loc(c, entry.get("name"), (*path, "name"))
        aliases = c.strings(entry.get("aliases"), (*path, "aliases"), allow_empty=True)
        interval = c.integer(
            entry.get("default_interval_hours"), (*path, "default_interval_hours"), 1
        )
        if interval and 24 % interval:
            c.problem((*path, "default_interval_hours"), "the interval must divide 24 hours")
        sources = cite(c, entry.get("sources"), (*path, "sources"), cited)
        if name and interval:
            result[key] = Route(key, name, aliases, interval, sources, kind)
    return result


def refused(c: Checker, data: Any, cited: list[tuple[KeyPath, str]]) -> dict[str, RefusedGroup]:
    result = {}
    for gid, raw in c.entries(data, ("refused_names",)).items():
        path: KeyPath = ("refused_names", gid)
        entry = c.mapping(raw, path, ("names", "text", "sources"))
        if entry is None:
            continue
        names = c.strings(entry.get("names"), (*path, "names"))
        text = loc(c, entry.get("text"), (*path, "text"))
        sources = cite(c, entry.get("sources"), (*path, "sources"), cited)
        if text:
            result[gid] = RefusedGroup(gid, names, text, sources)
    return result
