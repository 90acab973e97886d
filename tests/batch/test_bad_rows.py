"""Every kind of bad row is written with its line number and its reason, and every other
row is still converted: nothing is dropped silently."""

from __future__ import annotations

from pathlib import Path

from lindring.batch.columns import map_columns
from lindring.batch.engine import Batch, RawRow
from lindring.model import Tables

from .conftest import NO_HEADER, RunBatch, read_back

HEADER = [*NO_HEADER, "intervall", "reduksjon"]
GOOD = ["ok", "oksykodon", "20 mg x2", "po", "morfin", "sc", "", "", ""]

#: (id, row or raw text, status, words the message must hold)
CASES: list[tuple[str, list[str] | str, str, str]] = [
    ("unknown drug", ["x", "morfn", "30 mg", "po", "oksykodon", "po", "", "", ""], "error",
     "unknown drug 'morfn'"),
    ("look-alike", ["x", "hydromorfin", "4 mg", "po", "morfin", "po", "", "", ""], "error",
     "times as potent"),
    ("no unit", ["x", "oksykodon", "40", "po", "morfin", "sc", "", "", ""], "error",
     "dose: '40' has no unit"),
    ("ambiguous", ["x", "oksykodon", "2.500 mg", "po", "morfin", "sc", "", "", ""], "error",
     "thousand"),
    ("excel date", ["x", "oksykodon", "01.feb", "po", "morfin", "sc", "", "", ""], "error",
     "looks like a date Excel made"),
    ("excel exponent", ["x", "oksykodon", "1,00E+03", "po", "morfin", "sc", "", "", ""],
     "error", "exponent"),
    ("missing value", ["x", "oksykodon", "", "po", "morfin", "sc", "", "", ""], "error",
     "no value in column dose"),
    ("route", ["x", "fentanyl", "25 mcg/t", "po", "morfin", "sc", "", "", ""], "error",
     "no oral route for fentanyl"),
    ("too few fields", "x;oksykodon;20 mg x2;po;morfin", "error", "expected 9 fields, found 5"),
    ("too many fields", "x;oksykodon;20 mg;po;morfin;sc;;;;extra", "error",
     "expected 9 fields, found 10"),
    ("interval", ["x", "oksykodon", "20 mg x2", "po", "morfin", "sc", "", "hver 4", ""], "error",
     "intervall: 'hver 4' is not a dose interval"),
    ("reduce", ["x", "oksykodon", "20 mg x2", "po", "morfin", "sc", "", "", "mye"], "error",
     "reduksjon: --reduce 'mye' is not a number"),
    ("prescribed", ["x", "oksykodon", "20 mg x2", "po", "morfin", "sc", "15", "", ""], "error",
     "forskrevet: '15' has no unit"),
    ("patch as mass", ["x", "morfin", "90 mg x2", "po", "fentanyl", "td", "25 mg", "", ""],
     "error", "forskrevet: a patch is prescribed as a rate"),
    ("parts", ["x", "oksykodon + fentanyl", "20 mg x2", "po", "morfin", "sc", "", "", ""],
     "error", "found 2/1/1 parts"),
    ("too long", ["x", "oksykodon", "20 mg x2" + " " * 400, "po", "morfin", "sc", "", "", ""],
     "error", "longer than 300 characters"),
    ("methadone", ["x", "metadon", "30 mg", "po", "morfin", "po", "", "", ""], "refused",
     "methadone"),
    ("transmucosal", ["x", "Abstral", "100 mcg", "sl", "morfin", "po", "", "", ""], "refused",
     "cannot be calculated"),
]  # fmt: skip


def test_a_file_with_every_kind_of_bad_row(tmp_path: Path, run_batch: RunBatch) -> None:
    lines = [";".join(HEADER), ";".join(GOOD)]
    for _, row, _, _ in CASES:
        lines.append(row if isinstance(row, str) else ";".join(row))
        lines.append(";".join(GOOD))
    lines.insert(3, "")  # an empty line
    lines.insert(4, ";;;;;;;;")  # Excel's empty row
    source = tmp_path / "bad.csv"
    source.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8-sig"))
    result = run_batch(str(source), "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 1
    rows = read_back((tmp_path / "out.csv").read_bytes())
    by_line = {int(r["linje"]): r for r in rows}
    # every good row is converted, wherever it stands
    assert [r["status"] for r in rows if r["id"] == "ok"] == ["ok"] * (len(CASES) + 1)
    bad = [r for r in rows if r["id"] == "x"]
    assert len(bad) == len(CASES)
    for (name, _, status, words), row in zip(CASES, bad, strict=True):
        assert row["status"] == status, name
        assert words in row["melding"], (name, row["melding"])
        source_line = lines.index(_raw(CASES, name)) + 1
        assert by_line[source_line] is row, name
    assert len(rows) == len(lines) - 1 - 2  # header and the two empty lines not written
    assert "2 empty lines skipped" in result.stderr
    assert f"{len(CASES) - 2} with errors, 2 refused" in result.stderr


def _raw(cases: list[tuple[str, list[str] | str, str, str]], name: str) -> str:
    row = next(r for n, r, _, _ in cases if n == name)
    return row if isinstance(row, str) else ";".join(row)


def test_a_row_with_too_few_fields_says_how_many(tables: Tables) -> None:
    batch = Batch(tables, map_columns(HEADER))
    outcome = batch.outcome(RawRow(7, 7, ["x", "oksykodon", "po"]))
    assert outcome.status == "error"
    assert outcome.result.error is not None
    assert outcome.result.error.text("en") == f"expected {len(HEADER)} fields, found 3"


def test_bad_rows_are_values_not_exceptions(tables: Tables) -> None:
    batch = Batch(tables, map_columns(HEADER))
    rows = [RawRow(n, n, row if isinstance(row, list) else row.split(";"))
            for n, (_, row, _, _) in enumerate(CASES, start=2)]  # fmt: skip
    outcomes = list(batch.outcomes(rows))
    assert [o.status for o in outcomes] == [status for _, _, status, _ in CASES]
    assert [o.line for o in outcomes] == list(range(2, len(CASES) + 2))
    for (name, _, _, _), outcome in zip(CASES, outcomes, strict=True):
        if outcome.status == "error":
            # a prescribed dose that cannot be checked leaves the conversion to be shown
            has_conversion = name in ("prescribed", "patch as mass")
            assert (outcome.conversion is not None) is has_conversion, name


def test_a_refused_conversion_keeps_its_working(tables: Tables) -> None:
    batch = Batch(tables, map_columns(HEADER))
    row = ["x", "metadon", "30 mg", "po", "morfin", "po", "", "", ""]
    outcome = batch.outcome(RawRow(2, 2, row))
    assert outcome.status == "refused"
    assert outcome.conversion is not None
    assert outcome.conversion.refusal is not None
