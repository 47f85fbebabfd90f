"""The LKE sheet of the status workbook: areas -> sub-areas -> questions, the actions
mapped to each question with their status, and the ceiling against the minimums.

Page one holds the ceiling per area; each area then starts a page of its own (portrait,
one page wide), so an area prints on one page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..i18n import label
from ..i18n.lke import lke_label
from ..model import AREAS
from ._book import Formats, write_text
from ._fit import wrapped_lines

if TYPE_CHECKING:
    from ..lke.coverage import AreaCoverage, Coverage
    from ..report import Report

__all__ = ["STATE_FILLS", "write_lke_sheet"]

STATE_FILLS = {"none": "#FFC7CE", "planned": "#FFF2A8", "complete": "#C6EFCE"}
_WIDTHS = (11, 54, 7, 25, 19, 9, 18)


class _Fmt:
    def __init__(self, wb: Any) -> None:
        base = {"valign": "top", "text_wrap": True, "border": 1, "border_color": "#BFBFBF"}
        self.points = wb.add_format({**base, "num_format": "0.00", "align": "center"})
        self.points_bold = wb.add_format(
            {**base, "num_format": "0.00", "align": "center", "bold": True}
        )
        self.area = wb.add_format({**base, "bold": True, "bg_color": "#E2EFDA"})
        self.centre = wb.add_format({**base, "align": "center"})
        self.note = wb.add_format({"italic": True, "text_wrap": True, "valign": "top"})
        self.sub = wb.add_format({**base, "bold": True, "bg_color": "#F2F2F2"})
        self.sub_points = wb.add_format(
            {**base, "bold": True, "bg_color": "#F2F2F2", "num_format": "0.00", "align": "center"}
        )
        self.state = {
            k: wb.add_format({**base, "bold": True, "align": "center", "bg_color": fill})
            for k, fill in STATE_FILLS.items()
        }
        self.verdict = {
            "below_wbk": self.state["none"],
            "reaches_wbk": self.state["planned"],
            "reaches_wbbm": self.state["complete"],
        }


def _verdict(area: AreaCoverage) -> str:
    if area.reaches("WBBM"):
        return "reaches_wbbm"
    return "reaches_wbk" if area.reaches("WBK") else "below_wbk"


def _name(numeral: str, lang: str) -> str:
    return AREAS[numeral]["en" if lang == "en" else "id"]


def _summary(ws: Any, fmt: Formats, f: _Fmt, cov: Coverage, lang: str, row: int) -> int:
    """Per area: weight, minimums, verdict, ceiling, and the ceiling if all were done;
    the columns line up with the area blocks below (weight, state, ceiling)."""
    heads = ("area", "area_name", "weight", "minimums", "verdict", "ceiling", "plan_ceiling")
    for col, key in enumerate(heads):
        write_text(ws, row, col, lke_label(key, lang), fmt.header)
    lines = [
        (n, _name(n, lang), a.area.weight, a.minimums["WBK"], a.minimums["WBBM"], a.ceiling,
         a.plan_ceiling, _verdict(a), fmt.text)
        for n, a in cov.areas.items()
    ]  # fmt: skip
    wbk, wbbm = (cov.lke.thresholds[k].pengungkit_min for k in ("WBK", "WBBM"))
    total = cov.ceiling
    verdict = "reaches_wbbm" if total >= wbbm else "reaches_wbk" if total >= wbk else "below_wbk"
    lines.append(
        ("", lke_label("pengungkit", lang), cov.lke.pengungkit, wbk, wbbm, total,
         cov.plan_ceiling, verdict, fmt.bold)
    )  # fmt: skip
    for numeral, name, weight, low, high, ceiling, plan, verdict, text in lines:
        row += 1
        write_text(ws, row, 0, numeral, text)
        write_text(ws, row, 1, name, text)
        ws.write_number(row, 2, weight, f.points)
        write_text(ws, row, 3, f"{_num(low, lang)} / {_num(high, lang)}", f.centre)
        write_text(ws, row, 4, lke_label(verdict, lang), f.verdict[verdict])
        ws.write_number(row, 5, ceiling, f.points_bold)
        ws.write_number(row, 6, plan, f.points)
    row += 1
    write_text(ws, row, 0, "", fmt.text)
    write_text(ws, row, 1, lke_label("hasil", lang), fmt.text)
    ws.write_number(row, 2, cov.lke.hasil, f.points)
    for col in range(3, 7):
        write_text(ws, row, col, lke_label("outside", lang) if col == 4 else "", f.centre)
    return row + 2


def _num(x: float, lang: str) -> str:
    return f"{x:.2f}" if lang == "en" else f"{x:.2f}".replace(".", ",")


def _actions(report: Report) -> dict[str, list[str]]:
    """Per question code, ``baris 12: Selesai`` for each action mapped to it."""
    lang = report.lang
    out: dict[str, list[str]] = {}
    for r in report.results:
        if r.lke is None or not r.lke.code:
            continue
        mark = "" if r.lke.source == "column" else f" ({lke_label('suggested', lang)})"
        text = f"{lke_label('row', lang)} {r.row.row}: {label(r.status, lang)}{mark}"
        out.setdefault(r.lke.code, []).append(text)
    return out


def _area_block(
    ws: Any, fmt: Formats, f: _Fmt, area: AreaCoverage, acts: dict[str, list[str]],
    lang: str, row: int,
) -> int:  # fmt: skip
    numeral = area.area.numeral
    title = f"AREA {numeral} — {_name(numeral, lang).upper()}"
    write_text(ws, row, 0, numeral, f.area)
    write_text(ws, row, 1, title, f.area)
    ws.write_number(row, 2, area.area.weight, f.area)
    write_text(ws, row, 3, "", f.area)
    verdict = _verdict(area)
    write_text(ws, row, 4, lke_label(verdict, lang), f.verdict[verdict])
    ws.write_number(row, 5, area.ceiling, f.points_bold)
    for sub in area.sub_areas:
        row += 1
        c = sub.counts
        ws.set_row(row, 30)
        write_text(ws, row, 0, sub.sub_area.code, f.sub)
        write_text(ws, row, 1, f"{sub.sub_area.name} ({lke_label(sub.sub_area.part, lang)})", f.sub)
        ws.write_number(row, 2, sub.sub_area.weight, f.sub_points)
        write_text(ws, row, 3, lke_label("questions_planned", lang).format(**c), f.sub)
        write_text(ws, row, 4, "", f.sub)
        ws.write_number(row, 5, sub.ceiling, f.sub_points)
        share = sub.sub_area.weight / max(len(sub.states), 1)
        for q in sub.questions:
            row += 1
            lines = acts.get(q.question.code, [])
            tall = max(
                wrapped_lines(q.question.text, _WIDTHS[1]),  # its own lines kept (Reform's lists)
                sum(wrapped_lines(t, _WIDTHS[3]) for t in lines),
            )
            ws.set_row(row, 13.5 * tall + 3)
            write_text(ws, row, 0, q.question.code, fmt.text)
            write_text(ws, row, 1, q.question.text, fmt.text)
            ws.write_number(row, 2, share, f.points)
            write_text(ws, row, 3, "\n".join(lines), fmt.text)
            write_text(ws, row, 4, lke_label(q.state, lang), f.state[q.state])
            ws.write_number(row, 5, share if q.state == "complete" else 0.0, f.points)
    return row + 1


def write_lke_sheet(wb: Any, fmt: Formats, report: Report) -> None:
    """The LKE sheet (rows written in order: the workbook uses constant memory)."""
    cov = report.lke
    if cov is None:
        return
    lang = report.lang
    ws = wb.add_worksheet(lke_label("sheet", lang))
    f = _Fmt(wb)
    for col, width in enumerate(_WIDTHS):
        ws.set_column(col, col, width)
    ws.set_row(0, 22)
    write_text(ws, 0, 0, lke_label("title", lang), fmt.title)
    ws.set_row(1, 48)
    ws.merge_range(1, 0, 1, len(_WIDTHS) - 1, "", f.note)
    write_text(ws, 1, 0, lke_label("note", lang), f.note)
    row = _summary(ws, fmt, f, cov, lang, 3)
    heads = ("code", "question", "weight", "actions", "state", "ceiling")
    for col, key in enumerate(heads):
        write_text(ws, row, col, lke_label(key, lang), fmt.header)
    head_row = row
    acts = _actions(report)
    breaks = []
    row += 1
    for area in cov.areas.values():
        breaks.append(row)
        row = _area_block(ws, fmt, f, area, acts, lang, row)
    ws.set_h_pagebreaks(breaks)
    ws.repeat_rows(head_row)
    ws.set_portrait()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
