"""Batch conversion for other engines: columns, an Arrow table and a stream of record
batches give the rows of a CSV run, with its numbers (oxycodone 20 mg twice a day by
mouth is 60 mg oral morphine: Helsedirektoratet's OMEQ point 1.5)."""

from __future__ import annotations

import pytest

from lindring.batch.frame import FrameBatch, convert_columns
from lindring.errors import InputError
from lindring.model import Tables

ROWS = {
    "id": ["a", "b", "c", "d"],
    "drug": ["oxycodone", "morfn", "oxycodone", "methadone"],
    "dose": ["20 mg x2", "10 mg", "20 mg x2", "10 mg x2"],
    "route": ["po", "po", "po", "po"],
    "target": ["morphine", "morphine", None, "morphine"],
    "target_route": ["po", "po", None, "po"],
}


def test_columns_in_columns_out(tables: Tables) -> None:
    out = convert_columns(ROWS, tables)
    assert out["id"] == ["a", "b", "c", "d"]
    assert out["line"] == ["1", "2", "3", "4"]
    assert out["status"] == ["ok", "error", "ok", "refused"]
    assert out["ome_mg_24h"] == ["60", "", "60", ""]
    assert out["equianalgesic"] == ["60", "", "", ""]  # the third row has no target
    assert out["message"][1].startswith("unknown drug 'morfn'")


def test_a_missing_column_is_an_input_error(tables: Tables) -> None:
    with pytest.raises(InputError):
        convert_columns({"drug": ["oxycodone"], "dose": ["20 mg"]}, tables)


def test_an_arrow_table_and_record_batches(tables: Tables) -> None:
    pa = pytest.importorskip("pyarrow")
    from lindring.batch.frame import convert_batches, convert_frame

    table = pa.table(ROWS)
    out = convert_frame(table, tables)
    assert isinstance(out, pa.Table)
    assert out.column("ome_mg_24h").to_pylist() == ["60", "", "60", ""]
    batches = list(convert_batches(table.to_batches(max_chunksize=2), tables))
    assert [b.num_rows for b in batches] == [2, 2]
    assert isinstance(batches[0], pa.RecordBatch)
    assert batches[1].column(batches[1].schema.get_field_index("line")).to_pylist() == ["3", "4"]
    assert (
        pa.Table.from_batches(batches).column("status").to_pylist()
        == out.column("status").to_pylist()
    )


def test_a_polars_frame(tables: Tables) -> None:
    pl = pytest.importorskip("polars")
    from lindring.batch.frame import convert_frame

    out = convert_frame(pl.DataFrame(ROWS), tables)
    assert isinstance(out, pl.DataFrame)
    assert out["ome_mg_24h"].to_list() == ["60", "", "60", ""]


def test_caches_carry_over_between_calls(tables: Tables) -> None:
    converter = FrameBatch(tables)
    first = converter.columns(ROWS)
    again = converter.columns(ROWS, start=5)
    assert again["line"] == ["5", "6", "7", "8"]
    assert {k: v for k, v in again.items() if k != "line"} == {
        k: v for k, v in first.items() if k != "line"
    }
