"""Run a summary: find the workbooks, then read each one here or in worker processes."""

from __future__ import annotations

import functools
import gc
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from .._progress import Bar, progress_bar
from ..i18n.summary import slabel
from ..inventory import find_files
from .collect import collect
from .compact import Shared
from .isolate import read_isolated
from .model import OfficeSummary, Summary
from .office import summarize_one
from .previous import PreviousMatch, read_previous

__all__ = ["PAGES_BELOW", "PARALLEL_FROM", "expand_paths", "summarize"]


#: Below this many plans one worker process reads them all (more cost more to start).
PARALLEL_FROM = 9
#: Without ``--per-office`` / ``--no-per-office``, a summary workbook of fewer offices
#: than this has a page per office (60 pages print in a minute; 500 would bury it).
PAGES_BELOW = 60


def expand_paths(paths: Iterable[Path], exclude: Iterable[Path] = ()) -> list[Path]:
    """The files that will be read as plans: every file given or found in a folder
    (subfolders included) but the ones skipped (lock, hidden, PDF, Word, pictures;
    see :func:`zi_workbook.inventory.find_files`), each once, sorted by path."""
    return [f.path for f in find_files(paths, exclude) if f.skip is None]


def summarize(
    paths: Sequence[Path],
    *,
    as_of: date,
    lang: str = "id",
    jobs: int | None = None,
    progress: bool = False,
    check_links: bool = False,
    link_options: Mapping[str, Any] | None = None,
    columns: Mapping[str, str] | None = None,
    all_versions: bool = False,
    lean: bool = False,
    pages: bool | None = True,
    finding_messages: bool = True,
    finding_list: bool = True,
    exclude: Iterable[Path] = (),
    on_plan: Callable[[int, int, str], object] | None = None,
    previous: Sequence[Path] = (),
    old_as_of: date | None = None,
    lke: bool = True,
) -> Summary:
    """Read and check every plan of ``paths`` (files or folders) as of ``as_of``.

    With more than a handful of plans, ``jobs`` worker processes (default: one
    per CPU) share the work; ``progress`` shows a bar on stderr when it is a
    terminal. Offices keep the order of ``paths``. With ``check_links`` each plan's
    links are fetched (``validate(..., check_links=True, link_options=...)``, so a
    ``total_timeout`` there bounds each plan, not the whole run); never by default.
    ``link_options`` must pickle (no callbacks): it travels to the workers.

    Every file found is accounted for in ``Summary.files``; each office is counted
    once (its newest version, see :mod:`zi_workbook.summary.collect`), or every
    file with ``all_versions``. ``columns`` maps fields to headers as ``validate``
    does; ``lean`` keeps only counts (no action or finding lists); ``pages`` builds each
    office's Laporan Monev page for the workbook (``OfficeSummary.page``); None: only
    when fewer than ``PAGES_BELOW`` offices are read (the workbook's default), so a big
    run builds none (with more files than that, the few offices' plans are read
    again for their pages only in the rare case that few offices remain);
    ``finding_messages`` False leaves each finding's message out (""): the workbook
    shows them only with ``all_findings``, and they are half of what a worker sends;
    ``finding_list`` False sends each office's findings grouped per code
    (``OfficeSummary.finding_groups``, what the Temuan sheet shows; ``findings`` stays
    empty): a tenth of the bytes, held for every office until the workbook is written;
    ``exclude``
    (the output being written) is left out. ``previous`` (last time's files or folders):
    each office is compared with its plan of last time as it is read (see
    :mod:`.previous`), judged as of ``old_as_of`` (default: the month's end before
    ``as_of``). ``lke`` False maps no action to the LKE (only to know who each office
    is). ``on_plan(done, total, path)`` is called before each plan and once at the end
    (the plans are then read here).
    """
    found = find_files(paths, exclude)
    todo = [(str(f.path), f.shown) for f in found if f.skip is None]
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    workers = max(1, min(workers, len(todo)))
    show = progress  # the bar itself stays silent off a terminal
    build = (len(todo) < PAGES_BELOW if pages is None else pages) and not lean
    match = None
    if previous:
        match = read_previous(
            previous, as_of=as_of, lang=lang, old_as_of=old_as_of, columns=columns, jobs=jobs
        )
    run = _Run(
        as_of,
        lang,
        check_links,
        dict(link_options or {}),
        dict(columns or {}),
        lean,
        build,
        finding_messages,
        finding_list,
        lke,
        match,
    )
    workers = 1 if len(todo) < PARALLEL_FROM else workers
    if on_plan is not None:  # the web page: no processes there, and it shows each plan
        results = _sequential(todo, run, show, on_plan)
    else:
        results = _isolated(todo, run, workers, show)
    offices, files = collect(found, results, lang, all_versions)
    if pages is None and not build and not lean:
        offices = _late_pages(offices, replace(run, pages=True), workers)
    day = None if match is None else match.as_of
    return Summary(as_of, lang, offices, check_links, files, all_versions, previous_as_of=day)


