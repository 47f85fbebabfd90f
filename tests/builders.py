"""Build .xlsx fixtures (and hostile non-workbooks) by code, in a tmp folder.

A fixture is a list of :class:`Sheet`; each sheet is a grid of Python values
written from its ``origin`` cell down and right. Besides plain values a cell may
hold a :class:`Link` (a hyperlink), a :class:`Formula` (with a saved value), a
:class:`Fmt` (a value with a number format) or a :class:`Text` (a string kept as
text even when it looks like a formula).

Two engines write the grid: ``openpyxl`` (the default; inline strings, no saved
formula values) and ``xlsxwriter`` (shared strings, formulas with saved values,
like Excel writes them). :class:`Formula` needs ``xlsxwriter``.

:func:`plan_sheet` lays out a Rencana Aksi: title rows, a blank row, the header
row(s), an optional column-number row, then the data rows, then footer rows.
``Sheet.first_data_row`` tells the Excel row of the first data row.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import xlsxwriter
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
from openpyxl.utils.datetime import CALENDAR_MAC_1904

__all__ = [
    "DEFAULT_TITLE",
    "OLE_MAGIC",
    "STD_HEADER",
    "Fmt",
    "Formula",
    "Link",
    "Sheet",
    "Text",
    "digest",
    "make_plan",
    "make_workbook",
    "plan_sheet",
    "rewrite_sheet_xml",
    "row_of",
    "write_bomb",
    "write_broken_sheet_xml",
    "write_csv_as_xlsx",
    "write_docx",
    "write_dtd_plan",
    "write_empty",
    "write_forged_sizes",
    "write_missing_sheet_part",
    "write_ods",
    "write_ole",
    "write_truncated",
]

STD_HEADER: tuple[str, ...] = (
    "NO",
    "KOMPONEN",
    "INDIKATOR",
    "LANGKAH AKSI",
    "BUKTI FISIK",
    "LINK BUKTI FISIK",
    "TARGET WAKTU",
)
DEFAULT_TITLE: tuple[str, ...] = (
    "RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS",
    "KPU KABUPATEN BATANG",
)
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")


@dataclass(frozen=True)
class Link:
    """A cell showing ``text`` whose hyperlink target is ``url``."""

    url: str
    text: str


@dataclass(frozen=True)
class Formula:
    """A formula with the value Excel saved for it (xlsxwriter engine only)."""

    source: str
    cached: str | float


@dataclass(frozen=True)
class Fmt:
    """A value with a number format, e.g. ``Fmt(datetime(2022, 4, 1), "mmm-yy")``."""

    value: Any
    number_format: str


@dataclass(frozen=True)
class Text:
    """A string stored as text even when it starts with ``=``, ``+``, ``-`` or ``@``."""

    value: str


@dataclass
class Sheet:
    """A sheet: ``rows`` written from ``origin``; ``merges`` are A1 ranges."""

    name: str
    rows: Sequence[Sequence[Any]]
    merges: Sequence[str] = ()
    origin: str = "A1"
    first_data_row: int = 0
    meta: dict[str, Any] = field(default_factory=dict)


def row_of(sheet: Sheet, index: int) -> int:
    """The Excel row of data row ``index`` (0-based) of a :func:`plan_sheet`."""
    return sheet.first_data_row + index


def plan_sheet(
    rows: Sequence[Sequence[Any]],
    *,
    header: Sequence[Any] | Sequence[Sequence[Any]] = STD_HEADER,
    sheet: str = "Lampiran II",
    title_rows: Sequence[str] = DEFAULT_TITLE,
    numbers: bool = False,
    footer: Sequence[Sequence[Any]] = (),
    merges: Sequence[str] = (),
    origin: str = "A1",
) -> Sheet:
    """A plan sheet: titles, a blank row, header row(s), [numbers], data, footer.

    ``header`` is one row of names or a sequence of rows (a two-row header).
    ``merges`` are absolute A1 ranges (use ``first_data_row`` to compute them).
    """
    header_rows: list[Sequence[Any]]
    if header and not isinstance(header[0], str) and isinstance(header[0], Sequence):
        header_rows = [list(h) for h in header]
    else:
        header_rows = [list(header)]
    width = max(len(h) for h in header_rows)
    grid: list[Sequence[Any]] = [[t] for t in title_rows]
    if title_rows:
        grid.append([])
    grid.extend(header_rows)
    if numbers:
        grid.append(list(range(1, width + 1)))
    _, origin_row = coordinate_from_string(origin)
    first = origin_row + len(grid)
    grid.extend(rows)
    grid.extend(footer)
    return Sheet(sheet, grid, merges=merges, origin=origin, first_data_row=first)


def make_workbook(
    folder: Path,
    *sheets: Sheet,
    name: str = "plan.xlsx",
    engine: str = "openpyxl",
    date1904: bool = False,
) -> Path:
    """Write ``sheets`` to ``folder / name`` with ``engine``; return the path."""
    path = Path(folder) / name
    if engine == "openpyxl":
        _write_openpyxl(path, sheets, date1904)
    elif engine == "xlsxwriter":
        _write_xlsxwriter(path, sheets, date1904)
    else:  # pragma: no cover - a typo in a test
        raise ValueError(engine)
    return path


def make_plan(
    folder: Path,
    rows: Sequence[Sequence[Any]],
    *,
    name: str = "plan.xlsx",
    engine: str = "openpyxl",
    date1904: bool = False,
    **layout: Any,
) -> Path:
    """One plan sheet (see :func:`plan_sheet` for ``layout``) in a new workbook."""
    return make_workbook(
        folder, plan_sheet(rows, **layout), name=name, engine=engine, date1904=date1904
    )


def _cells(sheet: Sheet) -> Iterable[tuple[int, int, Any]]:
    """(row, column) 1-based with the value, for every non-None cell of the grid."""
    col0, row0 = coordinate_from_string(sheet.origin)
    c0 = column_index_from_string(col0)
    for r, values in enumerate(sheet.rows):
        for c, value in enumerate(values):
            if value is not None:
                yield row0 + r, c0 + c, value


def _write_openpyxl(path: Path, sheets: Sequence[Sheet], date1904: bool) -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    if date1904:
        wb.epoch = CALENDAR_MAC_1904
    for spec in sheets:
        ws = wb.create_sheet(spec.name)
        for r, c, value in _cells(spec):
            cell = ws.cell(row=r, column=c)
            if isinstance(value, Link):
                cell.value = value.text
                cell.hyperlink = value.url
            elif isinstance(value, Fmt):
                cell.value = value.value
                cell.number_format = value.number_format
            elif isinstance(value, Text):
                cell.value = value.value
                cell.data_type = "s"
            elif isinstance(value, Formula):
                raise TypeError("Formula needs engine='xlsxwriter' (a saved value)")
            elif isinstance(value, str):
                cell.value = value
                cell.data_type = "s"  # never a formula by accident
            else:
                cell.value = value
                if isinstance(value, (datetime, date)):
                    cell.number_format = "dd/mm/yyyy"
        for rng in spec.merges:
            ws.merge_cells(rng)
    wb.save(path)


def _write_xlsxwriter(path: Path, sheets: Sequence[Sheet], date1904: bool) -> None:
    wb = xlsxwriter.Workbook(str(path), {"date_1904": date1904, "strings_to_urls": False})
    formats: dict[str, Any] = {}

    def fmt(number_format: str) -> Any:
        if number_format not in formats:
            formats[number_format] = wb.add_format({"num_format": number_format})
        return formats[number_format]

    try:
        for spec in sheets:
            ws = wb.add_worksheet(spec.name)
            covered: dict[tuple[int, int], str] = {}
            for rng in spec.merges:
                c1, r1, c2, r2 = range_boundaries(rng)
                for rr in range(r1, r2 + 1):
                    for cc in range(c1, c2 + 1):
                        covered[(rr, cc)] = rng
            values = {(r, c): v for r, c, v in _cells(spec)}
            for rng in spec.merges:
                c1, r1, c2, r2 = range_boundaries(rng)
                top = values.get((r1, c1))
                plain = top if isinstance(top, (str, int, float)) else ""
                ws.merge_range(r1 - 1, c1 - 1, r2 - 1, c2 - 1, plain)
                if top is not None and not isinstance(top, (str, int, float)):
                    _xw_cell(ws, r1 - 1, c1 - 1, top, fmt)
            for (r, c), value in values.items():
                if (r, c) in covered:
                    continue
                _xw_cell(ws, r - 1, c - 1, value, fmt)
    finally:
        wb.close()


def _xw_cell(ws: Any, r: int, c: int, value: Any, fmt: Any) -> None:
    if isinstance(value, Link):
        ws.write_url(r, c, value.url, string=value.text)
    elif isinstance(value, Formula):
        ws.write_formula(r, c, value.source, None, value.cached)
    elif isinstance(value, Fmt):
        if isinstance(value.value, (datetime, date)):
            ws.write_datetime(r, c, value.value, fmt(value.number_format))
        else:
            ws.write(r, c, value.value, fmt(value.number_format))
    elif isinstance(value, Text):
        ws.write_string(r, c, value.value)
    elif isinstance(value, str):
        ws.write_string(r, c, value)
    elif isinstance(value, (datetime, date)):
        ws.write_datetime(r, c, value, fmt("dd/mm/yyyy"))
    elif isinstance(value, bool):
        ws.write_boolean(r, c, value)
    elif isinstance(value, (int, float)):
        ws.write_number(r, c, value)
    else:  # pragma: no cover - a typo in a test
        raise TypeError(type(value))


# --------------------------------------------------------------------------- hostile


def digest(path: Path) -> str:
    """sha256 of a file's bytes (to check that nothing wrote to an input)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def small_plan_bytes(folder: Path) -> bytes:
    """The bytes of a small, valid plan workbook (openpyxl)."""
    sub = Path(folder) / "_base"
    sub.mkdir(exist_ok=True)
    rows = [
        [
            "1",
            "Penyusunan Tim Kerja",
            "Tim telah dibentuk",
            "Menyusun SK Tim Kerja ZI",
            "SK Tim Kerja",
            "https://kab-batang.kpu.go.id/sk",
            "Januari 2022",
        ],
    ]
    return make_plan(sub, rows, name="base.xlsx").read_bytes()


