"""The exported pages' stylesheet: readable on a 390 px phone, on a laptop and on paper.

On a narrow screen (up to 40rem) every table of three columns or more is shown as
stacked rows: each row a block, each cell with its column's name before it (``data-
label``, set by :func:`lindring.handbook.html.to_html`), so nothing is cut off and
nothing needs sideways scrolling (an empty cell is left out). Wider, a table is a normal
table inside a container that scrolls sideways if it must, with the first column (the
drug) kept in view. Long words and addresses wrap, so no element is wider than the
screen. In print the search box and navigation are left out, tables take the full width,
and rows, notices and headings are not split from what follows them.
"""

from __future__ import annotations

CSS = """
:root { color-scheme: light; }
*, *::before, *::after { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  max-width: 52rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; color: #1a1a1a;
  overflow-wrap: break-word; }
a { overflow-wrap: anywhere; }
h1 { font-size: 1.7rem; margin-bottom: .25rem; }
h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
h3 { font-size: 1.1rem; }
.table-wrap { max-width: 100%; overflow-x: auto; margin: 1rem 0; }
table { border-collapse: separate; border-spacing: 0; font-size: .9rem; width: 100%; }
th, td { border: 1px solid #999; border-width: 0 1px 1px 0; padding: .3rem .5rem;
  text-align: left; vertical-align: top; background: #fff; }
tr > :first-child { border-left-width: 1px; position: sticky; left: 0; }
thead tr:first-child > *, table > tbody:first-child tr:first-child > * { border-top-width: 1px; }
th { background: #e8eef3; }
tr:nth-child(even) td { background: #f6f8fa; }
blockquote { border-left: 4px solid #c0392b; margin: 1rem 0; padding: .25rem 1rem;
  background: #fdf2f0; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; background: #f0f0f0;
  padding: 0 .2rem; overflow-wrap: anywhere; }
pre { overflow-x: auto; }
nav { font-size: .9rem; margin-bottom: 1rem; }
.refs li { margin-bottom: .4rem; font-size: .9rem; }
.meta, footer { color: #555; font-size: .85rem; }
.attachments { font-weight: 600; }
#search { display: flex; gap: .4rem; margin: 0 0 1rem; }
#search[hidden] { display: none; }
#search label { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); }
#search input { flex: 1; min-width: 0; font: inherit; padding: .4rem .6rem;
  border: 1px solid #777; border-radius: .3rem; }
#search button { font: inherit; padding: .4rem .9rem; border: 1px solid #2c5d85;
  border-radius: .3rem; background: #2c5d85; color: #fff; }
#search-results { margin: 0 0 1.5rem; padding: .5rem .9rem; border: 1px solid #c8d3dc;
  border-radius: .3rem; background: #f7fafc; }
#search-results ol { padding-left: 1.3rem; margin: .3rem 0; }
#search-results li { margin-bottom: .5rem; }
#search-results .snippet { display: block; color: #444; font-size: .9rem; }
.search-note { margin: .2rem 0; font-size: .9rem; color: #444; }
@media (max-width: 40rem) {
  body { padding: .75rem .75rem 2rem; }
  h1 { font-size: 1.45rem; }
  .stack, .stack thead, .stack tbody, .stack tr, .stack th, .stack td {
    display: block; width: auto; }
  .stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); }
  .stack tr { border: 1px solid #999; border-radius: .3rem; margin: 0 0 .6rem;
    overflow: hidden; }
  .stack tr > :first-child { position: static; font-weight: 600; background: #e8eef3; }
  .stack th, .stack td { border-width: 0 0 1px 0; }
  .stack tr > :last-child { border-bottom-width: 0; }
  .stack td[data-label]::before { content: attr(data-label) ": "; font-weight: 600;
    color: #333; }
  .stack td[data-label]:first-child::before { content: none; }
  .stack td:empty { display: none; }
  .stack tr:nth-child(even) td { background: #fff; }
  .stack tr:nth-child(even) > td:first-child { background: #e8eef3; }
}
@media print {
  nav, #search, #search-results { display: none !important; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  .table-wrap { overflow: visible; }
  table { width: 100%; font-size: 9pt; }
  thead { display: table-header-group; }
  th, td { position: static; }
  tr, blockquote, li { break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; }
  #kilder { break-before: auto; }
}
"""
