"""Stream ``report.to_dict()`` as JSON without holding the whole text in memory.

The output is byte for byte what ``json.dumps(report.to_dict(), ensure_ascii=False,
indent=2)`` gives; rows and findings are encoded one at a time, so a 100,000-row
plan does not need its whole JSON text (and every row's dict) in memory at once.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any, TextIO

from ..report import Report

__all__ = ["iter_json", "write_json"]

_STREAMED = ("rows", "findings")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def _nested(value: Any, depth: int) -> str:
    """``value`` as it appears ``depth`` levels deep in an indent-2 document."""
    return _dumps(value).replace("\n", "\n" + "  " * depth)


def iter_json(report: Report, extra: Mapping[str, Any] | None = None) -> Iterator[str]:
    """The report's JSON, in pieces; ``extra`` keys (e.g. ``changes``) follow its own."""
    head = {**report.to_dict(include=()), **(extra or {})}
    yield "{"
    first = True
    for key, value in head.items():
        yield ("" if first else ",") + f"\n  {_dumps(key)}: "
        first = False
        if key not in _STREAMED:
            yield _nested(value, 1)
            continue
        items = report.iter_rows() if key == "rows" else report.iter_findings()
        yield from _list(items)
    yield "\n}"


def _list(items: Iterator[dict[str, Any]]) -> Iterator[str]:
    empty = True
    for item in items:
        yield ("[" if empty else ",") + "\n    " + _nested(item, 2)
        empty = False
    yield "[]" if empty else "\n  ]"


def write_json(report: Report, stream: TextIO, extra: Mapping[str, Any] | None = None) -> None:
    """Write the report's JSON to ``stream``, then a newline (as ``print`` would)."""
    for piece in iter_json(report, extra):
        stream.write(piece)
    stream.write("\n")
