"""Block embeds: whole tables from the conversion table, and worked examples that the
calculator itself computes (``{{ eksempel: oxycodone 20mg x2 po to morphine sc }}``),
so a chapter's example always shows what ``lindring convert`` would print."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lindring.errors import LindringError
from lindring.handbook.embed_drug import strengths_text
from lindring.handbook.embed_parts import (
    Embed,
    EmbedProblem,
    close,
    factor_text,
    labels_of,
    listing,
    marker,
    num,
)
from lindring.handbook.markdown import escape
from lindring.i18n import show_amount
from lindring.i18n.handbook import EMBED as W
from lindring.model import Amount, Localized, Tables

if TYPE_CHECKING:
    from lindring.calc.convert import Conversion

TABLES = ("omregning", "plaster", "pumpe", "ampuller")


def block(tables: Tables, kind: str, args: list[str]) -> Embed:
    if kind == "eksempel":
        return _example(tables, args)
    name = args[0].casefold()
    if name not in TABLES or len(args) > 1:
        raise EmbedProblem("embed.unknown_table", close(name, list(TABLES)), name=" ".join(args))
    if name in ("pumpe", "ampuller") and tables.pump is None:
        raise EmbedProblem("embed.no_pump")
    builders = {
        "omregning": _conversion,
        "plaster": _patches,
        "pumpe": _pump,
        "ampuller": _ampoules,
    }
    return builders[name](tables)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _table(header: list[str], rows: list[list[str]], caption: str = "") -> str:
    lines = [_row(header), _row(["---"] * len(header)), *(_row(r) for r in rows)]
    return "\n".join(lines) + (f"\n\n*{caption}*" if caption else "")


def _ids(sources: tuple[str, ...]) -> str:
    """The primary source and how many more (all of them are in the reference list)."""
    if not sources:
        return ""
    more = f" +{len(sources) - 1}" if len(sources) > 1 else ""
    return escape(f"{sources[0]}{more}")


def _status(tables: Tables) -> str:
    return W["draft"] if tables.status == "draft" else W["reviewed_status"]


def _conversion(tables: Tables) -> Embed:
    rows: list[list[str]] = []
    used: list[str] = []
    for drug in tables.opioids.values():
        ceiling = f"{num(drug.ceiling.value)} mg/{W['day']}" if drug.ceiling else ""
        if drug.ceiling:
            used.extend(drug.ceiling.sources)
        if not drug.routes:
            rows.append(
                [escape(drug.name.nb), "–", W["not_converted"], ceiling, _ids(drug.sources)]
            )
            used.extend(drug.sources)
        for key, factor in drug.routes.items():
            route = tables.routes[key].name.nb
            shown = factor_text(factor)
            if drug.unit == "microgram" and tables.routes[key].kind != "rate":
                shown += " " + W["per_microgram"].format(value=num(factor.value / 1000))
            cells = [escape(drug.name.nb), escape(route), shown, ceiling]
            rows.append([*cells, _ids(factor.sources)])
            used.extend(factor.sources)
    header = [W["drug"], W["route"], W["factor"], W["ceiling"], W["sources"]]
    caption = W["table_caption"].format(version=tables.version, status=_status(tables))
    return Embed(_table(header, rows, caption), tuple(dict.fromkeys(used)))


def _patches(tables: Tables) -> Embed:
    rows: list[list[str]] = []
    used: list[str] = []
    for drug in tables.opioids.values():
        factor = drug.routes.get("td")
        if factor is None or factor.patch is None:
            continue
        for product in factor.patch.products:
            labels = labels_of(product.strengths)
            hours = W["hours"].format(hours=product.change_every_hours)
            sources = (*product.sources, *factor.sources)
            cells = [escape(drug.name.nb), escape(product.product), labels, hours]
            rows.append([*cells, factor_text(factor), _ids(tuple(dict.fromkeys(sources)))])
            used.extend(sources)
        used.extend(factor.patch.max_rate_sources)
    header = [W["drug"], W["product"], W["strengths"], W["change"], W["factor"], W["sources"]]
    limits = [
        f"{d.name.nb} {num(f.patch.max_rate)} {W['per_hour']}"
        for d in tables.opioids.values()
        if (f := d.routes.get("td")) is not None and f.patch is not None
    ]
    caption = W["max_rate"].format(limits=listing(limits)) if limits else ""
    return Embed(_table(header, rows, caption), tuple(dict.fromkeys(used)))


def _pump(tables: Tables) -> Embed:
    assert tables.pump is not None
    r = tables.pump.rules
    bolus = " / ".join(str(f) for f in r.bolus_fractions)
    values = [
        f"{num(r.volume_ml)} ml",
        str(r.days),
        f"{num(r.rate_step)} ml/{W['hour']}",
        f"{num(r.draw_step)} ml",
        f"{bolus} {W['of_daily']}",
        f"{num(r.bolus_step)} ml",
        f"{r.lockout_minutes} {W['minutes']}",
        f"{num(r.max_rate)} ml/{W['hour']}",
        str(r.max_ampoules),
    ]
    rows = [[name, value] for name, value in zip(W["pump_rows"].split("|"), values, strict=True)]
    caption = f"{W['sources']}: {_ids(r.sources)}"
    return Embed(_table([W["setting"], W["default"]], rows, caption), r.sources)


def _ampoules(tables: Tables) -> Embed:
    assert tables.pump is not None
    rows: list[list[str]] = []
    used: list[str] = []
    named = [(tables.opioids[k].name.nb, a) for k, a in tables.pump.ampoules.items()]
    named += [(a.name.nb, a.ampoules) for a in tables.pump.adjuvants.values()]
    for name, ampoules in named:
        rows.append([escape(name), strengths_text(ampoules), _ids(ampoules.sources)])
        used.extend(ampoules.sources)
    header = [W["drug"], W["injection"], W["sources"]]
    return Embed(_table(header, rows), tuple(dict.fromkeys(used)))


def _example(tables: Tables, words: list[str]) -> Embed:
    from lindring.calc.convert import convert
    from lindring.calc.request import parse_request

    try:
        conversion = convert(tables, parse_request(tables, words))
    except LindringError as exc:
        raise EmbedProblem(
            "embed.example_failed", reason=Localized(exc.message("nb"), exc.message("en"))
        ) from None
    lines = [
        W["example"].format(version=tables.version),
        "",
        f"`lindring convert {' '.join(words)}`",
        "",
    ]
    used: list[str] = []
    for number, step in enumerate(conversion.steps, start=1):
        lines.append(f"{number}. {escape(step.text('nb'))}{marker(step.sources)}")
        used.extend(step.sources)
    lines.append("")
    if conversion.refusal:
        lines.append(f"- **{W['refused']}:** {escape(conversion.refusal.text('nb'))}")
        used.extend(conversion.refusal.sources)
    else:
        lines.extend(_result(conversion, tables))
    for alert in conversion.alerts:
        lines.append(f"- **{W['warning']}:** {escape(alert.text('nb'))}")
        used.extend(alert.sources)
    return Embed("\n".join(lines).rstrip(), tuple(dict.fromkeys(used)))


def _result(conversion: Conversion, tables: Tables) -> list[str]:
    assert conversion.suggested is not None and conversion.breakthrough is not None
    suggested = show_amount(conversion.suggested, "nb")
    if conversion.patch:
        labels = " + ".join(conversion.patch.labels)
        product = conversion.patch.product.product
        suggested += ": " + W["patches"].format(labels=labels, product=product)
    lines = [f"- **{W['suggested']}:** {escape(suggested)}"]
    if conversion.split:
        split = conversion.split
        every = W["every"].format(
            dose=show_amount(split.dose, "nb"), h=split.interval_hours, n=split.doses_per_24h
        )
        lines.append(f"- **{W['split']}:** {escape(every)}")
    bt = conversion.breakthrough
    dose = show_amount(Amount(bt.dose.value, bt.dose.unit), "nb")
    if bt.drug:
        dose += f" {tables.opioids[bt.drug].name.nb} {tables.routes[bt.route].name.nb}"
    lines.append(
        f"- **{W['bt']}:** {escape(W['bt_value'].format(dose=dose, fraction=bt.fraction))}"
    )
    return lines
