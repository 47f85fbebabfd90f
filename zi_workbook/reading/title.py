"""The unit and the plan year, from the title rows above the plan table.

The unit is the title line that names an office (``KANTOR PERTANAHAN KABUPATEN
SLEMAN``, ``KPU KABUPATEN BATANG``), never a slogan (``MENUJU WILAYAH BEBAS DARI
KORUPSI (WBK)``) or a decree's number, written in title case with roman numerals
and known acronyms kept: ``Kantor Imigrasi Kelas I TPI Yogyakarta``. The plan year
is the ``TAHUN nnnn`` of the title, then a year the title or the sheet name gives,
then the year the targets mention most; a decree number (``NOMOR 45/.../XII/2021``)
never decides it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from .. import _regex

__all__ = ["YEAR", "guess_unit", "guess_year", "sheet_year", "title_case"]

YEAR = _regex.compile(r"(?<!\d)(20\d{2})(?!\d)")
#: A regulation cited (``Nomor 90 Tahun 2021``, ``NOMOR 45/HK.03.1-Kpt/.../XII/2021``,
#: ``PP 94/2021``) or a span of years (``2020-2024``) names no plan year.
_CITATION = _regex.compile(
    r"\b(?:nomor|nomer|no)\b\.?\s*:?\s*[\w./-]*\d[\w./-]*(?:\s+tahun\s+20\d{2}\b)?"
    r"|\b\d+\s*/\s*20\d{2}\b|\b20\d{2}\s*[-–/]\s*20\d{2}\b",
    re.IGNORECASE,
)
_TAHUN = _regex.compile(r"\b(?:TAHUN(?:\s+ANGGARAN)?|TA\.?)\s*(20\d{2})(?!\d)", re.IGNORECASE)
_PLAN_WORDS = _regex.compile(
    r"^(?:LAMPIRAN|MATRIKS|MATRIK|RENCANA\s+(?:AKSI|KERJA)|RENAKSI|DOKUMEN|MONITORING)\b",
    re.IGNORECASE,
)
_PLAN_TAIL = _regex.compile(
    r"^.*?\b(?:ZONA\s+INTEGRITAS|ZI|WBK\s*/\s*WBBM|WBBM|WBK|KORUPSI\s*\(WBK\)|MELAYANI"
    r"\s*\(WBBM\))(?:\s*\((?:ZI|WBK|WBBM)\))?(?:\s+(?:MENUJU\s+)?(?:WBK\s*/\s*WBBM|WBBM|WBK"
    r"|WILAYAH\s+BEBAS\s+(?:DARI\s+)?KORUPSI(?:\s*\(WBK\))?))?"
    r"(?:\s+(?:DI\s+LINGKUNGAN|PADA|DI|UNTUK))?\s*",
    re.IGNORECASE,
)
_YEAR_TAIL = _regex.compile(r"\s*(?:TAHUN(?:\s+ANGGARAN)?|TA\.?)?\s*20\d{2}\s*$", re.IGNORECASE)
_DECREE_LINE = _regex.compile(r"^(?:KEPUTUSAN|PERATURAN|SURAT|NOMOR|TENTANG|LAMPIRAN)\b", re.I)
_SLOGAN = _regex.compile(
    r"^(?:MENUJU\b|WILAYAH\s+BEBAS|WILAYAH\s+BIROKRASI|ZONA\s+INTEGRITAS|RENCANA\s+AKSI"
    r"|MONITORING|EVALUASI|PEMBANGUNAN\s+ZONA|TAHUN\b|TA\b|TENTANG\b|\(?WBK|\(?WBBM|NOMOR\b)",
    re.IGNORECASE,
)
_OFFICE = _regex.compile(
    r"\b(?:KANTOR|KPU|KOMISI|BADAN|BALAI|DINAS|PENGADILAN|LEMBAGA|RUMAH\s+TAHANAN|RUTAN"
    r"|LAPAS|IMIGRASI|BPS|INSPEKTORAT|SEKRETARIAT|RUMAH\s+SAKIT|RSUD|RSU|PUSKESMAS"
    r"|UNIVERSITAS|INSTITUT|POLITEKNIK|SEKOLAH|MADRASAH|KEJAKSAAN|KEPOLISIAN|POLRES|POLDA"
    r"|POLSEK|DIREKTORAT|BIRO|PUSAT|KEMENTERIAN|PEMERINTAH|KECAMATAN|KELURAHAN|UPT|UPTD"
    r"|KPP|KPPN|KPKNL|BNN|KUA|BAPAS|LPKA|SATUAN|OTORITAS|BANDAR\s+UDARA|PELABUHAN"
    r"|SYAHBANDAR|BPOM|BBPOM|BPJS|BPN|BPKP|BMKG|BPBD|DPMPTSP|MAHKAMAH|OMBUDSMAN|BAWASLU"
    r"|STASIUN|LABORATORIUM|PERWAKILAN|CABANG|KANWIL|KANIM|BAPPEDA|BKPSDM|BKD|SAMSAT)\b",
    re.IGNORECASE,
)
_ACRONYMS = frozenset(
    [
        "KPU",
        "RI",
        "BPS",
        "DPRD",
        "BKN",
        "BPN",
        "UPT",
        "UPTD",
        "RSUD",
        "RSU",
        "KPP",
        "PN",
        "PA",
        "PT",
        "PTA",
        "PTUN",
        "PTTUN",
        "SMP",
        "SMA",
        "SMK",
        "SD",
        "SDN",
        "SMPN",
        "SMAN",
        "SMKN",
        "MTS",
        "MTSN",
        "MAN",
        "MIN",
        "BPKAD",
        "BAPPEDA",
        "DJP",
        "DJBC",
        "KUA",
        "LAPAS",
        "RUTAN",
        "BNN",
        "BNNK",
        "BNNP",
        "TNI",
        "POLRI",
        "POLRES",
        "POLDA",
        "POLSEK",
        "KKP",
        "BPJS",
        "PUPR",
        "ATR",
        "KPPN",
        "KPKNL",
        "UIN",
        "IAIN",
        "STAIN",
        "WBK",
        "WBBM",
        "ZI",
        "TPI",
        "PATP",
        "IIA",
        "IIB",
        "IA",
        "IB",
        "KPPBC",
        "BPOM",
        "BBPOM",
        "BMKG",
        "BPBD",
        "DPMPTSP",
        "PTSP",
        "BKPSDM",
        "BKD",
        "BKKBN",
        "BRIN",
        "LPKA",
        "BAPAS",
        "KSOP",
        "UPBU",
        "BLU",
        "BBWS",
        "BPTD",
        "BPKP",
        "LPP",
        "RRI",
        "TVRI",
        "SAR",
        "DIY",
        "DKI",
        "NTB",
        "NTT",
        "KPK",
        "PPID",
        "ASN",
        "KEMENKUMHAM",
        "KEMENAG",
        "KANWIL",
        "KANIM",
    ]
)
_SMALL = frozenset({"DAN", "DI", "KE", "DARI", "UNTUK", "PADA", "ATAU", "YANG"})
_ROMAN = _regex.compile(r"^(?:X{0,3})(?:IX|IV|V?I{0,3})$")


def sheet_year(name: str) -> int | None:
    years = set(YEAR.findall(_CITATION.sub(" ", name)))
    return int(years.pop()) if len(years) == 1 else None


def guess_year(titles: list[str], sheets: Iterable[str], targets: Iterable[object]) -> int | None:
    """``TAHUN nnnn`` of the title, else a year of the title or the sheet names, else
    the year the targets mention most."""
    bare = [_CITATION.sub(" ", t) for t in titles]
    stated = [int(m.group(1)) for t in bare for m in _TAHUN.finditer(t)]
    if stated:
        return Counter(stated).most_common(1)[0][0]
    for texts in (bare, [_CITATION.sub(" ", s) for s in sheets]):
        years = [int(y) for t in texts for y in YEAR.findall(t)]
        if years:
            return Counter(years).most_common(1)[0][0]
    found: list[int] = []
    for target in targets:
        if isinstance(target, date):
            found.append(target.year)
        elif isinstance(target, str):
            found.extend(_years(target))
    return Counter(found).most_common(1)[0][0] if found else None


@lru_cache(maxsize=4096)
def _years(text: str) -> tuple[int, ...]:
    """The years a TARGET WAKTU text mentions (plans repeat their targets)."""
    return tuple(int(y) for y in YEAR.findall(text))


def _candidate(title: str) -> str:
    """The title without plan words, the slogan after them and the year at its end."""
    rest = title.strip()
    if _PLAN_WORDS.match(rest):
        tail = _PLAN_TAIL.sub("", rest, count=1)
        rest = tail if tail != rest else ""
    rest = _YEAR_TAIL.sub("", _CITATION.sub(" ", rest)).strip(" ,:-")
    rest = " ".join(rest.split())
    if not rest or not any(ch.isalpha() for ch in rest):
        return ""
    if (rest.startswith("[") and rest.endswith("]")) or _SLOGAN.match(rest):
        return ""
    return "" if _PLAN_WORDS.match(rest) else rest


def guess_unit(titles: list[str]) -> str | None:
    """The office named in the title rows, in title case; None when none is named."""
    candidates = [c for c in (_candidate(t) for t in titles) if c]
    offices = [c for c in candidates if _OFFICE.search(c)]
    plain = [c for c in offices if not _DECREE_LINE.match(c)]
    for group in (plain, offices):
        if group:
            return title_case(_from_office(group[0]))
    fallback = [c for c in candidates if not _DECREE_LINE.match(c)]
    return title_case(fallback[0]) if fallback else None


def _from_office(text: str) -> str:
    """``KEPUTUSAN KOMISI PEMILIHAN UMUM ...`` -> ``KOMISI PEMILIHAN UMUM ...``."""
    m = _OFFICE.search(text)
    return text[m.start() :] if m and _DECREE_LINE.match(text) else text


def title_case(text: str) -> str:
    """Title case for a name written in capitals; acronyms and roman numerals kept."""
    if text != text.upper():
        return text
    first = True

    def word(m: re.Match[str]) -> str:
        nonlocal first
        w = m.group(0)
        was_first, first = first, False
        if w in _ACRONYMS or (_ROMAN.match(w) and w):
            return w
        if w in _SMALL and not was_first:
            return w.lower()
        return w.capitalize()

    return re.sub(r"[A-Z]+", word, text)
