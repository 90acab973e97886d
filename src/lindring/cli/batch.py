"""``lindring batch INPUT [-o OUTPUT]``: convert and check every row of a file."""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer

from lindring.cli.boundary import EXIT_OK, DebugOpt, LangOpt, TablesOpt, boundary, common
from lindring.cli.convert import ProfileOpt
from lindring.errors import EXIT_INPUT

InputArg = Annotated[
    str,
    typer.Argument(
        metavar="INPUT",
        help="CSV (Excel, ; or ,) or JSON Lines file, one conversion per row; - reads stdin.",
        show_default=False,
    ),
]
OutputOpt = Annotated[
    str | None,
    typer.Option(
        "--output", "-o", metavar="OUTPUT", help="Write here (default, or -: standard output)."
    ),
]
FormatOpt = Annotated[
    str | None,
    typer.Option(
        "--format",
        metavar="csv|jsonl|xlsx-friendly",
        help="Output format (default: the input's own; xlsx-friendly = UTF-8 with BOM, "
        "semicolons, decimal comma).",
    ),
]
DelimiterOpt = Annotated[
    str | None,
    typer.Option(
        "--delimiter", metavar="CHAR", help="Input delimiter: ';', ',' or tab (default: detected)."
    ),
]
EncodingOpt = Annotated[
    str | None,
    typer.Option(
        "--encoding", metavar="NAME", help="Input encoding, e.g. cp1252 (default: detected)."
    ),
]
OverwriteOpt = Annotated[
    bool, typer.Option("--overwrite", help="Replace OUTPUT if it exists (never the input).")
]
JobsOpt = Annotated[
    int,
    typer.Option(
        "--jobs",
        "-j",
        metavar="N",
        help="Worker processes (0: one per processor; default: 1).",
        show_default=False,
    ),
]
SumByOpt = Annotated[
    str | None,
    typer.Option(
        "--sum-by",
        metavar="COLUMN",
        help="Register mode: one line per value of COLUMN (a patient id) with the summed "
        "daily oral morphine equivalent of its rows.",
    ),
]


def batch(
    input_file: InputArg,
    output: OutputOpt = None,
    fmt: FormatOpt = None,
    delimiter: DelimiterOpt = None,
    encoding: EncodingOpt = None,
    overwrite: OverwriteOpt = False,
    jobs: JobsOpt = 1,
    sum_by: SumByOpt = None,
    profile: ProfileOpt = None,
    lang: LangOpt = None,
    tables: TablesOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Convert every row of a CSV or JSON Lines file; check prescribed doses (docs/batch.md)."""
    opts = common(lang, tables, debug=debug)
    with boundary(opts):
        from lindring.batch.run import Job, run_file
        from lindring.i18n import text
        from lindring.output.json import conversion_dict
        from lindring.table.profiles import DEFAULT, load_profiled, profile_of

        given = lang is not None or bool(os.environ.get("LINDRING_LANG"))
        job = Job(
            input_file,
            output,
            fmt,
            delimiter,
            encoding,
            overwrite,
            jobs,
            opts.lang,
            sum_by=sum_by,
            lang_given=given,
        )
        table = load_profiled(opts.tables, profile)
        if profile not in (None, DEFAULT):
            chosen = profile_of(opts.tables, profile)
            say(text("batch.profile", opts.lang, name=chosen.name, id=chosen.id))
        counter = Counter(opts.lang) if sys.stderr.isatty() else None
        try:
            with terminate_as_interrupt():
                summary = run_file(
                    job, table, conversion_dict, sys.stdin.buffer, sys.stdout.buffer, say, counter
                )
        finally:
            if counter is not None:
                counter.clear()
        for line in summary.report(summary.lang):
            say(line)
    raise typer.Exit(EXIT_INPUT if summary.flagged else EXIT_OK)


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM (``kill``, ``timeout``, a scheduler stopping the job) ends the run as
    Ctrl-C does: the partial output file is removed, and the exit code is 130."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread (an embedding program): leave it be
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def say(line: str) -> None:
    sys.stderr.write(f"lindring: {line}\n")


class Counter:
    """A row counter on one terminal line of stderr, redrawn at most five times a second."""

    def __init__(self, lang: str) -> None:
        from lindring.i18n import text

        self._text = text
        self._lang = lang
        self._shown = 0.0
        self._width = 0

    def __call__(self, rows: int, lang: str | None = None) -> None:
        """``rows`` read so far, in ``lang`` (the run's: a file with Norwegian column
        names answers in Norwegian) or the language the counter began with."""
        now = time.monotonic()
        if now - self._shown < 0.2:
            return
        self._shown = now
        line = f"lindring: {self._text('batch.progress', lang or self._lang, rows=rows)}"
        self._width = max(self._width, len(line))
        sys.stderr.write(f"\r{line}")
        sys.stderr.flush()

    def clear(self) -> None:
        if self._width:
            sys.stderr.write("\r" + " " * self._width + "\r")
