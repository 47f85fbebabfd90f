"""Reading quirks of real Rencana Aksi workbooks: one small fixture per quirk."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from builders import (
    STD_HEADER,
    Fmt,
    Formula,
    Link,
    Sheet,
    Text,
    make_plan,
    make_workbook,
    plan_sheet,
    rewrite_sheet_xml,
)

from zi_workbook import read_plan
from zi_workbook.errors import NoPlanTableError, ZiWorkbookError

URL = "https://kab-batang.kpu.go.id/sk-tim"
ENGINES = ["openpyxl", "xlsxwriter"]


def act(
    no: Any = "1",
    action: str = "Menyusun SK Tim Kerja ZI",
    *,
    component: Any = "Penyusunan Tim Kerja",
    indicator: Any = "Tim Kerja telah dibentuk",
    evidence: Any = "SK Tim Kerja",
    link: Any = URL,
    target: Any = "Januari 2022",
) -> list[Any]:
    """One action row in STD_HEADER order."""
    return [no, component, indicator, action, evidence, link, target]


def actions(plan: Any) -> list[str]:
    return [r.action for r in plan.rows]


# ----------------------------------------------------------------- 1. where the plan is


def test_table_anywhere_on_any_sheet(tmp_path: Path) -> None:
    sheet = plan_sheet(
        [act("1", "Menyusun SK"), act("2", "Rapat Tim")],
        title_rows=(),
        origin="C5",
        sheet="Data",
    )
    plan = read_plan(make_workbook(tmp_path, sheet))
    assert [(r.sheet, r.row, r.no, r.action) for r in plan.rows] == [
        ("Data", 6, "1", "Menyusun SK"),
        ("Data", 7, "2", "Rapat Tim"),
    ]
    assert plan.rows[0].component == "Penyusunan Tim Kerja"
    assert plan.rows[0].links == (URL,)


def test_sheets_without_plan_header_are_skipped(tmp_path: Path) -> None:
    petunjuk = Sheet(
        "Petunjuk",
        [
            ["PETUNJUK PENGISIAN RENCANA AKSI"],
            ["1. Kolom LANGKAH AKSI diisi kegiatan yang akan dilakukan"],
            ["2. Kolom LINK BUKTI FISIK diisi tautan Google Drive"],
        ],
    )
    rekap = Sheet(
        "Rekap",
        [
            ["REKAPITULASI"],
            ["AREA", "JUMLAH LANGKAH AKSI", "SELESAI"],
            ["I", 5, 3],
            ["II", 4, 4],
        ],
    )
    plan_ = plan_sheet([act("1", "Menyusun SK")], sheet="Lampiran II")
    plan = read_plan(make_workbook(tmp_path, petunjuk, plan_, rekap))
    assert plan.sheets == ("Lampiran II",)
    assert [(r.sheet, r.action) for r in plan.rows] == [("Lampiran II", "Menyusun SK")]


def test_two_plan_sheets_both_read(tmp_path: Path) -> None:
    a = plan_sheet([act("1", "Menyusun SK"), act("2", "Rapat Tim")], sheet="RA Utama")
    b = plan_sheet([act("1", "Sosialisasi ZI")], sheet="RA Tambahan", title_rows=())
    plan = read_plan(make_workbook(tmp_path, a, b))
    assert plan.sheets == ("RA Utama", "RA Tambahan")
    assert [(r.sheet, r.row, r.action) for r in plan.rows] == [
        ("RA Utama", a.first_data_row, "Menyusun SK"),
        ("RA Utama", a.first_data_row + 1, "Rapat Tim"),
        ("RA Tambahan", b.first_data_row, "Sosialisasi ZI"),
    ]


def test_one_sheet_per_area_gives_the_area(tmp_path: Path) -> None:
    one = plan_sheet([act("1", "Menyusun SK")], sheet="I. Manajemen Perubahan")
    two = plan_sheet(
        [act("1", "Menyusun SOP"), act("2", "Reviu SOP")], sheet="II. Penataan Tatalaksana"
    )
    plan = read_plan(make_workbook(tmp_path, one, two))
    assert [(r.area, r.action) for r in plan.rows] == [
        ("I", "Menyusun SK"),
        ("II", "Menyusun SOP"),
        ("II", "Reviu SOP"),
    ]


# ----------------------------------------------------------------------- 2. the header

FIELDS = {
    "no": "1",
    "component": "Penyusunan Tim Kerja",
    "indicator": "Tim Kerja telah dibentuk",
    "action": "Menyusun SK Tim Kerja ZI",
    "evidence": "SK Tim Kerja",
    "link": URL,
    "target": "Januari 2022",
}


@pytest.mark.parametrize(
    "header",
    [
        pytest.param(STD_HEADER, id="standard"),
        pytest.param(
            (
                ("no", "No."),
                ("component", "Komponen"),
                ("indicator", "Indikator"),
                ("action", "Rencana Aksi"),
                ("evidence", "Bukti Dukung"),
                ("link", "Link Bukti Dukung"),
                ("target", "Waktu"),
            ),
            id="title-case-aliases",
        ),
        pytest.param(
            (
                ("indicator", "indikator"),
                ("action", "kegiatan"),
                ("no", "nomor"),
                ("evidence", "output"),
                ("target", "jadwal"),
                ("link", "tautan"),
                ("component", "komponen"),
            ),
            id="lowercase-shuffled",
        ),
        pytest.param(
            (
                ("target", "TARGET WAKTU"),
                ("link", "LINK BUKTI FISIK"),
                ("evidence", "BUKTI FISIK"),
                ("action", "LANGKAH AKSI"),
                ("indicator", "INDIKATOR"),
                ("component", "KOMPONEN"),
                ("no", "NO"),
            ),
            id="reversed",
        ),
    ],
)
def test_header_names_aliases_any_order_and_case(tmp_path: Path, header: Sequence[Any]) -> None:
    if isinstance(header[0], str):
        header = tuple(zip(FIELDS, header, strict=True))
    names = [name for _, name in header]
    row = [FIELDS[field] for field, _ in header]
    plan = read_plan(make_plan(tmp_path, [row], header=names))
    (r,) = plan.rows
    assert (r.no, r.component, r.indicator, r.action, r.evidence) == (
        "1",
        "Penyusunan Tim Kerja",
        "Tim Kerja telah dibentuk",
        "Menyusun SK Tim Kerja ZI",
        "SK Tim Kerja",
    )
    assert r.links == (URL,)
    assert r.target.text == "Januari 2022"
    assert r.row == 5


@pytest.mark.parametrize("engine", ENGINES)
def test_two_row_header_with_merged_bukti_dukung(tmp_path: Path, engine: str) -> None:
    header = [
        ["NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI DUKUNG", None, "TARGET WAKTU"],
        [None, None, None, None, "Nama Dokumen", "Link", None],
    ]
    merges = ["A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:F4", "G4:G5"]
    path = make_plan(
        tmp_path,
        [act("1", "Menyusun SK"), act("2", "Rapat Tim", evidence="Notulen", link="")],
        header=header,
        merges=merges,
        engine=engine,
    )
    plan = read_plan(path)
    assert [(r.row, r.action, r.evidence, r.links) for r in plan.rows] == [
        (6, "Menyusun SK", "SK Tim Kerja", (URL,)),
        (7, "Rapat Tim", "Notulen", ()),
    ]


def test_missing_no_komponen_and_target_columns(tmp_path: Path) -> None:
    header = ["INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK", "LINK BUKTI FISIK"]
    rows = [
        ["Tim Kerja telah dibentuk", "Menyusun SK", "SK Tim", URL],
        ["Rapat rutin", "Rapat Tim", "Notulen", ""],
    ]
    plan = read_plan(make_plan(tmp_path, rows, header=header))
    assert actions(plan) == ["Menyusun SK", "Rapat Tim"]
    for r in plan.rows:
        assert r.target.text == ""
        assert r.target.periods == ()
        assert r.no == ""
        assert r.component == ""
    assert plan.rows[0].indicator == "Tim Kerja telah dibentuk"
    assert plan.rows[0].evidence == "SK Tim"


def test_extra_columns_kept_in_extra(tmp_path: Path) -> None:
    header = (*STD_HEADER, "PIC", "KETERANGAN")
    rows = [
        [*act("1", "Menyusun SK"), "Sekretaris", "Sudah selesai"],
        [*act("2", "Rapat Tim"), "Kasubbag Umum", "Rutin"],
    ]
    plan = read_plan(make_plan(tmp_path, rows, header=header))
    assert [dict(r.extra) for r in plan.rows] == [
        {"PIC": "Sekretaris", "KETERANGAN": "Sudah selesai"},
        {"PIC": "Kasubbag Umum", "KETERANGAN": "Rutin"},
    ]
    assert plan.rows[0].target.text == "Januari 2022"
    assert "Sekretaris" not in repr(plan.rows[0].target)


# ------------------------------------------------------------- 3. titles and signatures


@pytest.mark.parametrize("col", [0, 1, 3, 5], ids=["col-A", "col-B", "col-D", "col-F"])
def test_title_rows_and_signature_block_are_not_actions(tmp_path: Path, col: int) -> None:
    def at(text: str) -> list[Any]:
        return [None] * col + [text]

    footer = [
        [],
        at("Mengetahui,"),
        at("Batang, 7 April 2022"),
        at("KETUA KPU KABUPATEN BATANG"),
        at("Ttd."),
        [],
        at("NUR TOFAN"),
        at("NIP. 19700101 199003 1 001"),
        [],
        ["Catatan: Link bukti fisik diisi setelah kegiatan selesai"],
    ]
    title = (
        "RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS",
        "MENUJU WILAYAH BEBAS DARI KORUPSI (WBK)",
        "KPU KABUPATEN BATANG",
    )
    path = make_plan(
        tmp_path,
        [act("1", "Menyusun SK"), act("2", "Rapat Tim")],
        title_rows=title,
        footer=footer,
    )
    plan = read_plan(path)
    assert [(r.row, r.action) for r in plan.rows] == [(6, "Menyusun SK"), (7, "Rapat Tim")]


# ----------------------------------------------------- 4. repeated header / number rows


@pytest.mark.parametrize("engine", ENGINES)
def test_repeated_header_and_column_number_rows_skipped(tmp_path: Path, engine: str) -> None:
    rows = [
        act("1", "Menyusun SK"),
        list(STD_HEADER),
        [1, 2, 3, 4, 5, 6, 7],
        act("2", "Rapat Tim"),
        list(STD_HEADER),
        ["1", "2", "3", "4", "5", "6", "7"],
        act("3", "Sosialisasi ZI"),
        [1, 2, 3, 4, 5, 6, 7],
        act("4", "Evaluasi"),
    ]
    plan = read_plan(make_plan(tmp_path, rows, numbers=True, engine=engine))
    # titles 1-2, blank 3, header 4, numbers 5, data from 6
    assert [(r.row, r.no, r.action) for r in plan.rows] == [
        (6, "1", "Menyusun SK"),
        (9, "2", "Rapat Tim"),
        (12, "3", "Sosialisasi ZI"),
        (14, "4", "Evaluasi"),
    ]


def test_parenthesised_column_numbers_skipped(tmp_path: Path) -> None:
    rows = [
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
        act("1", "Menyusun SK"),
        list(STD_HEADER),
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
        act("2", "Rapat Tim"),
    ]
    plan = read_plan(make_plan(tmp_path, rows))
    assert [(r.row, r.action) for r in plan.rows] == [(6, "Menyusun SK"), (9, "Rapat Tim")]


# ------------------------------------------------------------------------ 5. area rows

AREA_FORMS = [
    pytest.param(["II Penataan Tata Laksana"], [], "II", id="one-cell"),
    pytest.param(["III. PENATAAN SISTEM MANAJEMEN SDM"], [], "III", id="one-cell-dot-upper"),
    pytest.param(["IV", "PENGUATAN AKUNTABILITAS"], [], "IV", id="two-cells"),
    pytest.param(["V", "Penguatan Pengawasan"], ["B5:G5"], "V", id="two-cells-title-merged"),
    pytest.param(
        ["VI. PENINGKATAN KUALITAS PELAYANAN PUBLIK"], ["A5:G5"], "VI", id="merged-across-row"
    ),
    pytest.param(
        ["I", "Pembangunan unit kerja untuk memperoleh predikat menuju WBK/WBBM KPU"],
        [],
        "I",
        id="unofficial-title",
    ),
    pytest.param(["II.", "PENATAAN TATALAKSANA"], ["B5:G5"], "II", id="numeral-dot-merged"),
    # no roman numeral: the official title decides, after a letter or digit enumerator
    pytest.param(["A. MANAJEMEN PERUBAHAN"], [], "I", id="letter-enumerator"),
    pytest.param(["E", "Penguatan Pengawasan"], [], "V", id="letter-two-cells"),
    pytest.param(["3. Penataan Sistem Manajemen SDM"], [], "III", id="digit-enumerator"),
    pytest.param(["Peningkatan Kualitas Pelayanan Publik"], [], "VI", id="title-alone"),
]


@pytest.mark.parametrize(("area_row", "merges", "expected"), AREA_FORMS)
def test_area_row_forms(
    tmp_path: Path, area_row: list[str], merges: list[str], expected: str
) -> None:
    path = make_plan(tmp_path, [area_row, act("1", "Menyusun SK")], merges=merges)
    plan = read_plan(path)
    assert [(r.row, r.area, r.action) for r in plan.rows] == [(6, expected, "Menyusun SK")]


def test_area_rows_switch_the_area_of_following_rows(tmp_path: Path) -> None:
    rows = [
        ["I", "MANAJEMEN PERUBAHAN"],
        act("1", "Menyusun SK"),
        act("2", "Rapat Tim", component=None),
        ["II. PENATAAN TATALAKSANA"],
        act("1", "Menyusun SOP", component="SOP"),
        ["VI", "Peningkatan Kualitas Pelayanan Publik"],
        act("1", "Survei Kepuasan", component="Standar Pelayanan"),
    ]
    plan = read_plan(make_plan(tmp_path, rows))
    assert [(r.area, r.action) for r in plan.rows] == [
        ("I", "Menyusun SK"),
        ("I", "Rapat Tim"),
        ("II", "Menyusun SOP"),
        ("VI", "Survei Kepuasan"),
    ]


# ----------------------------------------------------- 6. carried-down and merged cells


def test_component_carried_down(tmp_path: Path) -> None:
    rows = [
        act("1", "Menyusun SK", component="Penyusunan Tim Kerja"),
        act("2", "Rapat Tim", component=None),
        act("3", "Dokumentasi", component=None),
        act("4", "Menyusun Rencana", component="Rencana Pembangunan ZI"),
        act("5", "Reviu Rencana", component=None),
    ]
    plan = read_plan(make_plan(tmp_path, rows))
    assert [r.component for r in plan.rows] == [
        "Penyusunan Tim Kerja",
        "Penyusunan Tim Kerja",
        "Penyusunan Tim Kerja",
        "Rencana Pembangunan ZI",
        "Rencana Pembangunan ZI",
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_vertically_merged_cells_fill_every_row(tmp_path: Path, engine: str) -> None:
    link = Link("https://drive.google.com/drive/folders/abc", "Lihat")
    rows = [
        ["1", "Penyusunan Tim", "Tim dibentuk", "Menyusun SK", "SK Tim", link, "Maret 2022"],
        ["2", None, None, "Rapat Tim", None, None, None],
        ["3", None, "Rapat rutin", "Dokumentasi", None, None, None],
    ]
    merges = ["B5:B7", "C5:C6", "E5:E7", "F5:F7", "G5:G7"]
    plan = read_plan(make_plan(tmp_path, rows, merges=merges, engine=engine))
    got = [
        (r.row, r.no, r.component, r.indicator, r.action, r.evidence, r.links, r.target.text)
        for r in plan.rows
    ]
    lnk = ("https://drive.google.com/drive/folders/abc",)
    assert got == [
        (5, "1", "Penyusunan Tim", "Tim dibentuk", "Menyusun SK", "SK Tim", lnk, "Maret 2022"),
        (6, "2", "Penyusunan Tim", "Tim dibentuk", "Rapat Tim", "SK Tim", lnk, "Maret 2022"),
        (7, "3", "Penyusunan Tim", "Rapat rutin", "Dokumentasi", "SK Tim", lnk, "Maret 2022"),
    ]


# ------------------------------------------------------------------ 7. page-break rows


def test_row_broken_by_page_break_is_joined(tmp_path: Path) -> None:
    rows = [
        act(
            "1",
            "Melaksanakan monitoring dan",
            indicator="Monitoring dan evaluasi pelaksanaan",
            target="Desember 2022",
        ),
        list(STD_HEADER),
        [1, 2, 3, 4, 5, 6, 7],
        [None, None, "telah dilakukan secara berkala", "evaluasi rencana aksi", None, None, None],
        act("2", "Menyusun laporan", indicator="Laporan disusun", component=None),
    ]
    plan = read_plan(make_plan(tmp_path, rows, numbers=True))
    assert [(r.row, r.no) for r in plan.rows] == [(6, "1"), (10, "2")]
    first = plan.rows[0]
    assert first.indicator == "Monitoring dan evaluasi pelaksanaan telah dilakukan secara berkala"
    assert first.action == "Melaksanakan monitoring dan evaluasi rencana aksi"
    assert first.target.text == "Desember 2022"
    assert first.links == (URL,)


def test_uppercase_row_after_page_break_is_its_own_action(tmp_path: Path) -> None:
    rows = [
        act("1", "Menyusun SK"),
        list(STD_HEADER),
        [1, 2, 3, 4, 5, 6, 7],
        ["2", None, "Rapat rutin", "Rapat Tim", "Notulen", "", "Februari 2022"],
    ]
    plan = read_plan(make_plan(tmp_path, rows, numbers=True))
    assert [(r.row, r.action, r.component) for r in plan.rows] == [
        (6, "Menyusun SK", "Penyusunan Tim Kerja"),
        (9, "Rapat Tim", "Penyusunan Tim Kerja"),
    ]


def test_lowercase_row_with_target_after_page_break_is_its_own_action(tmp_path: Path) -> None:
    rows = [
        act("1", "Menyusun SK"),
        list(STD_HEADER),
        [1, 2, 3, 4, 5, 6, 7],
        [None, None, "rapat rutin", "rapat koordinasi tim", "Notulen", None, "Maret 2022"],
    ]
    plan = read_plan(make_plan(tmp_path, rows, numbers=True))
    assert [(r.row, r.action, r.target.text) for r in plan.rows] == [
        (6, "Menyusun SK", "Januari 2022"),
        (9, "rapat koordinasi tim", "Maret 2022"),
    ]


def test_page_break_joins_every_broken_cell(tmp_path: Path) -> None:
    rows = [
        act("1", "Melaksanakan monitoring dan", evidence="Laporan monitoring"),
        list(STD_HEADER),
        [1, 2, 3, 4, 5, 6, 7],
        [None, None, None, "evaluasi berkala", "dan evaluasi", None, None],
        act("2", "Rapat Tim"),
    ]
    plan = read_plan(make_plan(tmp_path, rows, numbers=True))
    assert [(r.row, r.action, r.evidence) for r in plan.rows] == [
        (6, "Melaksanakan monitoring dan evaluasi berkala", "Laporan monitoring dan evaluasi"),
        (10, "Rapat Tim", "SK Tim Kerja"),
    ]


# ---------------------------------------------------------------------------- 8. links


def read_link_cell(tmp_path: Path, value: Any, engine: str = "openpyxl") -> Any:
    plan = read_plan(make_plan(tmp_path, [act("1", "Menyusun SK", link=value)], engine=engine))
    (row,) = plan.rows
    return row


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("label", ["Lihat", "Klik di sini", "https://wrong.example/old"])
def test_hyperlink_target_wins_over_display_text(tmp_path: Path, label: str, engine: str) -> None:
    url = "https://drive.google.com/file/d/1AbC/view"
    row = read_link_cell(tmp_path, Link(url, label), engine)
    assert row.links == (url,)


def test_one_hyperlink_over_a_range_of_cells(tmp_path: Path) -> None:
    # Excel: select F5:F7, Insert > Link: one <hyperlink ref="F5:F7"> for the three cells
    url = "https://drive.google.com/drive/folders/abc"
    rows = [
        act("1", "Menyusun SK", link=Link(url, "Lihat")),
        act("2", "Rapat Tim", link="Lihat"),
        act("3", "Dokumentasi", link="Lihat"),
    ]
    path = make_plan(tmp_path, rows)
    rewrite_sheet_xml(path, lambda xml: xml.replace('ref="F5"', 'ref="F5:F7"'))
    plan = read_plan(path)
    assert [(r.row, r.links) for r in plan.rows] == [(5, (url,)), (6, (url,)), (7, (url,))]


def test_hyperlink_formula_gives_its_url(tmp_path: Path) -> None:
    cell = Formula('=HYPERLINK("https://a.go.id/x","Lihat")', "Lihat")
    row = read_link_cell(tmp_path, cell, "xlsxwriter")
    assert row.links == ("https://a.go.id/x",)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("1. https://a.go.id/1 2. https://a.go.id/2", id="numbered"),
        pytest.param("1. https://a.go.id/1\n2. https://a.go.id/2", id="numbered-lines"),
        pytest.param("https://a.go.id/1\nhttps://a.go.id/2", id="lines"),
        pytest.param("https://a.go.id/1, https://a.go.id/2", id="comma"),
        pytest.param("https://a.go.id/1;https://a.go.id/2", id="semicolon"),
        pytest.param("https://a.go.id/1 https://a.go.id/2", id="space"),
    ],
)
def test_several_links_in_one_cell_split_in_order(tmp_path: Path, text: str) -> None:
    row = read_link_cell(tmp_path, text)
    assert row.links == ("https://a.go.id/1", "https://a.go.id/2")


def test_bare_domain_is_a_link(tmp_path: Path) -> None:
    row = read_link_cell(tmp_path, "kab-batang.kpu.go.id")
    assert row.links == ("https://kab-batang.kpu.go.id",)


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        pytest.param("https://bit.ly/abc def", (), id="alone"),
        pytest.param(
            "https://bit.ly/abc def\nhttps://a.go.id/2", ("https://a.go.id/2",), id="lines"
        ),
        pytest.param("https://a.go.id/2 https://bit.ly/abc def", ("https://a.go.id/2",), id="last"),
        pytest.param(
            "1. https://bit.ly/abc def 2. https://a.go.id/2", ("https://a.go.id/2",), id="numbered"
        ),
        pytest.param(
            "https://bit.ly/abc def, https://a.go.id/2", ("https://a.go.id/2",), id="comma"
        ),
    ],
)
def test_link_with_a_space_is_one_malformed_candidate(
    tmp_path: Path, text: str, safe: tuple[str, ...]
) -> None:
    row = read_link_cell(tmp_path, text)
    assert row.links == safe
    bitly = [c for c in row.link_candidates if "bit.ly/abc" in c]
    assert len(bitly) == 1
    assert "def" in bitly[0]
    assert len(row.link_candidates) == len(safe) + 1
    assert "def" not in row.link_text.split()


@pytest.mark.parametrize("text", ["menyusul", "Lihat lampiran"])
def test_text_that_is_no_link_kept_in_link_text(tmp_path: Path, text: str) -> None:
    row = read_link_cell(tmp_path, text)
    assert row.links == ()
    assert row.link_candidates == ()
    assert row.link_text == text


@pytest.mark.parametrize("bad", ["javascript:alert(1)", "file:///C:/x.pdf"])
def test_unsafe_schemes_are_candidates_not_links(tmp_path: Path, bad: str) -> None:
    row = read_link_cell(tmp_path, f"https://a.go.id/ok {bad}")
    assert row.links == ("https://a.go.id/ok",)
    assert bad in row.link_candidates
    assert "https://a.go.id/ok" in row.link_candidates


@pytest.mark.parametrize("bad", ["javascript:alert(1)", "file:///C:/x.pdf"])
def test_unsafe_hyperlink_target_is_candidate_not_link(tmp_path: Path, bad: str) -> None:
    row = read_link_cell(tmp_path, Link(bad, "Lihat"))
    assert row.links == ()
    assert bad in row.link_candidates


def test_mailto_is_a_safe_link(tmp_path: Path) -> None:
    row = read_link_cell(tmp_path, "mailto:kpu@batang.go.id")
    assert row.links == ("mailto:kpu@batang.go.id",)


# ---------------------------------------------------------------------- 9. whitespace


def test_invisible_characters_are_not_content(tmp_path: Path) -> None:
    rows = [
        act(
            "1",
            "  Menyusun\u00a0SK \u200b Tim\n  Kerja ",
            evidence="\u00a0\u200b",
            link="\u200b \u00a0",
            target=" Januari\u00a02022 ",
        ),
        ["\u200b", "\u00a0", " ", "\u200b\u00a0", "\t", "\ufeff", "\u200c\u200d\u2060"],
        act("2", "Rapat Tim", component=None),
    ]
    plan = read_plan(make_plan(tmp_path, rows))
    assert [(r.row, r.action) for r in plan.rows] == [
        (5, "Menyusun SK Tim Kerja"),
        (7, "Rapat Tim"),
    ]
    first = plan.rows[0]
    assert first.evidence == ""
    assert first.links == ()
    assert first.link_candidates == ()
    assert first.link_text == ""
    assert first.target.text == "Januari 2022"


# ------------------------------------------------------------------------ 10. formulas

DUMMY = (
    '=IFERROR(__xludf.DUMMYFUNCTION("IMPORTRANGE(""https://docs.google.com/x"",""A1"")"),'
    '"Laporan Monev")'
)


def test_formula_cells_read_by_saved_value(tmp_path: Path) -> None:
    rows = [
        act(
            "1",
            Formula('=CONCATENATE("Menyusun ","SK")', "Menyusun SK"),
            evidence=Formula(DUMMY, "Laporan Monev"),
            link=Formula('=HYPERLINK("https://a.go.id/x","Lihat")', "Lihat"),
        ),
        act(Formula("=A5+1", 2), "Rapat Tim", component=None),
    ]
    plan = read_plan(make_plan(tmp_path, rows, engine="xlsxwriter"))
    first, second = plan.rows
    assert first.action == "Menyusun SK"
    assert first.evidence == "Laporan Monev"
    assert first.links == ("https://a.go.id/x",)
    assert second.no == "2"
    everything = repr(plan.rows)
    for source in ("DUMMYFUNCTION", "__xludf", "IFERROR", "IMPORTRANGE", "CONCATENATE", "=A5"):
        assert source not in everything


@pytest.mark.parametrize(
    "text",
    ['=HYPERLINK("http://evil","x")', "+cmd|' /C calc'!A0", "@SUM(A1)", "-2+3"],
)
@pytest.mark.parametrize("engine", ENGINES)
def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path, text: str, engine: str) -> None:
    rows = [act("1", Text(text), evidence=Text(text), link="")]
    (row,) = read_plan(make_plan(tmp_path, rows, engine=engine)).rows
    assert row.action == text
    assert row.evidence == text
    assert row.links == ()


# ------------------------------------------------------------------ 11. column mapping

CUSTOM_HEADER = (
    "NO",
    "KOMPONEN",
    "INDIKATOR",
    "DESKRIPSI",
    "DOKUMEN",
    "TAUTAN_DRIVE",
    "TARGET WAKTU",
)
MAPPING = {"action": "deskripsi", "evidence": "dokumen", "link": "tautan_drive"}


def test_columns_map_unknown_headers(tmp_path: Path) -> None:
    path = make_plan(tmp_path, [act("1", "Menyusun SK")], header=CUSTOM_HEADER)
    (row,) = read_plan(path, columns=MAPPING).rows
    assert (row.action, row.evidence, row.links) == ("Menyusun SK", "SK Tim Kerja", (URL,))
    assert row.indicator == "Tim Kerja telah dibentuk"
    assert row.target.text == "Januari 2022"


@pytest.mark.parametrize(
    "header",
    [
        pytest.param(CUSTOM_HEADER, id="three-unknown"),
        # only LANGKAH AKSI is unknown: reading every action as "" (and the real
        # actions into ``extra``) would be wrong; NO, KOMPONEN and TARGET WAKTU
        # are the only columns that may be missing
        pytest.param(
            ("NO", "KOMPONEN", "INDIKATOR", "DESKRIPSI", "BUKTI FISIK", "LINK BUKTI FISIK"),
            id="action-unknown",
        ),
    ],
)
def test_unknown_headers_without_mapping_say_what_was_seen(
    tmp_path: Path, header: Sequence[str]
) -> None:
    path = make_plan(tmp_path, [act("1", "Menyusun SK")], header=header)
    with pytest.raises(NoPlanTableError) as info:
        read_plan(path)
    err = info.value
    assert isinstance(err, ZiWorkbookError)
    for lang in ("id", "en"):
        text = err.message(lang)
        assert "DESKRIPSI" in text.upper()
        assert "--column" in text


def test_cli_column_option_maps_headers(tmp_path: Path, run_cli: Any) -> None:
    path = make_plan(tmp_path, [act("1", "Menyusun SK Tim Kerja ZI")], header=CUSTOM_HEADER)
    args = ["validate", path, "--format", "json"]
    for field, header in MAPPING.items():
        args += ["--column", f"{field}={header}"]
    result = run_cli(*args)
    assert result.exit_code in (0, 1), result.stderr
    json.loads(result.stdout)
    assert "Menyusun SK Tim Kerja ZI" in result.stdout


# --------------------------------------------------------------------- 12. plan year


def test_plan_year_from_title_rows(tmp_path: Path) -> None:
    title = ("RENCANA AKSI ZI TAHUN 2023", "KPU KABUPATEN BATANG")
    path = make_plan(tmp_path, [act(target="Maret")], title_rows=title)
    assert read_plan(path).plan_year == 2023


def test_plan_year_from_sheet_name(tmp_path: Path) -> None:
    path = make_plan(tmp_path, [act(target="Maret")], sheet="RA 2024")
    assert read_plan(path).plan_year == 2024


def test_plan_year_from_target_cells(tmp_path: Path) -> None:
    rows = [act("1", target="Januari 2022"), act("2", target="Maret 2022")]
    assert read_plan(make_plan(tmp_path, rows)).plan_year == 2022


def test_year_argument_overrides(tmp_path: Path) -> None:
    title = ("RENCANA AKSI ZI TAHUN 2023",)
    path = make_plan(tmp_path, [act(target="Maret 2023")], title_rows=title, sheet="RA 2023")
    assert read_plan(path, year=2030).plan_year == 2030


# -------------------------------------------------------------- 13. date target cells


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("date1904", [False, True], ids=["1900", "1904"])
def test_date_cell_is_that_day(tmp_path: Path, engine: str, date1904: bool) -> None:
    cell = Fmt(datetime(2022, 4, 15), "dd/mm/yyyy")
    path = make_plan(tmp_path, [act(target=cell)], engine=engine, date1904=date1904)
    (row,) = read_plan(path).rows
    assert row.target.periods
    assert row.target.periods[0].start == date(2022, 4, 15)
    assert row.target.deadline == date(2022, 4, 15)


@pytest.mark.parametrize("engine", ENGINES)
def test_month_formatted_date_cell_is_the_whole_month(tmp_path: Path, engine: str) -> None:
    cell = Fmt(datetime(2022, 4, 1), "mmm-yy")
    path = make_plan(tmp_path, [act(target=cell)], engine=engine)
    (row,) = read_plan(path).rows
    assert row.target.periods
    assert row.target.periods[0].start == date(2022, 4, 1)
    assert row.target.deadline == date(2022, 4, 30)


def test_number_serial_is_a_day(tmp_path: Path) -> None:
    (row,) = read_plan(make_plan(tmp_path, [act(target=44652)])).rows
    assert row.target.periods
    assert row.target.periods[0].start == date(2022, 4, 1)
    assert row.target.deadline == date(2022, 4, 1)


# ----------------------------------------------------------- review: rows not lost


def test_guide_sheet_with_an_example_header_is_not_a_plan(tmp_path: Path) -> None:
    from builders import Sheet, make_workbook, plan_sheet

    guide = Sheet(
        "Petunjuk",
        [
            ["Petunjuk pengisian: isi kolom berikut"],
            ["INDIKATOR", "BUKTI FISIK"],
            ["contoh indikator", "contoh bukti"],
        ],
    )
    plan = plan_sheet([["I", "Manajemen Perubahan"], act("1", "Menyusun SK")])
    path = make_workbook(tmp_path, guide, plan)
    read = read_plan(path)
    assert [r.action for r in read.rows] == ["Menyusun SK"]
    assert read.sheets == ("Lampiran II",) and read.unit == "KPU Kabupaten Batang"


def test_a_two_text_row_starting_like_a_signature_is_an_action(tmp_path: Path) -> None:
    rows = [
        ["I", "Manajemen Perubahan"],
        act("1", "Menyusun SK"),
        ["", "", "Kepala kantor memimpin apel", "Apel pagi"],
        act("2", "Rapat Tim"),
    ]
    read = read_plan(make_plan(tmp_path, rows))
    assert [r.action for r in read.rows] == ["Menyusun SK", "Apel pagi", "Rapat Tim"]


def test_signature_block_in_the_action_column_ends_the_table(tmp_path: Path) -> None:
    rows = [["I", "Manajemen Perubahan"], act("1", "Menyusun SK")]
    footer = [
        ["", "", "", "Batang, 7 April 2022"],
        ["", "", "", "KETUA KPU KABUPATEN BATANG"],
        ["", "", "", "Ttd."],
        ["", "", "", "NUR TOFAN"],
    ]
    read = read_plan(make_plan(tmp_path, rows, footer=footer))
    assert [r.action for r in read.rows] == ["Menyusun SK"]


def test_lowercase_new_action_after_a_page_break_is_not_joined(tmp_path: Path) -> None:
    rows = [
        ["I", "Manajemen Perubahan"],
        ["1", "Komponen", "Indikator pertama", "Aksi pertama", "Bukti", "", ""],
        list(STD_HEADER),
        ["", "", "dokumen perencanaan sudah ada", "menyusun renstra", "", "", ""],
        list(STD_HEADER),
        ["", "", "telah dilakukan secara berkala", "", "", "", ""],
    ]
    read = read_plan(make_plan(tmp_path, rows))
    assert [r.indicator for r in read.rows] == [
        "Indikator pertama",
        "dokumen perencanaan sudah ada telah dilakukan secara berkala",
    ]


def test_plan_year_ignores_a_regulation_cited_in_the_title(tmp_path: Path) -> None:
    titles = (
        "RENCANA AKSI ZONA INTEGRITAS sesuai PermenPANRB Nomor 90 Tahun 2021",
        "KPU KABUPATEN BATANG",
    )
    rows = [["I", "Manajemen Perubahan"], act("1", "Menyusun SK")]
    assert read_plan(make_plan(tmp_path, rows, title_rows=titles)).plan_year == 2022


def test_formula_looking_text_in_the_link_cell_stays_exactly_that_text(tmp_path: Path) -> None:
    from builders import Text

    texts = ['=HYPERLINK("javascript:alert(1)","x")', "+cmd|' /C calc'!A0", "@SUM(A1:A2)"]
    rows = [["I", "Manajemen Perubahan"]]
    rows += [
        ["1", "K", f"Indikator {i}", "Aksi", "Bukti", Text(t), "Juni 2022"]
        for i, t in enumerate(texts)
    ]
    read = read_plan(make_plan(tmp_path, rows, engine="xlsxwriter"))
    assert [r.link_text for r in read.rows] == texts
    assert all(r.links == () for r in read.rows)


@pytest.mark.parametrize(
    ("area_row", "expected"),
    [
        (["AREA MANAJEMEN PERUBAHAN"], "I"),
        (["Area Perubahan II"], "II"),
        (["V", "Penguatan Pengawasan", "Keterangan"], "V"),
        (["I Made Sutrisno"], None),  # a name, not an area
    ],
)
def test_more_area_row_forms(tmp_path: Path, area_row: list[str], expected: str | None) -> None:
    rows = [area_row, act("1", "Menyusun SK")]
    read = read_plan(make_plan(tmp_path, rows))
    assert [r.area for r in read.rows][-1] == expected


def test_column_numbers_under_merged_no_and_component_are_skipped(tmp_path: Path) -> None:
    # NO and KOMPONEN merged down across a repeated header: the number row there
    # shows only 3 4 5 6 7, each in its own column
    rows = [
        ["I", "Manajemen Perubahan"],
        ["1", "Tim Kerja", "Indikator A", "Aksi A", "Bukti", "https://a.go.id/1", "Juni 2022"],
        ["", "", *STD_HEADER[2:]],
        ["", "", 3, 4, 5, 6, 7],
        ["", "", "Indikator B", "Aksi B", "Bukti", "https://a.go.id/2", "Juni 2022"],
    ]
    sheet = plan_sheet(rows, numbers=True)
    first = sheet.first_data_row
    sheet.merges = [f"A{first + 1}:A{first + 4}", f"B{first + 1}:B{first + 4}"]
    read = read_plan(make_workbook(tmp_path, sheet))
    assert [(r.action, r.component) for r in read.rows] == [
        ("Aksi A", "Tim Kerja"),
        ("Aksi B", "Tim Kerja"),
    ]


def test_the_official_name_wins_when_two_headers_mean_one_field(tmp_path: Path) -> None:
    header = (
        "NO",
        "KOMPONEN",
        "INDIKATOR",
        "RENCANA AKSI",
        "LANGKAH AKSI",
        "OUTPUT",
        "BUKTI FISIK",
        "LINK BUKTI FISIK",
        "TARGET WAKTU",
    )
    rows = [
        ["I", "Manajemen Perubahan"],
        [
            "1",
            "K",
            "Indikator",
            "rencana",
            "langkah",
            "output",
            "bukti",
            "https://a.go.id/x",
            "Juni 2022",
        ],
    ]
    (row,) = read_plan(make_plan(tmp_path, rows, header=header)).rows
    assert (row.action, row.evidence) == ("langkah", "bukti")
    assert dict(row.extra) == {"RENCANA AKSI": "rencana", "OUTPUT": "output"}


def test_a_column_mapping_to_a_missing_header_is_an_error(tmp_path: Path) -> None:
    rows = [["I", "Manajemen Perubahan"], act("1", "Menyusun SK")]
    with pytest.raises(NoPlanTableError) as info:
        read_plan(make_plan(tmp_path, rows), columns={"action": "NOPE"})
    assert "NOPE" in info.value.message("id") and "NOPE" in info.value.message("en")


def test_sheets_of_several_years_keep_the_latest_or_the_year_asked(tmp_path: Path) -> None:
    old = plan_sheet([["I", "Manajemen Perubahan"], act("1", "Aksi 2022")], sheet="Renaksi 2022")
    new = plan_sheet([["I", "Manajemen Perubahan"], act("1", "Aksi 2023")], sheet="Renaksi 2023")
    path = make_workbook(tmp_path, old, new)
    latest = read_plan(path)
    assert [r.action for r in latest.rows] == ["Aksi 2023"]
    assert latest.plan_year == 2023 and latest.skipped_sheets == ("Renaksi 2022",)
    asked = read_plan(path, year=2022)
    assert [r.action for r in asked.rows] == ["Aksi 2022"] and asked.plan_year == 2022


def test_a_hidden_old_sheet_is_not_part_of_the_plan(tmp_path: Path) -> None:
    import openpyxl

    current = plan_sheet([["I", "Manajemen Perubahan"], act("1", "Aksi baru")], sheet="RA")
    hidden = plan_sheet([["I", "Manajemen Perubahan"], act("1", "Aksi lama")], sheet="lama")
    path = make_workbook(tmp_path, current, hidden)
    wb = openpyxl.load_workbook(path)
    wb["lama"].sheet_state = "hidden"
    wb.save(path)
    read = read_plan(path)
    assert [r.action for r in read.rows] == ["Aksi baru"] and read.skipped_sheets == ("lama",)


def test_a_formula_error_is_a_finding_not_an_empty_cell(tmp_path: Path) -> None:
    from datetime import date

    from builders import Formula

    from zi_workbook.report import validate

    rows = [
        ["I", "Manajemen Perubahan"],
        [
            "1",
            "K",
            "Indikator",
            "Aksi",
            Formula("=#REF!", "#REF!"),
            "https://a.go.id/1",
            Formula("=VLOOKUP(A1,X!A:B,2,0)", "#N/A"),
        ],
    ]
    path = make_plan(tmp_path, rows, engine="xlsxwriter")
    report = validate(path, as_of=date(2022, 5, 31))
    errors = [(f.column, f.message("en")) for f in report.findings if f.code == "formula-error"]
    assert [column for column, _ in errors] == ["E", "G"]
    assert "#REF!" in errors[0][1] and "#N/A" in errors[1][1]


def test_an_example_row_is_not_an_action(tmp_path: Path) -> None:
    rows = [
        ["I", "Manajemen Perubahan"],
        ["Contoh", "Tim Kerja", "SK Tim telah ditetapkan", "Menyusun SK", "SK", "", "Juni 2022"],
        act("1", "Menyusun SK Tim Kerja ZI"),
    ]
    read = read_plan(make_plan(tmp_path, rows))
    assert [r.action for r in read.rows] == ["Menyusun SK Tim Kerja ZI"]


def test_a_column_of_links_under_a_blank_header_is_the_link_column(tmp_path: Path) -> None:
    header = ("NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK", None, "TARGET WAKTU")
    rows = [["I", "Manajemen Perubahan"]]
    rows += [
        ["1", "K", f"Indikator {i}", f"Aksi {i}", "Bukti", f"https://a.go.id/{i}", "Juni 2022"]
        for i in range(4)
    ]
    read = read_plan(make_plan(tmp_path, rows, header=header))
    assert [r.links for r in read.rows] == [(f"https://a.go.id/{i}",) for i in range(4)]
    assert read.rows[0].column("link") == "F"


def test_plan_sha256_is_the_file_digest(tmp_path: Path) -> None:
    import hashlib

    path = make_workbook(tmp_path, plan_sheet([act("1", "Menyusun SK")]))
    assert read_plan(path).sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
