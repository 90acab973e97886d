"""``lindring handbook``: list, show, search and export the clinical handbook.

``lindring handbook`` lists the chapters, ``lindring handbook CHAPTER`` shows one (the
same as ``lindring handbook show CHAPTER``), ``lindring handbook search WORDS...``
finds sections, ``lindring handbook export --html DIR`` writes the offline HTML
handbook. A chapter goes through a pager only when stdout is a terminal and the
chapter is longer than the screen; piped output is plain text.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from lindring.cli.boundary import Common, DebugOpt, LangOpt, TablesOpt, boundary, common, display
from lindring.cli.complete import complete_chapter

HandbookOpt = Annotated[
    str | None,
    typer.Option(
        "--handbook",
        metavar="DIR",
        help="Read the chapters from DIR "
        "(default: $LINDRING_HANDBOOK, then the handbook shipped with lindring).",
    ),
]
NoPagerOpt = Annotated[bool, typer.Option("--no-pager", help="Print the chapter without a pager.")]


class ChapterGroup(TyperGroup):
    """A word that is not a subcommand names a chapter: ``handbook X`` is ``handbook show X``."""

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["show", *args]
        return super().resolve_command(ctx, args)


handbook_app = typer.Typer(
    name="handbook",
    cls=ChapterGroup,
    invoke_without_command=True,
    help="The clinical handbook (Norwegian bokmål): list, show, search and export chapters.",
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@handbook_app.callback()
def chapters(
    ctx: typer.Context,
    lang: LangOpt = None,
    tables: TablesOpt = None,
    handbook: HandbookOpt = None,
    debug: DebugOpt = False,
) -> None:
    """List the chapters; `lindring handbook CHAPTER` shows one."""
    if ctx.invoked_subcommand is not None:
        return  # the subcommand reads these options from ctx.parent
    opts = common(lang, tables, debug=debug)
    with boundary(opts):
        from lindring.handbook.book import load_handbook
        from lindring.output.text.handbook import chapter_list

        display(chapter_list(load_handbook(handbook), opts.lang))


def _options(
    ctx: typer.Context, lang: str | None, tables: str | None, handbook: str | None, debug: bool
) -> tuple[Common, str | None]:
    """This command's options, falling back to those given before its name."""
    parent: dict[str, Any] = ctx.parent.params if ctx.parent else {}
    opts = common(
        lang or parent.get("lang"),
        tables or parent.get("tables"),
        debug=debug or bool(parent.get("debug")),
    )
    return opts, handbook or parent.get("handbook")


@handbook_app.command("show", no_args_is_help=True)
def show(
    ctx: typer.Context,
    chapter: Annotated[
        str, typer.Argument(help="Chapter id, e.g. plaster.", autocompletion=complete_chapter)
    ],
    no_pager: NoPagerOpt = False,
    lang: LangOpt = None,
    tables: TablesOpt = None,
    handbook: HandbookOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Show one chapter, with its numbers taken from the conversion table."""
    opts, folder = _options(ctx, lang, tables, handbook, debug)
    with boundary(opts):
        from lindring.cli.output import console
        from lindring.handbook.book import HandbookError, load_handbook, render_ready
        from lindring.output.text.handbook import chapter as render
        from lindring.output.text.handbook import height
        from lindring.table.load import load_tables

        book = load_handbook(folder)
        found = book.find(chapter)
        if found is None:
            broken = book.problems_named(chapter)
            if broken:
                raise HandbookError(broken)
            raise _unknown(book, chapter, load_tables(opts.tables))
        markdown = render_ready(found, load_tables(opts.tables), book, "terminal")
        out = console()
        renderable = render(markdown)
        if not no_pager and out.is_terminal and height(out, renderable) > out.size.height:
            os.environ.setdefault("LESS", "-R")  # keep colours in less
            with out.pager(styles=True):
                out.print(renderable)
        else:
            out.print(renderable)


def _unknown(book: Any, name: str, tables: Any) -> Exception:
    import difflib

    from lindring.errors import InputError
    from lindring.handbook.search import search
    from lindring.numread import clip

    ids = list(book.chapters)
    close = difflib.get_close_matches(name.casefold(), ids, n=3, cutoff=0.5)
    with contextlib.suppress(InputError):  # a name too long to search has no close names
        close += [hit.chapter for hit in search(book, tables, name, limit=3)]
    close = list(dict.fromkeys(close))[:3]
    shown = clip(name)
    if not close:
        return InputError("handbook_unknown_chapter_none", name=shown)
    return InputError("handbook_unknown_chapter", name=shown, suggestions=", ".join(close))


@handbook_app.command("search", no_args_is_help=True)
def search_cmd(
    ctx: typer.Context,
    words: Annotated[
        list[str],
        typer.Argument(
            metavar="WORDS...",
            help="What to look for, in Norwegian or English (smertepumpe, naloxone, OxyNorm).",
        ),
    ],
    lang: LangOpt = None,
    tables: TablesOpt = None,
    handbook: HandbookOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Find the chapters and sections that match WORDS, best first, with snippets."""
    opts, folder = _options(ctx, lang, tables, handbook, debug)
    with boundary(opts):
        from lindring.errors import InputError
        from lindring.handbook.book import load_handbook
        from lindring.handbook.search import search
        from lindring.output.text.handbook import hits
        from lindring.table.load import load_tables

        query = " ".join(words)
        found = search(load_handbook(folder), load_tables(opts.tables), query)
        if not found:
            raise InputError("handbook_no_hits", query=query)
        display(hits(found, opts.lang))


@handbook_app.command("export", no_args_is_help=True)
def export(
    ctx: typer.Context,
    html: Annotated[
        Path,
        typer.Option(
            "--html", metavar="DIR", help="Write one HTML page per chapter and index.html to DIR."
        ),
    ],
    lang: LangOpt = None,
    tables: TablesOpt = None,
    handbook: HandbookOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Write the handbook as static, self-contained HTML with offline search and the
    pocket card (readable offline; the search box in --lang, bokmål by default)."""
    opts, folder = _options(ctx, lang, tables, handbook, debug)
    parent: dict[str, Any] = ctx.parent.params if ctx.parent else {}
    # the chapters are in bokmål; the search box and the card follow --lang when given
    labels = opts.lang if (lang or parent.get("lang")) else "nb"
    with boundary(opts):
        from lindring.cli.card import attachments
        from lindring.errors import InputError
        from lindring.handbook.book import load_handbook
        from lindring.handbook.html import INDEX, export_html
        from lindring.i18n import text
        from lindring.table.load import load_tables

        card = attachments(opts.tables, labels)
        try:
            written = export_html(
                load_handbook(folder), load_tables(opts.tables), html, card, labels
            )
        except OSError as exc:
            from lindring.i18n.oserror import os_reason

            reason = os_reason(exc)
            raise InputError("handbook_export_failed", directory=str(html), reason=reason) from None
        message = text(
            "handbook_exported",
            opts.lang,
            count=len(written) - len(card) - 2,  # the card and the search scripts are not pages
            directory=str(html),
            index=str(html / INDEX),
        )
        sys.stdout.write(message + "\n")
