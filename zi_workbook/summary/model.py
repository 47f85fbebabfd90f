"""The summary's data: one ``OfficeSummary`` per plan file, one ``Summary`` per run,
and their JSON shape (``zi-workbook/summary/1``)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..model import AREAS

__all__ = ["COUNT_KEYS", "SCHEMA", "ActionItem", "FindingItem", "OfficeSummary", "Summary"]

SCHEMA = "zi-workbook/summary/1"
COUNT_KEYS = ("total", "complete", "overdue", "not_due", "needs_fix")


def _zero() -> dict[str, int]:
    return dict.fromkeys(COUNT_KEYS, 0)


@dataclass(frozen=True)
class ActionItem:
    """An overdue or needs-fix action, as the Inspectorate lists it.

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
