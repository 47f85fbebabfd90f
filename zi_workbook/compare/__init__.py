"""Month over month: what changed in a plan since last time, and what looks hidden.

>>> from zi_workbook.compare import compare_reports   # doctest: +SKIP
>>> changes = compare_reports(last_month, this_month)  # two Reports
>>> changes.counts["now-complete"], changes.has_errors

Actions are paired by what they are (area, component, indicator, action), never by
Excel row (:mod:`.match`); each pair, added or removed action gives its changes and
findings (:mod:`.diff`); :class:`Changes` holds them and ``to_dict()`` is the
``zi-workbook/changes/1`` contract.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path

from ..reading.reader import RowMemo
from ..report import Report
from .changes import SCHEMA, ActionChanges, Change, Changes
from .diff import diff_versions
from .kinds import CHANGE_KINDS, NOW_COMPLETE, ChangeKind
from .match import match_rows
from .version import NotAReportError, Version, from_plan, from_report, open_version

__all__ = [
    "CHANGE_KINDS",
    "NOW_COMPLETE",
    "SCHEMA",
    "ActionChanges",
    "Change",
    "ChangeKind",
    "Changes",
    "NotAReportError",
    "Version",
    "compare_reports",
    "compare_versions",
    "compare_with_previous",
    "from_plan",
    "from_report",
    "open_version",
]


def compare_versions(old: Version, new: Version) -> Changes:
    """Every change from ``old`` to ``new`` and the findings they raise."""
    pairs, left_old, left_new = match_rows(old.rows, new.rows)
    return diff_versions(old, new, pairs, left_old, left_new)


def compare_with_previous(
    previous: str | Path,
    new: Report | Version,
    *,
    old_as_of: date | None = None,
    columns: Mapping[str, str] | None = None,
    year: int | None = None,
    memo: RowMemo | None = None,
) -> Changes:
    """Compare last time's plan workbook or saved JSON report with the plan just checked
    (its report, or the plan as a version: ``from_plan``).

    ``old_as_of`` None: the saved report's own date, or for a workbook the last day of
    the month before ``new.as_of``. ``memo``: the one the new version was read with
    (``reading.reader.read_plan``): the old version's rows that read the same are not
    made again.
    """
    old = open_version(
        previous, as_of=old_as_of, new_as_of=new.as_of, columns=columns, year=year, memo=memo
    )
    return compare_versions(old, new if isinstance(new, Version) else from_report(new))


def compare_reports(old: Report, new: Report) -> Changes:
    """Compare two checked plans (``summary --previous`` calls this per office)."""
    return compare_versions(from_report(old), from_report(new))
