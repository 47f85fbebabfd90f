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
from ._book import Formats, LinkBudget, date_format, excel_serial, row_writer, write_text
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
        ("due", 17),
        ("deadline", 17),
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
    border = wb.add_format({"border": 1, "border_color": _CELL["border_color"]})
    _Rows(ws, fmt, report, [w for _k, w in cols], (n_links, extra), border).write(budget)
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


class _Rows:
    """Writes the Status rows, one call per cell and little else per row: the words
    that repeat (LKE questions, periods, link kinds, statuses, dates) are made once."""

    def __init__(
        self,
        ws: Any,
        fmt: Formats,
        report: Report,
        widths: list[int],
        shape: tuple[int, list[str]],
        border: Any,
    ) -> None:
        self.ws, self.fmt, self.report = ws, fmt, report
        #: the border of the table's empty cells, drawn by one conditional format
        self.border = border
        self.n_links, self.extra = shape
        #: characters per line of each column (see _lines)
        self.caps = [max(int(w * 1.15), 4) for w in widths]
        self.lang = report.lang
        self.lke: dict[tuple[str, str | None], str] = {}
        self.periods: dict[tuple[Any, int, int], str] = {}
        self.kinds: dict[tuple[str, ...], str] = {}
        self.days: dict[Any, int] = {}
        self.no_area = label("no_area", self.lang)
        self.status_text = {k: label(k, self.lang) for k in fmt.status}

    def write(self, budget: LinkBudget) -> None:
        ws, fmt, caps, n_links = self.ws, self.fmt, self.caps, self.n_links
        write = row_writer(ws)
        text_f, number_f, date_f = fmt.text, fmt.number, fmt.date
        extra, checks = self.extra, self.report.link_checks is not None
        ws.set_default_row(18)  # one line of text; taller rows are set one by one
        for n, result in enumerate(self.report.results, start=_HEAD_ROW + 1):
            r = result.row
            links = r.links
            texts = [
                r.area or self.no_area,
                r.component,
                r.indicator,
                self._lke_text(result),
                r.action,
                *(monitoring_values(r, extra) if extra else ()),
                r.evidence,
            ]
            col = 2 + len(texts)
            link_cells: list[str] = []  # the text of the link columns that are not links
            link_row: list[tuple[int, Any, Any]] = []  # the link columns' cells
            for i in range(n_links):
                if i < len(links) and not (i == n_links - 1 and len(links) > n_links):
                    cell = budget.cell(ws, n, col + i, links[i], fmt)
                    if cell is not None:
                        link_row.append((col + i, *cell))
                    link_cells.append("")
                    continue
                if i == n_links - 1 and len(links) > n_links:
                    link_cells.append("\n".join(links[i:]))
                else:
                    link_cells.append(r.link_text if i == 0 and not links else "")
                if link_cells[-1]:
                    link_row.append((col + i, link_cells[-1], text_f))
            tail = [self._kinds(links)]
            if checks:
                tail.append(_checked(result, self.report))
            tail += [r.target.text, self._periods(result)]
            lines = _lines(r.sheet, caps[0])
            for c, value in enumerate(texts, start=2):
                if len(value) > caps[c] or "\n" in value:
                    lines = max(lines, _lines(value, caps[c]))
            for c, value in enumerate(link_cells, start=col):
                if value:
                    lines = max(lines, _lines(value, caps[c]))
            tail_col = col + n_links
            for c, value in enumerate(tail, start=tail_col):
                if len(value) > caps[c] or "\n" in value:
                    lines = max(lines, _lines(value, caps[c]))
            found = "\n".join(f.message(self.lang) for f in result.findings if f.notable)
            last = tail_col + len(tail) + 3
            if found:
                lines = max(lines, _lines(found, caps[last]))
            if lines > 1:
                ws.set_row(n, min(15.0 * lines + 3, 409.0))
            # An empty cell is not written: the sheet's "blanks" rule draws its border.
            cells: list[tuple[int, Any, Any]] = [(0, r.sheet, text_f)] if r.sheet else []
            cells.append((1, r.row, number_f))
            cells += [(c, v, text_f) for c, v in enumerate(texts, start=2) if v]
            cells += link_row
            cells += [(c, v, text_f) for c, v in enumerate(tail, start=tail_col) if v]
            c = tail_col + len(tail)
            state = result.state
            if state.due is not None:
                cells.append((c, self._serial(state.due), date_f))
            if state.deadline is not None:
                cells.append((c + 1, self._serial(state.deadline), date_f))
            key = "due_soon" if result.due_soon else result.status
            cells.append((c + 2, self.status_text[key], fmt.status[key]))
            if found:
                cells.append((c + 3, found, text_f))
            write(n, cells)
        last = _HEAD_ROW + max(len(self.report.results), 1)
        ws.conditional_format(
            _HEAD_ROW + 1, 0, last, len(caps) - 1, {"type": "blanks", "format": self.border}
        )

    def _serial(self, day: Any) -> int:
        """The day as Excel's serial number (what write_datetime writes, made once)."""
        serial = self.days.get(day)
        if serial is None:
            serial = self.days[day] = excel_serial(day)
        return serial

    def _lke_text(self, result: RowResult) -> str:
        m = result.lke
        if m is None or not m.code:
            return ""
        key = (m.code, m.source)
        text = self.lke.get(key)
        if text is None:
            text = self.lke[key] = _lke_text(result, self.lang)
        return text

    def _periods(self, result: RowResult) -> str:
        state = result.state
        key = (result.row.target.periods, state.periods_passed, state.periods)
        text = self.periods.get(key)
        if text is None:
            text = self.periods[key] = _periods(result, self.lang)
        return text

    def _kinds(self, links: tuple[str, ...]) -> str:
        kinds = tuple(classify(u).kind for u in links)
        text = self.kinds.get(kinds)
        if text is None:
            text = self.kinds[kinds] = "\n".join(
                dict.fromkeys(kind_label(k, self.lang) for k in kinds)
            )
        return text


def _lines(value: str, per_line: int) -> int:
    """Lines ``value`` takes in a column of ``per_line`` characters (LibreOffice does
    not grow rows on opening, so the row height is set from this)."""
    if "\n" not in value:
        return -(-len(value) // per_line) or 1
    return sum(-(-len(part) // per_line) or 1 for part in value.split("\n"))


def _checked(result: RowResult, report: Report) -> str:
    """After --check-links: whether each link opened, in words, one line per link."""
    lines = []
    for url in result.row.links:
        check = report.link_checks.get(url) if report.link_checks is not None else None
        if check is not None:
            lines.append(("✓ " if check.ok else "✗ ") + check.reason(report.lang))
    return "\n".join(lines)


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
