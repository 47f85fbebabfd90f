"""Regular expressions compiled once per interpreter, as Python keeps bytecode.

``re.compile`` parses and compiles a pattern in Python, and the package compiles about
a hundred at import: ~90 million instructions, the largest single cost of a cold
``validate`` (more than reading the plan). What it produces (the pattern's code for the
``_sre`` engine, its flags and groups) depends only on the pattern, the flags and the
interpreter, so :func:`compile` keeps it in ``__pycache__/_regex.<cache tag>.marshal``,
written at exit by a run that met a pattern the file lacks, read by the next runs.

The file names its interpreter (``sys.version`` and the engine's ``MAGIC``); a file for
another one, or one that cannot be read or written, is ignored. Each entry is checked
against ``re.compile`` before it is kept: patterns compare equal only when their flags,
pattern and code are the same. Nothing is written when bytecode is not
(``PYTHONDONTWRITEBYTECODE``, ``-B``).
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # CPython's regex engine, no stub
import re
import sys
from typing import Any, AnyStr

from ._pycache import cache_path, read_entries, save_entries

__all__ = ["compile"]

#: (flags, code, groups - 1, groupindex, indexgroup): the arguments of ``_sre.compile``.
_Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_Key = tuple[str | bytes, int]

_INTERPRETER = (sys.version, _sre.MAGIC, _sre.CODESIZE)
_known: dict[_Key, _Entry] | None = None
_met: dict[_Key, _Entry] = {}


def compile(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """``re.compile(pattern, flags)``, from the cache file when it has the pattern."""
    key = (pattern, int(flags))
    known = _known if _known is not None else _load()
    entry = known.get(key)
    if entry is not None:
        try:
            compiled: re.Pattern[AnyStr] = _sre.compile(pattern, *entry)
            return compiled
        except Exception:  # a damaged file (the engine validates its code): compile anew
            del known[key]
    compiled = re.compile(pattern, flags)
    entry = _entry(pattern, int(flags))
    if entry is not None and _sre.compile(pattern, *entry) == compiled:
        if not _met:
            import atexit

            atexit.register(_save)
        _met[key] = known[key] = entry
    return compiled


def _entry(pattern: str | bytes, flags: int) -> _Entry | None:
    """What ``re._compiler.compile`` hands to ``_sre.compile`` (Python 3.11+)."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - Python 3.10: sre_compile, not cached
        return None
    try:
        parsed: Any = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]  # named ints: plain
        groupindex: dict[str, int] = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
    except Exception:  # another re inside (not CPython's): compile as before
        return None
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        flags | parsed.state.flags,
        code,
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _path() -> str | None:
    return cache_path("_regex")


def _load() -> dict[_Key, _Entry]:
    global _known
    path = _path()
    _known = {} if path is None else _read(path)
    return _known


def _read(path: str) -> dict[_Key, _Entry]:
    return read_entries(path, _INTERPRETER)


def _save() -> None:
    save_entries(_path(), _INTERPRETER, _met)
