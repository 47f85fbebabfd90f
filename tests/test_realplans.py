"""Issue 12 'done means': real layouts read without --column, fields measured."""

from __future__ import annotations

from pathlib import Path

from builders import make_plan
from realplans import DB_HEADER, PDF_HEADER, database, field_accuracy, pdf_copy

from zi_workbook import read_plan

TITLES = ("RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS", "KPU KABUPATEN BATANG", "TAHUN 2022")


def test_pdf_copy_with_page_breaks_and_target_dan_waktu(tmp_path: Path) -> None:
    plan = read_plan(make_plan(tmp_path, pdf_copy(), header=PDF_HEADER, title_rows=TITLES))
    assert len(plan.rows) == 70
    accuracy, wrong = field_accuracy(plan)
    assert accuracy >= 0.98, wrong
    assert {r.pic for r in plan.rows} == {"Subbag Umum", "Subbag Teknis"}
    assert sum(1 for r in plan.rows if r.target.notes) >= 10


def test_database_layout_with_area_codes(tmp_path: Path) -> None:
    plan = read_plan(make_plan(tmp_path, database(), header=DB_HEADER, title_rows=TITLES))
    assert len(plan.rows) == 70
    accuracy, wrong = field_accuracy(plan, with_no=False)
    assert accuracy >= 0.98, wrong
    assert {r.pic for r in plan.rows} == {"Tim ZI"}
