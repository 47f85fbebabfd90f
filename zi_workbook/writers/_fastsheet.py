"""A worksheet that writes a streamed row of text and number cells in one go.

In ``constant_memory`` mode xlsxwriter writes each finished row cell by cell: per cell a
list of attributes, an attribute escape that raises and catches a ``TypeError`` for the
style number, three regular-expression passes over the text and a write to the file.
:class:`FastSheet` writes the same bytes for a row of cells with a style (every cell our
workbooks write: texts, numbers, dates and blank bordered cells) in one string: a plain
text is tested once for anything to escape, and the rare cell of another kind is left to
xlsxwriter. :meth:`FastSheet.write_cells` takes a whole row's cells in one call (the
Status sheet's rows), a row given only a height shares one row record per height, and
links are kept as text until the sheet closes (``_fastlinks.py``).
``tests/test_fastsheet.py`` holds the output byte for byte to xlsxwriter's own.

Only the xlsxwriter versions it was checked against use it (see :data:`CHECKED`); any
other gets the stock worksheet.
"""

from __future__ import annotations

import os
import re
import shutil
from math import isfinite
from typing import Any

import xlsxwriter
from xlsxwriter.workbook import Workbook

from .. import _regex
from ._fastlinks import NAMES, FastPackager, LinkCells, col_name

try:  # a record of what set_row gave a row (xlsxwriter 3.2.1 on)
    from xlsxwriter.worksheet import RowInfo as _RowInfo
except ImportError:  # pragma: no cover - older versions keep a list per row
    _RowInfo = None

__all__ = ["CHECKED", "FastSheet", "fast_workbook_class"]

#: xlsxwriter versions whose row writer this one was compared with (major, minor): 3.3
#: (3.3.0 and 3.3.1 tried; 3.2 keeps row heights in ``set_rows``, not ``row_info``).
CHECKED = ((3, 3),)

_KEEP = ' xml:space="preserve"'
_INLINE = ' t="inlineStr"><is><t'
#: The cell kinds written here; any other goes to xlsxwriter's own writer.
_FAST = frozenset(("String", "Number", "Datetime", "Blank"))
#: Anything xlsxwriter would change in an inline string: XML specials, control
#: characters (but tab and newline), an ``_xHHHH_`` look-alike, the two non-characters.
_SPECIAL = _regex.compile("[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_")
#: A character _SPECIAL may start at: a search for one character of a set is ~3x
#: faster than _SPECIAL's (an alternation is tried at each character), and finds none
#: in ~98 % of a status workbook's texts.
_MAYBE_SPECIAL = _regex.compile("[&<>\x00-\x08\x0b-\x1f\ufffe\uffff_]")


