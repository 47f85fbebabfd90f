"""The summary's LKE ceiling: Peringkat's last two columns and the Batas Atas LKE sheet."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from zi_workbook.model import AREAS
from zi_workbook.status import Rates
from zi_workbook.summary import FileEntry, OfficeSummary, Summary, summarize
from zi_workbook.writers.summary import write_summary_workbook

AS_OF = date(2022, 6, 30)
SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "01_kpu_kab_batang_2022.xlsx"
FULL = {"I": 8.0, "II": 7.0, "III": 10.0, "IV": 10.0, "V": 15.0, "VI": 10.0}
RED, YELLOW, GREEN = "FFC7CE", "FFEB9C", "C6EFCE"


def _lke(ceiling: dict[str, float], below: list[str]) -> dict[str, Any]:
    total = round(sum(ceiling.values()), 4)
    return {"ceiling": ceiling, "pengungkit": total, "plan_pengungkit": total, "below_wbk": below}


def _office(i: int, lke: dict[str, Any] | None, total: int = 10) -> OfficeSummary:
    counts = {"total": total, "complete": total, "overdue": 0, "not_due": 0, "needs_fix": 0}
    areas = {key: dict(counts) for key in AREAS}
    return OfficeSummary(
        f"/x/kantor_{i:02d}.xlsx",
        f"KPU KABUPATEN CONTOH {i:02d}",
        2022,
        "0" * 64,
        counts,
        areas,
        shown=f"kantor_{i:02d}.xlsx",
        rates=Rates(total, total, total, total),
        lke=lke,
    )


def _summary(offices: list[OfficeSummary], lang: str = "id") -> Summary:
    files = tuple(FileEntry(o.shown, "read", None, o.label) for o in offices)
    return Summary(AS_OF, lang, tuple(offices), files=files)


def _fill(cell: Any) -> str:
    return str(cell.fill.fgColor.rgb)[-6:]


def test_each_office_gets_its_ceiling_per_area_coloured_by_the_minimum_it_reaches(
    tmp_path: Path,
) -> None:
    # full marks (WBBM everywhere); area I at 5 of 8 (WBK 4.8 reached, WBBM 6 not);
    # area V at 3 of 15 (under WBK 9); an empty plan
    mixed = {**FULL, "I": 5.0, "V": 3.0}
    offices = [
        _office(1, _lke(FULL, [])),
        _office(2, _lke(mixed, ["V"])),
        _office(3, None, total=0),
    ]
    out = write_summary_workbook(_summary(offices), tmp_path / "ringkasan.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:4] == ["Peringkat", "Ringkasan", "Per Area", "Batas Atas LKE"]
    ws = wb["Batas Atas LKE"]
    head = [c.value for c in ws[4]]
    assert head[2].startswith("I Manajemen Perubahan") and "Minimum WBK 4,8" in head[2]
    assert head[8] == "Pengungkit\nBobot 60\nMinimum WBK 40"
    rows = {r[1].value: r for r in ws.iter_rows(min_row=5) if isinstance(r[0].value, int)}
    full, partial = rows["KPU KABUPATEN CONTOH 01"], rows["KPU KABUPATEN CONTOH 02"]
    assert [c.value for c in full[2:9]] == [*FULL.values(), 60.0]
    assert {_fill(c) for c in full[2:9]} == {GREEN} and full[9].value == "-"
    assert (partial[2].value, _fill(partial[2])) == (5.0, YELLOW)
    assert (partial[6].value, _fill(partial[6])) == (3.0, RED)
    assert (partial[9].value, _fill(partial[9])) == ("V", RED)
    assert rows["KPU KABUPATEN CONTOH 03"][2].value == "belum diisi"
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert any("bukan perkiraan nilai" in t for t in texts)  # a ceiling, not a prediction
    ranking = wb["Peringkat"]
    assert [c.value for c in ranking[4]][-2:] == [
        "Batas atas LKE (maks. 60)",
        "Area di bawah min. WBK",
    ]
    ranked = {r[1].value: r for r in ranking.iter_rows(min_row=5) if isinstance(r[0].value, int)}
    assert [c.value for c in ranked["KPU KABUPATEN CONTOH 01"][-2:]] == [60.0, "-"]
    one, two = ranked["KPU KABUPATEN CONTOH 02"][-2:]
    assert (one.value, _fill(one), two.value) == (45, RED, "V")  # 45 >= 40, but V is under
    assert [c.value for c in ranked["KPU KABUPATEN CONTOH 03"][-2:]] == ["-", "-"]


@pytest.mark.parametrize(("n", "pages_high"), [(38, 1), (60, 0)])
def test_the_ceiling_sheet_and_peringkat_print_on_one_a4_page_up_to_40_offices(
    tmp_path: Path, n: int, pages_high: int
) -> None:
    offices = [_office(i, _lke({**FULL, "II": i / 10}, ["II"])) for i in range(n)]
    out = write_summary_workbook(_summary(offices), tmp_path / "ringkasan.xlsx")
    wb = openpyxl.load_workbook(out)
    for name in ("Peringkat", "Batas Atas LKE"):
        ws = wb[name]
        setup = ws.page_setup
        assert setup.orientation == "landscape" and int(setup.paperSize) == 9
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        fit = [1 if v is None else int(v) for v in (setup.fitToWidth, setup.fitToHeight)]
        assert fit == [1, pages_high]
        assert ws.print_title_rows == "$4:$4"


def test_english_labels_and_no_sheet_without_any_ceiling(tmp_path: Path) -> None:
    out = write_summary_workbook(
        _summary([_office(1, _lke(FULL, []))], lang="en"), tmp_path / "summary.xlsx"
    )
    wb = openpyxl.load_workbook(out)
    assert "LKE Ceiling" in wb.sheetnames
    assert wb["LKE Ceiling"]["C4"].value.startswith("I Change Management\nWeight 8\n")
    assert wb["Ranking"].cell(row=4, column=11).value == "LKE ceiling (max. 60)"
    out = write_summary_workbook(_summary([_office(1, None)]), tmp_path / "none.xlsx")
    wb = openpyxl.load_workbook(out)
    assert "Batas Atas LKE" not in wb.sheetnames
    assert wb["Peringkat"].max_column == 10


def test_a_real_plan_shows_the_ceiling_its_report_gives(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "batang.xlsx")
    summary = summarize([folder], as_of=date(2022, 12, 31))
    office = summary.offices[0]
    assert office.lke is not None
    out = write_summary_workbook(summary, tmp_path / "ringkasan.xlsx")
    ws = openpyxl.load_workbook(out)["Batas Atas LKE"]
    row = [c.value for c in ws[5]]
    assert row[2:8] == [office.lke["ceiling"][n] for n in AREAS]
    assert row[8] == office.lke["pengungkit"] <= 60
    assert row[9] == (", ".join(office.lke["below_wbk"]) or "-")
