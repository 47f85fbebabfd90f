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
from typing import Any

import xlsxwriter
from xlsxwriter.url import Url, UrlTypes
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

__all__ = ["CHECKED", "FastSheet", "fast_workbook_class"]

#: xlsxwriter versions whose row writer this one was compared with (major, minor).
CHECKED = ((3, 1), (3, 2), (3, 3))

#: Anything xlsxwriter would change in an inline string: XML specials, control
#: characters (but tab and newline), an ``_xHHHH_`` look-alike, the two non-characters.
_KEEP = ' xml:space="preserve"'
#: The cell kinds written here; any other goes to xlsxwriter's own writer.
_FAST = frozenset(("String", "Number", "Datetime", "Blank"))
_SPECIAL = re.compile("[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_")


class FastSheet(Worksheet):  # type: ignore[misc]  # xlsxwriter is untyped here
    """xlsxwriter's worksheet, with a one-string writer for streamed rows."""

    def _write_single_row(self, current_row_num: int = 0) -> None:
        me: Any = self  # xlsxwriter's attributes, untyped
        row_num = me.previous_row
        cells = self.table.get(row_num) if self.constant_memory else None
        if not cells or row_num in self.comments:
            super()._write_single_row(current_row_num)
            return
        me.previous_row = current_row_num
        self._write_row(row_num, None, self.row_info.get(row_num))
        number = str(row_num + 1)
        parts = []
        xfs: dict[int, int] = {}
        for col in sorted(cells):
            cell = cells[col]
            fmt = cell.format
            kind = type(cell).__name__
            if fmt is None or kind not in _FAST:
                parts.append(self._cell_xml(row_num, col, cell))
                continue
            xf = xfs.get(id(fmt))
            if xf is None:
                xf = xfs[id(fmt)] = fmt._get_xf_index()
            ref = _col_name(col) + number
            if kind != "String":
                if kind == "Blank":  # a bordered empty cell (the summary's lists)
                    parts.append(f'<c r="{ref}" s="{xf}"/>')
                else:  # a number, or a date already made a number by write_datetime
                    parts.append(f'<c r="{ref}" s="{xf}"><v>{cell.number:.16G}</v></c>')
                continue
            text = cell.string
            if _SPECIAL.search(text) is not None:
                text = self._escape_control_characters(text)
                if text.startswith("<r>") and text.endswith("</r>"):  # a rich string
                    parts.append(self._cell_xml(row_num, col, cell))
                    continue
                text = self._escape_data(text)
            keep = text and (text[0].isspace() or text[-1].isspace())
            parts.append(
                f'<c r="{ref}" s="{xf}" t="inlineStr"><is><t{_KEEP if keep else ""}>'
                f"{text}</t></is></c>"
            )
        parts.append("</row>")
        me.fh.write("".join(parts))
        self.table.clear()
        self.row_info.pop(row_num, None)  # written: its height is no longer needed

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
        object in a dict per row until the sheet is closed (~200 bytes a link)."""
        done: int = super()._write_url(row, col, url, cell_format, string, tip)
        if done != 0 or not self.constant_memory:
            return done
        me: Any = self
        links = me.hyperlinks.pop(row)
        kept = links.pop(col)
        if links:  # another link in this row stays where xlsxwriter put it
            me.hyperlinks[row] = links
        if not hasattr(self, "_link_keys"):
            self._link_keys = array("q")
            self._link_urls: list[Any] = []
        self._link_keys.append((row << 14) | col)
        # the text alone when it is all xlsxwriter needs to make the same Url again
        if not isinstance(url, str) or tip is not None:
            self._link_urls.append(kept)
        else:
            self._link_urls.append(url if string is url else (url, string))
        return done

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
        self._xml_start_tag("hyperlinks")
        for n, i in enumerate(order):
            key = keys[i]
            if n + 1 < len(order) and keys[order[n + 1]] == key:
                continue  # the cell was linked again: the last link counts
            row, col = key >> 14, key & 0x3FFF
            url = urls[i]
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
        self._xml_end_tag("hyperlinks")

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
