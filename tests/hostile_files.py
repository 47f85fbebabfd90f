"""Hostile workbooks of a few KB, one per case of issue 13, built by code.

Each starts from :func:`base_plan` (a small real plan written by xlsxwriter: shared
strings, a hyperlink, a date) and changes the bytes of one part, or of the zip
itself. The fuzz test and ``bench/fuzz.py`` use :func:`base_plan` as their seed too.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from builders import Fmt, Link, make_plan

SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"
STYLES = "xl/styles.xml"
WORKBOOK = "xl/workbook.xml"

ROWS = [
    [
        "1",
        "Penyusunan Tim",
        "Tim dibentuk",
        "Menyusun SK Tim",
        "SK Tim",
        Link("https://kab-batang.kpu.go.id/sk", "SK"),
        Fmt(datetime(2022, 1, 31), "mmm-yy"),
    ],
    [
        "2",
        "Penyusunan Tim",
        "Rencana disusun",
        "Menyusun rencana",
        "Dokumen rencana",
        Link("https://kab-batang.kpu.go.id/rencana", "Rencana"),
        "Februari 2022",
    ],
]


def base_plan(folder: Path, name: str = "dasar.xlsx") -> Path:
    """A valid two-action plan (about 6 KB)."""
    sub = Path(folder) / ".hostile-base"  # hidden: a summary of the folder skips it
    sub.mkdir(exist_ok=True)
    return make_plan(sub, ROWS, name=name, engine="xlsxwriter")


def rebuild(
    data: bytes,
    edits: dict[str, Callable[[bytes], bytes]],
    *,
    compress_type: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """The zip ``data`` with each member named in ``edits`` passed through its edit."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", compress_type) as dst,
    ):
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename in edits:
                new = edits[info.filename](body)
                assert new != body, f"the edit of {info.filename} changed nothing"
                body = new
            dst.writestr(info.filename, body)
    return out.getvalue()


def variant(folder: Path, name: str, edits: dict[str, Callable[[bytes], bytes]]) -> Path:
    path = Path(folder) / name
    path.write_bytes(rebuild(base_plan(folder).read_bytes(), edits))
    return path


def _before_sheet_data_end(extra: bytes) -> Callable[[bytes], bytes]:
    return lambda b: b.replace(b"</sheetData>", extra + b"</sheetData>")


def _in_last_row(extra: bytes) -> Callable[[bytes], bytes]:
    return lambda b: b.replace(b"</row></sheetData>", extra + b"</row></sheetData>")


def _after_sheet_data(extra: bytes) -> Callable[[bytes], bytes]:
    return lambda b: b.replace(b"</sheetData>", b"</sheetData>" + extra, 1)


# ----------------------------------------------------------- 1. budgets bypassed


def rows_without_r(folder: Path) -> Path:
    """Rows without ``r=``, then one cell far down: calamine places it at row 1048576."""
    return variant(
        folder,
        "tanpa-r.xlsx",
        {
            SHEET: lambda b: _before_sheet_data_end(
                b'<row><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
            )(re.sub(rb'<row r="\d+"', b"<row", b))
        },
    )


def far_cell_in_row_one(folder: Path) -> Path:
    """One cell at XFD1048576 inside the row that says it is row 1."""
    cell = b'<c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c>'
    return variant(
        folder,
        "sel-jauh.xlsx",
        {
            SHEET: lambda b: re.sub(
                rb'(<row r="1"[^>]*>.*?)</row>', rb"\1" + cell + b"</row>", b, count=1
            )
        },
    )


def unique_count(folder: Path) -> Path:
    """Shared strings declaring four billion strings."""
    return variant(
        folder,
        "teks-bersama.xlsx",
        {STRINGS: lambda b: re.sub(rb'uniqueCount="\d+"', b'uniqueCount="4000000000"', b)},
    )


def not_a_reference(folder: Path) -> Path:
    """A cell whose ``r=`` is ``rId999``: calamine reads ``rId`` as a column past XFD."""
    return variant(
        folder,
        "bukan-alamat.xlsx",
        {SHEET: lambda b: b.replace(b'<c r="F4"', b'<c r="rId999"', 1)},
    )


