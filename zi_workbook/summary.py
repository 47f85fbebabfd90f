"""summarize: many offices' plans in, counts per office, area and status out.

Each plan is read and checked on its own (in worker processes when there are
many); a worker sends back only small data: counts, the overdue and needs-fix
actions and the error and warning findings. A plan that cannot be read becomes
an office with ``error`` set, and the others go on. Each office also counts its
safe links by kind and, with ``check_links``, how many of them opened.

>>> from datetime import date
>>> Summary(date(2022, 6, 30), "id", ()).to_dict()["totals"]["total"]
0
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .errors import ZiWorkbookError
from .i18n.summary import slabel
from .links import KINDS, classify
from .model import AREAS, PlanRow

__all__ = [
    "COUNT_KEYS",
    "SCHEMA",
    "ActionItem",
    "FindingItem",
    "OfficeSummary",
    "Summary",
    "expand_paths",
    "summarize",
]

SCHEMA = "zi-workbook/summary/1"
COUNT_KEYS = ("total", "complete", "overdue", "not_due", "needs_fix")
#: Below this many plans the work is done in this process (a pool costs more).
PARALLEL_FROM = 9


def _zero() -> dict[str, int]:
    return dict.fromkeys(COUNT_KEYS, 0)


@dataclass(frozen=True)
class ActionItem:
    """An overdue or needs-fix action, as the Inspectorate lists it.

    ``deadline`` is the end of the first period (what makes the row overdue),
    ``days_late`` is counted to ``as_of``; ``missing`` says in words what is absent.
    ``links`` are the row's safe links and ``link_kinds`` their kinds (``links.KINDS``);
    after ``--check-links``, ``link_checks`` holds per link ``(opened, reason)`` in the
    run's language, or None for a link that is not fetched (mailto, unsafe); without
    it, ``link_checks`` is None.
    """

    sheet: str
    row: int
    area: str | None
    component: str
    indicator: str
    action: str
    target_text: str
    deadline: date | None
    days_late: int | None
    missing: tuple[str, ...]
    links: tuple[str, ...] = ()
    link_kinds: tuple[str, ...] = ()
    link_checks: tuple[tuple[bool, str] | None, ...] | None = None


@dataclass(frozen=True)
class FindingItem:
    """An error or warning finding of one office (message already in the run's language)."""

    code: str
    severity: str
    cell: str
    sheet: str
    row: int
    area: str | None
    message: str


@dataclass(frozen=True)
class OfficeSummary:
    """One plan file: what it is, its counts, or why it could not be read.

    ``link_kinds`` counts the safe links of every row by kind (in ``links.KINDS``
    order, kinds with none left out); ``links_checked`` is ``{"ok": n, "broken": n}``
    over the fetched links after ``--check-links``, else None.
    """

    file: str
    unit: str | None = None
    plan_year: int | None = None
    sha256: str | None = None
    counts: dict[str, int] = field(default_factory=_zero)
    areas: dict[str, dict[str, int]] = field(
        default_factory=lambda: {numeral: _zero() for numeral in AREAS}
    )
    error: str | None = None
    overdue: tuple[ActionItem, ...] = ()
    needs_fix: tuple[ActionItem, ...] = ()
    findings: tuple[FindingItem, ...] = ()
    link_kinds: dict[str, int] = field(default_factory=dict)
    links_checked: dict[str, int] | None = None

    @property
    def name(self) -> str:
        """The file name without its folder."""
        return os.path.basename(self.file)

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "unit": self.unit,
            "plan_year": self.plan_year,
            "sha256": self.sha256,
            "counts": dict(self.counts),
            "areas": {numeral: dict(self.areas[numeral]) for numeral in AREAS},
            "error": self.error,
            "link_kinds": dict(self.link_kinds),
            "links_checked": None if self.links_checked is None else dict(self.links_checked),
        }


