"""Reading a dose expression with lindring's own strict grammar.

Accepted (spaces optional between number and unit; docs/dose-input.md)::

    40mg   40 mg   2,5 mg   2.5mg   100 mcg   100 µg   0.1 g
    20mg x2   2x20mg   2 x 20 mg   20mg 2x   20 mg bid   20 mg od   10 mg q4h
    10 mg hver 4. time   20 mg 3 ganger daglig   20mg/12h   20 mg 1+0+1
    30 mg morgen og kveld   10 mg morgen, middag og kveld
    40 mg/24h   40 mg/døgn   40 mg daglig
    25 mcg/h (a rate: patches, pumps)   5 mg x3 prn, 5 mg x3 v.b. (breakthrough doses taken)

A bare dose is the 24-hour total. Anything else is refused with a message that shows
what is accepted: signs, exponents, operators, spaces or thousands separators inside a
number, and numbers that read differently in Norwegian and English (``1,000``,
``2.500``). The number is read exactly; the unit is looked up in ``units.txt``. User
text never reaches pint's expression parser (which reads ``2,5 mg`` as 25 mg).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from fractions import Fraction

from lindring.errors import DoseError, LindringError
from lindring.numread import DECIMALS, WHOLE_DIGITS, NumberError, decimal
from lindring.records import record
from lindring.units import mg_per

MAX_LENGTH = 60

_PRE = r"(?:(?P<pre>[0-9]+)\s*[x×]\s*)?"  # 2x20mg, 2 x 20 mg
_NUMBER = r"(?P<num>[0-9]+(?:[.,][0-9]+)?)"
_UNIT = r"(?P<unit>[^\W\d_]+)"
_PER_DAY = (
    r"(?P<perday>/\s*(?:24\s*(?:h|t|timer)|døgn|døgnet|d|dag|day)"
    r"|daglig|per\s+døgn|i\s+døgnet|daily)"
)
_PER_N = r"/\s*(?P<pern>[0-9]+)\s*(?:h|t|timer)"  # 20mg/12h: one dose every 12 hours
_PER_HOUR = r"(?P<perhour>/\s*(?:h|t|time|hr|hour))"
_TIMES = (
    r"(?:[x×]\s*(?P<times>[0-9]+)"  # x2
    r"|(?P<post>[0-9]+)\s*[x×](?![^\W\d_])"  # 2x
    r"|(?P<word>bid|tid|qid|od|qd)"
    r"|q\s*(?P<every>[0-9]+)\s*(?:h|t)"  # q4h
    r"|hver\s+(?P<hver>[0-9]+)\.?\s*(?:time|t|h)"  # hver 4. time
    r"|(?P<ganger>[0-9]+)\s*(?:ganger|gang|times)\s*"
    r"(?:daglig|per\s+døgn|i\s+døgnet|om\s+dagen|a\s+day|daily|per\s+day)"
    r"|(?P<sched>[0-9](?:\s*\+\s*[0-9]){1,5})"  # 1+0+1: doses at the times of day
    r"|(?P<daypart>morgen\s+og\s+kveld|morgen,?\s+middag\s+og\s+kveld"
    r"|morning\s+and\s+evening))"  # as a chart writes twice or three times a day
)
_PRN = r"(?P<prn>prn|ved\s+behov|v\.\s*b\.?)"
_GRAMMAR = re.compile(
    rf"{_PRE}{_NUMBER}\s*{_UNIT}\s*(?:{_PER_DAY}|{_PER_N}|{_PER_HOUR}|{_TIMES})?\s*{_PRN}?",
    re.IGNORECASE,
)
_FREQUENCY_GROUPS: tuple[str, ...] = ("perday", "pern", "perhour", "times", "post", "word")
_FREQUENCY_GROUPS += ("every", "hver", "ganger", "sched", "daypart")
_WORD_TIMES = {"bid": 2, "tid": 3, "qid": 4, "od": 1, "qd": 1}
_AMBIGUOUS = re.compile(r"[1-9][0-9]{0,2}[.,][0-9]{3}")
_SCHEDULE = re.compile(r"[0-9](?:\s*\+\s*[0-9]){1,5}")
_HEAD = re.compile(rf"{_PRE}{_NUMBER}\s*{_UNIT}", re.IGNORECASE)
# what may follow a dose, for "nearest accepted form"
FORMS = (
    "x2",
    "2x",
    "bid",
    "tid",
    "qid",
    "od",
    "q4h",
    "/24h",
    "/12h",
    "/døgn",
    "/h",
    "daglig",
    "hver 4. time",
    "3 ganger daglig",
    "1+0+1",
    "morgen og kveld",
    "morgen, middag og kveld",
    "x3 prn",
    "x3 ved behov",
)
#: the same without the doses as needed (suggested only for a text that speaks of them)
REGULAR_FORMS = tuple(f for f in FORMS if "prn" not in f and "behov" not in f)


@record
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
    times, basis = _frequency(match, text)
    prn = bool(match["prn"])
    counted = match["times"] or match["post"] or match["pre"] or match["ganger"]
    if prn and not counted:  # a count of doses taken (x3), not an interval (q4h)
        raise DoseError("dose_prn", text=text)
    return DoseExpression(text, number, unit, number * factor, times, basis, prn)


def _frequency(match: re.Match[str], text: str) -> tuple[int | None, str]:
    """The number of doses in 24 hours (``None`` for a total or a rate) and the basis."""
    found = [name for name in _FREQUENCY_GROUPS if match[name]]
    if match["pre"] and found:
        raise DoseError("dose_two_frequencies", text=text)
    if match["pre"]:
        found = ["pre"]
    if not found:
        return None, "bare"
    name = found[0]
    value = match[name]
    if name == "perday":
        return None, "per_24h"
    if name == "perhour":
        return None, "per_hour"
    if name == "word":
        return _WORD_TIMES[value.lower()], "times"
    if name == "daypart":  # morning and evening; morning, midday and evening
        return (3 if "middag" in value.lower() else 2), "times"
    if name == "sched":
        times = sum(int(d) for d in re.findall(r"[0-9]", value))
        if times == 0:
            raise DoseError("dose_times", text=text)
        return times, "times"
    if name in ("pern", "every", "hver"):
        every = int(value)
        if every == 0 or 24 % every:
            raise DoseError("dose_interval", text=text)
        return 24 // every, "times"
    times = int(value)
    if not 1 <= times <= 24:
        raise DoseError("dose_times", text=text)
    return times, "times"


def _explain(text: str) -> DoseError:
    """The most specific reason ``text`` is not a dose, naming the part not understood."""
    if re.match(r"^[-+]", text):
        return DoseError("dose_sign", text=text)
    if re.match(r"^[.,][0-9]", text):
        return DoseError("dose_leading_zero", text=text)
    if _SCHEDULE.fullmatch(text):
        return DoseError("dose_schedule_strength", text=text)
    if re.fullmatch(r"[0-9.,]+", text):
        return DoseError("dose_no_unit", text=text)
    if re.search(r"[0-9][eE][-+]?[0-9]", text) or re.search(r"[*+^/]{1}\s*[0-9]", text):
        return DoseError("dose_operator", text=text)
    head = _HEAD.match(text)
    if head is not None and _is_unit(head["unit"]):
        rest = text[head.end() :].strip()
        as_needed = re.search(r"prn|b\w{0,2}hov|v\.\s*b", rest, re.IGNORECASE)
        forms = FORMS if as_needed else REGULAR_FORMS
        nearest = difflib.get_close_matches(rest.lower(), forms, n=1, cutoff=0) or [FORMS[0]]
        example = f"{head['num']} {head['unit']} {nearest[0]}"
        return DoseError("dose_part", text=text, part=rest, example=example)
    if re.search(r"[0-9]\s+[0-9]", text):
        return DoseError("dose_space_in_number", text=text)
    return DoseError("dose_unreadable", text=text)


def _is_unit(unit: str) -> bool:
    try:
        mg_per(unit)
    except LindringError:
        return False
    return True
