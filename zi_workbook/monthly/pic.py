"""The office's own responsibility and monitoring columns, recognised by header.

The reader keeps columns it does not know in ``PlanRow.extra`` (header, value). Here a
header is matched case and punctuation free: ``PIC``, ``P.I.C.``, ``Penanggung-jawab``,
``PENANGGUNG JAWAB (PIC)``.

* responsibility (*who*): PIC, PENANGGUNG JAWAB, PJ, UNIT PELAKSANA, PELAKSANA;
* monitoring notes (shown beside, never the PIC): KETERANGAN, REALISASI, CAPAIAN,
  PROGRES, KENDALA, TINDAK LANJUT.

>>> kind_of("Penanggung-Jawab"), kind_of("P.I.C"), kind_of("Keterangan"), kind_of("OUTPUT")
('pic', 'pic', 'note', None)
"""

from __future__ import annotations

from collections.abc import Iterable

from .. import _regex
from ..model import PlanRow

__all__ = ["kind_of", "monitoring_headers", "monitoring_values", "pic_of"]

_PIC = frozenset({"PIC", "PENANGGUNGJAWAB", "PJ", "UNITPELAKSANA", "PELAKSANA"})
_NOTE = frozenset(
    {"KETERANGAN", "REALISASI", "CAPAIAN", "PROGRES", "PROGRESS", "KENDALA", "TINDAKLANJUT"}
)
_SPLIT = _regex.compile(r"[/|;,()\[\]]+")
_NOT_ALNUM = _regex.compile(r"[^A-Z0-9]+")


def _compact(text: str) -> str:
    return _NOT_ALNUM.sub("", text.upper())


def kind_of(header: str) -> str | None:
    """``pic``, ``note`` or None: what a header names."""
    parts = [_compact(header), *(_compact(p) for p in _SPLIT.split(header))]
    if any(p in _PIC for p in parts if p):
        return "pic"
    if any(p in _NOTE for p in parts if p):
        return "note"
    return None


def pic_of(row: PlanRow) -> str | None:
    """The person or unit responsible: the first non-empty PIC-like column; else None."""
    for header, value in row.extra:
        if value.strip() and kind_of(header) == "pic":
            return " ".join(value.split())
    return None


def monitoring_headers(rows: Iterable[PlanRow]) -> list[str]:
    """The recognised headers of the plan, PIC-like first, in sheet order."""
    seen: dict[str, str] = {}
    for row in rows:
        for header, _value in row.extra:
            kind = kind_of(header)
            if kind is not None and header not in seen:
                seen[header] = kind
    return [h for h, k in seen.items() if k == "pic"] + [h for h, k in seen.items() if k == "note"]


def monitoring_values(row: PlanRow, headers: list[str]) -> list[str]:
    """The row's values under ``headers`` ("" where the row has none)."""
    values = dict(row.extra)
    return [values.get(h, "") for h in headers]