def _late_pages(
    offices: tuple[OfficeSummary, ...], run: _Run, workers: int
) -> tuple[OfficeSummary, ...]:
    """The offices with their pages when fewer than ``PAGES_BELOW`` of them were read
    though there were more files (other versions, plans not read): their plans again."""
    read = [o for o in offices if o.total]
    if not read or len(read) >= PAGES_BELOW:
        return offices
    todo = [(o.file, o.shown) for o in read]
    pages = {
        o.shown: o.page
        for o in _isolated(todo, run, 1 if len(todo) < PARALLEL_FROM else workers, False)
    }
    return tuple(replace(o, page=pages.get(o.shown)) if o.total else o for o in offices)


@dataclass(frozen=True)
class _Run:
    """What every plan is read with (it travels to the workers, so it must pickle)."""

    as_of: date
    lang: str
    check: bool = False
    link_options: dict[str, Any] = field(default_factory=dict)
    columns: dict[str, str] = field(default_factory=dict)
    lean: bool = False
    pages: bool = True
    messages: bool = True
    listed: bool = True
    lke: bool = True
    previous: PreviousMatch | None = None

    def one(self, path: str, shown: str) -> OfficeSummary:
        return summarize_one(
            path,
            self.as_of,
            self.lang,
            self.check,
            self.link_options,
            shown=shown,
            columns=self.columns or None,
            lean=self.lean,
            pages=self.pages,
            messages=self.messages,
            listed=self.listed,
            lke=self.lke,
            previous=self.previous,
        )


def _sequential(
    todo: list[tuple[str, str]],
    run: _Run,
    show: bool,
    on_plan: Callable[[int, int, str], object] | None = None,
) -> list[OfficeSummary]:
    out: list[OfficeSummary] = []
    with _bar(len(todo), run.lang, show) as bar:
        for i, (path, shown) in enumerate(todo):
            if on_plan is not None:
                on_plan(i, len(todo), path)
            out.append(run.one(path, shown))
            bar.update(1)
    if on_plan is not None:
        on_plan(len(todo), len(todo), "")
    return out


def _isolated(
    todo: list[tuple[str, str]], run: _Run, workers: int, show: bool
) -> list[OfficeSummary]:
    """In worker processes (see :mod:`.isolate`), batches of plans per task: one round
    trip per batch, not per plan."""
    size = max(1, min(32, len(todo) // (workers * 4) or 1))
    batches = [todo[i : i + size] for i in range(0, len(todo), size)]
    work = functools.partial(_summarize_batch, run=run)
    with _bar(len(todo), run.lang, show) as bar:
        return read_isolated(batches, work, workers, run.lang, bar.update, Shared().offices)


def _summarize_batch(batch: list[tuple[str, str]], run: _Run) -> list[OfficeSummary]:
    out = [run.one(path, shown) for path, shown in batch]
    _settle(len(batch))
    return out


#: Plans a worker has read since it settled or last let its caches go.
_read: list[int] = []
#: A worker lets go of the reading and LKE caches after this many plans: each plan adds
#: its own texts (~25-35 KB a plan), which the next plans rarely meet again; kept, they
#: took a worker of a 2,000-plan run from 24 to 51 MiB (its caches are bounded, but at
#: ~20 MiB). Emptied every 128 plans, a worker stays within a few MiB of its start.
TRIM_EVERY = 128


def _settle(plans: int) -> None:
    """Once per worker, after its first batch (the reading and LKE modules and tables
    are loaded by then): collect, then freeze what is left so that later collections
    skip it (callgrind, 20 warm plans: 63.2 -> 61.1 MIr a plan). Later, every
    ``TRIM_EVERY`` plans, empty the per-text caches."""
    if not _read:
        _read.append(0)
        gc.collect()
        gc.freeze()
        return
    _read[0] += plans
    if _read[0] >= TRIM_EVERY:
        _read[0] = 0
        _trim()


def _trim() -> None:
    """Empty the bounded caches of the package's modules (texts already worked out:
    links, targets, cells, titles) and the LKE matcher (its terms and pairs; rebuilt
    from the loaded LKE on the next plan)."""
    import sys

    for name, module in list(sys.modules.items()):
        if not name.startswith("zi_workbook.") or module is None:
            continue
        for value in list(vars(module).values()):
            if isinstance(value, functools._lru_cache_wrapper) and value.cache_parameters()[
                "maxsize"
            ]:
                value.cache_clear()
    mapping = sys.modules.get("zi_workbook.lke.plan")
    if mapping is not None:
        mapping.matcher.cache_clear()


def _bar(length: int, lang: str, show: bool) -> Bar:
    return progress_bar(length, slabel("progress", lang), show)
