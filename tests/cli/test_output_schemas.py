"""The JSON Schemas of every ``--json`` output (schemas/*.schema.json): generated from
src/lindring/output/schema/ and committed unchanged, valid 2020-12 schemas, met by the
examples in the docs and by random conversions, and strict enough to reject a wrong
type, a missing key, an unknown key or an unknown code. (Every CLI test that prints JSON
is checked against them too: tests/conftest.py.)"""

from __future__ import annotations

import copy
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lindring.model import Tables
from lindring.output import schema as output_schema
from lindring.table import jsonschema as table_schema

from ..conftest import REPO, TABLES_DIR, Run
from ..output_schemas import assert_matches_schema, kind_of, schema_errors, validator

jsonschema = pytest.importorskip("jsonschema")

SCHEMAS = REPO / "schemas"
KINDS = sorted(output_schema.BUILDERS)
MINIMAL = str(REPO / "tests" / "cases" / "tables" / "valid" / "minimal")


@pytest.mark.parametrize("kind", KINDS)
def test_committed_schema_equals_the_generated_one(kind: str) -> None:
    committed = (SCHEMAS / output_schema.file_name(kind)).read_text(encoding="utf-8")
    assert committed == output_schema.render(kind), (
        f"schemas/{kind}.schema.json is out of date: run python -m lindring.output.schema"
    )


def test_schemas_holds_the_generated_files_only() -> None:
    generated = {output_schema.file_name(k) for k in KINDS} | set(table_schema.SCHEMAS)
    assert {p.name for p in SCHEMAS.glob("*.json")} == generated


