"""Practical regimens: a daily dose made of products that are sold.

A regimen is one product given every N hours, each dose made of whole units (tablets,
capsules, suppositories: at most the table's ``max_units_per_dose``, strengths may be
combined) or of a measured volume of a liquid (a whole number of the product's volume
steps). For a patch it is the combination of patch strengths worn together.

:func:`choose` picks the regimen for a start dose. Three daily amounts come from the
conversion (``lindring.calc.tolerance``): the *target* (the reduced dose), the *floor* (the
largest reduction the handbook's band allows) and the *ceiling* (the smallest reduction
it allows; never above the equianalgesic dose). The start is the largest regimen of any
product and interval that does not exceed the target; if that loses more than the band
allows (below the floor), the next regimen up is taken when it stays within the band
(at or below the ceiling). Both rules only ever pick a larger regimen for a larger
target, so a larger input dose never gives a smaller start. ``None`` means that not
even the smallest regimen fits: the dose is too small for what is sold.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import field
from fractions import Fraction
from functools import cache, cached_property
from itertools import combinations_with_replacement
from math import lcm

from lindring.calc import patches
from lindring.model import Patch, Product
from lindring.records import record

INTERVALS = (1, 2, 3, 4, 6, 8, 12, 24)


@record
class Regimen:
    """``dose`` every ``interval_hours`` of ``product`` (``units``: the strengths that make
    one dose of a solid form; ``volume_ml``: one dose of a liquid). For a patch,
    ``patch`` is set and ``daily`` is its rate in microgram/h."""

    product: Product | None
    interval_hours: int
    dose: Fraction
    units: tuple[Fraction, ...] = ()
    volume_ml: Fraction | None = None
    patch: patches.PatchChoice | None = None

    @property
    def doses_per_24h(self) -> int:
        return 24 // self.interval_hours

    @cached_property
    def daily(self) -> Fraction:
        """The 24-hour total in the drug's unit (a patch: its rate)."""
        return self.dose * self.doses_per_24h


@record
class Ladder:
    """Every regimen of one product at one interval, or of the patches of one drug.

    The search for a daily amount runs on integers: the sorted doses times a common
    denominator (solid forms and patches), or the volume step as a fraction (liquids),
    so a ladder is searched without building a fraction per step."""

    product: Product | None
    interval_hours: int
    doses: tuple[Fraction, ...] = ()  # sorted single doses (solid forms and patches)
    combos: tuple[tuple[Fraction, ...], ...] = ()  # the units of each dose (solid forms)
    patch: Patch | None = None
    _search: _Search = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_search", _Search.of(self))

    def below(self, daily: Fraction) -> Regimen | None:
        """The largest regimen whose daily total is at most ``daily``."""
        found = self._search.below(daily.numerator, daily.denominator)
        return None if found is None else self._make(found[1])

    def above(self, daily: Fraction) -> Regimen | None:
        """The smallest regimen whose daily total is more than ``daily``."""
        found = self._search.above(daily.numerator, daily.denominator)
        return None if found is None else self._make(found[1])

    def largest(self) -> Regimen:
        """The largest regimen (a liquid without a largest volume: its first step, as
        such a ladder has no top; callers ask only where ``above`` found none)."""
        product = self.product
        if product is not None and product.liquid:
            top = _top(product)
            return self._make(top if top is not None else product.dose_step)
        return self._make(self.doses[-1])

    def smallest(self) -> Regimen:
        product = self.product
        if product is not None and product.liquid:
            return self._make(product.dose_step)
        return self._make(self.doses[0])

    def _make(self, dose: Fraction) -> Regimen:
        if self.patch is not None:
            choice = patches.choose(self.patch, dose)
            return Regimen(None, self.interval_hours, dose, patch=choice)
        product = self.product
        assert product is not None
        if product.liquid:
            assert product.concentration is not None
            return Regimen(
                product, self.interval_hours, dose, volume_ml=dose / product.concentration
            )
        units = self.combos[bisect_left(self.doses, dose)]
        return Regimen(product, self.interval_hours, dose, units=units)


def _top(product: Product) -> Fraction | None:
    if product.max_volume_ml is None or product.concentration is None:
        return None
    return product.max_volume_ml * product.concentration


