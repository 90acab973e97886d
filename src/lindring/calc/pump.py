"""The pain pump (smertepumpe): a 24-hour dose as a reservoir, a rate and a bolus.

Given the opioid's dose per 24 h (and other drugs for the last days of life that share
the reservoir), the plan fills the reservoir for ``days`` at a rate a nurse can set:

* rate: the reservoir volume spread over the days, rounded *down* to the pump's rate
  step (or, with ``--concentration``, the dose divided by that concentration, rounded
  down); every drug's concentration follows from its dose and the rate;
* each drug is drawn up from the weakest injection strength that lets everything fit,
  in volumes rounded *down* to what can be drawn, so a pump never delivers more than
  the dose asked for; the rest of the reservoir is sodium chloride;
* the bolus is a fraction (1/6 or 1/10) of the opioid's daily dose, as a volume rounded
  down to the pump's bolus step; it carries the other drugs in the mixture too.

Defaults, steps and limits come from ``pump`` in the table (docs/pump.md).
"""

from __future__ import annotations

import math
from fractions import Fraction

from lindring.calc.working import Alert, Breakthrough
from lindring.errors import InputError
from lindring.model import (
    Adjuvant,
    Amount,
    Ampoules,
    Localized,
    Opioid,
    Pump,
    Stock,
    Tables,
)
from lindring.numbers import floor_to_step, to_decimal_str
from lindring.records import record
from lindring.units import mg_per

PARENTERAL = ("sc", "iv")


@record
class PumpRequest:
    """What to put in the pump: the opioid and its dose, other drugs, the user's choices."""

    drug: Opioid
    route: str
    daily_mg: Fraction
    adjuvants: tuple[tuple[Adjuvant, Fraction], ...] = ()
    days: int | None = None
    volume_ml: Fraction | None = None
    concentration: Fraction | None = None  # opioid mg/ml in the reservoir
    bolus_fraction: Fraction | None = None


@record
class PumpDrug:
    """One drug in the reservoir."""

    key: str
    name: Localized
    daily_mg: Fraction  # asked for
    stock: Stock
    drawn_ml: Fraction  # rounded down to the draw step
    ampoules: int
    amount_mg: Fraction  # in the reservoir: drawn_ml x stock strength
    concentration: Fraction  # mg/ml in the reservoir
    delivered_mg_per_24h: Fraction  # at the set rate; never above daily_mg


@record
class PumpPlan:
    request: PumpRequest
    days: int
    rate_ml_per_h: Fraction
    fill_ml: Fraction
    drugs: tuple[PumpDrug, ...]
    diluent_ml: Fraction
    bolus_fraction: Fraction
    bolus_ml: Fraction
    bolus_mg: Fraction
    lockout_minutes: int
    alerts: tuple[Alert, ...]

    @property
    def opioid(self) -> PumpDrug:
        return self.drugs[0]


def plan(tables: Tables, request: PumpRequest) -> PumpPlan:
    """The pump plan for ``request``; :class:`InputError` names the fix when it cannot be."""
    pump = _pump(tables, request)
    rules = pump.rules
    days = request.days or rules.days
    volume = request.volume_ml or rules.volume_ml
    if days < 1 or volume <= 0 or request.daily_mg <= 0:
        raise InputError("pump_values")
    if request.concentration is not None:
        rate = floor_to_step(request.daily_mg / request.concentration / 24, rules.rate_step)
        if rate == 0:
            raise InputError("pump_concentration_strong", step=rules.rate_step)
    else:
        rate = floor_to_step(volume / (24 * days), rules.rate_step)
        if rate == 0:
            raise InputError("pump_days_long", days=days, volume=volume)
        if request.volume_ml is None:
            # fewer days than the default: the default's rate and a smaller fill, not a
            # faster rate (the bolus, hours of the rate, would grow to several ml)
            rate = min(rate, floor_to_step(rules.volume_ml / (24 * rules.days), rules.rate_step))
    fill = rate * 24 * days
    if fill > volume:
        raise InputError("pump_volume_small", need=fill, volume=volume, days=days)
    opioid_total = (
        request.concentration * fill
        if request.concentration is not None
        else request.daily_mg * days
    )
    wanted = [
        (
            request.drug.key,
            request.drug.name,
            request.daily_mg,
            opioid_total,
            pump.ampoules[request.drug.key],
        )
    ]
    wanted += [(a.key, a.name, daily, daily * days, a.ampoules) for a, daily in request.adjuvants]
    stocks = _choose_stocks(wanted, fill, request, tables, rules.max_ampoules)
    drugs = tuple(
        _drug(key, name, daily, total, stock, fill, rate, rules.draw_step)
        for (key, name, daily, total, _), stock in zip(wanted, stocks, strict=True)
    )
    diluent = fill - sum((d.drawn_ml for d in drugs), Fraction(0))
    fraction = request.bolus_fraction or rules.bolus_fraction
    if fraction not in rules.bolus_fractions:
        raise InputError(
            "pump_bolus_fraction", choices=", ".join(str(f) for f in rules.bolus_fractions)
        )
    opioid = drugs[0]
    bolus_ml = floor_to_step(request.daily_mg * fraction / opioid.concentration, rules.bolus_step)
    alerts = _alerts(tables, pump, drugs, rate, bolus_ml)
    return PumpPlan(
        request,
        days,
        rate,
        fill,
        drugs,
        diluent,
        fraction,
        bolus_ml,
        bolus_ml * opioid.concentration,
        rules.lockout_minutes,
        tuple(alerts),
    )


