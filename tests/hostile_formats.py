"""Hostile .xls and .ods files of a few KB, by code: a small plan written by xlwt (or
as OpenDocument XML by hand), then its BIFF records or OLE header patched in place."""

from __future__ import annotations

import struct
import zipfile
from datetime import datetime
from pathlib import Path

from formats_builders import Grid, write_ods, write_xls

HEADERS = ["NO", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK", "LINK BUKTI FISIK", "TARGET WAKTU"]
_BOF_GLOBALS = b"\x09\x08\x10\x00\x00\x06\x05\x00"  # BOF, 16 bytes, BIFF8, workbook globals


def small_grid() -> Grid:
    grid = Grid("Renaksi", height=3, width=6)
    for c, name in enumerate(HEADERS, 1):
        grid.cells[(1, c)] = name
    grid.cells.update(
        {
            (2, 1): "I",
            (2, 2): "Manajemen Perubahan",
            (3, 1): "1",
            (3, 2): "Ind",
            (3, 3): "Aksi",
            (3, 4): "SK",
            (3, 5): "Lihat",
            (3, 6): datetime(2022, 6, 15),
        }
    )
    return grid


def small_xls(folder: Path, name: str = "p.xls", **kw: str) -> Path:
    return write_xls(small_grid(), folder / name, **kw)


def records(data: bytes) -> list[tuple[int, int, int]]:
    """(file offset, type, length) of each BIFF record of an xlwt file (its Workbook
    stream is stored in one run of sectors)."""
    pos = data.index(_BOF_GLOBALS)
    out = []
    while pos + 4 <= len(data):
        kind, length = struct.unpack_from("<HH", data, pos)
        out.append((pos, kind, length))
        if kind == 0x000A and sum(1 for r in out if r[1] == 0x000A) == 2:
            break  # the globals' EOF, then the sheet's
        pos += 4 + length
    return out


def patch_record(path: Path, kind: int, at: int, fmt: str, *values: int) -> Path:
    """Overwrite ``values`` (struct ``fmt``) at ``at`` bytes into each record of ``kind``."""
    data = bytearray(path.read_bytes())
    hits = [pos for pos, k, _ in records(bytes(data)) if k == kind]
    assert hits, hex(kind)
    for pos in hits:
        struct.pack_into(fmt, data, pos + 4 + at, *values)
    path.write_bytes(bytes(data))
    return path


def xls_huge_dimensions(folder: Path) -> Path:
    """DIMENSIONS declares 4 billion rows x 256 columns; the cells are few."""
    return patch_record(small_xls(folder), 0x0200, 4, "<I", 0xFFFFFFF0)


def xls_far_cell(folder: Path) -> Path:
    """One value at IV65536 (the last cell of a BIFF8 sheet); DIMENSIONS says 3 x 6."""
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Renaksi")
    for c, name in enumerate(HEADERS):
        sheet.write(0, c, name)
    sheet.write(65535, 255, "jauh")
    path = folder / "far.xls"
    book.save(str(path))
    return patch_record(path, 0x0200, 0, "<IIHH", 0, 3, 0, 6)


def xls_sst_count(folder: Path) -> Path:
    """The shared strings declare four billion unique strings."""
    return patch_record(small_xls(folder), 0x00FC, 4, "<I", 4_000_000_000)


def xls_bad_sector_size(folder: Path) -> Path:
    path = small_xls(folder)
    data = bytearray(path.read_bytes())
    struct.pack_into("<H", data, 30, 3)
    path.write_bytes(bytes(data))
    return path


def xls_fat_loop(folder: Path) -> Path:
    """The directory's chain points back at itself in the FAT."""
    path = small_xls(folder)
    data = bytearray(path.read_bytes())
    first_dir = struct.unpack_from("<I", data, 48)[0]
    fat_sector = struct.unpack_from("<I", data, 76)[0]
    struct.pack_into("<I", data, (fat_sector + 1) * 512 + 4 * first_dir, first_dir)
    path.write_bytes(bytes(data))
    return path


def xls_directory_outside(folder: Path) -> Path:
    path = small_xls(folder)
    data = bytearray(path.read_bytes())
    struct.pack_into("<I", data, 48, 0x00FFFFFF)
    path.write_bytes(bytes(data))
    return path


def xls_truncated(folder: Path) -> Path:
    path = small_xls(folder)
    path.write_bytes(path.read_bytes()[:1500])
    return path


def ods_with_rows(folder: Path, rows: str, name: str = "p.ods") -> Path:
    """The small plan as .ods, with ``rows`` (table-row XML) added after its rows."""
    path = write_ods(small_grid(), folder / name)
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    content = parts["content.xml"].decode()
    marker = '<table:table-row table:number-rows-repeated="1048000">'
    parts["content.xml"] = content.replace(marker, rows + marker).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for part, body in parts.items():
            zf.writestr(part, body)
    return path


_VALUE = '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>'


def ods_repeated_value_rows(folder: Path) -> Path:
    """A row holding a value, repeated ten million times."""
    return ods_with_rows(
        folder, f'<table:table-row table:number-rows-repeated="10000000">{_VALUE}</table:table-row>'
    )


def ods_repeated_value_columns(folder: Path) -> Path:
    """A value repeated over a billion columns, in a row repeated a thousand times."""
    cell = _VALUE.replace("table-cell ", 'table-cell table:number-columns-repeated="1000000000" ')
    return ods_with_rows(
        folder, f'<table:table-row table:number-rows-repeated="1000">{cell}</table:table-row>'
    )


def ods_huge_merge(folder: Path) -> Path:
    """One cell spanning a billion rows and columns: clipped, the plan still reads."""
    cell = _VALUE.replace(
        "table-cell ",
        'table-cell table:number-rows-spanned="1000000000" '
        'table:number-columns-spanned="1000000000" ',
    )
    return ods_with_rows(folder, f"<table:table-row>{cell}</table:table-row>")


def xls_in_mini_stream(folder: Path) -> Path:
    """The small plan's BIFF records as a Workbook stream under 4096 bytes, which a
    compound file keeps in its mini stream (64-byte sectors): written here by hand."""
    data = small_xls(folder, "big.xls").read_bytes()
    recs = records(data)
    start, (last, _, length) = recs[0][0], recs[-1]
    biff = data[start : last + 4 + length]
    assert len(biff) < 4096
    mini = biff + b"\0" * (-len(biff) % 64)
    n_mini = len(mini) // 64
    mini_fat = [*range(1, n_mini), 0xFFFFFFFE]
    mini_fat_bytes = struct.pack(f"<{len(mini_fat)}I", *mini_fat)
    mini_fat_bytes += b"\xff" * (-len(mini_fat_bytes) % 512)
    mini_sectors = -(-len(mini) // 512)
    # sectors: 0 FAT, 1 directory, 2.. mini FAT, then the mini stream container
    n_mf = len(mini_fat_bytes) // 512
    first_container = 2 + n_mf
    fat = [0xFFFFFFFD, 0xFFFFFFFE]
    fat += [*range(3, 2 + n_mf), 0xFFFFFFFE]
    fat += [*range(first_container + 1, first_container + mini_sectors), 0xFFFFFFFE]
    fat += [0xFFFFFFFF] * (128 - len(fat))

    def entry(name: str, kind: int, start: int, size: int, child: int = 0xFFFFFFFF) -> bytes:
        raw = (name + "\0").encode("utf-16-le")
        out = bytearray(128)
        out[: len(raw)] = raw
        struct.pack_into("<HBB3I", out, 64, len(raw), kind, 1, 0xFFFFFFFF, 0xFFFFFFFF, child)
        struct.pack_into("<II", out, 116, start, size)
        return bytes(out)

    directory = entry("Root Entry", 5, first_container, len(mini), child=1)
    directory += entry("Workbook", 2, 0, len(biff))
    directory += b"\0" * (512 - len(directory))
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHH", header, 24, 0x3E, 3, 0xFFFE, 9)
    struct.pack_into("<H", header, 32, 6)
    struct.pack_into("<8I", header, 44, 1, 1, 0, 4096, 2, n_mf, 0xFFFFFFFE, 0)
    difat = [0] + [0xFFFFFFFF] * 108
    struct.pack_into("<109I", header, 76, *difat)
    body = struct.pack("<128I", *fat) + directory + mini_fat_bytes
    body += mini + b"\0" * (mini_sectors * 512 - len(mini))
    path = folder / "mini.xls"
    path.write_bytes(bytes(header) + body)
    return path
