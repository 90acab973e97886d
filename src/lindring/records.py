"""Frozen record classes: ``@dataclass(frozen=True)`` without its start-up cost.

``dataclass`` compiles ``__init__``, ``__repr__``, ``__eq__``, ``__hash__``,
``__setattr__`` and ``__delattr__`` from source for every class when its module is
imported (about 0.5 ms a class, and lindring's start path defines dozens:
``bench/startup``). :func:`record` makes the same frozen dataclass with shared methods
and compiles only ``__init__``, on its first call: an instance read from the table's
cache (:mod:`lindring.table.plain`) never needs it. Until the dataclass is needed
(fields, repr, equality), ``__init__`` binds the fields read from the class's annotations.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, Field, FrozenInstanceError, dataclass, field, fields
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
    (``dataclasses.fields`` and ``replace`` work) whose methods are shared, not compiled
    per class; ``__init__`` is compiled only for a class made often (:data:`COMPILE_AFTER`)
    or given arguments the shared one does not take (it then raises Python's own error).

    The same behaviour: keyword or positional arguments, defaults and factories,
    ``__post_init__``, ``FrozenInstanceError`` on assignment, ``repr``; with ``eq`` (the
    default) equality between instances of the same class and a hash of the compared
    fields, without it identity. Instances are pickled and copied like a dataclass's."""

    def wrap(cls: type[_T]) -> type[_T]:
        # no method generated, and the dataclass made (its fields gathered) only when
        # first needed (_made): a class read from the table's cache may never need it
        made: Any = cls
        _check_own(cls)
        made._record_wants_eq = eq
        if not cls.__doc__:  # given one, dataclass inspects no signature (ms, once)
            made.__doc__ = cls.__name__
            made._record_undocumented = True
        made.__dataclass_fields__ = _Fields(cls)
        made.__init__ = _lazy_init
        made.__setattr__ = _frozen_setattr
        made.__delattr__ = _frozen_delattr
        made.__repr__ = _repr
        if eq:
            made.__eq__ = _eq
            made.__hash__ = _hash
        return cls

    return wrap if cls is None else wrap(cls)


class _Fields:
    """A record's ``__dataclass_fields__`` until it is first read (``dataclasses.fields``,
    ``replace``, ``is_dataclass``, a subclass's dataclass): the dataclass is made then."""

    def __init__(self, owner: type) -> None:
        self.owner = owner

    def __get__(self, obj: object, cls: type | None = None) -> Any:
        return _made(self.owner).__dict__["__dataclass_fields__"]


def _made(owner: Any) -> Any:
    """``owner`` made a dataclass (once): its fields, docstring and the getters of
    ``repr``, equality and hash (``_record_meta``)."""
    if not isinstance(owner.__dict__.get("__dataclass_fields__"), _Fields):
        return owner
    delattr(owner, "__dataclass_fields__")
    dataclass(init=False, repr=False, eq=False)(owner)
    found = fields(owner)
    if owner.__dict__.get("_record_undocumented"):  # dataclass's own: __init__'s signature
        shown = ", ".join(_shown(f) for f in found if f.init)
        owner.__doc__ = f"{owner.__name__}({shown})"
    _check_order(owner.__name__, [f for f in found if f.init])
    shown_names = tuple(f.name for f in found if f.repr)
    if owner.__dict__["_record_wants_eq"]:
        compared = [f.name for f in found if f.compare]
        hashed = [f.name for f in found if (f.compare if f.hash is None else f.hash)]
        owner._record_meta = (shown_names, _getter(compared), _getter(hashed))
    else:
        owner._record_meta = (shown_names, None, None)
    return owner


def _meta(cls: Any) -> Any:
    """The ``_record_meta`` of ``cls``, made on first use (a subclass that is no record
    shares its record's)."""
    meta = cls.__dict__.get("_record_meta")
    if meta is None:
        owner = next(c for c in cls.__mro__ if "_record_wants_eq" in c.__dict__)
        meta = _made(owner).__dict__["_record_meta"]
        if owner is not cls:
            cls._record_meta = meta
    return meta


def _check_own(cls: type) -> None:
    """What can be checked when the class is defined, from its own annotations: no
    keyword-only field, no field without a default after one with a default."""
    defaulted = False
    own = cls.__dict__.get("__annotations__", {})  # noqa: RUF063 - as dataclasses reads them
    for name, annotation in own.items():
        if "ClassVar" in str(annotation):
            continue
        value = cls.__dict__.get(name, MISSING)
        if isinstance(value, Field):
            if value.kw_only is True:
                raise TypeError(f"{cls.__name__}: record fields cannot be keyword-only")
            if not value.init:
                continue
            has_default = value.default is not MISSING or value.default_factory is not MISSING
        else:
            has_default = value is not MISSING
        if defaulted and not has_default:
            raise TypeError(
                f"{cls.__name__}: non-default argument {name!r} follows default argument"
            )
        defaulted = defaulted or has_default


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


