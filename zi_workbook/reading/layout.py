"""Where the plan is on a sheet: the header, area rows, repeats and the signature block."""

from __future__ import annotations

import re
from collections.abc import Mapping

from .. import _regex
from .._text import cell_text, norm_header
from ..model import AREAS
from ..xlsx.workbook import Sheet
from .names import ALIASES, AREA_VOCABULARY, KNOWN_EXTRA, LINK_COMPANIONS, LINK_WORDS, OFFICIAL

__all__ = [
    "FIELDS",
    "Header",
    "area_of_cell",
    "area_of_code",
    "area_of_row",
    "area_of_sheet",
    "find_header",
]

#: The fields a header maps to (``--column FIELD=HEADER`` and ``read_plan(columns=)``).
FIELDS = ("no", "component", "indicator", "action", "evidence", "link", "target", "area", "lke")

_ROMAN = "VI|IV|V|III|II|I"
_AREA_ALONE = _regex.compile(rf"^(?:AREA\s+(?:PERUBAHAN\s+)?)?({_ROMAN})[.):]?$", re.IGNORECASE)
_AREA_WITH_TITLE = _regex.compile(
    rf"^(?:AREA\s+(?:PERUBAHAN\s+)?)?({_ROMAN})(?:[.):]\s*|\s+)(\S.*)$", re.IGNORECASE
)
_ENUMERATOR = _regex.compile(r"^(?:AREA\s+)?(?:[A-F]|[1-6])(?:\s+|[.)]\s*|$)")
_AREA_TITLES = {norm_header(v["id"]): k for k, v in AREAS.items()} | {
    "PENATAAN TATA LAKSANA": "II",
    "TATA LAKSANA": "II",
    "PENATAAN SISTEM MANAJEMEN SUMBER DAYA MANUSIA": "III",
    "PENGUATAN AKUNTABILITAS KINERJA": "IV",
}


class Header:
    """The plan header of one sheet: the row(s) it takes and each field's column.

    A plain class, not a dataclass: made at import for a fraction of the cost."""

    def __init__(
        self,
        row: int,
        last_row: int,
        columns: dict[str, int],
        names: dict[int, str],
        extra: dict[int, str] | None = None,
    ) -> None:
        self.row = row
        self.last_row = last_row
        self.columns = columns
        self.names = names
        self.extra: dict[int, str] = {} if extra is None else extra


def classify_header(name: str, overrides: Mapping[str, str]) -> str | None:
    if not name:
        return None
    for fieldname, header in overrides.items():
        if norm_header(header) == name:
            return fieldname
    words = name.split()
    if len(words) > 5:
        return None
    if LINK_WORDS.intersection(words) and set(words) <= LINK_WORDS | LINK_COMPANIONS:
        return "link"
    for fieldname, aliases in ALIASES.items():
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


def _map(
    names: dict[int, str], overrides: Mapping[str, str], refused: frozenset[int] = frozenset()
) -> dict[str, int]:
    """Each field's column: a --column mapping first, then the official name, then
    the leftmost alias (OUTPUT beside BUKTI FISIK stays an extra column)."""
    mapped = {norm_header(h): f for f, h in overrides.items()}
    best: dict[str, tuple[int, int]] = {}
    for col in sorted(names):
        fieldname = classify_header(names[col], overrides)
        if not fieldname or col in refused:
            continue
        rank = (
            0
            if mapped.get(names[col]) == fieldname
            else (1 if names[col] == OFFICIAL[fieldname] else 2)
        )
        if fieldname not in best or rank < best[fieldname][0]:
            best[fieldname] = (rank, col)
    return {fieldname: col for fieldname, (_rank, col) in best.items()}


_PERCENT = _regex.compile(r"^\s*\d{1,3}(?:[.,]\d+)?\s*%\s*$")


def _numeric_target(sheet: Sheet, header_row: int, last: int, col: int) -> bool:
    """A TARGET column that holds percentages or small numbers (``% TARGET``: 100, 50,
    0) is no TARGET WAKTU: a header with ``%`` or most values plain numbers 0-100."""
    raw = " ".join(cell_text(sheet.value(r, col)) for r in range(header_row, last + 1))
    if "%" in raw or "PERSEN" in raw.upper() or "PROSENTASE" in raw.upper():
        return True
    rows = (sheet.cells.get(r) for r in range(last + 1, last + 201))
    values = [cells[col] for cells in rows if cells and cells.get(col) not in (None, "")]
    if not values:
        return False
    numeric = sum(
        1
        for v in values
        if (isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 100)
        or (isinstance(v, str) and _PERCENT.match(v))
    )
    return numeric * 2 > len(values)


