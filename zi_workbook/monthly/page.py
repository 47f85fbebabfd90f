"""What the Laporan Monev page shows, as small data: built once from a report, laid out
by ``writers.monev.write_page``.

The status workbook builds it from the report it writes; the Inspectorate's summary
builds it in the worker that reads each plan (a few hundred bytes travel back, not the
report) and prints it as the office's own sheet. Both print the same page.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .._record import Record
from ..model import AREAS
from ..report import Report
from ..status import Rates
from .todo import Todo, build_todo

__all__ = ["MAX_OVERDUE", "MonevPage", "OverdueLine", "monev_page"]

#: At most this many overdue actions are listed, so the page stays one page.
MAX_OVERDUE = 12


class OverdueLine(Record):
    """One overdue action as the page lists it (``todo``'s line, without the row)."""

    area: str
    action: str
    pic: str | None
    due: date | None
    days: int | None


class MonevPage(Record):
    """One office's page: who, as of when, counts per area, the overdue, the changes.

    ``areas`` holds the rows of the area table in order (area I..VI, then "-" when
    actions stand above any area row): numeral, counts, rates. ``overdue`` is the
    first ``MAX_OVERDUE`` overdue actions (the most late first) of ``overdue_count``.
    ``changes`` are lines of "what changed since last month", None without a previous
    version.
    """

    lang: str
    unit: str
    plan_year: int | None
    as_of: date
    areas: tuple[tuple[str, dict[str, int], Rates], ...]
    counts: dict[str, int]
    rates: Rates
    overdue: tuple[OverdueLine, ...]
    overdue_count: int
    changes: tuple[str, ...] | None = None


def monev_page(
    report: Report, todo: Todo | None = None, changes: Sequence[str] | None = None
) -> MonevPage:
    """The page of ``report`` (``todo``: its :func:`build_todo`, built when None)."""
    todo = todo if todo is not None else build_todo(report)
    counts, rates = report.area_counts(), report.area_rates()
    areas = tuple(
        (numeral, c, rates[numeral])
        for numeral, c in counts.items()
        if numeral in AREAS or c["total"]
    )
    lines = todo.group("overdue")
    overdue = tuple(
        OverdueLine(
            line.area,
            line.action,
            line.pic,
            line.result.state.due if line.result is not None else None,
            line.days,
        )
        for line in lines[:MAX_OVERDUE]
    )
    return MonevPage(
        report.lang,
        report.plan.unit or "",
        report.plan.plan_year,
        report.as_of,
        areas,
        report.counts,
        report.rates,
        overdue,
        len(lines),
        None if changes is None else tuple(changes),
    )
