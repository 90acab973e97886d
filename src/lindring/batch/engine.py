"""Batch conversion: rows in, one outcome per row out (the summary is in ``batch_summary``).

Each row becomes an :class:`Outcome`: ``ok`` with its
:class:`~lindring.calc.convert.Conversion`, ``refused`` (with the referral), ``error``
(with the reason, as a value: a bad row never stops the others) or ``empty`` (a blank
line, skipped and counted). Where a prescribed dose is given, an ``ok`` outcome carries
a :class:`~lindring.batch.check.Check`: within, below or above the range of start doses
the working supports.

Rows repeat (the same drug, dose and target across a ward or a register), so the
result of each distinct row text is cached, and below it what the text means (see
:class:`Batch`); results are immutable and shared. Rows come from an iterator and go
out one at a time: nothing holds the whole file.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from fractions import Fraction
from functools import cache, lru_cache, partial
from operator import itemgetter
from typing import Any

from lindring.batch.check import bounds, judge, prescribed_amount
from lindring.batch.columns import REQUIRED, TARGET, Columns
from lindring.batch.types import EMPTY, Calc, Outcome, RawRow, Result, RowError
from lindring.calc.convert import Options, convert
from lindring.calc.dose import parse_dose
from lindring.calc.patient import parse_egfr
from lindring.calc.request import Request, parse_request
from lindring.errors import DoseError, LindringError, RefusedError
from lindring.model import Amount, Tables
from lindring.numread import percent

__all__ = ["EMPTY", "Batch", "Calc", "Outcome", "RawRow", "Result", "RowError"]

#: the fields that decide a row's result, in the order of the cache key
KEY_FIELDS = (
    "drug", "dose", "frequency", "route", "target", "target_route", "interval", "reduce",
    "egfr", "frail", "prescribed",
)  # fmt: skip
MAX_CELL = 300
REFERENCE = ("morphine", "po")  # what the oral morphine equivalent is in
CONVERSIONS = 2048  # full conversions kept (about 7 KB each)
_INTERVAL = re.compile(r"(?:q\s*)?([0-9]{1,2})\s*(?:h|t|timer|hours?)?", re.IGNORECASE)
_EXCEL_DATE = re.compile(
    r"[0-9]{1,2}[./-](?:[0-9]{1,2}|[a-zæøå]{3,9})\.?(?:[./-][0-9]{2,4})?", re.IGNORECASE
)
_EXCEL_EXPONENT = re.compile(r"[0-9]+(?:[.,][0-9]+)?\s*[eE][-+]?[0-9]+.*")
_new = tuple.__new__
#: the cells a frail column may hold (an empty cell: not frail)
FRAIL_YES = frozenset({"yes", "y", "true", "1", "x", "ja", "j", "sann"})
FRAIL_NO = frozenset({"", "no", "n", "false", "0", "nei"})


class _Failed(Exception):
    """Carries a row's error :class:`Result` out of the parsing helpers."""

    def __init__(self, result: Result) -> None:
        super().__init__(result.status)
        self.result = result


