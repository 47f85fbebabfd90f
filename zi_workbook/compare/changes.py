"""What changed between two versions: :class:`Change`, :class:`Changes` and ``to_dict()``."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..findings import Finding
from .kinds import CHANGE_KINDS, NOW_COMPLETE
from .version import Version

__all__ = ["SCHEMA", "ActionChanges", "Change", "Changes"]

SCHEMA = "zi-workbook/changes/1"


@dataclass(frozen=True, slots=True)
class Change:
    """One change of one action; ``before``/``after`` hold only what changed."""

    kind: str
    area: str | None
    component: str
    indicator: str
    action: str
    old_row: int | None
    new_row: int | None
    sheet: str
    before: dict[str, Any]
    after: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "area": self.area,
            "component": self.component,
            "indicator": self.indicator,
            "action": self.action,
            "old_row": self.old_row,
            "new_row": self.new_row,
            "sheet": self.sheet,
            "before": self.before,
            "after": self.after,
        }


@dataclass(frozen=True)
class ActionChanges:
    """Every change and finding of one action: one line of the Perubahan sheet."""

    changes: tuple[Change, ...]
    findings: tuple[Finding, ...]

    @property
    def first(self) -> Change:
        return self.changes[0]

    @property
    def now_complete(self) -> bool:
        return any(
            c.kind == "status-changed" and c.after.get("status") == "complete" for c in self.changes
        )

    @property
    def rank(self) -> int:
        """0 with a finding, 1 newly complete, 2 the rest (the order people read them)."""
        return 0 if self.findings else 1 if self.now_complete else 2


@dataclass(frozen=True)
class Changes:
    """The comparison of ``old`` with ``new``: changes in plan order, and findings."""

    old: Version
    new: Version
    changes: tuple[Change, ...]
    findings: tuple[Finding, ...]
    #: (old index or None, new index or None) of each action, to group lines.
    groups: tuple[tuple[tuple[int, ...], tuple[int, ...]], ...] = field(default=(), repr=False)

    @property
    def counts(self) -> dict[str, int]:
        """Every kind (zeros too) in declared order, ``now-complete`` after status."""
        counts: dict[str, int] = {}
        for code in CHANGE_KINDS:
            counts[code] = 0
            if code == "status-changed":
                counts[NOW_COMPLETE] = 0
        for change in self.changes:
            counts[change.kind] += 1
            if change.kind == "status-changed" and change.after.get("status") == "complete":
                counts[NOW_COMPLETE] += 1
        return counts

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    def __bool__(self) -> bool:
        return bool(self.changes or self.findings)

    def by_action(self) -> list[ActionChanges]:
        """One entry per action: findings first, then new completions, then the rest."""
        lines = [
            ActionChanges(
                tuple(self.changes[k] for k in change_ids),
                tuple(self.findings[k] for k in finding_ids),
            )
            for change_ids, finding_ids in self.groups
            if change_ids or finding_ids
        ]
        return sorted(lines, key=lambda line: line.rank)

    def iter_changes(self) -> Iterator[dict[str, Any]]:
        return (c.to_dict() for c in self.changes)

    def to_dict(self, lang: str = "id") -> dict[str, Any]:
        """The ``zi-workbook/changes/1`` contract."""
        return {
            "schema": SCHEMA,
            "old": self.old.to_dict(),
            "new": self.new.to_dict(),
            "counts": self.counts,
            "changes": list(self.iter_changes()),
            "findings": [f.to_dict(lang) for f in self.findings],
        }
