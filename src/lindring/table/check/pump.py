"""Checks of the pump section: defaults, injection strengths, last-days drugs."""

from __future__ import annotations

from typing import Any

from lindring.model import Adjuvant, Ampoules, Opioid, Pump, PumpRules, Stock
from lindring.table import spec
from lindring.table.check.common import Cited, cite, list_of, loc, rising
from lindring.table.checker import Checker
from lindring.table.yamlsource import Path as KeyPath

PARENTERAL = ("sc", "iv")


def pump(c: Checker, data: Any, opioids: dict[str, Opioid], cited: Cited) -> Pump | None:
    top = c.section(data, ("pump",), spec.PUMP)
    if top is None:
        return None
    rules = _defaults(c, top.get("defaults"), cited)
    ampoules: dict[str, Ampoules] = {}
    for key, raw in c.entries(top.get("ampoules"), ("pump", "ampoules")).items():
        path: KeyPath = ("pump", "ampoules", key)
        drug = opioids.get(key)
        if drug is None or not set(PARENTERAL) & set(drug.routes):
            c.problem(path, "problem.not_pump_opioid", key=key)
            continue
        entry = c.section(raw, path, spec.AMPOULES)
        found = _stocks(c, entry, path, cited) if entry is not None else None
        if found:
            ampoules[key] = found
    adjuvants: dict[str, Adjuvant] = {}
    for key, raw in c.entries(top.get("adjuvants"), ("pump", "adjuvants")).items():
        path = ("pump", "adjuvants", key)
        entry = c.section(raw, path, spec.ADJUVANT)
        if entry is None:
            continue
        name = loc(c, entry.get("name"), (*path, "name"))
        aliases = c.strings(entry.get("aliases"), (*path, "aliases"), allow_empty=True)
        found = _stocks(c, entry, path, cited)
        if name and found:
            adjuvants[key] = Adjuvant(key, name, aliases, found)
    return Pump(rules, ampoules, adjuvants) if rules else None


def _stocks(c: Checker, entry: dict[str, Any], path: KeyPath, cited: Cited) -> Ampoules | None:
    """The strengths and sources of an ampoule entry whose keys were checked."""
    if "note" in entry:
        c.text(entry["note"], (*path, "note"))
    stocks = []
    for spath, stock in list_of(c, entry, path, "strengths", spec.STOCK, "problem.expected_stocks"):
        mg = c.number(stock.get("mg_per_ml"), (*spath, "mg_per_ml"))
        ml = c.number(stock.get("ml"), (*spath, "ml"))
        if mg and ml:
            stocks.append(Stock(mg, ml))
    rising(c, [s.mg_per_ml for s in stocks], (*path, "strengths"))
    sources = cite(c, entry.get("sources"), (*path, "sources"), cited)
    return Ampoules(tuple(stocks), sources) if stocks else None


def _defaults(c: Checker, data: Any, cited: Cited) -> PumpRules | None:
    path: KeyPath = ("pump", "defaults")
    raw = c.section(data, path, spec.PUMP_DEFAULTS)
    if raw is None:
        return None
    numbers = {
        k: c.number(raw.get(k), (*path, k))
        for k in (
            "volume_ml",
            "rate_step_ml_per_h",
            "draw_step_ml",
            "bolus_step_ml",
            "bolus_fraction",
            "max_rate_ml_per_h",
            "warn_below_delivered_fraction",
        )
    }
    whole = {
        k: c.integer(raw.get(k), (*path, k), minimum=1)
        for k in ("days", "lockout_minutes", "max_ampoules")
    }
    fractions = raw.get("bolus_fractions")
    choices = tuple(
        f
        for i, v in enumerate(fractions if isinstance(fractions, list) else [])
        if (f := c.number(v, (*path, "bolus_fractions", i))) is not None
    )
    if not choices:
        c.problem((*path, "bolus_fractions"), "problem.expected_fractions")
    sources = cite(c, raw.get("sources"), (*path, "sources"), cited)
    num = {k: v for k, v in numbers.items() if v is not None}
    ints = {k: v for k, v in whole.items() if v is not None}
    if len(num) < len(numbers) or len(ints) < len(whole):
        return None
    if num["bolus_fraction"] not in choices:
        c.problem((*path, "bolus_fraction"), "problem.default_fraction")
    return PumpRules(
        volume_ml=num["volume_ml"],
        days=ints["days"],
        rate_step=num["rate_step_ml_per_h"],
        draw_step=num["draw_step_ml"],
        bolus_step=num["bolus_step_ml"],
        bolus_fraction=num["bolus_fraction"],
        bolus_fractions=choices,
        lockout_minutes=ints["lockout_minutes"],
        max_rate=num["max_rate_ml_per_h"],
        max_ampoules=ints["max_ampoules"],
        sources=sources,
        min_delivered=num["warn_below_delivered_fraction"],
    )
