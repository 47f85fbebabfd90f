"""A small SQLite cache of link check results, keyed by URL (used by ``linkcheck``).

Every failure here is swallowed: a cache that cannot be created, opened, read or
written only means the links are checked again. Nothing in it is needed for
correctness.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import sys
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

__all__ = ["default_cache_path", "load", "save"]

_FILE = "links.sqlite"
_APP = "zi-workbook"
_CHUNK = 500  # URLs per query, far below SQLite's limit of bound variables
_KEEP = 30 * 86400.0  # rows older than this (or the ttl, if longer) are dropped on save
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS link_results "
    "(url TEXT PRIMARY KEY, checked REAL NOT NULL, result TEXT NOT NULL)"
)


def default_cache_path() -> Path:
    """``%LOCALAPPDATA%\\zi-workbook\\links.sqlite`` on Windows, else
    ``$XDG_CACHE_HOME/zi-workbook/links.sqlite`` or ``~/.cache/zi-workbook/links.sqlite``."""
    try:
        if sys.platform == "win32":
            local = os.environ.get("LOCALAPPDATA")
            base = Path(local) if local else Path.home() / "AppData" / "Local"
        else:
            xdg = os.environ.get("XDG_CACHE_HOME", "")
            base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache"
    except (RuntimeError, KeyError, OSError):  # no home folder at all
        base = Path(tempfile.gettempdir())
    return base / _APP / _FILE


def _connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=2.0)
    conn.execute(_SCHEMA)
    return conn


def load(
    path: Path, urls: Iterable[str], ttl: float, now: float, failure_ttl: float | None = None
) -> dict[str, dict[str, Any]]:
    """The stored results younger than ``ttl`` seconds, by URL; {} when unusable.

    A stored failure (``"ok": false``) is kept only ``failure_ttl`` seconds when that is
    shorter: a link fixed this morning is checked again this afternoon.
    """
    wanted = list(dict.fromkeys(urls))
    found: dict[str, dict[str, Any]] = {}
    if ttl <= 0 or not wanted:
        return found
    try:
        with contextlib.closing(_connect(path)) as conn:
            for i in range(0, len(wanted), _CHUNK):
                chunk = wanted[i : i + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(
                    f"SELECT url, checked, result FROM link_results WHERE url IN ({marks})", chunk
                ).fetchall()
                for url, checked, result in rows:
                    age = now - float(checked)
                    if not 0 <= age < ttl:
                        continue
                    with contextlib.suppress(ValueError, TypeError):
                        value = json.loads(result)
                        failed = isinstance(value, dict) and value.get("ok") is False
                        if failed and failure_ttl is not None and age >= failure_ttl:
                            continue
                        if isinstance(value, dict):
                            found[str(url)] = value
    except (sqlite3.Error, OSError, ValueError):
        return {}
    return found


def save(path: Path, results: Mapping[str, Mapping[str, Any]], now: float, ttl: float) -> bool:
    """Store ``results`` checked at ``now``; drop stale rows. False when it could not."""
    rows = [
        (url, now, json.dumps(dict(value), ensure_ascii=False)) for url, value in results.items()
    ]
    try:
        with contextlib.closing(_connect(path)) as conn, conn:
            conn.executemany(
                "INSERT OR REPLACE INTO link_results (url, checked, result) VALUES (?, ?, ?)", rows
            )
            conn.execute("DELETE FROM link_results WHERE checked < ?", (now - max(ttl, _KEEP),))
    except (sqlite3.Error, OSError, ValueError):
        return False
    return True
