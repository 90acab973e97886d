"""The output, read back, gives the same numbers as ``lindring convert --json`` for the
same rows: CSV (decimal comma or point) and JSON Lines (the very same object)."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from lindring.calc.convert import Options, convert
from lindring.calc.request import parse_request
from lindring.cli import app
from lindring.model import Tables
from lindring.output.json import conversion_dict

from ..conftest import TABLES_DIR
from .conftest import RunBatch, read_back, write

HEADER = ["id", "drug", "dose", "route", "target", "target_route", "interval", "reduce"]
ROWS = [
    ["1", "oxycodone", "20 mg x2", "po", "morphine", "sc", "", ""],
    ["2", "morphine", "60 mg/24h", "po", "oxycodone", "po", "", ""],
    ["3", "morphine", "10 mg q4h", "po", "hydromorphone", "po", "4", ""],
    ["4", "hydromorphone", "4 mg x2", "po", "morphine", "sc", "", "40"],
    ["5", "morphine", "90 mg x2", "po", "fentanyl", "td", "", ""],
    ["6", "fentanyl", "25 mcg/h", "td", "morphine", "sc", "", ""],
    ["7", "tramadol", "100 mg x4", "po", "morphine", "po", "", "20"],
    ["8", "oxycodone + fentanyl", "20 mg x2 + 25 mcg/h", "po + td", "morphine", "sc", "", ""],
    ["9", "OxyNorm", "2,5 mg x6", "po", "ketobemidone", "sc", "", ""],
]


def words(row: list[str]) -> list[str]:
    drugs, doses, routes = (row[i].split("+") for i in (1, 2, 3))
    out: list[str] = []
    for d, q, r in zip(drugs, doses, routes, strict=True):
        out += (["+"] if out else []) + [d.strip(), q.strip(), r.strip()]
    return [*out, "to", row[4], row[5]]


def library(tables: Tables, row: list[str]) -> dict[str, Any]:
    options = Options(Fraction(row[7]) if row[7] else None, int(row[6]) if row[6] else None)
    return conversion_dict(convert(tables, parse_request(tables, words(row)), options), "en")


def number(cell: str) -> float:
    return float(cell.replace(",", "."))


def amount(cell_value: str, unit: str) -> dict[str, Any]:
    value = number(cell_value)
    return {"value": int(value) if value == int(value) else value, "unit": unit}


@pytest.mark.parametrize(("delimiter", "encoding"), [(";", "utf-8-sig"), (",", "utf-8")])
def test_csv_read_back_gives_the_numbers_of_convert_json(
    tmp_path: Path, run_batch: RunBatch, tables: Tables, delimiter: str, encoding: str
) -> None:
    source = write(tmp_path / "in.csv", [HEADER, *ROWS], delimiter=delimiter, encoding=encoding)
    result = run_batch(str(source), "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 0, result.stderr
    rows = read_back((tmp_path / "out.csv").read_bytes(), delimiter, encoding)
    assert len(rows) == len(ROWS)
    for row, got in zip(ROWS, rows, strict=True):
        data = library(tables, row)
        target = data["target"]
        assert got["status"] == "ok"
        assert number(got["ome_mg_24h"]) == data["ome_mg_per_24h"]
        unit = got["unit"]
        assert amount(got["equianalgesic"], unit) == target["equianalgesic_daily_dose"]
        assert amount(got["range_low"], unit) == target["range"]["low"]
        assert amount(got["range_high"], unit) == target["range"]["high"]
        assert amount(got["suggested"], unit) == target["suggested_daily_dose"]
        assert number(got["reduction_percent"]) == data["reduction_percent"]
        split = target["dose_split"]
        if split is None:
            assert got["interval_hours"] == got["dose_each"] == ""
            assert got["patches"] == "+".join(target["patches"]["patches"])
        else:
            assert int(got["interval_hours"]) == split["interval_hours"]
            assert amount(got["dose_each"], got["dose_unit"]) == split["dose"]
        bt = data["breakthrough_dose"]
        assert amount(got["breakthrough_dose"], got["breakthrough_unit"]) == bt["dose"]
        assert got["breakthrough_for"] == f"{bt['drug']} {bt['route']}"
        assert got["warning_codes"].split("|") == [w["code"] for w in data["warnings"]]
        assert got["warnings"].split(" | ") == [w["message"] for w in data["warnings"]]
        if delimiter == ";":
            assert "." not in got["equianalgesic"] + got["range_low"] + got["range_high"]


def test_jsonl_rows_carry_the_convert_json_object(
    tmp_path: Path, run_batch: RunBatch, tables: Tables
) -> None:
    source = write(tmp_path / "in.csv", [HEADER, *ROWS])
    result = run_batch(str(source), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(ROWS)
    for n, (row, line) in enumerate(zip(ROWS, lines, strict=True), start=2):
        data = json.loads(line)
        extra = {k: data.pop(k) for k in ("line", "id", "status", "check", "row")}
        assert extra["line"] == n and extra["id"] == row[0] and extra["status"] == "ok"
        assert extra["row"] == dict(zip(HEADER, row, strict=True))
        assert data == library(tables, row)


def test_and_literally_what_the_convert_command_prints(tmp_path: Path, run_batch: RunBatch) -> None:
    source = write(tmp_path / "in.csv", [HEADER, ROWS[0]])
    line = json.loads(run_batch(str(source), "--format", "jsonl").stdout)
    printed = CliRunner().invoke(
        app, ["convert", *words(ROWS[0]), "--json", "--tables", str(TABLES_DIR)],
        env={"LINDRING_LANG": "en"},
    )  # fmt: skip
    assert printed.exit_code == 0, printed.output
    expected = json.loads(printed.stdout)
    assert {k: v for k, v in line.items() if k in expected} == expected


@pytest.mark.parametrize("profile", ["fpm-uk", "cdc-2022", "anzca-2021"])
def test_under_a_profile_each_row_is_what_convert_prints_under_it(
    tmp_path: Path, run_batch: RunBatch, profile: str
) -> None:
    source = write(tmp_path / "in.csv", [HEADER, *ROWS])
    result = run_batch(str(source), "--format", "jsonl", "--profile", profile)
    assert f"(--profile {profile})" in result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == len(ROWS)
    statuses = set()
    for row, line in zip(ROWS, lines, strict=True):
        options = [
            *(["--interval", row[6]] if row[6] else []),
            *(["--reduce", row[7]] if row[7] else []),
        ]
        printed = CliRunner().invoke(
            app, ["convert", *words(row), *options, "--json", "--profile", profile,
                  "--tables", str(TABLES_DIR)], env={"LINDRING_LANG": "en"},
        )  # fmt: skip
        expected = json.loads(printed.stdout)
        if printed.exit_code == 3:  # a drug or route the guideline does not cover
            assert line["status"] == "refused", row
        else:
            assert printed.exit_code == 0, printed.output
            assert line["status"] == "ok"
            assert {k: v for k, v in line.items() if k in expected} == expected
            assert expected["table_version"].endswith(f"+{profile}")
        statuses.add(line["status"])
    assert "ok" in statuses  # the profile was really used for some conversions
