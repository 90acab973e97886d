"""Helpers shared by the table checks: citations and texts in two languages."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Any

from lindring.model import (
    Caution,
    FrailRule,
    Localized,
    Renal,
    RenalBand,
)
from lindring.table import spec
from lindring.table.checker import Checker
from lindring.table.vocabulary import Section
from lindring.table.yamlsource import Path as KeyPath

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
    must not be empty (``what`` is the code of the problem when it is not a list)."""
    items = raw.get(key)
    if not isinstance(items, list) or not items:
        c.problem((*path, key), what)
        return
    for i, item in enumerate(items):
        entry = c.section(item, (*path, key, i), shape)
        if entry is not None:
            yield (*path, key, i), entry


def rising(c: Checker, strengths: list[Fraction], path: KeyPath) -> None:
    """Strengths are listed from the lowest up, each once."""
    if strengths != sorted(set(strengths)):
        c.problem(path, "problem.strengths_rise")


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
    short = None
    if "short_nb" in raw or "short_en" in raw:  # the two come together
        brief = {}
        for key in ("short_nb", "short_en"):
            if key in raw:
                brief[key] = c.text(raw[key], (*path, key))
            else:
                c.problem((*path, key), "problem.missing_key", key=key)
        short_nb, short_en = brief.get("short_nb"), brief.get("short_en")
        short = Localized(short_nb, short_en) if short_nb and short_en else None
    return Caution(Localized(nb, en), sources, short) if nb and en else None


def renal(c: Checker, data: Any, path: KeyPath, cited: list[tuple[KeyPath, str]]) -> Renal | None:
    """A drug's renal caution and its eGFR bands: limits falling from the first band (the
    narrowest, lowest eGFR) to the last, each once; ``percent`` only on a ``reduce`` band,
    above 0 and below 100."""
    raw = c.section(data, path, spec.RENAL)
    if raw is None:
        return None
    nb, en = c.text(raw.get("nb"), (*path, "nb")), c.text(raw.get("en"), (*path, "en"))
    sources = cite(c, raw.get("sources"), (*path, "sources"), cited)
    bands: list[RenalBand] = []
    if "bands" in raw:
        for where, entry in list_of(
            c, raw, path, "bands", spec.RENAL_BAND, "problem.expected_bands"
        ):
            band = _renal_band(c, entry, where, cited)
            if band is not None:
                bands.append(band)
    limits = [b.below for b in bands]
    if limits != sorted(set(limits)):
        c.problem((*path, "bands"), "problem.bands_rise")
    return Renal(Localized(nb, en), sources, bands=tuple(bands)) if nb and en else None


def _renal_band(
    c: Checker, entry: dict[str, Any], path: KeyPath, cited: list[tuple[KeyPath, str]]
) -> RenalBand | None:
    below = c.number(entry.get("below"), (*path, "below"))
    advice = c.choice(entry.get("advice"), (*path, "advice"), ("avoid", "reduce", "prefer"))
    percent = c.number(entry["percent"], (*path, "percent")) if "percent" in entry else None
    if percent is not None and (advice != "reduce" or not 0 < percent < 100):
        c.problem((*path, "percent"), "problem.percent_reduce_band")
    nb, en = c.text(entry.get("nb"), (*path, "nb")), c.text(entry.get("en"), (*path, "en"))
    sources = cite(c, entry.get("sources"), (*path, "sources"), cited)
    if below is None or advice is None or not (nb and en):
        return None
    return RenalBand(below, advice, Localized(nb, en), sources, percent)


def frail(c: Checker, data: Any, cited: list[tuple[KeyPath, str]]) -> FrailRule | None:
    path: KeyPath = ("rules", "frail")
    raw = c.section(data, path, spec.FRAIL)
    if raw is None:
        return None
    percent = c.number(raw.get("percent"), (*path, "percent"))
    if percent is not None and not 0 < percent < 100:
        c.problem((*path, "percent"), "problem.percent_range")
    nb, en = c.text(raw.get("nb"), (*path, "nb")), c.text(raw.get("en"), (*path, "en"))
    sources = cite(c, raw.get("sources"), (*path, "sources"), cited)
    if percent is None or not (nb and en):
        return None
    return FrailRule(percent, Localized(nb, en), sources)
