"""Strict YAML: the surprises of PyYAML's defaults are errors or plain text here."""

from __future__ import annotations

from fractions import Fraction

import pytest

from lindring.table.yamlsource import MAX_DEPTH, YamlProblem, load


def test_values_keep_their_written_meaning() -> None:
    doc = load("a: 1.5\nb: no\nc: 010\nd: true\ne: 2026-11-22\nf: [1, 2]\ng: on\n", "x.yaml")
    assert doc.data == {
        "a": Fraction(3, 2),
        "b": "no",
        "c": "010",
        "d": True,
        "e": "2026-11-22",
        "f": [1, 2],
        "g": "on",
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: 1\na: 2\n", "x.yaml:2:1: duplicate key 'a' (first on line 1)"),
        ("a: &x 1\nb: *x\n", "x.yaml:1:4: anchors and aliases (&name, *name) are not allowed"),
        ("a: {<<: {b: 1}}\n", "x.yaml:1:5: merge keys (<<) are not allowed"),
        (
            "a: !!python/name:os.system 1\n",
            "x.yaml:1:4: the tag tag:yaml.org,2002:python/name:os.system is not allowed",
        ),
        ("? [1]\n: 2\n", "x.yaml:1:3: keys must be plain text"),
        (
            "range: !!python/object/apply:os.system [1.5, 2]\n",
            "x.yaml:1:8: the tag tag:yaml.org,2002:python/object/apply:os.system is not allowed",
        ),
        (
            "a:\n  b: !!python/object/new:dict {c: 1}\n",
            "x.yaml:2:6: the tag tag:yaml.org,2002:python/object/new:dict is not allowed",
        ),
        ("!!set {a: null}\n", "x.yaml:1:1: the tag tag:yaml.org,2002:set is not allowed"),
        (
            "a: 1" + "0" * 5000 + "\n",
            "x.yaml:1:4: a: too many digits: a number has at most 9 "
            "digits before the decimal point and 6 after",
        ),
        (
            "ø: æ\nb: 'x\x07'\n",
            "x.yaml:2:6: the character U+0007 is not allowed (a control character?)",
        ),
    ],
)
def test_problems_name_file_line_and_column(text: str, message: str) -> None:
    with pytest.raises(YamlProblem) as caught:
        load(text, "x.yaml")
    assert str(caught.value) == message


def test_syntax_errors_have_a_line() -> None:
    with pytest.raises(YamlProblem) as caught:
        load("a:\n\tb: 1\n", "x.yaml")
    assert str(caught.value).startswith("x.yaml:2:")


def test_where_points_at_keys_and_items() -> None:
    doc = load("top:\n  inner:\n    - first\n    - second\n", "x.yaml")
    assert doc.where(("top", "inner")) == "x.yaml:2:3"
    assert doc.where(("top", "inner", 1)) == "x.yaml:4:7"
    assert doc.where(("top", "missing")) == "x.yaml:1:1"  # nearest written ancestor


def test_plain_tags_for_lists_and_mappings_are_what_they_always_were() -> None:
    assert load("a: !!seq [1]\nb: !!map {c: 1}\n", "x.yaml").data == {"a": [1], "b": {"c": 1}}


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 990, 5000])
def test_deep_nesting_is_a_problem_not_a_crash(depth: int) -> None:
    with pytest.raises(YamlProblem) as caught:
        load("a: " + "[" * depth + "]" * depth + "\n", "x.yaml")
    assert str(caught.value).startswith("x.yaml:1:")
    assert "nest" in str(caught.value)
