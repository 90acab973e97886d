"""The schemas of ``lindring convert --json``, ``lindring pump --json`` and
``lindring compare --json`` (``docs/json.md``, ``docs/pump.md``, ``docs/profiles.md``),
read off :func:`lindring.output.json.conversion_dict`, ``pump_dict`` and
:func:`lindring.output.editor_json.compare_dict`.

Codes come from the message catalogue (``alert.*``, ``step.*``, ``refusal.*``,
``where.*``): a new code there changes the schema, and the drift test asks for it to be
regenerated.
"""

from __future__ import annotations

from lindring.model import LANGS
from lindring.output.schema.shape import (
    FRACTION,
    Schema,
    amount,
    arr,
    boolean,
    coded,
    document,
    enum,
    error_object,
    head,
    integer,
    nullable,
    number,
    obj,
    ref,
    result_or_error,
    span,
    string,
    strings,
)
from lindring.table.spec import FORMS, RELEASES

BASES = ("bare", "times", "per_24h", "per_hour")
REASONS = (
    "drug_change",
    "part_drug_change",
    "route_change",
    "included",
    "override",
    "renal",
    "frail",
)
SPREADS = ("equianalgesic_daily_dose", "suggested_daily_dose")


def codes(prefix: str) -> list[str]:
    """The codes the catalogue has under ``prefix.`` (every part of it loaded)."""
    from lindring.i18n import MESSAGES, load_catalogues

    load_catalogues()
    return sorted(k.split(".", 1)[1] for k in MESSAGES if k.startswith(f"{prefix}."))


def refused_codes() -> list[str]:
    """Every code a refusal can carry: the ones with a place to turn (``where.*``)."""
    return [c for c in codes("where") if c != "label"]


def _input() -> Schema:
    return obj(
        {
            "drug": nullable(string()),
            "route": nullable(string()),
            "dose": nullable(string()),
            "daily_dose": nullable(ref("amount")),
            "daily_dose_basis": nullable(enum(BASES)),
        },
        doc="the first part's fields; every value null when several parts were added up",
    )


def _part() -> Schema:
    return obj(
        {
            "drug": string(),
            "route": string(),
            "dose": string("as typed, after Unicode normalisation"),
            "daily_dose": ref("amount"),
            "daily_dose_basis": enum(BASES),
            "prn": boolean(),
            "ome_mg_per_24h": nullable(
                number(doc="null when refused for a non-linear drug (nothing was calculated)")
            ),
        }
    )


def _target() -> Schema:
    amount_or_null = nullable(ref("amount"))
    range_or_null = nullable(ref("range"))
    return obj(
        {
            "drug": string(),
            "route": string(),
            "equianalgesic_daily_dose": amount_or_null,
            "range": range_or_null,
            "suggested_daily_dose": amount_or_null,
            "suggested_daily_dose_unrounded": amount_or_null,
            "dose_split": nullable(
                obj(
                    {
                        "interval_hours": integer(1),
                        "doses_per_24h": integer(1),
                        "dose": ref("amount"),
                        "dose_unrounded": ref("amount"),
                        "rounding_step": ref("amount"),
                    }
                )
            ),
            "patches": nullable(
                obj(
                    {
                        "product": string(),
                        "patches": arr(string(), min_items=1),
                        "rate": ref("amount"),
                        "change_every_hours": integer(1),
                    }
                )
            ),
            "regimen": nullable(
                obj(
                    {
                        "product": string(),
                        "form": enum(FORMS),
                        "release": enum(RELEASES),
                        "exemption": boolean(),
                        "interval_hours": integer(1),
                        "doses_per_24h": integer(1),
                        "dose": ref("amount"),
                        "units": arr(ref("amount")),
                        "volume_ml": nullable(number()),
                        "daily_dose": ref("amount"),
                    }
                )
            ),
            "start_range": range_or_null,
        }
    )


def _breakthrough() -> Schema:
    return obj(
        {
            "dose": ref("amount"),
            "drug": string(),
            "route": string(),
            "fraction": string(pattern=FRACTION),
            "range": ref("range"),
            "product": nullable(string()),
            "pump_bolus": boolean(),
        }
    )


def conversion_properties() -> dict[str, Schema]:
    """The keys of one conversion object (``conversion_dict``), by name."""
    return {
        **head(),
        "table_version": string(),
        "input": _input(),
        "parts": arr(ref("part"), min_items=1),
        "ome_mg_per_24h": nullable(number()),
        "target": _target(),
        "reduction_percent": nullable(number(0, 100)),
        "reduction_reason": nullable(enum(REASONS)),
        "patient": obj({"egfr": nullable(number()), "frail": boolean()}),
        "breakthrough_dose": nullable(_breakthrough()),
        "warnings": arr(ref("warning")),
        "refused": nullable(ref("refusal")),
        "steps": arr(ref("step")),
        "language": enum(LANGS),
    }


def step() -> Schema:
    found = coded(codes("step"))
    found["properties"]["values"] = {
        "type": "object",
        "description": "the numbers and names in the message, by name (may grow)",
    }
    found["required"].append("values")
    return found


