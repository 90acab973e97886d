"""JSON Schemas (draft-07) for the editors' YAML files, generated from the declarations in
:mod:`lindring.table.spec` and :mod:`lindring.table.profile_spec`, the same ones the loader reads.

The schemas are committed in ``schemas/`` and named on the first line of each YAML file
(``# yaml-language-server: $schema=../schemas/opioids.schema.json``), so editors such as
VS Code with the Red Hat YAML extension (which reads draft-07) offer completion, hover
text and inline errors. A test regenerates them and fails when the committed files
differ. Regenerate with ``python -m lindring.table.jsonschema`` from the repository root.

The schema describes keys and types. Rules that span the file (every source id exists,
a range contains its factor, morphine po is 1, names are unique) and YAML details a JSON
Schema cannot see (``010``, ``1e3``, ``.5``, duplicate keys, anchors) are checked by
``lindring validate``, which stays the authority.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from lindring.table.profile_spec import PANEL, PANEL_SECTIONS, PROFILE, PROFILE_SECTIONS
from lindring.table.spec import TABLE, TABLE_SECTIONS
from lindring.table.vocabulary import (
    AnyOf,
    Choice,
    Flag,
    Kind,
    ListOf,
    MapOf,
    Number,
    Pair,
    Ref,
    Section,
    Text,
    Texts,
    Whole,
)

DRAFT = "http://json-schema.org/draft-07/schema#"
POSITIVE_FRACTION = r"^[0-9]*[1-9][0-9]*/[1-9][0-9]*$"
FRACTION = r"^[0-9]+/[1-9][0-9]*$"

#: file name in schemas/ -> (root section, every section by name, title)
SCHEMAS: dict[str, tuple[Section, dict[str, Section], str]] = {
    "opioids.schema.json": (TABLE, TABLE_SECTIONS, "lindring conversion table"),
    "profile.schema.json": (PROFILE, PROFILE_SECTIONS, "lindring guideline profile"),
    "panel.schema.json": (PANEL, PANEL_SECTIONS, "lindring diff panel"),
}


def kind_schema(kind: Kind) -> dict[str, Any]:
    """The JSON Schema of one kind of value (as the table checker reads it)."""
    if isinstance(kind, Text):
        pattern = f"^(?:{kind.pattern})$" if kind.pattern else r"\S"
        return {"type": "string", "pattern": pattern}
    if isinstance(kind, Choice):
        return {"enum": list(kind.values)}
    if isinstance(kind, Whole):
        whole: dict[str, Any] = {"type": "integer", "minimum": kind.minimum}
        if kind.divides:
            whole["enum"] = [n for n in range(1, kind.divides + 1) if kind.divides % n == 0]
        return whole
    if isinstance(kind, Number):
        bound = "exclusiveMinimum" if kind.positive else "minimum"
        pattern = POSITIVE_FRACTION if kind.positive else FRACTION
        return {"anyOf": [{"type": "number", bound: 0}, {"type": "string", "pattern": pattern}]}
    if isinstance(kind, Pair):
        item = kind_schema(Number(positive=False))
        return {"type": "array", "items": item, "minItems": 2, "maxItems": 2}
    if isinstance(kind, Texts):
        texts: dict[str, Any] = {"type": "array", "items": kind_schema(Text())}
        if not kind.allow_empty:
            texts["minItems"] = 1
        return texts
    if isinstance(kind, Flag):
        return {"type": "boolean"}
    if isinstance(kind, Ref):
        return {"$ref": f"#/definitions/{kind.name}"}
    if isinstance(kind, ListOf):
        return {"type": "array", "items": kind_schema(kind.item), "minItems": kind.min_items}
    if isinstance(kind, MapOf):
        # an empty value (`key:` with nothing after it) reads as an empty mapping
        found: dict[str, Any] = {"type": "object" if kind.min_items else ["object", "null"]}
        if isinstance(kind.keys, Text):
            found["propertyNames"] = {"pattern": kind_schema(kind.keys)["pattern"]}
        elif isinstance(kind.keys, Choice):
            found["propertyNames"] = {"enum": list(kind.keys.values)}
        if kind.min_items:
            found["minProperties"] = kind.min_items
        found["additionalProperties"] = kind_schema(kind.value)
        return found
    assert isinstance(kind, AnyOf)
    return {"anyOf": [kind_schema(option) for option in kind.options]}


def section_schema(section: Section) -> dict[str, Any]:
    """A mapping with exactly the keys ``section`` declares."""
    found: dict[str, Any] = {
        "type": "object",
        "description": section.doc,
        "properties": {k.name: {"description": k.doc, **kind_schema(k.kind)} for k in section.keys},
        "required": list(section.required),
        "additionalProperties": False,
    }
    if section.needs:
        found["allOf"] = [
            {
                "if": {"properties": {n.key: {"enum": list(n.values)}}, "required": [n.key]},
                "then": {"required": [n.needed]},
            }
            for n in section.needs
        ]
    return found


def _refs(kind: Kind) -> list[str]:
    if isinstance(kind, Ref):
        return [kind.name]
    if isinstance(kind, ListOf | MapOf):
        inner = kind.item if isinstance(kind, ListOf) else kind.value
        return _refs(inner)
    if isinstance(kind, AnyOf):
        return [name for option in kind.options for name in _refs(option)]
    return []


def build(root: Section, sections: dict[str, Section], title: str) -> dict[str, Any]:
    """The whole schema: ``root`` at the top, every section it reaches under definitions."""
    reached: set[str] = set()
    todo = [name for key in root.keys for name in _refs(key.kind)]
    while todo:
        name = todo.pop()
        if name not in reached:
            reached.add(name)
            todo.extend(n for key in sections[name].keys for n in _refs(key.kind))
    definitions = {
        name: section_schema(section)
        for name, section in sections.items()
        if name in reached and section is not root
    }
    return {"$schema": DRAFT, "title": title, **section_schema(root), "definitions": definitions}


def render(name: str) -> str:
    """The text of ``schemas/<name>`` as it is committed."""
    root, sections, title = SCHEMAS[name]
    return json.dumps(build(root, sections, title), indent=2, ensure_ascii=False) + "\n"


def write(directory: Path) -> list[Path]:
    """Write every schema into ``directory``; the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCHEMAS:
        path = directory / name
        path.write_text(render(name), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    for path in write(Path(sys.argv[1] if len(sys.argv) > 1 else "schemas")):
        print(path)
