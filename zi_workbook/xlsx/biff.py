"""What an .xls really holds, from its BIFF records, before python-calamine opens it.

One linear walk over the ``Workbook`` stream gives, per worksheet: the extent its
``DIMENSIONS`` record declares (calamine reserves room for it), the extent of the
cells that hold a value, and the date number format of every number cell (from
the ``FORMAT`` and ``XF`` records, which calamine does not report). The shared
strings' declared count is checked against what the stream could hold. A sheet
over the cell budget of an .xlsx is refused with one line.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UnsafeWorkbookError
from .extent import SPARE_STRINGS, check_area
from .workbook import _is_date_format

__all__ = ["BiffSheet", "scan_biff"]

_BOF, _EOF, _BOUNDSHEET, _SST = 0x0809, 0x000A, 0x0085, 0x00FC
_FORMAT, _XF, _DIMENSIONS, _MULRK = 0x041E, 0x00E0, 0x0200, 0x00BD
_NUMBERS = (0x0203, 0x027E, 0x0006)  # NUMBER, RK, FORMULA: a cell whose format matters
#: Records that place a value at (row, col) in their first four bytes.
_CELLS = frozenset((0x0203, 0x027E, 0x0006, 0x00FD, 0x0204, 0x0205, 0x00D6, 0x00BD))
_DATE_IDS = {14, 15, 16, 17, 22, 27, 30, 36, 45, 46, 47, 50, 57}
_BUILTIN = {14: "dd/mm/yyyy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 22: "m/d/yy h:mm"}


@dataclass
class BiffSheet:
    """A worksheet's declared and real extent (rows, columns) and its date cells."""

    name: str
    declared: tuple[int, int] = (0, 0)
    height: int = 0
    width: int = 0
    formats: dict[tuple[int, int], int] = field(default_factory=dict)


@dataclass
class _State:
    biff8: bool = True
    formats: dict[int, str] = field(default_factory=dict)
    xfs: list[int] = field(default_factory=list)
    offsets: dict[int, str] = field(default_factory=dict)
    sheets: list[BiffSheet] = field(default_factory=list)


def scan_biff(path: Path, stream: bytes) -> tuple[list[BiffSheet], list[str]]:
    """Every worksheet as measured, and the date format of each XF index ("" if none);
    refuses a sheet over the cell budget or a forged shared-strings count."""
    state = _State()
    sheet: BiffSheet | None = None
    pos, end = 0, len(stream)
    while pos + 4 <= end:
        kind, length = struct.unpack_from("<HH", stream, pos)
        body = stream[pos + 4 : pos + 4 + length]
        if kind == _BOF:
            name = state.offsets.get(pos)
            sheet = BiffSheet(name) if name is not None else None
            if sheet is not None:
                state.sheets.append(sheet)
            elif len(body) >= 2 and pos == 0:
                state.biff8 = struct.unpack_from("<H", body)[0] == 0x0600
        elif kind == _EOF:
            if sheet is not None:
                _check(path, sheet)
            sheet = None
        elif sheet is not None:
            _sheet_record(sheet, kind, body, state.xfs)
        else:
            _global_record(path, state, kind, body, end)
        pos += 4 + length
    if sheet is not None:
        _check(path, sheet)
    dates = [_date_format(fid, state.formats) for fid in state.xfs]
    return state.sheets, dates


def _global_record(path: Path, state: _State, kind: int, body: bytes, end: int) -> None:
    if kind == _BOUNDSHEET and len(body) >= 8:
        offset, _, sheet_type = struct.unpack_from("<IBB", body)
        if sheet_type == 0:  # a worksheet (not a chart, macro or VB module)
            state.offsets[offset] = _short_string(body[6:], state.biff8)
    elif kind == _XF and len(body) >= 4:
        state.xfs.append(struct.unpack_from("<H", body, 2)[0])
    elif kind == _FORMAT and len(body) >= 4:
        fid = struct.unpack_from("<H", body)[0]
        state.formats[fid] = _long_string(body[2:], state.biff8)
    elif kind == _SST and len(body) >= 8:
        unique = struct.unpack_from("<I", body, 4)[0]
        if unique > SPARE_STRINGS and unique * 3 > end:  # each string takes 3 bytes or more
            raise UnsafeWorkbookError(
                path,
                f"daftar teks bersama menyatakan {unique:,} teks, lebih dari yang dapat dimuat "
                "berkas; berkas dibuat untuk merusak pembaca dan ditolak.",
                f"the shared strings declare {unique:,} strings, more than the file can hold; "
                "the file is built to hurt the reader and is refused.",
            )


def _sheet_record(sheet: BiffSheet, kind: int, body: bytes, xfs: list[int]) -> None:
    if kind in _CELLS and len(body) >= 6:
        row, col, xf = struct.unpack_from("<HHH", body)
        last = col
        if kind == _MULRK:
            last = struct.unpack_from("<H", body, len(body) - 2)[0]
            for i in range((len(body) - 6) // 6):
                _note_format(sheet, row, col + i, struct.unpack_from("<H", body, 4 + 6 * i)[0])
        elif kind in _NUMBERS:
            _note_format(sheet, row, col, xf)
        sheet.height = max(sheet.height, row + 1)
        sheet.width = max(sheet.width, last + 1)
    elif kind == _DIMENSIONS and len(body) >= 10:
        if len(body) >= 14:  # BIFF8: rows as 32-bit numbers
            rows, cols = struct.unpack_from("<I", body, 4)[0], struct.unpack_from("<H", body, 10)[0]
        else:
            rows, cols = struct.unpack_from("<H", body, 2)[0], struct.unpack_from("<H", body, 6)[0]
        sheet.declared = (rows, cols)


def _note_format(sheet: BiffSheet, row: int, col: int, xf: int) -> None:
    sheet.formats[(row + 1, col + 1)] = xf


def _check(path: Path, sheet: BiffSheet) -> None:
    check_area(path, sheet.name, *sheet.declared)
    check_area(path, sheet.name, sheet.height, sheet.width)


def _date_format(fid: int, formats: dict[int, str]) -> str:
    fmt = formats.get(fid) or _BUILTIN.get(fid, "")
    return fmt if (fid in _DATE_IDS or _is_date_format(fmt)) else ""


def _short_string(raw: bytes, biff8: bool) -> str:
    if not raw:
        return ""
    count = raw[0]
    if not biff8:
        return raw[1 : 1 + count].decode("cp1252", "replace")
    return _chars(raw[2:], count, len(raw) > 1 and raw[1] & 1 == 1)


def _long_string(raw: bytes, biff8: bool) -> str:
    if not biff8:
        return raw[1 : 1 + raw[0]].decode("cp1252", "replace") if raw else ""
    if len(raw) < 3:
        return ""
    count = struct.unpack_from("<H", raw)[0]
    return _chars(raw[3:], count, raw[2] & 1 == 1)


def _chars(raw: bytes, count: int, wide: bool) -> str:
    if wide:
        return raw[: 2 * count].decode("utf-16-le", "replace")
    return raw[:count].decode("latin-1")
