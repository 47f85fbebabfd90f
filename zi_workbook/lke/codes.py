"""LKE codes as offices write them, read into the worksheet's own form.

``A.1.I.i.a`` (part, area, sub-area, question), ``A.1.I.i`` (a sub-area), the short
forms ``I.i.a`` and ``1.i.a`` (Pemenuhan, area in Roman or Arabic numerals), Hasil items
``B.I.a``; any case, spaces around the dots, with or without a trailing dot.

>>> normalise("1.ii.b.")
'A.1.I.ii.b'
>>> normalise("a.2.v.iii")
'A.2.V.iii'
>>> normalise("4") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from .. import _regex
from .data import Lke, Record, load

if TYPE_CHECKING:
    from ..model import PlanRow

__all__ = ["CodeRead", "explicit", "has_bad_code", "normalise", "read_code"]

_D = r"\s*\.\s*"
_ROMAN = r"[ivx]{1,4}"
_FULL = rf"a{_D}([12]){_D}({_ROMAN}){_D}({_ROMAN})(?:{_D}([a-z]))?"
_SHORT = rf"({_ROMAN}|[1-9]){_D}({_ROMAN}){_D}([a-z])"
_HASIL = rf"b{_D}({_ROMAN}){_D}([a-z])"
#: ``I.i`` or ``1.i`` alone: a sub-area, only where a code is expected (a code column).
_SHORT_SUB = rf"({_ROMAN}|[1-9]){_D}({_ROMAN})\s*\.?$"
#: A code opening a longer text (``A.1.I.i. Penyusunan Tim Kerja``, ``I.i.a Unit ...``).
_OPENS = r"(?:\s*\.\s+|\s+|\s*[:)\-]\s*)(?=\S)"


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], ...], re.Pattern[str], tuple[re.Pattern[str], ...]]:
    """Compiled on the first text that could hold a code (most plans have none)."""
    whole = tuple(_regex.compile(rf"(?:{p})\s*\.?$", re.I) for p in (_FULL, _SHORT, _HASIL))
    leading = tuple(_regex.compile(rf"(?:{p}){_OPENS}", re.I) for p in (_FULL, _SHORT))
    return whole, _regex.compile(_SHORT_SUB, re.I), leading


_ARABIC = {"1": "I", "2": "II", "3": "III", "4": "IV", "5": "V", "6": "VI", "7": "VII",
           "8": "VIII", "9": "IX"}  # fmt: skip
_LETTER = r"^\s*([a-z])\s*[.)]?\s*$"  # compiled on first use, by re's cache


def _full(m: re.Match[str]) -> str:
    part, area, sub, letter = m.groups()
    code = f"A.{part}.{area.upper()}.{sub.lower()}"
    return f"{code}.{letter.lower()}" if letter else code


def _short(m: re.Match[str]) -> str:
    area, sub, letter = m.groups()
    return f"A.1.{_ARABIC.get(area, area.upper())}.{sub.lower()}.{letter.lower()}"


def _hasil(m: re.Match[str]) -> str:
    area, letter = m.groups()
    return f"B.{area.upper()}.{letter.lower()}"


_MAKERS = (_full, _short, _hasil)


def normalise(text: str, *, leading: bool = False) -> str | None:
    """The code in ``text`` in its full form, or None when ``text`` holds no code.

    With ``leading`` a code may open a longer text (a KOMPONEN cell); otherwise the
    cell must hold the code alone.
    """
    text = text.strip()
    if "." not in text[:20] or len(text) > 400:
        return None  # every code has a dot among its first characters
    whole, short_sub, opening = _patterns()
    for pattern, make in zip(whole, _MAKERS, strict=True):
        m = pattern.match(text)
        if m:
            return make(m)
    if not leading:
        m = short_sub.match(text)
        if m:
            area, sub = m.groups()
            return f"A.1.{_ARABIC.get(area, area.upper())}.{sub.lower()}"
    else:
        for pattern, make in zip(opening, _MAKERS[:2], strict=True):
            m = pattern.match(text)
            if m:
                return make(m)
    return None


class CodeRead(Record):
    """A code read from a cell: ``code`` in full form, whether it names a question or a
    sub-area (``kind``: question, sub_area, unknown), and the text as written."""

    __slots__ = ("code", "kind", "written")
    code: str
    kind: str
    written: str

    def __init__(self, code: str, kind: str, written: str) -> None:
        self.code = code
        self.kind = kind
        self.written = written


def _kind(lke: Lke, code: str) -> str:
    if code in lke.questions:
        return "question"
    if code in lke.sub_areas:
        return "sub_area"
    return "unknown"


def read_code(lke: Lke, text: str, *, letter: str = "", strict: bool = True) -> CodeRead | None:
    """Read the code of one cell; ``letter`` is the next cell (``A.1.I.i.`` + ``a``).

    ``strict`` is for a code column: any text there is meant as a code, so text that is
    no code at all is read as an unknown code. Otherwise (NO, KOMPONEN) only text shaped
    like a code counts, and it may open the cell.
    """
    written = text.strip()
    if not written or written.strip("-–—. ") == "":
        return None
    code = normalise(written, leading=not strict)
    if code is None:
        return CodeRead(written, "unknown", written) if strict else None
    if not strict and normalise(written) is None:
        written = code  # the code opened a longer text: name the code alone
    kind = _kind(lke, code)
    m = re.match(_LETTER, letter, re.I) if letter else None
    if kind == "sub_area" and m:
        joined = f"{code}.{m.group(1).lower()}"
        return CodeRead(joined, _kind(lke, joined), f"{written} {letter.strip()}")
    return CodeRead(code, kind, written)


def explicit(
    lke: Lke, code_cell: str, letter_cell: str, no: str, component: str
) -> tuple[str, CodeRead] | None:
    """The code a row writes, and where: the KODE LKE column (``lke``, with a letter in
    the next cell after a sub-area code), else a code opening the NO or KOMPONEN cell."""
    read = read_code(lke, code_cell, letter=letter_cell) if code_cell else None
    if read is not None:
        return "lke", read
    for fieldname, text in (("no", no), ("component", component)):
        if "." not in text:  # only a text with a dot can hold a code
            continue
        read = read_code(lke, text, letter=letter_cell if fieldname == "no" else "", strict=False)
        if read is not None:
            return fieldname, read
    return None


def has_bad_code(rows: Iterable[PlanRow]) -> bool:
    """Whether ``plan.map_rows`` would find an ``unknown-lke-code``: a code the plan
    writes that names nothing (read as it reads it, without suggesting any question)."""
    lke = None
    for r in rows:
        if not r.lke_code and "." not in r.no and "." not in r.component:
            continue  # no cell that could hold a code
        lke = lke or load()
        found = explicit(lke, r.lke_code, r.lke_letter, r.no, r.component)
        if found is not None and found[1].kind not in ("question", "sub_area"):
            return True
    return False
