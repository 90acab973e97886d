"""Turning rows into output lines, in this process or in several.

A :class:`Worker` holds a :class:`~lindring.batch.engine.Batch` and a formatter and turns a
list of rows into their output lines and counts.

With ``jobs > 1`` (:func:`parallel`) every worker process reads the input file itself
and takes the rows *of its own conversions*: every row with the same drug, dose and
target goes to the same process, so each distinct conversion is computed once, not once
per process, and no row is copied between processes. Each
worker hands back, window by window, the lines of its rows (``None`` for the others);
this process puts them together in input order and writes them. A bounded queue per
worker keeps at most a few windows in flight, so memory stays flat. (Sending the rows
from one reading process instead spent more time pickling them than converting them:
``bench/batch``.)
"""

from __future__ import annotations

import gc
import signal
import zlib
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from operator import itemgetter
from typing import Any

from lindring.batch.columns import Columns
from lindring.batch.csv_split import expand
from lindring.batch.engine import Batch, RawRow
from lindring.batch.summary import Summary
from lindring.batch.types import Run, Segment
from lindring.batch.write import CsvRows, OutputFormat, ToDict
from lindring.batch.write_jsonl import JsonRows
from lindring.errors import InputError, LindringError
from lindring.model import Tables
from lindring.records import record

GC_THRESHOLD = (100_000, 50, 1000)
#: cells that are the same in every row of one conversion (the fewer, the cheaper)
ROUTED = ("drug", "dose", "target")
QUEUED = 4  # windows each worker may be ahead of the writer


@record
class Plan:
    """Everything a worker needs to turn rows into output text (sent to each process)."""

    tables: Tables
    columns: Columns
    fmt: OutputFormat
    lang: str
    to_dict: ToDict | None = None


class Worker:
    """Rows to output lines and counts, for one file (caches live as long as it does)."""

    def __init__(self, plan: Plan) -> None:
        self.batch = Batch(plan.tables, plan.columns)
        if plan.fmt.kind == "jsonl":
            assert plan.to_dict is not None
            self.rows: CsvRows | JsonRows = JsonRows(plan.columns, plan.lang, plan.to_dict)
        else:
            self.rows = CsvRows(plan.fmt, plan.columns, plan.lang)

    def __call__(self, chunk: Sequence[Segment]) -> tuple[list[str], Summary]:
        if isinstance(self.rows, CsvRows):
            return self.rows.convert(self.batch, chunk)
        outcomes = list(map(self.batch.outcome, expand(chunk)))
        summary = Summary()
        summary.add_chunk(outcomes)
        return self.rows.lines(outcomes), summary


def chunks(rows: Iterator[RawRow], size: int) -> Iterator[list[RawRow]]:
    while chunk := list(islice(rows, size)):
        yield chunk


def segment_chunks(segments: Iterator[Segment], size: int) -> Iterator[list[Segment]]:
    """``segments`` in lists of at least ``size`` rows (the last may have fewer)."""
    chunk: list[Segment] = []
    count = 0
    for segment in segments:
        chunk.append(segment)
        count += len(segment.texts) if isinstance(segment, Run) else 1
        if count >= size:
            yield chunk
            chunk, count = [], 0
    if chunk:
        yield chunk


def router(columns: Columns, jobs: int, forked: bool = False) -> Callable[[list[str]], int]:
    """Which process a row (its cells) goes to: the same for every row with the same
    conversion, in every process. Processes forked from one parent share its ``hash``;
    others do not, and use CRC-32 (slower: it needs the cells encoded)."""
    width = len(columns.header)
    fields = [columns.index[f] for f in ROUTED if f in columns.index]
    key: Callable[[list[str]], tuple[str, ...]] = itemgetter(*fields)

    def crc(cells: list[str]) -> int:
        return zlib.crc32("\x1f".join(key(cells)).encode("utf-8", "surrogatepass"))

    number: Callable[[list[str]], int] = (lambda cells: hash(key(cells))) if forked else crc

    def route(cells: list[str]) -> int:
        return number(cells) % jobs if len(cells) == width else 0

    return route


Rows = Callable[[], Iterator[Segment]]


