"""Find, load and validate the conversion table (``tables/opioids.yaml``).

Loading is strict and fails closed: if anything is wrong, no conversion is done and
:class:`~lindring.errors.TableError` lists every problem as an
:class:`~lindring.errors.Issue` (checks in :mod:`lindring.table.check`).

A table that validated once is kept in a cache keyed by the SHA-256 of its text and
lindring's version (``$XDG_CACHE_HOME/lindring``), so later runs skip the YAML parser
(about 35 ms of every start). Any change to the file changes the key; set
``LINDRING_NO_CACHE=1`` to bypass the cache.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from functools import cache
from pathlib import Path

from lindring import __version__
from lindring.errors import Issue, TableError
from lindring.model import Tables
from lindring.names_norm import normalize_name
from lindring.textfile import Unreadable, data_dir, read_text, shown_path

TABLE_FILE = "opioids.yaml"
ENV_VAR = "LINDRING_TABLES"
NO_CACHE_VAR = "LINDRING_NO_CACHE"

_HERE = Path(__file__).parents[1]  # the package root


def code_files() -> list[Path]:
    """Every module of the package: the cache key covers all code that could build the
    model, so a change to any loader, checker or spec module invalidates it."""
    return sorted(_HERE.rglob("*.py"))


__all__ = ["load_tables", "normalize_name", "parse_cached", "parse_tables", "tables_dir"]


def tables_dir(override: str | None = None) -> Path:
    """Where the tables are: ``--tables``, then ``$LINDRING_TABLES``, then the package."""
    return data_dir("tables", ENV_VAR, override)


@cache
def load_tables(directory: str | None = None) -> Tables:
    """The validated table from ``directory`` (see :func:`tables_dir`), cached per process."""
    path = tables_dir(directory) / TABLE_FILE
    shown = shown_path(path)
    try:
        text = read_text(path, shown)
    except Unreadable as exc:
        raise TableError([exc.issue()]) from None
    return parse_cached(text, shown)


def parse_cached(text: str, shown: str) -> Tables:
    """:func:`parse_tables`, through the cache of validated tables (any version of the
    table: the working copy, or ``git HEAD``'s for ``lindring check``)."""
    cached = _cache_file(text, shown)
    if cached is not None:
        try:
            with cached.open("rb") as handle:
                found = pickle.load(handle)
            if isinstance(found, Tables):
                return found
        except Exception:  # a missing or damaged cache entry: validate afresh
            pass
    tables = parse_tables(text, shown)
    if cached is not None:
        _store(cached, tables)
    return tables


def parse_tables(text: str, file: str) -> Tables:
    """Validate ``text`` as a conversion table; :class:`TableError` lists every problem."""
    from lindring.table.check import build
    from lindring.table.checker import Checker
    from lindring.table.yamlsource import YamlProblem, load

    try:
        doc = load(text, file)
    except YamlProblem as exc:
        raise TableError([exc.issue]) from None
    check = Checker(doc)
    tables = build(check, doc.data, file)
    if check.problems or tables is None:
        raise TableError(check.problems or [Issue(file, code="problem.table_empty")])
    return tables


def _cache_file(text: str, shown: str) -> Path | None:
    if os.environ.get(NO_CACHE_VAR):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    # the key changes with the text, lindring's version and the code that builds the model
    code = "".join(f"{p}:{p.stat().st_mtime_ns}:{p.stat().st_size};" for p in code_files())
    key = hashlib.sha256(f"{__version__}\0{code}\0{shown}\0{text}".encode()).hexdigest()[:32]
    return Path(base) / "lindring" / f"table-{key}.pickle"


def _store(target: Path, tables: Tables) -> None:
    """Write the cache entry atomically; a read-only or full disk just means no cache."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump(tables, handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(target)
    except OSError:
        pass
