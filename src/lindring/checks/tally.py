"""What one check of ``lindring check`` found: the items that passed, and its failures
and notes, each a message code with its parameters (an :class:`~lindring.errors.Issue`)
written in the chosen language only at the edge."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from lindring.errors import Issue, LindringError, TableError, params
from lindring.model import Localized
from lindring.numbers import format_number
from lindring.records import record


@record
class Finding:
    """A failure or a note: an issue, with the profile (and the check run on its table)
    it was found in, if any (``profile fpm-uk: route_ratios: ``)."""

    issue: Issue
    profile: str = ""
    check: str = ""
    hint: bool = True

    def text(self, lang: str = "en") -> str:
        """``[profile NAME: [CHECK: ]][FILE:LINE:COL: ]path: message`` and the hint, in
        ``lang``."""
        from lindring.i18n import text

        prefix = text("problem.in_profile", lang, name=self.profile) if self.profile else ""
        if self.check:
            prefix += f"{self.check}: "
        issue = self.issue
        if issue.file:
            return prefix + issue.text(hint=self.hint, lang=lang)
        shown = issue.hint_text(lang) if self.hint else ""
        hint = f"\n  {text('problem.hint_label', lang)}: {shown}" if shown else ""
        return prefix + issue.statement(lang) + hint

    def __str__(self) -> str:
        return self.text()


def finding(code: str, path: str = "", **values: Any) -> Finding:
    """The message ``code`` with ``values`` about ``path`` (a drug and route, a key)."""
    return Finding(Issue("", path=path, code=code, params=params(**values)))


def from_error(exc: LindringError, profile: str = "") -> list[Finding]:
    """An error as findings: each problem of an invalid file (without its hint), else
    the error's own message."""
    problems = exc.problems if isinstance(exc, TableError) else []
    if problems:
        return [Finding(p, profile, hint=False) for p in problems]
    return [Finding(Issue("", code=exc.code, params=params(**exc.params)), profile)]


def number(value: Fraction) -> Localized:
    """A number as a message shows it: up to 4 decimals, a decimal comma in Norwegian."""
    return Localized(format_number(value, "nb", 4), format_number(value, "en", 4))


@dataclass
class Tally:
    """Passed items, and the failures and notes of one check."""

    passed: int = 0
    failures: list[Finding] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)

    def item(self, ok: bool, code: str, path: str = "", **values: Any) -> None:
        """One item: passed, or failed with the message ``code``."""
        if ok:
            self.passed += 1
        else:
            self.failures.append(finding(code, path, **values))

    def fail(self, code: str, path: str = "", **values: Any) -> None:
        self.failures.append(finding(code, path, **values))

    def note(self, code: str, path: str = "", **values: Any) -> None:
        self.notes.append(finding(code, path, **values))