def parallel(plan: Plan, rows: Rows, jobs: int, window: int) -> Iterator[tuple[list[str], Summary]]:
    """Each window's lines (in input order) and counts, computed by ``jobs`` processes
    that each read the rows with ``rows()`` (a picklable function)."""
    import multiprocessing

    context = multiprocessing.get_context()
    forked = context.get_start_method() == "fork"
    queues = [context.Queue(QUEUED) for _ in range(jobs)]
    workers = [
        context.Process(
            target=_serve, args=(plan, rows, me, jobs, window, queue, forked), daemon=True
        )
        for me, queue in enumerate(queues)
    ]
    for worker in workers:
        worker.start()
    try:
        while True:
            parts = [_take(queue, worker) for queue, worker in zip(queues, workers, strict=True)]
            if parts[0] is None:
                return
            yield _merge(parts)
    finally:
        for worker in workers:
            if worker.is_alive():
                worker.terminate()
            worker.join()


def _merge(parts: list[Any]) -> tuple[list[str], Summary]:
    """The workers' lines of one window, interleaved back into input order."""
    lines: list[str | None] = parts[0][0]
    summary = Summary()
    for other, counts in parts:
        if other is not lines:
            for index, line in enumerate(other):
                if line is not None:
                    lines[index] = line
        summary.merge(counts)
    if None in lines:
        raise RuntimeError("a row was given to no worker")
    return lines, summary  # type: ignore[return-value]


def _take(queue: Any, worker: Any) -> Any:
    """The worker's next window; its error raised here; a worker that died is an error."""
    import queue as queues

    while True:
        try:
            found = queue.get(timeout=1)
        except queues.Empty:
            if not worker.is_alive():
                raise RuntimeError(f"batch worker stopped (exit {worker.exitcode})") from None
            continue
        if isinstance(found, Failure):
            raise found.error()
        return found


def _serve(
    plan: Plan, rows: Rows, me: int, jobs: int, window: int, queue: Any, forked: bool
) -> None:
    """A worker process: read every row, convert its own, send each window's lines."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent ends its workers this way
    gc.set_threshold(*GC_THRESHOLD)
    try:
        worker = Worker(plan)
        route = router(plan.columns, jobs, forked)
        for chunk in segment_chunks(rows(), window):
            where, mine = _own(chunk, route, me)
            done, counts = worker(mine)
            lines = iter(done)
            queue.put(([next(lines) if part == me else None for part in where], counts))
        queue.put(None)
    except BaseException as exc:  # handed to the parent, which reports it
        queue.put(Failure.of(exc))


def _own(
    chunk: list[Segment], route: Callable[[list[str]], int], me: int
) -> tuple[list[int], list[Segment]]:
    """Which process each row of ``chunk`` goes to, and what goes to ``me`` (of a run, a
    run of its own lines)."""
    where: list[int] = []
    mine: list[Segment] = []
    at = where.append
    for segment in chunk:
        if not isinstance(segment, Run):
            part = route(segment.cells)
            at(part)
            if part == me:
                mine.append(segment)
            continue
        numbers, texts, delimiter = segment
        own_numbers: list[int] = []
        own_texts: list[str] = []
        for number, text in zip(numbers, texts, strict=True):
            part = route(text.split(delimiter))
            at(part)
            if part == me:
                own_numbers.append(number)
                own_texts.append(text)
        if own_texts:
            mine.append(_new(Run, (own_numbers, own_texts, delimiter)))
    return where, mine


_new = tuple.__new__  # a Run without NamedTuple's slower __new__


@record
class Failure:
    """An error in a worker, in a form that crosses processes (exceptions with their own
    ``__init__`` do not pickle faithfully)."""

    code: str
    params: dict[str, Any]
    expected: bool

    @classmethod
    def of(cls, exc: BaseException) -> Failure:
        if isinstance(exc, LindringError):
            return cls(exc.code, dict(exc.params), True)
        return cls(type(exc).__name__, {"text": str(exc)}, False)

    def error(self) -> Exception:
        if self.expected:
            return InputError(self.code, **self.params)
        return RuntimeError(f"batch worker: {self.code}: {self.params['text']}")
