"""The Per Area sheet: every area, its total over all offices and each office's counts."""

from __future__ import annotations

from typing import Any

from xlsxwriter.utility import xl_rowcol_to_cell

from ..i18n.summary import slabel
from ..model import AREAS
from ..summary import Summary
from ._summary_common import (
    CHART_STATUSES,
    HEAD,
    Fmt,
    counts_row,
    heads,
    page_setup,
    start_sheet,
)

__all__ = ["write_per_area"]

_AREA_SHEET_COLS = (
    ("area", 6),
    ("area_name", 36),
    ("office", 26),
    ("file", 24),
    *((s, 10) for s in CHART_STATUSES),
    ("total", 8),
    ("completion", 13),
)


def write_per_area(wb: Any, fmt: Fmt, summary: Summary) -> None:
    lang = summary.lang
    widths = [w for _, w in _AREA_SHEET_COLS]
    ws, grid = start_sheet(wb, fmt, summary, "sheet_per_area", "per_area_title", widths)
    ws.write_string(2, 0, slabel("red_below_half", lang), fmt.subtitle)
    heads(grid, fmt, HEAD, [k for k, _ in _AREA_SHEET_COLS], lang)
    row = HEAD + 1
    totals = summary.area_totals()
    for numeral, names in AREAS.items():
        name = names["en" if lang == "en" else "id"]
        lines = [(slabel("all_offices", lang), "", totals[numeral], True)]
        lines += [(o.unit or "-", o.name, o.areas[numeral], False) for o in summary.read]
        for office, file, counts, bold in lines:
            for col, text in enumerate((numeral, name, office, file)):
                grid.text(row, col, text, fmt.band if bold else fmt.text, bold=bold)
            counts_row(ws, fmt, row, 4, counts, bold=bold)
            row += 1
    rate = len(_AREA_SHEET_COLS) - 1
    ws.conditional_format(
        HEAD + 1,
        rate,
        row - 1,
        rate,
        {
            "type": "data_bar",
            "bar_color": "#63BE7B",
            "bar_solid": True,
            "min_type": "num",
            "min_value": 0,
            "max_type": "num",
            "max_value": 1,
        },
    )
    cell = xl_rowcol_to_cell(HEAD + 1, rate, row_abs=False, col_abs=True)
    ws.conditional_format(
        HEAD + 1,
        rate,
        row - 1,
        rate,
        {"type": "formula", "criteria": f"=AND(ISNUMBER({cell}),{cell}<0.5)", "format": fmt.red},
    )
    grid.fit()
    page_setup(ws, HEAD, row - 1, len(_AREA_SHEET_COLS))
