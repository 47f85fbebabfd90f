"""The Berkas sheet: every file found, what happened to it, why, and which office."""

from __future__ import annotations

from typing import Any

from ..i18n.inspectorate import ilabel
from ..summary import Summary
from ._summary_common import HEAD, Fmt, heads, page_setup, start_sheet

__all__ = ["STATUS_COLOURS", "write_files"]

#: Fill and font of each file status (``None``: plain).
STATUS_COLOURS: dict[str, tuple[str, str] | None] = {
    "read": None,
    "read-with-warning": ("#FFF2A8", "#7F6000"),
    "other-version": ("#EDEDED", "#595959"),
    "empty": ("#FFC7CE", "#9C0006"),
    "skipped": ("#EDEDED", "#595959"),
    "failed": ("#FFC7CE", "#9C0006"),
}

_COLS = (("rank", 5), ("file", 44), ("file_status", 20), ("reason", 60), ("unit", 34))


def write_files(wb: Any, fmt: Fmt, summary: Summary) -> None:
    lang = summary.lang
    ws, grid = start_sheet(wb, fmt, summary, "sheet_files", "files_title", [w for _, w in _COLS])
    heads(grid, fmt, HEAD, [k for k, _ in _COLS], lang)
    base = {"valign": "top", "text_wrap": True, "border": 1, "border_color": "#BFBFBF"}
    styles = {
        status: fmt.text
        if colours is None
        else wb.add_format({**base, "bg_color": colours[0], "font_color": colours[1]})
        for status, colours in STATUS_COLOURS.items()
    }
    row = HEAD + 1
    for n, entry in enumerate(summary.files, start=1):
        ws.write_number(row, 0, n, fmt.number)
        grid.text(row, 1, entry.path, fmt.text)
        grid.text(row, 2, ilabel(entry.status, lang), styles[entry.status])
        grid.text(row, 3, entry.reason or "", fmt.text)
        grid.text(row, 4, entry.unit or "", fmt.text)
        row += 1
    grid.fit()
    page_setup(ws, HEAD, row - 1, len(_COLS))
