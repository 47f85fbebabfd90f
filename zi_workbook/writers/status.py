"""The coordinator's colour-coded status workbook (xlsxwriter)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import shown_path
from ..i18n import kind_label, label
from ..i18n.dates import long_date
from ..i18n.monthly import mlabel
from ..links import classify
from ..monthly.pic import monitoring_headers, monitoring_values
from ..monthly.todo import build_todo
from ..report import Report, RowResult
from ._atomic import atomic_workbook
from ._book import Formats, LinkBudget, date_format, write_text
from .monev import add_monev_sheet
from .status_findings import write_codes_sheet, write_findings_sheet
from .status_tail import write_summary_sheet
from .status_todo import write_pic_sheet, write_todo_sheet

if TYPE_CHECKING:
    from ..compare import Changes

__all__ = ["write_status_workbook"]

_HEAD_ROW = 3
_CELL = {"valign": "top", "text_wrap": True, "border": 1, "border_color": "#BFBFBF"}


_MAX_LINK_COLS = 3


def write_status_workbook(
    report: Report,
    out: str | Path,
    *,
    changes: Changes | None = None,
    all_findings: bool = False,
) -> Path:
    """Write the status workbook of ``report`` to ``out`` atomically; return the path.

    With ``changes`` (``validate --previous``) a Perubahan sheet follows the Status sheet.
    Temuan lists the findings no other sheet states, or with ``all_findings`` every one;
    Kode Temuan explains each code found.
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
        fmt = Formats(wb, report.lang)
        fmt.date = wb.add_format({**_CELL, "num_format": date_format(report.lang)})
        todo = build_todo(report)
        # The order a coordinator reads them: what to do, the rows, the LKE, who, what
        # changed, the page to sign, then the findings no other sheet states, what the
        # codes mean, and the counts.
        write_todo_sheet(wb, fmt, report, todo)
        budget = _write_status(wb, fmt, report)
        from .lke_sheet import write_lke_sheet

        write_lke_sheet(wb, fmt, report)
        write_pic_sheet(wb, fmt, report, todo)
        lines = None
        if changes is not None:
            from .changes_sheet import write_changes_sheet
            from .changes_text import render_section

            write_changes_sheet(wb, fmt, changes, report.lang)
            lines = render_section(changes, report.lang)
        add_monev_sheet(wb, fmt, report, todo, lines)
        counts = write_findings_sheet(wb, fmt, report, todo, all_findings)
        write_codes_sheet(wb, fmt, report, counts, all_findings=all_findings)
        write_summary_sheet(wb, fmt, report, budget.exceeded)
    return out


def _status_key(result: RowResult) -> str:
    return "due_soon" if result.due_soon else result.status


_EXTRA = "extra:"


def _columns(report: Report, n_links: int, extra: list[str]) -> list[tuple[str, int]]:
    lang = report.lang
    cols = [
        ("source_sheet", 11),
        ("source_row", 6),
        ("area", 5),
        ("component", 18),
        ("indicator", 30),
        ("lke", 30),
        ("action", 30),
    ]
    cols += [(_EXTRA + h, 18) for h in extra]  # the office's PIC and monitoring columns
    cols += [("evidence", 26)]
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
    extra = monitoring_headers(r.row for r in report.results)
    cols = _columns(report, n_links, extra)
    for i, (_key, width) in enumerate(cols):
        ws.set_column(i, i, width)
    _status_heading(ws, fmt, report)
    link_prefix = label("link", lang) + " "
    ws.set_row(_HEAD_ROW, 30)
    for i, (key, _width) in enumerate(cols):
        text = (
            key.removeprefix(_EXTRA) if key.startswith((link_prefix, _EXTRA)) else label(key, lang)
        )
        write_text(ws, _HEAD_ROW, i, text, fmt.header)
    budget = LinkBudget()
    widths = [w for _k, w in cols]
    for n, result in enumerate(report.results, start=_HEAD_ROW + 1):
        _status_row(ws, fmt, budget, n, result, (n_links, extra), report, widths)
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
        f"{label('as_of', lang)} {long_date(report.as_of, lang)} · "
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


def _row_values(
    result: RowResult, shape: tuple[int, list[str]], report: Report
) -> list[tuple[str, object]]:
    """(kind, value) per column: text, number, link, date or status."""
    lang = report.lang
    n_links, extra = shape
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
        *(("text", v) for v in monitoring_values(r, extra)),
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
    shape: tuple[int, list[str]],
    report: Report,
    widths: list[int],
) -> None:
    lang = report.lang
    cells = _row_values(result, shape, report)
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
        start = long_date(p.start, lang)
        end = long_date(p.end, lang) if p.end else label("open_end", lang)
        parts.append(start if p.end == p.start else f"{start} {label('until', lang)} {end}")
    if len(periods) > 4:
        parts.append(f"… (+{len(periods) - 4} {label('more_periods', lang)})")
    state = result.state
    if state.periods > 1:
        passed = mlabel("periods_passed", lang, passed=state.periods_passed, total=state.periods)
        parts.append(f"({passed})")
    return "\n".join(parts)


def _page_setup(ws: Any, n_cols: int, n_rows: int) -> None:
    ws.freeze_panes(_HEAD_ROW + 1, 0)
    ws.autofilter(_HEAD_ROW, 0, _HEAD_ROW + max(n_rows, 1), n_cols - 1)
    ws.set_landscape()
    ws.set_paper(9)
    ws.repeat_rows(_HEAD_ROW)
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
