"""The Inspectorate's summary workbook: every office, area and status (xlsxwriter).

Sheets: Peringkat (offices ranked by the rate of due actions completed, one A4 page
with the Inspektur's signature block), Ringkasan (totals per area with a stacked bar
chart that reads them, the files that could not be read, then one row per office
with its links counted by kind and, after --check-links, how many opened), Per Area
(offices × areas, one page), Batas Atas LKE (offices × areas, the ceiling of LKE
Pengungkit points against the WBK/WBBM minimums, one page), Terlambat and Perlu
Perbaikan (each action with its PIC, links, their kinds and whether they opened),
Temuan (grouped per office and code; Semua Temuan with ``all_findings``), Berkas (every
file found and what happened to it), then a page per office (its Laporan Monev, see
``_summary_offices``); labels in Bahasa Indonesia or English. Links are clickable only
through ``LinkBudget.write_link``
(http, https and mailto).
"""

from __future__ import annotations

from pathlib import Path

from ..i18n.summary import slabel
from ..summary import Summary
from ._atomic import atomic_workbook
from ._summary_areas import write_per_area
from ._summary_common import CHART_STATUSES, Fmt
from ._summary_files import write_files
from ._summary_findings import write_all_findings, write_findings
from ._summary_lists import write_actions
from ._summary_lke import write_lke_ceiling
from ._summary_offices import PAGES_BELOW, wants_pages, write_office_pages
from ._summary_overview import kinds_text, opened_text, write_ringkasan
from ._summary_ranking import write_ranking

__all__ = [
    "CHART_STATUSES",
    "PAGES_BELOW",
    "kinds_text",
    "opened_text",
    "write_summary_workbook",
]


def write_summary_workbook(
    summary: Summary,
    out: str | Path,
    *,
    all_findings: bool = False,
    per_office: bool | None = None,
) -> Path:
    """Write the summary workbook of ``summary`` to ``out`` atomically; return the path.

    ``all_findings`` adds Semua Temuan, one row per finding (Temuan groups them).
    ``per_office`` adds each office's Laporan Monev page after Berkas (None: when
    there are fewer than ``PAGES_BELOW`` offices).
    """
    out = Path(out)
    inputs = tuple(Path(o.file) for o in summary.offices)
    options = {
        "constant_memory": True,  # every sheet writes its rows in order: they stream out
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
    }
    with atomic_workbook(out, inputs, options=options) as wb:
        wb.set_properties({"title": slabel("title_summary", summary.lang), "author": "zi-workbook"})
        fmt = Fmt(wb, summary.lang)
        write_ranking(wb, fmt, summary)
        write_ringkasan(wb, fmt, summary)
        write_per_area(wb, fmt, summary)
        if any(o.lke for o in summary.offices):
            write_lke_ceiling(wb, fmt, summary)
        write_actions(wb, fmt, summary, "overdue")
        write_actions(wb, fmt, summary, "needs_fix")
        write_findings(wb, fmt, summary)
        if all_findings:
            write_all_findings(wb, fmt, summary)
        write_files(wb, fmt, summary)
        if wants_pages(summary, per_office):
            write_office_pages(wb, summary)
    return out
