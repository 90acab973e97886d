"""The JSON Schemas in schemas/ are generated from the same declarations the loader uses
(lindring.table.spec, lindring.table.profile_spec), are committed unchanged, accept the shipped
files, and reject exactly the changes of keys and types that the loader rejects."""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lindring.errors import TableError
from lindring.table import jsonschema as table_schema
from lindring.table import vocabulary as spec
from lindring.table.load import parse_tables
from lindring.table.spec import TABLE, TABLE_SECTIONS

from ..conftest import REPO, TABLES_DIR
from .helpers import as_text, plain, raw_table, small_table

jsonschema = pytest.importorskip("jsonschema")

SCHEMAS = REPO / "schemas"


@pytest.mark.parametrize("name", sorted(table_schema.SCHEMAS))
def test_committed_schema_equals_the_generated_one(name: str) -> None:
    committed = (SCHEMAS / name).read_text(encoding="utf-8")
    assert committed == table_schema.render(name), (
        f"schemas/{name} is out of date: run python -m lindring.table.jsonschema"
    )


@pytest.mark.parametrize("name", sorted(table_schema.SCHEMAS))
def test_schema_is_draft_07(name: str) -> None:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema)


@functools.cache
def _validator(name: str) -> Any:
    return jsonschema.Draft7Validator(json.loads((SCHEMAS / name).read_text(encoding="utf-8")))


def _errors(name: str, data: Any) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in _validator(name).iter_errors(plain(data))]


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("opioids.schema.json", TABLES_DIR / "opioids.yaml"),
        ("panel.schema.json", TABLES_DIR / "panel.yaml"),
        *[("profile.schema.json", p) for p in sorted((TABLES_DIR / "profiles").glob("*.yaml"))],
    ],
    ids=lambda v: v if isinstance(v, str) else v.name,
)
def test_shipped_files_validate_against_their_schema(name: str, path: Path) -> None:
    assert _errors(name, raw_table(path)) == []


@pytest.mark.parametrize(
    ("path", "schema"),
    [
        (TABLES_DIR / "opioids.yaml", "opioids"),
        (TABLES_DIR / "panel.yaml", "panel"),
        *[(p, "profile") for p in sorted((TABLES_DIR / "profiles").glob("*"))],
    ],
    ids=lambda v: v.name if isinstance(v, Path) else v,
)
def test_every_file_names_its_schema_on_its_first_line(path: Path, schema: str) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    assert (path.parent / first.split("=", 1)[1]).resolve() == SCHEMAS / f"{schema}.schema.json"


# --- drift: the loader and the schema reject the same changes --------------------------


def _wrong(kind: spec.Kind) -> list[Any]:
    """Values of the wrong type or shape for ``kind``."""
    if isinstance(kind, spec.Text):
        return [["a list"], "!not the pattern!" if kind.pattern else " "]
    if isinstance(kind, spec.Choice):
        return ["not-a-choice"]
    if isinstance(kind, spec.Whole):
        return [kind.minimum - 1, True]
    if isinstance(kind, spec.Number):
        return ["1,5", 0 if kind.positive else -1]
    if isinstance(kind, spec.Pair):
        return [[1]]
    if isinstance(kind, spec.Texts):
        return ["x"] + ([] if kind.allow_empty else [[]])
    if isinstance(kind, spec.Flag):
        return ["no"]
    if isinstance(kind, spec.ListOf):
        return ["x"] + ([[]] if kind.min_items else [])
    if isinstance(kind, spec.MapOf):
        return [["x"]] + ([{}] if kind.min_items else [])
    return ["x"]  # a section (Ref) or a choice of sections (AnyOf)


Mutation = tuple[str, Any]  # what was changed, the whole changed table


def _set(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    changed = copy.deepcopy(data)
    target = changed
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return changed


def _section_of(kind: spec.Kind, value: Any) -> spec.Section | None:
    if isinstance(kind, spec.Ref):
        return TABLE_SECTIONS[kind.name]
    if isinstance(kind, spec.AnyOf):  # a factor: a patch route lists its patch products
        name = "rate_factor" if isinstance(value, dict) and "patches" in value else "dose_factor"
        return TABLE_SECTIONS[name]
    return None


def mutations(root: Any, value: Any, kind: spec.Kind, path: tuple[Any, ...]) -> Iterator[Mutation]:
    """Every change of a key or type below ``path`` (one entry of each map or list)."""
    label = ".".join(map(str, path))
    for wrong in _wrong(kind):
        yield f"{label} = {wrong!r}", _set(root, path, wrong)
    section = _section_of(kind, value)
    if section is not None:
        yield f"{label}: unknown key", _set(root, (*path, "zz_unknown"), "x")
        for key in section.keys:
            if key.name in value:
                if key.required:
                    trimmed = {k: v for k, v in value.items() if k != key.name}
                    yield f"{label}: without {key.name}", _set(root, path, trimmed)
                yield from mutations(root, value[key.name], key.kind, (*path, key.name))
    elif isinstance(kind, spec.ListOf) and value:
        yield from mutations(root, value[0], kind.item, (*path, 0))
    elif isinstance(kind, spec.MapOf) and value:
        first = next(iter(value))
        if kind.keys is not None:
            yield (
                f"{label}: a key that is not allowed",
                _set(root, (*path, "Not_Allowed"), value[first]),
            )
        yield from mutations(root, value[first], kind.value, (*path, first))


def _table_mutations() -> list[Mutation]:
    data = small_table()
    found: list[Mutation] = []
    for key in TABLE.keys:
        if key.required:
            trimmed = {k: v for k, v in data.items() if k != key.name}
            found.append((f"without {key.name}", trimmed))
        if key.name in data:
            found.extend(mutations(data, data[key.name], key.kind, (key.name,)))
    return found


MUTATIONS = _table_mutations()


def _loader_rejects(data: Any) -> bool:
    try:
        parse_tables(as_text(data), "opioids.yaml")
    except TableError:
        return True
    return False


def test_the_small_table_is_valid_for_both() -> None:
    data = small_table()
    assert not _loader_rejects(data)
    assert _errors("opioids.schema.json", data) == []
    assert len(MUTATIONS) > 250


def test_loader_and_schema_reject_the_same_mutations() -> None:
    drift = []
    for what, data in MUTATIONS:
        loader = _loader_rejects(data)
        schema = not _validator("opioids.schema.json").is_valid(plain(data))
        if not (loader and schema):
            drift.append(f"{what}: loader rejects {loader}, schema rejects {schema}")
    assert drift == []


def test_schema_needs_a_status_text_for_a_nonlinear_drug() -> None:
    data = small_table()
    del data["opioids"]["methadone"]["status_text"]
    assert _loader_rejects(data)
    assert _errors("opioids.schema.json", data)


def test_schema_lists_every_route_key_the_loader_knows() -> None:
    schema = json.loads((SCHEMAS / "opioids.schema.json").read_text(encoding="utf-8"))
    names = schema["properties"]["routes"]["propertyNames"]["enum"]
    from lindring.table.spec import ROUTE_KEYS

    assert names == list(ROUTE_KEYS)