def write_empty(folder: Path, name: str = "kosong.xlsx") -> Path:
    path = Path(folder) / name
    path.write_bytes(b"")
    return path


def write_csv_as_xlsx(folder: Path, name: str = "rencana.xlsx") -> Path:
    path = Path(folder) / name
    path.write_text(
        ",".join(STD_HEADER) + "\n1,Penyusunan Tim,Tim dibentuk,Menyusun SK,SK,,Januari 2022\n",
        encoding="utf-8",
    )
    return path


def write_docx(folder: Path, name: str = "laporan.xlsx") -> Path:
    """A minimal Word document (another kind of zip) under an .xlsx name."""
    path = Path(folder) / name
    ct = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/officeDocument" Target="word/document.xml"/>'
        "</Relationships>"
    )
    doc = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>Rencana Aksi</w:t></w:r></w:p></w:body></w:document>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", ct)
        zf.writestr("_rels/.rels", rels)
        zf.writestr("word/document.xml", doc)
    return path


def write_ods(folder: Path, name: str = "rencana.ods") -> Path:
    """A minimal OpenDocument spreadsheet (``mimetype`` first, stored)."""
    path = Path(folder) / name
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type='
        '"application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Lampiran II">'
        "<table:table-row><table:table-cell><text:p>NO</text:p></table:table-cell>"
        "<table:table-cell><text:p>INDIKATOR</text:p></table:table-cell>"
        "<table:table-cell><text:p>LANGKAH AKSI</text:p></table:table-cell>"
        "</table:table-row></table:table></office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        zf.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


