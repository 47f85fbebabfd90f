"""Where the plan is on a sheet: the header, area rows, repeats and the signature block."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from .._text import cell_text, norm_header
from ..model import AREAS
from ..xlsx.workbook import Sheet

__all__ = ["FIELDS", "Header", "area_of_row", "area_of_sheet", "find_header"]

FIELDS = ("no", "component", "indicator", "action", "evidence", "link", "target")

_ALIASES: dict[str, set[str]] = {
    "no": {"NO", "NOMOR", "NOMER", "NO URUT", "NOMOR URUT"},
    "component": {"KOMPONEN", "KOMPONEN PENGUNGKIT", "SUB KOMPONEN", "KOMPONEN INDIKATOR"},
    "indicator": {"INDIKATOR", "INDIKATOR PENGUNGKIT", "SUB INDIKATOR", "INDIKATOR KINERJA"},
    "action": {
        "LANGKAH AKSI",
        "RENCANA AKSI",
        "KEGIATAN",
        "RENCANA KEGIATAN",
        "LANGKAH LANGKAH AKSI",
        "AKSI",
        "URAIAN KEGIATAN",
    },
    "evidence": {
        "BUKTI FISIK",
        "BUKTI DUKUNG",
        "OUTPUT",
        "BUKTI",
        "DATA DUKUNG",
        "BUKTI DUKUNG NAMA DOKUMEN",
        "BUKTI FISIK NAMA DOKUMEN",
        "OUTPUT BUKTI FISIK",
        "BUKTI DUKUNG DOKUMEN",
        "BUKTI FISIK DOKUMEN",
        "DATA DUKUNG NAMA DOKUMEN",
    },
    "target": {
        "TARGET WAKTU",
        "WAKTU",
        "JADWAL",
        "TARGET PENYELESAIAN",
        "BATAS WAKTU",
        "WAKTU PELAKSANAAN",
        "JADWAL PELAKSANAAN",
        "TENGGAT WAKTU",
        "TARGET",
    },
}
_LINK_WORDS = {"LINK", "TAUTAN", "URL", "HYPERLINK"}
_LINK_COMPANIONS = {"BUKTI", "FISIK", "DUKUNG", "DATA", "DOKUMEN", "OUTPUT", "KE", "NAMA"}
_ROMAN = "VI|IV|V|III|II|I"
_AREA_ALONE = re.compile(rf"^(?:AREA\s+(?:PERUBAHAN\s+)?)?({_ROMAN})[.):]?$", re.IGNORECASE)
_AREA_WITH_TITLE = re.compile(
    rf"^(?:AREA\s+(?:PERUBAHAN\s+)?)?({_ROMAN})(?:[.):]\s*|\s+)(\S.*)$", re.IGNORECASE
)
_ENUMERATOR = re.compile(r"^(?:AREA\s+)?(?:[A-F]|[1-6])(?:\s+|[.)]\s*|$)")
_AREA_TITLES = {norm_header(v["id"]): k for k, v in AREAS.items()} | {
    "PENATAAN TATA LAKSANA": "II",
    "TATA LAKSANA": "II",
    "PENATAAN SISTEM MANAJEMEN SUMBER DAYA MANUSIA": "III",
    "PENGUATAN AKUNTABILITAS KINERJA": "IV",
}


@dataclass
class Header:
    """The plan header of one sheet: the row(s) it takes and each field's column."""

    row: int
    last_row: int
    columns: dict[str, int]
    names: dict[int, str]
    extra: dict[int, str] = field(default_factory=dict)


def classify_header(name: str, overrides: Mapping[str, str]) -> str | None:
    if not name:
        return None
    for fieldname, header in overrides.items():
        if norm_header(header) == name:
            return fieldname
    words = name.split()
    if len(words) > 5:
        return None
    if _LINK_WORDS.intersection(words) and set(words) <= _LINK_WORDS | _LINK_COMPANIONS:
        return "link"
    for fieldname, aliases in _ALIASES.items():
        if name in aliases:
            return fieldname
    return None


