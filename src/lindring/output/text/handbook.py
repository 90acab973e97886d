"""Rich renderables for the handbook: a chapter, the chapter list, search hits.

Like :mod:`lindring.output.text.render` it builds renderables and never prints. ``rich.markdown``
costs about 75 ms to import, so it is imported inside :func:`chapter`, the only place
that needs it; the list and the search hits use plain tables.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from lindring.i18n.handbook import LABELS
from lindring.model import LANGS

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult

    from lindring.handbook.book import Handbook
    from lindring.handbook.search import Hit


def label(key: str, lang: str) -> str:
    return LABELS[key][lang if lang in LANGS else "en"]


def chapter(markdown: str) -> RenderableType:
    """A resolved chapter (front matter already removed, embeds expanded).

    Table cells fold instead of being cut to ``12…`` on a narrow terminal: a dose or a
    factor must never be shown half (the same rule as :mod:`lindring.output.text.render`).
    """
    from rich.markdown import Markdown, MarkdownElement, TableElement

    class FoldingTable(TableElement):
        def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
            for part in super().__rich_console__(console, options):
                if isinstance(part, Table):
                    for column in part.columns:
                        column.overflow = "fold"
                yield part

    class ChapterMarkdown(Markdown):
        elements: ClassVar[dict[str, type[MarkdownElement]]] = {
            **Markdown.elements,
            "table_open": FoldingTable,
        }

    return ChapterMarkdown(markdown, hyperlinks=False, code_theme="ansi_dark")


def review_status(reviewers: tuple[str, ...], lang: str) -> str:
    if reviewers:
        return label("peer_reviewed", lang).format(names=", ".join(reviewers))
    return label("not_peer_reviewed", lang)


def chapter_list(book: Handbook, lang: str) -> RenderableType:
    """Every chapter: its id (what to type), title, summary and when it was last reviewed.

    One chapter per row of a two-column grid, so it reads well on a narrow terminal too.
    """
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(overflow="fold")
    for item in book.chapters.values():
        reviewed = f"{label('reviewed', lang)}: {item.last_reviewed} · "
        reviewed += review_status(item.reviewers, lang)
        about = Group(
            Text(item.title, style="bold"),
            Text(item.summary),
            Text(reviewed, style="dim"),
            Text(""),
        )
        grid.add_row(item.id, about)
    return Group(grid, Text(label("list_caption", lang), style="dim"))


def hits(found: list[Hit], lang: str) -> Table:
    """Search hits, best first: chapter id, section heading and a snippet."""
    table = Table(box=box.SIMPLE_HEAD, expand=True, caption=label("hits_caption", lang))
    table.add_column(label("chapter", lang), no_wrap=True, style="bold")
    table.add_column(label("section", lang), overflow="fold", ratio=2)
    table.add_column("", overflow="fold", ratio=5)
    for hit in found:
        table.add_row(hit.chapter, Text(hit.heading or hit.title), Text(hit.snippet))
    return table


def height(console: Console, renderable: RenderableType) -> int:
    """How many lines ``renderable`` takes on ``console`` (to decide whether to page)."""
    return len(console.render_lines(renderable, console.options, pad=False))
