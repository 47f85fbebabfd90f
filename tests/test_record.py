"""zi_workbook._record.Record behaves as typing.NamedTuple; its kept __new__ code is used."""

from __future__ import annotations

import copy
import marshal
import pickle
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

from zi_workbook import _record
from zi_workbook._record import Record
from zi_workbook.model import Period, PlanRow, Target


class Ours(Record):
    """A record."""

    name: str
    count: int = 0
    tags: tuple[str, ...] = ()

    @property
    def loud(self) -> str:
        return self.name.upper()


class Theirs(NamedTuple):
    name: str
    count: int = 0
    tags: tuple[str, ...] = ()


class One(Record):
    only: str


def test_a_record_is_what_named_tuple_makes() -> None:
    for args, kwargs in [(("a",), {}), (("a", 2), {"tags": ("x",)}), ((), {"name": "b"})]:
        ours, theirs = Ours(*args, **kwargs), Theirs(*args, **kwargs)
        assert ours == theirs and tuple(ours) == tuple(theirs) and hash(ours) == hash(theirs)
        assert repr(ours) == repr(theirs).replace("Theirs", "Ours")
        assert ours._asdict() == theirs._asdict()
        assert ours._replace(count=5) == theirs._replace(count=5)
        assert (ours.name, ours.count, ours.tags) == (theirs.name, theirs.count, theirs.tags)
    assert Ours._fields == Theirs._fields == Ours.__match_args__
    assert Ours._field_defaults == Theirs._field_defaults
    assert Ours._make(["c", 1, ()]) == ("c", 1, ())
    assert Ours("x").loud == "X" and Ours.__doc__ == "A record."
    assert One("z") == ("z",) and One("z").only == "z"
    assert not hasattr(Ours("x"), "__dict__")
    assert isinstance(Ours("x"), tuple) and type(Ours("x")._replace(count=1)) is Ours


def test_wrong_arguments_fail_as_with_named_tuple() -> None:
    for call in (
        lambda cls: cls(),
        lambda cls: cls("a", 1, (), 4),
        lambda cls: cls("a", nope=1),
        lambda cls: cls("a", name="b"),
        lambda cls: cls._make(["a"]),
    ):
        with pytest.raises(TypeError):
            call(Theirs)
        with pytest.raises(TypeError):
            call(Ours)
    with pytest.raises(ValueError, match="unexpected field names"):
        Ours("a")._replace(nope=1)
    with pytest.raises(TypeError, match="Non-default"):

        class Bad(Record):
            a: int = 0
            b: int


def test_records_pickle_and_copy() -> None:
    row = Ours("a", 3, ("t",))
    target = Target("Mei 2022", (Period(*[__import__("datetime").date(2022, 5, 1)] * 2),))
    for value in (row, target, One("x")):
        assert pickle.loads(pickle.dumps(value)) == value
        assert copy.deepcopy(value) == value and copy.copy(value) is not None
    assert PlanRow._fields[:2] == ("sheet", "row") and PlanRow._field_defaults["lke_code"] == ""


@pytest.fixture
def cache_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "__pycache__" / "_record.test.marshal"
    monkeypatch.setattr(_record, "_path", lambda: str(path))
    monkeypatch.setattr(_record, "_known", None)
    monkeypatch.setattr(_record, "_met", {})
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return path


def test_the_kept_code_is_used_in_the_next_process(
    cache_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _record._constructor(("a", "b"))
    _record._save()
    assert cache_file.is_file()
    monkeypatch.setattr(_record, "_known", None)
    monkeypatch.setattr(_record, "_met", {})

    def no_compiling(*_: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(_record, "eval", no_compiling, raising=False)
    again = _record._constructor(("a", "b"))
    assert again(tuple, 1, 2) == first(tuple, 1, 2) == (1, 2)
    assert not _record._met


@pytest.mark.parametrize(
    "entry",
    [None, "text", (lambda a, b: (a, b)).__code__, (lambda _cls, a: (_cls, a)).__code__],
    ids=["none", "string", "other-names", "other-arity"],
)
def test_code_that_does_not_fit_is_compiled_anew(cache_file: Path, entry: object) -> None:
    cache_file.parent.mkdir()
    source = _record._source(("a", "b"))
    cache_file.write_bytes(marshal.dumps((_record._INTERPRETER, {source: entry})))
    assert _record._constructor(("a", "b"))(tuple, 1, 2) == (1, 2)
    assert source in _record._met


@pytest.mark.parametrize(
    "content",
    [b"", b"garbage", marshal.dumps(("another python", {})), marshal.dumps([1])],
    ids=["empty", "garbage", "another-interpreter", "wrong-shape"],
)
def test_a_file_that_does_not_fit_is_ignored(cache_file: Path, content: bytes) -> None:
    cache_file.parent.mkdir()
    cache_file.write_bytes(content)
    assert _record._constructor(("a",))(tuple, 1) == (1,)
    _record._save()
    interpreter, entries = marshal.loads(cache_file.read_bytes())
    assert interpreter == _record._INTERPRETER and list(entries) == [_record._source(("a",))]


def test_nothing_is_written_without_bytecode(
    cache_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    _record._constructor(("a",))
    _record._save()
    assert not cache_file.parent.exists()
