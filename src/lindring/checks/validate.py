"""``lindring validate [PATH...]``: every problem in the editors' files, at once.

A path may be a tables directory (``opioids.yaml``, ``profiles/*.yaml``, ``panel.yaml``),
one of those files, a handbook directory or chapter (checked by
``lindring.handbook.book.check_chapters`` when that exists), or nothing: the tables
``--tables`` names (or the shipped ones) and the handbook. A table also brings the
handbook beside it (``../handbook``), whose chapters embed its numbers; the handbook is
checked against the table beside it (``../tables``) when there is one, so a pre-commit
hook checks the working copy, not the table installed with lindring. Each problem is an
:class:`Issue` that reads ``FILE:LINE:COL: path.to.key: message`` with a hint; the
problems of one file come in file order. Nothing here prints.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from lindring.checks.panel import PANEL_FILE, parse_panel
from lindring.errors import LindringError, TableError
from lindring.model import Tables
from lindring.table.load import TABLE_FILE, parse_tables, tables_dir
from lindring.table.profiles import FOLDER as PROFILES
from lindring.table.profiles import base_document, parse_profile
from lindring.textfile import Unreadable, is_dir, is_file, read_text, resolved, shown_path

_WHERE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<rest>.*)$", re.DOTALL)
WARNING = "warning: "
HINT = "\n  hint: "
HANDBOOK, TABLES = "handbook", "tables"  # a checkout keeps them side by side
KNOWN = "expected tables/ (opioids.yaml, panel.yaml, profiles/*.yaml) or a handbook chapter"


@dataclass(frozen=True)
class Issue:
    """One problem: where, what (``path.to.key: message``), and how to fix it."""

    file: str
    line: int  # 0 when the problem has no line (a file that cannot be read)
    col: int
    message: str
    hint: str = ""
    severity: str = "error"  # or "warning" (reported; does not fail validation)

    @classmethod
    def parse(cls, problem: str) -> Issue:
        """An issue from a problem as the loaders write it."""
        severity = "error"
        if problem.startswith(WARNING):
            severity, problem = "warning", problem[len(WARNING) :]
        head, _, hint = problem.partition(HINT)
        found = _WHERE.match(head)
        if found:
            line, col = int(found["line"]), int(found["col"])
            return cls(found["file"], line, col, found["rest"], hint, severity)
        file, _, message = head.partition(": ")
        return cls(file, 0, 0, message or head, hint, severity)

    def text(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}" if self.line else self.file
        prefix = WARNING if self.severity == "warning" else ""
        return f"{prefix}{where}: {self.message}" + (f"{HINT}{self.hint}" if self.hint else "")


@dataclass
class Validation:
    """Every file looked at, every issue, and notes on what was skipped."""

    files: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    def add(self, problems: list[str]) -> None:
        self.issues.extend(Issue.parse(p) for p in problems)


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
        what = "not a file lindring validates" if is_file(path) else "no such file or directory"
        result.issues.append(Issue(shown_path(path), 0, 0, what, KNOWN))
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
            result.notes.append(f"{shown_path(path)}: not checked, its table has problems")
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
            result.add([str(exc)])
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
        result.add([str(exc)])
    return None


def _handbook_default() -> Path | None:
    try:
        module = importlib.import_module("lindring.handbook.book")
    except ImportError:
        return None
    folder = getattr(module, "handbook_dir", lambda: None)()
    return folder if isinstance(folder, Path) and is_dir(folder) else None


def _handbook(directory: Path, tables: Tables | None, result: Validation) -> None:
    """The handbook's own check, when :mod:`lindring.handbook.book` provides one."""
    try:
        module = importlib.import_module("lindring.handbook.book")
    except ImportError:
        return
    check_chapters = getattr(module, "check_chapters", None)
    if check_chapters is None:
        return
    if tables is None:
        result.notes.append(f"{shown_path(directory)}: not checked, the table has problems")
        return
    result.files.append(shown_path(directory))
    try:
        result.add(list(check_chapters(tables, str(directory))))
    except LindringError as exc:
        problems = getattr(exc, "problems", None) or [f"{directory}: {exc.message('en')}"]
        result.add(list(problems))