class Batch:
    """Turns the rows of one file (laid out as ``columns``) into outcomes.

    Each row text is looked up in turn by what it means: its cells give a request and
    options (cached by text), a request and options give one :class:`Calc` (cached by
    meaning, so a brand and its generic name share it), and a calc and the prescribed
    amount give one :class:`Result` (so do the rows that differ only in how they write
    it). Each distinct text, request and verdict is computed once per run: the caches
    grow with the distinct rows (tens of thousands in a register year), not with the
    rows. Full conversions (about 7 KB each) are kept for the most recent few only:
    what the output needs of them is taken as they are made.
    """

    def __init__(self, tables: Tables, columns: Columns) -> None:
        self.tables = tables
        self.columns = columns
        self.width = len(columns.header)
        self._fields = tuple(f for f in KEY_FIELDS if f in columns.index)
        #: a row's key: the cells that decide its result (``cells`` of the header's width)
        self.key: Callable[[list[str]], tuple[str, ...]] = itemgetter(
            *(columns.index[f] for f in self._fields)
        )
        #: where the key cells lie together (no other column among them), the number of
        #: cells before and after them, and the key made of the cells between: a plain
        #: row's key can be cut from its text without splitting it (``CsvRows``)
        self.span: tuple[int, int, Callable[[list[str]], tuple[str, ...]]] | None = None
        places = [columns.index[f] for f in self._fields]
        first, last = min(places), max(places)
        if sorted(places) == list(range(first, last + 1)):
            between = itemgetter(*(place - first for place in places))
            self.span = (first, self.width - 1 - last, between)
        #: the result of each key seen; a key not in it is computed with :meth:`result`
        self.results: dict[tuple[str, ...], Result] = {}
        # each distinct value computed once for the whole run: the caches hold small,
        # immutable results and grow with the distinct rows, never with the rows
        self._calc = cache(self._calculate)
        self._calc_of = cache(self._meaning)
        self._judged = cache(self._judge)
        self._request = cache(self._build)
        self._options = cache(self._parse_options)
        self._given = cache(self._prescribed)
        # convert is pure: this is plain memoizing (a calc's text is rendered, and its
        # refusal kept, as it is made; the full conversion is seldom needed again)
        self.converted = lru_cache(maxsize=CONVERSIONS)(partial(convert, tables))

    def outcomes(self, rows: Iterable[RawRow]) -> Iterator[Outcome]:
        """One outcome per row, in order."""
        return map(self.outcome, rows)

    def outcome(self, row: RawRow) -> Outcome:
        line, _end, cells, error = row
        if error is None and len(cells) == self.width:
            key = self.key(cells)
            result = self.results.get(key) or self.result(key)
            if result.status == "error" and not "".join(cells).strip():
                result = EMPTY
            return _new(Outcome, (line, cells, result, key))  # the fast NamedTuple.__new__
        if error is not None:
            return Outcome(line, cells, Result("error", error=error), None)
        if not "".join(cells).strip():
            return Outcome(line, cells, EMPTY, None)
        params = {"expected": self.width, "found": len(cells)}
        error = RowError("batch.row_fields", params)
        return Outcome(line, cells, Result("error", error=error), None)

    def result(self, key: tuple[str, ...]) -> Result:
        """Compute and keep the result of a row text not seen before. The key's cells
        are interned: the same words in many keys are kept once."""
        found = self.compute(key)
        self.results[tuple(map(sys.intern, key))] = found
        return found

    def compute(self, key: tuple[str, ...]) -> Result:
        """The result of the row whose key cells are ``key``, not kept (a caller that
        keeps it keys it itself); what it is made of is kept."""
        cells = dict(zip(self._fields, (c.strip() for c in key), strict=True))
        for name in REQUIRED:
            if not cells[name]:
                return _fail("batch.row_missing", column=self.columns.name(name)).result
        target, target_route = cells.get("target", ""), cells.get("target_route", "")
        if bool(target) != bool(target_route):  # no target at all: the OME only
            name = TARGET[1] if target else TARGET[0]
            return _fail("batch.row_missing", column=self.columns.name(name)).result
        if any(len(value) > MAX_CELL for value in key):
            return _fail("batch.row_too_long", limit=MAX_CELL).result
        dose = f"{cells['dose']} {cells.get('frequency', '')}".strip()
        calc = self._calc(
            cells["drug"], dose, cells["route"], target, target_route,
            cells.get("interval", ""), cells.get("reduce", ""),
            cells.get("egfr", ""), cells.get("frail", ""),
        )  # fmt: skip
        prescribed = cells.get("prescribed", "")
        if calc.status != "ok" or calc.bounds is None or not prescribed:
            return self._judged(calc, None)
        given = self._given(prescribed, calc.bounds.low.unit, calc.bounds.low.per_24h)
        if isinstance(given, RowError):
            return Result("error", calc, given)
        return self._judged(calc, given.value)

    def _judge(self, calc: Calc, prescribed: Fraction | None) -> Result:
        """The result of ``calc`` with this prescribed amount (in the unit of its range)."""
        if prescribed is None or calc.bounds is None:
            return Result(calc.status, calc, calc.error)
        low = calc.bounds.low
        return Result(
            "ok", calc, check=judge(calc.bounds, Amount(prescribed, low.unit, low.per_24h))
        )

    def _calculate(
        self, drug: str, dose: str, route: str, target: str, target_route: str,
        interval: str, reduce: str, egfr: str = "", frail: str = "",
    ) -> Calc:  # fmt: skip
        if not target:  # the oral morphine equivalent only: nothing of a target applies
            options: Options | Result = Options(ome_only=True)
            target, target_route = REFERENCE
        else:
            options = self._options(interval, reduce, egfr, frail)
        if isinstance(options, Result):
            return Calc(None, options.status, options.error)
        request = self._request(drug, dose, route, target, target_route)
        if isinstance(request, Result):
            return Calc(None, request.status, request.error)
        return self._calc_of(request, options)

    def _meaning(self, request: Request, options: Options) -> Calc:
        try:
            found = self.converted(request, options)
        except LindringError as exc:
            failed = _from_error(exc)
            return Calc(None, failed.status, failed.error)
        ome = found.ome_mg_per_24h
        if found.refusal is not None and found.refusal.code == "implausible":
            ome = None  # above what any patient takes: a typo, not a figure to add up
        if found.refusal is not None:
            refusal = found.refusal
            return Calc((request, options), "refused", batch=self, ome=ome, refusal=refusal)
        if options.ome_only:
            return Calc((request, options), "ok", batch=self, ome=ome)
        return Calc((request, options), "ok", bounds=bounds(found), batch=self, ome=ome)

    def _parse_options(
        self, interval: str, reduce: str, egfr: str = "", frail: str = ""
    ) -> Options | Result:
        """The options of a row: ``--interval``, ``--reduce``, ``--egfr`` and ``--frail``
        from its cells."""
        try:
            return Options(
                self._reduce(reduce),
                self._interval(interval),
                egfr=self._egfr(egfr),
                frail=self._frail(frail),
            )
        except _Failed as failed:
            return failed.result

    def _egfr(self, value: str) -> Fraction | None:
        try:
            return parse_egfr(value) if value else None
        except LindringError as exc:
            raise _Failed(_error(_row_error(exc, self.columns.name("egfr")))) from None

    def _frail(self, value: str) -> bool:
        word = value.strip().casefold()
        if word in FRAIL_NO:
            return False
        if word in FRAIL_YES:
            return True
        raise _fail("batch.row_frail", at=self.columns.name("frail"), text=value)

    def _build(
        self, drug: str, dose: str, route: str, target: str, target_route: str
    ) -> Request | Result:
        """The request for these cells; several drugs are joined with ``+`` in each cell."""
        try:
            words = [*_parts(drug, dose, route), "to", target, target_route]
            return parse_request(self.tables, words)
        except DoseError as exc:
            return _error(_excel_hint(exc, dose, self.columns.name("dose")))
        except _Failed as failed:
            return failed.result
        except LindringError as exc:
            return _from_error(exc)

    def _reduce(self, value: str) -> Fraction | None:
        try:
            return percent(value) if value else None
        except LindringError as exc:
            raise _Failed(_error(_row_error(exc, self.columns.name("reduce")))) from None

    def _interval(self, value: str) -> int | None:
        if not value:
            return None
        match = _INTERVAL.fullmatch(value)
        if match is None:
            raise _fail("batch.row_interval", at=self.columns.name("interval"), text=value)
        return int(match[1])

    def _prescribed(self, value: str, unit: str, per_24h: bool) -> Amount | RowError:
        column = self.columns.name("prescribed")
        try:
            return prescribed_amount(parse_dose(value), Amount(Fraction(1), unit, per_24h))
        except DoseError as exc:
            return _excel_hint(exc, value, column)
        except LindringError as exc:
            return _row_error(exc, column)


