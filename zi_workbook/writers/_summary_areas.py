"""The Per Area sheet: offices × areas, each cell the rate of due actions completed.

One row per office (in the order of Peringkat) and an *all offices* row; a column
per area I..VI, one for actions above any area row when a plan has them, and one
for the whole plan. Each cell's note gives its counts. One A4 page for 40 offices.
"""

from __future__ import annotations

from typing import Any

from ..i18n.inspectorate import ilabel
from ..model import AREAS
from ..status import Rates
from ..summary import NO_AREA, Summary
from ._summary_common import HEAD, Fmt, start_sheet
from ._summary_page import RateFormats, one_page, ranked

__all__ = ["write_per_area"]

_FIRST = 2  # column of area I


def write_per_area(wb: Any, fmt: Fmt, summary: Summary) -> None:
    lang = summary.lang
    keys = list(AREAS)
    if any(o.areas.get(NO_AREA, {}).get("total") for o in summary.read):
        keys.append(NO_AREA)
    widths = [4, 34, *([13] * len(keys)), 13]
    ws, grid = start_sheet(wb, fmt, summary, "sheet_per_area", "grid_title", widths)
    ws.write_string(2, 0, ilabel("rate_rule", lang), fmt.subtitle)
    grid.text(HEAD, 0, ilabel("rank", lang), fmt.header, bold=True)
    grid.text(HEAD, 1, ilabel("unit", lang), fmt.header, bold=True)
    for i, key in enumerate(keys):
        name = ilabel("no_area_col", lang) if key == NO_AREA else _area_head(key, lang)
        grid.text(HEAD, _FIRST + i, name, fmt.header, bold=True)
    grid.text(HEAD, _FIRST + len(keys), ilabel("all_areas_col", lang), fmt.header, bold=True)
    plain, bold = RateFormats(wb), RateFormats(wb, bold=True)
    row = HEAD + 1
    grid.text(row, 1, ilabel("all_offices", lang), fmt.band, bold=True)
    totals, counts = summary.area_rates(), summary.area_totals()
    for i, key in enumerate(keys):
        _cell(ws, bold, row, _FIRST + i, totals[key], counts[key]["total"], lang)
    _cell(ws, bold, row, _FIRST + len(keys), summary.rates, summary.totals["total"], lang)
    for n, office in enumerate(ranked(summary), start=1):
        row += 1
        ws.write_number(row, 0, n, fmt.number)
        grid.text(row, 1, office.label, fmt.text if office.unit else fmt.flagged)
        if not office.total:
            grid.text(row, _FIRST, ilabel("empty", lang), plain.empty, span=len(keys) + 1)
            continue
        for i, key in enumerate(keys):
            rates = office.area_rates.get(key, Rates())
            _cell(ws, plain, row, _FIRST + i, rates, office.areas[key]["total"], lang)
        _cell(ws, plain, row, _FIRST + len(keys), office.rates, office.total, lang)
    grid.fit()
    one_page(ws, HEAD, len(summary.offices), _FIRST + len(keys))


def _area_head(numeral: str, lang: str) -> str:
    return f"{numeral}\n{AREAS[numeral]['en' if lang == 'en' else 'id']}"


def _cell(
    ws: Any, formats: RateFormats, row: int, col: int, r: Rates, total: int, lang: str
) -> None:
    formats.write(ws, row, col, r.due_complete)
    if total:
        ws.write_comment(
            row, col, ilabel("cell_note", lang, done=r.due_done, due=r.due, total=total)
        )
