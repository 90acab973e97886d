"""Raw table data -> the validated model, reporting every problem found.

:func:`build` checks the shapes of each part (:mod:`lindring.table.checker`) and the rules
that span the table: every cited source exists, ranges contain their point value,
morphine po is exactly 1, and every name a user may type leads to exactly one thing.
"""

from __future__ import annotations

from typing import Any

from lindring.model import Tables
from lindring.table import spec
from lindring.table.check import common
from lindring.table.check import opioids as opioid_checks
from lindring.table.check import products as product_checks
from lindring.table.check import pump as pump_checks
from lindring.table.check import rules as rule_checks
from lindring.table.check.common import Cited
from lindring.table.checker import Checker


def build(c: Checker, data: Any, file: str) -> Tables | None:
    """The table from ``data``, or ``None``; problems are collected in ``c``."""
    top = c.section(data, (), spec.TABLE)
    if top is None:
        return None
    meta = c.section(top.get("table"), ("table",), spec.META) or {}
    version = c.text(meta.get("version"), ("table", "version"), spec.VERSION_PATTERN)
    date = c.text(meta.get("date"), ("table", "date"), spec.DATE_PATTERN)
    status = c.choice(meta.get("status"), ("table", "status"), spec.META.choices("status"))
    changelog = rule_checks.changelog(c, meta, version)
    sources = rule_checks.sources(c, top.get("sources"))
    cited: Cited = []
    rules = c.section(top.get("rules"), ("rules",), spec.RULES)
    rules = rules or {}
    reduction = rule_checks.reduction(c, rules.get("reduction"), cited)
    breakthrough = rule_checks.breakthrough(c, rules.get("breakthrough"), cited)
    plausibility = rule_checks.plausibility(c, rules.get("plausibility"), cited)
    regimen = product_checks.regimen(c, rules.get("regimen"), cited)
    frail = common.frail(c, rules["frail"], cited) if "frail" in rules else None
    routes = rule_checks.routes(c, top.get("routes"), cited)
    opioids = opioid_checks.opioids(c, top.get("opioids"), routes, cited)
    refused = rule_checks.refused(c, top.get("refused_names"), cited)
    pump = pump_checks.pump(c, top["pump"], opioids, cited) if "pump" in top else None
    for path, source_id in cited:
        if source_id not in sources:
            c.problem(path, "problem.unknown_source", "hint.add_source_or_fix", source=source_id)
    opioid_checks.check_names(c, opioids, routes, refused, pump)
    rates = {key for key, route in routes.items() if route.kind == "rate"}
    rule_checks.check_rescue(c, breakthrough, opioids, rates)
    morphine = opioids.get("morphine")
    morphine_po = morphine.routes.get("po") if morphine else None
    written = isinstance(top.get("opioids"), dict) and "morphine" in top["opioids"]
    if (morphine is not None or not written) and (morphine_po is None or morphine_po.value != 1):
        c.problem(("opioids", "morphine"), "problem.morphine_reference")
    if None in (version, date, status, reduction, breakthrough, plausibility, regimen):
        return None
    assert version and date and status and reduction and breakthrough and plausibility
    assert regimen
    return Tables(
        file,
        version,
        date,
        status,
        sources,
        reduction,
        breakthrough,
        plausibility,
        regimen,
        routes,
        opioids,
        refused,
        pump,
        changelog,
        frail=frail,
    )
