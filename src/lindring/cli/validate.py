"""``lindring validate [PATH...]``: every problem in the table files, at once."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from lindring.cli.boundary import (
    EXIT_OK,
    DebugOpt,
    LangOpt,
    TablesOpt,
    boundary,
    common,
    write_json,
)
from lindring.errors import EXIT_TABLES


class Format(StrEnum):
    text = "text"
    github = "github"
    json = "json"


PathsArg = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="[PATH]...",
        help="Table files, tables/ or handbook/ (default: the tables and the handbook).",
        show_default=False,
    ),
]
FormatOpt = Annotated[
    Format,
    typer.Option(
        "--format",
        help="text: FILE:LINE:COL: key: message; github: annotations on the changed "
        "line in CI; json: one object.",
    ),
]


def validate(
    paths: PathsArg = None,
    output: FormatOpt = Format.text,
    tables: TablesOpt = None,
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Validate tables, profiles, the panel and handbook chapters; report every problem.

    Exit 0 when there are no errors (warnings are shown), 4 when there are.
    """
    opts = common(lang, tables, output is Format.json, debug)
    with boundary(opts):
        from lindring.checks.validate import validate as run
        from lindring.output.editor_json import validation_dict
        from lindring.output.text import editors as show

        result = run(paths or [], opts.tables)
        if output is Format.json:
            write_json(validation_dict(result, opts.lang))
        else:
            text = show.validation_github if output is Format.github else show.validation_text
            sys.stdout.write(text(result, opts.lang))
            for note in result.notes:
                sys.stderr.write(f"{show.note_label(opts.lang)}: {note.get(opts.lang)}\n")
            sys.stderr.write(show.validation_summary(result, opts.lang) + "\n")
    raise typer.Exit(EXIT_TABLES if result.errors else EXIT_OK)
