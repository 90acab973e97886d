"""The exported handbook's offline search gives the answers `lindring handbook search`
gives: the index is built by the same code, and search.js (run here with Node, in
test_browser.py with Chromium) scores it as search.py does."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from lindring.errors import InputError
from lindring.handbook.book import Handbook
from lindring.handbook.html import export_html
from lindring.handbook.search import (
    SUFFIXES,
    Hit,
    _Section,
    check_query,
    drug_names,
    expand_query,
    rank,
    search,
    sections,
    stem,
    words,
)
from lindring.handbook.search_index import INDEX_JS, SEARCH_JS, index_data
from lindring.model import Tables

#: real queries: inflected forms, compounds, English words, brands, two-word brands,
#: several words, nothing found, and queries beyond the bounds (no hits in JS)
QUERIES = (
    "smertepumper",
    "smertepumpen",
    "syringe driver",
    "pumpe bolus",
    "sperretid",
    "nalokson",
    "naloxone",
    "forstoppelse",
    "constipation",
    "midazolam",
    "Dormicum",
    "haloperidol kvalme",
    "death rattle",
    "fentanylplaster",
    "fentanyl patch",
    "Durogesic",
    "kidney failure",
    "gjennombruddssmerte",
    "breakthrough pain",
    "behovsdose",
    "krysstoleranse",
    "opioid rotation",
    "døende",
    "oxycodone",
    "OxyNorm",
    "Reltebon Depot",
    "Robinul",
    "morfin nyresvikt eGFR",
    "ketobemidon sc",
    "xylofonkonsert",
    "",
)

NODE_RUNNER = """
global.window = global;
require(process.argv[1] + "/search-index.js");
require(process.argv[1] + "/search.js");
const queries = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(queries.map((q) => window.lindringSearch(q))));
"""


_PARTS: dict[int, list[_Section]] = {}


def python_hits(book: Handbook, tables: Tables, query: str) -> list[dict[str, object]]:
    """What `lindring handbook search` finds (a query beyond the bounds: nothing, as the
    search box shows a message instead of hits). The sections are cut once per book;
    otherwise this is search.search."""
    try:
        check_query(query)
    except InputError:
        return []
    terms = expand_query(query, tables)
    if not terms:
        return []
    parts = _PARTS.setdefault(id(book), sections(book, tables))
    return [_shape(h) for h in rank(parts, terms)]


def test_python_hits_is_search(book: Handbook, tables: Tables) -> None:
    for query in ("smertepumper", "Reltebon Depot", "pumpe bolus", ""):
        assert python_hits(book, tables, query) == [_shape(h) for h in search(book, tables, query)]


def _shape(hit: Hit) -> dict[str, object]:
    return {
        "chapter": hit.chapter,
        "heading": hit.heading,
        "anchor": hit.anchor,
        "snippet": hit.snippet,
        "score": hit.score,
    }


def same_hits(js: list[dict[str, object]], py: list[dict[str, object]]) -> None:
    """The same sections in the same order with the same snippets; scores equal to
    rounding (Python's and V8's logarithms may differ in the last bit)."""
    key = ("chapter", "heading", "anchor", "snippet")
    assert [tuple(h[k] for k in key) for h in js] == [tuple(h[k] for k in key) for h in py]
    for a, b in zip(js, py, strict=True):
        assert a["score"] == pytest.approx(b["score"], rel=1e-12)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, book: Handbook, tables: Tables) -> Path:
    out = tmp_path_factory.mktemp("search")
    export_html(book, tables, out)
    return out


def test_the_index_holds_every_section_search_scores(book: Handbook, tables: Tables) -> None:
    data = index_data(book, tables)
    parts = sections(book, tables)
    assert len(data["sections"]) == len(parts) > len(book.chapters)
    assert [c["id"] for c in data["chapters"]] == list(book.chapters)
    # the pump chapter's section on the bolus: its heading words and text words counted
    pump = next(r for r in data["sections"] if r["h"].startswith("Bolus"))
    assert data["chapters"][pump["c"]]["id"] == "smertepumpe"
    assert {stem("bolus"), stem("sperretid")} <= set(pump["head"])
    assert pump["body"][stem("sperretid")] >= 1
    assert "[@" not in pump["text"] and "{{" not in pump["text"]
    assert data["rules"]["suffixes"] == list(SUFFIXES)


def test_brand_names_are_in_the_index(book: Handbook, tables: Tables) -> None:
    names = index_data(book, tables)["names"]
    assert names["oxynorm"] == names["oxycodone"] == "oksykodon"
    assert names["reltebon depot"] == "oksykodon"
    assert names["dormicum"] == "midazolam"


def test_labels_follow_the_language(book: Handbook, tables: Tables) -> None:
    assert index_data(book, tables)["labels"]["button"] == "Søk"
    assert index_data(book, tables, "en")["labels"]["button"] == "Search"


def test_the_index_is_a_script_that_sets_the_global(exported: Path) -> None:
    text = (exported / INDEX_JS).read_text(encoding="utf-8")
    assert text.startswith("window.LINDRING_INDEX = {") and text.endswith("};\n")
    assert "</" not in text  # safe even if inlined in a page
    json.loads(text.removeprefix("window.LINDRING_INDEX = ").removesuffix(";\n"))
    assert (exported / SEARCH_JS).read_text(encoding="utf-8").count("LINDRING_INDEX") >= 1


def run_node(folder: Path, queries: list[str] | tuple[str, ...]) -> list[list[dict[str, object]]]:
    answer = subprocess.run(
        ["node", "-e", NODE_RUNNER, str(folder)],
        input=json.dumps(queries),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    results: list[list[dict[str, object]]] = json.loads(answer.stdout)
    return results


NODE = pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")


@NODE
def test_search_js_gives_the_hits_python_gives(
    exported: Path, book: Handbook, tables: Tables
) -> None:
    results = run_node(exported, QUERIES)
    assert results[0] and results[0][0]["chapter"] == "smertepumpe"
    for query, js in zip(QUERIES, results, strict=True):
        same_hits(js, python_hits(book, tables, query))


@NODE
def test_search_js_agrees_on_many_made_up_queries(
    exported: Path, book: Handbook, tables: Tables
) -> None:
    """Words of the handbook as written (inflected, capitalised), glued into compounds,
    cut short, misspelt, mixed with drug and brand names: 120 queries, one seed."""
    text = " ".join(c.title + " " + c.body for c in book.chapters.values())
    vocabulary = sorted(set(words(text)))
    names = sorted(drug_names(tables))
    pick = random.Random(16)

    def word() -> str:
        kind = pick.randrange(6)
        one = pick.choice(vocabulary)
        if kind == 0:
            return one + pick.choice(vocabulary)  # a compound
        if kind == 1:
            return one[: max(1, len(one) - pick.randrange(4))]  # cut short
        if kind == 2:
            return pick.choice(names)
        if kind == 3:
            return one.capitalize() + pick.choice(["", "en", "er", "ene", "s"])
        if kind == 4 and len(one) > 3:
            at = pick.randrange(len(one))
            return one[:at] + pick.choice("aeiouæøå") + one[at + 1 :]  # misspelt
        return one

    queries = [" ".join(word() for _ in range(pick.randint(1, 3))) for _ in range(120)]
    for query, js in zip(queries, run_node(exported, queries), strict=True):
        same_hits(js, python_hits(book, tables, query))
