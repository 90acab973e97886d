"""Splitting CSV lines into rows, fast where it can be and exact everywhere.

A line without a quote mark is split at the delimiter with ``str.split``, which gives
exactly the cells Python's csv module gives for it (it can hold no quoted delimiter
and no line break); a line with a quote mark is handed to the csv module, which reads
on over as many lines as its quoted cells need. Each row carries the physical lines it
starts and ends on. ``tests/batch/test_csv_split.py`` checks the two ways agree.

A quote mark without its pair would make the csv module read on to the next quote mark,
perhaps thousands of lines later, and swallow every row in between. So a quoted cell
that runs over several lines is kept only when it is quoted by the book (read with
``strict=True``: its closing quote ends the cell), its row has the header's number of
fields, it holds no undecodable byte and it is at most
:data:`~lindring.batch.lines.MAX_LINE` characters long. Otherwise the line it starts on
is an error row that names the lines the quote ran over, and each of those lines is read
again on its own, as a row of its own: every physical line of the file is accounted for
by exactly one row. A line that is not quoted by the book but ends its row on that line
is read as the csv module reads it.
"""

from __future__ import annotations

import csv
from collections import deque
from collections.abc import Callable, Iterable, Iterator

from lindring.batch.engine import RawRow, RowError
from lindring.batch.lines import MAX_LINE, line_error, marked
from lindring.batch.types import Run, Segment

_new = tuple.__new__  # RawRow without NamedTuple's slower __new__ (every row)
#: the most lines one :class:`Run` holds
RUN = 1000


class _Feed:
    """The lines the csv module reads: the line that needed it, then as many more as its
    quoted cells run over, up to :data:`MAX_LINE` characters in all (kept, to be read
    again if the row turns out broken)."""

    def __init__(self, lines: Iterator[str]) -> None:
        self.lines = lines
        self.taken: list[str] = []
        self.size = 0
        self.held: str | None = None  # the line after a record cut short, not yet read

    def start(self, line: str) -> None:
        self.taken, self.size, self.held = [], 0, None
        self._first: str | None = line

    def __iter__(self) -> _Feed:
        return self

    def __next__(self) -> str:
        if self._first is not None:
            line, self._first = self._first, None
        else:
            line = next(self.lines)
            if self.size + len(line) > MAX_LINE:
                self.held = line
                raise StopIteration
        self.taken.append(line)
        self.size += len(line)
        return line

    @property
    def cut(self) -> bool:
        return self.held is not None


def expand(segments: Iterable[Segment]) -> Iterator[RawRow]:
    """Segments as rows, one per line of each :class:`Run`."""
    for segment in segments:
        if isinstance(segment, Run):
            numbers, texts, delimiter = segment
            for number, text in zip(numbers, texts, strict=True):
                yield _new(RawRow, (number, number, text.split(delimiter), None))
        else:
            yield segment


