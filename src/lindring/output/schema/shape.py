"""Small builders for JSON Schema 2020-12 documents, as plain dicts, and the pieces every
lindring ``--json`` object shares: the amount, the coded message, the error object.

Every object is closed (``additionalProperties: false``) and every key required unless
said otherwise: the serializers in :mod:`lindring.output.json` and
:mod:`lindring.output.editor_json` always write every key, with ``null`` for no value.
"""

from __future__ import annotations

from typing import Any

from lindring.calc.daily import RATE_UNIT
from lindring.table.spec import DOSE_UNITS

Schema = dict[str, Any]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
#: the units of an amount (docs/json.md, Conventions): a drug's unit, per dose or per
#: 24 hours, and a patch's rate
UNITS = (*DOSE_UNITS, *(f"{unit}/24h" for unit in DOSE_UNITS), RATE_UNIT)
#: a code: lowercase words joined by ``_``, a catalogue prefix joined by ``.``
CODE = r"^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*$"
#: a fraction as the table writes it (``1/6``)
FRACTION = r"^[0-9]+/[1-9][0-9]*$"


def obj(
    properties: dict[str, Schema],
    *,
    optional: tuple[str, ...] = (),
    doc: str = "",
    closed: bool = True,
) -> Schema:
    """An object with ``properties``, all required except ``optional``."""
    found: Schema = {"type": "object"}
    if doc:
        found["description"] = doc
    found["required"] = [k for k in properties if k not in optional]
    found["properties"] = properties
    if closed:
        found["additionalProperties"] = False
    return found


def arr(item: Schema, *, min_items: int = 0, unique: bool = False, doc: str = "") -> Schema:
    found: Schema = {"type": "array", "items": item}
    if min_items:
        found["minItems"] = min_items
    if unique:
        found["uniqueItems"] = True
    return {"description": doc, **found} if doc else found


def enum(values: tuple[str, ...] | list[str], doc: str = "") -> Schema:
    found: Schema = {"enum": sorted(set(values))}
    return {"description": doc, **found} if doc else found


def nullable(schema: Schema) -> Schema:
    """``schema`` or ``null``."""
    if set(schema) <= {"type", "description", "minimum", "maximum", "pattern"} and isinstance(
        schema.get("type"), str
    ):
        return {**schema, "type": [schema["type"], "null"]}
    return {"anyOf": [{"type": "null"}, schema]}


def string(doc: str = "", pattern: str = "") -> Schema:
    found: Schema = {"type": "string"}
    if pattern:
        found["pattern"] = pattern
    return {"description": doc, **found} if doc else found


def integer(minimum: int | None = 0, doc: str = "") -> Schema:
    found: Schema = {"type": "integer"}
    if minimum is not None:
        found["minimum"] = minimum
    return {"description": doc, **found} if doc else found


def number(minimum: float | None = 0, maximum: float | None = None, doc: str = "") -> Schema:
    """A JSON number (an integer when whole: docs/json.md, Conventions)."""
    found: Schema = {"type": "number"}
    if minimum is not None:
        found["minimum"] = minimum
    if maximum is not None:
        found["maximum"] = maximum
    return {"description": doc, **found} if doc else found


def boolean(doc: str = "") -> Schema:
    return {"description": doc, "type": "boolean"} if doc else {"type": "boolean"}


def ref(name: str) -> Schema:
    return {"$ref": f"#/$defs/{name}"}


def strings(doc: str = "") -> Schema:
    return arr(string(), doc=doc)


def document(title: str, doc: str, root: Schema, defs: dict[str, Schema]) -> Schema:
    """A whole schema: dialect, title, description, the root, and its definitions."""
    return {"$schema": DIALECT, "title": title, "description": doc, **root, "$defs": defs}


# --- what every lindring object shares ------------------------------------------------


def head() -> dict[str, Schema]:
    """``schema_version`` and ``tool_version``, first in every object that has them."""
    return {
        "schema_version": {"const": 1, "description": "raised when a field changes meaning"},
        "tool_version": string("lindring's version"),
    }


def amount() -> Schema:
    return obj(
        {"value": number(), "unit": enum(UNITS)},
        doc="an amount: a number and its unit, spelled out",
    )


def span(item: Schema) -> Schema:
    return obj({"low": item, "high": item})


def coded(codes: list[str], *, where: bool = False) -> Schema:
    """A warning, a step or a refusal: a stable code, a sentence, the source ids."""
    properties: dict[str, Schema] = {
        "code": enum(codes),
        "message": string("a sentence in `language`"),
        "sources": strings("source ids from the table; may be empty"),
    }
    if where:
        properties["where"] = string("where to turn (the same for every refusal of the code)")
    return obj(properties)


def error_object(refusal_codes: list[str]) -> Schema:
    """What a command prints with ``--json`` when the request cannot be read
    (``error``) or a name or route is refused (``refused``): ``error_dict``."""
    error = obj(
        {
            "code": string(pattern=CODE),
            "message": string(),
            "problems": strings("an invalid table's problems, FILE:LINE:COL: path: message"),
            "problem_codes": arr(
                string(pattern=CODE), doc="the message code of each of `problems`, in order"
            ),
        },
        optional=("problems", "problem_codes"),
    )
    refused = coded(refusal_codes, where=True)
    return {
        "oneOf": [
            obj({**head(), "error": error}, doc="an input error"),
            obj({**head(), "refused": refused}, doc="a refused name or route"),
        ]
    }


def result_or_error(result: str) -> Schema:
    """The root of a command's schema: its result, or the error object."""
    return {"oneOf": [ref(result), ref("error")]}
