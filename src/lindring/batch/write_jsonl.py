"""Writing batch results as JSON Lines: per row, the ``lindring convert --json`` object
(``docs/json.md``) with ``line``, ``id``, ``status``, ``check`` and ``row`` added, and
``error`` or ``refused`` for a row without a conversion (``docs/batch.md``).

The conversion's part of each line is serialised once per distinct conversion and kept.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from lindring.batch.check import Check
from lindring.batch.columns import Columns
from lindring.batch.engine import Calc, Outcome
from lindring.batch.write import ToDict, unit_name
from lindring.model import Amount
from lindring.numbers import json_number

CONVERSIONS = 2048  # conversions whose JSON text is kept (about 5 KB each; cleared when full)


class JsonRows:
    """Formats outcomes as JSON Lines: the ``convert --json`` object plus the row."""

    def __init__(self, columns: Columns, lang: str, to_dict: ToDict) -> None:
        self.columns = columns
        self.lang = lang
        self.to_dict = to_dict
        self.id = columns.index.get("id")
        self._cache: dict[Calc, str | None] = {}  # by the calc itself (identity)

    def header(self) -> str:
        return ""

    def chunk(self, outcomes: Iterable[Outcome]) -> str:
        return "".join(self.lines(outcomes))

    def lines(self, outcomes: Iterable[Outcome]) -> list[str]:
        """One output line per outcome, in order (an empty string for an empty row)."""
        return ["" if o.result.status == "empty" else self._line(o) for o in outcomes]

    def _line(self, outcome: Outcome) -> str:
        line, cells, result, _ = outcome
        head: dict[str, Any] = {
            "line": line,
            "id": cells[self.id] if self.id is not None and self.id < len(cells) else None,
            "status": result.status,
            "check": None if result.check is None else check_dict(result.check),
        }
        if len(cells) == len(self.columns.header):
            head["row"] = dict(zip(self.columns.header, cells, strict=True))
        else:
            head["cells"] = cells
        if result.error is not None:
            kind = "refused" if result.status == "refused" else "error"
            head[kind] = {"code": result.error.code, "message": result.error.text(self.lang)}
        text = json.dumps(head, ensure_ascii=False)
        body = self._body(result.calc)
        return text + "\n" if body is None else f"{text[:-1]}, {body[1:]}\n"

    def _body(self, calc: Calc | None) -> str | None:
        """The conversion's JSON object as text (kept for the last few thousand calcs:
        each is about 5 KB, too large to keep with every calc as the CSV writer does)."""
        if calc is None:
            return None
        if calc in self._cache:
            return self._cache[calc]
        conversion = calc.conversion()
        body = None
        if conversion is not None:
            body = json.dumps(self.to_dict(conversion, self.lang), ensure_ascii=False)
        if len(self._cache) >= CONVERSIONS:
            self._cache.clear()
        self._cache[calc] = body
        return body


def check_dict(check: Check) -> dict[str, Any]:
    deviation = check.deviation_percent
    return {
        "verdict": check.verdict,
        "deviation_percent": None if deviation is None else json_number(deviation),
        "percent_of_equianalgesic": json_number(check.percent_of_equianalgesic),
        "equianalgesic": _amount(check.equianalgesic),
        "prescribed": _amount(check.prescribed),
        "low": _amount(check.low),
        "high": _amount(check.high),
    }


def _amount(amount: Amount) -> dict[str, Any]:
    return {"value": json_number(amount.value), "unit": unit_name(amount)}
