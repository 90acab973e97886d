"""The equianalgesic conversion: one drug, dose and route to another drug and route.

The working, each step recorded in the result:

1. the 24-hour dose of the source (a bare dose is the 24-hour total);
2. oral morphine equivalent (OME) = daily dose x source factor;
3. equianalgesic daily dose = OME / target factor, with its range from the factors'
   ranges (low = source low / target high, high = source high / target low);
4. the suggestion starts from the *low end* of that range: where sources disagree the
   end that cannot push the dose too high in this direction is used (docs/conversion.md);
5. reduction for incomplete cross-tolerance when the drug changes (``tolerance.py``);
6. the suggested daily dose split into doses every N hours, each rounded *down* to the
   practical step from the table; the rounded daily dose is that dose x N;
7. the breakthrough dose from the rounded daily dose (``breakthrough.py``);
8. the warnings that apply. Non-linear drugs (methadone) are refused with a referral.

All arithmetic is exact (:class:`~fractions.Fraction`); doses are in mg inside and in
the drug's unit (mg or microgram) in the result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from lindring.breakthrough import breakthrough_dose
from lindring.errors import InputError
from lindring.model import Amount, Opioid, Span, Tables
from lindring.numbers import floor_to_step
from lindring.request import Request
from lindring.tolerance import apply_reduction, choose_reduction
from lindring.units import mg_per
from lindring.working import Alert, Breakthrough, DoseSplit, Reduction, Refusal, Step

#: Potency ratios at or beyond this (per mg) get a "check the drug name" warning.
POTENCY_GAP = 5
INTERVALS = (1, 2, 3, 4, 6, 8, 12, 24)


@dataclass(frozen=True)
class Options:
    """Choices the user may make: ``--reduce`` (percent) and ``--interval`` (hours)."""

    reduce_percent: Fraction | None = None
    interval_hours: int | None = None


@dataclass(frozen=True)
class Conversion:
    """Everything a conversion found. Target fields are ``None`` when it was refused."""

    request: Request
    table_version: str
    daily: Amount
    ome_mg_per_24h: Fraction | None = None
    equianalgesic: Amount | None = None
    low: Amount | None = None
    high: Amount | None = None
    reduction: Reduction | None = None
    suggested_exact: Amount | None = None
    suggested: Amount | None = None
    split: DoseSplit | None = None
    breakthrough: Breakthrough | None = None
    alerts: tuple[Alert, ...] = ()
    refusal: Refusal | None = None
    steps: tuple[Step, ...] = field(default=())


def in_unit(mg: Fraction, unit: str) -> Fraction:
    """``mg`` expressed in ``unit`` (``mg`` or ``microgram``)."""
    return mg / mg_per(unit)


def convert(tables: Tables, request: Request, options: Options | None = None) -> Conversion:
    """Convert ``request`` with ``tables``; never raises for clinical reasons (see ``refusal``)."""
    options = options or Options()
    src, tgt = request.drug, request.target
    steps: list[Step] = []
    alerts: list[Alert] = []
    daily_mg = request.dose.daily_mg
    daily = Amount(in_unit(daily_mg, src.unit), src.unit, per_24h=True)
    steps.append(_source_step(tables, request, daily))
    if request.dose.basis == "bare":
        alerts.append(Alert("bare_dose_is_daily", {"daily": daily}))
    base = Conversion(request, tables.version, daily)

    for drug in (src, tgt):
        if drug.status == "nonlinear":
            refusal = Refusal(
                "nonlinear", {"drug": drug.name, "text": drug.status_text}, drug.sources
            )
            return _with(base, steps, alerts, refusal=refusal)

    f_src = src.routes[request.route]
    f_tgt = tgt.routes[request.target_route]
    ome = daily_mg * f_src.value
    steps.append(
        Step(
            "ome",
            {
                "daily": daily,
                "factor": f_src.value,
                "drug": src.name,
                "route": tables.routes[request.route].name,
                "ome": _mg(ome),
            },
            f_src.sources,
        )
    )
    plaus = tables.plausibility
    if ome > plaus.refuse_above:
        refusal = Refusal(
            "implausible", {"ome": _mg(ome), "limit": _mg(plaus.refuse_above)}, plaus.sources
        )
        return _with(base, steps, alerts, ome=ome, refusal=refusal)
    if ome > plaus.warn_above:
        alerts.append(Alert("implausible_high", {"ome": _mg(ome)}, plaus.sources))
    if ome < plaus.warn_below:
        alerts.append(Alert("implausible_low", {"ome": _mg(ome)}, plaus.sources))

    eq_mg = ome / f_tgt.value
    low_mg = daily_mg * f_src.low / f_tgt.high
    high_mg = daily_mg * f_src.high / f_tgt.low
    unit = tgt.unit
    eq, low, high = (Amount(in_unit(v, unit), unit, True) for v in (eq_mg, low_mg, high_mg))
    target_route = tables.routes[request.target_route].name
    steps.append(
        Step(
            "target",
            {
                "ome": _mg(ome),
                "factor": f_tgt.value,
                "drug": tgt.name,
                "route": target_route,
                "result": eq,
            },
            f_tgt.sources,
        )
    )
    steps.append(
        Step(
            "range",
            {
                "low": low,
                "high": high,
                "source": Span(f_src.low, f_src.high),
                "target": Span(f_tgt.low, f_tgt.high),
            },
        )
    )
    steps.append(Step("basis_low" if low_mg < eq_mg else "basis_point", {"low": low}))

    same_drug = src.key == tgt.key
    reduction = choose_reduction(tables.reduction, ome, same_drug, options.reduce_percent)
    reduced = Amount(apply_reduction(low.value, reduction), unit, True)
    steps.append(_reduction_step(tables, reduction, low, reduced))
    alerts.extend(_reduction_alerts(tables, reduction, request))

    split = _split(tables, request, reduced, options.interval_hours)
    steps.append(
        Step(
            "split",
            {
                "daily": reduced,
                "n": split.doses_per_24h,
                "interval": split.interval_hours,
                "exact": split.exact,
                "step": split.step,
                "dose": split.dose,
            },
            f_tgt.step_sources,
        )
    )
    suggested = Amount(split.dose.value * split.doses_per_24h, unit, True)
    if split.dose.value == 0:
        alerts.append(Alert("below_step", {"exact": split.exact, "step": split.step}))
    bt = breakthrough_dose(tables.breakthrough, suggested.value, unit, f_tgt.step)
    steps.append(
        Step(
            "breakthrough",
            {
                "daily": suggested,
                "fraction": bt.fraction,
                "dose": bt.dose,
                "low": bt.low,
                "high": bt.high,
                "frac_low": tables.breakthrough.low,
                "frac_high": tables.breakthrough.high,
            },
            tables.breakthrough.sources,
        )
    )
    if bt.dose.value == 0 and suggested.value > 0:
        alerts.append(Alert("breakthrough_below_step", {"step": split.step}))
    alerts.extend(_clinical_alerts(tables, request, ome, eq, suggested))
    return Conversion(
        request,
        tables.version,
        daily,
        ome,
        eq,
        low,
        high,
        reduction,
        reduced,
        suggested,
        split,
        bt,
        tuple(alerts),
        None,
        tuple(steps),
    )


def _mg(value: Fraction) -> Amount:
    return Amount(value, "mg", per_24h=True)


def _with(
    base: Conversion,
    steps: list[Step],
    alerts: list[Alert],
    *,
    refusal: Refusal,
    ome: Fraction | None = None,
) -> Conversion:
    return Conversion(
        base.request,
        base.table_version,
        base.daily,
        ome_mg_per_24h=ome,
        alerts=tuple(alerts),
        refusal=refusal,
        steps=tuple(steps),
    )


def _source_step(tables: Tables, request: Request, daily: Amount) -> Step:
    dose = request.dose
    written = Amount(in_unit(dose.amount_mg, request.drug.unit), request.drug.unit)
    route = tables.routes[request.route].name
    params = {
        "drug": request.drug.name,
        "route": route,
        "dose": written,
        "daily": daily,
        "times": dose.times,
    }
    return Step(f"source_{dose.basis}", params)


def _reduction_step(tables: Tables, reduction: Reduction, start: Amount, reduced: Amount) -> Step:
    params = {
        "percent": reduction.percent,
        "start": start,
        "result": reduced,
        "band_low": reduction.band_low,
        "band_high": reduction.band_high,
        "threshold": _mg(tables.reduction.threshold_ome),
    }
    return Step(f"reduction_{reduction.reason}", params, tables.reduction.sources)


def _reduction_alerts(tables: Tables, reduction: Reduction, request: Request) -> list[Alert]:
    alerts = []
    rule = tables.reduction
    same_drug = request.drug.key == request.target.key
    if same_drug and request.route == request.target_route:
        alerts.append(Alert("same_drug_route", {"drug": request.drug.name}))
    elif same_drug and reduction.reason == "route_change":
        alerts.append(
            Alert("route_change_advice", {"text": rule.route_change_advice}, rule.sources)
        )
    if (
        reduction.reason == "override"
        and not same_drug
        and not (reduction.band_low <= reduction.percent <= reduction.band_high)
    ):
        alerts.append(
            Alert(
                "reduction_outside_band",
                {
                    "percent": reduction.percent,
                    "low": reduction.band_low,
                    "high": reduction.band_high,
                },
                rule.sources,
            )
        )
    return alerts


def _split(tables: Tables, request: Request, daily: Amount, interval: int | None) -> DoseSplit:
    hours = interval or tables.routes[request.target_route].default_interval_hours
    if hours not in INTERVALS:
        raise InputError("interval", hours=hours, allowed=", ".join(map(str, INTERVALS)))
    n = 24 // hours
    step = request.target.routes[request.target_route].step
    exact = daily.value / n
    dose = floor_to_step(exact, step)
    unit = daily.unit
    return DoseSplit(hours, n, Amount(dose, unit), Amount(exact, unit), Amount(step, unit))


def _clinical_alerts(
    tables: Tables, request: Request, ome: Fraction, eq: Amount, suggested: Amount
) -> list[Alert]:
    alerts: list[Alert] = []
    src, tgt = request.drug, request.target
    if ome >= tables.reduction.threshold_ome:
        alerts.append(
            Alert(
                "high_dose",
                {"ome": _mg(ome), "threshold": _mg(tables.reduction.threshold_ome)},
                tables.reduction.sources,
            )
        )
    if src.ceiling and request.dose.daily_mg > src.ceiling.value:
        alerts.append(
            _ceiling_alert("ceiling_source", src, in_unit(request.dose.daily_mg, src.unit))
        )
    if tgt.ceiling and in_unit(tgt.ceiling.value, tgt.unit) < eq.value:
        alerts.append(_ceiling_alert("ceiling_target", tgt, eq.value))
    for drug in _unique((src, tgt)):
        if drug.status == "avoid" and drug.status_text:
            alerts.append(
                Alert("avoid", {"drug": drug.name, "text": drug.status_text}, drug.sources)
            )
    if tgt.renal:
        alerts.append(Alert("renal", {"drug": tgt.name, "text": tgt.renal.text}, tgt.renal.sources))
    f_src = src.routes[request.route].value * mg_per(src.unit)
    f_tgt = tgt.routes[request.target_route].value * mg_per(tgt.unit)
    ratio = max(f_src, f_tgt) / min(f_src, f_tgt)
    if src.key != tgt.key and ratio >= POTENCY_GAP:
        stronger = tgt if f_tgt > f_src else src
        alerts.append(Alert("potency_gap", {"stronger": stronger.name, "ratio": ratio}))
    return alerts


def _ceiling_alert(code: str, drug: Opioid, value: Fraction) -> Alert:
    assert drug.ceiling
    limit = Amount(in_unit(drug.ceiling.value, drug.unit), drug.unit, True)
    return Alert(
        code,
        {"drug": drug.name, "dose": Amount(value, drug.unit, True), "limit": limit},
        drug.ceiling.sources,
    )


def _unique(drugs: tuple[Opioid, ...]) -> list[Opioid]:
    return list({d.key: d for d in drugs}.values())
