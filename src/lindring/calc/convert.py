"""The equianalgesic conversion: what the patient takes now to another drug and route.

The working follows the handbook's procedure once, each step recorded in the result
(docs/conversion.md):

1. the 24-hour dose of each part the patient takes (a bare dose is the 24-hour total;
   a patch or infusion is a rate per hour; ``prn`` parts are breakthrough doses taken);
2. oral morphine equivalent (OME) of each part = daily dose x its factor, then summed;
3. the equianalgesic dose from the table's *point* values: a part that is the target
   drug by another route goes through the drug's own route ratio (``route_ratio.py``),
   every other part through its OME and the target's factor. The sources' range is
   shown beside it as context, never applied as a second margin;
4. the reduction for incomplete cross-tolerance, on the part that comes from another
   drug, from the handbook's band at this dose (``tolerance.py``);
5. the start: the largest practical regimen of products sold that does not exceed the
   reduced dose, or the next one up while it stays within the handbook's band
   (``start.py``, ``regimen.py``; patches: strengths sold and their combinations;
   ``--pump``: the pump's daily dose), never above the drug's maximum daily dose. A dose
   too small for any product is refused, never shown as 0;
6. the breakthrough dose: a fraction of the start, as a practical single dose of an
   immediate-release product (with a pump: the pump's bolus);
7. the warnings that apply. Non-linear drugs (methadone) are refused with a referral.

All arithmetic is exact (:class:`~fractions.Fraction`); doses are in mg per 24 h
inside and in the drug's unit (mg, microgram, or microgram/h for patches) in the result.
"""

from __future__ import annotations

from dataclasses import field, replace
from fractions import Fraction
from typing import TYPE_CHECKING

from lindring.calc import lookups, patches, regimen
from lindring.calc.alerts import (
    breakthrough_ceiling,
    clinical_alerts,
    patch_alerts,
    reduction_alerts,
)
from lindring.calc.breakthrough import breakthrough_for
from lindring.calc.daily import in_unit, in_unit_of, mg_daily, shown
from lindring.calc.patient import Patient, adjust, renal_avoid
from lindring.calc.request import Part, Request, refusal_code, route_refusal
from lindring.calc.route_ratio import between
from lindring.calc.start import choose_start, most_daily, no_start, plan_of
from lindring.calc.tolerance import StartPlan
from lindring.calc.working import (
    Alert,
    Breakthrough,
    DoseSplit,
    PartResult,
    Reduction,
    Refusal,
    Step,
)
from lindring.errors import InputError
from lindring.model import Amount, Factor, Span, Tables
from lindring.records import record
from lindring.units import mg_per

if TYPE_CHECKING:
    from lindring.calc.pump import PumpPlan

INTERVALS = regimen.INTERVALS


@record
class Options:
    """Choices the user may make: ``--reduce`` (percent), ``--interval`` (hours, a
    preference) and ``--pump`` (a continuous infusion: the pump sets the start).
    ``ome_only``: the oral morphine equivalent of the parts and nothing of the target
    (an audit or register row without a target; the request's target is then oral
    morphine, the unit the result is in)."""

    reduce_percent: Fraction | None = None
    interval_hours: int | None = None
    pump: bool = False
    ome_only: bool = False
    egfr: Fraction | None = None  # --egfr: the target's renal band (lindring.calc.patient)
    frail: bool = False  # --frail: the table's rule for frail or elderly patients


