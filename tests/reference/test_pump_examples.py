"""Pump plans worked by hand (defaults from the table: 100 ml, 7 days, 0.1 ml/h steps)."""

from __future__ import annotations

from fractions import Fraction as F

import pytest

from lindring.calc.convert import Options, convert
from lindring.calc.pump import PumpPlan, plan
from lindring.calc.pump_request import parse_pump
from lindring.calc.request import parse_request
from lindring.errors import InputError
from lindring.model import Tables


def run(tables: Tables, words: str, adds: list[str] | None = None, **options: object) -> PumpPlan:
    return plan(tables, parse_pump(tables, words.split(), adds, **options))  # type: ignore[arg-type]


def test_morphine_30_mg_per_24h_for_a_week(tables: Tables) -> None:
    # 100 ml / (7 x 24 h) = 0.595 ml/h -> 0.5 ml/h; 0.5 x 168 h = 84 ml in the reservoir.
    # 30 mg x 7 = 210 mg: 21 ampoules of 10 mg/ml is above the limit of 20, so 20 mg/ml:
    # 10.5 ml (11 ampoules). 210 mg / 84 ml = 2.5 mg/ml; bolus 1/6 x 30 = 5 mg = 2 ml.
    result = run(tables, "morphine 30mg/24h sc")
    assert (result.rate_ml_per_h, result.fill_ml, result.days) == (F(1, 2), 84, 7)
    morphine = result.opioid
    assert (morphine.stock.mg_per_ml, morphine.drawn_ml, morphine.ampoules) == (20, F(21, 2), 11)
    assert morphine.concentration == F(5, 2)
    assert morphine.delivered_mg_per_24h == 30
    assert (result.bolus_ml, result.bolus_mg) == (2, 5)
    assert result.diluent_ml == F(147, 2)


def test_a_bolus_of_one_tenth(tables: Tables) -> None:
    result = run(tables, "morphine 30mg/24h sc", bolus="1/10")
    # 3 mg at 2.5 mg/ml = 1.2 ml (a whole number of 0.05 ml steps)
    assert (result.bolus_ml, result.bolus_mg) == (F(6, 5), 3)


def test_the_last_days_mixture(tables: Tables) -> None:
    # midazolam 10 mg x 7 = 70 mg of 5 mg/ml = 14 ml; haloperidol 2.5 x 7 = 17.5 mg = 3.5 ml
    result = run(tables, "morphine 30mg/24h sc", ["midazolam 10mg/24h", "haloperidol 2.5mg/24h"])
    assert [(d.key, d.drawn_ml) for d in result.drugs] == [
        ("morphine", F(21, 2)),
        ("midazolam", 14),
        ("haloperidol", F(7, 2)),
    ]
    assert result.diluent_ml == 84 - F(21, 2) - 14 - F(7, 2)
    assert "pump_mixture" in {a.code for a in result.alerts}


def test_a_given_concentration_sets_the_rate_and_warns_on_rounding(tables: Tables) -> None:
    # 20 mg/24 h at 5 mg/ml = 0.1667 ml/h -> 0.1 ml/h: only 12 mg/24 h would be delivered
    result = run(tables, "morphine 20mg/24h sc", concentration="5 mg/ml")
    assert result.rate_ml_per_h == F(1, 10)
    assert result.opioid.delivered_mg_per_24h == 12
    assert "pump_rounding_loss" in {a.code for a in result.alerts}


def test_a_reservoir_too_small_names_the_fix(tables: Tables) -> None:
    with pytest.raises(InputError) as caught:
        run(tables, "morphine 600mg/24h sc")
    assert caught.value.code == "pump_cannot_hold"
    assert "hydromorphone" in str(caught.value) and "--days" in str(caught.value)


def test_hydromorphone_fits_where_morphine_does_not(tables: Tables) -> None:
    # the same OME as 600 mg sc morphine (x3 / x15 = 120 mg hydromorphone) fits: 840 mg at 50 mg/ml
    result = run(tables, "hydromorphone 120mg/24h sc")
    assert result.opioid.stock.mg_per_ml == 50
    assert result.opioid.drawn_ml == F(168, 10)


@pytest.mark.parametrize(
    ("words", "code"),
    [
        ("oxycodone 30mg po", "pump_route"),  # a pump drug by mouth: convert first
        ("tramadol 100mg iv", "pump_drug"),
        ("morphine 5mg x3 prn sc", "pump_dose"),
    ],
)
def test_bad_pump_requests(tables: Tables, words: str, code: str) -> None:
    with pytest.raises(InputError) as caught:
        run(tables, words)
    assert caught.value.code == code


def test_an_oral_pump_drug_is_sent_to_convert_with_a_command_that_works(tables: Tables) -> None:
    with pytest.raises(InputError) as caught:
        run(tables, "oxycodone 20mg x2 po")
    assert caught.value.code == "pump_route"
    command = str(caught.value).split("lindring convert ", 1)[1]
    assert command == "oxycodone 40mg/24h po to oxycodone sc --pump"
    words = command.removesuffix(" --pump").split()
    conv = convert(tables, parse_request(tables, words), Options(pump=True))
    assert conv.ome_mg_per_24h == 60  # 40 mg oxycodone by mouth x 1.5 (hdir-omeq)


def test_added_drugs_too_large_for_the_reservoir_are_named_not_the_opioid(tables: Tables) -> None:
    # midazolam 200 mg a day for 7 days is 1400 mg: 280 ml of its 5 mg/ml injection, more
    # than the 84 ml reservoir however strong the morphine
    with pytest.raises(InputError) as caught:
        run(tables, "morphine 30mg/24h sc", ["midazolam 200mg/24h"])
    assert caught.value.code == "pump_others_too_much"
    assert "(midazolam) need 280 ml" in str(caught.value)
