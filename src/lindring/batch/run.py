"""Running a batch file end to end: read, convert, write, count.

Rows flow as a stream in chunks (:data:`CHUNK` rows): read, converted, formatted and
written one chunk at a time, so memory stays flat however long the file. With
``--jobs`` above 1 (one is the default) the rows go to worker processes split by
conversion and come back in input order (:mod:`lindring.batch.jobs`). The output goes
to a temporary file beside the target that is renamed over it only when every row is
written: an interrupted run leaves no half file.
"""

from __future__ import annotations

import errno
import gc
import io
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO, TextIO

from lindring.batch.engine import Batch, RawRow
from lindring.batch.jobs import (
    GC_THRESHOLD,
    Plan,
    Rows,
    Worker,
    chunks,
    parallel,
    segment_chunks,
)
from lindring.batch.read import FileRows, Reader
from lindring.batch.summary import Summary
from lindring.batch.sums import Sums
from lindring.batch.types import Segment
from lindring.batch.write import OutputFormat, ToDict, output_format
from lindring.errors import InputError, Interrupted
from lindring.i18n import text
from lindring.i18n.oserror import os_reason
from lindring.model import Tables
from lindring.numread import clip
from lindring.records import record
from lindring.textfile import resolved

CHUNK = 1000
MAX_JOBS = 64  # --jobs above this is a typing slip, not a machine


@record
class Job:
    """What the user asked for (``lindring batch`` options)."""

    input: str
    output: str | None = None  # None or "-": standard output
    format: str | None = None
    delimiter: str | None = None
    encoding: str | None = None
    overwrite: bool = False
    jobs: int = 1  # 0: one per processor (one is the fastest on two: docs/batch.md)
    lang: str = "en"
    sum_by: str | None = None  # register mode: one line per value of this column
    lang_given: bool = True  # False: a file whose column names are Norwegian answers in nb


def run_file(
    job: Job,
    tables: Tables,
    to_dict: ToDict,
    stdin: BinaryIO | None,
    stdout: BinaryIO,
    notify: Callable[[str], object],
    progress: Callable[[int, str], object] | None = None,
) -> Summary:
    """Convert every row of ``job.input`` into ``job.output``; the counts, for the summary."""
    every = min(os.cpu_count() or 1, MAX_JOBS)
    jobs = job.jobs or every
    if not 1 <= jobs <= MAX_JOBS:
        raise InputError("batch.jobs_option", limit=MAX_JOBS)
    if jobs > 1 and job.input != "-" and not _regular(job.input):
        jobs = 1  # the workers read the input again: a pipe can be read only once
    try:
        with _spooled(job.input, stdin, jobs) as source:
            name = "stdin" if job.input == "-" else None
            with Reader(source, job.encoding, job.delimiter, stdin, name) as reader:
                layout = reader.layout
                if not job.lang_given and layout.columns.lang == "nb":
                    job = replace(job, lang="nb")
                fmt = output_format(layout, job.format)
                for code, params in layout.notices:
                    notify(text(code, job.lang, **params))
                plan = Plan(tables, layout.columns, fmt, job.lang, to_dict)
                sums = None if job.sum_by is None else Sums(layout.columns, job.sum_by)
                again = FileRows(source, layout.encoding, layout.delimiter) if jobs > 1 else None
                target = job.output or "-"
                with open_output(target, fmt, job.overwrite, job.input, stdout) as out:
                    if sums is not None:
                        summary = run_sums(plan, reader.rows(), out.write, sums, progress=progress)
                    else:
                        summary = run(
                            plan, reader.segments(), out.write, again, jobs, progress=progress
                        )
    except KeyboardInterrupt:  # (the partial output is gone): in the language spoken
        raise Interrupted(job.lang) from None
    if target != "-":
        notify(text("batch.written", job.lang, file=target))
    summary.lang = job.lang
    return summary


