"""Telling how a batch file is written: its encoding and its delimiter.

* Encoding: a byte order mark decides (UTF-8, UTF-16); otherwise UTF-8 if the whole
  file is valid UTF-8 (checked before the first row is read; for a pipe, its first
  megabyte), else Windows-1252, which the reader reports in a notice. Latin-1 is never
  guessed before UTF-8, and ``Ã``/``Â`` before an accented letter (text decoded wrongly
  once before) is reported too.
* Delimiter: decided from the header line only (``;``, ``,`` or tab, whichever splits
  it into column names lindring knows), never from data rows.
* ``--encoding``: a text encoding Python knows that can decode a file a line at a time
  and mark what it cannot decode (not ``rot13``, ``hex``, ``base64``, ``zlib``, ``uu``,
  which turn bytes into bytes, nor ``idna`` and ``punycode``, which read domain names);
  ``utf-16`` and ``utf-32`` only for a file that starts with their byte order mark.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from typing import Any, BinaryIO

from lindring.batch.columns import field_of
from lindring.batch.lines import UNDECODABLE
from lindring.errors import InputError
from lindring.numread import clip

BLOCK = 1 << 20
DELIMITERS = {";": ";", ",": ",", "\t": "\t", "tab": "\t", "semicolon": ";", "comma": ","}
DELIMITER_NAMES = {";": "';'", ",": "','", "\t": "tab"}
ENCODING_NAMES = {"utf-8-sig": "UTF-8 (BOM)", "utf-8": "UTF-8", "cp1252": "Windows-1252",
                  "utf-16": "UTF-16"}  # fmt: skip
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MOJIBAKE = re.compile("[ÃÂ][\u0080-\u00bf]")
#: encodings that tell the byte order by a mark at the start, and need it
_NEEDS_BOM = {
    "utf-16": (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE),
    "utf-32": (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE),
}


def detect_encoding(head: bytes, raw: BinaryIO, chosen: str | None) -> str:
    """The encoding to read with: ``chosen`` (``--encoding``), a BOM, UTF-8 or cp1252.

    ``head`` is the first block, already read from ``raw``; ``raw`` is read to its end
    and back when it can seek, to make sure all of it is UTF-8.
    """
    bom = next((encoding for mark, encoding in _BOMS if head.startswith(mark)), None)
    if chosen in _NEEDS_BOM and not head.startswith(_NEEDS_BOM[chosen]):
        raise InputError("batch.encoding_bom", encoding=chosen)
    if chosen is not None:
        return "utf-8-sig" if chosen == "utf-8" and bom == "utf-8-sig" else chosen
    if bom is not None:
        return bom
    return "utf-8" if _valid_utf8(head, raw) else "cp1252"


def looks_misdecoded(head: bytes, encoding: str) -> bool:
    """Whether the text holds ``Âµ``, ``Ã¸`` and the like (decoded wrongly before)."""
    text = codecs.getincrementaldecoder(encoding)(errors=UNDECODABLE).decode(head, final=False)
    return _MOJIBAKE.search(text) is not None


def detect_delimiter(header: str) -> str:
    """The delimiter of ``header``: the one of ``;``, ``,``, tab that occurs, or, when
    several do, the one that splits it into the most known column names."""
    found = [d for d in (";", ",", "\t") if d in header]
    if len(found) == 1:
        return found[0]
    shown = header.strip()[:80]
    if not found:
        raise InputError("batch.delimiter_none", header=shown)
    scores = {d: sum(field_of(c) is not None for c in next(csv.reader([header], delimiter=d)))
              for d in found}  # fmt: skip
    best = max(scores.values())
    winners = [d for d in found if scores[d] == best]
    if len(winners) == 1 and best > 0:
        return winners[0]
    names = ", ".join(DELIMITER_NAMES[d] for d in found)
    raise InputError("batch.delimiter_ambiguous", header=shown, found=names)


def check_encoding(encoding: str | None) -> str | None:
    """``--encoding`` as Python's codec name; :class:`InputError` for one that is
    unknown or cannot read a text file (see the module text)."""
    if encoding is None:
        return None
    try:
        name = codecs.lookup(encoding).name
    except (LookupError, ValueError):  # ValueError: a name with a null character
        raise InputError("batch.encoding_option", text=clip(encoding)) from None
    if name in _NEEDS_BOM:
        return name  # checked against the file's first bytes
    try:
        decoder = codecs.getincrementaldecoder(name)(errors=UNDECODABLE)
        text = decoder.decode(b"id;dose\n", final=True)
    except Exception:  # a codec's own code: whatever it raises, it cannot read the file
        text = None
    if not isinstance(text, str):
        raise InputError("batch.encoding_unusable", text=clip(encoding))
    return name


def check_delimiter(delimiter: str | None) -> str | None:
    """``--delimiter`` (``;``, ``,``, a tab, or ``tab``/``semicolon``/``comma``)."""
    if delimiter is None:
        return None
    found = DELIMITERS.get(delimiter.lower() if len(delimiter) > 1 else delimiter)
    if found is None:
        raise InputError("batch.delimiter_option", text=delimiter)
    return found


def _valid_utf8(head: bytes, raw: BinaryIO) -> bool:
    """Whether the file is UTF-8: all of it when it can be read twice, else its head."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    seekable = raw.seekable()
    position = raw.tell() if seekable else 0
    try:
        decoder.decode(head, final=not seekable and len(head) < BLOCK)
        if seekable:
            while block := raw.read(BLOCK):
                decoder.decode(block, final=False)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    finally:
        if seekable:
            raw.seek(position)
    return True


class Joined(io.RawIOBase):
    """The bytes already read (``head``) followed by the rest of ``raw``."""

    def __init__(self, head: bytes, raw: BinaryIO) -> None:
        self._head = memoryview(head)
        self._raw = raw

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._raw.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)
