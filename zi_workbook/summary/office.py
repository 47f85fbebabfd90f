"""One plan as an office summary: counts, the actions to chase, its findings and links.

Runs in a worker process when there are many plans, so it returns only small data.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import ZiWorkbookError, shown_path
from ..i18n.inspectorate import ilabel
from ..i18n.summary import slabel
from ..links import KINDS, classify
from ..model import AREAS, PlanRow
from ..monthly.pic import pic_of
from ..status import RowState
from ..xlsx.safety import check_regular
from .model import COUNT_KEYS, NO_AREA, ActionItem, FindingItem, OfficeSummary

__all__ = ["failed_office", "reason_text", "summarize_one", "unexpected_reason"]


def summarize_one(
    path: str,
    as_of: date,
    lang: str,
    check_links: bool = False,
    link_options: Mapping[str, Any] | None = None,
    *,
    shown: str = "",
    columns: Mapping[str, str] | None = None,
    lean: bool = False,
    pages: bool = True,
    messages: bool = True,
) -> OfficeSummary:
    """One plan as an office summary (runs in a worker; returns only small data).

    ``columns`` maps fields to the office's headers (``--column``); ``lean`` keeps
    only the counts (the JSON path prints no action or finding list); ``pages``
    builds the office's Laporan Monev page (not when lean); ``messages`` False
    leaves each finding's message out (""). Whatever stops
    this plan (a refused file, or a bug) becomes its one-line reason; only Ctrl+C
    and SIGTERM go further.
    """
    try:
        return _summarize(
            path, as_of, lang, check_links, link_options, shown, columns, lean, pages, messages
        )
    except ZiWorkbookError as error:  # the file is beside the reason: not repeated
        return failed_office(path, error.message_en if lang == "en" else error.message_id, shown)
    except Exception as error:
        return failed_office(path, unexpected_reason(error, lang), shown)


def failed_office(path: str, reason: str, shown: str = "") -> OfficeSummary:
    """An office whose plan could not be read, and why (one line)."""
    return OfficeSummary(
        path,
        sha256=_sha256(path),
        error=_one_line(reason),
        shown=shown or shown_path(path),
        mtime=_mtime(path),
    )


def unexpected_reason(error: BaseException, lang: str) -> str:
    """The reason of a plan whose reading hit a bug (or ran out of memory)."""
    if isinstance(error, MemoryError):
        return reason_text(lang, "memory")
    what = _one_line(f"{type(error).__name__}: {error}")[:160]
    if lang == "en":
        return f"internal error while reading ({what}); a bug in zi-workbook, please report it"
    return f"galat internal saat membaca ({what}); ini bug zi-workbook, mohon laporkan"


def reason_text(lang: str, key: str) -> str:
    """The reasons a worker cannot give itself: it ran out of memory, or died."""
    texts = {
        "memory": (
            "pembacaan kehabisan memori; berkas ini terlalu besar atau rusak",
            "reading ran out of memory; the file is too large or damaged",
        ),
        "crashed": (
            "proses pembaca berhenti mendadak saat membaca berkas ini (berkas rusak atau bug "
            "pustaka pembaca); rencana lain tetap diproses",
            "the reading process stopped abruptly on this file (a damaged file or a bug in "
            "the reading library); the other plans went on",
        ),
    }
    pair = texts[key]
    return pair[1] if lang == "en" else pair[0]


def _summarize(
    path: str,
    as_of: date,
    lang: str,
    check_links: bool,
    link_options: Mapping[str, Any] | None,
    shown: str,
    columns: Mapping[str, str] | None,
    lean: bool,
    pages: bool = True,
    messages: bool = True,
) -> OfficeSummary:
    from ..monthly.page import monev_page
    from ..report import validate

    mtime = _mtime(path)
    report = validate(
        path,
        as_of=as_of,
        lang=lang,
        columns=columns,
        check_links=check_links,
        link_options=link_options,
    )
    checks = report.link_checks
    area_counts = report.area_counts()
    overdue: list[ActionItem] = []
    needs_fix: list[ActionItem] = []
    for result in () if lean else report.results:
        if result.status == "overdue":
            overdue.append(_item(result.row, result.state, lang, checks))
        elif result.status == "needs_fix":
            needs_fix.append(_item(result.row, result.state, lang, checks))
    areas = {} if lean else {(r.row.sheet, r.row.row): r.row.area for r in report.results}
    findings = tuple(
        FindingItem(
            f.code,
            f.severity,
            f.cell,
            f.sheet,
            f.row,
            areas.get((f.sheet, f.row)),
            _one_line(f.message(lang)) if messages else "",
        )
        for f in report.findings
        if f.severity in ("error", "warning") and not lean
    )
    plan = report.plan
    return OfficeSummary(
        path,
        plan.unit,
        plan.plan_year,
        plan.sha256,
        report.counts,
        {key: area_counts.get(key) or dict.fromkeys(COUNT_KEYS, 0) for key in (*AREAS, NO_AREA)},
        None,
        tuple(overdue),
        tuple(needs_fix),
        findings,
        _kind_counts(r.row for r in report.results),
        None if checks is None else _check_counts((r.row for r in report.results), checks),
        shown=shown or shown_path(path),
        mtime=mtime,
        notes=tuple(_notes(report, lang)),
        rates=report.rates,
        area_rates=report.area_rates(),
        lke=_lke(report),
        page=monev_page(report) if pages and not lean else None,
    )


def _lke(report: Any) -> dict[str, Any] | None:
    """The office's LKE ceiling (``report.lke``): per area, Pengungkit, areas under WBK."""
    if report.lke is None or not report.results:
        return None
    data = report.lke.to_dict()
    return {
        "ceiling": data["ceiling"]["areas"],
        "pengungkit": data["ceiling"]["pengungkit"],
        "plan_pengungkit": data["ceiling"]["plan_pengungkit"],
        "below_wbk": data["below_minimum"]["WBK"],
    }