@record
class Conversion:
    """Everything a conversion found. Target fields are ``None`` when it was refused
    before the arithmetic (non-linear, implausible); a dose too small for any product
    keeps its working and has no start (``suggested``)."""

    request: Request
    table_version: str
    parts: tuple[PartResult, ...]
    ome_mg_per_24h: Fraction | None = None
    equianalgesic: Amount | None = None
    low: Amount | None = None  # the sources' range, context only
    high: Amount | None = None
    reduction: Reduction | None = None
    suggested_exact: Amount | None = None  # the reduced dose the start is chosen for
    start_low: Amount | None = None  # with the band's largest reduction
    start_high: Amount | None = None  # with its smallest (never above equianalgesic)
    suggested: Amount | None = None  # the start: what the regimen gives in 24 h
    regimen: regimen.Regimen | None = None
    split: DoseSplit | None = None
    patch: patches.PatchChoice | None = None
    pump: PumpPlan | None = None
    breakthrough: Breakthrough | None = None
    alerts: tuple[Alert, ...] = ()
    refusal: Refusal | None = None
    steps: tuple[Step, ...] = field(default=())
    patient: Patient = field(default_factory=Patient)  # --egfr and --frail as given

    @property
    def daily(self) -> Amount:
        """The first (usually the only) part's daily dose."""
        return self.parts[0].daily


def convert(tables: Tables, request: Request, options: Options | None = None) -> Conversion:
    """Convert ``request`` with ``tables``; never raises for clinical reasons (see ``refusal``)."""
    options = options or Options()
    if options.interval_hours is not None and options.interval_hours not in INTERVALS:
        raise InputError(
            "interval", hours=options.interval_hours, allowed=", ".join(map(str, INTERVALS))
        )
    tgt = request.target
    refused = _route_refusal(tables, request)
    if refused is not None:
        parts = tuple(_refused_part(tables, p) for p in request.parts)
        return Conversion(request, tables.version, parts, refusal=refused)
    for drug in (*(p.drug for p in request.parts), tgt):
        if drug.status == "nonlinear":
            refusal = Refusal(
                "nonlinear", {"drug": drug.name, "text": drug.status_text}, drug.sources
            )
            parts = tuple(_refused_part(tables, p) for p in request.parts)
            return Conversion(request, tables.version, parts, refusal=refusal)
    request, outside = _lookups(tables, request)
    if outside is not None:
        parts = tuple(_refused_part(tables, p) for p in request.parts)
        return Conversion(request, tables.version, parts, refusal=outside)
    steps: list[Step] = []
    alerts: list[Alert] = []
    parts = tuple(_part(tables, p, steps, alerts) for p in request.parts)
    ome = sum((p.ome for p in parts), Fraction(0))
    if tgt.routes[request.target_route].lookup and all(
        p.drug.key != tgt.key for p in request.parts
    ):
        found, outside = lookups.target_factor(tables, tgt, request.target_route, ome)
        if outside is not None:
            return Conversion(request, tables.version, parts, ome, refusal=outside)
        request = replace(request, target=found)
    if len(parts) > 1:
        steps.append(
            Step("sum", {"parts": tuple(mg_daily(p.ome) for p in parts), "ome": mg_daily(ome)})
        )
    plaus = tables.plausibility
    if ome > plaus.refuse_above:
        refusal = Refusal(
            "implausible",
            {"ome": mg_daily(ome), "limit": mg_daily(plaus.refuse_above)},
            plaus.sources,
        )
        return Conversion(
            request,
            tables.version,
            parts,
            ome,
            alerts=tuple(alerts),
            refusal=refusal,
            steps=tuple(steps),
        )
    if options.ome_only:
        return Conversion(
            request, tables.version, parts, ome, alerts=tuple(alerts), steps=tuple(steps)
        )
    return _target(tables, request, options, parts, ome, steps, alerts)


def _route_refusal(tables: Tables, request: Request) -> Refusal | None:
    """A route the table refuses for its drug (read with ``parse_request(...,
    refused=True)``): transmucosal fentanyl (``refused_route``), a drug or route a
    guideline profile does not cover (``not_in_profile``)."""
    uses = [(p.drug, p.route, "source") for p in request.parts]
    for drug, route, role in [*uses, (request.target, request.target_route, "target")]:
        why = route_refusal(drug, route, role)
        if why is not None:
            params = {"drug": drug.name, "route": tables.routes[route].name, "text": why.text}
            return Refusal(refusal_code(tables, drug, route), params, why.sources)
    return None


