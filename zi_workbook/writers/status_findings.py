"""The Temuan sheet of the status workbook and its legend, Kode Temuan.

Temuan lists, one per row, the findings no other sheet states: a finding already said
on Tindak Lanjut (its group or its problems, and so also on Status), a *belum jatuh
tempo* note (the Status column says it) or an LKE question without an action (the LKE
sheet shows it) is not repeated. ``all_findings`` lists every finding. Kode Temuan gives
each code found once: its severity, title, meaning, how many and where they are listed.
The JSON (``--format json``) keeps every finding either way.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from typing import Any

from ..findings import FINDING_TYPES, SEVERITIES, Finding
from ..i18n import label
from ..i18n.lke import lke_label
from ..i18n.monthly import mlabel
from ..monthly.todo import Todo
from ..report import Report
from ._book import Formats, row_writer
from ._fit import wrapped_lines

__all__ = ["PLACES", "place_of", "write_codes_sheet", "write_findings_sheet"]

#: Where a finding is listed, in the workbook's sheet order.
PLACES = ("todo", "status", "lke", "findings")
_COLS = (("cell", 20), ("area", 6), ("severity", 12), ("code", 24), ("message", 110))
_CODE_COLS = (
    ("code", 24),
    ("severity", 14),
    ("title_col", 30),
    ("meaning", 64),
    ("count", 8),
    ("listed_on", 24),
)
_HEAD = 2


def place_of(f: Finding, todo: Todo, lke_sheet: bool) -> str:
    """``todo``, ``status``, ``lke`` or ``findings``: the sheet that states ``f``."""
    if todo.states(f):
        return "todo"
    if f.code == "not-yet-due":
        return "status"
    if lke_sheet and f.code == "lke-question-unplanned":
        return "lke"
    return "findings"


def write_findings_sheet(
    wb: Any, fmt: Formats, report: Report, todo: Todo, all_findings: bool = False
) -> Counter[tuple[str, str]]:
    """Write Temuan; return how many findings of each (code, place) there are."""
    lang = report.lang
    ws = wb.add_worksheet(label("sheet_findings", lang))
    for i, (_key, width) in enumerate(_COLS):
        ws.set_column(i, i, width)
    ws.set_row(0, 22)
    title = "findings_all_title" if all_findings else "findings_title"
    ws.write_string(0, 0, mlabel(title, lang), fmt.title)
    codes_sheet = mlabel("sheet_codes", lang)
    note = "findings_all_note" if all_findings else "findings_note"
    ws.write_string(1, 0, mlabel(note, lang, codes=codes_sheet), fmt.subtitle)
    for i, (key, _width) in enumerate(_COLS):
        ws.write_string(_HEAD, i, label(key, lang), fmt.header)
    lke_sheet = report.lke is not None
    area_of = _Areas(report)
    severity = {s: label(f"{s}_sev", lang) for s in SEVERITIES}
    whole = mlabel("whole_plan", lang)
    cap = int(_COLS[-1][1] * 1.15)
    write, text = row_writer(ws), fmt.text
    counts: Counter[tuple[str, str]] = Counter()
    n = _HEAD
    for f in report.findings:
        where = place_of(f, todo, lke_sheet)
        counts[f.code, where] += 1
        if where != "findings" and not all_findings:
            continue
        n += 1
        message = f.message_en if lang == "en" else f.message_id
        if len(message) > cap:  # wraps: LibreOffice does not grow rows on opening
            ws.set_row(n, 15.0 * min(wrapped_lines(message, _COLS[-1][1]), 27) + 3)
        sev = severity.get(f.severity, f.severity)
        cells = [(0, f.cell or whole, text), (1, area_of(f), text), (2, sev, text)]
        write(n, [*cells, (3, f.code, text), (4, message, text)])
    if n == _HEAD:
        write(n + 1, [(0, label("none", lang), text)])
    ws.freeze_panes(_HEAD + 1, 0)
    ws.autofilter(_HEAD, 0, max(n, _HEAD + 1), len(_COLS) - 1)
    ws.set_landscape()
    ws.set_paper(9)
    ws.repeat_rows(_HEAD)
    ws.fit_to_pages(1, 0)
    return counts


class _Areas:
    """The area of a finding's row, walking the rows in step with the findings (both in
    sheet order, then row order) rather than holding a map of every row."""

    def __init__(self, report: Report) -> None:
        self.order = {name: i for i, name in enumerate(report.plan.sheets)}
        self.rows = [r.row for r in report.results]
        self.map: dict[tuple[str, int], str] | None = None
        keys = (self._key(r.sheet, r.row) for r in self.rows)
        if any(a > b for a, b in pairwise(keys)):  # not in order: a map of every row
            self.map = {(r.sheet, r.row): r.area or "" for r in self.rows}
        self.i = 0
        self.last: tuple[int, int] = (-2, 0)

    def _key(self, sheet: str, row: int) -> tuple[int, int]:
        return (self.order.get(sheet, -1), row)

    def __call__(self, f: Finding) -> str:
        if self.map is not None:
            return self.map.get((f.sheet, f.row), "")
        key = self._key(f.sheet, f.row)
        if key < self.last:
            self.i = 0  # findings out of order: start again (never in a sorted report)
        self.last = key
        rows, i = self.rows, self.i
        while i < len(rows) and self._key(rows[i].sheet, rows[i].row) < key:
            i += 1
        self.i = i
        if i < len(rows) and rows[i].sheet == f.sheet and rows[i].row == f.row:
            return rows[i].area or ""
        return ""


def _place_name(place: str, lang: str) -> str:
    if place == "todo":
        return mlabel("sheet_todo", lang)
    if place == "status":
        return f"{label('sheet_status', lang)} ({label('not_due', lang)})"
    if place == "lke":
        return lke_label("sheet", lang)
    return label("sheet_findings", lang)


def write_codes_sheet(
    wb: Any,
    fmt: Formats,
    report: Report,
    counts: Counter[tuple[str, str]],
    *,
    all_findings: bool = False,
) -> None:
    """Kode Temuan: each code found, once, with its meaning and where it is listed."""
    lang = report.lang
    ws = wb.add_worksheet(mlabel("sheet_codes", lang))
    for i, (_key, width) in enumerate(_CODE_COLS):
        ws.set_column(i, i, width)
    ws.set_row(0, 22)
    ws.write_string(0, 0, mlabel("codes_title", lang), fmt.title)
    for i, (key, _width) in enumerate(_CODE_COLS):
        ws.write_string(_HEAD - 1, i, mlabel(key, lang), fmt.header)
    per_code: dict[str, dict[str, int]] = {}
    for (code, where), n in counts.items():
        per_code.setdefault(code, {})[where] = n
    rank = {s: i for i, s in enumerate(SEVERITIES)}

    def order(code: str) -> tuple[int, int, str]:
        kind = FINDING_TYPES.get(code)
        return (rank.get(kind.severity, 3) if kind else 3, -sum(per_code[code].values()), code)

    row = _HEAD - 1
    for code in sorted(per_code, key=order):
        row += 1
        kind = FINDING_TYPES.get(code)
        places = [p for p in PLACES if p in per_code[code]]
        if all_findings and "findings" not in places:
            places.append("findings")
        texts = (
            code,
            label(f"{kind.severity}_sev", lang) if kind else "",
            kind.title(lang) if kind else "",
            kind.description(lang) if kind else "",
        )
        lines = max(wrapped_lines(t, w) for t, (_k, w) in zip(texts, _CODE_COLS, strict=False))
        if lines > 1:
            ws.set_row(row, 15.0 * lines + 3)
        for col, value in enumerate(texts):
            ws.write_string(row, col, value, fmt.text)
        ws.write_number(row, 4, sum(per_code[code].values()), fmt.number)
        ws.write_string(row, 5, ", ".join(_place_name(p, lang) for p in places), fmt.text)
    if row == _HEAD - 1:
        row += 1
        ws.write_string(row, 0, label("none", lang), fmt.text)
    ws.freeze_panes(_HEAD, 0)
    ws.set_landscape()
    ws.set_paper(9)
    ws.repeat_rows(_HEAD - 1)
    ws.fit_to_pages(1, 0)
