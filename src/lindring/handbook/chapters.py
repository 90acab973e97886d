"""The handbook on disk: where its chapters are, each chapter and its front matter
loaded (:class:`Handbook`), and where ``lindring convert --explain`` points
(:func:`section_for`). The part of the handbook that does not need the table's numbers;
:mod:`lindring.handbook.book` builds on it.
"""

from __future__ import annotations

from pathlib import Path

from lindring.errors import Issue, TableError
from lindring.handbook.frontmatter import Chapter, parse
from lindring.model import Source
from lindring.records import record
from lindring.textfile import Unreadable, data_dir, is_dir, read_text, shown_path

ENV_VAR = "LINDRING_HANDBOOK"
SOURCES_FILE = "sources.yaml"
MAX_REVIEW_AGE_DAYS = 365


class HandbookError(TableError):
    """The handbook (or one chapter of it) cannot be shown; carries every problem."""

    def __init__(self, problems: list[Issue]) -> None:
        super().__init__(problems)
        self.code = "handbook_invalid"


@record(eq=False)
class Handbook:
    """Every chapter that loaded, the handbook's own sources, and what went wrong."""

    directory: Path
    chapters: dict[str, Chapter]  # id -> chapter, in reading order
    sources: dict[str, Source]  # from handbook/sources.yaml
    problems: tuple[Issue, ...]  # front matter and sources.yaml problems, per file

    def find(self, name: str) -> Chapter | None:
        """The chapter with id ``name`` (or file name ``name.md``)."""
        key = name.strip().casefold().removesuffix(".md")
        return self.chapters.get(key)

    def problems_of(self, chapter: Chapter) -> list[Issue]:
        return [p for p in self.problems if p.file == chapter.file]

    def problems_named(self, name: str) -> list[Issue]:
        """Problems of the file ``name.md`` (a chapter that did not load)."""
        wanted = name.strip().casefold().removesuffix(".md") + ".md"
        return [p for p in self.problems if Path(p.file).name == wanted]


def handbook_dir(override: str | None = None) -> Path:
    """``--handbook``, then ``$LINDRING_HANDBOOK``, then the package, then the checkout."""
    return data_dir("handbook", ENV_VAR, override)


def load_handbook(directory: str | None = None) -> Handbook:
    """Every chapter in the handbook directory; problems are collected, not raised.

    Only a missing directory raises :class:`HandbookError`: there is nothing to show.
    """
    from lindring.handbook.sources import load_sources

    folder = handbook_dir(directory)
    if not is_dir(folder):
        raise HandbookError([Issue(shown_path(folder), code="problem.no_handbook")])
    problems: list[Issue] = []
    sources, source_problems = load_sources(folder / SOURCES_FILE, shown_path)
    problems.extend(source_problems)
    found: list[Chapter] = []
    for path in sorted(folder.glob("*.md")):
        shown = shown_path(path)
        try:
            text = read_text(path, shown)
        except Unreadable as exc:
            problems.append(exc.issue())
            continue
        chapter, chapter_problems = parse(text.replace("\r\n", "\n"), shown)
        problems.extend(chapter_problems)
        if chapter is None:
            continue
        if chapter.id != path.stem:
            problems.append(
                chapter.issue("id", "id", "problem.chapter_id", id=chapter.id, expected=path.stem)
            )
            continue
        found.append(chapter)
    found.sort(key=lambda c: (c.order == 0, c.order, c.id))
    problems.sort(key=position)
    return Handbook(folder, {c.id: c for c in found}, sources, tuple(problems))


def position(problem: Issue) -> tuple[str, int, int]:
    """Sort key for problems: file, line, column (warnings among the errors)."""
    return (problem.file, problem.line, problem.col)


def errors_only(problems: list[Issue]) -> list[Issue]:
    return [p for p in problems if p.severity == "error"]


# Where `lindring convert --explain` points: (chapter id, heading anchor). The check
# reports an error when one of these chapters exists without the anchored heading.
EXPLAIN_TARGETS = {
    "pump": ("smertepumpe", "utregning"),
    "to_patch": ("plaster", "til-plaster"),
    "from_patch": ("plaster", "fra-plaster"),
    "conversion": ("opioidkonvertering", "reduksjon"),
}
PARENTERAL = ("sc", "iv")
PATCH = "td"


def section_for(
    source_drug_key: str,
    target_drug_key: str,
    target_route: str,
    *,
    source_route: str | None = None,
    directory: str | None = None,
) -> tuple[str, str] | None:
    """The chapter section that explains a conversion: ``(chapter id, heading)``.

    A patch target points at the patch chapter's crossover section, a patch source (when
    ``source_route`` is given) at its removal section, a subcutaneous or intravenous
    target at the pain pump's calculation, anything else at the conversion chapter's
    reduction section. ``None`` when that chapter or heading is missing.
    """
    # the routes decide today; the drug keys are part of the contract for later rules
    if target_route == PATCH:
        key = "to_patch"
    elif source_route == PATCH:
        key = "from_patch"
    elif target_route in PARENTERAL:
        key = "pump"
    else:
        key = "conversion"
    chapter_id, anchor = EXPLAIN_TARGETS[key]
    try:
        book = load_handbook(directory)
    except HandbookError:
        return None
    chapter = book.chapters.get(chapter_id)
    if chapter is None:
        return None
    from lindring.handbook.markdown import headings

    for heading in headings(chapter.body, chapter.body_line):
        if heading.slug == anchor:
            return chapter.id, heading.text
    return None
