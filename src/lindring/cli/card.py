"""``lindring card [-o FILE.pdf] [--html]``: the pocket card, from the table (docs/card.md)."""

from __future__ import annotations

import errno
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from lindring.cli.boundary import DebugOpt, TablesOpt, boundary, common
from lindring.cli.convert import ProfileOpt
from lindring.errors import InputError
from lindring.i18n.oserror import os_reason

if TYPE_CHECKING:
    from lindring.handbook.html import Attachment

OutputOpt = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write the card here (default: card.pdf, or card.html with --html; - : stdout).",
    ),
]
HtmlOpt = Annotated[bool, typer.Option("--html", help="Write the card as one HTML page.")]
LangOpt = Annotated[
    str | None,
    typer.Option(
        "--lang", help="Language of the card: nb or en (default: $LINDRING_LANG, then nb)."
    ),
]
OverwriteOpt = Annotated[bool, typer.Option("--overwrite", help="Replace FILE if it exists.")]


def card(
    output: OutputOpt = None,
    as_html: HtmlOpt = False,
    overwrite: OverwriteOpt = False,
    profile: ProfileOpt = None,
    lang: LangOpt = None,
    tables: TablesOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Write the two-sided pocket card (A6) from the conversion table (nb by default)."""
    opts = common(lang or os.environ.get("LINDRING_LANG") or "nb", tables, debug=debug)
    with boundary(opts):
        from lindring.card.content import build
        from lindring.card.layout import layout_path, load_layout
        from lindring.i18n import text
        from lindring.table.load import load_tables
        from lindring.table.profiles import DEFAULT, load_profiled, profile_of

        path = output or ("card.html" if as_html else "card.pdf")
        if path != "-":
            refuse_existing(Path(path), overwrite)
        table = load_profiled(opts.tables, profile)
        where, own = layout_path(opts.tables)
        layout = load_layout(where, load_tables(opts.tables) if own else None)
        name = ""
        if profile not in (None, DEFAULT):
            name = profile_of(opts.tables, profile).name.get(opts.lang)
        data = build(table, layout, opts.lang, name)
        if as_html:
            from lindring.output.card_html import html

            content = html(data).encode()
        else:
            from lindring.output.card_pdf import pdf

            content = pdf(data)
        if path == "-":
            sys.stdout.buffer.write(content)
            sys.stdout.buffer.flush()
            return
        write(Path(path), content)
        what = "HTML" if as_html else "PDF, A6"
        sys.stderr.write(f"lindring: {text('card.written', opts.lang, path=path, what=what)}\n")


def refuse_existing(path: Path, overwrite: bool) -> None:
    if path.is_dir():
        reason = os_reason(IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR)))
        raise InputError("card.not_writable", path=str(path), reason=reason)
    if path.exists() and not overwrite:
        raise InputError("card.exists", path=str(path))


def write(path: Path, content: bytes) -> None:
    """Write ``content`` whole or not at all (a temporary file, then renamed)."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, temp = tempfile.mkstemp(prefix=".card-", dir=folder)
    except OSError as exc:
        raise InputError("card.not_writable", path=str(path), reason=os_reason(exc)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(temp, 0o666 & ~mask)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def attachments(directory: str | None, lang: str) -> tuple[Attachment, ...]:
    """The card for the exported handbook: HTML always, PDF when typst is installed."""
    from lindring.card.content import build
    from lindring.card.layout import layout_path, load_layout
    from lindring.handbook.html import Attachment
    from lindring.i18n import text
    from lindring.output.card_html import html
    from lindring.output.card_pdf import available, pdf
    from lindring.table.load import load_tables

    table = load_tables(directory)
    where, own = layout_path(directory)
    built = build(table, load_layout(where, table if own else None), lang)
    files = [Attachment("card.html", text("card.link_html", lang), html(built).encode())]
    if available():
        files.insert(0, Attachment("card.pdf", text("card.link_pdf", lang), pdf(built)))
    return tuple(files)
