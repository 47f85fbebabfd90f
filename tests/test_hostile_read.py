"""Issue 13, points 1-4 and 7: hostile workbooks read in bounded work, or refused with
one line. Each fixture is a few KB built by ``hostile_files`` from a small real plan."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import hostile_files as hf
import pytest
from builders import digest
from test_hostile import cli_refuses, refused

from zi_workbook import read_plan
from zi_workbook.checks import CheckOptions, run_checks
from zi_workbook.errors import (
    CorruptWorkbookError,
    EncryptedWorkbookError,
    UnsafeWorkbookError,
)
from zi_workbook.model import Plan
from zi_workbook.xlsx.extent import sheet_extent
from zi_workbook.xlsx.workbook import load_book

AS_OF = "2022-06-30"


def reads(run_cli: Any, path: Path) -> dict[str, Any]:
    """``validate --format json`` reads the file (exit 0 or 1), stdout is whole JSON."""
    before = digest(path)
    result = run_cli("validate", path, "--format", "json", "--as-of", AS_OF)
    assert result.exit_code in (0, 1), (result.exit_code, result.stderr)
    assert result.stderr == ""
    assert digest(path) == before
    out: dict[str, Any] = json.loads(result.stdout)
    return out


# ------------------------------------------------------------- 1. real extent


@pytest.mark.parametrize(
    "build",
    [
        pytest.param(hf.rows_without_r, id="rows-without-r"),
        pytest.param(hf.far_cell_in_row_one, id="XFD1048576-in-row-1"),
        pytest.param(hf.unique_count, id="uniqueCount-4e9"),
    ],
)
def test_declared_sizes_cannot_bypass_the_budget(
    tmp_path: Path, run_cli: Any, build: Callable[[Path], Path]
) -> None:
    path = build(tmp_path)
    assert path.stat().st_size < 10_000
    refused(path, UnsafeWorkbookError)
    cli_refuses(run_cli, path)


def test_a_reference_that_is_no_reference_is_refused(tmp_path: Path, run_cli: Any) -> None:
    path = hf.not_a_reference(tmp_path)
    err = refused(path, CorruptWorkbookError)
    assert "rId999" in err.message("en")
    cli_refuses(run_cli, path)


def test_a_sheet_listed_many_times_is_read_once(tmp_path: Path, run_cli: Any) -> None:
    path = hf.sheet_listed_many_times(tmp_path)
    assert len(load_book(path).sheets) == 1
    assert len(reads(run_cli, path)["rows"]) == 2


def test_a_declared_dimension_is_not_the_extent(tmp_path: Path, run_cli: Any) -> None:
    out = reads(run_cli, hf.huge_dimension(tmp_path))
    assert [r["row"] for r in out["rows"]] == [5, 6]


@pytest.mark.parametrize(
    ("xml", "extent", "most"),
    [
        pytest.param(b'<row r="3"><c r="B3"><v>1</v></c></row>', (3, 2), 3 * 26, id="placed"),
        pytest.param(
            b"<row><c><v>1</v></c><c><v>2</v></c></row><row><c/></row>", (1, 2), 2, id="unplaced"
        ),
        pytest.param(b'<row/><row/><row><c r="C9"><v>1</v></c></row>', (9, 3), 27, id="ref-wins"),
        pytest.param(b'<row r="2"><c r="XFD2" s="1"/></row>', (0, 0), 2 * 26, id="empty-cell"),
        pytest.param(
            b'<x:row r="2"><x:c r="AB7"><x:v>1</x:v></x:c></x:row>', (7, 28), 7 * 28, id="ns"
        ),
        pytest.param(b'<row r="2"><c r="A99"><v>1</v></c></row>', (99, 1), 99, id="below-its-row"),
    ],
)
def test_sheet_extent_places_cells_as_calamine_does(
    xml: bytes, extent: tuple[int, int], most: int
) -> None:
    """At least the cells calamine would place; at most a little more (empty rows)."""
    got = sheet_extent(b"<worksheet><sheetData>" + xml + b"</sheetData></worksheet>")
    assert got[0] >= extent[0] and got[1] >= extent[1]
    assert got[0] * got[1] <= most


# ----------------------------------------------------------- 2. ranges clipped


def test_a_whole_sheet_hyperlink_is_clipped_to_the_cells(tmp_path: Path, run_cli: Any) -> None:
    path = hf.whole_sheet_hyperlink(tmp_path)
    sheet = load_book(path).sheets[0]
    assert len(sheet.links) <= 6 * 26
    assert all(r <= 6 for r, _ in sheet.links)
    reads(run_cli, path)


def test_huge_merges_are_clipped_to_the_cells(tmp_path: Path, run_cli: Any) -> None:
    path = hf.huge_merges(tmp_path)
    sheet = load_book(path).sheets[0]
    assert sheet.merges and all(r2 <= 6 and c2 <= 26 for _, _, r2, c2 in sheet.merges)
    out = reads(run_cli, path)
    assert len(out["rows"]) == 2


# ---------------------------------------------------------- 3. linear paths


def test_self_closing_error_cells_hold_no_error(tmp_path: Path, run_cli: Any) -> None:
    path = hf.error_cells(tmp_path)
    assert load_book(path).sheets[0].errors == {(6, 5): "#REF!"}
    out = reads(run_cli, path)
    errors = [f for f in out["findings"] if f["code"] == "formula-error"]
    assert [(f["row"], f["column"]) for f in errors] == [(6, "E")]


def test_a_link_reused_by_many_rows_names_a_few(tmp_path: Path) -> None:
    from planrows import plan, row

    shared = ("https://drive.google.com/drive/folders/satu",)
    rows = [row(r, indicator=f"I{r % 7}", links=shared) for r in range(2, 2002)]
    found = [
        f
        for f in run_checks(plan(*rows), CheckOptions(date(2022, 6, 30)))
        if f.code == "reused-link"
    ]
    assert len(found) == 2000
    message = found[0].message("en")
    assert "1999 other" in message and "RA!3, RA!4, RA!5" in message and "(+1996)" in message
    assert max(len(f.message("id")) for f in found) < 300
    assert isinstance(plan(), Plan)


# --------------------------------------------------- 4. errors while reading


def test_general_as_a_number_format_id_reads(tmp_path: Path, run_cli: Any) -> None:
    out = reads(run_cli, hf.general_number_format(tmp_path))
    assert len(out["rows"]) == 2


def test_a_lone_surrogate_in_a_link_keeps_json_valid(tmp_path: Path, run_cli: Any) -> None:
    path = hf.lone_surrogate_link(tmp_path)
    plan_rows = read_plan(path).rows
    assert plan_rows[1].links == ("https://kab-batang.kpu.go.id/\ufffdx",)
    out = reads(run_cli, path)
    assert out["rows"][1]["links"] == ["https://kab-batang.kpu.go.id/\ufffdx"]


@pytest.mark.parametrize(
    ("build", "error"),
    [
        pytest.param(hf.minus_inf_date, CorruptWorkbookError, id="minus-inf-date-panics"),
        pytest.param(hf.encrypted_member, EncryptedWorkbookError, id="encrypted-flag"),
        pytest.param(hf.deflate64_member, CorruptWorkbookError, id="deflate64"),
        pytest.param(hf.strongly_encrypted_member, EncryptedWorkbookError, id="strong-encryption"),
        pytest.param(hf.future_zip_version, CorruptWorkbookError, id="zip-version-8.4"),
        pytest.param(hf.unknown_encoding, CorruptWorkbookError, id="unknown-xml-encoding"),
        pytest.param(hf.directory_past_the_end, CorruptWorkbookError, id="directory-past-end"),
    ],
)
def test_reading_errors_are_one_line(
    tmp_path: Path, run_cli: Any, build: Callable[[Path], Path], error: type[Exception]
) -> None:
    path = build(tmp_path)
    refused(path, error)
    line = cli_refuses(run_cli, path)
    assert "panicked" not in line


def test_the_encrypted_fixture_really_is_flagged(tmp_path: Path) -> None:
    with zipfile.ZipFile(hf.encrypted_member(tmp_path)) as zf:
        assert zf.getinfo(hf.SHEET).flag_bits & 1
    with zipfile.ZipFile(hf.deflate64_member(tmp_path)) as zf:
        assert zf.getinfo(hf.SHEET).compress_type == 9


# ------------------------------------------------------------ 7. DTD anywhere


@pytest.mark.parametrize(
    "build",
    [
        pytest.param(hf.dtd_in_utf16_sheet, id="utf-16-sheet"),
        pytest.param(hf.dtd_inside_root, id="inside-root-element"),
        pytest.param(hf.dtd_in_upper_case_part, id="part-named-.XML"),
    ],
)
def test_a_dtd_is_refused_wherever_it_hides(
    tmp_path: Path, run_cli: Any, build: Callable[[Path], Path]
) -> None:
    path = build(tmp_path)
    refused(path, UnsafeWorkbookError)
    cli_refuses(run_cli, path)
