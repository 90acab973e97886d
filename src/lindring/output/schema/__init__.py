"""JSON Schemas (2020-12) of every ``--json`` output, generated from the declarations in
this package and committed in ``schemas/`` (``docs/json.md``, JSON Schemas).

The builders only make dicts: nothing here needs ``jsonschema`` at run time. A test
regenerates the schemas and fails when the committed files differ; another validates
the output of every CLI test that prints JSON against them. Regenerate with
``python -m lindring.output.schema`` from the repository root.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from lindring.output.schema.batch import batch_schema, sum_by_schema
from lindring.output.schema.convert import compare_schema, convert_schema, pump_schema
from lindring.output.schema.editors import check_schema, diff_schema, validate_schema
from lindring.output.schema.shape import Schema

#: kind -> its builder; the file is ``schemas/<kind>.schema.json``
BUILDERS: dict[str, Callable[[], Schema]] = {
    "convert": convert_schema,
    "pump": pump_schema,
    "compare": compare_schema,
    "validate": validate_schema,
    "check": check_schema,
    "diff": diff_schema,
    "batch": batch_schema,
    "batch-sum-by": sum_by_schema,
}


def file_name(kind: str) -> str:
    return f"{kind}.schema.json"


def render(kind: str) -> str:
    """The text of ``schemas/<kind>.schema.json`` as it is committed."""
    return json.dumps(BUILDERS[kind](), indent=2, ensure_ascii=False) + "\n"


def write(directory: Path) -> list[Path]:
    """Write every schema into ``directory``; the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in BUILDERS:
        path = directory / file_name(kind)
        path.write_text(render(kind), encoding="utf-8")
        written.append(path)
    return written
