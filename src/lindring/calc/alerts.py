"""The warnings a conversion carries, each with its code and the table's sources.

Kept apart from ``convert.py`` so that the arithmetic reads on its own. Every alert is
part of the result (and of ``--json``), never only colour on a terminal.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from lindring.calc.patient import renal_alert
from lindring.calc.working import Alert, Breakthrough, PartResult, Reduction
from lindring.model import Amount, Opioid, Patch, Tables
from lindring.units import mg_per

if TYPE_CHECKING:
    from lindring.calc.request import Request


def _mg(value: Fraction) -> Amount:
    return Amount(value, "mg", per_24h=True)


def reduction_alerts(tables: Tables, reduction: Reduction, request: Request) -> list[Alert]:
    alerts = []
    rule = tables.reduction
    same_drug = all(p.drug.key == request.target.key for p in request.parts)
    same_route = all(p.route == request.target_route for p in request.parts)
    if same_drug and same_route:
        alerts.append(Alert("same_drug_route", {"drug": request.target.name}))
    elif same_drug and reduction.reason == "route_change":
        alerts.append(
            Alert("route_change_advice", {"text": rule.route_change_advice}, rule.sources)
        )
    target = request.target.routes[request.target_route]
    override = reduction.reason == "override" and not same_drug
    if override and not target.target_reduction and reduction.percent > 0:
        alerts.append(Alert("reduction_twice", {"percent": reduction.percent}, rule.sources))
    elif override and not reduction.band_low <= reduction.percent <= reduction.band_high:
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


def patch_alerts(patch: Patch, exact: Amount) -> list[Alert]:
    """Crossover advice and patch cautions; a patch dose above the table's maximum."""
    alerts = [
        Alert(
            "to_patch",
            {"text": patch.to_patch.text, "brief": patch.to_patch.brief},
            patch.to_patch.sources,
        ),
        Alert("patch_cautions", {"text": patch.cautions.text}, patch.cautions.sources),
    ]
    if exact.value > patch.max_rate:
        alerts.append(
            Alert(
                "patch_above_max",
                {"exact": exact, "limit": Amount(patch.max_rate, exact.unit)},
                patch.max_rate_sources,
            )
        )
    return alerts


def breakthrough_ceiling(
    tgt: Opioid, most: Fraction | None, suggested: Amount, bt: Breakthrough
) -> Alert | None:
    """Breakthrough doses of a drug with a maximum daily dose (``most``, in the unit of
    the start: ``start.most_daily``) count toward it: where one more dose on top of the
    start would pass it, say how much room the start leaves."""
    if most is None or tgt.ceiling is None or bt.drug not in ("", tgt.key):
        return None
    if suggested.value + bt.dose.value <= most:
        return None
    params = {
        "drug": tgt.name,
        "limit": Amount(most, suggested.unit, True),
        "room": Amount(max(most - suggested.value, Fraction(0)), suggested.unit, True),
    }
    return Alert("breakthrough_ceiling", params, tgt.ceiling.sources)


def clinical_alerts(
    tables: Tables,
    request: Request,
    parts: tuple[PartResult, ...],
    ome: Fraction,
    eq: Amount,
    egfr: Fraction | None = None,
) -> list[Alert]:
    alerts: list[Alert] = []
    tgt = request.target
    plaus = tables.plausibility
    if ome > plaus.warn_above:
        alerts.append(Alert("implausible_high", {"ome": _mg(ome)}, plaus.sources))
    if ome < plaus.warn_below:
        alerts.append(Alert("implausible_low", {"ome": _mg(ome)}, plaus.sources))
    if ome >= tables.reduction.threshold_ome:
        alerts.append(
            Alert(
                "high_dose",
                {"ome": _mg(ome), "threshold": _mg(tables.reduction.threshold_ome)},
                tables.reduction.sources,
            )
        )
    for drug in _unique(tuple(p.part.drug for p in parts)):
        daily_mg = sum((p.daily_mg for p in parts if p.part.drug.key == drug.key), Fraction(0))
        if drug.ceiling and daily_mg > drug.ceiling.value:
            alerts.append(_ceiling_alert("ceiling_source", drug, daily_mg))
    if tgt.ceiling and eq.per_24h and eq.value * mg_per(eq.unit) > tgt.ceiling.value:
        alerts.append(_ceiling_alert("ceiling_target", tgt, eq.value * mg_per(eq.unit)))
    for drug in _unique((*(p.part.drug for p in parts), tgt)):
        if drug.status == "avoid" and drug.status_text:
            alerts.append(
                Alert("avoid", {"drug": drug.name, "text": drug.status_text}, drug.sources)
            )
    renal = renal_alert(request, egfr)
    if renal is not None:
        alerts.append(renal)
    alerts.extend(_potency(request, parts, plaus.potency_gap))
    return alerts


def _potency(request: Request, parts: tuple[PartResult, ...], gap: Fraction) -> list[Alert]:
    """Look-alike risk: the target and a source differ fivefold or more per unit typed."""
    tgt = request.target
    f_tgt = tgt.routes[request.target_route]
    if f_tgt.patch:
        return []
    per_tgt = f_tgt.value * mg_per(tgt.unit)
    for part in parts:
        if part.factor.patch or part.part.drug.key == tgt.key:
            continue
        per_src = part.factor.value * mg_per(part.part.drug.unit)
        ratio = max(per_src, per_tgt) / min(per_src, per_tgt)
        if ratio >= gap:
            stronger = tgt if per_tgt > per_src else part.part.drug
            return [Alert("potency_gap", {"stronger": stronger.name, "ratio": ratio})]
    return []


def _ceiling_alert(code: str, drug: Opioid, mg: Fraction) -> Alert:
    assert drug.ceiling
    unit = drug.unit
    limit = Amount(drug.ceiling.value / mg_per(unit), unit, True)
    return Alert(
        code,
        {"drug": drug.name, "dose": Amount(mg / mg_per(unit), unit, True), "limit": limit},
        drug.ceiling.sources,
    )


def _unique(drugs: tuple[Opioid, ...]) -> list[Opioid]:
    return list({d.key: d for d in drugs}.values())
