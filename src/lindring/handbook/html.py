"""The handbook as static, self-contained HTML: one page per chapter and ``index.html``.

Every page carries its own CSS (handbook/html_assets.py: tables as stacked rows on a
phone, a print stylesheet) and loads nothing from outside its folder: the only files it
loads are ``search-index.js`` and ``search.js`` beside it, the offline search
(handbook/search_index.py), so the folder can be copied to a laptop or a phone and read
and searched offline. The pocket card (HTML, and PDF when typst is installed) is written
beside the pages and linked from the index. The structure is plain and search friendly:
one ``<h1>``, headings with stable ids, ``<meta name="description">`` from the chapter
summary and ``keywords`` from its tags, tables as real ``<table>`` elements (each in a
container, its cells named by their column), and a reference list whose entries the
source markers link to (``#kilde-ID``). Markdown is rendered with markdown-it-py (which
rich already depends on) with raw HTML turned off, so a chapter cannot inject markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from lindring.errors import Issue
from lindring.handbook.book import Chapter, Handbook, HandbookError, errors_only, resolve_chapter
from lindring.handbook.html_assets import CSS
from lindring.handbook.markdown import ANCHOR, plain, slug
from lindring.handbook.search_index import INDEX_JS, SEARCH_JS, index_data, index_js, search_js
from lindring.i18n.handbook import EMBED as W
from lindring.i18n.handbook import LABELS, SEARCH_LABELS
from lindring.model import Source, Tables
from lindring.records import record
from lindring.table.spec import URL_PATTERN

if TYPE_CHECKING:
    from markdown_it.token import Token

INDEX = "index.html"
#: a table with this many columns or more is shown as stacked rows on a phone
STACK_FROM = 3


def to_html(markdown: str) -> str:
    """Markdown as HTML, headings given ids (``{#id}`` or their slug), every table in a
    container of its own and every data cell labelled with its column's name
    (``data-label``, shown before the cell when a narrow screen stacks the rows of a
    table with :data:`STACK_FROM` columns or more; a narrower table stays a table)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    tokens = md.parse(markdown)
    columns: list[str] = []
    column = 0
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            token.attrSet("id", _heading_id(tokens[index + 1]))
        elif token.type == "table_open" and _width(tokens, index) >= STACK_FROM:
            token.attrSet("class", "stack")
        elif token.type == "thead_open":
            columns = []
        elif token.type == "th_open":
            columns.append(plain(tokens[index + 1].content))
        elif token.type == "tr_open":
            column = 0
        elif token.type == "td_open":
            if column < len(columns) and columns[column]:
                token.attrSet("data-label", columns[column])
            column += 1
    rendered = str(md.renderer.render(tokens, md.options, {}))
    label = html.escape(SEARCH_LABELS["table"]["nb"])
    wrap = f'<div class="table-wrap" role="region" tabindex="0" aria-label="{label}">'
    rendered = re.sub(r'<table( class="stack")?>', lambda m: wrap + m.group(0), rendered)
    return rendered.replace("</table>", "</table></div>")


def _width(tokens: list[Token], start: int) -> int:
    """The number of columns of the table opened at ``tokens[start]``."""
    count = 0
    for token in tokens[start:]:
        if token.type == "th_open":
            count += 1
        elif token.type == "tr_close":
            break
    return count


def _heading_id(inline: Token) -> str:
    found = ANCHOR.search(inline.content)
    if found is None:
        return slug(inline.content)
    inline.content = inline.content[: found.start()]
    children = inline.children or []
    if children and children[-1].type == "text":
        children[-1].content = ANCHOR.sub("", children[-1].content)
    return found.group(1)


def _link(chapter: Chapter, text: str) -> str:
    shown = html.escape(text.format(title=chapter.title))
    return f'<a href="{html.escape(chapter.id)}.html">{shown}</a>'


def _references(entries: tuple[tuple[str, Source | None, bool], ...]) -> str:
    items = []
    for sid, source, from_table in entries:
        e = html.escape
        text = f"<strong>[{e(sid)}]</strong> "
        if source is not None:
            text += e(source.cite()) + "."
            if re.fullmatch(URL_PATTERN, source.url):  # validated; never a script link
                text += f' <a href="{e(source.url)}">{e(source.url)}</a>'
            elif source.url:
                text += f" {e(source.url)}"
            if from_table:
                text += f" ({e(W['from_table'])})"  # the source's note: see reference_line
        items.append(f'<li id="kilde-{e(sid)}">{text}</li>')
    heading = html.escape(W["references"])
    return (
        f'<section id="kilder"><h2>{heading}</h2><ol class="refs">{"".join(items)}</ol></section>'
    )


def _search_box(lang: str) -> str:
    """The search form (shown by search.js; hidden where scripts do not run)."""
    label = {key: html.escape(text[lang]) for key, text in SEARCH_LABELS.items()}
    own = f' lang="{lang}"' if lang != "nb" else ""
    return (
        f'<form id="search" role="search" action="{INDEX}" hidden{own}>'
        f'<label for="search-q">{label["label"]}</label>'
        f'<input id="search-q" name="q" type="search" autocomplete="off" '
        f'placeholder="{label["placeholder"]}" aria-label="{label["label"]}">'
        f'<button type="submit">{label["button"]}</button></form>\n'
        f'<section id="search-results" aria-live="polite" aria-label="{label["results"]}"{own} '
        "hidden></section>\n"
    )


def _page(
    title: str, description: str, keywords: str, body: str, tables: Tables, lang: str = "nb"
) -> str:
    e = html.escape
    footer = e(W["disclaimer"].format(version=tables.version))
    return (
        '<!DOCTYPE html>\n<html lang="nb">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(title)}</title>\n"
        f'<meta name="description" content="{e(description)}">\n'
        f'<meta name="keywords" content="{e(keywords)}">\n'
        f"<style>{CSS}</style>\n"
        f'<script src="{INDEX_JS}" defer></script>\n<script src="{SEARCH_JS}" defer></script>\n'
        f"</head>\n<body>\n{_search_box(lang)}{body}\n"
        f"<footer><p>{footer}</p></footer>\n</body>\n</html>\n"
    )


@record
class Attachment:
    """A file written beside the pages and linked from the index (the pocket card)."""

    name: str
    label: str
    content: bytes


def export_html(
    book: Handbook,
    tables: Tables,
    directory: Path,
    attachments: Sequence[Attachment] = (),
    lang: str = "nb",
) -> list[Path]:
    """Write every chapter, ``index.html``, the search index and script, and the
    ``attachments`` to ``directory``; the paths written. The chapters are in bokmål;
    ``lang`` is the language of the search box.

    Refuses (:class:`HandbookError`) if any chapter has an error: a handbook with a
    broken embed is not exported.
    """
    pages: list[tuple[str, str]] = []
    problems: list[Issue] = list(book.problems)
    chapters = list(book.chapters.values())
    for number, chapter in enumerate(chapters):
        resolved = resolve_chapter(chapter, tables, book, "html")
        problems.extend(errors_only(resolved.problems))
        nav = [f'<a href="{INDEX}">{html.escape(W["contents"])}</a>']
        if number > 0:
            nav.append(_link(chapters[number - 1], "← {title}"))
        if number + 1 < len(chapters):
            nav.append(_link(chapters[number + 1], "{title} →"))
        body = (
            f"<nav>{' · '.join(nav)}</nav>\n<main><article>\n{to_html(resolved.markdown)}"
            f"{_references(resolved.references)}\n</article></main>"
        )
        keywords = ", ".join(chapter.tags)
        pages.append(
            (
                f"{chapter.id}.html",
                _page(chapter.title, chapter.summary, keywords, body, tables, lang),
            )
        )
    if problems:
        raise HandbookError(problems)
    pages.append((INDEX, _index(book, tables, attachments, lang)))
    pages.append((INDEX_JS, index_js(index_data(book, tables, lang))))
    pages.append((SEARCH_JS, search_js()))
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in pages:
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    for attachment in attachments:
        path = directory / attachment.name
        path.write_bytes(attachment.content)
        written.append(path)
    return written


def _attachment_links(attachments: Sequence[Attachment]) -> str:
    links = " · ".join(
        f'<a href="{html.escape(a.name)}">{html.escape(a.label)}</a>' for a in attachments
    )
    return f'<p class="attachments">{links}</p>\n' if links else ""


def _index(
    book: Handbook, tables: Tables, attachments: Sequence[Attachment] = (), lang: str = "nb"
) -> str:
    e = html.escape
    items = []
    for chapter in book.chapters.values():
        names = ", ".join(chapter.reviewers)
        review = (
            LABELS["peer_reviewed"]["nb"].format(names=names)
            if names
            else LABELS["not_peer_reviewed"]["nb"]
        )
        meta = f"{LABELS['reviewed']['nb']}: {chapter.last_reviewed} · {review}"
        items.append(
            f'<li><a href="{e(chapter.id)}.html"><strong>{e(chapter.title)}</strong></a><br>'
            f'{e(chapter.summary)}<br><span class="meta">{e(meta)}</span></li>'
        )
    title = W["book_title"]
    status = W["draft"] if tables.status == "draft" else W["reviewed_status"]
    body = (
        f"<main><h1>{e(title)}</h1>\n"
        f'<p class="meta">{e(W["index_meta"].format(version=tables.version, status=status))}</p>\n'
        f"{_attachment_links(attachments)}"
        f'<ol class="chapters">{"".join(items)}</ol></main>'
    )
    keywords = ", ".join(dict.fromkeys(t for c in book.chapters.values() for t in c.tags))
    return _page(title, W["book_summary"], keywords, body, tables, lang)
