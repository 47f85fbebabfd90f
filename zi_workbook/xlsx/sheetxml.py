"""What python-calamine does not give, read from the sheet XML's bytes.

calamine gives cell values (saved formula results included) and merged ranges
fast; the hyperlinks (after ``</sheetData>``), the url of a ``HYPERLINK()``
formula and which date cells show only month and year are read here with a few
small patterns over bytes we have already inflated, size-bounded.
"""

from __future__ import annotations

import re

from .. import _regex
from ..errors import UnsafeWorkbookError
from .safety import utf16

__all__ = [
    "check_part",
    "check_prolog",
    "error_cells",
    "formula_links",
    "hyperlink_refs",
    "styled_cells",
]

_ROOT_SCAN = 1 << 20
_HYPERLINK_EL = _regex.compile(rb"<(?:\w+:)?hyperlink\b([^>]*)>")
_ATTR = _regex.compile(rb'([\w:]+)\s*=\s*"([^"]*)"')
_PLAIN_HYPERLINK = _regex.compile(
    rb' ref="([A-Z]{1,3}[0-9]{1,7}(?::[A-Z]{1,3}[0-9]{1,7})?)" r:id="(\w+)"/'
)
_FORMULA_CELL = _regex.compile(
    rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3}[0-9]+)"[^>]*>\s*<(?:\w+:)?f\b([^>]*)>([^<]*)</(?:\w+:)?f>'
)
#: A cell of a formula filled down: ``<f t="shared" si="0"/>``, its text in the first cell.
_SHARED_CELL = _regex.compile(
    rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3}[0-9]+)"[^>]*>\s*<(?:\w+:)?f\b([^>]*?)/>'
)
_SHARED_ID = _regex.compile(rb'\bsi="(\d+)"')
_WHOLE_URL = _regex.compile(r'HYPERLINK\(\s*"(?:[^"]|"")*"\s*[,)]', re.IGNORECASE)
_HYPERLINK_F = _regex.compile(r'HYPERLINK\(\s*"((?:[^"]|"")*)"', re.IGNORECASE)


_ENTITY = _regex.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def _unescape(text: str) -> str:
    """XML's five named entities and numeric references (all an attribute may hold)."""
    if "&" not in text:
        return text
    return _ENTITY.sub(_entity, text)


def _entity(m: re.Match[str]) -> str:
    name = m.group(1)
    if name[0] != "#":
        return _NAMED[name]
    code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
    if 0xD800 <= code <= 0xDFFF or not 0 < code < 0x110000:
        return "\ufffd"  # a lone surrogate is no character: JSON and UTF-8 refuse it
    return chr(code)


def check_prolog(path: object, name: str, head: bytes) -> None:
    """Refuse a part whose prolog declares a DTD or entities (before the root element)."""
    pos = 0
    while pos < min(len(head), _ROOT_SCAN):
        start = head.find(b"<", pos)
        if start < 0:
            break
        if head.startswith(b"<?", start):
            pos = _after(head, start, b"?>")
        elif head.startswith(b"<!--", start):
            pos = _after(head, start, b"-->")
        elif head.startswith(b"<!", start):
            raise _dtd_error(path, name)
        else:
            return  # the root element: no DTD can follow
    if len(head) >= 1024:  # a real part shows its root element in its first bytes
        raise UnsafeWorkbookError(
            str(path),
            f"XML {name} tidak memperlihatkan isinya dalam {len(head) // 1024} KB pertama "
            "(pembuka terlalu panjang, pola serangan 'bom XML'); ditolak.",
            f"the XML of {name} shows no content in its first {len(head) // 1024} KB (an "
            "overlong prolog, an XML-bomb pattern); refused.",
        )


def _encode(word: bytes, enc: str) -> bytes:
    return word if enc == "utf-8" else utf16(word, big_endian=enc == "utf-16-be")


_DTD_ANYWHERE = {
    enc: _regex.compile(
        b"|".join(re.escape(_encode(w, enc)) for w in (b"<!DOCTYPE", b"<!ENTITY")), re.I
    )
    for enc in ("utf-8", "utf-16-le", "utf-16-be")
}


def part_encoding(head: bytes) -> str:
    """utf-16-le/be for a part in UTF-16 (by its BOM or its first ``<``), else utf-8."""
    if head.startswith((b"\xff\xfe", b"<\x00")) or head[1:2] == b"\x00":
        return "utf-16-le"
    if head.startswith((b"\xfe\xff", b"\x00<")) or head[:1] == b"\x00":
        return "utf-16-be"
    return "utf-8"


def check_part(path: object, name: str, stream: object) -> None:
    """Read a whole part: no DTD in its prolog nor anywhere after it (inside the root
    element too), in UTF-8 or UTF-16. ``stream`` has ``read(n)``."""
    read = stream.read  # type: ignore[attr-defined]
    head: bytes = read(_HEAD_BYTES)
    encoding = part_encoding(head)
    if encoding == "utf-8":
        check_prolog(path, name, head)
    pattern = _DTD_ANYWHERE[encoding]
    tail = b""
    chunk = head
    while chunk:
        window = tail + chunk
        # Every match holds a "!": one byte memchr finds at C speed, most parts have none.
        if b"!" in window and pattern.search(window) is not None:
            raise _dtd_error(path, name)
        tail = chunk[-32:]
        chunk = read(1 << 20)


