"""The LKE for a whole plan: each row's question, its bad codes, and the coverage.

Two steps so the coverage uses exactly the status the report gives each row:
``map_rows`` before the statuses, ``cover_rows`` after.

Each action's question is the code the plan writes, else a suggestion from its words.
An explicit code wins: the KODE LKE column (with a letter in the next cell after a
sub-area code), else a code opening the NO or KOMPONEN cell. A sub-area code narrows the
suggestion to that sub-area. A code that names no question is reported (``bad``) and the
row is suggested from its words as if it had none.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from ..findings import Finding, finding
from ..model import PlanRow
from .coverage import Act, Coverage, cover_codes
from .data import Lke, Record, load
from .match import THRESHOLD, Matcher

__all__ = ["RowLke", "cover_rows", "map_row", "map_rows", "matcher"]


class RowLke(Record):
    """The LKE question of one action.

    ``source`` is ``column`` (the plan wrote the code), ``suggested`` or None (unmapped);
    ``bad`` is (field, code as written) when the plan wrote a code that names nothing.
    """

    __slots__ = ("alternatives", "bad", "code", "score", "source", "sub_area")
    code: str | None
    sub_area: str | None
    source: str | None
    score: float | None
    alternatives: tuple[str, ...]
    bad: tuple[str, str] | None

    def __init__(
        self,
        code: str | None,
        sub_area: str | None,
        source: str | None,
        score: float | None,
        alternatives: tuple[str, ...] = (),
        bad: tuple[str, str] | None = None,
    ) -> None:
        self.code = code
        self.sub_area = sub_area
        self.source = source
        self.score = score
        self.alternatives = alternatives
        self.bad = bad

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "sub_area": self.sub_area,
            "source": self.source,
            "score": self.score,
            "alternatives": list(self.alternatives),
        }


UNMAPPED = RowLke(None, None, None, None)


@cache
def matcher() -> Matcher:
    """The matcher of the bundled LKE, built once per process on first use."""
    return Matcher(load())


def map_row(
    *,
    area: str | None,
    no: str = "",
    component: str = "",
    indicator: str = "",
    action: str = "",
    evidence: str = "",
    code_cell: str = "",
    letter_cell: str = "",
) -> RowLke:
    """The LKE question of one row of the plan (see the module's docstring)."""
    return _map(
        load(), matcher(), area, no, component, indicator, action, evidence, code_cell,
        letter_cell,
    )  # fmt: skip


def _map(
    lke: Lke,
    m: Matcher,
    area: str | None,
    no: str,
    component: str,
    indicator: str,
    action: str,
    evidence: str,
    code_cell: str,
    letter_cell: str,
) -> RowLke:
    """``map_row`` with the worksheet and the matcher at hand (``plan.map_rows``)."""
    found = None
    if code_cell or "." in no or "." in component:  # else no cell can hold a code (most
        from .codes import explicit  # plans write none): ``codes`` is imported on use

        found = explicit(lke, code_cell, letter_cell, no, component)
    bad: tuple[str, str] | None = None
    only: str | None = None
    if found is not None:
        fieldname, read = found
        if read.kind == "question":
            question = lke.questions[read.code]
            return RowLke(read.code, question.sub_area, "column", None)
        if read.kind == "sub_area":
            only = read.code
            area = lke.sub_areas[only].area
        else:
            bad = (fieldname, read.written)
    best = m.rank(area, component, indicator, f"{action}\n{evidence}", sub_area=only)
    codes = tuple([code for _, code in best])
    if only is not None:
        questions = lke.sub_areas[only].questions
        if best:
            return RowLke(codes[0], only, "suggested", best[0][0], codes[1:3])
        if len(questions) == 1:
            return RowLke(questions[0], only, "suggested", 0.0)
        return RowLke(None, only, None, None, questions[:3])
    if best and best[0][0] >= THRESHOLD:
        code = codes[0]
        return RowLke(code, lke.questions[code].sub_area, "suggested", best[0][0], codes[1:3], bad)
    return RowLke(None, None, None, None, codes[:3], bad)


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


#: Rows of a plan past which the matcher's caches are emptied once it is mapped (they
#: are bounded, ~20 MB full; a 70-row plan keeps them for the next plan in a process).
_BIG = 5_000


def cover_rows(mapped: Iterable[tuple[PlanRow, RowLke | None, str]]) -> Coverage:
    """Coverage from (row, its question, the report's status of the row)."""
    by_code: dict[str, list[Act]] = {}
    for r, m, status in mapped:
        if m is not None and m.code:
            by_code.setdefault(m.code, []).append((r.sheet, r.row, status))
    return cover_codes(load(), by_code)
