"""Every warning and refusal code is reachable from the command line (exit code and code)."""

from __future__ import annotations

import json

import pytest

from ..conftest import Run

WARNINGS = [
    ("bare_dose_is_daily", "oxycodone 40mg po to morphine sc"),
    ("implausible_high", "morphine 1200mg po to oxycodone po"),
    ("high_dose", "oxycodone 80mg x2 po to hydromorphone po"),
    ("ceiling_source", "tramadol 150mg x4 po to morphine po"),
    ("ceiling_target", "morphine 75mg po to tramadol po"),
    ("renal", "oxycodone 40mg po to morphine sc"),
    ("avoid", "pethidine 100mg sc to morphine sc"),
    ("potency_gap", "morphine 60mg po to hydromorphone po"),
    ("same_drug_route", "morphine 60mg po to morphine po"),
    ("route_change_advice", "morphine 60mg po to morphine sc"),
    ("interval_changed", "OxyNorm 5mg q4h po to hydromorphone po --interval 4"),
    ("exemption", "OxyNorm 5mg q4h po to hydromorphone po"),
    ("breakthrough_below_step", "morphine 30mg po to tapentadol po"),
    ("to_patch", "morphine 90mg x2 po to fentanyl td"),
    ("patch_cautions", "morphine 90mg x2 po to fentanyl td"),
    ("from_patch", "fentanyl 25mcg/h td to morphine po"),
    ("patch_above_max", "morphine 150mg po to buprenorphine td"),
]


@pytest.mark.parametrize(("code", "line"), WARNINGS, ids=[c for c, _ in WARNINGS])
def test_warning(run: Run, code: str, line: str) -> None:
    result = run("convert", *line.split(), "--json")
    assert result.exit_code == 0, result.stderr
    assert code in {w["code"] for w in json.loads(result.stdout)["warnings"]}


def test_reduction_outside_band(run: Run) -> None:
    result = run(
        "convert", "oxycodone", "40mg", "po", "to", "morphine", "sc", "--reduce", "10", "--json"
    )
    assert "reduction_outside_band" in {w["code"] for w in json.loads(result.stdout)["warnings"]}


REFUSALS = [
    ("nonlinear", "methadone 30mg po to morphine po"),
    ("implausible", "morphine 20g po to oxycodone po"),
    ("refused_name", "morphine 60mg po to Instanyl nasal"),
    ("refused_name", "MS 60mg po to oxycodone po"),
    ("refused_route", "morphine 60mg po to fentanyl buccal"),
    ("too_small_patch", "morphine 20mg po to fentanyl td"),
    ("too_small", "oxycodone 10mg x2 po to hydromorphone sc"),
    ("too_large", "morphine 1600mg po to fentanyl td"),
    ("not_sold", "morphine 60mg po to morphine rectal"),
]


def test_a_refused_conversion_still_warns(run: Run) -> None:
    # 0.5 mg oral morphine: a microgram/milligram slip is likely, and no product is small
    # enough: refused (exit 3), with the warning in the JSON.
    result = run("convert", "morphine", "0,5mg", "po", "to", "oxycodone", "po", "--json")
    assert result.exit_code == 3
    data = json.loads(result.stdout)
    assert data["refused"]["code"] == "too_small"
    assert "implausible_low" in {w["code"] for w in data["warnings"]}
    assert data["target"]["suggested_daily_dose"] is None


@pytest.mark.parametrize(
    ("code", "line"), REFUSALS, ids=[f"{c}-{i}" for i, (c, _) in enumerate(REFUSALS)]
)
def test_refusal(run: Run, code: str, line: str) -> None:
    result = run("convert", *line.split(), "--json")
    assert result.exit_code == 3
    assert json.loads(result.stdout)["refused"]["code"] == code
