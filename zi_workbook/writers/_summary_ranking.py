"""The Peringkat sheet: one row per office, ranked, on one page the Inspektur signs."""

from __future__ import annotations

from typing import Any

from ..i18n.dates import long_date
from ..i18n.inspectorate import ilabel
from ..i18n.lke import lke_label
from ..summary import OfficeSummary, Summary
from ._fit import Grid
from ._summary_common import HEAD, Fmt, heads, start_sheet
from ._summary_lke import RANKING_COLS, LkeFormats, ranking_cells
from ._summary_page import RateFormats, one_page, ranked, signature

__all__ = ["write_ranking"]

_COLS = (
    ("rank", 4),
    ("unit", 34),
    ("plan_year", 7),
    ("actions", 9),
    ("due_n", 10),
    ("due_complete", 12),
    ("all_complete", 11),
    ("overdue", 10),
    ("needs_fix", 10),
    ("not_due", 10),
)
_PREVIOUS_COLS = (
    ("postponed", 10),
    ("removed_overdue", 11),
    ("previous_rate", 11),
    ("rate_change", 12),
)


def write_ranking(wb: Any, fmt: Fmt, summary: Summary) -> None:
    lang = summary.lang
    previous = any(o.previous is not None for o in summary.offices)
    cols = [*_COLS, *(_PREVIOUS_COLS if previous else ())]
    lke = len(cols) if any(o.lke for o in summary.offices) else 0  # its first column
    widths = [w for _, w in cols] + ([w for _, w in RANKING_COLS] if lke else [])
    ws, grid = start_sheet(wb, fmt, summary, "sheet_ranking", "ranking_title", widths)
    ws.write_string(2, 0, ilabel("rate_rule", lang), fmt.subtitle)
    heads(grid, fmt, HEAD, [k for k, _ in cols], lang)
    for i, (key, _) in enumerate(RANKING_COLS if lke else ()):
        grid.text(HEAD, lke + i, lke_label(key, lang), fmt.header, bold=True)
    if previous:
        since = next(o.previous.as_of for o in summary.offices if o.previous is not None)
        grid.text(
            HEAD,
            len(cols) - 1,
            ilabel("rate_change", lang, date=long_date(since, lang)),
            fmt.header,
            bold=True,
        )
    rates = RateFormats(wb)
    lke_formats = LkeFormats(wb) if lke else None
    row = HEAD + 1
    for n, office in enumerate(ranked(summary), start=1):
        _office_row(grid, fmt, rates, office, row, n, previous, lang)
        if lke_formats is not None:
            ranking_cells(ws, lke_formats, office, row, lke)
        row += 1
    grid.text(row, 1, ilabel("all_offices", lang), fmt.band, bold=True)
    totals, all_rates = summary.totals, summary.rates
    for col, value in ((3, totals["total"]), (4, all_rates.due)):
        ws.write_number(row, col, value, fmt.num_bold)
    RateFormats(wb, bold=True).write(ws, row, 5, all_rates.due_complete)
    RateFormats(wb, bold=True).write(ws, row, 6, all_rates.all_complete)
    for col, key in ((7, "overdue"), (8, "needs_fix"), (9, "not_due")):
        ws.write_number(row, col, totals[key], fmt.num_bold)
    grid.fit()
    signature(ws, fmt, summary, row + 2, max(1, len(widths) - 4))
    one_page(ws, HEAD, len(summary.offices), len(widths) - 1)


def _office_row(
    grid: Grid,
    fmt: Fmt,
    rates: RateFormats,
    office: OfficeSummary,
    row: int,
    n: int,
    previous: bool,
    lang: str,
) -> None:
    ws = grid.ws
    ws.write_number(row, 0, n, fmt.number)
    if office.unit:
        grid.text(row, 1, office.label, fmt.text)
    else:  # no unit in the title: the file name, flagged
        grid.text(row, 1, office.label, fmt.flagged)
        ws.write_comment(row, 1, ilabel("unit_not_found", lang))
    grid.text(row, 2, str(office.plan_year or "-"), fmt.number)
    if not office.total:
        grid.text(row, 3, ilabel("empty", lang), rates.empty, span=7)
        return
    r, counts = office.rates, office.counts
    ws.write_number(row, 3, counts["total"], fmt.number)
    ws.write_number(row, 4, r.due, fmt.number)
    rates.write(ws, row, 5, r.due_complete)
    rates.write(ws, row, 6, r.all_complete)
    for col, key in ((7, "overdue"), (8, "needs_fix"), (9, "not_due")):
        ws.write_number(row, col, counts[key], fmt.count[key] if counts[key] else fmt.number)
    if not previous:
        return
    last = office.previous
    if last is None:
        for col in range(10, 14):
            ws.write_string(row, col, "-", fmt.number)
        return
    postponed = last.findings.get("deadline-postponed", 0)
    removed = last.findings.get("removed-overdue-action", 0)
    ws.write_number(row, 10, postponed, fmt.failed if postponed else fmt.number)
    ws.write_number(row, 11, removed, fmt.failed if removed else fmt.number)
    rates.write(ws, row, 12, last.rates.due_complete)
    now, then = r.due_complete, last.rates.due_complete
    if now is None or then is None:
        ws.write_string(row, 13, "-", fmt.number)
    else:
        ws.write_number(row, 13, now - then, fmt.change)
