"""Keep the offices small while the parent holds them all: one object per repeated value.

Each office arrives from a worker as its own copy of every text: the component and
indicator of the template, the words of ``missing``, the sheet's name, the dates, the
kinds of links, the same lists of findings. A run of 2,000 offices held ~47 MiB of
them until the workbook was written, most of it the same values again; here each
distinct value is kept once (values are compared by type and value, so ``1`` and
``True`` stay apart; a tuple is shared only when it holds texts alone).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any, TypeVar, cast

from .model import ActionItem, FindingGroup, FindingItem, OfficeSummary

__all__ = ["Shared"]

T = TypeVar("T")


class Shared:
    """The first copy of each value seen; ``office`` rebuilds an office with them."""

    __slots__ = ("_seen",)

    def __init__(self) -> None:
        self._seen: dict[tuple[type, object], Any] = {}

    def one(self, value: T) -> T:
        """The copy of ``value`` kept first (``value`` itself when it is new)."""
        v: Any = value
        if v is None:
            return value
        seen = self._seen
        if type(v) is tuple and all(type(x) is str for x in v):
            v = tuple(seen.setdefault((str, x), x) for x in v)
        try:
            return cast(T, seen.setdefault((type(v), v), v))
        except TypeError:  # unhashable: kept as it is
            return value

    def office(self, office: OfficeSummary) -> OfficeSummary:
        if office.error is not None or not (
            office.overdue or office.needs_fix or office.finding_groups or office.findings
        ):
            return office
        return replace(
            office,
            overdue=self._items(office.overdue),
            needs_fix=self._items(office.needs_fix),
            findings=tuple(FindingItem._make([self.one(v) for v in f]) for f in office.findings),
            finding_groups=tuple(self._group(g) for g in office.finding_groups),
        )

    def offices(self, offices: Iterable[OfficeSummary]) -> list[OfficeSummary]:
        return [self.office(o) for o in offices]

    def _items(self, items: tuple[ActionItem, ...]) -> tuple[ActionItem, ...]:
        one = self.one
        return tuple(ActionItem._make([one(v) for v in item]) for item in items)

    def _group(self, group: FindingGroup) -> FindingGroup:
        one = self.one
        return one(FindingGroup(one(group.code), one(group.severity), group.total, group.cells))