def _names(sheet: Sheet, row: int) -> dict[int, str]:
    return {c: norm_header(v) for c, v in sheet.cells.get(row, {}).items() if isinstance(v, str)}


def _with_subheaders(sheet: Sheet, row: int, names: dict[int, str]) -> tuple[dict[int, str], int]:
    """Read a merged top header over sub-headers on the next row as one name each."""
    below = _names(sheet, row + 1)
    spans = [(c1, c2) for r1, c1, r2, c2 in sheet.merges if r1 == row and c2 > c1 and r2 == row]
    combined = dict(names)
    used = False
    for c1, c2 in spans:
        top = names.get(c1, "")
        for c in range(c1, c2 + 1):
            if below.get(c):
                combined[c] = f"{top} {below[c]}".strip()
                used = True
    return combined, row + 1 if used else row


#: Lampiran II's own names: when two headers mean the same field, these win.
_OFFICIAL = {
    "no": "NO",
    "component": "KOMPONEN",
    "indicator": "INDIKATOR",
    "action": "LANGKAH AKSI",
    "evidence": "BUKTI FISIK",
    "link": "LINK BUKTI FISIK",
    "target": "TARGET WAKTU",
}


def _map(names: dict[int, str], overrides: Mapping[str, str]) -> dict[str, int]:
    """Each field's column: a --column mapping first, then the official name, then
    the leftmost alias (OUTPUT beside BUKTI FISIK stays an extra column)."""
    mapped = {norm_header(h): f for f, h in overrides.items()}
    best: dict[str, tuple[int, int]] = {}
    for col in sorted(names):
        fieldname = classify_header(names[col], overrides)
        if not fieldname:
            continue
        rank = (
            0
            if mapped.get(names[col]) == fieldname
            else (1 if names[col] == _OFFICIAL[fieldname] else 2)
        )
        if fieldname not in best or rank < best[fieldname][0]:
            best[fieldname] = (rank, col)
    return {fieldname: col for fieldname, (_rank, col) in best.items()}


#: Extra columns offices add beside the seven; kept as ``extra`` without doubt.
_KNOWN_EXTRA = {
    "PIC",
    "PJ",
    "PENANGGUNG JAWAB",
    "KETERANGAN",
    "KET",
    "CATATAN",
    "STATUS",
    "REALISASI",
    "ANGGARAN",
    "BIAYA",
    "UNIT",
    "UNIT KERJA",
    "BAGIAN",
    "SATKER",
    "KOORDINATOR",
    "PELAKSANA",
    "CAPAIAN",
    "PROGRES",
    "PROGRESS",
    "HASIL",
    "SASARAN",
    "TIM",
    "KELOMPOK KERJA",
    "POKJA",
    "VOLUME",
    "SATUAN",
    "TANGGAL",
    "KENDALA",
    "TINDAK LANJUT",
    "NILAI",
    "SKOR",
    "BOBOT",
    "AREA",
    "PENJELASAN",
}


def _is_plan_header(columns: Mapping[str, int], names: Mapping[int, str]) -> bool:
    """INDIKATOR or LANGKAH AKSI, and BUKTI FISIK or LINK, with no doubt left.

    When the action or the evidence column is missing while a header we do not
    know stands beside them, that header is probably it: ask for ``--column``
    rather than read every action as empty.
    """
    has_what = "indicator" in columns or "action" in columns
    if not (has_what and ("evidence" in columns or "link" in columns)):
        return False
    if "action" in columns and "evidence" in columns:
        return True
    used = set(columns.values())
    unknown = [n for c, n in names.items() if c not in used and n and n not in _KNOWN_EXTRA]
    return not unknown