def _lookups(tables: Tables, request: Request) -> tuple[Request, Refusal | None]:
    """Each source patch whose route has a published table (``lookup``) gets the factor
    that table gives at its dose (:mod:`lindring.calc.lookups`)."""
    parts = []
    for part in request.parts:
        if part.drug.routes[part.route].lookup is None:
            parts.append(part)
            continue
        daily_mg = _daily_mg(part, part.drug.routes[part.route])
        drug, outside = lookups.source_factor(tables, part.drug, part.route, daily_mg)
        if outside is not None:
            return request, outside
        parts.append(replace(part, drug=drug))
    return replace(request, parts=tuple(parts)), None


def _target(
    tables: Tables,
    request: Request,
    options: Options,
    parts: tuple[PartResult, ...],
    ome: Fraction,
    steps: list[Step],
    alerts: list[Alert],
) -> Conversion:
    tgt, route = request.target, request.target_route
    f_tgt = tgt.routes[route]
    same_mg, same_low, same_high = _same_drug(tables, request, parts, steps)
    others = [p for p in parts if p.part.drug.key != tgt.key]
    other_ome = sum((p.ome for p in others), Fraction(0))
    other_mg = other_ome / f_tgt.value
    if others:
        steps.append(_target_step(tables, request, f_tgt, other_ome, other_mg))
    eq_mg = same_mg + other_mg
    low_mg = same_low + sum((p.daily_mg * p.factor.low for p in others), Fraction(0)) / f_tgt.high
    high_mg = same_high + sum((p.daily_mg * p.factor.high for p in others), Fraction(0)) / f_tgt.low
    eq, low, high = (shown(tables, tgt, route, v) for v in (eq_mg, low_mg, high_mg))
    if others and same_mg:
        steps.append(
            Step(
                "equianalgesic_sum",
                {"parts": (in_unit_of(eq, same_mg), in_unit_of(eq, other_mg)), "result": eq},
            )
        )
    steps.append(Step("range", {"low": low, "high": high, "result": eq}))
    plan = plan_of(
        tables, ome, same_mg, other_mg, options.reduce_percent, not f_tgt.target_reduction
    )
    target = in_unit_of(eq, plan.target)
    steps.append(_reduction_step(tables, request, plan, eq, target, ome))
    alerts.extend(reduction_alerts(tables, plan.reduction, request))
    patient = Patient(options.egfr, options.frail)
    plan, said = adjust(tables, request, patient, plan, eq_mg)
    if said is not None:
        target = in_unit_of(eq, plan.target)
        steps.append(Step(said.code, {**said.params, "result": target}, said.sources))
    start_low, start_high = in_unit_of(eq, plan.floor), in_unit_of(eq, plan.ceiling)
    most = most_daily(tgt, route)  # the starts supported end at the maximum daily dose
    if most is not None and start_low.value <= most < start_high.value:
        start_high = replace(start_high, value=most)  # (a band above it is refused: whole)
    base = Conversion(
        request,
        tables.version,
        parts,
        ome,
        eq,
        low,
        high,
        plan.reduction,
        suggested_exact=target,
        start_low=start_low,
        start_high=start_high,
        patient=patient,
    )
    avoid = renal_avoid(tables, request, options.egfr)
    if avoid is not None:
        alerts.extend(clinical_alerts(tables, request, parts, ome, eq, options.egfr))
        return replace(base, alerts=tuple(alerts), refusal=avoid, steps=tuple(steps))
    if options.pump:
        return _pumped(tables, base, plan, steps, alerts, options.egfr)
    start = choose_start(tables, tgt, route, plan, options.interval_hours)
    found = start.regimen
    if found is not None and start.moved:
        interval = {"wanted": options.interval_hours, "interval": found.interval_hours}
        alerts.append(Alert("interval_changed", interval))
    if found is None:
        refusal = no_start(tables, request, eq, target, start.why)
        alerts.extend(clinical_alerts(tables, request, parts, ome, eq, options.egfr))
        return replace(base, alerts=tuple(alerts), refusal=refusal, steps=tuple(steps))
    suggested = Amount(found.daily, eq.unit, eq.per_24h)
    steps.append(_regimen_step(found, target, suggested))
    if f_tgt.patch:
        alerts.extend(patch_alerts(f_tgt.patch, target))
    bt, bt_alerts = breakthrough_for(tables, request, found, suggested)
    alerts.extend(bt_alerts)
    if bt is not None:
        steps.append(_breakthrough_step(tables, bt, suggested))
        at_most = breakthrough_ceiling(tgt, most, suggested, bt)
        if at_most is not None:
            alerts.append(at_most)
    alerts.extend(_exemptions(found, bt))
    alerts.extend(clinical_alerts(tables, request, parts, ome, eq, options.egfr))
    return replace(
        base,
        suggested=suggested,
        regimen=found,
        split=_split(found, target, eq.unit),
        patch=found.patch,
        breakthrough=bt,
        alerts=tuple(alerts),
        steps=tuple(steps),
    )


