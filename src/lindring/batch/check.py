"""Check mode: a prescribed dose held against the equianalgesic dose and the start the
handbook's reduction supports.

Five verdicts, each with the prescription as a percent of the equianalgesic dose (the
table's point values, before any reduction):

* ``within``: at or below the highest start the handbook's band supports (the
  equianalgesic dose less the band's *smallest* reduction on a change of drug; the
  equianalgesic dose itself on a route change of the same drug; lindring's own start
  when it is higher) and at or above the lowest (less the band's *largest* reduction, or
  lindring's own start when lower);
* ``below``: under the lowest supported start: reported, not flagged;
* ``no_reduction``: on a change of drug, above the supported start but not above the
  equianalgesic dose: no room left for incomplete cross-tolerance, a caution;
* ``above``: over the equianalgesic dose: flagged;
* ``above_sources``: over the high end of the sources' range as well: flagged loudly;
* ``above_maximum``: not above the equianalgesic dose, but above the target drug's
  maximum daily dose (codeine, tramadol, tapentadol): flagged.

A reduction the row chose itself (``reduce``) sets both ends of ``within``. The
deviation is how far outside ``within`` the prescription is, in percent of the nearer
end, rounded away from zero so it is never understated (0 within). This rule is
documented in ``docs/batch.md`` and awaits clinical review like the table.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from lindring.calc.convert import Conversion
from lindring.calc.daily import in_unit
from lindring.calc.dose import DoseExpression
from lindring.calc.start import most_daily
from lindring.errors import InputError
from lindring.i18n import PER_24H, UNIT_NAMES, text
from lindring.model import Amount
from lindring.numbers import format_number

FLAGGED = ("above", "above_sources", "above_maximum")


@dataclass(frozen=True, slots=True)
class Bounds:
    """What a prescription is held against (all in the target's unit): the supported
    starts ``low`` to ``high``, the ``equianalgesic`` dose and the sources' ``top``."""

    low: Amount
    high: Amount
    equianalgesic: Amount
    top: Amount
    drug_change: bool
    maximum: Amount | None = None  # the target drug's maximum daily dose, where it has one


@dataclass(frozen=True, slots=True)
class Check:
    """The verdict on one prescribed dose (amounts in the target's unit)."""

    verdict: str  # "within", "below", "no_reduction", "above", "above_sources", "above_maximum"
    prescribed: Amount
    low: Amount
    high: Amount
    deviation_percent: Fraction | None  # None only when the range end is zero
    percent_of_equianalgesic: Fraction
    equianalgesic: Amount
    maximum: Amount | None = None  # the target drug's maximum daily dose, where it has one

    def text(self, lang: str) -> str:
        percent = abs(self.deviation_percent or Fraction(0))
        of_eq = self.percent_of_equianalgesic
        return text(
            f"batch.verdict_{self.verdict}",
            lang,
            prescribed=show(self.prescribed, lang),
            percent=_digits(percent.numerator, percent.denominator, 2, lang),
            of_eq=_digits(of_eq.numerator, of_eq.denominator, 0, lang),
            low=show(self.low, lang),
            high=show(self.high, lang),
            equianalgesic=show(self.equianalgesic, lang),
            maximum=show(self.maximum, lang) if self.maximum is not None else "",
        )


def check_prescribed(conversion: Conversion, dose: DoseExpression) -> Check | None:
    """The verdict on ``dose`` (a bare dose is the 24-hour total); ``None`` when the
    conversion has no start. :class:`InputError` when a patch is prescribed as a mass."""
    found = bounds(conversion)
    return None if found is None else judge(found, prescribed_amount(dose, found.low))


def bounds(conversion: Conversion) -> Bounds | None:
    """What a prescription is held against (module doc); ``None`` without a start."""
    conv = conversion
    eq, top, reduction = conv.equianalgesic, conv.high, conv.reduction
    low, high, start = conv.start_low, conv.start_high, conv.suggested
    if None in (eq, top, reduction, low, high, start):
        return None
    assert eq and top and reduction and low and high and start
    unit, per_24h = eq.unit, eq.per_24h
    lowest = min(low.value, start.value)
    highest = max(high.value, start.value)
    drug_change = reduction.reason in ("drug_change", "part_drug_change")
    most = most_daily(conv.request.target, conv.request.target_route)
    maximum = None if most is None else Amount(most, unit, per_24h)
    return Bounds(
        Amount(lowest, unit, per_24h),
        Amount(highest, unit, per_24h),
        eq,
        top,
        drug_change,
        maximum,
    )


def prescribed_amount(dose: DoseExpression, like: Amount) -> Amount:
    """``dose`` per 24 h in the unit of ``like``; a patch must be prescribed as a rate."""
    if like.unit.endswith("/h") and dose.basis != "per_hour":
        raise InputError("batch.prescribed_rate", unit=like.unit)
    return Amount(in_unit(dose.daily_mg, like.unit), like.unit, like.per_24h)


def judge(found: Bounds, given: Amount) -> Check:
    """The verdict on ``given`` (module doc) and how far outside ``within`` it is."""
    low, high = found.low.value, found.high.value
    eq, value = found.equianalgesic.value, given.value
    if value > found.top.value and value > eq:
        verdict = "above_sources"
    elif value > eq:
        verdict = "above"
    elif value > high:
        verdict = "no_reduction" if found.drug_change else "above"
    elif value < low:
        verdict = "below"
    else:
        verdict = "within"
    if found.maximum is not None and value > found.maximum.value and verdict not in FLAGGED:
        verdict = "above_maximum"  # within what the working supports, not what the drug allows
    deviation = (
        _percent(value, high) if value > high else _percent(value, low) if value < low else 0
    )
    of_eq = value / eq * 100 if eq else Fraction(0)
    return Check(
        verdict,
        given,
        found.low,
        found.high,
        None if deviation is None else Fraction(deviation),
        of_eq,
        found.equianalgesic,
        found.maximum,
    )


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
    if scaled == 0 and numerator > 0:  # never 0 for a dose above zero
        return format_number(Fraction(numerator, denominator), lang, places)
    sign = "-" if scaled < 0 else ""
    whole, frac = divmod(abs(scaled), scale)
    if frac == 0 or places == 0:
        return f"{sign}{whole}"
    mark = "," if lang == "nb" else "."
    return f"{sign}{whole}{mark}{str(frac).rjust(places, '0').rstrip('0')}"
