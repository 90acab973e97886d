"""The validated-table cache: a hit equals a fresh load; any change misses."""

from __future__ import annotations

from pathlib import Path

import pytest

from lindring.errors import TableError
from lindring.table.load import load_tables


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
    entries = list((tmp_path / "cache" / "lindring").glob("table-*.marshal"))
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
    for entry in (tmp_path / "cache" / "lindring").glob("table-*.marshal"):
        entry.write_bytes(b"not a cache entry")
    assert fresh(table_copy).version  # type: ignore[attr-defined]


def test_a_table_the_cache_cannot_hold_is_loaded_without_it(
    table_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def cannot(head: object, value: object) -> bytes:
        raise TypeError("the table's cache cannot hold a date")

    monkeypatch.setattr("lindring.table.plain.dumps", cannot)
    assert fresh(table_copy).version  # type: ignore[attr-defined]
    assert not list((tmp_path / "cache").glob("**/table-*"))


def test_the_cache_can_be_bypassed(
    table_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LINDRING_NO_CACHE", "1")
    fresh(table_copy)
    assert not (tmp_path / "cache" / "lindring").exists()


def test_the_cache_key_covers_every_module_the_loader_uses() -> None:
    # a fresh interpreter: which lindring modules does parsing a table import?
    import subprocess
    import sys

    from lindring.table import load as tables_module

    table = str(tables_module.tables_dir() / "opioids.yaml")
    script = (
        "import sys; from lindring.table.load import parse_tables; "
        "from pathlib import Path; "
        f"parse_tables(Path({table!r}).read_text(), 'x'); "
        "print('\\n'.join(m.__file__ for n, m in sys.modules.items() "
        "if n.startswith('lindring') and getattr(m, '__file__', None)))"
    )
    used = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.split()
    covered = {str(Path(p).resolve()) for p in tables_module.code_files()}
    assert used and {str(Path(f).resolve()) for f in used} <= covered


def test_a_changed_checker_rule_misses_the_cache(
    table_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lindring.table import load as tables_module

    fresh(table_copy)
    before = set((tmp_path / "cache" / "lindring").glob("table-*.marshal"))
    real = tables_module._stat

    def touched(path: str) -> object:
        found = real(path)
        if Path(path).name == "spec.py":
            return type("S", (), {"st_mtime_ns": found.st_mtime_ns + 1, "st_size": 1})()
        return found

    monkeypatch.setattr(tables_module, "_stat", touched)
    fresh(table_copy)
    after = set((tmp_path / "cache" / "lindring").glob("table-*.marshal"))
    assert len(after - before) == 1  # validated again, under a new key


def test_a_tightened_pattern_in_the_spec_is_not_hidden_by_the_cache(tmp_path: Path) -> None:
    """The bug the key's coverage fixes: a stricter ``ATC_PATTERN`` in the spec module
    (not the checker) must fail the table at once, not after the cache is cleared."""
    import shutil
    import subprocess
    import sys

    from lindring.table import load as tables_module

    package = tmp_path / "src" / "lindring"
    shutil.copytree(Path(tables_module.__file__).parents[1], package)
    table = tables_module.tables_dir()
    script = (
        "from lindring.errors import TableError\n"
        "from lindring.table.load import load_tables\n"
        "try:\n"
        f"    print(load_tables({str(table)!r}).version)\n"
        "except TableError as exc:\n"
        "    print('\\n'.join(p.text(hint=False) for p in exc.problems))\n"
    )
    env = {"PATH": "", "PYTHONPATH": str(package.parent), "XDG_CACHE_HOME": str(tmp_path)}

    def run() -> list[str]:
        found = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env
        )
        return found.stdout.splitlines()

    assert len(run()) == 1  # valid, and now in the cache
    assert len(list((tmp_path / "lindring").glob("table-*.marshal"))) == 1
    spec = package / "table" / "spec.py"
    text = spec.read_text(encoding="utf-8")
    old = 'ATC_PATTERN = r"[A-Z][0-9]{2}[A-Z]{2}[0-9]{2}"'
    assert old in text
    spec.write_text(text.replace(old, 'ATC_PATTERN = r"X[0-9]{2}[A-Z]{2}[0-9]{2}"'), "utf-8")
    problems = [p for p in run() if "does not match the pattern X[0-9]{2}" in p]
    assert any("opioids.morphine.atc: 'N02AA01'" in p for p in problems)


def test_an_entry_is_used_only_for_its_own_key(table_copy: Path, tmp_path: Path) -> None:
    """Entries are named by a CRC-32 of the key: one written for another key (a CRC
    collision) is validated afresh, never used."""
    import marshal
    from dataclasses import replace

    from lindring.table import plain

    first = fresh(table_copy)
    [entry] = (tmp_path / "cache" / "lindring").glob("table-*.marshal")
    key = marshal.loads(entry.read_bytes())[0]
    assert isinstance(key, str) and key.endswith((table_copy / "opioids.yaml").read_text("utf-8"))
    cached = plain.loads(entry.read_bytes(), key)
    marked = replace(cached, version="marked")  # type: ignore[type-var]
    entry.write_bytes(plain.dumps(key + " ", marked))
    assert fresh(table_copy).version == first.version  # type: ignore[attr-defined]
    entry.write_bytes(plain.dumps(key, marked))
    assert fresh(table_copy).version == "marked"  # type: ignore[attr-defined]
