"""The fast path (``str.split`` for lines without quote marks) gives exactly the rows
Python's csv module gives, with the right physical line numbers."""

from __future__ import annotations

import csv
import io
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from lindring.batch_csv import csv_rows

cells = st.text(alphabet=st.sampled_from(list('ab ;,\t"\r\nøµ=-')), max_size=6)
rows = st.lists(st.lists(cells, min_size=1, max_size=5), max_size=8)


def split(text: str, delimiter: str) -> list[tuple[int, int, list[str]]]:
    lines = iter(io.StringIO(text, newline=""))
    return [(r.line, r.end, r.cells) for r in csv_rows(lines, delimiter, 1, ValueError)]


@given(rows, st.sampled_from([";", ",", "\t"]), st.sampled_from(["\r\n", "\n", "\r"]))
def test_rows_written_by_the_csv_module_read_back_the_same(
    table: list[list[str]], delimiter: str, end: str
) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=end).writerows(table)
    text = buffer.getvalue()
    expected = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    found = split(text, delimiter)
    assert [cells for _, _, cells in found] == expected
    # the line numbers cover every physical line, in order, without gaps
    lines = len(io.StringIO(text, newline="").readlines())
    assert [start for start, _, _ in found] == sorted({start for start, _, _ in found})
    if found:
        assert found[0][0] == 1 and found[-1][1] == lines
    for (_, end_line, _), (start, _, _) in pairwise(found):
        assert start == end_line + 1


@given(st.text(alphabet=st.sampled_from(list('ab;"\r\n ')), max_size=40))
def test_any_text_reads_as_the_csv_module_reads_it(text: str) -> None:
    expected = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert [cells for _, _, cells in split(text, ";")] == expected