@record
class _Search:
    """A ladder's doses for exact search on integers: ``times`` doses per 24 h; solid
    forms and patches: ``scaled`` (each dose times ``scale``, an integer) and ``totals``
    (each dose's daily total); liquids: the step ``num / den`` and the largest dose."""

    times: int
    scale: int = 1
    scaled: tuple[int, ...] = ()
    totals: tuple[Fraction, ...] = ()
    doses: tuple[Fraction, ...] = ()
    num: int = 0
    den: int = 1
    step: Fraction | None = None
    top: Fraction | None = None

    @staticmethod
    def of(ladder: Ladder) -> _Search:
        times = 24 // ladder.interval_hours
        product = ladder.product
        if product is not None and product.liquid:
            step = product.dose_step
            return _Search(
                times, num=step.numerator, den=step.denominator, step=step, top=_top(product)
            )
        scale = lcm(*(d.denominator for d in ladder.doses)) if ladder.doses else 1
        scaled = tuple(int(d * scale) for d in ladder.doses)
        totals = tuple(d * times for d in ladder.doses)
        return _Search(times, scale, scaled, totals, ladder.doses)

    def below(self, num: int, den: int) -> tuple[Fraction, Fraction] | None:
        """The daily total and dose of the largest regimen at most ``num / den`` a day."""
        if self.step is None:
            index = bisect_right(self.scaled, (num * self.scale) // (den * self.times))
            return (self.totals[index - 1], self.doses[index - 1]) if index else None
        return _as_found(_liquid_below(num, den, *_liquid(self)), self.times)

    def above(self, num: int, den: int) -> tuple[Fraction, Fraction] | None:
        """The daily total and dose of the smallest regimen more than ``num / den``."""
        if self.step is None:
            index = bisect_right(self.scaled, (num * self.scale) // (den * self.times))
            return (self.totals[index], self.doses[index]) if index < len(self.scaled) else None
        return _as_found(_liquid_above(num, den, *_liquid(self)), self.times)


@cache
def _solid_doses(product: Product, most: int) -> tuple[tuple[Fraction, tuple[Fraction, ...]], ...]:
    """Every dose of up to ``most`` units, with the fewest units that make it (largest
    strengths first), sorted by dose."""
    best: dict[Fraction, tuple[Fraction, ...]] = {}
    for count in range(1, most + 1):
        for combo in combinations_with_replacement(sorted(product.strengths, reverse=True), count):
            total = sum(combo, Fraction(0))
            if total not in best:
                best[total] = combo
    return tuple(sorted(best.items()))


def _ladder(product: Product, hours: int, most_units: int) -> Ladder:
    if product.liquid:
        return Ladder(product, hours)
    most = min(most_units, product.max_units or most_units)
    table = _solid_doses(product, most)
    return Ladder(product, hours, tuple(d for d, _ in table), tuple(c for _, c in table))


@cache
def ladders(
    products: tuple[Product, ...], most_units: int, interval: int | None = None
) -> tuple[Ladder, ...]:
    """One ladder per product and interval, in the table's order of preference;
    ``interval``: only that interval (a user's ``--interval``)."""
    return tuple(
        _ladder(product, hours, most_units)
        for product in products
        if not product.breakthrough_only
        for hours in product.every_hours
        if interval is None or hours == interval
    )


@cache
def dose_ladders(products: tuple[Product, ...], most_units: int) -> tuple[Ladder, ...]:
    """Single doses of the immediate-release products (breakthrough doses): one ladder
    per product, taken as one dose (``daily`` is then the dose); not infusions."""
    return tuple(
        _ladder(p, 24, most_units)
        for p in products
        if p.release == "immediate" and p.form != "infusion"
    )


@cache
def patch_ladders(patch: Patch) -> tuple[Ladder, ...]:
    """Every combination of patch strengths as one ladder (``daily`` is the rate)."""
    rates = sorted(
        {c.rate for p in patch.products for c in patches.combinations(p, patch.max_patches)}
    )
    return (Ladder(None, 24, tuple(rates), patch=patch),)


Found = tuple[Fraction, Fraction, "Ladder"]  # daily total, single dose, its ladder
Ratio = tuple[int, int]  # a fraction as (numerator, denominator > 0), not always reduced


class _Merged:
    """The regimens of several ladders in one search: every daily total of the ladders
    with a finite list of doses (solid forms, patches), sorted, each total once with the
    earliest ladder that gives it, as integers (``ints``: each total times ``scale``);
    the liquids' ladders (``liquids``, with their positions) are searched one by one.
    (A plain class: a dataclass costs start-up time to build.)"""

    __slots__ = ("found", "ints", "liquids", "positions", "ratios", "scale")

    def __init__(
        self,
        ints: tuple[int, ...],
        found: tuple[Found, ...],
        positions: tuple[int, ...],
        scale: int,
        liquids: tuple[tuple[int, Ladder], ...],
    ) -> None:
        self.ints = ints
        self.found = found
        self.positions = positions
        self.scale = scale
        # each total as (numerator, denominator), and each liquid's ladder as
        # (position, ladder, its integers: _liquid): the searches read no Fraction
        self.ratios = tuple((f[0].numerator, f[0].denominator) for f in found)
        self.liquids = tuple(
            (position, ladder, _liquid(ladder._search)) for position, ladder in liquids
        )

    @staticmethod
    def of(options: tuple[Ladder, ...]) -> _Merged:
        entries: dict[Fraction, tuple[int, Fraction, Ladder]] = {}
        liquids = []
        for position, ladder in enumerate(options):
            search = ladder._search
            if search.step is not None:
                liquids.append((position, ladder))
                continue
            for total, dose in zip(search.totals, search.doses, strict=True):
                entries.setdefault(total, (position, dose, ladder))  # the earliest ladder
        totals = sorted(entries)
        scale = lcm(*(t.denominator for t in totals)) if totals else 1
        return _Merged(
            tuple(int(t * scale) for t in totals),
            tuple((t, entries[t][1], entries[t][2]) for t in totals),
            tuple(entries[t][0] for t in totals),
            scale,
            tuple(liquids),
        )


def _liquid(search: _Search) -> tuple[int, int, int, int | None, int]:
    """A liquid's ladder as integers: doses a day, the volume step's dose as numerator
    and denominator, the largest dose as numerator (``None``: no largest) and denominator."""
    top = search.top
    if top is None:
        return search.times, search.num, search.den, None, 1
    return search.times, search.num, search.den, top.numerator, top.denominator


def _liquid_below(
    num: int, den: int, times: int, step_n: int, step_d: int, top_n: int | None, top_d: int
) -> Ratio | None:
    """The largest liquid dose (whole steps, at most the largest dose) whose daily total
    is at most ``num / den``, as a ratio; ``None`` below one step."""
    dn, dd = step_n * ((num * step_d) // (den * times * step_n)), step_d
    if top_n is not None and dn * top_d > top_n * dd:
        dn, dd = top_n, top_d
    return (dn, dd) if dn > 0 else None


def _liquid_above(
    num: int, den: int, times: int, step_n: int, step_d: int, top_n: int | None, top_d: int
) -> Ratio | None:
    """The smallest liquid dose (whole steps) whose daily total is above ``num / den``;
    ``None`` above the largest dose."""
    dn = step_n * ((num * step_d) // (den * times * step_n) + 1)
    return None if top_n is not None and dn * top_d > top_n * step_d else (dn, step_d)


def _as_found(dose: Ratio | None, times: int) -> tuple[Fraction, Fraction] | None:
    return None if dose is None else (Fraction(dose[0] * times, dose[1]), Fraction(*dose))


#: the merged search of each tuple of ladders searched (kept with the tuple: ``id``)
_MERGED: dict[int, tuple[tuple[Ladder, ...], _Merged]] = {}


def _merged(options: tuple[Ladder, ...]) -> _Merged:
    kept = _MERGED.get(id(options))
    if kept is not None and kept[0] is options:
        return kept[1]
    if len(_MERGED) > 4096:  # tuples made on the fly: start again rather than grow
        _MERGED.clear()
    made = _Merged.of(options)
    _MERGED[id(options)] = (options, made)
    return made


def _below(options: tuple[Ladder, ...], num: int, den: int) -> Found | None:
    """The largest regimen at most ``num / den`` a day of any ladder (the earlier on a
    tie). ``num / den`` need not be in lowest terms (``den > 0``): the search divides."""
    merged = _merged(options)
    index = bisect_right(merged.ints, (num * merged.scale) // den)
    best = merged.found[index - 1] if index else None
    if not merged.liquids:
        return best
    at = merged.positions[index - 1] if index else 0
    # liquids on integers: a dose is ``dn / dd``; only the chosen one becomes a fraction
    bn, bd = merged.ratios[index - 1] if index else (0, 1)
    chosen: tuple[int, int, int, Ladder] | None = None
    for position, ladder, liquid in merged.liquids:
        dose = _liquid_below(num, den, *liquid)
        if dose is None:
            continue
        (dn, dd), times = dose, liquid[0]
        left, right = dn * times * bd, bn * dd  # this total and the best so far, crossed
        if left > right or (left == right and position < at):
            bn, bd, at, chosen = dn * times, dd, position, (dn, dd, times, ladder)
    if chosen is None:
        return best
    dn, dd, times, ladder = chosen
    return Fraction(dn * times, dd), Fraction(dn, dd), ladder


def _above(options: tuple[Ladder, ...], num: int, den: int) -> Found | None:
    """The smallest regimen above ``num / den`` a day of any ladder (the earlier on a
    tie), ``num / den`` as in :func:`_below`."""
    merged = _merged(options)
    index = bisect_right(merged.ints, (num * merged.scale) // den)
    best = merged.found[index] if index < len(merged.ints) else None
    if not merged.liquids:
        return best
    at = merged.positions[index] if best is not None else 0
    # liquids on integers, as in _below
    bn, bd = merged.ratios[index] if best is not None else (-1, 1)
    chosen: tuple[int, int, int, Ladder] | None = None
    for position, ladder, liquid in merged.liquids:
        dose = _liquid_above(num, den, *liquid)
        if dose is None:
            continue
        (dn, dd), times = dose, liquid[0]
        left, right = dn * times * bd, bn * dd
        if bn < 0 or left < right or (left == right and position < at):
            bn, bd, at, chosen = dn * times, dd, position, (dn, dd, times, ladder)
    if chosen is None:
        return best
    dn, dd, times, ladder = chosen
    return Fraction(dn * times, dd), Fraction(dn, dd), ladder


def made(found: Found | None) -> Regimen | None:
    """The regimen a search found (``None``: none)."""
    if found is None:
        return None
    regimen = found[2]._make(found[1])
    regimen.__dict__["daily"] = found[0]  # the total the search found: ``daily``, computed
    return regimen


def below(options: tuple[Ladder, ...], daily: Fraction) -> Regimen | None:
    """The largest regimen at most ``daily`` (the earlier ladder on a tie)."""
    return made(_below(options, daily.numerator, daily.denominator))


def above(options: tuple[Ladder, ...], daily: Fraction) -> Regimen | None:
    """The smallest regimen above ``daily`` (the earlier ladder on a tie)."""
    return made(_above(options, daily.numerator, daily.denominator))


def choose(
    options: tuple[Ladder, ...], target: Fraction, floor: Fraction, ceiling: Fraction
) -> Regimen | None:
    """The start for ``target`` (module doc); ``floor <= target <= ceiling``."""
    return made(choose_found(options, target, floor, ceiling))


def choose_found(
    options: tuple[Ladder, ...], target: Fraction, floor: Fraction, ceiling: Fraction
) -> Found | None:
    """:func:`choose` as its daily total, single dose and ladder (:func:`made` makes the
    regimen): what a sweep over many doses needs of it."""
    return choose_found_at(options, ratio(target), ratio(floor), ratio(ceiling))


def ratio(value: Fraction) -> Ratio:
    """``value`` as (numerator, denominator): what the searches on integers take."""
    return value.numerator, value.denominator


def choose_found_at(
    options: tuple[Ladder, ...], target: Ratio, floor: Ratio, ceiling: Ratio
) -> Found | None:
    """:func:`choose_found` on ratios of integers: a sweep over many doses builds no
    fraction for the target, floor and ceiling, and compares by cross-multiplying."""
    (tn, td), (fn, fd), (cn, cd) = target, floor, ceiling
    lower = _below(options, tn, td)
    if lower is not None and lower[0].numerator * fd >= fn * lower[0].denominator:
        return lower  # at least the floor
    if cn * td <= tn * cd:  # nothing above the target is within the band
        return lower
    upper = _above(options, tn, td)
    if upper is not None and upper[0].numerator * cd <= cn * upper[0].denominator:
        return upper  # at most the ceiling
    return lower


def any_above(options: tuple[Ladder, ...], daily: Fraction) -> bool:
    """Is there a regimen with a daily total above ``daily``?"""
    return _above(options, daily.numerator, daily.denominator) is not None


def smallest(options: tuple[Ladder, ...]) -> Regimen | None:
    """The smallest regimen there is (what a dose too small for any product is told)."""
    found = [ladder.smallest() for ladder in options]
    return min(found, key=lambda r: r.daily) if found else None


def single_dose(options: tuple[Ladder, ...], most: Fraction, least_top: Fraction) -> Regimen | None:
    """A single dose (breakthrough): the largest at most ``most``; failing that, the
    smallest if it is at most ``least_top``. Ladders here are taken at 24 h."""
    lower = below(options, most)
    if lower is not None:
        return lower
    small = smallest(options)
    return small if small is not None and small.daily <= least_top else None
