"""The vocabulary for declaring the shape of a YAML file: kinds of value, keys, sections.

The sections themselves are in :mod:`lindring.table.spec` (the conversion table) and
:mod:`lindring.table.profile_spec` (guideline profiles and the diff panel). The kinds mirror the
checks in :class:`lindring.table.checker.Checker`: ``Text`` is ``c.text``, ``Number`` is
``c.number``, ``Whole`` is ``c.integer``, ``Texts`` is ``c.strings`` and so on.
"""

from __future__ import annotations

from lindring.records import record


@record
class Text:
    """Non-blank text, matching ``pattern`` in full when one is given."""

    pattern: str | None = None


@record
class Choice:
    values: tuple[str, ...]


@record
class Whole:
    """A whole number >= ``minimum``; a divisor of ``divides`` when that is set."""

    minimum: int = 0
    divides: int | None = None


@record
class Number:
    """A decimal (``1.5``, read exactly) or a fraction as text (``"1/6"``); > 0 or >= 0."""

    positive: bool = True


@record
class Pair:
    """``[low, high]``: two numbers >= 0."""


@record
class Texts:
    """A list of text (source ids, aliases)."""

    allow_empty: bool = False


@record
class Flag:
    """``true`` or ``false`` (never ``yes``/``no``)."""


@record
class Ref:
    """A mapping described by the section called ``name``."""

    name: str


@record
class ListOf:
    item: Kind
    min_items: int = 1


@record
class MapOf:
    """A mapping whose keys the editor chooses (ids, drug keys); ``keys`` constrains them."""

    value: Kind
    keys: Text | Choice | None = None
    min_items: int = 0


@record
class AnyOf:
    options: tuple[Kind, ...]


Kind = Text | Choice | Whole | Number | Pair | Texts | Flag | Ref | ListOf | MapOf | AnyOf


@record
class Key:
    name: str
    kind: Kind
    doc: str
    required: bool = True


@record
class Needs:
    """When ``key`` holds one of ``values``, the key ``needed`` must be present too."""

    key: str
    values: tuple[str, ...]
    needed: str
    why: str


@record
class Section:
    """A mapping with fixed keys: the required ones, then the optional ones."""

    doc: str
    keys: tuple[Key, ...]
    needs: tuple[Needs, ...] = ()

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(k.name for k in self.keys if k.required)

    @property
    def optional(self) -> tuple[str, ...]:
        return tuple(k.name for k in self.keys if not k.required)

    def choices(self, name: str) -> tuple[str, ...]:
        """The values the key ``name`` may take (a :class:`Choice`)."""
        kind = next(k.kind for k in self.keys if k.name == name)
        assert isinstance(kind, Choice), name
        return kind.values


def opt(name: str, kind: Kind, doc: str) -> Key:
    return Key(name, kind, doc, required=False)
