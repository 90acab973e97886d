"""Reading what Norwegian Excel (and other tools) write: encodings, delimiters, BOMs,
JSON Lines, quoted line breaks, and clear messages when a file cannot be read."""

from __future__ import annotations

import codecs
import io
from pathlib import Path
from typing import Any

import pytest

from lindring.batch.read import Reader
from lindring.errors import InputError

from .conftest import EN_HEADER, NO_HEADER, RunBatch, csv_bytes, read_back, write

ROWS_NO = [
    NO_HEADER,
    ["A1", "oksykodon", "20 mg x2", "po", "morfin", "sc", "15 mg"],
    ["A2", "fentanyl", "25 µg/t", "td", "morfin", "sc", ""],  # µ is byte 0xB5 in cp1252
    ["A3", "morfin", "2,5 mg q4h", "sc", "oksykodon", "po", ""],  # decimal comma
]


def rows_of(path: Path, **options: str) -> tuple[list[list[str]], str, str, list[str]]:
    with Reader(str(path), **options) as reader:
        rows = [row.cells for row in reader.rows()]
        layout = reader.layout
        return rows, layout.encoding, layout.delimiter, [code for code, _ in layout.notices]


@pytest.mark.parametrize(
    ("encoding", "expected", "notice"),
    [
        ("cp1252", "cp1252", True),  # Excel "CSV (semikolondelt)"
        ("utf-8-sig", "utf-8-sig", False),  # Excel "CSV UTF-8"
        ("utf-8", "utf-8", False),
        ("utf-16", "utf-16", False),  # Excel "Unicode-tekst" (with a BOM)
        ("utf-16-be", "utf-16", False),
    ],
)
@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_every_encoding_and_delimiter_reads_the_same_cells(
    tmp_path: Path, encoding: str, expected: str, notice: bool, delimiter: str
) -> None:
    data = csv_bytes(ROWS_NO, delimiter=delimiter, encoding=encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    path = tmp_path / "eksport.csv"
    path.write_bytes(data)
    rows, found, found_delimiter, notices = rows_of(path)
    assert rows == [r for r in ROWS_NO[1:]]
    assert found == expected
    assert found_delimiter == delimiter
    assert ("batch.notice_cp1252" in notices) is notice
    assert rows[1][2] == "25 µg/t"  # the micro sign and ø survive every encoding


def test_cp1252_is_announced_on_stderr_and_written_back_as_cp1252(
    tmp_path: Path, run_batch: RunBatch
) -> None:
    source = write(tmp_path / "in.csv", ROWS_NO, encoding="cp1252")
    result = run_batch(str(source), "-o", str(tmp_path / "out.csv"))
    assert "Windows-1252" in result.stderr
    out = (tmp_path / "out.csv").read_bytes()
    assert b"25 \xb5g/t" in out  # cp1252 micro sign, not UTF-8's C2 B5
    rows = read_back(out, encoding="cp1252")
    assert [r["linje"] for r in rows] == ["2", "3", "4"]


def test_a_bom_is_never_part_of_the_first_column_name(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(csv_bytes(ROWS_NO, encoding="utf-8-sig"))
    with Reader(str(path), encoding="utf-8") as reader:  # even when told plain UTF-8
        assert reader.layout.columns.header[0] == "id"


def test_the_delimiter_comes_from_the_header_line_only(tmp_path: Path) -> None:
    # data rows full of commas (decimal commas) must not make ',' the delimiter
    rows = [NO_HEADER, *[["1", "morfin", "2,5 mg x6", "sc", "oksykodon", "po", "7,5 mg"]] * 5]
    rows_found, _, delimiter, _ = rows_of(write(tmp_path / "a.csv", rows))
    assert delimiter == ";"
    assert rows_found[0][2] == "2,5 mg x6"


def test_a_header_with_two_candidate_delimiters_is_decided_by_the_known_names(
    tmp_path: Path,
) -> None:
    header = "id;legemiddel;dose;vei;til;tilvei;merknad, fritekst\r\n"
    path = tmp_path / "a.csv"
    path.write_bytes((header + "1;morfin;10 mg;po;oksykodon;po;x\r\n").encode())
    _, _, delimiter, _ = rows_of(path)
    assert delimiter == ";"


def test_an_ambiguous_header_asks_for_the_delimiter(tmp_path: Path, run_batch: RunBatch) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"a;b,c\r\n1;2,3\r\n")
    result = run_batch(str(path))
    assert result.exit_code == 1
    assert "could be split at ';', ','" in result.stderr
    assert "--delimiter" in result.stderr
    assert result.stdout == ""


def test_no_delimiter_in_the_header_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"legemiddel\r\nmorfin\r\n")
    with pytest.raises(InputError) as caught, Reader(str(path)):
        pass
    assert caught.value.code == "batch.delimiter_none"


def test_delimiter_and_encoding_can_be_given(tmp_path: Path) -> None:
    path = write(tmp_path / "a.csv", ROWS_NO, delimiter="\t", encoding="cp1252")
    rows, encoding, delimiter, notices = rows_of(path, encoding="cp1252", delimiter="tab")
    assert (encoding, delimiter, rows[1][2]) == ("cp1252", "\t", "25 µg/t")
    assert "batch.notice_cp1252" not in notices  # chosen, so not announced
    with pytest.raises(InputError, match="delimiter"):
        Reader(str(path), delimiter="|")
    with pytest.raises(InputError, match="encoding"):
        Reader(str(path), encoding="no-such-codec")