def _same_drug(
    tables: Tables, request: Request, parts: tuple[PartResult, ...], steps: list[Step]
) -> tuple[Fraction, Fraction, Fraction]:
    """mg per 24 h of the target drug from the parts that already are it (any route),
    through the drug's route ratio: the point value and the sources' range."""
    tgt, route = request.target, request.target_route
    total = low = high = Fraction(0)
    for p in parts:
        if p.part.drug.key != tgt.key:
            continue
        through = between(tgt, p.part.route, route)
        if through is None:  # no route ratio in the table: the two factors decide
            f_old, f_new = p.factor, tgt.routes[route]
            value = f_old.value / f_new.value
            low_r, high_r = f_old.low / f_new.high, f_old.high / f_new.low
            sources = (*f_old.sources, *f_new.sources)
        else:
            value, low_r, high_r, sources = (
                through.value,
                through.low,
                through.high,
                through.sources,
            )
        total += p.daily_mg * value
        low += p.daily_mg * low_r
        high += p.daily_mg * high_r
        if p.part.route != route:
            steps.append(_route_ratio_step(tables, request, p, value, low_r, high_r, sources))
    return total, low, high


def _route_ratio_step(
    tables: Tables,
    request: Request,
    part: PartResult,
    value: Fraction,
    low: Fraction,
    high: Fraction,
    sources: tuple[str, ...],
) -> Step:
    """A route change of the same drug: the amount (a patch: what it delivers in 24 h)
    times or divided by the route ratio, written the way round that is at least 1."""
    tgt, route = request.target, request.target_route
    down = value < 1
    factor, span = (1 / value, Span(1 / high, 1 / low)) if down else (value, Span(low, high))
    daily = Amount(in_unit(part.daily_mg, tgt.unit), tgt.unit, per_24h=True)
    params = {
        "daily": daily,
        "old": tables.routes[part.part.route].name,
        "new": tables.routes[route].name,
        "factor": factor,
        "span": span,
        "result": shown(tables, tgt, route, part.daily_mg * value),
    }
    code = "route_ratio_down" if down else "route_ratio_up"
    return Step(code, params, tuple(dict.fromkeys(sources)))


def _exemptions(found: regimen.Regimen, bt: Breakthrough | None) -> list[Alert]:
    """Products had only on exemption (godkjenningsfritak) that the plan uses."""
    used = [found.product, bt.single.product if bt and bt.single else None]
    names = dict.fromkeys(p.name for p in used if p is not None and p.exemption)
    return [Alert("exemption", {"product": name}) for name in names]


