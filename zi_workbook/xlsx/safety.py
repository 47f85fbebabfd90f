"""Guards that run before any XML is parsed: sniff the format, budget the zip.

A workbook is untrusted input. We look at its magic bytes to say what it really
is, and sum the sizes its zip declares before inflating anything, then count
the bytes actually inflated so a forged directory cannot slip past.
"""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path
from typing import IO

from ..errors import (
    CorruptWorkbookError,
    EncryptedWorkbookError,
    FileAccessError,
    NotAWorkbookError,
    UnsafeWorkbookError,
    UnsupportedFormatError,
)

__all__ = [
    "MAX_INFLATED_BYTES",
    "BoundedReader",
    "check_members",
    "check_zip_budget",
    "sniff",
]

#: The most a workbook may inflate to, all parts together. A real plan of a few
#: hundred actions is under 1 MB; a 100,000-row plan about 60 MB.
MAX_INFLATED_BYTES = 400 * 1024 * 1024
#: The most a single part may inflate relative to its compressed size.
MAX_RATIO = 200
_RATIO_FLOOR = 8 * 1024 * 1024  # small parts may compress as they like

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def utf16(word: bytes, big_endian: bool = False) -> bytes:
    """An ASCII word in UTF-16, without importing the codecs at start-up (~1 MIr)."""
    return bytes(b for c in word for b in ((0, c) if big_endian else (c, 0)))


_ENCRYPTION_MARK = utf16(b"EncryptionInfo")


