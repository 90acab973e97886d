"""Patch and several-part properties over the real table."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from lindring.calc.convert import Options, convert
from lindring.calc.request import parse_request
from lindring.table.load import load_tables

from ..conftest import TABLES_DIR

TABLE = load_tables(str(TABLES_DIR))
PATCHES = sorted(
    (key, label, rate)
    for key, drug in TABLE.opioids.items()
    for route, factor in drug.routes.items()
    if factor.patch
    for product in factor.patch.products
    for label, rate in product.strengths
)
OTHER_ROUTES = {
    key: [r for r, f in d.routes.items() if not f.patch] for key, d in TABLE.opioids.items()
}


@given(st.sampled_from(PATCHES), st.data())
def test_a_patch_round_trip_never_rises(
    patch: tuple[str, str, Fraction], data: st.DataObject
) -> None:
    drug, label, rate = patch
    route = data.draw(st.sampled_from(OTHER_ROUTES[drug]))
    there = convert(
        TABLE, parse_request(TABLE, [drug, f"{label}mcg/h", "td", "to", drug, route]), Options()
    )
    assert there.suggested_exact
    unit = TABLE.opioids[drug].unit
    amount = there.suggested_exact.value
    if amount == 0:
        return
    text = f"{float(amount):.6f}"
    back = convert(
        TABLE,
        parse_request(
            TABLE,
            [drug, f"{text}{'mcg' if unit == 'microgram' else 'mg'}/24h", route, "to", drug, "td"],
        ),
        Options(),
    )
    assert back.suggested is not None
    assert back.suggested.value <= rate


PARTS = [
    "oxycodone 10mg po x2",
    "morphine 5mg sc x6",
    "fentanyl 25mcg/h td",
    "hydromorphone 1.3mg po x3 prn",
    "tramadol 50mg po x4",
    "buprenorphine 10mcg/h td",
    "ketobemidone 5mg po x4",
]


@given(st.lists(st.sampled_from(PARTS), min_size=1, max_size=4), st.sampled_from(PARTS))
def test_adding_a_part_never_lowers_the_total(parts: list[str], extra: str) -> None:
    def total(items: list[str]) -> Fraction:
        words: list[str] = []
        for item in items:
            words += [item, "+"]
        result = convert(TABLE, parse_request(TABLE, [*words[:-1], "to", "morphine", "po"]))
        assert result.ome_mg_per_24h is not None
        return result.ome_mg_per_24h

    assert total([*parts, extra]) > total(parts)
