"""Pump plans never deliver more than asked, and their volumes add up."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import assume, given
from hypothesis import strategies as st

from lindring.calc.pump import PumpRequest, plan
from lindring.errors import InputError
from lindring.table.load import load_tables

from ..conftest import TABLES_DIR

TABLE = load_tables(str(TABLES_DIR))
assert TABLE.pump
OPIOIDS = sorted(TABLE.pump.ampoules)
ADJUVANTS = sorted(TABLE.pump.adjuvants)


@given(
    st.sampled_from(OPIOIDS),
    st.fractions(min_value=Fraction(1), max_value=Fraction(300), max_denominator=10),
    st.lists(
        st.tuples(
            st.sampled_from(ADJUVANTS),
            st.fractions(min_value=Fraction(1, 5), max_value=Fraction(30), max_denominator=10),
        ),
        max_size=2,
        unique_by=lambda t: t[0],
    ),
    st.integers(min_value=1, max_value=7),
    st.sampled_from([None, Fraction(50), Fraction(100)]),
)
def test_volume_times_concentration_is_the_amount(
    key: str, daily: Fraction, adds: list[tuple[str, Fraction]], days: int, volume: Fraction | None
) -> None:
    assert TABLE.pump
    adjuvants = tuple((TABLE.pump.adjuvants[k], d) for k, d in adds)
    request = PumpRequest(TABLE.opioids[key], "sc", daily, adjuvants, days, volume)
    try:
        result = plan(TABLE, request)
    except InputError:
        assume(False)
        return
    assert result.fill_ml == result.rate_ml_per_h * 24 * result.days
    assert result.fill_ml <= (volume or TABLE.pump.rules.volume_ml)
    assert sum(d.drawn_ml for d in result.drugs) + result.diluent_ml == result.fill_ml
    assert result.diluent_ml >= 0
    for drug in result.drugs:
        assert drug.drawn_ml * drug.stock.mg_per_ml == drug.amount_mg
        assert drug.concentration * result.fill_ml == drug.amount_mg
        assert drug.delivered_mg_per_24h <= drug.daily_mg  # never more than asked
    assert result.bolus_mg <= daily * result.bolus_fraction
