"""``summary --previous``: last time's plans beside this time's, office by office.

Last time's files are found and read as this time's are (each office once, its newest
version); each office of this run is matched to last time's by unit (normalised,
whatever the plan year), then by file name, in the worker that reads this time's plan
(:class:`PreviousMatch` travels to it), so each plan is read once. Each matched pair is
compared by the month-over-month engine (``compare.compare_with_previous``), which gives the change
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
from typing import TYPE_CHECKING

from .._record import Record
from ..errors import ZiWorkbookError
from ..inventory import office_key
from .model import OfficeSummary, Previous, Summary

if TYPE_CHECKING:
    from ..reading.reader import RowMemo
    from ..report import Report

__all__ = ["PreviousMatch", "add_previous", "match_offices", "previous_of", "read_previous"]


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


class PreviousMatch(Record):
    """Last time's offices as the workers look them up (it pickles): unit key and file
    name -> (file, shown), the day they are judged as of, and the ``--column`` map."""

    by_unit: dict[str, tuple[str, str]]
    by_name: dict[str, tuple[str, str]]
    as_of: date
    columns: dict[str, str]

    def find(self, office: OfficeSummary) -> tuple[str, str] | None:
        """Last time's (file, shown) of ``office``: by unit, then by file name."""
        found = self.by_unit.get(office_key(office.unit, None, "")[0]) if office.unit else None
        return found or self.by_name.get(_name(office))


def read_previous(
    previous: Sequence[Path],
    *,
    as_of: date,
    lang: str = "id",
    old_as_of: date | None = None,
    columns: Mapping[str, str] | None = None,
    jobs: int | None = None,
) -> PreviousMatch:
    """Read last time's plans (each office once, its newest version; counts only) to
    know which office each file is; ``old_as_of`` None: the month's end before ``as_of``."""
    from ..compare.version import month_end_before
    from .run import summarize

    day = old_as_of or month_end_before(as_of)
    before = summarize(
        previous, as_of=day, lang=lang, jobs=jobs, columns=columns, lean=True, lke=False
    )
    by_unit: dict[str, tuple[str, str]] = {}
    by_name: dict[str, tuple[str, str]] = {}
    for office in before.read:
        if office.unit:
            by_unit.setdefault(office_key(office.unit, None, "")[0], (office.file, office.shown))
        by_name.setdefault(_name(office), (office.file, office.shown))
    return PreviousMatch(by_unit, by_name, day, dict(columns or {}))


def add_previous(
    summary: Summary,
    previous: Sequence[Path],
    *,
    old_as_of: date | None = None,
    columns: Mapping[str, str] | None = None,
    jobs: int | None = None,
) -> Summary:
    """``summary`` with each office's :class:`Previous` (None when no match).

    Each office's plan is read again here; ``summarize(..., previous=...)`` compares
    each plan while it is read (what ``summary --previous`` does), which reads it once.
    """
    match = read_previous(
        previous,
        as_of=summary.as_of,
        lang=summary.lang,
        old_as_of=old_as_of,
        columns=columns,
        jobs=jobs,
    )
    todo = [(o.file, hit) for o in summary.offices if o.total and (hit := match.find(o))]
    args = [(new, old, shown, summary.as_of, match, summary.lang) for new, (old, shown) in todo]
    if len(args) > 8 and (jobs or 2) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            found = list(pool.map(_compare, args, chunksize=8))
    else:
        found = [_compare(a) for a in args]
    got = {new: prev for (new, _), prev in zip(todo, found, strict=True)}
    offices = tuple(replace(o, previous=got.get(o.file)) for o in summary.offices)
    return replace(summary, offices=offices, previous_as_of=match.as_of)


def _compare(args: tuple[str, str, str, date, PreviousMatch, str]) -> Previous | None:
    """One office against last time, its plan read again (runs in a worker)."""
    from ..report import validate

    new, old, shown, as_of, match, lang = args
    try:
        report = validate(new, as_of=as_of, lang=lang, columns=match.columns or None)
    except ZiWorkbookError:
        return None
    return previous_of(report, old, shown, match)


def previous_of(
    report: Report, old: str, shown: str, match: PreviousMatch, memo: RowMemo | None = None
) -> Previous | None:
    """The office of ``report`` against last time's plan ``old`` (None when that cannot
    be read): counts and rates as of ``match.as_of``, the changes without the rows;
    ``memo``: the one ``report``'s plan was read with (``reading.reader.read_plan``)."""
    from ..compare import compare_with_previous
    from ..status import rates, row_state

    try:
        changes = compare_with_previous(
            old, report, old_as_of=match.as_of, columns=match.columns or None, memo=memo
        )
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
