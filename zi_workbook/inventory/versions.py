"""Which files are the same office, and which of them is the newest.

An office is its unit (normalised: case, punctuation and spaces aside) and plan
year; a plan whose unit could not be found is known by its file name (without
the extension and any date), so an ``.xls`` and an ``.xlsx`` of one unit, or of
one unnamed file, are versions of one office. The newest version is, in order:

1. a plan with actions over a blank one (a blank template copied from another
   office still carries that office's title: it never hides the filled plan);
2. the later date in the file name (``2022-05-31``, ``20220531``, ``31-05-2022``,
   ``Mei 2022``, ``2022 Mei``), when every version names one;
3. a file outside a folder named like an archive (``arsip``, ``lama``, ``old``,
   ``backup``, ``archive``) over one inside;
4. the later modification time, then the path (so the choice never depends on
   the order the files were found in).

>>> office_key("KPU  Kabupaten Batang.", 2022, "x.xlsx")
('kpu kabupaten batang', 2022)
>>> name_date("rencana aksi 31 Mei 2022.xlsx"), name_date("ra_2022-04-30_v2.xlsx")
(datetime.date(2022, 5, 31), datetime.date(2022, 4, 30))
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import PurePosixPath
from typing import Protocol, TypeVar

__all__ = ["Candidate", "name_date", "newest_first", "office_key"]

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "peb": 2,
    "mar": 3,
    "apr": 4,
    "mei": 5,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "agu": 8,
    "agt": 8,
    "aug": 8,
    "sep": 9,
    "okt": 10,
    "oct": 10,
    "nov": 11,
    "nop": 11,
    "des": 12,
    "dec": 12,
}
_MONTH = r"(jan|feb|peb|mar|apr|mei|may|jun|jul|agu|agt|aug|sep|okt|oct|nov|nop|des|dec)[a-z]*"
_SEP = r"[\s_.\-]*"
_PATTERNS = (
    ("ymd", re.compile(r"(?<!\d)(20\d\d)[\-_.]?(0[1-9]|1[0-2])[\-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")),
    ("dmy", re.compile(r"(?<!\d)(0?[1-9]|[12]\d|3[01])[\-_.](0?[1-9]|1[0-2])[\-_.](20\d\d)(?!\d)")),
    ("dMy", re.compile(rf"(?<![\da-z])(\d{{1,2}}){_SEP}{_MONTH}{_SEP}(20\d\d)(?!\d)")),
    ("My", re.compile(rf"(?<![a-z]){_MONTH}{_SEP}(20\d\d)(?!\d)")),
    ("yM", re.compile(rf"(?<!\d)(20\d\d){_SEP}{_MONTH}(?![a-z])")),
)
_ARCHIVES = frozenset({"arsip", "archive", "archives", "lama", "old", "backup", "cadangan"})
_WORDS = re.compile(r"[^0-9a-z]+")


class Candidate(Protocol):
    """What the choice needs to know about one version."""

    @property
    def shown(self) -> str: ...
    @property
    def total(self) -> int: ...
    @property
    def mtime(self) -> float: ...


def office_key(unit: str | None, plan_year: int | None, file: str) -> tuple[str, int | None]:
    """The office a plan belongs to: normalised unit and plan year (or the file name)."""
    if unit:
        return _norm(unit), plan_year
    stem = PurePosixPath(file.replace("\\", "/")).stem
    for _, pattern in _PATTERNS:
        stem = pattern.sub(" ", stem.lower())
    return "file: " + _norm(stem), plan_year


def _norm(text: str) -> str:
    return " ".join(_WORDS.sub(" ", text.casefold()).split())


def name_date(file: str) -> date | None:
    """The last date written in the file name (not its folders), or None."""
    name = PurePosixPath(file.replace("\\", "/")).name.lower()
    found: list[tuple[int, date]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(name):
            day = _date(kind, m.groups())
            if day is not None:
                found.append((m.end(), day))
    return max(found)[1] if found else None


def _date(kind: str, g: Sequence[str]) -> date | None:
    try:
        if kind == "ymd":
            return date(int(g[0]), int(g[1]), int(g[2]))
        if kind == "dmy":
            return date(int(g[2]), int(g[1]), int(g[0]))
        if kind == "dMy":
            return date(int(g[2]), _MONTHS[g[1][:3]], int(g[0]))
        year, month = (int(g[1]), g[0]) if kind == "My" else (int(g[0]), g[1])
        return _month_end(year, _MONTHS[month[:3]])
    except ValueError:
        return None


def _month_end(year: int, month: int) -> date:
    after = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return after - timedelta(days=1)


def _archived(shown: str) -> bool:
    folders = PurePosixPath(shown.replace("\\", "/")).parts[:-1]
    return any(_norm(part) in _ARCHIVES for part in folders)


C = TypeVar("C", bound=Candidate)


def newest_first(versions: Sequence[C]) -> list[C]:
    """``versions`` of one office, the one to count first (see the module's rules)."""
    dates = [name_date(v.shown) for v in versions]
    use_dates = all(d is not None for d in dates)

    def key(i: int) -> tuple[bool, date, bool, float, str]:
        v = versions[i]
        day = dates[i] if use_dates and dates[i] is not None else date.min
        return (v.total > 0, day or date.min, not _archived(v.shown), v.mtime, v.shown)

    order = sorted(range(len(versions)), key=key, reverse=True)
    return [versions[i] for i in order]
