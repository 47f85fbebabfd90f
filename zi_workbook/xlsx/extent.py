"""What a part really holds, measured from its bytes before python-calamine sees it.

calamine trusts what a file declares: the row and column of each cell (a row may
leave out ``r=``, then it is the row after the last one), and the ``uniqueCount`` of
the shared strings, which it reserves up front. One cell at ``XFD1048576`` or a
``uniqueCount`` of four billion makes it ask for hundreds of GiB and abort the
process. Here we measure the real extent of the cells that hold something, and
count the strings, in time linear in the bytes; :mod:`.workbook` refuses a sheet
over the budget and clips every range (hyperlinks, merges) to the measured extent.
"""

from __future__ import annotations

import re

from .. import _regex
from ..errors import CorruptWorkbookError, UnsafeWorkbookError

__all__ = [
    "MAX_CELLS",
    "BadReference",
    "RangeBudget",
    "bad_ref",
    "check_area",
    "check_refs",
    "check_shared_strings",
    "clip",
    "measure",
    "sheet_extent",
]

_TAG = _regex.compile(rb"<(?:[\w.-]+:)?(row|c)\b([^>]*)>")
_R_ATTR = _regex.compile(rb'\br\s*=\s*["\']([^"\']*)["\']')
_CELL_REF = _regex.compile(rb"([A-Za-z]{1,3})(\d{1,9})$")
_ROW_R = _regex.compile(rb'<row r="(\d{1,9})"')
_WIDE = _regex.compile(rb'<c r="[A-Z]{2,3}\d')
_CONTENT_CELL_COL = _regex.compile(rb'<c r="([A-Z]{2,3})\d+"[^>]*(?<!/)>')


def measure(path: object, name: str, data: bytes) -> tuple[int, int]:
    """The sheet's extent, refused when a reference is no reference or the extent
    is over :data:`MAX_CELLS`."""
    common = _common_extent(data)
    if common is not None:
        check_area(path, name, *common)
        return common
    plain_cells = _CELL_NOT_PLAIN.search(data) is None  # the common case: one scan
    if not plain_cells:
        check_refs(path, name, data)
    try:
        height, width = sheet_extent(data, MAX_CELLS, cells_placed=plain_cells)
    except BadReference as exc:
        raise bad_ref(path, name, exc.args[0]) from exc
    check_area(path, name, height, width)
    return height, width


class BadReference(ValueError):
    """A cell reference that is no reference (see :func:`bad_ref`)."""


def sheet_extent(data: bytes, budget: int = 0, *, cells_placed: bool = False) -> tuple[int, int]:
    """(rows, columns) spanned by the cells that hold something (never less).

    A cell is placed as calamine places it: its ``r=`` reference, else the column
    after the previous cell of its row; a row without ``r=`` follows the previous
    row. Self-closing cells (``<c r="XFD1" s="3"/>``) hold nothing. Sheets whose
    every row and cell states its place (what Excel and most tools write) take a
    quick path of a few byte scans (an upper bound: empty rows count); others, and
    those whose quick bound is over ``budget`` cells, are walked tag by tag.
    ``cells_placed``: the caller found every cell to say ``r="..."`` first.
    """
    if _all_placed(data, cells_placed):
        quick = _quick_extent(data)
        if quick is not None and (not budget or quick[0] * quick[1] <= budget):
            return quick
    return _walk_extent(data)


_BAD_REF = _regex.compile(rb'<c r="(?![A-Z]{1,3}[1-9]\d{0,6}")([^"]{0,20})')
_GOOD_REF = _regex.compile(rb"[A-Z]{1,3}[1-9]\d{0,6}")


def check_refs(path: object, name: str, data: bytes) -> None:
    """Refuse a sheet with a cell reference that is no reference (``rId999``, ``a1``):
    calamine would read its letters as a column far beyond ``XFD``. This quick scan
    sees ``<c r="...``; the walk of :func:`sheet_extent` sees the rest."""
    bad = _BAD_REF.search(data)
    if bad is not None:
        raise bad_ref(path, name, bad.group(1))


