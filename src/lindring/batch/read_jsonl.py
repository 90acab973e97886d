"""Reading JSON Lines batch files: one object per line, the first one's keys are the
columns (English or Norwegian names, as in CSV). Values are text or numbers. A line
that cannot be read (:func:`~lindring.batch.lines.line_error`), is not JSON or nests
too deeply for the parser is an error row of its own."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from lindring.batch.columns import Columns, map_columns
from lindring.batch.engine import RawRow, RowError
from lindring.batch.lines import line_error
from lindring.errors import InputError


def json_columns(first: str, line: int, name: str) -> Columns:
    """The columns named by the keys of the first object; :class:`InputError` if none."""
    try:
        data = json.loads(first)
    except (ValueError, RecursionError):
        data = None
    if not isinstance(data, dict) or not data:
        raise InputError("batch.json_header", file=name, line=line)
    return map_columns(list(data))


def json_rows(
    lines: Iterator[str], offset: int, columns: Columns, encoding: str = "utf-8"
) -> Iterator[RawRow]:
    """One row per line (a blank line is an empty row); lines count from ``offset + 1``."""
    keys = columns.header
    known = set(keys)
    for number, line in enumerate(lines, start=offset + 1):
        if not line.isascii() and (error := line_error(line, encoding)) is not None:
            yield RawRow(number, number, [], error)
            continue
        if not line.strip():
            yield RawRow(number, number, [])
            continue
        try:
            data = json.loads(line)
        except ValueError as exc:
            yield _bad(number, line, "batch.row_json", detail=str(exc))
            continue
        except RecursionError:
            yield _bad(number, line, "batch.row_json", detail="nested too deeply")
            continue
        if not isinstance(data, dict):
            yield _bad(number, line, "batch.row_json", detail=type(data).__name__)
            continue
        yield _row(number, data, keys, known)


def _bad(number: int, line: str, code: str, **params: Any) -> RawRow:
    return RawRow(number, number, [line.strip()], RowError(code, params))


def _row(number: int, data: dict[str, Any], keys: tuple[str, ...], known: set[str]) -> RawRow:
    cells = [_cell(data.get(k)) for k in keys]
    text = [c or "" for c in cells]
    extra = [k for k in data if k not in known]
    if extra:
        params = {"key": extra[0], "keys": ", ".join(keys)}
        return RawRow(number, number, text, RowError("batch.row_json_key", params))
    bad = [k for k, cell in zip(keys, cells, strict=True) if cell is None]
    if bad:
        return RawRow(number, number, text, RowError("batch.row_json_value", {"key": bad[0]}))
    return RawRow(number, number, text)


def _cell(value: Any) -> str | None:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None
