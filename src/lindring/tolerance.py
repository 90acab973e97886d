"""Reduction for incomplete cross-tolerance.

When the drug changes, the patient may be tolerant to the old opioid but not fully to
the new one, so the start dose is set below the equianalgesic dose. The size of the
reduction and its bands come from ``rules.reduction`` in the table (the Norwegian
palliative handbook's rule, source ``lin-konvertering``): a smaller reduction below a
daily oral morphine equivalent threshold, a larger one at or above it. A route change
of the same drug gets no automatic reduction; the output advises considering one.
"""

from __future__ import annotations

from fractions import Fraction

from lindring.errors import InputError
from lindring.model import ReductionRule
from lindring.working import Reduction


def choose_reduction(
    rule: ReductionRule,
    ome_mg_per_24h: Fraction,
    same_drug: bool,
    override_percent: Fraction | None = None,
    included: bool = False,
) -> Reduction:
    """The reduction to apply, in percent, with the reason and the handbook band.

    ``included``: the target factor's conservative end already carries the margin for
    incomplete cross-tolerance (the fentanyl patch rotation table), so none is added.
    """
    band = rule.below if ome_mg_per_24h < rule.threshold_ome else rule.at_or_above
    if override_percent is not None:
        if not 0 <= override_percent <= rule.max_override:
            raise InputError("reduce_range", limit=rule.max_override)
        return Reduction(override_percent, "override", band.low, band.high)
    if same_drug:
        return Reduction(Fraction(0), "route_change", band.low, band.high)
    if included:
        return Reduction(Fraction(0), "included", band.low, band.high)
    return Reduction(band.default, "drug_change", band.low, band.high)


def apply_reduction(value: Fraction, reduction: Reduction) -> Fraction:
    """``value`` lowered by the reduction (never raised: percent is 0..100)."""
    return value * (100 - reduction.percent) / 100


def parse_percent(text: str | None) -> Fraction | None:
    """``--reduce`` as an exact percent (``"25"``, ``"12,5"``); ``None`` when not given."""
    if text is None:
        return None
    cleaned = text.strip().rstrip("%").strip().replace(",", ".")
    try:
        value = Fraction(cleaned)
    except (ValueError, ZeroDivisionError):
        raise InputError("reduce_number", text=text) from None
    if "/" in cleaned or "e" in cleaned.lower():
        raise InputError("reduce_number", text=text)
    return value
