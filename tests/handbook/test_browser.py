"""The exported handbook in a real browser: headless Chromium from the system packages.

At a phone's width (390 x 844) and a laptop's (1280 x 800): typing "smertepumper" in
the search box finds the pain pump chapter, the result links open it, no element of
any page is wider than the screen, and the search in the browser gives the sections
`lindring handbook search` gives. Skipped with a reason when Chromium is not installed
(``apt-get install chromium``; README, "Testing the exported handbook in a browser").
Screenshots go to ``$LINDRING_SCREENSHOTS`` when it is set, for looking at by eye.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest

from lindring.cli.card import attachments
from lindring.handbook.book import Handbook
from lindring.handbook.html import export_html
from lindring.model import Tables

from .cdp import Browser, chromium
from .conftest import CHAPTERS
from .test_search_index import QUERIES, python_hits, same_hits

BINARY = chromium()
pytestmark = pytest.mark.skipif(
    BINARY is None, reason="Chromium is not installed (apt-get install chromium)"
)
SCREENS = {"phone": (390, 844), "laptop": (1280, 800)}
PAGES = ["index", *CHAPTERS]

#: every element whose box reaches outside the viewport, and the page's scroll width
WIDE = """(() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.width && (box.right > width + 0.5 || box.left < -0.5)) {
      wide.push(el.tagName.toLowerCase() + "." + el.className + " " +
        Math.round(box.left) + ".." + Math.round(box.right));
    }
  }
  const tables = Array.from(document.querySelectorAll("table")).map(
    (t) => [t.scrollWidth, t.parentElement.clientWidth]);
  return {width: width, scroll: document.documentElement.scrollWidth, wide: wide,
    tables: tables};
})()"""
RESULTS = """Array.from(document.querySelectorAll("#search-results li a")).map(
  (a) => [a.dataset.chapter, a.getAttribute("href")])"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, book: Handbook, tables: Tables) -> Path:
    out = tmp_path_factory.mktemp("site")
    export_html(book, tables, out, attachments(None, "nb"))
    return out


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    assert BINARY is not None
    opened = Browser(BINARY, tmp_path_factory.mktemp("profile"))
    try:
        yield opened
    finally:
        opened.close()


def screenshots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("LINDRING_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.parametrize("screen", SCREENS)
def test_typing_smertepumper_finds_the_pain_pump_chapter(
    screen: str, site: Path, browser: Browser, tmp_path: Path
) -> None:
    browser.open((site / "index.html").as_uri(), *SCREENS[screen])
    assert browser.evaluate("document.getElementById('search').hidden") is False
    browser.evaluate("document.getElementById('search-q').focus()")
    browser.call("Input.insertText", text="smertepumper")
    found = browser.evaluate(RESULTS)
    assert found and found[0][0] == "smertepumpe", found
    assert browser.evaluate("document.querySelector('#search-results p').textContent") == (
        f"{len(found)} treff"
    )
    browser.screenshot(screenshots(tmp_path) / f"search-{screen}.png")
    # the first result's link, as the page resolves it, opens the chapter at its section
    # (followed with open(), which waits for the load: a click races the navigation)
    href = found[0][1]
    link = browser.evaluate("document.querySelector('#search-results li a').href")
    assert unquote(link) == (site / href.split("#")[0]).as_uri() + (
        "#" + href.partition("#")[2] if "#" in href else ""
    )
    browser.open(link, *SCREENS[screen])
    assert browser.evaluate("document.querySelector('h1').textContent").startswith("Smertepumpe")
    anchor = href.partition("#")[2]
    if anchor:
        assert browser.evaluate(f"!!document.getElementById({json.dumps(anchor)})")


def test_a_query_in_the_address_searches_at_load(site: Path, browser: Browser) -> None:
    url = (site / "plaster.html").as_uri() + "?q=smertepumper"
    browser.open(url, *SCREENS["phone"])
    assert browser.evaluate("document.getElementById('search-q').value") == "smertepumper"
    assert browser.evaluate(RESULTS)[0][0] == "smertepumpe"


def test_nothing_found_says_so_in_norwegian(site: Path, browser: Browser) -> None:
    browser.open((site / "index.html").as_uri() + "?q=xylofonkonsert", *SCREENS["phone"])
    note = browser.evaluate("document.getElementById('search-results').textContent")
    assert note == "Ingen treff for «xylofonkonsert»."


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("page", PAGES)
def test_no_element_is_wider_than_the_screen(
    page: str, screen: str, site: Path, browser: Browser, tmp_path: Path
) -> None:
    browser.open((site / f"{page}.html").as_uri(), *SCREENS[screen])
    measured = browser.evaluate(WIDE)
    assert measured["width"] == SCREENS[screen][0]
    assert measured["scroll"] <= measured["width"], measured
    assert measured["wide"] == [], measured
    if screen == "phone":  # stacked rows: every table fits its box, no sideways scrolling
        for table_width, box_width in measured["tables"]:
            assert table_width <= box_width, measured
    if page == "opioidkonvertering":
        shots = screenshots(tmp_path)
        browser.evaluate("document.querySelector('table').scrollIntoView()")
        browser.screenshot(shots / f"table-{screen}.png")


def test_the_conversion_table_on_a_phone_keeps_every_column(site: Path, browser: Browser) -> None:
    """The issue's complaint: the table was cut off at «Maks per døgn»."""
    browser.open((site / "opioidkonvertering.html").as_uri(), *SCREENS["phone"])
    shown = browser.evaluate(
        """Array.from(document.querySelector('table tbody tr').children).map((td) =>
          [getComputedStyle(td, '::before').content, td.getBoundingClientRect().right])"""
    )
    labels = [content for content, _ in shown]
    assert '"Maks per døgn: "' in labels
    assert all(right <= SCREENS["phone"][0] for _, right in shown)


def test_print_leaves_out_the_search_and_navigation(site: Path, browser: Browser) -> None:
    browser.open((site / "opioidkonvertering.html").as_uri(), *SCREENS["laptop"])
    browser.call("Emulation.setEmulatedMedia", media="print")
    try:
        hidden = browser.evaluate(
            """['search', 'search-results'].map((id) =>
              getComputedStyle(document.getElementById(id)).display)
              .concat([getComputedStyle(document.querySelector('nav')).display])"""
        )
        assert hidden == ["none", "none", "none"]
        assert browser.evaluate("getComputedStyle(document.querySelector('thead')).display") == (
            "table-header-group"
        )
    finally:
        browser.call("Emulation.setEmulatedMedia", media="")


def test_the_browser_gives_the_hits_python_gives(
    site: Path, browser: Browser, book: Handbook, tables: Tables
) -> None:
    browser.open((site / "index.html").as_uri(), *SCREENS["laptop"])
    results = browser.evaluate(f"{json.dumps(QUERIES)}.map((q) => window.lindringSearch(q))")
    for query, js in zip(QUERIES, results, strict=True):
        same_hits(js, python_hits(book, tables, query))
