"""What the page's Web Worker calls (inside Pyodide): bytes and options in, dicts and
bytes out, through the library's own functions, so the page and the CLI share every
rule, label and message.

The uploaded files are written to a fresh temporary folder and read from there under
the names the browser gave (``plan.xlsx``, ``folder/sub/plan.xlsx``), so a report's
``file`` and every one-line error name the file as the CLI does when run beside it.
The last report and summary are kept, so their workbooks are written only when asked.

>>> sorted(labels("en")["statuses"])
['complete', 'due_soon', 'needs_fix', 'not_due', 'overdue']
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from ..compare.kinds import CHANGE_KINDS
from ..errors import ZiWorkbookError
from ..findings import FINDING_TYPES
from ..i18n import LINK_KIND_LABELS, STATUS_LABELS, label
from ..i18n.changes import change_label
from ..i18n.inspectorate import FILE_STATUS_LABELS
from ..model import AREAS
from ..reading.reader import read_plan
from ..report import Report, build_report
from ..summary import Summary, summarize
from ..writers._book import STATUS_FILLS

__all__ = [
    "check",
    "labels",
    "report_json",
    "status_workbook",
    "summary",
    "summary_workbook",
    "template",
]

Progress = Callable[[int, int, str], None]

_last: dict[str, Any] = {}
_summary: dict[str, Summary] = {}

#: Columns of the page's status table, labelled as in the status workbook.
_COLUMNS = (
    "area",
    "no",
    "component",
    "indicator",
    "action",
    "evidence",
    "link",
    "target",
    "deadline",
    "status",
    "findings",
    "cell",
    "severity",
    "code",
    "message",
)


#: Words of the changes section, from the library's comparison labels.
_CHANGE_WORDS = (
    "change",
    "old_row",
    "new_row",
    "before",
    "after",
    "no_changes",
    "now-complete",
    "compared",
    "version_old",
    "version_new",
    "gone",
)


def labels(lang: str = "id") -> dict[str, Any]:
    """The words the page shows for statuses, severities, areas, link kinds, columns and
    finding codes: the library's own, as the workbooks print them."""
    i = 1 if lang == "en" else 0
    key = "en" if lang == "en" else "id"
    return {
        "statuses": {key: pair[i] for key, pair in STATUS_LABELS.items()},
        "severities": {sev: label(f"{sev}_sev", lang) for sev in ("error", "warning", "info")},
        "areas": {numeral: names[key] for numeral, names in AREAS.items()},
        "link_kinds": {kind: pair[i] for kind, pair in LINK_KIND_LABELS.items()},
        "columns": {key: label(key, lang) for key in _COLUMNS},
        "findings": {code: ft.title(lang) for code, ft in FINDING_TYPES.items()},
        "colours": dict(STATUS_FILLS),
        "changes": {key: change_label(key, lang) for key in _CHANGE_WORDS},
        "file_statuses": {key: pair[i] for key, pair in FILE_STATUS_LABELS.items()},
        "change_kinds": {code: kind.title(lang) for code, kind in CHANGE_KINDS.items()},
        "no_area": label("no_area", lang),
        "whole_plan": label("whole_plan", lang),
    }


def check(
    data: bytes,
    name: str,
    *,
    as_of: str,
    lang: str = "id",
    year: int | None = None,
    soon_days: int = 30,
    previous: bytes | None = None,
    previous_name: str | None = None,
) -> dict[str, Any]:
    """Check one plan: ``{"ok": True, "report": ..., ...}`` or ``{"ok": False, "error": the
    CLI's one line}``. ``as_of`` is ISO; the page reads the clock, not this.

    ``report`` is what ``validate --format json`` prints: ``Report.to_dict()``, and with
    ``previous`` (last month's workbook or saved JSON report, as ``--previous``) its
    ``changes``.
    """
    day = date.fromisoformat(as_of)
    files = [(name, data)]
    if previous is not None:
        files.append((_beside(name, previous_name or "bulan-lalu.xlsx"), previous))
    _last.clear()
    with _files(files) as (paths, _tops):
        try:
            plan = read_plan(paths[0], year=year)
            report = build_report(plan, day, lang=lang, soon_days=soon_days)
            changes = None
            if previous is not None:
                from ..compare import compare_with_previous

                changes = compare_with_previous(paths[1], report, year=year)
        except ZiWorkbookError as error:
            return {"ok": False, "error": error.message(lang)}
    _last.update(report=report, changes=changes)
    severities = [f.severity for f in report.findings]
    out = report.to_dict()
    if changes is not None:
        out["changes"] = changes.to_dict(lang)
    return {
        "ok": True,
        "report": out,
        "follow_up": _follow_up(report),
        "due_soon": [r.due_soon for r in report.results],
        "area_counts": report.area_counts(),
        "severity_counts": {s: severities.count(s) for s in ("error", "warning", "info")},
    }


