"""Batch conversion for other engines: columns in, columns out.

:func:`convert_columns` takes the columns of a batch file as lists (named as in
``docs/batch.md``: ``drug``, ``dose``, ``route``, ``target``, ``target_route``,
``prescribed``, ... in English or Norwegian) and returns them with the result columns
of a CSV output added, every result cell as text (numbers with a decimal point, as
``--json`` rounds them). :func:`convert_frame` does the same for an Arrow table or
record batch, or a Polars DataFrame, and returns the same kind of object;
:func:`convert_batches` maps a stream of Arrow record batches, as Spark's
``mapInArrow`` and DuckDB's Arrow readers hand them over. Rows are handled as a batch
file's rows are (the same checks, the same error rows), ``line`` being the row's
position from 1; each distinct row is computed once per :class:`FrameBatch`.

Neither pyarrow nor Polars is a dependency of lindring: they are imported only when a
frame of theirs is passed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from fractions import Fraction
from typing import Any

from lindring.batch.columns import RESULT_COLUMNS, map_columns
from lindring.batch.engine import Batch, RawRow
from lindring.batch.write import conversion_cells, decimal, row_cells
from lindring.model import Tables
from lindring.table.load import load_tables


def _number(value: Fraction, places: int = 4) -> str:
    return decimal(value, places, ".")


def _text(value: object) -> str:
    return "" if value is None else str(value)


class FrameBatch:
    """Converts columns, keeping its caches from one call to the next (for a stream of
    batches with the same columns)."""

    def __init__(self, tables: Tables | None = None, lang: str = "en") -> None:
        self.tables = tables or load_tables()
        self.lang = lang
        self._batch: Batch | None = None
        self._header: tuple[str, ...] = ()

    def columns(self, data: Mapping[str, Sequence[object]], start: int = 1) -> dict[str, list[str]]:
        """``data``'s columns and the result columns (module doc); ``start``: the
        ``line`` of the first row. :class:`~lindring.errors.InputError` when a required
        column is missing."""
        header = tuple(data)
        if self._batch is None or header != self._header:
            self._batch = Batch(self.tables, map_columns(header))
            self._header = header
        batch = self._batch
        names = batch.columns.result_names()
        keys = [key for key, _, _ in RESULT_COLUMNS]
        out: dict[str, list[str]] = {name: [] for name in names}
        lists = [out[name] for name in names]
        cells_of = zip(*(data[name] for name in header), strict=True)
        for line, row in enumerate(cells_of, start):
            outcome = batch.outcome(RawRow(line, line, [_text(v) for v in row]))
            result = outcome.result
            cells = row_cells(result, self.lang, _number)
            calc = result.calc
            usable = calc is not None and calc.status != "error"
            cells.update(conversion_cells(result.conversion if usable else None, _number))
            cells["line"] = str(line)
            for key, column in zip(keys, lists, strict=True):
                column.append(cells[key])
        return {**{name: [_text(v) for v in data[name]] for name in header}, **out}


def convert_columns(
    data: Mapping[str, Sequence[object]], tables: Tables | None = None, lang: str = "en"
) -> dict[str, list[str]]:
    """The columns of a batch file in, the same with the result columns out."""
    return FrameBatch(tables, lang).columns(data)


def convert_frame(frame: Any, tables: Tables | None = None, lang: str = "en") -> Any:
    """An Arrow ``Table`` or ``RecordBatch``, or a Polars ``DataFrame``, with the result
    columns added (as text); the same kind of object is returned."""
    return _frame(FrameBatch(tables, lang), frame, 1)


def convert_batches(
    batches: Iterable[Any], tables: Tables | None = None, lang: str = "en"
) -> Iterator[Any]:
    """Arrow record batches in, record batches with the result columns out, one for one
    (``df.mapInArrow(convert_batches, schema)`` in Spark); caches are shared across
    batches and ``line`` counts on from batch to batch."""
    converter = FrameBatch(tables, lang)
    start = 1
    for batch in batches:
        yield _frame(converter, batch, start)
        start += batch.num_rows


def _frame(converter: FrameBatch, frame: Any, start: int) -> Any:
    kind = type(frame).__module__.split(".")[0]
    if kind == "pyarrow":
        import pyarrow as pa

        out = converter.columns(frame.to_pydict(), start)
        if isinstance(frame, pa.RecordBatch):
            return pa.RecordBatch.from_pydict(out)
        return pa.table(out)
    if kind == "polars":
        import polars as pl  # type: ignore[import-not-found, unused-ignore]

        return pl.DataFrame(converter.columns(frame.to_dict(as_series=False), start))
    raise TypeError(f"expected an Arrow table or record batch or a Polars DataFrame, got {kind}")
