"""One plan as an office summary: counts, the actions to chase, its findings and links.

Runs in a worker process when there are many plans, so it returns only small data.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ZiWorkbookError, shown_path
from ..i18n.inspectorate import ilabel
from ..i18n.summary import slabel
from ..links import KINDS, classify
from ..model import AREAS, Plan, PlanRow
from ..monthly.pic import pic_of
from ..status import RowState, row_state
from ..xlsx.safety import check_regular
from .model import (
    COUNT_KEYS,
    NO_AREA,
    ActionItem,
    FindingGroup,
    FindingItem,
    OfficeSummary,
    group_findings,
)

if TYPE_CHECKING:  # the reading and checking modules load in the workers, on first use
    from hashlib import sha256

    from ..reading.reader import RowMemo
    from ..report import Report
    from .previous import PreviousMatch
else:
    try:  # CPython's own SHA-256: hashlib loads OpenSSL, 3.7 MiB of every process's RSS
        from _sha256 import sha256
    except ImportError:  # pragma: no cover - Python 3.12+ (_sha2), other interpreters
        from hashlib import sha256

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
    listed: bool = True,
    lke: bool = True,
    previous: PreviousMatch | None = None,
) -> OfficeSummary:
    """One plan as an office summary (runs in a worker; returns only small data).

    ``columns`` maps fields to the office's headers (``--column``); ``lean`` keeps only
    the counts (the JSON path prints no action or finding list); ``pages`` builds the
    office's Laporan Monev page (not when lean); ``messages`` False leaves each
    finding's message out (""); ``listed`` False sends the findings grouped per code
    (``finding_groups``) instead of one by one; ``lke`` False maps nothing to the LKE;
    ``previous``: last time's offices, to compare this plan with its match
    (``OfficeSummary.previous``). Whatever stops this plan (a refused file, or a bug)
    becomes its one-line reason; only Ctrl+C and SIGTERM go further.
    """
    try:
        return _summarize(
            path,
            as_of,
            lang,
            check_links,
            link_options,
            shown,
            columns,
            lean,
            pages,
            messages,
            listed,
            lke,
            previous,
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
    listed: bool = True,
    lke: bool = True,
    previous: PreviousMatch | None = None,
) -> OfficeSummary:
    mtime = _mtime(path)
    memo: RowMemo | None = None if previous is None else {}  # rows last time's plan shares
    report = _report(path, as_of, lang, columns, check_links, link_options, lean, lke, memo)
    office = _office(report, path, shown, mtime, lean, pages, messages, listed)
    if previous is None or not office.total or (found := previous.find(office)) is None:
        return office
    from .previous import previous_of

    return replace(office, previous=previous_of(report, *found, previous, memo))


def _office(
    report: Report,
    path: str,
    shown: str,
    mtime: float,
    lean: bool,
    pages: bool,
    messages: bool,
    listed: bool,
) -> OfficeSummary:
    from ..monthly.page import monev_page

    lang = report.lang
    checks = report.link_checks
    area_counts = report.area_counts()
    overdue: list[ActionItem] = []
    needs_fix: list[ActionItem] = []
    for result in () if lean else report.results:
        if result.status == "overdue":
            overdue.append(_item(result.row, result.state, lang, checks))
        elif result.status == "needs_fix":
            needs_fix.append(_item(result.row, result.state, lang, checks))
    findings: tuple[FindingItem, ...] = ()
    groups: tuple[FindingGroup, ...] = ()
    severe = () if lean else [f for f in report.findings if f.severity in ("error", "warning")]
    if listed and severe:
        areas = {(r.row.sheet, r.row.row): r.row.area for r in report.results}
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
            for f in severe
        )
    elif severe:  # what Temuan shows: a few hundred bytes an office instead of ~7 KB
        groups = group_findings(
            (FindingItem(f.code, f.severity, f.cell, f.sheet, f.row, None, "") for f in severe),
            lang,
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
        notes=tuple(_notes(plan, lang)),
        rates=report.rates,
        area_rates=report.area_rates(),
        lke=_lke(report),
        page=monev_page(report) if pages and not lean else None,
        finding_groups=groups,
    )


def _report(
    path: str,
    as_of: date,
    lang: str,
    columns: Mapping[str, str] | None,
    check_links: bool,
    link_options: Mapping[str, Any] | None,
    lean: bool,
    lke: bool = True,
    memo: RowMemo | None = None,
) -> Report:
    """The plan checked as ``validate`` checks it (``memo``: see ``read_plan``); ``lean``
    (the JSON path, which shows no finding): statuses and LKE coverage, no check and no
    finding (a tenth of a worker's time); ``lke`` False: no LKE mapping either."""
    from ..report import Report, validate

    if not lean:
        return validate(
            path,
            as_of=as_of,
            lang=lang,
            columns=columns,
            check_links=check_links,
            link_options=link_options,
            memo=memo,
        )
    from ..lke.plan import cover_rows, map_rows
    from ..reading.reader import read_plan
    from ..report import RowResult

    plan = read_plan(path, columns=columns, memo=memo)
    checks = None
    if check_links:
        from ..links.check import check_urls, plan_urls

        checks = check_urls(plan_urls(plan.rows), **dict(link_options or {}))
    if not lke:
        results = tuple(RowResult(row, row_state(row, as_of), ()) for row in plan.rows)
        return Report(plan, as_of, lang, results, (), link_checks=checks)
    maps, _bad_codes = map_rows(plan.rows)
    results = tuple(
        RowResult(row, row_state(row, as_of), (), found)
        for row, found in zip(plan.rows, maps, strict=True)
    )
    coverage = cover_rows((r.row, r.lke, r.status) for r in results)
    return Report(plan, as_of, lang, results, (), link_checks=checks, lke=coverage)


def _lke(report: Report) -> dict[str, Any] | None:
    """The office's LKE ceiling (``report.lke``): per area, Pengungkit, areas under WBK
    (what ``Coverage.to_dict`` gives, without building the rest of it)."""
    from ..lke.coverage import _round

    coverage = report.lke
    if coverage is None or not report.results:
        return None
    return {
        "ceiling": {n: _round(a.ceiling) for n, a in coverage.areas.items()},
        "pengungkit": _round(coverage.ceiling),
        "plan_pengungkit": _round(coverage.plan_ceiling),
        "below_wbk": coverage.below("WBK"),
    }


#: Findings that say the plan was read only in part (the reading issue's codes).
_READ_NOTES = ("links-not-readable", "sheet-skipped")


def _notes(plan: Plan, lang: str) -> Iterable[str]:
    """Why a plan read should be looked at with care, one line each: from the reader's
    notes, as ``checks.check_reading`` makes them findings (the lean path runs no check)."""
    from ..checks import sort_findings
    from ..findings import finding

    if not plan.unit:
        yield ilabel("unit_not_found", lang)
    found = [
        finding(n.code, n.sheet, n.row, n.column, **dict(n.params))
        for n in plan.notes
        if n.code in _READ_NOTES
    ]
    seen: set[str] = set()
    for f in sort_findings(plan, found) if found else ():
        if f.code not in seen:
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
    digest = sha256()
    try:
        check_regular(Path(path))  # never open a FIFO named as a plan: it would block
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except (OSError, ZiWorkbookError):
        return None
    return digest.hexdigest()
