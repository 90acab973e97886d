"""The one exception root and its few subclasses.

An error carries a message *code* and its parameters, not a finished sentence: the text
is produced in the user's language by :func:`lindring.i18n.text` when it is shown. Each
class has the exit code the CLI maps it to (documented in ``docs/exit-codes.md``).
"""

from __future__ import annotations

from typing import Any

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_REFUSED = 3
EXIT_TABLES = 4
EXIT_MISSING = 5
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130


class LindringError(Exception):
    """Root of every error lindring expects and explains."""

    exit_code = EXIT_INPUT

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def message(self, lang: str = "en") -> str:
        from lindring.i18n import text

        return text(self.code, lang, **self.params)

    def __str__(self) -> str:
        return self.message("en")


class InputError(LindringError):
    """Something the user typed cannot be read (dose, drug, route, option)."""


class DoseError(InputError):
    """A dose expression that does not follow the grammar."""


class UnitError(InputError):
    """A unit that lindring does not accept, or of the wrong kind."""


class UnknownNameError(InputError):
    """A drug or route name that is not in the table; carries close names."""


class RefusedError(LindringError):
    """A conversion lindring refuses on clinical grounds (with a referral)."""

    exit_code = EXIT_REFUSED


class TableError(LindringError):
    """The conversion table is invalid; carries every problem found."""

    exit_code = EXIT_TABLES

    def __init__(self, problems: list[str]) -> None:
        super().__init__(
            "table_invalid", count=len(problems), first=problems[0] if problems else ""
        )
        self.problems = problems


class MissingPartError(LindringError):
    """An optional part of lindring is not installed (such as the PDF library of
    ``lindring card``, in the ``card`` extra)."""

    exit_code = EXIT_MISSING
