"""Issue 14 item 6: the unit and the plan year from the title rows, and --unit."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from builders import make_plan

from zi_workbook import read_plan

URL = "https://kab-batang.kpu.go.id/sk"
ROWS = [
    ["I", "Manajemen Perubahan"],
    ["1", "Tim Kerja", "Tim dibentuk", "Menyusun SK", "SK Tim", URL, "Juni"],
]


@pytest.mark.parametrize(
    ("titles", "unit", "year"),
    [
        (
            (
                "RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS",
                "MENUJU WILAYAH BEBAS DARI KORUPSI (WBK)",
                "KANTOR IMIGRASI KELAS I TPI YOGYAKARTA",
                "TAHUN 2023",
            ),
            "Kantor Imigrasi Kelas I TPI Yogyakarta",
            2023,
        ),
        (
            ("RENCANA AKSI ZONA INTEGRITAS KANTOR PERTANAHAN KABUPATEN SLEMAN TAHUN 2024",),
            "Kantor Pertanahan Kabupaten Sleman",
            2024,
        ),
        (
            (
                "RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS MENUJU WBK",
                "LEMBAGA PEMASYARAKATAN KELAS IIB BANYUWANGI",
                "TAHUN 2022",
            ),
            "Lembaga Pemasyarakatan Kelas IIB Banyuwangi",
            2022,
        ),
        (
            (
                "KEPUTUSAN KETUA KPU KABUPATEN BATANG",
                "NOMOR 45/HK.03.1-Kpt/3325/KPU-Kab/XII/2021",
                "TENTANG",
                "RENCANA AKSI ZONA INTEGRITAS",
                "TAHUN 2022",
            ),
            "KPU Kabupaten Batang",
            2022,
        ),
        (  # the seed's Lampiran II title, line by line as the PDF has it
            (
                "LAMPIRAN II",
                "KEPUTUSAN KOMISI PEMILIHAN UMUM",
                "KABUPATEN BATANG",
                "NOMOR 6 TAHUN 2022",
                "TENTANG",
                "DOKUMEN RENCANA AKSI PEMBANGUNAN",
                "ZONA INTEGRITAS DI LINGKUNGAN KOMISI",
                "PEMILIHAN UMUM KABUPATEN BATANG",
                "TAHUN 2022",
                "RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS KPU KABUPATEN BATANG",
            ),
            "KPU Kabupaten Batang",
            2022,
        ),
        (
            (
                "MONITORING DAN EVALUASI RENCANA AKSI ZONA INTEGRITAS",
                "BADAN PUSAT STATISTIK KOTA SURAKARTA",
                "TAHUN ANGGARAN 2025",
            ),
            "Badan Pusat Statistik Kota Surakarta",
            2025,
        ),
        (
            ("RENCANA AKSI WBBM", "RUMAH SAKIT UMUM DAERAH DR. SOETOMO", "TA 2023"),
            "Rumah Sakit Umum Daerah Dr. Soetomo",
            2023,
        ),
    ],
)
def test_unit_and_year_from_the_title(
    tmp_path: Path, titles: tuple[str, ...], unit: str, year: int
) -> None:
    plan = read_plan(make_plan(tmp_path, ROWS, title_rows=titles))
    assert (plan.unit, plan.plan_year) == (unit, year)
    assert plan.rows[0].target.periods[0].start.year == year


def test_year_from_the_sheet_name_then_the_targets(tmp_path: Path) -> None:
    titles = ("RENCANA AKSI ZONA INTEGRITAS", "KPU KABUPATEN BATANG")
    plan = read_plan(make_plan(tmp_path, ROWS, title_rows=titles, sheet="Renaksi 2021"))
    assert plan.plan_year == 2021
    rows = [*ROWS[:1], [*ROWS[1][:6], "Juni 2026"]]
    assert read_plan(make_plan(tmp_path, rows, title_rows=titles, name="b.xlsx")).plan_year == 2026


def test_a_slogan_alone_names_no_unit(tmp_path: Path) -> None:
    titles = ("RENCANA AKSI ZONA INTEGRITAS", "MENUJU WILAYAH BEBAS DARI KORUPSI (WBK)")
    assert read_plan(make_plan(tmp_path, ROWS, title_rows=titles)).unit is None


def test_unit_option_overrides_the_title(tmp_path: Path, run_cli: Any) -> None:
    path = make_plan(tmp_path, ROWS)
    assert read_plan(path, unit="KPU Kota Pekalongan").unit == "KPU Kota Pekalongan"
    result = run_cli(
        "validate",
        path,
        "--format",
        "json",
        "--unit",
        "KPU Kota Pekalongan",
        "--as-of",
        "2022-01-01",
        "--year",
        "2022",
    )
    assert json.loads(result.stdout)["unit"] == "KPU Kota Pekalongan"
