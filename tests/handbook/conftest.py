"""Fixtures for the handbook tests: the shipped handbook and a CLI runner for the
handbook sub-app (it is registered in lindring.cli separately)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from typer.testing import CliRunner, Result

from lindring.cli.handbook import handbook_app
from lindring.handbook.book import Handbook, load_handbook

from ..conftest import REPO

HANDBOOK_DIR = REPO / "handbook"
CHAPTERS = sorted(p.stem for p in HANDBOOK_DIR.glob("*.md"))
REQUIRED = (
    "opioidkonvertering",
    "smertepumpe",
    "doende-pasient",
    "fire-legemidler",
    "gjennombruddssmerte",
    "nyresvikt",
    "plaster",
    "bivirkninger",
)


@pytest.fixture(scope="session")
def book() -> Handbook:
    return load_handbook(str(HANDBOOK_DIR))


RunHandbook = Callable[..., Result]


@pytest.fixture
def run_handbook() -> RunHandbook:
    """Invoke ``lindring handbook ...``; fail the test on any uncaught exception."""
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
        base = {"NO_COLOR": "1", "COLUMNS": "120", "LINDRING_LANG": "en"}
        result = runner.invoke(handbook_app, list(args), env={**base, **(env or {})})
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise AssertionError(f"uncaught {result.exception!r}\n{result.output}")
        assert "Traceback" not in result.stdout + result.stderr
        return result

    return invoke
