"""A plan saved as CSV: the encoding and the delimiter sniffed, one sheet of text.

Offices save CSV from Excel in UTF-8 (with or without a byte-order mark) or in the
Windows code page (cp1252), separated by commas, semicolons (Indonesian Excel) or
tabs. Every cell is text; the header is then found as in a workbook. Merged cells
and links behind text do not exist in a CSV.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .workbook import Book, Sheet

__all__ = ["decode", "load_csv", "sniff_delimiter"]

_DELIMITERS = ";,\t|"


def decode(data: bytes) -> str:
    """UTF-8 (a BOM dropped), else cp1252, else Latin-1 (which never fails)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines most evenly into several fields."""
    sample = text[: 64 * 1024]
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        lines = [line for line in sample.splitlines()[:50] if line.strip()]
        counts = {d: sum(line.count(d) for line in lines) for d in _DELIMITERS}
        return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def load_csv(path: Path) -> Book:
    text = decode(path.read_bytes())
    delimiter = sniff_delimiter(text)
    sheet = Sheet(path.stem or "CSV")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for r, values in enumerate(reader, start=1):
        cells = {c: v for c, v in enumerate(values, start=1) if v.strip()}
        if cells:
            sheet.cells[r] = dict(cells)
        sheet.max_row = r
    return Book(path, [sheet])
