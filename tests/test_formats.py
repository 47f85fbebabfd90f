"""The formats offices save (issue 12 point 8): .xls, .ods and .csv read like .xlsx."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from builders import make_plan
from formats_builders import grid_of, write_csv, write_ods, write_xls

from zi_workbook import read_plan
from zi_workbook.checks import CheckOptions, run_checks

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "01_kpu_kab_batang_2022.xlsx"


def _fields(plan: Any) -> list[tuple[Any, ...]]:
    return [
        (
            r.area,
            r.no,
            r.component,
            r.indicator,
            r.action,
            r.evidence,
            [(p.start, p.end) for p in r.target.periods],
        )
        for r in plan.rows
    ]


@pytest.fixture(scope="module")
def original() -> Any:
    return read_plan(SAMPLE)


@pytest.fixture(scope="module")
def grid() -> Any:
    return grid_of(SAMPLE)


def test_ods_reads_the_same_70_actions_with_links(tmp_path: Path, original: Any, grid: Any) -> None:
    plan = read_plan(write_ods(grid, tmp_path / "plan.ods"))
    assert len(plan.rows) == 70
    assert _fields(plan) == _fields(original)
    assert [r.links for r in plan.rows] == [r.links for r in original.rows]
    assert plan.unit == original.unit and plan.plan_year == original.plan_year


def test_xls_reads_the_same_70_actions_and_says_links_are_lost(
    tmp_path: Path, original: Any, grid: Any
) -> None:
    plan = read_plan(write_xls(grid, tmp_path / "plan.xls"))
    assert len(plan.rows) == 70
    assert _fields(plan) == _fields(original)
    found = [f.code for f in run_checks(plan, CheckOptions(as_of=datetime(2022, 1, 1).date()))]
    assert found.count("links-not-readable") == 1


@pytest.mark.parametrize(
    ("delimiter", "encoding"), [(";", "utf-8-sig"), (",", "utf-8"), ("\t", "cp1252")]
)
def test_csv_reads_the_same_70_actions(
    tmp_path: Path, original: Any, grid: Any, delimiter: str, encoding: str
) -> None:
    plan = read_plan(write_csv(grid, tmp_path / "plan.csv", delimiter=delimiter, encoding=encoding))
    assert len(plan.rows) == 70
    assert _fields(plan) == _fields(original)


def test_csv_in_cp1252_keeps_its_accents(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_bytes(
        "NO;INDIKATOR;LANGKAH AKSI;BUKTI FISIK;LINK BUKTI FISIK;TARGET WAKTU\n"
        "1;Café;Rapat évaluasi;Notulen;https://a.go.id/x;Juni 2022\n".encode("cp1252")
    )
    (row,) = read_plan(path).rows
    assert (row.indicator, row.action) == ("Café", "Rapat évaluasi")


def test_ods_month_date_cell_is_the_whole_month(tmp_path: Path) -> None:
    from hostile_formats import small_grid

    grid = small_grid()
    grid.links[(3, 5)] = "https://a.go.id/sk"
    (row,) = read_plan(write_ods(grid, tmp_path / "p.ods", month_dates=True)).rows
    assert row.links == ("https://a.go.id/sk",)
    period = row.target.periods[0]
    assert (period.start.day, period.end.day) == (1, 30)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("rencana.pdf", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n"),
        ("rencana.xlsx", b"%PDF-1.4\n"),
    ],
)
def test_pdf_asks_for_the_excel_version(
    tmp_path: Path, name: str, data: bytes, run_cli: Any
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = run_cli("validate", path)
    assert result.exit_code == 2
    assert "minta versi Excel" in result.stderr and "sandi" not in result.stderr


def test_word_document_asks_for_the_excel_version(tmp_path: Path, run_cli: Any) -> None:
    from builders import write_docx

    result = run_cli("validate", write_docx(tmp_path))
    assert result.exit_code == 2 and "minta versi Excel" in result.stderr


def test_csv_text_named_xlsx_is_still_refused(tmp_path: Path, run_cli: Any) -> None:
    from builders import write_csv_as_xlsx

    result = run_cli("validate", write_csv_as_xlsx(tmp_path))
    assert result.exit_code == 2 and "CSV" in result.stderr


def test_xlsx_still_reads(tmp_path: Path) -> None:
    rows = [["I", "Manajemen Perubahan"], ["1", "K", "I", "A", "B", "https://a.go.id", "Juni 2022"]]
    assert len(read_plan(make_plan(tmp_path, rows)).rows) == 1


def test_word_97_document_asks_for_the_excel_version(tmp_path: Path, run_cli: Any) -> None:
    from builders import OLE_MAGIC

    path = tmp_path / "rencana.doc"
    path.write_bytes(OLE_MAGIC + bytes(504) + "WordDocument".encode("utf-16-le") + bytes(4096))
    result = run_cli("validate", path)
    assert result.exit_code == 2 and "minta versi Excel" in result.stderr


def test_ods_with_a_dtd_is_refused_unexpanded(tmp_path: Path) -> None:
    import zipfile

    from zi_workbook.errors import UnsafeWorkbookError

    path = tmp_path / "bom.ods"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr(
            "content.xml",
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>',
        )
    with pytest.raises(UnsafeWorkbookError):
        read_plan(path)


def test_xls_text_report_says_links_are_not_readable(
    tmp_path: Path, grid: Any, run_cli: Any
) -> None:
    path = write_xls(grid, tmp_path / "plan.xls")
    result = run_cli("validate", path, "--as-of", "2022-05-01")
    assert "tidak menyimpan tautan" in result.stdout
