"""``Record``: ``typing.NamedTuple``'s classes, made without compiling at import.

``class Period(Record): start: date; end: date | None = None`` makes what ``NamedTuple``
makes (a tuple subclass with ``_fields``, ``_field_defaults``, ``_make``, ``_replace``,
``_asdict``, ``__match_args__``, the same ``repr``, pickling and attribute getters) and
type checkers see ``NamedTuple`` itself. What it skips: ``typing`` compiles every
field's annotation (a ``ForwardRef`` each under ``from __future__ import annotations``)
and ``collections.namedtuple`` compiles ``__new__`` with ``eval``, ~0.25 ms a class,
~4 ms of a cold ``validate``. Annotations stay the strings they are; ``__new__``'s code
depends only on the field names, so it is kept in ``__pycache__/_record.<cache
tag>.marshal`` (as :mod:`._regex` keeps patterns), written at exit by a run that met a
class the file lacks; a file for another interpreter, or one that does not fit, is ignored.
"""

from __future__ import annotations

import sys
from types import CodeType, FunctionType
from typing import TYPE_CHECKING, Any

from ._pycache import cache_path, read_entries, save_entries

__all__ = ["Record"]

if TYPE_CHECKING:
    from typing import NamedTuple as Record
else:
    try:
        from _collections import _tuplegetter
    except ImportError:  # pragma: no cover - not CPython
        from operator import itemgetter

        def _tuplegetter(index: int, doc: str) -> Any:
            return property(itemgetter(index), doc=doc)

    _tuple_new = tuple.__new__
    _base: list[type] = []  # Record, once made

    class _RecordType(type):
        """Makes each direct subclass of ``Record`` a named tuple of its annotations."""

        def __new__(mcls, name: str, bases: tuple[type, ...], ns: dict[str, Any]) -> Any:
            if not _base or _base[0] not in bases:  # Record itself, or a record's subclass
                return super().__new__(mcls, name, bases, ns)
            fields = tuple(_annotations(ns))
            defaults = []
            for field in fields:
                if field in ns:
                    defaults.append(ns.pop(field))
                elif defaults:
                    raise TypeError(
                        f"Non-default namedtuple field {field} cannot follow default field"
                    )
            new = _constructor(fields)
            new.__defaults__ = tuple(defaults) or None
            new.__qualname__ = f"{name}.__new__"
            ns["__new__"] = new
            ns["__slots__"] = ()
            ns["_fields"] = ns["__match_args__"] = fields
            ns["_field_defaults"] = dict(
                zip(fields[len(fields) - len(defaults) :], defaults, strict=True)
            )
            for index, field in enumerate(fields):
                ns[field] = _tuplegetter(index, f"Alias for field number {index}")
            return super().__new__(mcls, name, bases, ns)

    def _annotations(ns: dict[str, Any]) -> Any:
        """The class body's annotations: a dict, or (Python 3.14+, a module without
        ``from __future__ import annotations``) a function that makes one."""
        if "__annotations__" in ns:
            return ns["__annotations__"]
        try:
            import annotationlib
        except ImportError:  # Python < 3.14: no annotations at all
            return {}
        annotate = annotationlib.get_annotate_from_class_namespace(ns)
        if annotate is None:
            return {}
        return annotationlib.call_annotate_function(annotate, annotationlib.Format.FORWARDREF)

    class Record(tuple, metaclass=_RecordType):
        """The base of a record: subclass it with annotated fields, as ``NamedTuple``."""

        __slots__ = ()
        _fields: tuple[str, ...] = ()

        @classmethod
        def _make(cls, iterable: Any) -> Any:
            result = _tuple_new(cls, iterable)
            if len(result) != len(cls._fields):
                raise TypeError(f"Expected {len(cls._fields)} arguments, got {len(result)}")
            return result

        def _replace(self, /, **changes: Any) -> Any:
            result = self._make(map(changes.pop, self._fields, self))
            if changes:
                raise ValueError(f"Got unexpected field names: {list(changes)!r}")
            return result

        def _asdict(self) -> dict[str, Any]:
            return dict(zip(self._fields, self, strict=True))

        def __repr__(self) -> str:
            pairs = ", ".join(f"{n}={v!r}" for n, v in zip(self._fields, self, strict=True))
            return f"{self.__class__.__name__}({pairs})"

        def __getnewargs__(self) -> tuple[Any, ...]:
            return tuple(self)

    _base.append(Record)


_INTERPRETER = sys.version
_known: dict[str, Any] | None = None
_met: dict[str, Any] = {}


def _source(fields: tuple[str, ...]) -> str:
    names = "".join(f"{name}, " for name in fields)
    return f"lambda _cls, {names}: _tuple_new(_cls, ({names}))"


def _fits(code: Any, fields: tuple[str, ...]) -> bool:
    """The code of ``_source(fields)``'s lambda (a file for this interpreter holds it)."""
    return (
        type(code) is CodeType
        and code.co_argcount == len(fields) + 1
        and code.co_varnames == ("_cls", *fields)
        and code.co_names == ("_tuple_new",)
        and not code.co_kwonlyargcount
        and not code.co_freevars
    )


def _constructor(fields: tuple[str, ...]) -> Any:
    """``__new__`` of a record: what ``collections.namedtuple`` compiles, from the file
    when it holds it."""
    source = _source(fields)
    known = _known if _known is not None else _load()
    code: Any = known.get(source)
    namespace = {"_tuple_new": tuple.__new__, "__builtins__": {}}
    if not _fits(code, fields):
        code = eval(source, namespace).__code__  # our own field names
        if not _met:
            import atexit

            atexit.register(_save)
        _met[source] = known[source] = code
    return FunctionType(code, namespace, "__new__")


def _path() -> str | None:
    return cache_path("_record")


def _load() -> dict[str, Any]:
    global _known
    path = _path()
    _known = {} if path is None else _read(path)
    return _known


def _read(path: str) -> dict[str, Any]:
    return read_entries(path, _INTERPRETER)


def _save() -> None:
    save_entries(_path(), _INTERPRETER, _met)
