"""A small, strict .xlsx reader: values, saved formula results, hyperlinks, merges.

It reads only what a Rencana Aksi needs, straight from the sheet XML, over
size-bounded zip streams: every XML part is inflated once and refused if it holds
a DTD or an entity declaration (``sheetxml.check_part``); workbook.xml, the
relationships and styles are then read with small patterns (``parts``). Formulas
are never evaluated: a cell gives the value saved with it, and only the url of a
``HYPERLINK()`` formula is taken from its source.
"""

from __future__ import annotations

import io
import posixpath
import re
import struct
import zipfile
import zlib
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from python_calamine import CalamineWorkbook

from .. import _regex
from ..errors import CorruptWorkbookError
from ..model import ReadNote
from .extent import RangeBudget, check_shared_strings, measure
from .heap import keep_big_blocks_mapped
from .inflate import inflate
from .native import quiet_stderr
from .parts import cell_formats, relationships, workbook_sheets
from .safety import check_members, check_zip_budget, identify_zip, open_member, sniff
from .sheetxml import (
    check_part,
    error_cells,
    formula_links,
    hyperlink_refs,
    styled_cells,
)

__all__ = ["Book", "CellValue", "Sheet", "load_book"]

CellValue = str | float | int | bool | datetime | None

_REF = _regex.compile(r"([A-Z]{1,3})(\d{1,9})")
_DATE_IDS = {14, 15, 16, 17, 22, 27, 30, 36, 45, 46, 47, 50, 57}
_BUILTIN_FORMATS = {14: "dd/mm/yyyy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 22: "m/d/yy h:mm"}
_HYPERLINK_F = _regex.compile(r'HYPERLINK\(\s*"((?:[^"]|"")*)"', re.IGNORECASE)
_EPOCH_1900 = datetime(1899, 12, 30)
_EPOCH_1904 = datetime(1904, 1, 1)


class Sheet:
    """One worksheet: cell values by (row, col), 1-based, plus links and merges (a plain
    class, not a dataclass: made at import for a fraction of the cost)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.cells: dict[int, dict[int, CellValue]] = {}
        self.formats: dict[tuple[int, int], str] = {}
        self.links: dict[tuple[int, int], str] = {}
        self.merges: list[tuple[int, int, int, int]] = []
        self.max_row = 0
        self.hidden = False
        self.errors: dict[tuple[int, int], str] = {}

    def value(self, row: int, col: int) -> CellValue:
        return self.cells.get(row, {}).get(col)


class Book:
    """The sheets of one workbook (a plain class, as :class:`Sheet`)."""

    def __init__(
        self,
        path: Path,
        sheets: list[Sheet],
        date1904: bool = False,
        notes: list[ReadNote] | None = None,
    ) -> None:
        self.path = path
        self.sheets = sheets
        self.date1904 = date1904
        #: What opening the file told about it (``links-not-readable`` for an .xls).
        self.notes: list[ReadNote] = [] if notes is None else notes


_XML_PARTS = (".xml", ".rels", ".vml")
#: A part read for the check only is inflated whole up to this size, else streamed.
_WHOLE = 4 << 20


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
    return (int(m.group(2)), col_index(m.group(1))) if m else (0, 0)


def load_book(path: Path, opened: tuple[IO[bytes], zipfile.ZipFile] | None = None) -> Book:
    """Open ``path`` as an .xlsx, refusing anything unsafe or damaged. ``opened``: the
    file and its zip as ``formats.open_book`` opened them, after its own sniffing."""
    if opened is None:
        sniff(path)
    try:
        if opened is not None:
            return _load(path, opened[1], opened[0])
        with path.open("rb") as handle, zipfile.ZipFile(handle) as zf:
            return _load(path, zf, handle)
    except _DAMAGED as exc:
        raise CorruptWorkbookError(
            path,
            "berkas .xlsx rusak atau terpotong; simpan ulang dari Excel lalu coba lagi.",
            "the .xlsx file is damaged or truncated; save it again from Excel and retry.",
        ) from exc
    except (LookupError, UnicodeError) as exc:
        detail = _one_line(exc)
        raise CorruptWorkbookError(
            path, f"XML di dalam berkas rusak ({detail}).", f"the XML inside is damaged ({detail})."
        ) from exc


def _load(path: Path, zf: zipfile.ZipFile, handle: IO[bytes]) -> Book:
    identify_zip(path, zf)
    check_zip_budget(path, zf)
    check_members(path, zf)
    keep_big_blocks_mapped(zf)
    return _Loader(path, zf, handle).load()


#: What the zip and XML layers raise for a damaged file: a central directory past the
#: end (OSError, ValueError), a bad header (struct.error), a member that stops early, a
#: zip feature Python does not read (NotImplementedError: "zip file version 8.4").
_DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    struct.error,
    NotImplementedError,
)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def _unreadable(path: Path, exc: BaseException) -> CorruptWorkbookError:
    """The one-line refusal when calamine cannot read a workbook's content."""
    detail = _one_line(exc)
    return CorruptWorkbookError(
        path,
        f"isi buku kerja tidak dapat dibaca ({detail}); simpan ulang dari Excel.",
        f"the workbook's content cannot be read ({detail}); save it again from Excel.",
    )


class _Loader:
    def __init__(self, path: Path, zf: zipfile.ZipFile, handle: IO[bytes]) -> None:
        self.path = path
        self.zf = zf
        self.handle = handle
        self.names = set(zf.namelist())
        #: Parts read whole by the check, kept for the one use that follows.
        self._kept: dict[str, bytes] = {}

    def load(self) -> Book:
        self._check_parts()
        sheets_meta, date1904 = self._workbook()
        formats = self._styles()
        month_styles = {i for i, fmt in enumerate(formats) if fmt}  # every date format
        # Each sheet's links, formats and errors come from its XML, which is then let go
        # before calamine reads the values (at 100,000 rows ~85 MB less at once).
        sheets = []
        extents = []
        for name, target, hidden in sheets_meta:
            sheet = Sheet(name)
            sheet.hidden = hidden
            extents.append(self._sheet_xml(sheet, target, formats, month_styles))
            sheets.append(sheet)
        if "xl/sharedStrings.xml" in self.names:
            check_shared_strings(self.path, self._part("xl/sharedStrings.xml"))
        values = _calamine(self.path, self.handle)
        for sheet, (height, width) in zip(sheets, extents, strict=True):
            _fill(self.path, sheet, values, height, width)
        return Book(self.path, sheets, date1904)

    def _check_parts(self) -> None:
        """Every XML part (any case of name): no DTD anywhere; inflated no further than
        declared. The parts read later are inflated here once, whole, and kept."""
        for info in self.zf.infolist():
            name = info.filename
            if not name.lower().endswith(_XML_PARTS) or info.is_dir():
                continue
            kept = _kept_part(name)
            data = inflate(self.zf, self.handle, name) if kept or info.file_size <= _WHOLE else None
            if data is None and kept:
                data = self._bytes(name)
            if data is not None:
                check_part(self.path, name, io.BytesIO(data))
                if kept:
                    self._kept[name] = data
                continue
            stream = open_member(self.path, self.zf, name)
            try:
                check_part(self.path, name, stream)
            finally:
                stream.close()

    def _part(self, name: str) -> bytes:
        """A part's bytes, kept by the check (and then let go) or inflated now."""
        kept = self._kept.pop(name, None)
        return kept if kept is not None else self._bytes(name)

    def _rels(self, part: str) -> dict[str, tuple[str, str]]:
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if rels_name not in self.names:
            return {}
        return relationships(self._part(rels_name))

    def _workbook(self) -> tuple[list[tuple[str, str, bool]], bool]:
        rels = self._rels("xl/workbook.xml")
        sheets: list[tuple[str, str, bool]] = []
        seen: set[str] = set()
        listed, date1904 = workbook_sheets(self._part("xl/workbook.xml"))
        for name, rid, state in listed:
            target = rels.get(rid, ("", ""))[0]
            if target:
                part = target.lstrip("/") if target.startswith("/") else "xl/" + target
                hidden = (state or "visible") != "visible"
                part = posixpath.normpath(part)
                if name in seen or part in seen:  # listed twice: read once (and in bounded work)
                    continue
                seen.update((name, part))
                sheets.append((name, part, hidden))
        return sheets, date1904

    def _styles(self) -> list[str]:
        name = "xl/styles.xml"
        if name not in self.names:
            return []
        custom, ids = cell_formats(self._part(name))
        xfs: list[str] = []
        for fid in ids:
            fmt = custom.get(fid) or _BUILTIN_FORMATS.get(fid, "")
            xfs.append(fmt if (fid in _DATE_IDS or _is_date_format(fmt)) else "")
        return xfs

    def _sheet_xml(
        self, sheet: Sheet, part: str, formats: list[str], month_styles: set[int]
    ) -> tuple[int, int]:
        """The sheet's links, date formats and error cells from its XML; its real
        extent, refused over budget before calamine allocates the range."""
        name = sheet.name
        if part not in self.names:
            raise CorruptWorkbookError(
                self.path,
                f"lembar '{name}' terdaftar tetapi isinya ({part}) tidak ada; berkas rusak. "
                "Simpan ulang dari Excel lalu coba lagi.",
                f"sheet '{name}' is listed but its part ({part}) is missing; the file is "
                "damaged. Save it again from Excel and retry.",
            )
        data = self._part(part)
        height, width = measure(self.path, name, data)
        rels = self._rels(part)
        budget = RangeBudget(height, width)
        for ref, rid in hyperlink_refs(data):
            target = rels.get(rid, ("", ""))[0]
            if target:
                _link_range(sheet, ref, target, budget)
        for ref, url in formula_links(data).items():
            sheet.links[_ref(ref)] = url
        for ref, style in styled_cells(data, month_styles):
            if style < len(formats):
                sheet.formats[_ref(ref)] = formats[style]
        for ref, error in error_cells(data).items():
            sheet.errors[_ref(ref)] = error
        return height, width

    def _bytes(self, part: str) -> bytes:
        stream = open_member(self.path, self.zf, part)
        try:
            chunks = []
            while chunk := stream.read(1 << 20):
                chunks.append(chunk)
            return b"".join(chunks)
        finally:
            stream.close()


def _kept_part(name: str) -> bool:
    """The parts read after the check: workbook, styles, strings, sheets and their links."""
    return name in _KEPT or (name.startswith("xl/worksheets/") and name.endswith((".xml", ".rels")))


_KEPT = frozenset(
    ("xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml")
)


def _calamine(path: Path, handle: IO[bytes]) -> Any:
    """The workbook opened by python-calamine (values and merged ranges), from the
    handle we opened: a file name that is not valid UTF-8 opens like any other."""
    try:
        handle.seek(0)
        with quiet_stderr():
            return CalamineWorkbook.from_filelike(handle)
    except _ABORTS:
        raise
    except BaseException as exc:  # calamine's errors, and its PanicException (a BaseException)
        raise _unreadable(path, exc) from exc


#: Never turned into "the file is damaged": the user or the system stopping the run.
_ABORTS = (KeyboardInterrupt, SystemExit, GeneratorExit)


def _values(path: Path, name: str, book: Any, height: int, width: int) -> Sheet:
    """A sheet's non-empty values at their 1-based (row, col), and its merged ranges
    clipped to the measured extent."""
    sheet = Sheet(name)
    _fill(path, sheet, book, height, width)
    return sheet


def _fill(path: Path, sheet: Sheet, book: Any, height: int, width: int) -> None:
    """Put the values and merged ranges calamine read into ``sheet`` (see _values)."""
    name = sheet.name
    try:
        with quiet_stderr():
            data = book.get_sheet_by_name(name)
            rows = data.to_python(skip_empty_area=False)
            merges = data.merged_cell_ranges or []
    except _ABORTS:
        raise
    except BaseException as exc:  # a sheet calamine cannot decode (or panics on) is damaged
        detail = _one_line(exc)
        raise CorruptWorkbookError(
            path,
            f"lembar '{name}' tidak dapat dibaca ({detail}).",
            f"sheet '{name}' cannot be read ({detail}).",
        ) from exc
    for r, values in enumerate(rows, start=1):
        cells = {c: v for c, v in enumerate(values, start=1) if v != "" and v is not None}
        if cells:
            sheet.cells[r] = cells
    sheet.max_row = len(rows)
    budget = RangeBudget(max(height, len(rows)), width)
    for (r1, c1), (r2, c2) in merges:
        clipped = budget.take(r1 + 1, c1 + 1, r2 + 1, c2 + 1)
        if clipped is not None:
            sheet.merges.append(clipped)


def _link_range(sheet: Sheet, ref: str, target: str, budget: RangeBudget) -> None:
    first, _, last = ref.partition(":")
    start = _ref(first)
    if not last:  # one cell, what Excel writes
        if budget.take_cell(*start):
            sheet.links.setdefault(start, target)
        return
    box = budget.take(*start, *_ref(last))
    if box is None:
        return
    r1, c1, r2, c2 = box
    for r in range(r1, r2 + 1):
        for c in range(c1, c2 + 1):
            sheet.links.setdefault((r, c), target)


_QUOTED = _regex.compile(r'"[^"]*"|\[[^\]]*\]|\\.')


def _is_date_format(code: str) -> bool:
    bare = _QUOTED.sub("", code).lower()
    return bool(re.search(r"[dmy]", bare)) and "0" not in bare.split(";")[0] and "#" not in bare


def month_only(code: str | None) -> bool:
    """True when a date format shows month and year but no day (mmm-yy, mmmm yyyy)."""
    if not code:
        return False
    bare = _QUOTED.sub("", code).lower()
    return "m" in bare and "y" in bare and "d" not in bare and "h" not in bare
