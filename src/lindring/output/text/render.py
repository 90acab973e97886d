"""Rich renderables for people: conversions, the drug list, the table. The only core
module that imports rich; it builds renderables and never prints them itself.

Safety rules for printed doses: units spelled out (``mikrogram``), no trailing zeros,
a leading zero, routes spelled out, user text escaped (``[red]`` stays visible), and
numeric cells that fold instead of being cut to ``12…`` on a narrow terminal. Colour
is never the only carrier of meaning: warnings start with a word and a symbol.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from lindring.calc.convert import Conversion
from lindring.calc.working import Alert, Refusal, Step
from lindring.i18n import show, show_amount, text
from lindring.i18n.short import short
from lindring.model import Amount, Factor, Opioid, Source, Tables
from lindring.numbers import format_number
from lindring.output.text.glue import Glued

QUIET = frozenset({"patch_cautions"})  # shown with --full only
STATUS = {
    "draft": {"nb": "utkast", "en": "draft"},
    "reviewed": {"nb": "gjennomgått", "en": "reviewed"},
    "normal": {"nb": "vanlig", "en": "normal"},
    "avoid": {"nb": "unngås", "en": "avoid"},
    "nonlinear": {"nb": "ikke-lineær", "en": "nonlinear"},
}

LABELS = {
    "working": {"nb": "Utregning", "en": "Working"},
    "equianalgesic": {"nb": "Ekvianalgetisk døgndose", "en": "Equianalgesic daily dose"},
    "range": {"nb": "Spenn", "en": "Range"},
    "reduction": {"nb": "Reduksjon", "en": "Reduction"},
    "suggested": {"nb": "Foreslått startdose", "en": "Suggested start"},
    "breakthrough": {"nb": "Behovsdose", "en": "Breakthrough"},
    "bt_value": {
        "nb": "{dose} ({fraction} av døgndosen; spenn {low} til {high})",
        "en": "{dose} ({fraction} of the daily dose; range {low} to {high})",
    },
    "warnings": {"nb": "Advarsler", "en": "Warnings"},
    "warning": {"nb": "ADVARSEL", "en": "WARNING"},
    "refused": {"nb": "AVVIST", "en": "REFUSED"},
    "sources": {"nb": "Kilder", "en": "Sources"},
    "table": {"nb": "Tabell", "en": "Table"},
    "more_sources": {
        "nb": "--full: alle {n} kilder.",
        "en": "--full: all {n} sources.",
    },
    "one_source": {"nb": "--full: kilden.", "en": "--full: the source."},
    "start": {"nb": "Start", "en": "Start"},
    "start_regimen": {
        "nb": "{drug} {dose} hver {interval}. time = {result}; {product}",
        "en": "{drug} {dose} every {interval} h = {result}; {product}",
    },
    "start_infusion": {
        "nb": "{drug} {result} som kontinuerlig infusjon ({product})",
        "en": "{drug} {result} as a continuous infusion ({product})",
    },
    "start_patch": {
        "nb": "{drug} {labels} mikrogram/time ({rate}), byttes {every}",
        "en": "{drug} {labels} microgram/h ({rate}), changed {every}",
    },
    "start_one_patch": {
        "nb": "{drug} {labels} mikrogram/time, byttes {every}",
        "en": "{drug} {labels} microgram/h, changed {every}",
    },
    "every_hours": {"nb": "hver {n}. time", "en": "every {n} h"},
    "every_days": {"nb": "hver {n}. dag", "en": "every {n} days"},
    "start_pump": {
        "nb": "{drug} {result} i smertepumpe, {rate} ml/time (plan nedenfor)",
        "en": "{drug} {result} by pump at {rate} ml/h (plan below)",
    },
    "bt_single": {
        "nb": "{dose} {drug} {route} ved behov ({fraction} av døgndosen: {span})",
        "en": "{dose} {drug} {route} as needed ({fraction} of the daily dose: {span})",
    },
    "span": {"nb": "{low} til {high}", "en": "{low} to {high}"},
    "bt_pump": {
        "nb": "pumpens bolus {dose} ved behov ({fraction} av døgndosen)",
        "en": "the pump's bolus, {dose} as needed ({fraction} of the daily dose)",
    },
    "to": {"nb": "til", "en": "to"},
    "check": {
        "nb": "Veiledende: kontroller utregningen, vurder pasienten.",
        "en": "A guide, not an order: check the working, assess the patient.",
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
    "ceiling_short": {"nb": "maks", "en": "max"},
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
    return f"{sources} → {req.target.name.get(lang)} {tgt_route}"


def _ids(sources: tuple[str, ...]) -> str:
    """The first (primary) source id, and how many more there are."""
    more = f" +{len(sources) - 1}" if len(sources) > 1 else ""
    return f"[{sources[0]}{more}]"


def table_status_word(status: str, lang: str) -> str:
    """A table's or a drug's status in ``lang`` (``draft`` is «utkast»)."""
    return STATUS.get(status, {}).get(lang, status)


def table_status(tables: Tables, lang: str) -> str:
    return table_status_word(tables.status, lang)


def footer(version: str, tables: Tables, lang: str) -> str:
    return (
        f"{label('table', lang)} {version} ({table_status(tables, lang)}) · {label('check', lang)}"
    )


def conversion(
    conv: Conversion, tables: Tables, lang: str, all_sources: bool = False, compact: bool = False
) -> RenderableType:
    """The answer first (start, breakthrough dose, the warnings that change what to do),
    then the working in short numbered lines with source ids.

    ``all_sources`` (``--full``, ``--sources``) gives every step in full, every warning
    and note, and every source cited in full. ``compact`` (for a terminal too short for
    the rest: :func:`fitted`) leaves out the source id of each step and the blank line
    before the working; ``--full`` still gives them.
    """
    full = all_sources
    parts: list[RenderableType] = [Glued(_heading(conv, tables, lang), style="bold")]
    parts.extend(answer(conv, tables, lang, full))
    if conv.steps:
        if not compact:
            parts.append(Text(""))
        parts.append(Text(label("working", lang), style="bold"))
    steps = Table.grid(padding=(0, 1))
    steps.add_column(no_wrap=True, justify="right")
    steps.add_column()
    for number, step in enumerate(conv.steps, start=1):
        words = step.text(lang) if full else short("step", step.code, lang, step.params)
        ids = ""
        if step.sources and not compact:
            ids = f"  {_ids(step.sources)}" if full else f"  [{step.sources[0]}]"
        steps.add_row(f"{number}.", Glued(words, (ids, "dim")))
    parts.append(steps)
    items: list[Step | Alert | Refusal] = [*conv.steps, *conv.alerts]
    if conv.refusal:
        items.append(conv.refusal)
    everything = list(dict.fromkeys(s for item in items for s in item.sources))
    if full and everything:
        parts.append(Text(""))
        parts.append(Text(label("sources", lang), style="bold"))
        for sid in everything:
            parts.append(Glued((f"[{sid}] {cite(tables.sources[sid], lang)}", "dim")))
    end = footer(conv.table_version, tables, lang)
    if not full and everything:
        many = len(everything) > 1
        end += " " + label("more_sources" if many else "one_source", lang, n=str(len(everything)))
    parts.append(Glued((end, "dim")))
    return Panel(
        Group(*parts),
        box=box.ROUNDED,
        border_style="red" if conv.refusal else "cyan",
        padding=(0, 1),
    )


def fitted(
    conv: Conversion, tables: Tables, lang: str, console: Console, all_sources: bool = False
) -> RenderableType:
    """:func:`conversion` as a terminal shows it: where the whole of it would push the
    answer off the top of the screen (taller than the terminal, less a line for the
    command and one for the prompt), the compact working, so that the start and its
    warnings stay in view. Piped output and ``--full`` are never shortened."""
    whole = conversion(conv, tables, lang, all_sources)
    if all_sources or not console.is_terminal:
        return whole
    if len(console.render_lines(whole, pad=False)) <= console.height - 2:
        return whole
    return conversion(conv, tables, lang, compact=True)


def cite(source: Source, lang: str) -> str:
    """A source as published; its section (written in English) only in English."""
    if lang == "en":
        return source.cite()
    url = f" {source.url}" if source.url else ""
    return f"{source.publisher}: {source.title} ({source.year}){url}"


def _key(alert: Alert, full: bool) -> bool:
    """Whether a warning belongs in the answer (``--full`` shows every one)."""
    return full or alert.code not in QUIET


def answer(conv: Conversion, tables: Tables, lang: str, full: bool = False) -> list[RenderableType]:
    """What a clinician copies into the chart: the start, the breakthrough dose, and the
    warnings that change what to do."""
    out: list[RenderableType] = []
    if conv.refusal:
        out.extend(_refused_lines(conv.refusal.code, conv.refusal.text(lang), lang))
    else:
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True, style="bold")
        grid.add_column()
        grid.add_row(
            Text(label("start", lang), style="bold green"),
            Glued((_start(conv, tables, lang), "bold green")),
        )
        bt = _breakthrough(conv, tables, lang)
        if bt:
            grid.add_row(label("breakthrough", lang), Glued(bt))
        out.append(grid)
    for alert in conv.alerts:
        if not _key(alert, full):
            continue
        said = alert.text(lang) if full else short("alert", alert.code, lang, alert.params)
        ids = f"  {_ids(alert.sources)}" if alert.sources and full else ""
        quiet = alert.code in QUIET or (alert.code == "renal" and not full)
        mark = "ℹ" if quiet else "⚠"
        out.append(Glued((f"{mark} {said}", "" if quiet else "yellow"), (ids, "dim")))
    return out


def _refused_lines(code: str, message: str, lang: str) -> list[RenderableType]:
    """The same two lines for every refusal: why, and where to turn."""
    where = f"→ {text('where.label', lang)}: {text(f'where.{code}', lang)}"
    return [Glued((f"✖ {label('refused', lang)}: {message}", "bold red")), Glued((where, "bold"))]


def refused_panel(
    words: str, code: str, message: str, sources: tuple[str, ...], tables: Tables, lang: str
) -> RenderableType:
    """A refusal found while the request was read (a refused name or route, a drug the
    profile does not cover): the same panel as a refused conversion."""
    parts: list[RenderableType] = [Glued(words, style="bold")]
    parts.extend(_refused_lines(code, message, lang))
    if sources:
        parts.append(Glued((f"{label('sources', lang)}: [{', '.join(sources)}]", "dim")))
    parts.append(Glued((footer(tables.version, tables, lang), "dim")))
    return Panel(Group(*parts), box=box.ROUNDED, border_style="red", padding=(0, 1))


def _step(conv: Conversion, *codes: str) -> Step | None:
    return next((s for s in conv.steps if s.code in codes), None)


def _every(hours: int, lang: str) -> str:
    """How often a patch is changed, as its product text says it: a 3-day patch every
    72 hours, a patch worn 4 days or more every so many days (a 7-day patch: every 7th
    day), not every 168 hours."""
    if hours >= 96 and hours % 24 == 0:
        return label("every_days", lang, n=str(hours // 24))
    return label("every_hours", lang, n=str(hours))


def _start(conv: Conversion, tables: Tables, lang: str) -> str:
    req = conv.request
    drug = f"{req.target.name.get(lang)} {tables.routes[req.target_route].name.get(lang)}"
    step = _step(conv, "regimen", "regimen_up", "regimen_infusion", "patch", "patch_up", "pump")
    assert conv.suggested is not None
    if step is None:
        return f"{drug} {show_amount(conv.suggested, lang)}"
    p = {k: show(v, lang) for k, v in step.params.items()}
    if step.code in ("patch", "patch_up"):
        every = _every(step.params["hours"], lang)
        one = p["rate"].split()[0] == p["labels"]  # one patch: its label is its rate
        key = "start_one_patch" if one else "start_patch"
        return label(key, lang, drug=drug, every=every, **p)
    if step.code == "pump":
        return label("start_pump", lang, drug=drug, **p)
    if step.code == "regimen_infusion":
        return label("start_infusion", lang, drug=drug, **p)
    p["dose"] = dose_text(step.params["dose"], lang)
    return label("start_regimen", lang, drug=drug, **p)


def dose_text(dose: object, lang: str) -> str:
    """One dose as a clinician writes it: its total first, then what it is made of
    (``45 mg (30 + 10 + 5 mg)``, ``20 mg (2 x 10 mg)``); a dose of one unit as it is."""
    if not isinstance(dose, tuple) or len(dose) < 2:
        return show(dose, lang)
    parts: tuple[Amount, ...] = dose
    total = Amount(sum((a.value for a in parts), Fraction(0)), parts[0].unit)
    if all(a == parts[0] for a in parts):
        made_of = f"{len(parts)} x {show_amount(parts[0], lang)}"
    else:
        numbers = " + ".join(format_number(a.value, lang) for a in parts)
        made_of = f"{numbers} {show_amount(parts[0], lang).split(' ', 1)[1]}"
    return f"{show_amount(total, lang)} ({made_of})"


def _breakthrough(conv: Conversion, tables: Tables, lang: str) -> str:
    step = _step(conv, "breakthrough", "breakthrough_patch", "breakthrough_pump")
    bt = conv.breakthrough
    if step is None or bt is None:
        return ""
    p = {k: show(v, lang) for k, v in step.params.items()}
    if step.code == "breakthrough_pump":
        return label("bt_pump", lang, **p)
    p["dose"] = dose_text(step.params["dose"], lang)
    if step.code == "breakthrough":
        req = conv.request
        p["drug"] = req.target.name.get(lang)
        p["route"] = tables.routes[req.target_route].name.get(lang)
    # the products' range of doses near the fraction; one dose where its ends meet
    same = p.get("low") == p.get("high")
    p["span"] = p.get("low", "") if same else label("span", lang, low=p["low"], high=p["high"])
    return label("bt_single", lang, **p)


def drugs(tables: Tables, lang: str) -> Table:
    """Drugs (with their ATC code below the name), their names and aliases, routes and
    status. At 80 columns the names give way; no route's name is cut inside a word."""
    table = Table(box=box.SIMPLE_HEAD, show_lines=False, expand=True)
    width = max(len(d.name.get(lang)) for d in tables.opioids.values())
    table.add_column(label("drug", lang), no_wrap=True, min_width=width)
    table.add_column(label("names", lang), overflow="fold", ratio=1)
    routes = [route.name.get(lang) for route in tables.routes.values()]
    table.add_column(label("routes", lang), overflow="fold", width=_word(routes) + 1)
    statuses = {d.key: _status_cell(d.status, lang) for d in tables.opioids.values()}
    table.add_column(
        label("status", lang), no_wrap=True, min_width=max(map(len, statuses.values()))
    )
    for drug in tables.opioids.values():
        names = ", ".join(dict.fromkeys((drug.name.nb, drug.name.en, *drug.aliases)))
        shown = ", ".join(tables.routes[r].name.get(lang) for r in drug.routes) or "–"
        name = Text(drug.name.get(lang))
        name.append(f"\n{drug.atc}", style="dim")
        table.add_row(name, Text(names), shown, statuses[drug.key])
    return table


