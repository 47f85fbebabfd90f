"""An OpenDocument spreadsheet (.ods): values by python-calamine, the rest from XML.

calamine gives the cell values; the hyperlinks (``text:a``), the merged ranges
(``number-rows-spanned``/``number-columns-spanned``) and which date cells show only
a month or a year are read here from ``content.xml`` with defusedxml, over a
size-bounded zip stream. Repeated rows and columns only move the counters.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from ..errors import CorruptWorkbookError, UnsafeWorkbookError
from .extent import RangeBudget, check_area
from .formats import calamine_book, calamine_sheets
from .safety import check_members, check_zip_budget, open_member
from .workbook import Book, Sheet, _values

__all__ = ["load_ods"]

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_NUMBER = "{urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_XLINK = "{http://www.w3.org/1999/xlink}"
_CELLS = (_TABLE + "table-cell", _TABLE + "covered-table-cell")
_MAX_REPEAT = 1 << 20


@dataclass
class _Extras:
    links: dict[tuple[int, int], str] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    styles: dict[tuple[int, int], str] = field(default_factory=dict)
    #: rows and columns spanned by the cells that hold a value, repeats counted
    height: int = 0
    width: int = 0


def load_ods(path: Path) -> Book:
    """The XML is read (and a DTD refused) before calamine opens the file."""
    try:
        with zipfile.ZipFile(path) as zf:
            check_zip_budget(path, zf)
            check_members(path, zf)
            extras, formats = _read_content(path, zf)
    except DefusedXmlException as exc:
        raise UnsafeWorkbookError(
            path,
            "XML di dalam berkas memuat DTD atau entitas (pola serangan 'bom XML'); ditolak.",
            "the XML inside declares a DTD or entities (an XML-bomb pattern); refused.",
        ) from exc
    except (
        zipfile.BadZipFile,
        OSError,
        ValueError,
        EOFError,
        SyntaxError,
        LookupError,
        zlib.error,
    ) as exc:
        raise CorruptWorkbookError(
            path,
            "berkas .ods rusak atau terpotong; simpan ulang lalu coba lagi.",
            "the .ods file is damaged or truncated; save it again and retry.",
        ) from exc
    book = calamine_book(path)
    sheets = []
    for name, hidden in calamine_sheets(path, book):
        sheet = _values(path, name, book, 0, 16384)
        sheet.hidden = hidden
        _apply(sheet, extras.get(name), formats)
        sheets.append(sheet)
    return Book(path, sheets)


def _apply(sheet: Sheet, extra: _Extras | None, formats: dict[str, str]) -> None:
    if extra is None:
        return
    sheet.links.update(extra.links)
    if not sheet.merges:
        budget = RangeBudget(max(sheet.max_row, extra.height), max(extra.width, 1))
        sheet.merges = [box for box in (budget.take(*m) for m in extra.merges) if box]
    for ref, style in extra.styles.items():
        if style in formats:
            sheet.formats[ref] = formats[style]


def _read_content(path: Path, zf: zipfile.ZipFile) -> tuple[dict[str, _Extras], dict[str, str]]:
    data_styles: dict[str, set[str]] = {}
    cell_styles: dict[str, str] = {}
    out: dict[str, _Extras] = {}
    stream = open_member(path, zf, "content.xml")
    walker = _Walker(out, path)
    current_date: tuple[str, set[str]] | None = None
    try:
        for event, el in iterparse(stream, events=("start", "end"), forbid_dtd=True):
            tag = el.tag
            if tag == _NUMBER + "date-style":
                if event == "start":
                    current_date = (el.get(_STYLE + "name", ""), set())
                elif current_date:
                    data_styles[current_date[0]] = current_date[1]
                    current_date = None
            elif current_date and event == "start" and tag.startswith(_NUMBER):
                current_date[1].add(tag[len(_NUMBER) :])
            elif tag == _STYLE + "style" and event == "start":
                data = el.get(_STYLE + "data-style-name")
                if data:
                    cell_styles[el.get(_STYLE + "name", "")] = data
            else:
                walker.event(event, el)
            if event == "end" and tag in (*_CELLS, _TABLE + "table-row"):
                el.clear()
    finally:
        stream.close()
    formats = {}
    for style, data in cell_styles.items():
        parts = data_styles.get(data)
        if parts:
            formats[style] = _format(parts)
    return out, formats


def _format(parts: set[str]) -> str:
    if "day" in parts:
        return "dd/mm/yyyy"
    if "month" in parts:
        return "mmmm yyyy" if "year" in parts else "mmmm"
    return "yyyy"


class _Walker:
    """Counts rows and columns through repeats; notes links, spans and date styles."""

    def __init__(self, out: dict[str, _Extras], path: Path) -> None:
        self.out = out
        self.path = path
        self.name = ""
        self.sheet: _Extras | None = None
        self.row = 0
        self.col = 0
        self.row_repeat = 1
        self.rows_claimed = 1
        self.cell: tuple[int, int] | None = None

    def event(self, event: str, el: Any) -> None:
        tag = el.tag
        if tag == _TABLE + "table" and event == "start":
            self.name = el.get(_TABLE + "name", "")
            self.sheet = self.out.setdefault(self.name, _Extras())
            self.row = 0
        elif tag == _TABLE + "table-row":
            if event == "start":
                self.rows_claimed = max(int(el.get(_TABLE + "number-rows-repeated", "1")), 1)
                self.row_repeat = min(self.rows_claimed, _MAX_REPEAT)
                self.row += 1
                self.col = 0
            else:
                self.row += self.row_repeat - 1
        elif tag in _CELLS and self.sheet is not None:
            if event == "start":
                self.col += 1
                self.cell = (self.row, self.col)
                self._cell_start(el)
            else:
                repeat = int(el.get(_TABLE + "number-columns-repeated", "1"))
                if el.get(_OFFICE + "value-type") or len(el):
                    self._holds(self.col + max(repeat, 1) - 1)
                self.col += min(repeat, 16384) - 1
                self.cell = None
        elif tag == _TEXT + "a" and event == "start" and self.cell and self.sheet is not None:
            href = el.get(_XLINK + "href", "")
            if href:
                self.sheet.links.setdefault(self.cell, href)

    def _holds(self, last_col: int) -> None:
        """A cell with a value reaches ``last_col`` in every repeat of its row: the
        sheet is refused, as an .xlsx is, once that spans more than the cell budget."""
        assert self.sheet is not None
        sheet = self.sheet
        sheet.height = max(sheet.height, self.row + self.rows_claimed - 1)
        sheet.width = max(sheet.width, last_col)
        check_area(self.path, self.name, sheet.height, sheet.width)

    def _cell_start(self, el: Any) -> None:
        assert self.sheet is not None
        rows = int(el.get(_TABLE + "number-rows-spanned", "1"))
        cols = int(el.get(_TABLE + "number-columns-spanned", "1"))
        if rows > 1 or cols > 1:
            r, c = self.row, self.col
            self.sheet.merges.append(
                (r, c, r + min(rows, _MAX_REPEAT) - 1, c + min(cols, 16384) - 1)
            )
        style = el.get(_TABLE + "style-name")
        if style and el.get(_OFFICE + "value-type") == "date":
            self.sheet.styles[(self.row, self.col)] = style
