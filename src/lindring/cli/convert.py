"""``lindring convert DOSE... to DRUG ROUTE``.

Annotations are evaluated when defined (no ``from __future__ import annotations``):
typer reads the options from them on every start of ``convert`` (``bench/startup``).
"""

import re
from typing import Annotated

import typer
from typer._click.core import Context
from typer.core import TyperCommand

from lindring.cli.boundary import (
    EXIT_OK,
    EXIT_REFUSED,
    DebugOpt,
    JsonOpt,
    LangOpt,
    TablesOpt,
    boundary,
    common,
    display,
    write_json,
)
from lindring.cli.complete import complete_profile, complete_words

EXAMPLES = """Examples:

  lindring convert oxycodone 40mg po to morphine sc

  lindring convert oksykodon 20 mg x2 po til morfin sc --lang nb

  lindring convert "oxycodone 20mg po x2" + "fentanyl 25mcg/h td" to morphine sc --pump

  lindring convert morphine 90mg x2 po to fentanyl td --json

Doses: 40mg, 2,5 mg, 100 mcg, 20 mg x2, 20 mg bid, 10 mg q4h, 40 mg/24h, 25 mcg/h (patch),
5 mg x3 prn (breakthrough doses taken). A dose without a frequency is the 24-hour total.
"""


class Command(TyperCommand):
    """A negative dose (``-10mg``) reaches the dose reader and its message (exit 1, JSON
    under ``--json``) instead of Click's "No such option"; other unknown options stay
    usage errors (exit 2)."""

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        if any(re.match(r"[-\u2212][0-9.,]", arg) for arg in args):
            ctx.ignore_unknown_options = True
        return super().parse_args(ctx, args)


WordsArg = Annotated[
    list[str],
    typer.Argument(
        metavar="DRUG DOSE ROUTE to DRUG ROUTE",
        help="e.g. oxycodone 40mg po to morphine sc; oksykodon 20 mg x2 po til morfin sc",
        show_default=False,
        autocompletion=complete_words,
    ),
]
ReduceOpt = Annotated[
    str | None,
    typer.Option(
        "--reduce",
        metavar="PCT",
        help="Reduction for incomplete cross-tolerance in "
        "percent (0-75), instead of the handbook's default.",
    ),
]
IntervalOpt = Annotated[
    int | None,
    typer.Option(
        "--interval",
        metavar="HOURS",
        help="Preferred dose interval in hours (1, 2, 3, 4, 6, 8, 12 or 24; "
        "default: the intervals the table gives each product).",
    ),
]


PumpOpt = Annotated[
    bool,
    typer.Option(
        "--pump",
        help="Also plan a pain pump for the suggested daily dose "
        "(sc or iv target; defaults as `lindring pump`).",
    ),
]
EgfrOpt = Annotated[
    str | None,
    typer.Option(
        "--egfr",
        metavar="N",
        help="The patient's eGFR in ml/min/1.73 m²: the table's renal advice for the "
        "target drug (avoid, reduce, prefer), and a reduced start where a source gives one.",
    ),
]
FrailOpt = Annotated[
    bool,
    typer.Option(
        "--frail",
        help="A frail or elderly patient: the table's reduction for frailty when it is "
        "larger than the handbook's (applied once, never on top).",
    ),
]
ExplainOpt = Annotated[
    bool,
    typer.Option(
        "--explain",
        help="End with the handbook section that explains this "
        "conversion (`lindring handbook CHAPTER`).",
    ),
]
SourcesOpt = Annotated[
    bool,
    typer.Option(
        "--full",
        "--sources",
        help="Every step and warning in full, and every source cited in full.",
    ),
]
ProfileOpt = Annotated[
    str | None,
    typer.Option(
        "--profile",
        metavar="NAME",
        autocompletion=complete_profile,
        help="Use the factors of another guideline: fpm-uk, cdc-2022, anzca-2021 "
        "(tables/profiles/; default: the Norwegian table). `lindring compare` shows all.",
    ),
]


def convert(
    words: WordsArg,
    reduce: ReduceOpt = None,
    interval: IntervalOpt = None,
    sources: SourcesOpt = False,
    pump: PumpOpt = False,
    profile: ProfileOpt = None,
    explain: ExplainOpt = False,
    egfr: EgfrOpt = None,
    frail: FrailOpt = False,
    as_json: JsonOpt = False,
    lang: LangOpt = None,
    tables: TablesOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Convert an opioid dose to another drug or route, showing the working."""
    opts = common(lang, tables, as_json, debug)
    with boundary(opts):
        from lindring.calc.convert import Options
        from lindring.calc.convert import convert as run
        from lindring.calc.patient import parse_egfr
        from lindring.calc.request import parse_request
        from lindring.errors import RefusedError
        from lindring.numread import percent
        from lindring.table.profiles import load_profiled

        table = load_profiled(opts.tables, profile)
        options = Options(percent(reduce), interval, pump, egfr=parse_egfr(egfr), frail=frail)
        try:
            result = run(table, parse_request(table, words, refused=True), options)
        except RefusedError as exc:
            if not opts.json:
                from lindring.output.text.render import refused_panel

                said = " ".join(words)
                cited = tuple(exc.params.get("sources", ()))
                message = exc.message(opts.lang)
                display(refused_panel(said, exc.code, message, cited, table, opts.lang))
            raise
        plan = result.pump
        pointer = None
        if explain:
            from lindring.handbook.book import section_for

            req = result.request
            pointer = section_for(
                req.drug.key, req.target.key, req.target_route, source_route=req.route
            )
        if opts.json:
            from lindring.output.json import conversion_dict, pump_dict

            data = conversion_dict(result, opts.lang)
            if pump:
                data["pump"] = None if plan is None else pump_dict(plan, opts.lang)
            if explain:
                data["explain"] = (
                    None if pointer is None else {"chapter": pointer[0], "section": pointer[1]}
                )
            write_json(data)
        else:
            from lindring.cli.output import console
            from lindring.output.text.render import fitted

            display(fitted(result, table, opts.lang, console(), all_sources=sources))
            if plan is not None:
                from lindring.output.text.pump import pump_plan

                display(pump_plan(plan, table, opts.lang))
            if pointer is not None:
                where = {"nb": "Les mer", "en": "Read more"}[opts.lang]
                display(f"{where}: lindring handbook {pointer[0]}  ({pointer[1]})")
    raise typer.Exit(EXIT_REFUSED if result.refusal else EXIT_OK)
