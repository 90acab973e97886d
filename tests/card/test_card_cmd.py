"""`lindring card`: files, languages, profiles and exit codes (docs/exit-codes.md)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from lindring.errors import EXIT_INPUT, EXIT_MISSING, EXIT_OK, EXIT_TABLES

from ..conftest import TABLES_DIR, Run

needs_pdf = pytest.mark.skipif(
    not __import__("lindring.output.card_pdf", fromlist=["available"]).available(),
    reason="the card extra is not installed",
)


@needs_pdf
def test_writes_a_pdf_and_refuses_to_overwrite(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "card.pdf"
    first = run("card", "-o", str(out))
    assert first.exit_code == EXIT_OK, first.stderr
    assert out.read_bytes().startswith(b"%PDF")
    out.write_bytes(b"keep")
    again = run("card", "-o", str(out))
    assert again.exit_code == EXIT_INPUT
    assert "--overwrite" in again.stderr and out.read_bytes() == b"keep"
    assert run("card", "-o", str(out), "--overwrite").exit_code == EXIT_OK
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["card.pdf"]  # no temporary left


@needs_pdf
@pytest.mark.parametrize("args", [["--lang", "en"], ["--profile", "fpm-uk"], ["--lang", "nb"]])
def test_languages_and_profiles(run: Run, tmp_path: Path, args: list[str]) -> None:
    result = run("card", "-o", str(tmp_path / "c.pdf"), *args)
    assert result.exit_code == EXIT_OK, result.stderr


@needs_pdf
def test_default_file_and_stdout(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("card").exit_code == EXIT_OK
    assert (tmp_path / "card.pdf").is_file()
    piped = run("card", "-o", "-")
    assert piped.exit_code == EXIT_OK and piped.stdout_bytes.startswith(b"%PDF")


def test_html_in_both_languages(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "card.html"
    assert run("card", "--html", "-o", str(out), "--lang", "nb").exit_code == EXIT_OK
    page = out.read_text(encoding="utf-8")
    assert '<html lang="nb">' in page and "UTKAST / DRAFT" in page
    assert "<b>162,16</b>" in page and "mikrogram/time" in page
    assert "Nedsatt nyrefunksjon" in page and "<script" not in page
    en = run("card", "--html", "-o", str(out), "--overwrite", "--lang", "en")
    assert en.exit_code == EXIT_OK
    assert "<b>162.16</b>" in out.read_text(encoding="utf-8")


def test_without_the_pdf_library(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "typst", None)  # import typst now fails
    out = tmp_path / "card.pdf"
    result = run("card", "-o", str(out))
    assert result.exit_code == EXIT_MISSING
    assert result.stderr.strip() == (
        "lindring: error: the PDF card needs the typst package: "
        "pip install 'lindring[card]' (or use --html)"
    )
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--lang", "de"], EXIT_INPUT),
        (["--profile", "nope"], EXIT_INPUT),
        (["--nope"], 2),
    ],
)
def test_bad_options(run: Run, tmp_path: Path, args: list[str], code: int) -> None:
    result = run("card", "--html", "-o", str(tmp_path / "c.html"), *args)
    assert result.exit_code == code
    assert not (tmp_path / "c.html").exists()


def test_an_unwritable_place(run: Run, tmp_path: Path) -> None:
    result = run("card", "--html", "-o", str(tmp_path / "missing" / "c.html"))
    assert result.exit_code == EXIT_INPUT and "cannot write" in result.stderr
    assert run("card", "--html", "-o", str(tmp_path)).exit_code == EXIT_INPUT


def test_a_broken_layout_is_a_table_error(run: Run, tmp_path: Path) -> None:
    shutil.copytree(TABLES_DIR, tmp_path / "t")
    layout = tmp_path / "t" / "card.yaml"
    layout.write_text(
        "card:\n  from: [morphine, po]\n  doses_mg_per_24h: [30, -5]\n"
        "  columns: [[oxycodone, nasal]]\n",
        encoding="utf-8",
    )
    result = run("card", "--html", "-o", str(tmp_path / "c.html"), "--tables", str(tmp_path / "t"))
    assert result.exit_code == EXIT_TABLES
    assert "doses_mg_per_24h" in result.stderr and "oxycodone nasal" in result.stderr


def test_the_handbook_export_writes_and_links_the_card(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "hb"
    assert run("handbook", "export", "--html", str(out)).exit_code == EXIT_OK
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<a href="card.html">' in index
    assert "<b>162,16</b>" in (out / "card.html").read_text(encoding="utf-8")  # bokmål
    if __import__("lindring.output.card_pdf", fromlist=["available"]).available():
        assert '<a href="card.pdf">' in index
        assert (out / "card.pdf").read_bytes().startswith(b"%PDF")
