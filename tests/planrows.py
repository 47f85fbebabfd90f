"""Build PlanRow / Plan objects directly, for checks that need no workbook."""

from __future__ import annotations

from datetime import date

from zi_workbook.links import classify
from zi_workbook.model import Period, Plan, PlanRow, Target, TargetError

COLUMNS = (
    ("no", "A"),
    ("component", "B"),
    ("indicator", "C"),
    ("action", "D"),
    ("evidence", "E"),
    ("link", "F"),
    ("target", "G"),
)


def target(text: str, *spans: tuple[date, date | None], error: str | None = None) -> Target:
    err = TargetError(error, error) if error else None
    return Target(text, tuple(Period(s, e) for s, e in spans), err)


def row(
    n: int,
    *,
    area: str | None = "I",
    indicator: str = "Indikator",
    action: str = "",
    evidence: str = "Bukti",
    links: tuple[str, ...] = ("https://x.go.id/a",),
    link_text: str = "",
    tgt: Target | None = None,
    sheet: str = "RA",
) -> PlanRow:
    safe = tuple(u for u in links if classify(u).is_safe)
    return PlanRow(
        sheet=sheet,
        row=n,
        area=area,
        no="1",
        component="Komponen",
        indicator=indicator,
        action=action or f"Aksi {n}",
        evidence=evidence,
        links=safe,
        link_candidates=links,
        link_text=link_text,
        target=tgt
        if tgt is not None
        else target("Juni 2022", (date(2022, 6, 1), date(2022, 6, 30))),
        columns=COLUMNS,
        last_row=n,
    )


def plan(*rows: PlanRow, year: int | None = 2022) -> Plan:
    return Plan("plan.xlsx", "0" * 64, year, "Unit", tuple(rows), ("RA",))
