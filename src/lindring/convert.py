"""The equianalgesic conversion: what the patient takes now to another drug and route.

The working, each step recorded in the result:

1. the 24-hour dose of each part the patient takes (a bare dose is the 24-hour total;
   a patch or infusion is a rate per hour; ``prn`` parts are breakthrough doses taken);
2. oral morphine equivalent (OME) of each part = daily dose x its factor, then summed;
3. equianalgesic dose = OME / target factor, with its range from the factors' ranges
   (low = sum of daily x source low / target high; high = sum of daily x source high /
   target low);
4. the suggestion starts from the *low end* of that range: where sources disagree, the
   end that cannot push the dose too high in this direction (docs/conversion.md);
5. reduction for incomplete cross-tolerance when the drug changes (``tolerance.py``);
6. the suggested daily dose split into doses every N hours, each rounded *down* to the
   practical step; for a patch, the largest combination of strengths that does not
   exceed the calculated rate (``patches.py``);
7. the breakthrough dose from the rounded daily dose (``breakthrough.py``);
8. the warnings that apply. Non-linear drugs (methadone) are refused with a referral.

All arithmetic is exact (:class:`~fractions.Fraction`); doses are in mg per 24 h
inside and in the drug's unit (mg, microgram, or microgram/h for patches) in the result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from lindring import patches
from lindring.breakthrough import breakthrough_dose
from lindring.convert_alerts import clinical_alerts, patch_alerts, reduction_alerts
from lindring.errors import InputError
from lindring.model import Amount, Factor, Opioid, Span, Tables
from lindring.numbers import floor_to_step
from lindring.request import Part, Request
from lindring.tolerance import apply_reduction, choose_reduction
from lindring.units import mg_per
from lindring.working import Alert, Breakthrough, DoseSplit, Reduction, Refusal, Step

INTERVALS = (1, 2, 3, 4, 6, 8, 12, 24)
RATE_UNIT = "microgram/h"


@dataclass(frozen=True)
class Options:
    """Choices the user may make: ``--reduce`` (percent) and ``--interval`` (hours)."""

    reduce_percent: Fraction | None = None
    interval_hours: int | None = None


@dataclass(frozen=True)
class PartResult:
    """One part converted to oral morphine: its daily dose (or rate) and its OME."""

    part: Part
    daily: Amount
    daily_mg: Fraction  # mg per 24 h (a patch's rate x 24 h)
    ome: Fraction
    factor: Factor


@dataclass(frozen=True)
class Conversion:
    """Everything a conversion found. Target fields are ``None`` when it was refused."""

    request: Request
    table_version: str
    parts: tuple[PartResult, ...]
    ome_mg_per_24h: Fraction | None = None
    equianalgesic: Amount | None = None
    low: Amount | None = None
    high: Amount | None = None
    reduction: Reduction | None = None
    suggested_exact: Amount | None = None
    suggested: Amount | None = None
    split: DoseSplit | None = None
    patch: patches.PatchChoice | None = None
    breakthrough: Breakthrough | None = None
    alerts: tuple[Alert, ...] = ()
    refusal: Refusal | None = None
    steps: tuple[Step, ...] = field(default=())

    @property
    def daily(self) -> Amount:
        """The first (usually the only) part's daily dose."""
        return self.parts[0].daily


def in_unit(mg: Fraction, unit: str) -> Fraction:
    """``mg`` (per 24 h) expressed in ``unit`` (``mg``, ``microgram``, ``microgram/h``)."""
    if unit == RATE_UNIT:
        return mg / (mg_per("microgram") * 24)
    return mg / mg_per(unit)


def shown(tables: Tables, drug: Opioid, route: str, mg_per_24h: Fraction) -> Amount:
    """A daily amount in mg as the drug and route are dosed (patches as a rate)."""
    if tables.routes[route].kind == "rate":
        return Amount(in_unit(mg_per_24h, RATE_UNIT), RATE_UNIT)
    return Amount(in_unit(mg_per_24h, drug.unit), drug.unit, per_24h=True)


