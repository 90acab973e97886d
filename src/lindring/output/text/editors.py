"""Output of the editors' commands for people: ``validate`` (plain lines, or GitHub
annotations), ``check`` and ``diff`` (rich tables). Nothing here prints."""

from __future__ import annotations

from fractions import Fraction

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from lindring.checks.consistency import Report
from lindring.checks.diff import ConversionChange, Outcome, TableDiff
from lindring.checks.validate import Validation
from lindring.errors import Issue
from lindring.i18n import UNIT_NAMES, text
from lindring.numbers import format_number

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


def _e(key: str, lang: str, **params: object) -> str:
    return text(f"view.{key}", lang, **params)


def validation_summary(result: Validation, lang: str = "en") -> str:
    errors, warnings = len(result.errors), len(result.issues) - len(result.errors)
    files = len(result.files)
    if not result.issues:
        return f"lindring validate: {_e('valid', lang, files=files)}"
    counts = _e("problems", lang, errors=errors, warnings=warnings, files=files)
    return f"lindring validate: {counts}"


def check_report(report: Report, lang: str = "en") -> RenderableType:
    """A count per check, then every failure, then every note, in ``lang``."""
    table = Table(box=box.SIMPLE_HEAD, title=f"lindring check: {report.table} {report.version}")
    table.add_column(_e("check", lang), no_wrap=True)
    table.add_column(_e("passed", lang), justify="right")
    table.add_column(_e("failed", lang), justify="right")
    table.add_column(_e("result", lang), no_wrap=True)
    for check in report.checks:
        state = "skipped" if check.skipped else ("FAILED" if check.failures else "ok")
        table.add_row(check.name, str(check.passed), str(check.failed), _e(state, lang))
    parts: list[RenderableType] = [table]
    for check in report.checks:
        for failure in check.failures:
            parts.append(Text(f"✖ {check.name}: {failure.text(lang)}", style="red"))
    for check in report.checks:
        for note in check.notes:
            parts.append(Text(f"  {check.name}: {note.text(lang)}", style="dim"))
    verdict = _e("ok", lang) if report.ok else _e("failures", lang, n=report.failed)
    seconds = format_number(Fraction(round(report.seconds * 100), 100), lang, 2)
    parts.append(Text(_e("in", lang, verdict=verdict, seconds=seconds)))
    return Group(*parts)


def _amount(value: Fraction | None, unit: str, lang: str) -> str:
    if value is None:
        return "–"
    name = UNIT_NAMES[unit][lang] if unit in UNIT_NAMES else unit
    per = "" if unit.endswith("/h") else text("diff.per_24h", lang)
    return f"{format_number(value, lang)} {name}{per}"


def _percent(change: Fraction | None, lang: str) -> str:
    if change is None:
        return text("diff.from_zero", lang)
    return f"{'+' if change > 0 else ''}{format_number(change * 100, lang, 1)} %"


def _outcome(outcome: Outcome | None, lang: str) -> str:
    if outcome is None:
        return text("diff.not_in_table", lang)
    if outcome.refused:
        return text("diff.refused", lang, refusal=outcome.refused)
    return _amount(outcome.suggested, outcome.unit, lang)


def _name(change: ConversionChange) -> str:
    return f"{change.drug} {change.route} {change.dose} → {change.target} {change.target_route}"


def _short(text: str | None) -> str:
    if text is None:
        return "–"
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def _label(label: str, lang: str) -> str:
    """A version's label; the working copy's (``lindring.table.source``) in ``lang``."""
    english = text("diff.working_copy", "en")
    return text("diff.working_copy", lang) if label == english else label


def diff_view(diff: TableDiff, lang: str = "en") -> RenderableType:
    """Changed conversions (largest increase first), lost and gained ones, changed fields,
    in ``lang`` (keys and the table's values as the table writes them)."""
    head = text(
        "diff.head",
        lang,
        old=_label(diff.old_label, lang),
        old_version=diff.old_version,
        new=_label(diff.new_label, lang),
        new_version=diff.new_version,
        n=str(diff.panel_size),
    )
    parts: list[RenderableType] = [Text(head, style="bold")]
    if diff.conversions:
        table = Table(box=box.SIMPLE_HEAD, title=text("diff.changing", lang))
        for column in ("conversion", "suggested", "change", "equianalgesic", "change"):
            table.add_column(text(f"diff.{column}", lang), overflow="fold")
        for change in diff.conversions:
            old, new = change.old, change.new
            assert old and new
            same = old.suggested == new.suggested
            table.add_row(
                _name(change),
                f"{_amount(old.suggested, old.unit, lang)} → "
                f"{_amount(new.suggested, new.unit, lang)}",
                "0 %" if same else _percent(change.change, lang),
                f"{_amount(old.equianalgesic, old.unit, lang)} → "
                f"{_amount(new.equianalgesic, new.unit, lang)}",
                _percent(change.equianalgesic_change, lang),
            )
        parts.append(table)
    for title, items in (("diff.lost", diff.lost), ("diff.gained", diff.gained)):
        if items:
            parts.append(Text(text(title, lang, n=len(items)), style="bold"))
            for change in items:
                moved = f"{_outcome(change.old, lang)} → {_outcome(change.new, lang)}"
                parts.append(Text(f"  {_name(change)}: {moved}"))
    if diff.changes:
        fields = Table(box=box.SIMPLE_HEAD, title=text("diff.fields", lang))
        for column in ("kind", "key", "old", "new"):
            fields.add_column(text(f"diff.{column}", lang), overflow="fold")
        for field in diff.changes:
            fields.add_row(field.kind, field.path, _short(field.old), _short(field.new))
        parts.append(fields)
    if not (diff.conversions or diff.lost or diff.gained or diff.changes):
        parts.append(Text(text("diff.none", lang)))
    return Group(*parts)
