"""Reading batch files as Norwegian Excel writes them, and as other tools do.

The encoding and the delimiter are found by :mod:`lindring.batch.detect` (or given
with ``--encoding`` and ``--delimiter``). A file whose first line is a JSON object is
read as JSON Lines (:mod:`lindring.batch.read_jsonl`). Each row carries the physical lines
it starts and ends on (a quoted cell may hold a line break). Blank lines become empty
rows, skipped and counted; a line that cannot be read (a byte the encoding cannot
decode, a quote mark without its pair, a line too long: :mod:`lindring.batch.lines`)
becomes a row error. Everything streams: one block of bytes and one line at a time.
The input must be a file or a pipe: a directory or a device (``/dev/zero``) is refused.
"""

from __future__ import annotations

import io
import itertools
import os
import stat
from collections.abc import Iterator
from types import TracebackType
from typing import Any, BinaryIO

from lindring.batch.columns import Columns, map_columns
from lindring.batch.csv_split import csv_segments, expand, failed_line
from lindring.batch.detect import (
    BLOCK,
    DELIMITER_NAMES,
    ENCODING_NAMES,
    Joined,
    check_delimiter,
    check_encoding,
    detect_delimiter,
    detect_encoding,
    looks_misdecoded,
)
from lindring.batch.engine import RawRow
from lindring.batch.lines import OVERLONG, UNDECODABLE, bounded, line_error
from lindring.batch.read_jsonl import json_columns, json_rows
from lindring.batch.types import Segment
from lindring.errors import InputError
from lindring.i18n.oserror import os_reason
from lindring.model import Localized
from lindring.numread import clip
from lindring.records import record

LANG_NAMES = {"nb": Localized("norsk", "Norwegian"), "en": Localized("engelsk", "English")}

#: a message code and its parameters, shown on stderr before the rows are read
Notice = tuple[str, dict[str, Any]]


@record
class Layout:
    """What the reader found: kind (``csv`` or ``jsonl``), encoding, delimiter, columns."""

    kind: str
    encoding: str
    delimiter: str
    columns: Columns
    notices: tuple[Notice, ...] = ()


class Reader:
    """``with Reader(path) as r:`` then ``r.layout`` and ``r.rows()``; ``-`` is ``stdin``.

    Everything wrong with the file as a whole (no header, missing columns, an unknown
    delimiter) is raised as :class:`InputError` on entering, before any row is read.
    """

    def __init__(
        self,
        path: str,
        encoding: str | None = None,
        delimiter: str | None = None,
        stdin: BinaryIO | None = None,
        name: str | None = None,
    ) -> None:
        self.path = path
        self.name = clip(name or ("stdin" if path == "-" else path), 300)  # as messages show it
        self._encoding = check_encoding(encoding)
        self._delimiter = check_delimiter(delimiter)
        self._used = self._encoding or "utf-8"
        self._stdin = stdin
        self._handle: BinaryIO | None = None
        self._segments: Iterator[Segment] = iter(())

    def __enter__(self) -> Reader:
        raw = self._stdin
        if self.path != "-":
            raw = self._handle = _open_input(self.path, self.name)
        if raw is None:
            raise InputError("batch.read_failed", file=self.name, reason="no standard input")
        try:
            self.layout = self._open(raw)
        except UnicodeError as exc:
            self.close()
            line = failed_line(0, exc) if isinstance(exc, UnicodeDecodeError) else 1
            raise self._decode_failed(line) from None
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def rows(self) -> Iterator[RawRow]:
        """Every row after the header (JSON Lines: every line), in order, one at a time."""
        return expand(self._segments)

    def segments(self) -> Iterator[Segment]:
        """The same rows, the plain ones of a CSV file together in runs (read faster)."""
        return self._segments

    def _open(self, raw: BinaryIO) -> Layout:
        head = raw.read(BLOCK)
        encoding = self._used = detect_encoding(head, raw, self._encoding)
        notices: list[Notice] = []
        if self._encoding is None and encoding == "cp1252":
            notices.append(("batch.notice_cp1252", {"file": self.name}))
        if looks_misdecoded(head, encoding):
            notices.append(("batch.notice_mojibake", {"file": self.name}))
        buffered = io.BufferedReader(Joined(head, raw), BLOCK)
        stream = io.TextIOWrapper(buffered, encoding=encoding, errors=UNDECODABLE, newline="")
        source = bounded(stream)
        blank = 0
        first = next(source, "")
        while first and not first.strip():
            blank, first = blank + 1, next(source, "")
        if not first:
            raise InputError("batch.empty_file", file=self.name)
        shown = ENCODING_NAMES.get(encoding, encoding)
        if first == OVERLONG:
            raise InputError("batch.header_unreadable", file=self.name, line=blank + 1)
        if line_error(first, shown) is not None:
            raise self._decode_failed(blank + 1)
        leading = [RawRow(n, n, []) for n in range(1, blank + 1)]
        lines = itertools.chain([first], source)
        if first.lstrip().startswith("{"):
            columns = json_columns(first, blank + 1, self.name)
            rows = json_rows(lines, blank, columns, shown)
            self._segments = itertools.chain(leading, self._guard(rows))
            return Layout("jsonl", encoding, "", columns, tuple(notices))
        delimiter = self._delimiter or detect_delimiter(first)
        segments = csv_segments(lines, delimiter, blank + 1, self._decode_failed, shown)
        header = next(segments)  # never part of a run
        if not isinstance(header, RawRow) or header.error is not None or header.end != header.line:
            raise InputError("batch.header_unreadable", file=self.name, line=blank + 1)
        columns = map_columns([cell.strip() for cell in header.cells])
        self._segments = itertools.chain(leading, segments)
        read = {
            "file": self.name,
            "encoding": ENCODING_NAMES.get(encoding, encoding),
            "delimiter": DELIMITER_NAMES.get(delimiter, repr(delimiter)),
            "language": LANG_NAMES[columns.lang],
        }
        return Layout("csv", encoding, delimiter, columns, (("batch.notice_read", read), *notices))

    def _guard(self, rows: Iterator[RawRow]) -> Iterator[Segment]:
        """Rows, with a decoding failure turned into one clear error (nothing more read)."""
        line = 0
        try:
            for row in rows:
                line = row.end
                yield row
        except UnicodeError:
            raise self._decode_failed(line + 1) from None

    def _decode_failed(self, line: int) -> InputError:
        shown = ENCODING_NAMES.get(self._used, self._used)
        return InputError("batch.decode_failed", file=self.name, line=line, encoding=shown)


def _open_input(path: str, name: str) -> BinaryIO:
    """The input file, opened without waiting for a writer (a FIFO no one writes to reads
    as empty); a directory or a device is refused before anything is read."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except (OSError, ValueError) as exc:
        raise InputError("batch.read_failed", file=name, reason=os_reason(exc)) from None
    mode = os.fstat(handle).st_mode
    if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)):
        os.close(handle)
        raise InputError("batch.read_failed", file=name, reason=_NOT_A_FILE)
    if hasattr(os, "set_blocking"):
        os.set_blocking(handle, True)  # a pipe with a writer is read as it comes
    return os.fdopen(handle, "rb")


_NOT_A_FILE = "not a file or a pipe (a directory or a device?)"


@record
class FileRows:
    """The rows of a file read again with the encoding and delimiter found the first time
    (each worker process of ``--jobs`` reads the file itself)."""

    path: str
    encoding: str
    delimiter: str

    def __call__(self) -> Iterator[Segment]:
        with Reader(self.path, self.encoding, self.delimiter or None) as reader:
            yield from reader.segments()
