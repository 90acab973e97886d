"""``lindring compare DOSE... to DRUG ROUTE``: the result under every guideline profile."""

from __future__ import annotations

import typer

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
from lindring.cli.convert import IntervalOpt, ReduceOpt, SourcesOpt, WordsArg

EXAMPLES = """Examples:

  lindring compare oxycodone 40mg po to morphine po

  lindring compare morphine 120mg po to fentanyl td --json
"""


def compare(
    words: WordsArg,
    reduce: ReduceOpt = None,
    interval: IntervalOpt = None,
    full: SourcesOpt = False,
    as_json: JsonOpt = False,
    lang: LangOpt = None,
    tables: TablesOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Convert under every guideline profile (Norwegian, UK FPM, US CDC 2022, ANZCA)
    side by side, with the spread: how much the guidelines disagree."""
    opts = common(lang, tables, as_json, debug)
    with boundary(opts):
        from lindring.calc.compare import compare as run
        from lindring.calc.convert import Options
        from lindring.numread import percent

        result = run(words, opts.tables, Options(percent(reduce), interval))
        if opts.json:
            from lindring.output.editor_json import compare_dict

            write_json(compare_dict(result, opts.lang))
        else:
            from lindring.output.text.compare import comparison

            display(comparison(result, opts.lang, full))
    raise typer.Exit(EXIT_OK if result.converted else EXIT_REFUSED)
