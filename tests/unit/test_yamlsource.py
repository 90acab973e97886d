"""Strict YAML: the surprises of PyYAML's defaults are errors or plain text here."""

from __future__ import annotations

from fractions import Fraction

import pytest

from lindring.yamlsource import YamlProblem, load


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
