"""The pocket card as data: what its two sides say, built from the table (docs/card.md).

Front: for each daily dose of oral morphine in the layout (``tables/card.yaml``), the
equianalgesic daily dose and the suggested start of each drug and route in it. Every
cell is one call of :func:`lindring.calc.convert.convert` with the request ``lindring
convert`` builds for ``morphine DOSE/24h po to DRUG ROUTE``, shown as the calculator
shows numbers, so the card and the calculator cannot disagree. Back: the table's rules,
route ratios, referrals, renal notes and its version. No PDF or HTML here
(``render_card_*.py``).
"""

from __future__ import annotations

from fractions import Fraction

from lindring import __version__
from lindring.calc.convert import Conversion, Options, convert
from lindring.calc.request import parse_request
from lindring.card.layout import Layout
from lindring.errors import RefusedError
from lindring.i18n import PER_24H, UNIT_NAMES, text
from lindring.i18n import card as _messages  # registers the texts
from lindring.model import Amount, Opioid, RouteRatio, Tables
from lindring.numbers import format_number
from lindring.records import record

NOTE_MARKS = "abcdefghij"
DASH = "–"


@record
class Column:
    drug: str
    route: str
    name: str  # the drug's name, capitalised
    route_label: str  # po, sc, plaster
    unit: str  # mg/døgn, mikrogram/time


@record
class Cell:
    """One drug and route at one dose: the equianalgesic dose and the start (``None``
    when there is none; ``reason`` then says why, ``mark`` is its footnote)."""

    equianalgesic: Amount | None
    start: Amount | None
    reason: str = ""
    mark: str = ""

    def shown(self, lang: str) -> tuple[str, str]:
        """The cell's two numbers as printed (``–`` where there is none; see ``mark``)."""
        eq = number(self.equianalgesic, lang) if self.equianalgesic else DASH
        start = number(self.start, lang) if self.start else DASH
        return eq, start


@record
class Row:
    dose: Amount  # oral morphine, mg per 24 h
    cells: tuple[Cell, ...]


@record
class Section:
    heading: str
    lines: tuple[str, ...]


@record
class Card:
    lang: str
    draft: bool
    title: str
    back_title: str
    source_label: str  # the first column: oral morphine, mg/24 h
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    legend: str
    notes: tuple[tuple[str, str], ...]  # (mark, text)
    sections: tuple[Section, ...]
    footer: str  # table version, date, status (and profile)
    draft_mark: str
    table_heading: str
    version_line: str  # the table's version and status, short


def number(amount: Amount, lang: str) -> str:
    """A dose as the calculator prints it, without its unit (rounded down, 2 places)."""
    return format_number(amount.value, lang)


def unit_label(amount_unit: str, per_24h: bool, lang: str) -> str:
    return UNIT_NAMES[amount_unit][lang] + (PER_24H[lang] if per_24h else "")


def request_words(layout: Layout, dose: int, drug: str, route: str) -> list[str]:
    """The ``lindring convert`` words for one cell."""
    return [layout.source[0], f"{dose}mg/24h", layout.source[1], "to", drug, route]


def convert_cell(
    tables: Tables, layout: Layout, dose: int, drug: str, route: str
) -> Conversion | None:
    """The calculator's conversion for one cell (``None``: the route is refused, as a
    profile does for what it does not cover)."""
    try:
        request = parse_request(tables, request_words(layout, dose, drug, route))
    except RefusedError:
        return None
    return convert(tables, request, Options())


