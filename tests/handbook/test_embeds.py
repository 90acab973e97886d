"""Embedded numbers equal the table's. The expected values are read here straight from
tables/opioids.yaml with plain PyYAML and formatted by this test's own code, not through
lindring's model or the embed code, so the embed cannot agree with itself by accident."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from lindring.handbook.book import Handbook, resolve_chapter
from lindring.handbook.embed import EmbedProblem, expand
from lindring.model import Tables

from ..conftest import TABLES_DIR

RAW: dict[str, Any] = yaml.safe_load((TABLES_DIR / "opioids.yaml").read_text("utf-8"))


def nb(value: Any) -> str:
    """A number as the table wrote it, with a decimal comma."""
    text = format(Decimal(str(value)).normalize(), "f")
    return text.replace(".", ",")


def expected_factor(drug: str, route: str) -> str:
    row = RAW["opioids"][drug]["routes"][route]
    low, high = row.get("range", [row["factor"], row["factor"]])
    if low == high:
        return nb(row["factor"])
    return f"{nb(row['factor'])} (spenn {nb(low)}–{nb(high)})"


ROWS = [
    (drug, route) for drug, entry in RAW["opioids"].items() for route in (entry.get("routes") or {})
]


@pytest.mark.parametrize(("drug", "route"), ROWS, ids=lambda v: str(v))
def test_embedded_factor_equals_the_table(drug: str, route: str, tables: Tables) -> None:
    shown = expand(tables, f"faktor: {drug} {route}").markdown
    assert shown.split(" \\[")[0] == expected_factor(drug, route)


def test_oxycodone_by_mouth_is_one_and_a_half_to_two(tables: Tables) -> None:
    """The one users ask about most, spelled out by hand from the table."""
    assert expand(tables, "faktor: oksykodon peroralt").markdown.startswith("1,5 (spenn 1,5–2)")
    assert expand(tables, "faktor: OxyNorm po høy").markdown.startswith("2 ")


def table_rows(markdown: str) -> list[list[str]]:
    rows = [line for line in markdown.splitlines() if line.startswith("| ")]
    return [[c.strip() for c in row.strip("|").split(" | ")] for row in rows[2:]]


def test_whole_conversion_table_equals_the_table(tables: Tables) -> None:
    rows = table_rows(expand(tables, "tabell: omregning").markdown)
    expected = []
    for drug, entry in RAW["opioids"].items():
        routes = entry.get("routes") or {}
        ceiling = entry.get("ceiling")
        limit = f"{nb(ceiling['value'])} mg/døgn" if ceiling else ""
        if not routes:
            expected.append((entry["name"]["nb"], "–", "regnes ikke om", limit))
        for route in routes:
            factor = expected_factor(drug, route)
            if entry["unit"] == "microgram" and route != "td":
                per = Decimal(str(routes[route]["factor"])) / 1000
                factor += f" per mg (= {nb(per)} per mikrogram)"
            name = RAW["routes"][route]["name"]["nb"]
            expected.append((entry["name"]["nb"], name, factor, limit))
    assert [tuple(r[:4]) for r in rows] == expected


def test_rules_equal_the_table(tables: Tables) -> None:
    red = RAW["rules"]["reduction"]
    low, high = red["below"]["range"]
    text = expand(tables, "regel: reduksjon").markdown
    assert text.startswith(f"{low}–{high} % (vanligvis {red['below']['default']} %)")
    assert f"under {red['threshold_ome_mg_per_24h']} mg" in text
    assert expand(tables, "regel: reduksjon over").markdown.startswith(
        f"{red['at_or_above']['default']} %"
    )
    bt = RAW["rules"]["breakthrough"]
    assert expand(tables, "regel: gjennombrudd brøk").markdown.startswith(bt["fraction"])
    assert expand(tables, "regel: gjennombrudd spenn").markdown.startswith("–".join(bt["range"]))
    pump = RAW["pump"]["defaults"]
    assert expand(tables, "regel: pumpe sperretid").markdown.startswith(
        f"{pump['lockout_minutes']} minutter"
    )


@pytest.mark.parametrize(
    "drug", [d for d, e in RAW["opioids"].items() if e.get("ceiling")], ids=str
)
def test_ceiling_equals_the_table(drug: str, tables: Tables) -> None:
    value = RAW["opioids"][drug]["ceiling"]["value"]
    assert expand(tables, f"tak: {drug}").markdown.startswith(f"{nb(value)} mg/døgn")


def test_patch_strengths_equal_the_table(tables: Tables) -> None:
    product = RAW["opioids"]["fentanyl"]["routes"]["td"]["patches"][0]
    labels = list(product["strengths"])
    text = expand(tables, "plaster: fentanyl").markdown
    assert text.startswith(", ".join(labels[:-1]) + f" og {labels[-1]} mikrogram/time")
    assert f"hver {product['change_every_hours']}. time" in text


def test_injection_strengths_equal_the_table(tables: Tables) -> None:
    strengths = [nb(s["mg_per_ml"]) for s in RAW["pump"]["ampoules"]["morphine"]["strengths"]]
    text = expand(tables, "styrker: morfin").markdown
    assert text.startswith(", ".join(strengths[:-1]) + f" og {strengths[-1]} mg/ml")


def test_example_is_the_calculators_working(tables: Tables) -> None:
    from lindring.calc.convert import convert
    from lindring.calc.request import parse_request

    words = ["oxycodone", "20mg", "x2", "po", "to", "morphine", "sc"]
    text = expand(tables, "eksempel: " + " ".join(words)).markdown
    result = convert(tables, parse_request(tables, words))
    assert result.suggested is not None
    assert f"{nb(result.suggested.value)} mg/døgn" in text
    assert len(re.findall(r"^\d+\. ", text, flags=re.MULTILINE)) == len(result.steps)


@pytest.mark.parametrize(
    ("directive", "message"),
    [
        ("faktor: oxycodon po", "unknown drug 'oxycodon'"),
        ("faktor: oxycodone td", "oxycodone has no route 'td' in the table (routes: po, sc, iv)"),
        ("faktor: oxycodone bukk", "unknown route 'bukk'"),
        ("faktor: oxycodone po median", "unknown field 'median'"),
        ("faktor: oxycodone", "faktor needs a drug and a route, e.g. {{ faktor: oxycodone po }}"),
        ("factor: oxycodone po", "unknown embed 'factor: oxycodone po'"),
        ("regel: reduction", "unknown rule 'reduction'"),
        ("tak: morphine", "morphine has no ceiling in the table"),
        ("tabell: konvertering", "unknown table 'konvertering'"),
        ("plasterråd: fentanyl over", "unknown field 'over'"),
        ("styrker: paracetamol", "unknown drug 'paracetamol'"),
        ("nyre: Instanyl", "unknown drug 'Instanyl'"),
    ],
)
def test_an_embed_that_does_not_exist_is_an_error(
    directive: str, message: str, tables: Tables
) -> None:
    with pytest.raises(EmbedProblem) as caught:
        expand(tables, directive)
    assert caught.value.message == message


def test_every_conversion_table_embed_in_the_book_shows_every_drug(
    book: Handbook, tables: Tables
) -> None:
    for chapter in book.chapters.values():
        if "{{ tabell: omregning }}" not in chapter.body:
            continue
        markdown = resolve_chapter(chapter, tables, book, "terminal").markdown
        for entry in RAW["opioids"].values():
            assert f"| {entry['name']['nb']} |" in markdown


def test_no_number_the_table_has_is_typed_in_a_chapter_factor_line() -> None:
    """Chapters embed factors; a typed 'faktor ... 1,5' next to a drug would drift."""
    for path in sorted(Path(TABLES_DIR.parent / "handbook").glob("*.md")):
        for line in path.read_text("utf-8").splitlines():
            assert not re.search(r"faktor(en)? (er |på )?\d", line), f"{path.name}: {line}"
