"""The standard panel of doses ``lindring diff`` converts (``tables/panel.yaml``).

Each drug and route of the table at a few typical daily doses, written as a user types
them (``60 mg/24h``; patches as a strength sold, ``25 mcg/h``). ``lindring diff``
converts every panel dose to every other drug and route under both versions of the
table and shows each result that changes. The panel is an editorial test set, not
dosing advice; it is validated against the table like a profile.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lindring.calc import patches
from lindring.calc.dose import DoseExpression, parse_dose
from lindring.errors import InputError, Issue, LindringError, TableError, params
from lindring.model import Tables
from lindring.records import record
from lindring.table import profile_spec as spec
from lindring.table.check.common import Cited, cite
from lindring.table.checker import Checker, its_routes
from lindring.table.yamlsource import Path as KeyPath
from lindring.textfile import Unreadable, read_text
from lindring.units import mg_per

PANEL_FILE = "panel.yaml"


@record
class PanelDose:
    drug: str
    route: str
    dose: DoseExpression


@record
class Panel:
    title: str
    sources: tuple[str, ...]
    note: str
    doses: tuple[PanelDose, ...]
    file: str = ""


def parse_panel(text: str, file: str, tables: Tables) -> Panel:
    """Validate ``text`` as a panel for ``tables``; :class:`TableError` lists every problem."""
    from lindring.table.yamlsource import YamlProblem, load

    try:
        doc = load(text, file)
    except YamlProblem as exc:
        raise TableError([exc.issue]) from None
    c = Checker(doc)
    panel = _check(c, doc.data, tables, file)
    if c.problems or panel is None:
        raise TableError(c.problems or [Issue(file, code="problem.panel_empty")])
    return panel


def load_panel(path: Path, tables: Tables, shown: str | None = None) -> Panel:
    """The panel in ``path``; :class:`InputError` when it cannot be read at all."""
    try:
        text = read_text(path, shown)
    except Unreadable as exc:
        raise InputError("file_unreadable", file=exc.shown, reason=exc.reasons()) from None
    return parse_panel(text, shown or str(path), tables)


def _check(c: Checker, data: Any, tables: Tables, file: str) -> Panel | None:
    top = c.section(data, (), spec.PANEL)
    if top is None:
        return None
    cited: Cited = []
    meta = c.section(top.get("panel"), ("panel",), spec.PANEL_META) or {}
    title = c.text(meta.get("title"), ("panel", "title"))
    sources = cite(c, meta.get("sources"), ("panel", "sources"), cited)
    note = c.text(meta.get("note"), ("panel", "note"))
    doses: list[PanelDose] = []
    for key, routes in c.entries(top.get("doses"), ("doses",)).items():
        drug = tables.opioids.get(key)
        if drug is None:
            c.problem(("doses", key), "problem.not_table_drug", key=key)
            continue
        for route, written in c.entries(routes, ("doses", key)).items():
            path: KeyPath = ("doses", key, route)
            if route not in drug.routes:
                hint = its_routes(", ".join(drug.routes))
                c.problem(path, "problem.not_route_of", *hint, route=route, drug=key)
                continue
            for i, text in enumerate(c.strings(written, path)):
                dose = _dose(c, tables, key, route, text, (*path, i))
                if dose is not None:
                    doses.append(PanelDose(key, route, dose))
    for path, source_id in cited:
        if source_id not in tables.sources:
            c.problem(path, "problem.unknown_source", "hint.add_source_or_fix", source=source_id)
    if not (title and note):
        return None
    return Panel(title, sources, note, tuple(doses), file)


def _dose(
    c: Checker, tables: Tables, key: str, route: str, text: str, path: KeyPath
) -> DoseExpression | None:
    try:
        dose = parse_dose(text)
    except LindringError as exc:
        c.problem(path, exc.code, **exc.params)
        return None
    patch = tables.opioids[key].routes[route].patch
    if patch is None:
        if dose.basis == "per_hour":
            c.problem(path, "problem.panel_rate", text=text)
            return None
        return dose
    typed = dose.amount_mg / mg_per("microgram")
    if dose.basis != "per_hour" or patches.delivered(patch, typed) is None:
        c.problem(
            path,
            "problem.panel_patch",
            "hint.panel_patch",
            params(strengths=patches.strengths_text(patch)),
            text=text,
        )
        return None
    return dose