def test_a_late_non_utf8_byte_in_a_file_still_means_cp1252(tmp_path: Path) -> None:
    rows = [EN_HEADER, *[["1", "morphine", "10 mg", "po", "oxycodone", "po", ""]] * 50_000]
    rows.append(["2", "fentanyl", "25 µg/h", "td", "morphine", "sc", ""])
    path = write(tmp_path / "late.csv", rows, delimiter=",", encoding="cp1252")
    assert path.stat().st_size > 1 << 20  # the µ is beyond the first megabyte
    found, encoding, _, _ = rows_of(path)
    assert encoding == "cp1252"
    assert found[-1][2] == "25 µg/h"


class Pipe(io.RawIOBase):
    """A stream that cannot seek, as a shell pipe."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        return self._data.readinto(buffer)


def test_a_pipe_that_turns_out_not_to_be_utf8_reports_the_line() -> None:
    rows = [EN_HEADER, *[["1", "morphine", "10 mg", "po", "oxycodone", "po", ""]] * 40_000]
    rows.append(["2", "fentanyl", "25 µg/h", "td", "morphine", "sc", ""])
    rows.append(["3", "morphine", "10 mg", "po", "oxycodone", "po", ""])
    data = csv_bytes(rows, delimiter=",", encoding="cp1252")
    assert len(data) > 1 << 20  # the µ is beyond the first megabyte, which looked UTF-8
    with Reader("-", stdin=io.BufferedReader(Pipe(data))) as reader:
        found = list(reader.rows())
    assert len(found) == 40_002
    assert [row.line for row in found if row.error] == [40_002]
    error = found[-2].error
    assert error is not None and found[-2].cells == []
    message = error.text("en")
    assert message.startswith("the line cannot be read as UTF-8 (bytes 0xB5)")
    assert "--encoding" in message
    assert found[-1].cells[0] == "3"


def test_a_pipe_in_cp1252_is_read_when_its_first_megabyte_shows_it(run_batch: RunBatch) -> None:
    result = run_batch("-", stdin=csv_bytes(ROWS_NO, encoding="cp1252"))
    assert result.exit_code == 0, result.stderr
    assert "Windows-1252" in result.stderr
    assert b"25 \xb5g/t" in result.stdout_bytes


def test_mojibake_is_reported(tmp_path: Path) -> None:
    rows = [NO_HEADER, ["1", "fentanyl", "25 Âµg/t", "td", "morfin", "sc", ""]]
    _, _, _, notices = rows_of(write(tmp_path / "m.csv", rows))
    assert "batch.notice_mojibake" in notices


def test_blank_lines_and_quoted_line_breaks_keep_the_physical_line_numbers(
    tmp_path: Path,
) -> None:
    text = (
        "\r\n"  # a blank line before the header
        "id;legemiddel;dose;vei;til;tilvei;forskrevet\r\n"
        '1;morfin;10 mg;po;oksykodon;po;"fire\r\nlinjer\r\nher"\r\n'
        "\r\n"
        ";;;;;;\r\n"  # Excel's empty row
        "2;morfin;10 mg;po;oksykodon;po;\r\n"
    )
    path = tmp_path / "a.csv"
    path.write_bytes(text.encode())
    with Reader(str(path)) as reader:
        found = [(r.line, r.end, len(r.cells)) for r in reader.rows()]
    assert found == [(1, 1, 0), (3, 5, 7), (6, 6, 0), (7, 7, 7), (8, 8, 7)]


def test_json_lines_are_read_with_the_first_objects_keys(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(
        '{"id": "1", "drug": "morphine", "dose": "10 mg", "route": "po", "target": '
        '"oxycodone", "target_route": "po", "interval": 12}\n'
        "\n"
        '{"id": "2", "drug": "morphine", "dose": "20 mg", "route": "po", "target": '
        '"oxycodone", "target_route": "po"}\n'
        "[1, 2]\n"
        '{"id": "4", "drug": true}\n'
        '{"id": "5", "colour": "red"}\n',
        encoding="utf-8",
    )
    with Reader(str(path)) as reader:
        rows = list(reader.rows())
        assert reader.layout.kind == "jsonl"
    assert rows[0].cells[-1] == "12"
    assert rows[1].cells == []
    assert rows[2].cells[-1] == ""
    assert [r.error.code if r.error else None for r in rows] == [
        None, None, None, "batch.row_json", "batch.row_json_value", "batch.row_json_key",
    ]  # fmt: skip
    assert [r.line for r in rows] == [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "batch.empty_file"),
        (b"\r\n\r\n", "batch.empty_file"),
        (b"id;dose;vei\r\n1;2;3\r\n", "batch.columns_missing"),
        (b"legemiddel;drug;dose;vei;til;tilvei\r\n", "batch.column_twice"),
        (b'{"id": 1}\n', "batch.columns_missing"),
        (b"{not json\n", "batch.json_header"),
    ],
)
def test_a_file_that_cannot_be_read_as_a_whole_is_one_clear_error(
    tmp_path: Path, content: bytes, code: str
) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught, Reader(str(path)):
        pass
    assert caught.value.code == code
    assert caught.value.message("nb") != caught.value.message("en")


def test_a_missing_file_is_an_input_error(tmp_path: Path, run_batch: RunBatch) -> None:
    result = run_batch(str(tmp_path / "nowhere.csv"))
    assert result.exit_code == 1
    assert "cannot read" in result.stderr
