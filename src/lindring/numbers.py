"""Exact numbers and how doses are shown.

All arithmetic is done on :class:`fractions.Fraction`. Only shown values are rounded,
and always *down* (towards the lower dose): a printed dose must never err high.
Printed numbers never carry a trailing zero (``5``, not ``5.0``), always carry a
leading zero (``0.5``, not ``.5``), never use an exponent, and use a decimal comma
in Norwegian.
"""

from __future__ import annotations

import math
from fractions import Fraction

#: How many decimals an informational (unrounded) value is shown with.
SHOWN_PLACES = 2


def floor_to_step(value: Fraction, step: Fraction) -> Fraction:
    """Round ``value`` down to a whole multiple of ``step`` (never up)."""
    if step <= 0:
        raise ValueError("step must be positive")
    # floor(value / step) with integers only: Fraction division is slow on hot paths
    whole = (value.numerator * step.denominator) // (value.denominator * step.numerator)
    return whole * step


def floor_places(value: Fraction, places: int = SHOWN_PLACES) -> Fraction:
    """Round ``value`` down to ``places`` decimals."""
    scale = 10**places
    return Fraction(math.floor(value * scale), scale)


def to_decimal_str(value: Fraction, places: int = SHOWN_PLACES) -> str:
    """``value`` rounded down to ``places`` decimals, as plain digits with a point.

    >>> to_decimal_str(Fraction(40, 3))
    '13.33'
    >>> to_decimal_str(Fraction(5))
    '5'
    >>> to_decimal_str(Fraction(1, 2))
    '0.5'
    """
    floored = floor_places(value, places)
    sign = "-" if floored < 0 else ""
    scaled = abs(floored) * 10**places
    whole, frac = divmod(int(scaled), 10**places)
    if frac == 0 or places == 0:
        return f"{sign}{whole}"
    digits = str(frac).rjust(places, "0").rstrip("0")
    return f"{sign}{whole}.{digits}"


#: The most decimals a small value above zero is shown with; below this it is shown as
#: ``<0.000001`` (a dose that small is a slip of the unit, and the warnings say so).
SMALL_PLACES = 6


def format_number(value: Fraction, lang: str, places: int = SHOWN_PLACES) -> str:
    """A number for people: rounded down, no trailing zeros, decimal comma in ``nb``.

    A value above zero is never shown as ``0``: where ``places`` decimals would round it
    to nothing, it gets the decimals its first digit needs (still rounded down).

    >>> format_number(Fraction(1, 1000), "nb")
    '0,001'
    """
    text = to_decimal_str(value, places)
    if text == "0" and value > 0:
        text = _small(value, places)
    return text.replace(".", ",") if lang == "nb" else text


def _small(value: Fraction, places: int) -> str:
    """A value above zero too small for ``places`` decimals, with the decimals its first
    digit needs (at most :data:`SMALL_PLACES`), rounded down."""
    for more in range(places + 1, SMALL_PLACES + 1):
        text = to_decimal_str(value, more)
        if text != "0":
            return text
    return f"<{to_decimal_str(Fraction(1, 10**SMALL_PLACES), SMALL_PLACES)}"


def json_number(value: Fraction, places: int = 4) -> int | float:
    """A number for ``--json``: an int when whole, else rounded down to ``places``."""
    floored = floor_places(value, places)
    if floored.denominator == 1:
        return int(floored)
    return float(to_decimal_str(floored, places))