#: instances a class makes with the shared ``__init__`` before its own is compiled (about
#: 0.1 ms: a start-up makes a few instances of a class, ``lindring check`` thousands)
COMPILE_AFTER = 32


class _Plan:
    """What the shared ``__init__`` needs of a class: each field as (name, position
    among the arguments or -1, default, factory), the positions by name, whether there
    is a ``__post_init__``, and the calls so far."""

    __slots__ = ("calls", "fields", "positions", "post_init")

    def __init__(self, cls: type) -> None:
        self.fields: list[tuple[str, int, Any, Any]] = []
        self.positions: dict[str, int] = {}
        for name, init, default, factory in _init_fields(cls):
            position = len(self.positions) if init else -1
            if init:
                self.positions[name] = position
            self.fields.append((name, position, default, factory))
        self.post_init = hasattr(cls, "__post_init__")
        self.calls = 0


def _init_fields(cls: type) -> list[tuple[str, bool, Any, Any]]:
    """Each field of ``cls`` as (name, init, default, factory), in ``__init__``'s order,
    as dataclass finds them: the fields of a made class, else the annotations of the
    record classes in its MRO (bases first, a name keeping its first place), so that
    making an instance makes no dataclass (the start path makes a few of many classes)."""
    found: dict[str, tuple[bool, Any, Any]] = {}
    for klass in reversed(cls.__mro__):
        own = klass.__dict__.get("__dataclass_fields__")
        if own is None:
            continue
        if not isinstance(own, _Fields):  # made (or a dataclass): its fields and its bases'
            found.update((f.name, (f.init, f.default, f.default_factory)) for f in fields(klass))
            continue
        annotations = klass.__dict__.get("__annotations__", {})  # noqa: RUF063 - as dataclasses
        for name, annotation in annotations.items():
            if "ClassVar" in str(annotation):
                continue
            value = klass.__dict__.get(name, MISSING)
            if isinstance(value, Field):
                found[name] = (value.init, value.default, value.default_factory)
            else:
                found[name] = (True, value, MISSING)
    return [(name, *spec) for name, spec in found.items()]


def _lazy_init(self: Any, *args: Any, **kwargs: Any) -> None:
    """The shared ``__init__``: binds the arguments as the compiled one would; once the
    class is made often, or for arguments it does not take (a missing or unknown one),
    compiles the class's own ``__init__`` (as dataclass would), installs and calls it."""
    cls = type(self)
    owner: Any = cls
    if cls.__dict__.get("__init__") is not _lazy_init:  # a subclass that is no record
        owner = next(c for c in cls.__mro__ if c.__dict__.get("__init__") is _lazy_init)
    plan: _Plan | None = owner.__dict__.get("_record_plan")
    if plan is None:
        owner._record_plan = plan = _Plan(owner)
    plan.calls += 1
    if plan.calls <= COMPILE_AFTER and _bind(plan, self, args, kwargs):
        return
    init = _compile_init(owner)
    owner.__init__ = init
    init(self, *args, **kwargs)


def _bind(plan: _Plan, self: object, args: tuple[Any, ...], kwargs: dict[str, Any]) -> bool:
    """Set the fields from ``args`` and ``kwargs`` as ``__init__`` does; ``False`` (the
    compiled ``__init__`` then raises the error) for arguments it would refuse."""
    given = len(args)
    if given > len(plan.positions):
        return False
    for name in kwargs:
        if plan.positions.get(name, given) < given or name not in plan.positions:
            return False  # unknown, or given twice
    for name, position, default, factory in plan.fields:
        if 0 <= position < given:
            value = args[position]
        elif position >= 0 and name in kwargs:
            value = kwargs[name]
        elif default is not MISSING:
            value = default
        elif factory is not MISSING:
            value = factory()
        elif position >= 0:
            return False  # missing
        else:
            continue  # no default and not an argument: set by __post_init__
        object.__setattr__(self, name, value)
    if plan.post_init:
        self.__post_init__()  # type: ignore[attr-defined]
    return True


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
    names = _meta(type(self))[0]
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
    return f"{type(self).__qualname__}({shown})"


def _eq(self: Any, other: object) -> object:
    cls: Any = self.__class__
    key: Callable[[object], tuple[object, ...]] = (cls.__dict__.get("_record_meta") or _meta(cls))[
        1
    ]
    if other.__class__ is cls:
        return key(self) == key(other)
    return NotImplemented


def _hash(self: Any) -> int:
    cls = type(self)
    key: Callable[[object], tuple[object, ...]] = (cls.__dict__.get("_record_meta") or _meta(cls))[
        2
    ]
    return hash(key(self))
