"""Every example in README.md and docs/*.md runs: each ```python block is executed, and
each `lindring ...` line of a ```sh block exits with the code its page gives it.

The expected code of a line is ``# exit N`` at the end of the line when there is one,
else, in docs/exit-codes.md, the code of the section it stands in, else 0. A block with
the comment ``<!-- not run: REASON -->`` on the line before its fence is skipped
(docs/development.md). Lines run in an empty directory that holds the few files the
examples name (CSV files for ``lindring batch``, its JSON Lines, and links to
``tables``, ``handbook``, ``schemas`` and ``tests``).
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from lindring.errors import EXIT_MISSING

from ..conftest import REPO, TABLES_DIR, Run

PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```", re.S | re.M)
SKIP = re.compile(r"<!-- not run: [^>]+ -->\s*$")
SECTION = re.compile(r"^## (\d+):", re.M)
EXIT = re.compile(r"#.*\bexit (\d+)\b")
ENV = re.compile(r"^[A-Z_]+=\S*$")
CSV_ROWS = (
    "id,drug,dose,route,target,target_route,prescribed\n1,oxycodone,20 mg x2,po,morphine,sc,15 mg\n"
)


@dataclass(frozen=True)
class Example:
    page: Path
    line: int  # where it is on the page
    kind: str  # "python" or "sh"
    text: str
    code: int = 0  # the exit code the page gives a shell line

    def __str__(self) -> str:
        return f"{self.page.relative_to(REPO)}:{self.line}"


def examples() -> list[Example]:
    found = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for block in FENCE.finditer(text):
            kind = block.group(1)
            before = text[: block.start()].rstrip("\n").rsplit("\n", 1)[-1]
            if kind not in ("python", "sh") or SKIP.search(before):
                continue
            first = text.count("\n", 0, block.start()) + 2
            if kind == "python":
                found.append(Example(page, first, kind, block.group(2)))
                continue
            for offset, line in enumerate(block.group(2).splitlines()):
                if not re.match(r"(?:[A-Z_]+=\S*\s+)*lindring\b", line):
                    continue
                words = shlex.split(line, comments=True)
                while words and ENV.match(words[0]):
                    words.pop(0)
                if not words or words[0] != "lindring":
                    continue
                code = EXIT.search(line)
                sections = SECTION.findall(text[: block.start()])
                if code:
                    expected = int(code.group(1))
                elif page.name == "exit-codes.md" and sections:
                    expected = int(sections[-1])
                else:
                    expected = 0
                found.append(Example(page, first + offset, kind, line, expected))
    return found


EXAMPLES = examples()


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Run) -> Path:
    for name in ("ward.csv", "audit.csv", "register.csv"):
        (tmp_path / name).write_text(CSV_ROWS, encoding="utf-8")
    (tmp_path / "schemas").symlink_to(REPO / "schemas")
    (tmp_path / "tables").symlink_to(TABLES_DIR)
    (tmp_path / "handbook").symlink_to(REPO / "handbook")
    (tmp_path / "tests").symlink_to(REPO / "tests")  # the test tables docs/json.md uses
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    batch = run("batch", "audit.csv", "--format", "jsonl")  # as the README makes it
    (tmp_path / "audit.jsonl").write_text(batch.stdout, encoding="utf-8")
    return tmp_path


def test_every_page_has_examples_and_the_json_pages_use_a_committed_table() -> None:
    pages = {e.page.name for e in EXAMPLES}
    assert {"README.md", "conversion.md", "json.md", "exit-codes.md", "pump.md"} <= pages
    assert "/tmp/" not in (REPO / "docs" / "json.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e.kind == "python"], ids=str)
def test_the_python_example_runs(example: Example, workdir: Path) -> None:
    exec(compile(example.text, str(example), "exec"), {})


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e.kind == "sh"], ids=str)
def test_the_shell_line_exits_with_its_code(
    example: Example, workdir: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    words = shlex.split(example.text, comments=True)
    env = {}
    while ENV.match(words[0]):
        name, _, value = words.pop(0).partition("=")
        env[name] = value
    args, stdin = words[1:], None
    if "<" in args:
        at = args.index("<")
        stdin = (workdir / args[at + 1]).read_bytes()
        del args[at : at + 2]
    if ">" in args:
        del args[args.index(">") :]
    if args[:2] == ["diff", "HEAD~1"] and not _has_parent():
        pytest.skip("a shallow clone: HEAD~1 is not there")
    if args[:1] == ["card"] and "--html" not in args and example.code == 0:
        pytest.importorskip("typst")
    if args[:1] == ["card"] and example.code == EXIT_MISSING:  # as without the card extra
        monkeypatch.setitem(sys.modules, "typst", None)
    result = run(*args, env=env) if stdin is None else _run_with_input(run, args, env, stdin)
    assert result.exit_code == example.code, result.stdout + result.stderr


def _run_with_input(run: Run, args: list[str], env: dict[str, str], data: bytes) -> object:
    from typer.testing import CliRunner

    from lindring.cli import app

    base = {"NO_COLOR": "1", "COLUMNS": "120", "LINDRING_LANG": "en", **env}
    return CliRunner().invoke(app, args, input=data, env=base)


def _has_parent() -> bool:
    found = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "-q", "--verify", "HEAD~1"],
        capture_output=True,
        check=False,
        env={**os.environ, "GIT_TERMINAL_PROMPT": "0"},
    )
    return found.returncode == 0
