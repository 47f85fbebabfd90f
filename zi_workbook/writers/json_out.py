"""Stream ``report.to_dict()`` as JSON without holding the whole text in memory.

The output is byte for byte what ``json.dumps(report.to_dict(), ensure_ascii=False,
indent=2)`` gives; rows and findings are encoded one at a time, so a 100,000-row
plan does not need its whole JSON text (and every row's dict) in memory at once.

``json.dumps`` with an indent uses the json module's pure-Python encoder (its C
encoder knows no indent): a generator per nesting level and a ``yield`` per token,
~3x the cost of building the dicts. :func:`_encode` writes the same text directly:
plain dicts, lists, tuples, strings (json's own C string encoder), ints, floats, bools
and None; anything else (a subclass, a non-text key, an object json refuses) is left to
``json.dumps`` itself, so the text, and the errors, stay json's.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from json.encoder import encode_basestring
from typing import Any, TextIO

from ..report import Report

__all__ = ["dumps_indented", "iter_json", "write_json"]

_STREAMED = ("rows", "findings")
_INFINITY = float("inf")
_Out = Callable[[str], None]


def dumps_indented(value: Any, depth: int = 0) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` as it appears ``depth``
    levels deep in an indent-2 document (every line after the first indented)."""
    parts: list[str] = []
    _encode(value, "\n" + "  " * depth, parts.append)
    return "".join(parts)


def _fallback(value: Any, nl: str) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", nl)


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == _INFINITY:
        return "Infinity"
    if value == -_INFINITY:
        return "-Infinity"
    return float.__repr__(value)


def _scalar(value: Any) -> str | None:
    """The JSON of a str, int, float, bool or None (exact types); None for others."""
    t = type(value)
    if t is str:
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if t is int:
        return int.__repr__(value)
    if t is float:
        return _float(value)
    return None


def _encode(value: Any, nl: str, out: _Out) -> None:
    """Write ``value`` as json's indent-2 text; ``nl`` is a newline and the indent of
    the line ``value`` starts on."""
    text = _scalar(value)
    if text is not None:
        out(text)
        return
    t = type(value)
    if t is dict:
        if not value:
            out("{}")
            return
        if any(type(k) is not str for k in value):  # json's own key conversions
            out(_fallback(value, nl))
            return
        inner = nl + "  "
        sep = "{" + inner
        for key, item in value.items():
            text = _scalar(item)
            if text is not None:
                out(f"{sep}{encode_basestring(key)}: {text}")
            else:
                out(f"{sep}{encode_basestring(key)}: ")
                _encode(item, inner, out)
            sep = "," + inner
        out(nl + "}")
    elif t is list or t is tuple:
        if not value:
            out("[]")
            return
        inner = nl + "  "
        sep = "[" + inner
        for item in value:
            text = _scalar(item)
            if text is not None:
                out(sep + text)
            else:
                out(sep)
                _encode(item, inner, out)
            sep = "," + inner
        out(nl + "]")
    else:
        out(_fallback(value, nl))


def iter_json(report: Report, extra: Mapping[str, Any] | None = None) -> Iterator[str]:
    """The report's JSON, in pieces; ``extra`` keys (e.g. ``changes``) follow its own."""
    head = {**report.to_dict(include=()), **(extra or {})}
    yield "{"
    first = True
    for key, value in head.items():
        yield ("" if first else ",") + f"\n  {dumps_indented(key)}: "
        first = False
        if key not in _STREAMED:
            yield dumps_indented(value, 1)
            continue
        items = report.iter_rows() if key == "rows" else report.iter_findings()
        yield from _list(items)
    yield "\n}"


def _list(items: Iterator[dict[str, Any]]) -> Iterator[str]:
    empty = True
    for item in items:
        yield ("[" if empty else ",") + "\n    " + dumps_indented(item, 2)
        empty = False
    yield "[]" if empty else "\n  ]"


def write_json(report: Report, stream: TextIO, extra: Mapping[str, Any] | None = None) -> None:
    """Write the report's JSON to ``stream``, then a newline (as ``print`` would)."""
    for piece in iter_json(report, extra):
        stream.write(piece)
    stream.write("\n")
