"""Hostile things to hand lindring, shared by the tests and their Hypothesis strategies:
odd paths (a FIFO no one writes to, a symbolic link to itself, a directory, a missing
file, a link to ``/dev/zero``, a file over the size limit) and the exit codes
``docs/exit-codes.md`` lists."""

from __future__ import annotations

import os
import re
from pathlib import Path

from .conftest import REPO

ODD_KINDS = ("fifo", "loop", "directory", "missing", "devzero", "oversize")


def documented_codes() -> set[int]:
    """Every exit code in the table of docs/exit-codes.md, but 70 (a bug)."""
    text = (REPO / "docs" / "exit-codes.md").read_text(encoding="utf-8")
    codes = {int(code) for code in re.findall(r"^\| (\d+) \| ", text, re.MULTILINE)}
    return codes - {70}


def odd_path(where: Path, kind: str, name: str) -> Path:
    """``where/name`` made into the odd thing ``kind`` names (see :data:`ODD_KINDS`)."""
    path = where / name
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "loop":
        path.symlink_to(path.name)
    elif kind == "directory":
        path.mkdir()
    elif kind == "devzero":
        path.symlink_to("/dev/zero")
    elif kind == "oversize":
        path.write_bytes(b"# " + b"x" * (2 * 1024 * 1024) + b"\n")
    elif kind != "missing":
        raise ValueError(kind)
    return path


def odd_dir(where: Path, kind: str, name: str) -> Path:
    """The directory ``where``, whose file ``name`` is odd."""
    where.mkdir(parents=True, exist_ok=True)
    odd_path(where, kind, name)
    return where