def _parts(drug: str, dose: str, route: str) -> list[str]:
    """``oxycodone + fentanyl``, ``20 mg x2 + 25 mcg/h``, ``po + td`` as request words."""
    if "+" not in drug:
        return [drug, dose, route]
    drugs, doses, routes = (cell.split("+") for cell in (drug, dose, route))
    if not len(drugs) == len(doses) == len(routes):
        counts = f"{len(drugs)}/{len(doses)}/{len(routes)}"
        raise _fail("batch.row_parts", counts=counts)
    words: list[str] = []
    for d, q, r in zip(drugs, doses, routes, strict=True):
        words.extend(("+", d.strip(), q.strip(), r.strip()) if words else (d, q, r))
    return words


def _fail(code: str, at: str | None = None, **params: Any) -> _Failed:
    return _Failed(_error(RowError(code, params, at)))


def _row_error(exc: LindringError, column: str | None = None) -> RowError:
    return RowError(exc.code, dict(exc.params), column)


def _error(error: RowError) -> Result:
    return Result("error", error=error)


def _from_error(exc: LindringError) -> Result:
    status = "refused" if isinstance(exc, RefusedError) else "error"
    return Result(status, error=_row_error(exc))


def _excel_hint(exc: DoseError, value: str, column: str) -> RowError:
    """A dose error, explained as Excel's doing where the cell looks like it."""
    if _EXCEL_DATE.fullmatch(value.strip()):
        return RowError("batch.row_excel_date", {"text": value}, column)
    if _EXCEL_EXPONENT.fullmatch(value.strip()):
        return RowError("batch.row_excel_exponent", {"text": value}, column)
    return _row_error(exc, column)
