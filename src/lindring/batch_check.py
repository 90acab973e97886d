"""Check mode: a prescribed dose held against the start doses a conversion supports.

The range checked is the conversion's equianalgesic range (``low`` to ``high``, from
the factors' ranges) with the reduction for incomplete cross-tolerance applied the way
the handbook allows it (``rules.reduction`` in the table):

* its low end less the *largest* reduction in the handbook's band, or lindring's own
  rounded suggestion where that is lower;
* its high end less the *smallest* reduction in the band (a drug change), or nothing (a
  route change of the same drug; a target whose factor already carries the margin); a
  reduction the row chose itself (``reduce``) moves both ends.

A prescription above the high end is flagged: no published ratio with the handbook's
reduction supports it. The deviation is how far outside the nearer end it is, in
percent, rounded away from zero so it is never understated (0 within the range).
This rule is documented in ``docs/batch.md`` and awaits clinical review like the table.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from lindring.convert import Conversion, in_unit
from lindring.dose import DoseExpression
from lindring.errors import InputError
from lindring.i18n import PER_24H, UNIT_NAMES, text
from lindring.model import Amount
from lindring.working import Reduction


@dataclass(frozen=True, slots=True)
class Bounds:
    """The range of start doses a conversion supports (in the target's unit)."""

    low: Amount
    high: Amount


@dataclass(frozen=True, slots=True)
class Check:
    """The verdict on one prescribed dose (amounts in the target's unit)."""

    verdict: str  # "within", "below" or "above"
    prescribed: Amount
    low: Amount
    high: Amount
    deviation_percent: Fraction | None  # None only when the range end is zero

    def text(self, lang: str) -> str:
        percent = abs(self.deviation_percent or Fraction(0))
        return text(
            f"batch.verdict_{self.verdict}",
            lang,
            prescribed=show(self.prescribed, lang),
            percent=_digits(percent.numerator, percent.denominator, 2, lang),
            low=show(self.low, lang),
            high=show(self.high, lang),
        )


def check_prescribed(conversion: Conversion, dose: DoseExpression) -> Check | None:
    """The verdict on ``dose`` (a bare dose is the 24-hour total); ``None`` when the
    conversion has no range. :class:`InputError` when a patch is prescribed as a mass."""
    found = bounds(conversion)
    return None if found is None else judge(found, prescribed_amount(dose, found.low))


def bounds(conversion: Conversion) -> Bounds | None:
    """The range a prescription is held against (module doc); ``None`` if refused."""
    conv = conversion
    if conv.low is None or conv.high is None or conv.reduction is None:
        return None
    unit, per_24h = conv.low.unit, conv.low.per_24h
    most, least = _band(conv.reduction)
    low = conv.low.value * (100 - most) / 100
    if conv.suggested is not None and conv.suggested.unit == unit:
        low = min(low, conv.suggested.value)
    high = conv.high.value * (100 - least) / 100
    return Bounds(Amount(low, unit, per_24h), Amount(high, unit, per_24h))


def prescribed_amount(dose: DoseExpression, like: Amount) -> Amount:
    """``dose`` per 24 h in the unit of ``like``; a patch must be prescribed as a rate."""
    if like.unit.endswith("/h") and dose.basis != "per_hour":
        raise InputError("batch.prescribed_rate", unit=like.unit)
    return Amount(in_unit(dose.daily_mg, like.unit), like.unit, like.per_24h)


def judge(found: Bounds, given: Amount) -> Check:
    """Within, below or above ``found``, and by how much (percent)."""
    low, high = found.low.value, found.high.value
    value = given.value
    if value > high:
        verdict, deviation = "above", _percent(value, high)
    elif value < low:
        verdict, deviation = "below", _percent(value, low)
    else:
        verdict, deviation = "within", Fraction(0)
    return Check(verdict, given, found.low, found.high, deviation)


def _band(reduction: Reduction) -> tuple[Fraction, Fraction]:
    """The largest and the smallest reduction (percent) a start dose may carry."""
    r = reduction
    if r.reason in ("override", "included"):
        return r.percent, r.percent
    if r.reason == "drug_change":
        return max(r.percent, r.band_high), min(r.percent, r.band_low)
    # a route change of the same drug, or a reason this module does not know yet: the
    # top is never looser than the reduction the conversion itself applied
    return max(r.percent, r.band_high), r.percent


def _percent(given: Fraction, bound: Fraction) -> Fraction | None:
    if bound == 0:
        return None
    value = (given - bound) / bound * 100
    magnitude = Fraction(math.ceil(abs(value) * 10), 10)
    return magnitude if value >= 0 else -magnitude


def show(amount: Amount, lang: str) -> str:
    """:func:`lindring.i18n.show_amount`, with integer arithmetic (it runs per row)."""
    value = amount.value
    unit = UNIT_NAMES[amount.unit][lang]
    per = PER_24H[lang] if amount.per_24h else ""
    return f"{_digits(value.numerator, value.denominator, 2, lang)} {unit}{per}"


def _digits(numerator: int, denominator: int, places: int, lang: str) -> str:
    """Rounded down to ``places`` decimals, no trailing zeros; decimal comma in ``nb``."""
    scale = 10**places
    scaled = numerator * scale // denominator
    sign = "-" if scaled < 0 else ""
    whole, frac = divmod(abs(scaled), scale)
    if frac == 0:
        return f"{sign}{whole}"
    mark = "," if lang == "nb" else "."
    return f"{sign}{whole}{mark}{str(frac).rjust(places, '0').rstrip('0')}"
