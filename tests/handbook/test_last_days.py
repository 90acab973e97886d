"""The chapters on the last days of life lead with Norwegian guidance, cite a source for
every start dose, keep other countries' doses in one labelled comparison and say plainly,
once, which numbers are still unconfirmed.

The expected doses and strengths below were read in the sources themselves (each id's
note in handbook/sources.yaml or tables/opioids.yaml says which section and when); they
are written out here so that a changed chapter has to agree with the source, not with
itself."""

from __future__ import annotations

import re

import pytest

from lindring.handbook.book import Handbook, resolve_chapter
from lindring.handbook.markdown import MARKER, clean_id, marker_ids
from lindring.model import Source, Tables

LAST_DAYS = ("fire-legemidler", "doende-pasient", "smertepumpe")
NOTICE = "> **Ikke bekreftet:**"
NORWEGIAN = "Norsk veiledning"
COMPARISON = "Til sammenligning: svenske regionale råd (ikke norsk veiledning)"
FOREIGN = ("Sweden", "UK", "Denmark", "Scotland")
# Sources from other countries the last-days chapters may cite, and where.
SWEDISH = ("uppsala-livets-slutskede", "blekinge-livets-slutskede")


def _sections(body: str) -> dict[str, str]:
    """The `##` sections by heading text (explicit anchors stripped), in order."""
    parts = body.split("\n## ")
    return {p.splitlines()[0].split(" {#")[0]: p for p in parts[1:]}


def _cited(text: str) -> list[str]:
    return [clean_id(p) or p for m in MARKER.finditer(text) for p in marker_ids(m.group(1))]


def _rows(table_text: str) -> list[list[str]]:
    """The body rows of the first Markdown table in the text, as stripped cells."""
    lines = [ln for ln in table_text.splitlines() if ln.startswith("|")]
    return [[c.strip() for c in ln.strip().strip("|").split("|")] for ln in lines[2:]]


def _source(sid: str, book: Handbook, tables: Tables) -> Source:
    return {**tables.sources, **book.sources}[sid]


def test_the_four_drugs_open_with_the_norwegian_guidance(book: Handbook) -> None:
    body = book.chapters["fire-legemidler"].body
    headings = list(_sections(body))
    assert headings[0] == NORWEGIAN
    assert headings[-1] == COMPARISON
    # Before the first heading there is only the notice and the summary, no doses from abroad.
    before = body.split("\n## ")[0]
    assert not set(_cited(before)) & set(SWEDISH)


def test_other_countries_doses_appear_only_in_the_labelled_comparison(
    book: Handbook, tables: Tables
) -> None:
    for chapter_id in LAST_DAYS:
        body = book.chapters[chapter_id].body
        sections = _sections(body)
        for heading, text in sections.items():
            if heading == COMPARISON:
                continue
            assert not set(_cited(text)) & set(SWEDISH), (chapter_id, heading)
    comparison = _sections(book.chapters["fire-legemidler"].body)[COMPARISON]
    assert "**ikke** norske råd" in comparison
    for row in _rows(comparison):
        ids = _cited(row[-1])
        assert ids and all(i in SWEDISH for i in ids), row
        assert all("Sweden" in _source(i, book, tables).publisher for i in ids)


