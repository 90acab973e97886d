"""Promises about the project itself: layering, typing, lint, packaging, README."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import REPO

SRC = REPO / "src" / "lindring"
BIN = Path(sys.executable).parent
README_RUN = (
    "python3 -m venv .venv && .venv/bin/pip install . && "
    ".venv/bin/lindring convert oxycodone 40mg po to morphine sc"
)
README_TEST = (
    "python3 -m venv .venv && .venv/bin/pip install -e '.[test,card]' && .venv/bin/python -m pytest"
)


def imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


MODULES = sorted(SRC.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_layering(path: Path) -> None:
    """typer only in cli/, rich only in output/text/ and cli/output.py, typst only in
    output/card_pdf.py, pint nowhere (tests only); nothing below the CLI imports it, and
    only the CLI and output/ import output/."""
    rel = path.relative_to(SRC).as_posix()
    found = imports(path)
    roots = {name.split(".")[0] for name in found}
    in_cli = rel.startswith("cli/") or rel == "__main__.py"
    if not in_cli:
        assert "typer" not in roots, rel
        assert not any(n.startswith("lindring.cli") for n in found), rel
    if not rel.startswith("output/text/") and rel != "cli/output.py":
        assert "rich" not in roots, rel
    if rel != "output/card_pdf.py":
        assert "typst" not in roots, rel
    assert "pint" not in roots, rel  # a test dependency: it checks units.txt
    if not in_cli and not rel.startswith("output/"):
        assert not any(n.startswith("lindring.output") for n in found), rel


#: the packages from the bottom up: each may import only those below it
LAYERS = (
    ("kernel",),
    ("i18n",),
    ("table",),
    ("calc",),
    ("batch", "handbook", "card"),
    ("checks",),  # the editors' checks cover the handbook too (validate, check)
    ("output",),
    ("cli",),
)
#: the two imports that go up, each for a stated reason
UPWARD = {
    ("lindring.errors", "lindring.i18n"),  # an error's message, in the user's language
    ("lindring.__main__", "lindring.cli"),  # python -m lindring runs the CLI
}


def _package(module: str) -> str:
    parts = module.split(".")
    if len(parts) > 1 and (SRC / parts[1]).is_dir():
        return parts[1]
    return "kernel"


def _rank(package: str) -> int:
    return next(i for i, layer in enumerate(LAYERS) if package in layer)


def test_packages_depend_downwards_only() -> None:
    """cli -> output -> checks -> {batch, handbook, card} -> calc -> table -> i18n -> kernel,
    counting every import (top level, in functions and under TYPE_CHECKING). The package
    itself (``lindring/__init__.py``) is the public facade over all of them."""
    wrong = []
    for path in MODULES:
        rel = path.relative_to(SRC).with_suffix("")
        module = ".".join(("lindring", *rel.parts)).removesuffix(".__init__")
        if module == "lindring":
            continue
        here = _package(module)
        for name in imports(path):
            if not name.startswith("lindring.") or (module, name) in UPWARD:
                continue
            there = _package(name)
            if there != here and _rank(there) >= _rank(here):
                wrong.append(f"{module} imports {name} ({here} -> {there})")
    assert wrong == []


def _lint_imports(config: Path) -> int:
    from importlinter.cli import lint_imports

    return lint_imports(config_filename=str(config), no_cache=True, no_logo=True)


def test_the_import_contracts_hold() -> None:
    """import-linter, configured in pyproject.toml: the layers above (indirect imports
    included) and no import cycle between modules or packages, TYPE_CHECKING included."""
    assert _lint_imports(REPO / "pyproject.toml") == 0


def test_the_import_contracts_can_fail(tmp_path: Path) -> None:
    """The same tool with the layers upside down reports the package broken."""
    config = tmp_path / ".importlinter"
    config.write_text(
        "[importlinter]\nroot_package = lindring\n\n"
        "[importlinter:contract:upside-down]\nname = upside down\ntype = layers\n"
        "containers = lindring\nlayers =\n    table\n    cli\n",
        encoding="utf-8",
    )
    assert _lint_imports(config) != 0


def test_at_most_twelve_modules_at_the_top() -> None:
    assert len(list(SRC.glob("*.py"))) <= 12


def test_no_clinical_number_in_code() -> None:
    """Factors live in tables/: no module spells the ratio of a drug."""
    for path in MODULES:
        text = path.read_text(encoding="utf-8")
        for name in ("oxycodone", "hydromorphone", "fentanyl", "tramadol", "methadone"):
            assert f'"{name}"' not in text, f"{path.name} names {name}"


def test_mypy_strict_is_clean() -> None:
    from mypy import api

    out, err, status = api.run(["--config-file", str(REPO / "pyproject.toml"), str(SRC)])
    assert status == 0, out + err


def test_ruff_is_clean() -> None:
    result = subprocess.run(
        [str(BIN / "ruff"), "check", "src", "tests"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_readme_opens_with_the_two_commands_and_ci_runs_the_second() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("```")[1].splitlines()[1:]  # after the ```sh line
    commands = [line.strip() for line in block if line.strip()]
    assert commands[:2] == [README_RUN, README_TEST]
    assert README_TEST in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_installed_console_script_converts() -> None:
    result = subprocess.run(
        [str(BIN / "lindring"), "convert", "oxycodone", "40mg", "po", "to", "morphine", "sc"],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "LANG": "C"},
    )
    assert result.returncode == 0, result.stderr
    assert "15 mg/24 h" in result.stdout


def test_broken_pipe_is_silent() -> None:
    shell = f"'{BIN / 'lindring'}' table | head -c 10 > /dev/null"
    result = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {shell}; echo done"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr


def test_wheel_ships_the_tables(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("lindring-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "lindring/_data/tables/opioids.yaml" in names
    assert "lindring/units.txt" in names
    assert "lindring/card.typ" in names
    assert "lindring/_data/tables/card.yaml" in names
    assert "lindring/_data/handbook/opioidkonvertering.md" in names
    assert "lindring/_data/handbook/sources.yaml" in names


def test_no_project_file_speaks_of_how_it_was_written() -> None:
    """Source notes say what was checked against which section and when; never how a file
    was written ("session", "stored copy") and no shouting notes."""
    root = Path(__file__).parents[1]
    pattern = re.compile(
        r"this session|stored cop|as lindring has read|slik lindring har lest|NOT CHECKED"
    )
    found = [
        f"{path.relative_to(root)}: {m.group(0)}"
        for folder in ("tables", "handbook", "docs")
        for path in sorted((root / folder).rglob("*"))
        if path.suffix in (".yaml", ".md")
        for m in [pattern.search(path.read_text(encoding="utf-8"))]
        if m
    ]
    assert found == []
