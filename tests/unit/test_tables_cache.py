"""The validated-table cache: a hit equals a fresh load; any change misses."""

from __future__ import annotations

from pathlib import Path

import pytest

from lindring.errors import TableError
from lindring.tables import load_tables


@pytest.fixture
def table_copy(tmp_path: Path, shipped_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "tables"
    folder.mkdir()
    (folder / "opioids.yaml").write_text(
        (shipped_dir / "opioids.yaml").read_text("utf-8"), encoding="utf-8"
    )
    return folder


def fresh(folder: Path) -> object:
    load_tables.cache_clear()
    return load_tables(str(folder))


def test_a_cache_hit_equals_a_fresh_load(table_copy: Path, tmp_path: Path) -> None:
    first = fresh(table_copy)
    entries = list((tmp_path / "cache" / "lindring").glob("table-*.pickle"))
    assert len(entries) == 1
    second = fresh(table_copy)
    assert second is not first
    assert second.opioids["oxycodone"].routes["po"] == first.opioids["oxycodone"].routes["po"]  # type: ignore[attr-defined]
    assert second.sources == first.sources  # type: ignore[attr-defined]


def test_an_edited_table_is_validated_again(table_copy: Path) -> None:
    fresh(table_copy)
    path = table_copy / "opioids.yaml"
    path.write_text(path.read_text("utf-8").replace("factor: 1.5", "factor: 1,5", 1), "utf-8")
    with pytest.raises(TableError):
        fresh(table_copy)


def test_a_damaged_cache_entry_is_ignored(table_copy: Path, tmp_path: Path) -> None:
    fresh(table_copy)
    for entry in (tmp_path / "cache" / "lindring").glob("table-*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert fresh(table_copy).version  # type: ignore[attr-defined]


def test_the_cache_can_be_bypassed(
    table_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LINDRING_NO_CACHE", "1")
    fresh(table_copy)
    assert not (tmp_path / "cache" / "lindring").exists()
