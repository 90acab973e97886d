"""Every shipped chapter parses, resolves and renders, and the handbook checks clean."""

from __future__ import annotations

import datetime
import io

import pytest
from rich.console import Console

from lindring.handbook import (
    Handbook,
    check_chapters,
    errors_only,
    render_ready,
    resolve_chapter,
)
from lindring.model import Tables
from lindring.render_handbook import chapter as render

from .conftest import CHAPTERS, HANDBOOK_DIR, REQUIRED


def test_the_required_chapters_exist(book: Handbook) -> None:
    assert set(REQUIRED) <= set(book.chapters)
    assert list(book.chapters)[: len(REQUIRED)] == list(REQUIRED)  # reading order


def test_every_chapter_loads_without_problems(book: Handbook) -> None:
    assert book.problems == ()
    assert sorted(book.chapters) == CHAPTERS


def test_check_chapters_finds_no_errors_and_no_warnings(tables: Tables) -> None:
    problems = check_chapters(tables, str(HANDBOOK_DIR), today=datetime.date(2026, 11, 23))
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


def test_unchecked_start_doses_are_marked_in_the_sources_file(book: Handbook) -> None:
    """The four drugs' Norwegian start doses were not read in their source: say so."""
    note = book.sources["klb-vest-fire-legemidler"].note
    assert "NOT CHECKED AGAINST THE SOURCE TEXT" in note
    text = book.chapters["fire-legemidler"].body
    assert text.casefold().count("må bekreftes") >= 2
