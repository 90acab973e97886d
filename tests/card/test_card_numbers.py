"""Every number on the card is the calculator's: the same conversion, rounded and shown
as ``lindring convert`` shows it, for every row and column."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from lindring.calc.convert import Options, convert
from lindring.calc.request import parse_request
from lindring.card import content as card
from lindring.card import layout as card_layout
from lindring.model import Tables
from lindring.numbers import format_number

from ..conftest import TABLES_DIR, Run

LAYOUT = TABLES_DIR / card_layout.LAYOUT_FILE


@pytest.fixture(scope="module")
def layout(tables: Tables) -> card_layout.Layout:
    return card_layout.load_layout(LAYOUT, tables)


@pytest.fixture(scope="module")
def built(tables: Tables, layout: card_layout.Layout) -> card.Card:
    return card.build(tables, layout, "en")


def test_the_chart_has_every_row_and_column_of_the_layout(
    built: card.Card, layout: card_layout.Layout
) -> None:
    assert [int(r.dose.value) for r in built.rows] == list(layout.doses)
    assert [(c.drug, c.route) for c in built.columns] == list(layout.columns)
    assert len(layout.doses) == 7 and len(layout.columns) == 9


def test_every_cell_equals_convert(
    tables: Tables, built: card.Card, layout: card_layout.Layout
) -> None:
    for row in built.rows:
        for col, cell in zip(built.columns, row.cells, strict=True):
            words = f"morphine {row.dose.value}mg/24h po to {col.drug} {col.route}".split()
            conv = convert(tables, parse_request(tables, words), Options())
            assert cell.equianalgesic == conv.equianalgesic, (row.dose, col)
            assert cell.start == conv.suggested, (row.dose, col)
            assert (cell.start is None) == (conv.refusal is not None), (row.dose, col)
            if cell.start is None:
                assert conv.refusal is not None and cell.reason == conv.refusal.code
                assert cell.mark and cell.shown("en")[1] == card.DASH


def test_every_printed_number_equals_the_command_line(run: Run, built: card.Card) -> None:
    """The strings printed on the card are what `lindring convert --json` gives, rounded
    down to the two decimals that the text output shows."""
    for row in built.rows:
        dose = format_number(row.dose.value, "en")
        for col, cell in zip(built.columns, row.cells, strict=True):
            result = run(
                "convert", "morphine", f"{dose}mg/24h", "po", "to", col.drug, col.route, "--json"
            )
            target = json.loads(result.stdout)["target"]
            eq, start = cell.shown("en")
            assert eq == _shown(target["equianalgesic_daily_dose"]), (dose, col)
            assert start == _shown(target["suggested_daily_dose"]), (dose, col)
            assert result.exit_code == (0 if start != card.DASH else 3), (dose, col)


def _shown(amount: dict[str, object] | None) -> str:
    if amount is None:
        return card.DASH
    return format_number(Fraction(str(amount["value"])), "en")


@pytest.mark.parametrize(
    ("dose", "drug", "route", "expected"),
    [
        # Helsedirektoratet, Konvertering av opioiddoser (OMEQ table): fentanyl patch
        # 25 microgram/h is 60 mg oral morphine a day; oral oxycodone 1 mg is 1.5 mg.
        (60, "fentanyl", "td", "25"),
        (60, "oxycodone", "po", "40"),
        # Durogesic SPC table 1: parenteral morphine is three times as potent as oral.
        (90, "morphine", "sc", "30"),
    ],
)
def test_published_equivalents(
    built: card.Card, dose: int, drug: str, route: str, expected: str
) -> None:
    row = next(r for r in built.rows if r.dose.value == dose)
    index = next(i for i, c in enumerate(built.columns) if (c.drug, c.route) == (drug, route))
    assert row.cells[index].shown("en")[0] == expected


def test_a_start_is_never_above_the_equianalgesic_dose(built: card.Card) -> None:
    for row in built.rows:
        for cell in row.cells:
            if cell.start is not None and cell.equianalgesic is not None:
                assert cell.start.value <= cell.equianalgesic.value


def test_norwegian_numbers_use_a_decimal_comma(tables: Tables, layout: card_layout.Layout) -> None:
    nb = card.texts(card.build(tables, layout, "nb"))
    printed = [v for row in nb["rows"] for cell in row["cells"] for v in cell[:2]]  # type: ignore[index]
    assert "12,5" in printed and "12.5" not in printed


def test_a_refusal_has_a_footnote_in_the_card_language(built: card.Card) -> None:
    marks = {c.mark for r in built.rows for c in r.cells if c.mark}
    assert marks == {mark for mark, _ in built.notes}
    assert all(note and not note.startswith("card.") for _, note in built.notes)
