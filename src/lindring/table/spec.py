"""The shape of the conversion table (``tables/opioids.yaml``), declared once.

Each :class:`~lindring.table.vocabulary.Section` lists the keys a mapping may have, in order
(required keys first), with the kind of value each holds. Two readers use it, so they
cannot drift apart:

* :mod:`lindring.table.check` takes every key list from here (unknown and missing keys
  are reported from these lists);
* :mod:`lindring.table.jsonschema` turns the sections into the JSON Schema committed in
  ``schemas/`` for editors (completion, hover text, inline errors).

A test mutates a complete table key by key and requires the checker and the schema to
reject the same changes.
"""

from __future__ import annotations

from lindring.table.vocabulary import (
    AnyOf,
    Choice,
    Flag,
    Key,
    ListOf,
    MapOf,
    Needs,
    Number,
    Pair,
    Ref,
    Section,
    Text,
    Texts,
    Whole,
    opt,
)

ATC_PATTERN = r"[A-Z][0-9]{2}[A-Z]{2}[0-9]{2}"
ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
VERSION_PATTERN = r"[0-9]+(\.[0-9]+)*"
DATE_PATTERN = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
#: a source's link: a web address only (no ``javascript:``, ``data:`` or ``file:``)
URL_PATTERN = r"https?://[^\s\"'<>`\\]+"
#: every route key a table may define (under `routes`); a table uses those it needs.
#: `buccal` is a buccal tablet, `buccal-film` a buccal film; `nasal` a nasal spray,
#: `mucosal-spray` an oromucosal (sublingual) spray: each its own row, as guidelines
#: give them different factors.
ROUTE_KEYS = (
    "po",
    "sc",
    "iv",
    "im",
    "rectal",
    "sl",
    "td",
    "buccal",
    "buccal-film",
    "nasal",
    "mucosal-spray",
)
AVAILABLE = ("both", "source only", "target only")

