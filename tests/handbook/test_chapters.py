"""Every shipped chapter parses, resolves and renders, and the handbook checks clean."""

from __future__ import annotations

import datetime
import io
from fractions import Fraction

import pytest
from rich.console import Console

from lindring.handbook.book import (
    Handbook,
    check_chapters,
    errors_only,
    render_ready,
    resolve_chapter,
)
from lindring.model import Tables
from lindring.output.text.handbook import chapter as render

from .conftest import CHAPTERS, HANDBOOK_DIR, REQUIRED


def test_the_required_chapters_exist(book: Handbook) -> None:
    assert set(REQUIRED) <= set(book.chapters)
    assert list(book.chapters)[: len(REQUIRED)] == list(REQUIRED)  # reading order


def test_every_chapter_loads_without_problems(book: Handbook) -> None:
    assert book.problems == ()
    assert sorted(book.chapters) == CHAPTERS


def test_check_chapters_finds_no_errors_and_no_warnings(tables: Tables) -> None:
    problems = check_chapters(tables, str(HANDBOOK_DIR), today=datetime.date(2026, 12, 2))
    assert problems == []


def test_check_chapters_today_has_no_errors(tables: Tables) -> None:
    """Warnings (an old review date) may come with time; errors may not."""
    assert errors_only(check_chapters(tables, str(HANDBOOK_DIR))) == []


@pytest.mark.parametrize("chapter_id", CHAPTERS)
def test_chapter_renders(chapter_id: str, book: Handbook, tables: Tables) -> None:
    chapter = book.chapters[chapter_id]
    markdown = render_ready(chapter, tables, book, "terminal")
    assert "{{" not in markdown and "[@" not in markdown
    assert markdown.startswith(f"# {chapter.title}")
    console = Console(width=100, record=True, color_system=None, file=io.StringIO())
    console.print(render(markdown))
    shown = console.export_text()
    assert chapter.title.split()[0] in shown
    assert "---" not in shown.splitlines()[0]  # front matter is not shown


@pytest.mark.parametrize("chapter_id", CHAPTERS)
def test_nobody_has_reviewed_the_chapters_yet_and_they_say_so(
    chapter_id: str, book: Handbook, tables: Tables
) -> None:
    chapter = book.chapters[chapter_id]
    assert chapter.reviewers == ()
    markdown = resolve_chapter(chapter, tables, book, "terminal").markdown
    assert "ikke fagfellevurdert ennå" in markdown.splitlines()[2]


@pytest.mark.parametrize("chapter_id", CHAPTERS)
def test_every_listed_source_ends_up_in_the_reference_list(
    chapter_id: str, book: Handbook, tables: Tables
) -> None:
    chapter = book.chapters[chapter_id]
    resolved = resolve_chapter(chapter, tables, book, "terminal")
    listed = [sid for sid, _, _ in resolved.references]
    assert listed[: len(chapter.sources)] == list(chapter.sources)
    assert all(source is not None for _, source, _ in resolved.references)


def _sections(markdown: str) -> dict[str, str]:
    """The chapter's `##` sections by heading text (explicit anchors stripped)."""
    parts = markdown.split("\n## ")
    return {p.splitlines()[0].split(" {#")[0]: p for p in parts[1:]}


@pytest.mark.parametrize(
    ("drug", "mg_per_ml", "shown", "text", "source"),
    [
        # Felleskatalogen, composition: Midazolam Accord 1 and 5 mg/ml, Haldol injection
        # 5 mg/ml (1 ml contains haloperidol 5 mg), Robinul 0,2 mg/ml.
        ("midazolam", Fraction(5), "5 mg/ml", "1 mg/ml og 5 mg/ml", "fk-midazolam-accord"),
        ("haloperidol", Fraction(5), "5 mg/ml", "Haldol injeksjonsvæske, 5 mg/ml", "fk-haldol"),
        (
            "glycopyrronium",
            Fraction(1, 5),
            "0,2 mg/ml",
            "Robinul injeksjonsvæske, 0,2 mg/ml",
            "fk-robinul",
        ),
    ],
)
def test_injection_strengths_agree_with_the_product_texts(
    drug: str,
    mg_per_ml: Fraction,
    shown: str,
    text: str,
    source: str,
    book: Handbook,
    tables: Tables,
) -> None:
    """The strength the table embeds is the one the chapter reads in Felleskatalogen."""
    chapter = book.chapters["fire-legemidler"]
    bullets = _sections(chapter.body)["Ampullene"].split("\n- ")
    bullet = next(b for b in bullets if text in b)
    assert f"@{source}" in bullet
    assert tables.pump is not None
    assert mg_per_ml in {s.mg_per_ml for s in tables.pump.adjuvants[drug].ampoules.strengths}
    markdown = resolve_chapter(chapter, tables, book, "terminal").markdown
    name = tables.pump.adjuvants[drug].name.nb
    row = next(
        ln for ln in _sections(markdown)["Ampullene"].splitlines() if ln.startswith(f"| {name} ")
    )
    assert shown in row
