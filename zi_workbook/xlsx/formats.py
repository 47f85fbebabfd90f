"""Open a plan in the format the office saved it: .xlsx, .xls, .ods or .csv.

:func:`open_book` looks at the file's first bytes (and, for text, its name) and
hands it to the right reader; every reader gives the same :class:`Book`. A PDF or a
Word document gets its own one-line reason: ask the office for the Excel version.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from typing import Any

from ..errors import NotAWorkbookError, UnsafeWorkbookError
from ..model import ReadNote
from .native import quiet_stderr
from .safety import OLE_MAGIC, check_regular, utf16
from .workbook import _ABORTS, Book, _unreadable, _values, load_book

__all__ = ["MAX_OTHER_BYTES", "open_book"]

#: The largest .xls, .ods or .csv read: a real plan is well under 5 MB.
MAX_OTHER_BYTES = 64 * 1024 * 1024
_WORD_MARK = utf16(b"WordDocument")
_ENCRYPTION_MARK = utf16(b"EncryptionInfo")
_XLS_MARK = utf16(b"Workbook")
_TEXT_SUFFIXES = (".csv", ".tsv", ".txt")


def open_book(path: Path) -> Book:
    """The workbook at ``path``, whichever of the formats offices save it in."""
    check_regular(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(512 * 1024)
    except OSError:
        return load_book(path)  # the .xlsx reader says why, in its words
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF"):
        raise _ask_for_excel(path, "dokumen PDF", "a PDF document")
    if head.startswith(OLE_MAGIC) and _ENCRYPTION_MARK not in head:
        if _WORD_MARK in head or suffix == ".doc":
            raise _ask_for_excel(path, "dokumen Word (.doc)", "a Word document (.doc)")
        if suffix == ".xls" or _XLS_MARK in head:
            return _load_xls(path)
    if head.startswith(b"PK"):
        return _load_zip(path)
    if head and suffix in _TEXT_SUFFIXES:
        from .csvfile import load_csv

        _check_size(path)
        return load_csv(path)
    return load_book(path)


def _ask_for_excel(path: Path, kind_id: str, kind_en: str) -> NotAWorkbookError:
    return NotAWorkbookError(
        path,
        f"berkas ini {kind_id}, bukan buku kerja: minta versi Excel (.xlsx) rencana aksinya "
        "kepada penyusunnya.",
        f"this file is {kind_en}, not a workbook: ask whoever made the plan for its Excel "
        "version (.xlsx).",
    )


def _load_zip(path: Path) -> Book:
    """A zip: an .xlsx read from the zip opened here (once), a .docx refused, an .ods
    read by its reader; anything else the .xlsx reader refuses in its words."""
    try:
        handle = path.open("rb")
    except OSError:
        return load_book(path)
    with handle:
        try:
            zf = zipfile.ZipFile(handle)
        except _ZIP_ERRORS:
            return load_book(path)  # the .xlsx reader says why, in its words
        with zf:
            kind = _zip_kind(zf)
            if kind == "xlsx":
                return load_book(path, (handle, zf))
    if kind == "word":
        raise _ask_for_excel(path, "dokumen Word (.docx)", "a Word document (.docx)")
    if kind == "ods":
        from .ods import load_ods

        return load_ods(path)
    return load_book(path)


_ZIP_ERRORS = (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, zlib.error)


def _zip_kind(zf: zipfile.ZipFile) -> str:
    try:
        names = zf.namelist()
        if "xl/workbook.xml" in names:
            return "xlsx"
        if any(n.startswith("word/") for n in names):
            return "word"
        small = "mimetype" in names and zf.getinfo("mimetype").file_size < 200
        if small and b"opendocument.spreadsheet" in zf.read("mimetype"):
            return "ods"
    except _ZIP_ERRORS:
        pass  # the .xlsx reader says why, in its words
    return ""


def _check_size(path: Path) -> None:
    size = path.stat().st_size
    if size > MAX_OTHER_BYTES:
        raise UnsafeWorkbookError(
            path,
            f"berkas berukuran {size // (1024 * 1024)} MiB, jauh melebihi rencana aksi mana "
            "pun; ditolak tanpa dibuka.",
            f"the file is {size // (1024 * 1024)} MiB, far beyond any real plan; refused "
            "without opening it.",
        )


def calamine_book(path: Path) -> Any:
    """An .xls or .ods opened by python-calamine (values, and merges for .xls)."""
    from python_calamine import CalamineWorkbook

    _check_size(path)
    try:
        with quiet_stderr():
            return CalamineWorkbook.from_path(str(path))
    except _ABORTS:
        raise
    except BaseException as exc:  # calamine raises its own types (or panics) on damage
        raise _unreadable(path, exc) from exc


def calamine_sheets(path: Path, book: Any) -> list[tuple[str, bool]]:
    """(name, hidden) of every worksheet, in order."""
    out = []
    for meta in book.sheets_metadata:
        if "WorkSheet" not in str(meta.typ):
            continue
        out.append((meta.name, "Visible" not in str(meta.visible)))
    return out


def _load_xls(path: Path) -> Book:
    """A legacy .xls: values and merges; links behind text cannot be read (told once).

    The BIFF records are walked first (:mod:`.biff`): a sheet over the cell budget is
    refused before calamine reserves room for it, and date cells get their format."""
    from .biff import scan_biff
    from .ole import workbook_stream

    _check_size(path)
    try:
        data = path.read_bytes()
    except OSError:
        return load_book(path)  # the .xlsx reader says why, in its words
    measured, dates = scan_biff(path, workbook_stream(path, data))
    del data
    by_name = {sheet.name: sheet for sheet in measured}
    book = calamine_book(path)
    sheets = []
    for name, hidden in calamine_sheets(path, book):
        sheet = _values(path, name, book, 0, 256)  # an .xls has at most 256 columns
        sheet.hidden = hidden
        found = by_name.get(name)
        for ref, xf in found.formats.items() if found else ():
            if xf < len(dates) and dates[xf]:
                sheet.formats[ref] = dates[xf]
        sheets.append(sheet)
    note = ReadNote("links-not-readable", params=(("kind", ".xls"),))
    return Book(path, sheets, notes=[note])
