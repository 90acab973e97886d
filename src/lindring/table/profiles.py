"""Guideline profiles: the same conversion under another published guideline.

The default profile, ``norwegian``, is the conversion table itself. Every other profile
is a file ``tables/profiles/<id>.yaml`` in the format of ``tables/opioids.yaml``: a
whole table, or, with ``base: norwegian``, what differs from the Norwegian table
(merged by :mod:`lindring.table.profile_merge`). It may override or add drugs, routes,
factors, route ratios, products, patch tables and rules (reduction, breakthrough), and
the merged table is checked by the same checks as the main table (``lindring validate``
and ``lindring check``).

A profile with a base must give every drug and route of the base either its own factor
or list it under ``not_covered``: what a profile does not cover is **refused** under it
with the profile's ``not_covered_text`` (exit 3), never filled in from the Norwegian
table, so a comparison never shows a Norwegian number under another guideline's name.
Products and patches sold stay the base's unless the profile gives its own. Methadone
stays refused in every profile.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from lindring.errors import InputError, Issue, TableError
from lindring.model import Localized, Tables
from lindring.records import record
from lindring.table.load import TABLE_FILE, load_tables, tables_dir
from lindring.textfile import Unreadable, is_dir, read_text, shown_path

if TYPE_CHECKING:  # yaml stays off the start path of convert
    from lindring.table.yamlsource import Located

DEFAULT = "norwegian"
FOLDER = "profiles"


@record
class Profile:
    id: str
    name: Localized
    sources: tuple[str, ...]
    not_covered_text: Localized
    note: Localized
    not_covered: frozenset[tuple[str, str]]
    base: str | None = None
    file: str = ""


@record(eq=False)
class Profiled:
    """A profile and the whole table it describes."""

    profile: Profile
    tables: Tables


def profile_files(directory: str | None = None) -> dict[str, Path]:
    """Profile id -> file, for every ``tables/profiles/*.yaml`` (sorted by id)."""
    folder = tables_dir(directory) / FOLDER
    if not is_dir(folder):
        return {}
    return {path.stem: path for path in sorted(folder.glob("*.yaml"))}


def profile_names(directory: str | None = None) -> list[str]:
    """``norwegian`` (the table itself), then every profile file's id."""
    return [DEFAULT, *profile_files(directory)]


def parse_profile(
    text: str, file: str, base: Located | None, expected_id: str | None = None
) -> Profiled:
    """Validate ``text`` as a profile over ``base`` (the base table's document, needed
    when the profile says ``base:``); :class:`TableError` lists every problem."""
    from lindring.table.check import build
    from lindring.table.check.common import Cited
    from lindring.table.checker import Checker
    from lindring.table.profile_check import check_cover, check_meta, not_covered
    from lindring.table.profile_merge import merge, withdraw
    from lindring.table.yamlsource import YamlProblem, load

    try:
        doc = load(text, file)
    except YamlProblem as exc:
        raise TableError([exc.issue]) from None
    c = Checker(doc)
    cited: Cited = []
    meta = check_meta(c, doc.data, expected_id, cited)
    uncovered = not_covered(c, doc.data)
    if c.problems or meta is None:
        raise TableError(c.problems or [Issue(file, code="problem.profile_empty")])
    inherited = base if meta["base"] else None
    merged = merge(inherited, doc)
    if inherited is not None:
        check_cover(c, inherited.data, doc.data, merged.data, uncovered)
        if ("morphine", "po") in uncovered:  # no table without its reference
            raise TableError(c.problems)
    refusal = {
        "nb": meta["not_covered_text"].nb,
        "en": meta["not_covered_text"].en,
        "sources": list(meta["sources"]),
    }
    table_doc = withdraw(merged, uncovered, refusal)
    checker = Checker(table_doc)
    tables = build(checker, table_doc.data, file)
    for path, source_id in cited:
        if tables is not None and source_id not in tables.sources:
            c.problem(path, "problem.unknown_source", "hint.add_source", source=source_id)
    problems = [*c.problems, *checker.problems]
    if problems or tables is None:
        raise TableError(problems or [Issue(file, code="problem.profile_table_empty")])
    profile = Profile(
        meta["id"],
        meta["name"],
        meta["sources"],
        meta["not_covered_text"],
        meta["note"],
        frozenset(uncovered),
        meta["base"],
        file,
    )
    version = f"{tables.version}+{profile.id}"
    found = replace(tables, version=version, profile=profile.id, uncovered=frozenset(uncovered))
    return Profiled(profile, found)


def base_document(directory: str | None = None) -> Located:
    """The Norwegian table's YAML document (the base profiles inherit from)."""
    from lindring.table.yamlsource import YamlProblem

    path = tables_dir(directory) / TABLE_FILE
    try:
        return _document(str(path.resolve()), read_text(path), shown_path(path))
    except Unreadable as exc:
        raise TableError([exc.issue()]) from None
    except YamlProblem as exc:
        raise TableError([exc.issue]) from None


@cache
def _document(_where: str, text: str, shown: str) -> Located:
    from lindring.table.yamlsource import load

    return load(text, shown)


def load_profile_file(path: Path, directory: str | None = None) -> Profiled:
    """The profile in ``path`` over the Norwegian table of ``directory``."""
    load_tables(directory)  # the base must itself be a valid table
    try:
        text = read_text(path)
    except Unreadable as exc:
        raise TableError([exc.issue()]) from None
    return parse_profile(text, shown_path(path), base_document(directory), path.stem)


@cache
def profiled(directory: str | None, name: str) -> Profiled:
    """The profile ``name`` and its table, from ``directory`` (cached)."""
    files = profile_files(directory)
    if name not in files:
        raise InputError("profile_unknown", name=name, profiles=", ".join(profile_names(directory)))
    return load_profile_file(files[name], directory)


def profile_of(directory: str | None, name: str) -> Profile:
    """The profile ``name`` (validated with its table)."""
    return profiled(directory, name).profile


def load_profiled(directory: str | None = None, name: str | None = None) -> Tables:
    """The table from ``directory`` under the profile ``name`` (``None``: the table itself)."""
    if name is None or name == DEFAULT:
        return load_tables(directory)
    return profiled(directory, name).tables
