"""A small, strict .xlsx reader: values, saved formula results, hyperlinks, merges.

It reads only what a Rencana Aksi needs, straight from the sheet XML, with
defusedxml (no DTD, no entities) over size-bounded zip streams. Formulas are
never evaluated: a cell gives the value saved with it, and only the url of a
``HYPERLINK()`` formula is taken from its source.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from ._safety import check_zip_budget, identify_zip, open_member, sniff
from .errors import CorruptWorkbookError, UnsafeWorkbookError

__all__ = ["Book", "CellValue", "Sheet", "load_book"]

CellValue = str | float | int | bool | datetime | None

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_REF = re.compile(r"([A-Z]+)(\d+)")
_DATE_IDS = {14, 15, 16, 17, 22, 27, 30, 36, 45, 46, 47, 50, 57}
_BUILTIN_FORMATS = {14: "dd/mm/yyyy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 22: "m/d/yy h:mm"}
_HYPERLINK_F = re.compile(r'HYPERLINK\(\s*"((?:[^"]|"")*)"', re.IGNORECASE)
_EPOCH_1900 = datetime(1899, 12, 30)
_EPOCH_1904 = datetime(1904, 1, 1)


@dataclass
class Sheet:
    """One worksheet: cell values by (row, col), 1-based, plus links and merges."""

    name: str
    cells: dict[int, dict[int, CellValue]] = field(default_factory=dict)
    formats: dict[tuple[int, int], str] = field(default_factory=dict)
    links: dict[tuple[int, int], str] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    max_row: int = 0

    def value(self, row: int, col: int) -> CellValue:
        return self.cells.get(row, {}).get(col)


@dataclass
class Book:
    path: Path
    sheets: list[Sheet]
    date1904: bool = False


def col_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def col_letter(index: int) -> str:
    out = ""
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def _ref(text: str) -> tuple[int, int]:
    m = _REF.match(text)
    if not m:
        return 0, 0
    return int(m.group(2)), col_index(m.group(1))


def load_book(path: Path) -> Book:
    """Open ``path`` as an .xlsx, refusing anything unsafe or damaged."""
    sniff(path)
    try:
        with zipfile.ZipFile(path) as zf:
            identify_zip(path, zf)
            check_zip_budget(path, zf)
            return _Loader(path, zf).load()
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise CorruptWorkbookError(
            path,
            "berkas .xlsx rusak atau terpotong; simpan ulang dari Excel lalu coba lagi.",
            "the .xlsx file is damaged or truncated; save it again from Excel and retry.",
        ) from exc
    except DefusedXmlException as exc:
        raise UnsafeWorkbookError(
            path,
            "XML di dalam berkas memuat DTD atau entitas (pola serangan 'bom XML'); ditolak.",
            "the XML inside declares a DTD or entities (an XML-bomb pattern); refused.",
        ) from exc
    except ParseError as exc:
        raise CorruptWorkbookError(
            path, f"XML di dalam berkas rusak ({exc}).", f"the XML inside is damaged ({exc})."
        ) from exc


class _Loader:
    def __init__(self, path: Path, zf: zipfile.ZipFile) -> None:
        self.path = path
        self.zf = zf
        self.names = set(zf.namelist())

    def _events(self, name: str, tags: tuple[str, ...]) -> Iterator[Any]:
        stream = open_member(self.path, self.zf, name)
        try:
            for _, elem in iterparse(stream, events=("end",), forbid_dtd=True):
                if elem.tag in tags:
                    yield elem
        finally:
            stream.close()

    def load(self) -> Book:
        sheets_meta, date1904 = self._workbook()
        strings = self._shared_strings()
        formats = self._styles()
        sheets = [
            self._sheet(name, target, strings, formats, date1904) for name, target in sheets_meta
        ]
        return Book(self.path, sheets, date1904)

    def _rels(self, part: str) -> dict[str, tuple[str, str]]:
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if rels_name not in self.names:
            return {}
        out: dict[str, tuple[str, str]] = {}
        for el in self._events(rels_name, (_PKG_REL + "Relationship",)):
            out[el.get("Id", "")] = (el.get("Target", ""), el.get("TargetMode", ""))
        return out

    def _workbook(self) -> tuple[list[tuple[str, str]], bool]:
        rels = self._rels("xl/workbook.xml")
        sheets: list[tuple[str, str]] = []
        date1904 = False
        for el in self._events("xl/workbook.xml", (_NS + "sheet", _NS + "workbookPr")):
            if el.tag == _NS + "workbookPr":
                date1904 = el.get("date1904", "0").lower() in ("1", "true")
                continue
            target = rels.get(el.get(_REL_NS + "id", ""), ("", ""))[0]
            if target:
                part = target.lstrip("/") if target.startswith("/") else "xl/" + target
                sheets.append((el.get("name", ""), posixpath.normpath(part)))
        return sheets, date1904

    def _shared_strings(self) -> list[str]:
        name = "xl/sharedStrings.xml"
        if name not in self.names:
            return []
        out: list[str] = []
        for si in self._events(name, (_NS + "si",)):
            out.append(_inline_text(si))
            si.clear()
        return out

    def _styles(self) -> list[str]:
        name = "xl/styles.xml"
        if name not in self.names:
            return []
        custom: dict[int, str] = {}
        xfs: list[str] = []
        in_cell_xfs = False
        stream = open_member(self.path, self.zf, name)
        try:
            for event, el in iterparse(stream, events=("start", "end"), forbid_dtd=True):
                if el.tag == _NS + "cellXfs":
                    in_cell_xfs = event == "start"
                elif event == "end" and el.tag == _NS + "numFmt":
                    custom[int(el.get("numFmtId", "0"))] = el.get("formatCode", "")
                elif event == "end" and el.tag == _NS + "xf" and in_cell_xfs:
                    fid = int(el.get("numFmtId", "0"))
                    fmt = custom.get(fid) or _BUILTIN_FORMATS.get(fid, "")
                    xfs.append(fmt if (fid in _DATE_IDS or _is_date_format(fmt)) else "")
        finally:
            stream.close()
        return xfs

    def _sheet(
        self, name: str, part: str, strings: list[str], formats: list[str], date1904: bool
    ) -> Sheet:
        sheet = Sheet(name)
        if part not in self.names:
            raise CorruptWorkbookError(
                self.path,
                f"lembar '{name}' terdaftar tetapi isinya ({part}) tidak ada; berkas rusak. "
                "Simpan ulang dari Excel lalu coba lagi.",
                f"sheet '{name}' is listed but its part ({part}) is missing; the file is "
                "damaged. Save it again from Excel and retry.",
            )
        rels = self._rels(part)
        reader = _SheetReader(sheet, strings, formats, date1904)
        tags = (_NS + "c", _NS + "row", _NS + "mergeCell", _NS + "hyperlink")
        for el in self._events(part, tags):
            reader.handle(el, rels)
        return sheet


class _SheetReader:
    def __init__(
        self, sheet: Sheet, strings: list[str], formats: list[str], date1904: bool
    ) -> None:
        self.sheet = sheet
        self.strings = strings
        self.formats = formats
        self.epoch = _EPOCH_1904 if date1904 else _EPOCH_1900
        self.row = 0
        self.col = 0

    def handle(self, el: Any, rels: dict[str, tuple[str, str]]) -> None:
        tag = el.tag
        if tag == _NS + "c":
            self._cell(el)
            return
        if tag == _NS + "row":
            self.row = int(el.get("r") or self.row + 1)
            self.col = 0
            self.sheet.max_row = max(self.sheet.max_row, self.row)
            el.clear()
        elif tag == _NS + "mergeCell":
            self._merge(el.get("ref", ""))
        elif tag == _NS + "hyperlink":
            self._hyperlink(el, rels)

    def _cell(self, el: Any) -> None:
        ref = el.get("r")
        if ref:
            row, col = _ref(ref)
            self.row = row or self.row
            self.col = col or self.col + 1
        else:
            self.row = self.row or 1
            self.col += 1
        value, formula = self._value(el)
        if value is not None and value != "":
            self.sheet.cells.setdefault(self.row, {})[self.col] = value
        if formula:
            m = _HYPERLINK_F.search(formula)
            if m:
                self.sheet.links[(self.row, self.col)] = m.group(1).replace('""', '"')
        self.sheet.max_row = max(self.sheet.max_row, self.row)

    def _value(self, el: Any) -> tuple[CellValue, str]:
        kind = el.get("t", "n")
        f_el = el.find(_NS + "f")
        formula = f_el.text or "" if f_el is not None else ""
        if kind == "inlineStr":
            is_el = el.find(_NS + "is")
            return (_inline_text(is_el) if is_el is not None else ""), formula
        v_el = el.find(_NS + "v")
        raw = v_el.text if v_el is not None else None
        if raw is None:
            return None, formula
        if kind == "s":
            idx = int(raw)
            return (self.strings[idx] if 0 <= idx < len(self.strings) else ""), formula
        if kind in ("str", "e"):
            return (raw if kind == "str" else None), formula
        if kind == "b":
            return raw == "1", formula
        return self._number(raw, el.get("s")), formula

    def _number(self, raw: str, style: str | None) -> CellValue:
        try:
            num = float(raw)
        except ValueError:
            return raw
        fmt = self.formats[int(style)] if style and int(style) < len(self.formats) else ""
        if fmt and 0 < num < 2958466:
            self.sheet.formats[(self.row, self.col)] = fmt
            return self.epoch + timedelta(days=num)
        return int(num) if num.is_integer() else num

    def _merge(self, ref: str) -> None:
        if ":" not in ref:
            return
        a, b = ref.split(":", 1)
        (r1, c1), (r2, c2) = _ref(a), _ref(b)
        if r1 and c1 and r2 and c2:
            self.sheet.merges.append((r1, c1, r2, c2))

    def _hyperlink(self, el: Any, rels: dict[str, tuple[str, str]]) -> None:
        target, _mode = rels.get(el.get(_REL_NS + "id", ""), ("", ""))
        if not target:
            return
        ref = el.get("ref", "")
        first, _, last = ref.partition(":")
        (r1, c1) = _ref(first)
        (r2, c2) = _ref(last) if last else (r1, c1)
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                self.sheet.links.setdefault((r, c), target)


def _inline_text(el: Any) -> str:
    """The text of an <si> or <is>: plain <t> or rich-text runs, without phonetics."""
    parts: list[str] = []
    for child in el:
        if child.tag == _NS + "t":
            parts.append(child.text or "")
        elif child.tag == _NS + "r":
            t = child.find(_NS + "t")
            parts.append(t.text or "" if t is not None else "")
    return "".join(parts)


_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')


def _is_date_format(code: str) -> bool:
    bare = _QUOTED.sub("", code).lower()
    return bool(re.search(r"[dmy]", bare)) and "0" not in bare.split(";")[0] and "#" not in bare


def month_only(code: str | None) -> bool:
    """True when a date format shows month and year but no day (mmm-yy, mmmm yyyy)."""
    if not code:
        return False
    bare = _QUOTED.sub("", code).lower()
    return "m" in bare and "y" in bare and "d" not in bare and "h" not in bare
