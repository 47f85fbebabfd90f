"""Laporan Monev: the one A4 landscape page a Ketua Tim ZI signs each month.

Unit, plan year, the as-of date written the Indonesian way, counts per area with both
rates, the overdue actions with their PIC (the most late first, at most
``MAX_OVERDUE``; the rest are counted), the changes since last month when
``validate --previous`` gave them, and the signature block. Printed landscape on A4,
fit to one page wide and one page tall.

:func:`write_page` lays out a :class:`~zi_workbook.monthly.page.MonevPage` in any
worksheet: the status workbook's sheet (:func:`add_monev_sheet`, :func:`write_monev`)
and the summary's page per office print the same page.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from ..i18n import label
from ..i18n.dates import long_date
from ..i18n.monthly import mlabel
from ..model import AREAS
from ..monthly.page import MAX_OVERDUE, MonevPage, monev_page
from ..monthly.todo import Todo
from ..report import STATUSES, Report
from ._book import Formats, write_text

__all__ = ["MAX_OVERDUE", "WIDTHS", "add_monev_sheet", "monev_formats", "write_monev", "write_page"]

#: Column widths: area, name / action, then seven narrow columns.
WIDTHS = (7, 34, 9, 9, 10, 12, 12, 15, 15)
#: At most this many lines of "changes since last month".
MAX_CHANGES = 6


def add_monev_sheet(
    wb: Any,
    fmt: Formats,
    report: Report,
    todo: Todo | None = None,
    changes: Sequence[str] | None = None,
) -> Any:
    """The Laporan Monev sheet of ``report`` (see :func:`write_monev`); returns it."""
    ws = wb.add_worksheet(mlabel("sheet_monev", report.lang))
    write_monev(wb, ws, fmt, report, todo, changes)
    return ws


def write_monev(
    wb: Any,
    ws: Any,
    fmt: Formats,
    report: Report,
    todo: Todo | None = None,
    changes: Sequence[str] | None = None,
) -> int:
    """Write ``report``'s page into ``ws`` from its top row; return the last row written.

    ``changes``: lines of "what changed since last month" (``validate --previous``;
    the compare engine's ``render_section``), or None when there is no previous file.
    """
    return write_page(wb, ws, monev_page(report, todo, changes))


def write_page(
    wb: Any,
    ws: Any,
    page: MonevPage,
    f: dict[str, Any] | None = None,
    *,
    more: str | None = None,
) -> int:
    """Lay out ``page`` in ``ws`` from its top row; return the last row written.

    ``f``: :func:`monev_formats` of ``wb``, made once for many pages (made here when
    None). ``more``: the note under a cut list of overdue actions (default: see the
    Tindak Lanjut sheet).
    """
    lang = page.lang
    f = f if f is not None else monev_formats(wb)
    for i, width in enumerate(WIDTHS):
        ws.set_column(i, i, width)
    last = len(WIDTHS) - 1
    ws.set_row(0, 24)
    ws.merge_range(0, 0, 0, last, mlabel("monev_title", lang), f["title"])
    ws.merge_range(1, 0, 1, last, page.unit, f["center"])
    year = f"{label('plan_year', lang)} {page.plan_year or '-'}"
    state = mlabel("monev_state", lang, day=long_date(page.as_of, lang))
    ws.merge_range(2, 0, 2, last, f"{year} · {state}", f["center"])
    row = _areas(ws, f, page, 4)
    row = _overdue(ws, f, page, row + 2, more)
    row = _changes(ws, f, lang, page.changes, row + 2)
    row = _signature(ws, f, page, row + 2)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 1)
    ws.center_horizontally()
    ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    ws.print_area(0, 0, row, last)
    return row


def monev_formats(wb: Any) -> dict[str, Any]:
    """The page's formats, made once per workbook."""
    base = {"border": 1, "border_color": "#7F7F7F", "valign": "vcenter", "text_wrap": True}
    return {
        "title": wb.add_format({"bold": True, "font_size": 13, "align": "center"}),
        "center": wb.add_format({"align": "center", "font_size": 11}),
        "section": wb.add_format({"bold": True, "font_size": 11, "font_color": "#1F3864"}),
        "head": wb.add_format({**base, "bold": True, "align": "center", "bg_color": "#D9E1F2"}),
        "cell": wb.add_format(base),
        "num": wb.add_format({**base, "align": "center"}),
        "pct": wb.add_format({**base, "align": "center", "num_format": "0%"}),
        "red": wb.add_format(
            {**base, "align": "center", "num_format": "0%", "bg_color": "#FFC7CE"}
        ),
        "bold": wb.add_format({**base, "bold": True, "align": "center"}),
        "boldpct": wb.add_format({**base, "bold": True, "align": "center", "num_format": "0%"}),
        "plain": wb.add_format({"valign": "top"}),
        "sign": wb.add_format({"align": "center"}),
        "signbold": wb.add_format({"align": "center", "bold": True, "underline": 1}),
        "note": wb.add_format({"italic": True, "font_color": "#595959"}),
        "date": wb.add_format({**base, "align": "center", "num_format": _DATE[0]}),
    }


_DATE = ("[$-421]d mmmm yyyy",)


def _areas(ws: Any, f: dict[str, Any], page: MonevPage, top: int) -> int:
    lang = page.lang
    write_text(ws, top, 0, mlabel("monev_areas", lang), f["section"])
    heads = [label("area", lang), label("area_name", lang), label("total", lang)]
    heads += [label(k, lang) for k in STATUSES]
    heads += [mlabel("rate_due", lang), mlabel("rate_all", lang)]
    ws.set_row(top + 1, 45)
    for i, text in enumerate(heads):
        write_text(ws, top + 1, i, text, f["head"])
    row = top + 2
    for numeral, c, r in page.areas:
        name = AREAS[numeral]["en" if lang == "en" else "id"] if numeral in AREAS else "-"
        _count_row(ws, f, row, numeral, name, c, r, bold=False)
        row += 1
    _count_row(ws, f, row, label("total", lang), "", page.counts, page.rates, bold=True)
    return row


def _count_row(
    ws: Any,
    f: dict[str, Any],
    row: int,
    key: str,
    name: str,
    c: dict[str, int],
    r: Any,
    *,
    bold: bool,
) -> None:
    write_text(ws, row, 0, key, f["bold"] if bold else f["num"])
    write_text(ws, row, 1, name, f["cell"])
    for i, k in enumerate(("total", *STATUSES), start=2):
        ws.write_number(row, i, c[k], f["bold"] if bold else f["num"])
    for i, value in ((7, r.due_complete), (8, r.all_complete)):
        if value is None:
            write_text(ws, row, i, "-", f["num"])
        elif i == 7 and value < 0.5:
            ws.write_number(row, i, value, f["red"])  # under half of what is due: red
        else:
            ws.write_number(row, i, value, f["boldpct"] if bold else f["pct"])


def _overdue(ws: Any, f: dict[str, Any], page: MonevPage, top: int, more: str | None) -> int:
    lang = page.lang
    n = page.overdue_count
    write_text(ws, top, 0, f"{mlabel('monev_overdue', lang)} ({n})", f["section"])
    if not page.overdue:
        write_text(ws, top + 1, 0, mlabel("no_overdue", lang), f["plain"])
        return top + 1
    ws.set_row(top + 1, 30)
    write_text(ws, top + 1, 0, label("area", lang), f["head"])
    ws.merge_range(top + 1, 1, top + 1, 4, label("action", lang), f["head"])
    ws.merge_range(top + 1, 5, top + 1, 6, mlabel("pic", lang), f["head"])
    write_text(ws, top + 1, 7, label("due", lang), f["head"])
    write_text(ws, top + 1, 8, mlabel("days_late", lang), f["head"])
    row = top + 2
    for line in page.overdue:
        ws.merge_range(row, 1, row, 4, line.action, f["cell"])
        ws.merge_range(row, 5, row, 6, line.pic or "-", f["cell"])
        write_text(ws, row, 0, line.area, f["num"])
        if line.due is not None:
            due = line.due
            ws.write_datetime(row, 7, datetime(due.year, due.month, due.day), f["date"])
        ws.write_number(row, 8, line.days or 0, f["num"])
        row += 1
    if n > len(page.overdue):
        left = n - len(page.overdue)
        write_text(ws, row, 0, more or mlabel("monev_more", lang, n=left), f["note"])
        return row
    return row - 1


# -- changes since last month: filled by ``validate --previous`` (the compare engine) --
def _changes(ws: Any, f: dict[str, Any], lang: str, changes: Sequence[str] | None, top: int) -> int:
    write_text(ws, top, 0, mlabel("monev_changes", lang), f["section"])
    if changes is None:
        write_text(ws, top + 1, 0, mlabel("monev_no_changes", lang), f["note"])
        return top + 1
    shown = [" ".join(line.split()) for line in changes if line.strip()][:MAX_CHANGES]
    for i, line in enumerate(shown, start=1):
        write_text(ws, top + i, 0, line, f["plain"])
    return top + max(len(shown), 1)


def _signature(ws: Any, f: dict[str, Any], page: MonevPage, top: int) -> int:
    lang = page.lang
    day = mlabel("monev_place", lang, day=long_date(page.as_of, lang))
    left = (
        (mlabel("monev_prepared", lang), f["sign"]),
        (mlabel("monev_coordinator", lang), f["sign"]),
    )
    right = (
        (mlabel("monev_known", lang), f["sign"]),
        (mlabel("monev_head", lang), f["sign"]),
    )
    ws.merge_range(top, 6, top, 8, day, f["sign"])
    for i, ((ltext, lf), (rtext, rf)) in enumerate(zip(left, right, strict=True), start=1):
        ws.merge_range(top + i, 0, top + i, 2, ltext, lf)
        ws.merge_range(top + i, 6, top + i, 8, rtext, rf)
    name_row = top + 6
    for row, key, cell in (
        (name_row, "monev_name", f["signbold"]),
        (name_row + 1, "monev_nip", f["sign"]),
    ):
        for col0, col1 in ((0, 2), (6, 8)):
            ws.merge_range(row, col0, row, col1, mlabel(key, lang), cell)
    return name_row + 1
