"""Splitting CSV lines into rows, fast where it can be and exact everywhere.

A line without a quote mark is split at the delimiter with ``str.split``, which gives
exactly the cells Python's csv module gives for it (it can hold no quoted delimiter
and no line break); a line with a quote mark is handed to the csv module, which reads
on over as many lines as its quoted cells need. Each row carries the physical lines it
starts and ends on. ``tests/batch/test_csv_split.py`` checks the two ways agree.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator

from lindring.batch import RawRow, RowError

_new = tuple.__new__  # RawRow without NamedTuple's slower __new__ (every row)


class _Feed:
    """The lines the csv module reads: the line that needed it, then as many more as
    its quoted cells run over (counted, for the line numbers)."""

    def __init__(self, lines: Iterator[str]) -> None:
        self.lines = lines
        self.first: str | None = None
        self.taken = 0

    def __iter__(self) -> _Feed:
        return self

    def __next__(self) -> str:
        self.taken += 1
        if self.first is not None:
            line, self.first = self.first, None
            return line
        return next(self.lines)


def csv_rows(
    lines: Iterator[str],
    delimiter: str,
    first: int,
    decode_failed: Callable[[int], Exception],
) -> Iterator[RawRow]:
    """The rows of ``lines`` (the first is physical line ``first``); a blank line is an
    empty row; a record the csv module cannot read is a row error. A line that cannot be
    decoded raises ``decode_failed(line)``."""
    feed = _Feed(lines)
    reader = csv.reader(feed, delimiter=delimiter)
    number = first - 1
    while True:
        try:
            line = next(lines)
        except StopIteration:
            return
        except UnicodeDecodeError as exc:
            raise decode_failed(failed_line(number, exc)) from None
        number += 1
        if '"' not in line:
            text = line.rstrip("\r\n")
            yield _new(RawRow, (number, number, text.split(delimiter) if text else [], None))
            continue
        feed.first, feed.taken = line, 0
        start = number
        try:
            cells = next(reader)
        except UnicodeDecodeError as exc:
            raise decode_failed(failed_line(number + feed.taken - 1, exc)) from None
        except (csv.Error, StopIteration) as exc:
            number += max(feed.taken - 1, 0)
            yield RawRow(start, number, [], RowError("batch.row_csv", {"detail": str(exc)}))
            continue
        number += feed.taken - 1
        yield RawRow(start, number, cells)


def failed_line(read: int, exc: UnicodeDecodeError) -> int:
    """The line a decoding error is on, ``read`` lines having been read whole: the text
    is decoded a block at a time, so count the line breaks in the block before the error."""
    return read + 1 + bytes(exc.object[: exc.start]).count(b"\n")