def _dtd_error(path: object, name: str) -> UnsafeWorkbookError:
    return UnsafeWorkbookError(
        str(path),
        f"XML {name} memuat DTD atau entitas (pola serangan 'bom XML'); ditolak.",
        f"the XML of {name} declares a DTD or entities (an XML-bomb pattern); refused.",
    )


_HEAD_BYTES = 64 * 1024


def _after(data: bytes, start: int, end: bytes) -> int:
    found = data.find(end, start)
    return len(data) if found < 0 else found + len(end)


def hyperlink_refs(data: bytes) -> list[tuple[str, str]]:
    """(ref, relationship id) of each ``<hyperlink>`` after the sheet data."""
    tail_at = data.rfind(b"</sheetData>")
    tail = data[tail_at:] if tail_at >= 0 else b""
    out = []
    for m in _HYPERLINK_EL.finditer(tail):
        plain = _PLAIN_HYPERLINK.fullmatch(m.group(1))
        if plain is not None:  # what Excel writes: ref="F7" r:id="rId1", nothing else
            out.append((plain.group(1).decode("ascii"), plain.group(2).decode("ascii")))
            continue
        attrs = {k.split(b":")[-1]: v for k, v in _ATTR.findall(m.group(1))}
        ref, rid = attrs.get(b"ref", b""), attrs.get(b"id", b"")
        if ref and rid:
            out.append((ref.decode("ascii", "replace"), _unescape(rid.decode())))
    return out


def formula_links(data: bytes) -> dict[str, str]:
    """Cell ref -> url of every ``HYPERLINK("url", ...)`` formula (never evaluated)."""
    if b"<f" not in data and b":f" not in data:
        return {}  # no formula at all (two quick scans; the pattern below is slow)
    if b"hyperlink(" not in data.lower():  # (?i) searched ~10x slower: no literal start
        return {}
    out = {}
    shared: dict[bytes, str] = {}
    for m in _FORMULA_CELL.finditer(data):
        formula = _unescape(m.group(3).decode("utf-8", "replace"))
        link = _HYPERLINK_F.search(formula)
        if link:
            url = link.group(1).replace('""', '"')
            out[m.group(1).decode()] = url
            si = _SHARED_ID.search(m.group(2))
            if si and _WHOLE_URL.search(formula):  # the same url in every filled cell
                shared[si.group(1)] = url
    if shared:
        for m in _SHARED_CELL.finditer(data):
            si = _SHARED_ID.search(m.group(2))
            if si and si.group(1) in shared:
                out.setdefault(m.group(1).decode(), shared[si.group(1)])
    return out


def styled_cells(data: bytes, styles: set[int]) -> list[tuple[str, int]]:
    """(ref, style index) of the cells whose style is one of ``styles``.

    Each ``s="N"`` of those styles is found by one search, then the cell tag it is in
    (``<c`` or ``<x:c``, no ``>`` between): what one pattern trying every tag's
    attributes found (~7 MIr on a 34 KB sheet), the same cells in the same order."""
    if not styles:
        return []
    alternatives = b"|".join(str(s).encode() for s in sorted(styles))
    hits = re.compile(rb's="(' + alternatives + rb')"')  # a literal start: a fast scan
    out = []
    resume = 0  # where the last cell's tag ended
    for m in hits.finditer(data):
        at = m.start()
        if at < resume or (at and data[at - 1 : at] in _WORD_BYTES):
            continue  # \bs=: not the end of another attribute's name
        lo = max(resume, data.rfind(b">", resume, m.start()) + 1)
        tag = _CELL_TAG.search(data, lo, m.start())  # the first cell tag this s= is in
        if tag is None:
            continue
        end = data.find(b">", m.end())
        if end == -1:
            break  # a tag never closed: no cell
        resume = end + 1
        r = _CELL_REF.search(data, tag.end(), end)
        if r:
            out.append((r.group(1).decode(), int(m.group(1))))
    return out


_CELL_TAG = _regex.compile(rb"<(?:\w+:)?c\b")
#: What ``\w`` matches in a bytes pattern, one byte each.
_WORD_BYTES = frozenset(
    bytes([b]) for b in b"_0123456789" + bytes(range(65, 91)) + bytes(range(97, 123))
)
_CELL_REF = _regex.compile(rb'\br="([A-Z]{1,3}[0-9]+)"')


_ERROR_CELL = _regex.compile(rb'<(?:\w+:)?c\b([^>]*?\bt="e"[^>]*)>')
#: What may stand between an error cell's start and its value: a formula, nothing else.
_ERROR_VALUE = _regex.compile(
    rb"\s*(?:<(?:\w+:)?f\b[^>]*/>|<(?:\w+:)?f\b[^>]*>[^<]*</(?:\w+:)?f>)?\s*<(?:\w+:)?v>([^<]*)</"
)


def error_cells(data: bytes) -> dict[str, str]:
    """Cell ref -> the error a formula left (``#REF!``, ``#N/A``), which calamine reads as
    empty; a quick scan for ``t="e"`` first, since most sheets have none."""
    if b't="e"' not in data:
        return {}
    out = {}
    for m in _ERROR_CELL.finditer(data):
        attrs = m.group(1)
        if attrs.endswith(b"/"):
            continue  # <c t="e"/>: an empty cell, no value to find further on
        value = _ERROR_VALUE.match(data, m.end())
        ref = re.search(rb'\br="([A-Z]{1,3}[0-9]+)"', attrs)
        if ref and value:
            out[ref.group(1).decode()] = value.group(1).decode("utf-8", "replace")
    return out
