"""Rich renderables for people: conversions, the drug list, the table. The only core
module that imports rich; it builds renderables and never prints them itself.

Safety rules for printed doses: units spelled out (``mikrogram``), no trailing zeros,
a leading zero, routes spelled out, user text escaped (``[red]`` stays visible), and
numeric cells that fold instead of being cut to ``12…`` on a narrow terminal. Colour
is never the only carrier of meaning: warnings start with a word and a symbol.
"""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from lindring.convert import Conversion
from lindring.i18n import show, show_amount
from lindring.model import Amount, Factor, Tables
from lindring.numbers import format_number
from lindring.working import Alert, Refusal, Step

LABELS = {
    "working": {"nb": "Utregning", "en": "Working"},
    "equianalgesic": {"nb": "Ekvianalgetisk døgndose", "en": "Equianalgesic daily dose"},
    "range": {"nb": "Spenn", "en": "Range"},
    "reduction": {"nb": "Reduksjon", "en": "Reduction"},
    "suggested": {"nb": "Foreslått startdose", "en": "Suggested start"},
    "split": {"nb": "Fordeling", "en": "Split"},
    "every": {
        "nb": "{dose} hver {h}. time ({n} per døgn)",
        "en": "{dose} every {h} h ({n} per 24 h)",
    },
    "breakthrough": {"nb": "Behovsdose", "en": "Breakthrough dose"},
    "patches": {
        "nb": "plaster {labels} ({rate}; {product}, byttes hver {h}. time)",
        "en": "patch {labels} ({rate}; {product}, changed every {h} h)",
    },
    "bt_value": {
        "nb": "{dose} ({fraction} av døgndosen; spenn {low} til {high})",
        "en": "{dose} ({fraction} of the daily dose; range {low} to {high})",
    },
    "warnings": {"nb": "Advarsler", "en": "Warnings"},
    "warning": {"nb": "ADVARSEL", "en": "WARNING"},
    "refused": {"nb": "AVVIST", "en": "REFUSED"},
    "sources": {"nb": "Kilder", "en": "Sources"},
    "table": {"nb": "Tabellversjon", "en": "Table version"},
    "more_sources": {
        "nb": "{n} kilder til: --sources viser alle.",
        "en": "{n} more sources: --sources shows them all.",
    },
    "to": {"nb": "til", "en": "to"},
    "check": {
        "nb": "Veiledende beregning. Kontroller utregningen og vurder pasienten før forskrivning.",
        "en": "A guide, not an order. Check the working and assess the patient before prescribing.",
    },
    "drug": {"nb": "Legemiddel", "en": "Drug"},
    "names": {"nb": "Navn og alias", "en": "Names and aliases"},
    "routes": {"nb": "Veier", "en": "Routes"},
    "status": {"nb": "Status", "en": "Status"},
    "route": {"nb": "Vei", "en": "Route"},
    "factor": {"nb": "Faktor (spenn)", "en": "Factor (range)"},
    "factor_caption": {
        "nb": "Faktor: mg oral morfinekvivalent per mg av legemiddelet ved den veien; "
        "for plaster mg per døgn for hver mikrogram/time.",
        "en": "Factor: mg oral morphine equivalent per mg of the drug by that route; "
        "for patches mg per 24 h for each microgram/h.",
    },
    "notes": {"nb": "Merknad", "en": "Note"},
    "ceiling": {"nb": "Maks per døgn", "en": "Max per 24 h"},
}


def label(key: str, lang: str, **params: str) -> str:
    return LABELS[key][lang].format(**params)


def _heading(conv: Conversion, tables: Tables, lang: str) -> str:
    req = conv.request
    tgt_route = tables.routes[req.target_route].name.get(lang)
    sources = " + ".join(
        f"{p.part.drug.name.get(lang)} {show_amount(p.daily, lang)} "
        f"{tables.routes[p.part.route].name.get(lang)}"
        for p in conv.parts
    )
    return f"{sources} {label('to', lang)} {req.target.name.get(lang)} {tgt_route}"


def _ids(sources: tuple[str, ...]) -> str:
    """The first (primary) source id, and how many more there are."""
    more = f" +{len(sources) - 1}" if len(sources) > 1 else ""
    return f"[{sources[0]}{more}]"


def conversion(
    conv: Conversion, tables: Tables, lang: str, all_sources: bool = False
) -> RenderableType:
    """The whole conversion: working, result, warnings and sources.

    Each step names its primary source (the first the table lists) and how many more
    there are; the footer cites the primary sources in full, or every source when
    ``all_sources`` (``--sources``).
    """
    parts: list[RenderableType] = [Text(label("working", lang), style="bold")]
    items: list[Step | Alert | Refusal] = [*conv.steps, *conv.alerts]
    if conv.refusal:
        items.append(conv.refusal)
    for number, step in enumerate(conv.steps, start=1):
        line = Text(f"{number}. ")
        line.append(step.text(lang))
        if step.sources:
            line.append(f"  {_ids(step.sources)}", style="dim")
        parts.append(line)
    if conv.refusal:
        parts.append(Text(""))
        refused = f"✖ {label('refused', lang)}: {conv.refusal.text(lang)}"
        parts.append(Text(refused, style="bold red"))
    else:
        parts.extend([Text(""), _result_table(conv, tables, lang)])
    if conv.alerts:
        parts.append(Text(""))
        parts.append(Text(label("warnings", lang), style="bold"))
        for alert in conv.alerts:
            line = Text(
                f"⚠ {label('warning', lang)} [{alert.code}]: {alert.text(lang)}", style="yellow"
            )
            if alert.sources:
                line.append(f"  {_ids(alert.sources)}", style="dim")
            parts.append(line)
    everything = list(dict.fromkeys(s for item in items for s in item.sources))
    primary = list(dict.fromkeys(item.sources[0] for item in items if item.sources))
    shown = everything if all_sources else primary
    if shown:
        parts.append(Text(""))
        parts.append(Text(label("sources", lang), style="bold"))
        for sid in shown:
            parts.append(Text(f"[{sid}] {tables.sources[sid].cite()}", style="dim"))
        if len(everything) > len(shown):
            parts.append(
                Text(label("more_sources", lang, n=str(len(everything) - len(shown))), style="dim")
            )
    footer = (
        f"{label('table', lang)}: {conv.table_version} ({tables.status}) · {label('check', lang)}"
    )
    parts.append(Text(footer, style="dim"))
    return Panel(
        Group(*parts),
        title=Text(_heading(conv, tables, lang)),
        title_align="left",
        box=box.ROUNDED,
        border_style="red" if conv.refusal else "cyan",
    )