def convert(tables: Tables, request: Request, options: Options | None = None) -> Conversion:
    """Convert ``request`` with ``tables``; never raises for clinical reasons (see ``refusal``)."""
    options = options or Options()
    tgt = request.target
    steps: list[Step] = []
    alerts: list[Alert] = []
    for drug in (*(p.drug for p in request.parts), tgt):
        if drug.status == "nonlinear":
            refusal = Refusal(
                "nonlinear", {"drug": drug.name, "text": drug.status_text}, drug.sources
            )
            parts = tuple(_refused_part(tables, p) for p in request.parts)
            return Conversion(request, tables.version, parts, refusal=refusal)
    parts = tuple(_part(tables, p, steps, alerts) for p in request.parts)
    ome = sum((p.ome for p in parts), Fraction(0))
    if len(parts) > 1:
        steps.append(Step("sum", {"parts": tuple(_mg(p.ome) for p in parts), "ome": _mg(ome)}))
    plaus = tables.plausibility
    if ome > plaus.refuse_above:
        refusal = Refusal(
            "implausible", {"ome": _mg(ome), "limit": _mg(plaus.refuse_above)}, plaus.sources
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

    f_tgt = tgt.routes[request.target_route]
    eq_mg = ome / f_tgt.value
    # a part already given as the target drug and route converts exactly (ratio 1)
    same = [p for p in parts if (p.part.drug.key, p.part.route) == (tgt.key, request.target_route)]
    exact_mg = sum((p.daily_mg for p in same), Fraction(0))
    others = [p for p in parts if p not in same]
    low_mg = exact_mg + sum((p.daily_mg * p.factor.low for p in others), Fraction(0)) / f_tgt.high
    high_mg = exact_mg + sum((p.daily_mg * p.factor.high for p in others), Fraction(0)) / f_tgt.low
    eq, low, high = (shown(tables, tgt, request.target_route, v) for v in (eq_mg, low_mg, high_mg))
    route_name = tables.routes[request.target_route].name
    steps.append(
        Step(
            "target_rate" if f_tgt.patch else "target",
            {
                "ome": _mg(ome),
                "factor": _shown_factor(f_tgt),
                "drug": tgt.name,
                "route": route_name,
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
                "source": _shown_span(parts),
                "target": f_tgt.shown or Span(f_tgt.low, f_tgt.high),
            },
        )
    )
    steps.append(Step("basis_low" if low_mg < eq_mg else "basis_point", {"low": low}))

    same_drug = all(p.part.drug.key == tgt.key for p in parts)
    reduction = choose_reduction(
        tables.reduction,
        ome,
        same_drug,
        options.reduce_percent,
        included=not f_tgt.target_reduction,
    )
    reduced = Amount(apply_reduction(low.value, reduction), low.unit, low.per_24h)
    steps.append(_reduction_step(tables, reduction, low, reduced))
    alerts.extend(reduction_alerts(tables, reduction, request))

    split: DoseSplit | None = None
    choice: patches.PatchChoice | None = None
    if f_tgt.patch:
        choice = patches.choose(f_tgt.patch, reduced.value)
        suggested = Amount(choice.rate if choice else Fraction(0), RATE_UNIT)
        steps.append(_patch_step(reduced, choice))
        alerts.extend(patch_alerts(f_tgt.patch, reduced, choice))
        bt = _patch_breakthrough(tables, f_tgt, suggested)
    else:
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
        suggested = Amount(split.dose.value * split.doses_per_24h, reduced.unit, True)
        if split.dose.value == 0:
            alerts.append(Alert("below_step", {"exact": split.exact, "step": split.step}))
        bt = breakthrough_dose(tables.breakthrough, suggested.value, suggested.unit, f_tgt.step)
    steps.append(_breakthrough_step(tables, bt, suggested))
    if bt.dose.value == 0 and suggested.value > 0:
        alerts.append(Alert("breakthrough_below_step", {"step": Amount(f_tgt.step, bt.dose.unit)}))
    alerts.extend(clinical_alerts(tables, request, parts, ome, eq))
    return Conversion(
        request,
        tables.version,
        parts,
        ome,
        eq,
        low,
        high,
        reduction,
        reduced,
        suggested,
        split,
        choice,
        bt,
        tuple(alerts),
        None,
        tuple(steps),
    )


def _mg(value: Fraction) -> Amount:
    return Amount(value, "mg", per_24h=True)


def _shown_factor(factor: Factor) -> Fraction:
    return factor.shown_value if factor.shown_value is not None else factor.value


def _shown_span(parts: tuple[PartResult, ...]) -> Span | tuple[Span, ...]:
    spans = tuple(p.factor.shown or Span(p.factor.low, p.factor.high) for p in parts)
    return spans[0] if len(spans) == 1 else spans


def _refused_part(tables: Tables, part: Part) -> PartResult:
    factor = part.drug.routes.get(part.route)
    daily = (
        shown(tables, part.drug, part.route, part.dose.daily_mg)
        if factor
        else Amount(in_unit(part.dose.daily_mg, part.drug.unit), part.drug.unit, True)
    )
    placeholder = factor or Factor(Fraction(0), Fraction(0), Fraction(0), (), Fraction(1), ())
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
                "ome": _mg(ome),
            },
            factor.sources,
        )
    )
    if factor.patch:
        alerts.append(
            Alert(
                "from_patch",
                {"text": factor.patch.from_patch.text},
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


def _reduction_step(tables: Tables, reduction: Reduction, start: Amount, reduced: Amount) -> Step:
    params = {
        "percent": reduction.percent,
        "start": start,
        "result": reduced,
        "band_low": reduction.band_low,
        "band_high": reduction.band_high,
        "threshold": _mg(tables.reduction.threshold_ome),
        "high_percent": tables.reduction.at_or_above.default,
    }
    return Step(f"reduction_{reduction.reason}", params, tables.reduction.sources)


def _split(tables: Tables, request: Request, daily: Amount, interval: int | None) -> DoseSplit:
    hours = (
        tables.routes[request.target_route].default_interval_hours if interval is None else interval
    )
    if hours not in INTERVALS:
        raise InputError("interval", hours=hours, allowed=", ".join(map(str, INTERVALS)))
    n = 24 // hours
    step = request.target.routes[request.target_route].step
    exact = daily.value / n
    dose = floor_to_step(exact, step)
    unit = daily.unit
    return DoseSplit(hours, n, Amount(dose, unit), Amount(exact, unit), Amount(step, unit))


def _patch_step(exact: Amount, choice: patches.PatchChoice | None) -> Step:
    if choice is None:
        return Step("patch_none", {"exact": exact})
    return Step(
        "patch",
        {
            "exact": exact,
            "labels": " + ".join(choice.labels),
            "rate": Amount(choice.rate, RATE_UNIT),
            "product": choice.product.product,
            "hours": choice.product.change_every_hours,
        },
        choice.product.sources,
    )


def _patch_breakthrough(tables: Tables, f_tgt: Factor, patch_rate: Amount) -> Breakthrough:
    """Rescue doses with a patch: a fraction of the patch's OME as the rescue drug."""
    drug_key, route = tables.breakthrough.patch_rescue
    rescue = tables.opioids[drug_key]
    factor = rescue.routes[route]
    ome = patch_rate.value * 24 * mg_per("microgram") * f_tgt.value
    daily = in_unit(ome / factor.value, rescue.unit)
    return breakthrough_dose(tables.breakthrough, daily, rescue.unit, factor.step, drug_key, route)


def _breakthrough_step(tables: Tables, bt: Breakthrough, daily: Amount) -> Step:
    params: dict[str, object] = {
        "daily": daily,
        "fraction": str(bt.fraction),
        "dose": bt.dose,
        "low": bt.low,
        "high": bt.high,
        "frac_low": str(tables.breakthrough.low),
        "frac_high": str(tables.breakthrough.high),
    }
    if bt.drug:
        params["drug"] = tables.opioids[bt.drug].name
        params["route"] = tables.routes[bt.route].name
        return Step("breakthrough_patch", params, tables.breakthrough.sources)
    return Step("breakthrough", params, tables.breakthrough.sources)
