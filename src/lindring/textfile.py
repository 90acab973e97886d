"""Reading the editors' files (tables, panel, profiles, chapters) safely, once.

A path given on the command line may name anything: a FIFO that no one writes to (an
``open`` that never returns), ``/dev/zero`` (a read that never ends), a directory, a
symbolic link to itself, a name too long for the system, a 50 MB file. Each file is
opened without blocking, must be a regular file of at most :data:`MAX_BYTES`, is read
in one go and decoded as UTF-8; anything else is :class:`Unreadable`, which names the
path and says why in one line. Nothing here follows a name twice or prints.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from lindring.errors import Issue, params
from lindring.model import Localized
from lindring.numread import clip

#: the package root: shipped data lives in ``_data/`` below it
PACKAGE = Path(__file__).parent


def data_dir(name: str, env_var: str, override: str | None = None) -> Path:
    """Where the editors' folder ``name`` (``tables``, ``handbook``) is: ``override``
    (a command-line option), then ``$env_var``, then the copy installed with the package,
    then the checkout's folder (an editable install)."""
    chosen = override or os.environ.get(env_var)
    if chosen:
        return Path(chosen)
    packaged = PACKAGE / "_data" / name
    if packaged.is_dir():
        return packaged
    return PACKAGE.resolve().parents[1] / name


#: how much of a path a message shows
SHOWN_PATH = 300
#: the largest table, panel, profile or chapter read (the shipped table is 60 kB)
MAX_BYTES = 2 * 1024 * 1024

#: the reasons the system gives that have a message of their own (the text in both
#: languages is in the catalogue, lindring.i18n.problems)
_REASONS = {
    errno.ENOENT: "problem.file_not_found",
    errno.ELOOP: "problem.file_loop",
    errno.ENAMETOOLONG: "problem.file_name_long",
    errno.EISDIR: "problem.file_directory",
    errno.EACCES: "problem.file_permission",
}


class Unreadable(Exception):
    """A file that cannot be read: why as a message ``code`` with its ``values``;
    ``str()`` is ``SHOWN: why`` in English (one line)."""

    def __init__(self, shown: str, code: str, line: int = 0, col: int = 0, **values: str) -> None:
        super().__init__(shown, code)
        self.file, self.line, self.col = shown, line, col
        self.code, self.values = code, values
        self.shown = f"{shown}:{line}:{col}" if line else shown
        self.missing = code == "problem.file_not_found"

    def issue(self) -> Issue:
        """The problem, for the editors' checks (``lindring validate``)."""
        return Issue(self.file, self.line, self.col, code=self.code, params=params(**self.values))

    def reasons(self) -> Localized:
        """Why, in both languages (a message parameter)."""
        issue = self.issue()
        return Localized(issue.message_text("nb"), issue.message_text("en"))

    def __str__(self) -> str:
        return f"{self.shown}: {self.issue().message_text('en')}"


def read_text(path: Path, shown: str | None = None, limit: int = MAX_BYTES) -> str:
    """The text of the regular file ``path`` (UTF-8, at most ``limit`` bytes)."""
    shown = shown or shown_path(path)
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except (OSError, ValueError) as exc:
        raise _unreadable(shown, exc) from None
    try:
        info = os.fstat(handle)
        if stat.S_ISDIR(info.st_mode):
            raise Unreadable(shown, _REASONS[errno.EISDIR])
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable(shown, "problem.file_not_regular")
        data = _read(handle, limit, shown) if info.st_size <= limit else b""
        if info.st_size > limit or len(data) > limit:
            raise Unreadable(shown, "problem.file_too_large", mb=str(limit // 1024 // 1024))
    except OSError as exc:
        raise _unreadable(shown, exc) from None
    finally:
        os.close(handle)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - data.rfind(b"\n", 0, exc.start)
        raise Unreadable(shown, "problem.file_not_utf8", line, col) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")  # as Python's text mode reads it


def _read(handle: int, limit: int, shown: str) -> bytes:
    """At most ``limit + 1`` bytes: one more tells a file that grew while it was read."""
    chunks: list[bytes] = []
    left = limit + 1
    while left > 0:
        chunk = os.read(handle, min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def shown_path(path: Path) -> str:
    """``path`` relative to the working directory where it is inside it, as given
    otherwise (also when it cannot be resolved: a loop, a name too long)."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except (OSError, RuntimeError, ValueError):
        return clip(str(path), SHOWN_PATH)


def resolved(path: Path) -> Path:
    """``path`` with its links followed, or made absolute where they cannot be (a loop)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):
        return path.absolute()


def is_dir(path: Path) -> bool:
    """Whether ``path`` is a directory; ``False`` where the system cannot say."""
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def is_file(path: Path) -> bool:
    """Whether ``path`` exists and is not a directory; ``False`` where the system cannot
    say. A FIFO, a device or a link to nowhere counts: :func:`read_text` says why it
    cannot be read."""
    try:
        return os.path.lexists(path) and not path.is_dir()
    except (OSError, ValueError):
        return False


def _unreadable(shown: str, exc: OSError | ValueError) -> Unreadable:
    """What the system said, as :class:`Unreadable` (its own message where it has one)."""
    if isinstance(exc, OSError) and exc.errno in _REASONS:
        return Unreadable(shown, _REASONS[exc.errno])
    detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return Unreadable(shown, "problem.file_unreadable", detail=detail)
