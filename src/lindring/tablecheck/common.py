"""Helpers shared by the table checks: citations and texts in two languages."""

from __future__ import annotations

from typing import Any

from lindring import tablespec as spec
from lindring.model import (
    Caution,
    Localized,
)
from lindring.schema import Checker
from lindring.yamlsource import Path as KeyPath

Cited = list[tuple[KeyPath, str]]


def cite(
    c: Checker, value: Any, path: KeyPath, cited: list[tuple[KeyPath, str]]
) -> tuple[str, ...]:
    ids = c.strings(value, path)
    cited.extend(((*path, i), s) for i, s in enumerate(ids))
    return ids


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
