"""The list sheets: Terlambat and Perlu Perbaikan (actions with their PIC and links)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from ..i18n import kind_label, label
from ..i18n.summary import slabel
from ..links import classify
from ..summary import ActionItem, OfficeSummary, Summary
from ._book import LinkBudget
from ._fit import Grid, wrapped_lines
from ._summary_common import HEAD, Fmt, heads, page_setup, start_sheet

__all__ = ["write_actions"]

_ACTION_COLS = (
    ("office", 18),
    ("file", 18),
    ("cell", 14),
    ("area", 5),
    ("component", 20),
    ("indicator", 30),
    ("action", 32),
    ("pic", 14),
    ("target", 14),
    ("due", 15),  # "30 September 2022" in full, never ###
    ("deadline", 15),
    ("days_late", 9),
    ("missing", 22),
)


#: At most this many link columns; the last one holds the rest as text.
_MAX_LINK_COLS = 3


def write_actions(wb: Any, fmt: Fmt, summary: Summary, status: str) -> None:
    lang = summary.lang
    listed = [
        (office, item)
        for office in summary.read
        for item in (office.overdue if status == "overdue" else office.needs_fix)
    ]
    n_links = min(max([len(item.links) for _, item in listed] or [1]) or 1, _MAX_LINK_COLS)
    link_heads = [
        label("link", lang) if n_links == 1 else f"{label('link', lang)} {i + 1}"
        for i in range(n_links)
    ]
    cols = [*_ACTION_COLS, *((h, 24) for h in link_heads), ("link_kinds", 17)]
    cols += [("link_status", 22)] if summary.links_checked else []
    widths = [w for _, w in cols]
    ws, grid = start_sheet(wb, fmt, summary, f"sheet_{status}", f"{status}_title", widths)
    heads(grid, fmt, HEAD, [k for k, _ in _ACTION_COLS], lang)
    for i, head in enumerate(link_heads):
        grid.text(HEAD, len(_ACTION_COLS) + i, head, fmt.header, bold=True)
    heads(
        grid,
        fmt,
        HEAD,
        [k for k, _ in cols[len(_ACTION_COLS) + n_links :]],
        lang,
        len(_ACTION_COLS) + n_links,
    )
    budget = LinkBudget()
    if _over_budget(listed, n_links, budget.left):  # said above the header, rows stream
        ws.write_string(2, 0, label("hyperlink_cap", lang), fmt.subtitle)
    row = HEAD + 1
    for office, item in listed:
        _action_row(grid, fmt, row, office, item, lang)
        _link_cells(grid, fmt, budget, row, item, n_links, summary)
        row += 1
    if row == HEAD + 1:
        grid.text(row, 0, slabel(f"no_{status}", lang), fmt.text, span=4)
        row += 1
    grid.fit()
    page_setup(ws, HEAD, row - 1, len(cols))


def _over_budget(
    listed: Sequence[tuple[OfficeSummary, ActionItem]], n_links: int, left: int
) -> bool:
    """Whether :class:`LinkBudget` will leave a safe link unclickable (``exceeded``):
    known before the rows are written, since the sheet streams them."""
    for _, item in listed:
        links = item.links
        shown = links if len(links) <= n_links else links[: n_links - 1]
        for url in shown:
            if classify(url).is_safe:
                if left <= 0 or len(url) > 2079:
                    return True
                left -= 1
    return False


def _action_row(
    grid: Grid, fmt: Fmt, row: int, office: OfficeSummary, item: ActionItem, lang: str
) -> None:
    texts = (
        office.label,
        office.shown or office.name,
        f"{item.sheet}!{item.row}",
        item.area or slabel("no_area", lang),
        item.component,
        item.indicator,
        item.action,
        item.pic,
        item.target_text,
    )
    for col, text in enumerate(texts):
        grid.text(row, col, text, fmt.text)
    for col, day in ((9, item.due), (10, item.deadline)):
        if day is not None:
            grid.ws.write_datetime(row, col, _dt(day), fmt.date)
        else:
            grid.text(row, col, "", fmt.text)
    if item.days_late is not None:
        grid.ws.write_number(row, 11, item.days_late, fmt.number)
    else:
        grid.text(row, 11, "", fmt.text)
    grid.text(row, 12, "; ".join(item.missing), fmt.text)


def _link_cells(
    grid: Grid,
    fmt: Fmt,
    budget: LinkBudget,
    row: int,
    item: ActionItem,
    n_links: int,
    summary: Summary,
) -> None:
    """The row's links (clickable only through the budget), their kinds, and the check."""
    lang, links, first = summary.lang, item.links, len(_ACTION_COLS)
    for i in range(n_links):
        col = first + i
        if i == n_links - 1 and len(links) > n_links:
            grid.text(row, col, "\n".join(links[i:]), fmt.text)
        elif i < len(links):
            budget.write_link(grid.ws, row, col, links[i], fmt)
            grid.need(row, wrapped_lines(links[i], grid.widths[col]))
        else:
            grid.text(row, col, "", fmt.text)
    numbered = len(links) > 1
    kinds = [kind_label(kind, lang) for kind in item.link_kinds]
    grid.text(row, first + n_links, _lines(kinds, numbered), fmt.text)
    if not summary.links_checked:
        return
    checks = item.link_checks or ()
    words = [
        f"– {slabel('link_not_checked', lang)}" if c is None else f"{'✓' if c[0] else '✗'} {c[1]}"
        for c in checks
    ]
    broken = any(c is not None and not c[0] for c in checks)
    grid.text(row, first + n_links + 1, _lines(words, numbered), fmt.failed if broken else fmt.text)


def _lines(values: Sequence[str], numbered: bool) -> str:
    """One line per link; numbered (``1: ...``) when the row has several."""
    if not numbered:
        return "\n".join(values)
    return "\n".join(f"{n}: {v}" for n, v in enumerate(values, start=1))


def _dt(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)
