"""The table's cache format (lindring.table.plain): what is written is read back as the
same values of the same types, shared where they were shared, under its own head only."""

from __future__ import annotations

import marshal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from lindring.model import Localized, Opioid, Tables
from lindring.table import plain
from lindring.table.profiles import load_profiled, profile_names


def same(one: Any, two: Any, path: str = "") -> None:
    """``one`` and ``two`` are the same values of the same types, all the way down."""
    assert type(one) is type(two), path
    if isinstance(one, tuple | frozenset):
        assert len(one) == len(two), path
        mine = sorted(one, key=repr) if isinstance(one, frozenset) else one
        theirs = sorted(two, key=repr) if isinstance(two, frozenset) else two
        for i, (a, b) in enumerate(zip(mine, theirs, strict=True)):
            same(a, b, f"{path}[{i}]")
    elif isinstance(one, dict):
        assert list(one) == list(two), path
        for key in one:
            same(one[key], two[key], f"{path}[{key!r}]")
    elif hasattr(one, "__dataclass_fields__"):
        assert list(vars(one)) == list(vars(two)), path
        for name in vars(one):
            same(getattr(one, name), getattr(two, name), f"{path}.{name}")
    else:
        assert one == two, path


@pytest.mark.parametrize("profile", profile_names())
def test_every_table_reads_back_the_same(shipped_dir: Path, profile: str) -> None:
    tables = load_profiled(str(shipped_dir), profile)
    read = plain.loads(plain.dumps("head", tables), "head")
    assert isinstance(read, Tables) and read is not tables
    same(tables, read, "tables")
    oxycodone = read.opioids["oxycodone"]
    assert isinstance(oxycodone, Opioid)
    assert oxycodone.routes["po"].value == Fraction(3, 2)  # Hdir OMEQ: oxycodone po 1.5
    assert oxycodone.name == Localized("oksykodon", "oxycodone")


def test_shared_values_stay_shared_and_plain_data_is_written_as_it_is() -> None:
    name = Localized("a", "b")
    value = {"x": (name, name), "y": Fraction(1, 3), "z": ("plain", 1, None)}
    read: Any = plain.loads(plain.dumps(0, value), 0)
    assert read["x"][0] is read["x"][1] and read["x"][0] == name
    assert read["y"] == Fraction(1, 3) and type(read["y"]) is Fraction
    assert read["z"] == ("plain", 1, None)
    _, _, body = marshal.loads(plain.dumps(0, ("plain", (1, 2), frozenset({"a"}))))
    assert body == ("plain", (1, 2), frozenset({"a"}))  # nothing to make: no lists


def test_another_head_reads_nothing_and_other_bytes_fail() -> None:
    data = plain.dumps("key", Localized("a", "b"))
    assert plain.loads(data, "another key") is None
    with pytest.raises(ValueError):
        plain.loads(b"not a cache entry", "key")
    with pytest.raises(ValueError):
        plain.loads(marshal.dumps(("key", (), [99, 1])), "key")  # no class 99
    with pytest.raises(ValueError, match="not a class of lindring's"):
        plain.loads(marshal.dumps(("key", (("os", "system", ()),), [0])), "key")
    with pytest.raises(TypeError, match="cannot hold a complex"):
        plain.dumps("key", (1j,))
