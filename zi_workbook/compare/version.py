"""One side of a comparison: a plan's rows with their statuses as of one day.

A version comes from a :class:`~zi_workbook.report.Report` (the plan just checked), from
a plan read without its checks (last month's workbook), or from a report saved earlier
with ``validate --format json`` (``zi-workbook/report/1``), rebuilt into plan rows.
Statuses come from the one status rule (``status.row_status``, used by ``report``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import FileAccessError, ZiWorkbookError
from ..model import Period, Plan, PlanRow, Target
from ..report import SCHEMA as REPORT_SCHEMA
from ..report import Report, empty_counts
from ..status import due, row_status

if TYPE_CHECKING:
    from ..reading.reader import RowMemo

__all__ = [
    "NotAReportError",
    "Version",
    "due_of",
    "from_plan",
    "from_report",
    "from_report_dict",
    "month_end_before",
    "open_version",
]

#: A saved report larger than this is refused (a month's report is a few MiB at most).
MAX_REPORT_BYTES = 512 * 1024 * 1024


class NotAReportError(ZiWorkbookError):
    """A .json file that is not a report saved by ``validate --format json``."""


@dataclass(frozen=True)
class Version:
    """The rows of one version of a plan and each row's status as of ``as_of``."""

    file: str
    sha256: str
    as_of: date
    unit: str | None
    rows: tuple[PlanRow, ...]
    statuses: tuple[str, ...]
    sheets: tuple[str, ...] = ()

    @property
    def counts(self) -> dict[str, int]:
        counts = empty_counts()
        for status in self.statuses:
            counts["total"] += 1
            counts[status] += 1
        return counts

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "sha256": self.sha256,
            "as_of": self.as_of.isoformat(),
            "unit": self.unit,
            "counts": self.counts,
        }


def due_of(row: PlanRow) -> date | None:
    """The due date of ``row`` (``status.due``: the end of the first period)."""
    return due(row.target)


def from_report(report: Report) -> Version:
    plan = report.plan
    return Version(
        plan.path,
        plan.sha256,
        report.as_of,
        plan.unit,
        tuple(r.row for r in report.results),
        tuple(r.status for r in report.results),
        plan.sheets,
    )


def from_plan(plan: Plan, as_of: date) -> Version:
    """A plan judged as of ``as_of`` with the status rule only (no checks run)."""
    statuses = tuple(row_status(row, as_of) for row in plan.rows)
    return Version(plan.path, plan.sha256, as_of, plan.unit, plan.rows, statuses, plan.sheets)


def month_end_before(day: date) -> date:
    """The last day of the month before ``day`` (the default ``--old-as-of``)."""
    return day.replace(day=1) - timedelta(days=1)


def from_report_dict(data: Mapping[str, Any], as_of: date | None = None) -> Version:
    """A saved ``zi-workbook/report/1`` as a version; statuses as saved unless ``as_of``
    asks for another day (then judged again by the status rule)."""
    rows = tuple(_row(item) for item in data["rows"])
    saved = date.fromisoformat(data["as_of"])
    if as_of is None or as_of == saved:
        statuses = tuple(str(item["status"]) for item in data["rows"])
        as_of = saved
    else:
        statuses = tuple(row_status(row, as_of) for row in rows)
    sheets = tuple(dict.fromkeys(row.sheet for row in rows))
    return Version(
        str(data["file"]), str(data["sha256"]), as_of, data.get("unit"), rows, statuses, sheets
    )


def _row(item: Mapping[str, Any]) -> PlanRow:
    target = item["target"]
    periods = tuple(
        Period(date.fromisoformat(p["start"]), date.fromisoformat(p["end"]) if p["end"] else None)
        for p in target["periods"]
    )
    links = tuple(str(u) for u in item["links"])
    return PlanRow(
        sheet=str(item["sheet"]),
        row=int(item["row"]),
        area=item["area"],
        no=str(item.get("no", "")),
        component=str(item["component"]),
        indicator=str(item["indicator"]),
        action=str(item["action"]),
        evidence=str(item["evidence"]),
        links=links,
        link_candidates=links,
        link_text=str(item.get("link_text", "")),
        target=Target(str(target["text"]), periods),
        extra=tuple((str(k), str(v)) for k, v in dict(item.get("extra") or {}).items()),
    )


def _is_json(path: Path) -> bool:
    if path.suffix.lower() == ".json":
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(64)
    except OSError:
        return False
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def _load_report(path: Path) -> dict[str, Any]:
    try:
        size = path.stat().st_size
        if size > MAX_REPORT_BYTES:
            raise NotAReportError(
                path,
                f"laporan JSON terlalu besar ({size:,} bita).",
                f"the JSON report is too large ({size:,} bytes).",
            )
        data = json.loads(path.read_text("utf-8-sig"))
    except OSError as exc:
        raise FileAccessError(
            path, f"tidak dapat dibaca ({exc.strerror}).", f"cannot be read ({exc.strerror})."
        ) from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise NotAReportError(path, "bukan JSON yang sah.", "is not valid JSON.") from exc
    if not isinstance(data, dict) or data.get("schema") != REPORT_SCHEMA:
        raise NotAReportError(
            path,
            f"bukan laporan '{REPORT_SCHEMA}' (simpan dengan validate --format json).",
            f"is not a '{REPORT_SCHEMA}' report (save one with validate --format json).",
        )
    return data


def open_version(
    path: str | Path,
    *,
    as_of: date | None,
    new_as_of: date,
    columns: Mapping[str, str] | None = None,
    year: int | None = None,
    memo: RowMemo | None = None,
) -> Version:
    """Last time's version: a saved JSON report or a plan workbook.

    ``as_of`` None means the report's own date, or for a workbook the last day of the
    month before ``new_as_of``. ``memo``: the rows the read of the new version kept
    (``reading.reader.read_plan``), taken again where a row reads the same.
    """
    path = Path(path)
    if _is_json(path):
        data = _load_report(path)
        try:
            return from_report_dict(data, as_of)
        except (KeyError, TypeError, ValueError) as exc:
            raise NotAReportError(
                path,
                f"laporan JSON tidak lengkap atau rusak ({exc!r}).",
                f"the JSON report is incomplete or damaged ({exc!r}).",
            ) from exc
    from ..reading.reader import read_plan

    plan = read_plan(path, columns=columns, year=year, memo=memo)
    return from_plan(plan, as_of or month_end_before(new_as_of))
