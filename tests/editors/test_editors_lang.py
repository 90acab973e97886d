"""The editors' commands in either language: ``check``'s own failures and notes are
message codes written in Norwegian under ``--lang nb`` (and carried as codes in
``--json``), ``diff`` takes ``--lang``, and the JSON of diff, validate and check says
its language; compare's profiles say the code of what they did not cover."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

import lindring.table.source
from lindring.i18n import checks as check_catalogue

from ..conftest import REPO, TABLES_DIR, Run
from .helpers import codeine_changed, raw_table, write_table
from .test_problem_codes import _nb_leaks


def _broken(directory: Path) -> Path:
    """The shipped table with a ceiling below one dose step, a route ratio that
    disagrees with its factors, and a source no one cites."""
    data = raw_table()
    data["opioids"]["tramadol"]["ceiling"]["value"] = Fraction(10)
    ratio = next(
        r for r in data["opioids"]["morphine"]["route_ratios"] if r["routes"] == ["po", "sc"]
    )
    ratio["ratio"] = Fraction(5, 2)
    data["sources"]["unused-2020"] = {"title": "T", "publisher": "P", "year": 2020, "section": "S"}
    return write_table(directory, data)


@pytest.fixture
def broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LINDRING_HANDBOOK", str(tmp_path / "no-handbook"))
    head = (TABLES_DIR / "opioids.yaml").read_text(encoding="utf-8")
    monkeypatch.setattr(lindring.table.source, "git_show", lambda rev, directory, name="": head)
    return _broken(tmp_path / "tables")


def test_check_writes_its_failures_in_norwegian(run: Run, broken: Path) -> None:
    result = run("check", "--tables", str(broken), "--lang", "nb")
    assert result.exit_code == 4
    out = result.stdout.replace("\n", " ")
    assert "tramadol: den maksimale døgndosen 10 mg/24h er under ett dosetrinn (50 mg)" in out
    assert (
        "morphine po : sc: forholdstallet mellom veiene er 2,5, men faktorene gir 3 "
        "(sc 3 / po 1 per mg)"
    ) in out
    assert "kilden «unused-2020» er definert, men sitert ingen steder" in out
    assert "tall er endret siden HEAD" in out and "men table.version er fortsatt" in out
    assert "profiles: ingen profiler" in out  # a note, now shown in Norwegian too
    assert "handbook: " in out and "fant ikke håndbokmappen" in out
    assert "4 feil på" in out
    # the check names (JSON keys) and the table's own words may stay; nothing else English
    said = re.sub(r"\b(reachable|pairs|round_trips|route_ratios|start_doses)\b", "", out)
    assert _nb_leaks(said.replace(str(broken), "")) == [], out
    english = run("check", "--tables", str(broken)).stdout.replace("\n", " ")
    assert "tramadol: the ceiling 10 mg/24h is below one dose step (50 mg)" in english
    assert "the route ratio is 2.5, but the factors give 3" in english


def test_check_json_gives_each_failure_its_code(run: Run, broken: Path) -> None:
    found = json.loads(run("check", "--tables", str(broken), "--json", "--lang", "nb").stdout)
    assert found["language"] == "nb" and found["ok"] is False
    checks = {c["name"]: c for c in found["checks"]}
    (ceiling,) = checks["ceilings"]["failure_details"]
    assert ceiling["code"] == "check.ceiling_below_step"
    assert ceiling["params"] == {"value": "10", "step": "50"}
    assert ceiling["path"] == "tramadol" and ceiling["file"] is None
    assert ceiling["message"] == checks["ceilings"]["failures"][0]
    assert ceiling["message"].startswith("tramadol: den maksimale døgndosen")
    (ratio,) = checks["route_ratios"]["failure_details"]
    assert (ratio["code"], ratio["params"]["ratio"], ratio["params"]["implied"]) == (
        "check.ratio_disagrees",
        "2,5",
        "3",
    )
    notes = checks["profiles"]["note_details"]
    assert [n["code"] for n in notes] == ["check.note_no_profiles"]
    assert checks["profiles"]["notes"] == ["ingen profiler"]
    english = json.loads(run("check", "--tables", str(broken), "--json").stdout)
    assert english["language"] == "en"
    sources = next(c for c in english["checks"] if c["name"] == "sources")
    assert sources["failures"] == [
        "source 'unused-2020' is defined but cited nowhere (table or profiles): cite or remove it"
    ]
    assert sources["failure_details"][0]["params"] == {"source": "unused-2020"}


def test_every_check_message_reads_as_norwegian() -> None:
    values: defaultdict[str, str] = defaultdict(lambda: "X")
    for code, entry in check_catalogue.MESSAGES.items():
        said = entry["nb"].format_map(values)
        # names of the table's keys and of codes stay as the table writes them
        said = re.sub(r"\b(max_rate|patch_above_max|table\.\w+|changelog|HEAD)\b", "", said)
        assert _nb_leaks(said) == [], (code, said)
        assert set(re.findall(r"{(\w+)}", entry["nb"])) == set(
            re.findall(r"{(\w+)}", entry["en"])
        ), code


def test_diff_in_norwegian(run: Run, tmp_path: Path) -> None:
    new, panel = codeine_changed(tmp_path)
    args = ("diff", str(TABLES_DIR), str(new), "--panel", str(panel))
    for result in (run(*args, "--lang", "nb"), run("--lang", "nb", *args)):
        assert result.exit_code == 0, result.stdout
        out = result.stdout
        assert "Omregninger som endres (største økning først)" in out
        assert "omregninger i panelet" in out and "Endret i tabellen" in out
        assert "+20 %" in out and "mg/døgn" in out
        said = re.sub(r"\S*/\S*|codeine|morphine|factor|po|sc|iv|td", "", out)
        assert _nb_leaks(said) == [], out
    english = run(*args).stdout
    assert "Conversions that change" in english and "mg/24h" in english


def test_diff_json_says_its_language_and_nothing_else_changes(run: Run, tmp_path: Path) -> None:
    new, panel = codeine_changed(tmp_path)
    args = ("diff", str(TABLES_DIR), str(new), "--panel", str(panel), "--json")
    nb = json.loads(run(*args, "--lang", "nb").stdout)
    en = json.loads(run(*args).stdout)
    assert (nb["language"], en["language"]) == ("nb", "en")
    assert {**nb, "language": "en"} == en


def test_validate_json_says_its_language(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    broken = "tests/cases/tables/invalid/unknown-key-ration/"
    found = json.loads(run("validate", "--format", "json", "--lang", "nb", broken).stdout)
    assert found["language"] == "nb"
    assert json.loads(run("validate", "--format", "json", broken).stdout)["language"] == "en"


def test_compare_gives_the_code_of_what_a_profile_does_not_cover(run: Run) -> None:
    found: dict[str, Any] = json.loads(
        run("compare", "hydrocodone", "30mg", "po", "to", "morphine", "po", "--json").stdout
    )
    codes = {p["profile"]: (p["covered"], p["not_covered_code"]) for p in found["profiles"]}
    assert codes["norwegian"] == (False, "profile_lacks_drug")  # no hydrocodone in Norway
    assert codes["cdc-2022"] == (True, None)  # the CDC table lists hydrocodone
    nb = json.loads(
        run(
            "compare", "hydrocodone", "30mg", "po", "to", "morphine", "po", "--json", "--lang", "nb"
        ).stdout
    )
    assert [p["not_covered_code"] for p in nb["profiles"]] == [
        p["not_covered_code"] for p in found["profiles"]
    ]
    assert nb["profiles"][0]["not_covered"] != found["profiles"][0]["not_covered"]
