"""Norwegian all the way: every command's output in nb has none of the English words a
clinician would otherwise meet (labels, statuses, route and drug names, verdicts)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ..conftest import Run

# words that only English output uses ("oral" is Norwegian too); table data such as
# source titles, publishers and brand names stays as published and is not among them
ENGLISH = (
    "Working",
    "Breakthrough",
    "WARNING",
    "REFUSED",
    "Warnings",
    "Sources",
    "Suggested",
    "every",
    "within",
    "above",
    "below",
    "draft",
    "reviewed",
    "rectal",
    "subcutaneous",
    "intravenous",
    "transdermal",
    "changed",
    "as needed",
    "Route",
    "Drug",
    "passed",
    "failed",
    "file(s) valid",
    "refused",
    "error",
    "not covered",
    "Spread",
    "Pain pump",
    "Draw up",
    "Rate",
    "lockout",
    "Renal",
)
# drug names differ between the languages; the names column of `drugs` lists both
DRUGS = ("morphine", "oxycodone", "hydromorphone", "ketobemidone", "pethidine", "methadone")


def _leaks(text: str, words: tuple[str, ...]) -> list[str]:
    return [w for w in words if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)]


@pytest.mark.parametrize(
    "args",
    [
        ["convert", "oksykodon", "40mg", "po", "til", "morfin", "sc"],
        ["convert", "oksykodon", "20", "mg", "1+0+1", "po", "til", "morfin", "sk", "--full"],
        ["convert", "morfin", "60mg", "x2", "po", "til", "fentanyl", "td"],
        ["convert", "morfin", "60mg", "x2", "po", "til", "fentanyl", "td", "--full"],
        ["convert", "oksykodon", "20mg", "x2", "po", "til", "morfin", "sc", "--pump"],
        ["convert", "metadon", "30mg", "po", "til", "morfin", "po"],
        ["convert", "morfin", "5mg", "po", "til", "fentanyl", "td"],
        ["pump", "morfin", "30mg/døgn", "sc", "--add", "midazolam 10mg/døgn"],
        ["compare", "oksykodon", "40mg", "po", "til", "morfin", "sc"],
    ],
)
def test_clinical_commands_speak_norwegian(run: Run, args: list[str]) -> None:
    result = run(*args, "--lang", "nb")
    out = result.stdout + result.stderr
    assert out.strip()
    said = out.split("Kilder")[0]  # source titles stay as published
    assert _leaks(said, ENGLISH + DRUGS) == [], out
    assert not re.search(r"\[[a-z]+_[a-z_]+\]", out), out  # no warning codes


@pytest.mark.parametrize("args", [["drugs"], ["table"], ["check"], ["validate"]])
def test_reference_and_editor_commands_speak_norwegian(run: Run, args: list[str]) -> None:
    result = run(*args, "--lang", "nb")
    assert result.exit_code == 0, result.stderr
    out = result.stdout + result.stderr
    assert _leaks(out, ENGLISH) == [], out


def test_a_norwegian_batch_file_answers_in_norwegian_without_lang(run: Run, tmp_path: Path) -> None:
    example = Path(__file__).parents[2] / "examples" / "batch-no.csv"
    result = run("batch", str(example), env={"LINDRING_LANG": "", "LANG": "C"})
    out = result.stdout + result.stderr
    # the input columns and one row's message ("morfin (morphine)") repeat names as typed
    cells = [line.split(";")[11:] for line in result.stdout.splitlines()[1:]]
    shown = " ".join(";".join(c) for c in cells) + result.stderr
    assert _leaks(shown, ENGLISH) == [], out
    assert "innenfor" in shown and "morfin sc" in shown
    english = run("batch", str(example), "--lang", "en").stdout
    assert "within" in english  # --lang still decides when given


HELP_ENGLISH = (
    "Usage",
    "Options",
    "Arguments",
    "Commands",
    "Examples",
    "Show this message",
    "required",
    "default",
    "Convert",
    "the",
    "and",
    "of",
)


def _help(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    import sys

    from lindring.cli import main

    monkeypatch.setattr(sys, "argv", ["lindring", *args])
    with pytest.raises(SystemExit) as stopped:
        main()
    assert stopped.value.code == 0
    return capsys.readouterr().out


def test_every_help_text_has_its_norwegian() -> None:
    from typer.main import get_command

    from lindring.cli import build
    from lindring.cli.localize import help_texts
    from lindring.i18n.help import HELP_NB

    missing = [text for text in help_texts(get_command(build())) if text not in HELP_NB]
    assert missing == []


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["convert"],
        ["pump"],
        ["batch"],
        ["card"],
        ["drugs"],
        ["table"],
        ["validate"],
        ["check"],
        ["diff"],
        ["compare"],
        ["handbook"],
        ["handbook", "show"],
        ["handbook", "search"],
        ["handbook", "export"],
    ],
)
def test_help_speaks_norwegian_under_a_norwegian_locale(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    monkeypatch.delenv("LINDRING_LANG", raising=False)
    monkeypatch.setenv("LANG", "nb_NO.UTF-8")
    out = _help(monkeypatch, capsys, *args, "--help")
    assert out.startswith("Bruk: ")
    assert _leaks(out, ENGLISH + DRUGS + HELP_ENGLISH) == [], out


def test_help_follows_lang_and_stays_english_otherwise(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LINDRING_LANG", "en")
    assert "Valg:" in _help(monkeypatch, capsys, "convert", "--lang", "nb", "--help")
    assert "Valg:" in _help(monkeypatch, capsys, "convert", "--lang=nb", "--help")
    english = _help(monkeypatch, capsys, "convert", "--help")
    assert "Options:" in english and "Convert an opioid dose" in english


def test_lang_before_the_command(run: Run) -> None:
    result = run("--lang", "nb", "convert", "oksykodon", "40mg", "po", "til", "morfin", "sk")
    assert result.exit_code == 0
    assert "Behovsdose" in result.stdout and _leaks(result.stdout.split("Kilder")[0], ENGLISH) == []
    wrong = run("--lang", "xx", "drugs")
    assert wrong.exit_code == 2 and "'xx' is not a language" in wrong.stderr
    # the same check before the command and after it: any case, no other language
    assert "Legemiddel" in run("--lang", " NB ", "drugs").stdout
    assert "Legemiddel" in run("drugs", "--lang", "NB").stdout
    after = run("drugs", "--lang", "xx")
    assert after.exit_code == 1 and "--lang must be nb or en" in after.stderr


def _run_main(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], lang: str, *args: str
) -> tuple[int, str]:
    import sys

    from lindring.cli import main

    monkeypatch.setenv("LINDRING_LANG", lang)
    monkeypatch.setattr(sys, "argv", ["lindring", *args])
    with pytest.raises(SystemExit) as stopped:
        main()
    return int(stopped.value.code or 0), capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["convert", "morfin", "60mg", "po", "til", "oksykodon", "po", "--foo"],
         "ukjent valg: --foo"),
        (["convrt"], "ukjent kommando «convrt». Mente du 'convert'?"),
        (["convert", "morfin", "60mg", "po", "til", "oksykodon", "po", "--interval", "x"],
         "ugyldig verdi for --interval: «x» er ikke et heltall."),
        (["convert", "morfin", "60mg", "po", "til", "oksykodon", "po", "--egfr"],
         "valget --egfr trenger en verdi."),
    ],
)  # fmt: skip
def test_usage_errors_in_norwegian(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], args: list[str], said: str
) -> None:
    code, err = _run_main(monkeypatch, capsys, "nb", *args)
    assert code == 2  # a usage error, as in English
    assert f"Feil: {said}" in err
    assert _leaks(err, ("Usage", "Error", "Try", "No such", "Invalid", "requires")) == [], err
    english_code, english = _run_main(monkeypatch, capsys, "en", *args)
    assert english_code == 2 and "Error: " in english


def test_no_arguments_show_the_norwegian_help(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _run_main(monkeypatch, capsys, "nb", "pump")
    assert code == 2 and err.startswith("Bruk: ") and "Planlegg en smertepumpe" in err


def test_a_norwegian_run_keeps_its_exit_codes(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run_main(monkeypatch, capsys, "nb", "convert", "metadon", "30mg", "po", "til",
                     "morfin", "po")[0] == 3  # fmt: skip
    assert _run_main(monkeypatch, capsys, "nb", "convert", "morfin", "0mg", "po", "til",
                     "oksykodon", "po")[0] == 1  # fmt: skip
    assert _run_main(monkeypatch, capsys, "nb", "drugs")[0] == 0
