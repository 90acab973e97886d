"""Problems travel as message codes and are written in the chosen language at the edge:
every code a checker can use has a text in both languages, and the broken files of
tests/cases/ give Norwegian problems under ``--lang nb`` (no English words)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lindring.checks.tally import Finding
from lindring.checks.validate import validate
from lindring.errors import Issue, TableError, params
from lindring.i18n import MESSAGES, load_catalogues, text
from lindring.i18n import checks as check_catalogue
from lindring.i18n import problems as catalogue
from lindring.table import spec
from lindring.table.profiles import base_document, parse_profile

from ..cli.test_norwegian import ENGLISH, _leaks
from ..conftest import REPO, TABLES_DIR, Run

load_catalogues()
CASES = REPO / "tests" / "cases"
SRC = REPO / "src" / "lindring"
TABLE_CASES = sorted(p for p in (CASES / "tables" / "invalid").iterdir() if p.is_dir())
PROFILE_CASES = sorted(p for p in (CASES / "profiles" / "invalid").iterdir() if p.is_dir())
HANDBOOK_CASES = sorted(
    p for p in (CASES / "handbook").iterdir() if p.is_dir() and p.name != "valid"
)
# the words of the English problem messages that have no place in Norwegian ones
PROBLEM_ENGLISH = (
    "expected",
    "got",
    "unknown",
    "must",
    "missing",
    "hint",
    "warning",
    "the",
    "is",
    "not",
    "needs",
    "cannot",
    "allowed",
    "did you mean",
    "nothing",
    "line",
    "write",
)
CODE_LITERAL = re.compile(
    r"""["']((?:problem|hint|embed|owner|need|value|note|check|view|diff)\.[a-z0-9_.]+)["']"""
)


def _nb_leaks(said: str) -> list[str]:
    return _leaks(said, ENGLISH + PROBLEM_ENGLISH)


def test_every_problem_code_has_both_languages() -> None:
    assert catalogue.MESSAGES, "the problem catalogue is empty"
    assert check_catalogue.MESSAGES, "the check catalogue is empty"
    for code, entry in {**catalogue.MESSAGES, **check_catalogue.MESSAGES}.items():
        assert set(entry) == {"nb", "en"}, code
        assert MESSAGES[code] is entry  # registered
        same = ("hint.list_a_source", "view.ok")  # the same word in both languages
        if entry["en"] not in ("{text}", "{value}", "{what}") and code not in same:
            assert entry["nb"] != entry["en"], f"{code} is not translated"


def test_every_code_written_in_the_source_is_in_the_catalogue() -> None:
    used = {
        found
        for path in SRC.rglob("*.py")
        for found in CODE_LITERAL.findall(path.read_text(encoding="utf-8"))
    }
    assert len(used) > 100  # the checkers use codes, not sentences
    assert sorted(used - set(MESSAGES)) == []
    # the codes made at run time: a value's type name and a rule's needed key
    assert {"value.dict", "value.list"} <= set(MESSAGES)
    assert {f"need.{rule.needed}" for rule in spec.OPIOID.needs} <= set(MESSAGES)


@pytest.mark.parametrize("case", TABLE_CASES, ids=lambda p: p.name)
def test_a_broken_table_gives_norwegian_problems(case: Path) -> None:
    issues = validate([str(case / "opioids.yaml")]).issues
    assert issues
    english = [i.text() for i in issues]
    norwegian = [i.text(lang="nb") for i in issues]
    assert all(i.code in MESSAGES and i.code for i in issues)
    shown = "\n".join(norwegian)
    assert _nb_leaks(shown.replace(str(case), "")) == [], shown
    for en, nb in zip(english, norwegian, strict=True):
        assert en != nb
        assert nb.split(": ")[0] == en.split(": ")[0]  # FILE:LINE:COL is the same


@pytest.mark.parametrize("case", PROFILE_CASES, ids=lambda p: p.name)
def test_a_broken_profile_gives_norwegian_problems(case: Path) -> None:
    text_ = (case / "profile.yaml").read_text(encoding="utf-8")
    with pytest.raises(TableError) as caught:
        parse_profile(text_, "profile.yaml", base_document(str(TABLES_DIR)), "profile")
    shown = "\n".join(p.text(lang="nb") for p in caught.value.problems)
    assert _nb_leaks(shown) == [], shown
    english = "\n".join(p.text() for p in caught.value.problems)
    assert shown != english


@pytest.mark.parametrize("case", HANDBOOK_CASES, ids=lambda p: p.name)
def test_a_broken_handbook_gives_norwegian_problems(case: Path) -> None:
    issues = validate([str(case)]).issues
    assert issues
    # the key path names the place in the chapter (a front matter key, `link`, `source`)
    shown = "\n".join(f"{i.message_text('nb')}\n{i.hint_text('nb')}" for i in issues)
    assert _nb_leaks(shown) == [], shown


