"""Writing batch results as CSV, in the reader's dialect or the one chosen.

CSV output is the input columns as read, then the result columns
(:data:`~lindring.batch.columns.RESULT_COLUMNS`). Numbers are written as ``--json``
writes them (rounded down to 4 decimals, no exponent), with a decimal comma for
semicolon files. Every cell that a spreadsheet could run as a formula (starting with
``=``, ``+``, ``-``, ``@``, tab or carriage return, and not a plain number) is prefixed
with ``'`` (OWASP, "CSV injection"). JSON Lines output is in ``batch_write_jsonl``.

Results repeat as rows do, so the text of each distinct row is kept with its result
(``Result.memo``, ``Calc.memo``) for as long as the batch keeps that result.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from fractions import Fraction
from functools import cache
from typing import Any

from lindring.batch.columns import Columns
from lindring.batch.engine import EMPTY, Batch, Calc, Outcome, RawRow, Result
from lindring.batch.read import Layout
from lindring.batch.summary import Summary
from lindring.batch.types import Run, Segment
from lindring.calc.convert import Conversion
from lindring.errors import InputError
from lindring.model import Amount, Localized
from lindring.records import record

ToDict = Callable[[Conversion, str], dict[str, Any]]
FORMATS = ("csv", "jsonl", "xlsx-friendly")
_RISKY = frozenset("=+-@\t\r")
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:[.,][0-9]+)?")
#: a key's own cells, its conversion's cells and line end, its result, and whether it
#: is an error
_Entry = tuple[str, str, Result, bool]


def _plain(
    text: str, delimiter: str, width: int, formula: Callable[[str], re.Match[str] | None]
) -> bool:
    """Are a row's cells, joined by ``delimiter``, already its CSV? Most rows need no
    quoting and no formula guard."""
    if text.count(delimiter) != width - 1 or '"' in text or "\n" in text or "\r" in text:
        return False
    return not _risky(text, delimiter, formula)


def _between(text: str, delimiter: str, lead: int, trail: int) -> tuple[int, int]:
    """Where the cells of ``text`` after its ``lead`` first and before its ``trail`` last
    ones begin and end."""
    begin, end = 0, len(text)
    for _ in range(lead):
        begin = text.index(delimiter, begin) + 1
    for _ in range(trail):
        end = text.rindex(delimiter, begin, end)
    return begin, end


def _risky(text: str, delimiter: str, formula: Callable[[str], re.Match[str] | None]) -> bool:
    """Does a cell of ``text`` (cells joined by ``delimiter``) start like a formula? (A
    character a formula starts with is looked for first: it is seldom there.)"""
    maybe = "=" in text or "+" in text or "-" in text or "@" in text or "\t" in text
    return maybe and formula(delimiter + text) is not None


@cache
def _formula(delimiter: str) -> Callable[[str], re.Match[str] | None]:
    """Finds a cell that starts like a formula in cells joined by ``delimiter`` (with one
    before the first). One pattern that also looked for quote marks and line breaks was
    four times slower than this and three ``in`` tests (bench/batch)."""
    return re.compile(rf"{re.escape(delimiter)}[=+\-@\t\r]").search


@record
class OutputFormat:
    """``csv`` (with its delimiter, decimal mark and encoding) or ``jsonl``."""

    kind: str
    delimiter: str = ","
    decimal_comma: bool = False
    encoding: str = "utf-8"


def output_format(layout: Layout, choice: str | None) -> OutputFormat:
    """The reader's own dialect, or ``--format csv|jsonl|xlsx-friendly``."""
    if choice is None:
        if layout.kind == "jsonl":
            return OutputFormat("jsonl")
        comma = layout.delimiter == ";" or (
            layout.delimiter == "\t" and layout.columns.lang == "nb"
        )
        return OutputFormat("csv", layout.delimiter, comma, layout.encoding)
    if choice == "csv":
        return OutputFormat("csv")
    if choice == "xlsx-friendly":
        return OutputFormat("csv", ";", True, "utf-8-sig")
    if choice == "jsonl":
        return OutputFormat("jsonl")
    raise InputError("batch.format_option", text=choice)


