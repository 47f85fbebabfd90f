"""Issue 12: real layouts read as they come, one fixture per point, built by code."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from builders import STD_HEADER, Fmt, make_plan

from zi_workbook import read_plan
from zi_workbook.checks import CheckOptions, run_checks

URL = "https://kab-batang.kpu.go.id/sk"
AREA_I = ["I", "Manajemen Perubahan"]


def act(no: Any, action: str, target: Any = "Januari 2022", **kw: Any) -> list[Any]:
    return [
        no,
        kw.get("component", "Tim Kerja"),
        kw.get("indicator", "Tim kerja dibentuk"),
        action,
        kw.get("evidence", "SK Tim"),
        kw.get("link", URL),
        target,
    ]


def codes(plan: Any) -> list[str]:
    return [f.code for f in run_checks(plan, CheckOptions(as_of=date(2022, 1, 1)))]


# ------------------------------------------------------------- 1. header aliases


@pytest.mark.parametrize(
    ("target", "evidence", "action"),
    [
        ("TARGET DAN WAKTU", "OUTPUT / BUKTI DUKUNG", "RENCANA KEGIATAN"),
        ("WAKTU PELAKSANAAN", "DATA DUKUNG", "KEGIATAN"),
        ("JADWAL PELAKSANAAN", "DOKUMEN PENDUKUNG", "URAIAN"),
        ("TARGET PENYELESAIAN", "BUKTI DUKUNG", "LANGKAH AKSI"),
        ("BATAS WAKTU", "BUKTI FISIK", "LANGKAH AKSI"),
        ("TENGGAT", "BUKTI FISIK", "LANGKAH AKSI"),
        ("BULAN", "BUKTI FISIK", "LANGKAH AKSI"),
    ],
)
def test_real_header_names(tmp_path: Path, target: str, evidence: str, action: str) -> None:
    header = ("NO", "SUB KOMPONEN", "INDIKATOR", action, evidence, "LINK DATA DUKUNG", target)
    plan = read_plan(make_plan(tmp_path, [AREA_I, act("1", "Menyusun SK")], header=header))
    (row,) = plan.rows
    assert (row.action, row.evidence, row.links) == ("Menyusun SK", "SK Tim", (URL,))
    assert row.target.periods[0].start == date(2022, 1, 1)


def test_url_header_is_the_link_column(tmp_path: Path) -> None:
    header = (*STD_HEADER[:5], "URL", "TARGET WAKTU")
    (row,) = read_plan(make_plan(tmp_path, [act("1", "Aksi")], header=header)).rows
    assert row.links == (URL,)


def test_percentage_target_column_is_never_target_waktu(tmp_path: Path) -> None:
    header = (*STD_HEADER[:6], "% TARGET", "TARGET DAN WAKTU")
    rows = [AREA_I] + [
        [*act(str(i), f"Aksi {i}")[:6], p, "Juni 2022"] for i, p in enumerate((100, 50, 0), 1)
    ]
    plan = read_plan(make_plan(tmp_path, rows, header=header))
    assert [r.target.text for r in plan.rows] == ["Juni 2022"] * 3
    assert "unparseable-target" not in codes(plan)
    assert dict(plan.rows[0].extra)["% TARGET"] == "100"


def test_numeric_target_column_alone_is_left_out(tmp_path: Path) -> None:
    header = (*STD_HEADER[:6], "TARGET")
    rows = [AREA_I, [*act("1", "Aksi")[:6], 100], [*act("2", "Aksi 2")[:6], 75]]
    plan = read_plan(make_plan(tmp_path, rows, header=header))
    assert [r.target.text for r in plan.rows] == ["", ""]
    assert [dict(r.extra)["TARGET"] for r in plan.rows] == ["100", "75"]


@pytest.mark.parametrize(
    "pic_header",
    ["PIC", "PENANGGUNG JAWAB", "PJ", "Unit Pelaksana", "PELAKSANA", "P.I.C."],
)
def test_pic_columns_are_kept_in_extra_and_named(tmp_path: Path, pic_header: str) -> None:
    header = (
        *STD_HEADER,
        pic_header,
        "KETERANGAN",
        "REALISASI",
        "CAPAIAN",
        "PROGRES",
        "KENDALA",
        "TINDAK LANJUT",
    )
    row = [*act("1", "Aksi"), "Subbag Umum", "catatan", "80%", "ok", "jalan", "-", "rapat"]
    (read,) = read_plan(make_plan(tmp_path, [AREA_I, row], header=header)).rows
    extra = dict(read.extra)
    assert extra[pic_header] == "Subbag Umum" and extra["KETERANGAN"] == "catatan"
    assert extra["TINDAK LANJUT"] == "rapat" and extra["REALISASI"] == "80%"
    assert read.pic == "Subbag Umum"


def test_keterangan_is_never_the_pic(tmp_path: Path) -> None:
    header = (*STD_HEADER, "KETERANGAN")
    (read,) = read_plan(
        make_plan(tmp_path, [AREA_I, [*act("1", "Aksi"), "Pak Budi"]], header=header)
    ).rows
    assert read.pic is None


def test_two_extra_columns_of_one_name_are_both_kept(tmp_path: Path) -> None:
    header = (*STD_HEADER, "PIC", "PIC")
    (read,) = read_plan(
        make_plan(tmp_path, [AREA_I, [*act("1", "Aksi"), "Umum", "Teknis"]], header=header)
    ).rows
    assert read.extra == (("PIC", "Umum"), ("PIC (2)", "Teknis"))


# ------------------------------------------------------------- 2. page-broken rows


def test_fragment_without_repeated_header_is_joined(tmp_path: Path) -> None:
    rows = [
        AREA_I,
        act(
            "1",
            "Melaksanakan sosialisasi kepada seluruh pegawai tentang",
            indicator="Informasi tentang pelayanan mudah",
        ),
        ["", "", "diakses melalui berbagai media", "Pakta Integritas", "dan Media Sosial", "", ""],
        act("2", "Menyusun SOP"),
    ]
    plan = read_plan(make_plan(tmp_path, rows))
    assert [r.action for r in plan.rows] == [
        "Melaksanakan sosialisasi kepada seluruh pegawai tentang Pakta Integritas",
        "Menyusun SOP",
    ]
    assert (
        plan.rows[0].indicator == "Informasi tentang pelayanan mudah diakses melalui berbagai media"
    )
    assert plan.rows[0].evidence == "SK Tim dan Media Sosial"
    assert plan.rows[0].last_row == plan.rows[0].row + 1


def test_fragment_after_repeated_header_with_outcome_in_target(tmp_path: Path) -> None:
    rows = [
        AREA_I,
        act("1", "Penyusunan SK Tim (Surat", target="Januari 2022"),
        list(STD_HEADER),
        ["", "", "", "Keputusan) Kepala Kantor", "", "", "1. Meningkatnya komitmen pegawai"],
        act("2", "Menyusun SOP"),
    ]
    plan = read_plan(make_plan(tmp_path, rows))
    first = plan.rows[0]
    assert first.action == "Penyusunan SK Tim (Surat Keputusan) Kepala Kantor"
    assert first.target.periods[0].start == date(2022, 1, 1)
    assert first.target.notes == "1. Meningkatnya komitmen pegawai"
    assert "target-with-notes" in codes(plan) and len(plan.rows) == 2


def test_component_fragment_joins_the_component_not_the_next_rows(tmp_path: Path) -> None:
    rows = [
        AREA_I,
        act("1", "Menyusun SK", component="Penyusunan Tim"),
        ["", "kerja dan agen perubahan", "", "", "", "", ""],
        act("", "Rapat tim", component="", indicator="Rapat berkala"),
    ]
    plan = read_plan(make_plan(tmp_path, rows))
    assert [r.component for r in plan.rows] == ["Penyusunan Tim kerja dan agen perubahan"] * 2


def test_two_real_actions_are_never_joined(tmp_path: Path) -> None:
    rows = [
        AREA_I,
        act("1", "Menyusun SK"),
        act("", "Rapat tim", indicator="Rapat berkala", target="", link=""),
        act("", "menyusun renstra", indicator="dokumen perencanaan", target="", link=""),
    ]
    assert len(read_plan(make_plan(tmp_path, rows)).rows) == 3


# ------------------------------------------------------------- 3. evidence-only rows


def test_evidence_only_row_belongs_to_the_action_above(tmp_path: Path) -> None:
    rows = [
        AREA_I,
        act("1", "Menyusun SK"),
        ["", "", "", "", "Notulen rapat", "https://kab-batang.kpu.go.id/notulen", ""],
        act("2", "Menyusun SOP"),
    ]
    plan = read_plan(make_plan(tmp_path, rows))
    assert [r.action for r in plan.rows] == ["Menyusun SK", "Menyusun SOP"]
    assert plan.rows[0].evidence == "SK Tim; Notulen rapat"
    assert plan.rows[0].links == (URL, "https://kab-batang.kpu.go.id/notulen")


def test_evidence_row_with_no_action_above_is_kept_and_told(tmp_path: Path) -> None:
    rows = [AREA_I, ["", "", "", "", "Notulen rapat", URL, "Maret 2022"], act("1", "Aksi")]
    plan = read_plan(make_plan(tmp_path, rows))
    assert [r.evidence for r in plan.rows] == ["Notulen rapat", "SK Tim"]
    assert "evidence-row-unplaced" in codes(plan)


# ------------------------------------------------------------- 4. dates with words


@pytest.mark.parametrize(
    ("text", "spans", "notes"),
    [
        ("Januari 2022\n1. Meningkatnya komitmen", [(1, 1, 1, 31)], "1. Meningkatnya komitmen"),
        ("Tercapai 4 Januari 2022", [(1, 4, 1, 4)], "Tercapai"),
        ("Januari 2022\nJanuari s/d Des 2022", [(1, 1, 1, 31), (1, 1, 12, 31)], ""),
        (
            "Januari 2022 : Monev SOP\nJanuari s/d Des 2022\n1. Meningkatnya kinerja",
            [(1, 1, 1, 31), (1, 1, 12, 31)],
            "Monev SOP\n1. Meningkatnya kinerja",
        ),
        ("B03", [(3, 1, 3, 31)], ""),
        ("B06, B09 dan B12", [(6, 1, 6, 30), (9, 1, 9, 30), (12, 1, 12, 31)], ""),
    ],
)
def test_target_with_words(tmp_path: Path, text: str, spans: list[Any], notes: str) -> None:
    titles = ("RENCANA AKSI ZONA INTEGRITAS TAHUN 2022", "KPU KABUPATEN BATANG")
    path = make_plan(tmp_path, [AREA_I, act("1", "Aksi", text)], title_rows=titles)
    (row,) = read_plan(path).rows
    got = [(p.start.month, p.start.day, p.end.month, p.end.day) for p in row.target.periods]
    assert got == spans and row.target.notes == notes and row.target.error is None
    assert row.target.periods[0].start.year == 2022


@pytest.mark.parametrize(
    "text", ["kecuali Juni 2022", "Juni 2022 (tentatif)", "Juni 2022 dan 2023x"]
)
def test_other_words_beside_a_date_stay_refused(tmp_path: Path, text: str) -> None:
    (row,) = read_plan(make_plan(tmp_path, [AREA_I, act("1", "Aksi", text)])).rows
    assert row.target.error is not None


# ------------------------------------------------------------- 5. areas from codes


def test_database_layout_with_area_codes(tmp_path: Path) -> None:
    header = ("KODE", "KOMPONEN", "INDIKATOR", "RENCANA AKSI", "DATA DUKUNG", "LINK", "WAKTU")
    rows = [
        ["A.1.I.", "Manajemen Perubahan"],
        act("A.1.I.i.", "Menyusun SK"),
        act("A.1.II.ii.b", "Menyusun SOP"),
        act("A.1.VI.i.", "Survei kepuasan"),
    ]
    plan = read_plan(make_plan(tmp_path, rows, header=header))
    assert [(r.area, r.action) for r in plan.rows] == [
        ("I", "Menyusun SK"),
        ("II", "Menyusun SOP"),
        ("VI", "Survei kepuasan"),
    ]


@pytest.mark.parametrize("cell", ["1. Manajemen Perubahan", "I", "Area I", "Manajemen Perubahan"])
def test_area_column(tmp_path: Path, cell: str) -> None:
    header = ("AREA PERUBAHAN", *STD_HEADER)
    rows = [[cell, *act("1", "Menyusun SK")], ["", *act("2", "Rapat")], ["VI", *act("1", "Survei")]]
    plan = read_plan(make_plan(tmp_path, rows, header=header))
    assert [r.area for r in plan.rows] == ["I", "I", "VI"]


# ------------------------------------------------------------- 6. evidence placeholders


@pytest.mark.parametrize(
    "text", ["bukti dukung belum di upload", "belum ada", "menyusul", "-", "n/a", "tidak ada"]
)
def test_evidence_placeholder(tmp_path: Path, text: str) -> None:
    plan = read_plan(make_plan(tmp_path, [AREA_I, act("1", "Aksi", evidence=text)]))
    (row,) = plan.rows
    assert row.evidence == text and not row.has_evidence
    found = codes(plan)
    assert "placeholder-evidence" in found and "not-yet-due" in found  # January not over
    from zi_workbook.status import row_status

    assert row_status(row, date(2022, 1, 1)) != "complete"


def test_real_evidence_is_no_placeholder(tmp_path: Path) -> None:
    plan = read_plan(make_plan(tmp_path, [AREA_I, act("1", "Aksi", evidence="Daftar hadir")]))
    assert plan.rows[0].has_evidence and "placeholder-evidence" not in codes(plan)


# ------------------------------------------------------------- 7. partial --column


def test_partial_column_mapping_with_unknown_headers_beside(tmp_path: Path) -> None:
    header = (
        "NO",
        "KOMPONEN",
        "INDIKATOR",
        "DESKRIPSI",
        "BUKTI FISIK",
        "LINK BUKTI FISIK",
        "TARGET WAKTU",
        "SUMBER DANA",
        "SASARAN MUTU",
    )
    rows = [AREA_I, [*act("1", "Menyusun SK"), "DIPA", "100%"]]
    plan = read_plan(make_plan(tmp_path, rows, header=header), columns={"action": "deskripsi"})
    assert plan.rows[0].action == "Menyusun SK"
    assert dict(plan.rows[0].extra)["SUMBER DANA"] == "DIPA"


# ------------------------------------------------------------- 9. signature block


def test_action_starting_with_kepala_in_a_merged_block_is_an_action(tmp_path: Path) -> None:
    rows = [
        AREA_I,
        act("1", "Menyusun SK"),
        ["", "", "", "Kepala Kantor menandatangani pakta integritas", "", "", ""],
        act("2", "Rapat evaluasi"),
        act("3", "Survei"),
    ]
    first = 6
    merges = (f"A{first}:A{first + 1}", f"B{first}:B{first + 1}", f"C{first}:C{first + 1}")
    plan = read_plan(make_plan(tmp_path, rows, merges=merges))
    assert [r.action for r in plan.rows] == [
        "Menyusun SK",
        "Kepala Kantor menandatangani pakta integritas",
        "Rapat evaluasi",
        "Survei",
    ]


def test_signature_block_below_the_table_by_its_shape(tmp_path: Path) -> None:
    footer = [
        [],
        ["", "", "", "", "Batang, 7 April 2022"],
        ["", "", "", "", "KETUA KPU,"],
        [],
        ["", "", "", "", "Ttd."],
        ["", "", "", "", "NUR TOFAN"],
        ["", "", "", "", "NIP 19750101"],
    ]
    plan = read_plan(make_plan(tmp_path, [AREA_I, act("1", "Aksi")], footer=footer))
    assert [r.action for r in plan.rows] == ["Aksi"]


# ------------------------------------------------------------- 10. every date format


@pytest.mark.parametrize(
    ("fmt", "start", "end"),
    [
        ("mmmm", date(2022, 6, 1), date(2022, 6, 30)),
        ("yyyy", date(2022, 1, 1), date(2022, 12, 31)),
        ("dd/mm/yyyy", date(2022, 6, 15), date(2022, 6, 15)),
        ("mmm-yy", date(2022, 6, 1), date(2022, 6, 30)),
    ],
)
def test_every_date_format_reaches_the_parser(
    tmp_path: Path, fmt: str, start: date, end: date
) -> None:
    rows = [AREA_I, act("1", "Aksi", Fmt(datetime(2022, 6, 15), fmt))]
    (row,) = read_plan(make_plan(tmp_path, rows, engine="xlsxwriter")).rows
    assert [(p.start, p.end) for p in row.target.periods] == [(start, end)]


# ------------------------------------------------------------- 13. --year, columns


def test_year_no_sheet_holds_is_refused_and_left_out_sheets_told(tmp_path: Path) -> None:
    from builders import make_workbook, plan_sheet

    from zi_workbook.errors import NoPlanTableError

    sheets = [
        plan_sheet([AREA_I, act("1", f"Aksi {y}", f"Juni {y}")], sheet=f"Renaksi {y}")
        for y in (2022, 2023)
    ]
    path = make_workbook(tmp_path, *sheets)
    with pytest.raises(NoPlanTableError, match="2024"):
        read_plan(path, year=2024)
    plan = read_plan(path)
    assert plan.skipped_sheets == ("Renaksi 2022",)
    assert "sheets-left-out" in codes(plan)


def test_library_columns_are_checked_like_the_cli(tmp_path: Path) -> None:
    from zi_workbook.errors import NoPlanTableError

    path = make_plan(tmp_path, [AREA_I, act("1", "Aksi")])
    with pytest.raises(NoPlanTableError, match="pic"):
        read_plan(path, columns={"pic": "PIC"})
    assert read_plan(path, columns={"Action": "LANGKAH AKSI"}).rows[0].action == "Aksi"


# ------------------------------------------------------------- 11. shared HYPERLINK()


def test_hyperlink_formula_filled_down_is_read_in_every_cell(tmp_path: Path) -> None:
    import re

    from builders import Formula, rewrite_sheet_xml

    formula = Formula('HYPERLINK("https://kab-batang.kpu.go.id/bukti","Lihat")', "Lihat")
    rows = [AREA_I] + [act(str(i), f"Aksi {i}", link=formula) for i in (1, 2, 3)]
    path = make_plan(tmp_path, rows, engine="xlsxwriter")
    count = iter(range(3))

    def share(xml: str) -> str:
        def one(m: re.Match[str]) -> str:
            i = next(count)
            if i == 0:
                return f'<f t="shared" ref="F6:F8" si="0">{m.group(1)}</f>'
            return '<f t="shared" si="0"/>'

        return re.sub(r"<f>(HYPERLINK[^<]*)</f>", one, xml)

    rewrite_sheet_xml(path, share)
    plan = read_plan(path)
    assert [r.links for r in plan.rows] == [("https://kab-batang.kpu.go.id/bukti",)] * 3


# ------------------------------------------------------------- 12. a link and its label


def test_link_followed_by_a_label_in_parentheses(tmp_path: Path) -> None:
    link = "https://drive.google.com/file/d/1AbC/view (SK)"
    plan = read_plan(make_plan(tmp_path, [AREA_I, act("1", "Aksi", link=link)]))
    (row,) = plan.rows
    assert row.links == ("https://drive.google.com/file/d/1AbC/view",)
    assert row.link_text == "(SK)"
    assert "malformed-link" not in codes(plan)


def test_a_code_never_overrides_the_area_rows(tmp_path: Path) -> None:
    header = (*STD_HEADER, "KODE LKE")
    rows = [
        AREA_I,
        [*act("1", "Menyusun SK"), "A.1.III.i"],  # a wrong code: the area row decides
        ["II", "Penataan Tatalaksana"],
        [*act("1", "Menyusun SOP", component="SOP"), "A.1.II"],
    ]
    plan = read_plan(make_plan(tmp_path, rows, header=header))
    assert [(r.area, r.component) for r in plan.rows] == [("I", "Tim Kerja"), ("II", "SOP")]
