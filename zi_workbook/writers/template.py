"""The blank Rencana Aksi (Lampiran II) that offices fill in: it reads back as a plan.

Sheet ``Rencana Aksi``: the title rows, the seven columns of Lampiran II with the
column-number row, the six areas and under each the components of Lampiran I
(NO and KOMPONEN written, two empty rows after each), and a signature block that
ends the table. Sheet ``Petunjuk`` (``Guide``) explains TARGET WAKTU and links;
its TARGET WAKTU examples and their meanings come from the parser itself. An eighth
column, KODE LKE, carries each component's LKE sub-area code (read down to the actions
under it) with a drop-down of the LKE's codes from the hidden sheet ``Kode LKE``.

The plan sheet is the official form, so it stays in Bahasa Indonesia (the reader
knows these headers); ``lang`` sets the guide, the input messages and the
placeholders. Cells staff write in are unlocked; the sheet is not protected.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..i18n.summary import slabel
from ..model import AREAS
from ._atomic import atomic_workbook
from ._fit import Grid
from ._guide import write_guide
from ._template_lke import COMPONENT_CODES, lke_codes_sheet, lke_validation, reform_components

__all__ = ["COMPONENTS", "HEADERS", "SHEET", "write_template"]

SHEET = "Rencana Aksi"
HEADERS = (
    "NO",
    "KOMPONEN",
    "INDIKATOR",
    "LANGKAH AKSI",
    "BUKTI FISIK",
    "LINK BUKTI FISIK",
    "TARGET WAKTU",
    "KODE LKE",
)
TITLE = "RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS"
#: The components of each area as Lampiran I of the decree lists them.
COMPONENTS: dict[str, tuple[str, ...]] = {
    "I": (
        "Penyusunan Tim Kerja",
        "Dokumen Rencana Pembangunan Zona Integritas",
        "Pemantauan dan Evaluasi Pembangunan Zona Integritas",
        "Perubahan Pola Pikir dan Budaya Kerja",
    ),
    "II": (
        "Prosedur Operasional Tetap (SOP) Kegiatan Utama",
        "E-Office",
        "Keterbukaan Informasi Publik",
    ),
    "III": (
        "Perencanaan Kebutuhan Pegawai sesuai dengan Kebutuhan Organisasi",
        "Pola Mutasi Internal",
        "Pengembangan Pegawai Berbasis Kompetensi",
        "Penetapan Kinerja Individu",
        "Penegakan Aturan Disiplin/Kode Etik/Kode Perilaku Pegawai",
        "Sistem Informasi Kepegawaian",
    ),
    "IV": ("Keterlibatan Pimpinan", "Pengelolaan Akuntabilitas Kinerja"),
    "V": (
        "Pengendalian Gratifikasi",
        "Penerapan Sistem Pengawasan Internal Pemerintah (SPIP)",
        "Pengaduan Masyarakat",
        "Whistle Blowing System",
        "Penanganan Benturan Kepentingan",
    ),
    "VI": ("Standar Pelayanan", "Budaya Pelayanan Prima", "Penilaian Kepuasan Terhadap Pelayanan"),
}
#: Empty rows left under each component for its actions.
EMPTY_ROWS = 2
_WIDTHS = (5, 26, 34, 38, 28, 34, 20, 12)
_HEADER_ROW = 4  # 0-based: row 5 in Excel; the column numbers follow on row 6
_EVIDENCE, _LINK, _TARGET, _LKE = 4, 5, 6, 7
_PT = 0.9  # Arial 10 next to the 11 pt the row heights are counted in

_INPUT: dict[str, tuple[str, str]] = {
    "target": (
        "Satu bentuk saja, mis.: April {y} · Minggu ke-1 April {y} · Triwulan II {y} · "
        "Semester I {y} · Januari-Desember {y} · 31 Maret {y}. Jangan 'menyusul' atau "
        "'awal Juni'. Lihat lembar Petunjuk.",
        "One form only, e.g.: April {y} · Minggu ke-1 April {y} · Triwulan II {y} · "
        "Semester I {y} · Januari-Desember {y} · 31 Maret {y}. Not 'menyusul' or "
        "'awal Juni'. See the Guide sheet.",
    ),
    "link": (
        "Satu tautan https per baris (Alt+Enter). Google Drive: bagikan ke 'Siapa saja yang "
        "memiliki link'. Jangan alamat C:\\... atau \\\\server\\..., jangan 'menyusul': "
        "kosongkan sampai tautannya ada.",
        "One https link per line (Alt+Enter). Google Drive: share with 'Anyone with the "
        "link'. No C:\\... or \\\\server\\... paths, no 'menyusul' (to follow): leave it "
        "empty until the link exists.",
    ),
    "evidence": (
        "Nama dokumen yang membuktikan langkah aksi, mis. 'SK Tim Kerja ZI' atau "
        "'Undangan, daftar hadir dan notulen rapat'.",
        "The document that proves the action, e.g. 'SK Tim Kerja ZI' or 'Undangan, "
        "daftar hadir dan notulen rapat' (invitation, attendance list and minutes).",
    ),
}


def write_template(
    out: Path, *, year: int | None = None, unit: str | None = None, lang: str = "id"
) -> Path:
    """Write the blank plan to ``out`` atomically and return the path.

    Without ``year`` the title reads ``TAHUN ....`` and the guide's examples use 2022
    (the sample plan's year); without ``unit`` it reads ``[NAMA UNIT KERJA]``.
    """
    out = Path(out)
    options = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    with atomic_workbook(out, options=options) as wb:
        wb.set_properties({"title": f"{TITLE} {unit or ''}".strip(), "author": "zi-workbook"})
        ws, blocks = _plan_sheet(wb, year, unit, lang)
        write_guide(wb, slabel("sheet_guide", lang), year, lang)
        count = lke_codes_sheet(wb)
        lke_validation(ws, _LKE, blocks[0][0], blocks[-1][1], count, lang)
    return out


class _Fmt:
    def __init__(self, wb: Any) -> None:
        cell = {
            "border": 1,
            "border_color": "#808080",
            "valign": "top",
            "text_wrap": True,
            "font_name": "Arial",
            "font_size": 10,
        }
        title = {"bold": True, "align": "center", "font_name": "Arial"}
        self.title = wb.add_format({**title, "font_size": 13})
        self.subtitle = wb.add_format({**title, "font_size": 12, "locked": False})
        self.header = wb.add_format(
            {**cell, "bold": True, "align": "center", "valign": "vcenter", "bg_color": "#D9E1F2"}
        )
        self.numbers = wb.add_format(
            {**cell, "italic": True, "align": "center", "font_size": 8, "bg_color": "#F2F2F2"}
        )
        self.area = wb.add_format({**cell, "bold": True, "bg_color": "#E2EFDA"})
        self.no = wb.add_format({**cell, "align": "center"})
        self.component = wb.add_format({**cell, "bold": True})
        self.free = wb.add_format({**cell, "locked": False})
        self.free_no = wb.add_format({**cell, "locked": False, "align": "center"})
        self.free_target = wb.add_format({**cell, "locked": False, "num_format": "@"})
        self.sign = wb.add_format(
            {"font_name": "Arial", "font_size": 10, "align": "center", "locked": False}
        )


def _plan_sheet(
    wb: Any, year: int | None, unit: str | None, lang: str
) -> tuple[Any, list[tuple[int, int]]]:
    ws = wb.add_worksheet(SHEET)
    grid = Grid(ws, _WIDTHS)
    fmt = _Fmt(wb)
    last = len(HEADERS) - 1
    ws.merge_range(0, 0, 0, last, "", fmt.title)
    ws.write_string(0, 0, TITLE, fmt.title)
    ws.merge_range(1, 0, 1, last, "", fmt.subtitle)
    ws.write_string(1, 0, unit.upper() if unit else slabel("tpl_unit", lang), fmt.subtitle)
    ws.merge_range(2, 0, 2, last, "", fmt.subtitle)
    ws.write_string(2, 0, f"TAHUN {year}" if year else "TAHUN ....", fmt.subtitle)
    for col, name in enumerate(HEADERS):
        grid.text(_HEADER_ROW, col, name, fmt.header, scale=_PT, bold=True)
        ws.write_number(_HEADER_ROW + 1, col, col + 1, fmt.numbers)
    row = _HEADER_ROW + 2
    blocks: list[tuple[int, int]] = []
    for numeral, components in COMPONENTS.items():
        ws.write_string(row, 0, numeral, fmt.area)
        grid.text(row, 1, AREAS[numeral]["id"].upper(), fmt.area, span=last, scale=_PT)
        row += 1
        start = row
        pemenuhan = zip(components, COMPONENT_CODES[numeral], strict=True)
        for n, (component, code) in enumerate((*pemenuhan, *reform_components(numeral)), 1):
            ws.write_number(row, 0, n, fmt.no)
            grid.text(row, 1, component, fmt.component, scale=_PT, bold=True)
            for col in range(2, _LKE):
                ws.write_blank(row, col, None, fmt.free_target if col == _TARGET else fmt.free)
            ws.write_string(row, _LKE, code, fmt.free)
            for empty in range(row + 1, row + 1 + EMPTY_ROWS):
                _empty_row(ws, fmt, empty)
            row += 1 + EMPTY_ROWS
        blocks.append((start, row - 1))
    _inputs(ws, blocks, year, lang)
    _signature(ws, fmt, row + 1, year, unit, lang)
    grid.fit()
    ws.freeze_panes(_HEADER_ROW + 2, 0)
    ws.repeat_rows(_HEADER_ROW, _HEADER_ROW + 1)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    ws.set_footer("&C&P / &N")
    ws.activate()
    return ws, blocks


def _empty_row(ws: Any, fmt: _Fmt, row: int) -> None:
    for col in range(len(HEADERS)):
        cell = fmt.free_no if col == 0 else fmt.free_target if col == _TARGET else fmt.free
        ws.write_blank(row, col, None, cell)


def _inputs(ws: Any, blocks: list[tuple[int, int]], year: int | None, lang: str) -> None:
    """Input messages (no restriction: ``validate: any``) on the columns staff fill."""
    y = str(year or 2022)
    for key, col in (("evidence", _EVIDENCE), ("link", _LINK), ("target", _TARGET)):
        cells = " ".join(f"{_a1(col, first)}:{_a1(col, last)}" for first, last in blocks)
        message = _INPUT[key][1 if lang == "en" else 0].replace("{y}", y)
        first, last = blocks[0][0], blocks[-1][1]
        ws.data_validation(
            first,
            col,
            last,
            col,
            {
                "validate": "any",
                "input_title": slabel(f"input_{key}_title", lang),
                "input_message": message,
                "multi_range": cells,
            },
        )


def _a1(col: int, row: int) -> str:
    return f"{chr(65 + col)}{row + 1}"


def _signature(ws: Any, fmt: _Fmt, row: int, year: int | None, unit: str | None, lang: str) -> None:
    """Place and date, ``Ketua/Kepala ...`` (which ends the table for the reader), ``Ttd.``."""
    who = unit or "[Nama Unit Kerja]"
    lines = (
        f"[Tempat], [tanggal] [bulan] {year or '20..'}",
        f"Ketua/Kepala {who},",
        "",
        "",
        "Ttd.",
        "",
        "(nama)",
    )
    for i, text in enumerate(lines):
        ws.merge_range(row + i, _LINK, row + i, _TARGET, "", fmt.sign)
        if text:
            ws.write_string(row + i, _LINK, text, fmt.sign)