def guard(cell: str) -> str:
    """``cell`` made safe to open in a spreadsheet (a formula becomes text)."""
    if cell and cell[0] in _RISKY and not _PLAIN_NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


class CsvRows:
    """Formats outcomes as CSV text in one dialect.

    The result cells of a row are rendered once per distinct row text and kept as CSV
    text (the part that depends only on the conversion once per conversion), so a
    repeated row costs one dictionary look-up and the writing of its input cells.
    """

    def __init__(self, fmt: OutputFormat, columns: Columns, lang: str) -> None:
        self.fmt = fmt
        self.columns = columns
        self.lang = lang
        self.width = len(columns.header)
        self._memo = (fmt, lang)  # this writer's mark on the text it keeps with a result
        self._no_conversion = fmt.delimiter * (len(_CONV_KEYS) - 1) + "\r\n"
        self._buffer = io.StringIO()
        #: how many first lines of each kind :meth:`convert` has counted, and the kinds
        #: that have all theirs (a later row's line is never among the first)
        self._noted: dict[str, int] = {}
        self._done: set[str] = set()
        #: each key seen by :meth:`convert` (the cells that decide a row's result): what
        #: :meth:`_entry` gives for it, for the whole run
        self._entries: dict[tuple[str, ...], _Entry] = {}
        #: the same for the key cells as they stand in a line (``Batch.span``)
        self._spans: dict[str, _Entry] = {}
        self._csv = csv.writer(self._buffer, delimiter=fmt.delimiter, lineterminator="\r\n")

    def _render(self, cells: list[str]) -> str:
        """``cells`` as one CSV line without its line end (quoted as needed)."""
        buffer = self._buffer
        buffer.seek(0)
        buffer.truncate()
        self._csv.writerow([guard(c) for c in cells])
        return buffer.getvalue()[:-2]

    def header(self) -> str:
        return self._render([*self.columns.header, *self.columns.result_names()]) + "\r\n"

    def chunk(self, outcomes: Iterable[Outcome]) -> str:
        return "".join(self.lines(outcomes))

    def lines(self, outcomes: Iterable[Outcome]) -> list[str]:
        """One output line per outcome, in order (an empty string for an empty row)."""
        out: list[str] = []
        add = out.append
        delimiter, memo = self.fmt.delimiter, self._memo
        for line, cells, result, key in outcomes:
            if result.status == "empty":
                add("")
                continue
            kept = result.memo  # results are shared by the rows that repeat
            own, conversion = (
                kept[1:3] if kept and kept[0] is memo else self._tail(result, key is not None)
            )
            add(f"{self._cells(cells)}{delimiter}{line}{own}{conversion}")
        return out

    def convert(self, batch: Batch, segments: Sequence[Segment]) -> tuple[list[str], Summary]:
        """The output lines and the counts of the rows of ``segments``, converted by
        ``batch``: what ``lines(map(batch.outcome, rows))`` gives, without an outcome per
        row. A row whose key cells were seen before costs one look-up and the joining of
        its output line."""
        out: list[str] = []
        found: list[Result] = []
        numbers: list[int] = []
        for segment in segments:
            if isinstance(segment, Run):
                self._run(batch, segment, out, found)
                numbers.extend(segment.numbers)
                continue
            text, result = self._row(batch, segment)
            out.append(text)
            found.append(result)
            numbers.append(segment.line)
        summary = Summary()
        summary.add_results(numbers, found, self._done)
        for kind, kept in summary.lines.items():  # later rows of a kind come after these
            self._noted[kind] = noted = self._noted.get(kind, 0) + len(kept)
            if noted >= summary.keep:
                self._done.add(kind)
        return out, summary

    def _run(self, batch: Batch, run: Run, out: list[str], found: list[Result]) -> None:
        """The output lines and results of the rows of ``run`` (the hot loop of a batch:
        each line's text is its cells, joined as the output joins them where the
        delimiters agree)."""
        lines, texts, read_with = run
        delimiter, width = self.fmt.delimiter, self.width
        same = read_with == delimiter
        if same and batch.span is not None:
            self._spanned(batch, run, out, found)
            return
        known, key_of, formula = self._entries.get, batch.key, _formula(delimiter)
        add, keep = out.append, found.append
        for line, text in zip(lines, texts, strict=True):
            cells = text.split(read_with)
            if len(cells) != width:
                row, result = self._row(batch, RawRow(line, line, cells))
                add(row)
                keep(result)
                continue
            key = key_of(cells)
            own, conversion, result, blank = known(key) or self._entry(batch, key)
            if blank and not "".join(cells).strip():  # an error only for being blank
                add("")
                keep(EMPTY)
                continue
            if same:
                if _risky(text, delimiter, formula):
                    text = self._render(cells)
            else:
                text = delimiter.join(cells)
                if not _plain(text, delimiter, width, formula):
                    text = self._render(cells)
            add(f"{text}{delimiter}{line}{own}{conversion}")
            keep(result)

    def _spanned(self, batch: Batch, run: Run, out: list[str], found: list[Result]) -> None:
        """:meth:`_run` for a file read and written with one delimiter whose key cells
        lie together (``Batch.span``): each line's key is the text between its ``lead``
        first and ``trail`` last cells, looked up without splitting the line."""
        assert batch.span is not None
        lead, trail, _ = batch.span
        lines, texts, delimiter = run
        fields = self.width - 1
        known, formula = self._spans.get, _formula(delimiter)
        add, keep = out.append, found.append
        for line, text in zip(lines, texts, strict=True):
            if text.count(delimiter) != fields:
                row, result = self._row(batch, RawRow(line, line, text.split(delimiter)))
                add(row)
                keep(result)
                continue
            begin = text.index(delimiter) + 1 if lead == 1 else 0  # the usual layouts
            end = text.rindex(delimiter) if trail == 1 else len(text)
            if lead > 1 or trail > 1:
                begin, end = _between(text, delimiter, lead, trail)
            span = text[begin:end]
            own, conversion, result, blank = known(span) or self._span_entry(batch, span)
            if blank and not text.replace(delimiter, "").strip():  # empty, not an error
                add("")
                keep(EMPTY)
                continue
            # _risky, written out: it runs for every line
            if ("=" in text or "+" in text or "-" in text or "@" in text or "\t" in text) and (
                formula(delimiter + text) is not None
            ):
                text = self._render(text.split(delimiter))
            add(f"{text}{delimiter}{line}{own}{conversion}")
            keep(result)

    def _span_entry(self, batch: Batch, span: str) -> _Entry:
        """:meth:`_entry` for the key cells cut from a line as they stand in it."""
        assert batch.span is not None
        key = batch.span[2](span.split(self.fmt.delimiter))
        entry = self._entries.get(key) or self._entry(batch, key, keep=False)
        self._spans[span] = entry  # (kept once: a long file has many distinct rows)
        return entry

    def _row(self, batch: Batch, row: RawRow) -> tuple[str, Result]:
        """The output line and result of one row read on its own."""
        line, _end, cells, error = row
        if error is not None or len(cells) != self.width:  # unread: the long way
            outcome = batch.outcome(row)
            return self.lines([outcome])[0], outcome.result
        key = batch.key(cells)
        own, conversion, result, blank = self._entries.get(key) or self._entry(batch, key)
        if blank and not "".join(cells).strip():  # an error only for being blank
            return "", EMPTY
        return f"{self._cells(cells)}{self.fmt.delimiter}{line}{own}{conversion}", result

    def _entry(self, batch: Batch, key: tuple[str, ...], keep: bool = True) -> _Entry:
        """What :meth:`convert` keeps of a key not seen before (with ``keep``): the
        output after its ``line`` (in two parts, shared with other keys), its result,
        and whether that is an error (a blank row is empty, not an error)."""
        result = batch.compute(key)  # (this writer keeps it: Batch.results stays unused)
        kept = result.memo
        own, conversion = kept[1:3] if kept and kept[0] is self._memo else self._tail(result, True)
        entry = (own, conversion, result, result.status == "error")
        if keep:
            self._entries[tuple(map(sys.intern, key))] = entry
        return entry

    def _cells(self, cells: list[str]) -> str:
        """The input cells of a row as CSV text (padded or cut to the header's width)."""
        delimiter, width = self.fmt.delimiter, self.width
        if len(cells) != width:
            cells = _fit(cells, width, delimiter)
        text = delimiter.join(cells)
        return text if _plain(text, delimiter, width, _formula(delimiter)) else self._render(cells)

    def _tail(self, result: Result, shared: bool) -> list[str]:
        """The output after ``line``: the result's own cells (between delimiters), and
        its conversion's with the line end (shared by all the results of its calc). Kept
        with a ``shared`` result (one that rows repeat) in its memo."""
        cells = row_cells(result, self.lang, self._number)
        calc = result.calc
        conversion = self._no_conversion
        if calc is not None and calc.status != "error":
            kept = calc.memo
            conversion = kept[1] if kept and kept[0] is self._memo else self._conversion(calc)
        delimiter = self.fmt.delimiter
        own = self._render([cells[k] for k in _ROW_KEYS])
        # interned: a calc's rows without a prescribed dose all have the same text
        own = sys.intern(f"{delimiter}{own}{delimiter}")
        if shared:
            result.memo[:] = (self._memo, own, conversion)
        return [own, conversion]

    def _conversion(self, calc: Calc) -> str:
        conv = calc.conversion()
        if conv is None:
            return self._no_conversion
        cells = dict.fromkeys(_CONV_KEYS, "")
        cells.update(_conversion_cells(conv, self._number, self.lang))
        text = self._render([cells[k] for k in _CONV_KEYS]) + "\r\n"
        calc.memo[:] = (self._memo, text)
        return text

    def _number(self, value: Fraction, places: int = 4) -> str:
        return decimal(value, places, "," if self.fmt.decimal_comma else ".")


