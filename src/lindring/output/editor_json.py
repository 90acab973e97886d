"""``--json`` objects of the editors' commands (validate, check, diff, compare): plain
dicts, shapes kept stable like ``docs/json.md``. No terminal code."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any

from lindring.numbers import json_number
from lindring.output.json import amount, conversion_dict, head

if TYPE_CHECKING:
    from lindring.calc.compare import Comparison, Spread
    from lindring.checks.consistency import Report
    from lindring.checks.diff import ConversionChange, Outcome, TableDiff
    from lindring.checks.tally import Finding
    from lindring.checks.validate import Validation


def _num(value: Fraction | None) -> int | float | None:
    return None if value is None else json_number(value)


def _percent(change: Fraction | None) -> int | float | None:
    return None if change is None else json_number(change * 100, 2)


def validation_dict(result: Validation, lang: str = "en") -> dict[str, Any]:
    return {
        **head(),
        "ok": not result.errors,
        "files": result.files,
        "problems": [
            {
                "file": i.file,
                "line": i.line or None,
                "col": i.col or None,
                "message": i.statement(lang),
                "hint": i.hint_text(lang) or None,
                "severity": i.severity,
                "code": i.code,
                "params": i.plain_params(lang),
                "hint_code": i.hint_code or None,
            }
            for i in result.issues
        ],
        "notes": [note.get(lang) for note in result.notes],
        "language": lang,
    }


def _finding(found: Finding, lang: str) -> dict[str, Any]:
    """A failure or a note of ``check`` with its message code (``docs/json.md``)."""
    issue = found.issue
    return {
        "message": found.text(lang),
        "code": issue.code,
        "params": issue.plain_params(lang),
        "hint_code": (issue.hint_code or None) if found.hint else None,
        "file": issue.file or None,
        "line": issue.line or None,
        "col": issue.col or None,
        "path": issue.path or None,
        "profile": found.profile or None,
        "profile_check": found.check or None,
    }


def check_dict(report: Report, lang: str = "en") -> dict[str, Any]:
    return {
        **head(),
        "table": report.table,
        "table_version": report.version,
        "ok": report.ok,
        "seconds": round(report.seconds, 3),
        "checks": [
            {
                "name": c.name,
                "passed": c.passed,
                "failed": c.failed,
                "skipped": c.skipped,
                "failures": [f.text(lang) for f in c.failures],
                "notes": [n.text(lang) for n in c.notes],
                "failure_details": [_finding(f, lang) for f in c.failures],
                "note_details": [_finding(n, lang) for n in c.notes],
            }
            for c in report.checks
        ],
        "language": lang,
    }


def _outcome(outcome: Outcome | None) -> dict[str, Any] | None:
    if outcome is None:
        return None
    return {
        "equianalgesic": _num(outcome.equianalgesic),
        "suggested": _num(outcome.suggested),
        "unit": outcome.unit or None,
        "refused": outcome.refused or None,
    }


def _conversion(change: ConversionChange) -> dict[str, Any]:
    return {
        "drug": change.drug,
        "route": change.route,
        "dose": change.dose,
        "target": change.target,
        "target_route": change.target_route,
        "old": _outcome(change.old),
        "new": _outcome(change.new),
        "suggested_change_percent": _percent(change.change),
        "equianalgesic_change_percent": _percent(change.equianalgesic_change),
    }


def diff_dict(diff: TableDiff, lang: str = "en") -> dict[str, Any]:
    return {
        **head(),
        "old": {"label": diff.old_label, "table_version": diff.old_version},
        "new": {"label": diff.new_label, "table_version": diff.new_version},
        "panel_conversions": diff.panel_size,
        "conversions": [_conversion(c) for c in diff.conversions],
        "no_longer_possible": [_conversion(c) for c in diff.lost],
        "now_possible": [_conversion(c) for c in diff.gained],
        "changes": [
            {"kind": f.kind, "path": f.path, "old": f.old, "new": f.new} for f in diff.changes
        ],
        "language": lang,
    }


def _spread(spread: Spread | None) -> dict[str, Any] | None:
    if spread is None:
        return None
    return {
        "min": amount(spread.low),
        "max": amount(spread.high),
        "min_profile": spread.low_profile,
        "max_profile": spread.high_profile,
        "max_over_min": _num(spread.ratio),
    }


def compare_dict(result: Comparison, lang: str) -> dict[str, Any]:
    from lindring.calc.compare import DISAGREE_ABOVE

    return {
        **head(),
        "profiles": [
            {
                "profile": r.profile,
                "name": {"nb": r.name.nb, "en": r.name.en},
                "table_version": r.table_version,
                "covered": r.conversion is not None,
                "not_covered": r.refused.message(lang) if r.refused else None,
                "not_covered_code": r.refused.code if r.refused else None,
                "conversion": conversion_dict(r.conversion, lang) if r.conversion else None,
                "reduction_sources": list(r.reduction_sources),
            }
            for r in result.results
        ],
        "spread": {
            "equianalgesic_daily_dose": _spread(result.equianalgesic),
            "suggested_daily_dose": _spread(result.suggested),
        },
        "disagree_above": _num(DISAGREE_ABOVE),
        "disagree": [
            {"equianalgesic": "equianalgesic_daily_dose", "suggested": "suggested_daily_dose"}[k]
            for k in result.disagree
        ],
        "language": lang,
    }
