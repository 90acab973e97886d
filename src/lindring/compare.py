"""``lindring compare DOSE... to DRUG ROUTE``: one conversion under every guideline profile.

The request is converted with the Norwegian table (the default profile) and with each
profile in ``tables/profiles/`` (:mod:`lindring.profiles`). A profile that gives no
factor for a drug or route in the request shows why instead of a number. The spread is
the lowest and highest result over the profiles that gave one, and their ratio: how much
the published guidelines disagree about this conversion.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from lindring.convert import Conversion, Options, convert
from lindring.errors import RefusedError
from lindring.model import Amount, Localized
from lindring.profiles import DEFAULT, load_profiled, profile_names, profile_of
from lindring.request import parse_request
from lindring.tables import load_tables

NORWEGIAN = Localized("Norsk tabell (lindring, standard)", "Norwegian table (lindring, default)")


@dataclass(frozen=True)
class ProfileResult:
    profile: str
    name: Localized
    note: Localized | None
    table_version: str
    conversion: Conversion | None  # None when the profile does not cover the request
    refused: RefusedError | None = None


@dataclass(frozen=True)
class Spread:
    """Lowest and highest result, which profiles gave them, and highest / lowest."""

    low: Amount
    high: Amount
    low_profile: str
    high_profile: str
    ratio: Fraction | None  # None when the lowest is 0


@dataclass(frozen=True)
class Comparison:
    results: tuple[ProfileResult, ...]
    equianalgesic: Spread | None
    suggested: Spread | None

    @property
    def converted(self) -> list[ProfileResult]:
        return [r for r in self.results if r.conversion and r.conversion.refusal is None]


def _spread(results: list[ProfileResult], field: str) -> Spread | None:
    found = [(getattr(r.conversion, field), r.profile) for r in results if r.conversion]
    values = [(amount, name) for amount, name in found if amount is not None]
    if not values:
        return None
    low = min(values, key=lambda pair: pair[0].value)
    high = max(values, key=lambda pair: pair[0].value)
    ratio = high[0].value / low[0].value if low[0].value else None
    return Spread(low[0], high[0], low[1], high[1], ratio)


def compare(
    words: list[str], directory: str | None = None, options: Options | None = None
) -> Comparison:
    """``words`` (as for ``convert``) under every profile. Input errors raise as in convert;
    a profile that refuses the request is a result, not an error."""
    base = load_tables(directory)
    parse_request(base, words)  # unknown names and bad doses fail once, plainly
    results = []
    for name in profile_names(directory):
        tables = load_profiled(directory, name)
        if name == DEFAULT:
            label, note = NORWEGIAN, None
        else:
            profile = profile_of(directory, name)
            label, note = profile.name, profile.note
        try:
            request = parse_request(tables, words)
        except RefusedError as exc:
            if name == DEFAULT:
                raise
            results.append(ProfileResult(name, label, note, tables.version, None, exc))
            continue
        conv = convert(tables, request, options)
        results.append(ProfileResult(name, label, note, tables.version, conv))
    done = [r for r in results if r.conversion and r.conversion.refusal is None]
    return Comparison(tuple(results), _spread(done, "equianalgesic"), _spread(done, "suggested"))
