"""The result types a calculation returns: its steps, its alerts and its outcome.

A :class:`Step` or :class:`Alert` holds a message code and typed parameters (amounts,
fractions, table texts), not finished words: :func:`lindring.i18n.text` turns them into
a sentence in the user's language when they are shown or serialised.
"""

from __future__ import annotations

from dataclasses import field
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from lindring.calc.request import Part
from lindring.model import Amount, Factor
from lindring.records import record

if TYPE_CHECKING:
    from lindring.calc.regimen import Regimen


@record
class Step:
    """One line of the working, e.g. ``ome``: 40 mg x 1.5 = 60 mg oral morphine."""

    code: str
    params: dict[str, Any] = field(default_factory=dict, hash=False)
    sources: tuple[str, ...] = ()

    def text(self, lang: str) -> str:
        from lindring.i18n import text

        return text(f"step.{self.code}", lang, **self.params)


@record
class Alert:
    """A warning that applies to this conversion (never carried by colour alone)."""

    code: str
    params: dict[str, Any] = field(default_factory=dict, hash=False)
    sources: tuple[str, ...] = ()

    def text(self, lang: str) -> str:
        from lindring.i18n import text

        return text(f"alert.{self.code}", lang, **self.params)


@record
class Refusal:
    """Why lindring will not compute this conversion, and where to turn instead."""

    code: str
    params: dict[str, Any] = field(default_factory=dict, hash=False)
    sources: tuple[str, ...] = ()

    def text(self, lang: str) -> str:
        from lindring.i18n import text

        return text(f"refusal.{self.code}", lang, **self.params)


@record
class DoseSplit:
    """The suggested daily dose given as ``doses_per_24h`` doses every ``interval_hours``."""

    interval_hours: int
    doses_per_24h: int
    dose: Amount  # rounded down to the practical step
    exact: Amount  # before rounding
    step: Amount


@record
class Breakthrough:
    """A practical single dose (``single``: which product and how much of it) near
    ``fraction`` of the start; ``low`` and ``high`` are the range's ends as doses."""

    dose: Amount
    fraction: Fraction
    low: Amount
    high: Amount
    drug: str = ""  # drug key when the rescue drug differs from the target (patches)
    route: str = ""
    single: Regimen | None = None  # None for a pump's bolus


@record
class Reduction:
    percent: Fraction
    reason: str  # "drug_change", "route_change", "included" or "override"
    band_low: Fraction
    band_high: Fraction


@record
class PartResult:
    """One part converted to oral morphine: its daily dose (or rate) and its OME."""

    part: Part
    daily: Amount
    daily_mg: Fraction  # mg per 24 h (a patch's rate x 24 h)
    ome: Fraction
    factor: Factor
