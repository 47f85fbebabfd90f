"""Temuan: findings grouped per office and code with counts, then a legend of the codes;
with ``--all-findings`` also **Semua Temuan**, one row per finding."""

from __future__ import annotations

from typing import Any

from ..findings import FINDING_TYPES
from ..i18n.summary import slabel
from ..summary import Summary, finding_place
from ._summary_common import HEAD, Fmt, heads, page_setup, start_sheet

__all__ = ["write_all_findings", "write_findings"]

_GROUP_COLS = (
    ("office", 28),
    ("file", 24),
    ("severity", 12),
    ("code", 22),
    ("title_col", 30),
    ("count", 8),
    ("cells", 40),
)


def write_findings(wb: Any, fmt: Fmt, summary: Summary) -> None:
    """One row per office and code, errors first, the most frequent first."""
    lang = summary.lang
    widths = [w for _, w in _GROUP_COLS]
    ws, grid = start_sheet(wb, fmt, summary, "sheet_findings", "findings_grouped_title", widths)
    heads(grid, fmt, HEAD, [k for k, _ in _GROUP_COLS], lang)
    row = HEAD + 1
    codes: dict[str, None] = {}
    for office in summary.read:
        for group in office.groups(lang):
            codes[group.code] = None
            kind = FINDING_TYPES.get(group.code)
            severe = fmt.status["overdue"] if group.severity == "error" else fmt.text
            grid.text(row, 0, office.label, fmt.text)
            grid.text(row, 1, office.shown or office.name, fmt.text)
            grid.text(row, 2, slabel(f"{group.severity}_sev", lang), severe)
            grid.text(row, 3, group.code, fmt.text)
            grid.text(row, 4, kind.title(lang) if kind else "", fmt.text)
            ws.write_number(row, 5, group.total, fmt.number)
            grid.text(row, 6, group.cells, fmt.text)
            row += 1
    if row == HEAD + 1:
        grid.text(row, 0, slabel("none", lang), fmt.text, span=4)
        row += 1
    last = row - 1
    row += 1
    if codes:  # the meaning of each code once, not on every row
        ws.write_string(row, 0, slabel("meaning", lang), fmt.section)
        row += 1
        for code in sorted(codes):
            kind = FINDING_TYPES.get(code)
            grid.text(row, 3, code, fmt.text)
            grid.text(row, 4, kind.title(lang) if kind else "", fmt.text)
            grid.text(row, 5, kind.description(lang) if kind else "", fmt.text, span=2)
            row += 1
    grid.fit()
    page_setup(ws, HEAD, last, len(_GROUP_COLS))


_FINDING_COLS = (
    ("office", 18),
    ("file", 18),
    ("cell", 14),
    ("area", 5),
    ("severity", 10),
    ("code", 18),
    ("title_col", 18),
    ("message", 46),
)


def write_all_findings(wb: Any, fmt: Fmt, summary: Summary) -> None:
    """Every error and warning finding of every office, one row each (``--all-findings``)."""
    lang = summary.lang
    widths = [w for _, w in _FINDING_COLS]
    ws, grid = start_sheet(wb, fmt, summary, "sheet_all_findings", "findings_title", widths)
    heads(grid, fmt, HEAD, [k for k, _ in _FINDING_COLS], lang)
    row = HEAD + 1
    for office in summary.read:
        for f in office.findings:
            kind = FINDING_TYPES.get(f.code)
            texts = (
                office.label,
                office.shown or office.name,
                finding_place(f, lang),
                f.area or "-",
                slabel(f"{f.severity}_sev", lang),
                f.code,
                kind.title(lang) if kind else "",
                f.message,
            )
            for col, text in enumerate(texts):
                severe = col == 4 and f.severity == "error"
                grid.text(row, col, text, fmt.status["overdue"] if severe else fmt.text)
            row += 1
    if row == HEAD + 1:
        grid.text(row, 0, slabel("none", lang), fmt.text, span=4)
        row += 1
    grid.fit()
    page_setup(ws, HEAD, row - 1, len(_FINDING_COLS))
