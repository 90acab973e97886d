"""Broken and hostile batch files: every physical line comes out as one row, the file as
a whole gives its documented exit code, and nothing hangs (issue 11's reproductions).
How long each takes is measured by bench/fuzz, which runs these files too, not here."""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lindring.batch.lines import MAX_LINE

from ..conftest import REPO, TABLES_DIR
from ..hostile import odd_path
from .conftest import RunBatch

HEADER = "id,drug,dose,route,target,target_route,prescribed,interval,reduce\n"
ROW = "{n},oxycodone,20 mg x2,po,morphine,sc,15 mg,,\n"


def rows(count: int, start: int = 1) -> list[str]:
    return [ROW.format(n=n) for n in range(start, start + count)]


def in_csv(tmp_path: Path, *lines: str, encoding: str = "utf-8") -> Path:
    """``in.csv`` in ``tmp_path``: the header, then ``lines``, in ``encoding``."""
    path = tmp_path / "in.csv"
    path.write_bytes((HEADER + "".join(lines)).encode(encoding))
    return path


def output(result_bytes: bytes, encoding: str = "utf-8") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(result_bytes.decode(encoding), newline="")))


def test_a_stray_quote_costs_one_line_of_a_long_file(tmp_path: Path, run_batch: RunBatch) -> None:
    body = rows(4000)
    body[0] = '1,oxycodone,"20 mg x2,po,morphine,sc,15 mg,,\n'
    path = in_csv(tmp_path, *body)
    result = run_batch(str(path))
    assert result.exit_code == 1
    out = output(result.stdout_bytes)
    assert len(out) == 4000
    assert [(r["line"], r["status"]) for r in out if r["status"] != "ok"] == [("2", "error")]
    assert out[0]["id"] == "1"  # the broken line's text is shown, cut at its commas
    assert out[0]["message"].startswith(
        "a quote mark without its pair: the quoted cell that opens on this line ran on over "
        "lines 2-"
    )
    assert "4000 rows: 3999 converted, 1 with errors" in result.stderr


def test_the_line_span_of_a_quote_open_to_the_end_is_exact(
    tmp_path: Path, run_batch: RunBatch
) -> None:
    body = rows(9)
    body[2] = '3,oxycodone,"20 mg x2,po,morphine,sc,15 mg,,\n'
    path = in_csv(tmp_path, *body)  # 10 lines
    out = output(run_batch(str(path)).stdout_bytes)
    assert [r["line"] for r in out] == [str(n) for n in range(2, 11)]
    assert "ran on over lines 4-10;" in out[2]["message"]
    assert [r["status"] for r in out].count("ok") == 8


@pytest.mark.parametrize("byte", [0x81, 0x8D, 0x8F, 0x90, 0x9D])
def test_a_byte_windows_1252_cannot_decode_costs_its_line_only(
    tmp_path: Path, run_batch: RunBatch, byte: int
) -> None:
    body = [r.encode() for r in rows(2000)]
    body[1500] = b"junk," + bytes([byte]) + b",x\n"
    body[3] = "4,oksykodon,20 mg x2,po,morfin,sc,15 mg,,\n".encode("cp1252").replace(
        b"o", b"\xf8", 1
    )
    path = tmp_path / "in.csv"
    path.write_bytes(HEADER.encode() + b"".join(body))
    result = run_batch(str(path), "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 1
    assert "read it as Windows-1252" in result.stderr
    out = output((tmp_path / "out.csv").read_bytes(), "cp1252")
    assert len(out) == 2000
    failed = [r for r in out if r["status"] == "error"]
    assert [r["line"] for r in failed] == ["5", "1502"]  # ø4 is not a drug; junk is unreadable
    assert failed[1]["message"].startswith(
        f"the line cannot be read as Windows-1252 (bytes 0x{byte:02X}); if the whole file is "
        "wrong, choose its encoding with --encoding"
    )


def test_a_line_too_long_is_an_error_row_and_the_next_line_is_read(
    tmp_path: Path, run_batch: RunBatch
) -> None:
    path = in_csv(tmp_path, "2," + "x" * (5 * MAX_LINE) + "\n", *rows(3, 3))
    out = output(run_batch(str(path)).stdout_bytes)
    assert [(r["line"], r["status"]) for r in out] == [
        ("2", "error"), ("3", "ok"), ("4", "ok"), ("5", "ok")
    ]  # fmt: skip
    assert out[0]["message"] == f"the line is longer than {MAX_LINE} characters and was not read"


def test_a_json_line_nested_too_deeply_is_an_error_row(tmp_path: Path, run_batch: RunBatch) -> None:
    first = '{"drug": "oxycodone", "dose": "20 mg x2", "route": "po", "target": "morphine", '
    first += '"target_route": "sc"}\n'
    path = tmp_path / "in.jsonl"
    path.write_text(first + "[" * 8000 + "]" * 8000 + "\n" + first)
    result = run_batch(str(path), "--format", "jsonl")
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines() if line]
    assert [(r["line"], r["status"]) for r in out] == [(1, "ok"), (2, "error"), (3, "ok")]
    error = out[1]["error"]
    assert error == {"code": "batch.row_json", "message": "not a JSON object: nested too deeply"}
    # the rows around it are converted in full: 40 mg oral oxycodone a day is 60 mg oral
    # morphine (1.5), a third of it subcutaneously
    for row in (out[0], out[2]):
        assert row["target"]["equianalgesic_daily_dose"] == {"value": 20, "unit": "mg/24h"}


