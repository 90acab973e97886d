"""Register mode (``lindring batch --sum-by COLUMN``): the daily oral morphine
equivalent of everything each patient takes, added up as Helfo's OMEQ form adds a
patient's current opioids.

Rows are grouped by the cell in ``COLUMN`` (a patient id, say), in the order each value
first appears. Every row of a group adds its oral morphine equivalent (mg per 24 h),
whether or not it also names a target. A row that gives none (an unreadable dose, an
unknown drug, methadone, an implausible dose) makes its group ``incomplete``, and its
line is listed: the sum of the other rows is still given, never passed off as whole.
Empty lines belong to no group. Memory grows with the number of groups, not of rows.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from fractions import Fraction

from lindring.batch.columns import Columns, field_of, normalize_header
from lindring.batch.engine import Outcome
from lindring.batch.write import OutputFormat, decimal, guard, value_word
from lindring.errors import InputError
from lindring.numbers import json_number

#: the columns after the group's own: (key, English name, Norwegian name)
SUM_COLUMNS = (
    ("rows", "rows", "rader"),
    ("ome", "ome_mg_24h", "ome_mg_døgn"),
    ("status", "status", "status"),
    ("lines", "lines_without_ome", "linjer_uten_ome"),
)


@dataclass
class Group:
    """One value of the column: its rows, their summed OME, the lines that gave none."""

    rows: int = 0
    ome: Fraction = Fraction(0)
    missing: list[int] = field(default_factory=list)

    @property
    def status(self) -> str:
        return "incomplete" if self.missing else "ok"


def sum_column(columns: Columns, name: str) -> int:
    """Where ``name`` is in the header: the same text, the same name once normalized
    (``Pasient ID`` is ``pasient_id``), or the same field (``id`` finds ``pasient``)."""
    header = columns.header
    for match in (
        lambda h: h == name,
        lambda h: normalize_header(h) == normalize_header(name),
        lambda h: field_of(h) is not None and field_of(h) == field_of(name),
    ):
        found = [i for i, h in enumerate(header) if match(h)]
        if found:
            return found[0]
    raise InputError("batch.sum_by_column", column=name, found=", ".join(header))


class Sums:
    """The groups of one file, filled chunk by chunk."""

    def __init__(self, columns: Columns, column: str) -> None:
        self.columns = columns
        self.at = sum_column(columns, column)
        self.groups: dict[str, Group] = {}

    def add(self, outcomes: Iterable[Outcome]) -> None:
        groups, at = self.groups, self.at
        for line, cells, result, _ in outcomes:
            if result.status == "empty":
                continue
            key = cells[at].strip() if at < len(cells) else ""
            group = groups.get(key)
            if group is None:
                group = groups[key] = Group()
            group.rows += 1
            ome = None if result.calc is None else result.calc.ome
            if ome is None:
                group.missing.append(line)
            else:
                group.ome += ome

    def lines(self, fmt: OutputFormat, lang: str = "en") -> Iterator[str]:
        """The output, one line per group, in the output's format (CSV: its dialect, the
        header in the language of the input's column names, the status in ``lang`` as
        the status column of a normal run; JSON Lines: the codes)."""
        name = self.columns.header[self.at]
        if fmt.kind == "jsonl":
            for key, group in self.groups.items():
                row = {
                    name: key,
                    "rows": group.rows,
                    "ome_mg_24h": json_number(group.ome),
                    "status": group.status,
                    "lines_without_ome": group.missing,
                }
                yield json.dumps(row, ensure_ascii=False) + "\n"
            return
        nb = self.columns.lang == "nb"
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=fmt.delimiter, lineterminator="\r\n")
        mark = "," if fmt.decimal_comma else "."
        writer.writerow([guard(name), *(n if nb else e for _, e, n in SUM_COLUMNS)])
        for key, group in self.groups.items():
            lines = " ".join(map(str, group.missing))
            ome = decimal(group.ome, 4, mark)
            status = value_word(group.status, lang)
            writer.writerow([guard(key), group.rows, ome, status, lines])
            if buffer.tell() > 1 << 16:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
        yield buffer.getvalue()
