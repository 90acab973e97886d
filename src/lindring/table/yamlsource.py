"""Strict YAML reading for hand-edited clinical tables.

PyYAML's defaults are unsafe for a dose table: a duplicated key silently wins, ``no``
becomes ``False``, ``010`` becomes 8. This module composes the node tree with libyaml
and builds the values itself, so that

* a duplicate key, an anchor or alias, a merge key (``<<``), a non-string key, a tag
  (``!!python/object``, on a value, a list or a mapping alike), a control character and
  nesting deeper than :data:`MAX_DEPTH` are errors, each at its ``file:line:col``;
* only ``true``/``false`` are booleans, integers are plain digits, decimals are read
  exactly as :class:`~fractions.Fraction` (bounded, by :mod:`lindring.numread`), and
  dates stay strings (YAML 1.2 rules);
* every key and list item keeps its line and column, so later checks can say
  ``tables/opioids.yaml:42:7: opioids.oxycodone.routes.po.factor: ...``.
"""

from __future__ import annotations

import re
from dataclasses import field
from fractions import Fraction
from typing import Any, ClassVar

import yaml

from lindring.errors import Issue, params
from lindring.numread import DECIMALS, WHOLE_DIGITS, NumberError, decimal, whole
from lindring.records import record

Path = tuple[str | int, ...]

_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_NULL = "tag:yaml.org,2002:null"
_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
#: the deepest nesting read (the table's deepest key is 7 levels down)
MAX_DEPTH = 32
_DROPPED = {_BOOL, _INT, _FLOAT, "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:value"}


_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc]
    """libyaml's composer with YAML 1.2 core-schema scalar resolution."""

    yaml_implicit_resolvers: ClassVar[dict[str, Any]] = {
        first: [(tag, rx) for tag, rx in resolvers if tag not in _DROPPED]
        for first, resolvers in _Base.yaml_implicit_resolvers.items()
    }


_Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|false)$"), list("tf"))
_Loader.add_implicit_resolver(_INT, re.compile(r"^(?:0|[1-9][0-9]*)$"), list("0123456789"))
_Loader.add_implicit_resolver(
    _FLOAT, re.compile(r"^(?:0|[1-9][0-9]*)\.[0-9]+$"), list("0123456789")
)


@record
class Located:
    """A parsed document and where each path in it was written. A document merged from
    two files (a guideline profile over its base table) names, in ``files``, the file of
    each path that is not ``file``'s."""

    file: str
    data: Any
    marks: dict[Path, tuple[int, int]]
    files: dict[Path, str] = field(default_factory=dict)

    def position(self, path: Path) -> tuple[str, int, int]:
        """File, line and column of ``path``, or of its nearest written ancestor."""
        probe = path
        while probe and probe not in self.marks:
            probe = probe[:-1]
        line, col = self.marks.get(probe, (1, 1))
        return self.files.get(probe, self.file), line, col

    def where(self, path: Path) -> str:
        """``file:line:col`` of ``path``, or of its nearest written ancestor."""
        file, line, col = self.position(path)
        return f"{file}:{line}:{col}"


