"""workbook.xml, its relationships and styles.xml, read with small patterns over text.

Every XML part has already passed ``sheetxml.check_part`` (no DTD, no entity
declaration anywhere) when these run, so an attribute holds only XML's five named
entities and character references, and no XML parser is needed: importing ElementTree
and defusedxml cost more than reading these three small parts. The part's declared
encoding is honoured (an unknown one raises LookupError, a wrong one UnicodeError).
"""

from __future__ import annotations

import codecs
import re

from .. import _regex
from .sheetxml import _unescape, part_encoding

__all__ = ["cell_formats", "relationships", "workbook_sheets"]

_DECL = _regex.compile(rb"""\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([^"']*)["']""")
_COMMENT = _regex.compile(r"<!--.*?-->", re.S)
_ATTR = _regex.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_SHEET = _regex.compile(r"<(?:[\w.-]+:)?(sheet|workbookPr)\b([^>]*)>")
_REL = _regex.compile(r"<(?:[\w.-]+:)?Relationship\b([^>]*)>")
#: Id, Type, Target (, TargetMode) as Excel writes them, in an attribute text without
#: ``&`` (tested first: ``[^"]`` runs far faster in ``re`` than ``[^"&]``).
_PLAIN_REL = _regex.compile(
    r' Id="([^"]*)" Type="[^"]*" Target="([^"]*)"(?: TargetMode="([^"]*)")?\s*/'
)
_NUM_FMT = _regex.compile(r"<(?:[\w.-]+:)?numFmt\b([^>]*)>")
_CELL_XFS = _regex.compile(r"<(?:[\w.-]+:)?cellXfs\b([^>]*)>")
_CELL_XFS_END = _regex.compile(r"</(?:[\w.-]+:)?cellXfs\s*>")
_XF = _regex.compile(r"<(?:[\w.-]+:)?xf\b([^>]*)>")


def part_text(data: bytes) -> str:
    """The part decoded as its BOM, its first bytes or its XML declaration say."""
    encoding = part_encoding(data[:4])
    if encoding == "utf-8":
        if data.startswith(codecs.BOM_UTF8):
            data = data[3:]
        declared = _DECL.match(data, 0, 4096)
        if declared is not None:
            name = codecs.lookup(declared.group(1).decode("ascii", "replace")).name
            if not name.startswith("utf-16"):
                encoding = name
    text = data.decode(encoding)
    return _COMMENT.sub("", text) if "<!--" in text else text


def _attrs(raw: str) -> dict[str, str]:
    """Attributes, values unescaped; a prefixed one by ``:`` and its local name
    (``r:id`` -> ``:id``), so it never hides an unprefixed one."""
    out: dict[str, str] = {}
    for key, double, single in _ATTR.findall(raw):
        value = double or single
        if "&" in value:
            value = _unescape(value)
        if ":" in key:
            prefix, colon, local = key.rpartition(":")
            out[colon + local if prefix else key] = value
        else:
            out[key] = value
    return out


def workbook_sheets(data: bytes) -> tuple[list[tuple[str, str, str]], bool]:
    """(name, relationship id, state) of each ``<sheet>``, and the date1904 flag."""
    sheets: list[tuple[str, str, str]] = []
    date1904 = False
    for m in _SHEET.finditer(part_text(data)):
        attrs = _attrs(m.group(2))
        if m.group(1) == "workbookPr":
            date1904 = attrs.get("date1904", "0").lower() in ("1", "true")
        else:
            sheets.append((attrs.get("name", ""), attrs.get(":id", ""), attrs.get("state", "")))
    return sheets, date1904


def relationships(data: bytes) -> dict[str, tuple[str, str]]:
    """Relationship Id -> (Target, TargetMode)."""
    out: dict[str, tuple[str, str]] = {}
    for m in _REL.finditer(part_text(data)):
        raw = m.group(1)
        plain = None if "&" in raw else _PLAIN_REL.fullmatch(raw)
        if plain is not None:  # Id, Type, Target (, TargetMode) as Excel writes them
            out[plain.group(1)] = (plain.group(2), plain.group(3) or "")
            continue
        attrs = _attrs(raw)
        out[attrs.get("Id", "")] = (attrs.get("Target", ""), attrs.get("TargetMode", ""))
    return out


def cell_formats(data: bytes) -> tuple[dict[int, str], list[int]]:
    """Custom number formats by id, and each cell style's (``cellXfs/xf``) numFmtId."""
    text = part_text(data)
    custom = {
        _int(a.get("numFmtId")): a.get("formatCode", "")
        for a in (_attrs(m.group(1)) for m in _NUM_FMT.finditer(text))
    }
    ids: list[int] = []
    start = _CELL_XFS.search(text)
    if start is not None and not start.group(1).rstrip().endswith("/"):
        end = _CELL_XFS_END.search(text, start.end())
        stop = end.start() if end is not None else len(text)
        ids = [
            _int(_attrs(m.group(1)).get("numFmtId")) for m in _XF.finditer(text, start.end(), stop)
        ]
    return custom, ids


def _int(text: str | None) -> int:
    """A number attribute; anything else (``numFmtId="general"``) reads as 0."""
    try:
        return int(text or 0)
    except ValueError:
        return 0
