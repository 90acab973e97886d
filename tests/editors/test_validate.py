"""`lindring validate`: every broken fixture gives exactly its problems, with line,
column and hint; GitHub annotations; exit codes; the pre-commit hook definition."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from lindring.checks.validate import validate
from lindring.errors import Issue, TableError, params
from lindring.table.profiles import base_document, parse_profile

from ..conftest import REPO, TABLES_DIR, Run
from .helpers import CASES

TABLE_CASES = sorted(p for p in (CASES / "tables" / "invalid").iterdir() if p.is_dir())
PROFILE_CASES = sorted(p for p in (CASES / "profiles" / "invalid").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", TABLE_CASES, ids=lambda p: p.name)
def test_every_broken_table_gives_its_problems(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(case)
    result = validate(["opioids.yaml"])
    found = [issue.text().splitlines()[0] for issue in result.issues]
    assert found == (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    full = case / "validate.txt"  # the whole output, hints included
    if full.is_file():
        shown = "".join(f"{issue.text()}\n" for issue in result.issues)
        assert shown == full.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", PROFILE_CASES, ids=lambda p: p.name)
def test_every_broken_profile_gives_its_problems(case: Path) -> None:
    text = (case / "profile.yaml").read_text(encoding="utf-8")
    with pytest.raises(TableError) as caught:
        parse_profile(text, "profile.yaml", base_document(str(TABLES_DIR)), "profile")
    found = [problem.text(hint=False) for problem in caught.value.problems]
    assert found == (case / "expected.txt").read_text(encoding="utf-8").splitlines()


def test_the_shipped_tables_are_valid() -> None:
    result = validate([str(TABLES_DIR)])
    assert result.errors == []
    assert {Path(f).name for f in result.files} >= {
        "opioids.yaml",
        "panel.yaml",
        "cdc-2022.yaml",
        "fpm-uk.yaml",
        "anzca-2021.yaml",
    }


def test_every_problem_of_every_file_at_once(tmp_path: Path) -> None:
    first, second = TABLE_CASES[0], TABLE_CASES[1]
    result = validate([str(first / "opioids.yaml"), str(second / "opioids.yaml")])
    files = {issue.file for issue in result.issues}
    assert len(files) == 2 and len(result.errors) >= 2


def test_a_profile_is_checked_against_the_table_beside_it(tmp_path: Path) -> None:
    (tmp_path / "profiles").mkdir()
    (tmp_path / "opioids.yaml").write_text((TABLES_DIR / "opioids.yaml").read_text("utf-8"))
    broken = (CASES / "profiles" / "invalid" / "unknown-source" / "profile.yaml").read_text()
    (tmp_path / "profiles" / "profile.yaml").write_text(broken, encoding="utf-8")
    result = validate([str(tmp_path / "profiles" / "profile.yaml")])
    assert [i.statement() for i in result.errors] == [
        "opioids.codeine.routes.po.sources[0]: unknown source id 'cdc-2023'"
    ]
    assert result.errors[0].hint == "add it under `sources` or fix the id"


def test_a_broken_panel(tmp_path: Path) -> None:
    (tmp_path / "opioids.yaml").write_text((TABLES_DIR / "opioids.yaml").read_text("utf-8"))
    panel = (TABLES_DIR / "panel.yaml").read_text(encoding="utf-8")
    panel = panel.replace('td: ["12 mcg/h", "25 mcg/h"', 'td: ["30 mcg/h", "25 mcg/h"', 1)
    panel = panel.replace('po: ["150 mg/24h"]', 'po: ["150 mg x"]').replace(
        "  codeine:", "  kodein:"
    )
    (tmp_path / "panel.yaml").write_text(panel, encoding="utf-8")
    result = validate([str(tmp_path / "panel.yaml")])
    messages = [i.statement() for i in result.errors]
    assert messages == [
        "doses.fentanyl.td[0]: '30 mcg/h' is not a patch strength sold",
        "doses.kodein: 'kodein' is not a drug in the conversion table",
        "doses.pethidine.po[0]: '150 mg x': 'x' was not understood; "
        "the nearest accepted form is e.g. 150 mg x2",
    ]
    assert [i.line for i in result.errors] == [34, 44, 47]
    assert result.errors[0].hint == "write one of 12, 25, 50, 75, 100 as microgram/h, e.g. 25 mcg/h"


def test_unknown_and_missing_paths(tmp_path: Path) -> None:
    stray = tmp_path / "notes.txt"
    stray.write_text("x")
    empty = tmp_path / "empty"
    empty.mkdir()
    result = validate([str(stray), str(tmp_path / "missing.yaml"), str(empty)])
    assert [i.message for i in result.errors] == [
        "not a file lindring validates",
        "no such file or directory",
        "a folder with nothing lindring validates in it",  # it exists: not "no such"
    ]


def test_an_issue_is_written_as_one_line_and_its_hint() -> None:
    got = params(got="'1,5'")
    issue = Issue(
        "t.yaml",
        3,
        7,
        "opioids.x.routes.po.factor",
        "problem.expected_number",
        "hint.decimal_point",
        params=got,
    )
    head = "t.yaml:3:7: opioids.x.routes.po.factor: expected a number, got '1,5'"
    assert issue.text() == f"{head}\n  hint: use a decimal point: 1.5, not 1,5"
    assert issue.text(hint=False) == head
    assert issue.statement() == head.removeprefix("t.yaml:3:7: ")
    assert issue.text(lang="nb") == (
        "t.yaml:3:7: opioids.x.routes.po.factor: forventet et tall, fikk '1,5'"
        "\n  tips: bruk desimalpunktum: 1.5, ikke 1,5"
    )
    cited = params(source="hdir")
    warning = Issue(
        "a.md", 2, 1, "sources[0]", "problem.never_cited", severity="warning", params=cited
    )
    assert warning.text() == "warning: a.md:2:1: sources[0]: 'hdir' is listed but never cited"
    assert (
        warning.text(lang="nb")
        == "advarsel: a.md:2:1: sources[0]: «hdir» er oppført, men aldri sitert"
    )
    assert Issue("t.yaml", code="problem.file_not_found").text() == "t.yaml: file not found"
    assert (
        Issue("t.yaml", code="problem.file_not_found").text(lang="nb")
        == "t.yaml: filen finnes ikke"
    )


def test_the_checker_gives_each_part_of_a_problem_apart(tmp_path: Path) -> None:
    case = CASES / "tables" / "invalid" / "ed-quoted-number" / "opioids.yaml"
    first = validate([str(case)]).issues[0]
    expected = (case.parent / "expected.txt").read_text(encoding="utf-8").splitlines()[0]
    where, path, message = expected.split(": ", 2)
    assert Path(first.file).resolve() == case.resolve() and where.startswith("opioids.yaml:")
    assert first.where() == f"{first.file}{where.removeprefix('opioids.yaml')}"
    assert (first.path, first.message, first.severity) == (path, message, "error")
    assert first.line > 0 and first.col > 0


def test_cli_text_and_exit_code(run: Run) -> None:
    case = CASES / "tables" / "invalid" / "ed-quoted-number" / "opioids.yaml"
    result = run("validate", str(case))
    assert result.exit_code == 4
    lines = result.stdout.splitlines()
    assert lines[0].endswith(
        "opioids.yaml:39:12: opioids.oxycodone.routes.po.factor: expected a number, got '1.5'"
    )
    assert lines[1] == "  hint: remove the quotes: a number in quotes is text"
    assert "1 problem(s)" in result.stderr


def test_cli_github_annotations(run: Run) -> None:
    case = CASES / "tables" / "invalid" / "unknown-key-ration" / "opioids.yaml"
    result = run("validate", "--format", "github", str(case))
    assert result.exit_code == 4
    (line,) = result.stdout.splitlines()
    assert line.startswith("::error file=")
    assert ",line=39,col=25,title=lindring validate::" in line
    assert line.endswith(
        "::opioids.oxycodone.routes.po.ration: unknown key 'ration'%0Ahint: did you mean 'range'?"
    )


def test_cli_json_and_clean_exit(run: Run) -> None:
    result = run("validate", "--format", "json", str(TABLES_DIR))
    assert result.exit_code == 0, result.stdout
    data = json.loads(result.stdout)
    assert data["ok"] is True and data["problems"] == []
    broken = run("validate", "--format", "json", str(TABLE_CASES[0] / "opioids.yaml"))
    assert broken.exit_code == 4
    assert json.loads(broken.stdout)["problems"][0]["line"] > 0


def test_cli_without_paths_validates_the_tables_option(run: Run, tmp_path: Path) -> None:
    case = CASES / "tables" / "invalid" / "ed-exponent"
    result = run("validate", "--tables", str(case))
    assert result.exit_code == 4
    assert "refuse_above_ome_mg_per_24h: expected a number, got '1e4'" in result.stdout


def test_pre_commit_hook_definition() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "lindring-validate"
    assert hook["entry"] == "lindring validate"
    assert hook["language"] == "python"
    assert hook["files"] == "^(tables|handbook)/"