def _pumped(
    tables: Tables,
    base: Conversion,
    plan: StartPlan,
    steps: list[Step],
    alerts: list[Alert],
    egfr: Fraction | None = None,
) -> Conversion:
    """The start as a pump's continuous infusion: the daily dose it delivers, and its
    bolus as the breakthrough dose."""
    from lindring.calc.pump import PumpRequest, bolus_breakthrough
    from lindring.calc.pump import plan as plan_pump

    request = base.request
    tgt, route = request.target, request.target_route
    assert base.equianalgesic is not None and base.ome_mg_per_24h is not None
    pumped = plan_pump(tables, PumpRequest(tgt, route, plan.target))
    suggested = Amount(in_unit(pumped.opioid.delivered_mg_per_24h, tgt.unit), tgt.unit, True)
    pump_sources = tables.pump.rules.sources if tables.pump else ()
    steps.append(
        Step(
            "pump",
            {"target": base.suggested_exact, "rate": pumped.rate_ml_per_h, "result": suggested},
            pump_sources,
        )
    )
    bt = bolus_breakthrough(tables, pumped, tgt.unit)
    steps.append(_breakthrough_step(tables, bt, suggested))
    alerts.extend(pumped.alerts)
    alerts.extend(
        clinical_alerts(tables, request, base.parts, base.ome_mg_per_24h, base.equianalgesic, egfr)
    )
    return replace(
        base,
        suggested=suggested,
        pump=pumped,
        breakthrough=bt,
        alerts=tuple(alerts),
        steps=tuple(steps),
    )


def _shown_factor(factor: Factor) -> Fraction:
    return factor.shown_value if factor.shown_value is not None else factor.value


def _refused_part(tables: Tables, part: Part) -> PartResult:
    factor = part.drug.routes.get(part.route)
    daily = (
        shown(tables, part.drug, part.route, part.dose.daily_mg)
        if factor
        else Amount(in_unit(part.dose.daily_mg, part.drug.unit), part.drug.unit, True)
    )
    placeholder = factor or Factor(Fraction(0), Fraction(0), Fraction(0), ())
    return PartResult(part, daily, part.dose.daily_mg, Fraction(0), placeholder)


def _part(tables: Tables, part: Part, steps: list[Step], alerts: list[Alert]) -> PartResult:
    factor = part.drug.routes[part.route]
    daily_mg = _daily_mg(part, factor)
    daily = shown(tables, part.drug, part.route, daily_mg)
    written = Amount(in_unit(part.dose.amount_mg, part.drug.unit), part.drug.unit)
    if factor.patch:
        written = daily
    route = tables.routes[part.route].name
    basis = "prn" if part.dose.prn else part.dose.basis
    steps.append(
        Step(
            f"source_{basis}",
            {
                "drug": part.drug.name,
                "route": route,
                "dose": written,
                "daily": daily,
                "times": part.dose.times,
            },
        )
    )
    if part.dose.basis == "bare" and not factor.patch:
        alerts.append(Alert("bare_dose_is_daily", {"daily": daily}))
    ome = daily_mg * factor.value
    steps.append(
        Step(
            "ome_rate" if factor.patch else "ome",
            {
                "daily": daily,
                "factor": _shown_factor(factor),
                "drug": part.drug.name,
                "route": route,
                "ome": mg_daily(ome),
            },
            factor.sources,
        )
    )
    if factor.patch:
        alerts.append(
            Alert(
                "from_patch",
                {"text": factor.patch.from_patch.text, "brief": factor.patch.from_patch.brief},
                factor.patch.from_patch.sources,
            )
        )
    return PartResult(part, daily, daily_mg, ome, factor)


def _daily_mg(part: Part, factor: Factor) -> Fraction:
    """mg per 24 h; a patch must be typed as a strength sold, in microgram/h."""
    dose = part.dose
    if factor.patch is None:
        return dose.daily_mg
    if dose.basis != "per_hour":
        raise InputError("patch_needs_rate", text=dose.text)
    typed = dose.amount_mg / mg_per("microgram")
    rate = patches.delivered(factor.patch, typed)
    if rate is None and mg_per(dose.unit) >= 1 and patches.delivered(factor.patch, dose.number):
        # "25mg/h": a strength sold, typed with milligram for microgram
        raise InputError("patch_unit_mg", text=dose.text, number=dose.number)
    if rate is None:
        raise InputError(
            "patch_strength_unknown", text=dose.text, strengths=patches.strengths_text(factor.patch)
        )
    return rate * mg_per("microgram") * 24