#: Findings that say the plan was read only in part (the reading issue's codes).
_READ_NOTES = ("links-not-readable", "sheet-skipped")


def _notes(report: Any, lang: str) -> Iterable[str]:
    """Why a plan read should be looked at with care, one line each."""
    plan = report.plan
    if not plan.unit:
        yield ilabel("unit_not_found", lang)
    seen: set[str] = set()
    for f in report.findings:
        if f.code in _READ_NOTES and f.code not in seen:
            seen.add(f.code)
            yield _one_line(f.message(lang))


def _kind_counts(rows: Iterable[PlanRow]) -> dict[str, int]:
    """Safe links by kind over ``rows`` (each link of each row), in ``KINDS`` order."""
    counts = dict.fromkeys(KINDS, 0)
    for row in rows:
        for url in row.links:
            info = classify(url)
            if info.is_safe:
                counts[info.kind] += 1
    return {kind: n for kind, n in counts.items() if n}


def _check_counts(rows: Iterable[PlanRow], checks: Mapping[str, Any]) -> dict[str, int]:
    """How many fetched links (each link of each row) opened and how many did not."""
    out = {"ok": 0, "broken": 0}
    for row in rows:
        for url in row.links:
            check = checks.get(url)
            if check is not None:
                out["ok" if check.ok else "broken"] += 1
    return out


def _item(row: PlanRow, state: RowState, lang: str, checks: Mapping[str, Any] | None) -> ActionItem:
    opened: tuple[tuple[bool, str] | None, ...] | None = None
    if checks is not None:
        opened = tuple(
            None if (c := checks.get(u)) is None else (bool(c.ok), _one_line(c.reason(lang)))
            for u in row.links
        )
    return ActionItem(
        row.sheet,
        row.row,
        row.area,
        row.component,
        row.indicator,
        row.action,
        row.target.text,
        state.due,
        state.deadline,
        state.days_late,
        tuple(_missing(row, lang)),
        tuple(row.links),
        tuple(classify(u).kind for u in row.links),
        opened,
        pic_of(row) or "",
    )


def _missing(row: PlanRow, lang: str) -> list[str]:
    out: list[str] = []
    if not row.evidence:
        out.append(slabel("missing_evidence", lang))
    if not row.links:
        out.append(slabel("missing_link", lang))
    if row.target.error is not None:
        out.append(f"{slabel('unreadable_target', lang)}: '{row.target.text}'")
    elif not row.target.periods:
        out.append(slabel("missing_target", lang))
    return out


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _mtime(path: str) -> float:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return 0.0


def _sha256(path: str) -> str | None:
    digest = hashlib.sha256()
    try:
        check_regular(Path(path))  # never open a FIFO named as a plan: it would block
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except (OSError, ZiWorkbookError):
        return None
    return digest.hexdigest()