def decimal(value: Fraction, places: int = 4, mark: str = ".") -> str:
    """``value`` rounded down to ``places`` decimals, no trailing zeros, no exponent: the
    digits :func:`~lindring.numbers.to_decimal_str` gives, with integer arithmetic only
    (it runs for every number of every distinct row)."""
    scale = 10**places
    scaled = value.numerator * scale // value.denominator  # floor, also below zero
    sign = "-" if scaled < 0 else ""
    whole, frac = divmod(abs(scaled), scale)
    if frac == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole}{mark}{str(frac).rjust(places, '0').rstrip('0')}"


def row_cells(result: Result, lang: str, num: Callable[[Fraction, int], str]) -> dict[str, str]:
    """The cells of a row's own result (status, check, message: ``_ROW_KEYS``)."""
    cells = dict.fromkeys(_ROW_KEYS, "")
    cells["status"] = value_word(result.status, lang)
    if result.error is not None:
        cells["message"] = result.error.text(lang)
    check = result.check
    if check is not None:
        cells["verdict"] = value_word(check.verdict, lang)
        deviation = check.deviation_percent
        cells["deviation"] = "" if deviation is None else num(deviation, 1)
        cells["of_eq"] = num(check.percent_of_equianalgesic, 1)
        cells["check_low"] = num(check.low.value, 4)
        cells["check_high"] = num(check.high.value, 4)
        cells["message"] = check.text(lang)
    calc = result.calc
    if calc is not None and calc.status != "error" and result.status == "refused":
        refusal = calc.refusal if result.error is None else None  # kept when refused
        if refusal is not None:
            cells["message"] = refusal.text(lang)
    return cells


