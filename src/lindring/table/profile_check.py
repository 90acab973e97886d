"""Checks of a guideline profile's own keys (``tables/profiles/*.yaml``).

The table a profile describes is checked by the table's own checks
(:mod:`lindring.table.check`) once it is merged with its base
(:mod:`lindring.table.profile_merge`). What is checked here, reported as
``FILE:LINE:COL: path: message`` like the table's checks: the ``profile`` section and
its id, ``base``, the ``not_covered`` lists, and, for a profile with a base, that every
drug and route of the base is either given this guideline's own factor or listed as not
covered (never both), so no number of the base is shown under the guideline's name.
"""

from __future__ import annotations

import difflib
from typing import Any

from lindring.errors import params
from lindring.table import profile_spec as spec
from lindring.table.check.common import Cited, cite, loc
from lindring.table.checker import Checker, its_routes, word
from lindring.table.spec import ID_PATTERN
from lindring.table.yamlsource import Path as KeyPath

Uncovered = dict[tuple[str, str], KeyPath]


def check_meta(
    c: Checker, data: Any, expected_id: str | None, cited: Cited
) -> dict[str, Any] | None:
    """The profile's own fields (id, name, sources, texts, base), or ``None``."""
    top = c.section(data, (), spec.PROFILE)
    if top is None:
        return None
    meta = c.section(top.get("profile"), ("profile",), spec.PROFILE_META) or {}
    pid = c.text(meta.get("id"), ("profile", "id"), ID_PATTERN)
    if pid and expected_id and pid != expected_id:
        c.problem(
            ("profile", "id"),
            "problem.profile_id",
            id=pid,
            expected=expected_id,
        )
    name = loc(c, meta.get("name"), ("profile", "name"))
    sources = cite(c, meta.get("sources"), ("profile", "sources"), cited)
    uncovered_text = loc(c, meta.get("not_covered_text"), ("profile", "not_covered_text"))
    note = loc(c, meta.get("note"), ("profile", "note"))
    base = None
    if "base" in top:
        base = c.choice(top["base"], ("base",), spec.BASES)
        if base is None:
            return None
    if not (pid and name and uncovered_text and note):
        return None
    return {
        "id": pid,
        "name": name,
        "sources": sources,
        "not_covered_text": uncovered_text,
        "note": note,
        "base": base,
    }


def not_covered(c: Checker, data: Any) -> Uncovered:
    """Drug and route -> where the profile lists it under ``not_covered``."""
    found: Uncovered = {}
    raw = data.get("not_covered") if isinstance(data, dict) else None
    for key, routes in c.entries(raw, ("not_covered",)).items():
        dpath: KeyPath = ("not_covered", key)
        if not isinstance(routes, list):
            c.problem(dpath, "problem.expected_routes", got=word(f"value.{type(routes).__name__}"))
            continue
        for i, route in enumerate(routes):
            path: KeyPath = (*dpath, i)
            if not isinstance(route, str):
                c.problem(path, "problem.expected_route_key")
                continue
            if (key, route) in found:
                c.problem(path, "problem.listed_twice", drug=key, route=route)
            found[(key, route)] = path
    return found


def check_cover(c: Checker, base: Any, data: Any, merged: Any, uncovered: Uncovered) -> None:
    """Every drug and route of ``base`` is given a factor in ``data`` or is not covered,
    never both; everything not covered is a route of the merged table."""
    own = _routes(data)
    for key, route in sorted(_routes(base)):
        written = (key, route) in own and "factor" in own[(key, route)]
        if written and (key, route) in uncovered:
            c.problem(
                uncovered[(key, route)],
                "problem.covered_and_not",
                drug=key,
                route=route,
            )
        elif not written and (key, route) not in uncovered:
            c.problem(
                _drug_path(data, key),
                "problem.not_covered_missing",
                "hint.give_factor",
                params(drug=key, route=route),
                drug=key,
                route=route,
            )
    reference = uncovered.get(("morphine", "po"))
    if reference is not None:
        c.problem(reference, "problem.reference_covered")
    known = _drugs(base)
    drugs = data.get("opioids") if isinstance(data, dict) else None
    for key in _drugs(data):
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.7)
        named = isinstance(drugs, dict) and isinstance(drugs[key], dict) and "name" in drugs[key]
        if key not in known and close and not named:  # a misspelt key, not a new drug
            c.problem(
                ("opioids", key),
                "problem.new_drug",
                "hint.new_drug",
                params(name=close[0]),
                key=key,
            )
    present = _routes(merged)
    for (key, route), path in uncovered.items():
        if (key, route) not in present:
            drugs = merged.get("opioids") if isinstance(merged, dict) else None
            drug = drugs.get(key) if isinstance(drugs, dict) else None
            if not isinstance(drug, dict):
                c.problem(path, "problem.not_profile_drug", key=key)
            else:
                listed = ", ".join(r for k, r in sorted(present) if k == key)
                c.problem(
                    path,
                    "problem.not_profile_route",
                    *its_routes(listed),
                    route=route,
                    drug=key,
                )


def _drugs(data: Any) -> list[str]:
    drugs = data.get("opioids") if isinstance(data, dict) else None
    return list(drugs) if isinstance(drugs, dict) else []


def _routes(data: Any) -> dict[tuple[str, str], dict[str, Any]]:
    """Drug and route -> the route's entry, for every route written in ``data``."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    drugs = data.get("opioids") if isinstance(data, dict) else None
    if not isinstance(drugs, dict):
        return found
    for key, drug in drugs.items():
        routes = drug.get("routes") if isinstance(drug, dict) else None
        if isinstance(routes, dict):
            for route, entry in routes.items():
                found[(key, route)] = entry if isinstance(entry, dict) else {}
    return found


def _drug_path(data: Any, key: str) -> KeyPath:
    """Where to report a route missing for ``key``: its entry, if the profile has one."""
    drugs = data.get("opioids") if isinstance(data, dict) else None
    if isinstance(drugs, dict) and key in drugs:
        return ("opioids", key)
    found = data.get("not_covered") if isinstance(data, dict) else None
    if isinstance(found, dict) and key in found:
        return ("not_covered", key)
    return ("profile",)
