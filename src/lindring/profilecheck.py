"""Checks of a guideline profile (``tables/profiles/*.yaml``) against the table it changes.

Reported as ``FILE:LINE:COL: path: message`` like the table's own checks: the keys and
types (:mod:`lindring.profilespec`), every drug and route known to the table, every
drug and route of the table either given a factor or listed as not covered (never
both), ranges that contain their factor, source ids the table defines, and the
reference (morphine po = 1) and the patch rescue drug present.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any

from lindring import profilespec as spec
from lindring.numbers import to_decimal_str
from lindring.schema import Checker
from lindring.tablecheck.common import Cited, cite, loc
from lindring.tablespec import ID_PATTERN
from lindring.yamlsource import Path as KeyPath

if TYPE_CHECKING:
    from lindring.model import Tables
    from lindring.profiles import ProfileFactor


def check_profile(
    c: Checker, data: Any, tables: Tables, expected_id: str | None
) -> dict[str, Any] | None:
    """The fields of a :class:`~lindring.profiles.Profile`, or ``None``; problems in ``c``."""
    from lindring.profiles import REFERENCE

    top = c.section(data, (), spec.PROFILE)
    if top is None:
        return None
    cited: Cited = []
    meta = c.section(top.get("profile"), ("profile",), spec.PROFILE_META) or {}
    pid = c.text(meta.get("id"), ("profile", "id"), ID_PATTERN)
    if pid and expected_id and pid != expected_id:
        c.problem(
            ("profile", "id"),
            f"the id '{pid}' must be the file name without .yaml ('{expected_id}')",
        )
    name = loc(c, meta.get("name"), ("profile", "name"))
    sources = cite(c, meta.get("sources"), ("profile", "sources"), cited)
    uncovered_text = loc(c, meta.get("not_covered_text"), ("profile", "not_covered_text"))
    note = loc(c, meta.get("note"), ("profile", "note"))
    written: set[tuple[str, str]] = set()
    factors = _factors(c, top.get("factors"), tables, cited, written)
    uncovered = _not_covered(c, top.get("not_covered"), tables)
    for key, drug in tables.opioids.items():
        for route in drug.routes:
            if (key, route) in written and (key, route) in uncovered:
                c.problem(
                    uncovered[(key, route)],
                    f"{key} {route} has a factor under `factors` and is listed as not covered",
                )
            elif (key, route) not in written and (key, route) not in uncovered:
                c.problem(
                    _drug_path(data, key),
                    f"{key} {route} is in the conversion table but neither under `factors` "
                    "nor under `not_covered`",
                    "give the guideline's factor, or list the route under not_covered",
                )
    reference = factors.get(REFERENCE)
    if reference is None or reference.value != 1:
        where: KeyPath = ("factors", *REFERENCE, "factor") if REFERENCE in written else ("factors",)
        c.problem(where, "morphine po must be present with factor 1 (the reference)")
    rescue = tables.breakthrough.patch_rescue
    rates = {r for r, route in tables.routes.items() if route.kind == "rate"}
    if any(route in rates for _, route in factors) and rescue not in factors:
        c.problem(
            ("factors",),
            f"the profile gives patch factors, so it needs the rescue drug with a patch "
            f"({' '.join(rescue)}, rules.breakthrough.patch_rescue in the table)",
        )
    for path, source_id in cited:
        if source_id not in tables.sources:
            c.problem(
                path,
                f"unknown source id '{source_id}'",
                "add it under `sources` in tables/opioids.yaml or fix the id",
            )
    if not (pid and name and uncovered_text and note):
        return None
    return {
        "id": pid,
        "name": name,
        "sources": sources,
        "not_covered_text": uncovered_text,
        "note": note,
        "factors": factors,
        "not_covered": frozenset(uncovered),
    }


def _drug_known(c: Checker, tables: Tables, key: str) -> bool:
    if key in tables.opioids:
        return True
    c.problem(("factors", key), f"'{key}' is not a drug in the conversion table")
    return False


def _known(c: Checker, tables: Tables, key: str, route: str, path: KeyPath) -> bool:
    drug = tables.opioids[key]
    if route not in drug.routes:
        listed = ", ".join(drug.routes) or "none"
        c.problem(
            path,
            f"'{route}' is not a route of {key} in the conversion table",
            f"the table's routes for {key}: {listed}",
        )
        return False
    return True


def _drug_path(data: Any, key: str) -> KeyPath:
    """Where to report a route missing for ``key``: its entry, if the profile has one."""
    for part in ("not_covered", "factors"):
        found = data.get(part) if isinstance(data, dict) else None
        if isinstance(found, dict) and key in found:
            return (part, key)
    return ("factors",)


def _factors(
    c: Checker, data: Any, tables: Tables, cited: Cited, written: set[tuple[str, str]]
) -> dict[tuple[str, str], ProfileFactor]:
    from lindring.profiles import ProfileFactor

    found: dict[tuple[str, str], ProfileFactor] = {}
    for key, routes in c.entries(data, ("factors",)).items():
        dpath: KeyPath = ("factors", key)
        if not _drug_known(c, tables, key):
            continue
        entries = c.entries(routes, dpath)
        if not entries and (routes is None or isinstance(routes, dict)):
            c.problem(dpath, "expected at least one route: list the drug under not_covered instead")
        for route, raw in entries.items():
            path: KeyPath = (*dpath, route)
            if not _known(c, tables, key, route, path):
                continue
            written.add((key, route))
            entry = c.section(raw, path, spec.PROFILE_FACTOR)
            if entry is None:
                continue
            value = c.number(entry.get("factor"), (*path, "factor"))
            pair = c.pair(entry["range"], (*path, "range")) if "range" in entry else None
            sources = cite(c, entry.get("sources"), (*path, "sources"), cited)
            note = c.text(entry["note"], (*path, "note")) if "note" in entry else ""
            reduce = entry.get("target_reduction", True)
            if not isinstance(reduce, bool):
                c.problem((*path, "target_reduction"), "expected true or false")
                continue
            if value is None:
                continue
            low, high = pair or (value, value)
            if not low <= value <= high or low <= 0:
                c.problem(
                    (*path, "range"),
                    f"the range [{_n(low)}, {_n(high)}] does not contain the factor {_n(value)}",
                )
                continue
            found[(key, route)] = ProfileFactor(value, low, high, sources, note or "", reduce)
    return found


def _not_covered(c: Checker, data: Any, tables: Tables) -> dict[tuple[str, str], KeyPath]:
    found: dict[tuple[str, str], KeyPath] = {}
    for key, routes in c.entries(data, ("not_covered",)).items():
        dpath: KeyPath = ("not_covered", key)
        if key not in tables.opioids:
            c.problem(dpath, f"'{key}' is not a drug in the conversion table")
            continue
        if not isinstance(routes, list):
            c.problem(dpath, f"expected a list of routes, got {type(routes).__name__}")
            continue
        for i, route in enumerate(routes):
            path: KeyPath = (*dpath, i)
            if not isinstance(route, str) or not _known(c, tables, key, route, path):
                if not isinstance(route, str):
                    c.problem(path, "expected a route key such as po")
                continue
            if (key, route) in found:
                c.problem(path, f"{key} {route} is listed twice")
            found[(key, route)] = path
    return found


def _n(value: Fraction) -> str:
    return to_decimal_str(value, 4)