def write_ole(folder: Path, name: str) -> Path:
    """An OLE2 compound file header padded with zeros (.xlsx: encrypted; .xls: legacy)."""
    path = Path(folder) / name
    path.write_bytes(OLE_MAGIC + bytes(4096 - len(OLE_MAGIC)))
    return path


def write_truncated(folder: Path, name: str = "terpotong.xlsx") -> Path:
    """The first half of a real plan workbook."""
    data = small_plan_bytes(folder)
    path = Path(folder) / name
    path.write_bytes(data[: len(data) // 2])
    return path


def _rewrite_member(data: bytes, member: str, new: bytes, *, skip: str | None = None) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            if info.filename == skip:
                continue
            body = new if info.filename == member else src.read(info.filename)
            dst.writestr(info.filename, body)
    return out.getvalue()


def rewrite_sheet_xml(path: Path, edit: Callable[[str], str], sheet: int = 1) -> Path:
    """Rewrite ``xl/worksheets/sheet{n}.xml`` of ``path`` in place with ``edit``."""
    member = f"xl/worksheets/sheet{sheet}.xml"
    data = Path(path).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        text = zf.read(member).decode("utf-8")
    new = edit(text)
    assert new != text, "the edit changed nothing"
    Path(path).write_bytes(_rewrite_member(data, member, new.encode("utf-8")))
    return Path(path)


def write_dtd_plan(folder: Path, name: str = "entitas.xlsx") -> Path:
    """A real plan whose sheet1.xml declares a DTD with nested entities (billion laughs)."""
    base = small_plan_bytes(folder)
    with zipfile.ZipFile(io.BytesIO(base)) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml").decode("utf-8")
    body = sheet.split("?>", 1)[1] if sheet.startswith("<?xml") else sheet
    entities = ['<!ENTITY a0 "' + "ha" * 50 + '">']
    entities += [f'<!ENTITY a{i} "' + f"&a{i - 1};" * 10 + '">' for i in range(1, 10)]
    dtd = "<!DOCTYPE worksheet [" + "".join(entities) + "]>"
    # the bomb is also referenced, so a parser that expands entities pays for it
    body = body.replace("Menyusun SK Tim Kerja ZI", "&a9;", 1)
    new = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + dtd + body
    path = Path(folder) / name
    path.write_bytes(_rewrite_member(base, "xl/worksheets/sheet1.xml", new.encode()))
    return path


def write_broken_sheet_xml(folder: Path, name: str = "xml-rusak.xlsx") -> Path:
    """A real plan whose sheet1.xml is cut in half (valid zip, XML that does not parse)."""
    base = small_plan_bytes(folder)
    with zipfile.ZipFile(io.BytesIO(base)) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml")
    path = Path(folder) / name
    path.write_bytes(_rewrite_member(base, "xl/worksheets/sheet1.xml", sheet[: len(sheet) // 2]))
    return path


def write_missing_sheet_part(folder: Path, name: str = "tanpa-sheet.xlsx") -> Path:
    """A real plan with xl/worksheets/sheet1.xml removed (workbook.xml still lists it)."""
    base = small_plan_bytes(folder)
    path = Path(folder) / name
    path.write_bytes(_rewrite_member(base, "", b"", skip="xl/worksheets/sheet1.xml"))
    return path


_SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b"<sheetData>"
)
_SHEET_TAIL = b"</sheetData></worksheet>"


def _bomb_zip(folder: Path, path: Path, inflated: int, *, force_zip64: bool, level: int = 9) -> int:
    """Copy a real plan to ``path`` with an ``inflated``-byte sheet1.xml (streamed).

    Returns the offset of the sheet member's local header.
    """
    base = small_plan_bytes(folder)
    chunk = b'<row r="5" spans="1:7"/>' * 40_000  # 960 000 bytes
    repeats = max(1, (inflated - len(_SHEET_HEAD) - len(_SHEET_TAIL)) // len(chunk))
    offset = -1
    with (
        zipfile.ZipFile(io.BytesIO(base)) as src,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as dst,
    ):
        for info in src.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                offset = dst.fp.tell() if dst.fp is not None else -1
                with dst.open(info.filename, "w", force_zip64=force_zip64) as out:
                    out.write(_SHEET_HEAD)
                    for _ in range(repeats):
                        out.write(chunk)
                    out.write(_SHEET_TAIL)
            else:
                dst.writestr(info.filename, src.read(info.filename))
    return offset


def write_bomb(folder: Path, name: str = "bom.xlsx", inflated: int = 1 << 30) -> Path:
    """A valid xlsx whose sheet1.xml inflates to ``inflated`` bytes (~1 GiB: ~2.4 MB)."""
    path = Path(folder) / name
    _bomb_zip(folder, path, inflated, force_zip64=True)
    return path


def write_forged_sizes(
    folder: Path,
    name: str = "palsu.xlsx",
    inflated: int = 200 << 20,
    declared: int = 4096,
) -> Path:
    """A zip whose headers declare sheet1.xml to be ``declared`` bytes; it inflates more.

    The uncompressed-size field is patched in both the local header and the central
    directory entry of ``xl/worksheets/sheet1.xml`` (no zip64, so the 32-bit fields
    are the real ones).
    """
    path = Path(folder) / name
    offset = _bomb_zip(folder, path, inflated, force_zip64=False)
    data = bytearray(path.read_bytes())
    target = b"xl/worksheets/sheet1.xml"
    # local file header: signature, then the uncompressed size at +22
    assert data[offset : offset + 4] == b"PK\x03\x04"
    data[offset + 22 : offset + 26] = declared.to_bytes(4, "little")
    # central directory entry: find the one whose name is the sheet
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        name_len = int.from_bytes(data[pos + 28 : pos + 30], "little")
        if bytes(data[pos + 46 : pos + 46 + name_len]) == target:
            data[pos + 24 : pos + 28] = declared.to_bytes(4, "little")
            break
        pos = data.find(b"PK\x01\x02", pos + 4)
    else:  # pragma: no cover - the builder is broken
        raise AssertionError("central directory entry not found")
    path.write_bytes(bytes(data))
    return path


def no_plan_workbook(folder: Path, name: str = "data.xlsx") -> Path:
    """A workbook of unrelated data: no Rencana Aksi header anywhere."""
    sheet = Sheet(
        "Pegawai",
        [
            ["DAFTAR PEGAWAI"],
            [],
            ["NAMA", "NIP", "JABATAN", "ALAMAT"],
            ["Budi", "19800101", "Staf", "Batang"],
            ["Siti", "19850505", "Kasubbag", "Pekalongan"],
        ],
    )
    return make_workbook(folder, sheet, name=name)


def get_column(index: int) -> str:
    """Column letter of a 1-based index (re-exported for tests computing merges)."""
    return get_column_letter(index)