def _result_table(conv: Conversion, tables: Tables, lang: str) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(overflow="fold")
    assert conv.equianalgesic and conv.low and conv.high and conv.suggested
    assert conv.reduction
    grid.add_row(label("equianalgesic", lang), show_amount(conv.equianalgesic, lang))
    grid.add_row(
        label("range", lang), f"{show_amount(conv.low, lang)} – {show_amount(conv.high, lang)}"
    )
    grid.add_row(label("reduction", lang), f"{show(conv.reduction.percent, lang)} %")
    suggested = show_amount(conv.suggested, lang)
    if conv.patch:
        suggested = label(
            "patches",
            lang,
            labels=" + ".join(conv.patch.labels),
            rate=suggested,
            product=conv.patch.product.product,
            h=str(conv.patch.product.change_every_hours),
        )
    grid.add_row(
        Text(label("suggested", lang), style="bold green"),
        Text(suggested, style="bold green"),
    )
    if conv.split:
        split = conv.split
        every = label(
            "every",
            lang,
            dose=show_amount(split.dose, lang),
            h=str(split.interval_hours),
            n=str(split.doses_per_24h),
        )
        product = conv.regimen.product if conv.regimen else None
        if product is not None:
            every = f"{product.name}: {every}"
        grid.add_row(label("split", lang), every)
    bt = conv.breakthrough
    if bt is None:
        return grid
    dose = show_amount(bt.dose, lang)
    if bt.drug:
        dose += (
            f" {tables.opioids[bt.drug].name.get(lang)} {tables.routes[bt.route].name.get(lang)}"
        )
    grid.add_row(
        label("breakthrough", lang),
        label(
            "bt_value",
            lang,
            dose=dose,
            fraction=str(bt.fraction),
            low=show_amount(bt.low, lang),
            high=show_amount(bt.high, lang),
        ),
    )
    return grid


def drugs(tables: Tables, lang: str) -> Table:
    """Drugs, their names and aliases, routes and status."""
    table = Table(box=box.SIMPLE_HEAD, show_lines=False, expand=True)
    width = max(len(k) for k in tables.opioids)
    table.add_column(label("drug", lang), no_wrap=True, min_width=width)
    table.add_column("ATC", no_wrap=True, min_width=7)
    table.add_column(label("names", lang), overflow="fold", ratio=4)
    table.add_column(label("routes", lang), overflow="fold", ratio=2)
    table.add_column(label("status", lang), no_wrap=True, min_width=8)
    legend = "; ".join(f"{k} = {r.name.get(lang)}" for k, r in tables.routes.items())
    table.caption = f"{label('routes', lang)}: {legend}"
    for key, drug in tables.opioids.items():
        names = ", ".join(dict.fromkeys((drug.name.nb, drug.name.en, *drug.aliases)))
        routes = ", ".join(drug.routes) or "–"
        status = drug.status if drug.status == "normal" else f"⚠ {drug.status}"
        table.add_row(key, drug.atc, Text(names), routes, status)
    return table


def _factor_cell(factor: Factor, lang: str) -> str:
    """The table's own numbers (per microgram/h for patches)."""
    point = factor.shown_value if factor.shown_value is not None else factor.value
    value = format_number(point, lang, places=4)
    if factor.shown and factor.shown.low != factor.shown.high:
        low, high = (format_number(v, lang, 4) for v in (factor.shown.low, factor.shown.high))
        value += f" ({low}–{high})"
    return value


def conversion_table(tables: Tables, lang: str) -> Table:
    """The conversion table: every drug and route with its factor, range and sources."""
    table = Table(
        box=box.SIMPLE_HEAD,
        title=f"{label('table', lang)} {tables.version}",
        caption=label("factor_caption", lang),
    )
    table.add_column(label("drug", lang), overflow="fold")
    table.add_column(label("route", lang), overflow="fold")
    table.add_column(label("factor", lang), no_wrap=True, min_width=8)
    table.add_column(label("ceiling", lang), overflow="fold")
    table.add_column(label("sources", lang), overflow="fold")
    for drug in tables.opioids.values():
        ceiling = ""
        if drug.ceiling:
            ceiling = show_amount(Amount(drug.ceiling.value, "mg", True), lang)
        if not drug.routes:
            table.add_row(drug.name.get(lang), "–", f"⚠ {drug.status}", ceiling, "")
        for route, factor in drug.routes.items():
            table.add_row(
                drug.name.get(lang),
                tables.routes[route].name.get(lang),
                _factor_cell(factor, lang),
                ceiling,
                _ids(factor.sources),
            )
    return table
