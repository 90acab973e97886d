"""``lindring compare DOSE... to DRUG ROUTE``: one conversion under every guideline profile.

The request is converted with the Norwegian table (the default profile) and with each
profile in ``tables/profiles/`` (:mod:`lindring.table.profiles`), each a whole table with its
own factors and its own reduction rule, so the suggested start is each guideline's.
A profile that gives no factor for a drug or route in the request shows why instead of
a number; a drug that only some guidelines know (hydrocodone in CDC 2022) is compared
under those. The spread is the lowest and highest result over the profiles that gave
one, and their ratio; above :data:`DISAGREE_ABOVE` the guidelines are said to disagree.
"""

from __future__ import annotations

from fractions import Fraction

from lindring.calc.convert import Conversion, Options, convert
from lindring.calc.request import parse_request
from lindring.errors import RefusedError, UnknownNameError
from lindring.model import Amount, Localized, Tables
from lindring.records import record
from lindring.table.profiles import DEFAULT, load_profiled, profile_names, profile_of

NORWEGIAN = Localized("Norsk tabell (lindring, standard)", "Norwegian table (lindring, default)")
#: highest / lowest above which the output says the guidelines disagree (more than 25 %)
DISAGREE_ABOVE = Fraction(5, 4)


@record
class ProfileResult:
    profile: str
    name: Localized
    note: Localized | None
    table_version: str
    conversion: Conversion | None  # None when the profile does not cover the request
    refused: RefusedError | None = None
    reduction_sources: tuple[str, ...] = ()  # the rule the suggested start follows


@record
class Spread:
    """Lowest and highest result, which profiles gave them, and highest / lowest."""

    low: Amount
    high: Amount
    low_profile: str
    high_profile: str
    ratio: Fraction | None  # None when the lowest is 0


@record
class Comparison:
    results: tuple[ProfileResult, ...]
    equianalgesic: Spread | None
    suggested: Spread | None

    @property
    def converted(self) -> list[ProfileResult]:
        return [r for r in self.results if r.conversion and r.conversion.refusal is None]

    @property
    def disagree(self) -> tuple[str, ...]:
        """``equianalgesic`` and/or ``suggested``: where highest / lowest is above
        :data:`DISAGREE_ABOVE` (or the lowest is 0 and the highest is not)."""
        found = []
        for name, spread in (("equianalgesic", self.equianalgesic), ("suggested", self.suggested)):
            if spread is None:
                continue
            if (spread.ratio is None and spread.high.value > 0) or (
                spread.ratio is not None and spread.ratio > DISAGREE_ABOVE
            ):
                found.append(name)
        return tuple(found)


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
    """``words`` (as for ``convert``) under every profile. Input errors raise as in convert
    (a drug name only some profile knows is not an error); a profile that refuses the
    request is a result, not an error."""
    tables = {name: load_profiled(directory, name) for name in profile_names(directory)}
    _check_words(words, tables)
    results = []
    for name, table in tables.items():
        if name == DEFAULT:
            label, note = NORWEGIAN, None
        else:
            profile = profile_of(directory, name)
            label, note = profile.name, profile.note
        rule = table.reduction.sources
        try:
            request = parse_request(table, words)
        except RefusedError as exc:
            if name == DEFAULT:
                raise
            results.append(ProfileResult(name, label, note, table.version, None, exc, rule))
            continue
        except UnknownNameError as exc:
            refusal = RefusedError("profile_lacks_drug", name=exc.params.get("name", ""))
            results.append(ProfileResult(name, label, note, table.version, None, refusal, rule))
            continue
        conv = convert(table, request, options)
        results.append(ProfileResult(name, label, note, table.version, conv, None, rule))
    done = [r for r in results if r.conversion and r.conversion.refusal is None]
    return Comparison(tuple(results), _spread(done, "equianalgesic"), _spread(done, "suggested"))


def _check_words(words: list[str], tables: dict[str, Tables]) -> None:
    """Bad input fails once, plainly, with the Norwegian table's message, unless the only
    problem there is a name some other profile knows."""
    try:
        parse_request(tables[DEFAULT], words)
        return
    except UnknownNameError as exc:
        first = exc
    for name, table in tables.items():
        if name == DEFAULT:
            continue
        try:
            parse_request(table, words)
            return
        except RefusedError:
            return  # known there, refused there: a result, not an input error
        except UnknownNameError:
            continue
    raise first
