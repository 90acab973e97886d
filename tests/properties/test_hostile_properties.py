"""Hostile input never crashes lindring: whatever the strategies below draw (long digit
strings, huge and tiny exponents, odd codec names, odd paths, stray quotes and bytes no
encoding decodes, hostile YAML), the CLI shows no traceback, never exits 70, exits
with a code docs/exit-codes.md lists, answers within seconds, and a batch file keeps
every line: its summary counts one row per physical line.

Each property is kept to a few seconds; ``bench/fuzz`` runs 10,000 such command lines
in real processes by hand.
"""

from __future__ import annotations

import encodings.aliases
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from lindring.cli import app
from lindring.errors import TableError
from lindring.table.load import parse_tables

from ..conftest import TABLES_DIR
from ..hostile import ODD_KINDS, documented_codes, odd_dir, odd_path

CODES = documented_codes()
MINIMAL = Path(__file__).parents[1] / "cases" / "tables" / "valid" / "minimal" / "opioids.yaml"
MINIMAL_TEXT = MINIMAL.read_text(encoding="utf-8")
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

digits = st.one_of(
    st.text("0123456789", min_size=1, max_size=20),
    # long runs, drawn by their length (text() rarely draws thousands of characters)
    st.builds(str.__mul__, st.sampled_from(["1", "9", "10", "0"]), st.integers(4000, 6000)),
)
exponent = st.builds(
    "{}{}e{}{}".format,
    st.text("0123456789", min_size=1, max_size=4),
    st.sampled_from(["", ".5", ",5"]),
    st.sampled_from(["", "+", "-"]),
    st.integers(0, 10**12),
)
numbers = st.one_of(
    digits,
    exponent,
    st.builds("{}.{}".format, digits, digits),
    st.builds("1/{}".format, digits),
    st.builds("0.{}1".format, st.integers(0, 400).map("0".__mul__)),
    st.sampled_from(["inf", "nan", "-0", "+5", "1_000", "٣", "１２", "1e", "e9", "0x10", ""]),
)
number_options = st.sampled_from(
    [
        ("convert", "oxycodone", "40mg", "po", "to", "morphine", "sc", "--reduce"),
        ("compare", "oxycodone", "40mg", "po", "to", "morphine", "po", "--reduce"),
        ("pump", "morphine", "30mg/24h", "sc", "--volume"),
        ("pump", "morphine", "30mg/24h", "sc", "--concentration"),
        ("pump", "morphine", "30mg/24h", "sc", "--bolus"),
        ("pump", "morphine", "30mg/24h", "sc", "--days"),
        ("convert", "oxycodone", "40mg", "po", "to", "morphine", "sc", "--interval"),
    ]
)


def invoke(*args: str, stdin: bytes | None = None) -> Result:
    """The CLI as a user runs it; the properties every command line must keep."""
    result = CliRunner().invoke(app, list(args), input=stdin, env={"LINDRING_LANG": "en"})
    shown = [a[:80] for a in args]
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), (shown, repr(result.exception))
    assert result.exit_code in CODES, (shown, result.exit_code, result.stderr[-500:])
    assert "Traceback" not in result.stdout + result.stderr, shown
    return result


@FAST
@given(number_options, numbers)
def test_numbers_of_any_size_in_an_option(option: tuple[str, ...], value: str) -> None:
    result = invoke(*option, value)
    assert result.exit_code in (0, 1, 2, 3), value[:80]


@FAST
@given(numbers, st.sampled_from(["mg", " mg x2", "mcg/h", " mg/24h", "mg q4h"]))
def test_numbers_of_any_size_in_a_dose(number: str, unit: str) -> None:
    invoke("convert", "oxycodone", f"{number}{unit}"[:70], "po", "to", "morphine", "sc")


codec_names = st.one_of(
    st.sampled_from(
        sorted(set(encodings.aliases.aliases.values()) | set(encodings.aliases.aliases))
    ),
    st.sampled_from(["rot13", "hex", "base64", "zlib", "uu", "idna", "punycode", "undefined"]),
    st.text(max_size=20),
)


