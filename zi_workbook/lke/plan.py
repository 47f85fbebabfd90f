"""The LKE for a whole plan: each row's question, its bad codes, and the coverage.

Two steps so the coverage uses exactly the status the report gives each row:
``map_rows`` before the statuses, ``cover_rows`` after.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..findings import Finding, finding
from ..model import PlanRow
from .coverage import Coverage, MappedAction, cover
from .data import load
from .mapping import RowLke, _explicit, _map, matcher

__all__ = ["cover_rows", "has_bad_code", "map_rows"]


def _bad_code(row: PlanRow, m: RowLke) -> Finding:
    assert m.bad is not None
    fieldname, written = m.bad
    hint = m.code or (m.alternatives[0] if m.alternatives else None)
    return finding(
        "unknown-lke-code",
        row.sheet,
        row.row,
        row.column(fieldname),
        written=written,
        hint_id=f"; mungkin maksudnya {hint}" if hint else "",
        hint_en=f"; perhaps {hint} was meant" if hint else "",
    )


def map_rows(rows: Sequence[PlanRow]) -> tuple[tuple[RowLke, ...], list[Finding]]:
    """Each row's question (in plan order) and an ``unknown-lke-code`` per bad code."""
    if not rows:
        return (), []
    lke, m = load(), matcher()  # built once, before the loop
    maps = tuple(
        [
            _map(lke, m, r.area, r.no, r.component, r.indicator, r.action, r.evidence,
                 r.lke_code, r.lke_letter)
            for r in rows
        ]
    )  # fmt: skip
    bad = [_bad_code(r, m) for r, m in zip(rows, maps, strict=True) if m.bad]
    if len(rows) > _BIG:  # the caches hold this plan's own texts now: let them go
        matcher().clear()
    return maps, bad


def has_bad_code(rows: Iterable[PlanRow]) -> bool:
    """Whether ``map_rows`` would find an ``unknown-lke-code``: a code the plan writes
    that names nothing (read as ``_map`` reads it, without suggesting any question)."""
    lke = None
    for r in rows:
        if not r.lke_code and "." not in r.no and "." not in r.component:
            continue  # no cell that could hold a code (``_explicit``'s own first test)
        lke = lke or load()
        found = _explicit(lke, r.lke_code, r.lke_letter, r.no, r.component)
        if found is not None and found[1].kind not in ("question", "sub_area"):
            return True
    return False


#: Rows of a plan past which the matcher's caches are emptied once it is mapped (they
#: are bounded, ~20 MB full; a 70-row plan keeps them for the next plan in a process).
_BIG = 5_000


def cover_rows(mapped: Iterable[tuple[PlanRow, RowLke | None, str]]) -> Coverage:
    """Coverage from (row, its question, the report's status of the row)."""
    return cover(
        load(),
        (
            MappedAction(m.code, r.sheet, r.row, status)
            for r, m, status in mapped
            if m is not None and m.code
        ),
    )
