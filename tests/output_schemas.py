"""The committed output schemas (schemas/*.schema.json) as compiled validators, and the
check every CLI test's ``--json`` output goes through (tests/conftest.py)."""

from __future__ import annotations

import functools
import json
import shlex
from collections.abc import Sequence
from pathlib import Path
from typing import Any

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"
#: commands whose ``--json`` output has a schema of the same name
JSON_COMMANDS = ("convert", "pump", "compare", "check", "diff")
#: the options of those commands (and validate's, batch's) that take a value
VALUED = frozenset(
    (
        *("--reduce", "--interval", "--lang", "--tables", "--profile", "--egfr", "--add"),
        *("--days", "--volume", "--concentration", "--bolus", "--handbook", "--panel"),
        *("--format", "--output", "-o", "--delimiter", "--encoding", "--jobs", "-j"),
        "--sum-by",
    )
)


@functools.cache
def validator(kind: str) -> Any:
    """The compiled validator of ``schemas/<kind>.schema.json`` (read once per run)."""
    import jsonschema

    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def schema_errors(kind: str, obj: Any) -> list[str]:
    """Every way ``obj`` breaks the schema ``kind``, as ``path: message``."""
    found = validator(kind).iter_errors(obj)
    return sorted(f"{e.json_path}: {e.message}" for e in found)


def assert_matches_schema(kind: str, obj: Any) -> None:
    errors = schema_errors(kind, obj)
    assert errors == [], f"output does not match schemas/{kind}.schema.json:\n" + "\n".join(
        errors[:20]
    )


def _options(args: Sequence[str]) -> tuple[dict[str, str], set[str]]:
    """The options of a command line: those with a value (the last one given, from
    ``--name VALUE`` or ``--name=VALUE``) and the flags; a word after ``--`` is none."""
    values: dict[str, str] = {}
    flags: set[str] = set()
    i = 1
    while i < len(args):
        arg = args[i]
        if arg == "--":
            break
        name, eq, value = arg.partition("=")
        if eq and name in VALUED:
            values[name] = value
        elif arg in VALUED:
            if i + 1 < len(args):
                values[arg] = args[i + 1]
            i += 1
        elif arg.startswith("-"):
            flags.add(arg)
        i += 1
    return values, flags


def kind_of(args: Sequence[str]) -> str | None:
    """Which schema the standard output of the command line ``args`` follows, if any."""
    if not args or "--help" in args:
        return None
    command = args[0]
    values, flags = _options(args)
    if command == "validate":
        return "validate" if values.get("--format") == "json" else None
    if command == "batch":
        output = values.get("--output", values.get("-o"))
        if output not in (None, "-"):
            return None
        return "batch-sum-by" if "--sum-by" in values else "batch"
    if command in JSON_COMMANDS and "--json" in flags:
        return command
    return None


def check_output(args: str | Sequence[str] | None, stdout: str, exit_code: int) -> None:
    """Validate what a CLI invocation printed on standard output against its schema:
    one JSON document for ``--json``; each line for batch's JSON Lines (CSV output is
    left alone). Usage errors (2), internal errors (70) and interruptions (130) print
    no JSON."""
    if args is None:
        return
    argv = shlex.split(args) if isinstance(args, str) else [str(a) for a in args]
    kind = kind_of(argv)
    if kind is None or exit_code in (2, 70, 130) or not stdout.strip():
        return
    if kind.startswith("batch"):
        lines = [line for line in stdout.splitlines() if line.strip()]
        if not lines[0].lstrip("\ufeff").startswith("{"):
            return  # CSV
        for line in lines:
            assert_matches_schema(kind, json.loads(line))
        return
    assert_matches_schema(kind, json.loads(stdout))
