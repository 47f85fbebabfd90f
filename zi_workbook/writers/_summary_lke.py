"""Batas Atas LKE: per office, the ceiling of Pengungkit points its plan evidences.

One row per office in the order of Peringkat: a column per area I..VI (its weight and
WBK minimum in the header), Pengungkit, and the areas whose ceiling is under the WBK
minimum. Red: under the WBK minimum; yellow: WBK reached, WBBM not; green: the WBBM
minimum reached. A note under the table says it is a ceiling from the evidence, not a
predicted score. One A4 page for 40 offices. Peringkat carries the Pengungkit ceiling
and the areas under WBK as its last two columns (``ranking_cells``).
"""

from __future__ import annotations

from typing import Any

from ..i18n.inspectorate import ilabel
from ..i18n.lke import lke_label
from ..lke.data import Lke, load
from ..model import AREAS
from ..summary import OfficeSummary, Summary
from ._fit import Grid
from ._summary_common import HEAD, Fmt, StreamGrid, subtitle
from ._summary_page import RATE_BANDS, one_page, ranked

__all__ = ["RANKING_COLS", "LkeFormats", "ranking_cells", "write_lke_ceiling"]

#: The two columns Peringkat ends with: (label key of ``lke_label``, width).
RANKING_COLS = (("summary_ceiling", 11), ("summary_below", 12))
_FIRST = 2  # column of area I


class LkeFormats:
    """Points (two decimals) coloured by the minimum they reach: none, WBK, WBBM."""

    def __init__(self, wb: Any) -> None:
        base = {
            "border": 1,
            "border_color": "#BFBFBF",
            "align": "center",
            "valign": "vcenter",
            "num_format": "0.00",
        }
        (_, green, green_font), (_, yellow, yellow_font), (_, red, red_font) = RATE_BANDS
        self.wbbm = wb.add_format({**base, "bg_color": green, "font_color": green_font})
        self.wbk = wb.add_format({**base, "bg_color": yellow, "font_color": yellow_font})
        self.below = wb.add_format({**base, "bg_color": red, "font_color": red_font})
        self.none = wb.add_format({**base, "font_color": "#808080"})
        self.text = wb.add_format({**base, "num_format": "@", "text_wrap": True})
        self.note = wb.add_format({"text_wrap": True, "valign": "top", "italic": True})

    def points(self, ws: Any, row: int, col: int, value: float, wbk: float, wbbm: float) -> None:
        fmt = self.wbbm if value >= wbbm else self.wbk if value >= wbk else self.below
        ws.write_number(row, col, value, fmt)


def _minimums(lke: Lke) -> tuple[dict[str, tuple[float, float]], tuple[float, float]]:
    """Each area's (WBK, WBBM) minimum points, and Pengungkit's."""
    wbk, wbbm = lke.thresholds["WBK"], lke.thresholds["WBBM"]
    areas = {n: (wbk.area_min(a.weight), wbbm.area_min(a.weight)) for n, a in lke.areas.items()}
    return areas, (wbk.pengungkit_min, wbbm.pengungkit_min)


def _num(x: float, lang: str) -> str:
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return text if lang == "en" else text.replace(".", ",")


def ranking_cells(ws: Any, formats: LkeFormats, office: OfficeSummary, row: int, col: int) -> None:
    """Peringkat's last two cells of an office: its Pengungkit ceiling (coloured by the
    Pengungkit minimum it reaches) and the areas under the WBK minimum (``-``: none)."""
    data = office.lke
    if not data:
        ws.write_string(row, col, "-", formats.none)
        ws.write_string(row, col + 1, "-", formats.none)
        return
    _, (wbk, wbbm) = _minimums(load())
    below = data["below_wbk"]
    if below:  # an area under its minimum: WBK is out of reach whatever the total
        ws.write_number(row, col, data["pengungkit"], formats.below)
        ws.write_string(row, col + 1, ", ".join(below), formats.below)
    else:
        formats.points(ws, row, col, data["pengungkit"], wbk, wbbm)
        ws.write_string(row, col + 1, "-", formats.text)


def write_lke_ceiling(wb: Any, fmt: Fmt, summary: Summary) -> None:
    lang = summary.lang
    lke = load()
    areas, (p_wbk, p_wbbm) = _minimums(lke)
    widths = [4, 34, *([12] * len(AREAS)), 13, 14]
    ws = wb.add_worksheet(lke_label("sheet_lke", lang))
    grid = StreamGrid(ws, widths)
    ws.write_string(0, 0, lke_label("lke_title", lang), fmt.title)
    ws.write_string(1, 0, subtitle(summary), fmt.subtitle)
    formats = LkeFormats(wb)
    ws.write_string(2, 0, lke_label("summary_legend", lang), fmt.subtitle)
    grid.text(HEAD, 0, ilabel("rank", lang), fmt.header, bold=True)
    grid.text(HEAD, 1, ilabel("unit", lang), fmt.header, bold=True)
    weight, minimum = lke_label("weight", lang), lke_label("min_wbk", lang)
    for i, numeral in enumerate(AREAS):
        wbk = areas[numeral][0]
        name = AREAS[numeral]["en" if lang == "en" else "id"]
        head = f"{numeral} {name}\n{weight} {_num(lke.areas[numeral].weight, lang)}\n"
        grid.text(HEAD, _FIRST + i, f"{head}{minimum} {_num(wbk, lang)}", fmt.header, bold=True)
    last = _FIRST + len(AREAS)
    pengungkit = f"Pengungkit\n{weight} {_num(lke.pengungkit, lang)}\n{minimum} {_num(p_wbk, lang)}"
    grid.text(HEAD, last, pengungkit, fmt.header, bold=True)
    grid.text(HEAD, last + 1, lke_label("cannot_reach", lang), fmt.header, bold=True)
    row = HEAD
    for n, office in enumerate(ranked(summary), start=1):
        row += 1
        ws.write_number(row, 0, n, fmt.number)
        grid.text(row, 1, office.label, fmt.text if office.unit else fmt.flagged)
        _office_row(grid, formats, office, row, areas, (p_wbk, p_wbbm), lang)
    grid.text(row + 2, 0, lke_label("note", lang), formats.note, span=len(widths))
    grid.fit()
    one_page(ws, HEAD, len(summary.offices), last + 1)


def _office_row(
    grid: Grid,
    formats: LkeFormats,
    office: OfficeSummary,
    row: int,
    areas: dict[str, tuple[float, float]],
    pengungkit: tuple[float, float],
    lang: str,
) -> None:
    ws, data = grid.ws, office.lke
    if not data:  # nothing read, or a plan with no action
        label = ilabel("empty", lang) if not office.total else "-"
        grid.text(row, _FIRST, label, formats.none, span=len(AREAS) + 2)
        return
    for i, numeral in enumerate(AREAS):
        formats.points(ws, row, _FIRST + i, data["ceiling"].get(numeral, 0.0), *areas[numeral])
    last = _FIRST + len(AREAS)
    formats.points(ws, row, last, data["pengungkit"], *pengungkit)
    below = data["below_wbk"]
    ws.write_string(
        row, last + 1, ", ".join(below) or "-", formats.below if below else formats.text
    )
