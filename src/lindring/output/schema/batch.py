"""The schemas of ``lindring batch``'s JSON Lines: one object per row
(:mod:`lindring.batch.write_jsonl`), and with ``--sum-by`` one per group
(:mod:`lindring.batch.sums`), ``docs/batch.md``. Each schema describes one line.

A row is the ``convert --json`` object of that row (when there is a conversion) with the
row's own keys added; a row without a conversion has only the row's keys.
"""

from __future__ import annotations

from lindring.batch import summary
from lindring.output.schema.convert import (
    conversion_defs,
    conversion_properties,
    refused_means_no_start,
)
from lindring.output.schema.shape import (
    CODE,
    Schema,
    arr,
    document,
    enum,
    integer,
    nullable,
    number,
    obj,
    ref,
    string,
)

#: a row's status (an empty row writes no line)
STATUSES = tuple(s for s in summary.STATUSES if s != "empty")
#: the verdicts of the check mode (``unchecked`` is a count, never a row's verdict)
VERDICTS = tuple(v for v in summary.VERDICTS if v != "unchecked")
SUMMED = ("rows", "ome_mg_24h", "status", "lines_without_ome")


def _check() -> Schema:
    return obj(
        {
            "verdict": enum(VERDICTS),
            "deviation_percent": nullable(
                number(None, doc="how far outside `within`, in percent of the nearer end")
            ),
            "percent_of_equianalgesic": number(),
            "equianalgesic": ref("amount"),
            "prescribed": ref("amount"),
            "low": ref("amount"),
            "high": ref("amount"),
        },
        doc="the prescribed dose held against the supported starts (check mode)",
    )


def batch_schema() -> Schema:
    row_error = obj(
        {"code": string(pattern=CODE), "message": string()},
        doc="why the row has no conversion, or why its prescribed dose was not checked",
    )
    conversion = conversion_properties()
    # a row refused before any conversion (a refused name) has the short object
    conversion["refused"] = {"anyOf": [{"type": "null"}, ref("refusal"), row_error]}
    properties: dict[str, Schema] = {
        "line": integer(1, "the row's line in the input"),
        "id": nullable(string("the row's id cell")),
        "status": enum(STATUSES),
        "check": nullable(_check()),
        "row": {
            "type": "object",
            "description": "the input cells by column name",
            "additionalProperties": string(),
        },
        "cells": arr(string(), doc="the input cells, when the row has the wrong number"),
        "error": row_error,
        **conversion,
    }
    head = ("line", "id", "status", "check")
    row: Schema = {
        "type": "object",
        "description": "one row's result: the row's keys, and its conversion when it has one",
        "required": list(head),
        "properties": properties,
        "additionalProperties": False,
        "oneOf": [{"required": ["row"]}, {"required": ["cells"]}],
        "dependentRequired": {"input": [k for k in conversion if k not in ("refused",)]},
        "allOf": [
            {
                "if": {"properties": {"status": {"const": "error"}}},
                "then": {"required": ["error"]},
            },
            {
                "if": {"properties": {"status": {"const": "refused"}}},
                "then": {"required": ["refused"], "properties": {"refused": {"type": "object"}}},
            },
            refused_means_no_start(),
        ],
    }
    conversion_refs = conversion_defs()
    del conversion_refs["conversion"]
    return document(
        "lindring batch, one JSON Lines row",
        "One line of `lindring batch --format jsonl` (docs/batch.md).",
        row,
        conversion_refs,
    )


def sum_by_schema() -> Schema:
    root: Schema = {
        "type": "object",
        "description": "the group's value under the column's own name, and these four",
        "required": list(SUMMED),
        "properties": {
            "rows": integer(1, "rows with this value"),
            "ome_mg_24h": number(doc="the rows' summed oral morphine equivalent, mg per 24 h"),
            "status": enum(("ok", "incomplete")),
            "lines_without_ome": arr(integer(1), doc="the lines that gave no OME"),
        },
        "additionalProperties": string("the value the rows are grouped by"),
        "minProperties": len(SUMMED) + 1,
        "maxProperties": len(SUMMED) + 1,
        "allOf": [
            {
                "if": {"properties": {"status": {"const": "ok"}}},
                "then": {"properties": {"lines_without_ome": {"maxItems": 0}}},
                "else": {"properties": {"lines_without_ome": {"minItems": 1}}},
            }
        ],
    }
    return document(
        "lindring batch --sum-by, one JSON Lines row",
        "One line of `lindring batch --sum-by COLUMN --format jsonl` (docs/batch.md).",
        root,
        {},
    )
