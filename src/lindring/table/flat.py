"""The table as a flat list of ``path -> value`` entries, to compare two versions.

Every number, range, source list, status and text the calculator uses gets one entry,
named like the YAML key it comes from (``opioids.oxycodone.routes.po.factor``), with a
*kind* that says what sort of change it is. Numbers are written exactly (``1.5``,
never ``1.50000001``), in the table's own units (per microgram/h for patches).
"""

from __future__ import annotations

from fractions import Fraction

from lindring.model import Factor, Localized, Product, Renal, Tables
from lindring.numbers import to_decimal_str

#: kinds of change, in the order a reviewer reads them; the first ones are clinical numbers
KINDS = (
    "factor",
    "range",
    "ceiling",
    "patch",
    "product",
    "ratio",
    "rule",
    "status",
    "sources",
    "source",
    "names",
    "text",
)
#: a change of one of these kinds needs a new table version (``lindring check``)
NUMBER_KINDS = frozenset(
    {"factor", "range", "ceiling", "patch", "product", "ratio", "rule", "status"}
)

Flat = dict[str, tuple[str, str]]  # path -> (kind, value)


def num(value: Fraction) -> str:
    """Exact for any decimal the table can hold; fractions such as 1/6 as written."""
    text = to_decimal_str(value, 8)
    return text if Fraction(text) == value else f"{value.numerator}/{value.denominator}"


def _span(low: Fraction, high: Fraction) -> str:
    return num(low) if low == high else f"{num(low)}-{num(high)}"


def _ids(ids: tuple[str, ...]) -> str:
    return ", ".join(ids)


def _text(value: Localized) -> str:
    return f"{value.nb} / {value.en}"


def _factor(flat: Flat, path: str, factor: Factor) -> None:
    value = factor.shown_value if factor.shown_value is not None else factor.value
    low, high = (factor.shown.low, factor.shown.high) if factor.shown else (value, value)
    flat[f"{path}.factor"] = ("factor", num(value))
    flat[f"{path}.range"] = ("range", _span(low, high))
    flat[f"{path}.target_reduction"] = ("factor", str(factor.target_reduction).lower())
    flat[f"{path}.sources"] = ("sources", _ids(factor.sources))
    if factor.note:
        flat[f"{path}.note"] = ("text", factor.note)
    if factor.available != "both":
        flat[f"{path}.available"] = ("status", factor.available)
    if factor.lookup is not None:
        points = ", ".join(f"{num(r)}={num(o)}" for r, o in factor.lookup.points)
        up_to = f", up to {num(factor.lookup.up_to)}" if factor.lookup.up_to is not None else ""
        flat[f"{path}.lookup"] = ("factor", f"{factor.lookup.interpolation}: {points}{up_to}")
    for i, sold in enumerate(factor.products):
        flat[f"{path}.products[{i}]"] = ("product", _product(sold))
        flat[f"{path}.products[{i}].sources"] = ("sources", _ids(sold.sources))
    patch = factor.patch
    if patch is None:
        return
    for i, product in enumerate(patch.products):
        strengths = ", ".join(f"{label}={num(rate)}" for label, rate in product.strengths)
        flat[f"{path}.patches[{i}].strengths"] = ("patch", strengths)
        flat[f"{path}.patches[{i}].change_every_hours"] = ("patch", str(product.change_every_hours))
        flat[f"{path}.patches[{i}].sources"] = ("sources", _ids(product.sources))
    flat[f"{path}.max_rate"] = ("patch", num(patch.max_rate))
    flat[f"{path}.max_patches"] = ("patch", str(patch.max_patches))
    for name in ("to_patch", "from_patch", "cautions"):
        caution = getattr(patch, name)
        flat[f"{path}.{name}"] = ("text", _text(caution.text))
        if caution.short is not None:
            flat[f"{path}.{name}.short"] = ("text", _text(caution.short))


def _product(product: Product) -> str:
    """One product as a reviewer reads it: name, form, strengths or concentration."""
    if product.concentration is not None and product.volume_step is not None:
        top = f", at most {num(product.max_volume_ml)} ml" if product.max_volume_ml else ""
        amount = f"{num(product.concentration)}/ml in steps of {num(product.volume_step)} ml{top}"
    else:
        most = f", at most {product.max_units} a dose" if product.max_units else ""
        amount = ", ".join(num(s) for s in product.strengths) + most
    hours = ", ".join(str(h) for h in product.every_hours)
    flags = "".join(
        f"; {flag}"
        for flag, on in (
            ("exemption", product.exemption),
            ("breakthrough only", product.breakthrough_only),
        )
        if on
    )
    return f"{product.name} ({product.form}, {product.release}): {amount}; every {hours} h{flags}"


