"""Breakthrough (rescue) doses.

A breakthrough dose is a fraction of the regular 24-hour dose of the same drug and
route, taken as needed. The default fraction and its range come from
``rules.breakthrough`` (the Norwegian palliative handbook: 1/6 as the usual standard,
1/10 to 1/4 depending on dose and route; source ``lin-opioider``). It is computed from
the *rounded* daily dose and rounded down again to the practical step.
"""

from __future__ import annotations

from fractions import Fraction

from lindring.model import Amount, BreakthroughRule
from lindring.numbers import floor_to_step
from lindring.working import Breakthrough


def breakthrough_dose(
    rule: BreakthroughRule,
    daily: Fraction,
    unit: str,
    step: Fraction,
    drug: str = "",
    route: str = "",
) -> Breakthrough:
    """The breakthrough dose for a regular ``daily`` dose (in ``unit``), rounded down.

    ``drug`` and ``route`` name the rescue drug when it is not the regular one (with a
    patch, rescue doses are given as the table's ``patch_rescue`` drug).
    """
    dose = floor_to_step(daily * rule.fraction, step)
    low = floor_to_step(daily * rule.low, step)
    high = floor_to_step(daily * rule.high, step)
    return Breakthrough(
        Amount(dose, unit), rule.fraction, Amount(low, unit), Amount(high, unit), drug, route
    )
