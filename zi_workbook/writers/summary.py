"""The Inspectorate's summary workbook: every office, area and status (xlsxwriter).

Sheets: Ringkasan (totals per area with a stacked bar chart that reads them, the
files that could not be read, then every office overall and per area, with its
links counted by kind and, after --check-links, how many opened), Per Area,
Terlambat and Perlu Perbaikan (each action with its links, their kinds and whether
they opened), and Temuan; labels in Bahasa Indonesia or English. Links are
clickable only through ``LinkBudget.write_link`` (http, https and mailto).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from .._i18n import kind_label, label
from .._i18n_summary import slabel
from ..findings import FINDING_TYPES
from ..model import AREAS
from ..summary import ActionItem, OfficeSummary, Summary
from ._atomic import atomic_path
from ._book import STATUS_FILLS, Formats, LinkBudget
from ._fit import Grid, wrapped_lines

__all__ = ["CHART_STATUSES", "write_summary_workbook"]

#: Status columns of every table and series of the chart, in this order.
CHART_STATUSES = ("complete", "overdue", "needs_fix", "not_due")
_FILLS = {**STATUS_FILLS, "not_due": "#D9D9D9"}
_LINES = {"complete": "#3A7D44", "overdue": "#9C0006", "needs_fix": "#9C6500", "not_due": "#7F7F7F"}
_COUNT_KEYS = (*CHART_STATUSES, "total")
_HEAD = 3  # the header row of every sheet but Ringkasan


class _Fmt(Formats):
    """Our shared formats plus the few this workbook needs."""

    def __init__(self, wb: Any) -> None:
        super().__init__(wb)
        base = {"valign": "top", "text_wrap": True, "border": 1, "border_color": "#BFBFBF"}
        self.section = wb.add_format({"bold": True, "font_size": 12, "font_color": "#1F3864"})
        band = {**base, "bold": True, "bg_color": "#EEF3FA"}
        self.pct_bold = wb.add_format({**band, "num_format": "0%", "align": "center"})
        self.num_bold = wb.add_format({**band, "align": "center"})
        self.band = wb.add_format(band)
        self.faint = wb.add_format({**base, "font_color": "#808080"})
        self.hash = wb.add_format({**base, "font_size": 7})
        self.failed = wb.add_format({**base, "bg_color": "#FFC7CE", "font_color": "#9C0006"})
        self.red = wb.add_format({"bg_color": "#FFC7CE", "font_color": "#9C0006"})
        self.count = {
            key: wb.add_format({**base, "align": "center", "bg_color": _FILLS[key]})
            for key in CHART_STATUSES
        }
        self.head = {
            key: wb.add_format(
                {
                    **base,
                    "bold": True,
                    "align": "center",
                    "valign": "vcenter",
                    "bg_color": _FILLS[key],
                }
            )
            for key in CHART_STATUSES
        }


def write_summary_workbook(summary: Summary, out: str | Path) -> Path:
    """Write the summary workbook of ``summary`` to ``out`` atomically; return the path."""
    out = Path(out)
    inputs = tuple(Path(o.file) for o in summary.offices)
    with atomic_path(out, inputs) as tmp:
        wb = xlsxwriter.Workbook(
            str(tmp),
            {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False},
        )
        wb.set_properties({"title": slabel("title_summary", summary.lang), "author": "zi-workbook"})
        fmt = _Fmt(wb)
        _ringkasan(wb, fmt, summary)
        _per_area(wb, fmt, summary)
        _actions(wb, fmt, summary, "overdue")
        _actions(wb, fmt, summary, "needs_fix")
        _findings(wb, fmt, summary)
        wb.close()
    return out


def _area_label(numeral: str, lang: str) -> str:
    return f"{numeral} · {AREAS[numeral]['en' if lang == 'en' else 'id']}"


def _counts_row(
    ws: Any, fmt: _Fmt, row: int, col: int, counts: dict[str, int], bold: bool = False
) -> None:
    """Four status counts, the total and the completion rate from column ``col``."""
    for i, key in enumerate(CHART_STATUSES):
        value = counts[key]
        cell = fmt.num_bold if bold else fmt.count[key] if value else fmt.number
        ws.write_number(row, col + i, value, cell)
    ws.write_number(row, col + 4, counts["total"], fmt.num_bold if bold else fmt.number)
    if counts["total"]:
        ws.write_number(
            row,
            col + 5,
            counts["complete"] / counts["total"],
            fmt.pct_bold if bold else fmt.percent,
        )
    else:
        ws.write_string(row, col + 5, "-", fmt.number)


def _heads(grid: Grid, fmt: _Fmt, row: int, keys: Sequence[str], lang: str, col: int = 0) -> None:
    for i, key in enumerate(keys):
        grid.text(row, col + i, slabel(key, lang), fmt.head.get(key, fmt.header), bold=True)


def _page(ws: Any, head_row: int, last_row: int, n_cols: int, freeze: int | None = None) -> None:
    ws.freeze_panes(head_row + 1 if freeze is None else freeze, 0)
    ws.autofilter(head_row, 0, max(last_row, head_row + 1), n_cols - 1)
    ws.repeat_rows(head_row)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    ws.set_footer("&L&A&R&P / &N")


def _title(ws: Any, fmt: _Fmt, key: str, summary: Summary) -> None:
    lang = summary.lang
    ws.write_string(0, 0, slabel(key, lang), fmt.title)
    ws.write_string(
        1,
        0,
        f"{slabel('as_of', lang)} {summary.as_of.isoformat()} · "
        f"{len(summary.offices)} {slabel('files', lang)} · {len(summary.read)} "
        f"{slabel('plans_read', lang)} · {len(summary.failed)} "
        f"{slabel('plans_failed', lang)}",
        fmt.subtitle,
    )


# --------------------------------------------------------------------------- Ringkasan

#: unit, file, year, as-of, area, 4 statuses, total, rate, link kinds, SHA-256
#: (after --check-links, the link check before SHA-256: see :func:`_office_cols`).
_OFFICE_COLS = (
    ("unit", 24),
    ("file", 22),
    ("plan_year", 7),
    ("as_of", 11),
    ("area", 36),
    *((s, 10) for s in CHART_STATUSES),
    ("total", 8),
    ("completion", 12),
    ("link_kinds", 30),
    ("sha256", 24),
)
_KINDS_COL = 11  # L: the office's links by kind, then (after --check-links) the check


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


def _ringkasan(wb: Any, fmt: _Fmt, summary: Summary) -> None:
    lang = summary.lang
    ws = wb.add_worksheet(slabel("sheet_summary", lang))
    cols = _office_cols(summary)
    grid = Grid(ws, [w for _, w in cols])
    _title(ws, fmt, "title_summary", summary)
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
    _heads(grid, fmt, top, [k for k, _ in cols], lang)
    row = top + 1
    for office in summary.offices:
        row = _office_rows(grid, fmt, office, summary, row, len(cols))
    grid.fit()
    _page(ws, top, row - 1, len(cols), freeze=2)


def _chart_width(cols: Sequence[tuple[str, int]]) -> int:
    """The pixels of columns A..D, where the chart stands."""
    return sum(int(width * 7 + 5) for _, width in cols[:_AREA_COL]) - 12


def _totals_table(grid: Grid, fmt: _Fmt, summary: Summary, top: int) -> int:
    """The totals-per-area table in columns E..K; returns the row of area I."""
    lang = summary.lang
    grid.ws.write_string(top, _AREA_COL, slabel("totals_heading", lang), fmt.section)
    _heads(grid, fmt, top + 1, ("area", *_COUNT_KEYS, "completion"), lang, _AREA_COL)
    first = top + 2
    for n, (numeral, counts) in enumerate(summary.area_totals().items()):
        grid.text(first + n, _AREA_COL, _area_label(numeral, lang), fmt.text)
        _counts_row(grid.ws, fmt, first + n, _AREA_COL + 1, counts)
    grid.text(first + 6, _AREA_COL, slabel("total", lang), fmt.band)
    _counts_row(grid.ws, fmt, first + 6, _AREA_COL + 1, summary.totals, bold=True)
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
                "fill": {"color": _FILLS[key]},
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


def _failed_list(grid: Grid, fmt: _Fmt, summary: Summary, top: int) -> int:
    """The files that could not be read, under the totals table; returns the next row."""
    if not summary.failed:
        return top
    lang = summary.lang
    grid.ws.write_string(top, _AREA_COL, slabel("failed_heading", lang), fmt.section)
    row = top + 1
    for office in summary.failed:
        grid.text(row, _AREA_COL, office.name, fmt.failed)
        grid.text(row, _AREA_COL + 1, office.error or "", fmt.failed, span=6)
        row += 1
    return row


def _office_rows(
    grid: Grid, fmt: _Fmt, office: OfficeSummary, summary: Summary, row: int, n_cols: int
) -> int:
    lang, ws = summary.lang, grid.ws
    as_of = summary.as_of.isoformat()
    sha = n_cols - 1
    if office.error is not None:
        for col, value in enumerate(("-", office.name, "", as_of)):
            grid.text(row, col, value, fmt.failed)
        grid.text(row, 4, f"{slabel('not_read', lang)}: {office.error}", fmt.failed, span=sha - 4)
        grid.text(row, sha, office.sha256 or "", fmt.hash, scale=0.65)
        return row + 1
    year = str(office.plan_year) if office.plan_year else "-"
    parts: list[tuple[str, dict[str, int]]] = [(slabel("all_areas", lang), office.counts)]
    parts += [(_area_label(n, lang), office.areas[n]) for n in AREAS]
    for i, (name, counts) in enumerate(parts):
        ident = fmt.band if i == 0 else fmt.faint
        grid.text(row, 0, office.unit or "-", ident)
        grid.text(row, 1, office.name, ident)
        grid.text(row, 2, year, fmt.num_bold if i == 0 else fmt.number)
        grid.text(row, 3, as_of, fmt.num_bold if i == 0 else fmt.number)
        grid.text(row, 4, name, fmt.band if i == 0 else fmt.text, bold=i == 0)
        _counts_row(ws, fmt, row, 5, counts, bold=i == 0)
        grid.text(row, _KINDS_COL, kinds_text(office.link_kinds, lang) if i == 0 else "", ident)
        if summary.links_checked:
            checked = office.links_checked if i == 0 else None
            broken = checked is not None and checked.get("broken", 0) > 0
            text = opened_text(checked, lang) if checked is not None else ""
            grid.text(row, _KINDS_COL + 1, text, fmt.failed if broken else ident)
        grid.text(row, sha, (office.sha256 or "") if i == 0 else "", fmt.hash, scale=0.65)
        row += 1
    return row


# --------------------------------------------------------------------------- Per Area

_AREA_SHEET_COLS = (
    ("area", 6),
    ("area_name", 36),
    ("office", 26),
    ("file", 24),
    *((s, 10) for s in CHART_STATUSES),
    ("total", 8),
    ("completion", 13),
)


def _per_area(wb: Any, fmt: _Fmt, summary: Summary) -> None:
    lang = summary.lang
    ws = wb.add_worksheet(slabel("sheet_per_area", lang))
    grid = Grid(ws, [w for _, w in _AREA_SHEET_COLS])
    _title(ws, fmt, "per_area_title", summary)
    ws.write_string(2, 0, slabel("red_below_half", lang), fmt.subtitle)
    _heads(grid, fmt, _HEAD, [k for k, _ in _AREA_SHEET_COLS], lang)
    row = _HEAD + 1
    totals = summary.area_totals()
    for numeral, names in AREAS.items():
        name = names["en" if lang == "en" else "id"]
        lines = [(slabel("all_offices", lang), "", totals[numeral], True)]
        lines += [(o.unit or "-", o.name, o.areas[numeral], False) for o in summary.read]
        for office, file, counts, bold in lines:
            for col, text in enumerate((numeral, name, office, file)):
                grid.text(row, col, text, fmt.band if bold else fmt.text, bold=bold)
            _counts_row(ws, fmt, row, 4, counts, bold=bold)
            row += 1
    rate = len(_AREA_SHEET_COLS) - 1
    ws.conditional_format(
        _HEAD + 1,
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
    cell = xl_rowcol_to_cell(_HEAD + 1, rate, row_abs=False, col_abs=True)
    ws.conditional_format(
        _HEAD + 1,
        rate,
        row - 1,
        rate,
        {"type": "formula", "criteria": f"=AND(ISNUMBER({cell}),{cell}<0.5)", "format": fmt.red},
    )
    grid.fit()
    _page(ws, _HEAD, row - 1, len(_AREA_SHEET_COLS))


# --------------------------------------------------------------------------- lists

_ACTION_COLS = (
    ("office", 18),
    ("file", 18),
    ("cell", 14),
    ("area", 5),
    ("component", 20),
    ("indicator", 30),
    ("action", 32),
    ("target", 14),
    ("deadline", 11),
    ("days_late", 9),
    ("missing", 22),
)


#: At most this many link columns; the last one holds the rest as text.
_MAX_LINK_COLS = 3


def _actions(wb: Any, fmt: _Fmt, summary: Summary, status: str) -> None:
    lang = summary.lang
    ws = wb.add_worksheet(slabel(f"sheet_{status}", lang))
    listed = [
        (office, item)
        for office in summary.read
        for item in (office.overdue if status == "overdue" else office.needs_fix)
    ]
    n_links = min(max([len(item.links) for _, item in listed] or [1]) or 1, _MAX_LINK_COLS)
    link_heads = [
        label("link", lang) if n_links == 1 else f"{label('link', lang)} {i + 1}"
        for i in range(n_links)
    ]
    cols = [*_ACTION_COLS, *((h, 24) for h in link_heads), ("link_kinds", 17)]
    cols += [("link_status", 22)] if summary.links_checked else []
    grid = Grid(ws, [w for _, w in cols])
    _title(ws, fmt, f"{status}_title", summary)
    _heads(grid, fmt, _HEAD, [k for k, _ in _ACTION_COLS], lang)
    for i, head in enumerate(link_heads):
        grid.text(_HEAD, len(_ACTION_COLS) + i, head, fmt.header, bold=True)
    _heads(
        grid,
        fmt,
        _HEAD,
        [k for k, _ in cols[len(_ACTION_COLS) + n_links :]],
        lang,
        len(_ACTION_COLS) + n_links,
    )
    budget = LinkBudget()
    row = _HEAD + 1
    for office, item in listed:
        _action_row(grid, fmt, row, office, item, lang)
        _link_cells(grid, fmt, budget, row, item, n_links, summary)
        row += 1
    if row == _HEAD + 1:
        grid.text(row, 0, slabel(f"no_{status}", lang), fmt.text, span=4)
        row += 1
    if budget.exceeded:
        ws.write_string(2, 0, label("hyperlink_cap", lang), fmt.subtitle)
    grid.fit()
    _page(ws, _HEAD, row - 1, len(cols))


def _action_row(
    grid: Grid, fmt: _Fmt, row: int, office: OfficeSummary, item: ActionItem, lang: str
) -> None:
    texts = (
        office.unit or "-",
        office.name,
        f"{item.sheet}!{item.row}",
        item.area or slabel("no_area", lang),
        item.component,
        item.indicator,
        item.action,
        item.target_text,
    )
    for col, text in enumerate(texts):
        grid.text(row, col, text, fmt.text)
    if item.deadline is not None:
        grid.ws.write_datetime(row, 8, _dt(item.deadline), fmt.date)
    else:
        grid.text(row, 8, "", fmt.text)
    if item.days_late is not None:
        grid.ws.write_number(row, 9, item.days_late, fmt.number)
    else:
        grid.text(row, 9, "", fmt.text)
    grid.text(row, 10, "; ".join(item.missing), fmt.text)


def _link_cells(
    grid: Grid,
    fmt: _Fmt,
    budget: LinkBudget,
    row: int,
    item: ActionItem,
    n_links: int,
    summary: Summary,
) -> None:
    """The row's links (clickable only through the budget), their kinds, and the check."""
    lang, links, first = summary.lang, item.links, len(_ACTION_COLS)
    for i in range(n_links):
        col = first + i
        if i == n_links - 1 and len(links) > n_links:
            grid.text(row, col, "\n".join(links[i:]), fmt.text)
        elif i < len(links):
            budget.write_link(grid.ws, row, col, links[i], fmt)
            grid.need(row, wrapped_lines(links[i], grid.widths[col]))
        else:
            grid.text(row, col, "", fmt.text)
    numbered = len(links) > 1
    kinds = [kind_label(kind, lang) for kind in item.link_kinds]
    grid.text(row, first + n_links, _lines(kinds, numbered), fmt.text)
    if not summary.links_checked:
        return
    checks = item.link_checks or ()
    words = [
        f"– {slabel('link_not_checked', lang)}" if c is None else f"{'✓' if c[0] else '✗'} {c[1]}"
        for c in checks
    ]
    broken = any(c is not None and not c[0] for c in checks)
    grid.text(row, first + n_links + 1, _lines(words, numbered), fmt.failed if broken else fmt.text)