def flatten(tables: Tables) -> Flat:
    """Every clinical value of ``tables`` by its path."""
    flat: Flat = {}
    for key, drug in tables.opioids.items():
        path = f"opioids.{key}"
        flat[f"{path}.status"] = ("status", drug.status)
        flat[f"{path}.unit"] = ("status", drug.unit)
        flat[f"{path}.aliases"] = ("names", ", ".join(drug.aliases))
        flat[f"{path}.sources"] = ("sources", _ids(drug.sources))
        if drug.status_text:
            flat[f"{path}.status_text"] = ("text", _text(drug.status_text))
        if drug.ceiling:
            flat[f"{path}.ceiling"] = ("ceiling", f"{num(drug.ceiling.value)} mg/24h")
            flat[f"{path}.ceiling.sources"] = ("sources", _ids(drug.ceiling.sources))
        if drug.renal:
            _renal(flat, f"{path}.renal", drug.renal)
        for route, factor in drug.routes.items():
            _factor(flat, f"{path}.routes.{route}", factor)
        for route, caution in drug.refused_routes.items():
            flat[f"{path}.refused_routes.{route}"] = ("status", "refused: " + _text(caution.text))
        for ratio in drug.route_ratios:
            where = f"{path}.route_ratios.{'-'.join(ratio.routes)}"
            flat[where] = ("ratio", f"{num(ratio.ratio)} ({_span(ratio.low, ratio.high)})")
            flat[f"{where}.sources"] = ("sources", _ids(ratio.sources))
    _rules(flat, tables)
    for sid, source in tables.sources.items():
        flat[f"sources.{sid}"] = ("source", source.cite())
    for key, way in tables.routes.items():
        flat[f"routes.{key}.kind"] = ("rule", way.kind)
        flat[f"routes.{key}.aliases"] = ("names", ", ".join(way.aliases))
    for gid, group in tables.refused.items():
        flat[f"refused_names.{gid}.names"] = ("names", ", ".join(group.names))
    return flat


def _renal(flat: Flat, path: str, renal: Renal) -> None:
    """The renal caution and each eGFR band: a band's limit, advice and reduction are
    clinical rules (a change needs a new table version)."""
    flat[path] = ("text", _text(renal.text))
    flat[f"{path}.sources"] = ("sources", _ids(renal.sources))
    for i, band in enumerate(renal.bands):
        where = f"{path}.bands[{i}]"
        cut = f", start minus {num(band.percent)} %" if band.percent is not None else ""
        flat[where] = ("rule", f"{band.advice} below eGFR {num(band.below)}{cut}")
        flat[f"{where}.text"] = ("text", _text(band.text))
        flat[f"{where}.sources"] = ("sources", _ids(band.sources))


def _rules(flat: Flat, tables: Tables) -> None:
    red = tables.reduction
    flat["rules.reduction.threshold_ome_mg_per_24h"] = ("rule", num(red.threshold_ome))
    for name, band in (("below", red.below), ("at_or_above", red.at_or_above)):
        flat[f"rules.reduction.{name}"] = (
            "rule",
            f"{num(band.default)} % ({_span(band.low, band.high)} %)",
        )
    flat["rules.reduction.max_override"] = ("rule", num(red.max_override))
    if tables.frail is not None:
        flat["rules.frail"] = ("rule", f"start minus {num(tables.frail.percent)} % in all")
        flat["rules.frail.text"] = ("text", _text(tables.frail.text))
        flat["rules.frail.sources"] = ("sources", _ids(tables.frail.sources))
    bt = tables.breakthrough
    flat["rules.breakthrough.fraction"] = ("rule", f"{num(bt.fraction)} ({_span(bt.low, bt.high)})")
    flat["rules.breakthrough.patch_rescue"] = ("rule", " ".join(bt.patch_rescue))
    flat["rules.regimen.max_units_per_dose"] = ("rule", str(tables.regimen.max_units_per_dose))
    pl = tables.plausibility
    flat["rules.plausibility"] = (
        "rule",
        f"warn below {num(pl.warn_below)}, warn above {num(pl.warn_above)}, "
        f"refuse above {num(pl.refuse_above)} mg OME/24h; look-alike gap {num(pl.potency_gap)}",
    )
    if tables.pump:
        rules = tables.pump.rules
        flat["pump.defaults"] = (
            "rule",
            f"{num(rules.volume_ml)} ml, {rules.days} days, bolus {num(rules.bolus_fraction)}, "
            f"lockout {rules.lockout_minutes} min, max {num(rules.max_rate)} ml/h",
        )
        for key, ampoules in tables.pump.ampoules.items():
            shown = ", ".join(f"{num(s.mg_per_ml)} mg/ml" for s in ampoules.strengths)
            flat[f"pump.ampoules.{key}"] = ("patch", shown)


def changes(old: Flat, new: Flat) -> list[tuple[str, str, str | None, str | None]]:
    """``(kind, path, old value, new value)`` for every entry that differs, by kind."""
    found = []
    for path in dict.fromkeys([*old, *new]):
        before, after = old.get(path), new.get(path)
        if before is not None and after is not None and before[1] == after[1]:
            continue
        kind = (after or before or ("text", ""))[0]
        found.append((kind, path, before[1] if before else None, after[1] if after else None))
    return sorted(found, key=lambda c: KINDS.index(c[0]))
