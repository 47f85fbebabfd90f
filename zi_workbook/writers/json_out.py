"""Stream ``report.to_dict()`` as JSON without holding the whole text in memory.

The output is byte for byte what ``json.dumps(report.to_dict(), ensure_ascii=False,
indent=2)`` gives; rows and findings are encoded one at a time, so a 100,000-row
plan does not need its whole JSON text (and every row's dict) in memory at once.

``json.dumps`` with an indent uses the json module's pure-Python encoder (its C
encoder knows no indent): a generator per nesting level and a ``yield`` per token,
~3x the cost of building the dicts. :func:`dumps_indented` writes the same text directly
(about as fast as json's C encoder without indent, on the sample's report):
plain dicts, lists, tuples, strings (json's own C string encoder), ints, floats, bools
and None; anything else (a subclass, a non-text key, an object json refuses) is left to
``json.dumps`` itself, so the text, and the errors, stay json's.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from json.encoder import encode_basestring
from typing import Any, TextIO

from ..report import Report

__all__ = ["dumps_indented", "iter_json", "write_json"]

_STREAMED = ("rows", "findings")
_INFINITY = float("inf")


def dumps_indented(value: Any, depth: int = 0) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` as it appears ``depth``
    levels deep in an indent-2 document (every line after the first indented)."""
    parts: list[str] = []
    _value(value, "\n" + "  " * depth, parts)
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


#: Per indent, each key's ``\n    "key": `` (the same few keys on every row), bounded.
_PREFIXES: dict[str, dict[str, str]] = {}
_MAX_KEYS = 1000


def _value(value: Any, nl: str, parts: list[str]) -> None:
    """Append ``value``'s text; ``nl`` is a newline and the indent of its first line."""
    t = type(value)
    if t is dict:
        _dict(value, nl, parts)
    elif t is list or t is tuple:
        _list(value, nl, parts)
    elif t is str:
        parts.append(encode_basestring(value))
    elif t is int:
        parts.append(int.__repr__(value))
    elif value is None:
        parts.append("null")
    elif t is bool:
        parts.append("true" if value else "false")
    elif t is float:
        parts.append(_float(value))
    else:
        parts.append(_fallback(value, nl))


def _dict(value: dict[Any, Any], nl: str, parts: list[str]) -> None:
    if not value:
        parts.append("{}")
        return
    inner = nl + "  "
    keys = _PREFIXES.get(inner)
    if keys is None:
        keys = _PREFIXES[inner] = {}
    start = len(parts)
    append = parts.append
    sep = "{"
    for key, item in value.items():
        pre = keys.get(key)
        if pre is None:
            if type(key) is not str:  # json's own key conversions: json's text, whole
                del parts[start:]
                append(_fallback(value, nl))
                return
            pre = f"{inner}{encode_basestring(key)}: "
            if len(keys) < _MAX_KEYS:
                keys[key] = pre
        t = type(item)
        if t is str:
            append(f"{sep}{pre}{encode_basestring(item)}")
        elif t is int:
            append(f"{sep}{pre}{int.__repr__(item)}")
        elif item is None:
            append(f"{sep}{pre}null")
        elif t is dict:
            append(sep + pre)
            _dict(item, inner, parts)
        elif t is list or t is tuple:
            append(sep + pre)
            _list(item, inner, parts)
        elif t is bool:
            append(f"{sep}{pre}{'true' if item else 'false'}")
        elif t is float:
            append(f"{sep}{pre}{_float(item)}")
        else:
            append(f"{sep}{pre}{_fallback(item, inner)}")
        sep = ","
    append(nl + "}")


def _list(value: list[Any] | tuple[Any, ...], nl: str, parts: list[str]) -> None:
    if not value:
        parts.append("[]")
        return
    inner = nl + "  "
    append = parts.append
    sep = "[" + inner
    comma = "," + inner
    for item in value:
        t = type(item)
        if t is str:
            append(sep + encode_basestring(item))
        elif t is dict:
            append(sep)
            _dict(item, inner, parts)
        elif t is int:
            append(sep + int.__repr__(item))
        elif item is None:
            append(sep + "null")
        elif t is list or t is tuple:
            append(sep)
            _list(item, inner, parts)
        elif t is bool:
            append(sep + ("true" if item else "false"))
        elif t is float:
            append(sep + _float(item))
        else:
            append(sep + _fallback(item, inner))
        sep = comma
    append(nl + "]")


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
        yield from _stream(items)
    yield "\n}"


def _stream(items: Iterator[dict[str, Any]]) -> Iterator[str]:
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