def sheet_listed_many_times(folder: Path) -> Path:
    """workbook.xml listing the same sheet 3,000 times."""
    return variant(
        folder,
        "lembar-berulang.xlsx",
        {WORKBOOK: lambda b: re.sub(rb"(<sheet [^>]*/>)", lambda m: m.group(1) * 3000, b)},
    )


def huge_dimension(folder: Path) -> Path:
    """A ``<dimension>`` over the whole sheet: declared, not real; read as usual."""
    return variant(
        folder,
        "dimensi.xlsx",
        {
            SHEET: lambda b: re.sub(
                rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', b
            )
        },
    )


# ------------------------------------------------------------ 2. unbounded ranges


def whole_sheet_hyperlink(folder: Path) -> Path:
    """A hyperlink over F5:XFD1048576 (17 billion cells), besides the real ones."""
    return variant(
        folder,
        "tautan-luas.xlsx",
        {
            SHEET: lambda b: b.replace(
                b"<hyperlink ", b'<hyperlink ref="F5:XFD1048576" r:id="rId1"/><hyperlink ', 1
            )
        },
    )


def huge_merges(folder: Path) -> Path:
    """Merges over a billion rows, and over whole columns."""
    merges = (
        b'<mergeCells count="2"><mergeCell ref="B6:B999999999"/>'
        b'<mergeCell ref="A1:XFD1048576"/></mergeCells>'
    )
    return variant(folder, "gabung-luas.xlsx", {SHEET: _after_sheet_data(merges)})


# -------------------------------------------------------------- 3. quadratic paths


def error_cells(folder: Path, count: int = 30_000) -> Path:
    """``count`` self-closing error cells (``<c t="e"/>``, empty), one of them in the
    evidence column of the first action just before a cell with a value, and one real
    ``#REF!`` in the evidence column of the second action."""
    empties = b"".join(
        b'<row r="%d"><c r="A%d" t="e"/></row>' % (r, r) for r in range(9, 9 + count)
    )

    def edit(b: bytes) -> bytes:
        b = re.sub(rb'<c r="E5" t="s"><v>\d+</v></c>', b'<c r="E5" t="e"/>', b)
        b = re.sub(rb'<c r="E6" t="s"><v>\d+</v></c>', b'<c r="E6" t="e"><v>#REF!</v></c>', b)
        return b.replace(b"</sheetData>", empties + b"</sheetData>")

    return variant(folder, "sel-galat.xlsx", {SHEET: edit})


# ------------------------------------------------------- 4. unexpected exceptions


def general_number_format(folder: Path) -> Path:
    """``numFmtId="general"`` on a cell format: read as the General format."""
    return variant(
        folder,
        "format-general.xlsx",
        {
            STYLES: lambda b: re.sub(
                rb'(<cellXfs[^>]*><xf )numFmtId="\d+"', rb'\1numFmtId="general"', b
            )
        },
    )


def lone_surrogate_link(folder: Path) -> Path:
    """A ``HYPERLINK()`` formula in the link column whose url holds ``&#xD800;`` (no
    character at all: it cannot be written as UTF-8)."""
    formula = (
        b'<c r="F6" t="str"><f>HYPERLINK("https://kab-batang.kpu.go.id/&#xD800;x","x")</f>'
        b"<v>x</v></c>"
    )
    return variant(
        folder,
        "surrogat.xlsx",
        {SHEET: lambda b: re.sub(rb'<c r="F6"[^>]*><v>\d+</v></c>', formula, b)},
    )


def minus_inf_date(folder: Path) -> Path:
    """``-inf`` in a cell with a date format (calamine panics: a BaseException)."""
    return variant(
        folder,
        "tanggal-inf.xlsx",
        {SHEET: lambda b: re.sub(rb'(<c r="G5" s="\d+"><v>)[^<]*(</v>)', rb"\1-inf\2", b)},
    )


def encrypted_member(folder: Path) -> Path:
    """The sheet's zip entry flagged encrypted (bit 0 of the flags)."""
    path = base_plan(folder, "terenkripsi-src.xlsx")
    return _patch_entry(path, folder / "terenkripsi.xlsx", SHEET, flags=0x1)


