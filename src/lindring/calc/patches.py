"""Transdermal patches: which strengths exist, which combination to suggest.

A patch dose is a rate (microgram/h). Converting *to* a patch, the suggestion is the
largest combination of strengths sold in Norway (one product family, at most the
table's ``max_patches`` worn at once) that does not exceed the calculated rate: never
rounded up. The strengths, the products and their change intervals come from the
table (``opioids.<drug>.routes.td.patches``).
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache
from itertools import combinations_with_replacement

from lindring.model import Patch, PatchProduct
from lindring.records import record


@record
class PatchChoice:
    """Patches to wear together: their labels (``75``, ``12``) and total rate."""

    product: PatchProduct
    labels: tuple[str, ...]
    rate: Fraction  # microgram/h delivered, the sum of the strengths


@cache
def combinations(product: PatchProduct, most: int) -> tuple[PatchChoice, ...]:
    found = []
    for count in range(1, most + 1):
        for combo in combinations_with_replacement(product.strengths, count):
            ordered = sorted(combo, key=lambda s: s[1], reverse=True)
            found.append(
                PatchChoice(
                    product,
                    tuple(label for label, _ in ordered),
                    sum((rate for _, rate in ordered), Fraction(0)),
                )
            )
    return tuple(found)


@cache
def choose(patch: Patch, rate: Fraction) -> PatchChoice | None:
    """The largest combination whose total does not exceed ``rate`` (fewest patches on a
    tie); ``None`` when even the smallest strength is above it. Cached: a patch ladder
    asks for its own rates again and again."""
    best: PatchChoice | None = None
    for product in patch.products:
        for choice in combinations(product, patch.max_patches):
            if choice.rate > rate:
                continue
            if best is None or (choice.rate, -len(choice.labels)) > (best.rate, -len(best.labels)):
                best = choice
    return best


def delivered(patch: Patch, typed: Fraction) -> Fraction | None:
    """The delivered rate for a typed strength or sum of labels (``12`` -> 12.5), or for
    the rate itself as printed on the pack (``12.5``, ``37.5`` = 25 + 12)."""
    for product in patch.products:
        labels = {label: Fraction(label) for label, _ in product.strengths}
        for choice in combinations(product, patch.max_patches):
            if sum((labels[lab] for lab in choice.labels), Fraction(0)) == typed:
                return choice.rate
            if choice.rate == typed:
                return choice.rate
    return None


def smallest(patch: Patch) -> Fraction:
    return min(rate for product in patch.products for _, rate in product.strengths)


def strengths_text(patch: Patch) -> str:
    """``12, 25, 50, 75, 100`` (per product, separated by ``;``)."""
    return "; ".join(", ".join(label for label, _ in p.strengths) for p in patch.products)
