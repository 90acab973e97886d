"""The values a batch run is made of: a row as read, its result, and one outcome per row.

Results are immutable and shared by every row with the same text (``lindring.batch.engine``
caches them); ``memo`` is a writer's cache of its output text, never part of a result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from lindring.batch.check import Bounds, Check
from lindring.calc.convert import Conversion
from lindring.i18n import text

if TYPE_CHECKING:
    from lindring.calc.convert import Options
    from lindring.calc.request import Request
    from lindring.calc.working import Refusal


class Converter(Protocol):
    """What converts a row again when its full result is asked for (the batch's
    :class:`~lindring.batch.engine.Batch`, with its cache of conversions)."""

    def converted(self, request: Request, options: Options, /) -> Conversion: ...


@dataclass(frozen=True, slots=True)
class RowError:
    """Why a row could not be converted: a message code, its parameters and the column."""

    code: str
    params: dict[str, Any] = field(default_factory=dict, hash=False)
    column: str | None = None

    def text(self, lang: str) -> str:
        message = text(self.code, lang, **self.params)
        if self.column is None:
            return message
        return text("batch.row_column", lang, column=self.column, message=message)


@dataclass(frozen=True, eq=False, slots=True)
class Calc:
    """What a row's conversion gives, kept small so that many can be cached: its status,
    its error, the range a prescription is checked against, and a way to the full
    :class:`~lindring.calc.convert.Conversion` (recomputed when no longer cached)."""

    key: tuple[Request, Options] | None  # what it converts (None: it could not be read)
    status: str  # "ok", "refused" or "error"
    error: RowError | None = None
    bounds: Bounds | None = None
    batch: Converter | None = None
    ome: Fraction | None = None  # mg oral morphine per 24 h of the parts, when known
    refusal: Refusal | None = None  # why a ``refused`` conversion was refused
    #: ``[writer, text]``: the output text a writer made of it, kept as long as this
    #: object is in the batch's cache (a cache, never part of the result's meaning)
    memo: list[Any] = field(default_factory=list, repr=False)

    def conversion(self) -> Conversion | None:
        if self.batch is None or self.key is None:
            return None
        return self.batch.converted(*self.key)


@dataclass(frozen=True, eq=False, slots=True)
class Result:
    """What one distinct row gives (shared by every row with the same text)."""

    status: str  # "ok", "refused", "error" or "empty"
    calc: Calc | None = None
    error: RowError | None = None
    check: Check | None = None
    memo: list[Any] = field(default_factory=list, repr=False)  # as in Calc

    @property
    def conversion(self) -> Conversion | None:
        """The conversion (``ok`` and most ``refused`` rows), recomputed if need be."""
        return None if self.calc is None else self.calc.conversion()


EMPTY = Result("empty")


class RawRow(NamedTuple):
    """A row as read: its first and last physical line, its cells, or why it is unreadable."""

    line: int
    end: int
    cells: list[str]
    error: RowError | None = None


class Run(NamedTuple):
    """Rows that the csv module need not read: each one's physical line number (as read:
    consecutive lines) and text (without its line end), which is its cells joined by
    ``delimiter``, with no quote mark, no line break and nothing undecodable; none is
    blank."""

    numbers: Sequence[int]
    texts: list[str]
    delimiter: str


#: what the CSV reader gives: a row, or a run of plain rows
Segment = RawRow | Run


class Outcome(NamedTuple):
    """One input row and its result; ``key`` is the cache key (``None`` for unread rows)."""

    line: int
    cells: list[str]
    result: Result
    key: tuple[str, ...] | None

    @property
    def status(self) -> str:
        return self.result.status

    @property
    def conversion(self) -> Conversion | None:
        return self.result.conversion
