"""`lindring diff`: every factor changed in a copy of the table is reported, with the
conversions it changes sorted by clinical impact; revisions come from git."""

from __future__ import annotations

import copy
import json
from fractions import Fraction
from pathlib import Path

import pytest

import lindring.table.source
from lindring.calc.dose import parse_dose
from lindring.checks.diff import diff_tables, diff_versions, panel_results
from lindring.checks.panel import Panel, PanelDose, load_panel
from lindring.errors import InputError, TableError
from lindring.model import Tables
from lindring.table.flat import num
from lindring.table.load import parse_tables
from lindring.table.source import read_table

from ..conftest import TABLES_DIR, Run
from .helpers import as_text, codeine_changed, raw_table, write_table

FACTORS = [
    (drug, route)
    for drug, entry in raw_table()["opioids"].items()
    for route in entry["routes"]
    if (drug, route) != ("morphine", "po")  # the reference: it must stay 1
]


def _mutated(drug: str, route: str) -> Tables:
    """The shipped table with one factor raised by a tenth (its range widened to fit)."""
    data = copy.deepcopy(raw_table())
    entry = data["opioids"][drug]["routes"][route]
    entry["factor"] = entry["factor"] * Fraction(11, 10)
    if "range" in entry:
        entry["range"] = [entry["range"][0], max(entry["range"][1], entry["factor"])]
    return parse_tables(as_text(data), "new.yaml")


def _panel(tables: Tables, *doses: tuple[str, str, str]) -> Panel:
    items = tuple(PanelDose(d, r, parse_dose(text)) for d, r, text in doses)
    return Panel("test", ("lindring-editorial",), "test", items)


def test_every_factor_in_the_table_is_mutated() -> None:
    assert len(FACTORS) == 25


@pytest.mark.parametrize(("drug", "route"), FACTORS, ids=lambda v: v)
def test_a_changed_factor_is_reported(tables: Tables, drug: str, route: str) -> None:
    new = _mutated(drug, route)
    factor = tables.opioids[drug].routes[route]
    dose = "25 mcg/h" if factor.patch else f"{float(Fraction(60) / factor.value):.4g} mg/24h"
    panel = _panel(tables, (drug, route, dose), ("morphine", "po", "60 mg/24h"))
    diff = diff_tables(tables, new, panel)
    path = f"opioids.{drug}.routes.{route}.factor"
    shown = factor.shown_value if factor.shown_value is not None else factor.value
    changed = [(c.kind, c.old, c.new) for c in diff.changes if c.path == path]
    assert changed == [("factor", num(shown), num(shown * Fraction(11, 10)))]
    touched = {(c.drug, c.route) for c in diff.conversions} | {
        (c.target, c.target_route) for c in diff.conversions
    }
    assert (drug, route) in touched, f"no conversion with {drug} {route} changed"


def test_conversions_are_sorted_by_impact_increases_first(tables: Tables) -> None:
    data = copy.deepcopy(raw_table())
    po = data["opioids"]["oxycodone"]["routes"]["po"]
    po["factor"], po["range"] = Fraction(17, 10), [Fraction(16, 10), Fraction(18, 10)]
    data["opioids"]["hydromorphone"]["routes"]["po"]["range"] = [4, 8]  # lower doses to it
    ceiling = data["opioids"]["tramadol"]["ceiling"]
    ceiling["value"] = 300
    new = parse_tables(as_text(data), "new.yaml")
    panel = load_panel(TABLES_DIR / "panel.yaml", tables)
    diff = diff_tables(tables, new, panel)
    # a start that was 0 (below one step) and is now a dose comes first, then by change
    from_zero = [
        c for c in diff.conversions if c.old and c.new and c.old.suggested == 0 != c.new.suggested
    ]
    assert diff.conversions[: len(from_zero)] == tuple(from_zero)
    rest = diff.conversions[len(from_zero) :]
    changes = [c.change for c in rest if c.change is not None]
    assert changes == sorted(changes, reverse=True)
    assert changes[0] > 0 and changes[-1] < 0
    kinds = [(c.kind, c.path) for c in diff.changes]
    assert kinds[:4] == [
        ("factor", "opioids.oxycodone.routes.po.factor"),
        ("range", "opioids.oxycodone.routes.po.range"),
        ("range", "opioids.hydromorphone.routes.po.range"),
        ("ceiling", "opioids.tramadol.ceiling"),
    ]
    assert (diff.changes[3].old, diff.changes[3].new) == ("400 mg/24h", "300 mg/24h")


def test_lost_and_gained_conversions(tables: Tables) -> None:
    data = copy.deepcopy(raw_table())
    keto = data["opioids"]["ketobemidone"]
    del keto["routes"]["iv"]
    keto["route_ratios"] = [r for r in keto["route_ratios"] if "iv" not in r["routes"]]
    new = parse_tables(as_text(data), "new.yaml")
    panel = _panel(tables, ("morphine", "po", "60 mg/24h"), ("ketobemidone", "iv", "10 mg/24h"))
    forward = diff_tables(tables, new, panel)
    assert {(c.target, c.target_route) for c in forward.lost} >= {("ketobemidone", "iv")}
    assert ("ketobemidone", "iv") in {(c.drug, c.route) for c in forward.lost}
    backward = diff_tables(new, tables, panel)
    assert {(c.target, c.target_route) for c in backward.gained} >= {("ketobemidone", "iv")}


