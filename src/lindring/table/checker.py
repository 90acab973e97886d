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

from lindring.errors import Issue, Params, params
from lindring.i18n import text
from lindring.model import LANGS, Localized
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

    def problem(
        self, path: Path, code: str, hint: str = "", hint_params: Params = (), **values: Any
    ) -> None:
        """The problem ``code`` (with its parameters ``values``) at ``path``; ``hint`` is a
        hint code with its parameters ``hint_params``."""
        if path in self.missing:
            return
        file, line, col = self.doc.position(path)
        where = dotted(path) or "(top)"
        self.problems.append(
            Issue(
                file, line, col, where, code, hint, params=params(**values), hint_params=hint_params
            )
        )

    def mapping(
        self, value: Any, path: Path, required: Iterable[str], optional: Iterable[str] = ()
    ) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.problem(path, "problem.expected_mapping", got=_show(value))
            return None
        required = list(required)
        allowed = [*required, *optional]
        for key in value:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.5)
                hint = (
                    did_you_mean(close[0])
                    if close
                    else ("hint.allowed", params(names=", ".join(allowed)))
                )
                self.problem((*path, key), "problem.unknown_key", *hint, key=key)
        for key in required:
            if key not in value:
                self.problem(path, "problem.missing_key", key=key)
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
            self.problem(path, "problem.expected_mapping", got=_show(value))
            return {}
        return value

    def text(self, value: Any, path: Path, pattern: str | None = None) -> str | None:
        if not isinstance(value, str) or not value.strip():
            self.problem(path, "problem.expected_text", _quote_hint(value), got=_show(value))
            return None
        if pattern and not re.fullmatch(pattern, value):
            self.problem(path, "problem.no_pattern_match", value=value, pattern=pattern)
            return None
        return value

    def url(self, value: Any, path: Path) -> str | None:
        """A web address: ``https://`` or ``http://`` (a link in the HTML handbook)."""
        from lindring.table.spec import URL_PATTERN

        found = self.text(value, path)
        if found is not None and not re.fullmatch(URL_PATTERN, found):
            self.problem(path, "problem.expected_url", got=_show(found))
            return None
        return found

    def choice(self, value: Any, path: Path, choices: Iterable[str]) -> str | None:
        options = list(choices)
        if value not in options:
            self.problem(
                path, "problem.expected_choice", choices=", ".join(options), got=_show(value)
            )
            return None
        return str(value)

    def integer(self, value: Any, path: Path, minimum: int = 0) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.problem(path, "problem.expected_whole", minimum=minimum, got=_show(value))
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
                self.problem(path, "problem.too_many_digits", got=_show(value))
                return None
        if result is None:
            self.problem(path, "problem.expected_number", _number_hint(value), got=_show(value))
            return None
        if (positive and result <= 0) or result < 0:
            self.problem(path, "problem.expected_positive", got=_show(value))
            return None
        return result

    def pair(self, value: Any, path: Path) -> tuple[Fraction, Fraction] | None:
        if not isinstance(value, list) or len(value) != 2:
            self.problem(path, "problem.expected_pair", got=_show(value))
            return None
        low = self.number(value[0], (*path, 0), positive=False)
        high = self.number(value[1], (*path, 1), positive=False)
        if low is None or high is None:
            return None
        if low > high:
            self.problem(path, "problem.low_above_high", low=_show(value[0]), high=_show(value[1]))
            return None
        return low, high

    def strings(self, value: Any, path: Path, allow_empty: bool = False) -> tuple[str, ...]:
        if isinstance(value, list) and not value and not allow_empty:
            hint = "hint.needs_source" if path and path[-1] == "sources" else ""
            self.problem(path, "problem.empty_text_list", hint)
            return ()
        if not isinstance(value, list):
            self.problem(path, "problem.expected_text_list", got=_show(value))
            return ()
        found = [self.text(item, (*path, i)) for i, item in enumerate(value)]
        return tuple(s for s in found if s is not None)

    def localized(self, value: Any, path: Path) -> dict[str, str] | None:
        found = self.mapping(value, path, LANGS)
        if found is None:
            return None
        nb, en = (
            self.text(found.get("nb"), (*path, "nb")),
            self.text(found.get("en"), (*path, "en")),
        )
        return {"nb": nb, "en": en} if nb and en else None


def did_you_mean(name: str) -> tuple[str, Params]:
    """The hint ``did you mean 'NAME'?`` (code and parameters)."""
    return "hint.did_you_mean", params(name=name)


def its_routes(listed: str) -> tuple[str, Params]:
    """The hint ``its routes: ...`` (``none`` when there are none)."""
    return ("hint.its_routes", params(routes=listed)) if listed else ("hint.no_routes", ())


def _show(value: Any) -> str | Localized:
    """A value as the editor wrote it; words (``nothing``, ``a boolean``) in both languages."""
    if isinstance(value, Fraction):
        return str(float(value))
    if isinstance(value, str):
        return repr(clip(value))
    if value is None:
        return word("value.nothing")
    if isinstance(value, bool):
        return word("value.boolean", value=str(value).lower())
    if isinstance(value, dict | list):
        return word(f"value.{type(value).__name__}")
    return repr(value)


def word(code: str, **values: Any) -> Localized:
    """A word or phrase in both languages, for a parameter of a problem."""
    return Localized(text(code, "nb", **values), text(code, "en", **values))


_NUMBER_HINTS = (
    (r"[0-9]+,[0-9]+", "hint.decimal_point"),
    (r"(?:0|[1-9][0-9]*)(?:\.[0-9]+)?", "hint.unquote"),
    (r"0[0-9]+(?:\.[0-9]+)?", "hint.leading_zero"),
    (r"[0-9]+(?::[0-5]?[0-9])+", "hint.base_60"),
    (r"[0-9.]+[eE][-+]?[0-9]+", "hint.exponent"),
    (r"\.[0-9]+", "hint.zero_before_point"),
    (r"[0-9]+\.", "hint.digits_after_point"),
)


def _number_hint(value: Any) -> str:
    """What to write instead of a text that was meant as a number."""
    if not isinstance(value, str):
        return ""
    for pattern, hint in _NUMBER_HINTS:
        if re.fullmatch(pattern, value.strip()):
            return hint
    return "hint.decimal_point"


def _quote_hint(value: Any) -> str:
    if isinstance(value, bool):
        return "hint.quote_yes_no"
    if isinstance(value, int | Fraction):
        return "hint.quote_numbers"
    return ""
