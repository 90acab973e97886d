"""lindring's own small unit registry, read from ``units.txt``.

The hot path (every ``convert``) needs a handful of exact factors (mg, g, microgram,
hour, day). Those are read from ``units.txt`` into exact :class:`Fraction` factors by
:func:`unit`, which costs well under a millisecond. The same file builds a pint registry
on demand (:func:`pint_registry`, :func:`to_quantity`): pint is the independent oracle
for every factor here (``tests/unit/test_units.py``) and the type library users get
quantities in. pint itself (~110-240 ms to import) is kept off the start-up path.
User text is never handed to pint's parser: ``dose.py`` reads it with its own grammar.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any

from lindring.errors import UnitError

UNITS_FILE = "units.txt"


@dataclass(frozen=True)
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
def mg_per(spelling: str) -> Fraction:
    """How many mg one ``spelling`` is (``microgram`` -> 1/1000); kept per spelling."""
    found = unit(spelling)
    if found.dimension != "mass":
        raise UnitError(
            "wrong_dimension", unit=spelling, expected="mass", accepted=accepted("mass")
        )
    return found.factor / registry()["mg"].factor


@cache
def pint_registry() -> Any:
    """A pint registry built from ``units.txt`` alone (imports pint on first use)."""
    import pint

    ureg: Any = pint.UnitRegistry(None, non_int_type=Fraction)
    ureg.load_definitions(_definitions_text().splitlines())
    return ureg


def to_quantity(value: Fraction, spelling: str) -> Any:
    """An exact pint quantity for ``value`` in ``spelling`` (a name from ``units.txt``)."""
    unit(spelling)
    return pint_registry().Quantity(value, registry()[spelling].name)