def _beside(name: str, other: str) -> str:
    """Last month's file under its own name, or in a folder when both names are one."""
    return other if _safe_name(other) != _safe_name(name) else f"bulan-lalu/{other}"


def _report() -> Report:
    report = _last.get("report")
    if report is None:
        raise LookupError("no plan has been checked yet")
    return report  # type: ignore[no-any-return]


def _follow_up(report: Report) -> dict[str, Any]:
    """The Tindak Lanjut list, as the status workbook's first sheet has it."""
    from ..monthly.todo import build_todo
    from ..writers.status_todo import todo_table

    return todo_table(report, build_todo(report))


def report_json() -> str:
    """The last report as ``zi-workbook validate --format json`` prints it."""
    from ..writers.json_out import write_json

    out = io.StringIO()
    changes = _last.get("changes")
    extra = None if changes is None else {"changes": changes.to_dict(_report().lang)}
    write_json(_report(), out, extra)
    return out.getvalue()


def status_workbook() -> bytes:
    """The last report's status workbook, as ``validate --out`` writes it."""
    from ..writers.status import write_status_workbook

    changes = _last.get("changes")
    return _written(
        lambda out: write_status_workbook(_report(), out, changes=changes), "status.xlsx"
    )


def summary(
    files: Sequence[tuple[str, bytes]],
    *,
    as_of: str,
    lang: str = "id",
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Summarise many plans as ``zi-workbook summary`` does for the same files or folder.

    ``files`` are (relative name, bytes); a name inside a folder (``kantor/a.xlsx``)
    stands for that folder, which is searched by the CLI's rules (lock and hidden files
    skipped). ``progress(done, total, name)`` is called before each plan.
    """
    day = date.fromisoformat(as_of)
    with _files(files) as (_paths, tops):
        result = summarize(
            [Path(top) for top in tops],
            as_of=day,
            lang=lang,
            jobs=1,
            on_plan=progress or (lambda *_: None),
        )
    _summary["last"] = result
    return {
        "ok": bool(result.offices),
        "summary": result.to_dict(),
        "read": len(result.read),
        "failed": len(result.failed),
    }


def summary_workbook() -> bytes:
    """The last summary's workbook, as ``summary --out`` writes it."""
    from ..writers.summary import write_summary_workbook

    result = _summary.get("last")
    if result is None:
        raise LookupError("no summary has been made yet")
    return _written(lambda out: write_summary_workbook(result, out), "ringkasan.xlsx")


def template(*, year: int | None = None, unit: str | None = None, lang: str = "id") -> bytes:
    """A blank plan template, as ``zi-workbook template`` writes it."""
    from ..writers.template import write_template

    clean = unit.strip() if unit else None
    return _written(
        lambda out: write_template(out, year=year, unit=clean or None, lang=lang),
        "rencana_aksi.xlsx",
    )


def _written(write: Callable[[Path], object], name: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="zi-web-out-") as tmp:
        out = Path(tmp) / name
        write(out)
        return out.read_bytes()


@contextmanager
def _files(files: Sequence[tuple[str, bytes]]) -> Iterator[tuple[list[str], list[str]]]:
    """Write ``files`` under their relative names into a fresh folder and work there.

    Yields the relative paths and their distinct first parts (a file or a folder).
    """
    old = os.getcwd()
    with tempfile.TemporaryDirectory(prefix="zi-web-") as tmp:
        paths: list[str] = []
        tops: list[str] = []
        for name, data in files:
            rel = _safe_name(name)
            target = Path(tmp, rel)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(bytes(data))
            paths.append(rel)
            top = PurePosixPath(rel).parts[0]
            if top not in tops:
                tops.append(top)
        os.chdir(tmp)
        try:
            yield paths, tops
        finally:
            os.chdir(old)


def _safe_name(name: str) -> str:
    """A browser-given name as a relative path: no drive, root, ``..`` or empty part."""
    parts = [p for p in name.replace("\\", "/").split("/") if p not in ("", ".", "..")]
    return "/".join(parts) or "plan.xlsx"
