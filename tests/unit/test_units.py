"""lindring's unit table agrees with pint, built from the same units.txt (pint is a test
dependency: lindring itself reads units.txt with its own small parser)."""

from __future__ import annotations

from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import lindring.units
from lindring.errors import UnitError
from lindring.units import UNITS_FILE, mg_per, registry, unit

BASES = {"mass": "gram", "volume": "liter", "time": "hour"}


@cache
def pint_registry() -> Any:
    """A pint registry built from ``units.txt`` alone."""
    import pint

    ureg: Any = pint.UnitRegistry(None, non_int_type=Fraction)
    text = Path(lindring.units.__file__).with_name(UNITS_FILE).read_text(encoding="utf-8")
    ureg.load_definitions(text.splitlines())
    return ureg


def to_quantity(value: Fraction, spelling: str) -> Any:
    """An exact pint quantity for ``value`` in ``spelling`` (a name from ``units.txt``)."""
    unit(spelling)
    return pint_registry().Quantity(value, registry()[spelling].name)


@pytest.mark.parametrize("spelling", sorted(registry()))
def test_every_spelling_agrees_with_pint(spelling: str) -> None:
    unit = registry()[spelling]
    quantity = to_quantity(Fraction(1), spelling).to(BASES[unit.dimension])
    assert Fraction(quantity.magnitude) == unit.factor


def test_known_factors() -> None:
    assert mg_per("microgram") == Fraction(1, 1000)
    assert mg_per("g") == 1000
    assert to_quantity(Fraction(25), "µg").to("mg").magnitude == Fraction(1, 40)
    assert pint_registry().Quantity(Fraction(1), "døgn").to("h").magnitude == 24


@pytest.mark.parametrize("spelling", ["Mg", "MG", "mgs", "tablet", "cc"])
def test_unknown_spellings(spelling: str) -> None:
    with pytest.raises(UnitError):
        mg_per(spelling)


def test_a_volume_is_not_a_dose() -> None:
    with pytest.raises(UnitError) as caught:
        mg_per("ml")
    assert caught.value.code == "wrong_dimension"
