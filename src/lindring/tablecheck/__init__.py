"""Raw table data -> the validated model, reporting every problem found.

:func:`build` checks the shapes of each part (:mod:`lindring.schema`) and the rules
that span the table: every cited source exists, ranges contain their point value,
morphine po is exactly 1, and every name a user may type leads to exactly one thing.
"""

from __future__ import annotations

from typing import Any

from lindring.model import Tables
from lindring.schema import Checker
from lindring.tablecheck import opioids as opioid_checks
from lindring.tablecheck import pump as pump_checks
from lindring.tablecheck import rules as rule_checks
from lindring.tablecheck.common import Cited


def build(c: Checker, data: Any, file: str) -> Tables | None:
    """The table from ``data``, or ``None``; problems are collected in ``c``."""
    top = c.mapping(
        data, (), ("table", "sources", "rules", "routes", "opioids"), ("refused_names", "pump")
    )
    if top is None:
        return None
    meta = c.mapping(top.get("table"), ("table",), ("version", "date", "status")) or {}
    version = c.text(meta.get("version"), ("table", "version"), r"[0-9]+(\.[0-9]+)*")
    date = c.text(meta.get("date"), ("table", "date"), r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
    status = c.choice(meta.get("status"), ("table", "status"), ("draft", "reviewed"))
    sources = rule_checks.sources(c, top.get("sources"))
    cited: Cited = []
    rules = c.mapping(top.get("rules"), ("rules",), ("reduction", "breakthrough", "plausibility"))
    rules = rules or {}
    reduction = rule_checks.reduction(c, rules.get("reduction"), cited)
    breakthrough = rule_checks.breakthrough(c, rules.get("breakthrough"), cited)
    plausibility = rule_checks.plausibility(c, rules.get("plausibility"), cited)
    routes = rule_checks.routes(c, top.get("routes"), cited)
    opioids = opioid_checks.opioids(c, top.get("opioids"), routes, cited)
    refused = rule_checks.refused(c, top.get("refused_names"), cited)
    pump = pump_checks.pump(c, top["pump"], opioids, cited) if "pump" in top else None
    for path, source_id in cited:
        if source_id not in sources:
            c.problem(
                path, f"unknown source id '{source_id}'", "add it under `sources` or fix the id"
            )
    opioid_checks.check_names(c, opioids, routes, refused, pump)
    morphine = opioids.get("morphine")
    morphine_po = morphine.routes.get("po") if morphine else None
    written = isinstance(top.get("opioids"), dict) and "morphine" in top["opioids"]
    if (morphine is not None or not written) and (morphine_po is None or morphine_po.value != 1):
        c.problem(
            ("opioids", "morphine"), "morphine po must be present with factor 1 (the reference)"
        )
    if None in (version, date, status, reduction, breakthrough, plausibility):
        return None
    assert version and date and status and reduction and breakthrough and plausibility
    return Tables(
        file,
        version,
        date,
        status,
        sources,
        reduction,
        breakthrough,
        plausibility,
        routes,
        opioids,
        refused,
        pump,
    )