@dataclass(frozen=True)
class Summary:
    """Every office of one run, as of one day (``links_checked``: with --check-links)."""

    as_of: date
    lang: str
    offices: tuple[OfficeSummary, ...]
    links_checked: bool = False

    @property
    def read(self) -> tuple[OfficeSummary, ...]:
        """The offices whose plan could be read."""
        return tuple(o for o in self.offices if o.error is None)

    @property
    def failed(self) -> tuple[OfficeSummary, ...]:
        """The offices whose plan could not be read."""
        return tuple(o for o in self.offices if o.error is not None)

    @property
    def totals(self) -> dict[str, int]:
        out = _zero()
        for office in self.offices:
            for key in COUNT_KEYS:
                out[key] += office.counts[key]
        return out

    def area_totals(self) -> dict[str, dict[str, int]]:
        """Counts per area I..VI summed over every office."""
        out = {numeral: _zero() for numeral in AREAS}
        for office in self.offices:
            for numeral in AREAS:
                for key in COUNT_KEYS:
                    out[numeral][key] += office.areas[numeral][key]
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "as_of": self.as_of.isoformat(),
            "offices": [o.to_dict() for o in self.offices],
            "totals": self.totals,
        }


WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


def expand_paths(paths: Iterable[Path], exclude: Iterable[Path] = ()) -> list[Path]:
    """Files as given; a folder gives its workbooks (``.xlsx``, ``.xlsm``), subfolders
    included (one folder per office is common), sorted by path.

    Office lock files (``~$*.xlsx``), hidden files and folders (``.~zi-*``
    temporaries, macOS ``._*``) and the ``exclude`` paths (the output) are left out.
    A path named twice is read once.
    """
    skip = {_key(p) for p in exclude}
    out: list[Path] = []
    seen: set[str] = set()
    for path in map(Path, paths):
        found = _folder_workbooks(path, skip) if path.is_dir() else [path]
        for p in found:
            if _key(p) not in seen:
                seen.add(_key(p))
                out.append(p)
    return out


def _folder_workbooks(folder: Path, skip: set[str]) -> list[Path]:
    found = []
    for p in folder.rglob("*"):
        hidden = any(part.startswith((".", "~$")) for part in p.relative_to(folder).parts)
        wanted = p.suffix.lower() in WORKBOOK_SUFFIXES and not hidden
        if wanted and p.is_file() and _key(p) not in skip:
            found.append(p)
    return sorted(found, key=lambda p: str(p.relative_to(folder)).casefold())


def _key(path: Path) -> str:
    try:
        return str(Path(path).resolve())
    except OSError:  # pragma: no cover - a path the OS cannot resolve
        return str(path)


def summarize(
    paths: Sequence[Path],
    *,
    as_of: date,
    lang: str = "id",
    jobs: int | None = None,
    progress: bool = False,
    check_links: bool = False,
    link_options: Mapping[str, Any] | None = None,
) -> Summary:
    """Read and check every plan of ``paths`` (files or folders) as of ``as_of``.

    With more than a handful of plans, ``jobs`` worker processes (default: one
    per CPU) share the work; ``progress`` shows a bar on stderr when it is a
    terminal. Offices keep the order of ``paths``. With ``check_links`` each plan's
    links are fetched (``validate(..., check_links=True, link_options=...)``, so a
    ``total_timeout`` there bounds each plan, not the whole run); never by default.
    ``link_options`` must pickle (no callbacks): it travels to the workers.
    """
    files = expand_paths(paths)
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    workers = max(1, min(workers, len(files)))
    show = progress and sys.stderr.isatty()
    links = _LinkRun(check_links, dict(link_options or {}))
    if len(files) < PARALLEL_FROM or workers == 1:
        offices = _sequential(files, as_of, lang, show, links)
    else:
        offices = _parallel(files, as_of, lang, workers, show, links)
    return Summary(as_of, lang, tuple(offices), check_links)


@dataclass(frozen=True)
class _LinkRun:
    """Whether to fetch the links, and how (``linkcheck.check_urls`` keywords)."""

    check: bool = False
    options: dict[str, Any] = field(default_factory=dict)


