"""Results as plain data for ``--json`` (and, later, batch output). No terminal code.

The shape is documented in ``docs/json.md`` and kept stable: fields may be added,
never renamed or removed, without raising ``schema_version``.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any

from lindring import __version__
from lindring.calc.convert import Conversion
from lindring.calc.working import Alert, DoseSplit, PartResult, Refusal, Step
from lindring.errors import LindringError, TableError
from lindring.i18n import text
from lindring.model import Amount, Localized, Span
from lindring.numbers import json_number

if TYPE_CHECKING:  # type names only: importing the pump is not needed for a conversion
    from lindring.calc.patches import PatchChoice
    from lindring.calc.pump import PumpPlan

SCHEMA_VERSION = 1
UNITS = {"mg": "mg", "microgram": "microgram", "microgram/h": "microgram/h"}


def head() -> dict[str, Any]:
    """``schema_version`` and ``tool_version``, first in every lindring JSON object."""
    return {"schema_version": SCHEMA_VERSION, "tool_version": __version__}


def amount(value: Amount | None) -> dict[str, Any] | None:
    if value is None:
        return None
    unit = UNITS[value.unit] + ("/24h" if value.per_24h else "")
    return {"value": json_number(value.value), "unit": unit}


def _param(value: Any) -> Any:
    if isinstance(value, Amount):
        return amount(value)
    if isinstance(value, Fraction):
        return json_number(value)
    if isinstance(value, Localized):
        return {"nb": value.nb, "en": value.en}
    if isinstance(value, tuple):
        return [_param(item) for item in value]
    if isinstance(value, Span):
        return {"low": json_number(value.low), "high": json_number(value.high)}
    return value


def _coded(item: Step | Alert | Refusal, lang: str) -> dict[str, Any]:
    return {"code": item.code, "message": item.text(lang), "sources": list(item.sources)}


def _refused(item: Refusal, lang: str) -> dict[str, Any]:
    """Every refusal has one shape: code, message, sources and where to turn."""
    return {**_coded(item, lang), "where": text(f"where.{item.code}", lang)}


def _step(step: Step, lang: str) -> dict[str, Any]:
    data = _coded(step, lang)
    data["values"] = {k: _param(v) for k, v in step.params.items() if v is not None}
    return data


def _number(value: Fraction | None) -> int | float | None:
    return None if value is None else json_number(value)


def _part(part: PartResult, refused: bool) -> dict[str, Any]:
    dose = part.part.dose
    return {
        "drug": part.part.drug.key,
        "route": part.part.route,
        "dose": dose.text,
        "daily_dose": amount(part.daily),
        "daily_dose_basis": dose.basis,
        "prn": dose.prn,
        "ome_mg_per_24h": None if refused else json_number(part.ome),
    }


def _split(split: DoseSplit | None) -> dict[str, Any] | None:
    if split is None:
        return None
    return {
        "interval_hours": split.interval_hours,
        "doses_per_24h": split.doses_per_24h,
        "dose": amount(split.dose),
        "dose_unrounded": amount(split.exact),
        "rounding_step": amount(split.step),
    }


def _patches(choice: PatchChoice | None) -> dict[str, Any] | None:
    if choice is None:
        return None
    return {
        "product": choice.product.product,
        "patches": list(choice.labels),
        "rate": amount(Amount(choice.rate, "microgram/h")),
        "change_every_hours": choice.product.change_every_hours,
    }


def _breakthrough(conv: Conversion) -> dict[str, Any] | None:
    bt = conv.breakthrough
    if bt is None:
        return None
    single = bt.single
    return {
        "dose": amount(bt.dose),
        "drug": bt.drug or conv.request.target.key,
        "route": bt.route or conv.request.target_route,
        "fraction": str(bt.fraction),
        "range": {"low": amount(bt.low), "high": amount(bt.high)},
        "product": None if single is None or single.product is None else single.product.name,
        "pump_bolus": single is None,
    }


def _regimen(conv: Conversion) -> dict[str, Any] | None:
    found = conv.regimen
    if found is None or found.product is None or conv.suggested is None:
        return None
    product, unit = found.product, conv.suggested.unit
    return {
        "product": product.name,
        "form": product.form,
        "release": product.release,
        "exemption": product.exemption,
        "interval_hours": found.interval_hours,
        "doses_per_24h": found.doses_per_24h,
        "dose": amount(Amount(found.dose, unit)),
        "units": [amount(Amount(u, unit)) for u in found.units],
        "volume_ml": None if found.volume_ml is None else json_number(found.volume_ml),
        "daily_dose": amount(conv.suggested),
    }


def conversion_dict(conv: Conversion, lang: str) -> dict[str, Any]:
    """The ``--json`` object for one conversion (``docs/json.md``)."""
    req = conv.request
    nonlinear = conv.refusal is not None and conv.ome_mg_per_24h is None
    parts = [_part(p, nonlinear) for p in conv.parts]
    single = parts[0] if len(parts) == 1 else dict.fromkeys(parts[0])
    target: dict[str, Any] = {
        "drug": req.target.key,
        "route": req.target_route,
        "equianalgesic_daily_dose": amount(conv.equianalgesic),
        "range": None
        if conv.low is None or conv.high is None
        else {"low": amount(conv.low), "high": amount(conv.high)},
        "suggested_daily_dose": amount(conv.suggested),
        "suggested_daily_dose_unrounded": amount(conv.suggested_exact),
        "dose_split": _split(conv.split),
        "patches": _patches(conv.patch),
        "regimen": _regimen(conv),
        "start_range": None
        if conv.start_low is None or conv.start_high is None
        else {"low": amount(conv.start_low), "high": amount(conv.start_high)},
    }
    return {
        **head(),
        "table_version": conv.table_version,
        "input": {
            k: single[k] for k in ("drug", "route", "dose", "daily_dose", "daily_dose_basis")
        },
        "parts": parts,
        "ome_mg_per_24h": _number(conv.ome_mg_per_24h),
        "target": target,
        "reduction_percent": None
        if conv.reduction is None
        else json_number(conv.reduction.percent),
        "reduction_reason": None if conv.reduction is None else conv.reduction.reason,
        "patient": {
            "egfr": _number(conv.patient.egfr),
            "frail": conv.patient.frail,
        },
        "breakthrough_dose": _breakthrough(conv),
        "warnings": [_coded(a, lang) for a in conv.alerts],
        "refused": None if conv.refusal is None else _refused(conv.refusal, lang),
        "steps": [_step(s, lang) for s in conv.steps],
        "language": lang,
    }


def error_dict(error: LindringError, lang: str) -> dict[str, Any]:
    """The ``--json`` object for an input error or a refused name."""
    key = "refused" if error.exit_code == 3 else "error"
    body: dict[str, Any] = {"code": error.code, "message": error.message(lang)}
    if key == "refused":
        body["sources"] = list(error.params.get("sources", ()))
        body["where"] = text(f"where.{error.code}", lang)
    if isinstance(error, TableError):
        body["problems"] = [problem.text(lang=lang) for problem in error.problems]
        body["problem_codes"] = [problem.code for problem in error.problems]
    return {**head(), key: body}


def pump_document(plan: PumpPlan, table_version: str, lang: str) -> dict[str, Any]:
    """The ``lindring pump --json`` object: the versions, the plan, the language."""
    return {
        **head(),
        "table_version": table_version,
        **pump_dict(plan, lang),
        "language": lang,
    }


def pump_dict(plan: PumpPlan, lang: str) -> dict[str, Any]:
    """A pump plan as JSON: the body of ``pump --json`` and ``convert --pump``'s ``pump``."""
    return {
        "route": plan.request.route,
        "days": plan.days,
        "rate_ml_per_h": json_number(plan.rate_ml_per_h),
        "fill_ml": json_number(plan.fill_ml),
        "diluent_ml": json_number(plan.diluent_ml),
        "drugs": [
            {
                "drug": d.key,
                "daily_dose_mg": json_number(d.daily_mg),
                "stock_mg_per_ml": json_number(d.stock.mg_per_ml),
                "draw_ml": json_number(d.drawn_ml),
                "ampoules": d.ampoules,
                "amount_mg": json_number(d.amount_mg),
                "concentration_mg_per_ml": json_number(d.concentration),
                "delivered_mg_per_24h": json_number(d.delivered_mg_per_24h),
            }
            for d in plan.drugs
        ],
        "bolus": {
            "fraction": str(plan.bolus_fraction),
            "volume_ml": json_number(plan.bolus_ml),
            "dose_mg": json_number(plan.bolus_mg),
            "lockout_minutes": plan.lockout_minutes,
        },
        "warnings": [_coded(a, lang) for a in plan.alerts],
    }
