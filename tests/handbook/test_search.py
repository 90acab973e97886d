"""Search finds the expected chapter for real queries, in Norwegian and English."""

from __future__ import annotations

import pytest

from lindring.errors import InputError
from lindring.handbook.book import Handbook, resolve_chapter
from lindring.handbook.markdown import plain
from lindring.handbook.search import MAX_QUERY, MAX_WORDS, expand_query, search, stem
from lindring.model import Tables


@pytest.mark.parametrize(
    ("query", "chapter"),
    [
        ("smertepumpe", "smertepumpe"),
        ("smertepumper", "smertepumpe"),
        ("smertepumpen", "smertepumpe"),
        ("syringe driver", "smertepumpe"),
        ("pumpe bolus", "smertepumpe"),
        ("sperretid", "smertepumpe"),
        ("nalokson", "bivirkninger"),
        ("naloxone", "bivirkninger"),
        ("forstoppelse", "bivirkninger"),
        ("constipation", "bivirkninger"),
        ("myoklonus", "bivirkninger"),
        ("midazolam", "fire-legemidler"),
        ("Dormicum", "fire-legemidler"),
        ("haloperidol kvalme", "fire-legemidler"),
        ("glykopyrron", "fire-legemidler"),
        ("death rattle", "fire-legemidler"),
        ("fentanylplaster", "plaster"),
        ("fentanyl patch", "plaster"),
        ("Durogesic", "plaster"),
        ("nyresvikt", "nyresvikt"),
        ("kidney failure", "nyresvikt"),
        ("gjennombruddssmerte", "gjennombruddssmerte"),
        ("breakthrough pain", "gjennombruddssmerte"),
        ("behovsdose", "gjennombruddssmerte"),
        ("krysstoleranse", "opioidkonvertering"),
        ("opioid rotation", "opioidkonvertering"),
        ("døende", "doende-pasient"),
        ("dying patient", "doende-pasient"),
    ],
)
def test_query_finds_the_chapter(query: str, chapter: str, book: Handbook, tables: Tables) -> None:
    hits = search(book, tables, query)
    assert hits, query
    assert hits[0].chapter == chapter, [(h.chapter, h.heading) for h in hits[:3]]


@pytest.mark.parametrize("query", ["oxycodone", "OxyNorm", "oksykodon", "Reltebon Depot"])
def test_a_drug_name_in_any_language_finds_the_chapters_that_name_it(
    query: str, book: Handbook, tables: Tables
) -> None:
    hits = search(book, tables, query)
    naming = {
        c.id
        for c in book.chapters.values()
        if "oksykodon" in resolve_chapter(c, tables, book, "text").markdown.casefold()
    }
    assert hits and hits[0].chapter == "opioidkonvertering"
    assert {h.chapter for h in hits} <= naming


def test_norwegian_forms_share_a_stem() -> None:
    forms = ["smertepumpe", "smertepumpen", "smertepumper", "smertepumpene", "smertepumpes"]
    assert len({stem(f) for f in forms}) == 1
    assert stem("doser") == stem("dosen") == stem("dose")


def test_english_and_brand_names_map_to_the_norwegian_name(tables: Tables) -> None:
    assert stem("oksykodon") in expand_query("OxyNorm", tables)[0]
    assert stem("oksykodon") in expand_query("oxycodone", tables)[0]
    assert stem("glykopyrron") in expand_query("Robinul", tables)[0]
    assert expand_query("Reltebon Depot", tables) == [{stem("oksykodon")}]


def test_hits_carry_chapter_section_and_a_snippet(book: Handbook, tables: Tables) -> None:
    hit = search(book, tables, "nalokson")[0]
    assert hit.title == book.chapters[hit.chapter].title
    assert hit.heading == "Respirasjonsdepresjon og nalokson"
    assert hit.anchor == "respirasjonsdepresjon-og-nalokson"
    assert "nalokson" in hit.snippet.casefold()
    assert "[@" not in hit.snippet and "{{" not in hit.snippet


def test_nothing_found_is_an_empty_list(book: Handbook, tables: Tables) -> None:
    assert search(book, tables, "xylofonkonsert") == []
    assert search(book, tables, "  ") == []


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("a" * 201, "handbook_query_long"),
        ("a" * 130_000, "handbook_query_long"),
        ("pumpe " * 13, "handbook_query_words"),
        ("smerte " + "b" * 41, "handbook_query_words"),
    ],
)
def test_a_query_beyond_the_bounds_is_refused_before_any_work(
    book: Handbook, tables: Tables, query: str, code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_work(*args: object) -> None:
        raise AssertionError("the query was expanded or ranked")

    monkeypatch.setattr("lindring.handbook.search.expand_query", no_work)
    monkeypatch.setattr("lindring.handbook.search.rank", no_work)
    with pytest.raises(InputError) as caught:
        search(book, tables, query)
    assert caught.value.code == code


def test_the_largest_query_allowed_is_answered(book: Handbook, tables: Tables) -> None:
    """(How long the longest queries take is bench/fuzz's to watch, with its hang limit.)"""
    query = " ".join(["smertepumpeoksykodonfentanylplasterbc"] * MAX_WORDS)[:MAX_QUERY]
    assert len(search(book, tables, query)) <= 10


def test_the_search_text_drops_a_source_marker_with_the_space_before_it(
    book: Handbook, tables: Tables
) -> None:
    # plaster.md: "... kontakt palliativt team [@uk-last-days-prescribing]. Se også"
    chapter = book.chapters["plaster"]
    assert "palliativt team [@uk-last-days-prescribing]." in chapter.body
    text = resolve_chapter(chapter, tables, book, "text").markdown
    assert "kontakt palliativt team. Se" in text.replace("\n", " ")
    for other in book.chapters.values():
        searched = plain(resolve_chapter(other, tables, book, "text").markdown)
        assert "[@" not in searched and " . " not in searched and " , " not in searched
    # opioidkonvertering.md: "... (CYP2D6)" and, on the next line, "[@hdir-omeq]. Paralgin"
    conversion = book.chapters["opioidkonvertering"]
    assert "(CYP2D6). Paralgin" in plain(resolve_chapter(conversion, tables, book, "text").markdown)
