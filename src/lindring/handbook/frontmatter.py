"""A chapter's front matter: the YAML block between the first two ``---`` lines.

It is read with the same strict loader as the tables (no duplicate keys, dates stay
text, numbers that are versions must be quoted) and checked field by field, so a
problem reads ``handbook/plaster.md:4:10: last_reviewed: ...`` with the line in the
chapter file. The format is described in ``docs/editing-handbook.md``.
"""

from __future__ import annotations

import datetime
from typing import Any

from lindring.errors import Issue, Params, Severity, params
from lindring.records import record
from lindring.table.checker import Checker
from lindring.table.yamlsource import YamlProblem, load

ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
VERSION_PATTERN = r"[0-9]+(?:\.[0-9]+)*"
DATE_PATTERN = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
REQUIRED = (
    "id",
    "title",
    "summary",
    "version",
    "last_reviewed",
    "reviewers",
    "sources",
    "related_drugs",
    "tags",
)
OPTIONAL = ("order",)


@record
class Chapter:
    """One handbook chapter: its front matter and its Markdown body."""

    id: str
    title: str
    summary: str
    version: str
    last_reviewed: str  # YYYY-MM-DD: when the text was last checked against its sources
    reviewers: tuple[str, ...]  # who reviewed it clinically; empty = not peer reviewed yet
    sources: tuple[str, ...]
    related_drugs: tuple[str, ...]
    tags: tuple[str, ...]
    order: int
    file: str  # the path shown in problems
    body: str
    body_line: int  # file line of the body's first line
    marks: dict[str, tuple[int, int]]  # front matter key path (dotted) -> line, column

    def issue(
        self,
        key: str,
        path: str,
        code: str,
        hint: str = "",
        warning: bool = False,
        hint_params: Params = (),
        **values: Any,
    ) -> Issue:
        """The problem ``code`` (with ``values``) at the front matter key ``key``
        (dotted), about ``path``; ``hint`` is a hint code with ``hint_params``."""
        line, col = self.marks.get(key, (1, 1))
        severity: Severity = "warning" if warning else "error"
        return Issue(
            self.file, line, col, path, code, hint, severity, params(**values), hint_params
        )


def split(text: str, file: str) -> tuple[str, str, int] | Issue:
    """``(yaml, body, body_line)``, or a problem when there is no front matter block.

    The YAML keeps its place in the file (the opening ``---`` becomes an empty line), so
    the loader's line numbers are the chapter file's.
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return Issue(file, 1, 1, "front matter", "problem.chapter_start")
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            yaml_text = "\n".join(["", *lines[1:index]])
            return yaml_text, "\n".join(lines[index + 1 :]), index + 2
    return Issue(file, 1, 1, "front matter", "problem.chapter_no_close")


def parse(text: str, file: str) -> tuple[Chapter | None, list[Issue]]:
    """The chapter in ``text`` and every problem in its front matter."""
    parts = split(text, file)
    if isinstance(parts, Issue):
        return None, [parts]
    yaml_text, body, body_line = parts
    try:
        doc = load(yaml_text, file)
    except YamlProblem as exc:
        return None, [exc.issue]
    check = Checker(doc)
    data: Any = check.mapping(doc.data, (), REQUIRED, OPTIONAL)
    if data is None:
        return None, check.problems
    get = data.get
    chapter_id = check.text(get("id"), ("id",), ID_PATTERN)
    title = check.text(get("title"), ("title",))
    summary = check.text(get("summary"), ("summary",))
    version = check.text(get("version"), ("version",), VERSION_PATTERN)
    reviewed = check.text(get("last_reviewed"), ("last_reviewed",), DATE_PATTERN)
    if reviewed is not None and _date(reviewed) is None:
        check.problem(("last_reviewed",), "problem.not_a_date", value=reviewed)
        reviewed = None
    reviewers = check.strings(get("reviewers"), ("reviewers",), allow_empty=True)
    if get("sources") == []:
        check.problem(("sources",), "problem.list_a_source", "hint.list_a_source")
    sources = check.strings(get("sources"), ("sources",), allow_empty=True)
    for index, sid in enumerate(sources):
        check.text(sid, ("sources", index), ID_PATTERN)
    drugs = check.strings(get("related_drugs"), ("related_drugs",), allow_empty=True)
    tags = check.strings(get("tags"), ("tags",), allow_empty=True)
    order = check.integer(get("order"), ("order",)) if "order" in data else 0
    marks = {".".join(str(p) for p in path): mark for path, mark in doc.marks.items()}
    if check.problems or None in (chapter_id, title, summary, version, reviewed, order):
        return None, check.problems
    assert chapter_id and title and summary and version and reviewed and order is not None
    chapter = Chapter(
        chapter_id,
        title,
        summary,
        version,
        reviewed,
        reviewers,
        sources,
        drugs,
        tags,
        order,
        file,
        body,
        body_line,
        marks,
    )
    return chapter, []


def _date(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def reviewed_on(chapter: Chapter) -> datetime.date:
    found = _date(chapter.last_reviewed)
    assert found is not None  # checked when the chapter was parsed
    return found
