"""The PDF as printed: read back with pypdf, two A6 pages whose rows are the card's
numbers, with the draft mark on both sides. Skipped without the ``card`` extra."""

from __future__ import annotations

from dataclasses import replace
from io import BytesIO

import pytest

from lindring.card import content as card
from lindring.card import layout as card_layout
from lindring.model import Tables

from ..conftest import TABLES_DIR

typst = pytest.importorskip("typst", reason="the card extra is not installed")
pypdf = pytest.importorskip("pypdf")

from lindring.output.card_pdf import pdf  # noqa: E402

A6_LANDSCAPE_PT = (419.5, 297.6)  # 148 x 105 mm

LAYOUT = TABLES_DIR / card_layout.LAYOUT_FILE


def _pages(tables: Tables, lang: str) -> tuple[card.Card, list[str], object]:
    built = card.build(tables, card_layout.load_layout(LAYOUT, tables), lang)
    reader = pypdf.PdfReader(BytesIO(pdf(built)))
    return built, [page.extract_text() for page in reader.pages], reader


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_two_a6_pages_with_every_row(tables: Tables, lang: str) -> None:
    built, pages, reader = _pages(tables, lang)
    assert len(pages) == 2
    for page in reader.pages:  # type: ignore[attr-defined]
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A6_LANDSCAPE_PT, abs=0.2)
    lines = pages[0].splitlines()
    for row in card.texts(built)["rows"]:  # type: ignore[union-attr]
        tokens = [row["dose"]]  # type: ignore[index]
        for eq, start, mark in row["cells"]:  # type: ignore[index]
            tokens += [
                eq + (mark if eq == card.DASH else ""),
                start + (mark if start == card.DASH else ""),
            ]
        assert " ".join(tokens) in lines, (tokens, lines)


def test_key_numbers_and_text(tables: Tables) -> None:
    _, pages, _ = _pages(tables, "nb")
    front, back = pages
    assert "mikrogram/time" in front and "µ" not in front + back
    assert "12,5" in front and "162,16" in front
    assert tables.version in back and "Metadon" in back
    assert "1/6 av døgndosen" in back


def test_the_draft_mark_is_on_both_sides(tables: Tables) -> None:
    _, pages, _ = _pages(tables, "en")
    assert all("UTKAST / DRAFT" in page for page in pages)
    _, reviewed, _ = _pages(replace(tables, status="reviewed"), "en")
    assert not any("UTKAST" in page for page in reviewed)


def test_the_same_table_gives_the_same_file(tables: Tables) -> None:
    built = card.build(tables, card_layout.load_layout(LAYOUT, None), "en")
    assert pdf(built) == pdf(built)
