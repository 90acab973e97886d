"""The same drug by another route: the drug's own route ratio (bioavailability).

A drug's ``route_ratios`` in the table each relate two of its routes (``po`` and ``sc``:
1 mg subcutaneously acts like 3 mg by mouth). :func:`between` finds the ratio from one
route to another, going through other routes of the same drug where no ratio is given
directly (``po`` -> ``sc`` -> ``iv``), and multiplies the ranges along the way. Amounts
are mg per 24 hours; a patch's amount is what it delivers in 24 hours.

``lindring check`` requires the drug's oral morphine factors to agree with these
ratios, so going through oral morphine gives the same number; the ratio is what the
working shows and cites for a route change.
"""

from __future__ import annotations

from fractions import Fraction

from lindring.model import Opioid
from lindring.records import record


@record
class Through:
    """mg by the new route per mg by the old one (``value``, its ``low`` and ``high``)."""

    value: Fraction
    low: Fraction
    high: Fraction
    sources: tuple[str, ...]
    path: tuple[str, ...]  # the routes passed, from the old one to the new one


def between(drug: Opioid, old: str, new: str) -> Through | None:
    """The ratio that turns mg by ``old`` into mg by ``new``; ``None`` when the table
    relates the two routes by no chain of route ratios."""
    if old == new:
        return Through(Fraction(1), Fraction(1), Fraction(1), (), (old,))
    found: dict[str, Through] = {old: Through(Fraction(1), Fraction(1), Fraction(1), (), (old,))}
    queue = [old]
    while queue:
        here = queue.pop(0)
        so_far = found[here]
        for ratio in drug.route_ratios:
            first, second = ratio.routes
            if here == first and second not in found:
                # mg by first -> mg by second: divide by the ratio
                step = (1 / ratio.ratio, 1 / ratio.high, 1 / ratio.low, second)
            elif here == second and first not in found:
                step = (ratio.ratio, ratio.low, ratio.high, first)
            else:
                continue
            value, low, high, there = step
            found[there] = Through(
                so_far.value * value,
                so_far.low * low,
                so_far.high * high,
                tuple(dict.fromkeys((*so_far.sources, *ratio.sources))),
                (*so_far.path, there),
            )
            if there == new:
                return found[there]
            queue.append(there)
    return None