def csv_segments(
    lines: Iterator[str],
    delimiter: str,
    first: int,
    decode_failed: Callable[[int], Exception],
    encoding: str = "utf-8",
    run: int = RUN,
) -> Iterator[Segment]:
    """The rows of ``lines`` (the first is physical line ``first``, the header); a blank
    line is an empty row; a line that cannot be read is a row error. A decoder that
    fails outright (not byte by byte) raises ``decode_failed(line)``. The lines that need
    no csv module (no quote mark, nothing undecodable, not blank) after the header come
    together, up to ``run`` at a time, as a :class:`Run` of their texts (:func:`expand`
    gives them as rows)."""
    feed = _Feed(lines)
    reader = csv.reader(feed, delimiter=delimiter, strict=True)
    width = -1  # the header's number of fields, once it is read
    number = first - 1
    alone: deque[str] = deque()  # lines of a broken quoted row, each read on its own
    back: list[str] = []  # a line read ahead, to be read as usual
    while True:
        single = bool(alone)
        if single or back:
            line = alone.popleft() if single else back.pop()
            number += 1
        else:
            texts: list[str] = []  # the usual lines: no quote mark, nothing undecodable
            add = texts.append
            try:
                for line in lines:
                    number += 1
                    if '"' in line or (not line.isascii() and marked(line) is not None):
                        break
                    text = line.rstrip("\r\n")
                    if not text or width < 0:  # a blank line, or the header: on its own
                        break
                    add(text)
                    if len(texts) == run:
                        yield _new(Run, (range(number - run + 1, number + 1), texts, delimiter))
                        texts = []
                        add = texts.append
                else:
                    if texts:
                        yield _new(
                            Run, (range(number - len(texts) + 1, number + 1), texts, delimiter)
                        )
                    return
            except UnicodeError:
                raise decode_failed(number + 1) from None
            if texts:
                yield _new(Run, (range(number - len(texts), number), texts, delimiter))
        if not line.isascii() and (error := line_error(line, encoding)) is not None:
            yield _new(RawRow, (number, number, [], error))
            continue
        if '"' not in line:
            text = line.rstrip("\r\n")
            cells = text.split(delimiter) if text else []
            width = len(cells) if width < 0 else width
            yield _new(RawRow, (number, number, cells, None))
            continue
        if single:
            yield _one_line(number, line, delimiter)
            continue
        feed.start(line)
        found = _record(reader, feed, number, decode_failed)
        taken, start = feed.taken, number
        if len(taken) == 1 and not feed.cut:
            row = (
                _one_line(start, line, delimiter)
                if found is None
                else _checked(start, found, line, delimiter)
            )
            width = len(row.cells) if width < 0 and row.error is None else width
            yield row
            continue
        number += len(taken) - 1
        whole = width < 0 or (found is not None and len(found) == width)
        if found is not None and whole and not feed.cut and not _undecodable(taken, encoding):
            width = len(found) if width < 0 else width
            yield RawRow(start, number, found)
            continue
        end, number = number, start
        error = RowError("batch.row_quote", {"start": start, "end": end})
        yield RawRow(start, start, _as_text(line, delimiter), error)
        alone.extend(taken[1:])
        back.extend([feed.held] if feed.held is not None else [])


def _record(
    reader: Iterator[list[str]], feed: _Feed, number: int, decode_failed: Callable[[int], Exception]
) -> list[str] | None:
    """The next record, read by the book; ``None`` when it is not quoted by the book."""
    try:
        return next(reader)
    except UnicodeError:
        raise decode_failed(number + len(feed.taken)) from None
    except csv.Error:
        return None


def _one_line(number: int, line: str, delimiter: str) -> RawRow:
    """A line read on its own, never running on into the next."""
    try:
        cells = next(csv.reader([line], delimiter=delimiter))
    except (csv.Error, StopIteration) as exc:
        return RawRow(number, number, [], RowError("batch.row_csv", {"detail": str(exc)}))
    return _checked(number, cells, line, delimiter)


def _checked(number: int, cells: list[str], line: str, delimiter: str) -> RawRow:
    """A one-line row; a line break in a cell means a quote mark was left open."""
    if any("\n" in cell or "\r" in cell for cell in cells):
        return RawRow(number, number, _as_text(line, delimiter), RowError("batch.row_quote_line"))
    return RawRow(number, number, cells)


def _as_text(line: str, delimiter: str) -> list[str]:
    """A line that is not read as CSV, cut at its delimiters only, to be shown as it is."""
    return line.rstrip("\r\n").split(delimiter)


def _undecodable(lines: list[str], encoding: str) -> bool:
    return any(line_error(line, encoding) is not None for line in lines)


def failed_line(read: int, exc: UnicodeDecodeError) -> int:
    """The line a decoding error is on, ``read`` lines having been read whole: the text
    is decoded a block at a time, so count the line breaks in the block before the error."""
    return read + 1 + bytes(exc.object[: exc.start]).count(b"\n")
