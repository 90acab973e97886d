"""What every embed kind shares: the kinds, the problem and the result of one
directive, and the small helpers that look a drug or route up and write numbers the
Norwegian way (:mod:`lindring.handbook.embed` dispatches to the kinds)."""

from __future__ import annotations

import difflib
from fractions import Fraction
from typing import Any

from lindring.errors import Params, params
from lindring.i18n.handbook import EMBED as W
from lindring.model import Factor, Opioid, Tables
from lindring.names import find_drug, find_route
from lindring.numbers import format_number
from lindring.records import record

BLOCK_KINDS = ("tabell", "eksempel")
KINDS = ("faktor", "regel", "tak", "styrker", "plaster", "nyre", "plasterråd", *BLOCK_KINDS)


class EmbedProblem(Exception):
    """What is wrong with one directive: a problem code with its parameters ``values``,
    and a hint (code and parameters), like the table's problems."""

    def __init__(self, code: str, hint: tuple[str, Params] = ("", ()), **values: Any) -> None:
        super().__init__(code)
        self.code, self.values = code, values
        self.hint, self.hint_params = hint

    @property
    def message(self) -> str:
        """The problem in English."""
        from lindring.i18n import text

        return text(self.code, "en", **self.values)


@record
class Embed:
    markdown: str
    sources: tuple[str, ...]


def num(value: Fraction) -> str:
    return format_number(value, "nb", places=4)


def span(low: Fraction, high: Fraction, unit: str = "") -> str:
    text = num(low) if low == high else f"{num(low)}–{num(high)}"
    return f"{text}{unit}"


def labels_of(strengths: tuple[tuple[str, Fraction], ...]) -> str:
    """Patch labels as sold (``12``, ``52,5``), written the Norwegian way."""
    return listing([label.replace(".", ",") for label, _ in strengths])


def listing(items: list[str]) -> str:
    """``a, b og c`` (bokmål)."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {W['and']} {items[-1]}"


def marker(sources: tuple[str, ...]) -> str:
    """The compact source marker shown after an embedded value: ``[hdir-omeq +8]``."""
    if not sources:
        return ""
    more = f" +{len(sources) - 1}" if len(sources) > 1 else ""
    return f" \\[{sources[0]}{more}\\]"


def close(word: str, options: list[str]) -> tuple[str, Params]:
    """The hint (code and parameters): the close name, or every option."""
    found = difflib.get_close_matches(word, options, n=1, cutoff=0.5)
    if found:
        return "hint.did_you_mean", params(name=found[0])
    return "hint.one_of", params(names=", ".join(options))


def drug_of(tables: Tables, name: str) -> Opioid:
    found = find_drug(tables, name)
    if isinstance(found, Opioid):
        return found
    raise EmbedProblem("embed.unknown_drug", close(name, list(tables.opioids)), name=name)


def factor_of(tables: Tables, drug: Opioid, name: str) -> tuple[str, Factor]:
    route = find_route(tables, name)
    if route is None:
        raise EmbedProblem("embed.unknown_route", close(name, list(tables.routes)), name=name)
    if route.key not in drug.routes:
        routes = ", ".join(drug.routes)
        code = "embed.no_route" if routes else "embed.no_route_none"
        raise EmbedProblem(code, drug=drug.key, route=route.key, routes=routes)
    return route.key, drug.routes[route.key]


def shown_factor(factor: Factor) -> tuple[Fraction, Fraction, Fraction]:
    """The table's own point and range (per microgram/h for patches)."""
    point = factor.shown_value if factor.shown_value is not None else factor.value
    if factor.shown is not None:
        return point, factor.shown.low, factor.shown.high
    return point, factor.low, factor.high


def factor_text(factor: Factor) -> str:
    point, low, high = shown_factor(factor)
    return num(point) if low == high else f"{num(point)} ({W['range']} {span(low, high)})"


def fields(args: list[str], allowed: list[str], at: int) -> str:
    if len(args) > at + 1:
        raise EmbedProblem("embed.too_many", extra=" ".join(args[at + 1 :]))
    if len(args) <= at:
        return ""
    field = args[at].casefold()
    if field not in allowed:
        raise EmbedProblem("embed.unknown_field", close(field, allowed), field=args[at])
    return field
