"""Fixtures for ``lindring batch``: a CLI runner with the command registered on a small
app of its own (the real app registers it in ``lindring.cli``), and file writers."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner, Result

from lindring.cli.batch import batch

from ..conftest import TABLES_DIR

APP = typer.Typer(pretty_exceptions_enable=False, add_completion=False)
APP.command(name="batch")(batch)


@APP.callback()
def _root() -> None:
    """A group, so that the command is called by name as in the real app."""


RunBatch = Callable[..., Result]
NO_HEADER = ["id", "legemiddel", "dose", "vei", "til", "tilvei", "forskrevet"]
EN_HEADER = ["id", "drug", "dose", "route", "target", "target_route", "prescribed"]


@pytest.fixture
def run_batch() -> RunBatch:
    """``lindring batch ARGS`` with the shipped table; fails on any traceback."""
    runner = CliRunner()

    def invoke(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None) -> Result:
        base = {"NO_COLOR": "1", "LINDRING_LANG": "en", "COLUMNS": "120"}
        argv = ["batch", *args, *([] if "--tables" in args else ["--tables", str(TABLES_DIR)])]
        result = runner.invoke(APP, argv, input=stdin, env={**base, **(env or {})})
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise AssertionError(f"uncaught {result.exception!r}\n{result.output}")
        assert "Traceback" not in result.stdout + result.stderr
        return result

    return invoke


def csv_bytes(
    rows: list[list[str]], delimiter: str = ";", encoding: str = "utf-8-sig", end: str = "\r\n"
) -> bytes:
    """Rows as a spreadsheet program writes them."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=end).writerows(rows)
    return buffer.getvalue().encode(encoding)


def write(path: Path, rows: list[list[str]], **options: str) -> Path:
    path.write_bytes(csv_bytes(rows, **options))
    return path


def read_back(
    data: bytes, delimiter: str = ";", encoding: str = "utf-8-sig"
) -> list[dict[str, str]]:
    """The output as dictionaries, one per row."""
    return list(csv.DictReader(io.StringIO(data.decode(encoding), newline=""), delimiter=delimiter))
