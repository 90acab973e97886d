"""The error boundary every command runs inside, and the options all commands share.

Expected errors (:class:`~lindring.errors.LindringError`) become one clear line on
stderr (and, with ``--json``, an error object on stdout) and their documented exit
code; so does the operating system refusing something the core did not foresee (a full
disk, a permission: an :class:`OSError` is the system's answer, not a bug), as exit 1.
Anything else unexpected becomes one line and exit 70, with the traceback only under
``--debug``. Exit codes are listed in ``docs/exit-codes.md``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, NoReturn

import typer

from lindring.cli.complete import complete_lang
from lindring.errors import (
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_MISSING,
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_TABLES,
    InputError,
    Interrupted,
    LindringError,
    TableError,
)
from lindring.i18n import detect_lang, lang_code, text
from lindring.records import record

__all__ = ["EXIT_INTERNAL", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_REFUSED", "Common", "boundary"]

LangOpt = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="nb|en",
        autocompletion=complete_lang,
        help="Language of the output: nb or en (default: $LINDRING_LANG, then the locale).",
    ),
]
TablesOpt = Annotated[
    str | None,
    typer.Option(
        "--tables",
        metavar="DIR",
        help="Read the conversion table from DIR "
        "(default: $LINDRING_TABLES, then the table shipped with lindring).",
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON object (docs/json.md).")]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show a traceback on internal errors.")]


@record
class Common:
    lang: str
    tables: str | None
    json: bool = False
    debug: bool = False


def common(
    lang: str | None, tables: str | None, as_json: bool = False, debug: bool = False
) -> Common:
    chosen = lang_code(lang or detect_lang())
    debug = debug or bool(os.environ.get("LINDRING_DEBUG"))
    if chosen is None:
        opts = Common("en", tables, as_json, debug)
        _fail(opts, InputError("lang"), EXIT_INPUT)
    return Common(chosen, tables, as_json, debug)


@contextmanager
def boundary(opts: Common) -> Iterator[None]:
    """Run a command body; map every error to its message and exit code."""
    try:
        yield
    except typer.Exit:
        raise
    except TableError as exc:
        for problem in exc.problems:
            sys.stderr.write(f"{problem.text(lang=opts.lang)}\n")
        _fail(opts, exc, EXIT_TABLES)
    except LindringError as exc:
        _fail(opts, exc, exc.exit_code)
    except KeyboardInterrupt as exc:
        lang = exc.lang if isinstance(exc, Interrupted) else opts.lang
        sys.stderr.write(f"lindring: {text('interrupted', lang)}\n")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except BrokenPipeError:
        raise
    except OSError as exc:
        if opts.debug:
            import traceback

            traceback.print_exc()
        _fail(opts, _system_error(exc), EXIT_INPUT)
    except Exception as exc:
        if opts.debug:
            import traceback

            traceback.print_exc()
        sys.stderr.write(f"lindring: {text('internal', opts.lang, kind=type(exc).__name__)}\n")
        raise typer.Exit(EXIT_INTERNAL) from None


def write_json(data: object) -> None:
    """One JSON document on stdout (non-ASCII kept readable: ø stays ø)."""
    import json  # on the --json path only (1.4 ms of a text start)

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def display(renderable: object) -> None:
    """Print a result on the stdout console: rich is imported here, on the text path only
    (``--json`` never loads it)."""
    from lindring.cli.output import console

    console().print(renderable)


def _system_error(exc: OSError) -> InputError:
    from lindring.numread import clip

    where = f" ({clip(str(exc.filename), 200)})" if exc.filename else ""
    from lindring.i18n.oserror import os_reason

    return InputError("system_error", reason=os_reason(exc), where=where)


def _fail(opts: Common, exc: LindringError, code: int) -> NoReturn:
    if opts.json:
        from lindring.output.json import error_dict

        write_json(error_dict(exc, opts.lang))
    kind = text("kind.refused" if code == EXIT_REFUSED else "kind.error", opts.lang)
    if isinstance(exc, InputError) or code in (EXIT_REFUSED, EXIT_TABLES, EXIT_MISSING):
        sys.stderr.write(f"lindring: {kind}: {exc.message(opts.lang)}\n")
    raise typer.Exit(code) from None
