"""``lindring drugs`` and ``lindring table``: what the table holds."""

from __future__ import annotations

from lindring.cli.boundary import DebugOpt, LangOpt, TablesOpt, boundary, common, display


def drugs(lang: LangOpt = None, tables: TablesOpt = None, debug: DebugOpt = False) -> None:
    """List the drugs, their names, aliases and brand names, and their routes."""
    opts = common(lang, tables, debug=debug)
    with boundary(opts):
        from lindring.output.text.render import drugs as render
        from lindring.table.load import load_tables

        display(render(load_tables(opts.tables), opts.lang))


def table(lang: LangOpt = None, tables: TablesOpt = None, debug: DebugOpt = False) -> None:
    """Print the conversion table: factor, range, ceiling and sources per drug and route."""
    opts = common(lang, tables, debug=debug)
    with boundary(opts):
        from lindring.output.text.render import conversion_table
        from lindring.table.load import load_tables

        display(conversion_table(load_tables(opts.tables), opts.lang))
