"""The summary's page per office (issue 16 item 5) and the PIC in its lists.

Folders of plans built by code; every workbook read back with openpyxl: one sheet per
office counted, named by a short, unique, Excel-valid form of its unit, holding that
office's Laporan Monev page (counts per area with both rates, the overdue actions with
their PIC, the changes since last time with --previous) on one A4 landscape page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from builders import STD_HEADER, Link, make_plan
from click.testing import Result

from zi_workbook.summary import add_previous, summarize
from zi_workbook.writers._sheet_names import MAX_SHEET_NAME, SheetNames, short_unit
from zi_workbook.writers.summary import PAGES_BELOW, write_summary_workbook

RunCli = Callable[..., Result]
AS_OF = date(2022, 6, 30)
FIXED = [
    "Peringkat",
    "Ringkasan",
    "Per Area",
    "Batas Atas LKE",
    "Terlambat",
    "Perlu Perbaikan",
    "Temuan",
    "Berkas",
]

SLEMAN = "KANTOR PERTANAHAN KABUPATEN SLEMAN"
IMIGRASI = "KANTOR IMIGRASI KELAS I TPI YOGYAKARTA"
LONG = "SEKRETARIAT DIREKTORAT JENDERAL PENYELENGGARAAN PELAYANAN KESEHATAN MASYARAKAT"


def _act(n: int, target: str, pic: str, *, done: bool = False, action: str = "") -> list[Any]:
    link = Link(f"https://x.go.id/bukti/{n}", "Lihat") if done else ""
    return [
        str(n),
        "Komponen",
        f"Indikator {n}",
        action or f"Aksi nomor {n}",
        f"Bukti {n}" if done else "",
        link,
        target,
        pic,
    ]


def _plan(
    folder: Path,
    unit: str,
    name: str,
    rows: Sequence[Sequence[Any]],
    year: int = 2022,
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return make_plan(
        folder,
        rows,
        name=name,
        header=(*STD_HEADER, "PIC"),
        title_rows=("RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS", unit, f"TAHUN {year}"),
    )


def _sleman(folder: Path, *, late_done: bool = False) -> Path:
    """Area I: one done, two overdue (March with PIC, April with PIC); area II: one
    overdue (May) and one not yet due. ``late_done``: the March action complete."""
    rows = [
        ["I", "MANAJEMEN PERUBAHAN"],
        _act(1, "Januari 2022", "Sekretaris", done=True),
        _act(2, "Maret 2022", "Kasubbag Umum", done=late_done, action="Menyusun SK Tim"),
        _act(3, "April 2022", "Seksi Survei"),
        ["II", "PENATAAN TATALAKSANA"],
        _act(4, "Mei 2022", "Seksi Penataan", action="Menyusun SOP layanan"),
        _act(5, "Desember 2022", "Seksi Pengadaan"),
    ]
    return _plan(folder, SLEMAN, "sleman.xlsx", rows)


def _imigrasi(folder: Path) -> Path:
    rows = [
        ["I", "MANAJEMEN PERUBAHAN"],
        _act(1, "Januari 2022", "Tim ZI", done=True),
        _act(2, "Februari 2022", "Tim ZI", done=True),
        ["III", "PENATAAN SISTEM MANAJEMEN SDM"],
        _act(3, "Maret 2022", "Subbag Kepegawaian", action="Analisis beban kerja"),
    ]
    return _plan(folder, IMIGRASI, "imigrasi.xlsx", rows)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "kiriman"
    _sleman(folder)
    _imigrasi(folder)
    _plan(
        folder, LONG, "sekretariat.xlsx", [["I", "MANAJEMEN PERUBAHAN"], _act(1, "Juni 2022", "")]
    )
    # the same unit, another plan year: another office, the same short form
    _plan(folder, SLEMAN, "sleman_2021.xlsx", [["I", "X"], _act(1, "Mei 2021", "PJ")], 2021)
    _plan(folder, "KPU KOTA CONTOH", "templat_kosong.xlsx", [])  # belum diisi: no page
    return folder


def _workbook(tmp_path: Path, summary: Any, **kw: Any) -> openpyxl.Workbook:
    out = write_summary_workbook(summary, tmp_path / "ringkasan.xlsx", **kw)
    return openpyxl.load_workbook(out)


def _texts(ws: Any) -> list[str]:
    return [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]


def test_one_sheet_per_office_after_berkas_in_ranking_order_with_short_unique_names(
    tmp_path: Path,
) -> None:
    wb = _workbook(tmp_path, summarize([_folder(tmp_path)], as_of=AS_OF))
    assert wb.sheetnames[: len(FIXED)] == FIXED
    pages = wb.sheetnames[len(FIXED) :]
    # Peringkat's order: Imigrasi 2/3 due done, then both Sleman (1/3 and 0/1), then the
    # Sekretariat with nothing due yet; the blank template has no page
    assert pages == [
        "Kanim Kelas I TPI Yogyakarta",
        "Kantah Kab. Sleman",
        "Kantah Kab. Sleman (2)",
        "Sekretariat Direktorat Jenderal",
    ]
    ranking = [r[1] for r in wb["Peringkat"].iter_rows(min_row=5, values_only=True)]
    assert ranking[:4] == [
        "Kantor Imigrasi Kelas I TPI Yogyakarta",
        "Kantor Pertanahan Kabupaten Sleman",
        "Kantor Pertanahan Kabupaten Sleman",
        "Sekretariat Direktorat Jenderal Penyelenggaraan Pelayanan Kesehatan Masyarakat",
    ]
    for name in pages:
        assert len(name) <= MAX_SHEET_NAME and not set(name) & set("[]:*?/\\")
        ws = wb[name]
        setup = ws.page_setup
        assert setup.orientation == "landscape" and int(setup.paperSize) == 9
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        fit = [1 if v is None else int(v) for v in (setup.fitToWidth, setup.fitToHeight)]
        assert fit == [1, 1]  # one A4 page per office
        assert ws.print_area is not None


def test_each_page_holds_its_own_office_counts_rates_and_overdue_actions_with_pic(
    tmp_path: Path,
) -> None:
    wb = _workbook(tmp_path, summarize([_folder(tmp_path)], as_of=AS_OF))
    ws = wb["Kantah Kab. Sleman"]
    texts = _texts(ws)
    assert texts[0] == "LAPORAN MONITORING DAN EVALUASI RENCANA AKSI ZONA INTEGRITAS"
    assert ws["A2"].value == "Kantor Pertanahan Kabupaten Sleman"
    assert ws["A3"].value == "Tahun rencana 2022 · Keadaan per 30 Juni 2022"
    rows = list(ws.iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if r[0] == "Area")
    area = {r[0]: r for r in rows[head + 1 : head + 8]} | {"Jumlah": rows[head + 7]}
    assert area["I"][2:4] == (3, 1) and area["I"][7] == pytest.approx(1 / 3)
    assert area["II"][2] == 2 and area["II"][7] == 0  # one due, not done
    assert area["III"][2] == 0 and area["III"][7] == "-"
    assert area["Jumlah"][2] == 5 and area["Jumlah"][7] == pytest.approx(1 / 4)
    assert area["Jumlah"][8] == pytest.approx(1 / 5)
    late = [(r[1], r[5], r[8]) for r in rows if r[5] in ("Kasubbag Umum", "Seksi Survei")]
    late += [(r[1], r[5], r[8]) for r in rows if r[5] == "Seksi Penataan"]
    assert late == [
        ("Menyusun SK Tim", "Kasubbag Umum", 91),
        ("Aksi nomor 3", "Seksi Survei", 61),
        ("Menyusun SOP layanan", "Seksi Penataan", 30),
    ]
    assert "Langkah aksi terlambat (3)" in texts
    assert "Mengetahui," in texts and "Ketua Tim Zona Integritas" in texts
    # the other office's page holds its own actions, none of Sleman's
    other = _texts(wb["Kanim Kelas I TPI Yogyakarta"])
    assert "Analisis beban kerja" in other and "Subbag Kepegawaian" in other
    assert "Menyusun SK Tim" not in other and "Langkah aksi terlambat (1)" in other
    assert "Tidak ada langkah aksi terlambat." in _texts(wb["Sekretariat Direktorat Jenderal"])


def test_the_summary_lists_carry_each_action_pic(tmp_path: Path) -> None:
    wb = _workbook(tmp_path, summarize([_folder(tmp_path)], as_of=AS_OF))
    for sheet, expected in (
        ("Terlambat", {"Kasubbag Umum", "Seksi Survei", "Seksi Penataan", "Subbag Kepegawaian"}),
        ("Perlu Perbaikan", set()),
    ):
        ws = wb[sheet]
        head = [c.value for c in ws[4]]
        col = head.index("PIC")
        pics = {r[col] for r in ws.iter_rows(min_row=5, values_only=True) if r[0]}
        assert expected <= pics
    overdue = wb["Terlambat"]
    col = [c.value for c in overdue[4]].index("PIC")
    by_action = {r[6]: r[col] for r in overdue.iter_rows(min_row=5, values_only=True)}
    assert by_action["Menyusun SK Tim"] == "Kasubbag Umum"
    assert by_action["Aksi nomor 1"] == "PJ"  # the 2021 plan's overdue action


def test_with_previous_each_page_says_what_changed_for_its_office(tmp_path: Path) -> None:
    now, old = tmp_path / "juni", tmp_path / "mei"
    _sleman(now, late_done=True)
    _imigrasi(now)
    _sleman(old)
    summary = summarize([now], as_of=AS_OF)
    summary = add_previous(summary, [old], old_as_of=date(2022, 5, 31), jobs=1)
    wb = _workbook(tmp_path, summary)
    sleman = _texts(wb["Kantah Kab. Sleman"])
    assert any(t.startswith("Perubahan sejak") and "sleman.xlsx" in t for t in sleman)
    assert any("Menyusun SK Tim" in t for t in sleman if "->" in t)
    assert "Langkah aksi terlambat (2)" in sleman
    imigrasi = _texts(wb["Kanim Kelas I TPI Yogyakarta"])
    assert "Kantor ini tidak ditemukan di berkas --previous (bulan lalu)." in imigrasi


def test_many_overdue_actions_are_cut_and_point_to_the_terlambat_sheet(tmp_path: Path) -> None:
    rows = [["I", "MANAJEMEN PERUBAHAN"], *(_act(n, "Januari 2022", f"P{n}") for n in range(20))]
    folder = tmp_path / "k"
    _plan(folder, SLEMAN, "sleman.xlsx", rows)
    wb = _workbook(tmp_path, summarize([folder], as_of=AS_OF), per_office=True)
    texts = _texts(wb["Kantah Kab. Sleman"])
    assert "... dan 8 langkah aksi terlambat lainnya (lihat lembar Terlambat)." in texts


def test_the_default_is_a_page_per_office_below_60_offices(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = summarize([_folder(tmp_path)], as_of=AS_OF)
    assert len(summary.read) == 4 < PAGES_BELOW
    assert len(_workbook(tmp_path, summary).sheetnames) == len(FIXED) + 4
    assert _workbook(tmp_path, summary, per_office=False).sheetnames == FIXED
    monkeypatch.setattr("zi_workbook.writers._summary_offices.PAGES_BELOW", 4)
    assert _workbook(tmp_path, summary).sheetnames == FIXED
    assert len(_workbook(tmp_path, summary, per_office=True).sheetnames) == len(FIXED) + 4


def test_pages_are_built_only_for_a_workbook_that_shows_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path)  # 5 files, 4 offices read
    assert all(o.page is not None for o in summarize([folder], as_of=AS_OF, pages=None).read)
    assert all(o.page is None for o in summarize([folder], as_of=AS_OF, pages=False).offices)
    monkeypatch.setattr("zi_workbook.summary.run.PAGES_BELOW", 4)
    # as many files as the threshold or more: no pages in the workers...
    assert all(o.page is None for o in summarize([folder], as_of=AS_OF, pages=None).offices)
    # ...but when fewer offices than that are read after all, their plans again for pages
    monkeypatch.setattr("zi_workbook.summary.run.PAGES_BELOW", 5)
    late = summarize([folder], as_of=AS_OF, pages=None)
    assert [o.page is not None for o in late.offices] == [bool(o.total) for o in late.offices]
    assert late.to_dict() == summarize([folder], as_of=AS_OF, pages=False).to_dict()


def test_cli_per_office_options(run_cli: RunCli, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    out = tmp_path / "r.xlsx"
    base = ["summary", folder, "--as-of", "2022-06-30", "--out", out]
    assert run_cli(*base, "--no-per-office").exit_code == 0
    assert openpyxl.load_workbook(out).sheetnames == FIXED
    assert run_cli(*base, "--per-office").exit_code == 0
    assert "Kantah Kab. Sleman (2)" in openpyxl.load_workbook(out).sheetnames


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("Kantor Pertanahan Kabupaten Sleman", "Kantah Kab. Sleman"),
        ("Komisi Pemilihan Umum Kabupaten Batang", "KPU Kab. Batang"),
        ("Lembaga Pemasyarakatan Kelas IIA Yogyakarta", "Lapas Kelas IIA Yogyakarta"),
        ("Rumah Tahanan Negara Kelas IIB Wates", "Rutan Kelas IIB Wates"),
        ("'Kantor [Pusat]: A/B*C?D\\E'", "Kantor Pusat A B C D E"),
        ("Unit\x07 dengan\tkarakter kendali", "Unit dengan karakter kendali"),
        ("''", "Kantor"),
        ("x" * 40, "x" * 31),
    ],
)
def test_short_unit_names_are_excel_valid(unit: str, expected: str) -> None:
    assert SheetNames().add(unit) == expected


def test_names_are_unique_in_any_case_and_never_history_or_a_fixed_sheet() -> None:
    names = SheetNames(FIXED)
    got = [names.add(u) for u in ("Berkas", "BERKAS", "History", "a" * 40, "A" * 35)]
    assert got == ["Berkas (2)", "BERKAS (3)", "History (2)", "a" * 31, "A" * 27 + " (2)"]
    assert short_unit("Kantor Imigrasi Kelas I TPI Yogyakarta") == "Kanim Kelas I TPI Yogyakarta"
