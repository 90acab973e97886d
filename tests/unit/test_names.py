"""The spellings of drugs and routes that lookup, completion, handbook search and the
checks share, held against the table file as written."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from lindring.model import Tables
from lindring.names import drug_spellings, find_drug, find_route, index, route_spellings

from ..conftest import TABLES_DIR


@pytest.fixture(scope="module")
def raw() -> Any:
    return yaml.safe_load((TABLES_DIR / "opioids.yaml").read_text(encoding="utf-8"))


def test_a_route_is_spelled_by_its_key_then_its_aliases(tables: Tables, raw: Any) -> None:
    assert route_spellings(tables.routes["sc"])[:4] == ("sc", "s.c.", "sk", "s.k.")
    for key, entry in raw["routes"].items():
        assert route_spellings(tables.routes[key]) == (key, *entry["aliases"])
        assert all(find_route(tables, s) is tables.routes[key] for s in entry["aliases"])


def test_a_drug_is_spelled_by_its_key_generic_names_and_brands(tables: Tables, raw: Any) -> None:
    oxycodone = drug_spellings(tables.opioids["oxycodone"])
    assert oxycodone[:3] == ("oxycodone", "oksykodon", "oxycodone")
    assert {"OxyNorm", "OxyContin"} <= set(oxycodone)
    for key, entry in raw["opioids"].items():
        written = (key, entry["name"]["nb"], entry["name"]["en"], *entry.get("aliases", ()))
        assert drug_spellings(tables.opioids[key]) == written
        assert all(find_drug(tables, s) is tables.opioids[key] for s in written)
    assert tables.pump is not None
    midazolam = drug_spellings(tables.pump.adjuvants["midazolam"])
    assert midazolam[:2] == ("midazolam", "midazolam")


def test_the_index_shows_every_name_as_written_generic_names_first(
    tables: Tables, raw: Any
) -> None:
    drugs = raw["opioids"].items()
    generic = [n for k, e in drugs for n in (e["name"]["nb"], e["name"]["en"], k)]
    brands = [a for _, e in drugs for a in e.get("aliases", ())]
    shown = index(tables).shown
    assert list(shown.values()) == list(dict.fromkeys([*generic, *brands]))
    assert shown["oxynorm"] == "OxyNorm"
    assert list(shown)[:2] == ["morfin", "morphine"]
