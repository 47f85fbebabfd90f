"""Shared pieces of the summary workbook: its formats, headers, titles and page setup."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..i18n.dates import long_date
from ..i18n.inspectorate import ilabel
from ..model import AREAS
from ..status import Rates
from ..summary import Summary
from ._book import STATUS_FILLS, Formats
from ._fit import LINE_PT, MAX_ROW_PT, Grid

__all__ = [
    "CHART_STATUSES",
    "FILLS",
    "HEAD",
    "Fmt",
    "StreamGrid",
    "area_label",
    "counts_row",
    "heads",
    "page_setup",
    "sheet_title",
    "start_sheet",
    "subtitle",
]

#: Status columns of every table and series of the chart, in this order.
CHART_STATUSES = ("complete", "overdue", "needs_fix", "not_due")
FILLS = {**STATUS_FILLS, "not_due": "#D9D9D9"}
HEAD = 3  # the header row of every sheet but Ringkasan


class Fmt(Formats):
    """Our shared formats plus the few this workbook needs."""

    def __init__(self, wb: Any, lang: str = "id") -> None:
        super().__init__(wb, lang)
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
        self.plain = wb.add_format({})
        self.pct_red = wb.add_format(
            {
                **base,
                "num_format": "0%",
                "align": "center",
                "bg_color": "#FFC7CE",
                "font_color": "#9C0006",
            }
        )
        self.change = wb.add_format({**base, "align": "center", "num_format": "+0%;-0%;0%"})
        self.bold_plain = wb.add_format({"bold": True})
        self.flagged = wb.add_format({**base, "bg_color": "#FFF2A8", "italic": True})
        self.count = {
            key: wb.add_format({**base, "align": "center", "bg_color": FILLS[key]})
            for key in CHART_STATUSES
        }
        self.head = {
            key: wb.add_format(
                {
                    **base,
                    "bold": True,
                    "align": "center",
                    "valign": "vcenter",
                    "bg_color": FILLS[key],
                }
            )
            for key in CHART_STATUSES
        }


class StreamGrid(Grid):
    """A :class:`Grid` for a ``constant_memory`` sheet: a row's height is set as soon as
    its text needs more than one line, before xlsxwriter writes the row out (once a
    later row is written, the row is gone and its height can no longer be set)."""

    def text(
        self,
        row: int,
        col: int,
        value: str,
        fmt: Any,
        span: int = 1,
        scale: float = 1.0,
        bold: bool = False,
    ) -> None:
        """As :meth:`Grid.text`; an empty text is an empty cell (with its borders), and a
        short line is written without measuring it (most cells of a big summary)."""
        if span == 1 and scale == 1.0 and not bold and col < len(self.caps):
            if not value:
                self.ws.write_blank(row, col, None, fmt)
                return
            if len(value) <= self.caps[col] and "\n" not in value:
                self.ws.write_string(row, col, value, fmt)
                return
        super().text(row, col, value, fmt, span, scale, bold)

    def need(self, row: int, lines: float) -> None:
        had = self.lines.get(row, 1.0)
        if lines > had:
            self.lines[row] = lines
            self.ws.set_row(row, min(MAX_ROW_PT, round(LINE_PT * lines + 2, 1)))

    def fit(self) -> None:
        """Nothing left to do: every height was set as its row was written."""


def area_label(numeral: str, lang: str) -> str:
    return f"{numeral} · {AREAS[numeral]['en' if lang == 'en' else 'id']}"


def counts_row(
    ws: Any,
    fmt: Fmt,
    row: int,
    col: int,
    counts: dict[str, int],
    rates: Rates,
    bold: bool = False,
) -> None:
    """Four status counts, the total and the two rates (``status.Rates``: of the actions
    due, of every action) from column ``col``; a rate under 50 % in red."""
    for i, key in enumerate(CHART_STATUSES):
        value = counts[key]
        cell = fmt.num_bold if bold else fmt.count[key] if value else fmt.number
        ws.write_number(row, col + i, value, cell)
    ws.write_number(row, col + 4, counts["total"], fmt.num_bold if bold else fmt.number)
    for offset, rate in ((5, rates.due_complete), (6, rates.all_complete)):
        if rate is None:
            ws.write_string(row, col + offset, "-", fmt.number)
        elif rate < 0.5:
            ws.write_number(row, col + offset, rate, fmt.pct_red)
        else:
            ws.write_number(row, col + offset, rate, fmt.pct_bold if bold else fmt.percent)


def heads(grid: Grid, fmt: Fmt, row: int, keys: Sequence[str], lang: str, col: int = 0) -> None:
    for i, key in enumerate(keys):
        grid.text(row, col + i, ilabel(key, lang), fmt.head.get(key, fmt.header), bold=True)


def page_setup(
    ws: Any, head_row: int, last_row: int, n_cols: int, freeze: int | None = None
) -> None:
    ws.freeze_panes(head_row + 1 if freeze is None else freeze, 0)
    ws.autofilter(head_row, 0, max(last_row, head_row + 1), n_cols - 1)
    ws.repeat_rows(head_row)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    ws.set_footer("&L&A&R&P / &N")


def start_sheet(
    wb: Any, fmt: Fmt, summary: Summary, sheet_key: str, title_key: str, widths: Sequence[int]
) -> tuple[Any, Grid]:
    """A new sheet named ``sheet_key``, its columns sized, with the title block."""
    ws = wb.add_worksheet(ilabel(sheet_key, summary.lang))
    grid = StreamGrid(ws, list(widths))
    sheet_title(ws, fmt, title_key, summary)
    return ws, grid


def sheet_title(ws: Any, fmt: Fmt, key: str, summary: Summary) -> None:
    lang = summary.lang
    ws.write_string(0, 0, ilabel(key, lang), fmt.title)
    ws.write_string(1, 0, subtitle(summary), fmt.subtitle)


def subtitle(summary: Summary) -> str:
    """``Keadaan per 30 Juni 2022 · 4 kantor · 7 berkas: 3 terbaca, 1 dilewati, ...``:
    every file found is counted, by what happened to it."""
    lang = summary.lang
    parts = ", ".join(
        f"{n} {ilabel(status, lang)}" for status, n in summary.file_counts().items() if n
    )
    return ilabel(
        "subtitle",
        lang,
        date=long_date(summary.as_of, lang),
        offices=len(summary.offices),
        files=len(summary.files),
        parts=parts or "-",
    )
