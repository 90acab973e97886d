"""Patch conversions against published patch tables (source named in each test)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from lindring.calc.convert import Conversion, Options, convert
from lindring.calc.request import parse_request
from lindring.model import Tables


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


#: Rotation column of a published Durogesic conversion table (PMC4377521, Table 1, about
#: 150:1): oral morphine mg/24 h -> patch. The point 2.4 less the handbook's 25 % (about
#: 133:1) lies between it and the stable column (100:1): at most one 12.5 step above it.
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
def test_within_a_step_of_the_product_texts_rotation_table(
    tables: Tables, morphine: int, spc_patch: int | None
) -> None:
    result = run(tables, f"morphine {morphine}mg po to fentanyl td")
    chosen = result.patch.rate if result.patch else Fraction(0)
    # the SPC's 12 patch delivers 12.5
    rotation = {None: 0, 12: Fraction(25, 2)}.get(spc_patch, spc_patch)
    assert rotation is not None and chosen <= rotation + Fraction(25, 2)
    assert result.equianalgesic and chosen <= result.equianalgesic.value
    assert result.reduction and result.reduction.reason == "drug_change"


def test_morphine_60_to_a_patch_is_12_as_in_the_rotation_table(tables: Tables) -> None:
    # 60 mg oral morphine = 25 microgram/h at 2.4; less 25 % = 18.75 -> 12 (12.5), as the
    # rotation table gives for less than 90 mg (PMC4377521: under 135 mg -> 25 at 150:1;
    # the current Norwegian text's low bands were not read).
    result = run(tables, "morphine 60mg po to fentanyl td")
    assert result.patch and result.patch.labels == ("12",)


def test_180_mg_morphine_combines_patches(tables: Tables) -> None:
    # 180 mg / 2.4 = 75 microgram/h, less 25 % = 56.25 -> 50; 225 mg: 93.75, reduced by
    # 25 % (225 mg OME is past 200: 100 - 75 x 200 / 225 = 33.3 %) = 62.5 -> 50 + 12.
    assert run(tables, "morphine 90mg x2 po to fentanyl td").patch.labels == ("50",)  # type: ignore[union-attr]
    result = run(tables, "morphine 225mg po to fentanyl td")
    assert result.patch and result.patch.labels == ("50", "12")
    assert result.suggested and result.suggested.value == Fraction(125, 2)


@pytest.mark.parametrize(("patch", "bnf"), [("5", 12), ("10", 24), ("20", 48), ("30", 72)])
def test_bnf_buprenorphine_patch_equivalents_lie_in_the_range(
    tables: Tables, patch: str, bnf: int
) -> None:
    # BNF/FPM: 5 microgram/h = 12 mg oral morphine (2.4 per microgram/h)
    result = run(tables, f"buprenorphine {patch}mcg/h td to morphine po")
    assert result.low and result.high
    assert result.low.value <= bnf <= result.high.value
    # Hdir: 92.5 per mg a day = 2.22 per microgram/h
    assert result.ome_mg_per_24h == Fraction(patch) * Fraction(111, 50)


def test_too_small_for_a_patch_is_refused_with_the_smallest_patch(tables: Tables) -> None:
    # 20 mg oral morphine = 8.3 microgram/h, less 25 %: 6.25, below the 12 (12.5) patch,
    # which corresponds to 30 mg oral morphine (2.4 x 12.5): refused, never a plan of 0.
    result = run(tables, "morphine 20mg po to fentanyl td")
    assert result.patch is None and result.suggested is None
    assert result.refusal and result.refusal.code == "too_small_patch"
    assert result.refusal.params["ome"].value == 30


def test_patch_above_the_sensible_maximum_suggests_another_route(tables: Tables) -> None:
    # 1000 mg oral morphine: 416.7 microgram/h, halved = 208.3: three patches at most
    # (100 + 100 + 100 would exceed it): 100 + 100 = 200.
    result = run(tables, "morphine 1000mg po to fentanyl td")
    assert result.patch and result.patch.labels == ("100", "100")
    # 1600 mg: 333 microgram/h after 50 %, beyond three 100 patches (the product text's
    # 300 microgram/h): no start, another route (a pump) instead.
    high = run(tables, "morphine 1600mg po to fentanyl td")
    assert high.refusal and high.refusal.code == "too_large"
    # buprenorphine: two 7-day patches may reach 60, above the product text's 40
    over = run(tables, "morphine 150mg po to buprenorphine td")
    assert over.patch and over.patch.rate == 50
    assert "patch_above_max" in {a.code for a in over.alerts}


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
