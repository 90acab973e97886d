"""The clinical handbook: chapters in Norwegian bokmål, fed by the same table.

Chapters are Markdown files with YAML front matter (``handbook/*.md``,
``docs/editing-handbook.md``). Numbers the calculator knows are never typed in a
chapter: a directive such as ``{{ faktor: oxycodone po }}`` embeds them from the
loaded :class:`~lindring.model.Tables` (:mod:`lindring.handbook.embed`), so the
handbook and the calculator cannot disagree. Sources the table does not have live in
``handbook/sources.yaml``.

The chapters are found like the tables: ``--handbook DIR``, then ``$LINDRING_HANDBOOK``,
then ``lindring/_data/handbook`` in a built wheel, then the repository's ``handbook/``.
Nothing here prints; problems are returned as :class:`~lindring.errors.Issue` objects.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from lindring.errors import Issue
from lindring.handbook.chapters import (
    EXPLAIN_TARGETS,
    MAX_REVIEW_AGE_DAYS,
    SOURCES_FILE,
    Handbook,
    HandbookError,
    errors_only,
    handbook_dir,
    load_handbook,
    section_for,
)
from lindring.handbook.frontmatter import Chapter

if TYPE_CHECKING:
    from lindring.handbook.resolve import Resolved
    from lindring.model import Tables

__all__ = [
    "EXPLAIN_TARGETS",
    "MAX_REVIEW_AGE_DAYS",
    "SOURCES_FILE",
    "Chapter",
    "Handbook",
    "HandbookError",
    "check_chapters",
    "errors_only",
    "handbook_dir",
    "load_handbook",
    "render_ready",
    "resolve_chapter",
    "section_for",
]


def resolve_chapter(
    chapter: Chapter, tables: Tables, book: Handbook, target: str = "terminal"
) -> Resolved:
    """The chapter as Markdown with every embed, marker and link resolved for ``target``
    (``terminal``, ``html`` or ``text``); its problems are in the result."""
    from lindring.handbook.resolve import resolve

    return resolve(chapter, tables, book, target)


def render_ready(chapter: Chapter, tables: Tables, book: Handbook, target: str) -> str:
    """The resolved Markdown, or :class:`HandbookError` with the chapter's problems."""
    resolved = resolve_chapter(chapter, tables, book, target)
    problems = book.problems_of(chapter) + errors_only(resolved.problems)
    if problems:
        raise HandbookError(problems)
    return resolved.markdown


def check_chapters(
    tables: Tables,
    directory: str | None = None,
    *,
    today: datetime.date | None = None,
    max_age_days: int = MAX_REVIEW_AGE_DAYS,
) -> list[Issue]:
    """Every problem in the handbook, in file order.

    Covered: front matter, ``sources.yaml``, links between chapters, embeds, source
    markers, and the review date. Some are warnings (``severity``).
    """
    from lindring.handbook.check import check

    return check(tables, load_handbook(directory), today or datetime.date.today(), max_age_days)
