"""Whatever mix of good and bad rows a file holds, the summary's counts add up to the rows
read and the output has one line per row that is not empty."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lindring.batch.engine import Batch
from lindring.batch.jobs import Plan, chunks, segment_chunks
from lindring.batch.read import Reader
from lindring.batch.run import run
from lindring.batch.summary import STATUSES, VERDICTS, Summary
from lindring.batch.types import Run, Segment
from lindring.batch.write import CsvRows, output_format
from lindring.model import Tables
from lindring.table.load import load_tables

from ..conftest import TABLES_DIR

HEADER = "id;legemiddel;dose;vei;til;tilvei;forskrevet"
GOOD = [
    "1;oksykodon;20 mg x2;po;morfin;sc;15 mg",
    "2;oksykodon;20 mg x2;po;morfin;sc;",
    "3;morfin;60 mg/døgn;po;oksykodon;po;60 mg",
    "4;morfin;90 mg x2;po;fentanyl;td;12 mcg/t",
    "5;hydromorfon;4 mg x2;po;morfin;sc;2 mg",
    "6;metadon;30 mg;po;morfin;po;",
]
BAD = [
    "7;morfn;30 mg;po;oksykodon;po;",
    "8;oksykodon;40;po;morfin;sc;",
    "9;oksykodon;;po;morfin;sc;",
    "10;oksykodon;20 mg",
    "11;oksykodon;20 mg;po;morfin;sc;;;",
    '12;"oksykodon',  # a quote mark without its pair: the lines after it are read alone
    "13;oksykodon;20 mg x2;po;morfin;sc;15",
    '14;=HYPERLINK("x");20 mg;po;morfin;sc;',
]
EMPTY = ["", ";;;;;;", "   "]
lines = st.lists(st.sampled_from(GOOD + BAD + EMPTY), max_size=40)


def summarize_file(tables: Tables, path: Path, jobs: int = 1) -> tuple[Summary, str]:
    out = io.StringIO()
    with Reader(str(path)) as reader:
        plan = Plan(tables, reader.layout.columns, output_format(reader.layout, None), "en")
        summary = run(plan, reader.rows(), out.write, None, jobs, chunk=7)
    return summary, out.getvalue()


TABLE = load_tables(str(TABLES_DIR))


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
@given(body=lines)
def test_the_counts_always_add_up(tmp_path: Path, body: list[str]) -> None:
    path = tmp_path / "mix.csv"
    path.write_bytes(("\r\n".join([HEADER, *body]) + "\r\n").encode("utf-8-sig"))
    summary, output = summarize_file(TABLE, path)
    assert summary.rows == len(body)  # every physical line is one row: none is swallowed
    assert sum(summary.count(s) for s in STATUSES) == summary.rows
    assert sum(summary.count(v) for v in VERDICTS) == summary.count("ok")
    written = list(csv.reader(io.StringIO(output, newline=""), delimiter=";"))
    assert len(written) - 1 == summary.rows - summary.count("empty")
    statuses = [row[8] for row in written[1:]]
    for status in ("ok", "error", "refused"):
        assert statuses.count(status) == summary.count(status)
    flagged = ("error", "refused", "above", "above_sources")
    assert summary.flagged is bool(sum(summary.count(k) for k in flagged))
    assert sum(summary.counts.values()) == summary.rows + summary.count("ok")


def test_the_summary_reads_well(tables: Tables, tmp_path: Path) -> None:
    path = tmp_path / "mix.csv"
    bad = [line for line in BAD if '"oksykodon' not in line]
    path.write_bytes(("\r\n".join([HEADER, *GOOD, *bad, *EMPTY]) + "\r\n").encode())
    summary, _ = summarize_file(tables, path)
    report = summary.report("en")
    assert report[0] == "16 rows: 5 converted, 7 with errors, 1 refused, 3 empty lines skipped"
    assert report[1].startswith("checked against the prescribed dose: ")
    assert report[1].endswith("; 1 without a prescribed dose")
    assert "errors on line(s) 8, 9, 10, 11, 12, 13, 14" in report
    assert "refused on line(s) 7" in report


def _by_outcomes(
    tables: Tables, path: Path, chunk: int, choice: str | None = None
) -> tuple[list[str], Summary]:
    """The output lines and counts of ``path`` made the long way: an outcome per row,
    formatted by ``CsvRows.lines`` and counted by ``Summary.add_chunk``."""
    with Reader(str(path)) as reader:
        columns, fmt = reader.layout.columns, output_format(reader.layout, choice)
        batch, rows = Batch(tables, columns), CsvRows(fmt, columns, "en")
        lines: list[str] = []
        total = Summary()
        for part in chunks(reader.rows(), chunk):
            outcomes = list(map(batch.outcome, part))
            lines.extend(rows.lines(outcomes))
            counted = Summary()
            counted.add_chunk(outcomes)
            total.merge(counted)
    return lines, total


def _by_convert(
    path: Path,
    choice: str | None,
    parts: Callable[[Reader], Iterable[Sequence[Segment]]],
    total: Summary | None = None,
) -> tuple[list[str], Summary]:
    """The output lines and counts of ``path`` made by ``CsvRows.convert``, one call per
    part of what ``parts`` takes from the reader."""
    total = total or Summary()
    found: list[str] = []
    with Reader(str(path)) as reader:
        columns, fmt = reader.layout.columns, output_format(reader.layout, choice)
        batch, rows = Batch(TABLE, columns), CsvRows(fmt, columns, "en")
        for part in parts(reader):
            done, summary = rows.convert(batch, part)
            found.extend(done)
            total.merge(summary)
    return found, total


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
@given(body=lines, chunk=st.integers(1, 9), keep=st.integers(1, 3))
def test_the_fast_path_writes_and_counts_as_the_outcomes_do(
    tmp_path: Path, body: list[str], chunk: int, keep: int
) -> None:
    """``CsvRows.convert`` (one look-up per row seen before, no outcome per row) gives the
    lines, the counts and the first lines of each kind that outcomes give."""
    path = tmp_path / "mix.csv"
    path.write_bytes(("\r\n".join([HEADER, *body]) + "\r\n").encode("utf-8-sig"))
    expected, counted = _by_outcomes(TABLE, path, chunk)
    found, total = _by_convert(
        path, None, lambda reader: chunks(reader.rows(), chunk), Summary(keep=keep)
    )
    assert found == expected
    assert total.rows == counted.rows == len(body)
    assert total.counts == {k: v for k, v in counted.counts.items() if v}
    for kind, first in counted.lines.items():
        assert total.lines.get(kind, []) == first[:keep]


def _smaller_runs(segments: Iterable[Segment], size: int) -> Iterator[Segment]:
    for segment in segments:
        if isinstance(segment, Run):
            for at in range(0, len(segment.texts), size):
                texts = segment.texts[at : at + size]
                yield Run(segment.numbers[at : at + size], texts, segment.delimiter)
        else:
            yield segment


def _commented(line: str) -> str:
    return f"{line};note" if line.strip() else line


def _framed(line: str) -> str:
    return f";{line};;" if line.strip() else line


def _swapped(line: str) -> str:
    cells = line.split(";")
    return ";".join([*cells[1:2], *cells[:1], *cells[2:]])


#: the same rows laid out as read (key cells together after the first column), with a
#: column after the key cells, and with a column among them (cut apart, not sliced)
LAYOUTS = {
    "as read": (HEADER, str),
    "a comment last": (HEADER + ";kommentar", _commented),
    "the id among the key cells": (_swapped(HEADER), _swapped),
    "two columns before and after": ("avdeling;" + HEADER + ";kommentar;x", _framed),
}


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
@given(
    body=lines,
    chunk=st.integers(1, 9),
    size=st.integers(1, 4),
    choice=st.sampled_from([None, "csv", "xlsx-friendly"]),
    layout=st.sampled_from(sorted(LAYOUTS)),
)
def test_runs_of_plain_lines_write_and_count_as_the_outcomes_do(
    tmp_path: Path, body: list[str], chunk: int, size: int, choice: str | None, layout: str
) -> None:
    """The reader's runs of plain lines (of any length, written with the delimiter they
    were read with or another, the key cells cut from the line or split from it) give
    the lines and counts that an outcome per row gives."""
    header, lay = LAYOUTS[layout]
    path = tmp_path / "mix.csv"
    text = "\r\n".join([header, *map(lay, body)]) + "\r\n"
    path.write_bytes(text.encode("utf-8-sig"))
    expected, counted = _by_outcomes(TABLE, path, chunk, choice)
    found, total = _by_convert(
        path, choice, lambda reader: segment_chunks(_smaller_runs(reader.segments(), size), chunk)
    )
    assert found == expected
    assert total.rows == counted.rows == len(body)
    assert total.counts == {k: v for k, v in counted.counts.items() if v}
    assert {k: v for k, v in total.lines.items() if v} == {
        k: v for k, v in counted.lines.items() if v
    }