def find_header(sheet: Sheet, overrides: Mapping[str, str], scan: int = 200) -> Header | None:
    """The first row (within ``scan`` rows) that holds a Rencana Aksi header."""
    for row in sorted(r for r in sheet.cells if r <= scan):
        names = _names(sheet, row)
        if len(names) < 2:
            continue
        names, last = _with_subheaders(sheet, row, names)
        columns = _map(names, overrides)
        if _is_plan_header(columns, names):
            if "link" not in columns:
                _find_link_column(sheet, last, columns, names)
            used = set(columns.values())
            extra = {
                c: cell_text(sheet.value(row, c)) or cell_text(sheet.value(last, c))
                for c in names
                if c not in used and names[c]
            }
            return Header(row, last, columns, names, extra)
    return None


_URL_START = re.compile(r"^\s*(?:\d+[.)]\s*)?(?:https?://|www\.)", re.IGNORECASE)


def _find_link_column(
    sheet: Sheet, header_row: int, columns: dict[str, int], names: dict[int, str]
) -> None:
    """A header without LINK whose table has a column of urls under an empty header
    cell: that column is the links (staff left the header cell blank)."""
    used = set(columns.values())
    first, last = min(names), max(names) + 1
    rows = [r for r in sorted(sheet.cells) if header_row < r <= header_row + 200]
    for col in range(first, last + 1):
        if col in used or names.get(col):
            continue
        values = [sheet.cells[r].get(col) for r in rows]
        texts = [v for v in values if isinstance(v, str) and v.strip()]
        urls = sum(1 for v in texts if _URL_START.match(v))
        linked = sum(1 for r in rows if (r, col) in sheet.links)
        if urls + linked >= 3 and urls + linked >= len(texts) / 2:
            columns["link"] = col
            return


def area_of_row(texts: list[str]) -> str | None:
    """The roman numeral of an area row (numeral and title in one or two cells).

    A bare numeral decides whatever the title says; a numeral and title in one
    cell count only when the title speaks of an area (``I Made Sutrisno`` does
    not); with no numeral, an official title decides.
    """
    if not texts or len(texts) > 3:
        return None
    first = texts[0]
    alone = _AREA_ALONE.match(first)
    numeral_decides = len(texts) <= 2 or _titleish(texts[1])
    if alone and numeral_decides and (len(texts) > 1 or norm_header(first) not in _AREA_TITLES):
        return alone.group(1).upper()
    if len(texts) > 2:
        return None
    with_title = _AREA_WITH_TITLE.match(first)
    if with_title and len(texts) == 1 and _titleish(with_title.group(2)):
        return with_title.group(1).upper()
    if len(texts) == 2 and _ENUMERATOR.match(first):
        return _AREA_TITLES.get(_bare_title(texts[1]))
    if len(texts) == 1:
        return _AREA_TITLES.get(_bare_title(_ENUMERATOR.sub("", norm_header(first))))
    return None


_AREA_VOCABULARY = frozenset(
    {
        "MANAJEMEN",
        "PERUBAHAN",
        "PENATAAN",
        "TATALAKSANA",
        "TATA",
        "LAKSANA",
        "SISTEM",
        "SDM",
        "SUMBER",
        "DAYA",
        "MANUSIA",
        "PENGUATAN",
        "AKUNTABILITAS",
        "KINERJA",
        "PENGAWASAN",
        "PENINGKATAN",
        "KUALITAS",
        "PELAYANAN",
        "PUBLIK",
        "ZONA",
        "INTEGRITAS",
        "WBK",
        "WBBM",
        "PEMBANGUNAN",
    }
)
_AREA_PREFIX = re.compile(r"^AREA\s+(?:PERUBAHAN\s+)?")


def _titleish(text: str) -> bool:
    """Does the text speak of a change area (its words are the areas' words)?"""
    return bool(_AREA_VOCABULARY.intersection(norm_header(text).split()))


def _bare_title(text: str) -> str:
    return _AREA_PREFIX.sub("", norm_header(text))


def area_of_sheet(name: str) -> str | None:
    """A sheet named ``I. Manajemen Perubahan`` (or ``Area II``) holds that area."""
    m = _AREA_WITH_TITLE.match(name.strip()) or _AREA_ALONE.match(name.strip())
    return m.group(1).upper() if m else None
