"""The pocket card as one self-contained HTML page: the same texts as the PDF
(:func:`lindring.card.content.texts`), its two sides one after the other. Loads nothing from
anywhere; prints as two A6 pages; on a narrow screen the chart scrolls sideways with
the morphine column kept in view."""

from __future__ import annotations

from html import escape

from lindring.card.content import DASH, Card, Section, number, unit_label

CSS = """
:root { color-scheme: light; }
html { font-size: 15px; }
body { font: 1rem/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  margin: 0 auto; max-width: 72rem; padding: 1rem; color: #1a1a1a; }
.side { position: relative; margin-bottom: 2rem; overflow: hidden; }
h1 { font-size: 1.25rem; margin: 0 0 .2rem; }
h2 { font-size: 1rem; margin: .9rem 0 .2rem; }
.version { color: #555; font-size: .85rem; margin: 0 0 .6rem; }
.chart { overflow-x: auto; }
table { border-collapse: collapse; font-size: .9rem; }
th, td { border: 1px solid #aaa; padding: .25rem .35rem; text-align: center; }
th { font-weight: 600; }
th .unit { display: block; font-weight: normal; color: #555; font-size: .75rem; }
tbody th { background: #eee; position: sticky; left: 0; }
td b { display: block; font-size: 1.05rem; }
td span { color: #555; font-size: .85rem; }
.legend, .notes, footer { font-size: .85rem; }
.notes { padding-left: 0; list-style: none; }
.draft { position: absolute; inset: 0; display: flex; align-items: center;
  justify-content: center; pointer-events: none; white-space: nowrap;
  font: bold clamp(1.6rem, 7vw, 3rem) sans-serif; color: rgba(210, 60, 60, .28);
  transform: rotate(-22deg); z-index: 1; }
p.rule { margin: .15rem 0; }
@media (max-width: 600px) {
  body { padding: .6rem; }
  table { font-size: .75rem; }
  th, td { padding: .2rem .25rem; }
}
@page { size: 148mm 105mm; margin: 6mm; }
@media print {
  html { font-size: 6.2pt; }
  body { max-width: none; padding: 0; }
  .side { break-after: page; margin: 0; overflow: visible; }
  .chart { overflow: visible; }
  table { width: 100%; font-size: 1rem; }
  tbody th { position: static; }
  th, td { padding: .15rem .1rem; }
  h1 { font-size: 1.6rem; }
  h2 { font-size: 1.1rem; margin: .5rem 0 .1rem; }
  .back { columns: 2; column-gap: 4mm; }
  .back h1, .back .version { column-span: all; }
  .draft { font-size: 30pt; }
}
"""


def html(card: Card) -> str:
    """The card as an HTML document."""
    lang = card.lang
    mark = f'<div class="draft" aria-hidden="true">{escape(card.draft_mark)}</div>'
    draft = mark if card.draft else ""
    version = f'<p class="version">{escape(card.version_line)}</p>'
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{escape(lang)}">',
            '<head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(card.title)}</title>",
            f"<style>{CSS}</style></head>",
            "<body>",
            f'<section class="side front">{draft}<h1>{escape(card.title)}</h1>{version}',
            _chart(card),
            f'<p class="legend">{escape(card.legend)}</p>',
            _notes(card),
            "</section>",
            f'<section class="side back">{draft}<h1>{escape(card.back_title)}</h1>{version}',
            *(_section(s) for s in card.sections),
            f"<h2>{escape(card.table_heading)}</h2>",
            f"<footer>{escape(card.footer)}</footer>",
            "</section>",
            "</body></html>",
            "",
        ]
    )


def _section(section: Section) -> str:
    body = "".join(f'<p class="rule">{escape(line)}</p>' for line in section.lines)
    return f"<h2>{escape(section.heading)}</h2>{body}"


def _chart(card: Card) -> str:
    lang = card.lang
    head = "".join(
        f'<th scope="col">{escape(c.name)} {escape(c.route_label)}'
        f'<span class="unit">{escape(c.unit)}</span></th>'
        for c in card.columns
    )
    from_unit = escape(unit_label("mg", True, lang))
    rows = []
    for row in card.rows:
        cells = []
        for cell in row.cells:
            eq, start = cell.shown(lang)
            sup = f"<sup>{escape(cell.mark)}</sup>" if cell.mark else ""
            eq_html = escape(eq) + (sup if eq == DASH else "")
            start_html = escape(start) + (sup if start == DASH else "")
            cells.append(f"<td><b>{eq_html}</b><span>{start_html}</span></td>")
        dose = escape(number(row.dose, lang))
        rows.append(f'<tr><th scope="row">{dose}</th>{"".join(cells)}</tr>')
    return (
        '<div class="chart"><table><thead><tr>'
        f'<th scope="col">{escape(card.source_label)}<span class="unit">{from_unit}</span></th>'
        f"{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _notes(card: Card) -> str:
    items = "".join(
        f"<li><sup>{escape(mark)}</sup> {escape(note)}</li>" for mark, note in card.notes
    )
    return f'<ul class="notes">{items}</ul>' if items else ""
