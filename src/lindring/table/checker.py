"""A small, strict shape checker for the YAML tables that reports *every* problem.

Each check reads one value at a path, appends an :class:`~lindring.errors.Issue` (file,
line, column, ``path.to.key``, message, and a hint where one helps) when the value is
wrong, and returns the value or ``None``. ``tables.py`` uses it to build the model.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from fractions import Fraction
from typing import Any

from lindring.errors import Issue
from lindring.numread import NumberError, clip, ratio
from lindring.table.vocabulary import Section
from lindring.table.yamlsource import Located, Path


def dotted(path: Path) -> str:
    return ".".join(f"[{p}]" if isinstance(p, int) else p for p in path).replace(".[", "[")


class Checker:
    def __init__(self, doc: Located) -> None:
        self.doc = doc
        self.problems: list[Issue] = []
        self.missing: set[Path] = set()  # reported once as missing, not again per check

    def problem(self, path: Path, message: str, hint: str = "") -> None:
        if path in self.missing:
            return
        file, line, col = self.doc.position(path)
        self.problems.append(Issue(file, line, col, dotted(path) or "(top)", message, hint))

    def mapping(
        self, value: Any, path: Path, required: Iterable[str], optional: Iterable[str] = ()
    ) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.problem(path, f"expected a mapping, got {_show(value)}")
            return None
        required = list(required)
        allowed = [*required, *optional]
        for key in value:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.5)
                hint = f"did you mean '{close[0]}'?" if close else "allowed: " + ", ".join(allowed)
                self.problem((*path, key), f"unknown key '{key}'", hint)
        for key in required:
            if key not in value:
                self.problem(path, f"missing required key '{key}'")
                self.missing.add((*path, key))
        return value

    def section(self, value: Any, path: Path, spec: Section) -> dict[str, Any] | None:
        """A mapping with the keys ``spec`` declares (:mod:`lindring.table.spec`)."""
        return self.mapping(value, path, spec.required, spec.optional)

    def entries(self, value: Any, path: Path) -> dict[str, Any]:
        """A mapping whose keys are names chosen by the editor (ids, drug keys)."""
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.problem(path, f"expected a mapping, got {_show(value)}")
            return {}
        return value

    def text(self, value: Any, path: Path, pattern: str | None = None) -> str | None:
        if not isinstance(value, str) or not value.strip():
            self.problem(path, f"expected text, got {_show(value)}", _quote_hint(value))
            return None
        if pattern and not re.fullmatch(pattern, value):
            self.problem(path, f"'{value}' does not match the pattern {pattern}")
            return None
        return value

    def url(self, value: Any, path: Path) -> str | None:
        """A web address: ``https://`` or ``http://`` (a link in the HTML handbook)."""
        from lindring.table.spec import URL_PATTERN

        found = self.text(value, path)
        if found is not None and not re.fullmatch(URL_PATTERN, found):
            shown = _show(found)
            self.problem(path, f"expected a web address (https:// or http://), got {shown}")
            return None
        return found

    def choice(self, value: Any, path: Path, choices: Iterable[str]) -> str | None:
        options = list(choices)
        if value not in options:
            self.problem(path, f"expected one of {', '.join(options)}, got {_show(value)}")
            return None
        return str(value)

    def integer(self, value: Any, path: Path, minimum: int = 0) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.problem(path, f"expected a whole number >= {minimum}, got {_show(value)}")
            return None
        return value

    def number(self, value: Any, path: Path, positive: bool = True) -> Fraction | None:
        """A decimal number (``1.5``); a fraction written as text (``"1/6"``) too."""
        result: Fraction | None = None
        if isinstance(value, int) and not isinstance(value, bool):
            result = Fraction(value)
        elif isinstance(value, Fraction):
            result = value
        elif isinstance(value, str) and re.fullmatch(r"[0-9]+/[1-9][0-9]*", value):
            try:
                result = ratio(value)
            except NumberError:
                self.problem(path, f"too many digits in {_show(value)}")
                return None
        if result is None:
            self.problem(path, f"expected a number, got {_show(value)}", _number_hint(value))
            return None
        if (positive and result <= 0) or result < 0:
            self.problem(path, f"expected a number above 0, got {_show(value)}")
            return None
        return result

    def pair(self, value: Any, path: Path) -> tuple[Fraction, Fraction] | None:
        if not isinstance(value, list) or len(value) != 2:
            self.problem(path, f"expected [low, high], got {_show(value)}")
            return None
        low = self.number(value[0], (*path, 0), positive=False)
        high = self.number(value[1], (*path, 1), positive=False)
        if low is None or high is None:
            return None
        if low > high:
            self.problem(path, f"low ({_show(value[0])}) is above high ({_show(value[1])})")
            return None
        return low, high

    def strings(self, value: Any, path: Path, allow_empty: bool = False) -> tuple[str, ...]:
        if isinstance(value, list) and not value and not allow_empty:
            hint = "every number needs a source" if path and path[-1] == "sources" else ""
            self.problem(path, "expected a list of text, got an empty list", hint)
            return ()
        if not isinstance(value, list):
            self.problem(path, f"expected a list of text, got {_show(value)}")
            return ()
        found = [self.text(item, (*path, i)) for i, item in enumerate(value)]
        return tuple(s for s in found if s is not None)

    def localized(self, value: Any, path: Path) -> dict[str, str] | None:
        found = self.mapping(value, path, ("nb", "en"))
        if found is None:
            return None
        nb, en = (
            self.text(found.get("nb"), (*path, "nb")),
            self.text(found.get("en"), (*path, "en")),
        )
        return {"nb": nb, "en": en} if nb and en else None


def _show(value: Any) -> str:
    if isinstance(value, Fraction):
        return str(float(value))
    if isinstance(value, str):
        return repr(clip(value))
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a boolean)"
    return type(value).__name__ if isinstance(value, dict | list) else repr(value)


_NUMBER_HINTS = (
    (r"[0-9]+,[0-9]+", "use a decimal point: 1.5, not 1,5"),
    (r"(?:0|[1-9][0-9]*)(?:\.[0-9]+)?", "remove the quotes: a number in quotes is text"),
    (r"0[0-9]+(?:\.[0-9]+)?", "leave out the leading zero: YAML 1.1 tools read 010 as 8"),
    (r"[0-9]+(?::[0-5]?[0-9])+", "YAML 1.1 tools read 1:30 as 90 (base 60): write the number"),
    (r"[0-9.]+[eE][-+]?[0-9]+", "write the number out in full: 1000, not 1e3"),
    (r"\.[0-9]+", "write a zero before the decimal point: 0.5, not .5"),
    (r"[0-9]+\.", "write digits after the decimal point, or none: 5 or 5.5, not 5."),
)


def _number_hint(value: Any) -> str:
    """What to write instead of a text that was meant as a number."""
    if not isinstance(value, str):
        return ""
    for pattern, hint in _NUMBER_HINTS:
        if re.fullmatch(pattern, value.strip()):
            return hint
    return "use a decimal point: 1.5, not 1,5"


def _quote_hint(value: Any) -> str:
    if isinstance(value, bool):
        return "write yes/no/on/off and country codes in quotes: 'no'"
    if isinstance(value, int | Fraction):
        return "put numbers that are names or versions in quotes"
    return ""