def _sequential(
    files: list[Path], as_of: date, lang: str, show: bool, links: _LinkRun
) -> list[OfficeSummary]:
    out: list[OfficeSummary] = []
    with _bar(len(files), lang, show) as bar:
        for path in files:
            out.append(summarize_one(str(path), as_of, lang, links.check, links.options))
            bar.update(1)
    return out


def _parallel(
    files: list[Path], as_of: date, lang: str, workers: int, show: bool, links: _LinkRun
) -> list[OfficeSummary]:
    """Batches of plans per task: one round trip per batch, not per plan."""
    size = max(1, min(32, len(files) // (workers * 4) or 1))
    batches = [files[i : i + size] for i in range(0, len(files), size)]
    slots: list[list[OfficeSummary] | None] = [None] * len(batches)
    with ProcessPoolExecutor(max_workers=workers) as pool, _bar(len(files), lang, show) as bar:
        futures = {
            pool.submit(_summarize_batch, [str(p) for p in batch], as_of, lang, links): i
            for i, batch in enumerate(batches)
        }
        for future in as_completed(futures):
            slots[futures[future]] = future.result()
            bar.update(len(batches[futures[future]]))
    return [office for batch in slots if batch is not None for office in batch]


def _summarize_batch(
    paths: list[str], as_of: date, lang: str, links: _LinkRun
) -> list[OfficeSummary]:
    return [summarize_one(path, as_of, lang, links.check, links.options) for path in paths]


class _NoBar:
    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, n: int) -> None:
        return None


def _bar(length: int, lang: str, show: bool) -> Any:
    if not show:
        return _NoBar()
    import click

    return click.progressbar(length=length, label=slabel("progress", lang), file=sys.stderr)


def summarize_one(
    path: str,
    as_of: date,
    lang: str,
    check_links: bool = False,
    link_options: Mapping[str, Any] | None = None,
) -> OfficeSummary:
    """One plan as an office summary (runs in a worker; returns only small data)."""
    from .report import validate

    try:
        report = validate(
            path, as_of=as_of, lang=lang, check_links=check_links, link_options=link_options
        )
    except ZiWorkbookError as error:
        return OfficeSummary(
            path,
            sha256=_sha256(path),
            error=_one_line(
                error.message_en if lang == "en" else error.message_id  # the file is beside it
            ),
        )
    checks = report.link_checks
    area_counts = report.area_counts()
    overdue: list[ActionItem] = []
    needs_fix: list[ActionItem] = []
    for result in report.results:
        if result.status == "overdue":
            overdue.append(_item(result.row, as_of, lang, checks))
        elif result.status == "needs_fix":
            needs_fix.append(_item(result.row, as_of, lang, checks))
    areas = {(r.row.sheet, r.row.row): r.row.area for r in report.results}
    findings = tuple(
        FindingItem(
            f.code,
            f.severity,
            f.cell,
            f.sheet,
            f.row,
            areas.get((f.sheet, f.row)),
            _one_line(f.message(lang)),
        )
        for f in report.findings
        if f.severity in ("error", "warning")
    )
    plan = report.plan
    return OfficeSummary(
        path,
        plan.unit,
        plan.plan_year,
        plan.sha256,
        report.counts,
        {numeral: area_counts[numeral] for numeral in AREAS},
        None,
        tuple(overdue),
        tuple(needs_fix),
        findings,
        _kind_counts(r.row for r in report.results),
        None if checks is None else _check_counts((r.row for r in report.results), checks),
    )


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


def _item(row: PlanRow, as_of: date, lang: str, checks: Mapping[str, Any] | None) -> ActionItem:
    periods = row.target.periods
    first_end = periods[0].end if periods else None
    late = (as_of - first_end).days if first_end is not None and first_end < as_of else None
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
        first_end,
        late,
        tuple(_missing(row, lang)),
        tuple(row.links),
        tuple(classify(u).kind for u in row.links),
        opened,
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


def _sha256(path: str) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()
