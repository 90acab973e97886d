"""Other open calculators' and guidelines' worked cases, re-typed as data
(``tests/reference/cases/other-calculators.yaml``), each run under a fixture profile that
reproduces that source's factors (``tests/reference/profiles/``). lindring must give
their numbers; the cases it refuses by design are listed there with the reason, and
must stay refused."""

from __future__ import annotations

from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from lindring.calc.convert import convert
from lindring.calc.request import parse_request
from lindring.errors import RefusedError
from lindring.model import Tables
from lindring.table.profiles import base_document, parse_profile

from ..conftest import REPO, TABLES_DIR

CASES = yaml.safe_load(
    (Path(__file__).parent / "cases" / "other-calculators.yaml").read_text(encoding="utf-8")
)["sources"]


@cache
def table(profile: str) -> Tables:
    path = REPO / profile
    found = parse_profile(
        path.read_text(encoding="utf-8"), profile, base_document(str(TABLES_DIR)), path.stem
    )
    return found.tables


def _cases(kind: str) -> list[Any]:
    return [
        pytest.param(source["profile"], case, id=f"{source['id']}: {case['convert']}")
        for source in CASES
        for case in source.get(kind, [])
    ]


def test_at_least_three_other_sources() -> None:
    assert len({s["id"] for s in CASES}) >= 3
    assert all(s["read"] and s["cases"] for s in CASES)


@pytest.mark.parametrize(("profile", "case"), _cases("cases"))
def test_lindring_gives_their_number(profile: str, case: dict[str, Any]) -> None:
    tables = table(profile)
    result = convert(tables, parse_request(tables, case["convert"].split()))
    assert result.ome_mg_per_24h == Fraction(str(case["ome"]))
    if "equianalgesic" in case:
        assert result.equianalgesic is not None
        assert result.equianalgesic.value == Fraction(str(case["equianalgesic"]))


@pytest.mark.parametrize(("profile", "case"), _cases("refused"))
def test_refused_by_design(profile: str, case: dict[str, Any]) -> None:
    tables = table(profile)
    assert case["reason"]
    try:
        result = convert(tables, parse_request(tables, case["convert"].split()))
    except RefusedError:
        return
    assert result.refusal is not None


def test_transmucosal_fentanyl_is_a_source_only() -> None:
    """Per-direction availability: counted from, never calculated to."""
    tables = table("tests/reference/profiles/cdc-mme-research.yaml")
    assert tables.opioids["fentanyl"].routes["buccal"].available == "source only"
    with pytest.raises(RefusedError) as caught:
        parse_request(tables, ["morphine", "60mg", "po", "to", "fentanyl", "buccal"])
    assert "never calculated from the background dose" in caught.value.message("en")


def test_buccal_tablet_and_film_are_their_own_routes() -> None:
    """0.13 per microgram for a buccal tablet, 0.18 for a buccal film, 0.16 for a mucosal
    spray (opioid-mme-r4's research factors): three rows, three factors."""
    routes = table("tests/reference/profiles/cdc-mme-research.yaml").opioids["fentanyl"].routes
    per_microgram = {r: routes[r].value / 1000 for r in ("buccal", "buccal-film", "mucosal-spray")}
    assert per_microgram == {
        "buccal": Fraction(13, 100),
        "buccal-film": Fraction(18, 100),
        "mucosal-spray": Fraction(16, 100),
    }
