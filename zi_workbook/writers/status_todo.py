"""The Tindak Lanjut (what to do first) and Per PIC sheets of the status workbook."""

from __future__ import annotations

from typing import Any

from ..i18n import label
from ..i18n.dates import long_date
from ..i18n.monthly import mlabel
from ..monthly.todo import GROUPS, Todo, TodoLine, group_title
from ..report import Report
from ._book import Formats, excel_serial, write_text
from ._fit import Grid

__all__ = ["GROUP_FILLS", "todo_table", "write_pic_sheet", "write_todo_sheet"]

#: The band colour of each group (the Status sheet's fills: red, orange, yellow, grey).
GROUP_FILLS = {"overdue": "#FFC7CE", "due_soon": "#FFD8A8", "fix": "#FFF2A8", "other": "#E7E6E6"}
_HEAD = 3
_COLS = (
    ("cell", 16),
    ("area", 6),
    ("component", 22),
    ("action", 40),
    ("pic", 18),
    ("problems", 52),
    ("due", 17),
    ("days", 8),
)


def _bands(wb: Any) -> dict[str, Any]:
    return {
        g: wb.add_format({"bold": True, "bg_color": fill, "border": 1, "border_color": "#BFBFBF"})
        for g, fill in GROUP_FILLS.items()
    }


def _heading(ws: Any, fmt: Formats, report: Report, title_key: str) -> None:
    lang = report.lang
    unit = f" — {report.plan.unit}" if report.plan.unit else ""
    ws.set_row(0, 22)
    write_text(ws, 0, 0, mlabel(title_key, lang) + unit, fmt.title)
    write_text(ws, 1, 0, f"{label('as_of', lang)} {long_date(report.as_of, lang)}", fmt.subtitle)


def _head_label(key: str, lang: str) -> str:
    if key == "days":
        return "Hari" if lang != "en" else "Days"
    return mlabel(key, lang)


def write_todo_sheet(wb: Any, fmt: Formats, report: Report, todo: Todo) -> None:
    """One line per action under Terlambat, Jatuh tempo, Perbaiki penulisan, Lainnya."""
    lang = report.lang
    ws = wb.add_worksheet(mlabel("sheet_todo", lang))
    grid = Grid(ws, [w for _, w in _COLS])
    _heading(ws, fmt, report, "todo_title")
    c = todo.counts()
    summary = " · ".join(f"{group_title(g, lang, todo.soon_days)}: {c[g]}" for g in GROUPS)
    write_text(ws, 2, 0, f"{summary} · {mlabel('not_yet', lang)}: {todo.not_yet}", fmt.subtitle)
    if not any(line.pic for line in todo.lines):
        ws.set_column(4, 4, None, None, {"hidden": True})  # the plan has no PIC column
    ws.set_row(_HEAD, 30)
    for i, (key, _w) in enumerate(_COLS):
        grid.text(_HEAD, i, _head_label(key, lang), fmt.header, bold=True)
    bands = _bands(wb)
    row = _HEAD + 1
    for group in GROUPS:
        lines = todo.group(group)
        if not lines:
            continue
        title = f"{group_title(group, lang, todo.soon_days)} ({len(lines)})"
        for col in range(len(_COLS)):
            write_text(ws, row, col, title if col == 0 else "", bands[group])
        row += 1
        for line in lines:
            _todo_row(grid, fmt, row, line, lang)
            _fit_row(grid, row)
            row += 1
    if not todo.lines:
        grid.text(row, 0, mlabel("todo_none", lang), fmt.text)
        row += 1
    _page(ws, row - 1, len(_COLS))


def _texts(line: TodoLine) -> tuple[str, ...]:
    """The text columns of one line: cell, area, component, action, PIC, problems."""
    area = line.area if line.area != "*" else ""
    return (line.cell, area, line.component, line.action, line.pic or "", line.text)


def todo_table(report: Report, todo: Todo) -> dict[str, Any]:
    """The Tindak Lanjut sheet as plain data for the page: headers, then each group's
    title and rows of text (the due date the Indonesian way, days as a number)."""
    lang = report.lang
    groups = []
    for group in GROUPS:
        rows = [
            [*_texts(line), _due_text(line, lang), _days_text(line)] for line in todo.group(group)
        ]
        if rows:
            groups.append(
                {"group": group, "title": group_title(group, lang, todo.soon_days), "rows": rows}
            )
    return {"headers": [_head_label(key, lang) for key, _w in _COLS], "groups": groups}


def _due_text(line: TodoLine, lang: str) -> str:
    due = line.result.state.due if line.result is not None else None
    return long_date(due, lang) if due is not None else ""


def _days_text(line: TodoLine) -> str:
    return str(line.days) if line.days is not None and line.group in ("overdue", "due_soon") else ""


def _todo_row(grid: Grid, fmt: Formats, row: int, line: TodoLine, lang: str) -> None:
    text = fmt.text
    cells: list[tuple[int, Any, Any]] = [(col, t, text) for col, t in enumerate(_texts(line))]
    due = line.result.state.due if line.result is not None else None
    cells.append((6, excel_serial(due), fmt.date) if due is not None else (6, "", text))
    if line.days is not None and line.group in ("overdue", "due_soon"):
        cells.append((7, line.days, fmt.number))
    else:
        cells.append((7, "", text))
    grid.row(row, cells)


def _fit_row(grid: Grid, row: int) -> None:
    """The row's height now: the status workbook streams rows (constant memory)."""
    lines = grid.lines.get(row, 1.0)
    if lines > 1.0:
        grid.ws.set_row(row, round(15.0 * lines + 2, 1))


def _page(ws: Any, last: int, n_cols: int) -> None:
    ws.freeze_panes(_HEAD + 1, 0)
    ws.repeat_rows(_HEAD)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    ws.set_footer("&L&A&R&P / &N")


def write_pic_sheet(wb: Any, fmt: Formats, report: Report, todo: Todo) -> bool:
    """Per person or unit: overdue, due soon, to fix, with the actions (ready to paste
    into a message). Nothing is written when the plan has no PIC column; returns whether
    the sheet was written."""
    by_pic = todo.by_pic()
    if not any(by_pic):
        return False
    lang = report.lang
    ws = wb.add_worksheet(mlabel("sheet_pic", lang))
    cols = (("pic", 22), ("group", 22), ("cell", 16), ("action", 44), ("problems", 56))
    grid = Grid(ws, [w for _, w in cols])
    _heading(ws, fmt, report, "pic_title")
    ws.set_row(_HEAD, 30)
    heads = (mlabel("pic", lang), label("status", lang), label("cell", lang))
    for i, text in enumerate((*heads, label("action", lang), mlabel("problems", lang))):
        grid.text(_HEAD, i, text, fmt.header, bold=True)
    bands = _bands(wb)
    row = _HEAD + 1
    for pic, lines in by_pic.items():
        counts = {g: sum(1 for x in lines if x.group == g) for g in GROUPS}
        said = ", ".join(
            f"{group_title(g, lang, todo.soon_days).lower()} {n}" for g, n in counts.items() if n
        )
        who = pic or mlabel("no_pic", lang)
        band = bands["overdue" if counts["overdue"] else "other"]
        for col in range(len(cols)):
            write_text(ws, row, col, f"{who} ({said})" if col == 0 else "", band)
        row += 1
        for line in lines:
            group = group_title(line.group, lang, todo.soon_days)
            texts = (who, group, line.cell, line.action, line.text)
            grid.row(row, [(col, text, fmt.text) for col, text in enumerate(texts)])
            _fit_row(grid, row)
            row += 1
    _page(ws, row - 1, len(cols))
    return True
