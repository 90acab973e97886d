"""Every broken table in tests/cases/tables/invalid/ gives exactly its expected problems.

A new kind of table mistake becomes a new folder (opioids.yaml + expected.txt, one
problem line per line), not new test code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lindring.errors import TableError
from lindring.table.load import parse_tables

CASES = Path(__file__).resolve().parents[1] / "cases" / "tables"
INVALID = sorted(p for p in (CASES / "invalid").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", INVALID, ids=lambda p: p.name)
def test_invalid_table(case: Path) -> None:
    text = (case / "opioids.yaml").read_text(encoding="utf-8")
    with pytest.raises(TableError) as caught:
        parse_tables(text, "opioids.yaml")
    found = [problem.text(hint=False) for problem in caught.value.problems]
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert found == expected


@pytest.mark.parametrize("case", sorted((CASES / "valid").iterdir()), ids=lambda p: p.name)
def test_valid_table(case: Path) -> None:
    tables = parse_tables((case / "opioids.yaml").read_text(encoding="utf-8"), "opioids.yaml")
    assert tables.opioids["morphine"].routes["po"].value == 1


def test_hints_are_kept() -> None:
    text = (CASES / "invalid" / "unknown-key-ration" / "opioids.yaml").read_text("utf-8")
    with pytest.raises(TableError) as caught:
        parse_tables(text, "opioids.yaml")
    assert caught.value.problems[0].hint == "did you mean 'range'?"
    assert caught.value.problems[0].text().endswith("\n  hint: did you mean 'range'?")


def test_an_older_table_with_route_intervals_is_still_read() -> None:
    """Tables before 2026-12-02 gave each route a `default_interval_hours` that nothing
    used; it is read and ignored, so that `lindring diff` can compare with them."""
    text = (CASES / "valid" / "minimal" / "opioids.yaml").read_text("utf-8")
    old = text.replace("aliases: [oral],", "aliases: [oral], default_interval_hours: 12,")
    assert old != text
    assert parse_tables(old, "opioids.yaml").routes["po"].aliases == ("oral",)
    unknown = old.replace("default_interval_hours: 12", "default_interval: 12")
    with pytest.raises(TableError) as caught:  # other keys are still unknown keys
        parse_tables(unknown, "opioids.yaml")
    assert caught.value.problems[0].path == "routes.po.default_interval"
