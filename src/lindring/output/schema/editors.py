"""The schemas of the editors' commands: ``lindring validate --format json``,
``lindring check --json`` and ``lindring diff --json`` (``docs/editors.md``), read off
:mod:`lindring.output.editor_json`."""

from __future__ import annotations

from typing import get_args

from lindring.checks.consistency import CHECKS
from lindring.errors import Severity
from lindring.model import LANGS
from lindring.output.schema.convert import refused_codes
from lindring.output.schema.shape import (
    CODE,
    Schema,
    arr,
    boolean,
    document,
    enum,
    error_object,
    head,
    integer,
    nullable,
    number,
    obj,
    ref,
    result_or_error,
    string,
    strings,
)
from lindring.table.flat import KINDS


def _document(title: str, doc: str, result: Schema, **more: Schema) -> Schema:
    defs = {"result": result, **more, "error": error_object(refused_codes())}
    return document(title, doc, result_or_error("result"), defs)


def _params() -> Schema:
    return {
        "type": "object",
        "description": "the message's parameters, as text in the output language",
        "additionalProperties": string(),
    }


def validate_schema() -> Schema:
    problem = obj(
        {
            "file": string(),
            "line": nullable(integer(1)),
            "col": nullable(integer(1)),
            "message": string("path.to.key: message"),
            "hint": nullable(string()),
            "severity": enum(get_args(Severity)),
            "code": string("the message code of the problem (docs/json.md)", pattern=CODE),
            "params": _params(),
            "hint_code": nullable(string(pattern=CODE)),
        }
    )
    result = obj(
        {
            **head(),
            "ok": boolean("no errors (warnings do not count)"),
            "files": strings("every file looked at"),
            "problems": arr(problem),
            "notes": strings("what was skipped, and why"),
            "language": enum(LANGS),
        },
        doc="every problem in the files (validation_dict)",
    )
    return _document(
        "lindring validate --format json",
        "Every problem in the table, profile, panel and handbook files, or the error object.",
        result,
    )


def check_schema() -> Schema:
    detail = obj(
        {
            "message": string("as in failures or notes, in the output language"),
            "code": string("the message code (docs/json.md)", pattern=CODE),
            "params": _params(),
            "hint_code": nullable(string(pattern=CODE)),
            "file": nullable(string("the file of a profile's or chapter's problem")),
            "line": nullable(integer(1)),
            "col": nullable(integer(1)),
            "path": nullable(string("what the message is about: a drug and route, a key")),
            "profile": nullable(string("the guideline profile it was found in")),
            "profile_check": nullable(enum(CHECKS, "the check run on the profile's table")),
        },
        doc="a failure or a note with its message code",
    )
    check = obj(
        {
            "name": enum(CHECKS),
            "passed": integer(0),
            "failed": integer(0),
            "skipped": boolean(),
            "failures": strings(),
            "notes": strings(),
            "failure_details": arr(ref("detail")),
            "note_details": arr(ref("detail")),
        }
    )
    result = obj(
        {
            **head(),
            "table": string("the table file checked"),
            "table_version": string(),
            "ok": boolean("no check failed"),
            "seconds": number(),
            "checks": arr(check, min_items=1),
            "language": enum(LANGS),
        },
        doc="every consistency check on the table (check_dict)",
    )
    return _document(
        "lindring check --json",
        "The consistency checks of the whole table, or the error object.",
        result,
        detail=detail,
    )


def diff_schema() -> Schema:
    outcome = obj(
        {
            "equianalgesic": nullable(number()),
            "suggested": nullable(number()),
            "unit": nullable(string()),
            "refused": nullable(string("the refusal or error code")),
        },
        doc="the result under one version",
    )
    change = obj(
        {
            "drug": string(),
            "route": string(),
            "dose": string(),
            "target": string(),
            "target_route": string(),
            "old": nullable(ref("outcome")),
            "new": nullable(ref("outcome")),
            "suggested_change_percent": nullable(number(None)),
            "equianalgesic_change_percent": nullable(number(None)),
        }
    )
    version = obj({"label": string(), "table_version": string()})
    field = obj(
        {
            "kind": enum(KINDS),
            "path": string(),
            "old": nullable(string()),
            "new": nullable(string()),
        }
    )
    result = obj(
        {
            **head(),
            "old": version,
            "new": version,
            "panel_conversions": integer(0),
            "conversions": arr(ref("change")),
            "no_longer_possible": arr(ref("change")),
            "now_possible": arr(ref("change")),
            "changes": arr(field),
            "language": enum(LANGS),
        },
        doc="what a new version of the table does to the panel's conversions (diff_dict)",
    )
    return _document(
        "lindring diff --json",
        "The panel conversions and table fields that change between two versions, or the "
        "error object.",
        result,
        change=change,
        outcome=outcome,
    )
