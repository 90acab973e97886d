"""The checks of ``lindring check`` that read the table without converting: reachable
drugs and routes, ceilings, names, sources, profiles, handbook embeds, version."""

from __future__ import annotations

import dataclasses
from dataclasses import replace
from fractions import Fraction
from pathlib import Path
from typing import Any

from lindring.checks.tally import Finding, Tally, finding, from_error, number
from lindring.errors import LindringError
from lindring.handbook.book import check_chapters, load_handbook
from lindring.model import Tables
from lindring.names import drug_spellings, find_drug, find_route, route_spellings
from lindring.records import record
from lindring.units import mg_per


@record
class CheckResult:
    name: str
    passed: int
    failures: tuple[Finding, ...]
    notes: tuple[Finding, ...] = ()
    skipped: bool = False

    @property
    def failed(self) -> int:
        return len(self.failures)


def reachable(tables: Tables) -> Tally:
    tally = Tally()
    used: set[str] = set()
    for key, drug in tables.opioids.items():
        used.update(drug.routes, drug.refused_routes)
        ok = bool(drug.routes) or drug.status == "nonlinear" or bool(drug.refused_routes)
        tally.item(ok, "check.no_route", key)
    for route in tables.routes:
        tally.item(route in used, "check.route_unused", route=route)
    return tally


def ceilings(tables: Tables) -> Tally:
    tally = Tally()
    for key, drug in tables.opioids.items():
        if drug.ceiling is None:
            continue
        value = drug.ceiling.value  # mg per 24 h: the loader accepts no other unit
        daily = {r: f for r, f in drug.routes.items() if tables.routes[r].kind == "dose"}
        tally.item(bool(daily), "check.ceiling_needs_daily", key)
        if not daily:
            continue
        finest = [min(p.dose_step for p in f.products) for f in daily.values() if f.products]
        step = max(finest, default=Fraction(0)) * mg_per(drug.unit)
        if value >= step:
            tally.passed += 1
        else:
            tally.fail("check.ceiling_below_step", key, value=number(value), step=number(step))
        ome = value * max(f.value for f in daily.values())
        limit = tables.plausibility.refuse_above
        if ome <= limit:
            tally.passed += 1
        else:
            tally.fail("check.ceiling_implausible", key, ome=number(ome), limit=number(limit))
    return tally


def names(tables: Tables) -> Tally:
    tally = Tally()
    for key, drug in tables.opioids.items():
        for name in dict.fromkeys(drug_spellings(drug)):
            found = find_drug(tables, name)
            tally.item(found is drug, "check.name_not_alone", name=name, key=key)
    for gid, group in tables.refused.items():
        for name in group.names:
            tally.item(find_drug(tables, name) is group, "check.name_elsewhere", name=name, key=gid)
    for key, route in tables.routes.items():
        for name in route_spellings(route):
            found_route = find_route(tables, name)
            tally.item(found_route is route, "check.route_name_elsewhere", name=name, key=key)
    return tally


def cited_ids(value: Any) -> set[str]:
    """Every source id cited anywhere in a model object (fields ``sources``, ``*_sources``)."""
    found: set[str] = set()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            inner = getattr(value, f.name)
            if f.name == "sources" or f.name.endswith("_sources"):
                if isinstance(inner, tuple):
                    found.update(s for s in inner if isinstance(s, str))
                    continue
                if isinstance(inner, dict):  # Tables.sources: the definitions, not citations
                    continue
            found |= cited_ids(inner)
    elif isinstance(value, dict):
        for inner in value.values():
            found |= cited_ids(inner)
    elif isinstance(value, tuple | list):
        for inner in value:
            found |= cited_ids(inner)
    return found


def sources(tables: Tables, cited_elsewhere: set[str]) -> Tally:
    tally = Tally()
    for key, drug in tables.opioids.items():
        for route, factor in drug.routes.items():
            sourced = bool(factor.sources) and all(p.sources for p in factor.products)
            tally.item(bool(sourced), "check.unsourced", f"{key} {route}")
        if drug.ceiling:
            tally.item(bool(drug.ceiling.sources), "check.unsourced", f"{key} ceiling")
    cited = cited_ids(tables)
    for sid in sorted(cited):
        tally.item(sid in tables.sources, "check.source_undefined", source=sid)
    for sid in tables.sources:
        tally.item(sid in cited or sid in cited_elsewhere, "check.source_uncited", source=sid)
    return tally


