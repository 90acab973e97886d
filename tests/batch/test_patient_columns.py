"""The patient's columns in a batch file: eGFR and frailty applied per row as
``convert --egfr`` and ``--frail``; the warnings in words in the file's language, their
codes in a column of their own."""

from __future__ import annotations

import csv
import io
import json

from ..conftest import Run
from .conftest import RunBatch, csv_bytes

NB = ["pasient", "legemiddel", "dosering", "vei", "til", "til_vei", "nyrefunksjon", "skrøpelig"]
EN = ["id", "drug", "dose", "route", "target", "target_route", "egfr", "frail"]
ROW = ["oksykodon", "40 mg", "po", "morfin", "sk"]


def _rows(out: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(out), delimiter=";"))


def test_norwegian_columns_give_the_renal_band_and_frailty(run_batch: RunBatch) -> None:
    rows = [NB, ["1", *ROW, "20", ""], ["2", *ROW, "90", ""], ["3", *ROW, "", ""],
            ["4", *ROW, "", "ja"]]  # fmt: skip
    result = run_batch("-", stdin=csv_bytes(rows), env={"LINDRING_LANG": ""})
    assert result.exit_code == 1, result.stderr  # the avoided row is refused
    avoid, normal, unknown, frail = _rows(result.stdout)
    # morphine below eGFR 50: avoid (Lindring i nord), in Norwegian words, and no start
    assert (avoid["status"], avoid["forslag"]) == ("avvist", "")
    assert "fraråder morfin ved eGFR 20" in avoid["melding"]
    assert "renal_avoid" in avoid["advarselkoder"].split("|")
    assert "unngå morfin" in avoid["advarsler"]
    assert not any(c.startswith("renal") for c in normal["advarselkoder"].split("|"))
    assert "renal" in unknown["advarselkoder"].split("|")  # no eGFR: it matters
    assert "Renal" not in unknown["advarsler"] and "Nyrefunksjon" in unknown["advarsler"]
    # frail: 50 % in all instead of 25 %: 20 mg/24 h equianalgesic -> 10 mg/24 h
    assert (normal["reduksjon_prosent"], frail["reduksjon_prosent"]) == ("25", "50")


def test_rows_match_convert_with_the_same_options(run_batch: RunBatch, run: Run) -> None:
    rows = [EN, ["1", *ROW, "55", "yes"], ["2", *ROW, "20", "no"]]
    result = run_batch("-", "--format", "jsonl", stdin=csv_bytes(rows, delimiter=","))
    assert result.exit_code == 1, result.stderr  # eGFR 20: morphine refused
    got = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    for row, options in zip(got, (["--egfr", "55", "--frail"], ["--egfr", "20"]), strict=True):
        one = json.loads(run("convert", *ROW[:3], "to", *ROW[3:], *options, "--json").stdout)
        assert row["patient"] == one["patient"]
        assert row["target"] == one["target"]
        assert row["warnings"] == one["warnings"]
        assert row["refused"] == one["refused"]
    assert got[0]["patient"] == {"egfr": 55, "frail": True}
    assert got[0]["refused"] is None and got[1]["refused"]["code"] == "renal_avoid"


def test_a_bad_egfr_or_frail_cell_is_a_row_error(run_batch: RunBatch) -> None:
    rows = [EN, ["1", *ROW, "abc", ""], ["2", *ROW, "", "maybe"], ["3", *ROW, "55", "1"]]
    result = run_batch("-", stdin=csv_bytes(rows))
    assert result.exit_code == 1  # some rows failed; the others are written
    bad_egfr, bad_frail, ok = _rows(result.stdout)
    assert bad_egfr["status"] == "error" and bad_egfr["message"].startswith("egfr:")
    assert bad_frail["status"] == "error" and "'maybe' is not yes or no" in bad_frail["message"]
    assert ok["status"] == "ok" and ok["reduction_percent"] == "50"
