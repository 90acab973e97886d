"""Practical regimens: a daily dose made of products that are sold.

A regimen is one product given every N hours, each dose made of whole units (tablets,
capsules, suppositories: at most the table's ``max_units_per_dose``, strengths may be
combined) or of a measured volume of a liquid (a whole number of the product's volume
steps). For a patch it is the combination of patch strengths worn together.

:func:`choose` picks the regimen for a start dose. Three daily amounts come from the
conversion (``lindring.tolerance``): the *target* (the reduced dose), the *floor* (the
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
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from itertools import combinations_with_replacement

from lindring import patches
from lindring.model import Patch, Product

INTERVALS = (1, 2, 3, 4, 6, 8, 12, 24)


@dataclass(frozen=True)
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

    @property
    def daily(self) -> Fraction:
        """The 24-hour total in the drug's unit (a patch: its rate)."""
        return self.dose * self.doses_per_24h


@dataclass(frozen=True)
class Ladder:
    """Every regimen of one product at one interval, or of the patches of one drug."""

    product: Product | None
    interval_hours: int
    doses: tuple[Fraction, ...] = ()  # sorted single doses (solid forms and patches)
    combos: tuple[tuple[Fraction, ...], ...] = ()  # the units of each dose (solid forms)
    patch: Patch | None = None

    def below(self, daily: Fraction) -> Regimen | None:
        """The largest regimen whose daily total is at most ``daily``."""
        per_dose = daily / (24 // self.interval_hours)
        product = self.product
        if product is not None and product.liquid:
            step = product.dose_step
            dose = (per_dose // step) * step
            top = _top(product)
            if top is not None:
                dose = min(dose, top)
            return self._make(dose) if dose > 0 else None
        index = bisect_right(self.doses, per_dose)
        return self._make(self.doses[index - 1]) if index else None

    def above(self, daily: Fraction) -> Regimen | None:
        """The smallest regimen whose daily total is more than ``daily``."""
        per_dose = daily / (24 // self.interval_hours)
        product = self.product
        if product is not None and product.liquid:
            step = product.dose_step
            dose = (per_dose // step + 1) * step
            top = _top(product)
            return None if top is not None and dose > top else self._make(dose)
        index = bisect_left(self.doses, per_dose)
        while index < len(self.doses) and self.doses[index] <= per_dose:
            index += 1
        return self._make(self.doses[index]) if index < len(self.doses) else None

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


def below(options: tuple[Ladder, ...], daily: Fraction) -> Regimen | None:
    """The largest regimen at most ``daily`` (the earlier ladder on a tie)."""
    best: Regimen | None = None
    for ladder in options:
        found = ladder.below(daily)
        if found is not None and (best is None or found.daily > best.daily):
            best = found
    return best


def above(options: tuple[Ladder, ...], daily: Fraction) -> Regimen | None:
    """The smallest regimen above ``daily`` (the earlier ladder on a tie)."""
    best: Regimen | None = None
    for ladder in options:
        found = ladder.above(daily)
        if found is not None and (best is None or found.daily < best.daily):
            best = found
    return best


def choose(
    options: tuple[Ladder, ...], target: Fraction, floor: Fraction, ceiling: Fraction
) -> Regimen | None:
    """The start for ``target`` (module doc); ``floor <= target <= ceiling``."""
    lower = below(options, target)
    if lower is not None and lower.daily >= floor:
        return lower
    upper = above(options, target)
    if upper is not None and upper.daily <= ceiling:
        return upper
    return lower


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
