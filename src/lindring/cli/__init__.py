"""The command line: parse, call the core, render, exit. The only package importing typer.

Start-up time matters (``bench/startup``): this module imports only typer and
lindring's light modules, and builds only the command that runs (:data:`COMMANDS`);
yaml and rich are imported inside the commands that need them. Annotations here are
evaluated when defined (no ``from __future__ import annotations``): typer reads the
root options' on every start, and evaluating them then costs an ``eval`` each.
"""

import os
import sys
from importlib import import_module
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer._completion_classes import completion_init

from lindring.cli.complete import InstallCompletionOpt, ShowCompletionOpt
from lindring.errors import EXIT_INTERNAL, EXIT_INTERRUPTED

if TYPE_CHECKING:
    app: typer.Typer

#: every command: name -> (module under lindring.cli, function or Typer, options); a
#: module is imported only when its command runs or when help lists every command
COMMANDS: dict[str, tuple[str, str, dict[str, Any]]] = {
    "convert": (
        "convert",
        "convert",
        {"no_args_is_help": True, "epilog": "EXAMPLES", "cls": "Command"},
    ),
    "pump": ("pump", "pump", {"no_args_is_help": True}),
    "batch": ("batch", "batch", {"no_args_is_help": True}),
    "handbook": ("handbook", "handbook_app", {}),
    "card": ("card", "card", {}),
    "drugs": ("info", "drugs", {}),
    "table": ("info", "table", {}),
    "validate": ("validate", "validate", {}),
    "check": ("check", "check", {}),
    "diff": ("diff", "diff", {"no_args_is_help": True}),
    "compare": ("compare", "compare", {"no_args_is_help": True, "epilog": "EXAMPLES"}),
}


def build(only: str | None = None) -> typer.Typer:
    """The app with every command, or with only the command ``only`` (what runs; ``""``:
    none, for ``--version``)."""
    completion_init()  # typer's completion scripts for bash, zsh, fish (no import cost)
    built = typer.Typer(
        name="lindring",
        help="Opioid conversion calculator and handbook for palliative care (offline).",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        add_completion=False,  # lindring's own options: a shell may be named
        rich_markup_mode=None,
    )
    for name, (module_name, attr, options) in COMMANDS.items():
        if only is not None and name != only:
            continue
        module = import_module(f"lindring.cli.{module_name}")
        found = getattr(module, attr)
        if isinstance(found, typer.Typer):
            built.add_typer(found, name=name)
            continue
        # the epilog and the command class are names in the command's module
        named = ("epilog", "cls")
        kwargs = {k: getattr(module, v) if k in named else v for k, v in options.items()}
        built.command(name=name, **kwargs)(found)
    built.callback()(_root)
    return built


def __getattr__(name: str) -> Any:
    """``lindring.cli.app``: the app with every command, built on first use."""
    if name == "app":
        globals()["app"] = found = build()
        return found
    raise AttributeError(name)


def _version(value: bool) -> None:
    if value:
        from lindring import __version__

        typer.echo(f"lindring {__version__}")
        raise typer.Exit()


def _root_lang(value: str | None) -> None:
    """``lindring --lang nb COMMAND``: the command's language, as if it had ``--lang nb``."""
    if value is None:
        return
    from lindring.i18n import lang_code

    code = lang_code(value.strip())
    if code is None:
        raise typer.BadParameter(f"'{value}' is not a language: nb or en")
    os.environ["LINDRING_LANG"] = code


def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    install: InstallCompletionOpt = None,
    show: ShowCompletionOpt = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="nb|en",
            callback=_root_lang,
            expose_value=False,
            is_eager=True,
            help="Language of every command's output and help: nb or en "
            "(as each command's --lang).",
        ),
    ] = None,
) -> None:
    """Opioid conversion calculator and handbook for palliative care (offline)."""


def _command(argv: list[str]) -> str | None:
    """The command a command line runs, if it names one first; ``""`` for
    ``--version`` alone (no command needed); else ``None`` (help lists them all)."""
    if len(argv) == 2 and argv[1] == "--version":
        return ""
    return argv[1] if len(argv) > 1 and argv[1] in COMMANDS else None


def _language(argv: list[str]) -> str:
    """The language a command line asks for: ``--lang X``, else the environment's."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1].strip().lower()
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1].strip().lower()
    from lindring.i18n import detect_lang

    return detect_lang()


def main() -> None:
    """Console entry point (run as a process by :mod:`lindring.__main__`): the last line
    of defence against a traceback."""
    if sys.argv[-1] in ("--install-completion", "--show-completion"):
        sys.argv.append("")  # no shell named: the one lindring runs in
    try:
        only = _command(sys.argv)
        built = build(only)
        # the help in Norwegian (lindring.i18n.help); --version needs no language (and
        # stays clear of the catalogue's import, bench/startup)
        if only != "" and _language(sys.argv) == "nb":
            from typer.main import get_command

            from lindring.cli.localize import norwegian, run

            run(norwegian(get_command(built)))
        else:
            built()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    except KeyboardInterrupt:
        sys.stderr.write("lindring: interrupted\n")
        sys.exit(EXIT_INTERRUPTED)
    except Exception as exc:  # the boundary: never a traceback unless asked for
        if os.environ.get("LINDRING_DEBUG"):
            import traceback

            traceback.print_exc()
        sys.stderr.write(
            f"lindring: internal error ({type(exc).__name__}); set LINDRING_DEBUG=1 "
            "for details and please report it\n"
        )
        sys.exit(EXIT_INTERNAL)
