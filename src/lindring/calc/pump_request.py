"""Reading what the user asks of the pump: ``morphine 30mg/24h sc --add "midazolam 10mg/24h"``.

The options are read exactly, like doses: ``--concentration 5 mg/ml`` (or ``5``),
``--volume 100`` (or ``100 ml``), ``--bolus 1/6``, ``--days 3`` (1 or more); their
numbers go through :mod:`lindring.numread`, never to a general parser.
"""

from __future__ import annotations

import re
from fractions import Fraction

from lindring.calc.dose import parse_dose
from lindring.calc.pump import PumpRequest
from lindring.calc.request import parse_part
from lindring.errors import InputError
from lindring.model import Adjuvant, Tables
from lindring.names import drug_spellings
from lindring.names_norm import normalize_name
from lindring.numread import NumberError, clip, decimal, whole

_NUMBER = r"([0-9]+(?:[.,][0-9]+)?)"
_CONCENTRATION = re.compile(rf"{_NUMBER}\s*(?:mg\s*/\s*ml)?", re.IGNORECASE)
_VOLUME = re.compile(rf"{_NUMBER}\s*(?:ml)?", re.IGNORECASE)
_FRACTION = re.compile(r"1\s*/\s*([0-9]+)")


def parse_pump(
    tables: Tables,
    words: list[str],
    adds: list[str] | None = None,
    days: int | None = None,
    volume: str | None = None,
    concentration: str | None = None,
    bolus: str | None = None,
) -> PumpRequest:
    """A :class:`PumpRequest` from the command's words and options."""
    part = parse_part(tables, [t for w in words for t in w.split()])
    if part.dose.prn:
        raise InputError("pump_dose", text=part.dose.text)
    if days is not None and days < 1:
        raise InputError("pump_option_days", days=days)
    adjuvants = tuple(_adjuvant(tables, text) for text in adds or [])
    return PumpRequest(
        part.drug,
        part.route,
        part.dose.daily_mg,
        adjuvants,
        days,
        _number(_VOLUME, volume, "volume"),
        _number(_CONCENTRATION, concentration, "concentration"),
        _fraction(bolus),
    )


def _adjuvant(tables: Tables, text: str) -> tuple[Adjuvant, Fraction]:
    words = text.split()
    if len(words) < 2:
        raise InputError("pump_add", text=text)
    pump = tables.pump
    adjuvants = pump.adjuvants if pump else {}
    by_name = {normalize_name(n): a for a in adjuvants.values() for n in drug_spellings(a)}
    found = by_name.get(normalize_name(words[0]))
    if found is None:
        names = ", ".join(a.name.en for a in adjuvants.values())
        raise InputError("pump_unknown_drug", name=words[0], names=names)
    dose = parse_dose(" ".join(words[1:]))
    if dose.prn:
        raise InputError("pump_add", text=text)
    return found, dose.daily_mg


def _number(pattern: re.Pattern[str], text: str | None, what: str) -> Fraction | None:
    if text is None:
        return None
    match = pattern.fullmatch(text.strip())
    try:
        value = decimal(match.group(1)) if match else Fraction(0)
    except NumberError:
        value = Fraction(0)
    if value <= 0:
        raise InputError(f"pump_option_{what}", text=clip(text))
    return value


def _fraction(text: str | None) -> Fraction | None:
    if text is None:
        return None
    match = _FRACTION.fullmatch(text.strip())
    try:
        below = whole(match.group(1)) if match else 0
    except NumberError:
        below = 0
    if below == 0:
        raise InputError("pump_option_bolus", text=clip(text))
    return Fraction(1, below)
