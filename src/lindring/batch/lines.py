"""The physical lines of a batch file: each one bounded, and each one decoded on its own.

* A byte the encoding has no character for (Windows-1252 has none for 0x81, 0x8D,
  0x8F, 0x90 and 0x9D) does not stop the file: the decoder marks it (U+DC00 plus the
  byte, as Python's ``surrogateescape`` does, for every byte) and its line becomes an
  error row; every other line is read as usual.
* A line longer than :data:`MAX_LINE` characters is read no further: the rest of it is
  skipped and it becomes an error row, so a file without line breaks cannot fill the
  memory. A quoted cell that runs over several lines is held to the same length.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import TextIO

from lindring.batch.types import RowError

#: the error handler the batch reader decodes with (registered when this is imported)
UNDECODABLE = "lindring.undecodable"
#: the longest line (or quoted record) read, in characters: a row of short cells is
#: some hundred, and the cells lindring reads are at most 300 each
MAX_LINE = 16384
#: what :func:`bounded` yields in place of a line that is too long
OVERLONG = "\udfff\n"
_MARKED = re.compile("[\ud800-\udfff]")
#: finds what :func:`bounded` and the decoder mark in a line (``None``: a line to read)
marked = _MARKED.search


def _mark(exc: UnicodeError) -> tuple[str, int]:
    """Each byte that cannot be decoded as the lone surrogate U+DC00 + byte."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return "".join(chr(0xDC00 + byte) for byte in bad), exc.end


codecs.register_error(UNDECODABLE, _mark)


def bounded(stream: TextIO, limit: int = MAX_LINE) -> Iterator[str]:
    """The lines of ``stream``, each at most ``limit`` characters; a longer one is
    skipped to its end and given as :data:`OVERLONG`."""
    read = stream.readline
    while line := read(limit):
        if len(line) < limit or line.endswith("\n"):
            yield line
            continue
        while (rest := read(limit)) and len(rest) == limit and not rest.endswith("\n"):
            pass
        yield OVERLONG


def line_error(line: str, encoding: str) -> RowError | None:
    """Why ``line`` cannot be read as a row (too long, or bytes ``encoding`` cannot
    decode); ``None`` when it can. Cheap for the usual line."""
    if line.isascii() or _MARKED.search(line) is None:
        return None
    if line == OVERLONG:
        return RowError("batch.row_line_long", {"limit": MAX_LINE})
    found = sorted({ord(c) - 0xDC00 for c in line if "\udc00" <= c <= "\udcff"})
    shown = ", ".join(f"0x{byte:02X}" for byte in found[:5])
    return RowError("batch.row_undecodable", {"encoding": encoding, "bytes": shown})
