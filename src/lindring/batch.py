"""Batch conversion: rows in, one outcome per row out, and a summary that adds up.

Each row becomes an :class:`Outcome`: ``ok`` with its
:class:`~lindring.convert.Conversion`, ``refused`` (with the referral), ``error``
(with the reason, as a value: a bad row never stops the others) or ``empty`` (a blank
line, skipped and counted). Where a prescribed dose is given the outcome carries a
:class:`Check`: within, below or above the range of start doses the working supports.

Rows repeat (the same drug, dose and target across a ward or a register), so the
result of each distinct row text is cached; results are immutable and shared. Rows are
taken from an iterator and given back one at a time: nothing holds the whole file.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from operator import itemgetter
from typing import Any, NamedTuple

from lindring import batch_messages as _messages  # noqa: F401  (registers the texts)
from lindring.batch_columns import Columns
from lindring.convert import Conversion, Options, convert, in_unit
from lindring.dose import parse_dose
from lindring.errors import DoseError, LindringError, RefusedError
from lindring.i18n import text
from lindring.model import Amount, Tables
from lindring.request import Request, build_request
from lindring.tolerance import parse_percent

#: the fields that decide a row's result, in the order of the cache key
KEY_FIELDS = (
    "drug", "dose", "frequency", "route", "target", "target_route", "interval", "reduce",
    "prescribed",
)  # fmt: skip
MAX_CELL = 300
CACHE_SIZE = 4096
_INTERVAL = re.compile(r"(?:q\s*)?([0-9]{1,2})\s*(?:h|t|timer|hours?)?", re.IGNORECASE)
_EXCEL_DATE = re.compile(
    r"[0-9]{1,2}[./-](?:[0-9]{1,2}|[a-zæøå]{3,9})(?:[./-][0-9]{2,4})?", re.IGNORECASE
)
_EXCEL_EXPONENT = re.compile(r"[0-9]+(?:[.,][0-9]+)?\s*[eE][-+]?[0-9]+.*")


@dataclass(frozen=True)
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

    @classmethod
    def of(cls, exc: LindringError, column: str | None = None) -> RowError:
        return cls(exc.code, dict(exc.params), column)


@dataclass(frozen=True)
class Check:
    """A prescribed daily dose held against the range of start doses the working supports.

    ``low`` is the equianalgesic low end less the largest reduction in the handbook's
    band (or lindring's own rounded suggestion, if lower); ``high`` is the high end less
    the smallest reduction (none for a route change of the same drug; the user's own
    ``reduce`` moves both ends). ``deviation_percent`` is how far outside the nearer end
    the prescription is (0 within), rounded away from zero so it is never understated.
    """

    verdict: str  # "within", "below" or "above"
    prescribed: Amount
    low: Amount
    high: Amount
    deviation_percent: Fraction

    def text(self, lang: str) -> str:
        return text(
            f"batch.verdict_{self.verdict}",
            lang,
            prescribed=self.prescribed,
            percent=abs(self.deviation_percent),
            low=self.low,
            high=self.high,
        )


@dataclass(frozen=True)
class Result:
    """What one distinct row gives (shared by every row with the same text)."""

    status: str  # "ok", "refused", "error" or "empty"
    conversion: Conversion | None = None
    error: RowError | None = None
    check: Check | None = None


EMPTY = Result("empty")


class RawRow(NamedTuple):
    """A row as read: its first and last physical line, its cells, or why it is unreadable."""

    line: int
    end: int
    cells: list[str]
    error: RowError | None = None


class Outcome(NamedTuple):
    """One input row and its result. ``key`` is the cache key (``None`` for bad rows)."""

    line: int
    cells: list[str]
    result: Result
    key: tuple[str, ...] | None

    @property
    def status(self) -> str:
        return self.result.status


class Batch:
    """Turns the rows of one file (with ``columns``) into outcomes, caching what repeats."""

    def __init__(self, tables: Tables, columns: Columns, cache_size: int = CACHE_SIZE) -> None:
        self.tables = tables
        self.columns = columns
        self.width = len(columns.header)
        self._fields = tuple(f for f in KEY_FIELDS if f in columns.index)
        self._get = itemgetter(*(columns.index[f] for f in self._fields))
        self._result = lru_cache(maxsize=cache_size)(self._compute)
        self._request = lru_cache(maxsize=cache_size * 4)(self._build)

    def outcomes(self, rows: Iterable[RawRow]) -> Iterator[Outcome]:
        """One outcome per row, in order."""
        return map(self.outcome, rows)

    def outcome(self, row: RawRow) -> Outcome:
        line, end, cells, error = row
        if error is not None:
            return Outcome(line, cells, Result("error", error=error), None)
        if len(cells) != self.width:
            if not "".join(cells).strip():
                return Outcome(line, cells, EMPTY, None)
            code = "batch.row_fields" if end == line else "batch.row_fields_span"
            params = {"expected": self.width, "found": len(cells), "start": line, "end": end}
            return Outcome(line, cells, Result("error", error=RowError(code, params)), None)
        key: tuple[str, ...] = self._get(cells)
        result = self._result(key)
        if result.status == "error" and not "".join(cells).strip():
            result = EMPTY
        return Outcome(line, cells, result, key)

    def _compute(self, key: tuple[str, ...]) -> Result:
        cells = dict(zip(self._fields, (c.strip() for c in key), strict=True))
        for name, value in cells.items():
            if len(value) > MAX_CELL:
                return _error(RowError("batch.row_too_long", {"limit": MAX_CELL}))
        for name in ("drug", "dose", "route", "target", "target_route"):
            if not cells[name]:
                column = self.columns.name(name)
                return _error(RowError("batch.row_missing", {"column": column}))
        dose = f"{cells['dose']} {cells.get('frequency', '')}".strip()
        try:
            options = Options(
                self._column("reduce", cells, parse_percent, None),
                self._column("interval", cells, _interval, None),
            )
            request = self._request(
                cells["drug"], dose, cells["route"], cells["target"], cells["target_route"]
            )
            if isinstance(request, RowError):
                return _error(request)
            conversion = convert(self.tables, request, options)
            prescribed = self._column("prescribed", cells, _prescribed, None)
        except _ColumnError as exc:
            return _error(exc.error)
        except LindringError as exc:
            return _error(RowError.of(exc))
        if conversion.refusal is not None:
            return Result("refused", conversion)
        check = None if prescribed is None else check_prescribed(conversion, prescribed)
        return Result("ok", conversion, check=check)

    def _build(
        self, drug: str, dose: str, route: str, target: str, target_route: str
    ) -> Request | RowError:
        """The request for these cells (cached apart: many rows share it)."""
        try:
            return build_request(self.tables, drug, dose, route, target, target_route)
        except DoseError as exc:
            return _excel_hint(exc, dose, self.columns.name("dose"))
        except LindringError as exc:
            return RowError.of(exc)

    def _column(self, name: str, cells: dict[str, str], parse: Any, default: Any) -> Any:
        value = cells.get(name, "")
        if not value:
            return default
        try:
            return parse(value)
        except LindringError as exc:
            column = self.columns.name(name)
            if isinstance(exc, DoseError):
                raise _ColumnError(_excel_hint(exc, value, column)) from None
            raise _ColumnError(RowError.of(exc, column)) from None


class _ColumnError(Exception):
    def __init__(self, error: RowError) -> None:
        super().__init__(error.code)
        self.error = error


def _error(error: RowError) -> Result:
    status = "refused" if error.code == "refused_name" else "error"
    return Result(status, error=error)


def _interval(value: str) -> int:
    match = _INTERVAL.fullmatch(value)
    if match is None:
        raise LindringError("batch.row_interval", text=value)
    return int(match[1])


def _prescribed(value: str) -> Fraction:
    """A prescribed daily dose in mg (a bare dose is the 24-hour total)."""
    return parse_dose(value).daily_mg


def _excel_hint(exc: DoseError, value: str, column: str) -> RowError:
    """A dose error, explained as Excel's doing where the cell looks like it."""
    if _EXCEL_DATE.fullmatch(value.strip()):
        return RowError("batch.row_excel_date", {"text": value}, column)
    if _EXCEL_EXPONENT.fullmatch(value.strip()):
        return RowError("batch.row_excel_exponent", {"text": value}, column)
    return RowError.of(exc, column)


def check_prescribed(conversion: Conversion, prescribed_mg: Fraction) -> Check | None:
    """Hold a prescribed daily dose (mg) against the conversion (see :class:`Check`)."""
    conv = conversion
    if conv.low is None or conv.high is None or conv.reduction is None:
        return None
    unit = conv.low.unit
    reduction = conv.reduction
    if reduction.reason == "override":
        most = least = reduction.percent
    else:
        most = max(reduction.percent, reduction.band_high)
        least = min(reduction.percent, reduction.band_low)
    low = conv.low.value * (100 - most) / 100
    if conv.suggested is not None:
        low = min(low, conv.suggested.value)
    high = conv.high.value * (100 - least) / 100
    given = in_unit(prescribed_mg, unit)
    if given > high:
        verdict, deviation = "above", _away_from_zero((given - high) / high * 100)
    elif given < low:
        verdict, deviation = "below", _away_from_zero((given - low) / low * 100)
    else:
        verdict, deviation = "within", Fraction(0)
    return Check(
        verdict,
        Amount(given, unit, True),
        Amount(low, unit, True),
        Amount(high, unit, True),
        deviation,
    )


def _away_from_zero(value: Fraction, places: int = 1) -> Fraction:
    scale = 10**places
    magnitude = Fraction(math.ceil(abs(value) * scale), scale)
    return magnitude if value >= 0 else -magnitude


@dataclass
class Summary:
    """Counts per status and verdict; ``ok + error + refused + empty == rows`` and
    ``within + below + above + unchecked == ok``. Keeps the first lines of each kind."""

    rows: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    lines: dict[str, list[int]] = field(default_factory=dict)
    keep: int = 10

    def add(self, outcome: Outcome) -> None:
        self.rows += 1
        result = outcome.result
        self._count(result.status, outcome.line)
        if result.status == "ok":
            self._count(result.check.verdict if result.check else "unchecked", outcome.line)

    def _count(self, kind: str, line: int) -> None:
        self.counts[kind] = self.counts.get(kind, 0) + 1
        kept = self.lines.setdefault(kind, [])
        if len(kept) < self.keep:
            kept.append(line)

    def merge(self, other: Summary) -> None:
        self.rows += other.rows
        for kind, count in other.counts.items():
            self.counts[kind] = self.counts.get(kind, 0) + count
            kept = self.lines.setdefault(kind, [])
            kept.extend(other.lines.get(kind, [])[: max(0, self.keep - len(kept))])

    def count(self, kind: str) -> int:
        return self.counts.get(kind, 0)

    @property
    def flagged(self) -> bool:
        """A row failed, was refused, or was prescribed above the range."""
        return any(self.count(k) for k in ("error", "refused", "above"))

    def report(self, lang: str) -> list[str]:
        """The summary as lines of text (for stderr)."""
        c = self.count
        out = [
            text("batch.summary", lang, rows=self.rows, ok=c("ok"), error=c("error"),
                 refused=c("refused"), empty=c("empty")),
        ]  # fmt: skip
        if any(c(v) for v in ("within", "below", "above")):
            out.append(
                text("batch.summary_check", lang, within=c("within"), below=c("below"),
                     above=c("above"), unchecked=c("unchecked"))
            )  # fmt: skip
        for kind in ("above", "error", "refused"):
            if c(kind):
                out.append(text(f"batch.summary_{_PLURAL[kind]}", lang, lines=self._lines(kind, lang)))
        return out

    def _lines(self, kind: str, lang: str) -> str:
        shown = ", ".join(map(str, self.lines.get(kind, [])))
        more = self.count(kind) - len(self.lines.get(kind, []))
        return f"{shown} ({text('batch.summary_more', lang, count=more)})" if more else shown


_PLURAL = {"above": "above", "error": "errors", "refused": "refused"}


def summarize(outcomes: Iterable[Outcome]) -> Summary:
    """Count ``outcomes`` (consumes them)."""
    summary = Summary()
    for outcome in outcomes:
        summary.add(outcome)
    return summary
