"""Find, load and validate the conversion table (``tables/opioids.yaml``).

Loading is strict and fails closed: if anything is wrong, no conversion is done and
:class:`~lindring.errors.TableError` lists every problem as an
:class:`~lindring.errors.Issue` (checks in :mod:`lindring.table.check`).

A table that validated once is kept in a cache (``$XDG_CACHE_HOME/lindring``), so later
runs skip the YAML parser (about 35 ms of every start). The key is the table's text, its
shown path, lindring's version and the path, size and modification time of every module;
the file is named by a CRC-32 of the key and holds the whole key, compared in full on
every read, so any change to the file or the code misses. The entry is plain data that
:mod:`marshal` reads (:mod:`lindring.table.plain`; marshal's format is the interpreter's,
so its version is in the key too). Set ``LINDRING_NO_CACHE=1`` to bypass the cache.
"""

from __future__ import annotations

import os
import sys
import zlib
from functools import cache
from pathlib import Path

from lindring import __version__
from lindring.errors import Issue, TableError
from lindring.model import Tables
from lindring.names_norm import normalize_name
from lindring.table import plain
from lindring.textfile import Unreadable, data_dir, read_text, shown_path

TABLE_FILE = "opioids.yaml"
ENV_VAR = "LINDRING_TABLES"
NO_CACHE_VAR = "LINDRING_NO_CACHE"

_HERE = Path(__file__).parents[1]  # the package root
_stat = os.stat  # what the cache key reads of each module (a test changes it)


def code_files() -> list[str]:
    """Every module of the package (paths as strings: no Path to build for each on
    every start): the cache key covers all code that could build the model, so a
    change to any loader, checker or spec module invalidates it."""
    found: list[str] = []
    folders = [str(_HERE)]
    while folders:  # os.scandir: a third of the time of Path.rglob on every start
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.name.endswith(".py") and entry.is_file():
                    found.append(entry.path)
                elif entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__":
                    folders.append(entry.path)
    return sorted(found)


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
    key = _cache_key(text, shown)
    cached = _cache_file(key)
    if cached is not None:
        try:
            with cached.open("rb") as handle:
                found = plain.loads(handle.read(), key)
            # another key with the same CRC, or a damaged entry, is no hit
            if isinstance(found, Tables):
                return found
        except Exception:  # a missing or damaged cache entry: validate afresh
            pass
    tables = parse_tables(text, shown)
    if cached is not None:
        try:
            entry = plain.dumps(key, tables)
        except TypeError:  # a value the cache cannot hold (tests hold every table to it)
            return tables
        _store(cached, entry)
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


def _cache_key(text: str, shown: str) -> str:
    """What a cache entry must match: the text, lindring's and Python's versions and the
    code that builds the model (hashlib is not imported for it: its OpenSSL costs 2 ms a start)."""
    stats = ((p, _stat(p)) for p in code_files())
    code = "".join(f"{p}:{st.st_mtime_ns}:{st.st_size};" for p, st in stats)
    return f"{__version__}\0{sys.version}\0{code}\0{shown}\0{text}"


def _cache_file(key: str) -> Path | None:
    if os.environ.get(NO_CACHE_VAR):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    crc = zlib.crc32(key.encode("utf-8", "surrogatepass"))
    return Path(base) / "lindring" / f"table-{crc:08x}-{len(key):x}.marshal"


def _store(target: Path, entry: bytes) -> None:
    """Write the cache entry atomically; a read-only or full disk just means no cache."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(entry)
        partial.replace(target)
    except OSError:
        pass
