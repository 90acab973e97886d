"""Where a version of the table comes from: a file, a directory, or a git revision.

``lindring diff HEAD~1`` reads ``git show HEAD~1:./opioids.yaml`` in the tables
directory; ``lindring check`` compares the working copy with ``HEAD`` the same way. git
is only ever asked to *show* a file: nothing here changes a repository.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from lindring.errors import InputError
from lindring.model import Tables
from lindring.numread import clip
from lindring.records import record
from lindring.table.load import TABLE_FILE, parse_tables
from lindring.textfile import MAX_BYTES, Unreadable, is_dir, is_file, read_text, shown_path

GIT_TIMEOUT_SECONDS = 10


@record
class TableText:
    """The text of one version of the table, and how to name it in output."""

    label: str  # what the user gave: a path or a revision
    file: str  # the name problems are reported under
    text: str
    directory: Path | None = None  # the tables directory, when read from disk

    def parse(self) -> Tables:
        return parse_tables(self.text, self.file)


class GitUnavailable(Exception):
    """git cannot show the file (no git, not a checkout, unknown revision)."""


def git_show(revision: str, directory: Path, name: str = TABLE_FILE) -> str:
    """The text of ``name`` in ``directory`` as committed in ``revision``."""
    if not revision or revision.startswith("-"):
        raise GitUnavailable(f"'{revision}' is not a revision")
    try:
        done = subprocess.run(
            ["git", "-C", str(directory), "show", f"{revision}:./{name}"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=GIT_TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GitUnavailable(f"git could not run: {exc}") from None
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        raise GitUnavailable(lines[-1] if lines else f"git exited with {done.returncode}")
    if len(done.stdout) > MAX_BYTES:
        raise GitUnavailable(f"{name} is larger than {MAX_BYTES >> 20} MB in {revision}")
    return done.stdout


def read_table(spec: str | None, default_dir: Path) -> TableText:
    """``spec`` as a file, a directory holding ``opioids.yaml``, or a git revision of
    ``default_dir/opioids.yaml``; ``None`` is the working copy in ``default_dir``."""
    if spec is None:
        path = default_dir / TABLE_FILE
        return TableText("working copy", shown_path(path), _read(path, str(path)), default_dir)
    given = Path(spec)
    if is_dir(given):
        path = given / TABLE_FILE
        return TableText(spec, shown_path(path), _read(path, spec), given)
    if is_file(given):
        return TableText(spec, shown_path(given), _read(given, spec), given.parent)
    try:
        text = git_show(spec, default_dir)
    except GitUnavailable as exc:
        raise InputError(
            "revision_unreadable", what=clip(spec), file=TABLE_FILE, reason=clip(str(exc), 200)
        ) from None
    return TableText(spec, f"{spec}:{TABLE_FILE}", text)


def _read(path: Path, what: str) -> str:
    try:
        return read_text(path)
    except Unreadable as exc:
        raise InputError(
            "revision_unreadable", what=clip(what), file=TABLE_FILE, reason=exc.reasons()
        ) from None
