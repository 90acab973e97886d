"""Frozen record classes: ``@dataclass(frozen=True)`` without its start-up cost.

``dataclass`` compiles ``__init__``, ``__repr__``, ``__eq__``, ``__hash__``,
``__setattr__`` and ``__delattr__`` from source for every class when its module is
imported (about 0.5 ms a class, and lindring's start path defines dozens:
``bench/startup``). :func:`record` makes the same frozen dataclass with shared methods
and compiles only ``__init__``, on its first call: an instance read from the table's
cache (a pickle) never needs it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, FrozenInstanceError, dataclass, field, fields
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform, overload

__all__ = ["record"]

_T = TypeVar("_T")


@overload
def record(cls: type[_T], /) -> type[_T]: ...
@overload
def record(*, eq: bool = True) -> Callable[[type[_T]], type[_T]]: ...
@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: type[_T] | None = None, /, *, eq: bool = True) -> Any:
    """``@dataclass(frozen=True)`` without its start-up cost: a frozen dataclass
    (``dataclasses.fields`` and ``replace`` work) whose ``__init__`` is compiled on its
    first call and whose other methods are shared, not compiled per class.

    The same behaviour: keyword or positional arguments, defaults and factories,
    ``__post_init__``, ``FrozenInstanceError`` on assignment, ``repr``; with ``eq`` (the
    default) equality between instances of the same class and a hash of the compared
    fields, without it identity. Instances are pickled and copied like a dataclass's."""

    def wrap(cls: type[_T]) -> type[_T]:
        # no method generated here: the dataclass only gathers the fields (and, given
        # a docstring, skips inspecting a signature for one: the first such costs ms)
        undocumented = not cls.__doc__
        if undocumented:
            cls.__doc__ = cls.__name__
        made: Any = dataclass(init=False, repr=False, eq=False)(cls)
        found = fields(made)
        if undocumented:  # dataclass's own: the signature of __init__
            shown = ", ".join(_shown(f) for f in found if f.init)
            made.__doc__ = f"{cls.__name__}({shown})"
        if any(f.kw_only is True for f in found):
            raise TypeError(f"{cls.__name__}: record fields cannot be keyword-only")
        _check_order(cls.__name__, [f for f in found if f.init])
        made.__init__ = _first_init
        made.__setattr__ = _frozen_setattr
        made.__delattr__ = _frozen_delattr
        made.__repr__ = _repr
        made._record_repr = tuple(f.name for f in found if f.repr)
        if eq:
            compared = [f.name for f in found if f.compare]
            hashed = [f.name for f in found if (f.compare if f.hash is None else f.hash)]
            made.__eq__ = _eq
            made.__hash__ = _hash
            made._record_eq = _getter(compared)
            made._record_hash = _getter(hashed)
        return cls

    return wrap if cls is None else wrap(cls)


def _shown(f: Any) -> str:
    """A field as ``__init__``'s signature shows it: ``name: type`` and its default."""
    default = "" if f.default is MISSING and f.default_factory is MISSING else " = ..."
    return f"{f.name}: {f.type}{default}"


def _getter(names: list[str]) -> Callable[[object], tuple[object, ...]]:
    """The named attributes of an object, as a tuple."""
    if not names:
        return lambda obj: ()
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return attrgetter(*names)


def _check_order(name: str, found: list[Any]) -> None:
    """A field without a default after one with a default: dataclass's TypeError."""
    defaulted = False
    for f in found:
        has_default = f.default is not MISSING or f.default_factory is not MISSING
        if defaulted and not has_default:
            raise TypeError(f"{name}: non-default argument {f.name!r} follows default argument")
        defaulted = defaulted or has_default


def _first_init(self: Any, *args: Any, **kwargs: Any) -> None:
    """Compile the class's ``__init__`` (as dataclass would), install it and call it."""
    cls = type(self)
    owner: Any = next(c for c in cls.__mro__ if c.__dict__.get("__init__") is _first_init)
    init = _compile_init(owner)
    owner.__init__ = init
    init(self, *args, **kwargs)


def _compile_init(cls: type) -> Callable[..., None]:
    params: list[str] = []
    body: list[str] = []
    env: dict[str, Any] = {"_set": object.__setattr__, "_MISSING": MISSING}
    for f in fields(cls):
        name = f.name
        if f.default is not MISSING:
            env[f"_d_{name}"] = f.default
            value, default = name, f"=_d_{name}"
            if not f.init:
                value = f"_d_{name}"
        elif f.default_factory is not MISSING:
            env[f"_f_{name}"] = f.default_factory
            value, default = f"_f_{name}() if {name} is _MISSING else {name}", "=_MISSING"
            if not f.init:
                value = f"_f_{name}()"
        else:
            value, default = name, ""
            if not f.init:
                continue  # set by __post_init__
        if f.init:
            params.append(name + default)
        body.append(f"  _set(self, {name!r}, {value})")
    if hasattr(cls, "__post_init__"):
        body.append("  self.__post_init__()")
    source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body or ["  pass"])
    namespace: dict[str, Any] = {}
    exec(source, env, namespace)
    init: Callable[..., None] = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _frozen_setattr(self: object, name: str, value: object) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: object, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._record_repr)
    return f"{type(self).__qualname__}({shown})"


def _eq(self: Any, other: object) -> object:
    cls: Any = self.__class__
    key: Callable[[object], tuple[object, ...]] = cls._record_eq
    if other.__class__ is cls:
        return key(self) == key(other)
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(type(self)._record_hash(self))
