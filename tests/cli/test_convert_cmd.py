"""`lindring convert` through the CLI: output, errors, exit codes, JSON = library."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lindring.calc.convert import convert
from lindring.calc.request import parse_request
from lindring.model import Tables
from lindring.output.json import conversion_dict

from ..conftest import Run

FLAGSHIP = ["convert", "oxycodone", "40mg", "po", "to", "morphine", "sc"]


def test_flagship_conversion_opens_with_the_answer(run: Run) -> None:
    """The regimen, the breakthrough dose and the key warning come before the working,
    and the whole default output fits an 80x24 terminal (one line left for the prompt)."""
    for lang, start, bt, working in (
        ("en", "morphine subcutaneous 2.5 mg every 4 h = 15 mg/24 h", "Breakthrough", "Working"),
        ("nb", "morfin subkutant 2,5 mg hver 4. time = 15 mg/døgn", "Behovsdose", "Utregning"),
    ):
        out = run(*FLAGSHIP, "--lang", lang, env={"COLUMNS": "80"}).stdout
        lines = out.splitlines()
        assert len(lines) <= 23, out
        assert max(len(line) for line in lines) <= 80
        flat = " ".join(line.strip("│ ") for line in lines)
        assert start in " ".join(flat.split()), out
        assert out.index(bt) < out.index(working)
        assert out.index("40 mg") < out.index(working)  # the bare-dose warning
        assert "[bare_dose_is_daily]" not in out and "--egfr" in out


def test_full_conversion_shows_the_working(run: Run) -> None:
    result = run(*FLAGSHIP, "--full")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for expected in (
        "40 mg/24 h",
        "x 1.5",
        "= 60 mg/24 h",
        "/ 3",
        "= 20 mg/24 h",
        "reduce by 25 %",
        "15 mg/24 h",
        "Breakthrough",
        "subcutaneous",
        "read as the 24-hour total",
    ):
        assert expected in out, expected
    assert "µg" not in out


def test_json_equals_the_library_result(run: Run, tables: Tables) -> None:
    result = run(*FLAGSHIP, "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    library = conversion_dict(convert(tables, parse_request(tables, FLAGSHIP[1:])), "en")
    assert data == library
    assert data["input"] == {
        "drug": "oxycodone",
        "route": "po",
        "dose": "40mg",
        "daily_dose": {"value": 40, "unit": "mg/24h"},
        "daily_dose_basis": "bare",
    }
    assert data["ome_mg_per_24h"] == 60
    assert data["target"]["equianalgesic_daily_dose"] == {"value": 20, "unit": "mg/24h"}
    assert data["reduction_percent"] == 25
    assert data["refused"] is None
    assert data["table_version"] == tables.version
    for key in ("warnings", "steps"):
        assert data[key], key
    assert {w["code"] for w in data["warnings"]} >= {"bare_dose_is_daily", "renal"}


def test_norwegian_output(run: Run) -> None:
    result = run(
        "convert", "oksykodon", "20", "mg", "x2", "po", "til", "morfin", "sc", "--lang", "nb"
    )
    assert result.exit_code == 0, result.stderr
    assert "40 mg/døgn" in result.stdout
    assert "2 ganger per døgn" in result.stdout
    assert "subkutant" in result.stdout


def test_language_from_environment(run: Run) -> None:
    result = run(*FLAGSHIP, env={"LINDRING_LANG": "nb"})
    assert "Utregning" in result.stdout


def test_decimal_comma_and_brand_name(run: Run) -> None:
    result = run("convert", "OxyNorm", "2,5", "mg", "q4h", "po", "to", "morphine", "po", "--json")
    data = json.loads(result.stdout)
    assert data["input"]["daily_dose"] == {"value": 15, "unit": "mg/24h"}
    assert data["ome_mg_per_24h"] == 22.5


def test_unknown_drug_suggests_close_names(run: Run) -> None:
    result = run("convert", "oxykodon", "40mg", "po", "to", "morphine", "sc")
    assert result.exit_code == 1
    assert "unknown drug 'oxykodon'" in result.stderr
    assert "oxycodone" in result.stderr
    assert result.stdout == ""


def test_wrong_unit_says_what_was_expected(run: Run) -> None:
    result = run("convert", "oxycodone", "40", "Mg", "po", "to", "morphine", "sc")
    assert result.exit_code == 1
    assert "unknown unit 'Mg'" in result.stderr and "mg" in result.stderr


def test_unavailable_route_lists_the_routes(run: Run) -> None:
    result = run("convert", "oxycodone", "40mg", "po", "to", "tapentadol", "sc")
    assert result.exit_code == 1
    assert "po (oral)" in result.stderr


@pytest.mark.parametrize(
    "words",
    [
        ["methadone", "30mg", "po", "to", "morphine", "po"],
        ["morphine", "60mg", "po", "to", "metadon", "po"],
    ],
)
def test_methadone_is_refused_with_a_referral(run: Run, words: list[str]) -> None:
    result = run("convert", *words, "--json")
    assert result.exit_code == 3
    data = json.loads(result.stdout)
    assert data["refused"]["code"] == "nonlinear"
    assert data["target"]["suggested_daily_dose"] is None


def test_transmucosal_fentanyl_is_refused(run: Run) -> None:
    result = run("convert", "morphine", "60mg", "po", "to", "Abstral", "sl")
    assert result.exit_code == 3
    assert "refused" in result.stderr


def test_a_tenfold_dose_is_refused(run: Run) -> None:
    result = run("convert", "morphine", "100", "g", "po", "to", "oxycodone", "po")
    assert result.exit_code == 3


def test_a_microgram_slip_is_shown_as_written_not_as_zero(run: Run) -> None:
    # 1 microgram written as 0,001 mg: every figure of the working stays above zero,
    # and the warning about a microgram/milligram mix-up names the dose as written
    result = run("convert", "morfin", "0,001", "mg", "po", "to", "oksykodon", "po", "--lang", "nb")
    assert result.exit_code == 3
    assert "0,001 mg/døgn" in result.stdout
    assert not re.search(r"(?<![0-9,])0 mg", result.stdout)


def test_pethidine_and_ceiling_warnings(run: Run) -> None:
    data = json.loads(
        run("convert", "morphine", "200mg", "po", "to", "tramadol", "po", "--json").stdout
    )
    codes = {w["code"] for w in data["warnings"]}
    assert {"ceiling_target", "high_dose"} <= codes
    data = json.loads(
        run("convert", "pethidine", "100mg", "sc", "to", "morphine", "sc", "--json").stdout
    )
    assert "avoid" in {w["code"] for w in data["warnings"]}


def test_reduce_override_is_reported(run: Run) -> None:
    data = json.loads(run(*FLAGSHIP, "--reduce", "50", "--json").stdout)
    assert data["reduction_percent"] == 50
    assert data["reduction_reason"] == "override"
    assert "reduction_outside_band" in {w["code"] for w in data["warnings"]}
    assert run(*FLAGSHIP, "--reduce", "90").exit_code == 1
    assert run(*FLAGSHIP, "--reduce", "abc").exit_code == 1
    below = run(*FLAGSHIP, "--reduce", "-5")  # a number, outside the range: says the range
    assert below.exit_code == 1 and "between 0 and 75 percent" in below.stderr


def test_route_change_of_the_same_drug_has_no_automatic_reduction(run: Run) -> None:
    data = json.loads(
        run("convert", "morphine", "60mg", "po", "to", "morphine", "sc", "--json").stdout
    )
    assert data["reduction_percent"] == 0
    assert "route_change_advice" in {w["code"] for w in data["warnings"]}


def test_invalid_tables_exit_4_with_file_and_line(
    run: Run, tmp_path: Path, shipped_dir: Path
) -> None:
    text = (shipped_dir / "opioids.yaml").read_text(encoding="utf-8")
    (tmp_path / "opioids.yaml").write_text(
        text.replace("factor: 1.5", "factor: 1,5", 1), encoding="utf-8"
    )
    result = run(*FLAGSHIP, "--tables", str(tmp_path))
    assert result.exit_code == 4
    assert "opioids.yaml:" in result.stderr and "expected a number" in result.stderr


def test_missing_tables_directory(run: Run, tmp_path: Path) -> None:
    result = run(*FLAGSHIP, "--tables", str(tmp_path / "nowhere"))
    assert result.exit_code == 4
    assert "file not found" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["convert", "oxycodone", "40mg", "po"],
        ["convert", "oxycodone", "po", "to", "morphine", "sc"],
        ["convert", "oxycodone", "40mg", "to", "morphine", "sc"],
        ["convert", "oxycodone", "40mg", "po", "to", "morphine"],
        ["convert", "oxycodone", "40mg", "po", "to", "morphine", "sc", "now"],
        ["convert", "[red]x", "40mg", "po", "to", "morphine", "sc"],
        ["convert", "oxycodone", "1,000", "mg", "po", "to", "morphine", "sc"],
        ["convert", "oxycodone", "40mg", "po", "to", "morphine", "sc", "--interval", "5"],
        ["convert", "oxycodone", "40mg", "po", "to", "morphine", "sc", "--lang", "de"],
    ],
)
def test_bad_input_is_one_clear_line(run: Run, args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 1, result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("lindring:")


def test_markup_in_user_text_stays_visible(run: Run) -> None:
    result = run("convert", "[red]x", "40mg", "po", "to", "morphine", "sc")
    assert "[red]x" in result.stderr


def test_usage_error_exit_2(run: Run) -> None:
    assert run("convert", "oxycodone", "--nope").exit_code == 2


def test_drugs_and_table_commands(run: Run, tables: Tables) -> None:
    drugs = run("drugs")
    assert drugs.exit_code == 0
    for key in tables.opioids:
        assert key in drugs.stdout
    assert "OxyNorm" in drugs.stdout
    table = run("table", "--lang", "nb")
    assert table.exit_code == 0
    assert "1,5" in table.stdout and tables.version in table.stdout


def at_80_columns(run: Run, *args: str) -> str:
    """The output of a command in a terminal 80 columns wide; no line is wider."""
    out = run(*args, env={"COLUMNS": "80"}).stdout
    assert max(map(len, out.splitlines())) <= 80
    return out


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_drugs_fit_80_columns_without_cutting_a_route_or_a_status(
    run: Run, tables: Tables, lang: str
) -> None:
    out = at_80_columns(run, "drugs", "--lang", lang)
    words = " ".join(line[40:] for line in out.splitlines()).split()  # routes, status
    for drug in tables.opioids.values():
        assert drug.atc in out
        for route in drug.routes:
            for word in tables.routes[route].name.get(lang).split():
                assert word in words or f"{word}," in words, word


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_table_fits_80_columns_with_every_source_id_whole(
    run: Run, tables: Tables, lang: str
) -> None:
    out = at_80_columns(run, "table", "--lang", lang)
    for drug in tables.opioids.values():
        for factor in drug.routes.values():
            assert f"[{factor.sources[0]}" in out, factor.sources[0]
    assert tables.opioids["tapentadol"].ceiling.value == 500  # type: ignore[union-attr]
    assert ("maks 500 mg/døgn" if lang == "nb" else "max 500 mg/24 h") in out


def test_lookalike_names_warn_about_potency(run: Run) -> None:
    result = run("convert", "hydromorfin", "4mg", "po", "to", "morphine", "po")
    assert result.exit_code == 1
    assert "hydromorphone" in result.stderr and "morphine" in result.stderr
    assert "5 times as potent" in result.stderr


def test_unknown_drug_without_close_names(run: Run) -> None:
    result = run("convert", "xyz", "4mg", "po", "to", "morphine", "po")
    assert "unknown drug 'xyz'" in result.stderr and "lindring drugs" in result.stderr


@pytest.mark.parametrize(
    ("dose", "expected"),
    [
        ("25mg/h", "did you mean 25 mcg/h"),
        ("30mcg/h", "12, 25, 50, 75, 100"),
        ("25mcg", "strength per hour"),
    ],
)
def test_bad_patch_doses_name_the_fix(run: Run, dose: str, expected: str) -> None:
    result = run("convert", "fentanyl", dose, "td", "to", "morphine", "po")
    assert result.exit_code == 1
    assert expected in result.stderr


@pytest.mark.parametrize("route", ["nasal", "buccal", "sl"])
def test_transmucosal_fentanyl_target_is_refused_with_the_reason(run: Run, route: str) -> None:
    result = run("convert", "morphine", "60mg", "po", "to", "fentanyl", route)
    assert result.exit_code == 3
    assert "titrated from the lowest strength" in result.stdout
    assert "Where to turn" in result.stdout
    assert result.stderr == ""  # like every refused conversion: the panel says it all


def test_patch_json(run: Run) -> None:
    data = json.loads(
        run("convert", "morphine", "225mg", "po", "to", "fentanyl", "td", "--json").stdout
    )
    assert data["target"]["patches"]["patches"] == ["50", "12"]
    assert data["target"]["dose_split"] is None
    assert data["target"]["suggested_daily_dose"] == {"value": 62.5, "unit": "microgram/h"}
    assert data["breakthrough_dose"]["drug"] == "morphine"


def test_several_parts_json_lists_each_part(run: Run) -> None:
    result = run(
        "convert",
        "oxycodone 20mg po x2",
        "+",
        "fentanyl 25mcg/h td",
        "to",
        "morphine",
        "sc",
        "--json",
    )
    data = json.loads(result.stdout)
    assert [p["ome_mg_per_24h"] for p in data["parts"]] == [60, 60]
    assert data["input"]["drug"] is None
    assert data["ome_mg_per_24h"] == 120


def test_explain_points_at_the_handbook(run: Run) -> None:
    result = run(*FLAGSHIP, "--explain")
    assert "lindring handbook smertepumpe" in result.stdout
    data = json.loads(
        run(
            "convert", "morphine", "90mg", "x2", "po", "to", "fentanyl", "td", "--explain", "--json"
        ).stdout
    )
    assert data["explain"]["chapter"] == "plaster"
    assert run("handbook", data["explain"]["chapter"]).exit_code == 0


def test_chart_notation_and_the_route_sk(run: Run) -> None:
    """oksykodon 20 mg 1+0+1 po til morfin sk: 40 mg oxycodone a day to subcutaneous
    morphine, the same as the flagship's 40 mg/24 h."""
    words = ["convert", "oksykodon", "20", "mg", "1+0+1", "po", "til", "morfin", "sk"]
    data = json.loads(run(*words, "--json").stdout)
    flagship = json.loads(run(*FLAGSHIP, "--json").stdout)
    assert data["input"]["daily_dose"] == {"value": 40, "unit": "mg/24h"}
    assert data["target"]["route"] == "sc"
    assert data["target"]["regimen"] == flagship["target"]["regimen"]
    assert "bare_dose_is_daily" not in {w["code"] for w in data["warnings"]}


