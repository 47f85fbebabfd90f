"""The summary's data: one ``OfficeSummary`` per plan file, one ``Summary`` per run,
one ``FileEntry`` per file found, and their JSON shape (``zi-workbook/summary/2``)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from ..errors import shown_path
from ..i18n.summary import slabel
from ..inventory import STATUSES as FILE_STATUSES
from ..model import AREAS
from ..status import Rates

if TYPE_CHECKING:
    from ..compare import Changes
    from ..monthly.page import MonevPage

__all__ = [
    "COUNT_KEYS",
    "GROUP_CELLS",
    "NO_AREA",
    "SCHEMA",
    "ActionItem",
    "FileEntry",
    "FindingGroup",
    "FindingItem",
    "OfficeSummary",
    "Previous",
    "Summary",
    "finding_place",
    "group_findings",
]

SCHEMA = "zi-workbook/summary/2"
COUNT_KEYS = ("total", "complete", "overdue", "not_due", "needs_fix")
#: The area key of actions above any area row.
NO_AREA = "-"


def _zero() -> dict[str, int]:
    return dict.fromkeys(COUNT_KEYS, 0)


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _zero_areas() -> dict[str, dict[str, int]]:
    """Counts per area I..VI and ``"-"`` (actions above any area row)."""
    return {key: _zero() for key in (*AREAS, NO_AREA)}


class ActionItem(NamedTuple):
    """An overdue or needs-fix action, as the Inspectorate lists it (a NamedTuple: a
    big summary holds tens of thousands, sent by the workers; smaller and quicker to
    unpickle than a dataclass).

    ``due`` is the end of the first period (what makes the row overdue), ``deadline``
    the end of the last one (both from ``zi_workbook.status``), ``days_late`` is counted
    from ``due`` to ``as_of``; ``missing`` says in words what is absent.
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
    due: date | None
    deadline: date | None
    days_late: int | None
    missing: tuple[str, ...]
    links: tuple[str, ...] = ()
    link_kinds: tuple[str, ...] = ()
    link_checks: tuple[tuple[bool, str] | None, ...] | None = None
    #: Who is responsible (the plan's PIC column), "" when the plan has none.
    pic: str = ""


class FindingItem(NamedTuple):
    """An error or warning finding of one office (message already in the run's language;
    "" when the run does not list findings one by one, see ``summarize``)."""

    code: str
    severity: str
    cell: str
    sheet: str
    row: int
    area: str | None
    message: str


class FindingGroup(NamedTuple):
    """One office's error or warning findings of one code, as Temuan shows them: the
    severity of the first, how many (``total``), and where the first ``GROUP_CELLS`` are ("…" after
    them when there are more)."""

    code: str
    severity: str
    total: int
    cells: str


#: At most this many places are named per group; the rest are counted.
GROUP_CELLS = 8


def group_findings(findings: Iterable[FindingItem], lang: str) -> tuple[FindingGroup, ...]:
    """``findings`` per code, errors first, the most frequent first, then by code."""
    groups: dict[str, list[FindingItem]] = {}
    for f in findings:
        groups.setdefault(f.code, []).append(f)
    order = sorted(groups.values(), key=lambda g: (g[0].severity != "error", -len(g), g[0].code))
    out = []
    for items in order:
        cells = ", ".join(finding_place(f, lang) for f in items[:GROUP_CELLS])
        if len(items) > GROUP_CELLS:
            cells += ", …"
        out.append(FindingGroup(items[0].code, items[0].severity, len(items), cells))
    return tuple(out)


def finding_place(f: FindingItem, lang: str) -> str:
    """The cell, the row, or "Seluruh rencana" for a finding about the whole plan."""
    if f.cell:
        return f.cell
    return f"{f.sheet}!{f.row}" if f.row else slabel("whole_plan", lang)


@dataclass(frozen=True)
class FileEntry:
    """What happened to one file found: ``status`` in ``inventory.STATUSES``.

    ``path`` is relative to the folder given (or as given), ``reason`` one line in
    the run's language (or None), ``unit`` the office it was read as (or None).
    """

    path: str
    status: str
    reason: str | None = None
    unit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "status": self.status, "reason": self.reason, "unit": self.unit}


@dataclass(frozen=True)
class Previous:
    """Last time's figures of one office and what changed since (``--previous``)."""

    file: str
    as_of: date
    counts: dict[str, int]
    rates: Rates
    #: ``compare.Changes.counts`` (every change kind, ``now-complete`` too) and the
    #: findings raised by the changes by code (``deadline-postponed`` ...).
    changes: dict[str, int]
    findings: dict[str, int]
    #: The changes themselves (without the plans' rows), for the office's page; not
    #: in the JSON.
    detail: Changes | None = field(default=None, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "as_of": self.as_of.isoformat(),
            "counts": dict(self.counts),
            "rates": self.rates.to_dict(),
            "changes": dict(self.changes),
            "findings": dict(self.findings),
        }


