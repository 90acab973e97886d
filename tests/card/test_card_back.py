"""The back of the card: the table's rules, ratios, referrals and version."""

from __future__ import annotations

from dataclasses import replace

from lindring.card import content as card
from lindring.card import layout as card_layout
from lindring.model import Tables
from lindring.table.profiles import load_profiled, profile_of

from ..conftest import TABLES_DIR

LAYOUT = TABLES_DIR / card_layout.LAYOUT_FILE


def _card(tables: Tables, lang: str = "en") -> card.Card:
    return card.build(tables, card_layout.load_layout(LAYOUT, None), lang)


def _text(built: card.Card) -> str:
    return "\n".join(line for s in built.sections for line in s.lines) + "\n" + built.footer


def test_rules_come_from_the_table(tables: Tables) -> None:
    text = _text(_card(tables))
    # Lindring i nord, Konvertering av opioider: 20-30 % below 200 mg OME, 50 % above
    assert "by 20-30 % (usually 25 %) below 200 mg" in text
    assert "by 50 % at 200 mg or more" in text
    # Lindring i nord, Opioider: breakthrough 1/6 of the daily dose
    assert "1/6 of the daily dose (range 1/10 to 1/4)" in text


def test_a_changed_rule_changes_the_card(tables: Tables) -> None:
    rule = replace(tables.breakthrough, fraction=tables.breakthrough.low)
    text = _text(_card(replace(tables, breakthrough=rule)))
    assert "1/10 of the daily dose" in text


def test_route_ratios_read_both_ways(tables: Tables) -> None:
    text = _text(_card(tables))
    # morphine: oral to subcutaneous 3:1, range 2-3 (the table's route_ratios)
    assert "Morphine: po:sc 3:1 (2-3)" in text
    assert "po:sc 3:1 means that 3 mg po acts like 1 mg sc" in text


def test_referrals_and_renal_lines(tables: Tables) -> None:
    built = _card(tables, "nb")
    text = _text(built)
    assert "Metadon: lindring regner ikke om metadon." in text
    assert "Transmukøs fentanyl (Instanyl, PecFent, Abstral, Effentora)" in text
    renal = next(s for s in built.sections if s.heading == "Nedsatt nyrefunksjon")
    assert len(renal.lines) == 6
    assert all(line.count(". ") == 0 for line in renal.lines)


def test_the_maximum_daily_doses_of_the_table(tables: Tables) -> None:
    # Palexia depot: 500 mg a day; Nobligan: 400 mg; Paralgin forte: 8 x 30 mg codeine
    built = _card(tables)
    maximum = next(s for s in built.sections if s.heading == "Maximum daily dose")
    assert maximum.lines[0].startswith("Tapentadol 500 mg, Tramadol 400 mg, Codeine 240 mg.")
    without = {k: replace(d, ceiling=None) for k, d in tables.opioids.items()}
    bare = _card(replace(tables, opioids=without))
    assert "Maximum daily dose" not in {s.heading for s in bare.sections}


def test_version_date_status_and_sources(tables: Tables) -> None:
    built = _card(tables)
    assert f"Conversion table {tables.version} of {tables.date}" in built.footer
    assert "status: draft, not reviewed" in built.footer
    assert "lindring table" in built.footer
    assert built.draft


def test_a_reviewed_table_has_no_draft_mark(tables: Tables) -> None:
    built = _card(replace(tables, status="reviewed"))
    assert not built.draft
    assert "status: reviewed" in built.footer


def test_a_profile_leaves_what_it_does_not_cover_blank(shipped_dir: object) -> None:
    profiled = load_profiled(str(TABLES_DIR), "fpm-uk")
    uncovered = profile_of(str(TABLES_DIR), "fpm-uk").not_covered
    built = _card(profiled)
    col = next(i for i, c in enumerate(built.columns) if (c.drug, c.route) in uncovered)
    cells = [row.cells[col] for row in built.rows]
    assert all(c.reason == "not_covered" and c.equianalgesic is None for c in cells)
    assert "+fpm-uk" in built.footer


def test_first_sentence() -> None:
    assert card.first_sentence("One. Two. Three.") == "One."
    assert card.first_sentence("No stop") == "No stop"
    assert card.first_sentence("GFR 1.5 stays. Next") == "GFR 1.5 stays."