@pytest.mark.parametrize("kind", KINDS)
def test_every_schema_is_a_valid_2020_12_schema(kind: str) -> None:
    schema = json.loads((SCHEMAS / output_schema.file_name(kind)).read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["title"].startswith("lindring ")


def test_the_generator_needs_no_jsonschema(tmp_path: Path) -> None:
    script = (
        "import sys; sys.modules['jsonschema'] = None\n"
        "from pathlib import Path; from lindring.output.schema import write\n"
        f"print(len(write(Path({str(tmp_path)!r}))))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout) == len(KINDS)
    for kind in KINDS:
        name = output_schema.file_name(kind)
        assert (tmp_path / name).read_text(encoding="utf-8") == output_schema.render(kind)


# --- the docs ----------------------------------------------------------------------


def _blocks(doc: str, lang: str) -> list[str]:
    text = (REPO / "docs" / doc).read_text(encoding="utf-8")
    return re.findall(rf"```{lang}\n(.*?)\n```", text, re.S)


def test_every_json_example_of_json_md_follows_the_convert_schema() -> None:
    examples = [json.loads(block) for block in _blocks("json.md", "json")]
    assert len(examples) >= 4  # a conversion, a refusal, an error, a refused name
    assert {"input" in e for e in examples} == {True, False}
    for example in examples:
        assert_matches_schema("convert", example)


def test_every_command_of_json_md_prints_the_json_shown(run: Run) -> None:
    """Each one-line ``lindring`` command followed by a JSON block is run; the block is
    what it prints (the commands use the test table under tests/ or the shipped one)."""
    text = (REPO / "docs" / "json.md").read_text(encoding="utf-8")
    pairs = re.findall(
        r"```sh\n(lindring [^\n]+)\n```(?:(?!```sh).)*?```json\n(.*?)\n```", text, re.S
    )
    assert len(pairs) >= 4
    for command, shown in pairs:
        words = shlex.split(command, comments=True)[1:]  # without a "# exit N" comment
        args = [str(REPO / a) if a.startswith("tests/") else a for a in words]
        assert json.loads(run(*args).stdout) == json.loads(shown), command


def test_the_pump_example_follows_the_pump_schema() -> None:
    (example,) = _blocks("pump.md", "json")
    assert_matches_schema("pump", json.loads(example))


def test_the_python_example_of_the_schema_section_runs(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code = next(b for b in _blocks("json.md", "python") if "Draft202012Validator" in b)
    rows = tmp_path / "rows.csv"
    rows.write_text("drug;dose;route;target;target_route\noxycodone;20mg x2;po;morphine;sc\n")
    out = run("batch", str(rows), "--format", "jsonl", "--tables", str(TABLES_DIR)).stdout
    (tmp_path / "schemas").symlink_to(SCHEMAS)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "audit.jsonl").write_text(out, encoding="utf-8")
    exec(compile(code, "json.md", "exec"), {})
    assert capsys.readouterr().out == ""
    broken = json.loads(out)
    broken["line"] = "2"
    (tmp_path / "audit.jsonl").write_text(out + json.dumps(broken) + "\n", encoding="utf-8")
    exec(compile(code, "json.md", "exec"), {})
    assert capsys.readouterr().out.startswith("line 2: $.line: '2' is not of type 'integer'")


# --- the schemas reject what lindring never prints ------------------------------------


def _convert(run: Run, *words: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(run("convert", *words, "--json").stdout)
    return data


def _broken(data: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """``data`` with the key at ``path`` (dots; ``-`` deletes) set to ``value``."""
    found = copy.deepcopy(data)
    *parents, last = path.split(".")
    inner: Any = found
    for key in parents:
        inner = inner[int(key)] if isinstance(inner, list) else inner[key]
    if value is _DELETE:
        del inner[last]
    else:
        inner[int(last) if isinstance(inner, list) else last] = value
    return found


_DELETE = object()


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("ome_mg_per_24h", "60"),  # a number as a string
        ("schema_version", 2),
        ("language", "de"),
        ("steps", _DELETE),  # a required key missing
        ("colour", "red"),  # a key the object does not have
        ("target.suggested_daily_dose.unit", "µg"),
        ("target.suggested_daily_dose.value", -1),
        ("target.regimen.form", "patch"),
        ("warnings.0.code", "no_such_warning"),
        ("steps.0.values", []),
        ("parts", []),
        ("reduction_percent", 101),
        ("reduction_reason", "habit"),
        ("patient.frail", "no"),
        ("breakthrough_dose.fraction", "a sixth"),
        ("refused", {"code": "nonlinear", "message": "x", "sources": []}),  # no where
        # refused, yet a start and a breakthrough dose
        ("refused", {"code": "nonlinear", "message": "x", "sources": [], "where": "y"}),
    ],
)
def test_convert_schema_rejects_a_wrong_value(run: Run, path: str, value: Any) -> None:
    data = _convert(run, "oxycodone", "40mg", "po", "to", "morphine", "sc")
    assert schema_errors("convert", data) == []
    assert schema_errors("convert", _broken(data, path, value)) != []


def test_error_objects_are_closed(run: Run) -> None:
    error = json.loads(
        run("convert", "oxykodon", "40mg", "po", "to", "morphine", "sc", "--json").stdout
    )
    assert schema_errors("convert", error) == []
    assert schema_errors("convert", _broken(error, "error.sources", [])) != []
    assert schema_errors("convert", _broken(error, "error.code", "Unknown Drug")) != []
    refused = json.loads(
        run("convert", "Instanyl", "100mcg", "nasal", "to", "morphine", "sc", "--json").stdout
    )
    assert schema_errors("convert", refused) == []
    assert schema_errors("convert", _broken(refused, "refused.where", _DELETE)) != []
    assert schema_errors("convert", _broken(refused, "refused.code", "nonsense")) != []


@pytest.mark.parametrize(
    ("kind", "args", "path", "value"),
    [
        ("pump", ("pump", "morphine", "30mg/24h", "sc", "--json"), "days", "7"),
        ("pump", ("pump", "morphine", "30mg/24h", "sc", "--json"), "drugs", []),
        ("pump", ("pump", "morphine", "30mg/24h", "sc", "--json"), "schema_version", 2),
        ("pump", ("pump", "morphine", "30mg/24h", "sc", "--json"), "language", "sv"),
        ("pump", ("pump", "morphine", "30mg/24h", "sc", "--json"), "table_version", _DELETE),
        ("pump", ("pump", "morphine", "30mg/24h", "sc", "--json"), "colour", "red"),
        ("validate", ("validate", "--format", "json"), "ok", "yes"),
        ("validate", ("validate", "--format", "json"), "problems", [{"file": "x"}]),
        ("check", ("check", "--json"), "checks.0.name", "bogus"),
        ("check", ("check", "--json"), "checks.0.passed", -1),
        ("check", ("check", "--json"), "language", "sv"),
        ("check", ("check", "--json"), "checks.4.note_details.0.code", "Not A Code"),
        ("validate", ("validate", "--format", "json"), "language", _DELETE),
        (
            "compare",
            ("compare", "hydrocodone", "30mg", "po", "to", "morphine", "po", "--json"),
            "profiles.0.not_covered_code",
            "bogus",
        ),
        (
            "compare",
            ("compare", "morphine", "60mg", "po", "to", "morphine", "sc", "--json"),
            "disagree",
            ["dose"],
        ),
        (
            "compare",
            ("compare", "morphine", "60mg", "po", "to", "morphine", "sc", "--json"),
            "profiles.0.conversion.language",
            "de",
        ),
    ],
)
def test_the_editors_schemas_reject_a_wrong_value(
    run: Run, kind: str, args: tuple[str, ...], path: str, value: Any
) -> None:
    data = json.loads(run(*args).stdout)
    assert schema_errors(kind, data) == []
    assert schema_errors(kind, _broken(data, path, value)) != []


def test_diff_schema_rejects_an_unknown_kind_of_change() -> None:
    data = {
        "schema_version": 1,
        "tool_version": "0.1.0",
        "old": {"label": "HEAD", "table_version": "1"},
        "new": {"label": "working copy", "table_version": "2"},
        "panel_conversions": 3,
        "conversions": [],
        "no_longer_possible": [],
        "now_possible": [],
        "changes": [
            {"kind": "factor", "path": "opioids.x.routes.po.factor", "old": "1", "new": "2"}
        ],
        "language": "en",
    }
    assert schema_errors("diff", data) == []
    assert schema_errors("diff", _broken(data, "changes.0.kind", "colour")) != []
    assert schema_errors("diff", _broken(data, "changes.0.old", 1)) != []


def _batch_lines(run: Run, tmp_path: Path, *options: str) -> list[dict[str, Any]]:
    rows = tmp_path / "rows.csv"
    rows.write_text(
        "id;drug;dose;route;target;target_route;prescribed\n"
        "A;oxycodone;20mg x2;po;morphine;sc;15mg\n"
        "A;methadone;30mg;po;morphine;po;\n"
        "B;oxykodon;20mg;po;morphine;sc;\n"
        "B;Instanyl;100mcg;nasal;morphine;sc;\n"
        "C;x\n",
        encoding="utf-8",
    )
    out = run("batch", str(rows), "--format", "jsonl", "--tables", str(TABLES_DIR), *options)
    return [json.loads(line) for line in out.stdout.splitlines()]


def test_batch_rows_of_every_status_follow_the_schema_and_a_wrong_one_is_rejected(
    run: Run, tmp_path: Path
) -> None:
    lines = _batch_lines(run, tmp_path)
    assert [r["status"] for r in lines] == ["ok", "refused", "error", "refused", "error"]
    assert "cells" in lines[4] and "input" not in lines[2]
    for row in lines:
        assert schema_errors("batch", row) == []
    ok, refused, error = lines[0], lines[1], lines[2]
    assert schema_errors("batch", _broken(ok, "status", "empty")) != []
    assert schema_errors("batch", _broken(ok, "check.verdict", "fine")) != []
    assert schema_errors("batch", _broken(ok, "steps", _DELETE)) != []  # half a conversion
    assert schema_errors("batch", {**ok, "cells": ["A"]}) != []  # row and cells
    assert schema_errors("batch", _broken(refused, "refused", None)) != []
    start = ok["breakthrough_dose"]
    assert schema_errors("batch", _broken(refused, "breakthrough_dose", start)) != []
    assert schema_errors("batch", _broken(error, "error", _DELETE)) != []


def test_sum_by_rows_follow_their_schema_and_a_wrong_one_is_rejected(
    run: Run, tmp_path: Path
) -> None:
    lines = _batch_lines(run, tmp_path, "--sum-by", "id")
    assert [(r["id"], r["status"]) for r in lines] == [
        ("A", "incomplete"),
        ("B", "incomplete"),
        ("C", "incomplete"),
    ]
    for row in lines:
        assert schema_errors("batch-sum-by", row) == []
    row = lines[0]
    assert schema_errors("batch-sum-by", {**row, "status": "ok"}) != []  # lines listed
    assert schema_errors("batch-sum-by", {**row, "extra": "x"}) != []
    assert schema_errors("batch-sum-by", {**row, "rows": 0}) != []
    assert schema_errors("batch-sum-by", _broken(row, "id", 7)) != []


@pytest.mark.parametrize(
    ("args", "kind"),
    [
        (["convert", "x", "--json"], "convert"),
        (["convert", "x", "--reduce", "--json"], None),  # the value of --reduce
        (["convert", "x", "--json", "--help"], None),
        (["pump", "x", "--json"], "pump"),
        (["validate", "--format", "json"], "validate"),
        (["validate", "--format=json"], "validate"),
        (["validate", "--json"], None),
        (["batch", "in.csv"], "batch"),
        (["batch", "in.csv", "-o", "-", "--sum-by", "id"], "batch-sum-by"),
        (["batch", "in.csv", "-o", "out.csv"], None),
        (["drugs"], None),
    ],
)
def test_which_schema_a_command_line_follows(args: list[str], kind: str | None) -> None:
    assert kind_of(args) == kind


# --- random conversions -------------------------------------------------------------

DOSES = st.sampled_from(["5mg", "40mg", "20mg x2", "10mg q4h", "90mg/24h", "2,5 mg", "1000mg"])


def requests(tables: Tables) -> st.SearchStrategy[list[str]]:
    """``DRUG DOSE ROUTE to DRUG ROUTE`` over every drug and route of ``tables``."""
    pairs = st.sampled_from(
        sorted((d, r) for d, drug in tables.opioids.items() for r in drug.routes)
    )

    def words(source: tuple[str, str], dose: str, target: tuple[str, str]) -> list[str]:
        dose = "25mcg/h" if source[1] == "td" else dose
        return [source[0], dose, source[1], "to", *target]

    return st.builds(words, pairs, DOSES, pairs)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(data=st.data(), lang=st.sampled_from(["nb", "en"]), frail=st.booleans())
def test_random_conversions_follow_the_convert_schema(
    tables: Tables, data: st.DataObject, lang: str, frail: bool
) -> None:
    """Any conversion of the shipped table, done or refused, and any error: the object
    ``convert --json`` prints for it follows the schema."""
    from lindring.calc.convert import Options, convert
    from lindring.calc.request import parse_request
    from lindring.errors import LindringError
    from lindring.output.json import conversion_dict, error_dict

    words = data.draw(requests(tables))
    try:
        found = conversion_dict(
            convert(tables, parse_request(tables, words), Options(frail=frail)), lang
        )
    except LindringError as exc:
        found = error_dict(exc, lang)
    assert_matches_schema("convert", found)


def test_validators_are_compiled_once() -> None:
    assert validator("convert") is validator("convert")