# (problem, drug, start dose as the chapter writes it, the only sources it may cite)
START_DOSES = [
    # Sunniva 2008, pain algorithm: 1/6 of the earlier daily dose, as needed up to hourly.
    (
        "Smerte, tungpust – bruker opioid fast",
        "morfin",
        "1/6 av den subkutane døgndosen",
        {"sunniva-fire-legemidler-2008"},
    ),
    # Felleskatalogen Morphine Orion and Morfin Orifarm, Dosering: s.c. 5-15 mg.
    (
        "Smerte, tungpust – bruker ikke opioid",
        "morfin",
        "5–15 mg",
        {"fk-morphine-orion", "fk-morfin-orifarm"},
    ),
    (
        "Angst, uro",
        "midazolam",
        "1 mg til gamle og skrøpelige, ellers 2–5 mg",
        {"sunniva-fire-legemidler-2008"},
    ),
    # IS-2285 v5, delirium in the very last phase: midazolam 2-4 mg/24 h s.c. to start.
    (
        "Urolig delirium som må dempes",
        "midazolam",
        "2–4 mg per døgn",
        {"hdir-palliasjon-handlingsprogram"},
    ),
    ("Kvalme", "haloperidol", "0,5–1 mg", {"sunniva-fire-legemidler-2008"}),
    ("Urolig delirium, agitasjon", "haloperidol", "2 mg", {"sunniva-fire-legemidler-2008"}),
    (
        "Surkling",
        "glykopyrron",
        "0,4 mg, så 0,2 mg etter 4 timer",
        {"sunniva-fire-legemidler-2008"},
    ),
]


def _norwegian_rows(book: Handbook) -> list[list[str]]:
    return _rows(_sections(book.chapters["fire-legemidler"].body)[NORWEGIAN])


def test_the_norwegian_table_has_a_source_column(book: Handbook) -> None:
    section = _sections(book.chapters["fire-legemidler"].body)[NORWEGIAN]
    header = next(ln for ln in section.splitlines() if ln.startswith("|"))
    assert header.rstrip(" |").endswith("Kilde")
    assert [(r[0], r[1]) for r in _norwegian_rows(book)] == [(p, d) for p, d, _, _ in START_DOSES]


@pytest.mark.parametrize(("problem", "drug", "dose", "allowed"), START_DOSES)
def test_each_norwegian_start_dose_cites_its_norwegian_source(
    problem: str, drug: str, dose: str, allowed: set[str], book: Handbook, tables: Tables
) -> None:
    row = next(r for r in _norwegian_rows(book) if r[0] == problem and r[1] == drug)
    assert dose in row[2]
    cited = _cited(row[-1])
    assert cited and set(cited) <= allowed
    for sid in cited:
        source = _source(sid, book, tables)
        assert source.section, sid
        assert not any(country in source.publisher for country in FOREIGN), sid


def test_the_same_midazolam_start_dose_in_every_last_days_chapter(
    book: Handbook, tables: Tables
) -> None:
    """IS-2285's 2-4 mg per 24 h, cited to it wherever a chapter gives it."""
    for chapter_id in LAST_DAYS:
        body = book.chapters[chapter_id].body
        blocks = [b for b in re.split(r"\n(?=- |\d+\. |\| )", body) if "2–4 mg" in b]
        assert blocks, chapter_id
        for block in blocks:
            assert "hdir-palliasjon-handlingsprogram" in _cited(block), (chapter_id, block)
    note = _source("hdir-palliasjon-handlingsprogram", book, tables).note
    assert "midazolam 2-4 mg/24 h s.c." in note


@pytest.mark.parametrize("chapter_id", LAST_DAYS)
def test_every_dose_in_the_last_days_chapters_cites_a_source(
    chapter_id: str, book: Handbook
) -> None:
    """Each bullet, numbered step, table row or paragraph that gives milligrams or mg/ml
    carries a source marker or a table embed (which brings its own)."""
    body = book.chapters[chapter_id].body
    if chapter_id == "smertepumpe":
        body = _sections(body)["I livets siste dager"]
    blocks = re.split(r"\n(?=- |\d+\. |\| )|\n\n", body)
    dosed = [b for b in blocks if re.search(r"\d\s*mg\b", b) and not b.startswith("| ---")]
    assert dosed
    for block in dosed:
        assert _cited(block) or "{{" in block, (chapter_id, block)


def test_at_most_one_unconfirmed_notice_and_no_scattered_warnings(book: Handbook) -> None:
    for chapter_id in LAST_DAYS:
        body = book.chapters[chapter_id].body
        assert body.count(NOTICE) <= 1, chapter_id
        assert "må bekreftes" not in body.casefold(), chapter_id
        if NOTICE in body:  # at the top of the chapter, before any heading
            assert body.lstrip().startswith(NOTICE), chapter_id


