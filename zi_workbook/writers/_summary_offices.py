"""A page per office: each office's Laporan Monev, one sheet each, after Berkas.

The page is the monthly report's own (``monthly.page`` built in the worker that read
the plan, laid out by ``writers.monev.write_page``): counts per area with both rates,
the overdue actions with their PIC, the changes since last time with ``--previous``,
and the signature block; one A4 landscape page. Sheets follow Peringkat's order and are
named by a short form of the unit (``_sheet_names``). Plans *belum diisi* and files
not read have no page.
"""

from __future__ import annotations

from typing import Any

from ..i18n.inspectorate import ilabel
from ..monthly.page import MonevPage
from ..summary import OfficeSummary, Summary
from ..summary.run import PAGES_BELOW
from ._sheet_names import SheetNames
from ._summary_page import ranked
from .monev import monev_formats, write_page

__all__ = ["PAGES_BELOW", "wants_pages", "write_office_pages"]


def wants_pages(summary: Summary, per_office: bool | None) -> bool:
    """Whether the workbook gets a page per office: as asked, else below ``PAGES_BELOW``."""
    return per_office if per_office is not None else len(summary.read) < PAGES_BELOW


def write_office_pages(wb: Any, summary: Summary) -> list[str]:
    """One sheet per office counted, in Peringkat's order; return the sheet names."""
    names = SheetNames(ws.name for ws in wb.worksheets())
    formats = monev_formats(wb)
    made: list[str] = []
    for office in ranked(summary):
        if not office.total or office.page is None:
            continue
        ws = wb.add_worksheet(names.add(office.label))
        page = _page(office, office.page, summary)
        left = page.overdue_count - len(page.overdue)
        write_page(wb, ws, page, formats, more=ilabel("page_more", summary.lang, n=left))
        made.append(ws.name)
    return made


def _page(office: OfficeSummary, page: MonevPage, summary: Summary) -> MonevPage:
    """The page with the office's label (the file name when no unit was found) and,
    with ``--previous``, its changes since last time."""
    changes = page.changes
    if summary.previous_as_of is not None:
        last = office.previous
        if last is None or last.detail is None:
            changes = (ilabel("page_no_previous", summary.lang),)
        else:
            from .changes_text import render_section

            changes = tuple(render_section(last.detail, summary.lang))
    return page._replace(unit=office.label, changes=changes)
