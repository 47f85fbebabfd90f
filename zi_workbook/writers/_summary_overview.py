"""The Ringkasan sheet: totals per area with their chart, unread files, every office."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..i18n import kind_label
from ..i18n.dates import long_date
from ..i18n.inspectorate import ilabel
from ..i18n.summary import slabel
from ..model import AREAS
from ..summary import NO_AREA, OfficeSummary, Summary
from ._fit import Grid
from ._summary_common import (
    CHART_STATUSES,
    FILLS,
    Fmt,
    area_label,
    counts_row,
    heads,
    page_setup,
    start_sheet,
)

__all__ = ["kinds_text", "opened_text", "write_ringkasan"]

_LINES = {"complete": "#3A7D44", "overdue": "#9C0006", "needs_fix": "#9C6500", "not_due": "#7F7F7F"}
_COUNT_KEYS = (*CHART_STATUSES, "total")

#: One row per office: unit, file, year, as-of, other versions, 4 statuses, total, the
#: two rates, link kinds, SHA-256 (after --check-links, the link check before SHA-256:
#: see :func:`_office_cols`). Column E is also the area column of the totals table.
_OFFICE_COLS = (
    ("unit", 24),
    ("file", 22),
    ("plan_year", 7),
    ("as_of", 11),
    ("versions", 36),
    *((s, 10) for s in CHART_STATUSES),
    ("total", 8),
    ("due_complete", 12),
    ("all_complete", 12),
    ("link_kinds", 30),
    ("sha256", 24),
)
_KINDS_COL = 12  # M: the office's links by kind, then (after --check-links) the check


def _office_cols(summary: Summary) -> list[tuple[str, int]]:
    cols = list(_OFFICE_COLS)
    if summary.links_checked:
        cols.insert(_KINDS_COL + 1, ("link_status", 17))
    return cols


def kinds_text(kinds: dict[str, int], lang: str) -> str:
    """``Tautan pemendek 52 · Situs pemerintah (go.id) 4`` (``Tidak ada tautan`` if none)."""
    if not kinds:
        return slabel("no_safe_links", lang)
    return " · ".join(f"{kind_label(kind, lang)} {n}" for kind, n in kinds.items())


def opened_text(checked: dict[str, int], lang: str) -> str:
    """``Tautan terbuka 50 / tidak terbuka 7``."""
    return (
        f"{slabel('links_opened', lang)} {checked.get('ok', 0)} / "
        f"{slabel('links_not_opened', lang)} {checked.get('broken', 0)}"
    )


_AREA_COL = 4  # E: the totals table and the chart's categories
_CHART_PX = 340


def write_ringkasan(wb: Any, fmt: Fmt, summary: Summary) -> None:
    lang = summary.lang
    cols = _office_cols(summary)
    widths = [w for _, w in cols]
    ws, grid = start_sheet(wb, fmt, summary, "sheet_summary", "title_summary", widths)
    first = _totals_table(grid, fmt, summary, 3)
    ws.insert_chart(
        3,
        0,
        _chart(wb, ws.name, first, lang, _chart_width(_OFFICE_COLS)),
        {"x_offset": 4, "y_offset": 4},
    )
    below = _failed_list(grid, fmt, summary, first + 8)
    chart_end, covered = 3, 0.0
    while covered < _CHART_PX + 8:
        covered += grid.height_px(chart_end)
        chart_end += 1
    top = max(chart_end, below) + 2
    ws.write_string(top - 1, 0, slabel("offices_heading", lang), fmt.section)
    heads(grid, fmt, top, [k for k, _ in cols], lang)
    row = top + 1
    for office in summary.offices:
        _office_row(grid, fmt, office, summary, row, len(cols))
        row += 1
    grid.fit()
    page_setup(ws, top, row - 1, len(cols), freeze=2)


def _chart_width(cols: Sequence[tuple[str, int]]) -> int:
    """The pixels of columns A..D, where the chart stands."""
    return sum(int(width * 7 + 5) for _, width in cols[:_AREA_COL]) - 12


def _totals_table(grid: Grid, fmt: Fmt, summary: Summary, top: int) -> int:
    """The totals-per-area table in columns E..K; returns the row of area I."""
    lang = summary.lang
    grid.ws.write_string(top, _AREA_COL, slabel("totals_heading", lang), fmt.section)
    heads(
        grid, fmt, top + 1, ("area", *_COUNT_KEYS, "due_complete", "all_complete"), lang, _AREA_COL
    )
    first = top + 2
    totals, rates = summary.area_totals(), summary.area_rates()
    for n, numeral in enumerate(AREAS):
        grid.text(first + n, _AREA_COL, area_label(numeral, lang), fmt.text)
        counts_row(grid.ws, fmt, first + n, _AREA_COL + 1, totals[numeral], rates[numeral])
    last = first + len(AREAS)
    if totals[NO_AREA]["total"]:  # actions above any area row are counted, not dropped
        grid.text(last, _AREA_COL, ilabel("no_area_col", lang), fmt.text)
        counts_row(grid.ws, fmt, last, _AREA_COL + 1, totals[NO_AREA], rates[NO_AREA])
        last += 1
    grid.text(last, _AREA_COL, slabel("total", lang), fmt.band)
    counts_row(grid.ws, fmt, last, _AREA_COL + 1, summary.totals, summary.rates, bold=True)
    return first


def _chart(wb: Any, sheet: str, first: int, lang: str, width: int) -> Any:
    """A stacked bar per area; every series reads a column of the totals table."""
    chart = wb.add_chart({"type": "bar", "subtype": "stacked"})
    last = first + len(AREAS) - 1
    for i, key in enumerate(CHART_STATUSES, start=1):
        col = _AREA_COL + i
        chart.add_series(
            {
                "name": [sheet, first - 1, col],
                "categories": [sheet, first, _AREA_COL, last, _AREA_COL],
                "values": [sheet, first, col, last, col],
                "fill": {"color": FILLS[key]},
                "border": {"color": _LINES[key]},
                "gap": 50,
            }
        )
    chart.set_title({"name": slabel("chart_title", lang), "name_font": {"size": 11}})
    chart.set_y_axis({"reverse": True, "num_font": {"size": 8}})
    chart.set_x_axis(
        {
            "min": 0,
            "num_font": {"size": 8},
            "major_gridlines": {"visible": True, "line": {"color": "#E0E0E0"}},
        }
    )
    chart.set_legend({"position": "bottom", "font": {"size": 8}})
    chart.set_size({"width": width, "height": _CHART_PX})
    return chart


def _failed_list(grid: Grid, fmt: Fmt, summary: Summary, top: int) -> int:
    """The files that could not be read, under the totals table; returns the next row."""
    if not summary.failed:
        return top
    lang = summary.lang
    grid.ws.write_string(top, _AREA_COL, slabel("failed_heading", lang), fmt.section)
    row = top + 1
    for entry in summary.failed:
        grid.text(row, _AREA_COL, entry.path, fmt.failed)
        grid.text(row, _AREA_COL + 1, entry.reason or "", fmt.failed, span=6)
        row += 1
    return row


def _office_row(
    grid: Grid, fmt: Fmt, office: OfficeSummary, summary: Summary, row: int, n_cols: int
) -> None:
    """One row per office; a plan without actions says *belum diisi* in red."""
    lang, ws = summary.lang, grid.ws
    sha = n_cols - 1
    grid.text(row, 0, office.label, fmt.band if office.unit else fmt.flagged)
    grid.text(row, 1, office.shown or office.name, fmt.text)
    grid.text(row, 2, str(office.plan_year or "-"), fmt.number)
    grid.text(row, 3, long_date(summary.as_of, lang), fmt.number)
    grid.text(row, 4, "\n".join(office.versions), fmt.faint)
    if office.total:
        counts_row(ws, fmt, row, 5, office.counts, office.rates)
    else:
        grid.text(row, 5, ilabel("empty", lang), fmt.failed, span=7)
    grid.text(row, _KINDS_COL, kinds_text(office.link_kinds, lang), fmt.faint)
    if summary.links_checked:
        checked = office.links_checked
        broken = checked is not None and checked.get("broken", 0) > 0
        text = opened_text(checked, lang) if checked is not None else ""
        grid.text(row, _KINDS_COL + 1, text, fmt.failed if broken else fmt.faint)
    grid.text(row, sha, office.sha256 or "", fmt.hash, scale=0.65)