def bad_ref(path: object, name: str, raw: bytes) -> CorruptWorkbookError:
    ref = raw[:20].decode("utf-8", "replace")
    return CorruptWorkbookError(
        str(path),
        f"lembar '{name}' memuat alamat sel yang tidak sah ('{ref}'); berkas rusak. Simpan "
        "ulang dari Excel lalu coba lagi.",
        f"sheet '{name}' holds a cell address that is not valid ('{ref}'); the file is "
        "damaged. Save it again from Excel and retry.",
    )


def _all_placed(data: bytes, cells_placed: bool = False) -> bool:
    """Every row and cell tag says ``r="..."`` first and none is prefixed (``<x:row>``):
    one scan for what breaks each rule."""
    return (
        _PREFIXED.search(data) is None
        and _ROW_UNPLACED.search(data) is None
        and (cells_placed or _CELL_UNPLACED.search(data) is None)
    )


_PREFIXED = _regex.compile(rb":(?:row|c[ >/])")
_ROW_UNPLACED = _regex.compile(rb'<row(?:>|/>| (?!r="))')
_CELL_UNPLACED = _regex.compile(rb'<c(?:>|/>| (?!r="))')
#: A cell tag that is not ``<c r="A1"...``: no reference, or one that is no reference.
_CELL_NOT_PLAIN = _regex.compile(rb'<c(?:>|/>| (?!r="[A-Z]{1,3}[1-9]\d{0,6}"))')


def _common_extent(data: bytes) -> tuple[int, int] | None:
    """What :func:`measure` finds for a sheet as Excel writes it (rows and cells placed,
    every cell at a good one-letter reference in a row up to the last ``<row r=>``,
    within :data:`MAX_CELLS`), told in one scan of the cells after the row tags; None
    for any other sheet (then measure's own passes decide)."""
    if _PREFIXED.search(data) is not None or _ROW_UNPLACED.search(data) is not None:
        return None
    height = max(map(int, _ROW_R.findall(data)), default=0)
    if height * 26 > MAX_CELLS:
        return None
    other = re.compile(rb'<c(?=[ />])(?! r="[A-Z](?:' + _up_to(height) + rb')")')
    return None if other.search(data) is not None else (height, 26)


def _up_to(n: int) -> bytes:
    """A regex alternation matching exactly the decimal integers 1 to ``n`` (without
    leading zeros): the ones of ``n``'s length first, then the shorter ones."""
    digits = str(n)
    alternatives = []
    for i, ch in enumerate(digits):
        low = 1 if i == 0 else 0
        if int(ch) > low:
            rest = len(digits) - i - 1
            head = digits[:i].encode()
            alternatives.append(
                head + b"[%d-%d]" % (low, int(ch) - 1) + (rb"\d{%d}" % rest if rest else b"")
            )
    if n > 0:
        alternatives.append(digits.encode())
    if len(digits) > 1:
        alternatives.append(rb"[1-9]\d{0,%d}" % (len(digits) - 2))
    return b"|".join(alternatives) or b"(?!)"


def _quick_extent(data: bytes) -> tuple[int, int] | None:
    """The extent when rows and cells all say ``r="..."`` first; None when a cell
    names a row past the last ``<row r=>`` (then the walk decides)."""
    height = max(map(int, _ROW_R.findall(data)), default=0)
    beyond = re.compile(rb'<c r="[A-Z]{1,3}(?:' + _greater_than(height) + rb')"[^>]*(?<!/)>')
    if beyond.search(data) is not None:
        return None
    width = 26
    if _WIDE.search(data) is not None:
        width = max(
            [26, *(_col_number(c) for c in set(_CONTENT_CELL_COL.findall(data)))], default=26
        )
    return height, width


def _greater_than(n: int) -> bytes:
    """A regex alternation matching exactly the decimal integers greater than ``n``
    (without leading zeros), so one C-speed search finds any cell past row ``n``."""
    digits = str(n)
    alternatives = [rb"[1-9]\d{%d,}" % len(digits)]  # more digits
    for i, ch in enumerate(digits):
        if ch == "9":
            continue
        rest = len(digits) - i - 1
        head = digits[:i].encode()
        low = int(ch) + 1
        alternatives.append(head + b"[%d-9]" % low + (rb"\d{%d}" % rest if rest else b""))
    return b"|".join(alternatives)


