"""Short, unique, Excel-valid sheet names for offices (the summary's page per office).

Excel refuses a sheet name over 31 characters, with any of ``[]:*?/\\``, starting or
ending with an apostrophe, named ``History``, or equal to another sheet's name in any
case. An office's unit is shortened with the abbreviations every Indonesian civil
servant reads (Kantah, Kanim, Kab., KPU ...), cut at a word to fit, and numbered
``(2)``, ``(3)`` ... when two offices would share a name.

>>> names = SheetNames(["Peringkat"])
>>> names.add("Kantor Pertanahan Kabupaten Sleman")
'Kantah Kab. Sleman'
>>> names.add("Kantor Pertanahan Kab. Sleman")
'Kantah Kab. Sleman (2)'
>>> names.add("Kantor Imigrasi Kelas I TPI Yogyakarta")
'Kanim Kelas I TPI Yogyakarta'
>>> names.add("peringkat")
'peringkat (2)'
>>> names.add("Sekretariat [Bagian: Umum/Keuangan]?")
'Sekretariat Bagian Umum'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .. import _regex

__all__ = ["MAX_SHEET_NAME", "SheetNames", "short_unit"]

MAX_SHEET_NAME = 31

#: Long words of unit names and their common short forms, longest first.
_SHORT = (
    ("komisi pemilihan umum", "KPU"),
    ("badan pusat statistik", "BPS"),
    ("kantor wilayah", "Kanwil"),
    ("kantor pertanahan", "Kantah"),
    ("kantor imigrasi", "Kanim"),
    ("kantor pelayanan pajak", "KPP"),
    ("lembaga pemasyarakatan", "Lapas"),
    ("rumah tahanan negara", "Rutan"),
    ("rumah tahanan", "Rutan"),
    ("pengadilan tinggi", "PT"),
    ("pengadilan negeri", "PN"),
    ("pengadilan agama", "PA"),
    ("rumah sakit umum daerah", "RSUD"),
    ("rumah sakit", "RS"),
    ("kementerian", "Kemen."),
    ("kabupaten", "Kab."),
    ("provinsi", "Prov."),
    ("kecamatan", "Kec."),
)
_SHORT_RE = [
    (_regex.compile(rf"\b{re.escape(long)}\b", re.IGNORECASE), short) for long, short in _SHORT
]
#: What Excel refuses in a sheet name, and characters that cannot be shown.
_BAD = _regex.compile(r"[\[\]:*?/\\\x00-\x1f\x7f]+")
_RESERVED = "history"


def short_unit(unit: str) -> str:
    """``unit`` with the usual abbreviations, Excel's refused characters taken out."""
    text = " ".join(_BAD.sub(" ", unit).split())
    for pattern, short in _SHORT_RE:
        text = pattern.sub(short, text)
    return " ".join(text.split()).strip("'").strip() or "Kantor"


def _cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` characters, cut at a word when one fits."""
    if len(text) <= width:
        return text
    cut = text[: width + 1].rsplit(" ", 1)[0] if " " in text[:width] else text[:width]
    return cut[:width].rstrip(" '") or text[:width]


class SheetNames:
    """Hands out sheet names that no other sheet of the workbook has (any case)."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self._taken = {name.casefold() for name in taken} | {_RESERVED}

    def add(self, unit: str) -> str:
        """A new name for ``unit``'s sheet (kept, so it is never handed out twice)."""
        base = short_unit(unit)
        name = _cut(base, MAX_SHEET_NAME)
        n = 1
        while name.casefold() in self._taken:
            n += 1
            tail = f" ({n})"
            name = _cut(base, MAX_SHEET_NAME - len(tail)) + tail
        self._taken.add(name.casefold())
        return name
