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
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from python_calamine import CalamineWorkbook

from ..errors import CorruptWorkbookError, UnsafeWorkbookError
from .safety import check_zip_budget, identify_zip, open_member, sniff
from .sheetxml import (
    check_prolog,
    error_cells,
    formula_links,
    hyperlink_refs,
    styled_cells,
    used_area,
)

__all__ = ["Book", "CellValue", "Sheet", "load_book"]

CellValue = str | float | int | bool | datetime | None

_HEAD_BYTES = 64 * 1024
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
    hidden: bool = False
    errors: dict[tuple[int, int], str] = field(default_factory=dict)

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
        self._check_parts()
        formats = self._styles()
        month_styles = {i for i, fmt in enumerate(formats) if month_only(fmt)}
        values = _calamine(self.path)
        sheets = []
        for name, target, hidden in sheets_meta:
            sheet = self._sheet(name, target, values, formats, month_styles)
            sheet.hidden = hidden
            sheets.append(sheet)
        return Book(self.path, sheets, date1904)

    def _check_parts(self) -> None:
        """Every XML part: no DTD in its prolog; inflated no further than declared."""
        for info in self.zf.infolist():
            if not info.filename.endswith((".xml", ".rels")) or info.is_dir():
                continue
            stream = open_member(self.path, self.zf, info.filename)
            try:
                check_prolog(self.path, info.filename, stream.read(_HEAD_BYTES))
                while stream.read(1 << 20):
                    pass
            finally:
                stream.close()

    def _rels(self, part: str) -> dict[str, tuple[str, str]]:
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if rels_name not in self.names:
            return {}
        out: dict[str, tuple[str, str]] = {}
        for el in self._events(rels_name, (_PKG_REL + "Relationship",)):
            out[el.get("Id", "")] = (el.get("Target", ""), el.get("TargetMode", ""))
        return out

    def _workbook(self) -> tuple[list[tuple[str, str, bool]], bool]:
        rels = self._rels("xl/workbook.xml")
        sheets: list[tuple[str, str, bool]] = []
        date1904 = False
        for el in self._events("xl/workbook.xml", (_NS + "sheet", _NS + "workbookPr")):
            if el.tag == _NS + "workbookPr":
                date1904 = el.get("date1904", "0").lower() in ("1", "true")
                continue
            target = rels.get(el.get(_REL_NS + "id", ""), ("", ""))[0]
            if target:
                part = target.lstrip("/") if target.startswith("/") else "xl/" + target
                hidden = el.get("state", "visible") != "visible"
                sheets.append((el.get("name", ""), posixpath.normpath(part), hidden))
        return sheets, date1904

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
        self, name: str, part: str, values: Any, formats: list[str], month_styles: set[int]
    ) -> Sheet:
        if part not in self.names:
            raise CorruptWorkbookError(
                self.path,
                f"lembar '{name}' terdaftar tetapi isinya ({part}) tidak ada; berkas rusak. "
                "Simpan ulang dari Excel lalu coba lagi.",
                f"sheet '{name}' is listed but its part ({part}) is missing; the file is "
                "damaged. Save it again from Excel and retry.",
            )
        data = self._bytes(part)
        height, width = used_area(data)
        _check_area(self.path, name, height, width)  # before calamine allocates the range
        sheet = _values(name, values)
        rels = self._rels(part)
        for ref, rid in hyperlink_refs(data):
            target = rels.get(rid, ("", ""))[0]
            if target:
                _link_range(sheet, ref, target)
        for ref, url in formula_links(data).items():
            sheet.links[_ref(ref)] = url
        for ref, style in styled_cells(data, month_styles):
            sheet.formats[_ref(ref)] = formats[style]
        for ref, error in error_cells(data).items():
            sheet.errors[_ref(ref)] = error
        return sheet

    def _bytes(self, part: str) -> bytes:
        stream = open_member(self.path, self.zf, part)
        try:
            chunks = []
            while chunk := stream.read(1 << 20):
                chunks.append(chunk)
            return b"".join(chunks)
        finally:
            stream.close()


def _calamine(path: Path) -> Any:
    """The workbook opened by python-calamine (values and merged ranges)."""
    try:
        return CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own error types for damaged files
        raise CorruptWorkbookError(
            path,
            f"isi buku kerja tidak dapat dibaca ({exc}); simpan ulang dari Excel.",
            f"the workbook's content cannot be read ({exc}); save it again from Excel.",
        ) from exc


def _values(name: str, book: Any) -> Sheet:
    """A sheet's non-empty values at their 1-based (row, col), and its merged ranges."""
    sheet = Sheet(name)
    try:
        data = book.get_sheet_by_name(name)
        rows = data.to_python(skip_empty_area=False)
        merges = data.merged_cell_ranges or []
    except Exception as exc:  # a sheet calamine cannot decode is a damaged file
        raise CorruptWorkbookError(
            str(book.path),
            f"lembar '{name}' tidak dapat dibaca ({exc}).",
            f"sheet '{name}' cannot be read ({exc}).",
        ) from exc
    for r, values in enumerate(rows, start=1):
        cells = {c: v for c, v in enumerate(values, start=1) if v != "" and v is not None}
        if cells:
            sheet.cells[r] = cells
    sheet.max_row = len(rows)
    sheet.merges = [(r1 + 1, c1 + 1, r2 + 1, c2 + 1) for (r1, c1), (r2, c2) in merges]
    return sheet


#: The most cells a sheet's used area may span: a 100,000-row plan of 20 columns is 2M.
MAX_CELLS = 10_000_000


def _check_area(path: Path, name: str, height: int, width: int) -> None:
    """Refuse a sheet whose used area is huge: one value at XFD1048576 spans 17 billion."""
    if height * width <= MAX_CELLS:
        return
    from ..errors import UnsafeWorkbookError

    where = f"{col_letter(width)}{height}"
    raise UnsafeWorkbookError(
        path,
        f"lembar '{name}' terisi sampai sel {where} ({height:,} baris x {width:,} kolom), jauh "
        "melebihi rencana aksi mana pun; hapus isi sel yang jauh di luar tabel lalu simpan ulang.",
        f"sheet '{name}' is filled up to cell {where} ({height:,} rows x {width:,} columns), far "
        "beyond any real plan; delete the content far outside the table and save again.",
    )


def _link_range(sheet: Sheet, ref: str, target: str) -> None:
    first, _, last = ref.partition(":")
    r1, c1 = _ref(first)
    r2, c2 = _ref(last) if last else (r1, c1)
    for r in range(r1, r2 + 1):
        for c in range(c1, c2 + 1):
            sheet.links.setdefault((r, c), target)


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