def _target_step(
    tables: Tables, request: Request, f_tgt: Factor, ome: Fraction, mg: Fraction
) -> Step:
    tgt, route = request.target, request.target_route
    return Step(
        "target_rate" if f_tgt.patch else "target",
        {
            "ome": mg_daily(ome),
            "factor": _shown_factor(f_tgt),
            "drug": tgt.name,
            "route": tables.routes[route].name,
            "result": shown(tables, tgt, route, mg),
        },
        f_tgt.sources,
    )


def _reduction_step(
    tables: Tables, request: Request, plan: StartPlan, eq: Amount, target: Amount, ome: Fraction
) -> Step:
    reduction = plan.reduction
    rule = tables.reduction
    params = {
        "percent": reduction.percent,
        "start": eq,
        "result": target,
        "band_low": reduction.band_low,
        "band_high": reduction.band_high,
        "threshold": mg_daily(rule.threshold_ome),
        "high_percent": rule.at_or_above.default,
        "drug": request.target.name,
    }
    code = f"reduction_{reduction.reason}"
    if all(
        (p.drug.key, p.route) == (request.target.key, request.target_route) for p in request.parts
    ):
        code = "reduction_same"
    edge = ome >= rule.threshold_ome and reduction.percent < rule.at_or_above.default
    if reduction.reason == "drug_change" and edge:
        code = "reduction_edge"
    return Step(code, params, rule.sources)


def _regimen_step(found: regimen.Regimen, target: Amount, suggested: Amount) -> Step:
    up = suggested.value > target.value
    if found.patch is not None:
        choice = found.patch
        return Step(
            "patch_up" if up else "patch",
            {
                "exact": target,
                "labels": " + ".join(choice.labels),
                "rate": suggested,
                "product": choice.product.product,
                "hours": choice.product.change_every_hours,
            },
            choice.product.sources,
        )
    product = found.product
    assert product is not None
    code = "regimen_up" if up else "regimen"
    if product.form == "infusion":
        code = "regimen_infusion"
    units = tuple(Amount(u, suggested.unit) for u in found.units)
    return Step(
        code,
        {
            "target": target,
            "product": product.name,
            "dose": _dose_words(found, suggested.unit),
            "units": units,
            "interval": found.interval_hours,
            "n": found.doses_per_24h,
            "result": suggested,
        },
        product.sources,
    )


def _dose_words(found: regimen.Regimen, unit: str) -> Amount | tuple[Amount, ...]:
    """One dose as its units (``10 mg + 5 mg``) or, for a liquid, its amount."""
    if len(found.units) > 1:
        return tuple(Amount(u, unit) for u in found.units)
    return Amount(found.dose, unit)


def _split(found: regimen.Regimen, target: Amount, unit: str) -> DoseSplit | None:
    """The regimen as the dose split of schema version 1 (not for patches)."""
    if found.product is None:
        return None
    n = found.doses_per_24h
    return DoseSplit(
        found.interval_hours,
        n,
        Amount(found.dose, unit),
        Amount(target.value / n, unit),
        Amount(found.product.dose_step, unit),
    )


def _breakthrough_step(tables: Tables, bt: Breakthrough, daily: Amount) -> Step:
    single = bt.single
    params: dict[str, object] = {
        "daily": daily,
        "fraction": str(bt.fraction),
        "exact": Amount(daily.value * bt.fraction, daily.unit),
        "dose": bt.dose if single is None else _dose_words(single, bt.dose.unit),
        "product": single.product.name if single and single.product else "",
        "low": bt.low,
        "high": bt.high,
        "frac_low": str(tables.breakthrough.low),
        "frac_high": str(tables.breakthrough.high),
    }
    if single is None:
        return Step("breakthrough_pump", params, tables.breakthrough.sources)
    if bt.drug:
        params["drug"] = tables.opioids[bt.drug].name
        params["route"] = tables.routes[bt.route].name
        return Step("breakthrough_patch", params, tables.breakthrough.sources)
    return Step("breakthrough", params, tables.breakthrough.sources)