def sniff(path: Path) -> None:
    """Raise the right error unless ``path`` looks like an .xlsx zip.

    Only a regular file is opened: a FIFO or a device named as a plan would block
    or never end, so its kind is checked first."""
    check_regular(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(512 * 1024)
    except IsADirectoryError as exc:
        raise FileAccessError(
            path, "ini folder, bukan berkas .xlsx.", "this is a folder, not an .xlsx file."
        ) from exc
    except FileNotFoundError as exc:
        raise _not_found(path) from exc
    except OSError as exc:
        raise FileAccessError(
            path,
            f"berkas tidak dapat dibaca ({exc.strerror}).",
            f"the file cannot be read ({exc.strerror}).",
        ) from exc
    if not head:
        raise NotAWorkbookError(
            path,
            "berkas kosong (0 bita), bukan buku kerja Excel.",
            "the file is empty (0 bytes), not an Excel workbook.",
        )
    if head.startswith(OLE_MAGIC):
        _refuse_ole(path, head)
    if not head.startswith(b"PK"):
        _refuse_text(path, head)


def _not_found(path: Path) -> FileAccessError:
    return FileAccessError(
        path,
        "berkas tidak ditemukan; periksa nama dan foldernya.",
        "file not found; check its name and folder.",
    )


def check_regular(path: Path) -> None:
    """Refuse what is not a regular file (after links), without opening it."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError as exc:
        raise _not_found(path) from exc
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise FileAccessError(
            path,
            f"berkas tidak dapat dibaca ({reason}).",
            f"the file cannot be read ({reason}).",
        ) from exc
    if stat.S_ISDIR(mode):
        raise FileAccessError(
            path, "ini folder, bukan berkas .xlsx.", "this is a folder, not an .xlsx file."
        )
    if not stat.S_ISREG(mode):
        raise FileAccessError(
            path,
            "ini bukan berkas biasa (pipa, soket atau perangkat); beri nama berkas .xlsx.",
            "this is not a regular file (a pipe, a socket or a device); name an .xlsx file.",
        )


def _refuse_ole(path: Path, head: bytes) -> None:
    if _ENCRYPTION_MARK not in head and path.suffix.lower() == ".xls":
        raise UnsupportedFormatError(
            path,
            "ini buku kerja Excel lama (.xls); buka di Excel lalu simpan sebagai .xlsx.",
            "this is a legacy Excel workbook (.xls); open it in Excel and save it as .xlsx.",
        )
    raise EncryptedWorkbookError(
        path,
        "buku kerja dilindungi kata sandi (atau berformat .xls lama); buka di Excel, "
        "hapus kata sandinya (File > Info > Protect Workbook) lalu simpan sebagai .xlsx.",
        "the workbook is password-protected (or a legacy .xls); open it in Excel, remove "
        "the password (File > Info > Protect Workbook) and save it as .xlsx.",
    )


def _refuse_text(path: Path, head: bytes) -> None:
    sample = head[:2048].lstrip().lower()
    if sample.startswith((b"<html", b"<!doctype html", b"<?xml")):
        kind_id, kind_en = "halaman HTML/XML", "an HTML/XML page"
    elif b"," in sample or b";" in sample or b"\t" in sample:
        kind_id, kind_en = "teks CSV", "CSV text"
    else:
        kind_id, kind_en = "bukan buku kerja", "not a workbook"
    raise NotAWorkbookError(
        path,
        f"berkas ini {kind_id} yang diberi nama {path.suffix or '(tanpa ekstensi)'}; "
        "buka di Excel lalu simpan sebagai Buku Kerja Excel (.xlsx).",
        f"this file is {kind_en} named {path.suffix or '(no extension)'}; open it in "
        "Excel and save it as an Excel Workbook (.xlsx).",
    )


def identify_zip(path: Path, zf: zipfile.ZipFile) -> None:
    """Refuse zips that are not spreadsheets in the .xlsx format."""
    names = set(zf.namelist())
    if "xl/workbook.xml" in names:
        return
    if "mimetype" in names:
        kind = zf.read("mimetype")[:100]
        if b"spreadsheet" in kind:
            raise UnsupportedFormatError(
                path,
                "ini lembar kerja OpenDocument (.ods); buka di LibreOffice/Excel lalu "
                "simpan sebagai .xlsx.",
                "this is an OpenDocument spreadsheet (.ods); open it in LibreOffice or "
                "Excel and save it as .xlsx.",
            )
    office = {
        "word/": ("dokumen Word", "a Word document"),
        "ppt/": ("presentasi PowerPoint", "a PowerPoint presentation"),
    }
    for prefix, (kind_id, kind_en) in office.items():
        if any(n.startswith(prefix) for n in names):
            raise NotAWorkbookError(
                path,
                f"berkas ini {kind_id}, bukan buku kerja Excel (.xlsx).",
                f"this file is {kind_en}, not an Excel workbook (.xlsx).",
            )
    raise NotAWorkbookError(
        path,
        "berkas zip ini bukan buku kerja Excel (.xlsx).",
        "this zip file is not an Excel workbook (.xlsx).",
    )


def check_zip_budget(path: Path, zf: zipfile.ZipFile, limit: int = MAX_INFLATED_BYTES) -> None:
    """Refuse a zip whose declared sizes exceed the budget, before inflating it."""
    total = 0
    for info in zf.infolist():
        total += info.file_size
        ratio_bad = info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        )
        if total > limit or ratio_bad:
            raise _bomb(path, info.file_size if ratio_bad else total)


def check_members(path: Path, zf: zipfile.ZipFile) -> None:
    """Refuse members we cannot inflate: encrypted, or packed other than stored or
    deflated (Deflate64, bzip2, LZMA: Excel never writes them)."""
    for info in zf.infolist():
        if info.flag_bits & 0x41:  # encrypted, or strongly encrypted
            raise EncryptedWorkbookError(
                path,
                f"bagian {_shown(info.filename)} di dalam berkas terenkripsi; buka di Excel, "
                "hapus kata sandinya lalu simpan sebagai .xlsx.",
                f"part {_shown(info.filename)} inside the file is encrypted; open it in Excel, "
                "remove the password and save it as .xlsx.",
            )
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise CorruptWorkbookError(
                path,
                f"bagian {_shown(info.filename)} dikemas dengan metode {info.compress_type} yang "
                "tidak dipakai Excel; simpan ulang dari Excel lalu coba lagi.",
                f"part {_shown(info.filename)} is packed with method {info.compress_type}, "
                "which Excel never uses; save it again from Excel and retry.",
            )


def _shown(name: str) -> str:
    return repr(name[:80])


def _bomb(path: Path, size: int) -> UnsafeWorkbookError:
    mib = size // (1024 * 1024)
    return UnsafeWorkbookError(
        path,
        f"isi berkas mengembang menjadi {mib} MiB atau lebih, jauh melebihi rencana aksi "
        "mana pun (bom dekompresi); berkas ditolak tanpa dibuka.",
        f"the file inflates to {mib} MiB or more, far beyond any real plan "
        "(a decompression bomb); refused without opening it.",
    )


class BoundedReader:
    """A read-only stream over a zip member that stops past its declared size."""

    def __init__(self, path: Path, raw: IO[bytes], declared: int) -> None:
        self._path = path
        self._raw = raw
        self._left = declared + 1024

    def read(self, size: int = -1) -> bytes:
        data = self._raw.read(size if size >= 0 else 1 << 20)
        self._left -= len(data)
        if self._left < 0:
            raise _bomb(self._path, MAX_INFLATED_BYTES)
        return data

    def close(self) -> None:
        self._raw.close()


def open_member(path: Path, zf: zipfile.ZipFile, name: str) -> BoundedReader:
    """Open one part of the zip for reading, bounded by its declared size."""
    try:
        info = zf.getinfo(name)
        return BoundedReader(path, zf.open(info), info.file_size)
    except KeyError as exc:
        raise CorruptWorkbookError(
            path,
            f"bagian {name} tidak ada di dalam berkas; berkas rusak.",
            f"part {name} is missing from the file; the file is damaged.",
        ) from exc
