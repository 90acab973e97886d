"""A guideline profile over its base table: the two YAML documents merged into one table.

A profile file is written in the format of ``tables/opioids.yaml``. With ``base:
norwegian`` it inherits everything of the Norwegian table and says only what differs:

* mappings merge key by key, the profile's value winning; a list (aliases, products,
  strengths, sources) is replaced whole;
* a route entry that gives its own ``factor`` replaces the base's factor together with
  its ``range``, ``sources``, ``note`` and ``target_reduction`` (a guideline's number
  never keeps another guideline's range or citation); products and patches stay
  inherited unless the profile gives its own;
* ``route_ratios`` merge by their pair of routes (either order); a base ratio that names
  a route the profile gives its own factor for is not inherited (the profile states
  the ratios its own values give);
* a route the profile gives a factor for is no longer refused (a guideline may count
  transmucosal fentanyl, which the Norwegian table refuses);
* every drug and route listed under ``not_covered`` leaves the table: the route is
  refused with the profile's ``not_covered_text``, the route ratios that name it go,
  and a drug left without an injectable route leaves the pump's ampoules.

Every path of the merged document keeps the line and file it was written in, so a
problem in an inherited part points at the base table and one in the profile at the
profile. Pure: documents in, document out.
"""

from __future__ import annotations

from typing import Any

from lindring.table.yamlsource import Located
from lindring.table.yamlsource import Path as KeyPath

#: keys that belong to one guideline's factor and are replaced as a group
FACTOR_GROUP = ("factor", "range", "sources", "note", "target_reduction")
#: the profile's own keys, which are not part of the merged table
PROFILE_KEYS = ("profile", "base", "not_covered")
INJECTED = ("sc", "iv")  # routes a pump ampoule serves


class _Merge:
    def __init__(self, base: Located, profile: Located) -> None:
        self.base = base
        self.profile = profile
        self.marks: dict[KeyPath, tuple[int, int]] = {}
        self.files: dict[KeyPath, str] = {}

    def copy(self, doc: Located, value: Any, src: KeyPath, dst: KeyPath) -> Any:
        if src in doc.marks:
            self.marks[dst] = doc.marks[src]
            if doc is self.base:
                self.files[dst] = doc.file
        if isinstance(value, dict):
            return {k: self.copy(doc, v, (*src, k), (*dst, k)) for k, v in value.items()}
        if isinstance(value, list):
            return [self.copy(doc, v, (*src, i), (*dst, i)) for i, v in enumerate(value)]
        return value

    def both(self, old: Any, new: Any, path: KeyPath) -> Any:
        if isinstance(old, dict) and isinstance(new, dict):
            if _is_route(path) and "factor" in new:
                old = {k: v for k, v in old.items() if k not in FACTOR_GROUP}
            if path in self.profile.marks:
                self.marks[path] = self.profile.marks[path]
            merged: dict[str, Any] = {}
            for key, value in old.items():
                if key in new:
                    merged[key] = self.both(value, new[key], (*path, key))
                elif _is_ratios((*path, key)) and isinstance(value, list):
                    kept = self.ratios(value, [], (*path, key))
                    if kept:
                        merged[key] = kept
                else:
                    merged[key] = self.copy(self.base, value, (*path, key), (*path, key))
            for key, value in new.items():
                if key not in old:
                    merged[key] = self.copy(self.profile, value, (*path, key), (*path, key))
            return merged
        if isinstance(old, list) and isinstance(new, list) and _is_ratios(path):
            return self.ratios(old, new, path)
        return self.copy(self.profile, new, path, path)

    def ratios(self, old: list[Any], new: list[Any], path: KeyPath) -> list[Any]:
        """Route ratios merged by their pair of routes; the profile's win. A base ratio
        that names a route the profile gives its own factor for is not inherited."""
        given = {_pair(item) for item in new}
        own = _own_routes(self.profile.data, str(path[1]))
        found: list[Any] = []
        for i, item in enumerate(old):
            pair = _pair(item)
            if pair is None or (pair not in given and not pair & own):
                found.append(self.copy(self.base, item, (*path, i), (*path, len(found))))
        for i, item in enumerate(new):
            found.append(self.copy(self.profile, item, (*path, i), (*path, len(found))))
        if path in self.profile.marks:
            self.marks[path] = self.profile.marks[path]
        return found


def _own_routes(data: Any, drug: str) -> frozenset[str]:
    """The routes of ``drug`` the profile gives its own factor for."""
    drugs = data.get("opioids") if isinstance(data, dict) else None
    entry = drugs.get(drug) if isinstance(drugs, dict) else None
    routes = entry.get("routes") if isinstance(entry, dict) else None
    if not isinstance(routes, dict):
        return frozenset()
    return frozenset(r for r, e in routes.items() if isinstance(e, dict) and "factor" in e)


def _is_route(path: KeyPath) -> bool:
    return len(path) == 4 and path[0] == "opioids" and path[2] == "routes"


