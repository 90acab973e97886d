"""Reading a dose expression with lindring's own strict grammar.

Accepted (spaces optional between number and unit)::

    40mg   40 mg   2,5 mg   2.5mg   100 mcg   100 µg   0.1 g
    20mg x2   20 mg bid   10 mg q4h   40 mg/24h   40 mg/døgn
    25 mcg/h (a rate: patches, pumps)   5 mg x3 prn (breakthrough doses taken)

A bare dose is the 24-hour total. Anything else is refused with a message that shows
what is accepted: signs, exponents, operators, spaces or thousands separators inside a
number, and numbers that read differently in Norwegian and English (``1,000``,
``2.500``). The number is read exactly; the unit is looked up in ``units.txt``. User
text never reaches pint's expression parser (which reads ``2,5 mg`` as 25 mg).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from fractions import Fraction

from lindring.errors import DoseError
from lindring.numread import DECIMALS, WHOLE_DIGITS, NumberError, decimal
from lindring.units import mg_per

MAX_LENGTH = 60

_NUMBER = r"(?P<num>[0-9]+(?:[.,][0-9]+)?)"
_UNIT = r"(?P<unit>[^\W\d_]+)"
_PER_DAY = r"(?P<perday>/\s*(?:24\s*(?:h|t|timer)|døgn|døgnet|d|dag|day))"
_PER_HOUR = r"(?P<perhour>/\s*(?:h|t|time|hr|hour))"
_TIMES = r"(?:[x×]\s*(?P<times>[0-9]+)|(?P<word>bid|tid|qid)|q\s*(?P<every>[0-9]+)\s*(?:h|t))"
_GRAMMAR = re.compile(
    rf"{_NUMBER}\s*{_UNIT}\s*(?:{_PER_DAY}|{_PER_HOUR}|{_TIMES})?\s*(?P<prn>prn|ved behov|v\.b\.)?",
    re.IGNORECASE,
)
_WORD_TIMES = {"bid": 2, "tid": 3, "qid": 4}
_AMBIGUOUS = re.compile(r"[1-9][0-9]{0,2}[.,][0-9]{3}")


@dataclass(frozen=True)
class DoseExpression:
    """A dose as written, read exactly.

    ``amount_mg`` is one dose (the daily total when ``basis`` is ``bare`` or
    ``per_24h``, the hourly rate when it is ``per_hour``); ``daily_mg`` is the 24-hour
    total; ``basis`` says how that total was found: ``bare`` (no frequency: taken as
    the 24-hour total), ``per_24h``, ``per_hour`` (a rate, as for patches and pumps) or
    ``times``. ``prn`` marks breakthrough doses actually taken (``x3 prn``).
    """

    text: str
    number: Fraction
    unit: str
    amount_mg: Fraction
    times: int | None
    basis: str
    prn: bool = False

    @property
    def daily_mg(self) -> Fraction:
        if self.basis == "per_hour":
            return self.amount_mg * 24
        return self.amount_mg * (self.times or 1)


def normalize(text: str) -> str:
    """NFKC (full-width digits, µ/μ), the minus sign U+2212 as '-', no outer space."""
    text = unicodedata.normalize("NFKC", text).replace("\u2212", "-")
    # "mgx2" -> "mg x2": a frequency written straight after the unit
    return re.sub(r"(?<=[^\W\d_])(?=[x×]\s*[0-9])", " ", text).strip()


def parse_dose(raw: str) -> DoseExpression:
    """Read ``raw`` (e.g. ``"20 mg x2"``); :class:`DoseError` explains any problem."""
    if len(raw) > MAX_LENGTH:
        raise DoseError("dose_too_long", limit=MAX_LENGTH)
    text = normalize(raw)
    if not text:
        raise DoseError("dose_missing")
    match = _GRAMMAR.fullmatch(text)
    if match is None:
        raise _explain(text)
    number_text = match["num"]
    if _AMBIGUOUS.fullmatch(number_text):
        raise DoseError("dose_ambiguous", number=number_text)
    try:
        number = decimal(number_text)
    except NumberError:
        raise DoseError("dose_digits", text=text, digits=WHOLE_DIGITS, decimals=DECIMALS) from None
    if number == 0:
        raise DoseError("dose_zero", text=text)
    unit = match["unit"]
    factor = mg_per(unit)
    times: int | None = None
    basis = "bare"
    if match["perday"]:
        basis = "per_24h"
    elif match["perhour"]:
        basis = "per_hour"
    elif match["times"]:
        times = int(match["times"])
        basis = "times"
        if not 1 <= times <= 24:
            raise DoseError("dose_times", text=text)
    elif match["word"]:
        times = _WORD_TIMES[match["word"].lower()]
        basis = "times"
    elif match["every"]:
        every = int(match["every"])
        if every == 0 or 24 % every:
            raise DoseError("dose_interval", text=text)
        times = 24 // every
        basis = "times"
    prn = bool(match["prn"])
    if prn and not match["times"]:  # a count of doses taken (x3), not an interval (q4h)
        raise DoseError("dose_prn", text=text)
    return DoseExpression(text, number, unit, number * factor, times, basis, prn)


def _explain(text: str) -> DoseError:
    """The most specific reason ``text`` is not a dose."""
    if re.match(r"^[-+]", text):
        return DoseError("dose_sign", text=text)
    if re.match(r"^[.,][0-9]", text):
        return DoseError("dose_leading_zero", text=text)
    if re.fullmatch(r"[0-9.,]+", text):
        return DoseError("dose_no_unit", text=text)
    if re.search(r"[0-9]\s+[0-9]", text):
        return DoseError("dose_space_in_number", text=text)
    if re.search(r"[0-9][eE][-+]?[0-9]", text) or re.search(r"[*+^/]{1}\s*[0-9]", text):
        return DoseError("dose_operator", text=text)
    return DoseError("dose_unreadable", text=text)
