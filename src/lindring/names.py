"""Drug and route names: what a user may type and what it means.

Every generic name (Norwegian and English), alias and brand in the table leads to
exactly one drug (checked when the table loads). An unknown name is never corrected
automatically: the error lists close names, and when two of them differ fivefold or
more in potency (``rules.plausibility.potency_gap_warning``) it says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from functools import cache

from lindring.errors import InputError, RefusedError, UnknownNameError
from lindring.model import Adjuvant, Opioid, RefusedGroup, Route, Tables
from lindring.names_norm import normalize_name
from lindring.records import record

MAX_NAME_LENGTH = 80


@record
class NameIndex:
    drugs: dict[str, str]  # normalised name -> drug key
    refused: dict[str, str]  # normalised name -> refused group id
    routes: dict[str, str]  # normalised name -> route key
    #: normalised name -> the name as written in the table: every drug's generic names
    #: (nb, en, key) before any alias or brand, the order shell completion offers them
    shown: dict[str, str]


def drug_spellings(drug: Opioid | Adjuvant) -> tuple[str, ...]:
    """What a user may type for ``drug`` (an opioid or a pump adjuvant): its key, its
    Norwegian and English generic names, then its aliases and brands."""
    return (drug.key, drug.name.nb, drug.name.en, *drug.aliases)


def route_spellings(route: Route) -> tuple[str, ...]:
    """What a user may type for ``route``: its key, then its aliases (``sk``, ``s.c.``)."""
    return (route.key, *route.aliases)


def _by_name(owners: Iterable[tuple[str, Iterable[str]]]) -> dict[str, str]:
    """Each owner's names, normalised, to the owner's key."""
    return {normalize_name(name): key for key, names in owners for name in names}


@cache
def index(tables: Tables) -> NameIndex:
    shown: dict[str, str] = {}
    generic = (n for d in tables.opioids.values() for n in (d.name.nb, d.name.en, d.key))
    brands = (a for d in tables.opioids.values() for a in d.aliases)
    for name in (*generic, *brands):
        shown.setdefault(normalize_name(name), name)
    return NameIndex(
        drugs=_by_name((key, drug_spellings(d)) for key, d in tables.opioids.items()),
        refused=_by_name((gid, group.names) for gid, group in tables.refused.items()),
        routes=_by_name((key, route_spellings(r)) for key, r in tables.routes.items()),
        shown=shown,
    )


def find_drug(tables: Tables, name: str) -> Opioid | RefusedGroup | None:
    """The drug or refused group ``name`` names, or ``None``."""
    idx = index(tables)
    norm = normalize_name(name)
    if norm in idx.drugs:
        return tables.opioids[idx.drugs[norm]]
    if norm in idx.refused:
        return tables.refused[idx.refused[norm]]
    return None


def resolve_drug(tables: Tables, name: str) -> Opioid:
    """The drug ``name`` names; a clear error with close names when there is none."""
    check_length(name)
    found = find_drug(tables, name)
    if isinstance(found, Opioid):
        return found
    if isinstance(found, RefusedGroup):
        raise RefusedError("refused_name", name=name, text=found.text, sources=found.sources)
    close = close_drugs(tables, name)
    if not close:
        raise UnknownNameError("unknown_drug_none", name=name)
    shown = ", ".join(f"{d.name.nb} ({d.name.en})" for d in close)
    gap = _potency_gap(close, tables.plausibility.potency_gap)
    if gap:
        weak, strong, ratio = gap
        raise UnknownNameError(
            "unknown_drug_lookalike",
            name=name,
            suggestions=shown,
            weak=weak.name,
            strong=strong.name,
            ratio=ratio,
        )
    raise UnknownNameError("unknown_drug", name=name, suggestions=shown)


@cache
def close_drugs(tables: Tables, name: str) -> tuple[Opioid, ...]:
    """Up to four drugs whose names are close to ``name``, closest first (kept: a batch
    file repeats its misspellings, and difflib is slow)."""
    import difflib  # only on the error path

    idx = index(tables)
    close = difflib.get_close_matches(normalize_name(name), list(idx.drugs), n=8, cutoff=0.6)
    keys = list(dict.fromkeys(idx.drugs[match] for match in close))
    return tuple(tables.opioids[k] for k in keys[:4])


def _potency_gap(
    drugs: tuple[Opioid, ...], limit: Fraction
) -> tuple[Opioid, Opioid, Fraction] | None:
    """Two look-alike suggestions whose oral potency differs fivefold or more.

    Mix-ups between such names (morphine and hydromorphone are the classic pair) are
    among the most reported opioid errors, so the message says how far apart they are.
    """
    oral = [(d.routes["po"].value, d) for d in drugs if "po" in d.routes]
    if len(oral) < 2:
        return None
    (low, weak), (high, strong) = min(oral, key=_first), max(oral, key=_first)
    return (weak, strong, high / low) if high / low >= limit else None


def _first(pair: tuple[Fraction, Opioid]) -> Fraction:
    return pair[0]


def find_route(tables: Tables, name: str) -> Route | None:
    key = index(tables).routes.get(normalize_name(name))
    return tables.routes[key] if key else None


def route_list(tables: Tables, drug: Opioid, lang: str) -> str:
    """The routes the table has for ``drug``, e.g. ``po (oral), sc (subcutaneous)``."""
    return ", ".join(f"{r} ({tables.routes[r].name.get(lang)})" for r in drug.routes)


def check_length(text: str) -> None:
    if len(text) > MAX_NAME_LENGTH:
        raise InputError("too_long", limit=MAX_NAME_LENGTH)
