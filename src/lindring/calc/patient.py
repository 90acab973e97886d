"""The patient in front of the clinician: kidney function (``--egfr``) and frailty
(``--frail``).

Each drug's ``renal`` entry in the table may give advice by eGFR band (avoid, reduce,
prefer; docs/conversion.md, "The patient"). A ``reduce`` band with a percent, and the
table's ``rules.frail``, lower the start. They are applied once: the largest of the
handbook's reduction and these is used, never one on top of another. Pure: data in,
result out.
"""

from __future__ import annotations

import re
from fractions import Fraction

from lindring.calc.request import Request, route_refusal
from lindring.calc.tolerance import StartPlan
from lindring.calc.working import Alert, Reduction, Refusal, Step
from lindring.errors import InputError
from lindring.model import Localized, RenalBand, Tables
from lindring.records import record


@record
class Patient:
    egfr: Fraction | None = None  # ml/min/1.73 m²
    frail: bool = False


def renal_band(request: Request, egfr: Fraction | None) -> RenalBand | None:
    """The target drug's band for ``egfr`` (``None`` without --egfr or above every band)."""
    renal = request.target.renal
    if egfr is None or renal is None:
        return None
    return renal.band(egfr)


def renal_alert(request: Request, egfr: Fraction | None) -> Alert | None:
    """Without --egfr: the drug's one-line caution; with it: the band's advice, or none."""
    tgt = request.target
    if tgt.renal is None:
        return None
    if egfr is None:
        return Alert("renal", {"drug": tgt.name, "text": tgt.renal.text}, tgt.renal.sources)
    band = tgt.renal.band(egfr)
    if band is None:
        return None
    params = {"drug": tgt.name, "egfr": egfr, "below": band.below, "text": band.text}
    return Alert(f"renal_{band.advice}", params, band.sources)


def renal_avoid(tables: Tables, request: Request, egfr: Fraction | None) -> Refusal | None:
    """No start of a target the table advises avoiding at ``egfr`` (an ``avoid`` band):
    the refusal names the drugs by the same route that the table does not advise against
    at that eGFR (in the table's order, those it prefers first and those it reduces
    last); a drug whose renal advice the table does not give is not named."""
    band = renal_band(request, egfr)
    if egfr is None or band is None or band.advice != "avoid":
        return None
    route = request.target_route
    rank = {"prefer": 0, None: 1, "reduce": 2}
    found: list[tuple[int, int, Localized]] = []
    for order, drug in enumerate(tables.opioids.values()):
        factor = drug.routes.get(route)
        if drug.key == request.target.key or drug.status != "normal" or factor is None:
            continue
        if drug.renal is None:
            continue
        if route_refusal(drug, route, "target") is not None:
            continue
        if not (factor.products or factor.patch):
            continue
        other = drug.renal.band(egfr)
        advice = None if other is None else other.advice
        if advice in rank:
            found.append((rank[advice], order, drug.name))
    others = tuple(name for _, _, name in sorted(found, key=lambda f: (f[0], f[1])))
    params: dict[str, object] = {
        "drug": request.target.name,
        "route": tables.routes[route].name,
        "egfr": egfr,
        "below": band.below,
        "others": others,
    }
    return Refusal("renal_avoid" if others else "renal_avoid_all", params, band.sources)


def adjust(
    tables: Tables, request: Request, patient: Patient, plan: StartPlan, total_mg: Fraction
) -> tuple[StartPlan, Step | None]:
    """The plan with the largest patient reduction when it is larger than the plan's own
    (``total_mg``: the equianalgesic dose, mg per 24 h), and the step that says so."""
    candidates: list[tuple[Fraction, str, tuple[str, ...]]] = []
    band = renal_band(request, patient.egfr)
    if band is not None and band.advice == "reduce" and band.percent is not None:
        candidates.append((band.percent, "renal", band.sources))
    if patient.frail and tables.frail is not None:
        candidates.append((tables.frail.percent, "frail", tables.frail.sources))
    if not candidates:
        return plan, None
    percent, reason, sources = max(candidates, key=lambda c: c[0])
    own = plan.reduction
    if percent <= own.percent or own.reason == "override":
        return plan, Step(
            f"patient_{reason}_kept",
            {"percent": percent, "own": own.percent, "egfr": patient.egfr or Fraction(0)},
            sources,
        )
    reduced = total_mg * (100 - percent) / 100
    reduction = Reduction(percent, reason, own.band_low, own.band_high)
    step = Step(
        f"patient_{reason}",
        {"percent": percent, "own": own.percent, "egfr": patient.egfr or Fraction(0)},
        sources,
    )
    return StartPlan(reduction, reduced, reduced, reduced), step


def parse_egfr(text: str | None) -> Fraction | None:
    """``--egfr`` as an exact number from 1 to 200 (``"45"``, ``"45,5"``)."""
    if text is None:
        return None
    cleaned = text.strip().replace(",", ".")
    if not re.fullmatch(r"[0-9]{1,3}(\.[0-9]{1,2})?", cleaned):
        raise InputError("egfr", text=text)
    value = Fraction(cleaned)
    if not 1 <= value <= 200:
        raise InputError("egfr", text=text)
    return value
