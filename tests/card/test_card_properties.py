"""Properties of the chart for any daily dose of oral morphine, not only the layout's."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lindring.card import content as card
from lindring.card import layout as card_layout
from lindring.model import Tables

from ..conftest import TABLES_DIR

SHIPPED = card_layout.load_layout(TABLES_DIR / card_layout.LAYOUT_FILE, None)


@settings(max_examples=40)
@given(st.lists(st.integers(1, 600), min_size=2, max_size=4, unique=True).map(sorted))
def test_cells_follow_the_calculator_and_rise_with_the_dose(
    tables: Tables, doses: list[int]
) -> None:
    layout = card_layout.Layout(SHIPPED.source, tuple(doses), SHIPPED.columns)
    built = card.build(tables, layout, "nb")
    for index, col in enumerate(built.columns):
        cells = [row.cells[index] for row in built.rows]
        for dose, cell in zip(doses, cells, strict=True):
            conv = card.convert_cell(tables, layout, dose, col.drug, col.route)
            assert conv is not None
            assert (cell.equianalgesic, cell.start) == (conv.equianalgesic, conv.suggested)
            if cell.start is not None and cell.equianalgesic is not None:
                assert cell.start.value <= cell.equianalgesic.value
        eqs = [c.equianalgesic.value for c in cells if c.equianalgesic is not None]
        assert eqs == sorted(eqs), (col, doses)
