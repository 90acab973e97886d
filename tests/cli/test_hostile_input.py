"""Hostile and broken input through the CLI: each gives its documented exit code and a
one-line reason at once, never a hang and never exit 70 (issue 11's reproductions)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from ..conftest import TABLES_DIR, Run
from ..hostile import ODD_KINDS, odd_dir, odd_path

CONVERT = ("convert", "oxycodone", "40mg", "po", "to", "morphine", "sc")
PUMP = ("pump", "morphine", "30mg/24h", "sc")
DIGITS = "1" * 5000


def ran(run: Run, *args: str) -> tuple[int, str]:
    """The exit code and standard error of a command line (how long the hostile ones take
    is bench/fuzz's to watch, with its hang limit: tests assert no time)."""
    result = run(*args)
    return result.exit_code, result.stderr


@pytest.mark.parametrize(
    "value", ["1e999999999", "1e10000000", "1" * 100_000, "1/3", "-1e999999999", "-" * 5000]
)
def test_reduce_is_read_as_a_plain_number_before_anything_is_built(run: Run, value: str) -> None:
    code, stderr = ran(run, *CONVERT, "--reduce", value)
    assert code == 1
    assert "is not a number: write a percent such as 25" in stderr
    assert len(stderr.splitlines()) == 1 and len(stderr) < 300


@pytest.mark.parametrize(
    ("option", "value", "said"),
    [
        ("--volume", DIGITS, "--volume '1111"),
        ("--concentration", DIGITS, "--concentration '1111"),
        ("--bolus", f"1/{DIGITS}", "--bolus '1/111"),
        ("--volume", "1e999999999", "--volume '1e999999999'"),
    ],
)
def test_pump_options_with_thousands_of_digits_are_input_errors(
    run: Run, option: str, value: str, said: str
) -> None:
    code, stderr = ran(run, *PUMP, option, value)
    assert code == 1
    assert said in stderr
    assert len(stderr) < 300


@pytest.mark.parametrize("days", ["0", "-1"])
def test_pump_days_below_one_is_an_input_error_not_the_default(run: Run, days: str) -> None:
    result = run(*PUMP, "--days", days, "--json")
    assert result.exit_code == 1
    assert f"--days {days}: the reservoir must last 1 day or more" in result.stderr


def test_a_dose_with_too_many_digits_says_so(run: Run) -> None:
    result = run("convert", "oxycodone", "1234567890", "mg", "po", "to", "morphine", "sc")
    assert result.exit_code == 1
    assert "too many digits; a number has at most 9 digits before the decimal sign" in (
        result.stderr
    )


def tables_copy(where: Path) -> Path:
    target = where / "tables"
    shutil.copytree(TABLES_DIR, target)
    return target


@pytest.mark.parametrize("kind", ODD_KINDS)
def test_an_odd_table_file_is_an_invalid_table_naming_it(
    run: Run, tmp_path: Path, kind: str
) -> None:
    folder = odd_dir(tmp_path / "t", kind, "opioids.yaml")
    code, stderr = ran(run, *CONVERT, "--tables", str(folder))
    assert code == 4
    reason = stderr.splitlines()[0]
    assert reason.startswith(str(folder / "opioids.yaml"))
    expected = {
        "fifo": "not a regular file",
        "devzero": "not a regular file",
        "loop": "too many levels of symbolic links",
        "directory": "it is a directory, not a file",
        "missing": "file not found",
        "oversize": "larger than 2 MB",
    }[kind]
    assert expected in reason
    validated = run("validate", str(folder / "opioids.yaml"))
    assert validated.exit_code == 4 and expected in validated.stdout + validated.stderr


def test_a_tables_directory_that_is_a_loop(run: Run, tmp_path: Path) -> None:
    loop = odd_path(tmp_path, "loop", "tables")
    result = run(*CONVERT, "--tables", str(loop))
    assert result.exit_code == 4
    assert "too many levels of symbolic links" in result.stderr
    assert run("validate", str(loop)).exit_code == 4


@pytest.mark.parametrize("kind", ["fifo", "loop", "directory", "devzero", "oversize"])
def test_an_odd_chapter_is_a_problem_of_the_handbook(run: Run, tmp_path: Path, kind: str) -> None:
    book = tmp_path / "handbook"
    shutil.copytree(TABLES_DIR.parent / "handbook", book)
    (book / "plaster.md").unlink()
    odd_path(book, kind, "plaster.md")
    code, stderr = ran(run, "handbook", "plaster", "--handbook", str(book))
    assert code == 4
    assert "plaster.md: cannot be read" in stderr


def test_a_handbook_directory_that_is_a_loop_is_not_found(run: Run, tmp_path: Path) -> None:
    loop = odd_path(tmp_path, "loop", "book")
    for args in (("handbook",), ("handbook", "search", "morfin")):
        result = run(*args, "--handbook", str(loop))
        assert result.exit_code == 4
        assert "handbook directory not found" in result.stderr


def test_diff_with_a_name_too_long_for_the_system(run: Run) -> None:
    code, stderr = ran(run, "diff", "x" * 5000)
    assert code == 1
    assert stderr.startswith("lindring: error: cannot read xxxx")
    assert "(5000 characters)" in stderr and len(stderr) < 600


@pytest.mark.parametrize("kind", ["missing", "directory", "fifo", "loop"])
def test_diff_with_a_panel_that_cannot_be_read(run: Run, tmp_path: Path, kind: str) -> None:
    panel = odd_path(tmp_path, kind, "panel.yaml")
    result = run("diff", str(TABLES_DIR), "--panel", str(panel))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"lindring: error: {panel}: ")


def test_a_search_word_is_bounded(run: Run) -> None:
    word = "a" * 130_000
    code, stderr = ran(run, "handbook", "search", word)
    assert code == 1
    assert "the search is too long: at most 200 characters" in stderr
    code, stderr = ran(run, "handbook", "search", *[word] * 15)
    assert code == 1
    code, stderr = ran(run, "handbook", "search", "a" * 41)
    assert code == 1 and "at most 40 letters each" in stderr
    code, stderr = ran(run, "handbook", "search", *["pumpe"] * 13)
    assert code == 1 and "at most 12 words" in stderr


def test_a_long_chapter_name_is_shown_short(run: Run) -> None:
    code, stderr = ran(run, "handbook", "a" * 130_000)
    assert code == 1
    assert "(130000 characters)" in stderr and len(stderr) < 600


def test_the_longest_search_still_finds_things(run: Run) -> None:
    words = ["smertepumpe", "morfin", "oksykodon", "plaster", "fentanyl", "kvalme"]
    result = run("handbook", "search", *words, "gjennombruddssmerte", "nyresvikt")
    assert result.exit_code == 0, result.stderr
    assert "smertepumpe" in result.stdout


def test_a_committed_table_over_the_size_limit_is_not_parsed(run: Run, tmp_path: Path) -> None:
    folder = tables_copy(tmp_path)
    table = folder / "opioids.yaml"
    original = table.read_text(encoding="utf-8")
    table.write_text(original + "#" + "x" * (3 << 20) + "\n", encoding="utf-8")
    git = ["git", "-C", str(folder), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "opioids.yaml"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "big"], check=True)
    table.write_text(original, encoding="utf-8")
    code, stderr = ran(run, "diff", "HEAD", "--tables", str(folder))
    assert code == 1
    assert "opioids.yaml is larger than 2 MB in HEAD" in stderr
