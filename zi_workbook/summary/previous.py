"""``summary --previous``: last time's plans beside this time's, office by office.

Last time's files are found and read as this time's are (each office once, its newest
version); each office of this run is matched to last time's by unit (normalised,
whatever the plan year), then by file name. Each matched pair is compared by the
month-over-month engine (``compare.compare_with_previous``), which gives the change
counts and the findings that show hidden delays (``deadline-postponed``,
``removed-overdue-action``, ...); last time's counts and rates are judged as of
``old_as_of`` (default: the last day of the month before ``as_of``) by ``status``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from datetime import date
from pathlib import Path, PurePosixPath

from ..errors import ZiWorkbookError
from ..inventory import office_key
from .model import OfficeSummary, Previous, Summary

__all__ = ["add_previous", "match_offices"]


def match_offices(
    now: Sequence[OfficeSummary], before: Sequence[OfficeSummary]
) -> dict[str, OfficeSummary]:
    """This run's office file -> last time's office: by unit, then by file name."""
    by_unit: dict[str, OfficeSummary] = {}
    by_name: dict[str, OfficeSummary] = {}
    for office in before:
        if office.unit:
            by_unit.setdefault(office_key(office.unit, None, "")[0], office)
        by_name.setdefault(_name(office), office)
    out: dict[str, OfficeSummary] = {}
    for office in now:
        found = by_unit.get(office_key(office.unit, None, "")[0]) if office.unit else None
        found = found or by_name.get(_name(office))
        if found is not None:
            out[office.file] = found
    return out


def _name(office: OfficeSummary) -> str:
    return PurePosixPath(office.name).stem.casefold()


def add_previous(
    summary: Summary,
    previous: Sequence[Path],
    *,
    old_as_of: date | None = None,
    columns: Mapping[str, str] | None = None,
    jobs: int | None = None,
) -> Summary:
    """``summary`` with each office's :class:`Previous` (None when no match)."""
    from ..compare.version import month_end_before
    from .run import summarize

    day = old_as_of or month_end_before(summary.as_of)
    before = summarize(  # only which office each file is: no lists, no pages
        previous, as_of=day, lang=summary.lang, jobs=jobs, columns=columns, lean=True
    )
    pairs = match_offices([o for o in summary.offices if o.total], before.read)
    todo = [(new, old.file, old.shown) for new, old in pairs.items()]
    args = [
        (new, old, shown, summary.as_of, day, dict(columns or {}), summary.lang)
        for new, old, shown in todo
    ]
    if len(args) > 8 and (jobs or 2) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            found = list(pool.map(_compare, args, chunksize=8))
    else:
        found = [_compare(a) for a in args]
    got = {new: prev for (new, _, _), prev in zip(todo, found, strict=True)}
    offices = tuple(replace(o, previous=got.get(o.file)) for o in summary.offices)
    return replace(summary, offices=offices, previous_as_of=day)


def _compare(args: tuple[str, str, str, date, date, dict[str, str], str]) -> Previous | None:
    """One office against last time (runs in a worker; returns counts and the changes
    without either plan's rows)."""
    from ..compare import compare_with_previous
    from ..report import validate
    from ..status import rates, row_state

    new, old, shown, as_of, old_as_of, columns, lang = args
    try:
        report = validate(new, as_of=as_of, lang=lang, columns=columns or None)
        changes = compare_with_previous(old, report, old_as_of=old_as_of, columns=columns or None)
    except ZiWorkbookError:
        return None
    before = changes.old
    return Previous(
        shown,
        before.as_of,
        before.counts,
        rates(row_state(row, before.as_of) for row in before.rows),
        changes.counts,
        dict(Counter(f.code for f in changes.findings)),
        replace(changes, old=replace(before, rows=()), new=replace(changes.new, rows=())),
    )