def deflate64_member(folder: Path) -> Path:
    """The sheet's zip entry said to be packed with Deflate64 (method 9)."""
    path = base_plan(folder, "deflate64-src.xlsx")
    return _patch_entry(path, folder / "deflate64.xlsx", SHEET, method=9)


def strongly_encrypted_member(folder: Path) -> Path:
    """The sheet's zip entry flagged with strong encryption (bit 6)."""
    path = base_plan(folder, "kuat-src.xlsx")
    return _patch_entry(path, folder / "enkripsi-kuat.xlsx", SHEET, flags=0x40)


def future_zip_version(folder: Path) -> Path:
    """The sheet's entry needs zip version 8.4 to be read (Python reads up to 6.3)."""
    path = base_plan(folder, "versi-src.xlsx")
    return _patch_entry(path, folder / "versi-zip.xlsx", SHEET, version=84)


def unknown_encoding(folder: Path) -> Path:
    """workbook.xml declaring an encoding no one knows."""
    return variant(
        folder,
        "pengodean.xlsx",
        {WORKBOOK: lambda b: b.replace(b'encoding="UTF-8"', b'encoding="x-zi-unknown"', 1)},
    )


def directory_past_the_end(folder: Path) -> Path:
    """The end record says the central directory starts past the end of the file."""
    data = bytearray(base_plan(folder).read_bytes())
    end = data.rindex(b"PK\x05\x06")
    struct.pack_into("<I", data, end + 16, len(data) + 1_000_000)
    path = Path(folder) / "direktori.xlsx"
    path.write_bytes(bytes(data))
    return path


def _patch_entry(
    src: Path,
    dst: Path,
    member: str,
    *,
    flags: int = 0,
    method: int | None = None,
    version: int | None = None,
) -> Path:
    """Set flag bits or the method of ``member`` in both its local and central headers."""
    data = bytearray(src.read_bytes())
    name = member.encode()
    for sig, version_at, flag_at, method_at, name_len_at, name_at in (
        (b"PK\x03\x04", 4, 6, 8, 26, 30),
        (b"PK\x01\x02", 6, 8, 10, 28, 46),
    ):
        pos = data.find(sig)
        while pos >= 0:
            (length,) = struct.unpack_from("<H", data, pos + name_len_at)
            if bytes(data[pos + name_at : pos + name_at + length]) == name:
                (old,) = struct.unpack_from("<H", data, pos + flag_at)
                struct.pack_into("<H", data, pos + flag_at, old | flags)
                if method is not None:
                    struct.pack_into("<H", data, pos + method_at, method)
                if version is not None:
                    struct.pack_into("<H", data, pos + version_at, version)
            pos = data.find(sig, pos + 4)
    dst.write_bytes(bytes(data))
    return dst


# ------------------------------------------------------------------ 7. DTD hiding


def dtd_in_utf16_sheet(folder: Path) -> Path:
    """The sheet in UTF-16 with a DOCTYPE in its prolog."""

    def edit(b: bytes) -> bytes:
        text = b.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
        head, _, rest = text.partition("?>")
        text = head + '?><!DOCTYPE x [<!ENTITY a "aaaa">]>' + rest
        return b"\xff\xfe" + text.encode("utf-16-le")

    return variant(folder, "utf16.xlsx", {SHEET: edit})


def dtd_inside_root(folder: Path) -> Path:
    """A DOCTYPE inside the root element (after ``<worksheet ...>``)."""
    return variant(
        folder,
        "dtd-dalam.xlsx",
        {SHEET: lambda b: re.sub(rb"(<worksheet[^>]*>)", rb'\1<!DOCTYPE x [<!ENTITY a "a">]>', b)},
    )


def dtd_in_upper_case_part(folder: Path) -> Path:
    """An extra part named ``.XML`` (upper case) that declares a DTD."""
    path = base_plan(folder, "huruf-besar-src.xlsx")
    out = Path(folder) / "huruf-besar.xlsx"
    data = io.BytesIO(path.read_bytes())
    with zipfile.ZipFile(data, "a") as zf:
        zf.writestr(
            "customXml/ITEM1.XML", b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "a">]><x/>'
        )
    out.write_bytes(data.getvalue())
    return out
