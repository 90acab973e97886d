"""`lindring compare --json` against its JSON Schema (schemas/compare.schema.json,
generated: tests/cli/test_output_schemas.py), and the guidelines' numbers it reports,
each against its published value."""

from __future__ import annotations

import json
from typing import Any

import pytest

from lindring.calc.compare import DISAGREE_ABOVE, compare

from ..conftest import TABLES_DIR, Run
from ..output_schemas import schema_errors

DIR = str(TABLES_DIR)


@pytest.mark.parametrize(
    "words",
    [
        "morphine 60mg po to morphine sc",
        "hydrocodone 5mg x4 po to morphine po",
        "methadone 30mg po to morphine po",
        "morphine 120mg po to fentanyl td",
        "oxycodone 40mg po + tramadol 100mg po to hydromorphone sc",
    ],
)
def test_compare_json_follows_its_schema(run: Run, words: str) -> None:
    result = run("compare", *words.split(), "--json")
    data: Any = json.loads(result.stdout)
    assert schema_errors("compare", data) == []
    assert {p["profile"] for p in data["profiles"]} == {
        "norwegian",
        "fpm-uk",
        "cdc-2022",
        "anzca-2021",
    }
    assert data["disagree_above"] == float(DISAGREE_ABOVE)


def test_a_schema_violation_is_found(run: Run) -> None:
    data: Any = json.loads(
        run("compare", "morphine", "60mg", "po", "to", "morphine", "sc", "--json").stdout
    )
    data["disagree"] = ["dose"]
    assert schema_errors("compare", data) != []


def test_parenteral_morphine_under_every_guideline_that_covers_it(run: Run) -> None:
    """Oral:subcutaneous morphine is 3:1 in the Norwegian table (Durogesic table 1) and in
    ANZCA (parenteral 3), 2:1 in the UK palliative charts; CDC 2022 has no parenteral
    factor and says so."""
    result = compare(["morphine", "60mg", "po", "to", "morphine", "sc"], DIR)
    eq = {r.profile: r.conversion.equianalgesic for r in result.results if r.conversion}
    assert {k: v.value for k, v in eq.items() if v} == {
        "norwegian": 20,
        "anzca-2021": 20,
        "fpm-uk": 30,
    }
    cdc = next(r for r in result.results if r.profile == "cdc-2022")
    assert cdc.conversion is None and cdc.refused is not None
    assert "CDC 2022 table gives no factor" in cdc.refused.message("en")
    # 30 / 20 = 1.5: more than 25 % apart, said in one line
    assert result.disagree == ("equianalgesic", "suggested")
    text = " ".join(run("compare", "morphine", "60mg", "po", "to", "morphine", "sc").stdout.split())
    assert (
        "The guidelines disagree by more than 25 %: equianalgesic daily dose from "
        "20 mg/24 h (norwegian) to 30 mg/24 h (fpm-uk)" in text
    )


def test_guidelines_within_25_percent_agree(run: Run) -> None:
    """Oral oxycodone is 1.5 in all four tables: 40 mg is 60 mg oral morphine everywhere."""
    result = compare(["oxycodone", "40mg", "po", "to", "morphine", "po"], DIR)
    assert result.equianalgesic is not None and result.equianalgesic.ratio == 1
    assert result.disagree == ()
    text = " ".join(
        run("compare", "oxycodone", "40mg", "po", "to", "morphine", "po").stdout.split()
    )
    assert "The guidelines agree within 25 %." in text
    assert "disagree" not in text  # the closing line no longer says so regardless


def test_agreement_is_said_only_of_the_guidelines_that_give_a_figure(run: Run) -> None:
    """100 mg oral morphine to tramadol: ANZCA and CDC (0.2) start at 400 mg, the Norwegian
    table (0.15) and the FPM refuse, their band lying above tramadol's 400 mg maximum."""
    words = ("compare", "morphine", "100mg", "po", "to", "tramadol", "po")
    text = " ".join(run(*words).stdout.split())
    assert "The guidelines that give a figure agree within 25 %; norwegian, fpm-uk" in text
    assert "The guidelines agree within 25 %." not in text


def test_each_guideline_starts_under_its_own_reduction(run: Run) -> None:
    """At 600 mg oral morphine a day the FPM reduces by 50 % (at least 50 % from 500 mg,
    Opioids Aware); the Norwegian handbook's 50 % band starts at 200 mg, so both halve;
    at 300 mg the FPM's 25 % applies, the handbook's 50 % (capped continuous at 200)."""
    result = compare(["morphine", "300mg", "po", "to", "oxycodone", "po"], DIR)
    percent = {
        r.profile: r.conversion.reduction.percent
        for r in result.results
        if r.conversion and r.conversion.reduction
    }
    assert percent["fpm-uk"] == 25
    assert percent["norwegian"] > 25
    fpm = next(r for r in result.results if r.profile == "fpm-uk")
    assert fpm.reduction_sources == ("fpm-opioids-aware",)
