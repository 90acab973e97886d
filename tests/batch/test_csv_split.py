"""The fast path (``str.split`` for lines without quote marks) gives exactly the rows
Python's csv module gives, with the right physical line numbers; a quote mark without
its pair costs its own line and no other."""

from __future__ import annotations

import csv
import io
from itertools import pairwise

from hypothesis import assume, given
from hypothesis import strategies as st

from lindring.batch.csv_split import csv_segments, expand
from lindring.batch.engine import RawRow
from lindring.batch.types import Run

cells = st.text(alphabet=st.sampled_from(list('ab ;,\t"\r\nøµ=-')), max_size=6)
# a table: every row has the header's number of fields
rows = st.integers(1, 5).flatmap(
    lambda width: st.lists(st.lists(cells, min_size=width, max_size=width), max_size=8)
)


def split(text: str, delimiter: str) -> list[tuple[int, int, list[str]]]:
    return [(r.line, r.end, r.cells) for r in read(text, delimiter)]


def read(text: str, delimiter: str) -> list[RawRow]:
    lines = iter(io.StringIO(text, newline=""))
    return list(expand(csv_segments(lines, delimiter, 1, ValueError)))


def physical(text: str) -> list[str]:
    return io.StringIO(text, newline="").readlines()


def assert_every_line_once(found: list[tuple[int, int, list[str]]], text: str) -> None:
    """The rows cover the physical lines 1..N in order, each once, without gaps."""
    if found:
        assert found[0][0] == 1 and found[-1][1] == len(physical(text))
    for (_, end_line, _), (start, _, _) in pairwise(found):
        assert start == end_line + 1


@given(rows, st.sampled_from([";", ",", "\t"]), st.sampled_from(["\r\n", "\n", "\r"]))
def test_rows_written_by_the_csv_module_read_back_the_same(
    table: list[list[str]], delimiter: str, end: str
) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=end).writerows(table)
    text = buffer.getvalue()
    expected = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    assume(len({len(record) for record in expected}) <= 1)  # a lone \r is left unquoted
    found = split(text, delimiter)
    assert [cells for _, _, cells in found] == expected
    assert_every_line_once(found, text)


@given(st.text(alphabet=st.sampled_from(list('ab;"\r\n ')), max_size=40))
def test_any_text_keeps_every_line(text: str) -> None:
    found = read(text, ";")
    assert_every_line_once([(r.line, r.end, r.cells) for r in found], text)
    lines = physical(text)
    for row in found:
        if row.error is None and row.line == row.end:  # a line read alone, as csv reads it
            assert [row.cells] == list(csv.reader([lines[row.line - 1]], delimiter=";")) or (
                row.cells == [] and not lines[row.line - 1].strip("\r\n")
            )
    if '"' not in text:
        expected = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
        assert [r.cells for r in found] == expected


def test_a_stray_quote_costs_its_own_line_only() -> None:
    body = ["1;a;b", '2;"a;b', "3;a;b", "4;a;b", '5;"x', '6;y"', "7;a;b"]
    found = read("h;x;y\n" + "\n".join(body) + "\n", ";")
    assert [(r.line, r.end) for r in found] == [(n, n) for n in range(1, 9)]
    errors = {r.line: r.error.code for r in found if r.error is not None}
    # line 3 opens a cell that line 6 closes badly; line 6, read alone, is open at its end
    assert errors == {3: "batch.row_quote", 6: "batch.row_quote_line"}
    first = found[2].error
    assert first is not None and first.params == {"start": 3, "end": 6}
    assert found[6].cells == ["6", 'y"']  # a quote inside an unquoted cell is text
    assert [r.cells[0] for r in found if r.error is None][1:] == ["1", "3", "4", "6", "7"]


def test_a_quoted_cell_over_two_lines_is_kept_when_the_row_is_whole() -> None:
    found = read('h;x;y\n1;"two\nlines";b\n2;a;b\n', ";")
    assert [(r.line, r.end, r.cells) for r in found][1:] == [
        (2, 3, ["1", "two\nlines", "b"]),
        (4, 4, ["2", "a", "b"]),
    ]


def test_a_quote_open_at_the_end_of_the_file_is_an_error_of_its_line() -> None:
    found = read('h;x;y\n1;a;b\n2;"a;b\n', ";")
    assert [(r.line, r.end) for r in found] == [(1, 1), (2, 2), (3, 3)]
    assert found[2].error is not None and found[2].error.code == "batch.row_quote_line"


@given(
    st.text(alphabet=st.sampled_from(list('ab;"\r\n ')), max_size=40),
    st.integers(1, 4),
)
def test_runs_hold_the_rows_the_csv_module_need_not_read(text: str, size: int) -> None:
    """Runs of plain lines (at most ``size`` each) expand to exactly the rows read one
    by one, and hold no quote mark, no blank line and not the header."""
    lines = iter(io.StringIO(text, newline=""))
    segments = list(csv_segments(lines, ";", 1, ValueError, run=size))
    assert list(expand(segments)) == read(text, ";")
    for segment in segments:
        if isinstance(segment, Run):
            assert 1 <= len(segment.texts) == len(segment.numbers) <= size
            assert segment.numbers[0] > 1
            assert all(t and '"' not in t and "\r" not in t for t in segment.texts)
