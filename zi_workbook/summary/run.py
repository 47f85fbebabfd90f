"""Run a summary: find the workbooks, then read each one here or in worker processes."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..i18n.summary import slabel
from .model import OfficeSummary, Summary
from .office import summarize_one

__all__ = ["PARALLEL_FROM", "WORKBOOK_SUFFIXES", "expand_paths", "summarize"]


#: Below this many plans the work is done in this process (a pool costs more).
PARALLEL_FROM = 9


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
