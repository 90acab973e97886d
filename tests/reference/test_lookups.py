"""Published patch tables used instead of a linear factor (``lookup``), each against the
table's own rows: a band table (PMC4377521 Table 1, rotation column, read one way) and
a table that is not one straight line (Region Uppsala 2020, read with linear
interpolation). Fixture profiles: ``tests/reference/profiles/``."""

from __future__ import annotations

from fractions import Fraction
from functools import cache

import pytest

from lindring.calc.convert import convert
from lindring.calc.lookups import ome_of, rate_of
from lindring.calc.request import parse_request
from lindring.errors import RefusedError, TableError
from lindring.model import Lookup, Tables
from lindring.table.profiles import base_document, parse_profile

from ..conftest import REPO, TABLES_DIR


@cache
def table(name: str) -> Tables:
    path = REPO / "tests" / "reference" / "profiles" / f"{name}.yaml"
    text = path.read_text(encoding="utf-8")
    return parse_profile(text, name, base_document(str(TABLES_DIR)), name).tables


def run(name: str, line: str):  # type: ignore[no-untyped-def]
    tables = table(name)
    return convert(tables, parse_request(tables, line.split()))


@pytest.mark.parametrize(
    ("ome", "rate"),
    [(30, 12), (44, 12), (45, 25), (100, 25), (134, 25), (135, 50), (200, 50), (224, 50)],
)
def test_band_table_gives_the_band_s_patch(ome: int, rate: int) -> None:
    """PMC4377521 Table 1, rotation column: below 45 mg -> 12.5, 45-134 -> 25, 135-224
    -> 50 microgram/h. The column already carries the margin for a change of drug, so
    nothing more is taken off (target_reduction: false)."""
    result = run("pmc-rotation", f"morphine {ome}mg po to fentanyl td")
    assert result.refusal is None and result.patch is not None
    label = "12" if rate == 12 else str(rate)
    assert result.patch.labels == (label,)


def test_band_table_reads_one_way_and_ends_where_it_ends() -> None:
    with pytest.raises(RefusedError):  # a band table is for a change to the patch only
        parse_request(table("pmc-rotation"), ["fentanyl", "25mcg/h", "td", "to", "morphine", "po"])
    beyond = run("pmc-rotation", "morphine 500mg po to fentanyl td")  # last band: 315-404
    assert beyond.refusal is not None and beyond.refusal.code == "lookup_outside"
    assert "not extended beyond its own rows" in beyond.refusal.text("en")


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_dose_outside_the_lookup_is_refused_in_json_with_where_to_turn(lang: str) -> None:
    from lindring.output.json import conversion_dict

    from ..output_schemas import assert_matches_schema

    data = conversion_dict(run("pmc-rotation", "morphine 500mg po to fentanyl td"), lang)
    refused = data["refused"]
    assert refused["code"] == "lookup_outside" and refused["sources"]
    assert refused["where"] and refused["where"] != "where.lookup_outside"
    assert ("standardprofilen" if lang == "nb" else "default profile") in refused["where"]
    assert data["target"]["suggested_daily_dose"] is None
    assert_matches_schema("convert", data)


@pytest.mark.parametrize(
    ("rate", "ome"),
    [("12", 30), ("25", 60), ("50", 90), ("75", 150), ("100", 210), ("300", 750)],
)
def test_uppsala_rows(rate: str, ome: int) -> None:
    """Region Uppsala 2020: 12 microgram/h = 30 mg oral morphine, 25 = 60, 50 = 90,
    75 = 150, 100 = 210, 300 = 750; not 2.4 per microgram/h throughout."""
    result = run("uppsala-patch", f"fentanyl {rate}mcg/h td to morphine po")
    assert result.ome_mg_per_24h == ome


def test_uppsala_between_rows_is_a_straight_line() -> None:
    """50 + 12 microgram/h patches deliver 62.5, halfway between 50 (90 mg) and 75 (150 mg):
    120 mg, as the lookup states (linear interpolation)."""
    assert run("uppsala-patch", "fentanyl 62mcg/h td to morphine po").ome_mg_per_24h == 120
    # back again: 90 mg oral morphine is the 50 microgram/h row exactly
    to_patch = run("uppsala-patch", "morphine 90mg po to fentanyl td")
    assert to_patch.equianalgesic is not None and to_patch.equianalgesic.value == 50
    beyond = run("uppsala-patch", "morphine 1000mg po to fentanyl td")
    assert beyond.refusal is not None and beyond.refusal.code == "lookup_outside"


def test_lookup_functions() -> None:
    table_ = Lookup(((Fraction(12), Fraction(30)), (Fraction(25), Fraction(60))), "linear", ())
    assert ome_of(table_, Fraction(12)) == 30 and ome_of(table_, Fraction(25)) == 60
    assert ome_of(table_, Fraction(11)) is None and rate_of(table_, Fraction(61)) is None
    assert rate_of(table_, Fraction(45)) == Fraction(12) + Fraction(13, 2)


def test_a_lookup_must_rise() -> None:
    text = (REPO / "tests" / "reference" / "profiles" / "uppsala-patch.yaml").read_text()
    broken = text.replace("[50, 90], [75, 150]", "[50, 160], [75, 150]")
    with pytest.raises(TableError) as caught:
        parse_profile(broken, "broken", base_document(str(TABLES_DIR)), "uppsala-patch")
    assert any("must both rise" in p.message for p in caught.value.problems)


def test_diff_sees_a_lookup_and_a_direction() -> None:
    from lindring.table.flat import flatten

    flat = flatten(table("pmc-rotation"))
    assert flat["opioids.fentanyl.routes.td.available"] == ("status", "target only")
    assert flat["opioids.fentanyl.routes.td.lookup"][1].startswith("none: 12.5=0, 25=45")
