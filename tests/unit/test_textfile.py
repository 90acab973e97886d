"""Editors' files are read safely: regular files only, bounded, once, with a clear reason."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lindring.textfile import MAX_BYTES, Unreadable, is_dir, is_file, read_text, shown_path


def make(where: Path, kind: str) -> Path:
    path = where / "f.yaml"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "loop":
        path.symlink_to("f.yaml")
    elif kind == "directory":
        path.mkdir()
    elif kind == "devzero":
        path.symlink_to("/dev/zero")
    elif kind == "oversize":
        path.write_bytes(b"x" * (MAX_BYTES + 1))
    return path


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("fifo", "cannot be read: not a regular file (a pipe or a device?)"),
        ("devzero", "cannot be read: not a regular file (a pipe or a device?)"),
        ("loop", "cannot be read: too many levels of symbolic links (a link to itself?)"),
        ("directory", "cannot be read: it is a directory, not a file"),
        ("oversize", "cannot be read: larger than 2 MB"),
        ("missing", "file not found"),
    ],
)
def test_anything_but_a_regular_file_is_refused_at_once(
    tmp_path: Path, kind: str, reason: str
) -> None:
    path = make(tmp_path, kind)
    with pytest.raises(Unreadable) as caught:  # (a FIFO no one writes to: not waited for)
        read_text(path, "shown.yaml")
    assert str(caught.value) == f"shown.yaml: {reason}"
    assert caught.value.missing is (kind == "missing")


def test_text_is_read_as_text_mode_reads_it(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes("\ufeffa: ø\r\nb: 1\rc: 2\n".encode())
    assert read_text(path) == "\ufeffa: ø\nb: 1\nc: 2\n"


def test_a_file_that_is_not_utf8_names_the_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"a: 1\nbb: \xff\n")
    with pytest.raises(Unreadable) as caught:
        read_text(path, "a.yaml")
    assert str(caught.value) == "a.yaml:2:5: cannot be read: not UTF-8 text"


def test_names_the_system_cannot_take(tmp_path: Path) -> None:
    long = tmp_path / ("x" * 5000)
    with pytest.raises(Unreadable) as caught:
        read_text(long)
    assert "the name is too long" in str(caught.value)
    assert "(5" in str(caught.value) and len(str(caught.value)) < 400
    with pytest.raises(Unreadable):
        read_text(Path("a\0b"))
    assert not is_dir(long) and not is_file(long) and not is_dir(Path("a\0b"))


def test_a_loop_is_a_file_that_cannot_be_read_and_is_shown_as_given(tmp_path: Path) -> None:
    loop = make(tmp_path, "loop")
    assert is_file(loop) and not is_dir(loop)
    assert shown_path(loop) == str(loop)
