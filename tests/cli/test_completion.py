"""Shell completion: drug, route and profile names from the table, offered only while
the shell completes (``lindring --install-completion``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from lindring.cli import app
from lindring.cli.complete import complete_lang, complete_profile, drug_names, route_names, words
from lindring.model import Tables


def _complete(line: str) -> list[str]:
    """What bash gets for the last word of ``line`` (an empty last word after a space)."""
    said = line.split()
    cword = len(said) if line.endswith(" ") else len(said) - 1
    env = {"_LINDRING_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(cword)}
    result = CliRunner().invoke(app, [], prog_name="lindring", env=env)
    assert result.exit_code == 0, result.output
    return result.stdout.split()


def test_drug_names_norwegian_english_and_brands(tables: Tables) -> None:
    assert words(tables, [], "oks")[0] == "oksykodon"
    assert all(w.lower().startswith("oks") for w in words(tables, [], "oks"))
    first = words(tables, [], "")
    # generic names in both languages and brands sold in Norway
    assert {"morfin", "morphine", "OxyNorm", "Durogesic"} <= set(first)
    assert words(tables, [], "oxyn") == ["OxyNorm"]  # case-insensitive
    assert all(" " not in name for name in first)  # the shell would split them


def test_generic_names_come_before_brands_and_route_keys_before_aliases(
    tables: Tables,
) -> None:
    names = drug_names(tables)
    assert names[:4] == ["morfin", "morphine", "oksykodon", "oxycodone"]
    generic = {n for d in tables.opioids.values() for n in (d.name.nb, d.name.en, d.key)}
    last_generic = max(i for i, n in enumerate(names) if n in generic)
    assert names[last_generic + 1 :] and not generic & set(names[last_generic + 1 :])
    assert len(names) == len(set(names))
    assert route_names(tables)[: len(tables.routes)] == list(tables.routes)
    assert route_names(tables, ["sc", "po"]) == [
        *("po", "sc"),
        *("oral", "peroral", "peroralt", "p.o."),
        *("s.c.", "sk", "s.k.", "subkutan", "subkutant", "subcutaneous", "subcut"),
    ]


def test_routes_of_the_drug_then_to(tables: Tables) -> None:
    routes = words(tables, ["oxycodone", "40mg"], "")
    assert {"po", "sc", "sk", "s.c.", "iv"} <= set(routes)
    assert "td" not in routes  # no oxycodone patch
    fentanyl = words(tables, ["fentanyl", "25mcg/h"], "")
    assert "td" in fentanyl
    assert "buccal" not in fentanyl  # refused: titrated, never calculated
    assert words(tables, ["oxycodone", "40mg", "po"], "") == ["to", "til"]
    assert words(tables, ["oxycodone", "40mg", "po"], "ti") == ["til"]


def test_target_side(tables: Tables) -> None:
    assert words(tables, ["oksykodon", "20", "mg", "po", "til"], "morf")[0] == "morfin"
    assert "sk" in words(tables, ["oxycodone", "40mg", "po", "to", "morphine"], "s")
    assert words(tables, ["oxycodone", "40mg", "po", "to", "morphine", "sc"], "") == []
    # after "+" another part starts with a drug
    assert "fentanyl" in words(tables, ["oxycodone", "20mg", "po", "+"], "fen")


def test_profiles_and_languages() -> None:
    assert complete_profile("fp") == ["fpm-uk"]
    assert {"cdc-2022", "anzca-2021", "fpm-uk"} <= set(complete_profile(""))
    assert complete_lang("n") == ["nb"]


def test_bash_completion_end_to_end() -> None:
    assert "oksykodon" in _complete("lindring convert oks")
    assert "sk" in _complete("lindring convert oxycodone 40mg ")
    assert _complete("lindring convert oxycodone 40mg po t") == ["to", "til"]
    assert "morfin" in _complete("lindring pump mor")
    assert _complete("lindring convert --profile cdc") == ["cdc-2022"]
    assert _complete("lindring conv") == ["convert"]
    assert _complete("lindring handbook show plas") == ["plaster"]  # handbook/plaster.md


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_show_completion(shell: str) -> None:
    result = CliRunner().invoke(app, ["--show-completion", shell], prog_name="lindring")
    assert result.exit_code == 0
    assert f"complete_{shell}" in result.stdout
    assert "_LINDRING_COMPLETE" in result.stdout


def test_no_shell_named_means_the_current_one(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    from typer import _completion_shared

    from lindring.cli import main

    monkeypatch.setattr(_completion_shared, "_get_shell_name", lambda: "fish")
    monkeypatch.setattr(sys, "argv", ["lindring", "--show-completion"])
    with pytest.raises(SystemExit) as stopped:
        main()
    assert stopped.value.code == 0
    assert "_COMPLETE=complete_fish" in capsys.readouterr().out  # the program name: pytest's


def test_an_unknown_shell_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["--show-completion", "tcsh"], prog_name="lindring")
    assert result.exit_code == 2
    assert "tcsh is not supported" in result.stderr


def test_install_completion_writes_the_script_and_sources_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    result = CliRunner().invoke(app, ["--install-completion", "bash"], prog_name="lindring")
    assert result.exit_code == 0, result.output
    script = tmp_path / ".bash_completions" / "lindring.sh"
    assert result.stdout == f"bash completion installed in {script}; it works in a new terminal\n"
    assert "_LINDRING_COMPLETE=complete_bash" in script.read_text(encoding="utf-8")
    assert str(script) in (tmp_path / ".bashrc").read_text(encoding="utf-8")