@pytest.mark.parametrize("strength", ["12.5mcg/h", "12mcg/h"])
def test_patch_as_labelled_or_as_delivered(run: Run, strength: str) -> None:
    data = json.loads(
        run("convert", "fentanyl", strength, "td", "to", "morphine", "po", "--json").stdout
    )
    assert data["input"]["daily_dose"] == {"value": 12.5, "unit": "microgram/h"}


def test_negative_dose_is_an_input_error_with_json(run: Run) -> None:
    result = run("convert", "morphine", "-10mg", "po", "to", "oxycodone", "po", "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["error"]["code"] == "dose_sign"
    assert "No such option" not in result.stderr + result.stdout


@pytest.mark.parametrize(
    "words",
    [
        ["methadone", "30mg", "po", "to", "morphine", "po"],  # non-linear
        ["Instanyl", "100mcg", "nasal", "to", "morphine", "sc"],  # refused name
        ["fentanyl", "100mcg", "nasal", "to", "morphine", "sc"],  # refused route
        ["morphine", "5mg", "po", "to", "fentanyl", "td"],  # too small for a patch
        ["oxycodone", "40mg", "po", "to", "morphine", "sc", "--profile", "cdc-2022"],  # not covered
    ],
)
def test_every_refusal_has_one_shape_and_one_panel(run: Run, words: list[str]) -> None:
    data = json.loads(run("convert", *words, "--json").stdout)
    assert set(data["refused"]) == {"code", "message", "sources", "where"}
    assert data["refused"]["where"] and data["refused"]["sources"]
    result = run("convert", *words)
    assert result.exit_code == 3
    assert "✖ REFUSED" in result.stdout and "→ Where to turn" in result.stdout


def test_a_patch_start_says_how_often_it_is_changed_as_its_product_text_does(run: Run) -> None:
    """Durogesic: changed every 72 hours; Norspan (7-day buprenorphine): every 7th day.
    One patch shows its strength once; a combination shows the parts and the sum."""
    bup = ["convert", "morphine", "60mg", "po", "to", "buprenorphine", "td"]
    out = " ".join(run(*bup, "--lang", "nb").stdout.replace("│", " ").split())
    assert "20 mikrogram/time, byttes hver 7. dag" in out
    assert "(20 mikrogram/time)" not in out
    fen = ["convert", "morphine", "120mg", "po", "to", "fentanyl", "td"]
    out = " ".join(run(*fen).stdout.replace("│", " ").split())
    assert "25 + 12 microgram/h (37.5 microgram/h), changed every 72 h" in out


def test_a_dose_of_several_units_shows_its_total_first(run: Run) -> None:
    """30 mg sc morphine is 90 mg oral (sc:po 3, Durogesic table 1; same drug, no
    reduction): Dolcontin every 12 h, 45 mg a dose, made of 30 + 10 + 5 mg tablets (the
    strengths in Felleskatalogen). A breakthrough dose of two equal tablets says 2 x."""
    out = " ".join(
        run("convert", "morphine", "30mg", "sc", "to", "morphine", "po")
        .stdout.replace("│", " ")
        .split()
    )
    assert "morphine oral 45 mg (30 + 10 + 5 mg) every 12 h = 90 mg/24 h" in out
    fen = ["convert", "morphine", "160mg", "po", "to", "fentanyl", "td"]
    out = " ".join(run(*fen).stdout.replace("│", " ").split())
    assert "20 mg (2 x 10 mg) morphine oral as needed" in out


ANSI = re.compile(r"\x1b\[[0-9;]*m")
TERMINAL_80x24 = {"COLUMNS": "80", "LINES": "24", "TTY_COMPATIBLE": "1", "NO_COLOR": "1"}


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_on_an_80x24_terminal_the_answer_stays_in_view(run: Run, lang: str) -> None:
    # hydromorphone 4 mg x4 by mouth to a patch for a frail patient: eight steps of
    # working, more than 24 lines with a source id after each step
    words = ("convert", "hydromorfon", "4mg", "x4", "po", "to", "fentanyl", "td", "--frail")
    piped = run(*words, "--lang", lang, env={"COLUMNS": "80"}).stdout
    assert len(piped.splitlines()) > 24 and "[hdir-omeq]" in piped
    shown = ANSI.sub("", run(*words, "--lang", lang, env=TERMINAL_80x24).stdout)
    lines = shown.splitlines()
    assert len(lines) <= 23  # the prompt still fits below, the start line above
    assert "Start" in lines[2] and "12 m" in lines[2]  # the start, near the top
    assert "[hdir-omeq]" not in shown and "--full" in lines[-2]
    for step in range(1, 9):
        assert any(line.lstrip("│ ").startswith(f"{step}. ") for line in lines), step


def test_a_conversion_that_fits_the_terminal_keeps_its_source_ids(run: Run) -> None:
    shown = ANSI.sub("", run(*FLAGSHIP, env=TERMINAL_80x24).stdout)
    assert len(shown.splitlines()) <= 22 and "[hdir-omeq]" in shown
