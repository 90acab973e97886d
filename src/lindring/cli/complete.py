"""Shell completion (bash, zsh, fish): ``lindring --install-completion``.

The values come from the table, loaded only when the shell asks for a completion
(Click sets ``_LINDRING_COMPLETE``), never on a normal start (``bench/startup``).
Names with a space (``Paralgin forte``) are left out: the shell would split them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer._click.core import Context

if TYPE_CHECKING:
    from lindring.model import Tables

#: the words that join the two sides of a conversion
JOINERS = ("to", "til")


def _tables(directory: str | None) -> Tables | None:
    """The table the command would read, or ``None`` when it cannot be read (a completion
    never prints an error)."""
    try:
        from lindring.table.load import load_tables

        return load_tables(directory)
    except Exception:  # a broken --tables or table: nothing to offer
        return None


def _matching(names: list[str], incomplete: str) -> list[str]:
    """``names`` that start with ``incomplete`` (case-insensitive), in order, once each."""
    start = incomplete.casefold()
    found: dict[str, None] = {}
    for name in names:
        if " " not in name and name.casefold().startswith(start):
            found.setdefault(name, None)
    return list(found)


def drug_names(tables: Tables) -> list[str]:
    """Every drug name a user may type, as the table writes it: Norwegian and English
    generic names, then aliases and brands (the table's order)."""
    from lindring.names import index

    return list(index(tables).shown.values())


def route_names(tables: Tables, keys: list[str] | None = None) -> list[str]:
    """The route names (the table's keys, then their aliases such as ``sk``, ``s.c.``),
    of the routes ``keys`` only when given."""
    from lindring.names import route_spellings

    chosen = (r for k, r in tables.routes.items() if keys is None or k in keys)
    spellings = [name for route in chosen for name in route_spellings(route)]
    return sorted(spellings, key=lambda name: name not in tables.routes)  # keys first


def words(tables: Tables, done: list[str], incomplete: str) -> list[str]:
    """What may come next in ``DRUG DOSE ROUTE to DRUG ROUTE``, given the words ``done``:
    a drug first (and after ``to`` or ``+``); then the routes of that drug; once a route
    is given on the left, ``to``."""
    from lindring.model import Opioid
    from lindring.names import find_drug, find_route

    side, joined = done, False
    for i, word in enumerate(done):
        if word.casefold() in JOINERS or word == "+":
            side, joined = done[i + 1 :], joined or word != "+"
    if not side:
        return _matching(drug_names(tables), incomplete)
    if any(find_route(tables, w) is not None for w in side):
        return [] if joined else _matching(list(JOINERS), incomplete)
    drug = find_drug(tables, side[0])
    keys = list(drug.routes) if isinstance(drug, Opioid) else None
    return _matching(route_names(tables, keys), incomplete)


def complete_words(ctx: Context, incomplete: str) -> list[str]:
    """Completion for the words of ``convert``, ``compare`` and ``pump`` (the words
    before the one completed are in ``ctx.params``, and so is ``--tables``)."""
    tables = _tables(ctx.params.get("tables"))
    if tables is None:
        return []
    done = [t for w in ctx.params.get("words") or () for t in str(w).split()]
    return words(tables, done, incomplete)


def complete_profile(incomplete: str) -> list[str]:
    """Completion for ``--profile``: the profiles in ``tables/profiles/``."""
    try:
        from lindring.table.profiles import profile_names

        names = profile_names(None)
    except Exception:
        return []
    return _matching(names, incomplete)


def complete_chapter(ctx: Context, incomplete: str) -> list[str]:
    """Completion for ``handbook show``: the chapter ids (their file names)."""
    try:
        from lindring.handbook.book import handbook_dir

        folder = handbook_dir(ctx.params.get("handbook"))
        names = sorted(path.stem for path in folder.glob("*.md"))
    except Exception:  # an unreadable --handbook: nothing to offer
        return []
    return _matching(names, incomplete)


def complete_lang(incomplete: str) -> list[str]:
    """Completion for ``--lang``."""
    from lindring.model import LANGS

    return _matching(list(LANGS), incomplete)


SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def _shell(value: str) -> str:
    """The shell named, or the one lindring runs in when none is named."""
    from typer._completion_shared import _get_shell_name

    shell = value or _get_shell_name() or ""
    if shell not in SHELLS:
        raise typer.BadParameter(
            f"{shell or 'the current shell'} is not supported: name one of {', '.join(SHELLS)}"
        )
    return shell


def _script(ctx: Context, shell: str) -> str:
    """The script that makes ``shell`` complete lindring."""
    from typer._completion_shared import get_completion_script

    name = ctx.find_root().info_name or "lindring"
    var = "_{}_COMPLETE".format(name.replace("-", "_").upper())
    return get_completion_script(prog_name=name, complete_var=var, shell=shell)


def _install(ctx: Context, shell: str) -> str:
    """Add the script to ``shell``'s start-up files; where it went."""
    from typer._completion_shared import install

    shell, path = install(shell=shell)
    return f"{shell} completion installed in {path}; it works in a new terminal"


def _shell_option(flag: str, action: Callable[[Context, str], str], doc: str) -> Any:
    """The root option ``FLAG [SHELL]``: print what ``action`` says for SHELL (the
    current shell when none is named) and stop."""

    def callback(ctx: Context, value: str | None) -> None:
        if value is None or ctx.resilient_parsing:
            return
        typer.echo(action(ctx, _shell(value)))
        raise typer.Exit()

    return typer.Option(
        flag, metavar="[SHELL]", callback=callback, expose_value=False, is_eager=True, help=doc
    )


InstallCompletionOpt = Annotated[
    str | None,
    _shell_option(
        "--install-completion",
        _install,
        "Install completion for SHELL (bash, zsh, fish; default: the current one).",
    ),
]
ShowCompletionOpt = Annotated[
    str | None,
    _shell_option(
        "--show-completion",
        _script,
        "Print the completion script for SHELL, to install it by hand.",
    ),
]