def _is_ratios(path: KeyPath) -> bool:
    return len(path) == 3 and path[0] == "opioids" and path[2] == "route_ratios"


def _pair(item: Any) -> frozenset[str] | None:
    routes = item.get("routes") if isinstance(item, dict) else None
    if isinstance(routes, list) and all(isinstance(r, str) for r in routes):
        return frozenset(routes)
    return None


def merge(base: Located | None, profile: Located) -> Located:
    """The table ``profile`` describes: its own keys over ``base`` (``None``: no base, the
    profile is a whole table). The profile's own keys (``PROFILE_KEYS``) are left out."""
    own = {k: v for k, v in profile.data.items() if k not in PROFILE_KEYS}
    job = _Merge(base or Located(profile.file, {}, {}), profile)
    data = job.both(base.data if base else {}, own, ())
    _unrefuse(data, own)
    return Located(profile.file, data, job.marks, job.files)


def _unrefuse(data: Any, own: dict[str, Any]) -> None:
    """A route the profile gives a factor for is no longer refused (the base refuses
    transmucosal fentanyl; a guideline may count it)."""
    drugs, mine = data.get("opioids"), own.get("opioids")
    if not isinstance(drugs, dict) or not isinstance(mine, dict):
        return
    for key, entry in mine.items():
        routes = entry.get("routes") if isinstance(entry, dict) else None
        merged = drugs.get(key)
        refused = merged.get("refused_routes") if isinstance(merged, dict) else None
        if not isinstance(routes, dict) or not isinstance(refused, dict):
            continue
        for route, given in routes.items():
            if (
                isinstance(given, dict)
                and "factor" in given
                and route not in entry.get("refused_routes", {})
            ):
                refused.pop(route, None)
        if not refused and isinstance(merged, dict):
            del merged["refused_routes"]


def withdraw(
    doc: Located,
    uncovered: dict[tuple[str, str], KeyPath],
    refusal: dict[str, Any],
) -> Located:
    """``doc`` without the drug routes in ``uncovered`` (drug, route -> where the profile
    lists it): each becomes a refused route with ``refusal`` (a caution: nb, en,
    sources). Route ratios naming it are dropped, and a pump ampoule whose drug is left
    without an injectable route. Entries not in the document are left to the caller."""
    data: dict[str, Any] = doc.data
    marks = dict(doc.marks)
    files = dict(doc.files)
    drugs = data.get("opioids") if isinstance(data, dict) else None
    if not isinstance(drugs, dict):
        return doc
    for (key, route), where in uncovered.items():
        drug = drugs.get(key)
        if not isinstance(drug, dict):
            continue
        routes = drug.get("routes")
        if not isinstance(routes, dict) or route not in routes:
            continue
        del routes[route]
        refused = drug.setdefault("refused_routes", {})
        if not isinstance(refused, dict):
            continue
        refused[route] = dict(refusal)
        dst: KeyPath = ("opioids", key, "refused_routes", route)
        if where in doc.marks or where in marks:
            marks[dst] = marks.get(where, doc.marks.get(where, (1, 1)))
            files.pop(dst, None)
        ratios = drug.get("route_ratios")
        if isinstance(ratios, list):
            kept = [r for r in ratios if route not in (_pair(r) or ())]
            if len(kept) != len(ratios):
                _reindex(marks, files, ("opioids", key, "route_ratios"), ratios, kept)
                if kept:
                    drug["route_ratios"] = kept
                else:
                    del drug["route_ratios"]
    _drop_ampoules(data, drugs)
    return Located(doc.file, data, marks, files)


def _reindex(
    marks: dict[KeyPath, tuple[int, int]],
    files: dict[KeyPath, str],
    path: KeyPath,
    old: list[Any],
    kept: list[Any],
) -> None:
    """Move the marks of the kept list items to their new indexes."""
    moves = [(old.index(item), i) for i, item in enumerate(kept)]
    depth = len(path)
    saved = {
        k: (v, files.get(k))
        for k, v in marks.items()
        if k[:depth] == path and len(k) > depth and isinstance(k[depth], int)
    }
    for k in saved:
        marks.pop(k, None)
        files.pop(k, None)
    for before, after in moves:
        for k, (mark, file) in saved.items():
            if k[depth] == before:
                new = (*path, after, *k[depth + 1 :])
                marks[new] = mark
                if file is not None:
                    files[new] = file


def _drop_ampoules(data: dict[str, Any], drugs: dict[str, Any]) -> None:
    pump = data.get("pump")
    ampoules = pump.get("ampoules") if isinstance(pump, dict) else None
    if not isinstance(ampoules, dict):
        return
    for key in list(ampoules):
        drug = drugs.get(key)
        routes = drug.get("routes") if isinstance(drug, dict) else None
        if isinstance(routes, dict) and not set(INJECTED) & set(routes):
            del ampoules[key]
