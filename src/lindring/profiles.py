"""Guideline profiles: the same conversion under another published set of factors.

The default profile, ``norwegian``, is the conversion table itself. Every other profile
is a file ``tables/profiles/<id>.yaml`` that gives, for each drug and route of the table,
either that guideline's factor (point value, and a range only where the guideline gives
one) or says the guideline does not cover it (``not_covered``). A profile must place
every drug and route of the table in exactly one of the two, so a route added to the
table makes every profile fail validation until an editor decides.

What a profile does not cover is **unavailable** under that profile: the route is
refused with the profile's ``not_covered_text`` (exit 3), never silently filled in from
the Norwegian table, so a comparison never shows a Norwegian number under another
guideline's name. Everything else (rules, reduction, breakthrough, steps, patch
strengths, names, statuses) is the Norwegian table's: a profile changes factors only.
Methadone stays refused in every profile. A profile factor carries the usual reduction
for incomplete cross-tolerance unless the profile itself says ``target_reduction: false``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any

from lindring import editor_messages  # noqa: F401  (registers the messages used here)
from lindring.errors import InputError, TableError
from lindring.model import Caution, Factor, Localized, Opioid, Span, Tables
from lindring.tables import load_tables, tables_dir
from lindring.textfile import Unreadable, is_dir, read_text, shown_path
from lindring.units import mg_per

DEFAULT = "norwegian"
FOLDER = "profiles"
REFERENCE = ("morphine", "po")  # the reference every profile must give as exactly 1


@dataclass(frozen=True)
class ProfileFactor:
    """A factor as the guideline gives it (per microgram/h for a patch, as in the table)."""

    value: Fraction
    low: Fraction
    high: Fraction
    sources: tuple[str, ...]
    note: str = ""
    target_reduction: bool = True


@dataclass(frozen=True, eq=False)
class Profile:
    id: str
    name: Localized
    sources: tuple[str, ...]
    not_covered_text: Localized
    note: Localized
    factors: dict[tuple[str, str], ProfileFactor]
    not_covered: frozenset[tuple[str, str]]
    file: str = ""


def profile_files(directory: str | None = None) -> dict[str, Path]:
    """Profile id -> file, for every ``tables/profiles/*.yaml`` (sorted by id)."""
    folder = tables_dir(directory) / FOLDER
    if not is_dir(folder):
        return {}
    return {path.stem: path for path in sorted(folder.glob("*.yaml"))}


def profile_names(directory: str | None = None) -> list[str]:
    """``norwegian`` (the table itself), then every profile file's id."""
    return [DEFAULT, *profile_files(directory)]


def parse_profile(text: str, file: str, tables: Tables, expected_id: str | None = None) -> Profile:
    """Validate ``text`` as a profile of ``tables``; :class:`TableError` lists every problem."""
    from lindring.profilecheck import check_profile
    from lindring.schema import Checker
    from lindring.yamlsource import YamlProblem, load

    try:
        doc = load(text, file)
    except YamlProblem as exc:
        raise TableError([str(exc)]) from None
    c = Checker(doc)
    found: dict[str, Any] | None = check_profile(c, doc.data, tables, expected_id)
    if c.problems or found is None:
        raise TableError(c.problems or [f"{file}: the profile is empty"])
    return Profile(file=file, **found)


def load_profile(tables: Tables, name: str, directory: str | None = None) -> Profile:
    """The profile called ``name`` from ``tables/profiles/``, validated against ``tables``."""
    files = profile_files(directory)
    if name not in files:
        raise InputError("profile_unknown", name=name, profiles=", ".join(profile_names(directory)))
    path = files[name]
    try:
        text = read_text(path)
    except Unreadable as exc:
        raise TableError([str(exc)]) from None
    return parse_profile(text, shown_path(path), tables, name)


def apply_profile(tables: Tables, profile: Profile) -> Tables:
    """``tables`` with the profile's factors; what it does not cover is refused."""
    refusal = Caution(profile.not_covered_text, profile.sources)
    opioids: dict[str, Opioid] = {}
    for key, drug in tables.opioids.items():
        routes: dict[str, Factor] = {}
        refused = dict(drug.refused_routes)
        for route, factor in drug.routes.items():
            given = profile.factors.get((key, route))
            if given is None:
                refused[route] = refusal
                continue
            rate = tables.routes[route].kind == "rate"
            routes[route] = _factor(factor, given, rate)
        opioids[key] = replace(drug, routes=routes, refused_routes=refused)
    return replace(
        tables, opioids=opioids, version=f"{tables.version}+{profile.id}", profile=profile.id
    )


def _factor(base: Factor, given: ProfileFactor, rate: bool) -> Factor:
    # per mg, as in the table: a patch factor is mg OME per 24 h for each microgram/h
    scale = 1 / (mg_per("microgram") * 24) if rate else Fraction(1)
    return replace(
        base,
        value=given.value * scale,
        low=given.low * scale,
        high=given.high * scale,
        sources=given.sources,
        note=given.note,
        shown=Span(given.low, given.high),
        shown_value=given.value,
        target_reduction=given.target_reduction,
    )


@cache
def profile_of(directory: str | None, name: str) -> Profile:
    """The profile ``name``, validated against the table in ``directory`` (cached)."""
    return load_profile(load_tables(directory), name, directory)


@cache
def load_profiled(directory: str | None = None, name: str | None = None) -> Tables:
    """The table from ``directory`` under the profile ``name`` (``None``: the table itself)."""
    tables = load_tables(directory)
    if name is None or name == DEFAULT:
        return tables
    return apply_profile(tables, profile_of(directory, name))
