"""Every broken handbook in tests/cases/handbook/<case>/ gives exactly its expected problems.

A case is a small handbook folder (chapters, optionally sources.yaml) and expected.txt
with the first line of each problem, in order. Paths are shown relative to the case
folder. A new kind of mistake becomes a new folder, not new test code.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from lindring.handbook.book import check_chapters
from lindring.model import Tables

CASES = Path(__file__).resolve().parents[1] / "cases" / "handbook"
TODAY = datetime.date(2026, 11, 23)


@pytest.mark.parametrize("case", sorted(p for p in CASES.iterdir() if p.is_dir()), ids=str)
def test_case(case: Path, tables: Tables, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(case)
    found = [p.text(hint=False) for p in check_chapters(tables, ".", today=TODAY)]
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert found == [line for line in expected if line]


def test_hints_are_kept(tables: Tables, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CASES / "unknown-embed")
    problems = check_chapters(tables, ".", today=TODAY)
    assert problems[0].hint == "did you mean 'oxycodone'?"
    assert problems[0].text().endswith("\n  hint: did you mean 'oxycodone'?")


def test_warnings_are_told_apart(tables: Tables, monkeypatch: pytest.MonkeyPatch) -> None:
    from lindring.handbook.book import errors_only

    monkeypatch.chdir(CASES / "review-dates")
    problems = check_chapters(tables, ".", today=TODAY)
    warnings = [p for p in problems if p.severity == "warning"]
    assert len(warnings) == 1 and warnings[0].path == "last_reviewed"
    assert warnings[0].text().startswith("warning: ")
    assert len(errors_only(problems)) == len(problems) - 1
    later = check_chapters(tables, ".", today=TODAY, max_age_days=5000)
    assert not any(p.severity == "warning" for p in later)