@FAST
@given(codec_names, st.sampled_from(["utf-8", "cp1252", "utf-16"]))
def test_any_codec_name(name: str, written: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.csv"
        text = "id,drug,dose,route,target,target_route\n1,oksykodon,20 mg x2,po,morfin,sc\n"
        path.write_bytes(text.encode(written))
        result = invoke("batch", str(path), "--encoding", name)
        assert result.exit_code in (0, 1)


odd_commands = st.sampled_from(
    [
        ("tables", ("convert", "oxycodone", "40mg", "po", "to", "morphine", "sc", "--tables")),
        ("tables", ("pump", "morphine", "30mg/24h", "sc", "--tables")),
        ("tables", ("check", "--tables")),
        ("tables", ("drugs", "--tables")),
        ("table-file", ("validate",)),
        ("table-file", ("diff",)),
        ("handbook", ("handbook", "--handbook")),
        ("handbook", ("handbook", "search", "smerte", "--handbook")),
        ("panel", ("diff", str(TABLES_DIR), "--panel")),
        ("input", ("batch",)),
    ]
)


@FAST
@given(odd_commands, st.sampled_from(ODD_KINDS), st.booleans())
def test_odd_paths(command: tuple[str, tuple[str, ...]], kind: str, whole: bool) -> None:
    what, args = command
    with tempfile.TemporaryDirectory() as folder:
        where = Path(folder)
        if what == "tables" and not whole:
            target = odd_dir(where / "t", kind, "opioids.yaml")
        elif what == "handbook" and not whole:
            target = odd_dir(where / "h", kind, "plaster.md")
        else:
            name = {"table-file": "opioids.yaml", "panel": "panel.yaml"}.get(what, "x")
            target = odd_path(where, kind, name)
        invoke(*args, str(target))


# --- batch files: stray quotes (always before a letter, so that they can never close a
# cell by the book and every line stays a row of its own) and bytes no encoding decodes
GOOD = [
    "oksykodon,20 mg x2,po,morfin,sc,15 mg",
    "morphine,60 mg/24h,po,oxycodone,po,",
    "fentanyl,25 mcg/h,td,morphine,po,",
    "metadon,30 mg,po,morfin,po,",
    "morfn,30 mg,po,oksykodon,po,",
    "oksykodon,40,po,morfin,sc,",
    ",,,,,",
    "",
]
piece = st.one_of(
    st.sampled_from(GOOD),
    st.text(st.sampled_from(list('ab ,;x"ø=+-1')), max_size=30).map(
        lambda t: re.sub(r'"(?![a-z0-9])', '"a', t)
    ),
)
line = st.tuples(piece, st.sampled_from([b"", b"\x81", b"\x9d", b"\xff", b'"x', b"\xc3"])).map(
    lambda p: p[0].encode("utf-8") + p[1]
)
SUMMARY = re.compile(rb"(\d+) rows: (\d+) converted, (\d+) with errors, (\d+) refused, (\d+) empty")


@settings(max_examples=40, deadline=None)
@given(st.lists(line, max_size=30), st.sampled_from([b"\n", b"\r\n"]))
def test_a_batch_file_keeps_every_line(lines: list[bytes], end: bytes) -> None:
    header = b"drug,dose,route,target,target_route,prescribed"
    data = end.join([header, *lines]) + end
    result = invoke("batch", "-", "--tables", str(TABLES_DIR), stdin=data)
    if not lines:
        return
    assert result.exit_code in (0, 1)
    found = SUMMARY.search(result.stderr_bytes)
    assert found is not None, result.stderr
    rows, converted, errors, refused, empty = (int(n) for n in found.groups())
    assert rows == len(lines)
    assert converted + errors + refused + empty == rows
    written = result.stdout_bytes.count(b"\n") - 1  # less the header
    assert written == rows - empty


# --- hostile YAML: the minimal valid table with one thing made hostile
tagged = st.builds(
    lambda at, tag: MINIMAL_TEXT.replace(at, f"{at} {tag}", 1),
    st.sampled_from(["range:", "renal:", "sources:", "aliases:", "factor:", "name:", "rules:"]),
    st.sampled_from(["!!python/object/apply:os.system", "!!set", "!!binary", "!foo", "!!omap"]),
)
hostile_yaml = st.one_of(
    tagged,
    st.builds(
        lambda char, at: MINIMAL_TEXT[:at] + char + MINIMAL_TEXT[at:],
        st.sampled_from(["\x00", "\x07", "\x1b", "\x7f", "\ufffe", "\x85", "\u2028"]),
        st.integers(0, len(MINIMAL_TEXT)),
    ),
    st.builds(lambda n: MINIMAL_TEXT.replace("factor: 3,", f"factor: {n},", 1), numbers),
    st.builds(lambda d: MINIMAL_TEXT + "x: " + "[" * d + "]" * d + "\n", st.integers(1, 2000)),
    st.builds(
        lambda d: MINIMAL_TEXT + "".join(f"{' ' * i}k{i}:\n" for i in range(d)) + " " * d + "v\n",
        st.integers(1, 200),
    ),
    st.text(max_size=200),
)
WHERE = re.compile(r"^opioids\.yaml(:\d+:\d+)?: ")


@settings(max_examples=60, deadline=None)
@given(hostile_yaml)
def test_hostile_yaml_is_a_list_of_problems_with_their_place(text: str) -> None:
    try:
        parse_tables(text, "opioids.yaml")
    except TableError as exc:
        assert exc.problems
        assert all(WHERE.match(problem.text()) for problem in exc.problems), exc.problems[:3]


@settings(max_examples=30, deadline=None)
@given(tagged)
def test_a_tag_on_any_node_is_refused_at_its_place(text: str) -> None:
    try:
        parse_tables(text, "opioids.yaml")
    except TableError as exc:
        assert re.match(
            r"^opioids\.yaml:\d+:\d+: the tag \S+ is not allowed$", exc.problems[0].text()
        )
    else:
        raise AssertionError("a tag was accepted")