def build(tables: Tables, layout: Layout, lang: str, profile_name: str = "") -> Card:
    """The card for ``tables`` in ``lang`` (``profile_name``: the profile's own name)."""
    known = [(d, r) for d, r in layout.columns if d in tables.opioids]
    columns = tuple(
        _column(tables, d, r, lang)
        for d, r in known
        if r in tables.opioids[d].routes or r in tables.opioids[d].refused_routes
    )
    marks: dict[str, str] = {}
    rows = []
    for dose in layout.doses:
        cells = []
        for col in columns:
            conv = convert_cell(tables, layout, dose, col.drug, col.route)
            cells.append(_cell(conv, marks))
        rows.append(Row(Amount(Fraction(dose), "mg", per_24h=True), tuple(cells)))
    notes = tuple((mark, text(f"card.note.{reason}", lang)) for reason, mark in marks.items())
    return Card(
        lang=lang,
        draft=tables.status == "draft",
        title=text("card.title", lang),
        back_title=text("card.back_title", lang),
        source_label=text("card.from", lang),
        columns=columns,
        rows=tuple(rows),
        legend=text("card.legend", lang),
        notes=notes,
        sections=_back(tables, lang, columns),
        footer=_footer(tables, lang, profile_name),
        draft_mark=text("card.draft", lang),
        table_heading=text("card.h.table", lang),
        version_line=text(
            "card.version_line",
            lang,
            version=tables.version,
            status=text(f"card.status.{tables.status}", lang),
        ),
    )


def _column(tables: Tables, drug: str, route: str, lang: str) -> Column:
    opioid = tables.opioids[drug]
    rate = tables.routes[route].kind == "rate"
    unit = unit_label("microgram/h", False, lang) if rate else unit_label(opioid.unit, True, lang)
    name = opioid.display_name(lang)
    return Column(drug, route, _capital(name), route_text(route, lang), unit)


def route_text(route: str, lang: str) -> str:
    """A route's short name on the card (its key for a route the card has no name for)."""
    code = f"card.route.{route}"
    return text(code, lang) if code in _messages.MESSAGES else route


def _cell(conv: Conversion | None, marks: dict[str, str]) -> Cell:
    if conv is None:
        reason = "not_covered"
        return Cell(None, None, reason, marks.setdefault(reason, NOTE_MARKS[len(marks)]))
    if conv.suggested is not None:
        return Cell(conv.equianalgesic, conv.suggested)
    code = conv.refusal.code if conv.refusal else ""
    reason = code if f"card.note.{code}" in _messages.MESSAGES else "refused"
    mark = marks.setdefault(reason, NOTE_MARKS[len(marks)])
    return Cell(conv.equianalgesic, None, reason, mark)


def _pct(value: Fraction, lang: str) -> str:
    return format_number(value, lang)


def _back(tables: Tables, lang: str, columns: tuple[Column, ...]) -> tuple[Section, ...]:
    rule, bt = tables.reduction, tables.breakthrough
    reduction = text(
        "card.reduction",
        lang,
        low=_pct(rule.below.low, lang),
        high=_pct(rule.below.high, lang),
        default=_pct(rule.below.default, lang),
        threshold=format_number(rule.threshold_ome, lang),
        above=_pct(rule.at_or_above.default, lang),
    )
    same = text("card.same_drug", lang, advice=rule.route_change_advice.get(lang))
    breakthrough = [
        text(
            "card.breakthrough",
            lang,
            fraction=str(bt.fraction),
            low=str(bt.low),
            high=str(bt.high),
        )
    ]
    rescue_drug, rescue_route = bt.patch_rescue
    if rescue_drug in tables.opioids and rescue_route in tables.routes:
        breakthrough.append(
            text(
                "card.breakthrough_patch",
                lang,
                fraction=str(bt.fraction),
                drug=tables.opioids[rescue_drug].display_name(lang),
                route=route_text(rescue_route, lang),
            )
        )
    drugs = [tables.opioids[k] for k in dict.fromkeys(c.drug for c in columns)]
    ratios = tuple(line for d in drugs if (line := ratio_line(d, lang)))
    ratio_lines = (*ratios, _ratio_key(drugs, lang)) if ratios else ()
    return tuple(
        s
        for s in (
            Section(text("card.h.reduction", lang), (reduction, same)),
            Section(text("card.h.breakthrough", lang), tuple(breakthrough)),
            Section(text("card.h.ratios", lang), ratio_lines),
            Section(text("card.h.specialist", lang), _specialist(tables, lang)),
            Section(text("card.h.renal", lang), _renal(drugs, lang)),
            Section(text("card.h.maximum", lang), _maximum(tables, lang)),
        )
        if s.lines
    )


