"""Output of the editors' commands for people: ``validate`` (plain lines, or GitHub
annotations), ``check`` and ``diff`` (rich tables). Nothing here prints."""

from __future__ import annotations

from fractions import Fraction

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from lindring.checks.consistency import Report
from lindring.checks.convert import failure_text
from lindring.checks.diff import ConversionChange, Outcome, TableDiff
from lindring.checks.validate import Validation
from lindring.errors import Issue
from lindring.i18n import text
from lindring.model import LANGS
from lindring.numbers import format_number

UNITS = {"mg": "mg", "microgram": "microgram", "microgram/h": "microgram/h"}
MAX_TEXT = 60


def validation_text(result: Validation, lang: str = "en") -> str:
    """One problem per entry, as ``FILE:LINE:COL: path: message`` and its hint, in
    ``lang``."""
    return "".join(f"{issue.text(lang=lang)}\n" for issue in result.issues)


def _escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def annotation(issue: Issue, lang: str = "en") -> str:
    """A GitHub Actions workflow command that marks the problem on its line."""
    level = "warning" if issue.severity == "warning" else "error"
    props = f"file={_escape(issue.file, True)}"
    if issue.line:
        props += f",line={issue.line},col={issue.col}"
    hint = issue.hint_text(lang)
    label = text("problem.hint_label", lang)
    message = issue.statement(lang) + (f"\n{label}: {hint}" if hint else "")
    return f"::{level} {props},title=lindring validate::{_escape(message)}"


def note_label(lang: str) -> str:
    """``note`` (before what validate skipped) in ``lang``."""
    return text("problem.note_label", lang)


def validation_github(result: Validation, lang: str = "en") -> str:
    return "".join(f"{annotation(issue, lang)}\n" for issue in result.issues)


EDITOR = {
    "valid": {"en": "{files} file(s) valid", "nb": "{files} fil(er) gyldige"},
    "problems": {
        "en": "{errors} problem(s), {warnings} warning(s) in {files} file(s)",
        "nb": "{errors} feil og {warnings} advarsel/advarsler i {files} fil(er)",
    },
    "check": {"en": "check", "nb": "kontroll"},
    "passed": {"en": "passed", "nb": "bestått"},
    "failed": {"en": "failed", "nb": "feilet"},
    "result": {"en": "result", "nb": "resultat"},
    "skipped": {"en": "skipped", "nb": "hoppet over"},
    "FAILED": {"en": "FAILED", "nb": "FEILET"},
    "ok": {"en": "ok", "nb": "ok"},
    "failures": {"en": "{n} failure(s)", "nb": "{n} feil"},
    "in": {"en": "{verdict} in {seconds} s", "nb": "{verdict} på {seconds} s"},
    "notes": {
        "en": "",
        "nb": "{n} merknader for redaktører, på engelsk: lindring check --lang en",
    },
}


def _e(key: str, lang: str, **params: object) -> str:
    return EDITOR[key][lang if lang in LANGS else "en"].format(**params)


def validation_summary(result: Validation, lang: str = "en") -> str:
    errors, warnings = len(result.errors), len(result.issues) - len(result.errors)
    files = len(result.files)
    if not result.issues:
        return f"lindring validate: {_e('valid', lang, files=files)}"
    counts = _e("problems", lang, errors=errors, warnings=warnings, files=files)
    return f"lindring validate: {counts}"


def check_report(report: Report, lang: str = "en") -> RenderableType:
    """A count per check, then every failure and note (the notes, written for editors in
    English, are counted in Norwegian output)."""
    table = Table(box=box.SIMPLE_HEAD, title=f"lindring check: {report.table} {report.version}")
    table.add_column(_e("check", lang), no_wrap=True)
    table.add_column(_e("passed", lang), justify="right")
    table.add_column(_e("failed", lang), justify="right")
    table.add_column(_e("result", lang), no_wrap=True)
    for check in report.checks:
        state = "skipped" if check.skipped else ("FAILED" if check.failures else "ok")
        table.add_row(check.name, str(check.passed), str(check.failed), _e(state, lang))
    parts: list[RenderableType] = [table]
    notes = 0
    for check in report.checks:
        for failure in check.failures:
            shown = failure_text(failure, lang)
            parts.append(Text(f"✖ {check.name}: {shown}", style="red"))
        for note in check.notes:
            notes += 1
            if lang == "en":
                parts.append(Text(f"  {check.name}: {note}", style="dim"))
    if notes and lang != "en":
        parts.append(Text(_e("notes", lang, n=notes), style="dim"))
    verdict = _e("ok", lang) if report.ok else _e("failures", lang, n=report.failed)
    seconds = format_number(Fraction(round(report.seconds * 100), 100), lang, 2)
    parts.append(Text(_e("in", lang, verdict=verdict, seconds=seconds)))
    return Group(*parts)


def _amount(value: Fraction | None, unit: str) -> str:
    if value is None:
        return "–"
    unit = UNITS.get(unit, unit)
    return f"{format_number(value, 'en')} {unit}" + ("" if unit.endswith("/h") else "/24h")


def _percent(change: Fraction | None) -> str:
    if change is None:
        return "from 0"
    return f"{'+' if change > 0 else ''}{format_number(change * 100, 'en', 1)} %"


def _outcome(outcome: Outcome | None) -> str:
    if outcome is None:
        return "not in the table"
    if outcome.refused:
        return f"refused ({outcome.refused})"
    return _amount(outcome.suggested, outcome.unit)


def _name(change: ConversionChange) -> str:
    return f"{change.drug} {change.route} {change.dose} → {change.target} {change.target_route}"


def _short(text: str | None) -> str:
    if text is None:
        return "–"
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def diff_view(diff: TableDiff) -> RenderableType:
    """Changed conversions (largest increase first), lost and gained ones, changed fields."""
    head = (
        f"lindring diff: {diff.old_label} ({diff.old_version}) → "
        f"{diff.new_label} ({diff.new_version}); {diff.panel_size} panel conversions"
    )
    parts: list[RenderableType] = [Text(head, style="bold")]
    if diff.conversions:
        table = Table(box=box.SIMPLE_HEAD, title="Conversions that change (largest increase first)")
        for column in ("conversion", "suggested start", "change", "equianalgesic", "change"):
            table.add_column(column, overflow="fold")
        for change in diff.conversions:
            old, new = change.old, change.new
            assert old and new
            table.add_row(
                _name(change),
                f"{_amount(old.suggested, old.unit)} → {_amount(new.suggested, new.unit)}",
                _percent(change.change) if old.suggested != new.suggested else "0 %",
                f"{_amount(old.equianalgesic, old.unit)} → {_amount(new.equianalgesic, new.unit)}",
                _percent(change.equianalgesic_change),
            )
        parts.append(table)
    for title, items in (("No longer possible", diff.lost), ("Now possible", diff.gained)):
        if items:
            parts.append(Text(f"{title} ({len(items)}):", style="bold"))
            for change in items:
                moved = f"{_outcome(change.old)} → {_outcome(change.new)}"
                parts.append(Text(f"  {_name(change)}: {moved}"))
    if diff.changes:
        fields = Table(box=box.SIMPLE_HEAD, title="Changed in the table")
        for column in ("kind", "key", "old", "new"):
            fields.add_column(column, overflow="fold")
        for field in diff.changes:
            fields.add_row(field.kind, field.path, _short(field.old), _short(field.new))
        parts.append(fields)
    if not (diff.conversions or diff.lost or diff.gained or diff.changes):
        parts.append(Text("No differences."))
    return Group(*parts)
