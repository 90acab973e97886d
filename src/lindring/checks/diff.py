"""What a new version of the table does to real conversions (``lindring diff OLD NEW``).

Every dose of the panel (``tables/panel.yaml``) is converted to every other drug and
route under both versions. Each conversion whose equianalgesic dose or suggested start
changes is listed with the old value, the new value and the change in percent, sorted
by clinical impact: the largest relative *increase* of the suggested start first
(a higher dose is the dangerous direction), then smaller increases, then decreases.
Conversions that became impossible or possible are listed apart. Then every changed
factor, range, ceiling, patch, step, rule, status and source (:mod:`lindring.table.flat`).
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from lindring.calc.convert import convert
from lindring.calc.request import Part, Request
from lindring.checks.panel import PANEL_FILE, Panel, load_panel
from lindring.errors import LindringError, TableError
from lindring.model import Tables
from lindring.records import record
from lindring.table.flat import changes, flatten

Key = tuple[str, str, str, str, str]  # drug, route, dose as written, target, target route


@record
class Outcome:
    """One conversion under one version: doses in the target's unit, or why it was refused."""

    equianalgesic: Fraction | None
    suggested: Fraction | None
    unit: str
    refused: str = ""  # the refusal or error code


@record
class ConversionChange:
    drug: str
    route: str
    dose: str
    target: str
    target_route: str
    old: Outcome | None  # None: not in the old table (drug or route missing)
    new: Outcome | None

    @property
    def change(self) -> Fraction | None:
        """Relative change of the suggested start (0.1 = +10 %); None when not comparable."""
        return _relative(self.old, self.new, "suggested")

    @property
    def equianalgesic_change(self) -> Fraction | None:
        return _relative(self.old, self.new, "equianalgesic")

    @property
    def comparable(self) -> bool:
        return bool(self.old and self.new and not self.old.refused and not self.new.refused)


@record
class FieldChange:
    kind: str
    path: str
    old: str | None
    new: str | None


@record
class TableDiff:
    old_label: str
    new_label: str
    old_version: str
    new_version: str
    panel_size: int  # conversions computed per version
    conversions: tuple[ConversionChange, ...]  # comparable ones, by clinical impact
    lost: tuple[ConversionChange, ...]  # possible before, not now
    gained: tuple[ConversionChange, ...]  # possible now, not before
    changes: tuple[FieldChange, ...]


def _relative(old: Outcome | None, new: Outcome | None, field: str) -> Fraction | None:
    before = getattr(old, field, None) if old else None
    after = getattr(new, field, None) if new else None
    if before is None or after is None or before == 0:
        return None
    result: Fraction = (after - before) / before
    return result


def panel_results(tables: Tables, panel: Panel) -> dict[Key, Outcome]:
    """Every panel dose converted to every other drug and route of ``tables``."""
    targets = [(t, r) for t, drug in tables.opioids.items() for r in drug.routes]
    found: dict[Key, Outcome] = {}
    for item in panel.doses:
        drug = tables.opioids.get(item.drug)
        if drug is None or item.route not in drug.routes:
            continue
        for target, route in targets:
            if (target, route) == (item.drug, item.route):
                continue
            key = (item.drug, item.route, item.dose.text, target, route)
            request = Request((Part(drug, item.route, item.dose),), tables.opioids[target], route)
            found[key] = _outcome(tables, request)
    return found


def _outcome(tables: Tables, request: Request) -> Outcome:
    try:
        conv = convert(tables, request)
    except LindringError as exc:
        return Outcome(None, None, "", exc.code)
    if conv.refusal is not None or conv.equianalgesic is None or conv.suggested is None:
        return Outcome(None, None, "", conv.refusal.code if conv.refusal else "refused")
    return Outcome(conv.equianalgesic.value, conv.suggested.value, conv.suggested.unit)


def _impact(change: ConversionChange) -> tuple[int, Fraction, Fraction]:
    """Sort key: from a start that was 0 to a dose first, then the largest increase."""
    old, new = change.old, change.new
    assert old and new
    from_zero = int(old.suggested == 0 and (new.suggested or 0) > 0)
    return (
        -from_zero,
        -(change.change or Fraction(0)),
        -(change.equianalgesic_change or Fraction(0)),
    )


def compare_results(
    old: dict[Key, Outcome], new: dict[Key, Outcome]
) -> tuple[list[ConversionChange], list[ConversionChange], list[ConversionChange]]:
    """Changed conversions (by impact), conversions lost and conversions gained."""
    changed, lost, gained = [], [], []
    for key in dict.fromkeys([*old, *new]):
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        item = ConversionChange(*key, before, after)
        if item.comparable:
            changed.append(item)
        elif before is None or before.refused:
            if after is not None and not after.refused:
                gained.append(item)
        elif after is None or after.refused:
            lost.append(item)
    changed.sort(key=_impact)
    return changed, lost, gained


def diff_tables(
    old: Tables,
    new: Tables,
    panel: Panel,
    old_label: str = "old",
    new_label: str = "new",
    old_results: dict[Key, Outcome] | None = None,
) -> TableDiff:
    """The whole review of ``old`` -> ``new`` (``old_results`` may be computed once)."""
    before = old_results if old_results is not None else panel_results(old, panel)
    after = panel_results(new, panel)
    changed, lost, gained = compare_results(before, after)
    fields = tuple(FieldChange(*c) for c in changes(flatten(old), flatten(new)))
    return TableDiff(
        old_label,
        new_label,
        old.version,
        new.version,
        max(len(before), len(after)),
        tuple(changed),
        tuple(lost),
        tuple(gained),
        fields,
    )


def diff_versions(
    old: str, new: str | None = None, tables: str | None = None, panel: str | None = None
) -> TableDiff:
    """``lindring diff OLD [NEW]``: each a file, a directory or a git revision; NEW
    defaults to the working copy (``--tables``, then the shipped tables)."""
    from lindring.table.load import tables_dir
    from lindring.table.source import read_table
    from lindring.textfile import shown_path

    home = tables_dir(tables)
    before, after = read_table(old, home), read_table(new, home)
    old_tables, new_tables = before.parse(), after.parse()
    path = Path(panel) if panel else (after.directory or home) / PANEL_FILE
    try:  # the panel is written for the new table; a route it removed may be in the old
        doses = load_panel(path, new_tables, shown_path(path))
    except TableError:
        try:
            doses = load_panel(path, old_tables, shown_path(path))
        except TableError:
            doses = load_panel(path, new_tables, shown_path(path))
    return diff_tables(old_tables, new_tables, doses, before.label, after.label)
