"""Temuan lists what no other sheet states; Kode Temuan explains each code once;
``--all-findings`` lists every finding; the JSON keeps every finding either way."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from builders import STD_HEADER, Link, make_plan

from zi_workbook.report import validate
from zi_workbook.writers.status import write_status_workbook

AS_OF = date(2022, 6, 15)
HEAD = 3  # Temuan: title, note, then the header on row 3


def _plan(tmp_path: Path) -> Path:
    good = Link("https://kab-batang.kpu.go.id/bukti/1", "Lihat")
    body: list[list[Any]] = [
        ["I", "MANAJEMEN PERUBAHAN"],
        # overdue, no evidence nor link: said on Tindak Lanjut
        ["1", "Komponen", "Indikator 1", "Aksi 1", "", "", "Maret 2022"],
        # complete, behind a shortened link: an info note only Temuan lists
        ["2", "Komponen", "Indikator 2", "Aksi 2", "Bukti 2", "https://bit.ly/bukti2", "Mei 2022"],
        # not yet due: the Status sheet says so
        ["3", "Komponen", "Indikator 3", "Aksi 3", "", "", "Desember 2022"],
        ["4", "Komponen", "Indikator 4", "Aksi 4", "Bukti 4", good, "April 2022"],
    ]
    return make_plan(tmp_path, body, header=STD_HEADER)


def _rows(ws: Any, first: int) -> list[tuple[Any, ...]]:
    return [r for r in ws.iter_rows(min_row=first, values_only=True) if any(r)]


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    return _plan(tmp_path)


def test_temuan_leaves_out_what_other_sheets_state(plan: Path, tmp_path: Path) -> None:
    report = validate(plan, as_of=AS_OF)
    codes = Counter(f.code for f in report.findings)
    assert {"overdue", "missing-evidence", "missing-link", "not-yet-due", "shortened-link"} <= set(
        codes
    )
    out = write_status_workbook(report, tmp_path / "status.xlsx")
    wb = openpyxl.load_workbook(out)
    ws = wb["Temuan"]
    assert [c.value for c in ws[HEAD]] == ["Sel", "Area", "Tingkat", "Kode", "Pesan"]
    rows = _rows(ws, HEAD + 1)
    assert [r[3] for r in rows] == ["shortened-link"]
    cell, area, severity, _code, message = rows[0]
    row = next(r.row.row for r in report.results if r.row.action == "Aksi 2")
    assert (cell, area, severity) == (f"Lampiran II!F{row}", "I", "info")
    assert "https://bit.ly/bukti2" in message
    assert ws.freeze_panes == f"A{HEAD + 1}" and ws.auto_filter.ref.startswith(f"A{HEAD}:")
    # what was left out is on Tindak Lanjut, in the row's problems
    todo = " ".join(str(v) for r in wb["Tindak Lanjut"].iter_rows(values_only=True) for v in r)
    assert "Terlambat" in todo and "Aksi 1" in todo and "Aksi 3" not in todo


def test_codes_sheet_one_row_per_code_with_count_and_place(plan: Path, tmp_path: Path) -> None:
    report = validate(plan, as_of=AS_OF)
    out = write_status_workbook(report, tmp_path / "status.xlsx")
    ws = openpyxl.load_workbook(out)["Kode Temuan"]
    head = [c.value for c in ws[2]]
    assert head == ["Kode", "Tingkat", "Judul", "Arti", "Jumlah", "Tercantum di"]
    rows = {r[0]: r for r in _rows(ws, 3)}
    assert set(rows) == {f.code for f in report.findings}
    for code, n in Counter(f.code for f in report.findings).items():
        assert rows[code][4] == n
    assert rows["overdue"][1:3] == ("wajib diperbaiki", "Terlambat")
    assert rows["overdue"][5] == "Tindak Lanjut"
    assert rows["not-yet-due"][5] == "Status (Belum jatuh tempo)"
    assert rows["shortened-link"][5] == "Temuan"
    assert rows["shortened-link"][3].startswith("Tautan pemendek")  # the meaning, once
    order = [r[1] for r in _rows(ws, 3)]
    assert order == sorted(order, key=["wajib diperbaiki", "perlu diperhatikan", "info"].index)


def test_all_findings_lists_every_finding(plan: Path, tmp_path: Path, run_cli: Any) -> None:
    out = tmp_path / "all.xlsx"
    result = run_cli("validate", plan, "--as-of", AS_OF, "--out", out, "--all-findings")
    assert result.exit_code == 1, result.output
    report = validate(plan, as_of=AS_OF)
    wb = openpyxl.load_workbook(out)
    rows = _rows(wb["Temuan"], HEAD + 1)
    assert [r[3] for r in rows] == [f.code for f in report.findings]
    assert [r[4] for r in rows] == [f.message() for f in report.findings]
    codes = {r[0]: r[5] for r in _rows(wb["Kode Temuan"], 3)}
    assert codes["overdue"] == "Tindak Lanjut, Temuan"


def test_json_keeps_every_finding(plan: Path, run_cli: Any) -> None:
    result = run_cli("validate", plan, "--as-of", AS_OF, "--format", "json")
    found = [f["code"] for f in json.loads(result.stdout)["findings"]]
    assert found == [f.code for f in validate(plan, as_of=AS_OF).findings]
    assert "overdue" in found and "not-yet-due" in found


def test_no_finding_left_for_temuan_says_so(tmp_path: Path) -> None:
    good = Link("https://kab-batang.kpu.go.id/bukti/1", "Lihat")
    body: list[list[Any]] = [
        ["I", "MANAJEMEN PERUBAHAN"],
        ["1", "Komponen", "Indikator 1", "Aksi 1", "", "", "Maret 2022"],
        ["2", "Komponen", "Indikator 2", "Aksi 2", "Bukti 2", good, "April 2022"],
    ]
    report = validate(make_plan(tmp_path, body, header=STD_HEADER), as_of=AS_OF, lang="en")
    out = write_status_workbook(report, tmp_path / "status.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[-3:] == ["Findings", "Finding Codes", "Summary"]
    assert _rows(wb["Findings"], HEAD + 1) == [("No findings.", None, None, None, None)]
    assert "overdue" in {r[0] for r in _rows(wb["Finding Codes"], 3)}