def test_the_notice_names_every_number_that_rests_on_sunniva_2008_alone(
    book: Handbook,
) -> None:
    body = book.chapters["fire-legemidler"].body
    notice = body.lstrip().split("\n\n")[0].replace("\n> ", " ")
    assert notice.startswith(NOTICE)
    # Rows whose only source is the 2008 algorithms: their doses are listed in the notice.
    for problem, drug, dose, allowed in START_DOSES:
        if allowed != {"sunniva-fire-legemidler-2008"} or problem.endswith("opioid fast"):
            continue
        for number in re.findall(r"\d+(?:,\d+)?(?:–\d+(?:,\d+)?)? mg", dose):
            assert number in notice, (problem, drug, number)
    assert "inntil hver time" in notice  # how often the as-needed morphine may be given
    assert "høyst 10 mg" in notice and "høyst 2,4 mg" in notice  # the 2008 maxima
    # The opioid-naive morphine dose: no Norwegian last-days figure, and the source says why.
    assert "ikke bruker opioid" in notice and "preparatomtalen" in notice
    assert "morphine start dose for opioid-naive patients" in (
        book.sources["sunniva-fire-legemidler-2008"].note
    )


def test_strengths_in_the_table_but_not_in_a_product_text_are_in_the_notice(
    book: Handbook, tables: Tables
) -> None:
    """Felleskatalogen, composition: morphine injection 10 and 20 mg/ml (Morphine Orion,
    Morfin Orifarm), midazolam 1 and 5 mg/ml (Midazolam Accord), haloperidol 5 mg/ml
    (Haldol), glycopyrronium 0.2 mg/ml (Robinul)."""
    product = {
        "morphine": {"10", "20"},
        "midazolam": {"1", "5"},
        "haloperidol": {"5"},
        "glycopyrronium": {"0,2"},
    }
    chapter = book.chapters["fire-legemidler"]
    notice = chapter.body.lstrip().split("\n\n")[0].replace("\n> ", " ")
    rows = {r[0]: r for r in _rows(_sections(chapter.body)["Ampullene"])}
    assert tables.pump is not None
    for drug, strengths in product.items():
        if drug == "morphine":
            name, ampoules = "morfin", tables.pump.ampoules["morphine"]
        else:
            adjuvant = tables.pump.adjuvants[drug]
            name, ampoules = adjuvant.name.nb, adjuvant.ampoules
        shown = set(re.findall(r"\d+(?:,\d+)?", rows[name][2]))
        assert shown == strengths, drug
        assert _cited(rows[name][3]), drug
        in_table = {f"{float(s.mg_per_ml):g}".replace(".", ",") for s in ampoules.strengths}
        for extra in sorted(in_table - strengths):
            assert f"{name.capitalize()} {extra} mg/ml" in notice, (drug, extra)


def test_oxycodone_injection_strength_agrees_with_the_table(book: Handbook, tables: Tables) -> None:
    """RELIS, Helse Bergen (28.06.2024): oxycodone injection 10 mg/ml in Norway."""
    assert tables.pump is not None
    assert {s.mg_per_ml for s in tables.pump.ampoules["oxycodone"].strengths} == {10}
    for chapter_id, heading in (("fire-legemidler", "Ampullene"), ("smertepumpe", None)):
        body = book.chapters[chapter_id].body
        text = _sections(body)[heading] if heading else body
        line = next(b for b in re.split(r"\n(?=- |\| )", text) if "Oksykodon" in b and "mg/ml" in b)
        assert "10 mg/ml" in line and "klb-oxycodone-injection" in _cited(line)


def test_the_chapters_render_with_the_norwegian_section_first(
    book: Handbook, tables: Tables
) -> None:
    markdown = resolve_chapter(book.chapters["fire-legemidler"], tables, book, "terminal").markdown
    first = markdown.index(f"## {NORWEGIAN}")
    assert first < markdown.index("## Ampullene") < markdown.index(f"## {COMPARISON}")
