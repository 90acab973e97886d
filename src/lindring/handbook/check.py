"""Every problem in the handbook, for ``lindring validate`` and the tests.

Errors: front matter and ``sources.yaml`` shape, an id that is not the file name, a
source listed or cited that is defined nowhere, a source cited in the text but missing
from the chapter's list, a related drug that is not in the table, a link to a chapter
or heading that does not exist, an embed that does not resolve, a review date in the
future, a heading that ``lindring convert --explain`` points to gone missing.
Warnings (``severity`` ``warning``): a review date older than the allowed age, a source
listed but never cited, a source in ``sources.yaml`` that no chapter lists.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from lindring.errors import Issue
from lindring.handbook.chapters import EXPLAIN_TARGETS, SOURCES_FILE, Handbook, position
from lindring.handbook.frontmatter import Chapter, reviewed_on
from lindring.handbook.markdown import headings
from lindring.handbook.resolve import resolve
from lindring.handbook.sources import where_defined
from lindring.model import Tables
from lindring.textfile import shown_path


def check(tables: Tables, book: Handbook, today: datetime.date, max_age_days: int) -> list[Issue]:
    problems = list(book.problems)
    known = {**tables.sources, **book.sources}
    listed_anywhere: set[str] = set()
    for chapter in book.chapters.values():
        problems.extend(_chapter(chapter, tables, book, known, today, max_age_days))
        listed_anywhere.update(chapter.sources)
    sources_path = book.directory / SOURCES_FILE
    places = where_defined(sources_path, shown_path)
    for sid in book.sources:
        file, line, col = places.get(sid, (shown_path(sources_path), 0, 0))
        path = f"sources.{sid}"
        if sid in tables.sources:
            message = f"'{sid}' is already a source in the conversion table"
            problems.append(Issue(file, line, col, path, message))
        elif sid not in listed_anywhere:
            message = "no chapter lists this source"
            problems.append(Issue(file, line, col, path, message, severity="warning"))
    return sorted(problems, key=position)


def _chapter(
    chapter: Chapter,
    tables: Tables,
    book: Handbook,
    known: Mapping[str, object],
    today: datetime.date,
    max_age_days: int,
) -> list[Issue]:
    found: list[Issue] = []
    resolved = resolve(chapter, tables, book, "text")
    found.extend(resolved.problems)
    for index, sid in enumerate(chapter.sources):
        key, path = f"sources.{index}", f"sources[{index}]"
        if sid not in known:
            hint = "define it in handbook/sources.yaml (or tables/opioids.yaml)"
            found.append(chapter.issue(key, path, f"unknown source '{sid}'", hint))
        elif sid not in resolved.cited:
            message = f"'{sid}' is listed but never cited"
            found.append(chapter.issue(key, path, message, warning=True))
    drugs = set(tables.opioids) | set(tables.pump.adjuvants if tables.pump else ())
    for index, key in enumerate(chapter.related_drugs):
        if key not in drugs:
            found.append(
                chapter.issue(
                    f"related_drugs.{index}",
                    f"related_drugs[{index}]",
                    f"'{key}' is not a drug key in tables/opioids.yaml",
                )
            )
    age = (today - reviewed_on(chapter)).days
    reviewed = "last_reviewed"
    if age < 0:
        found.append(chapter.issue(reviewed, reviewed, f"{chapter.last_reviewed} is in the future"))
    elif age > max_age_days:
        message = (
            f"{chapter.last_reviewed} is {age} days ago, more than the allowed "
            f"{max_age_days}: review the chapter against its sources"
        )
        found.append(chapter.issue(reviewed, reviewed, message, warning=True))
    slugs = {h.slug for h in headings(chapter.body, chapter.body_line)}
    for chapter_id, anchor in EXPLAIN_TARGETS.values():
        if chapter_id == chapter.id and anchor not in slugs:
            message = (
                f"lindring convert --explain points to the heading '#{anchor}' in this "
                "chapter, and it is missing"
            )
            hint = f"give a heading the anchor {{#{anchor}}}"
            found.append(chapter.issue("id", "id", message, hint))
    return found
