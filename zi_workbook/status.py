"""The single home of the status and deadline rules.

Every writer (text, JSON, status workbook, summary) and every check asks this module;
none recomputes a rule. The words:

``due``
    the end of the **first** period of TARGET WAKTU. It decides *overdue*: an
    incomplete action is overdue from the day after ``due``. (An action with monthly
    periods is late once January has ended without evidence.)
``deadline`` (*Batas Waktu*)
    the end of the **last** period: when the whole action should be finished. The JSON
    keeps it as ``target.deadline`` and adds ``target.due``.
``complete``
    evidence written **and** at least one link an evaluator can open: a safe http(s)
    or mailto link that is not a local path nor an office-network address
    (``192.168.x.x``, ``*.local``, a host without a dot).
``due soon``
    not complete, not overdue, and ``due`` is at most ``soon_days`` days away
    (``due`` today counts: 0 days left).
``periods passed``
    how many periods have ended before ``as_of`` ("2 dari 4 periode lewat").
status
    ``complete``, else ``needs_fix`` (no period could be read), else ``overdue``
    (``due`` has passed), else ``not_due``: exactly in that order.
the two rates
    ``due_complete`` = complete actions among those whose first period has ended,
    divided by the actions whose first period has ended (None when none is due yet);
    ``all_complete`` = complete actions divided by every action (None for no action).

>>> from datetime import date
>>> from zi_workbook.targets import parse_target
>>> t = parse_target("Maret, Juni, September, Desember 2022", 2022)
>>> due(t).isoformat(), deadline(t).isoformat(), periods_passed(t, date(2022, 7, 1))
('2022-03-31', '2022-12-31', 2)
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from ._record import Record
from .links import classify

if TYPE_CHECKING:
    from .model import PlanRow, Target

__all__ = [
    "STATUSES",
    "Rates",
    "RowState",
    "deadline",
    "due",
    "is_complete",
    "is_openable",
    "periods_passed",
    "rates",
    "row_state",
    "row_status",
]

#: Every status an action can have, in the order of the rules.
STATUSES = ("complete", "overdue", "not_due", "needs_fix")
#: Link kinds that no evaluator outside the office can open.
_CLOSED_KINDS = frozenset({"local-path", "office-network", "other"})


def due(target: Target) -> date | None:
    """The end of the first period (it decides overdue); None without one or open-ended."""
    return target.periods[0].end if target.periods else None


def deadline(target: Target) -> date | None:
    """The end of the last period (*Batas Waktu*); None when empty, refused or open-ended."""
    return target.periods[-1].end if target.periods else None


def periods_passed(target: Target, as_of: date) -> int:
    """How many periods have ended before ``as_of``."""
    return sum(1 for p in target.periods if p.end is not None and p.end < as_of)


def is_openable(url: str) -> bool:
    """A link an evaluator outside the office can open (safe, not local, not office-only)."""
    info = classify(url)
    return info.safety == "safe" and info.kind not in _CLOSED_KINDS


def is_complete(row: PlanRow) -> bool:
    """Evidence written and at least one link an evaluator can open."""
    return row.has_evidence and _any_openable(row.links)


def row_status(row: PlanRow, as_of: date) -> str:
    """complete, needs_fix, overdue or not_due, exactly in that order of rules."""
    return _status(row, due(row.target), as_of)


def _status(row: PlanRow, first: date | None, as_of: date) -> str:
    """The rules of :func:`row_status`, given the row's ``due`` (``first``)."""
    if is_complete(row):
        return "complete"
    if not row.target.periods:
        return "needs_fix"
    if first is not None and first < as_of:
        return "overdue"
    return "not_due"


class RowState(Record):
    """Everything the calendar says about one action as of one day."""

    status: str
    due: date | None
    deadline: date | None
    due_soon: bool
    #: Days after ``due`` (overdue rows) or until ``due`` (rows not yet due); else None.
    days_late: int | None
    days_left: int | None
    periods: int
    periods_passed: int
    #: The first period has ended (the action counts in ``due_complete``).
    is_due: bool


def row_state(row: PlanRow, as_of: date, soon_days: int = 30) -> RowState:
    """The status, due, deadline, due-soon flag, days and periods of ``row``.

    The rules of :func:`due`, :func:`deadline` and :func:`periods_passed` in one pass
    over the periods, and :func:`row_status`'s own: it runs for every row of every plan."""
    periods = row.target.periods
    first = last = None
    passed = 0
    if periods:
        first, last = periods[0].end, periods[-1].end
        for period in periods:
            end = period.end
            if end is not None and end < as_of:
                passed += 1
    status = _status(row, first, as_of)
    late = (as_of - first).days if status == "overdue" and first is not None else None
    left = (first - as_of).days if status == "not_due" and first is not None else None
    return RowState(
        status,
        first,
        last,
        left is not None and left <= soon_days,
        late,
        left,
        len(periods),
        passed,
        first is not None and first < as_of,
    )


def _any_openable(links: tuple[str, ...]) -> bool:
    """``any(is_openable(u) for u in links)``, without a call per link."""
    for url in links:
        info = classify(url)
        if info.safety == "safe" and info.kind not in _CLOSED_KINDS:
            return True
    return False


class Rates(Record):
    """The numbers behind the two rates; add two (offices, areas) with ``+`` (their
    sums, not a longer tuple)."""

    due: int = 0
    due_done: int = 0
    total: int = 0
    done: int = 0

    @property
    def due_complete(self) -> float | None:
        """Complete among the actions whose first period has ended; None when none is."""
        return self.due_done / self.due if self.due else None

    @property
    def all_complete(self) -> float | None:
        """Complete among every action; None for a plan without actions."""
        return self.done / self.total if self.total else None

    def __add__(self, other: Rates) -> Rates:  # type: ignore[override]
        return Rates(
            self.due + other.due,
            self.due_done + other.due_done,
            self.total + other.total,
            self.done + other.done,
        )

    def to_dict(self) -> dict[str, float | None]:
        """``{"due_complete": 0.69, "all_complete": 0.48}`` (rounded to 4 places)."""
        return {
            "due_complete": _round(self.due_complete),
            "all_complete": _round(self.all_complete),
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def rates(states: Iterable[RowState]) -> Rates:
    """The two rates over ``states``."""
    due_n = due_done = total = done = 0
    for s in states:
        total += 1
        complete = s.status == "complete"
        done += complete
        if s.is_due:
            due_n += 1
            due_done += complete
    return Rates(due_n, due_done, total, done)