def profiles(tables: Tables, directory: Path | None) -> tuple[Tally, set[str]]:
    """Every profile loads (:func:`lindring.table.profiles.parse_profile` runs the table's own
    checks on it) and passes every check of ``lindring check`` that the main table does:
    reachable, pairs, round trips, route ratios, the start-dose sweep, patches,
    ceilings, names and sources. Failures name the profile and the check."""
    from lindring.table.profiles import load_profile_file, profile_files

    tally, cited = Tally(), set[str]()
    if directory is None:
        return tally, cited
    for name, path in profile_files(str(directory)).items():
        try:
            found = load_profile_file(path, str(directory))
        except LindringError as exc:
            tally.failures.extend(from_error(exc, name))
            continue
        cited.update(found.profile.sources)
        cited.update(cited_ids(found.tables))
        for check, result in table_suite(found.tables).items():
            tally.passed += result.passed
            tally.failures.extend(replace(f, profile=name, check=check) for f in result.failures)
    return tally, cited


def table_suite(tables: Tables) -> dict[str, Tally]:
    """The checks that read one table on its own (a profile's as well as the main one)."""
    from lindring.checks import convert as calc
    from lindring.checks import start as start_checks

    own = Tally()
    for sid in sorted(cited_ids(tables)):
        own.item(sid in tables.sources, "check.source_undefined", source=sid)
    return {
        "reachable": reachable(tables),
        "pairs": calc.pairs(tables),
        "round_trips": calc.round_trips(tables),
        "route_ratios": start_checks.route_ratios(tables),
        "start_doses": start_checks.start_doses(tables),
        "patches": calc.patch_tables(tables),
        "ceilings": ceilings(tables),
        "names": names(tables),
        "sources": own,
    }


def handbook(tables: Tables, directory: str | None) -> CheckResult:
    """The handbook's embeds and links resolve against ``tables`` (if there is one)."""
    try:
        found = check_chapters(tables, directory)
        chapters = len(load_handbook(directory).chapters)
    except LindringError as exc:  # no handbook directory: nothing to check
        return CheckResult("handbook", 0, (), tuple(from_error(exc)), True)
    errors = [p for p in found if p.severity == "error"]
    bad = {p.file for p in errors}
    notes = () if chapters else (finding("check.note_no_chapters"),)
    failures = tuple(Finding(p) for p in errors)
    return CheckResult("handbook", max(0, chapters - len(bad)), failures, notes)


def version(tables: Tables, directory: Path) -> CheckResult:
    """Numbers changed since ``HEAD`` need a higher version and a changelog entry."""
    from lindring.table.check.rules import version_key
    from lindring.table.flat import NUMBER_KINDS, changes, flatten
    from lindring.table.load import TABLE_FILE, parse_cached
    from lindring.table.source import GitUnavailable, git_show

    notes: tuple[Finding, ...] = ()
    failures: list[Finding] = []
    if not tables.changelog:
        failures.append(finding("check.no_changelog", version=tables.version))
    try:
        committed = parse_cached(git_show("HEAD", directory), f"HEAD:{TABLE_FILE}")
    except GitUnavailable as exc:
        note = finding("check.note_no_git_because", reason=str(exc))
        return CheckResult("version", 0, tuple(failures), (note,))
    except LindringError:
        return CheckResult("version", 0, tuple(failures), (finding("check.note_head_invalid"),))
    changed = [c for c in changes(flatten(committed), flatten(tables)) if c[0] in NUMBER_KINDS]
    if changed and tables.version == committed.version:
        shown = "; ".join(f"{path}: {old} -> {new}" for _, path, old, new in changed[:3])
        values = {"count": str(len(changed)), "changes": shown, "version": tables.version}
        if len(changed) > 3:
            values["more"] = str(len(changed) - 3)
        code = "check.version_not_raised_more" if "more" in values else "check.version_not_raised"
        failures.append(finding(code, **values))
    elif version_key(tables.version) < version_key(committed.version):
        failures.append(
            finding("check.version_below", version=tables.version, head=committed.version)
        )
    if not changed:
        notes = (finding("check.note_unchanged"),)
    return CheckResult("version", 0 if failures else 1, tuple(failures), notes)
