"""The LKE in the report: plans built by code, read, mapped, covered, in the JSON."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from builders import STD_HEADER

from zi_workbook import validate
from zi_workbook.lke.data import load
from zi_workbook.model import AREAS

HEADER = (*STD_HEADER, "KODE LKE")
AS_OF = date(2026, 6, 30)


def _action(code: str, n: int, *, complete: bool = True) -> list[Any]:
    q = load().questions[code]
    link = f"https://drive.google.com/file/d/{n}/view" if complete else ""
    return [n, "", q.text, f"Langkah aksi {n}", f"Bukti {n}", link, "Desember 2026", code]


def _rows(skip_area: str = "", complete: bool = True) -> list[list[Any]]:
    rows: list[list[Any]] = []
    n = 0
    for numeral in AREAS:
        rows.append([numeral, AREAS[numeral]["id"].upper()])
        if numeral == skip_area:
            rows.append([1, "", "Rapat koordinasi", "Rapat", "Notulen", "", "Juni 2026", ""])
            continue
        for q in load().area_questions(numeral):
            n += 1
            rows.append(_action(q.code, n, complete=complete))
    return rows


def test_every_question_complete_gives_60_and_every_area_its_weight(
    plan_file: Callable[..., Path],
) -> None:
    report = validate(plan_file(_rows(), header=HEADER), as_of=AS_OF)
    data = report.to_dict()
    assert len(data["rows"]) == 110
    assert all(r["lke"]["source"] == "column" for r in data["rows"])
    assert [r["lke"]["code"] for r in data["rows"]] == [
        q.code for n in AREAS for q in load().area_questions(n)
    ]
    lke = data["lke"]
    assert lke["ceiling"]["pengungkit"] == 60
    assert lke["ceiling"]["areas"] == {n: a.weight for n, a in load().areas.items()}
    assert lke["coverage"]["complete"] == 110
    assert not [f for f in report.findings if f.code.startswith("lke-")]


def test_an_empty_area_scores_zero_and_is_below_the_minimum(
    plan_file: Callable[..., Path],
) -> None:
    report = validate(plan_file(_rows(skip_area="III"), header=HEADER), as_of=AS_OF)
    lke = report.to_dict()["lke"]
    assert lke["ceiling"]["areas"]["III"] == 0
    assert lke["ceiling"]["pengungkit"] == 50
    assert lke["below_minimum"]["WBK"] == ["III"]
    below = [f for f in report.findings if f.code == "lke-area-below-minimum"]
    assert [(f.severity, f.sheet, f.row) for f in below] == [("warning", "", 0)]
    assert below[0].message("id").startswith("Area III: batas atas 0,00 dari bobot 10")
    unplanned = [f for f in report.findings if f.code == "lke-question-unplanned"]
    assert len(unplanned) == len(load().area_questions("III"))


def test_planned_but_incomplete_actions_leave_the_ceiling_at_zero(
    plan_file: Callable[..., Path],
) -> None:
    report = validate(plan_file(_rows(complete=False), header=HEADER), as_of=AS_OF)
    lke = report.to_dict()["lke"]
    assert lke["ceiling"]["pengungkit"] == 0
    assert lke["ceiling"]["plan_pengungkit"] == 60
    assert lke["coverage"]["planned"] == 110


def test_a_wrong_code_is_an_error_at_its_cell(plan_file: Callable[..., Path]) -> None:
    rows = [
        ["I", "MANAJEMEN PERUBAHAN"],
        [*_action("A.1.I.iv.b", 1)[:7], "A.1.I.v.b"],
        [*_action("A.1.I.i.a", 2)[:7], "I.i.a."],
    ]
    path = plan_file(rows, header=HEADER)
    report = validate(path, as_of=AS_OF)
    bad = [f for f in report.findings if f.code == "unknown-lke-code"]
    assert [(f.severity, f.cell) for f in bad] == [("error", "Lampiran II!H6")]
    assert bad[0].message("en") == (
        "LKE code 'A.1.I.v.b' is not in the LKE; perhaps A.1.I.iv.b was meant."
    )
    assert report.has_errors
    first, second = (r.lke for r in report.results)
    assert (first.code, first.source) == ("A.1.I.iv.b", "suggested")
    assert (second.code, second.source) == ("A.1.I.i.a", "column")


def test_a_sub_area_code_and_a_letter_in_the_next_column(plan_file: Callable[..., Path]) -> None:
    header = (*STD_HEADER, "KODE LKE", "")
    rows = [
        ["V", "PENGUATAN PENGAWASAN"],
        [1, "WBS", "Sosialisasi", "Sosialisasi", "Notulen", "", "Juni 2026", "A.1.V.iv.", "c"],
    ]
    report = validate(plan_file(rows, header=header), as_of=AS_OF)
    assert report.results[0].lke.code == "A.1.V.iv.c"
    assert report.results[0].lke.source == "column"


def test_a_sub_area_code_on_the_component_row_holds_for_its_actions(
    plan_file: Callable[..., Path],
) -> None:
    rows = [
        ["V", "PENGUATAN PENGAWASAN"],
        [1, "Pengaduan Masyarakat", "", "", "", "", "", "A.1.V.iii"],
        ["", "", "Hasil evaluasi ditindaklanjuti", "Rapat", "Notulen", "", "Juni 2026", ""],
        ["", "", "Sosialisasi kanal pengaduan", "Rapat", "Notulen", "", "Juni 2026", "A.1.V.iii.a"],
        [2, "Whistle Blowing System", "", "", "", "", "", ""],
        ["", "", "WBS diterapkan", "Aplikasi WBS", "SK", "", "Juni 2026", ""],
    ]
    report = validate(plan_file(rows, header=HEADER), as_of=AS_OF)
    got = [(r.lke.code, r.lke.sub_area, r.lke.source) for r in report.results]
    assert got == [
        ("A.1.V.iii.d", "A.1.V.iii", "suggested"),
        ("A.1.V.iii.a", "A.1.V.iii", "column"),
        ("A.1.V.iv.a", "A.1.V.iv", "suggested"),
    ]


def test_an_empty_plan_has_coverage_but_no_lke_findings(plan_file: Callable[..., Path]) -> None:
    report = validate(plan_file([["I", "MANAJEMEN PERUBAHAN"]], header=HEADER), as_of=AS_OF)
    assert not [f for f in report.findings if f.code.startswith("lke-")]
    assert report.to_dict()["lke"]["coverage"]["none"] == 110


def test_status_workbook_has_the_lke_sheet_and_each_rows_question(tmp_path: Path) -> None:
    import openpyxl

    from zi_workbook.writers.status import write_status_workbook

    sample = Path(__file__).resolve().parent.parent / "samples" / "01_kpu_kab_batang_2022.xlsx"
    report = validate(sample, as_of=date(2022, 12, 31))
    out = write_status_workbook(report, tmp_path / "status.xlsx")
    wb = openpyxl.load_workbook(out)
    status = wb["Status"]
    head = {c.value: c.column for c in status[4] if c.value}
    first = status.cell(5, head["Kode dan pertanyaan LKE"]).value
    assert first == (
        "A.1.I.i.a (saran): Unit kerja telah membentuk tim untuk melakukan pembangunan "
        "Zona Integritas"
    )
    ws = wb["LKE"]
    cells = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value}
    done, empty = cells["A.1.I.i.a"], cells["A.1.I.i.b"]
    assert ws.cell(done, 4).value == "baris 7: Selesai (saran)"
    assert ws.cell(done, 5).value == "Ada bukti"
    assert ws.cell(done, 5).fill.fgColor.rgb.endswith("C6EFCE")
    assert ws.cell(empty, 5).value == "Tanpa langkah aksi"
    assert ws.cell(empty, 5).fill.fgColor.rgb.endswith("FFC7CE")
    summary = {ws.cell(r, 1).value: r for r in range(4, 12)}
    ceiling = report.to_dict()["lke"]["ceiling"]["areas"]["I"]
    assert ws.cell(summary["I"], 6).value == pytest.approx(ceiling, abs=1e-4)
    assert ws.cell(summary["I"], 4).value == "4,80 / 6,00"
    assert ws.page_setup.orientation == "portrait"
    breaks = [b.id for b in ws.row_breaks.brk]
    assert len(breaks) == 6  # every area starts a page of its own


def test_lke_command_prints_and_writes_the_reference(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    import openpyxl

    printed = run_cli("lke")
    assert printed.exit_code == 0
    assert "A.1.I.i.a  Unit kerja telah membentuk tim" in printed.stdout
    assert "AREA V PENGUATAN PENGAWASAN — bobot 15 (min. WBK 9 · WBBM 11,25)" in printed.stdout
    assert "Bukti yang biasa diminta penilai: SK Tim Kerja" in printed.stdout
    english = run_cli("lke", "--lang", "en")
    assert "Evidence evaluators usually ask for: SK Tim Kerja" in english.stdout
    out = tmp_path / "lke.xlsx"
    written = run_cli("lke", "--out", str(out))
    assert written.exit_code == 0
    ws = openpyxl.load_workbook(out).worksheets[0]
    codes = [ws.cell(r, 1).value for r in range(7, ws.max_row + 1)]
    assert codes == [q.code for n in AREAS for q in load().area_questions(n)]
    assert ws.cell(7, 9).value.startswith("SK Tim Kerja")
    assert run_cli("lke", "--out", str(tmp_path / "lke.txt")).exit_code == 2


def test_text_report_shows_the_ceiling_and_groups_unplanned_questions(
    plan_file: Callable[..., Path],
) -> None:
    from zi_workbook.writers.text import render_text

    report = validate(plan_file(_rows(skip_area="III"), header=HEADER), as_of=AS_OF)
    text = render_text(report)
    assert "LKE: batas atas dari bukti" in text
    assert "  Area III  batas atas 0,00 dari 10 · min. WBK 6,00 · WBBM 7,50" in text
    assert "Di bawah min. WBK" in text
    assert "  Pengungkit 50,00 dari 60 (min. WBK 40, WBBM 48;" in text
    assert "bukan perkiraan nilai" in text
    assert f"Pertanyaan tanpa langkah aksi ({len(load().area_questions('III'))}):" in text
    assert "  A.1.III.ii Pola Mutasi Internal: A.1.III.ii.a, A.1.III.ii.b, A.1.III.ii.c" in text
    english = render_text(validate(plan_file(_rows(), header=HEADER), as_of=AS_OF, lang="en"))
    assert "  Pengungkit 60.00 of 60" in english
    assert "Questions with no action (0):" in english


def test_summary_json_gives_each_office_its_ceiling(run_cli: Callable[..., Any]) -> None:
    import json

    sample = Path(__file__).resolve().parent.parent / "samples" / "01_kpu_kab_batang_2022.xlsx"
    result = run_cli("summary", str(sample), "--as-of", "2022-12-31", "--format", "json")
    office = json.loads(result.stdout)["offices"][0]
    report = validate(sample, as_of=date(2022, 12, 31)).to_dict()["lke"]
    assert office["lke"]["ceiling"] == report["ceiling"]["areas"]
    assert office["lke"]["pengungkit"] == report["ceiling"]["pengungkit"]
    assert office["lke"]["below_wbk"] == ["I", "II", "III", "IV", "V", "VI"]
