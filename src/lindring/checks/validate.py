"""``lindring validate [PATH...]``: every problem in the editors' files, at once.

A path may be a tables directory (``opioids.yaml``, ``profiles/*.yaml``, ``panel.yaml``),
one of those files, a handbook directory or chapter (checked by
:func:`lindring.handbook.book.check_chapters`), or nothing: the tables
``--tables`` names (or the shipped ones) and the handbook. A table also brings the
handbook beside it (``../handbook``), whose chapters embed its numbers; the handbook is
checked against the table beside it (``../tables``) when there is one, so a pre-commit
hook checks the working copy, not the table installed with lindring. Each problem is an
:class:`~lindring.errors.Issue` as the checker made it (file, line, column, key path,
message, hint, severity); the problems of one file come in file order. Nothing here
prints or formats.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lindring.checks.panel import PANEL_FILE, parse_panel
from lindring.errors import Issue, LindringError, TableError, params
from lindring.handbook.book import check_chapters, handbook_dir
from lindring.i18n import text
from lindring.model import Localized, Tables
from lindring.table.load import TABLE_FILE, parse_tables, tables_dir
from lindring.table.profiles import FOLDER as PROFILES
from lindring.table.profiles import base_document, parse_profile
from lindring.textfile import Unreadable, is_dir, is_file, read_text, resolved, shown_path

HANDBOOK, TABLES = "handbook", "tables"  # a checkout keeps them side by side
KNOWN = "hint.validate_known"  # what validate reads


def _note(code: str, path: str) -> Localized:
    return Localized(text(code, "nb", path=path), text(code, "en", path=path))


@dataclass
class Validation:
    """Every file looked at, every issue, and notes on what was skipped."""

    files: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    notes: list[Localized] = field(default_factory=list)  # in both languages

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    def add(self, problems: list[Issue]) -> None:
        self.issues.extend(problems)


@dataclass
class _Plan:
    tables: list[Path] = field(default_factory=list)  # opioids.yaml files
    profiles: list[Path] = field(default_factory=list)
    panels: list[Path] = field(default_factory=list)
    handbooks: list[Path] = field(default_factory=list)  # directories
    unknown: list[Path] = field(default_factory=list)


def _plan(paths: list[Path], handbook_default: Path | None) -> _Plan:
    plan = _Plan()
    for path in paths:
        folder = is_dir(path)
        if folder and is_file(path / TABLE_FILE):
            plan.tables.append(path / TABLE_FILE)
            plan.profiles.extend(sorted((path / PROFILES).glob("*.yaml")))
            if is_file(path / PANEL_FILE):
                plan.panels.append(path / PANEL_FILE)
        elif folder and path.name == PROFILES:
            plan.profiles.extend(sorted(path.glob("*.yaml")))
        elif folder and (any(path.glob("*.md")) or is_file(path / "sources.yaml")):
            plan.handbooks.append(path)
        elif path.name == TABLE_FILE:
            plan.tables.append(path)
        elif path.parent.name == PROFILES and path.suffix == ".yaml":
            plan.profiles.append(path)
        elif path.name == PANEL_FILE:
            plan.panels.append(path)
        elif path.suffix == ".md" or is_file(path.parent / "sources.yaml"):
            plan.handbooks.append(path.parent)
        else:
            plan.unknown.append(path)
    if handbook_default is not None:
        plan.handbooks.append(handbook_default)
    for table in plan.tables:  # the chapters beside a table embed its numbers
        beside = table.parent.parent / HANDBOOK
        if is_dir(beside):
            plan.handbooks.append(beside)
    plan.handbooks = list(dict.fromkeys(resolved(p) for p in plan.handbooks))
    return plan


def validate(paths: list[str], tables_override: str | None = None) -> Validation:
    """Validate ``paths`` (see the module text); every problem is in the result."""
    given = [Path(p) for p in paths]
    default = tables_dir(tables_override)
    plan = _plan(given or [default], _handbook_default() if not given else None)
    result = Validation()
    for path in plan.unknown:
        what = (
            "problem.not_validated"
            if is_file(path)
            else "problem.nothing_to_validate"
            if is_dir(path)
            else "problem.no_such_path"
        )
        result.issues.append(Issue(shown_path(path), code=what, hint_code=KNOWN))
    loaded: dict[Path, Tables | None] = {}

    def table_for(directory: Path) -> Tables | None:
        key = resolved(directory)
        if key not in loaded:
            loaded[key] = _table(directory / TABLE_FILE, result)
        return loaded[key]

    for path in plan.tables:
        table_for(path.parent)
    for path in [*plan.profiles, *plan.panels]:
        home = path.parent.parent if path.parent.name == PROFILES else path.parent
        if not is_file(home / TABLE_FILE):
            home = default
        tables = table_for(home)
        if tables is None:
            result.notes.append(_note("note.not_checked_its", shown_path(path)))
            continue
        result.files.append(shown_path(path))
        try:
            text = read_text(path)
            if path.name == PANEL_FILE:
                parse_panel(text, shown_path(path), tables)
            else:
                parse_profile(text, shown_path(path), base_document(str(home)), path.stem)
        except TableError as exc:
            result.add(exc.problems)
        except Unreadable as exc:
            result.add([exc.issue()])
    for directory in plan.handbooks:
        beside = directory.parent / TABLES
        home = beside if is_file(beside / TABLE_FILE) else default
        _handbook(directory, table_for(home), result)
    return result


def _table(path: Path, result: Validation) -> Tables | None:
    shown = shown_path(path)
    result.files.append(shown)
    try:
        return parse_tables(read_text(path, shown), shown)
    except TableError as exc:
        result.add(exc.problems)
    except Unreadable as exc:
        result.add([exc.issue()])
    return None


def _handbook_default() -> Path | None:
    folder = handbook_dir()
    return folder if is_dir(folder) else None


def _handbook(directory: Path, tables: Tables | None, result: Validation) -> None:
    """The handbook's own check (:func:`lindring.handbook.book.check_chapters`)."""
    if tables is None:
        result.notes.append(_note("note.not_checked_the", shown_path(directory)))
        return
    result.files.append(shown_path(directory))
    try:
        result.add(check_chapters(tables, str(directory)))
    except LindringError as exc:  # no handbook directory (HandbookError)
        found = exc.problems if isinstance(exc, TableError) else []
        result.add(found or [Issue(str(directory), code=exc.code, params=params(**exc.params))])