def test_identical_tables_have_no_differences(tables: Tables) -> None:
    panel = _panel(tables, ("oxycodone", "po", "40 mg/24h"))
    results = panel_results(tables, panel)
    diff = diff_tables(tables, tables, panel, old_results=results)
    assert (diff.conversions, diff.lost, diff.gained, diff.changes) == ((), (), (), ())


def test_a_git_revision_is_read_with_git_show(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (TABLES_DIR / "opioids.yaml").read_text(encoding="utf-8")
    asked: list[tuple[str, Path]] = []

    def show(revision: str, directory: Path, name: str = "opioids.yaml") -> str:
        asked.append((revision, directory))
        return text.replace("factor: 0.13", "factor: 0.12")

    monkeypatch.setattr(lindring.table.source, "git_show", show)
    found = read_table("HEAD~1", TABLES_DIR)
    assert (found.label, found.file, asked) == (
        "HEAD~1",
        "HEAD~1:opioids.yaml",
        [("HEAD~1", TABLES_DIR)],
    )
    diff = diff_versions("HEAD~1", None, str(TABLES_DIR))
    assert diff.old_label == "HEAD~1" and diff.new_label == "working copy"


def test_a_revision_that_git_cannot_show(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_table("no-such-revision-xyz", tmp_path)
    assert caught.value.code == "revision_unreadable"
    with pytest.raises(InputError):
        read_table("--output=/tmp/x", tmp_path)  # never passed to git as an option


def test_a_broken_new_table_reports_its_problems(tmp_path: Path) -> None:
    data = raw_table()
    data["opioids"]["codeine"]["routes"]["po"]["factor"] = "0,1"
    write_table(tmp_path, data)
    with pytest.raises(TableError):
        diff_versions(str(TABLES_DIR), str(tmp_path), str(TABLES_DIR))


def test_cli_json(run: Run, tmp_path: Path) -> None:
    _, panel = codeine_changed(tmp_path)
    result = run("diff", str(TABLES_DIR), str(tmp_path), "--panel", str(panel), "--json")
    assert result.exit_code == 0, result.stdout
    found = json.loads(result.stdout)
    assert found["changes"][0] == {
        "kind": "factor",
        "path": "opioids.codeine.routes.po.factor",
        "old": "0.1",
        "new": "0.12",
    }
    first = found["conversions"][0]
    assert (first["drug"], first["route"], first["dose"]) == ("codeine", "po", "240 mg/24h")
    assert first["equianalgesic_change_percent"] == 20
    text = run("diff", str(TABLES_DIR), str(tmp_path), "--panel", str(panel))
    assert "Conversions that change" in text.stdout and "opioids.codeine.routes.po.factor" in (
        text.stdout.replace("\n", "")
    )


def test_a_changed_renal_band_is_reported(tables: Tables) -> None:
    """The eGFR bands decide the advice for ``--egfr``: a moved limit, a new reduction
    and a changed text or source are each a change, the first two clinical rules."""
    data = copy.deepcopy(raw_table())
    bands = data["opioids"]["morphine"]["renal"]["bands"]
    assert (bands[0]["below"], bands[0]["advice"]) == (50, "avoid")  # Lindring i nord
    bands[0]["below"] = 30
    bands[1]["percent"] = 25
    bands[1]["sources"] = ["vasterbotten-renal", "lin-sterke-opioider"]
    new = parse_tables(as_text(data), "new.yaml")
    diff = diff_tables(tables, new, _panel(tables, ("morphine", "po", "60 mg/24h")))
    found = {c.path: c for c in diff.changes}
    first = found["opioids.morphine.renal.bands[0]"]
    assert (first.kind, first.old, first.new) == (
        "rule", "avoid below eGFR 50", "avoid below eGFR 30",
    )  # fmt: skip
    second = found["opioids.morphine.renal.bands[1]"]
    assert second.old == "reduce below eGFR 60, start minus 50 %"  # Region Västerbotten: half
    assert second.new == "reduce below eGFR 60, start minus 25 %"
    assert found["opioids.morphine.renal.bands[1].sources"].kind == "sources"
    assert len([c for c in diff.changes if ".renal" in c.path]) == 3


def test_the_frail_rule_is_in_the_diff(tables: Tables) -> None:
    assert tables.frail is not None
    data = copy.deepcopy(raw_table())
    data["rules"]["frail"]["percent"] = 40
    new = parse_tables(as_text(data), "new.yaml")
    diff = diff_tables(tables, new, _panel(tables, ("morphine", "po", "60 mg/24h")))
    found = {c.path: c for c in diff.changes}
    assert found["rules.frail"].old == f"start minus {num(tables.frail.percent)} % in all"
    assert found["rules.frail"].new == "start minus 40 % in all"