SOURCES = Key("sources", Texts(), "source ids (each defined under the top-level `sources`)")
LOCALIZED = Section(
    "a text in Norwegian bokmål and English",
    (Key("nb", Text(), "Norwegian bokmål"), Key("en", Text(), "English")),
)
CAUTION = Section(
    "a text in both languages with its sources",
    (
        Key("nb", Text(), "Norwegian bokmål"),
        Key("en", Text(), "English"),
        SOURCES,
        opt("short_nb", Text(), "the same advice in brief, for the answer at 80x24 (nb)"),
        opt("short_en", Text(), "the same in English; short_nb and short_en come together"),
    ),
)
RENAL_BAND = Section(
    "advice for an eGFR below a limit (ml/min/1.73 m²)",
    (
        Key("below", Number(), "the band applies when eGFR is below this"),
        Key("advice", Choice(("avoid", "reduce", "prefer")), "what the source advises"),
        opt("percent", Number(), "reduce: lower the start by this percent in all"),
        Key("nb", Text(), "Norwegian bokmål"),
        Key("en", Text(), "English"),
        SOURCES,
    ),
)
RENAL = Section(
    "renal caution (one line without --egfr) and advice by eGFR band",
    (
        Key("nb", Text(), "Norwegian bokmål"),
        Key("en", Text(), "English"),
        SOURCES,
        opt("bands", ListOf(Ref("renal_band")), "advice by eGFR, each with its sources"),
    ),
)
FRAIL = Section(
    "the start for a frail or elderly patient (--frail)",
    (
        Key("percent", Number(), "lower the start by this percent in all (never stacked)"),
        Key("nb", Text(), "Norwegian bokmål"),
        Key("en", Text(), "English"),
        SOURCES,
    ),
)
CHANGE = Section(
    "one revision of the table, newest first",
    (
        Key("version", Text(VERSION_PATTERN), "the table version this entry describes"),
        Key("date", Text(DATE_PATTERN), "YYYY-MM-DD"),
        Key("changes", Text(), "what changed and why (the output of `lindring diff` helps)"),
    ),
)
META = Section(
    "version, date and review status of the table",
    (
        Key("version", Text(VERSION_PATTERN), 'e.g. "2026.11.0"; bump it when a number changes'),
        Key("date", Text(DATE_PATTERN), "YYYY-MM-DD"),
        Key("status", Choice(("draft", "reviewed")), "draft until the editors have reviewed it"),
        opt("changelog", ListOf(Ref("change")), "every revision, newest first"),
    ),
)
SOURCE = Section(
    "a cited source",
    (
        Key("title", Text(), "title of the document or page"),
        Key("publisher", Text(), "who published it"),
        Key("year", Whole(1900), "year of publication or of the version read"),
        Key("section", Text(), "the section, table or paragraph the numbers come from"),
        opt("url", Text(URL_PATTERN), "where to find it: an https:// or http:// address"),
        opt("note", Text(), "anything a reviewer must know"),
    ),
)
BAND = Section(
    "a reduction band in percent",
    (
        Key("default", Number(positive=False), "the percent used unless the user chooses"),
        Key("range", Pair(), "[low, high] percent"),
    ),
)
REDUCTION = Section(
    "reduction for incomplete cross-tolerance when the drug changes",
    (
        Key("threshold_ome_mg_per_24h", Number(), "at or above this OME the high band applies"),
        Key("below", Ref("band"), "the band below the threshold"),
        Key("at_or_above", Ref("band"), "the band at or above the threshold"),
        Key("max_override", Number(), "--reduce accepts 0 to this percent"),
        Key("route_change_advice", Ref("localized"), "shown on a route change of the same drug"),
        SOURCES,
    ),
)
PATCH_RESCUE = Section(
    "the rescue drug and route when the target is a patch",
    (Key("drug", Text(), "drug key"), Key("route", Text(), "route key")),
)
BREAKTHROUGH = Section(
    "breakthrough dose as a fraction of the 24-hour dose",
    (
        Key("fraction", Number(), 'the default fraction, e.g. "1/6"'),
        Key("range", Pair(), '["1/10", "1/4"]'),
        SOURCES,
        opt("patch_rescue", Ref("patch_rescue"), "rescue doses when the target is a patch"),
    ),
)
PLAUSIBILITY = Section(
    "bounds that catch entry errors",
    (
        Key("warn_above_ome_mg_per_24h", Number(), "ask to verify above this OME"),
        Key("refuse_above_ome_mg_per_24h", Number(), "refuse above this OME"),
        Key("warn_below_ome_mg_per_24h", Number(), "a microgram/milligram slip is likely below"),
        Key("potency_gap_warning", Number(), "look-alike names differing this much per unit"),
        SOURCES,
    ),
)
REGIMEN = Section(
    "what a practical regimen may use",
    (
        Key("max_units_per_dose", Whole(1), "most tablets, capsules or suppositories in one dose"),
        SOURCES,
    ),
)
RULES = Section(
    "reduction, breakthrough, plausibility and regimen rules",
    (
        Key("reduction", Ref("reduction"), "incomplete cross-tolerance"),
        Key("breakthrough", Ref("breakthrough"), "breakthrough dose"),
        Key("plausibility", Ref("plausibility"), "entry-error bounds"),
        Key("regimen", Ref("regimen"), "practical regimens"),
        opt("frail", Ref("frail"), "the start for frail or elderly patients"),
    ),
)
ROUTE = Section(
    "a route lindring knows",
    (
        Key("name", Ref("localized"), "spelled-out name used in output"),
        Key("aliases", Texts(allow_empty=True), "what users may type"),
        Key("sources", Texts(), "where the route and its names come from"),
        opt("kind", Choice(("dose", "rate")), "rate for patches (microgram/h)"),
        # tables before 2026-12-02 gave each route an interval; it was never used (a
        # start's intervals come from its products): read and ignored, so that `lindring
        # diff` can still compare with them
        opt("default_interval_hours", Whole(1), "ignored (older tables)"),
    ),
)
FACTOR_KEYS = (
    Key("factor", Number(), "mg oral morphine equivalent per mg (per microgram/h for patches)"),
    SOURCES,
)
FACTOR_OPTIONAL = (
    opt("range", Pair(), "[low, high] where sources differ; must contain the factor"),
    opt("note", Text(), "which end the tool uses and why, what is unconfirmed"),
    opt("target_reduction", Flag(), "false when the factor already carries the margin"),
    opt(
        "available",
        Choice(AVAILABLE),
        "source only: converted from, never to; target only: converted to, never from",
    ),
    opt("available_text", Ref("caution"), "why, shown when the other direction is refused"),
)
DOSE_FACTOR = Section(
    "the factor of a drug by a dose route",
    (
        *FACTOR_KEYS,
        *FACTOR_OPTIONAL,
        opt(
            "products",
            ListOf(Ref("product")),
            "products sold in Norway, the usual first; without any, the route is a source only",
        ),
    ),
)
FORMS = ("tablet", "capsule", "suppository", "sublingual", "solution", "injection", "infusion")
RELEASES = ("immediate", "modified")
#: the units a drug's doses are written in (``unit``)
DOSE_UNITS = ("mg", "microgram")
PRODUCT = Section(
    "a product sold in Norway: solid units with strengths, or a liquid with a concentration "
    "(an infusion: the 24-hour amount of a continuous infusion)",
    (
        Key("name", Text(), "product name as sold"),
        Key("form", Choice(FORMS), "solution and injection are liquids"),
        Key("release", Choice(RELEASES), "modified = depot/slow release"),
        Key("every_hours", ListOf(Whole(1, divides=24)), "dosing intervals, the usual first"),
        SOURCES,
        opt("strengths", ListOf(Number()), "per unit in the drug's unit, rising (solid forms)"),
        opt("concentration", Number(), "per ml in the drug's unit (liquids)"),
        opt("volume_step", Number(), "smallest volume step that can be measured, ml (liquids)"),
        opt("max_volume_ml", Number(), "largest volume in one dose (liquids)"),
        opt("max_units", Whole(1), "most units in one dose, below the rule's maximum"),
        opt("exemption", Flag(), "true when only had on exemption (godkjenningsfritak)"),
        opt("breakthrough_only", Flag(), "true when used for breakthrough doses only"),
        opt("note", Text(), "what is assumed or unconfirmed"),
    ),
)
ROUTE_RATIO = Section(
    "two routes of one drug: 1 mg by the second acts like `ratio` mg by the first",
    (
        Key("routes", ListOf(Choice(ROUTE_KEYS), min_items=2), "[first, second] route keys"),
        Key("ratio", Number(), "mg by the first route per mg by the second"),
        SOURCES,
        opt("range", Pair(), "[low, high] where sources differ; must contain the ratio"),
        opt("note", Text(), "where the ratio comes from and what it means"),
    ),
)
LOOKUP = Section(
    "a published table from patch rate to oral morphine, used instead of the linear factor",
    (
        Key(
            "points",
            ListOf(Pair(), min_items=2),
            "[rate in microgram/h, mg oral morphine per 24 h] pairs, both rising (the first "
            "oral morphine may be 0: a band from nothing)",
        ),
        Key(
            "interpolation",
            Choice(("linear", "none")),
            "linear: straight lines between points; none: a band table (rates are the points)",
        ),
        SOURCES,
        opt("up_to", Number(), "a band table: where its last band ends (mg oral morphine)"),
        opt("note", Text(), "what the table is and how it was read"),
    ),
)
RATE_FACTOR = Section(
    "the factor of a drug by a rate route (patches): mg OME per 24 h per microgram/h",
    (
        *FACTOR_KEYS,
        Key("patches", ListOf(Ref("patch_product")), "patch products sold in Norway"),
        Key("max_rate", Number(), "above this rate another route is suggested"),
        Key("max_rate_sources", Texts(), "source of max_rate"),
        Key("max_patches", Whole(1), "patches worn together in a suggestion"),
        Key("max_patches_sources", Texts(), "source of max_patches"),
        Key("to_patch", Ref("caution"), "crossover advice to a patch"),
        Key("from_patch", Ref("caution"), "crossover advice from a patch"),
        Key("cautions", Ref("caution"), "cautions shown with every patch conversion"),
        *FACTOR_OPTIONAL,
        opt("lookup", Ref("lookup"), "a published rate table used instead of the factor"),
    ),
)
PATCH_PRODUCT = Section(
    "a family of patches that may be combined",
    (
        Key("product", Text(), "product name"),
        Key("change_every_hours", Whole(1), "hours between patch changes"),
        Key(
            "strengths",
            MapOf(Number(), min_items=1),
            'label -> microgram/h delivered, rising: {"12": 12.5, "25": 25}',
        ),
        SOURCES,
    ),
)
CEILING = Section(
    "maximum daily dose; exceeding it warns",
    (
        Key("value", Number(), "the maximum"),
        Key("unit", Choice(("mg/24h",)), "always mg/24h (a dose per 24 hours)"),
        SOURCES,
    ),
)
ROUTE_MAP = MapOf(AnyOf((Ref("dose_factor"), Ref("rate_factor"))), Choice(ROUTE_KEYS))
OPIOID = Section(
    "one substance",
    (
        Key("name", Ref("localized"), "generic names"),
        Key("atc", Text(ATC_PATTERN), "ATC code"),
        Key("aliases", Texts(allow_empty=True), "other spellings and Norwegian brand names"),
        Key("unit", Choice(DOSE_UNITS), "the unit doses of this drug are shown in"),
        Key("status", Choice(("normal", "avoid", "nonlinear")), "nonlinear: always refused"),
        Key("sources", Texts(), "sources for names, ATC code, brands and status"),
        Key("routes", ROUTE_MAP, "route key -> factor"),
        opt("status_text", Ref("localized"), "the warning or referral (status avoid/nonlinear)"),
        opt("ceiling", Ref("ceiling"), "maximum daily dose"),
        opt("renal", Ref("renal"), "renal caution and advice by eGFR"),
        opt(
            "refused_routes",
            MapOf(Ref("caution"), Choice(ROUTE_KEYS)),
            "routes refused with that reason",
        ),
        opt(
            "route_ratios",
            ListOf(Ref("route_ratio")),
            "same drug by two routes (bioavailability); the factors must agree",
        ),
    ),
    (Needs("status", ("avoid", "nonlinear"), "status_text", "the warning or referral"),),
)
REFUSED_GROUP = Section(
    "names that are never converted, with the reason",
    (
        Key("names", Texts(), "product or abbreviation names"),
        Key("text", Ref("localized"), "why lindring refuses and what to do instead"),
        SOURCES,
    ),
)
STOCK = Section(
    "an injection strength",
    (Key("mg_per_ml", Number(), "mg per ml"), Key("ml", Number(), "ml per ampoule")),
)
AMPOULES = Section(
    "injection strengths used to fill a pump",
    (
        Key("strengths", ListOf(Ref("stock")), "rising mg_per_ml"),
        SOURCES,
        opt("note", Text(), "what is assumed or unconfirmed"),
    ),
)
ADJUVANT = Section(
    "a non-opioid drug for the last days of life that may share the pump",
    (
        Key("name", Ref("localized"), "generic names"),
        Key("aliases", Texts(allow_empty=True), "brands and spellings"),
        Key("strengths", ListOf(Ref("stock")), "rising mg_per_ml"),
        SOURCES,
        opt("note", Text(), "what is assumed or unconfirmed"),
    ),
)
PUMP_DEFAULTS = Section(
    "defaults for a typical ambulatory pump (docs/pump.md)",
    (
        Key("volume_ml", Number(), "reservoir volume"),
        Key("days", Whole(1), "days one filling lasts"),
        Key("rate_step_ml_per_h", Number(), "rate step"),
        Key("draw_step_ml", Number(), "smallest volume drawn"),
        Key("bolus_step_ml", Number(), "bolus volume step"),
        Key("bolus_fraction", Number(), 'default bolus fraction, e.g. "1/6"'),
        Key("bolus_fractions", ListOf(Number()), "the bolus fractions allowed"),
        Key("lockout_minutes", Whole(1), "bolus lockout"),
        Key("max_rate_ml_per_h", Number(), "highest rate"),
        Key("max_ampoules", Whole(1), "most ampoules per filling"),
        Key("warn_below_delivered_fraction", Number(), "warn when rounding delivers less"),
        SOURCES,
    ),
)
PUMP = Section(
    "pain pump defaults, injection strengths and last-days drugs",
    (
        Key("defaults", Ref("pump_defaults"), "pump defaults"),
        Key("ampoules", MapOf(Ref("ampoules")), "opioid key -> injection strengths"),
        Key("adjuvants", MapOf(Ref("adjuvant")), "other drugs that may share the pump"),
    ),
)
TABLE = Section(
    "lindring conversion table (tables/opioids.yaml; docs/tables.md)",
    (
        Key("table", Ref("meta"), "version, date, status and changelog"),
        Key("sources", MapOf(Ref("source"), Text(ID_PATTERN)), "every cited source, once"),
        Key("rules", Ref("rules"), "reduction, breakthrough and plausibility rules"),
        Key("routes", MapOf(Ref("route"), Choice(ROUTE_KEYS)), "the routes lindring knows"),
        Key("opioids", MapOf(Ref("opioid")), "one entry per substance"),
        opt("refused_names", MapOf(Ref("refused_group")), "names that are never converted"),
        opt("pump", Ref("pump"), "pain pump (docs/pump.md)"),
    ),
)

#: Every section of the conversion table, by the name a :class:`Ref` uses.
TABLE_SECTIONS: dict[str, Section] = {
    "table": TABLE,
    "meta": META,
    "change": CHANGE,
    "source": SOURCE,
    "rules": RULES,
    "reduction": REDUCTION,
    "band": BAND,
    "breakthrough": BREAKTHROUGH,
    "patch_rescue": PATCH_RESCUE,
    "plausibility": PLAUSIBILITY,
    "regimen": REGIMEN,
    "route": ROUTE,
    "opioid": OPIOID,
    "dose_factor": DOSE_FACTOR,
    "rate_factor": RATE_FACTOR,
    "product": PRODUCT,
    "route_ratio": ROUTE_RATIO,
    "patch_product": PATCH_PRODUCT,
    "lookup": LOOKUP,
    "ceiling": CEILING,
    "caution": CAUTION,
    "renal": RENAL,
    "renal_band": RENAL_BAND,
    "frail": FRAIL,
    "localized": LOCALIZED,
    "refused_group": REFUSED_GROUP,
    "pump": PUMP,
    "pump_defaults": PUMP_DEFAULTS,
    "ampoules": AMPOULES,
    "adjuvant": ADJUVANT,
    "stock": STOCK,
}
