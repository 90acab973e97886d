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
        "⚠",
    ):
        assert expected in result.stdout, expected
    assert "pump_mixture" not in result.stdout  # the warning in words, not its code


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


def test_with_a_pump_the_start_is_what_the_pump_delivers(run: Run) -> None:
    # morphine 60 mg po -> oxycodone sc: 20 mg, less 25 % = 15 mg/24 h. One start in text,
    # JSON and plan: the pump's delivered dose; its bolus is the breakthrough dose.
    data = json.loads(
        run(
            "convert", "morfin", "60", "mg", "po", "til", "oksykodon", "sc", "--pump", "--json"
        ).stdout
    )
    plan = data["pump"]
    delivered = plan["drugs"][0]["delivered_mg_per_24h"]
    assert data["target"]["suggested_daily_dose"] == {"value": delivered, "unit": "mg/24h"}
    assert delivered <= data["target"]["suggested_daily_dose_unrounded"]["value"] == 15
    assert data["breakthrough_dose"]["dose"] == {"value": plan["bolus"]["dose_mg"], "unit": "mg"}
    assert data["breakthrough_dose"]["pump_bolus"] is True
    assert data["target"]["regimen"] is None and data["target"]["dose_split"] is None


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


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_pump_of_three_drugs_fits_80x24_with_every_figure_whole(run: Run, lang: str) -> None:
    # morphine 30 mg, midazolam 10 mg and haloperidol 2.5 mg a day for 7 days in 84 ml:
    # 210 mg = 10.5 ml of 20 mg/ml, 70 mg = 14 ml of 5 mg/ml, 17.5 mg = 3.5 ml of 5 mg/ml
    args = ("pump", "morfin", "30mg/24h", "sc", "--add", "midazolam 10mg/24h")
    args += ("--add", "haloperidol 2.5mg/24h", "--lang", lang)
    out = run(*args, env={"COLUMNS": "80"}).stdout
    lines = out.splitlines()
    assert len(lines) <= 22 and max(map(len, lines)) <= 80
    mark = "," if lang == "nb" else "."
    for drawn, ampoules in (("10.5 ml 20", "11"), ("14 ml 5", "14"), ("3.5 ml 5", "4")):
        row = next(i for i, line in enumerate(lines) if drawn.replace(".", mark) in line)
        assert f" {ampoules} " in lines[row + 1]  # the ampoules, whole, on the next line
    assert ("Gir per døgn" if lang == "nb" else "Gives/24 h") in lines[1]


def test_one_day_is_one_day(run: Run) -> None:
    out = run("pump", "morphine", "30mg/24h", "sc", "--days", "1", env={"COLUMNS": "100"}).stdout
    assert "lasts 1 day)" in out
    assert "lasts 7 days)" in run("pump", "morphine", "30mg/24h", "sc").stdout


def test_fewer_days_fill_less_at_the_same_rate(run: Run) -> None:
    # morphine 30 mg a day for 3 days: 90 mg in 36 ml (0.5 ml/h x 72 h) is 2.5 mg/ml,
    # and the 1/6 bolus, 5 mg, is 2 ml, as in the 7-day default (84 ml at 0.5 ml/h)
    data = json.loads(run("pump", "morphine", "30mg/24h", "sc", "--days", "3", "--json").stdout)
    assert (data["rate_ml_per_h"], data["fill_ml"]) == (0.5, 36)
    assert data["drugs"][0]["concentration_mg_per_ml"] == 2.5
    assert data["bolus"]["volume_ml"] == 2
    asked = json.loads(
        run("pump", "morphine", "30mg/24h", "sc", "--days", "3", "--volume", "100", "--json").stdout
    )
    assert asked["rate_ml_per_h"] == 1.3  # a volume asked for is filled: 100 ml / 72 h
