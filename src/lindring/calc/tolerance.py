"""Reduction for incomplete cross-tolerance.

When the drug changes, the patient may be tolerant to the old opioid but not fully to
the new one, so the start dose is set below the equianalgesic dose. The size of the
reduction and its bands come from ``rules.reduction`` in the table (the Norwegian
palliative handbook's rule, source ``lin-konvertering``): a smaller reduction below a
daily oral morphine equivalent threshold, a larger one at or above it. The reduction is
applied once, to the equianalgesic dose from the table's point values, and only to the
part of it that comes from another drug: a route change of the same drug gets no
automatic reduction (the output advises considering one).

At the threshold the reduction grows only as fast as the dose, so that a larger dose
never gets a smaller start: above it, the percent is the band's own or the one that
keeps the reduced dose equal to the reduced dose just under the threshold, whichever
is smaller (:func:`percents`).
"""

from __future__ import annotations

from fractions import Fraction

from lindring.calc.working import Reduction
from lindring.errors import InputError
from lindring.model import ReductionRule
from lindring.records import record


@record
class StartPlan:
    """The reduction and the three daily amounts a start is chosen by (mg per 24 h):
    ``target`` (the reduced dose), ``floor`` (with the band's largest reduction) and
    ``ceiling`` (with its smallest; never above the equianalgesic dose)."""

    reduction: Reduction
    target: Fraction
    floor: Fraction
    ceiling: Fraction


def percents(rule: ReductionRule, ome: Fraction) -> tuple[Fraction, Fraction, Fraction]:
    """The default, smallest and largest reduction (percent) at ``ome`` mg per 24 h.

    Below the threshold: the lower band. At or above it: each of the upper band's
    percents, but never more than keeps the reduced amount equal to the lower band's at
    the threshold (``100 - (100 - lower) x threshold / ome``), so the reduced dose is
    continuous and never falls as the dose rises.
    """
    lower, upper, edge = rule.below, rule.at_or_above, rule.threshold_ome
    if ome < edge:
        return lower.default, lower.low, lower.high

    def capped(up: Fraction, down: Fraction) -> Fraction:
        return min(up, 100 - (100 - down) * edge / ome)

    return (
        capped(upper.default, lower.default),
        capped(upper.low, lower.low),
        capped(upper.high, lower.high),
    )


def plan_start(
    rule: ReductionRule,
    ome: Fraction,
    same_mg: Fraction,
    other_mg: Fraction,
    override_percent: Fraction | None = None,
    included: bool = False,
) -> StartPlan:
    """The reduction for an equianalgesic dose of ``same_mg`` (from the target drug by
    another route) plus ``other_mg`` (from other drugs), at ``ome`` in total.

    ``override_percent`` (``--reduce``) applies to the whole dose and replaces the
    band. ``included``: the target factor already carries the margin (no reduction).
    """
    default, least, most = percents(rule, ome)
    band = rule.below if ome < rule.threshold_ome else rule.at_or_above
    if override_percent is not None:
        if not 0 <= override_percent <= rule.max_override:
            raise InputError("reduce_range", limit=rule.max_override)
        reduced = (same_mg + other_mg) * (100 - override_percent) / 100
        reduction = Reduction(override_percent, "override", band.low, band.high)
        return StartPlan(reduction, reduced, reduced, reduced)
    if other_mg == 0 or included:
        # nothing is reduced; the floor (what a start may lose to the products sold
        # before it is no start at all) is the lower band's default reduction
        reason = "route_change" if other_mg == 0 else "included"
        total = same_mg + other_mg
        floor = total * (100 - rule.below.default) / 100
        return StartPlan(Reduction(Fraction(0), reason, least, most), total, floor, total)
    reason = "drug_change" if same_mg == 0 else "part_drug_change"
    reduction = Reduction(default, reason, least, most)

    def reduce(percent: Fraction) -> Fraction:
        return same_mg + other_mg * (100 - percent) / 100

    return StartPlan(reduction, reduce(default), reduce(most), reduce(least))