class YamlProblem(Exception):
    """One problem in the YAML itself (:attr:`issue`); ``str()`` is its line."""

    def __init__(self, issue: Issue) -> None:
        super().__init__(issue.text())
        self.issue = issue


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    def __init__(self, file: str) -> None:
        self.file = file
        self.marks: dict[Path, tuple[int, int]] = {}
        self.seen: set[int] = set()

    def fail(self, node: yaml.Node, code: str, **values: Any) -> YamlProblem:
        line, col = _mark(node)
        return YamlProblem(Issue(self.file, line, col, code=code, params=params(**values)))

    def build(self, node: yaml.Node, path: Path) -> Any:
        if id(node) in self.seen:
            raise self.fail(node, "problem.yaml_alias")
        self.seen.add(id(node))
        if len(path) > MAX_DEPTH:
            raise self.fail(node, "problem.yaml_depth", depth=MAX_DEPTH)
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
            kind = _MAP if isinstance(node, yaml.MappingNode) else _SEQ
            if node.tag != kind:
                raise self.fail(node, "problem.yaml_tag", tag=node.tag)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                self.marks[(*path, index)] = _mark(item)
                items.append(self.build(item, (*path, index)))
            return items
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                raise self.fail(key_node, "problem.yaml_merge")
            key = self._scalar(key_node, path) if isinstance(key_node, yaml.ScalarNode) else None
            if isinstance(key, int | Fraction) and not isinstance(key, bool):
                raise self.fail(key_node, "problem.yaml_number_key")
            if not isinstance(key, str):
                raise self.fail(key_node, "problem.yaml_key_text")
            if key in result:
                raise self.fail(key_node, "problem.yaml_duplicate", key=key, first=first_line[key])
            first_line[key] = _mark(key_node)[0]
            self.marks[(*path, key)] = _mark(key_node)
            result[key] = self.build(value_node, (*path, key))
        return result

    def _scalar(self, node: yaml.Node, path: Path) -> Any:
        value = str(node.value)
        tag = node.tag
        if tag == _STR:
            return value
        if tag == _BOOL:
            return value == "true"
        try:
            if tag == _INT:
                return whole(value)
            if tag == _FLOAT:
                return decimal(value, comma=False)
        except NumberError:
            where = ".".join(str(p) for p in path)
            digits = {"digits": WHOLE_DIGITS, "decimals": DECIMALS}
            if where:
                raise self.fail(node, "problem.yaml_digits_at", where=where, **digits) from None
            raise self.fail(node, "problem.yaml_digits", **digits) from None
        if tag == _NULL:
            return None
        raise self.fail(node, "problem.yaml_tag", tag=tag)


def load(text: str, file: str) -> Located:
    """Parse ``text`` strictly; :class:`YamlProblem` on the first problem in the YAML."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.reader.ReaderError as exc:
        raise YamlProblem(_unreadable(text, file, exc)) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        said = str(exc.problem or exc.context)
        code = _PYYAML.get(said) or _pyyaml_kind(said)
        raise YamlProblem(Issue(file, line, col, code=code, params=params(text=said))) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(
            Issue(file, code="problem.yaml_syntax", params=params(text=str(exc)))
        ) from None
    builder = _Builder(file)
    data = builder.build(root, ()) if root is not None else None
    return Located(file, data, builder.marks)


def _unreadable(text: str, file: str, exc: yaml.reader.ReaderError) -> Issue:
    """A character YAML does not allow (a control character), at its line and column."""
    char = exc.character if isinstance(exc.character, str) else chr(exc.character)
    at = text.find(char)  # libyaml counts in bytes; the first such character is the one
    at = at if at >= 0 else min(max(exc.position, 0), len(text))
    line = text.count("\n", 0, at) + 1
    col = at - (text.rfind("\n", 0, at) + 1) + 1
    shown = f"{ord(char):04X}"
    return Issue(file, line, col, code="problem.control_character", params=params(char=shown))


#: PyYAML's most common sentences, which have a message of their own in both languages
_PYYAML = {
    "mapping values are not allowed here": "problem.yaml_mapping_values",
    "found character '\\t' that cannot start any token": "problem.yaml_tab",
    "could not find expected ':'": "problem.yaml_expected_colon",
    "found a tab character that violates indentation": "problem.yaml_tab_indent",
    "found unexpected end of stream": "problem.yaml_end_of_stream",
}


def _pyyaml_kind(said: str) -> str:
    """The code of a PyYAML sentence that names what it found (``expected <block end>,
    but found '?'``): the kind of mistake in both languages, PyYAML's words kept."""
    if said.startswith("expected <block end>"):
        return "problem.yaml_block_end"
    if said.startswith(("expected ',' or ']'", "expected ',' or '}'")):
        return "problem.yaml_flow_end"
    return "problem.yaml_syntax"
