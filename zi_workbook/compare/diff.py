"""The changes and findings of paired, added and removed actions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from ..findings import Finding, finding
from ..i18n.dates import long_date
from ..model import PlanRow
from ..status import deadline, is_openable, row_state
from .changes import Change, Changes
from .match import norm
from .version import Version, due_of

__all__ = ["diff_versions"]

_TEXT_FIELDS = ("component", "indicator", "action")


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _dates(name: str, day: date | None) -> dict[str, str]:
    """``{name}_id`` and ``{name}_en`` message parameters: ``31 Mei 2025`` / ``31 May 2025``."""
    return {
        f"{name}_id": long_date(day) if day else "-",
        f"{name}_en": long_date(day, "en") if day else "-",
    }


def _target(row: PlanRow) -> dict[str, Any]:
    return {
        "target": row.target.text,
        "due": _iso(due_of(row)),
        "deadline": _iso(deadline(row.target)),
    }


def _whole(row: PlanRow, status: str) -> dict[str, Any]:
    return {
        **_target(row),
        "evidence": row.evidence,
        "links": list(row.links),
        "status": status,
    }


class _Builder:
    def __init__(self, old: Version, new: Version) -> None:
        self.old, self.new = old, new
        self.changes: list[Change] = []
        self.findings: list[Finding] = []
        self.groups: list[tuple[tuple[int, ...], tuple[int, ...]]] = []

    def action(
        self,
        items: list[tuple[str, dict[str, Any], dict[str, Any]]],
        found: list[Finding],
        old: PlanRow | None,
        new: PlanRow | None,
    ) -> None:
        row = new or old
        assert row is not None
        start, fstart = len(self.changes), len(self.findings)
        for kind, before, after in items:
            self.changes.append(
                Change(
                    kind,
                    row.area,
                    row.component,
                    row.indicator,
                    row.action,
                    old.row if old else None,
                    new.row if new else None,
                    row.sheet,
                    before,
                    after,
                )
            )
        self.findings.extend(found)
        if items or found:
            self.groups.append(
                (
                    tuple(range(start, len(self.changes))),
                    tuple(range(fstart, len(self.findings))),
                )
            )

    def pair(self, i: int, j: int) -> None:
        o, n = self.old.rows[i], self.new.rows[j]
        so, sn = self.old.statuses[i], self.new.statuses[j]
        if so == sn and _unchanged(o, n):
            return  # most pairs of a month: nothing below could differ
        items: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
        edited = [f for f in _TEXT_FIELDS if norm(getattr(o, f)) != norm(getattr(n, f))]
        if edited:
            items.append(
                (
                    "text-edited",
                    {f: getattr(o, f) for f in edited},
                    {f: getattr(n, f) for f in edited},
                )
            )
        found: list[Finding] = []
        od, nd = due_of(o), due_of(n)
        if od and nd and od != nd:
            items.append(
                ("deadline-later" if nd > od else "deadline-earlier", _target(o), _target(n))
            )
            if nd > od:
                found.append(self._postponed(o, n, od, nd))
        elif norm(o.target.text) != norm(n.target.text) or o.target.periods != n.target.periods:
            items.append(("target-text-changed", _target(o), _target(n)))
        items.extend(_evidence(o, n))
        items.extend(_links(o, n))
        if so != sn:
            items.append(("status-changed", {"status": so}, {"status": sn}))
        if so == "complete":
            found.extend(_withdrawn(o, n))
        self.action(items, found, o, n)

    def _postponed(self, old_row: PlanRow, row: PlanRow, od: date, nd: date) -> Finding:
        passed = row_state(old_row, self.new.as_of).is_due  # the old due had passed
        as_of = self.new.as_of
        f = finding(
            "deadline-postponed",
            row.sheet,
            row.row,
            row.column("target"),
            days=(nd - od).days,
            **_dates("old", od),
            **_dates("new", nd),
            passed_id=f"; tanggal lama sudah lewat per {long_date(as_of)}" if passed else "",
            passed_en=f"; the old date had already passed by {long_date(as_of, 'en')}"
            if passed
            else "",
        )
        if passed:
            return Finding("deadline-postponed", "error", *_rest(f))
        return f

    def removed(self, i: int) -> None:
        o, so = self.old.rows[i], self.old.statuses[i]
        found = []
        if so == "overdue":
            found.append(
                finding(
                    "removed-overdue-action",
                    "",
                    0,
                    "",
                    old_cell=f"{o.sheet}!{o.row}",
                    **_dates("due", due_of(o)),
                    action=o.action or o.indicator,
                )
            )
        self.action([("removed", _whole(o, so), {})], found, o, None)

    def added(self, j: int) -> None:
        n = self.new.rows[j]
        self.action([("added", {}, _whole(n, self.new.statuses[j]))], [], None, n)


def _unchanged(o: PlanRow, n: PlanRow) -> bool:
    """Every text ``pair`` compares is the same, as written: no change and no finding
    (``evidence-withdrawn`` needs evidence or links that went)."""
    ot, nt = o.target, n.target
    return (
        o.action == n.action
        and o.indicator == n.indicator
        and o.component == n.component
        and o.evidence == n.evidence
        and o.links == n.links
        and ot.text == nt.text
        and ot.periods == nt.periods
    )


def _rest(f: Finding) -> tuple[str, int, str, str, str]:
    return (f.sheet, f.row, f.column, f.message_id, f.message_en)


def _evidence(o: PlanRow, n: PlanRow) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    if norm(o.evidence) == norm(n.evidence):
        return []
    kind = (
        "evidence-added"
        if not o.evidence
        else "evidence-removed"
        if not n.evidence
        else "evidence-changed"
    )
    return [(kind, {"evidence": o.evidence}, {"evidence": n.evidence})]


def _links(o: PlanRow, n: PlanRow) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    before, after = {"links": list(o.links)}, {"links": list(n.links)}
    old, new = set(o.links), set(n.links)
    out = []
    if new - old:
        out.append(("link-added", before, after))
    if old - new:
        out.append(("link-removed", before, after))
    return out


def _withdrawn(o: PlanRow, n: PlanRow) -> list[Finding]:
    lost_evidence = bool(o.evidence) and not n.evidence
    lost_links = any(map(is_openable, o.links)) and not any(map(is_openable, n.links))
    if not lost_evidence and not lost_links:
        return []
    what_id, what_en = {
        (True, False): ("bukti fisiknya kosong", "the evidence is gone"),
        (False, True): ("tautan terakhirnya hilang", "its last link is gone"),
        (True, True): ("bukti fisik dan tautannya hilang", "the evidence and links are gone"),
    }[(lost_evidence, lost_links)]
    column = n.column("evidence") if lost_evidence else n.column("link")
    return [
        finding(
            "evidence-withdrawn",
            n.sheet,
            n.row,
            column,
            what_id=what_id,
            what_en=what_en,
        )
    ]


def diff_versions(
    old: Version,
    new: Version,
    pairs: Sequence[tuple[int, int]],
    left_old: Sequence[int],
    left_new: Sequence[int],
) -> Changes:
    """Changes in the new plan's order, then the removed actions in the old plan's order."""
    build = _Builder(old, new)
    by_new = {j: i for i, j in pairs}
    added = set(left_new)
    for j in range(len(new.rows)):
        if j in by_new:
            build.pair(by_new[j], j)
        elif j in added:
            build.added(j)
    for i in left_old:
        build.removed(i)
    return Changes(old, new, tuple(build.changes), tuple(build.findings), tuple(build.groups))