def refused_means_no_start() -> Schema:
    """A refused conversion suggests no start and no breakthrough dose (docs/json.md)."""
    return {
        "if": {"required": ["refused"], "properties": {"refused": {"type": "object"}}},
        "then": {
            "properties": {
                "target": {"properties": {"suggested_daily_dose": {"type": "null"}}},
                "breakthrough_dose": {"type": "null"},
            }
        },
    }


def with_rules(conversion: Schema) -> Schema:
    """``conversion`` with the rules that tie its fields together."""
    return {**conversion, "allOf": [refused_means_no_start()]}


def conversion_defs() -> dict[str, Schema]:
    """The definitions a conversion object refers to."""
    return {
        "amount": amount(),
        "range": span(ref("amount")),
        "part": _part(),
        "warning": coded(codes("alert")),
        "refusal": coded(codes("refusal"), where=True),
        "step": step(),
        "conversion": with_rules(
            obj(conversion_properties(), doc="one conversion (conversion_dict)")
        ),
    }


def pump_plan() -> Schema:
    drug = obj(
        {
            "drug": string(),
            "daily_dose_mg": number(),
            "stock_mg_per_ml": number(),
            "draw_ml": number(),
            "ampoules": integer(0),
            "amount_mg": number(),
            "concentration_mg_per_ml": number(),
            "delivered_mg_per_24h": number(),
        }
    )
    bolus = obj(
        {
            "fraction": string(pattern=FRACTION),
            "volume_ml": number(),
            "dose_mg": number(),
            "lockout_minutes": integer(0),
        }
    )
    return obj(
        {
            "route": string(),
            "days": integer(1),
            "rate_ml_per_h": number(),
            "fill_ml": number(),
            "diluent_ml": number(),
            "drugs": arr(drug, min_items=1),
            "bolus": bolus,
            "warnings": arr(ref("warning")),
        },
        doc="a pump plan (pump_dict, docs/pump.md)",
    )


def convert_schema() -> Schema:
    properties = conversion_properties()
    properties["pump"] = nullable(ref("pump"))
    properties["explain"] = nullable(obj({"chapter": string(), "section": string()}))
    result = obj(
        properties,
        optional=("pump", "explain"),
        doc="a conversion; `pump` only with --pump, `explain` only with --explain",
    )
    result["allOf"] = [
        refused_means_no_start(),
        {  # no start, no pump
            "if": {"required": ["refused"], "properties": {"refused": {"type": "object"}}},
            "then": {"properties": {"pump": {"type": "null"}}},
        },
    ]
    defs = conversion_defs()
    del defs["conversion"]
    defs = {"result": result, **defs, "pump": pump_plan(), "error": error_object(refused_codes())}
    return document(
        "lindring convert --json",
        "One conversion, or the error object (docs/json.md).",
        result_or_error("result"),
        defs,
    )


def pump_schema() -> Schema:
    plan = pump_plan()
    plan["properties"] = {
        **head(),
        "table_version": string("the conversion table's version"),
        **plan["properties"],
        "language": enum(LANGS),
    }
    plan["required"] = list(plan["properties"])
    defs = {
        "result": plan,
        "warning": coded(codes("alert")),
        "error": error_object(refused_codes()),
    }
    return document(
        "lindring pump --json",
        "A pump plan, or the error object (docs/pump.md).",
        result_or_error("result"),
        defs,
    )


def _spread() -> Schema:
    return nullable(
        obj(
            {
                "min": ref("amount"),
                "max": ref("amount"),
                "min_profile": string(),
                "max_profile": string(),
                "max_over_min": nullable(number(1)),
            },
            doc="the lowest and highest result over the profiles that gave one",
        )
    )


def compare_schema() -> Schema:
    profile = obj(
        {
            "profile": string(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$"),
            "name": obj({lang: string() for lang in LANGS}),
            "table_version": string(),
            "covered": boolean(),
            "not_covered": nullable(string("why this guideline gives no number")),
            "not_covered_code": nullable(
                enum(sorted({*refused_codes(), "profile_lacks_drug"}), "the refusal's code")
            ),
            "conversion": nullable(ref("conversion")),
            "reduction_sources": strings("the sources of the reduction rule followed"),
        }
    )
    result = obj(
        {
            **head(),
            "profiles": arr(profile, min_items=1),
            "spread": obj({name: _spread() for name in SPREADS}),
            "disagree_above": {
                "type": "number",
                "exclusiveMinimum": 1,
                "description": "highest / lowest above which the guidelines disagree",
            },
            "disagree": arr(enum(SPREADS), unique=True),
            "language": enum(LANGS),
        },
        doc="one conversion under every guideline profile (compare_dict)",
    )
    defs = {"result": result, **conversion_defs(), "error": error_object(refused_codes())}
    return document(
        "lindring compare --json",
        "One conversion under every guideline profile, or the error object "
        "(docs/profiles.md); each profile's conversion is the object of convert --json.",
        result_or_error("result"),
        defs,
    )
