"""One Report: the plan, each row's status and findings, counts, and ``to_dict()``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ._record import Record
from .checks import CHECKS, CheckOptions, sort_findings, unsorted_findings
from .findings import Finding
from .links import classify
from .model import AREAS, Plan, PlanRow
from .monthly.pic import pic_of
from .reading.reader import RowMemo, read_plan
from .status import STATUSES, Rates, RowState, rates, row_state

if TYPE_CHECKING:  # the LKE loads on first use, not with the package
    from .lke.coverage import Coverage
    from .lke.plan import RowLke

__all__ = [
    "SCHEMA",
    "STATUSES",
    "Report",
    "RowResult",
    "build_report",
    "has_error_findings",
    "validate",
]

SCHEMA = "zi-workbook/report/1"


class LinkCheck(Protocol):
    """What ``--check-links`` learnt about one url (see ``linkcheck.LinkResult``)."""

    @property
    def ok(self) -> bool: ...
    @property
    def status(self) -> int | None: ...
    @property
    def final_url(self) -> str | None: ...
    @property
    def problem(self) -> str | None: ...

    def reason(self, lang: str = ...) -> str: ...


class RowResult(Record):
    """A plan row with what the calendar says of it (``status.RowState``) and its findings."""

    row: PlanRow
    state: RowState
    findings: tuple[Finding, ...]
    lke: RowLke | None = None

    @property
    def status(self) -> str:
        return self.state.status

    @property
    def due_soon(self) -> bool:
        return self.state.due_soon

    def to_dict(self, lang: str, checks: Mapping[str, LinkCheck] | None = None) -> dict[str, Any]:
        r = self.row
        return {
            "sheet": r.sheet,
            "row": r.row,
            "area": r.area,
            "no": r.no,
            "component": r.component,
            "indicator": r.indicator,
            "action": r.action,
            "evidence": r.evidence,
            "links": list(r.links),
            "link_kinds": [classify(u).kind for u in r.links],
            "target": {**r.target.to_dict(), "due": _iso(self.state.due)},
            "link_text": r.link_text,
            "status": self.status,
            "extra": dict(r.extra),
            "pic": pic_of(r),
            "lke": self.lke.to_dict() if self.lke else None,
            "link_checks": None
            if checks is None
            else [_check_dict(checks.get(u), lang) for u in r.links],
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _check_dict(check: LinkCheck | None, lang: str) -> dict[str, Any] | None:
    if check is None:
        return None
    return {
        "ok": check.ok,
        "status": check.status,
        "final_url": check.final_url,
        "problem": check.problem,
        "reason": check.reason(lang),
    }


def empty_counts() -> dict[str, int]:
    return {"total": 0, **dict.fromkeys(STATUSES, 0)}


class Report(Record):
    """The result of checking one plan as of one day."""

    plan: Plan
    as_of: date
    lang: str
    results: tuple[RowResult, ...]
    findings: tuple[Finding, ...]
    soon_days: int = 30
    link_checks: Mapping[str, LinkCheck] | None = None
    #: The plan against the LKE: coverage and the ceiling (see ``lke.coverage``).
    lke: Coverage | None = None

    @property
    def counts(self) -> dict[str, int]:
        counts = empty_counts()
        for status, n in Counter([r.state.status for r in self.results]).items():
            counts["total"] += n
            counts[status] += n
        return counts

    def area_counts(self) -> dict[str, dict[str, int]]:
        """Counts per area I..VI (and "-" for rows above any area row)."""
        out = {numeral: empty_counts() for numeral in AREAS}
        pairs = Counter([(r.row.area or "-", r.state.status) for r in self.results])
        for (area, status), n in pairs.items():  # areas in the order their rows come
            bucket = out.get(area)
            if bucket is None:
                bucket = out[area] = empty_counts()
            bucket["total"] += n
            bucket[status] += n
        return out

    @property
    def rates(self) -> Rates:
        """The two rates (``status.Rates``) over every action."""
        return rates(r.state for r in self.results)

    def area_rates(self) -> dict[str, Rates]:
        """The two rates per area I..VI (and "-" for rows above any area row)."""
        states: dict[str, list[RowState]] = {numeral: [] for numeral in AREAS}
        for result in self.results:
            area = result.row.area or "-"
            group = states.get(area)
            if group is None:
                group = states[area] = []
            group.append(result.state)
        return {area: rates(group) for area, group in states.items()}

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    def iter_rows(self) -> Iterator[dict[str, Any]]:
        return (r.to_dict(self.lang, self.link_checks) for r in self.results)

    def iter_findings(self) -> Iterator[dict[str, Any]]:
        return (f.to_dict(self.lang) for f in self.findings)

    def to_dict(self, include: tuple[str, ...] = ("rows", "findings")) -> dict[str, Any]:
        """The ``zi-workbook/report/1`` contract (``include=()`` leaves rows and
        findings as empty lists, for writers that stream them)."""
        return {
            "schema": SCHEMA,
            "file": self.plan.path,
            "as_of": self.as_of.isoformat(),
            "plan_year": self.plan.plan_year,
            "unit": self.plan.unit,
            "sha256": self.plan.sha256,
            "counts": self.counts,
            "rates": self.rates.to_dict(),
            "rows": list(self.iter_rows()) if "rows" in include else [],
            "findings": list(self.iter_findings()) if "findings" in include else [],
            "lke": self.lke.to_dict() if self.lke else None,
        }


def build_report(
    plan: Plan,
    as_of: date,
    *,
    lang: str = "id",
    soon_days: int = 30,
    link_checks: Mapping[str, LinkCheck] | None = None,
    extra_findings: Iterable[Finding] = (),
) -> Report:
    """Run every check on ``plan`` as of ``as_of``.

    ``link_checks`` and ``extra_findings`` come from the optional online link check.
    """
    from .lke.plan import cover_rows, map_rows

    states = tuple(row_state(row, as_of, soon_days) for row in plan.rows)
    opts = CheckOptions(as_of, soon_days, states)
    maps, lke_findings = map_rows(plan.rows)
    ordered = sort_findings(plan, [*unsorted_findings(plan, opts), *lke_findings, *extra_findings])
    by_row: dict[tuple[str, int], list[Finding]] = {}
    for f in ordered:
        by_row.setdefault((f.sheet, f.row), []).append(f)
    results = tuple(
        RowResult(row, state, tuple(by_row.get((row.sheet, row.row), ())), lke)
        for row, state, lke in zip(plan.rows, states, maps, strict=True)
    )
    coverage = cover_rows((r.row, r.lke, r.status) for r in results)
    more = list(coverage.findings()) if results else []
    findings = tuple(sort_findings(plan, [*ordered, *more]) if more else ordered)
    return Report(plan, as_of, lang, results, findings, soon_days, link_checks, coverage)


def has_error_findings(plan: Plan, as_of: date, *, soon_days: int = 30) -> bool:
    """``build_report(plan, as_of).has_errors`` without building the report, for
    ``compare``, which shows the changes and only needs the exit code: the checks up to
    the first error, then the LKE codes the plan writes (no question is suggested; the
    coverage raises no error, which ``tests/test_compare_lean.py`` holds)."""
    from .lke.codes import has_bad_code

    states = tuple(row_state(row, as_of, soon_days) for row in plan.rows)
    opts = CheckOptions(as_of, soon_days, states)
    for check in CHECKS:
        if any(f.severity == "error" for f in check(plan, opts)):
            return True
    return has_bad_code(plan.rows)


def validate(
    path: str | Path,
    *,
    as_of: date,
    lang: str = "id",
    year: int | None = None,
    columns: Mapping[str, str] | None = None,
    soon_days: int = 30,
    check_links: bool = False,
    link_options: Mapping[str, Any] | None = None,
    unit: str | None = None,
    memo: RowMemo | None = None,
) -> Report:
    """Read the plan at ``path`` and check it as of ``as_of`` (nothing reads the clock).

    With ``check_links`` every distinct link is fetched once (``linkcheck.check_urls``
    with ``link_options``); never by default. ``memo``: see ``reading.reader.read_plan``.
    """
    plan = read_plan(path, columns=columns, year=year, unit=unit, memo=memo)
    if not check_links:
        return build_report(plan, as_of, lang=lang, soon_days=soon_days)
    from .links.check import check_urls, link_findings, plan_urls

    results = check_urls(plan_urls(plan.rows), **dict(link_options or {}))
    return build_report(
        plan,
        as_of,
        lang=lang,
        soon_days=soon_days,
        link_checks=results,
        extra_findings=link_findings(plan.rows, results),
    )