def ratio_line(drug: Opioid, lang: str) -> str:
    """``Morfin: po:sc 3:1 (2-3); sc:iv 1:1`` from the drug's route ratios."""
    parts = [_ratio(r, lang) for r in drug.route_ratios]
    if not parts:
        return ""
    return f"{_capital(drug.display_name(lang))}: " + "; ".join(parts)


def _ratio(ratio: RouteRatio, lang: str) -> str:
    first, second = (route_text(r, lang) for r in ratio.routes)
    value = format_number(ratio.ratio, lang)
    shown = f"{first}:{second} {value}:1"
    if ratio.low != ratio.high:
        shown += f" ({format_number(ratio.low, lang)}-{format_number(ratio.high, lang)})"
    return shown


def _ratio_key(drugs: list[Opioid], lang: str) -> str:
    """How to read ``a:b x:1``, told with the first ratio on the card."""
    first = next(r for d in drugs for r in d.route_ratios)
    a, b = (route_text(r, lang) for r in first.routes)
    return text("card.ratio_key", lang, first=a, second=b, value=format_number(first.ratio, lang))


def _specialist(tables: Tables, lang: str) -> tuple[str, ...]:
    lines = [
        text("card.methadone", lang, drug=_capital(d.display_name(lang)), text=d.status_text)
        for d in tables.opioids.values()
        if d.status == "nonlinear" and d.status_text is not None
    ]
    group = tables.refused.get("transmucosal-fentanyl")
    if group is not None:
        lines.append(text("card.transmucosal", lang, names=", ".join(group.names), text=group.text))
    return tuple(lines)


def _renal(drugs: list[Opioid], lang: str) -> tuple[str, ...]:
    """The first sentence of each drug's renal caution in the table."""
    return tuple(
        f"{_capital(d.display_name(lang))}: {first_sentence(d.renal.text.get(lang))}"
        for d in drugs
        if d.renal is not None
    )


def _maximum(tables: Tables, lang: str) -> tuple[str, ...]:
    """The drugs with a maximum daily dose in the table, on one line."""
    doses = [
        f"{_capital(d.display_name(lang))} {format_number(d.ceiling.value, lang)} mg"
        for d in tables.opioids.values()
        if d.ceiling is not None
    ]
    return (text("card.maximum", lang, doses=", ".join(doses)),) if doses else ()


def first_sentence(sentence: str) -> str:
    """The text up to and including its first full stop followed by a space."""
    head, dot, _ = sentence.partition(". ")
    return head + dot.strip() if dot else sentence


def _capital(name: str) -> str:
    return name[:1].upper() + name[1:]


def _footer(tables: Tables, lang: str, profile_name: str) -> str:
    status = text(f"card.status.{tables.status}", lang)
    lines = [text("card.table", lang, version=tables.version, date=tables.date, status=status)]
    if profile_name:
        lines.append(text("card.profile", lang, name=profile_name))
    lines.append(text("card.sources", lang, lindring=__version__))
    return " ".join(lines)


def texts(card: Card) -> dict[str, object]:
    """The card as printed strings only (what both renderers lay out)."""
    return {
        "lang": card.lang,
        "draft": card.draft,
        "draft_mark": card.draft_mark,
        "title": card.title,
        "back_title": card.back_title,
        "source_label": card.source_label,
        "source_unit": unit_label("mg", True, card.lang),
        "columns": [{"name": c.name, "route": c.route_label, "unit": c.unit} for c in card.columns],
        "rows": [
            {
                "dose": number(row.dose, card.lang),
                "cells": [[*cell.shown(card.lang), cell.mark] for cell in row.cells],
            }
            for row in card.rows
        ],
        "legend": card.legend,
        "notes": [list(note) for note in card.notes],
        "sections": [{"heading": s.heading, "lines": list(s.lines)} for s in card.sections],
        "footer": card.footer,
        "table_heading": card.table_heading,
        "version_line": card.version_line,
    }
