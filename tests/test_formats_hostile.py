""".xls and .ods measured from their own bytes before calamine opens them (the budgets
of issue 13 for the formats of issue 12), and .xls date formats read from BIFF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import hostile_formats as hx
import pytest
from test_hostile import cli_refuses, refused

from zi_workbook import read_plan
from zi_workbook.errors import CorruptWorkbookError, UnsafeWorkbookError


@pytest.mark.parametrize(
    ("build", "cls", "words"),
    [
        pytest.param(hx.xls_huge_dimensions, UnsafeWorkbookError, "Renaksi", id="xls-dimensions"),
        pytest.param(hx.xls_far_cell, UnsafeWorkbookError, "IV65536", id="xls-cell-at-IV65536"),
        pytest.param(hx.xls_sst_count, UnsafeWorkbookError, "4,000,000,000", id="xls-sst-4e9"),
        pytest.param(
            hx.xls_bad_sector_size, CorruptWorkbookError, "sector size", id="ole-sector-size"
        ),
        pytest.param(hx.xls_fat_loop, CorruptWorkbookError, "loops", id="ole-fat-loop"),
        pytest.param(hx.xls_directory_outside, CorruptWorkbookError, "chain", id="ole-dir-outside"),
        pytest.param(hx.xls_truncated, CorruptWorkbookError, "past the end", id="ole-truncated"),
        pytest.param(hx.ods_repeated_value_rows, UnsafeWorkbookError, "10,000,", id="ods-rows"),
        pytest.param(
            hx.ods_repeated_value_columns, UnsafeWorkbookError, "1,000,000,000", id="ods-columns"
        ),
    ],
)
def test_hostile_xls_and_ods_are_refused_in_one_line(
    tmp_path: Path, run_cli: Any, build: Callable[[Path], Path], cls: type, words: str
) -> None:
    path = build(tmp_path)
    assert path.stat().st_size < 20_000
    err = refused(path, cls)
    assert words in str(err)
    line = cli_refuses(run_cli, path)
    assert "Traceback" not in line


def test_ods_merge_over_a_billion_cells_is_clipped(tmp_path: Path) -> None:
    plan = read_plan(hx.ods_huge_merge(tmp_path))
    assert [r.action for r in plan.rows][:1] == ["Aksi"]


def test_ods_and_xls_of_the_small_plan_still_read(tmp_path: Path) -> None:
    from formats_builders import write_ods

    for path in (hx.small_xls(tmp_path), write_ods(hx.small_grid(), tmp_path / "p.ods")):
        (row,) = read_plan(path).rows
        assert row.action == "Aksi"


@pytest.mark.parametrize(
    ("fmt", "last_day"),
    [("mmm-yy", 30), ("mmmm yyyy", 30), ("dd/mm/yyyy", 15)],
)
def test_xls_date_format_decides_day_or_month(tmp_path: Path, fmt: str, last_day: int) -> None:
    (row,) = read_plan(hx.small_xls(tmp_path, date_format=fmt)).rows
    period = row.target.periods[0]
    assert (period.start.month, period.end.month) == (6, 6)
    assert period.end.day == last_day
    assert period.start.day == (1 if last_day == 30 else 15)


def test_xls_whose_workbook_stream_is_in_the_mini_stream_reads(tmp_path: Path) -> None:
    (row,) = read_plan(hx.xls_in_mini_stream(tmp_path)).rows
    assert row.action == "Aksi"