@dataclass(frozen=True)
class OfficeSummary:
    """One plan file: what it is, its counts, or why it could not be read.

    ``file`` is the path opened, ``shown`` the path as the ``files`` list gives it.
    ``link_kinds`` counts the safe links of every row by kind (in ``links.KINDS``
    order, kinds with none left out); ``links_checked`` is ``{"ok": n, "broken": n}``
    over the fetched links after ``--check-links``, else None. ``areas`` holds I..VI
    and ``"-"`` (actions above any area row). ``notes`` are reasons to read the plan
    with care (in the run's language); ``versions`` the other files of this office.
    """

    file: str
    unit: str | None = None
    plan_year: int | None = None
    sha256: str | None = None
    counts: dict[str, int] = field(default_factory=_zero)
    areas: dict[str, dict[str, int]] = field(default_factory=_zero_areas)
    error: str | None = None
    overdue: tuple[ActionItem, ...] = ()
    needs_fix: tuple[ActionItem, ...] = ()
    findings: tuple[FindingItem, ...] = ()
    link_kinds: dict[str, int] = field(default_factory=dict)
    links_checked: dict[str, int] | None = None
    shown: str = ""
    mtime: float = 0.0
    notes: tuple[str, ...] = ()
    versions: tuple[str, ...] = ()
    #: The two rates (``status.Rates``) overall and per area (I..VI and "-").
    rates: Rates = field(default_factory=Rates)
    area_rates: dict[str, Rates] = field(default_factory=dict)
    #: With --previous: last time's office (counts, rates) and the change counts.
    previous: Previous | None = None
    #: The office's Laporan Monev page (``monthly.page``), for its sheet in the
    #: workbook; None on the JSON path (``lean``) and for a plan not read. Not in the JSON.
    page: MonevPage | None = field(default=None, compare=False, repr=False)
    #: The LKE ceiling per area and of Pengungkit, and the areas under the WBK minimum.
    lke: dict[str, Any] | None = None
    #: The error and warning findings per code (``group_findings``), when the run sent
    #: them grouped instead of one by one (``summarize(finding_list=False)``); else ().
    finding_groups: tuple[FindingGroup, ...] = ()

    def groups(self, lang: str) -> tuple[FindingGroup, ...]:
        """The office's findings per code, as Temuan shows them."""
        return self.finding_groups or group_findings(self.findings, lang)

    @property
    def name(self) -> str:
        """The file name without its folder (bytes that are not UTF-8 as U+FFFD)."""
        return shown_path(os.path.basename(self.file))

    @property
    def total(self) -> int:
        """How many actions the plan holds (0: *belum diisi*)."""
        return self.counts["total"]

    @property
    def label(self) -> str:
        """The unit, or the file name when no unit was found."""
        return self.unit or os.path.splitext(self.name)[0]

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.shown or self.file,
            "unit": self.unit,
            "label": self.label,
            "plan_year": self.plan_year,
            "sha256": self.sha256,
            "status": "empty" if self.total == 0 else "read",
            "counts": dict(self.counts),
            "rates": self.rates.to_dict(),
            "areas": {
                key: {**counts, "rates": self.area_rates.get(key, Rates()).to_dict()}
                for key, counts in self.areas.items()
            },
            "link_kinds": dict(self.link_kinds),
            "links_checked": None if self.links_checked is None else dict(self.links_checked),
            "notes": list(self.notes),
            "versions": list(self.versions),
            "previous": None if self.previous is None else self.previous.to_dict(),
            "lke": self.lke,
        }


@dataclass(frozen=True)
class Summary:
    """Every office of one run, once each, and every file found, as of one day.

    ``offices`` holds the version counted of each office (plans *belum diisi*
    included, kept out of the totals); ``files`` every file found with what
    happened to it. ``links_checked``: with --check-links; ``all_versions``: every
    file read counts as an office of its own.
    """

    as_of: date
    lang: str
    offices: tuple[OfficeSummary, ...]
    links_checked: bool = False
    files: tuple[FileEntry, ...] = ()
    all_versions: bool = False
    #: With --previous: the day last time's plans were judged as of.
    previous_as_of: date | None = None

    @property
    def read(self) -> tuple[OfficeSummary, ...]:
        """The offices counted: the ones whose plan holds actions."""
        return tuple(o for o in self.offices if o.total)

    @property
    def empty(self) -> tuple[OfficeSummary, ...]:
        """The offices whose plan holds no action yet (*belum diisi*)."""
        return tuple(o for o in self.offices if not o.total)

    @property
    def failed(self) -> tuple[FileEntry, ...]:
        """The files that could not be read."""
        return tuple(f for f in self.files if f.status == "failed")

    def file_counts(self) -> dict[str, int]:
        """How many files ended in each status (every status, zeros included)."""
        out = dict.fromkeys(FILE_STATUSES, 0)
        for f in self.files:
            out[f.status] += 1
        return out

    @property
    def totals(self) -> dict[str, int]:
        out = _zero()
        for office in self.read:
            for key in COUNT_KEYS:
                out[key] += office.counts[key]
        return out

    @property
    def rates(self) -> Rates:
        """The two rates over every office counted (each office once)."""
        return sum((o.rates for o in self.read), Rates())

    def area_rates(self) -> dict[str, Rates]:
        """The two rates per area over every office counted."""
        out = {key: Rates() for key in (*AREAS, NO_AREA)}
        for office in self.read:
            for key, rates in office.area_rates.items():
                out[key] = out[key] + rates
        return out

    def area_totals(self) -> dict[str, dict[str, int]]:
        """Counts per area I..VI and "-" summed over every office counted."""
        out = _zero_areas()
        for office in self.read:
            for key, counts in office.areas.items():
                for count in COUNT_KEYS:
                    out[key][count] += counts[count]
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "as_of": self.as_of.isoformat(),
            "all_versions": self.all_versions,
            "previous_as_of": None
            if self.previous_as_of is None
            else self.previous_as_of.isoformat(),
            "files": [f.to_dict() for f in self.files],
            "file_counts": self.file_counts(),
            "offices": [o.to_dict() for o in self.offices],
            "totals": {**self.totals, "rates": self.rates.to_dict()},
        }
