"""The Ringkasan sheet of the status workbook: the file, counts per area, both rates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import shown_path
from ..i18n import STATUS_LABELS, label
from ..i18n.dates import long_date
from ..i18n.monthly import mlabel, percent
from ..model import AREAS
from ..report import STATUSES, Report
from ..status import Rates
from ._book import Formats, write_text

__all__ = ["write_summary_sheet"]


def write_summary_sheet(wb: Any, fmt: Formats, report: Report, capped: bool) -> None:
    lang = report.lang
    ws = wb.add_worksheet(label("sheet_summary", lang))
    ws.set_column(0, 0, 36)  # "Selesai dari yang sudah jatuh tempo" on one line
    ws.set_column(1, 1, 36)
    ws.set_column(2, 6, 13)
    ws.set_column(7, 8, 18)
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)  # the per-area table on one page's width
    meta = [
        ("file", shown_path(Path(report.plan.path).name)),
        ("sha256", report.plan.sha256),
        ("as_of", long_date(report.as_of, lang)),
        ("unit", report.plan.unit or "-"),
        ("plan_year", str(report.plan.plan_year or "-")),
    ]
    write_text(ws, 0, 0, label("title_status", lang), fmt.title)
    for i, (key, value) in enumerate(meta, start=2):
        write_text(ws, i, 0, label(key, lang), fmt.bold)
        _value(ws, i, value, fmt.text)
    rates_row = len(meta) + 2
    whole = report.rates
    for i, (key, value, r) in enumerate(_rates(whole, lang), start=rates_row):
        write_text(ws, i, 0, mlabel(key, lang), fmt.bold)
        red = r is not None and key == "rate_due" and r < 0.5  # under half of what is due
        _value(ws, i, value, fmt.status["overdue"] if red else fmt.text)
    top = len(meta) + 5
    write_text(ws, top, 0, label("counts_by_area", lang), fmt.title)
    counts = report.area_counts()
    _area_table(ws, fmt, report, top + 1, counts, whole)
    legend_row = top + 2 + len(counts) + 2
    write_text(ws, legend_row, 0, label("legend", lang), fmt.bold)
    for i, (key, pair) in enumerate(STATUS_LABELS.items(), start=1):
        write_text(ws, legend_row + i, 0, pair[1] if lang == "en" else pair[0], fmt.status[key])
    if capped:
        write_text(ws, legend_row + 7, 0, label("hyperlink_cap", lang), fmt.subtitle)


def _value(ws: Any, row: int, value: str, cell: Any) -> None:
    """A value across the table's width (B:I), so a SHA-256 or a long unit name fits."""
    ws.merge_range(row, 1, row, 8, "", cell)
    write_text(ws, row, 1, value, cell)


def _area_table(
    ws: Any,
    fmt: Formats,
    report: Report,
    top: int,
    counts: dict[str, dict[str, int]],
    whole: Rates,
) -> None:
    lang = report.lang
    heads = [label(k, lang) for k in ("area", "area_name", *STATUSES, "total")]
    heads += [mlabel("rate_due", lang), mlabel("rate_all", lang)]
    ws.set_row(top, 45)  # three lines of a wrapped header
    for i, text in enumerate(heads):
        write_text(ws, top, i, text, fmt.header)
    rates = report.area_rates()
    for n, (numeral, c) in enumerate(counts.items(), start=top + 1):
        name = (
            AREAS[numeral]["en" if lang == "en" else "id"]
            if numeral in AREAS
            else label("no_area", lang)
        )
        write_text(ws, n, 0, numeral, fmt.text)
        write_text(ws, n, 1, name, fmt.text)
        for i, key in enumerate((*STATUSES, "total"), start=2):
            ws.write_number(
                n,
                i,
                c[key],
                fmt.status.get(key, fmt.number) if c[key] and key != "total" else fmt.number,
            )
        _rate_cells(ws, fmt, n, rates[numeral], fmt.percent)
    total_row = top + 1 + len(counts)
    write_text(ws, total_row, 0, label("total", lang), fmt.bold)
    write_text(ws, total_row, 1, "", fmt.bold)
    total = report.counts
    for i, key in enumerate((*STATUSES, "total"), start=2):
        ws.write_number(total_row, i, total[key], fmt.bold)
    _rate_cells(ws, fmt, total_row, whole, fmt.percent)


def _rate_cells(ws: Any, fmt: Formats, row: int, rates: Rates, cell: Any) -> None:
    """Both rates; *selesai dari yang sudah jatuh tempo* in red under half."""
    for col, value in ((7, rates.due_complete), (8, rates.all_complete)):
        if value is None:
            write_text(ws, row, col, "-", fmt.number)
        else:
            red = col == 7 and value < 0.5
            ws.write_number(row, col, value, fmt.red_percent if red else cell)


def _rates(r: Rates, lang: str) -> list[tuple[str, str, float | None]]:
    of = mlabel("of", lang)
    due = (
        f"{percent(r.due_complete, lang)} ({r.due_done} {of} {r.due})"
        if r.due
        else mlabel("rate_none", lang)
    )
    whole = f"{percent(r.all_complete, lang)} ({r.done} {of} {r.total})"
    return [("rate_due", due, r.due_complete), ("rate_all", whole, r.all_complete)]