class FastSheet(LinkCells):
    """xlsxwriter's worksheet, with a one-string writer for streamed rows."""

    def __init__(self) -> None:
        super().__init__()
        #: the XML of the current row's cells made by write_cells, by column
        self._ready: dict[int, str] = {}
        #: whether _ready's columns came in ascending order
        self._ready_sorted = True
        #: each format's style number (a format's number never changes once given)
        self._xfs: dict[Any, int] = {}

    def write_cells(self, row: int, cells: list[tuple[int, Any, Any]]) -> None:
        """Write ``cells`` - (column, value, format), columns ascending, every format
        given - to ``row``, as ``_write_string`` (a ``str`` value) and ``_write_number``
        (an ``int`` or ``float``) would, one call per cell, and with the same bytes; in
        ``constant_memory`` the cells' XML is made here, at once. A cell written here is
        not written again."""
        me: Any = self
        if (
            not cells
            or not self.constant_memory
            or self.comments
            or row < me.previous_row
            or row >= me.xls_rowmax
            or cells[-1][0] >= me.xls_colmax
        ):
            for col, value, fmt in cells:
                if value.__class__ is str:
                    self._write_string(row, col, value, fmt)
                else:
                    self._write_number(row, col, value, fmt)
            return
        self._check_dimensions(row, cells[0][0])
        self._check_dimensions(row, cells[-1][0])
        if row > me.previous_row:
            self._write_single_row(row)
        else:
            kept = self.table.get(row)
            for col, _value, _fmt in cells if kept else ():
                kept.pop(col, None)  # written before: the last write counts
        ready, xfs = self._ready, self._xfs
        if ready and next(reversed(ready)) >= cells[0][0]:
            self._ready_sorted = False
        number, names, maybe = str(row + 1), NAMES, _MAYBE_SPECIAL.search
        for col, value, fmt in cells:
            xf = xfs.get(fmt)
            if xf is None:
                if fmt is None:  # the row's or column's format: xlsxwriter's own writer
                    self._later(row, col, value, fmt)
                    continue
                xf = xfs[fmt] = fmt._get_xf_index()
            ref = names.get(col) or col_name(col)
            if value.__class__ is str:
                if len(value) > 16383:  # maybe over Excel's limit: xlsxwriter cuts it
                    self._later(row, col, value, fmt)
                    continue
                if maybe(value) is None:  # nothing to escape (most texts): made here
                    # leading or trailing white space is kept with xml:space="preserve"
                    keep = _KEEP if value.strip() != value else ""
                    xml = f'<c r="{ref}{number}" s="{xf}"{_INLINE}{keep}>{value}</t></is></c>'
                else:
                    made = self._text_xml(ref + number, xf, value)
                    if made is None:
                        self._later(row, col, value, fmt)
                        continue
                    xml = made
            elif value.__class__ is int or (value.__class__ is float and isfinite(value)):
                xml = f'<c r="{ref}{number}" s="{xf}"><v>{value:.16G}</v></c>'
            else:
                self._later(row, col, value, fmt)
                continue
            ready[col] = xml

    def _later(self, row: int, col: int, value: Any, fmt: Any) -> None:
        """A cell write_cells leaves to xlsxwriter; written with the row's other cells
        (xlsxwriter's table wins over _ready for a column in both)."""
        if value.__class__ is str:
            self._write_string(row, col, value, fmt)
        else:
            self._write_number(row, col, value, fmt)

    def _text_xml(self, ref: str, xf: int, text: str) -> str | None:
        """An inline text cell's XML, or None for one xlsxwriter takes as rich text."""
        if _MAYBE_SPECIAL.search(text) is not None and _SPECIAL.search(text) is not None:
            text = self._escape_control_characters(text)
            if text.startswith("<r>") and text.endswith("</r>"):  # a rich string
                return None
            text = self._escape_data(text)
        keep = text and (text[0].isspace() or text[-1].isspace())
        return (
            f'<c r="{ref}" s="{xf}" t="inlineStr"><is><t{_KEEP if keep else ""}>{text}</t></is></c>'
        )

    def _write_single_row(self, current_row_num: int = 0) -> None:
        me: Any = self  # xlsxwriter's attributes, untyped
        row_num = me.previous_row
        cells = self.table.get(row_num) if self.constant_memory else None
        ready = self._ready
        if not ready and (not cells or row_num in self.comments):
            super()._write_single_row(current_row_num)
            return
        me.previous_row = current_row_num
        info = self.row_info.get(row_num)
        start = self._row_start(row_num, info)
        if start is None:
            self._write_row(row_num, None, info)
            start = ""
        if cells:
            number = str(row_num + 1)
            xfs = self._xfs
            for col, cell in cells.items():
                ready[col] = self._table_xml(row_num, col, cell, number, xfs)
            self._ready_sorted = False
        # one write a row: each write to the (read-write) row file resets its decoder
        if self._ready_sorted:
            me.fh.write(start + "".join(ready.values()) + "</row>")
        else:
            me.fh.write(start + "".join([ready[col] for col in sorted(ready)]) + "</row>")
            self._ready_sorted = True
        ready.clear()
        self.table.clear()
        self.row_info.pop(row_num, None)  # written: its height is no longer needed

    def _row_start(self, row: int, info: Any) -> str | None:
        """The <row> tag xlsxwriter writes for a row with at most a height, else None."""
        me: Any = self
        if info is None:
            height = me.default_row_height
        elif (
            info.__class__ is _RowInfo
            and info.row_format is None
            and not info.hidden
            and not info.level
            and not info.collapsed
        ):
            height = me.default_row_height if info.height is None else info.height
        else:
            return None
        if me.excel_version == 2010:
            return None
        if height != me.original_row_height or height != me.default_row_height:
            return f'<row r="{row + 1}" ht="{height * 0.75:.16g}" customHeight="1">'
        return f'<row r="{row + 1}">'

    def _write_optimized_sheet_data(self) -> None:
        """xlsxwriter's: the rows kept in a temporary file, copied into the sheet's XML;
        here as bytes (xlsxwriter reads them back as text and encodes them again)."""
        me: Any = self
        out = getattr(me.fh, "buffer", None)
        if me.dim_rowmin is None or out is None or me.row_data_fh is None:
            super()._write_optimized_sheet_data()
            return
        me.fh.write("<sheetData>")
        me.fh.flush()
        me.row_data_fh.close()  # its last rows written out
        with open(me.row_data_filename, "rb") as rows:
            shutil.copyfileobj(rows, out, 1 << 20)
        os.unlink(me.row_data_filename)
        me.fh.write("</sheetData>")

    def _table_xml(self, row: int, col: int, cell: Any, number: str, xfs: dict[Any, int]) -> str:
        """The XML of a cell xlsxwriter keeps in its table: made here for a text,
        number, date or blank cell with a format, by xlsxwriter for any other."""
        fmt = cell.format
        kind = type(cell).__name__
        if fmt is None or kind not in _FAST:
            return self._cell_xml(row, col, cell)
        xf = xfs.get(fmt)
        if xf is None:
            xf = xfs[fmt] = fmt._get_xf_index()
        ref = col_name(col) + number
        if kind == "String":
            xml = self._text_xml(ref, xf, cell.string)
            return self._cell_xml(row, col, cell) if xml is None else xml
        if kind == "Blank":  # a bordered empty cell (the summary's lists)
            return f'<c r="{ref}" s="{xf}"/>'
        # a number, or a date already made a number by write_datetime
        return f'<c r="{ref}" s="{xf}"><v>{cell.number:.16G}</v></c>'

    def set_row(self, row: int, height: Any = None, *args: Any, **kwargs: Any) -> Any:
        """xlsxwriter's; the [height, hidden] it keeps per row for placing notes and
        images is one shared pair per distinct height instead of a list per row, and a
        row given only a height gets its row record and pair made once per height."""
        me: Any = self
        if height is not None and not args and not kwargs and _RowInfo is not None:
            pixels = int(height * 4.0 / 3.0 + 0.5)
            if pixels > 0:
                min_col = 0 if me.dim_colmin is None else me.dim_colmin
                if self._check_dimensions(row, min_col):
                    return -1
                shared = _ROWS.get(pixels)
                if shared is None:
                    shared = _ROWS[pixels] = (_RowInfo(height=pixels), (pixels, False))
                me.row_info[row], me.row_sizes[row] = shared
                return 0
        done = super().set_row(row, height, *args, **kwargs)
        size = me.row_sizes.get(row)
        if size is not None:
            key = (size[0], size[1])
            me.row_sizes[row] = _SIZES.setdefault(key, key)
        return done

    def _cell_xml(self, row: int, col: int, cell: Any) -> str:
        """What xlsxwriter writes for one cell (written to a string, not the file)."""
        me: Any = self
        fh = me.fh
        out: list[str] = []
        me.fh = _Collect(out)
        try:
            self._write_cell(row, col, cell)
        finally:
            me.fh = fh
        return "".join(out)


class _Collect:
    def __init__(self, out: list[str]) -> None:
        self.write = out.append


#: a row record and size pair per height in pixels, shared (xlsxwriter never changes them)
_ROWS: dict[int, tuple[Any, tuple[int, bool]]] = {}
_SIZES: dict[tuple[Any, Any], tuple[Any, Any]] = {}


class _FastWorkbook(Workbook):  # type: ignore[misc]
    def add_worksheet(self, name: str | None = None, worksheet_class: Any = None) -> Any:
        return super().add_worksheet(name, worksheet_class or FastSheet)

    def _get_packager(self) -> Any:
        return FastPackager()


def fast_workbook_class() -> type[Any]:
    """The Workbook class to stream with: ours when xlsxwriter is a checked version."""
    version = tuple(int(p) for p in re.findall(r"\d+", xlsxwriter.__version__)[:2])
    return _FastWorkbook if version in CHECKED else Workbook
