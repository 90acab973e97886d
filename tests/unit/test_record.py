"""``lindring.records.record`` behaves as ``@dataclass(frozen=True)`` (the classes it
replaces): construction, defaults, equality, hash, repr, replace, pickling, freezing."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import FrozenInstanceError, dataclass, field

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lindring.model import Localized, Opioid, Tables
from lindring.records import record


@record
class Rec:
    a: int
    b: str = "x"
    c: tuple[int, ...] = ()
    d: list[int] = field(default_factory=list, compare=False)


@dataclass(frozen=True)
class Dc:
    a: int
    b: str = "x"
    c: tuple[int, ...] = ()
    d: list[int] = field(default_factory=list, compare=False)


@record(eq=False)
class Identity:
    a: int


@record
class Child(Rec):
    e: int = 5


@record
class Derived:
    a: int
    doubled: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "doubled", self.a * 2)


@record
class One:
    a: int


# records live at module level, as in lindring: pickled by reference
values = st.tuples(st.integers(-3, 3), st.sampled_from(["x", "y"]), st.lists(st.integers(0, 2)))


@given(values, values)
def test_equality_hash_and_repr_as_a_frozen_dataclass(one: tuple, two: tuple) -> None:  # type: ignore[type-arg]
    r1, r2 = Rec(one[0], one[1], tuple(one[2])), Rec(two[0], b=two[1], c=tuple(two[2]))
    d1, d2 = Dc(one[0], one[1], tuple(one[2])), Dc(two[0], b=two[1], c=tuple(two[2]))
    assert (r1 == r2) is (d1 == d2)
    assert hash(r1) == hash(d1)
    assert repr(r1) == repr(d1).replace("Dc(", "Rec(")
    assert r1 != d1  # another class is never equal, as with dataclasses


def test_defaults_factories_and_arguments() -> None:
    one, two = Rec(1), Rec(1)
    assert (one.b, one.c, one.d) == ("x", (), [])
    assert one.d is not two.d  # a fresh list each time
    assert one == Rec(1, d=[9])  # d is not compared
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'a'"):
        Rec()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected keyword argument 'z'"):
        Rec(1, z=2)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="takes from 2 to 5 positional arguments"):
        Rec(1, "b", (), [], 5)  # type: ignore[call-arg]
    assert One(3) == One(a=3) and hash(One(3)) == hash((3,))


def test_frozen() -> None:
    one = Rec(1)
    with pytest.raises(FrozenInstanceError, match="cannot assign to field 'a'"):
        one.a = 2  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del one.b  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        one.other = 1  # type: ignore[attr-defined]
    assert one.a == 1


def test_eq_false_is_identity() -> None:
    one = Identity(1)
    assert one == one and one != Identity(1)
    assert hash(one) == object.__hash__(one)


def test_subclass_post_init_and_init_false() -> None:
    child = Child(1, e=7)
    assert (child.a, child.b, child.e) == (1, "x", 7)
    assert child != Rec(1) and Child(1) == Child(1)
    assert repr(Child(2)) == "Child(a=2, b='x', c=(), d=[], e=5)"
    derived = Derived(4)
    assert derived.doubled == 8 and repr(derived) == "Derived(a=4)"
    with pytest.raises(TypeError):
        Derived(4, 8)  # type: ignore[call-arg]


def test_dataclass_functions_replace_pickle_copy() -> None:
    one = Child(1, "y", (2,), [3], 4)
    assert [f.name for f in dataclasses.fields(one)] == ["a", "b", "c", "d", "e"]
    assert dataclasses.is_dataclass(one)
    assert dataclasses.replace(one, a=5) == Child(5, "y", (2,), [3], 4)
    assert dataclasses.asdict(one) == {"a": 1, "b": "y", "c": (2,), "d": [3], "e": 4}
    for again in (pickle.loads(pickle.dumps(one)), copy.deepcopy(one), copy.copy(one)):
        assert again == one and again.d == [3] and type(again) is Child
    assert Child.__match_args__ == ("a", "b", "c", "d", "e")


def test_bad_definitions_refused() -> None:
    with pytest.raises(TypeError, match="non-default argument 'b' follows default argument"):

        @record
        class Bad:
            a: int = 1
            b: int  # type: ignore[misc]

    with pytest.raises(TypeError, match="keyword-only"):

        @record
        class KwOnly:
            a: int = field(kw_only=True)


def test_the_model_keeps_its_semantics() -> None:
    """Localized compares by value; an Opioid and the Tables by identity (their dicts)."""
    assert Localized("a", "b") == Localized("a", "b")
    assert len({Localized("a", "b"), Localized("a", "b")}) == 1
    assert Opioid.__eq__ is object.__eq__ and Tables.__hash__ is object.__hash__


def test_a_class_without_docstring_gets_its_signature() -> None:
    """Written when the dataclass is made (its fields first read)."""
    for made in (One, Child, Derived):
        dataclasses.fields(made)
    assert One.__doc__ == "One(a: int)"
    assert (
        Child.__doc__
        == "Child(a: int, b: str = ..., c: tuple[int, ...] = ..., d: list[int] = ..., e: int = ...)"
    )
    assert Derived.__doc__ == "Derived(a: int)"


@record
class Hot:
    a: int
    b: list[int] = field(default_factory=list)
    c: str = "c"
    n: int = field(init=False, default=7)


class Plain(Hot):
    """A subclass that is no record: it inherits the record's __init__."""


