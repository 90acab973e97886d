"""``handbook/sources.yaml``: sources the chapters cite that the conversion table does
not have (the drugs for the last days of life, naloxone, laxatives ...).

Same fields as the table's ``sources`` (``docs/tables.md``): title, publisher, year,
section, and optionally url and note. Read strictly, every problem with its line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from lindring.errors import Issue
from lindring.model import Source
from lindring.table.checker import Checker
from lindring.table.yamlsource import Path as KeyPath
from lindring.table.yamlsource import YamlProblem, load
from lindring.textfile import Unreadable, is_file, read_text

ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"


def load_sources(path: Path, shown: Callable[[Path], str]) -> tuple[dict[str, Source], list[Issue]]:
    """The sources in ``path`` (none when the file does not exist) and its problems."""
    if not is_file(path):
        return {}, []
    file = shown(path)
    try:
        text = read_text(path, file)
    except Unreadable as exc:
        return {}, [exc.issue()]
    try:
        doc = load(text, file)
    except YamlProblem as exc:
        return {}, [exc.issue]
    check = Checker(doc)
    top = check.mapping(doc.data, (), ("sources",))
    if top is None:
        return {}, check.problems
    return _sources(check, top.get("sources")), check.problems


def _sources(check: Checker, data: Any) -> dict[str, Source]:
    """Each entry checked like the table's sources: required and optional fields."""
    result = {}
    for sid, raw in check.entries(data, ("sources",)).items():
        path: KeyPath = ("sources", sid)
        check.text(sid, path, ID_PATTERN)
        entry = check.mapping(raw, path, ("title", "publisher", "year", "section"), ("url", "note"))
        if entry is None:
            continue
        texts = [check.text(entry.get(k), (*path, k)) for k in ("title", "publisher", "section")]
        year = check.integer(entry.get("year"), (*path, "year"), minimum=1900)
        url = check.url(entry["url"], (*path, "url")) if "url" in entry else ""
        note = check.text(entry["note"], (*path, "note")) if "note" in entry else ""
        title, publisher, section = texts
        if title and publisher and section and year:  # a bad url or note is its own problem
            result[sid] = Source(sid, title, publisher, year, section, url or "", note or "")
    return result


def where_defined(path: Path, shown: Callable[[Path], str]) -> dict[str, tuple[str, int, int]]:
    """``source id -> (file, line, column)`` of its entry (for problems about unused
    sources)."""
    if not is_file(path):
        return {}
    try:
        doc = load(read_text(path, shown(path)), shown(path))
    except (Unreadable, YamlProblem):
        return {}
    data = doc.data.get("sources") if isinstance(doc.data, dict) else None
    if not isinstance(data, dict):
        return {}
    return {sid: doc.position(("sources", sid)) for sid in data}
