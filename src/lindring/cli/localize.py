"""The help in Norwegian: each command's and option's help text, the examples, the
placeholders and the layout's own words (``Usage``, ``Options``) from
:mod:`lindring.i18n.help`, put on the built Click commands before they run.

English is the help as declared; nothing here runs for it. A text without a Norwegian
entry stays English (a test fails on any such text).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Sequence
from typing import Any, NoReturn

from typer._click.core import Command, Context, Parameter
from typer._click.exceptions import ClickException, UsageError
from typer._click.formatting import HelpFormatter
from typer.core import TyperArgument, TyperGroup
from typer.exceptions import Abort

from lindring.i18n.help import (
    EPILOGS_NB,
    HELP_NB,
    LAYOUT_NB,
    METAVARS_NB,
    USAGE_NB,
    USAGE_PHRASES_NB,
    USAGE_WORDS_NB,
)


class NorwegianFormatter(HelpFormatter):
    """Click's help layout with its headings and fixed phrases in Norwegian."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix or LAYOUT_NB["Usage: "])

    def write_heading(self, heading: str) -> None:
        super().write_heading(LAYOUT_NB.get(heading, heading))

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        super().write_dl([(first, _layout(second)) for first, second in rows], col_max, col_spacing)


class NorwegianContext(Context):
    formatter_class = NorwegianFormatter


def _layout(text: str) -> str:
    help_option = "Show this message and exit."
    text = text.replace(help_option, LAYOUT_NB[help_option])
    for word in ("required", "default"):
        text = text.replace(f"[{word}", f"[{LAYOUT_NB[word]}")
    return text


def commands(command: Command, name: str = "") -> Iterator[tuple[str, Command]]:
    """``command`` and every command under it, each with its name."""
    yield name, command
    if isinstance(command, TyperGroup):
        for sub_name, sub in command.commands.items():
            yield from commands(sub, sub_name)


def help_texts(command: Command) -> Iterator[str]:
    """Every help text of ``command`` and the commands under it (for the test that
    each has a Norwegian entry)."""
    for _name, found in commands(command):
        if found.help:
            yield found.help
        for param in found.params:
            text = getattr(param, "help", None)
            if text:
                yield text


def norwegian(command: Command) -> Command:
    """``command`` (and every command under it) with its help in Norwegian."""
    for name, found in commands(command):
        found.context_class = NorwegianContext
        if found.help:
            found.help = HELP_NB.get(found.help, found.help)
        if found.short_help:
            found.short_help = HELP_NB.get(found.short_help, found.short_help)
        if found.epilog and name in EPILOGS_NB:
            found.epilog = EPILOGS_NB[name]
        found.options_metavar = METAVARS_NB["[OPTIONS]"]
        if isinstance(found, TyperGroup):
            found.subcommand_metavar = METAVARS_NB["COMMAND [ARGS]..."]
        for param in found.params:
            _param(param)
    return command


def _param(param: Parameter) -> None:
    holder: Any = param
    text = getattr(holder, "help", None)
    if text:
        holder.help = HELP_NB.get(text, text)
    if param.metavar is not None:
        param.metavar = METAVARS_NB.get(param.metavar, param.metavar)
    elif isinstance(param, TyperArgument) and param.name:
        word = METAVARS_NB.get(param.name.upper())
        if word is not None:
            word = word if param.required else f"[{word}]"
            param.metavar = word + ("..." if param.nargs != 1 else "")


def run(command: Command) -> NoReturn:
    """Run ``command`` as Click would, with a usage error in Norwegian."""
    try:
        code = command.main(standalone_mode=False)
    except UsageError as exc:
        if type(exc).show is UsageError.show:
            sys.stderr.write(usage_error(exc))
        else:  # no arguments: the help (already Norwegian), as Click shows it
            exc.show()
        sys.exit(exc.exit_code)
    except ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except Abort:
        sys.stderr.write("Avbrutt.\n")
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


def usage_error(exc: UsageError) -> str:
    """What Click prints for a usage error (usage line, hint, message), in Norwegian."""
    shown = ""
    ctx = exc.ctx
    if ctx is not None:
        shown = ctx.get_usage() + "\n"
        if ctx.command.get_help_option(ctx) is not None:
            hint = USAGE_WORDS_NB["hint"]
            shown += hint.format(command=ctx.command_path, option=ctx.help_option_names[0])
            shown += "\n"
        shown += "\n"
    return f"{shown}{USAGE_WORDS_NB['error']}: {usage_message(exc.format_message())}\n"


def usage_message(text: str) -> str:
    """One of Click's usage messages in Norwegian (unknown ones stay as they are)."""
    for pattern, nb in USAGE_NB:
        found = re.fullmatch(pattern, text, flags=re.DOTALL)
        if found is not None:
            text = nb.format(*(g or "" for g in found.groups()))
            break
    for english, norwegian_words in USAGE_PHRASES_NB.items():
        text = text.replace(english, norwegian_words)
    return text
