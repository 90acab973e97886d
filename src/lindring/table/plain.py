"""The validated table as plain data, for its cache: bytes that :mod:`marshal` reads.

:mod:`marshal` is built into the interpreter (importing :mod:`pickle` costs more than
reading the table, ``bench/startup``) but holds only plain values: strings, numbers,
``None``, tuples, dicts, frozensets and lists. The model's own values are written as
lists, which the model never holds: a record as ``[class, field values...]`` (the class
an index into a list of ``(module, name, field names)``), a :class:`Fraction` as
``[FRACTION, numerator, denominator]``, and a tuple, dict or frozenset holding either
as ``[kind, items...]``. Everything else is written as it is and read back untouched.

Reading makes each record as unpickling does (its ``__dict__`` set, no ``__init__``),
and a record or container written once and referred to twice is read as one value, as
with pickle (a fraction, a number, is made again).
"""

from __future__ import annotations

import marshal
from fractions import Fraction
from importlib import import_module
from typing import Any

__all__ = ["dumps", "loads"]

#: the kinds of value written as ``[kind, ...]`` (a record's kind is its class's index)
FRACTION, TUPLE, DICT, FROZENSET = -1, -2, -3, -4
#: written as they are (a container of them too)
_PLAIN = (str, int, bool, float, type(None))

_Spec = tuple[str, str, tuple[str, ...]]


def dumps(head: object, value: object) -> bytes:
    """``value`` as bytes, under ``head`` (plain data: what :func:`loads` compares)."""
    classes: list[_Spec] = []
    index: dict[_Spec, int] = {}
    written: dict[int, tuple[object, object]] = {}  # id -> (written, value kept alive)

    def write(value: object) -> object:
        kind = type(value)
        if kind in _PLAIN:
            return value
        seen = written.get(id(value))
        if seen is not None:
            return seen[0]
        out: object
        if kind is Fraction:
            out = [FRACTION, value.numerator, value.denominator]  # type: ignore[attr-defined]
        elif kind is tuple or kind is frozenset:
            items = [write(v) for v in value]  # type: ignore[attr-defined]
            if any(type(v) is list for v in items):
                out = [TUPLE if kind is tuple else FROZENSET, *items]
            else:
                out = value
        elif kind is dict:
            pairs = [(write(k), write(v)) for k, v in value.items()]  # type: ignore[attr-defined]
            if any(type(k) is list or type(v) is list for k, v in pairs):
                out = [DICT, *(item for pair in pairs for item in pair)]
            else:
                out = value
        elif hasattr(kind, "__dataclass_fields__"):  # a record
            state = vars(value)
            spec = (kind.__module__, kind.__qualname__, tuple(state))
            if spec not in index:
                index[spec] = len(classes)
                classes.append(spec)
            out = [index[spec], *(write(v) for v in state.values())]
        else:
            raise TypeError(f"the table's cache cannot hold a {kind.__qualname__}")
        written[id(value)] = (out, value)
        return out

    body = write(value)
    entry: Any = (head, tuple(classes), body)  # plain data, checked by marshal
    return marshal.dumps(entry)


def loads(data: bytes, head: object) -> object | None:
    """The value :func:`dumps` wrote with ``head``; ``None`` if it was written with
    another (compared before any value is made). ``ValueError`` (or marshal's
    ``EOFError``, ``TypeError``) for bytes :func:`dumps` did not write."""
    found = marshal.loads(data)
    if not isinstance(found, tuple) or len(found) != 3:
        raise ValueError("not a table cache entry")
    if found[0] != head:
        return None
    classes, body = found[1], found[2]
    made = [(_class(module, name), names) for module, name, names in classes]
    new, set_attribute = object.__new__, object.__setattr__
    read: dict[int, object] = {}

    def make(node: list[Any]) -> object:
        kind = node[0]
        if kind == FRACTION:  # a number: made again where it is written again
            return Fraction(node[1], node[2])
        seen = read.get(id(node))
        if seen is not None:
            return seen
        items: list[Any] = [make(v) if type(v) is list else v for v in node[1:]]
        out: object
        if kind >= 0:
            cls, names = made[kind]
            out = new(cls)
            set_attribute(out, "__dict__", dict(zip(names, items, strict=True)))
        elif kind == TUPLE:
            out = tuple(items)
        elif kind == DICT:
            out = dict(zip(items[::2], items[1::2], strict=True))
        elif kind == FROZENSET:
            out = frozenset(items)
        else:
            raise ValueError(f"not a kind of value: {kind}")
        read[id(node)] = out
        return out

    try:
        return make(body) if type(body) is list else body
    except (IndexError, TypeError) as exc:  # a class or field not written by dumps
        raise ValueError("not a table cache entry") from exc


def _class(module: str, name: str) -> type:
    """A class the entry names: only lindring's own (an entry imports nothing else)."""
    if module.split(".")[0] != "lindring":
        raise ValueError(f"not a class of lindring's: {module}.{name}")
    found = getattr(import_module(module), name)
    if not isinstance(found, type):
        raise ValueError(f"not a class: {module}.{name}")
    return found
