"""``lindring diff OLD [NEW]``: what a new version of the table does to real conversions."""

from __future__ import annotations

from typing import Annotated

import typer

from lindring.cli.boundary import (
    EXIT_OK,
    DebugOpt,
    JsonOpt,
    LangOpt,
    TablesOpt,
    boundary,
    common,
    display,
    write_json,
)

OldArg = Annotated[
    str,
    typer.Argument(
        metavar="OLD",
        help="A table file, a tables directory or a git revision (HEAD~1, a tag).",
        show_default=False,
    ),
]
NewArg = Annotated[
    str | None,
    typer.Argument(
        metavar="[NEW]",
        help="As OLD (default: the working copy, tables/ or --tables).",
        show_default=False,
    ),
]
PanelOpt = Annotated[
    str | None,
    typer.Option("--panel", metavar="FILE", help="The doses to convert (default: panel.yaml)."),
]


def diff(
    old: OldArg,
    new: NewArg = None,
    panel: PanelOpt = None,
    as_json: JsonOpt = False,
    tables: TablesOpt = None,
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Show every panel conversion whose result changes from OLD to NEW (largest increase
    of the suggested start first), and every changed factor, range, source and ceiling."""
    opts = common(lang, tables, as_json, debug)
    with boundary(opts):
        from lindring.checks.diff import diff_versions

        result = diff_versions(old, new, opts.tables, panel)
        if opts.json:
            from lindring.output.editor_json import diff_dict

            write_json(diff_dict(result, opts.lang))
        else:
            from lindring.output.text.editors import diff_view

            display(diff_view(result, opts.lang))
    raise typer.Exit(EXIT_OK)
