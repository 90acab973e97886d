"""The patient in front of the clinician: --egfr selects the table's renal band for the
target drug, --frail the table's rule for frail or elderly patients; each applied once."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from lindring.model import Tables

from ..conftest import Run

FLAGSHIP = ["convert", "oxycodone", "40mg", "po", "to", "morphine", "sc"]


def _json(run: Run, *extra: str) -> dict[str, object]:
    result = run(*FLAGSHIP, *extra, "--json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


def _codes(data: dict[str, object]) -> set[str]:
    warnings = data["warnings"]
    assert isinstance(warnings, list)
    return {w["code"] for w in warnings}


def test_egfr_20_gives_the_tables_avoid_advice_for_morphine(run: Run, tables: Tables) -> None:
    """Lindring i nord: avoid morphine below GFR 50. The advice is shown, and no morphine
    start is suggested: the refusal names the subcutaneous opioids the table does not
    advise against at eGFR 20 (hydromorphone: reduce below 30; fentanyl: preferred below
    30), not oxycodone (avoid below 30) and not a drug whose renal advice is not given."""
    result = run(*FLAGSHIP, "--egfr", "20", "--json")
    assert result.exit_code == 3, result.stderr
    data = json.loads(result.stdout)
    assert "renal_avoid" in _codes(data) and "renal" not in _codes(data)
    band = tables.opioids["morphine"].renal.band(Fraction(20))  # type: ignore[union-attr]
    assert band is not None and band.advice == "avoid" and band.below == 50
    assert "lin-sterke-opioider" in band.sources  # Lindring i nord: avoid below GFR 50
    assert data["patient"] == {"egfr": 20, "frail": False}
    refused = data["refused"]
    target = data["target"]
    assert refused["code"] == "renal_avoid" and target["suggested_daily_dose"] is None
    assert data["breakthrough_dose"] is None and target["regimen"] is None
    message = refused["message"]
    assert message.endswith("subcutaneous: fentanyl; ketobemidone; hydromorphone.")
    assert "oxycodone" not in message
    # the equianalgesic working is still shown: 40 mg oxycodone = 60 mg OME / 3 = 20 mg
    assert target["equianalgesic_daily_dose"]["value"] == 20


def test_egfr_40_lets_oxycodone_be_named_and_converted(run: Run) -> None:
    """At eGFR 40 oxycodone is in its reduce band (30-60, Region Västerbotten: 50 %), so
    it is named as an alternative to morphine and converts with the 50 % start."""
    refused = json.loads(run(*FLAGSHIP, "--egfr", "40", "--json").stdout)["refused"]
    assert "oxycodone" in refused["message"]
    args = ["convert", "morphine", "60mg", "po", "to", "oxycodone", "po", "--egfr", "40"]
    data = json.loads(run(*args, "--json").stdout)
    assert data["refused"] is None and data["reduction_percent"] == 50
    # 60 mg OME / 1.5 = 40 mg oxycodone, halved: 20 mg/24 h (OxyContin 10 mg every 12 h)
    assert data["target"]["suggested_daily_dose"] == {"value": 20, "unit": "mg/24h"}


def test_egfr_20_refusal_in_norwegian_names_the_alternatives(run: Run) -> None:
    out = run(*FLAGSHIP, "--egfr", "20", "--lang", "nb").stdout
    assert "fraråder morfin ved eGFR 20" in out and "hydromorfon" in out


def test_egfr_90_gives_no_renal_warning(run: Run) -> None:
    data = _json(run, "--egfr", "90")
    assert not {c for c in _codes(data) if c.startswith("renal")}
    out = run(*FLAGSHIP, "--egfr", "90").stdout
    assert "--egfr" not in out and "Renal" not in out


def test_without_egfr_one_short_line_says_renal_function_matters(run: Run) -> None:
    out = run(*FLAGSHIP).stdout
    assert "Renal function: for morphine, --egfr N" in out
    assert "neurotoxicity" not in out  # the full caution only with --full
    assert "neurotoxicity" in run(*FLAGSHIP, "--full").stdout


def test_a_reduce_band_lowers_the_start_once(run: Run) -> None:
    """Region Västerbotten: eGFR 50-60 half the usual morphine dose: 50 % in all instead
    of the handbook's 25 %, not 25 % and then 50 %."""
    plain, renal = _json(run), _json(run, "--egfr", "55")
    assert plain["reduction_percent"] == 25 and renal["reduction_percent"] == 50
    assert renal["reduction_reason"] == "renal"
    target = renal["target"]
    assert isinstance(target, dict)
    assert target["suggested_daily_dose_unrounded"] == {"value": 10, "unit": "mg/24h"}  # 20 x 50 %


def test_frail_takes_the_larger_reduction_not_both(run: Run) -> None:
    frail = _json(run, "--frail")
    assert frail["reduction_percent"] == 50 and frail["reduction_reason"] == "frail"
    both = _json(run, "--frail", "--egfr", "55")
    assert both["reduction_percent"] == 50  # 50 and 50: once, never 75
    high = run("convert", "morphine", "300mg", "po", "to", "oxycodone", "po", "--frail", "--json")
    data = json.loads(high.stdout)
    assert data["reduction_percent"] == 50 and data["reduction_reason"] == "drug_change"


@pytest.mark.parametrize("value", ["0", "-5", "abc", "1e3", "500"])
def test_a_bad_egfr_is_an_input_error(run: Run, value: str) -> None:
    result = run(*FLAGSHIP, "--egfr", value, "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["error"]["code"] == "egfr"
