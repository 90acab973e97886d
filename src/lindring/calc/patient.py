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
from dataclasses import dataclass
from fractions import Fraction

from lindring.calc.request import Request
from lindring.calc.tolerance import StartPlan
from lindring.calc.working import Alert, Reduction, Step
from lindring.errors import InputError
from lindring.model import RenalBand, Tables


@dataclass(frozen=True)
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