def test_a_reduce_cell_with_a_huge_exponent(tmp_path: Path, run_batch: RunBatch) -> None:
    path = in_csv(tmp_path, ROW.format(n=1).replace(",,\n", ",,1e30000000\n"), ROW.format(n=2))
    out = output(run_batch(str(path)).stdout_bytes)  # how fast: bench/fuzz (b-reduce.csv)
    assert [r["status"] for r in out] == ["error", "ok"]
    assert (
        out[0]["message"]
        == "reduce: --reduce '1e30000000' is not a number: write a percent such as 25"
    )


@pytest.mark.parametrize(
    "name",
    ["rot13", "hex", "base64", "zlib", "uu", "bz2", "quopri", "idna", "punycode", "undefined"],
)
def test_an_encoding_that_does_not_read_text_is_refused(
    tmp_path: Path, run_batch: RunBatch, name: str
) -> None:
    path = in_csv(tmp_path, ROW.format(n=1))
    result = run_batch(str(path), "--encoding", name)
    assert result.exit_code == 1
    assert result.stderr == (
        f"lindring: error: --encoding '{name}' does not read text files: "
        "try utf-8, cp1252 or utf-16\n"
    )


@pytest.mark.parametrize("name", ["utf-16", "UTF16", "utf-32"])
def test_utf16_without_a_byte_order_mark_asks_for_the_byte_order(
    tmp_path: Path, run_batch: RunBatch, name: str
) -> None:
    path = in_csv(tmp_path, ROW.format(n=1), encoding="utf-16-le")
    result = run_batch(str(path), "--encoding", name)
    assert result.exit_code == 1
    base = codecs.lookup(name).name
    assert f"give {base}-le or {base}-be" in result.stderr
    assert run_batch(str(path), "--encoding", "utf-16-le").exit_code == 0
    path.write_bytes(codecs.BOM_UTF16_LE + (HEADER + ROW.format(n=1)).encode("utf-16-le"))
    assert run_batch(str(path), "--encoding", "utf-16").exit_code == 0


@pytest.mark.parametrize("kind", ["directory", "devzero", "fifo", "loop", "missing"])
def test_an_input_that_is_not_a_file_is_refused_at_once(
    tmp_path: Path, run_batch: RunBatch, kind: str
) -> None:
    path = odd_path(tmp_path, kind, "in.csv")
    result = run_batch(str(path))  # never waits on a FIFO or reads /dev/zero: bench/fuzz
    assert result.exit_code == 1
    expected = {
        "directory": "not a file or a pipe",
        "devzero": "not a file or a pipe",
        "fifo": "is empty",  # no one writes to it: read as empty, never waited for
        "loop": "too many levels of symbolic links",
        "missing": "no such file or directory",
    }[kind]
    assert expected in result.stderr
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize(("given", "said"), [("en", "interrupted"), (None, "avbrutt")])
def test_sigterm_removes_the_partial_output(tmp_path: Path, given: str | None, said: str) -> None:
    """Run as a real process: the input is a pipe kept open, so the run is mid-file. With
    no language given, the file's Norwegian column names make the run, and its last
    word, Norwegian."""
    out = tmp_path / "out.csv"
    command = [sys.executable, "-m", "lindring", "batch", "-", "-o", str(out)]
    command += ["--tables", str(TABLES_DIR)]
    env = {k: v for k, v in os.environ.items() if k not in ("LINDRING_LANG", "LANG", "LC_ALL")}
    env.update({"PYTHONPATH": str(REPO / "src"), "LANG": "C"})
    if given is not None:
        env["LINDRING_LANG"] = given
    process = subprocess.Popen(
        command, stdin=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp_path
    )
    assert process.stdin is not None
    header = (
        HEADER if given else "id,legemiddel,dose,vei,til,tilvei,forskrevet,intervall,reduksjon\n"
    )
    process.stdin.write((header + "".join(rows(25_000))).encode())  # past the first megabyte
    process.stdin.flush()
    deadline = time.monotonic() + 20
    while not list(tmp_path.glob(".out.csv.*.part")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(tmp_path.glob(".out.csv.*.part")), "the run did not start writing"
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=20)
    assert process.returncode == 130
    assert stderr.decode().endswith(f"lindring: {said}\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("kind", ["long name", "directory", "missing folder"])
def test_an_output_that_cannot_be_written_is_an_input_error(
    tmp_path: Path, run_batch: RunBatch, kind: str
) -> None:
    path = in_csv(tmp_path, ROW.format(n=1))
    target = {
        "long name": str(tmp_path / ("x" * 5000)),
        "directory": str(tmp_path),
        "missing folder": str(tmp_path / "no" / "out.csv"),
    }[kind]
    result = run_batch(str(path), "-o", target, "--overwrite")
    assert result.exit_code == 1
    last = result.stderr.splitlines()[-1]
    assert last.startswith("lindring: error: cannot write ") and len(last) < 500
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]
