"""``lindring pump DRUG DOSE ROUTE``: plan a subcutaneous pump (smertepumpe)."""

from __future__ import annotations

from typing import Annotated

import typer

from lindring.cli.boundary import (
    DebugOpt,
    JsonOpt,
    LangOpt,
    TablesOpt,
    boundary,
    common,
    display,
    write_json,
)
from lindring.cli.complete import complete_words

WordsArg = Annotated[
    list[str],
    typer.Argument(
        metavar="DRUG DOSE ROUTE",
        help="e.g. morphine 30mg/24h sc",
        show_default=False,
        autocompletion=complete_words,
    ),
]
AddOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--add",
        metavar="'DRUG DOSE'",
        help="Another drug in the same pump, per 24 h, "
        "e.g. --add 'midazolam 10mg/24h' (midazolam, haloperidol, glycopyrronium).",
    ),
]
DaysOpt = Annotated[
    int | None,
    typer.Option("--days", help="Days the reservoir should last (default from the table: 7)."),
]
VolumeOpt = Annotated[
    str | None, typer.Option("--volume", metavar="ML", help="Reservoir volume in ml (default 100).")
]
ConcentrationOpt = Annotated[
    str | None,
    typer.Option(
        "--concentration",
        metavar="MG/ML",
        help="Opioid concentration in the reservoir; the rate follows from it.",
    ),
]
BolusOpt = Annotated[
    str | None,
    typer.Option("--bolus", metavar="1/6|1/10", help="Bolus as a fraction of the daily dose."),
]


def pump(
    words: WordsArg,
    add: AddOpt = None,
    days: DaysOpt = None,
    volume: VolumeOpt = None,
    concentration: ConcentrationOpt = None,
    bolus: BolusOpt = None,
    as_json: JsonOpt = False,
    lang: LangOpt = None,
    tables: TablesOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Plan a pain pump: concentration, rate in ml/h, bolus and what to draw up."""
    opts = common(lang, tables, as_json, debug)
    with boundary(opts):
        from lindring.calc.pump import plan
        from lindring.calc.pump_request import parse_pump
        from lindring.table.load import load_tables

        table = load_tables(opts.tables)
        result = plan(table, parse_pump(table, words, add, days, volume, concentration, bolus))
        if opts.json:
            from lindring.output.json import pump_document

            write_json(pump_document(result, table.version, opts.lang))
        else:
            from lindring.output.text.pump import pump_plan

            display(pump_plan(result, table, opts.lang))
