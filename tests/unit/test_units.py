"""lindring's unit table agrees with pint, built from the same units.txt."""

from __future__ import annotations

from fractions import Fraction

import pytest

from lindring.errors import UnitError
from lindring.units import mg_per, pint_registry, registry, to_quantity

BASES = {"mass": "gram", "volume": "liter", "time": "hour"}


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
