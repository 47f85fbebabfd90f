"""What python-calamine does not give, read from the sheet XML's bytes.

calamine gives cell values (saved formula results included) and merged ranges
fast; the hyperlinks (after ``</sheetData>``), the url of a ``HYPERLINK()``
formula and which date cells show only month and year are read here with a few
small patterns over bytes we have already inflated, size-bounded.
"""

from __future__ import annotations

import re

from ..errors import UnsafeWorkbookError

__all__ = [
    "check_prolog",
    "error_cells",
    "formula_links",
    "hyperlink_refs",
    "styled_cells",
    "used_area",
]

_ROOT_SCAN = 1 << 20
_HYPERLINK_EL = re.compile(rb"<(?:\w+:)?hyperlink\b([^>]*)>")
_ATTR = re.compile(rb'([\w:]+)\s*=\s*"([^"]*)"')
_FORMULA_CELL = re.compile(
    rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3}[0-9]+)"[^>]*>\s*<(?:\w+:)?f\b[^>]*>([^<]*)</(?:\w+:)?f>'
)
_HYPERLINK_F = re.compile(r'HYPERLINK\(\s*"((?:[^"]|"")*)"', re.IGNORECASE)


_ENTITY = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);")
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
    return chr(code) if 0 < code < 0x110000 else m.group(0)


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
            raise UnsafeWorkbookError(
                str(path),
                f"XML {name} memuat DTD atau entitas (pola serangan 'bom XML'); ditolak.",
                f"the XML of {name} declares a DTD or entities (an XML-bomb pattern); refused.",
            )
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


def _after(data: bytes, start: int, end: bytes) -> int:
    found = data.find(end, start)
    return len(data) if found < 0 else found + len(end)


def hyperlink_refs(data: bytes) -> list[tuple[str, str]]:
    """(ref, relationship id) of each ``<hyperlink>`` after the sheet data."""
    tail_at = data.rfind(b"</sheetData>")
    tail = data[tail_at:] if tail_at >= 0 else b""
    out = []
    for m in _HYPERLINK_EL.finditer(tail):
        attrs = {k.split(b":")[-1]: v for k, v in _ATTR.findall(m.group(1))}
        ref, rid = attrs.get(b"ref", b""), attrs.get(b"id", b"")
        if ref and rid:
            out.append((ref.decode("ascii", "replace"), _unescape(rid.decode())))
    return out


def formula_links(data: bytes) -> dict[str, str]:
    """Cell ref -> url of every ``HYPERLINK("url", ...)`` formula (never evaluated)."""
    if re.search(rb"(?i)hyperlink\(", data) is None:
        return {}
    out = {}
    for m in _FORMULA_CELL.finditer(data):
        formula = _unescape(m.group(2).decode("utf-8", "replace"))
        link = _HYPERLINK_F.search(formula)
        if link:
            out[m.group(1).decode()] = link.group(1).replace('""', '"')
    return out


def styled_cells(data: bytes, styles: set[int]) -> list[tuple[str, int]]:
    """(ref, style index) of the cells whose style is one of ``styles``."""
    if not styles:
        return []
    alternatives = b"|".join(str(s).encode() for s in sorted(styles))
    pattern = re.compile(rb'<(?:\w+:)?c\b([^>]*?\bs="(' + alternatives + rb')"[^>]*)>')
    out = []
    for m in pattern.finditer(data):
        r = re.search(rb'\br="([A-Z]{1,3}[0-9]+)"', m.group(1))
        if r:
            out.append((r.group(1).decode(), int(m.group(2))))
    return out


_ROW_NUMBER = re.compile(rb'<row\b[^>]*?\br="(\d+)"')
_ROW_NUMBER_NS = re.compile(rb'<\w+:row\b[^>]*?\br="(\d+)"')
_WIDE_REF = {n: re.compile(rb'r="[A-Z]{' + str(n).encode() + rb"}\d") for n in (3, 2)}
_VALUE_CELL = {
    n: re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{' + str(n).encode() + rb'})\d+"[^>/]*>')
    for n in (3, 2)
}


def used_area(data: bytes) -> tuple[int, int]:
    """An upper bound of (rows, columns) the sheet's cells span, without parsing it.

    Rows come from the ``<row r=...>`` numbers; columns from the widest cell that
    holds something (a self-closing ``<c .../>`` holds nothing). A quick scan for
    two- and three-letter references comes first: most plans have neither.
    """
    numbers = _ROW_NUMBER.findall(data) or _ROW_NUMBER_NS.findall(data)
    rows = max(map(int, numbers), default=0)
    for letters in (3, 2):
        if _WIDE_REF[letters].search(data) is None:
            continue
        found = _VALUE_CELL[letters].findall(data)
        if found:
            return rows, max(_col_number(c.decode()) for c in found)
    return rows, 26


def _col_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


_ERROR_CELL = re.compile(
    rb'<(?:\w+:)?c\b([^>]*?\bt="e"[^>]*)>(?:(?!</(?:\w+:)?c>).)*?<(?:\w+:)?v>([^<]*)</', re.DOTALL
)


def error_cells(data: bytes) -> dict[str, str]:
    """Cell ref -> the error a formula left (``#REF!``, ``#N/A``), which calamine reads as
    empty; a quick scan for ``t="e"`` first, since most sheets have none."""
    if b't="e"' not in data:
        return {}
    out = {}
    for m in _ERROR_CELL.finditer(data):
        ref = re.search(rb'\br="([A-Z]{1,3}[0-9]+)"', m.group(1))
        if ref:
            out[ref.group(1).decode()] = m.group(2).decode("utf-8", "replace")
    return out