def _status_cell(status: str, lang: str) -> str:
    word = table_status_word(status, lang)
    return word if status == "normal" else f"⚠ {word}"


def _word(texts: Iterable[str]) -> int:
    """The length of the longest word in ``texts``."""
    return max(len(word) for text in texts for word in text.split())


def _factor_cell(factor: Factor, lang: str) -> str:
    """The table's own numbers (per microgram/h for patches)."""
    point = factor.shown_value if factor.shown_value is not None else factor.value
    value = format_number(point, lang, places=4)
    if factor.shown and factor.shown.low != factor.shown.high:
        low, high = (format_number(v, lang, 4) for v in (factor.shown.low, factor.shown.high))
        value += f" ({low}–{high})"
    return value


def conversion_table(tables: Tables, lang: str) -> Table:
    """The conversion table: every drug and route with its factor, range and sources; a
    drug's daily maximum stands under its name (at 80 columns the sources have room)."""
    table = Table(
        box=box.SIMPLE_HEAD,
        title=f"{label('table', lang)} {tables.version} ({table_status(tables, lang)})",
        caption=label("factor_caption", lang),
    )
    limits = {
        d.key: f"{label('ceiling_short', lang)} {_limit(d, lang)}"
        for d in tables.opioids.values()
        if d.ceiling
    }
    shown = [d.name.get(lang) for d in tables.opioids.values()] + list(limits.values())
    table.add_column(label("drug", lang), no_wrap=True, max_width=max(map(len, shown)))
    table.add_column(label("route", lang), overflow="fold")
    table.add_column(label("factor", lang), no_wrap=True, min_width=8)
    # a source id is never cut (the count after it may wrap)
    ids = max(len(f.sources[0]) for d in tables.opioids.values() for f in d.routes.values())
    table.add_column(label("sources", lang), overflow="fold", width=ids + 2)
    for drug in tables.opioids.values():
        name = Text(drug.name.get(lang))
        if drug.key in limits:
            name.append(f"\n{limits[drug.key]}", style="dim")
        if not drug.routes:
            status = table_status_word(drug.status, lang)
            table.add_row(name, "–", f"⚠ {status}", "")
        for first, (route, factor) in enumerate(drug.routes.items()):
            table.add_row(
                name if first == 0 else drug.name.get(lang),
                tables.routes[route].name.get(lang),
                _factor_cell(factor, lang),
                Text(_ids(factor.sources)),
            )
    return table


def _limit(drug: Opioid, lang: str) -> str:
    """A drug's daily maximum (``500 mg/døgn``)."""
    assert drug.ceiling is not None
    return show_amount(Amount(drug.ceiling.value, "mg", True), lang)