def _lines(values: Sequence[str], numbered: bool) -> str:
    """One line per link; numbered (``1: ...``) when the row has several."""
    if not numbered:
        return "\n".join(values)
    return "\n".join(f"{n}: {v}" for n, v in enumerate(values, start=1))


def _dt(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


_FINDING_COLS = (
    ("office", 18),
    ("file", 18),
    ("cell", 14),
    ("area", 5),
    ("severity", 10),
    ("code", 18),
    ("title_col", 18),
    ("message", 46),
    ("meaning", 42),
)


def _findings(wb: Any, fmt: _Fmt, summary: Summary) -> None:
    lang = summary.lang
    ws = wb.add_worksheet(slabel("sheet_findings", lang))
    grid = Grid(ws, [w for _, w in _FINDING_COLS])
    _title(ws, fmt, "findings_title", summary)
    _heads(grid, fmt, _HEAD, [k for k, _ in _FINDING_COLS], lang)
    row = _HEAD + 1
    for office in summary.read:
        for f in office.findings:
            kind = FINDING_TYPES.get(f.code)
            texts = (
                office.unit or "-",
                office.name,
                f.cell or "-",
                f.area or "-",
                slabel(f"{f.severity}_sev", lang),
                f.code,
                kind.title(lang) if kind else "",
                f.message,
                kind.description(lang) if kind else "",
            )
            for col, text in enumerate(texts):
                severe = col == 4 and f.severity == "error"
                grid.text(row, col, text, fmt.status["overdue"] if severe else fmt.text)
            row += 1
    if row == _HEAD + 1:
        grid.text(row, 0, slabel("none", lang), fmt.text, span=4)
        row += 1
    grid.fit()
    _page(ws, _HEAD, row - 1, len(_FINDING_COLS))
