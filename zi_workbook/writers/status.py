"""The coordinator's colour-coded status workbook (xlsxwriter)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import shown_path
from ..i18n import STATUS_LABELS, kind_label, label
from ..links import classify
from ..model import AREAS
from ..report import STATUSES, Report, RowResult
from ._atomic import atomic_workbook
from ._book import Formats, LinkBudget, write_text

if TYPE_CHECKING:
    from ..compare import Changes

__all__ = ["write_status_workbook"]

_HEAD_ROW = 3
_MAX_LINK_COLS = 3


def write_status_workbook(
    report: Report, out: str | Path, *, changes: Changes | None = None
) -> Path:
    """Write the status workbook of ``report`` to ``out`` atomically; return the path.

    With ``changes`` (``validate --previous``) a Perubahan sheet follows the Status sheet.
    """
    out = Path(out)
    options = {
        "constant_memory": True,
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
    }
    with atomic_workbook(out, (Path(report.plan.path),), options=options) as wb:
        wb.set_properties({"title": label("title_status", report.lang), "author": "zi-workbook"})
        fmt = Formats(wb)
        budget = _write_status(wb, fmt, report)
        if changes is not None:
            from .changes_sheet import write_changes_sheet

            write_changes_sheet(wb, fmt, changes, report.lang)
        from .lke_sheet import write_lke_sheet

        write_lke_sheet(wb, fmt, report)
        _write_findings(wb, fmt, report)
        _write_summary(wb, fmt, report, budget.exceeded)
    return out


def _status_key(result: RowResult) -> str:
    return "due_soon" if result.due_soon else result.status


def _columns(report: Report, n_links: int) -> list[tuple[str, int]]:
    lang = report.lang
    cols = [
        ("source_sheet", 11),
        ("source_row", 6),
        ("area", 5),
        ("component", 18),
        ("indicator", 30),
        ("lke", 30),
        ("action", 30),
        ("evidence", 26),
    ]
    cols += [(f"{label('link', lang)} {i + 1}", 26) for i in range(n_links)]
    cols += [("link_kinds", 11)]
    cols += [("link_status", 18)] if report.link_checks is not None else []
    cols += [
        ("target", 16),
        ("periods", 24),
        ("due", 11),
        ("deadline", 11),
        ("status", 13),
        ("findings", 42),
    ]
    return cols


def _write_status(wb: Any, fmt: Formats, report: Report) -> LinkBudget:
    lang = report.lang
    ws = wb.add_worksheet(label("sheet_status", lang))
    n_links = min(max([len(r.row.links) for r in report.results] or [1]) or 1, _MAX_LINK_COLS)
    cols = _columns(report, n_links)
    for i, (_key, width) in enumerate(cols):
        ws.set_column(i, i, width)
    _status_heading(ws, fmt, report)
    link_prefix = label("link", lang) + " "
    ws.set_row(_HEAD_ROW, 30)
    for i, (key, _width) in enumerate(cols):
        write_text(
            ws, _HEAD_ROW, i, key if key.startswith(link_prefix) else label(key, lang), fmt.header
        )
    budget = LinkBudget()
    widths = [w for _k, w in cols]
    for n, result in enumerate(report.results, start=_HEAD_ROW + 1):
        _status_row(ws, fmt, budget, n, result, n_links, report, widths)
    _page_setup(ws, len(cols), len(report.results))
    return budget


def _status_heading(ws: Any, fmt: Formats, report: Report) -> None:
    lang = report.lang
    unit = f" — {report.plan.unit}" if report.plan.unit else ""
    ws.set_row(0, 22)
    write_text(ws, 0, 0, label("title_status", lang) + unit, fmt.title)
    write_text(
        ws,
        1,
        0,
        f"{label('as_of', lang)} {report.as_of.isoformat()} · "
        f"{label('file', lang)}: {shown_path(Path(report.plan.path).name)}",
        fmt.subtitle,
    )
    write_text(ws, 2, 0, label("legend", lang) + ":", fmt.subtitle)
    for i, key in enumerate(("complete", "overdue", "due_soon", "needs_fix", "not_due")):
        write_text(ws, 2, 3 + i, label(key, lang), fmt.status[key])


def _checked(result: RowResult, report: Report) -> list[tuple[str, object]]:
    """After --check-links: whether each link opened, in words, one line per link."""
    if report.link_checks is None:
        return []
    lines = []
    for url in result.row.links:
        check = report.link_checks.get(url)
        if check is not None:
            lines.append(("✓ " if check.ok else "✗ ") + check.reason(report.lang))
    return [("text", "\n".join(lines))]


def _row_values(result: RowResult, n_links: int, report: Report) -> list[tuple[str, object]]:
    """(kind, value) per column: text, number, link, date or status."""
    lang = report.lang
    r = result.row
    links = list(r.links)
    cells: list[tuple[str, object]] = [
        ("text", r.sheet),
        ("number", r.row),
        ("text", r.area or label("no_area", lang)),
        ("text", r.component),
        ("text", r.indicator),
        ("text", _lke_text(result, lang)),
        ("text", r.action),
        ("text", r.evidence),
    ]
    for i in range(n_links):
        if i < len(links) and not (i == n_links - 1 and len(links) > n_links):
            cells.append(("link", links[i]))
        elif i == n_links - 1 and len(links) > n_links:
            cells.append(("text", "\n".join(links[i:])))
        else:
            cells.append(("text", r.link_text if i == 0 and not links else ""))
    cells += [
        ("text", "\n".join(dict.fromkeys(kind_label(classify(u).kind, lang) for u in links))),
        *_checked(result, report),
        ("text", r.target.text),
        ("text", _periods(result, lang)),
        ("date", result.state.due),
        ("date", result.state.deadline),
        ("status", _status_key(result)),
        ("text", "\n".join(f.message(lang) for f in result.findings if f.notable)),
    ]
    return cells


def _lke_text(result: RowResult, lang: str) -> str:
    """``A.1.I.i.a (saran): Unit kerja telah membentuk tim ...`` or empty when unmapped."""
    from ..i18n.lke import lke_label
    from ..lke.data import load

    m = result.lke
    if m is None or not m.code:
        return ""
    question = load().questions[m.code].text
    mark = "" if m.source == "column" else f" ({lke_label('suggested', lang)})"
    return f"{m.code}{mark}: {question}"


def _height(cells: list[tuple[str, object]], widths: list[int]) -> float:
    """Row height for the wrapped text (LibreOffice does not grow rows on opening)."""
    lines = 1
    for (kind, value), width in zip(cells, widths, strict=True):
        if kind != "text" or not isinstance(value, str):
            continue  # links do not wrap; numbers, dates and statuses fit one line
        per_line = max(int(width * 1.15), 4)
        if len(value) <= per_line and "\n" not in value:
            continue
        lines = max(lines, sum(-(-len(part) // per_line) or 1 for part in value.split("\n")))
    return min(15.0 * lines + 3, 409.0)


def _status_row(
    ws: Any,
    fmt: Formats,
    budget: LinkBudget,
    n: int,
    result: RowResult,
    n_links: int,
    report: Report,
    widths: list[int],
) -> None:
    lang = report.lang
    cells = _row_values(result, n_links, report)
    ws.set_row(n, _height(cells, widths))
    for col, (kind, value) in enumerate(cells):
        if kind == "number":
            ws.write_number(n, col, value, fmt.number)
        elif kind == "link" and isinstance(value, str):
            budget.write_link(ws, n, col, value, fmt)
        elif kind == "date" and value is not None:
            ws.write_datetime(n, col, _dt(value), fmt.date)
        elif kind == "status" and isinstance(value, str):
            write_text(ws, n, col, label(value, lang), fmt.status[value])
        elif isinstance(value, str) and value:
            ws.write_string(n, col, value, fmt.text)  # text from cells stays text
        else:
            ws.write_blank(n, col, None, fmt.text)


def _dt(day: Any) -> Any:
    from datetime import datetime

    return datetime(day.year, day.month, day.day)


def _periods(result: RowResult, lang: str) -> str:
    periods = result.row.target.periods
    parts = []
    for p in periods[:4]:
        end = p.end.isoformat() if p.end else label("open_end", lang)
        parts.append(
            p.start.isoformat()
            if p.end == p.start
            else f"{p.start.isoformat()} {label('until', lang)} {end}"
        )
    if len(periods) > 4:
        parts.append(f"… (+{len(periods) - 4} {label('more_periods', lang)})")
    return "\n".join(parts)


def _page_setup(ws: Any, n_cols: int, n_rows: int) -> None:
    ws.freeze_panes(_HEAD_ROW + 1, 0)
    ws.autofilter(_HEAD_ROW, 0, _HEAD_ROW + max(n_rows, 1), n_cols - 1)
    ws.set_landscape()
    ws.set_paper(9)
    ws.repeat_rows(_HEAD_ROW)
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)


def _write_findings(wb: Any, fmt: Formats, report: Report) -> None:
    lang = report.lang
    ws = wb.add_worksheet(label("sheet_findings", lang))
    heads = [
        ("cell", 18),
        ("source_sheet", 14),
        ("source_row", 7),
        ("column", 7),
        ("area", 6),
        ("severity", 11),
        ("code", 24),
        ("message", 80),
    ]
    areas = {(r.row.sheet, r.row.row): r.row.area or "" for r in report.results}
    for i, (key, width) in enumerate(heads):
        ws.set_column(i, i, width)
        write_text(ws, 0, i, label(key, lang), fmt.header)
    for n, f in enumerate(report.findings, start=1):
        write_text(ws, n, 0, f.cell, fmt.text)
        write_text(ws, n, 1, f.sheet, fmt.text)
        if f.row:
            ws.write_number(n, 2, f.row, fmt.number)
        else:
            write_text(ws, n, 2, "", fmt.text)  # a finding about the whole plan
        write_text(ws, n, 3, f.column, fmt.text)
        write_text(ws, n, 4, areas.get((f.sheet, f.row), ""), fmt.text)
        write_text(ws, n, 5, label(f"{f.severity}_sev", lang), fmt.text)
        write_text(ws, n, 6, f.code, fmt.text)
        write_text(ws, n, 7, f.message(lang), fmt.text)
    if not report.findings:
        write_text(ws, 1, 0, label("none", lang), fmt.text)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(report.findings), 1), len(heads) - 1)
    ws.set_landscape()
    ws.set_paper(9)
    ws.repeat_rows(0)
    ws.fit_to_pages(1, 0)


def _write_summary(wb: Any, fmt: Formats, report: Report, capped: bool) -> None:
    lang = report.lang
    ws = wb.add_worksheet(label("sheet_summary", lang))
    ws.set_column(0, 0, 26)
    ws.set_column(1, 1, 40)
    ws.set_column(2, 7, 15)
    meta = [
        ("file", shown_path(Path(report.plan.path).name)),
        ("sha256", report.plan.sha256),
        ("as_of", report.as_of.isoformat()),
        ("unit", report.plan.unit or "-"),
        ("plan_year", str(report.plan.plan_year or "-")),
    ]
    write_text(ws, 0, 0, label("title_status", lang), fmt.title)
    for i, (key, value) in enumerate(meta, start=2):
        write_text(ws, i, 0, label(key, lang), fmt.bold)
        write_text(ws, i, 1, value, fmt.text)
    top = len(meta) + 3
    write_text(ws, top, 0, label("counts_by_area", lang), fmt.title)
    _area_table(ws, fmt, report, top + 1)
    legend_row = top + 2 + len(report.area_counts()) + 2
    write_text(ws, legend_row, 0, label("legend", lang), fmt.bold)
    for i, (key, pair) in enumerate(STATUS_LABELS.items(), start=1):
        write_text(ws, legend_row + i, 0, pair[1] if lang == "en" else pair[0], fmt.status[key])
    if capped:
        write_text(ws, legend_row + 7, 0, label("hyperlink_cap", lang), fmt.subtitle)


def _area_table(ws: Any, fmt: Formats, report: Report, top: int) -> None:
    lang = report.lang
    heads = ["area", "area_name", *STATUSES, "total"]
    for i, key in enumerate(heads):
        write_text(ws, top, i, label(key, lang), fmt.header)
    counts = report.area_counts()
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
    total_row = top + 1 + len(counts)
    write_text(ws, total_row, 0, label("total", lang), fmt.bold)
    write_text(ws, total_row, 1, "", fmt.bold)
    for i, key in enumerate((*STATUSES, "total"), start=2):
        ws.write_number(total_row, i, report.counts[key], fmt.bold)
