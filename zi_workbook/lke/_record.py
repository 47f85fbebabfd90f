"""The base of the LKE's small value classes.

Plain classes with ``__slots__``, compared, hashed and shown by value. The LKE modules
define a dozen of them and ``validate`` imports them all: a ``NamedTuple`` costs ~0.8
million instructions to create, a plain class ~0.08 (callgrind, Python 3.11).
"""

from __future__ import annotations

from typing import Any

__all__ = ["Record"]


class Record:
    """Fields are the ``__slots__`` of the subclass, set once by its ``__init__``."""

    __slots__: tuple[str, ...] = ()

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Record)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__slots__)
        return f"{type(self).__name__}({fields})"