def _is_plan_header(
    columns: Mapping[str, int], names: Mapping[int, str], overrides: Mapping[str, str]
) -> bool:
    """INDIKATOR or LANGKAH AKSI, and BUKTI FISIK or LINK, with no doubt left.

    When the action or the evidence column is missing while a header we do not
    know stands beside them, that header is probably it: ask for ``--column``
    rather than read every action as empty.
    """
    has_what = "indicator" in columns or "action" in columns
    if not (has_what and ("evidence" in columns or "link" in columns)):
        return False
    if ("action" in columns and "evidence" in columns) or overrides:
        return True  # a --column mapping names what is needed: the rest is extra
    used = set(columns.values())
    unknown = [n for c, n in names.items() if c not in used and n and n not in KNOWN_EXTRA]
    return not unknown


def find_header(sheet: Sheet, overrides: Mapping[str, str], scan: int = 200) -> Header | None:
    """The first row (within ``scan`` rows) that holds a Rencana Aksi header."""
    for row in sorted(r for r in sheet.cells if r <= scan):
        names = _names(sheet, row)
        if len(names) < 2:
            continue
        names, last = _with_subheaders(sheet, row, names)
        columns = _map(names, overrides)
        refused: set[int] = set()
        while (
            "target" in columns
            and "target" not in overrides
            and _numeric_target(sheet, row, last, columns["target"])
        ):
            refused.add(columns["target"])
            columns = _map(names, overrides, frozenset(refused))
        if _is_plan_header(columns, names, overrides):
            if "link" not in columns:
                _find_link_column(sheet, last, columns, names)
            return Header(row, last, columns, names, _extra(sheet, row, last, columns, names))
    return None


def _extra(
    sheet: Sheet, row: int, last: int, columns: Mapping[str, int], names: Mapping[int, str]
) -> dict[int, str]:
    """The other columns by their header as written (sub-header after a merged top),
    a second column of the same name numbered ``PIC (2)``: none is lost."""
    used = set(columns.values())
    out: dict[int, str] = {}
    seen: dict[str, int] = {}
    for c in sorted(names):
        if c in used or not names[c]:
            continue
        sub = cell_text(sheet.value(last, c)) if last != row else ""
        name = sub or cell_text(sheet.value(row, c)) or names[c]
        seen[name] = seen.get(name, 0) + 1
        out[c] = name if seen[name] == 1 else f"{name} ({seen[name]})"
    return out


_URL_START = _regex.compile(r"^\s*(?:\d+[.)]\s*)?(?:https?://|www\.)", re.IGNORECASE)


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


_AREA_PREFIX = _regex.compile(r"^AREA\s+(?:PERUBAHAN\s+)?")


def _titleish(text: str) -> bool:
    """Does the text speak of a change area (its words are the areas' words)?"""
    return bool(AREA_VOCABULARY.intersection(norm_header(text).split()))


def _bare_title(text: str) -> str:
    return _AREA_PREFIX.sub("", norm_header(text))


_AREA_CODE = _regex.compile(rf"^\s*[AB]\s*\.\s*[12]\s*\.\s*({_ROMAN})(?![A-Z])(\s*\.?\s*\S)?", re.I)
_AREA_DIGIT = _regex.compile(r"^\s*([1-6])\s*[.)]?\s+(\S.*)$")


def area_of_code(text: str) -> tuple[str, bool] | None:
    """The area of a database code (``A.1.I.i.``, ``A.1.II.ii.b``: the numeral after
    ``A.1.``/``A.2.``) and whether the code goes deeper than the area itself."""
    m = _AREA_CODE.match(text)
    if not m:
        return None
    return m.group(1).upper(), bool(m.group(2) and m.group(2).strip(" ."))


def area_of_cell(text: str) -> str | None:
    """An AREA column's cell: ``I``, ``Area II``, ``1. Manajemen Perubahan``, a title."""
    text = cell_text(text)
    if not text:
        return None
    code = area_of_code(text)
    if code:
        return code[0]
    alone = _AREA_ALONE.match(text)
    if alone:
        return alone.group(1).upper()
    titled = _AREA_WITH_TITLE.match(text)
    if titled:
        return titled.group(1).upper()
    digit = _AREA_DIGIT.match(text)
    if digit and (_titleish(digit.group(2)) or len(digit.group(2)) < 4):
        return list(AREAS)[int(digit.group(1)) - 1]
    if text.strip(" .") in "123456" and len(text.strip(" .")) == 1:
        return list(AREAS)[int(text.strip(" .")) - 1]
    return _AREA_TITLES.get(_bare_title(text))


def area_of_sheet(name: str) -> str | None:
    """A sheet named ``I. Manajemen Perubahan`` (or ``Area II``) holds that area."""
    m = _AREA_WITH_TITLE.match(name.strip()) or _AREA_ALONE.match(name.strip())
    return m.group(1).upper() if m else None
