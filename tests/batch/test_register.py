"""Audit and register mode: rows without a target give the oral morphine equivalent
only, and ``--sum-by COLUMN`` adds up each patient's daily OME as Helfo's OMEQ form
does (Helsedirektoratet's OMEQ points: oxycodone by mouth 1.5, tramadol 0.15, morphine
by mouth 1; a 25 microgram/h fentanyl patch delivers 0.6 mg a day at 100)."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import RunBatch, csv_bytes, read_back, write

REGISTER = [
    ["pasient", "legemiddel", "dose", "vei"],
    ["A1", "oksykodon", "20 mg x2", "po"],  # 40 mg x 1.5 = 60
    ["A1", "fentanyl", "25 mcg/t", "td"],  # 0.6 mg x 100 = 60
    ["B2", "morfin", "2,5 mg x6", "po"],  # 15
    ["A1", "tramadol", "50 mg x4", "po"],  # 200 mg x 0.15 = 30
    ["C3", "metadon", "10 mg x2", "po"],  # no fixed ratio: no OME
    ["C3", "morfn", "10 mg", "po"],  # unknown drug
    ["C3", "morfin", "10 mg x3", "po"],  # 30
    ["", "", "", ""],  # an empty line belongs to no patient
    ["B2", "oksykodon", "10", "po"],  # no unit
]


def test_rows_without_a_target_give_the_oral_morphine_equivalent_only(
    tmp_path: Path, run_batch: RunBatch
) -> None:
    source = write(tmp_path / "register.csv", REGISTER)
    result = run_batch(str(source))
    rows = read_back(result.stdout_bytes)
    assert [r["ome_mg_døgn"] for r in rows] == ["60", "60", "15", "30", "", "", "30", ""]
    assert [r["status"] for r in rows] == ["ok"] * 4 + ["refused", "error", "ok", "error"]
    assert all(r["ekvianalgetisk"] == r["forslag"] == "" for r in rows)  # nothing of a target
    assert "9 rows: 5 converted, 2 with errors, 1 refused, 1 empty lines skipped" in result.stderr


def test_sums_per_patient_in_the_order_they_first_appear(
    tmp_path: Path, run_batch: RunBatch
) -> None:
    source = write(tmp_path / "register.csv", REGISTER)
    result = run_batch(str(source), "--sum-by", "pasient")
    assert result.exit_code == 1  # rows failed: the summary says which
    rows = read_back(result.stdout_bytes)
    assert [(r["pasient"], r["rader"], r["ome_mg_døgn"]) for r in rows] == [
        ("A1", "3", "150"),
        ("B2", "2", "15"),
        ("C3", "3", "30"),
    ]
    assert [(r["status"], r["linjer_uten_ome"]) for r in rows] == [
        ("ok", ""),
        ("incomplete", "10"),
        ("incomplete", "6 7"),
    ]


def test_a_row_with_a_target_adds_what_the_patient_takes_now(
    tmp_path: Path, run_batch: RunBatch
) -> None:
    rows = [
        ["id", "drug", "dose", "route", "target", "target_route", "prescribed"],
        ["p1", "oxycodone", "20 mg x2", "po", "morphine", "sc", "25 mg"],  # 60; bad check
        ["p1", "morphine", "7,5 mg x2", "po", "", "", ""],  # 15
        ["p2", "oxycodone", "20 mg x2", "po", "morphine", "", ""],  # a target without route
    ]
    source = write(tmp_path / "mixed.csv", rows, delimiter=",", encoding="utf-8")
    result = run_batch(str(source), "--sum-by", "id")
    out = read_back(result.stdout_bytes, delimiter=",", encoding="utf-8")
    assert [(r["id"], r["ome_mg_24h"], r["status"]) for r in out] == [
        ("p1", "75", "ok"),
        ("p2", "0", "incomplete"),
    ]
    assert out[1]["lines_without_ome"] == "4"
    assert out[0]["ome_mg_24h"] == "75" and list(out[0]) == [
        "id", "rows", "ome_mg_24h", "status", "lines_without_ome"
    ]  # fmt: skip


def test_sums_keep_the_dialect_and_encoding_read(tmp_path: Path, run_batch: RunBatch) -> None:
    rows = [["Pasient ID", "legemiddel", "dose", "vei"], ["Ø1", "morfin", "2,5 mg x3", "po"]]
    source = tmp_path / "ansi.csv"
    source.write_bytes(csv_bytes(rows, delimiter=";", encoding="cp1252"))
    result = run_batch(str(source), "--sum-by", "pasient_id", "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 0, result.stderr
    written = (tmp_path / "out.csv").read_bytes()
    assert (
        written
        == "Pasient ID;rader;ome_mg_døgn;status;linjer_uten_ome\r\nØ1;1;7,5;ok;\r\n".encode(
            "cp1252"
        )
    )


def test_sums_as_json_lines(tmp_path: Path, run_batch: RunBatch) -> None:
    lines = [
        {"patient": 7, "drug": "oxycodone", "dose": "5 mg x4", "route": "po"},
        {"patient": 7, "drug": "hydromorphone", "dose": "2 mg x2", "route": "po"},
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), "utf-8")
    result = run_batch(str(source), "--sum-by", "patient")
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    # oxycodone 20 mg x 1.5 = 30; hydromorphone 4 mg x 5 = 20 (Hdir OMEQ point 5)
    assert row == {
        "patient": "7",
        "rows": 2,
        "ome_mg_24h": 50,
        "status": "ok",
        "lines_without_ome": [],
    }


def test_an_unknown_sum_column_writes_nothing(tmp_path: Path, run_batch: RunBatch) -> None:
    source = write(tmp_path / "register.csv", REGISTER)
    target = tmp_path / "out.csv"
    result = run_batch(str(source), "--sum-by", "ward", "-o", str(target))
    assert result.exit_code == 1
    assert "--sum-by ward: no such column" in result.stderr
    assert not target.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["register.csv"]


def test_rows_the_reader_cannot_use_stay_with_their_patient(
    tmp_path: Path, run_batch: RunBatch
) -> None:
    # a row with a field too many and a quote mark never closed are error rows of their
    # patient (listed by line, the rest of the patient still added up), not lost
    source = tmp_path / "register.csv"
    source.write_bytes(
        b"pasient;legemiddel;dose;vei\r\n"
        b"A1;oksykodon;20 mg x2;po\r\n"  # 40 mg x 1.5 = 60
        b"A1;morfin;10 mg x3;po;ekstra\r\n"  # five fields in a file of four
        b'B2;"morfin;10 mg;po\r\n'  # the quote runs to the end of the file
        b"B2;morfin;5 mg x2;po\r\n"  # 10
    )
    result = run_batch(str(source), "--sum-by", "pasient")
    assert result.exit_code == 1
    rows = read_back(result.stdout_bytes, encoding="utf-8")
    assert [tuple(r.values()) for r in rows] == [
        ("A1", "2", "60", "incomplete", "3"),
        ("B2", "2", "10", "incomplete", "4"),
    ]
    counts = "4 rows: 2 converted, 2 with errors, 0 refused, 0 empty lines skipped"
    assert counts in result.stderr


def test_a_norwegian_run_writes_the_status_of_a_sum_in_norwegian(
    tmp_path: Path, run_batch: RunBatch
) -> None:
    source = write(tmp_path / "register.csv", REGISTER)
    result = run_batch(str(source), "--sum-by", "pasient", "--lang", "nb")
    rows = read_back(result.stdout_bytes)
    assert [r["status"] for r in rows] == ["ok", "ufullstendig", "ufullstendig"]
    jsonl = run_batch(str(source), "--sum-by", "pasient", "--lang", "nb", "--format", "jsonl")
    assert [json.loads(line)["status"] for line in jsonl.stdout.splitlines()] == [
        "ok", "incomplete", "incomplete"
    ]  # fmt: skip
