"""The Workbook stream of an .xls, read from its OLE2 compound file by hand.

An .xls is a small file system (a FAT of sector chains and a directory) holding
the BIFF records in its ``Workbook`` stream. Only that one stream is read here:
every chain is followed at most once per sector, so a looping or forged FAT gives
one line ("the file is damaged") in time linear in the file, never a hang.
"""

from __future__ import annotations

import struct
from pathlib import Path

from ..errors import CorruptWorkbookError

__all__ = ["workbook_stream"]

_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END = 0xFFFFFFFE
_FREE = 0xFFFFFFFF
_SPECIAL = 0xFFFFFFFA  # ids from here up are markers, never sectors
_NAMES = ("Workbook", "Book")


class _Damaged(ValueError):
    """The compound file's header, FAT or directory is no such thing."""


def workbook_stream(path: Path, data: bytes) -> bytes:
    """The bytes of the ``Workbook`` (or BIFF5 ``Book``) stream of the file ``data``."""
    try:
        return _Compound(data).stream(_NAMES)
    except (_Damaged, struct.error, IndexError) as exc:
        said_id, said_en = exc.args if isinstance(exc, _Damaged) else ("struktur OLE", "OLE layout")
        raise CorruptWorkbookError(
            path,
            f"berkas .xls rusak atau terpotong ({said_id}); simpan ulang dari Excel lalu coba "
            "lagi.",
            f"the .xls file is damaged or truncated ({said_en}); save it again from Excel and "
            "retry.",
        ) from exc


class _Compound:
    def __init__(self, data: bytes) -> None:
        if len(data) < 512 or not data.startswith(_MAGIC):
            raise _Damaged("header OLE tidak sah", "no valid OLE header")
        self.data = data
        shift, mini_shift = struct.unpack_from("<HH", data, 30)
        if shift not in (9, 12) or mini_shift != 6:
            raise _Damaged(f"ukuran sektor 2^{shift}", f"sector size 2^{shift}")
        self.size = 1 << shift
        self.sectors = (len(data) - 1) // self.size  # the header takes the first one
        (n_fat, self.first_dir, _, self.cutoff, first_mini, n_mini, first_difat, n_difat) = (
            struct.unpack_from("<8I", data, 44)
        )
        self.fat = self._fat(n_fat, first_difat, n_difat)
        self.first_mini = first_mini if n_mini else _END

    def _sector(self, index: int) -> bytes:
        if index >= self.sectors:
            raise _Damaged(f"sektor {index} di luar berkas", f"sector {index} past the end")
        start = (index + 1) * self.size
        return self.data[start : start + self.size]

    def _fat(self, n_fat: int, first_difat: int, n_difat: int) -> list[int]:
        if n_fat > self.sectors:
            raise _Damaged(f"{n_fat} sektor FAT", f"{n_fat} FAT sectors")
        ids = [i for i in struct.unpack_from("<109I", self.data, 76) if i < _SPECIAL]
        per = self.size // 4
        seen: set[int] = set()
        index = first_difat
        while index < _SPECIAL and len(ids) < n_fat:
            if index in seen or len(seen) > n_difat:
                raise _Damaged("rantai DIFAT berputar", "the DIFAT chain loops")
            seen.add(index)
            entries = struct.unpack(f"<{per}I", self._sector(index))
            ids.extend(i for i in entries[:-1] if i < _SPECIAL)
            index = entries[-1]
        fat: list[int] = []
        for index in ids[:n_fat]:
            fat.extend(struct.unpack(f"<{per}I", self._sector(index)))
        return fat

    def _chain(self, start: int, table: list[int]) -> list[int]:
        out: list[int] = []
        index = start
        while index != _END:
            if index >= len(table) or len(out) >= len(table):
                raise _Damaged(
                    "rantai sektor rusak atau berputar", "a sector chain is broken or loops"
                )
            out.append(index)
            index = table[index]
        return out

    def _read(self, start: int) -> bytes:
        return b"".join(self._sector(i) for i in self._chain(start, self.fat))

    def stream(self, names: tuple[str, ...]) -> bytes:
        directory = self._read(self.first_dir)
        if len(directory) < 128:
            raise _Damaged("direktori kosong", "empty directory")
        root_start = struct.unpack_from("<I", directory, 116)[0]
        for offset in range(0, len(directory) - 127, 128):
            length = min(struct.unpack_from("<H", directory, offset + 64)[0], 64)
            name = directory[offset : offset + max(length - 2, 0)].decode("utf-16-le", "replace")
            kind = directory[offset + 66]
            if kind == 2 and name in names:
                start, size = struct.unpack_from("<II", directory, offset + 116)
                body = self._mini(root_start, start) if size < self.cutoff else self._read(start)
                if len(body) < size:
                    raise _Damaged(f"aliran {name} terpotong", f"stream {name} cut short")
                return body[:size]
        raise _Damaged("aliran Workbook tidak ada", "no Workbook stream")

    def _mini(self, root_start: int, start: int) -> bytes:
        mini_fat_bytes = self._read(self.first_mini) if self.first_mini < _SPECIAL else b""
        mini_fat = list(struct.unpack(f"<{len(mini_fat_bytes) // 4}I", mini_fat_bytes))
        container = self._read(root_start)
        out = []
        for index in self._chain(start, mini_fat):
            out.append(container[index * 64 : index * 64 + 64])
        return b"".join(out)
