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

from lindring.errors import Issue, params
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
            code = "problem.source_in_table"
            problems.append(Issue(file, line, col, path, code, params=params(source=sid)))
        elif sid not in listed_anywhere:
            code = "problem.source_unlisted"
            problems.append(Issue(file, line, col, path, code, severity="warning"))
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
            hint = "hint.define_source"
            found.append(
                chapter.issue(key, path, "problem.unknown_chapter_source", hint, source=sid)
            )
        elif sid not in resolved.cited:
            code = "problem.never_cited"
            found.append(chapter.issue(key, path, code, warning=True, source=sid))
    drugs = set(tables.opioids) | set(tables.pump.adjuvants if tables.pump else ())
    for index, key in enumerate(chapter.related_drugs):
        if key not in drugs:
            found.append(
                chapter.issue(
                    f"related_drugs.{index}",
                    f"related_drugs[{index}]",
                    "problem.related_drug",
                    drug=key,
                )
            )
    age = (today - reviewed_on(chapter)).days
    reviewed = "last_reviewed"
    if age < 0:
        found.append(
            chapter.issue(reviewed, reviewed, "problem.review_future", date=chapter.last_reviewed)
        )
    elif age > max_age_days:
        found.append(
            chapter.issue(
                reviewed,
                reviewed,
                "problem.review_old",
                warning=True,
                date=chapter.last_reviewed,
                age=age,
                allowed=max_age_days,
            )
        )
    slugs = {h.slug for h in headings(chapter.body, chapter.body_line)}
    for chapter_id, anchor in EXPLAIN_TARGETS.values():
        if chapter_id == chapter.id and anchor not in slugs:
            found.append(
                chapter.issue(
                    "id",
                    "id",
                    "problem.explain_heading",
                    "hint.explain_heading",
                    hint_params=params(anchor=anchor),
                    anchor=anchor,
                )
            )
    return found
