"""The same plan in the formats offices save: .ods, .xls (xlwt) and .csv, by code.

:func:`grid_of` reads an .xlsx (values, merged ranges, hyperlinks) with openpyxl;
:func:`write_ods`, :func:`write_xls` and :func:`write_csv` write that grid again.
The .ods is a zip of XML written by hand (links as ``text:a``, merges as spans).
"""

from __future__ import annotations

import csv
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import openpyxl
from openpyxl.utils import range_boundaries

__all__ = ["Grid", "grid_of", "write_csv", "write_ods", "write_xls"]


@dataclass
class Grid:
    name: str
    cells: dict[tuple[int, int], Any] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    links: dict[tuple[int, int], str] = field(default_factory=dict)
    height: int = 0
    width: int = 0


def grid_of(path: Path) -> Grid:
    ws = openpyxl.load_workbook(path).worksheets[0]
    grid = Grid(ws.title, height=ws.max_row, width=ws.max_column)
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is not None:
                grid.cells[(cell.row, cell.column)] = cell.value
            if cell.hyperlink is not None and cell.hyperlink.target:
                grid.links[(cell.row, cell.column)] = cell.hyperlink.target
    for rng in ws.merged_cells.ranges:
        c1, r1, c2, r2 = range_boundaries(str(rng))
        grid.merges.append((r1, c1, r2, c2))
    return grid


_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.2"'
)
_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest='
    '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type='
    '"application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def _ods_cell(grid: Grid, r: int, c: int, covered: set[tuple[int, int]], month: bool) -> str:
    if (r, c) in covered:
        return "<table:covered-table-cell/>"
    span = ""
    for r1, c1, r2, c2 in grid.merges:
        if (r1, c1) == (r, c):
            span = (
                f' table:number-rows-spanned="{r2 - r1 + 1}"'
                f' table:number-columns-spanned="{c2 - c1 + 1}"'
            )
    value = grid.cells.get((r, c))
    if value is None:
        return f"<table:table-cell{span}/>"
    if isinstance(value, (datetime, date)):
        day = value.date() if isinstance(value, datetime) else value
        style = ' table:style-name="ceM"' if month else ""
        return (
            f'<table:table-cell{span}{style} office:value-type="date" '
            f'office:date-value="{day.isoformat()}"><text:p>{day.isoformat()}</text:p>'
            "</table:table-cell>"
        )
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (
            f'<table:table-cell{span} office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    text = str(value)
    link = grid.links.get((r, c))
    paragraphs = []
    for i, line in enumerate(text.split("\n")):
        body = escape(line)
        if link and i == 0:
            body = f'<text:a xlink:href={quoteattr(link)} xlink:type="simple">{body}</text:a>'
        paragraphs.append(f"<text:p>{body}</text:p>")
    return (
        f'<table:table-cell{span} office:value-type="string">{"".join(paragraphs)}'
        "</table:table-cell>"
    )


def write_ods(grid: Grid, path: Path, *, month_dates: bool = False) -> Path:
    """``month_dates``: date cells styled to show only month and year."""
    covered = {
        (r, c)
        for r1, c1, r2, c2 in grid.merges
        for r in range(r1, r2 + 1)
        for c in range(c1, c2 + 1)
        if (r, c) != (r1, c1)
    }
    rows = []
    for r in range(1, grid.height + 1):
        cells = "".join(
            _ods_cell(grid, r, c, covered, month_dates) for c in range(1, grid.width + 1)
        )
        rows.append(f"<table:table-row>{cells}</table:table-row>")
    rows.append(
        '<table:table-row table:number-rows-repeated="1048000"><table:table-cell/>'
        "</table:table-row>"
    )
    styles = (
        '<office:automatic-styles><number:date-style style:name="N1"><number:month '
        'number:style="long" number:textual="true"/><number:text> </number:text>'
        '<number:year number:style="long"/></number:date-style><style:style style:name="ceM" '
        'style:family="table-cell" style:data-style-name="N1"/></office:automatic-styles>'
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {_NS}>{styles}'
        f"<office:body><office:spreadsheet><table:table table:name={quoteattr(grid.name)}>"
        f'<table:table-column table:number-columns-repeated="{grid.width}"/>'
        f"{''.join(rows)}</table:table></office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(
            "mimetype",
            "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        zf.writestr("META-INF/manifest.xml", _MANIFEST)
        zf.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


def write_xls(grid: Grid, path: Path, *, date_format: str = "dd/mm/yyyy") -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet(grid.name[:31])
    starts = {(r1, c1): (r2, c2) for r1, c1, r2, c2 in grid.merges}
    covered = {
        (r, c)
        for r1, c1, r2, c2 in grid.merges
        for r in range(r1, r2 + 1)
        for c in range(c1, c2 + 1)
    }
    date_style = xlwt.easyxf(num_format_str=date_format)
    for (r, c), value in grid.cells.items():
        style = date_style if isinstance(value, (date, datetime)) else xlwt.Style.default_style
        if (r, c) in starts:
            r2, c2 = starts[(r, c)]
            sheet.write_merge(r - 1, r2 - 1, c - 1, c2 - 1, value, style)
        elif (r, c) not in covered:
            sheet.write(r - 1, c - 1, value, style)
    book.save(str(path))
    return path


def write_csv(grid: Grid, path: Path, *, delimiter: str = ";", encoding: str = "utf-8-sig") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        for r in range(1, grid.height + 1):
            row = []
            for c in range(1, grid.width + 1):
                value = grid.cells.get((r, c))
                if isinstance(value, float) and value.is_integer():
                    value = int(value)
                row.append("" if value is None else value)
            writer.writerow(row)
    return path
