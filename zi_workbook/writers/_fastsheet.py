"""A worksheet that writes a streamed row of text and number cells in one go.

In ``constant_memory`` mode xlsxwriter writes each finished row cell by cell: per cell a
list of attributes, an attribute escape that raises and catches a ``TypeError`` for the
style number, three regular-expression passes over the text and a write to the file.
:class:`FastSheet` writes the same bytes for a row of cells with a style (every cell our
workbooks write: texts, numbers, dates and blank bordered cells) in one string: a plain
text is tested once for anything to escape, and the rare cell of another kind is left to
xlsxwriter.
``tests/test_fastsheet.py`` holds the output byte for byte to xlsxwriter's own.

Only the xlsxwriter versions it was checked against use it (see :data:`CHECKED`); any
other gets the stock worksheet.
"""

from __future__ import annotations

import re
from array import array
from math import isfinite
from typing import Any

import xlsxwriter
from xlsxwriter.url import Url, UrlTypes
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from .. import _regex

__all__ = ["CHECKED", "FastSheet", "fast_workbook_class"]

#: xlsxwriter versions whose row writer this one was compared with (major, minor).
CHECKED = ((3, 1), (3, 2), (3, 3))

_KEEP = ' xml:space="preserve"'
#: The cell kinds written here; any other goes to xlsxwriter's own writer.
_FAST = frozenset(("String", "Number", "Datetime", "Blank"))
#: Links Url makes nothing more of than its target (and, for a web link, a location).
_PLAIN_LINKS = ("http://", "https://", "mailto:")
#: The characters Url._escape_url may change in a link; without them it is unchanged.
_URL_SPECIAL = _regex.compile('[%" <>\\[\\]^`{}]')
#: Anything xlsxwriter would change in an inline string: XML specials, control
#: characters (but tab and newline), an ``_xHHHH_`` look-alike, the two non-characters.
_SPECIAL = _regex.compile("[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_")
#: A character _SPECIAL may start at: a search for one character of a set is ~3x
#: faster than _SPECIAL's (an alternation is tried at each character), and finds none
#: in ~98 % of a status workbook's texts.
_MAYBE_SPECIAL = _regex.compile("[&<>\x00-\x08\x0b-\x1f\ufffe\uffff_]")


