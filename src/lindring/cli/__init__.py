"""The command line: parse, call the core, render, exit. The only package importing typer.

Start-up time matters (``bench/startup``): this module imports only typer and
lindring's light modules; yaml, rich and pint are imported inside the commands that
need them.
"""

from __future__ import annotations

import os
import sys
import traceback
from typing import Annotated

import typer

from lindring.cli import batch as batch_cmd
from lindring.cli import card as card_cmd
from lindring.cli import check as check_cmd
from lindring.cli import compare as compare_cmd
from lindring.cli import convert as convert_cmd
from lindring.cli import diff as diff_cmd
from lindring.cli import info as info_cmd
from lindring.cli import pump as pump_cmd
from lindring.cli import validate as validate_cmd
from lindring.cli.boundary import EXIT_INTERNAL, EXIT_INTERRUPTED
from lindring.cli.handbook import handbook_app

app = typer.Typer(
    name="lindring",
    help="Opioid conversion calculator and handbook for palliative care (offline).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)
app.command(
    name="convert", no_args_is_help=True, epilog=convert_cmd.EXAMPLES, cls=convert_cmd.Command
)(convert_cmd.convert)
app.command(name="pump", no_args_is_help=True)(pump_cmd.pump)
app.command(name="batch", no_args_is_help=True)(batch_cmd.batch)
app.add_typer(handbook_app, name="handbook")
app.command(name="card")(card_cmd.card)
app.command(name="drugs")(info_cmd.drugs)
app.command(name="table")(info_cmd.table)
app.command(name="validate")(validate_cmd.validate)
app.command(name="check")(check_cmd.check)
app.command(name="diff", no_args_is_help=True)(diff_cmd.diff)
app.command(name="compare", no_args_is_help=True, epilog=compare_cmd.EXAMPLES)(compare_cmd.compare)


def _version(value: bool) -> None:
    if value:
        from lindring import __version__

        typer.echo(f"lindring {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Opioid conversion calculator and handbook for palliative care (offline)."""


def main() -> None:
    """Console entry point: the last line of defence against a traceback."""
    try:
        app()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    except KeyboardInterrupt:
        sys.stderr.write("lindring: interrupted\n")
        sys.exit(EXIT_INTERRUPTED)
    except Exception as exc:  # the boundary: never a traceback unless asked for
        if os.environ.get("LINDRING_DEBUG"):
            traceback.print_exc()
        sys.stderr.write(
            f"lindring: internal error ({type(exc).__name__}); set LINDRING_DEBUG=1 "
            "for details and please report it\n"
        )
        sys.exit(EXIT_INTERNAL)