def test_an_issue_is_written_in_either_language() -> None:
    issue = Issue(
        "t.yaml",
        4,
        2,
        "opioids.x",
        "problem.unknown_key",
        "hint.did_you_mean",
        params=params(key="ration"),
        hint_params=params(name="range"),
    )
    assert (
        issue.text() == "t.yaml:4:2: opioids.x: unknown key 'ration'\n  hint: did you mean 'range'?"
    )
    assert issue.text(lang="nb") == (
        "t.yaml:4:2: opioids.x: ukjent nøkkel «ration»\n  tips: mente du «range»?"
    )
    assert (issue.message, issue.hint) == ("unknown key 'ration'", "did you mean 'range'?")
    assert issue.plain_params("nb") == {"key": "ration"}
    failure = Finding(issue, "p", hint=False)
    assert failure.text("nb") == "profil p: t.yaml:4:2: opioids.x: ukjent nøkkel «ration»"
    assert failure.text() == "profile p: t.yaml:4:2: opioids.x: unknown key 'ration'"
    in_check = Finding(Issue("", path="oxycodone sc", code="check.unsourced"), "p", "sources")
    assert in_check.text("nb") == "profil p: sources: oxycodone sc: et tall uten kilde"


def test_a_value_the_checker_shows_is_in_the_chosen_language() -> None:
    with pytest.raises(TableError) as caught:
        parse_profile("profile: []\n", "p.yaml", base_document(str(TABLES_DIR)), "p")
    first = caught.value.problems[0]
    assert first.text() == "p.yaml:1:1: profile: expected a mapping, got list"
    assert first.text(lang="nb") == (
        "p.yaml:1:1: profile: forventet en tabell med nøkler (mapping), fikk en liste (list)"
    )


def test_the_handbook_error_names_its_first_problem_in_the_chosen_language() -> None:
    from lindring.handbook.chapters import HandbookError

    error = HandbookError([Issue("a.md", 1, 1, "front matter", "problem.chapter_start")])
    assert error.message("en").endswith("a chapter must start with a '---' line")
    assert error.message("nb").endswith("et kapittel må begynne med en linje «---»")
    assert text("problem.foreign_text", "nb", text="as said") == "as said"


BROKEN = "tests/cases/tables/invalid/unknown-key-ration/"
CONVERT = ("oksykodon", "40mg", "po", "til", "morfin", "sc")


def test_validate_in_norwegian(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = run("validate", "--lang", "nb", BROKEN)
    assert result.exit_code == 4
    assert "ukjent nøkkel «ration»\n  tips: mente du «range»?" in result.stdout
    assert _nb_leaks(result.stdout + result.stderr) == [], result.stdout + result.stderr
    github = run("validate", "--lang", "nb", "--format", "github", BROKEN).stdout
    assert "ukjent nøkkel «ration»%0Atips: mente du «range»?" in github
    found = json.loads(run("validate", "--lang", "nb", "--format", "json", BROKEN).stdout)
    problem = found["problems"][0]
    assert problem["code"] == "problem.unknown_key" and problem["params"] == {"key": "ration"}
    assert problem["hint_code"] == "hint.did_you_mean"
    assert problem["message"].endswith("ukjent nøkkel «ration»")
    assert problem["hint"] == "mente du «range»?"


def test_a_conversion_against_a_broken_table_in_norwegian(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    result = run("convert", "--lang", "nb", "--tables", BROKEN, *CONVERT)
    assert result.exit_code == 4
    assert "ukjent nøkkel «ration»" in result.stderr
    assert _nb_leaks(result.stdout + result.stderr) == [], result.stderr
    found = json.loads(
        run("convert", "--json", "--lang", "nb", "--tables", BROKEN, *CONVERT).stdout
    )
    error = found["error"]
    assert error["code"] == "table_invalid"
    assert error["problem_codes"] == ["problem.unknown_key"]
    assert "ukjent nøkkel «ration»" in error["problems"][0]
    english = json.loads(run("convert", "--json", "--tables", BROKEN, *CONVERT).stdout)
    assert "unknown key 'ration'" in english["error"]["problems"][0]


def test_what_validate_skips_is_noted_in_norwegian(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    shutil.copytree(TABLES_DIR, tmp_path / "tables")
    table = tmp_path / "tables" / "opioids.yaml"
    table.write_text(table.read_text(encoding="utf-8") + "ration: 1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("validate", "--lang", "nb", "tables")
    assert result.exit_code == 4
    assert "merknad: tables/panel.yaml: ikke kontrollert, tabellen den hører til har feil" in (
        result.stderr
    )
    assert _nb_leaks(result.stdout + result.stderr) == [], result.stdout + result.stderr
    english = run("validate", "tables")
    assert "note: tables/panel.yaml: not checked, its table has problems" in english.stderr
    found = json.loads(run("validate", "--lang", "nb", "--format", "json", "tables").stdout)
    assert "tables/panel.yaml: ikke kontrollert, tabellen den hører til har feil" in found["notes"]
