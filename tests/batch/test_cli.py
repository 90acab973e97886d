"""``lindring batch`` as a user meets it: files and pipes, formats, never writing over
what it should not, the formula guard, --jobs, and the exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from lindring.batch.columns import map_columns
from lindring.batch.engine import RawRow
from lindring.batch.jobs import router
from lindring.batch.run import open_output
from lindring.batch.write import OutputFormat, guard

from ..conftest import TABLES_DIR
from .conftest import EN_HEADER, NO_HEADER, RunBatch, csv_bytes, read_back, write

CLEAN = [
    NO_HEADER,
    ["1", "oksykodon", "20 mg x2", "po", "morfin", "sc", "14 mg"],
    ["2", "morfin", "10 mg q4h", "po", "hydromorfon", "po", ""],
]


def test_a_clean_file_exits_0_and_writes_beside_nothing_else(
    tmp_path: Path, run_batch: RunBatch
) -> None:
    source = write(tmp_path / "in.csv", CLEAN)
    result = run_batch(str(source), "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "out.csv"]  # no temp left
    assert "2 rows: 2 converted, 0 with errors" in result.stderr
    assert "1 within, 0 below" in result.stderr


def test_stdin_to_stdout_with_a_dash(run_batch: RunBatch) -> None:
    result = run_batch("-", stdin=csv_bytes(CLEAN))
    assert result.exit_code == 0, result.stderr
    rows = read_back(result.stdout_bytes)
    assert [r["id"] for r in rows] == ["1", "2"]
    assert result.stdout_bytes.startswith(b"\xef\xbb\xbfid;legemiddel")  # BOM kept, as read
    again = run_batch("-", "-o", "-", stdin=csv_bytes(CLEAN))
    assert again.stdout_bytes == result.stdout_bytes


def test_an_existing_output_is_refused_without_overwrite(
    tmp_path: Path, run_batch: RunBatch
) -> None:
    source = write(tmp_path / "in.csv", CLEAN)
    target = tmp_path / "out.csv"
    target.write_text("keep me", encoding="utf-8")
    result = run_batch(str(source), "-o", str(target))
    assert result.exit_code == 1
    assert "exists: give --overwrite" in result.stderr
    assert target.read_text(encoding="utf-8") == "keep me"
    assert run_batch(str(source), "-o", str(target), "--overwrite").exit_code == 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbfid;")


def test_the_input_is_never_written_over(tmp_path: Path, run_batch: RunBatch) -> None:
    source = write(tmp_path / "in.csv", CLEAN)
    before = source.read_bytes()
    for target in (str(source), str(tmp_path / "." / "in.csv")):
        result = run_batch(str(source), "-o", target, "--overwrite")
        assert result.exit_code == 1
        assert "never writes over its input" in result.stderr
    assert source.read_bytes() == before


def test_an_interrupted_run_leaves_no_half_file(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    with (
        pytest.raises(KeyboardInterrupt),
        open_output(
            str(target),
            OutputFormat("csv"),
            False,
            "-",
            None,  # type: ignore[arg-type]
        ) as out,
    ):
        out.write("half a row;")
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_formula_cells_are_made_text(tmp_path: Path, run_batch: RunBatch) -> None:
    rows = [
        [*NO_HEADER, "kommentar"],
        ["=1+2", "oksykodon", "20 mg x2", "po", "morfin", "sc", "", '=HYPERLINK("http://x")'],
        ["@SUM(A1)", "oksykodon", "20 mg x2", "po", "morfin", "sc", "", "+47 123"],
        ["-2", "oksykodon", "20 mg x2", "po", "morfin", "sc", "", "\tfane"],
        ["ok", "=cmd|' /C calc'!A0", "20 mg", "po", "morfin", "sc", "", "-1+1"],
    ]
    source = write(tmp_path / "in.csv", rows)
    result = run_batch(str(source), "-o", str(tmp_path / "out.csv"))
    out = read_back((tmp_path / "out.csv").read_bytes())
    assert [r["id"] for r in out] == ["'=1+2", "'@SUM(A1)", "-2", "ok"]  # a plain number stays
    assert [r["kommentar"] for r in out] == [
        "'=HYPERLINK(\"http://x\")", "'+47 123", "'\tfane", "'-1+1",
    ]  # fmt: skip
    assert out[3]["legemiddel"] == "'=cmd|' /C calc'!A0"
    assert not out[3]["melding"].startswith(("=", "+", "-", "@"))
    assert result.exit_code == 1  # the unknown drug


@pytest.mark.parametrize("cell", ["=1", "+1", "-x", "@x", "\tx", "\rx", "=", "-1+2", "--1"])
def test_guard_prefixes_what_a_spreadsheet_would_run(cell: str) -> None:
    assert guard(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["", "x", "-1", "-2,5", "-0.25", "1=1", " =x", "'=x"])
def test_guard_leaves_the_rest(cell: str) -> None:
    assert guard(cell) == cell


@pytest.mark.parametrize(
    ("options", "delimiter", "encoding", "decimal"),
    [
        ((), ";", "utf-8-sig", ","),  # the input's own dialect
        (("--format", "csv"), ",", "utf-8", "."),
        (("--format", "xlsx-friendly"), ";", "utf-8-sig", ","),
    ],
)
def test_output_formats(
    tmp_path: Path, run_batch: RunBatch, options: tuple[str, ...], delimiter: str,
    encoding: str, decimal: str,
) -> None:  # fmt: skip
    source = write(tmp_path / "in.csv", CLEAN)
    result = run_batch(str(source), *options)
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes.startswith(b"\xef\xbb\xbf") is (encoding == "utf-8-sig")
    rows = read_back(result.stdout_bytes, delimiter, encoding)
    dose = rows[0]["dose_per_gang"]
    assert decimal in dose, dose  # 2.5 mg every 4 hours


def test_comma_files_keep_a_decimal_point(tmp_path: Path, run_batch: RunBatch) -> None:
    rows = [EN_HEADER, ["1", "oxycodone", "20 mg x2", "po", "morphine", "sc", ""]]
    result = run_batch(str(write(tmp_path / "in.csv", rows, delimiter=",", encoding="utf-8")))
    out = read_back(result.stdout_bytes, ",", "utf-8")
    assert out[0]["dose_each"] == "2.5"
    assert list(out[0])[7:10] == ["line", "status", "verdict"]  # English result columns


def test_unknown_options_are_explained(tmp_path: Path, run_batch: RunBatch) -> None:
    source = write(tmp_path / "in.csv", CLEAN)
    assert "use csv, jsonl or xlsx-friendly" in run_batch(str(source), "--format", "x").stderr
    assert "--jobs must be 1 to 64" in run_batch(str(source), "--jobs", "-1").stderr
    assert "--jobs must be 1 to 64" in run_batch(str(source), "--jobs", "100000").stderr


def test_an_invalid_table_exits_4_before_anything_is_written(
    tmp_path: Path, run_batch: RunBatch
) -> None:
    broken = tmp_path / "tables"
    shutil.copytree(TABLES_DIR, broken)
    table = broken / "opioids.yaml"
    table.write_text(table.read_text(encoding="utf-8") + "\nnonsense: [\n", encoding="utf-8")
    source = write(tmp_path / "in.csv", CLEAN)
    result = run_batch(str(source), "-o", str(tmp_path / "out.csv"), "--tables", str(broken))
    assert result.exit_code == 4
    assert not (tmp_path / "out.csv").exists()


def test_above_the_equianalgesic_dose_exits_1_and_says_so_loudly(
    tmp_path: Path, run_batch: RunBatch
) -> None:
    # oxycodone 40 mg po -> hydromorphone sc: 4 mg equianalgesic (sources up to 5.33);
    # 5 mg is 125 % of it, above the equianalgesic dose
    rows = [NO_HEADER, ["1", "oksykodon", "20 mg x2", "po", "hydromorfon", "sc", "5 mg"]]
    result = run_batch(str(write(tmp_path / "in.csv", rows)), "--lang", "nb")
    assert result.exit_code == 1
    assert "OVER EKVIANALGETISK DOSE på linje 2" in result.stderr
    out = read_back(result.stdout_bytes)
    assert out[0]["vurdering"] == "over"
    assert out[0]["prosent_av_ekvianalgetisk"] == "125"
    assert out[0]["melding"].startswith("OVER EKVIANALGETISK DOSE")


def test_jobs_keep_the_input_order(tmp_path: Path, run_batch: RunBatch) -> None:
    drugs = [("oksykodon", "po"), ("morfin", "po"), ("hydromorfon", "po"), ("morfin", "sc")]
    rows = [NO_HEADER]
    for n in range(3000):
        drug, route = drugs[n % 4]
        rows.append([str(n), drug, f"{n % 37 + 1} mg x2", route, "morfin", "sc", ""])
        if n % 500 == 0:
            rows.append(["", "", "", "", "", "", ""])
            rows.append([str(n), "morfn", "1 mg", "po", "morfin", "sc", ""])
    source = write(tmp_path / "in.csv", rows)
    one = run_batch(str(source), "-o", str(tmp_path / "one.csv"), "--jobs", "1")
    two = run_batch(str(source), "-o", str(tmp_path / "two.csv"), "--jobs", "2")
    assert (tmp_path / "one.csv").read_bytes() == (tmp_path / "two.csv").read_bytes()
    assert one.exit_code == two.exit_code == 1
    assert one.stderr.replace("one.csv", "X") == two.stderr.replace("two.csv", "X")
    piped = run_batch("-", "--jobs", "2", stdin=source.read_bytes())
    assert piped.stdout_bytes == (tmp_path / "one.csv").read_bytes()


@pytest.mark.parametrize("forked", [True, False])  # hash between forked workers, else CRC-32
def test_rows_of_one_conversion_go_to_one_worker(forked: bool) -> None:
    columns = map_columns(NO_HEADER)
    route = router(columns, 3, forked)
    rows = [
        RawRow(n, n, [str(n), drug, f"{dose} mg x2", "po", "morfin", "sc", given])
        for n, (drug, dose, given) in enumerate(
            (d, q, g) for d in ("oksykodon", "morfin") for q in range(1, 30) for g in ("", "9 mg")
        )
    ]
    by_conversion: dict[tuple[str, str], set[int]] = {}
    for row in rows:
        by_conversion.setdefault((row.cells[1], row.cells[2]), set()).add(route(row.cells))
    assert all(len(workers) == 1 for workers in by_conversion.values())
    assert {w for workers in by_conversion.values() for w in workers} == {0, 1, 2}
    assert route(["too", "short"]) == 0  # a malformed row: the first worker


def test_no_progress_counter_when_stderr_is_not_a_terminal(
    tmp_path: Path, run_batch: RunBatch
) -> None:
    result = run_batch(str(write(tmp_path / "in.csv", CLEAN)))
    assert "\r" not in result.stderr


def test_jsonl_in_jsonl_out(tmp_path: Path, run_batch: RunBatch) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"id": "a", "legemiddel": "oksykodon", "dose": "20 mg x2", "vei": "po", '
        '"til": "morfin", "tilvei": "sc", "forskrevet": "50 mg"}\n'
        '{"id": "b", "legemiddel": "morfn", "dose": "20 mg x2", "vei": "po", '
        '"til": "morfin", "tilvei": "sc"}\n',
        encoding="utf-8",
    )
    result = run_batch(str(source))
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["check"]["verdict"] == "above_sources"  # 250 % of 20 mg; sources up to 40
    assert first["check"]["percent_of_equianalgesic"] == 250
    assert first["check"]["prescribed"] == {"value": 50, "unit": "mg/24h"}
    assert second["status"] == "error"
    assert second["error"]["code"].startswith("unknown_drug")
    assert second["line"] == 2 and second["id"] == "b"


def test_the_progress_counter_draws_on_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    from lindring.cli.batch import Counter

    screen = io.StringIO()
    monkeypatch.setattr(sys, "stderr", screen)
    counter = Counter("en")
    counter(120_000, "nb")  # the run answers in Norwegian: so does its counter
    counter(121_000)  # within a fifth of a second: not redrawn
    counter.clear()
    drawn = screen.getvalue()
    assert drawn.startswith("\rlindring: 120000 rader")
    assert "121000" not in drawn
    assert drawn.endswith("\r") and drawn.count("\r") == 3