def test_the_shared_init_and_the_compiled_one_agree() -> None:
    from lindring.records import COMPILE_AFTER, _lazy_init

    assert Hot.__dict__["__init__"] is _lazy_init
    made = []
    for i in range(COMPILE_AFTER + 3):
        made.append((Hot(i), Hot(i, [i], c="x"), Hot(a=i, c="y"), Plain(i, b=[1])))
    assert Hot.__dict__["__init__"] is not _lazy_init  # compiled once made often
    for i, (one, two, three, four) in enumerate(made):
        assert (one.a, one.b, one.c, one.n) == (i, [], "c", 7)
        assert (two.a, two.b, two.c) == (i, [i], "x") and three == Hot(i, c="y")
        assert type(four) is Plain and (four.a, four.b) == (i, [1])
    assert made[0][0].b is not made[1][0].b


@record
class Fresh:
    a: int
    b: int = 2


def test_arguments_the_shared_init_does_not_take_raise_pythons_errors() -> None:
    with pytest.raises(TypeError, match="got multiple values for argument 'a'"):
        Fresh(1, a=1)  # type: ignore[misc]
    assert Fresh(1) == Fresh(a=1, b=2)


@record
class Late:
    a: int
    b: str = "b"


def test_the_dataclass_is_made_on_first_use() -> None:
    from lindring.records import _Fields

    assert isinstance(Late.__dict__["__dataclass_fields__"], _Fields)
    assert Late.__doc__ == "Late"  # not yet made
    assert dataclasses.is_dataclass(Late)
    assert not isinstance(Late.__dict__["__dataclass_fields__"], _Fields)
    assert Late.__doc__ == "Late(a: int, b: str = ...)"
    assert Late(1) == Late(1, "b") and repr(Late(2)) == "Late(a=2, b='b')"


def test_an_instance_from_a_pickle_works_before_its_class_is_made() -> None:
    """What the table's cache gives: instances whose class has made no dataclass yet
    (a fresh interpreter: this one has made these classes)."""
    import subprocess
    import sys

    from lindring.model import Source

    data = pickle.dumps((Localized("a", "b"), Source("s", "t", "p", 2020, "1")))
    script = (
        "import pickle, dataclasses, sys\n"
        "from lindring.model import Localized, Source\n"
        "from lindring.records import _Fields\n"
        "assert isinstance(Source.__dict__['__dataclass_fields__'], _Fields)\n"
        "one, source = pickle.loads(sys.stdin.buffer.read())\n"
        "assert one == Localized('a', 'b') and hash(one) == hash(('a', 'b'))\n"
        "assert repr(source).startswith(\"Source(id='s', title='t'\")\n"
        "assert dataclasses.replace(source, year=2021).year == 2021\n"
        "print('ok')\n"
    )
    found = subprocess.run([sys.executable, "-c", script], input=data, capture_output=True)
    assert found.stdout.decode().strip() == "ok", found.stderr.decode()


def test_the_fields_read_before_a_class_is_made_are_its_dataclass_fields() -> None:
    """``__init__`` binds the fields read from a record's annotations until its dataclass
    is made; for every record class in lindring (a fresh interpreter, where none is made
    yet) they are the fields the dataclass then has, in order, with their defaults."""
    import subprocess
    import sys

    script = (
        "import dataclasses, importlib, pkgutil, lindring\n"
        "from lindring.records import _Fields, _init_fields\n"
        "names = [m.name for m in pkgutil.walk_packages(lindring.__path__, 'lindring.')]\n"
        "classes = {c for n in names if not n.endswith('__main__')\n"
        "           for c in vars(importlib.import_module(n)).values()\n"
        "           if isinstance(c, type) and '_record_wants_eq' in c.__dict__}\n"
        "read = {c: _init_fields(c) for c in classes\n"
        "        if isinstance(c.__dict__['__dataclass_fields__'], _Fields)}\n"
        "for c, found in read.items():\n"
        "    fs = dataclasses.fields(c)\n"
        "    made = [(f.name, f.init, f.default, f.default_factory) for f in fs]\n"
        "    assert found == made == _init_fields(c), (c, found, made)\n"
        "print(len(read), sum(len(f) for f in read.values()))\n"
    )
    found = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert found.returncode == 0, found.stderr
    classes, fields = map(int, found.stdout.split())
    assert classes > 80 and fields > 400  # the model, calc, checks, batch, output...
