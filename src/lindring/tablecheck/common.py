"""Helpers shared by the table checks: citations and texts in two languages."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Any

from lindring import tablespec as spec
from lindring.model import (
    Caution,
    Localized,
)
from lindring.schema import Checker
from lindring.spec import Section
from lindring.yamlsource import Path as KeyPath

Cited = list[tuple[KeyPath, str]]


def cite(
    c: Checker, value: Any, path: KeyPath, cited: list[tuple[KeyPath, str]]
) -> tuple[str, ...]:
    ids = c.strings(value, path)
    cited.extend(((*path, i), s) for i, s in enumerate(ids))
    return ids


def list_of(
    c: Checker, raw: dict[str, Any], path: KeyPath, key: str, shape: Section, what: str
) -> Iterator[tuple[KeyPath, dict[str, Any]]]:
    """The well-formed entries, each with its key path, of the list under ``key``, which
    must not be empty (``what`` names what it should hold)."""
    items = raw.get(key)
    if not isinstance(items, list) or not items:
        c.problem((*path, key), f"expected a list of {what}")
        return
    for i, item in enumerate(items):
        entry = c.section(item, (*path, key, i), shape)
        if entry is not None:
            yield (*path, key, i), entry


def rising(c: Checker, strengths: list[Fraction], path: KeyPath) -> None:
    """Strengths are listed from the lowest up, each once."""
    if strengths != sorted(set(strengths)):
        c.problem(path, "strengths must rise, each once")


def loc(c: Checker, value: Any, path: KeyPath) -> Localized | None:
    found = c.localized(value, path)
    return Localized(found["nb"], found["en"]) if found else None


def caution(
    c: Checker, data: Any, path: KeyPath, cited: list[tuple[KeyPath, str]]
) -> Caution | None:
    raw = c.section(data, path, spec.CAUTION)
    if raw is None:
        return None
    nb, en = c.text(raw.get("nb"), (*path, "nb")), c.text(raw.get("en"), (*path, "en"))
    sources = cite(c, raw.get("sources"), (*path, "sources"), cited)
    return Caution(Localized(nb, en), sources) if nb and en else None
