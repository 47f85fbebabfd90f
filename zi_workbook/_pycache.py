"""What ``_regex`` and ``_record`` keep beside the bytecode, in ``__pycache__``.

Each keeps a dict of marshalled entries in ``__pycache__/<name>.<cache tag>.marshal``,
stamped with the interpreter it was made by; a file for another interpreter, or one
that cannot be read or written, is ignored. Written atomically at exit, merged with
what the file holds then (another process may have added to it); nothing is written
when bytecode is not (``PYTHONDONTWRITEBYTECODE``, ``-B``).
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from typing import Any

__all__ = ["cache_path", "read_entries", "save_entries"]


def cache_path(name: str) -> str | None:
    """``zi_workbook/__pycache__/<name>.<cache tag>.marshal``, or None without a tag."""
    tag = sys.implementation.cache_tag
    if tag is None:  # pragma: no cover - an interpreter without bytecode caching
        return None
    return os.path.join(os.path.dirname(__file__), "__pycache__", f"{name}.{tag}.marshal")


def read_entries(path: str, interpreter: Any) -> dict[Any, Any]:
    """The file's entries when ``interpreter`` made it, else nothing."""
    try:
        with open(path, "rb") as file:
            made_by, entries = marshal.loads(file.read())  # load(file): 50x slower
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if made_by != interpreter or not isinstance(entries, dict):
        return {}
    return entries


def save_entries(path: str | None, interpreter: Any, met: dict[Any, Any]) -> None:
    """Write ``met`` beside what the file holds now; atomically, errors ignored."""
    if path is None or sys.dont_write_bytecode or not met:
        return
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as file:
            file.write(marshal.dumps((interpreter, {**read_entries(path, interpreter), **met})))
        os.replace(temporary, path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(temporary)
