"""The one exception root and its few subclasses.

An error carries a message *code* and its parameters, not a finished sentence: the text
is produced in the user's language by :func:`lindring.i18n.text` when it is shown. Each
class has the exit code the CLI maps it to (documented in ``docs/exit-codes.md``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from lindring.records import record

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_REFUSED = 3
EXIT_TABLES = 4
EXIT_MISSING = 5
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130


Severity = Literal["error", "warning"]
Params = tuple[tuple[str, Any], ...]  # a message's parameters, in order (hashable)


def params(**values: Any) -> Params:
    return tuple(values.items())


@record
class Issue:
    """One problem in an editor's file (a table, profile, panel, chapter, layout): where
    it is, the key it is about, what is wrong and how to fix it, as a message *code* and
    its parameters (and a hint code and its parameters). The checkers make these; they
    are written out only at the edge (:meth:`text`, ``--format github``, JSON), in the
    chosen language."""

    file: str
    line: int = 0  # 0 when the problem has no line (a file that cannot be read)
    col: int = 0
    path: str = ""  # the key path (``opioids.morphine.routes.po``), when there is one
    code: str = ""
    hint_code: str = ""
    severity: Severity = "error"  # a warning does not fail a check
    params: Params = ()
    hint_params: Params = ()

    def where(self) -> str:
        """``FILE:LINE:COL``, or ``FILE`` when there is no line."""
        return f"{self.file}:{self.line}:{self.col}" if self.line else self.file

    def message_text(self, lang: str = "en") -> str:
        """What is wrong, in ``lang``."""
        from lindring.i18n import text

        return text(self.code, lang, **dict(self.params)) if self.code else ""

    def hint_text(self, lang: str = "en") -> str:
        """How to fix it, in ``lang`` (empty when there is no hint)."""
        from lindring.i18n import text

        return text(self.hint_code, lang, **dict(self.hint_params)) if self.hint_code else ""

    @property
    def message(self) -> str:
        return self.message_text("en")

    @property
    def hint(self) -> str:
        return self.hint_text("en")

    def statement(self, lang: str = "en") -> str:
        """``path.to.key: message`` (just the message when there is no key path)."""
        message = self.message_text(lang)
        return f"{self.path}: {message}" if self.path else message

    def text(self, hint: bool = True, lang: str = "en") -> str:
        """``[warning: ]FILE:LINE:COL: path.to.key: message`` and, on its own line, the
        hint (``hint=False`` leaves it out), in ``lang``."""
        from lindring.i18n import text

        prefix = text("problem.warning_prefix", lang) if self.severity == "warning" else ""
        head = f"{prefix}{self.where()}: {self.statement(lang)}"
        shown = self.hint_text(lang) if hint else ""
        return head + (f"\n  {text('problem.hint_label', lang)}: {shown}" if shown else "")

    def plain_params(self, lang: str = "en") -> dict[str, str]:
        """The parameters as text in ``lang`` (for ``--json``)."""
        from lindring.i18n import show

        return {k: show(v, lang) for k, v in self.params}

    def __str__(self) -> str:
        return self.text()


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

    def __init__(self, problems: Sequence[Issue]) -> None:
        super().__init__("table_invalid", count=len(problems), first="")
        self.problems = list(problems)

    def message(self, lang: str = "en") -> str:
        from lindring.i18n import text

        first = self.problems[0].text(lang=lang) if self.problems else ""
        return text(self.code, lang, count=len(self.problems), first=first)


class MissingPartError(LindringError):
    """An optional part of lindring is not installed (such as the PDF library of
    ``lindring card``, in the ``card`` extra)."""

    exit_code = EXIT_MISSING


class Interrupted(KeyboardInterrupt):
    """Ctrl-C (or SIGTERM) during a run that chose its own language after it began (a
    batch file with Norwegian column names answers in Norwegian): the language for the
    message, so that the run ends in the language it spoke."""

    def __init__(self, lang: str) -> None:
        super().__init__(lang)
        self.lang = lang
