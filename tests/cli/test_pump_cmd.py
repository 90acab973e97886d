"""`lindring pump` and `lindring convert ... --pump` through the CLI."""

from __future__ import annotations

import json

import pytest

from ..conftest import Run


def test_pump_shows_what_to_draw_up(run: Run) -> None:
    result = run("pump", "morphine", "30mg/24h", "sc", "--add", "midazolam 10mg/24h")
    assert result.exit_code == 0, result.stderr
    for expected in (
        "10.5 ml 20 mg/ml",
        "0.5 ml/h",
        "84 ml",
        "5 mg morphine = 2 ml",
        "midazolam",
        "pump_mixture",
    ):
        assert expected in result.stdout, expected


def test_pump_json(run: Run) -> None:
    data = json.loads(run("pump", "morphine", "30mg/24h", "sc", "--json").stdout)
    assert data["rate_ml_per_h"] == 0.5
    assert data["drugs"][0]["draw_ml"] == 10.5
    assert data["bolus"] == {"fraction": "1/6", "volume_ml": 2, "dose_mg": 5, "lockout_minutes": 30}


def test_convert_then_pump(run: Run) -> None:
    data = json.loads(
        run("convert", "oxycodone", "40mg", "po", "to", "morphine", "sc", "--pump", "--json").stdout
    )
    assert data["pump"]["drugs"][0]["daily_dose_mg"] == 15
    assert (
        run("convert", "oxycodone", "40mg", "po", "to", "morphine", "sc", "--pump").stdout.count(
            "Pain pump"
        )
        == 1
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["morphine", "600mg/24h", "sc"], "--days"),
        (["morphine", "30mg/24h", "sc", "--volume", "5"], "fewer days"),
        (["morphine", "30mg/24h", "sc", "--add", "propofol 10mg"], "midazolam"),
        (["morphine", "30mg/24h", "sc", "--bolus", "1/4"], "1/6"),
        (["morphine", "30mg/24h", "sc", "--concentration", "x"], "mg/ml"),
        (["oxycodone", "30mg", "po"], "subcutaneous or intravenous"),
    ],
)
def test_pump_errors_name_the_fix(run: Run, args: list[str], expected: str) -> None:
    result = run("pump", *args)
    assert result.exit_code == 1
    assert expected in result.stderr
