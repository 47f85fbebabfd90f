"""Shared pieces of our xlsxwriter workbooks: formats, safe text and link cells."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from ..links import classify

__all__ = [
    "MAX_LINKS_PER_SHEET",
    "STATUS_FILLS",
    "Formats",
    "LinkBudget",
    "cell_writers",
    "date_format",
    "excel_serial",
    "row_writer",
    "write_text",
]

#: Excel refuses more hyperlinks than this in one worksheet (it "repairs" the file).
MAX_LINKS_PER_SHEET = 65_530

STATUS_FILLS = {
    "complete": "#C6EFCE",
    "overdue": "#FFC7CE",
    "due_soon": "#FFD8A8",
    "needs_fix": "#FFF2A8",
    "not_due": None,
}


def excel_serial(day: date) -> int:
    """``day`` as Excel's serial number, as xlsxwriter's ``write_datetime`` makes it
    (1900 date system: 1 January 1900 is 0, and Excel's 29 February 1900 counted)."""
    n = (day - _EXCEL_EPOCH).days
    if n > 59:
        return n + 1
    return n - 1 if n == 1 else n


_EXCEL_EPOCH = date(1899, 12, 31)


def date_format(lang: str) -> str:
    """Dates in cells as "31 Mei 2022" (Indonesian month names) or "31 May 2022"."""
    return "d mmmm yyyy" if lang == "en" else "[$-421]d mmmm yyyy"


class Formats:
    """The handful of cell formats every workbook of ours uses."""

    def __init__(self, wb: Any, lang: str = "id") -> None:
        base = {"valign": "top", "text_wrap": True, "border": 1, "border_color": "#BFBFBF"}
        self.title = wb.add_format({"bold": True, "font_size": 14})
        self.subtitle = wb.add_format({"italic": True, "font_color": "#404040"})
        self.header = wb.add_format(
            {**base, "bold": True, "bg_color": "#D9E1F2", "valign": "vcenter", "align": "center"}
        )
        self.text = wb.add_format(base)
        self.number = wb.add_format({**base, "align": "center"})
        self.date = wb.add_format({**base, "num_format": date_format(lang), "align": "center"})
        self.link = wb.add_format({**base, "font_color": "#0563C1", "underline": 1})
        self.percent = wb.add_format({**base, "num_format": "0%", "align": "center"})
        self.red_percent = wb.add_format(
            {**base, "num_format": "0%", "align": "center", "bg_color": "#FFC7CE"}
        )
        self.bold = wb.add_format({**base, "bold": True})
        self.status = {
            key: wb.add_format(
                {**base, "bold": True, "align": "center", **({"bg_color": fill} if fill else {})}
            )
            for key, fill in STATUS_FILLS.items()
        }


def cell_writers(ws: Any) -> tuple[Any, Any]:
    """``write_string`` and ``write_number`` of ``ws`` for a loop over many cells:
    xlsxwriter's undecorated methods (the public ones first test whether the row is an
    "A1" text, once per cell), or the public ones where they are missing."""
    return (
        getattr(ws, "_write_string", ws.write_string),
        getattr(ws, "_write_number", ws.write_number),
    )


def row_writer(ws: Any) -> Callable[[int, list[tuple[int, Any, Any]]], None]:
    """``write(row, cells)`` for ``ws``: cells are (column, value, format), columns
    ascending, a ``str`` value written as text, a number as a number. FastSheet's
    ``write_cells`` (the row's XML made at once), else a call per cell."""
    fast = getattr(ws, "write_cells", None)
    if fast is not None:
        return fast  # type: ignore[no-any-return]
    write_s, write_n = cell_writers(ws)

    def write(row: int, cells: list[tuple[int, Any, Any]]) -> None:
        for col, value, fmt in cells:
            (write_s if value.__class__ is str else write_n)(row, col, value, fmt)

    return write


def write_text(ws: Any, row: int, col: int, value: str, fmt: Any) -> None:
    """Cell text is always text: never a formula, number or link (write_string)."""
    ws.write_string(row, col, value, fmt)


class LinkBudget:
    """Counts hyperlinks per sheet so we stay under Excel's limit."""

    def __init__(self, limit: int = MAX_LINKS_PER_SHEET) -> None:
        self.left = limit
        self.exceeded = False

    def cell(
        self, ws: Any, row: int, col: int, url: str, formats: Formats
    ) -> tuple[str, Any] | None:
        """:meth:`write_link`, for a row written by ``row_writer``: the (text, format)
        of the cell to write with the row's others, or None when written here."""
        safe = classify(url).is_safe
        if safe and self.left > 0 and len(url) <= 2079:
            self.left -= 1
            keep = getattr(ws, "keep_link", None)
            if keep is not None and keep(row, col, url):
                return url, formats.link
            getattr(ws, "_write_url", ws.write_url)(row, col, url, formats.link, string=url)
            return None
        self.exceeded = self.exceeded or safe
        return url, formats.text

    def write_link(self, ws: Any, row: int, col: int, url: str, formats: Formats) -> None:
        """A clickable link only for a safe url and while the budget lasts; else text."""
        safe = classify(url).is_safe
        if safe and self.left > 0 and len(url) <= 2079:
            self.left -= 1
            # xlsxwriter's undecorated method when it has one (as in cell_writers)
            getattr(ws, "_write_url", ws.write_url)(row, col, url, formats.link, string=url)
            return
        self.exceeded = self.exceeded or safe
        write_text(ws, row, col, url, formats.text)
