"""``lindring check``: consistency of the whole table, beyond its schema."""

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
from lindring.errors import EXIT_TABLES

HandbookOpt = Annotated[
    str | None,
    typer.Option(
        "--handbook",
        metavar="DIR",
        help="Check the embeds of the chapters in DIR (default: the handbook lindring ships).",
    ),
]


def check(
    as_json: JsonOpt = False,
    tables: TablesOpt = None,
    handbook: HandbookOpt = None,
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Check that the whole table works: every conversion, round trip, patch, ceiling,
    name and source; profiles; handbook embeds; a new version when numbers changed.

    Exit 0 when every check passes, 4 when any fails.
    """
    opts = common(lang, tables, as_json, debug)
    with boundary(opts):
        from lindring.checks.consistency import run_checks
        from lindring.table.load import load_tables, tables_dir

        report = run_checks(load_tables(opts.tables), tables_dir(opts.tables), handbook=handbook)
        if opts.json:
            from lindring.output.editor_json import check_dict

            write_json(check_dict(report, opts.lang))
        else:
            from lindring.output.text.editors import check_report

            display(check_report(report, opts.lang))
    raise typer.Exit(EXIT_OK if report.ok else EXIT_TABLES)
