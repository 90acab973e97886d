"""Exit codes 70 (internal error) and 130 (interrupted), and fixes found in review."""

from __future__ import annotations

import json

import pytest

import lindring.calc.convert
from lindring.cli import main

from ..conftest import Run

FLAGSHIP = ["lindring", "convert", "oxycodone", "40mg", "po", "to", "morphine", "sc"]


def _boom(*args: object, **kwargs: object) -> None:
    raise ZeroDivisionError("a bug")


def _interrupt(*args: object, **kwargs: object) -> None:
    raise KeyboardInterrupt


def _disk_full(*args: object, **kwargs: object) -> None:
    raise OSError(28, "No space left on device", "/tmp/out.csv")


@pytest.mark.parametrize(
    ("patch", "code", "text"),
    [
        (_boom, 70, "internal error (ZeroDivisionError)"),
        (_interrupt, 130, "interrupted"),
        (
            _disk_full,
            1,
            "lindring: error: the operating system refused: no space left on the device "
            "(/tmp/out.csv)\n",
        ),
    ],
)
def test_internal_error_and_interrupt(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    patch: object,
    code: int,
    text: str,
) -> None:
    monkeypatch.setattr(lindring.calc.convert, "convert", patch)
    monkeypatch.setattr("sys.argv", FLAGSHIP)
    monkeypatch.delenv("LINDRING_DEBUG", raising=False)
    with pytest.raises(SystemExit) as caught:
        main()
    assert caught.value.code == code
    err = capsys.readouterr().err
    assert text in err and "Traceback" not in err


def test_debug_shows_the_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(lindring.calc.convert, "convert", _boom)
    monkeypatch.setattr("sys.argv", FLAGSHIP)
    monkeypatch.setenv("LINDRING_DEBUG", "1")
    with pytest.raises(SystemExit) as caught:
        main()
    assert caught.value.code == 70
    assert "Traceback" in capsys.readouterr().err


def test_interval_zero_is_refused(run: Run) -> None:
    result = run(*FLAGSHIP[1:], "--interval", "0")
    assert result.exit_code == 1 and "--interval 0" in result.stderr


def test_prn_needs_a_count_not_an_interval(run: Run) -> None:
    result = run("convert", "oxycodone", "5mg", "q4h", "prn", "po", "to", "morphine", "po")
    assert result.exit_code == 1 and "x3 prn" in result.stderr


def test_a_patch_in_mg_per_hour_is_accepted_when_it_is_a_strength(run: Run) -> None:
    data = json.loads(
        run("convert", "fentanyl", "0,025", "mg/h", "td", "to", "morphine", "po", "--json").stdout
    )
    assert data["ome_mg_per_24h"] == 60
    assert "per 24 h for each microgram/h" in data["steps"][1]["message"]


def test_factors_print_as_decimals(run: Run) -> None:
    result = run("convert", "codeine", "60mg", "x4", "po", "to", "morphine", "po", "--full")
    assert "x 0.1 (" in result.stdout and "1/10 (" not in result.stdout


def test_unknown_language_with_json(run: Run) -> None:
    result = run(*FLAGSHIP[1:], "--lang", "de", "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["error"]["code"] == "lang"
    assert result.stderr.startswith("lindring: error:")


def test_methadone_refusal_has_no_part_ome(run: Run) -> None:
    data = json.loads(
        run("convert", "methadone", "30mg", "po", "to", "morphine", "po", "--json").stdout
    )
    assert data["parts"][0]["ome_mg_per_24h"] is None and data["ome_mg_per_24h"] is None


def test_a_system_error_reads_in_norwegian_under_lang_nb() -> None:
    """The C library's English reason does not leak into a Norwegian message."""
    from lindring.errors import InputError
    from lindring.i18n.oserror import os_reason

    error = InputError("system_error", reason=os_reason(OSError(28, "x")), where="")
    assert error.message("nb").endswith("disken er full")
    assert error.message("en").endswith("no space left on the device")
    unknown = os_reason(OSError(1234, "Something odd"))
    assert unknown == "Something odd"  # a number not listed keeps the system's words
