"""Real-looking plans of other offices, built by code from the sample's 70 actions.

Two layouts seen in real plans, with their quirks:

* :func:`pdf_copy` - a plan pasted from a PDF: ``TARGET DAN WAKTU`` beside a ``%
  TARGET`` column, a PIC column, rows broken across pages (the rest of a row's texts
  on the next row, without and with a repeated header), the expected outcome under the
  date in the target cell, component and NO only on a component's first row.
* :func:`database` - a database export: no area rows, a ``KODE`` column with
  ``A.1.III.ii.`` codes and an ``AREA PERUBAHAN`` column, the component on every row.

:func:`field_accuracy` compares what was read with the expected actions, field by field.
"""

from __future__ import annotations

from typing import Any

from seed_expected import SEED_ROWS

from zi_workbook.model import AREAS
from zi_workbook.targets import parse_target

__all__ = ["database", "expected", "field_accuracy", "pdf_copy"]

PDF_HEADER = (
    "NO",
    "KOMPONEN",
    "INDIKATOR",
    "RENCANA KEGIATAN",
    "OUTPUT / BUKTI DUKUNG",
    "LINK DATA DUKUNG",
    "TARGET DAN WAKTU",
    "% TARGET",
    "PIC",
)
DB_HEADER = (
    "KODE",
    "AREA PERUBAHAN",
    "KOMPONEN",
    "INDIKATOR",
    "KEGIATAN",
    "DATA DUKUNG",
    "URL",
    "BATAS WAKTU",
    "PENANGGUNG JAWAB",
)
_ROMAN_LOWER = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]


def expected() -> list[dict[str, Any]]:
    return [dict(r) for r in SEED_ROWS]


def _split(text: str) -> tuple[str, str] | None:
    """Cut a text at a word near its middle where the rest starts in lower case."""
    words = text.split()
    if len(words) < 6:
        return None
    order = sorted(range(2, len(words) - 1), key=lambda k: abs(k - len(words) // 2))
    for k in order:
        first = words[k]
        if first[0].islower() and not first.startswith(("me", "ber")):
            return " ".join(words[:k]), " ".join(words[k:])
    return None


def pdf_copy() -> list[list[Any]]:
    rows: list[list[Any]] = []
    area, component, breaks = None, None, 0
    for i, seed in enumerate(SEED_ROWS):
        if seed["area"] != area:
            area = seed["area"]
            rows.append([area, AREAS[area]["id"].upper()])
            component = None
        first = seed["component"] != component
        component = seed["component"]
        target = seed["target"]
        if i % 4 == 1 and target:
            target = f"{target}\n1. Meningkatnya kualitas {seed['component'].lower()}"
        row = [
            seed["no"] if first else "",
            seed["component"] if first else "",
            seed["indicator"],
            seed["action"],
            seed["evidence"],
            "\n".join(seed["links"]),
            target,
            100,
            "Subbag Teknis" if i % 2 else "Subbag Umum",
        ]
        cut = _split(seed["action"]) if i % 5 == 2 else None
        if cut is None:
            rows.append(row)
            continue
        row[3] = cut[0]
        rest = ["", "", "", cut[1], "", "", "", "", ""]
        ev_cut = _split(seed["evidence"])
        if ev_cut:
            row[4], rest[4] = ev_cut
        rows.append(row)
        if breaks % 2:
            rows.append(list(PDF_HEADER))
        breaks += 1
        rows.append(rest)
    return rows


def database() -> list[list[Any]]:
    rows: list[list[Any]] = []
    numerals = list(AREAS)
    for seed in SEED_ROWS:
        area = seed["area"]
        number = int(seed["no"]) if seed["no"].isdigit() else 1
        code = f"A.1.{area}.{_ROMAN_LOWER[number - 1]}."
        rows.append(
            [
                code,
                f"{numerals.index(area) + 1}. {AREAS[area]['id']}",
                seed["component"],
                seed["indicator"],
                seed["action"],
                seed["evidence"],
                "\n".join(seed["links"]),
                seed["target"],
                "Tim ZI",
            ]
        )
    return rows


FIELDS = ("area", "no", "component", "indicator", "action", "evidence", "links", "periods")


def field_accuracy(plan: Any, *, with_no: bool = True) -> tuple[float, list[str]]:
    """The share of fields read right over the expected actions, and what differs."""
    wanted = expected()
    fields = [f for f in FIELDS if with_no or f != "no"]
    right, wrong = 0, []
    for i, want in enumerate(wanted):
        got = plan.rows[i] if i < len(plan.rows) else None
        for name in fields:
            if name == "periods":
                exp: Any = parse_target(want["target"], 2022).periods
                have: Any = got.target.periods if got else None
            elif name == "links":
                exp, have = tuple(want["links"]), got.links if got else None
            else:
                exp, have = want[name], getattr(got, name) if got else None
            if exp == have:
                right += 1
            else:
                wrong.append(f"{i}:{name}: {have!r} != {exp!r}")
    return right / (len(wanted) * len(fields)), wrong
