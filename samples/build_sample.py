"""Build the bundled sample workbook from the real plan's table text.

The source is Lampiran II of Keputusan KPU Kabupaten Batang Nomor 6 Tahun 2022, the
Rencana Aksi table as extracted from the printed PDF (``source/lampiran_ii_...txt``):
one tab-separated line per table row, the header and the column-number row repeated
at every page break, ``<i>...</i>`` for italic text, and a signature block below.

The workbook keeps the quirks staff really have in Excel: the repeated header rows,
area rows written in one cell or in two, rows broken across a page break, the
number 44652 in TARGET WAKTU, hyperlinks on single-link cells only.

Run ``python samples/build_sample.py`` to rebuild ``samples/01_kpu_kab_batang_2022.xlsx``.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import xlsxwriter

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "source" / "lampiran_ii_kpu_batang_2022.txt"
OUTPUT = HERE / "01_kpu_kab_batang_2022.xlsx"
SHEET = "Lampiran II"
NCOLS = 7
LINK_COL = 5
TARGET_COL = 6
COLUMN_WIDTHS = (5, 18, 28, 32, 26, 42, 14)
CHAR_PX = 5.8  # the average width of an Arial 10 character, in pixels
LINE_PT = 12.75  # the height of one line of Arial 10, in points
SIGNATURE_COL = 5  # F
CERTIFIED_COPY_COL = 4  # E

_ROMAN = re.compile(r"^(I|II|III|IV|V|VI|VII|VIII|IX|X)(?:\s+\S.*)?$")
_URL = re.compile(r"https?://\S+")
_ITALIC = re.compile(r"<i>(.*?)</i>", re.DOTALL)

Format = Any  # xlsxwriter.format.Format; xlsxwriter ships no type information


@dataclass(frozen=True)
class TableLine:
    """One line of the table text: its kind and its tab-separated fields."""

    kind: str  # "header", "numbers", "area" or "row"
    fields: tuple[str, ...]


@dataclass(frozen=True)
class Source:
    """The Lampiran II text split into title lines, table lines and signature lines."""

    titles: tuple[str, ...]
    table: tuple[TableLine, ...]
    signature: tuple[str, ...]


def classify(fields: tuple[str, ...]) -> str:
    """Say what a table line is: header, column numbers, area or an action row."""
    if fields[:2] == ("NO", "KOMPONEN"):
        return "header"
    if fields == tuple(str(n) for n in range(1, NCOLS + 1)):
        return "numbers"
    if _ROMAN.match(fields[0]) and not any(f.strip() for f in fields[2:]):
        return "area"
    return "row"


def parse_titles(lines: list[str]) -> tuple[str, ...]:
    """The bold title (``**...**``) above the table, one entry per line."""
    start = next(i for i, line in enumerate(lines) if line.startswith("**"))
    end = next(i for i in range(start, len(lines)) if lines[i].rstrip().endswith("**"))
    return tuple(line.strip().strip("*").strip() for line in lines[start : end + 1])


def parse_source(text: str) -> Source:
    """Split the Lampiran II text into its title, table and signature."""
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("NO\tKOMPONEN"))
    last = max(i for i, line in enumerate(lines) if "\t" in line)
    table: list[TableLine] = []
    for line in lines[first : last + 1]:
        if not line.strip():
            continue  # a page break in the printed PDF: no row in Excel
        fields = tuple(line.split("\t"))
        if len(fields) != NCOLS:
            raise ValueError(f"expected {NCOLS} fields, got {len(fields)}: {line!r}")
        table.append(TableLine(classify(fields), fields))
    return Source(parse_titles(lines[:first]), tuple(table), tuple(lines[last + 1 :]))


class Styles:
    """The cell formats of the sample, made once per workbook."""

    def __init__(self, wb: Any) -> None:
        base = {"font_name": "Arial", "font_size": 10, "valign": "top"}
        cell = {**base, "border": 1, "text_wrap": True}
        self.title: Format = wb.add_format(
            {**base, "bold": True, "font_size": 12, "align": "center"}
        )
        self.header: Format = wb.add_format(
            {**cell, "bold": True, "bg_color": "#D9D9D9", "align": "center", "valign": "vcenter"}
        )
        self.area: Format = wb.add_format({**cell, "bold": True})
        self.cell: Format = wb.add_format(cell)
        self.number: Format = wb.add_format({**cell, "align": "center"})
        self.italic: Format = wb.add_format({**cell, "italic": True})
        self.italic_run: Format = wb.add_format({**base, "italic": True})
        self.link: Format = wb.add_format({**cell, "font_color": "#0563C1", "underline": 1})
        self.signature: Format = wb.add_format({**base, "align": "center"})
        self.plain: Format = wb.add_format(base)


def write_text(ws: Any, row: int, col: int, text: str, styles: Styles) -> None:
    """Write text as a string; ``<i>`` markup becomes an italic cell or italic runs."""
    if not text:
        ws.write_blank(row, col, None, styles.cell)
        return
    whole = _ITALIC.fullmatch(text)
    if whole and "<i>" not in whole.group(1):
        ws.write_string(row, col, whole.group(1), styles.italic)
    elif "<i>" in text:
        ws.write_rich_string(row, col, *rich_fragments(text, styles), styles.cell)
    else:
        ws.write_string(row, col, text, styles.cell)


def rich_fragments(text: str, styles: Styles) -> list[Any]:
    """Fragments for write_rich_string: plain strings, and italic format + string."""
    fragments: list[Any] = []
    pos = 0
    for match in _ITALIC.finditer(text):
        if match.start() > pos:
            fragments.append(text[pos : match.start()])
        fragments += [styles.italic_run, match.group(1)]
        pos = match.end()
    if pos < len(text):
        fragments.append(text[pos:])
    return fragments


def write_link_cell(ws: Any, row: int, text: str, styles: Styles) -> None:
    """A single URL becomes a hyperlink; several URLs or a bare domain stay text."""
    urls = _URL.findall(text)
    if len(urls) == 1 and text.strip() == urls[0]:
        ws.write_url(row, LINK_COL, urls[0], styles.link, string=urls[0])
    else:
        write_text(ws, row, LINK_COL, text, styles)


def wrapped_lines(text: str, width: float) -> int:
    """How many lines ``text`` takes when wrapped in a column ``width`` characters wide."""
    per_line = max(1, int(((width * 7 + 5) - 6) / CHAR_PX))
    lines, used = 1, 0
    for word in text.split():
        if used and used + 1 + len(word) > per_line:
            lines, used = lines + 1, 0
        used += len(word) + (1 if used else 0)
        while used > per_line:  # a long URL breaks anywhere
            lines, used = lines + 1, used - per_line
    return lines


def row_height(fields: tuple[str, ...]) -> float:
    """A row height that shows every wrapped cell whole (Excel does not autofit here)."""
    texts = (_ITALIC.sub(r"\1", text) for text in fields)
    lines = max(wrapped_lines(t, w) for t, w in zip(texts, COLUMN_WIDTHS, strict=True))
    return LINE_PT * lines + 2


def write_action(ws: Any, row: int, fields: tuple[str, ...], styles: Styles) -> None:
    """An action row (or a continuation of one): seven bordered, wrapped cells."""
    ws.set_row(row, row_height(fields))
    for col, text in enumerate(fields):
        if col in (0, TARGET_COL) and text.isdigit():
            fmt = styles.number if col == 0 else styles.cell
            ws.write_number(row, col, int(text), fmt)
        elif col == LINK_COL:
            write_link_cell(ws, row, text, styles)
        else:
            write_text(ws, row, col, text, styles)


def write_area(ws: Any, row: int, fields: tuple[str, ...], styles: Styles) -> None:
    """An area row: numeral and title in A and B:G, or all of it merged over A:G."""
    if fields[1].strip():
        ws.write_string(row, 0, fields[0], styles.area)
        ws.merge_range(row, 1, row, NCOLS - 1, fields[1], styles.area)
    else:
        ws.merge_range(row, 0, row, NCOLS - 1, fields[0], styles.area)


def write_header(ws: Any, row: int, line: TableLine, styles: Styles) -> None:
    """The header row or the column-number row (numbers stored as numbers)."""
    for col, text in enumerate(line.fields):
        if line.kind == "numbers":
            ws.write_number(row, col, int(text), styles.header)
        else:
            ws.write_string(row, col, text, styles.header)


def write_table(ws: Any, first_row: int, table: tuple[TableLine, ...], styles: Styles) -> int:
    """Write the table from ``first_row`` (0-based); return the row after its last line."""
    breaks: list[int] = []
    row = first_row
    for line in table:
        if line.kind == "header":
            write_header(ws, row, line, styles)
            if row > first_row:
                breaks.append(row)  # the printed page broke here
        elif line.kind == "numbers":
            write_header(ws, row, line, styles)
        elif line.kind == "area":
            write_area(ws, row, line.fields, styles)
        else:
            write_action(ws, row, line.fields, styles)
        row += 1
    ws.set_h_pagebreaks(breaks)
    return row


def signature_layout(lines: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """(row offset, column, text) of each signature line below the table.

    Single blank lines are the PDF's line spacing and are dropped; a longer run of
    blank lines (the space for a signature) keeps all but one. The signatory's block
    goes in F, the certified-copy block ("Salinan sesuai dengan aslinya") in E.
    """
    layout: list[tuple[int, int, str]] = []
    offset, col, blanks = 1, SIGNATURE_COL, 0
    for raw in lines:
        text = raw.strip()
        if not text:
            blanks += 1
            continue
        if text.startswith("Salinan"):
            col, offset = CERTIFIED_COPY_COL, offset + 1
        elif blanks > 1:
            offset += blanks - 1
        layout.append((offset, col, text))
        offset, blanks = offset + 1, 0
    return layout


def write_signature(ws: Any, first_row: int, lines: tuple[str, ...], styles: Styles) -> None:
    """The signature block, without borders."""
    for offset, col, text in signature_layout(lines):
        fmt = styles.signature if col == SIGNATURE_COL else styles.plain
        ws.write_string(first_row + offset, col, text, fmt)


def set_up_page(ws: Any) -> None:
    """Column widths and print setup: A4 landscape, fitted to the page width."""
    for col, width in enumerate(COLUMN_WIDTHS):
        ws.set_column(col, col, width)
    ws.set_paper(9)
    ws.set_landscape()
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    ws.fit_to_pages(1, 0)


def build(out_path: str | Path = OUTPUT, source_path: str | Path = SOURCE) -> Path:
    """Build the sample workbook at ``out_path`` from the Lampiran II text."""
    out = Path(out_path)
    source = parse_source(Path(source_path).read_text(encoding="utf-8"))
    wb = xlsxwriter.Workbook(str(out))
    wb.set_properties({"created": datetime(2022, 4, 7)})
    styles = Styles(wb)
    ws = wb.add_worksheet(SHEET)
    for row, title in enumerate(source.titles):
        ws.merge_range(row, 0, row, NCOLS - 1, title, styles.title)
    # the titles, one empty row, then the table
    end = write_table(ws, len(source.titles) + 1, source.table, styles)
    write_signature(ws, end, source.signature, styles)
    set_up_page(ws)
    wb.close()
    return out


def main(argv: list[str]) -> int:
    out = build(argv[1] if len(argv) > 1 else OUTPUT)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
