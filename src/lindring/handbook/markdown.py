"""The small amount of Markdown the handbook needs to understand itself.

Chapters are plain Markdown; this module finds what the checks, the search and the
HTML export need in them, without a Markdown parser: headings (with an optional
explicit anchor, ``## Bolus {#bolus}``), source markers (``[@hdir-omeq]``,
``[@a; @b]``), links to other chapters (``[text](smertepumpe.md#bolus)``) and embed
directives (``{{ faktor: oxycodone po }}``). Fenced code blocks are skipped.
"""

from __future__ import annotations

import re
import unicodedata

from lindring.records import record

HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
ANCHOR = re.compile(r"[ \t]*\{#([a-z0-9æøå]+(?:-[a-z0-9æøå]+)*)\}[ \t]*$")
MARKER = re.compile(r"\[@([^\]\n]*)\]")
MARKER_ID = re.compile(r"^@?([a-z0-9]+(?:-[a-z0-9]+)*)$")
LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\(([^)\s]+)\)")
EMBED = re.compile(r"\{\{(.*?)\}\}")
FENCE = re.compile(r"^\s*(```|~~~)")
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


@record
class Heading:
    level: int
    text: str  # without the explicit anchor
    slug: str
    line: int  # 1-based line in the file


def slug(text: str) -> str:
    """A stable anchor for a heading: lower case, letters (æøå kept), digits and ``-``."""
    folded = unicodedata.normalize("NFC", text).casefold()
    kept = re.sub(r"[^a-z0-9æøå\s-]", "", folded)
    return re.sub(r"[\s-]+", "-", kept).strip("-")


def split_heading(raw: str) -> tuple[str, str]:
    """The heading text and its anchor: the explicit ``{#id}`` if given, else its slug."""
    found = ANCHOR.search(raw)
    if found:
        return raw[: found.start()].rstrip(), found.group(1)
    return raw, slug(raw)


def lines_outside_code(body: str, first_line: int) -> list[tuple[int, str]]:
    """``(file line, text)`` for every line of ``body`` that is not inside a code fence."""
    result: list[tuple[int, str]] = []
    fenced = False
    for offset, text in enumerate(body.split("\n")):
        if FENCE.match(text):
            fenced = not fenced
            continue
        if not fenced:
            result.append((first_line + offset, text))
    return result


def headings(body: str, first_line: int) -> list[Heading]:
    found = []
    for number, text in lines_outside_code(body, first_line):
        match = HEADING.match(text)
        if match:
            title, anchor = split_heading(match.group(2))
            found.append(Heading(len(match.group(1)), title, anchor, number))
    return found


def marker_ids(inner: str) -> list[str]:
    """The ids inside one marker: ``@a; @b`` -> ``["a", "b"]`` (bad parts kept as written)."""
    return [part.strip() for part in re.split(r"[;,]", inner) if part.strip()]


def clean_id(part: str) -> str | None:
    found = MARKER_ID.match(part)
    return found.group(1) if found else None


def escape(text: str) -> str:
    """Text from the table made safe to put inside Markdown (also inside a table cell)."""
    return _SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def plain(markdown: str) -> str:
    """Markdown reduced to readable text, for snippets: markup and links removed, table
    rows kept as plain words."""
    text = re.sub(r"^\s*\|[\s|:-]*\|\s*$", " ", markdown, flags=re.MULTILINE)  # | --- |
    text = re.sub(r"(?<!\\)\|", " ", text)
    text = LINK.sub(r"\1", text)
    text = re.sub(r"^\s{0,3}(#{1,6}|[-*+]|\d+\.|>)\s+", "", text, flags=re.MULTILINE)
    text = re.sub(r"\\([\\`*_\[\]<>|#])", r"\1", text)
    text = re.sub(r"[*_`]+", "", text)
    # a line that began with a source marker (gone from the search text) begins with the
    # mark after it: joined to the line before, as written
    return re.sub(r" ([.,;:])(?=\s|$)", r"\1", " ".join(text.split()))
