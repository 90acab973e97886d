"""One chapter's Markdown made ready to show: embeds expanded, source markers and links
rewritten for the target, a status line under the title and the reference list at the
end. Every problem found on the way is returned as ``FILE:LINE:COL: path: message``.

Targets: ``terminal`` (rich, with the reference list), ``text`` (the search index, without
it) and ``html`` (the static export, which renders the reference list itself from
:attr:`Resolved.references`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from lindring.errors import Issue, Params, params
from lindring.handbook.embed import BLOCK_KINDS, EmbedProblem, expand
from lindring.handbook.frontmatter import Chapter
from lindring.handbook.markdown import (
    ANCHOR,
    EMBED,
    FENCE,
    HEADING,
    LINK,
    MARKER,
    clean_id,
    escape,
    headings,
    marker_ids,
)
from lindring.i18n.handbook import EMBED as W
from lindring.i18n.handbook import LABELS
from lindring.model import Source, Tables
from lindring.records import record

if TYPE_CHECKING:
    from lindring.handbook.chapters import Handbook

REFERENCES_ANCHOR = "kilder"

#: a source marker with the spaces before it ("team [@id]." is "team." in the search
#: text; a line that starts with one starts with what follows it: :func:`plain` joins it)
_SPACED_MARKER = re.compile(r"[ \t]*" + MARKER.pattern)


@record
class Resolved:
    markdown: str
    problems: list[Issue]
    cited: tuple[str, ...]  # source ids cited with markers in the text
    references: tuple[tuple[str, Source | None, bool], ...]  # id, source, only from embeds


def is_internal(target: str) -> bool:
    return "://" not in target and not target.startswith(("mailto:", "tel:"))


def anchors(chapter: Chapter) -> set[str]:
    return {h.slug for h in headings(chapter.body, chapter.body_line)} | {REFERENCES_ANCHOR}


class _Resolver:
    def __init__(self, chapter: Chapter, tables: Tables, book: Handbook, target: str) -> None:
        self.chapter, self.tables, self.book, self.target = chapter, tables, book, target
        self.known = {**tables.sources, **book.sources}
        self.problems: list[Issue] = []
        self.cited: list[str] = []
        self.embedded: list[str] = []

    def problem(
        self,
        line: int,
        col: int,
        path: str,
        code: str,
        hint: str = "",
        hint_params: Params = (),
        **values: Any,
    ) -> None:
        """The problem ``code`` (with ``values``) at ``line``:``col``; ``hint`` is a hint
        code with ``hint_params``."""
        file = self.chapter.file
        found = Issue(
            file, line, col, path, code, hint, params=params(**values), hint_params=hint_params
        )
        self.problems.append(found)

    def run(self) -> str:
        out: list[str] = []
        fenced = False
        for offset, text in enumerate(self.chapter.body.split("\n")):
            number = self.chapter.body_line + offset
            if FENCE.match(text):
                fenced = not fenced
            out.append(text if fenced or FENCE.match(text) else self.line(text, number))
        return "\n".join(out).strip("\n")

    def line(self, text: str, number: int) -> str:
        heading = HEADING.match(text)
        if heading and len(heading.group(1)) == 1:
            self.problem(number, 1, "heading", "problem.heading_level")
        for opener, closer, what in (("{{", "}}", "embed"), ("[@", "]", "source")):
            start = text.rfind(opener)
            if start >= 0 and closer not in text[start:]:
                self.problem(number, start + 1, what, "problem.not_closed", opener=opener)
        for found in LINK.finditer(text):  # columns are those of the line as written
            self.check_link(found.group(2), number, found.start() + 1)
        for found in MARKER.finditer(text):
            self.check_marker(found.group(1), number, found.start() + 1)
        if heading and self.target != "html":
            text = ANCHOR.sub("", text)
        original = text
        text = EMBED.sub(lambda m: self.embed(m, original, number), text)
        if self.target == "text":  # the search index: a source marker and the space before it go
            text = _SPACED_MARKER.sub("", text)
        return MARKER.sub(self.marker, LINK.sub(self.link, text))

    def embed(self, found: re.Match[str], text: str, number: int) -> str:
        inner = found.group(1)
        col = found.start() + 1  # headings keep their columns: the anchor is at the end
        kind = inner.partition(":")[0].strip().casefold()
        if kind in BLOCK_KINDS and text.strip() != found.group(0):
            self.problem(number, col, f"embed {kind}", "problem.block_embed_alone")
            return ""
        try:
            result = expand(self.tables, inner)
        except EmbedProblem as exc:
            self.problem(
                number,
                col,
                f"embed {kind or '?'}",
                exc.code,
                exc.hint,
                exc.hint_params,
                **exc.values,
            )
            return found.group(0)
        self.embedded.extend(result.sources)
        return f"\n{result.markdown}\n" if kind in BLOCK_KINDS else result.markdown

    def check_link(self, target: str, number: int, col: int) -> None:
        if not is_internal(target):
            return
        page, _, anchor = target.partition("#")
        chapter = self.chapter
        if page:
            found = self.book.chapters.get(page.removesuffix(".md"))
            if not page.endswith(".md") or found is None:
                hint = "hint.link_chapter"
                self.problem(number, col, "link", "problem.no_chapter", hint, page=page)
                return
            chapter = found
        if anchor and anchor not in anchors(chapter):
            self.problem(number, col, "link", "problem.no_heading", anchor=anchor, page=chapter.id)

    def link(self, found: re.Match[str]) -> str:
        label, target = found.group(1), found.group(2)
        if not is_internal(target):
            return found.group(0)
        page, _, anchor = target.partition("#")
        other = self.book.chapters.get(page.removesuffix(".md")) if page else None
        if self.target == "html":
            href = (f"{other.id}.html" if other else "") + (f"#{anchor}" if anchor else "")
            return f"[{label}]({href or target})"
        if other is None or other.id == self.chapter.id:
            return label
        return f"{label} ({W['see_chapter'].format(id=other.id)})"

    def check_marker(self, inner: str, number: int, col: int) -> None:
        for part in marker_ids(inner) or [""]:
            sid = clean_id(part)
            if sid is None:
                self.problem(number, col, "source", "problem.not_source_id", part=part)
            elif sid not in self.known:
                hint = "hint.define_source"
                self.problem(
                    number, col, "source", "problem.unknown_chapter_source", hint, source=sid
                )
            elif sid not in self.chapter.sources:
                hint = "hint.list_cited"
                self.problem(number, col, "source", "problem.cited_not_listed", hint, source=sid)
            else:
                self.cited.append(sid)

    def marker(self, found: re.Match[str]) -> str:
        if self.target == "text":  # the search index: source ids are not words to find
            return ""
        ids = [clean_id(p) or p for p in marker_ids(found.group(1))]
        if self.target == "html":
            shown = "; ".join(f"[{i}](#kilde-{i})" for i in ids)
        else:
            shown = escape("; ".join(ids))
        return f"\\[{shown}\\]"

    def header(self) -> str:
        chapter = self.chapter
        if self.target == "text":
            return f"# {escape(chapter.title)}\n\n"
        names = ", ".join(chapter.reviewers)
        review = (
            LABELS["peer_reviewed"]["nb"].format(names=names)
            if names
            else LABELS["not_peer_reviewed"]["nb"]
        )
        status = W["draft"] if self.tables.status == "draft" else W["reviewed_status"]
        line = W["status_line"].format(
            version=chapter.version,
            reviewed=chapter.last_reviewed,
            review=review,
            table=self.tables.version,
            status=status,
        )
        return f"# {escape(chapter.title)}\n\n*{line}*\n\n"

    def references(self) -> tuple[tuple[str, Source | None, bool], ...]:
        listed = list(self.chapter.sources)
        extra = [s for s in dict.fromkeys(self.embedded) if s not in listed]
        return tuple(
            [(s, self.known.get(s), False) for s in listed]
            + [(s, self.known.get(s), True) for s in extra]
        )


def reference_line(sid: str, source: Source | None, from_table: bool) -> str:
    """One entry of the reference list, as Markdown."""
    if source is None:
        return f"- \\[{sid}\\]"
    text = f"- \\[{sid}\\] {escape(source.cite())}."
    if source.url:
        text += f" {escape(source.url)}"
    if from_table:
        text += f" ({W['from_table']})"
    # a source's note is provenance for reviewers, in English only: it stays in the
    # source files (and `lindring table`) and is not shown in the Norwegian chapters
    return text


def resolve(chapter: Chapter, tables: Tables, book: Handbook, target: str) -> Resolved:
    resolver = _Resolver(chapter, tables, book, target)
    body = resolver.run()
    references = resolver.references()
    markdown = resolver.header() + body + "\n"
    if target == "terminal":  # html renders its own list; the search index leaves it out
        lines = [reference_line(*entry) for entry in references]
        markdown += f"\n## {W['references']}\n\n" + "\n".join(lines) + "\n"
    return Resolved(markdown, resolver.problems, tuple(dict.fromkeys(resolver.cited)), references)
