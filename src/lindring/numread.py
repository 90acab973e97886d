"""Reading the numbers people and editors write, bounded before anything is built.

Every number lindring reads from text goes through here: a dose (``2,5 mg``), an option
(``--reduce 12,5``, ``--volume 100``, ``--bolus 1/6``), a batch cell and a value in a
table file. The text is matched against a plain pattern first, and its digits are
counted, *before* a :class:`~fractions.Fraction` or an ``int`` is made of it:
``Fraction("1e999999999")`` would build a number with a billion digits, and ``int`` of
5,000 digits raises. So no exponents, no signs, no spaces, and at most
:data:`WHOLE_DIGITS` digits before the decimal sign and :data:`DECIMALS` after it.
"""

from __future__ import annotations

import re
from fractions import Fraction

from lindring.errors import InputError

#: digits before the decimal sign: 999 999 999 is far above any dose, volume or factor
WHOLE_DIGITS = 9
#: digits after it: the table's most precise factor has 4, a dose 3 (``0,125``)
DECIMALS = 6
#: how much of a text a message shows
SHOWN = 60

_DECIMAL = re.compile(r"([0-9]+)(?:([.,])([0-9]+))?")
_RATIO = re.compile(r"([0-9]+)\s*/\s*([0-9]+)")


class NumberError(ValueError):
    """Why ``text`` is not a number lindring reads: its ``reason`` is ``form`` (not a
    plain decimal) or ``digits`` (too many digits)."""

    def __init__(self, reason: str, text: str) -> None:
        super().__init__(f"{reason}: {clip(text)}")
        self.reason = reason
        self.text = text


def clip(text: str, limit: int = SHOWN) -> str:
    """``text`` as a message shows it: at most ``limit`` characters, the rest counted."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text)} characters)"


def decimal(text: str, comma: bool = True) -> Fraction:
    """``"40"``, ``"2.5"`` (and ``"2,5"`` when ``comma``) exactly; :class:`NumberError`
    for anything else or for too many digits."""
    found = _DECIMAL.fullmatch(text)
    if found is None or (found[2] == "," and not comma):
        raise NumberError("form", text)
    whole, fraction = found[1], found[3] or ""
    if len(whole) > WHOLE_DIGITS or len(fraction) > DECIMALS:
        raise NumberError("digits", text)
    return Fraction(int(whole + fraction), 10 ** len(fraction))


def whole(text: str) -> int:
    """Plain digits (``"12"``) as an ``int``; :class:`NumberError` otherwise."""
    value = decimal(text, comma=False)
    if value.denominator != 1 or "." in text:
        raise NumberError("form", text)
    return int(value)


def ratio(text: str) -> Fraction:
    """``"1/6"``: two whole numbers, the second not 0; :class:`NumberError` otherwise."""
    found = _RATIO.fullmatch(text)
    if found is None:
        raise NumberError("form", text)
    top, bottom = whole(found[1]), whole(found[2])
    if bottom == 0:
        raise NumberError("form", text)
    return Fraction(top, bottom)


def percent(text: str | None) -> Fraction | None:
    """``--reduce`` or a batch ``reduce`` cell as an exact percent (``"25"``, ``"12,5"``,
    ``"25 %"``); ``None`` when not given. The range is checked where it is applied."""
    if text is None:
        return None
    cleaned = text.strip().removesuffix("%").strip()
    sign = 1
    if cleaned[:1] in ("-", "\u2212"):  # a number below 0: the range check names the range
        sign, cleaned = -1, cleaned[1:].lstrip()
    try:
        return sign * decimal(cleaned)
    except NumberError:
        raise InputError("reduce_number", text=clip(text)) from None
