"""The static HTML export: one self-contained page per chapter plus index.html."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from lindring.handbook.book import Handbook, HandbookError, load_handbook
from lindring.handbook.html import _references, export_html, to_html
from lindring.model import Source, Tables

from .conftest import CHAPTERS, HANDBOOK_DIR


class Page(HTMLParser):
    """What a page holds: tags, ids, links, and text per table."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.sources: list[str] = []  # anything that would load a resource
        self.tables: list[str] = []
        self._table: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append(tag)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "a" and found.get("href"):
            self.links.append(str(found["href"]))
        if tag in ("img", "script", "link", "iframe", "video", "audio", "source", "embed"):
            self.sources.append(f"{tag} {found.get('src') or found.get('href') or ''}".strip())
        if tag == "table":
            self._table = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self._table is not None:
            self.tables.append(" ".join(self._table))
            self._table = None

    def handle_data(self, data: str) -> None:
        if self._table is not None:
            self._table.append(data)


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, tables: Tables) -> Path:
    out = tmp_path_factory.mktemp("html")
    export_html(load_handbook(str(HANDBOOK_DIR)), tables, out)
    return out


def test_one_page_per_chapter_an_index_and_the_search(exported: Path) -> None:
    names = sorted(p.name for p in exported.iterdir())
    pages = [f"{c}.html" for c in CHAPTERS] + ["index.html"]
    assert names == sorted([*pages, "search-index.js", "search.js"])


@pytest.mark.parametrize("name", [*CHAPTERS, "index"])
def test_pages_are_self_contained(name: str, exported: Path) -> None:
    text = (exported / f"{name}.html").read_text(encoding="utf-8")
    page = parse(exported / f"{name}.html")
    # no images, stylesheets or frames; only the search scripts beside the page
    assert page.sources == ["script search-index.js", "script search.js"]
    assert 'id="search-q"' in text and 'placeholder="f.eks. smertepumpe' in text
    assert "<style>" in text and 'charset="utf-8"' in text
    assert page.tags.count("h1") == 1
    assert "{{" not in text and "[@" not in text


@pytest.mark.parametrize("name", CHAPTERS)
def test_internal_links_resolve(name: str, exported: Path) -> None:
    page = parse(exported / f"{name}.html")
    for link in page.links:
        if "://" in link:
            continue
        target, _, anchor = link.partition("#")
        target_page = parse(exported / target) if target else page
        assert (exported / (target or f"{name}.html")).exists(), link
        if anchor:
            assert anchor in target_page.ids, link


def test_every_conversion_table_embed_is_an_html_table(
    exported: Path, book: Handbook, tables: Tables
) -> None:
    seen = 0
    for chapter in book.chapters.values():
        embeds = chapter.body.count("{{ tabell: omregning }}")
        if not embeds:
            continue
        page = parse(exported / f"{chapter.id}.html")
        full = [t for t in page.tables if all(d.name.nb in t for d in tables.opioids.values())]
        assert len(full) == embeds, chapter.id
        seen += embeds
    assert seen >= 1


def test_markers_link_to_the_reference_list(exported: Path, book: Handbook) -> None:
    page = parse(exported / "bivirkninger.html")
    for sid in book.chapters["bivirkninger"].sources:
        assert f"kilde-{sid}" in page.ids
        assert f"#kilde-{sid}" in page.links


def test_index_lists_every_chapter_with_its_review_status(exported: Path) -> None:
    text = (exported / "index.html").read_text(encoding="utf-8")
    for chapter in CHAPTERS:
        assert f'href="{chapter}.html"' in text
    assert text.count("ikke fagfellevurdert ennå") == len(CHAPTERS)


def test_raw_html_in_a_chapter_is_escaped() -> None:
    html = to_html("## Tittel {#anker}\n\n<script>alert(1)</script>\n")
    assert '<h2 id="anker">Tittel</h2>' in html
    assert "<script>" not in html


def test_a_broken_chapter_is_not_exported(
    tmp_path: Path, tables: Tables, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = Path(__file__).resolve().parents[1] / "cases" / "handbook" / "unknown-embed"
    monkeypatch.chdir(case)
    with pytest.raises(HandbookError) as caught:
        export_html(load_handbook("."), tables, tmp_path / "out")
    assert caught.value.problems[0].text().startswith("a.md:16:1: embed faktor: unknown drug")
    assert not (tmp_path / "out").exists()


def test_tables_have_header_cells(exported: Path) -> None:
    text = (exported / "opioidkonvertering.html").read_text(encoding="utf-8")
    assert re.search(r'<table class="stack">\s*<thead>\s*<tr>\s*<th>Legemiddel</th>', text)


def test_every_table_is_wrapped_and_every_cell_named_by_its_column(exported: Path) -> None:
    """What a phone needs to stack the rows: the column's name on each cell."""
    for page in exported.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert text.count("<table") == text.count('<div class="table-wrap"'), page.name
        for table in re.findall(r"<table.*?</table>", text, flags=re.DOTALL):
            heads = re.findall(r"<th>(.*?)</th>", table)
            for row in re.findall(r"<tr>(.*?)</tr>", table, flags=re.DOTALL)[1:]:
                labels = re.findall(r'<td data-label="([^"]*)"', row)
                assert labels == heads[: len(labels)] and len(labels) == row.count("<td"), row
    text = (exported / "opioidkonvertering.html").read_text(encoding="utf-8")
    assert '<td data-label="Maks per døgn">' in text


def test_markdown_in_a_header_is_plain_in_the_label() -> None:
    html = to_html("| **Dose** | [Vei](x.md) |\n|---|---|\n| 5 mg | sc |\n")
    assert '<td data-label="Dose">5 mg</td><td data-label="Vei">sc</td>' in html.replace("\n", "")


def test_a_phone_stacks_tables_of_three_columns_or_more() -> None:
    two = to_html("| A | B |\n|---|---|\n| 1 | 2 |\n")
    three = to_html("| A | B | C |\n|---|---|---|\n| 1 | 2 | 3 |\n")
    assert "<table>" in two and 'class="stack"' not in two
    assert '<table class="stack">' in three


def test_the_search_box_speaks_english_when_asked(
    tmp_path: Path, book: Handbook, tables: Tables
) -> None:
    export_html(book, tables, tmp_path, lang="en")
    text = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert '<form id="search" role="search" action="index.html" hidden lang="en">' in text
    assert ">Search</button>" in text and "Søk" not in text.split("<h1>")[0]


@pytest.mark.parametrize(
    "url", ["javascript:alert(document.domain)", "data:text/html,<b>x</b>", 'https://x" onclick="y']
)
def test_a_source_link_that_is_not_a_web_address_is_never_a_link(url: str) -> None:
    source = Source("s", "T", "P", 2020, "1", url)
    html = _references((("s", source, False),))
    page = Page()
    page.feed(html)
    assert page.links == []
    assert "<a " not in html and 'onclick="' not in html


def test_a_web_address_is_a_link() -> None:
    source = Source("s", "T", "P", 2020, "1", "https://example.org/a?b=1&c=2")
    page = Page()
    page.feed(_references((("s", source, False),)))
    assert page.links == ["https://example.org/a?b=1&c=2"]
