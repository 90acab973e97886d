"""Patch conversions against published patch tables (source named in each test)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from lindring.convert import Conversion, Options, convert
from lindring.model import Tables
from lindring.request import parse_request


def run(tables: Tables, line: str) -> Conversion:
    return convert(tables, parse_request(tables, line.split()), Options())


@pytest.mark.parametrize(
    ("patch", "oral_morphine"),
    [
        ("12", 30),
        ("25", 60),
        ("50", 120),
        ("75", 180),
        ("100", 240),
    ],
)
def test_bnf_fpm_fentanyl_patch_equivalents(tables: Tables, patch: str, oral_morphine: int) -> None:
    # BNF/FPM Opioids Aware: 12 (delivering 12.5) -> 30 mg, 25 -> 60 ... 100 -> 240 mg/24 h.
    result = run(tables, f"fentanyl {patch}mcg/h td to morphine po")
    assert result.equianalgesic and result.equianalgesic.value == oral_morphine


#: Durogesic product text, rotation table (about 150:1): oral morphine mg/24 h -> patch.
SPC_ROTATION = [
    (44, None),
    (45, 12),
    (134, 25),
    (135, 50),
    (224, 50),
    (225, 75),
    (314, 75),
    (315, 100),
    (404, 100),
]


@pytest.mark.parametrize(("morphine", "spc_patch"), SPC_ROTATION)
def test_never_above_the_product_texts_rotation_table(
    tables: Tables, morphine: int, spc_patch: int | None
) -> None:
    result = run(tables, f"morphine {morphine}mg po to fentanyl td")
    chosen = result.patch.rate if result.patch else Fraction(0)
    # the SPC's 12 patch delivers 12.5; our choice must never exceed the SPC's patch
    limit = {None: 0, 12: Fraction(25, 2)}.get(spc_patch, spc_patch)
    assert chosen <= limit
    assert result.reduction and result.reduction.percent == 0  # no second reduction


def test_180_mg_morphine_is_a_50_patch_and_225_mg_combines(tables: Tables) -> None:
    assert run(tables, "morphine 90mg x2 po to fentanyl td").patch.labels == ("50",)  # type: ignore[union-attr]
    result = run(tables, "morphine 225mg po to fentanyl td")
    assert result.patch and result.patch.labels == ("50", "12")
    assert result.suggested and result.suggested.value == Fraction(125, 2)


@pytest.mark.parametrize(
    ("patch", "bnf"), [("5", 12), ("10", 24), ("20", 48), ("35", 84), ("52.5", 126), ("70", 168)]
)
def test_bnf_buprenorphine_patch_equivalents_lie_in_the_range(
    tables: Tables, patch: str, bnf: int
) -> None:
    result = run(tables, f"buprenorphine {patch}mcg/h td to morphine po")
    assert result.low and result.high
    assert result.low.value <= bnf <= result.high.value
    # Hdir: 13.5 microgram/h ~ 30 mg oral morphine -> 2.2 per microgram/h
    assert result.ome_mg_per_24h == Fraction(patch) * Fraction(11, 5)


def test_patch_below_the_smallest_strength_warns(tables: Tables) -> None:
    result = run(tables, "morphine 20mg po to fentanyl td")
    assert result.patch is None
    assert "patch_below_smallest" in {a.code for a in result.alerts}


def test_patch_above_the_sensible_maximum_suggests_another_route(tables: Tables) -> None:
    result = run(tables, "morphine 1200mg po to fentanyl td")
    assert "patch_above_max" in {a.code for a in result.alerts}
    assert result.patch and len(result.patch.labels) <= 3


def test_crossover_and_cautions_are_always_given(tables: Tables) -> None:
    to_patch = {a.code for a in run(tables, "morphine 90mg x2 po to fentanyl td").alerts}
    assert {"to_patch", "patch_cautions"} <= to_patch
    from_patch = {a.code for a in run(tables, "fentanyl 50mcg/h td to morphine po").alerts}
    assert "from_patch" in from_patch


def test_several_parts_add_up(tables: Tables) -> None:
    # oxycodone 40 mg (x1.5 = 60) + 15 mg prn taken (22.5) + fentanyl 25 (60) = 142.5 OME
    result = convert(
        tables,
        parse_request(
            tables,
            [
                "oxycodone 20mg po x2",
                "+",
                "oxycodone 5mg po x3 prn",
                "+",
                "fentanyl 25mcg/h td",
                "to",
                "morphine",
                "sc",
            ],
        ),
        Options(),
    )
    assert [p.ome for p in result.parts] == [60, Fraction(45, 2), 60]
    assert result.ome_mg_per_24h == Fraction(285, 2)
    assert result.parts[1].part.dose.prn
    assert result.reduction and result.reduction.percent == 25
