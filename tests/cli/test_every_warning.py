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
    ("breakthrough_ceiling", "morphine 80mg po to tramadol po"),  # 400 mg: at the maximum
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
    ("not_in_profile", "ketobemidone 60mg/24h po to morphine po --profile cdc-2022"),
    ("too_small_patch", "morphine 20mg po to fentanyl td"),
    ("too_small", "oxycodone 10mg x2 po to hydromorphone sc"),
    ("too_large", "morphine 1600mg po to fentanyl td"),
    ("above_ceiling", "morphine 100mg po to tramadol po"),
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


#: one of each kind the issue names: non-linear, transmucosal fentanyl, too small for any
#: product, and a drug a guideline profile does not cover (CDC 2022 has no ketobemidone)
SAME_SHAPE = [
    "methadone 30mg po to morphine po",
    "morphine 60mg po to fentanyl buccal",
    "fentanyl 100mcg nasal to morphine sc",
    "morphine 20mg po to fentanyl td",
    "ketobemidone 60mg/24h po to morphine po --profile cdc-2022",
    "morphine 60mg/24h po to ketobemidone po --profile cdc-2022",
]


@pytest.mark.parametrize("line", SAME_SHAPE)
def test_every_refusal_has_the_same_shape_and_panel(run: Run, line: str) -> None:
    plain = json.loads(
        run("convert", "morphine", "60mg", "po", "to", "oxycodone", "po", "--json").stdout
    )
    result = run("convert", *line.split(), "--json")
    assert result.exit_code == 3 and result.stderr == ""
    data = json.loads(result.stdout)
    assert list(data) == list(plain)  # the whole conversion object, not a short one
    refused = data["refused"]
    assert list(refused) == ["code", "message", "sources", "where"]
    assert refused["message"] and refused["where"] and refused["sources"]
    assert data["target"]["suggested_daily_dose"] is None
    for lang, refused_word, where in (
        ("en", "REFUSED", "Where to turn"),
        ("nb", "AVVIST", "Hvor du kan henvende deg"),
    ):
        text = run("convert", *line.split(), "--lang", lang)
        assert text.exit_code == 3 and text.stderr == ""
        assert refused_word in text.stdout and where in text.stdout
        assert "→" in text.stdout.splitlines()[1]  # the title: what was asked, as read
