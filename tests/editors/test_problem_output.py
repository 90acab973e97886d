"""The problems of a broken table and a broken handbook, as each output writes them:
text, GitHub annotations and JSON of ``validate``, and a refused ``convert`` (text and
JSON). The files under tests/cases/output/ were written by the version that still
passed problems around as text, so any change in how an Issue is written shows here."""

from __future__ import annotations

import json
from typing import Any

import pytest

from lindring import __version__

from ..conftest import REPO, Run

OUTPUT = REPO / "tests" / "cases" / "output"
TABLE = "tests/cases/tables/invalid/ed-quoted-number/"
HANDBOOK = "tests/cases/handbook/sources/"
CONVERT = ("oxycodone", "40mg", "po", "to", "morphine", "sc")
CASES = {
    "table-text": ("validate", TABLE),
    "table-github": ("validate", "--format", "github", TABLE),
    "table-json": ("validate", "--format", "json", TABLE),
    "convert-text": ("convert", "--tables", TABLE, *CONVERT),
    "convert-json": ("convert", "--json", "--tables", TABLE, *CONVERT),
    "handbook-text": ("validate", HANDBOOK),
    "handbook-github": ("validate", "--format", "github", HANDBOOK),
    "handbook-json": ("validate", "--format", "json", HANDBOOK),
}


@pytest.mark.parametrize("name", CASES)
def test_problems_are_written_as_before(
    name: str, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    result = run(*CASES[name])
    assert result.exit_code == 4

    def expected(suffix: str) -> str:
        text = (OUTPUT / f"{name}{suffix}").read_text(encoding="utf-8")
        return text.replace('"tool_version": "0.1.0"', f'"tool_version": "{__version__}"')

    assert result.stderr == expected(".err")
    if not name.endswith("-json"):
        assert result.stdout == expected(".out")
        return
    # JSON gained fields (each problem's code); every field written before is unchanged
    found = json.loads(result.stdout)
    assert _without_codes(found) == json.loads(expected(".out"))
    assert found != json.loads(expected(".out"))  # the codes are there


def _without_codes(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` without the fields that carry message codes and the language (added after
    the reference files were written)."""
    if "error" in data:
        return {**data, "error": {k: v for k, v in data["error"].items() if k != "problem_codes"}}
    added = ("code", "params", "hint_code")
    problems = [{k: v for k, v in p.items() if k not in added} for p in data["problems"]]
    return {**{k: v for k, v in data.items() if k != "language"}, "problems": problems}
