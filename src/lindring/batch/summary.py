"""The counts of a batch run: each status and each verdict, adding up to the rows read."""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from itertools import compress

from lindring.batch.engine import Outcome, Result
from lindring.i18n import text

#: statuses (they add up to the rows) and verdicts (they add up to the ``ok`` rows)
STATUSES = ("ok", "error", "refused", "empty")
VERDICTS = (
    "within", "below", "no_reduction", "above", "above_sources", "above_maximum", "unchecked"
)  # fmt: skip
_LISTED = {"above_sources": "batch.summary_above_sources", "above": "batch.summary_above",
           "above_maximum": "batch.summary_above_maximum",
           "no_reduction": "batch.summary_no_reduction", "error": "batch.summary_errors",
           "refused": "batch.summary_refused"}  # fmt: skip
_FLAGGED = ("error", "refused", "above", "above_sources", "above_maximum")


@dataclass
class Summary:
    """Counts per status and verdict: ``ok + error + refused + empty == rows`` and
    the verdicts and ``unchecked`` add up to ``ok``. Keeps the first lines of the kinds
    the report lists (above every source, above, without reduction, error, refused)."""

    rows: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    lines: dict[str, list[int]] = field(default_factory=dict)
    keep: int = 10
    lang: str = "en"  # the language the run chose (a Norwegian header: nb)

    def add(self, outcome: Outcome) -> None:
        self.rows += 1
        for kind in _kinds(outcome.result):
            self._count(kind, outcome.line)

    def add_chunk(self, outcomes: list[Outcome]) -> None:
        """Count a chunk of outcomes: once per distinct result (rows share results)."""
        self.add_results([o[0] for o in outcomes], [o[2] for o in outcomes])

    def add_results(
        self, lines: list[int], results: list[Result], done: Container[str] = ()
    ) -> None:
        """Count the rows on ``lines`` with these ``results`` (one for one), once per
        distinct result (rows share results). The first lines of the kinds in ``done``
        are known already (from earlier rows of the same process): they are not kept."""
        self.rows += len(results)
        listed: set[Result] = set()
        counts = self.counts
        for result, count in Counter(results).items():
            status, check = result.status, result.check
            counts[status] = counts.get(status, 0) + count
            kind = status
            if status == "ok":
                kind = "unchecked" if check is None else check.verdict
                counts[kind] = counts.get(kind, 0) + count
            if kind in _LISTED and kind not in done:
                listed.add(result)
        if listed:  # the first lines of each listed kind, in one pass over the chunk
            wanted = {_kinds(result)[-1] for result in listed}
            mask = list(map(listed.__contains__, results))
            for line, result in zip(compress(lines, mask), compress(results, mask), strict=True):
                kind = _kinds(result)[-1]
                kept = self.lines.setdefault(kind, [])
                if len(kept) < self.keep:
                    kept.append(line)
                elif kind in wanted:  # this kind has its lines: stop once all have theirs
                    wanted.discard(kind)
                    if not wanted:
                        break

    def _count(self, kind: str, line: int) -> None:
        self.counts[kind] = self.counts.get(kind, 0) + 1
        kept = self.lines.setdefault(kind, [])
        if kind in _LISTED and len(kept) < self.keep:
            kept.append(line)

    def merge(self, other: Summary) -> None:
        """Add the counts of another part of the same file (the first lines stay first)."""
        self.rows += other.rows
        for kind, count in other.counts.items():
            self.counts[kind] = self.counts.get(kind, 0) + count
            kept = self.lines.get(kind, []) + other.lines.get(kind, [])
            self.lines[kind] = sorted(kept)[: self.keep]

    def count(self, kind: str) -> int:
        return self.counts.get(kind, 0)

    @property
    def flagged(self) -> bool:
        """A row failed, was refused, or was prescribed above the equianalgesic dose or the
        drug's maximum daily dose (exit 1)."""
        return any(self.count(k) for k in _FLAGGED)

    def report(self, lang: str) -> list[str]:
        """The summary as lines of text (for stderr)."""
        c = self.count
        out = [
            text("batch.summary", lang, rows=self.rows, ok=c("ok"), error=c("error"),
                 refused=c("refused"), empty=c("empty")),
        ]  # fmt: skip
        if any(c(v) for v in VERDICTS[:-1]):
            out.append(text("batch.summary_check", lang, **{v: c(v) for v in VERDICTS}))
        for kind, code in _LISTED.items():
            if c(kind):
                out.append(text(code, lang, lines=self._lines(kind, lang)))
        return out

    def _lines(self, kind: str, lang: str) -> str:
        kept = self.lines.get(kind, [])
        shown = ", ".join(map(str, kept))
        more = self.count(kind) - len(kept)
        return f"{shown} ({text('batch.summary_more', lang, count=more)})" if more else shown


def summarize(outcomes: Iterable[Outcome]) -> Summary:
    """Count ``outcomes`` (consumes them)."""
    summary = Summary()
    summary.add_chunk(list(outcomes))
    return summary


def _kinds(result: Result) -> tuple[str, ...]:
    if result.status != "ok":
        return (result.status,)
    return ("ok", result.check.verdict if result.check else "unchecked")
