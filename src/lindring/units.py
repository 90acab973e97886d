"""lindring's own small unit registry, read from ``units.txt``.

The hot path (every ``convert``) needs a handful of exact factors (mg, g, microgram,
hour, day). Those are read from ``units.txt`` into exact :class:`Fraction` factors by
:func:`unit`, which costs well under a millisecond. The file is written in pint's
definition syntax, so the tests build a pint registry from it as the independent oracle
for every factor here (``tests/unit/test_units.py``); lindring itself never imports pint
(a test dependency only). User text is read by ``calc/dose.py``'s own grammar.
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache
from pathlib import Path

from lindring.errors import UnitError
from lindring.records import record

UNITS_FILE = "units.txt"


@record
class Unit:
    """A unit: its canonical name, its dimension and its exact size in base units."""

    name: str
    dimension: str
    factor: Fraction


def _definitions_text() -> str:
    return Path(__file__).with_name(UNITS_FILE).read_text(encoding="utf-8")


@cache
def registry() -> dict[str, Unit]:
    """Every accepted spelling mapped to its :class:`Unit`."""
    units: dict[str, Unit] = {}
    for raw in _definitions_text().splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        name, definition, *aliases = (part.strip() for part in line.split("="))
        if definition.startswith("["):
            unit = Unit(name, definition.strip("[]"), Fraction(1))
        else:
            factor_text, base = (part.strip() for part in definition.split("*"))
            base_unit = units[base]
            unit = Unit(name, base_unit.dimension, Fraction(factor_text) * base_unit.factor)
        for spelling in (name, *aliases):
            units[spelling] = unit
    return units


def unit(spelling: str) -> Unit:
    """The unit for ``spelling``; :class:`UnitError` when lindring does not accept it."""
    try:
        return registry()[spelling]
    except KeyError:
        raise UnitError("unknown_unit", unit=spelling, accepted=accepted("mass")) from None


def accepted(dimension: str) -> str:
    """The accepted spellings of a dimension, for error messages."""
    return ", ".join(s for s, u in registry().items() if u.dimension == dimension)


@cache
@cache
def mg_per(spelling: str) -> Fraction:
    """How many mg one ``spelling`` is (``microgram`` -> 1/1000); kept per spelling."""
    found = unit(spelling)
    if found.dimension != "mass":
        raise UnitError(
            "wrong_dimension", unit=spelling, expected="mass", accepted=accepted("mass")
        )
    return found.factor / registry()["mg"].factor