class FastSheet(Worksheet):  # type: ignore[misc]  # xlsxwriter is untyped here
    """xlsxwriter's worksheet, with a one-string writer for streamed rows."""

    def __init__(self) -> None:
        super().__init__()
        #: the XML of the current row's cells made by write_cells, by column
        self._ready: dict[int, str] = {}
        #: whether _ready's columns came in ascending order
        self._ready_sorted = True
        #: each format's style number (a format's number never changes once given)
        self._xfs: dict[int, int] = {}

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
        number = str(row + 1)
        for col, value, fmt in cells:
            xf = xfs.get(id(fmt)) if fmt is not None else None
            if xf is None:
                if fmt is None:  # the row's or column's format: xlsxwriter's own writer
                    self._later(row, col, value, fmt)
                    continue
                xf = xfs[id(fmt)] = fmt._get_xf_index()
            ref = _NAMES.get(col) or _col_name(col)
            if value.__class__ is str:
                if len(value) > 16383:  # maybe over Excel's limit: xlsxwriter cuts it
                    self._later(row, col, value, fmt)
                    continue
                xml = self._text_xml(ref + number, xf, value)
                if xml is None:
                    self._later(row, col, value, fmt)
                    continue
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
        self._write_row(row_num, None, self.row_info.get(row_num))
        if cells:
            number = str(row_num + 1)
            xfs = self._xfs
            for col, cell in cells.items():
                ready[col] = self._table_xml(row_num, col, cell, number, xfs)
            self._ready_sorted = False
        if self._ready_sorted:
            me.fh.write("".join(ready.values()) + "</row>")
        else:
            me.fh.write("".join([ready[col] for col in sorted(ready)]) + "</row>")
            self._ready_sorted = True
        ready.clear()
        self.table.clear()
        self.row_info.pop(row_num, None)  # written: its height is no longer needed

    def _table_xml(self, row: int, col: int, cell: Any, number: str, xfs: dict[int, int]) -> str:
        """The XML of a cell xlsxwriter keeps in its table: made here for a text,
        number, date or blank cell with a format, by xlsxwriter for any other."""
        fmt = cell.format
        kind = type(cell).__name__
        if fmt is None or kind not in _FAST:
            return self._cell_xml(row, col, cell)
        xf = xfs.get(id(fmt))
        if xf is None:
            xf = xfs[id(fmt)] = fmt._get_xf_index()
        ref = _col_name(col) + number
        if kind == "String":
            xml = self._text_xml(ref, xf, cell.string)
            return self._cell_xml(row, col, cell) if xml is None else xml
        if kind == "Blank":  # a bordered empty cell (the summary's lists)
            return f'<c r="{ref}" s="{xf}"/>'
        # a number, or a date already made a number by write_datetime
        return f'<c r="{ref}" s="{xf}"><v>{cell.number:.16G}</v></c>'

    def set_row(self, row: int, height: Any = None, *args: Any, **kwargs: Any) -> Any:
        """xlsxwriter's; the [height, hidden] it keeps per row for placing notes and
        images is one shared pair per distinct height instead of a list per row."""
        done = super().set_row(row, height, *args, **kwargs)
        me: Any = self
        size = me.row_sizes.get(row)
        if size is not None:
            key = (size[0], size[1])
            me.row_sizes[row] = _SIZES.setdefault(key, key)
        return done

    def _write_url(
        self,
        row: int,
        col: int,
        url: Any,
        cell_format: Any = None,
        string: str | None = None,
        tip: str | None = None,
    ) -> int:
        """xlsxwriter's, then the link kept as its cell and text rather than as a Url
        object in a dict per row until the sheet is closed (~200 bytes a link). A plain
        web or mail link with its text (every link our workbooks write) is not made a
        Url object at all: the checks xlsxwriter makes before it are made here."""
        me: Any = self
        if (
            url.__class__ is str
            and string is not None
            and tip is None
            and self.constant_memory
            and url.startswith(_PLAIN_LINKS)
            and url.isascii()
            and len(url) <= me.max_url_length
            and me.hlink_count < 65530
            and not me.ignore_write_string
        ):
            if self._check_dimensions(row, col):
                return -1
            me.hlink_count += 1
            if row > me.previous_row:
                self._write_single_row(row)
            fmt = me.default_url_format if cell_format is None else cell_format
            self._write_string(row, col, string, fmt)
            self._keep_link(row, col, url if string is url else (url, string))
            return 0
        done: int = super()._write_url(row, col, url, cell_format, string, tip)
        if done != 0 or not self.constant_memory:
            return done
        links = me.hyperlinks.pop(row)
        kept = links.pop(col)
        if links:  # another link in this row stays where xlsxwriter put it
            me.hyperlinks[row] = links
        # the text alone when it is all xlsxwriter needs to make the same Url again
        if not isinstance(url, str) or tip is not None:
            self._keep_link(row, col, kept)
        else:
            self._keep_link(row, col, url if string is url else (url, string))
        return done

    def _keep_link(self, row: int, col: int, link: Any) -> None:
        if not hasattr(self, "_link_keys"):
            self._link_keys = array("q")
            self._link_urls: list[Any] = []
        self._link_keys.append((row << 14) | col)
        self._link_urls.append(link)

    def _write_hyperlinks(self) -> None:
        """The <hyperlinks> element, as xlsxwriter writes it; a kept link is made a Url
        object again only while it is written."""
        keys = getattr(self, "_link_keys", None)
        me: Any = self
        if not keys or me.hyperlinks:  # never both in one sheet of ours
            super()._write_hyperlinks()
            return
        urls = self._link_urls
        order = sorted(range(len(keys)), key=keys.__getitem__)
        write = me.fh.write
        rels = me.external_hyper_links
        write("<hyperlinks>")
        for n, i in enumerate(order):
            key = keys[i]
            if n + 1 < len(order) and keys[order[n + 1]] == key:
                continue  # the cell was linked again: the last link counts
            row, col = key >> 14, key & 0x3FFF
            url = urls[i]
            link = url if url.__class__ is str else url[0] if url.__class__ is tuple else None
            if link is not None and link.startswith(_PLAIN_LINKS):
                # what Url makes of a web or mail link: the part after "#" of a web link
                # is its location, the rest (escaped as Url escapes it) its target
                anchor = ""
                if "#" in link and not link.startswith("mailto:"):
                    link, anchor = link.split("#", 1)
                if _URL_SPECIAL.search(link) is not None:
                    link = Url._escape_url(link)
                me.rel_count += 1
                ref = _col_name(col) + str(row + 1)
                if anchor:
                    write(
                        f'<hyperlink ref="{ref}" r:id="rId{me.rel_count}" '
                        f'location="{self._escape_attributes(anchor)}"/>'
                    )
                else:
                    write(f'<hyperlink ref="{ref}" r:id="rId{me.rel_count}"/>')
                rels.append(("/hyperlink", link, "External"))
                continue
            if not isinstance(url, Url):
                link, string = (url, url) if isinstance(url, str) else url
                url = Url(link)
                if string is not None:
                    url._text = string
            if url._link_type in (UrlTypes.URL, UrlTypes.EXTERNAL):
                me.rel_count += 1
                self._write_hyperlink_external(row, col, me.rel_count, url)
                me.external_hyper_links.append(["/hyperlink", url._target(), "External"])
            else:
                self._write_hyperlink_internal(row, col, url)
        write("</hyperlinks>")

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


_NAMES: dict[int, str] = {}
_SIZES: dict[tuple[Any, Any], tuple[Any, Any]] = {}


def _col_name(col: int) -> str:
    name = _NAMES.get(col)
    if name is None:
        name, n = "", col + 1
        while n:
            n, rem = divmod(n - 1, 26)
            name = chr(65 + rem) + name
        _NAMES[col] = name
    return name


class _FastWorkbook(Workbook):  # type: ignore[misc]
    def add_worksheet(self, name: str | None = None, worksheet_class: Any = None) -> Any:
        return super().add_worksheet(name, worksheet_class or FastSheet)


def fast_workbook_class() -> type[Any]:
    """The Workbook class to stream with: ours when xlsxwriter is a checked version."""
    version = tuple(int(p) for p in re.findall(r"\d+", xlsxwriter.__version__)[:2])
    return _FastWorkbook if version in CHECKED else Workbook