def conversion_cells(
    conv: Conversion | None, num: Callable[[Fraction], str], lang: str = "en"
) -> dict[str, str]:
    """The cells of a conversion (``_CONV_KEYS``; all empty without one)."""
    cells = dict.fromkeys(_CONV_KEYS, "")
    if conv is not None:
        cells.update(_conversion_cells(conv, num, lang))
    return cells


#: the status and verdict cells of a Norwegian file (an English file keeps the codes)
VALUES_NB = {
    "error": "feil",
    "refused": "avvist",
    "within": "innenfor",
    "below": "under",
    "no_reduction": "uten_reduksjon",
    "above": "over",
    "above_sources": "over_alle_kilder",
    "above_maximum": "over_maks_døgndose",
    "incomplete": "ufullstendig",  # a sum of register mode (--sum-by) missing some rows
}


def value_word(code: str, lang: str) -> str:
    return VALUES_NB.get(code, code) if lang == "nb" else code


def _conversion_cells(
    conv: Conversion, num: Callable[[Fraction], str], lang: str = "en"
) -> dict[str, str]:
    cells: dict[str, str] = {}
    if conv.ome_mg_per_24h is not None:
        cells["ome"] = num(conv.ome_mg_per_24h)
    for key, value in (("equianalgesic", conv.equianalgesic), ("low", conv.low),
                       ("high", conv.high), ("suggested", conv.suggested)):  # fmt: skip
        if value is not None:
            cells[key], cells["unit"] = num(value.value), unit_name(value)
    if conv.reduction is not None:
        cells["reduction"] = num(conv.reduction.percent)
    if conv.regimen is not None and conv.regimen.product is not None:
        cells["product"] = conv.regimen.product.name
    if conv.split is not None:
        cells["interval"] = str(conv.split.interval_hours)
        cells["dose"], cells["dose_unit"] = num(conv.split.dose.value), unit_name(conv.split.dose)
    if conv.patch is not None:
        cells["patches"] = "+".join(conv.patch.labels)
    bt = conv.breakthrough
    if bt is not None:
        cells["breakthrough"], cells["breakthrough_unit"] = num(bt.dose.value), unit_name(bt.dose)
        target = conv.request
        cells["breakthrough_for"] = (
            f"{bt.drug or target.target.key} {bt.route or target.target_route}"
        )
        if lang == "nb":
            drug = conv.request.target if not bt.drug else None
            name = drug.name.nb if drug is not None else _nb_name(conv, bt.drug)
            cells["breakthrough_for"] = f"{name} {bt.route or target.target_route}"
    cells["warnings"] = " | ".join(alert.text(lang) for alert in conv.alerts)
    cells["warning_codes"] = "|".join(alert.code for alert in conv.alerts)
    return cells


def _nb_name(conv: Conversion, key: str) -> str:
    """The Norwegian name of a patch's rescue drug, as its working step names it."""
    for step in conv.steps:
        name = step.params.get("drug") if step.code == "breakthrough_patch" else None
        if isinstance(name, Localized):
            return name.nb
    return key


_ROW_KEYS = ("status", "verdict", "deviation", "of_eq", "check_low", "check_high", "message")
_CONV_KEYS = ("ome", "equianalgesic", "low", "high", "unit", "reduction", "suggested",
              "product", "interval", "dose", "dose_unit", "patches", "breakthrough",
              "breakthrough_unit", "breakthrough_for", "warnings", "warning_codes")  # fmt: skip


def unit_name(amount: Amount) -> str:
    """The unit as ``--json`` writes it: ``mg/24h``, ``microgram``, ``microgram/h``."""
    return amount.unit + ("/24h" if amount.per_24h else "")


def _fit(cells: list[str], width: int, delimiter: str) -> list[str]:
    """A short row padded, a long one with its extra cells kept in its last column."""
    if len(cells) < width:
        return [*cells, *([""] * (width - len(cells)))]
    if width == 0:
        return []
    return [*cells[: width - 1], delimiter.join(cells[width - 1 :])]