def run(
    plan: Plan,
    rows: Iterable[Segment],
    write: Callable[[str], object],
    again: Rows | None = None,
    jobs: int = 1,
    chunk: int = CHUNK,
    progress: Callable[[int, str], object] | None = None,
) -> Summary:
    """Write the output of ``rows`` (rows, or runs of them) with ``write``, in input
    order; return the counts. With ``jobs > 1``, worker processes read the rows
    themselves with ``again()``."""
    worker = Worker(plan)
    write(worker.rows.header())
    total = Summary()
    with _few_collections():
        if jobs == 1 or again is None:
            parts = segment_chunks(iter(rows), chunk)
            results: Iterator[tuple[list[str], Summary]] = map(worker, parts)
        else:
            results = parallel(plan, again, jobs, chunk)
        try:
            for lines, counts in results:
                write("".join(lines))
                total.merge(counts)
                if progress is not None:
                    progress(total.rows, plan.lang)  # (the language the run speaks)
        finally:
            close = getattr(results, "close", None)
            if close is not None:
                close()
    return total


def run_sums(
    plan: Plan,
    rows: Iterable[RawRow],
    write: Callable[[str], object],
    sums: Sums,
    chunk: int = CHUNK,
    progress: Callable[[int, str], object] | None = None,
) -> Summary:
    """Register mode: fill ``sums`` from ``rows`` and write one line per group (in one
    process: the groups are kept until the last row is read); return the counts."""
    batch = Batch(plan.tables, plan.columns)
    total = Summary()
    with _few_collections():
        for part in chunks(iter(rows), chunk):
            outcomes = list(map(batch.outcome, part))
            total.add_chunk(outcomes)
            sums.add(outcomes)
            if progress is not None:
                progress(total.rows, plan.lang)
    for text_ in sums.lines(plan.fmt, plan.lang):
        write(text_)
    return total


def _regular(path: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):  # the reader reports what is wrong with it
        return False


@contextmanager
def _spooled(path: str, stdin: BinaryIO | None, jobs: int) -> Iterator[str]:
    """``path``, or for standard input with ``jobs > 1`` a temporary copy of it (worker
    processes read the input themselves; a pipe can be read only once)."""
    if path != "-" or jobs == 1 or stdin is None:
        yield path
        return
    with tempfile.NamedTemporaryFile(prefix="lindring-stdin-", suffix=".part") as copy:
        shutil.copyfileobj(stdin, copy, 1 << 20)
        copy.flush()
        yield copy.name


@contextmanager
def _few_collections() -> Iterator[None]:
    """Run the garbage collector less often: the caches hold many objects that live for
    the whole run, and rescanning them was a quarter of the run time (bench/batch)."""
    before = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*before)


@contextmanager
def open_output(
    target: str, fmt: OutputFormat, overwrite: bool, source: str, stdout: BinaryIO
) -> Iterator[TextIO]:
    """A text stream for ``target`` (``-``: ``stdout``), written whole or not at all."""
    errors = "backslashreplace"
    if target == "-":
        stream = io.TextIOWrapper(stdout, encoding=fmt.encoding, errors=errors, newline="")
        try:
            yield stream
            stream.flush()
        finally:
            stream.detach()
        return
    path = Path(target)
    try:
        if source != "-" and _same_file(path, Path(source)):
            raise InputError("batch.output_is_input", file=clip(target, 300))
        if os.path.lexists(path) and not overwrite:
            raise InputError("batch.output_exists", file=clip(target, 300))
        if os.path.isdir(path):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
        handle, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except (OSError, ValueError) as exc:
        raise _write_failed(target, exc) from None
    try:
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(partial, 0o666 & ~mask)
        with open(handle, "w", encoding=fmt.encoding, errors=errors, newline="") as out:
            yield out
        os.replace(partial, path)
    except OSError as exc:  # writing: a full disk, a quota, the target taken meanwhile
        Path(partial).unlink(missing_ok=True)
        raise _write_failed(target, exc) from None
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


def _write_failed(target: str, exc: OSError | ValueError) -> InputError:
    return InputError("batch.write_failed", file=clip(target, 300), reason=os_reason(exc))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except (OSError, ValueError):
        return resolved(a) == resolved(b)
