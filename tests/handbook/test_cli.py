"""`lindring handbook`: list, show (pager only on a terminal), search, export, errors."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.console import Console

from lindring.errors import EXIT_INPUT, EXIT_OK, EXIT_TABLES
from lindring.handbook.book import Handbook

from .conftest import CHAPTERS, RunHandbook

CASES = Path(__file__).resolve().parents[1] / "cases" / "handbook"


def test_no_arguments_lists_the_chapters(run_handbook: RunHandbook) -> None:
    result = run_handbook()
    assert result.exit_code == EXIT_OK
    for chapter in CHAPTERS:
        assert chapter in result.stdout
    assert "not peer reviewed yet" in result.stdout
    nb = run_handbook(env={"LINDRING_LANG": "nb"})
    assert "Sist gjennomgått" in nb.stdout and "ikke fagfellevurdert ennå" in nb.stdout


def test_a_chapter_piped_is_plain_text(run_handbook: RunHandbook) -> None:
    result = run_handbook("plaster")
    assert result.exit_code == EXIT_OK
    assert "\x1b[" not in result.stdout  # no colour codes when piped
    assert "Fentanyl- og buprenorfinplaster" in result.stdout
    assert "2,4 (spenn 1,8–3,6)" in result.stdout
    assert "---" not in result.stdout.splitlines()[1]
    assert run_handbook("show", "plaster").stdout == result.stdout
    assert run_handbook("plaster", "--no-pager").stdout == result.stdout


class FakeTerminal(Console):
    """A terminal console that records whether the pager was used."""

    paged = False

    def __init__(self, height: int) -> None:
        super().__init__(force_terminal=True, width=100, height=height, file=io.StringIO())

    @contextlib.contextmanager  # type: ignore[override]
    def pager(self, *args: object, **kwargs: object) -> Iterator[None]:
        FakeTerminal.paged = True
        yield


@pytest.mark.parametrize(
    ("height", "args", "paged"),
    [
        (20, ["plaster"], True),  # longer than the screen
        (20, ["plaster", "--no-pager"], False),
        (100000, ["plaster"], False),  # fits on the screen
    ],
)
def test_pager_only_on_a_terminal_and_only_when_needed(
    height: int,
    args: list[str],
    paged: bool,
    run_handbook: RunHandbook,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    FakeTerminal.paged = False
    monkeypatch.setattr("lindring.cli.output.console", lambda: FakeTerminal(height))
    result = run_handbook(*args)
    assert result.exit_code == EXIT_OK
    assert FakeTerminal.paged is paged


def test_unknown_chapter_names_close_ones(run_handbook: RunHandbook) -> None:
    result = run_handbook("pumpa")
    assert result.exit_code == EXIT_INPUT
    assert result.stderr.startswith("lindring: error: no chapter 'pumpa'. Close: smertepumpe")
    assert result.stdout == ""


def test_search(run_handbook: RunHandbook) -> None:
    result = run_handbook("search", "naloxone")
    assert result.exit_code == EXIT_OK
    assert result.stdout.splitlines()[3].split()[0] == "bivirkninger"
    missing = run_handbook("search", "xylofonkonsert")
    assert missing.exit_code == EXIT_INPUT
    assert "nothing in the handbook matches 'xylofonkonsert'" in missing.stderr


def test_export(run_handbook: RunHandbook, tmp_path: Path) -> None:
    result = run_handbook("export", "--html", str(tmp_path / "hb"))
    assert result.exit_code == EXIT_OK
    assert result.stdout.startswith(f"wrote {len(CHAPTERS) + 1} pages to {tmp_path / 'hb'}")
    index = (tmp_path / "hb" / "index.html").read_text(encoding="utf-8")
    assert ">Søk</button>" in index  # the search box in bokmål, as the chapters
    assert (tmp_path / "hb" / "search-index.js").exists()


def test_export_with_lang_en_has_an_english_search_box(
    run_handbook: RunHandbook, tmp_path: Path
) -> None:
    result = run_handbook("export", "--lang", "en", "--html", str(tmp_path / "hb"))
    assert result.exit_code == EXIT_OK
    index = (tmp_path / "hb" / "index.html").read_text(encoding="utf-8")
    assert ">Search</button>" in index and ">Søk</button>" not in index
    assert '"button":"Search"' in (tmp_path / "hb" / "search-index.js").read_text("utf-8")


def test_export_to_a_file_is_an_input_error(run_handbook: RunHandbook, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run_handbook("export", "--html", str(blocker))
    assert result.exit_code == EXIT_INPUT
    assert "cannot write the handbook to" in result.stderr


def test_a_broken_chapter_is_refused_with_its_problems(
    run_handbook: RunHandbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(CASES / "unknown-embed")
    result = run_handbook("a", "--handbook", ".")
    assert result.exit_code == EXIT_TABLES
    assert result.stderr.startswith("a.md:16:1: embed faktor: unknown drug 'oxycodon'")
    assert "lindring: error: the handbook has 9 problem(s)" in result.stderr


def test_handbook_option_before_the_chapter(
    run_handbook: RunHandbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(CASES / "valid")
    result = run_handbook("--handbook", ".", "a")
    assert result.exit_code == EXIT_OK
    assert "Kapittel a" in result.stdout


def test_missing_handbook_directory(run_handbook: RunHandbook, tmp_path: Path) -> None:
    result = run_handbook("--handbook", str(tmp_path / "none"))
    assert result.exit_code == EXIT_TABLES
    assert "handbook directory not found" in result.stderr


def test_environment_variable_chooses_the_handbook(
    run_handbook: RunHandbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(CASES / "valid")
    result = run_handbook(env={"LINDRING_HANDBOOK": "."})
    assert result.exit_code == EXIT_OK
    assert "Kapittel a" in result.stdout and "opioidkonvertering" not in result.stdout


def test_a_chapter_that_does_not_load_shows_why(
    run_handbook: RunHandbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(CASES / "front-matter")
    result = run_handbook("--handbook", ".", "a")
    assert result.exit_code == EXIT_TABLES
    assert result.stderr.splitlines()[0] == "a.md:5:1: version: expected text, got 1.0"


def test_source_notes_stay_out_of_the_norwegian_chapters(
    run_handbook: RunHandbook, book: Handbook, tmp_path: Path
) -> None:
    """A source's note is English provenance for reviewers: not in the chapters a
    clinician reads, in the terminal or in the HTML export."""
    notes = [s.note for s in book.sources.values() if s.note]
    assert notes  # the handbook's sources do carry notes
    starts = {note[:40] for note in notes}
    shown = "".join(run_handbook(chapter).stdout for chapter in CHAPTERS)
    assert run_handbook("export", "--html", str(tmp_path / "hb")).exit_code == EXIT_OK
    shown += "".join(p.read_text("utf-8") for p in (tmp_path / "hb").glob("*.html"))
    flat = " ".join(shown.split())
    assert [s for s in starts if " ".join(s.split()) in flat] == []
    assert "Merknad" not in shown
