"""A pump plan for people: what to draw up, the rate, the bolus (rich renderables)."""

from __future__ import annotations

from fractions import Fraction

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from lindring.calc.pump import PumpPlan
from lindring.model import Tables
from lindring.numbers import format_number
from lindring.output.text.glue import Glued

LABELS = {
    "title": {"nb": "Smertepumpe: {names} {route}", "en": "Pain pump: {names} {route}"},
    "drug": {"nb": "Legemiddel", "en": "Drug"},
    "daily": {"nb": "Per døgn", "en": "Per 24 h"},
    "draw": {"nb": "Trekk opp", "en": "Draw up"},
    "ampoules": {"nb": "{n} ampuller à {ml} ml", "en": "{n} x {ml} ml ampoules"},
    "in_pump": {"nb": "I pumpen", "en": "In the pump"},
    "delivers": {"nb": "Gir per døgn", "en": "Gives/24 h"},
    "diluent": {
        "nb": "Natriumklorid 9 mg/ml: {ml} ml (til {fill} ml)",
        "en": "Sodium chloride 9 mg/ml: {ml} ml (to {fill} ml)",
    },
    "rate": {"nb": "Hastighet", "en": "Rate"},
    "rate_value": {
        "nb": "{rate} ml/time ({fill} ml varer {days} {day_word})",
        "en": "{rate} ml/h ({fill} ml lasts {days} {day_word})",
    },
    "day_word": {"nb": "døgn", "en": "days"},
    "one_day": {"nb": "døgn", "en": "day"},
    "bolus": {"nb": "Bolus", "en": "Bolus"},
    "bolus_value": {
        "nb": "{mg} mg {drug} = {ml} ml ({fraction} av døgndosen); sperretid {lock} min",
        "en": "{mg} mg {drug} = {ml} ml ({fraction} of the daily dose); lockout {lock} min",
    },
    "warnings": {"nb": "Advarsler", "en": "Warnings"},
    "warning": {"nb": "ADVARSEL", "en": "WARNING"},
    "also": {"nb": "; hver bolus gir også {items}", "en": "; each bolus also gives {items}"},
    "note": {
        "nb": "Rundet ned: pumpen gir aldri mer enn dosen som er bedt om. Standardverdier: docs/pump.md.",
        "en": "Rounded down: the pump never gives more than the dose asked for. Defaults: docs/pump.md.",
    },
}


def _l(key: str, lang: str, **params: str) -> str:
    return LABELS[key][lang].format(**params)


def _n(value: Fraction, lang: str, places: int = 2) -> str:
    return format_number(value, lang, places)


def pump_plan(plan: PumpPlan, tables: Tables, lang: str) -> RenderableType:
    """The pump plan as a panel: per drug what to draw up, then rate and bolus."""
    names = " + ".join(d.name.get(lang) for d in plan.drugs)
    route = tables.routes[plan.request.route].name.get(lang)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    counts = [_l("ampoules", lang, n=str(d.ampoules), ml=_n(d.stock.ml, lang)) for d in plan.drugs]
    for key in ("drug", "daily", "draw", "in_pump", "delivers"):
        # what to draw up keeps each of its two lines whole (the others give way)
        wide = max(map(len, counts)) if key == "draw" else None
        table.add_column(Glued(_l(key, lang)), overflow="fold", min_width=wide)
    for drug, ampoules in zip(plan.drugs, counts, strict=True):
        stock = f"{_n(drug.stock.mg_per_ml, lang)} mg/ml"
        draw = f"{_n(drug.drawn_ml, lang)} ml {stock}\n{ampoules}"  # two lines, not three
        table.add_row(
            drug.name.get(lang),
            Glued(f"{_n(drug.daily_mg, lang)} mg"),
            Glued(draw),
            Glued(f"{_n(drug.concentration, lang, 3)} mg/ml"),
            Glued(f"{_n(drug.delivered_mg_per_24h, lang)} mg"),
        )
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row(
        _l("rate", lang),
        Text(
            _l(
                "rate_value",
                lang,
                rate=_n(plan.rate_ml_per_h, lang),
                fill=_n(plan.fill_ml, lang),
                day_word=_l("one_day" if plan.days == 1 else "day_word", lang),
                days=str(plan.days),
            ),
            style="bold green",
        ),
    )
    opioid = plan.opioid
    also = ", ".join(
        f"{_n(plan.bolus_ml * d.concentration, lang)} mg {d.name.get(lang)}" for d in plan.drugs[1:]
    )
    grid.add_row(
        _l("bolus", lang),
        _l(
            "bolus_value",
            lang,
            mg=_n(plan.bolus_mg, lang),
            drug=opioid.name.get(lang),
            ml=_n(plan.bolus_ml, lang),
            fraction=f"1/{plan.bolus_fraction.denominator}",
            lock=str(plan.lockout_minutes),
        )
        + (_l("also", lang, items=also) if also else ""),
    )
    parts: list[RenderableType] = [
        table,
        Text(_l("diluent", lang, ml=_n(plan.diluent_ml, lang), fill=_n(plan.fill_ml, lang))),
        Text(""),
        grid,
    ]
    if plan.alerts:
        parts += [Text(""), Text(_l("warnings", lang), style="bold")]
        parts += [Glued((f"⚠ {a.text(lang)}", "yellow")) for a in plan.alerts]
    parts.append(Text(_l("note", lang), style="dim"))
    return Panel(
        Group(*parts),
        title=Text(_l("title", lang, names=names, route=route)),
        title_align="left",
        box=box.ROUNDED,
        border_style="cyan",
    )