def _walk_extent(data: bytes) -> tuple[int, int]:
    height = width = 0
    row = 0
    col = 0
    for m in _TAG.finditer(data):
        attrs = m.group(2)
        r = _R_ATTR.search(attrs)
        if m.group(1) == b"row":
            row = int(r.group(1)) if r and r.group(1).isdigit() else row + 1
            col = 0
            continue
        if r is not None and _GOOD_REF.fullmatch(r.group(1)) is None:
            raise BadReference(r.group(1))
        ref = _CELL_REF.match(r.group(1)) if r else None
        if ref is not None:
            col, cell_row = _col_number(ref.group(1).upper()), int(ref.group(2))
        else:
            col, cell_row = col + 1, max(row, 1)
        if not attrs.endswith(b"/"):
            height, width = max(height, cell_row), max(width, col)
    return height, width


def _letters(index: int) -> str:
    out = ""
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def _col_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


_SST_HEAD = _regex.compile(rb"<(?:[\w.-]+:)?sst\b([^>]*)>")
_UNIQUE = _regex.compile(rb'\buniqueCount\s*=\s*["\']\s*(\d+)')
_SI = _regex.compile(rb"<(?:[\w.-]+:)?si\b")
#: calamine reserves room for ``uniqueCount`` strings before reading one; this many
#: more than the part holds is refused (a real file states the exact number).
SPARE_STRINGS = 1_000_000


def check_shared_strings(path: object, data: bytes) -> None:
    """Refuse shared strings declaring far more strings than they hold."""
    head = _SST_HEAD.search(data, 0, 1 << 16)
    declared = _UNIQUE.search(head.group(1)) if head else None
    if declared is None:
        return
    stated = int(declared.group(1))
    if stated <= SPARE_STRINGS:
        return
    held = sum(1 for _ in _SI.finditer(data))
    if stated > held + SPARE_STRINGS:
        raise UnsafeWorkbookError(
            str(path),
            f"daftar teks bersama menyatakan {stated:,} teks tetapi hanya memuat {held:,}; "
            "berkas dibuat untuk merusak pembaca dan ditolak.",
            f"the shared strings declare {stated:,} strings but hold {held:,}; the file is "
            "built to hurt the reader and is refused.",
        )


def clip(
    r1: int, c1: int, r2: int, c2: int, height: int, width: int
) -> tuple[int, int, int, int] | None:
    """The part of a range inside the sheet's extent (1-based, inclusive), or None."""
    r1, r2 = max(1, min(r1, r2)), min(max(r1, r2), height)
    c1, c2 = max(1, min(c1, c2)), min(max(c1, c2), width)
    if r1 > r2 or c1 > c2:
        return None
    return r1, c1, r2, c2


#: The most cells a sheet's used area may span: a 100,000-row plan of 20 columns is 2M.
#: calamine holds the whole area, about 28 bytes a cell (5M cells: 140 MB).
MAX_CELLS = 5_000_000


def check_area(path: object, name: str, height: int, width: int) -> None:
    """Refuse a sheet whose used area is huge: one value at XFD1048576 spans 17 billion."""
    if height * width <= MAX_CELLS:
        return
    where = f"{_letters(width)}{height}"
    raise UnsafeWorkbookError(
        str(path),
        f"lembar '{name}' terisi sampai sel {where} ({height:,} baris x {width:,} kolom), jauh "
        "melebihi rencana aksi mana pun; hapus isi sel yang jauh di luar tabel lalu simpan ulang.",
        f"sheet '{name}' is filled up to cell {where} ({height:,} rows x {width:,} columns), far "
        "beyond any real plan; delete the content far outside the table and save again.",
    )


class RangeBudget:
    """Clips ranges to the sheet's extent and stops expanding them once they cover
    more cells than the sheet has (ranges that overlap): work stays bounded by cells."""

    def __init__(self, height: int, width: int) -> None:
        self.height, self.width = height, width
        self.left = height * width + 100_000

    def take(self, r1: int, c1: int, r2: int, c2: int) -> tuple[int, int, int, int] | None:
        box = clip(r1, c1, r2, c2, self.height, self.width)
        if box is None:
            return None
        self.left -= (box[2] - box[0] + 1) * (box[3] - box[1] + 1)
        return box if self.left >= 0 else None

    def take_cell(self, row: int, col: int) -> bool:
        """``take(row, col, row, col) is not None``, without making the box."""
        if not (1 <= row <= self.height and 1 <= col <= self.width):
            return False
        self.left -= 1
        return self.left >= 0
