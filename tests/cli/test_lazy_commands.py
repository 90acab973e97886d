"""The console entry point builds only the command that runs (start-up time), and the
command line works the same as with every command built."""

from __future__ import annotations

import json
import sys

import pytest

from lindring import __version__
from lindring.cli import COMMANDS, build, main


def _main(monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    monkeypatch.setattr(sys, "argv", ["lindring", *args])
    with pytest.raises(SystemExit) as stopped:
        main()
    return int(stopped.value.code or 0)


def test_only_the_command_that_runs_is_built() -> None:
    assert [c.name for c in build("convert").registered_commands] == ["convert"]
    assert [g.name for g in build("handbook").registered_groups] == ["handbook"]
    every = build()
    names = [c.name for c in every.registered_commands] + [g.name for g in every.registered_groups]
    assert sorted(names) == sorted(COMMANDS)


def test_convert_through_the_entry_point(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _main(
        monkeypatch, "convert", "oxycodone", "40mg/24h", "po", "to", "morphine", "po", "--json"
    )
    assert code == 0
    assert json.loads(capsys.readouterr().out)["ome_mg_per_24h"] == 60  # Hdir OMEQ: 40 x 1.5


def test_version_and_an_unknown_command(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _main(monkeypatch, "--version") == 0
    assert capsys.readouterr().out == f"lindring {__version__}\n"
    assert _main(monkeypatch, "nosuch") == 2
    assert "No such command 'nosuch'" in capsys.readouterr().err
