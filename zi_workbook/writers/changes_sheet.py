"""The Perubahan sheet: one line per changed action, findings first (xlsxwriter)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..compare import ActionChanges, Changes
from ..i18n import label
from ..i18n.changes import change_label
from ..i18n.dates import long_date
from ._atomic import atomic_workbook
from ._book import STATUS_FILLS, Formats, write_text
from .changes_text import describe

__all__ = ["write_changes_sheet", "write_changes_workbook"]

_HEAD_ROW = 3
_COLUMNS = (
    ("area", 6),
    ("component", 20),
    ("action", 36),
    ("old_row", 7),
    ("new_row", 7),
    ("change", 20),
    ("before", 30),
    ("after", 30),
    ("status_now", 18),
    ("findings", 44),
)


def _finding_formats(wb: Any) -> dict[str, Any]:
    """Findings cells filled as the status sheet fills overdue (error) and due soon."""
    base = {"valign": "top", "text_wrap": True, "border": 1, "border_color": "#BFBFBF"}
    return {
        sev: wb.add_format({**base, **({"bg_color": STATUS_FILLS[key]} if key else {})})
        for sev, key in (("error", "overdue"), ("warning", "due_soon"), ("info", ""), ("", ""))
    }


def write_changes_sheet(wb: Any, fmt: Formats, changes: Changes, lang: str) -> None:
    """Add the Perubahan sheet to ``wb`` (A4 landscape, header repeated on each page)."""
    ws = wb.add_worksheet(change_label("sheet_changes", lang))
    for i, (_key, width) in enumerate(_COLUMNS):
        ws.set_column(i, i, width)
    _heading(ws, fmt, changes, lang)
    ws.set_row(_HEAD_ROW, 30)
    for i, (key, _width) in enumerate(_COLUMNS):
        write_text(ws, _HEAD_ROW, i, change_label(key, lang), fmt.header)
    lines = changes.by_action()
    finding_fmt = _finding_formats(wb)
    statuses = dict(zip((r.row for r in changes.new.rows), changes.new.statuses, strict=True))
    for n, line in enumerate(lines, start=_HEAD_ROW + 1):
        _line(ws, fmt, finding_fmt, n, line, statuses, lang)
    if not lines:
        write_text(ws, _HEAD_ROW + 1, 0, change_label("no_changes", lang), fmt.text)
    ws.freeze_panes(_HEAD_ROW + 1, 0)
    ws.autofilter(_HEAD_ROW, 0, _HEAD_ROW + max(len(lines), 1), len(_COLUMNS) - 1)
    ws.set_landscape()
    ws.set_paper(9)
    ws.repeat_rows(_HEAD_ROW)
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)


def _heading(ws: Any, fmt: Formats, changes: Changes, lang: str) -> None:
    old, new = changes.old, changes.new
    unit = f" — {new.unit}" if new.unit else ""
    ws.set_row(0, 22)
    write_text(ws, 0, 0, change_label("title_changes", lang) + unit, fmt.title)
    write_text(
        ws,
        1,
        0,
        f"{Path(old.file).name} ({label('as_of', lang)} {long_date(old.as_of, lang)}) -> "
        f"{Path(new.file).name} ({label('as_of', lang)} {long_date(new.as_of, lang)})",
        fmt.subtitle,
    )
    counts = ", ".join(
        f"{change_label(k, lang).lower()} {n}" for k, n in changes.counts.items() if n
    )
    write_text(ws, 2, 0, counts or change_label("no_changes", lang), fmt.subtitle)


def _line(
    ws: Any,
    fmt: Formats,
    finding_fmt: dict[str, Any],
    n: int,
    line: ActionChanges,
    statuses: dict[int, str],
    lang: str,
) -> None:
    first = line.first
    kinds, befores, afters = [], [], []
    for change in line.changes:
        before, after = describe(change, lang)
        kinds.append(change_label(change.kind, lang))
        befores.append(before)
        afters.append(after)
    found = "\n".join(f"{f.code}: {f.message(lang)}" for f in line.findings)
    texts = [first.area or label("no_area", lang), first.component, first.action]
    tail = ["\n".join(kinds), "\n".join(befores), "\n".join(afters)]
    ws.set_row(n, _height([*texts, "", "", *tail, "", found]))
    for col, value in enumerate(texts):
        write_text(ws, n, col, value, fmt.text)
    for col, row in ((3, first.old_row), (4, first.new_row)):
        if row:
            ws.write_number(n, col, row, fmt.number)
        else:
            write_text(ws, n, col, "-", fmt.number)
    for col, value in enumerate(tail, start=5):
        write_text(ws, n, col, value, fmt.text)
    status = statuses.get(first.new_row or 0) if first.new_row else None
    if status:
        write_text(ws, n, 8, label(status, lang), fmt.status[status])
    else:
        write_text(ws, n, 8, "-", fmt.number)
    write_text(ws, n, 9, found, finding_fmt[_worst(line)])


def _worst(line: ActionChanges) -> str:
    severities = {f.severity for f in line.findings}
    return next((s for s in ("error", "warning", "info") if s in severities), "")


def _height(values: list[str]) -> float:
    lines = 1
    for value, (_key, width) in zip(values, _COLUMNS, strict=True):
        per_line = max(int(width * 1.15), 4)
        lines = max(lines, sum(-(-len(part) // per_line) or 1 for part in value.split("\n")))
    return min(15.0 * lines + 3, 409.0)


def write_changes_workbook(changes: Changes, out: str | Path, lang: str = "id") -> Path:
    """A workbook holding only the Perubahan sheet (``compare --out``), atomically."""
    out = Path(out)
    inputs = tuple(Path(v.file) for v in (changes.old, changes.new))
    options = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    with atomic_workbook(out, inputs, options=options) as wb:
        wb.set_properties({"title": change_label("title_changes", lang), "author": "zi-workbook"})
        write_changes_sheet(wb, Formats(wb), changes, lang)
    return out
