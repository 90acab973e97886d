"""Shared fixtures: the shipped table, a CLI runner that keeps stderr apart and fails
on any traceback, every ``--json`` output checked against its schema in ``schemas/``,
and Hypothesis profiles (``ci`` is chosen when ``$CI`` is set)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from typer.testing import CliRunner, Result

from lindring.cli import app
from lindring.model import Tables
from lindring.table.load import load_tables, tables_dir

from .output_schemas import check_output

# keep the validated-table cache of test runs away from the user's own cache
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="lindring-test-cache-")
# a message code without a text is an error in tests (lindring.i18n.text)
os.environ["LINDRING_STRICT_MESSAGES"] = "1"

settings.register_profile("ci", deadline=None, print_blob=True, derandomize=True, max_examples=150)
settings.register_profile("dev", deadline=None, max_examples=100)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

REPO = Path(__file__).resolve().parents[1]
TABLES_DIR = REPO / "tables"


@pytest.fixture(scope="session")
def tables() -> Tables:
    """The conversion table shipped in ``tables/``."""
    return load_tables(str(TABLES_DIR))


@pytest.fixture(scope="session")
def shipped_dir() -> Path:
    return TABLES_DIR


Run = Callable[..., Result]


@pytest.fixture(scope="session", autouse=True)
def json_output_follows_its_schema() -> Iterator[None]:
    """Every ``CliRunner.invoke`` of a command with ``--json`` (``validate --format
    json``, batch's JSON Lines on stdout) has its output validated against the committed
    schema, so every CLI test is also a schema test (tests/output_schemas.py)."""
    original = CliRunner.invoke

    def invoke(self: CliRunner, cli: Any, args: Any = None, *rest: Any, **kwargs: Any) -> Result:
        result = original(self, cli, args, *rest, **kwargs)
        check_output(args, result.stdout, result.exit_code)
        return result

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(CliRunner, "invoke", invoke)
        yield


@pytest.fixture
def run() -> Run:
    """Invoke the CLI like a user would; fail the test on any uncaught exception."""
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
        base = {"NO_COLOR": "1", "COLUMNS": "120", "LINDRING_LANG": "en"}
        result = runner.invoke(app, list(args), env={**base, **(env or {})}, catch_exceptions=True)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise AssertionError(f"uncaught {result.exception!r}\n{result.output}")
        output = result.stdout + result.stderr
        assert "Traceback" not in output, output
        return result

    return invoke


__all__ = ["REPO", "TABLES_DIR", "Run", "tables_dir"]