def bolus_breakthrough(tables: Tables, pumped: PumpPlan, unit: str) -> Breakthrough:
    """The pump's bolus as the conversion's breakthrough dose (in the drug's ``unit``);
    its range is the bolus at the pump's smallest and largest allowed fraction."""
    rules = _pump(tables, pumped.request).rules
    opioid = pumped.opioid
    per = mg_per(unit)

    def bolus(fraction: Fraction) -> Amount:
        ml = floor_to_step(opioid.daily_mg * fraction / opioid.concentration, rules.bolus_step)
        return Amount(ml * opioid.concentration / per, unit)

    return Breakthrough(
        Amount(pumped.bolus_mg / per, unit),
        pumped.bolus_fraction,
        bolus(min(rules.bolus_fractions)),
        bolus(max(rules.bolus_fractions)),
    )


def _pump(tables: Tables, request: PumpRequest) -> Pump:
    pump = tables.pump
    if pump is None:
        raise InputError("pump_missing")
    if request.drug.key in pump.ampoules and request.route not in PARENTERAL:
        # a pump drug given another way now: the pump dose comes from a conversion
        daily = f"{to_decimal_str(request.daily_mg)}{request.drug.unit}/24h"
        words = f"{request.drug.key} {daily} {request.route} to {request.drug.key} sc --pump"
        route = tables.routes[request.route].name
        raise InputError("pump_route", drug=request.drug.name, route=route, command=words)
    if request.route not in PARENTERAL or request.drug.key not in pump.ampoules:
        drugs = ", ".join(tables.opioids[k].name.en for k in pump.ampoules)
        raise InputError("pump_drug", drug=request.drug.name, drugs=drugs)
    return pump


Wanted = tuple[str, Localized, Fraction, Fraction, Ampoules]


def _choose_stocks(
    wanted: list[Wanted], fill: Fraction, request: PumpRequest, tables: Tables, max_ampoules: int
) -> list[Stock]:
    """The opioid's weakest strength that fits the reservoir within the ampoule limit;
    failing that, the weakest that fits at all. Other drugs use their first strength."""
    others = [w[4].strengths[0] for w in wanted[1:]]
    volume_others = sum(
        (w[3] / s.mg_per_ml for w, s in zip(wanted[1:], others, strict=True)), Fraction(0)
    )
    total = wanted[0][3]
    fitting = [s for s in wanted[0][4].strengths if total / s.mg_per_ml + volume_others <= fill]
    if not fitting and volume_others >= fill:  # no opioid injection could help
        names = [w[1] for w in wanted[1:]]
        drugs = Localized(", ".join(n.nb for n in names), ", ".join(n.en for n in names))
        raise InputError("pump_others_too_much", need=volume_others, fill=fill, drugs=drugs)
    if not fitting:
        strongest = wanted[0][4].strengths[-1]
        raise InputError(
            "pump_cannot_hold",
            need=total / strongest.mg_per_ml + volume_others,
            fill=fill,
            drug=request.drug.name,
            alternative=_stronger(tables, request.drug),
        )
    few = [s for s in fitting if math.ceil(total / (s.mg_per_ml * s.ml)) <= max_ampoules]
    return [(few or fitting)[0], *others]


def _stronger(tables: Tables, drug: Opioid) -> Localized:
    """A hint naming the opioid whose strongest injection packs the most OME per ml."""
    pump = tables.pump
    assert pump

    def per_ml(key: str) -> Fraction:
        factor = tables.opioids[key].routes.get("sc") or tables.opioids[key].routes["iv"]
        return pump.ampoules[key].strengths[-1].mg_per_ml * factor.value

    best = max(pump.ampoules, key=per_ml)
    if best == drug.key:
        return Localized("", "")
    name = tables.opioids[best].name
    return Localized(f" (for eksempel {name.nb})", f" (for example {name.en})")


def _drug(
    key: str,
    name: Localized,
    daily: Fraction,
    total: Fraction,
    stock: Stock,
    fill: Fraction,
    rate: Fraction,
    draw_step: Fraction,
) -> PumpDrug:
    drawn = floor_to_step(total / stock.mg_per_ml, draw_step)
    if drawn == 0:
        raise InputError("pump_too_little", drug=name, step=draw_step)
    amount = drawn * stock.mg_per_ml
    ampoules = math.ceil(drawn / stock.ml)
    concentration = amount / fill
    return PumpDrug(
        key, name, daily, stock, drawn, ampoules, amount, concentration, concentration * rate * 24
    )


def _alerts(
    tables: Tables, pump: Pump, drugs: tuple[PumpDrug, ...], rate: Fraction, bolus_ml: Fraction
) -> list[Alert]:
    rules = pump.rules
    alerts: list[Alert] = []
    if rate > rules.max_rate:
        alerts.append(
            Alert(
                "pump_rate_high",
                {
                    "rate": rate,
                    "limit": rules.max_rate,
                    "alternative": _stronger(tables, tables.opioids[drugs[0].key]),
                },
                rules.sources,
            )
        )
    for drug in drugs:
        if drug.ampoules > rules.max_ampoules:
            alerts.append(
                Alert(
                    "pump_many_ampoules",
                    {"drug": drug.name, "n": drug.ampoules, "limit": rules.max_ampoules},
                    rules.sources,
                )
            )
    opioid = drugs[0]
    if opioid.delivered_mg_per_24h < opioid.daily_mg * rules.min_delivered:
        alerts.append(
            Alert(
                "pump_rounding_loss",
                {"delivered": opioid.delivered_mg_per_24h, "asked": opioid.daily_mg},
                rules.sources,
            )
        )
    if bolus_ml == 0:
        alerts.append(Alert("pump_bolus_small", {"step": rules.bolus_step}))
    if len(drugs) > 1:
        names = " + ".join(d.name.en for d in drugs)
        alerts.append(
            Alert("pump_mixture", {"names": Localized(" + ".join(d.name.nb for d in drugs), names)})
        )
    return alerts
