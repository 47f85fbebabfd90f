"""The summary's one-page sheets: Peringkat and Per Area for 40 offices, the signature
block, Indonesian dates, and rows that never pass Excel's 409 points."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from builders import make_plan

from zi_workbook.model import AREAS
from zi_workbook.status import Rates
from zi_workbook.summary import NO_AREA, FileEntry, OfficeSummary, Summary, summarize
from zi_workbook.writers.summary import write_summary_workbook

AS_OF = date(2022, 6, 30)


def _office(i: int, *, total: int = 20, unit: str | None = "") -> OfficeSummary:
    """An office read as of AS_OF with ``i`` of 20 due actions complete (no reading)."""
    done = min(i, total)
    counts = {"total": total, "complete": done, "overdue": total - done, "not_due": 0}
    counts["needs_fix"] = 0
    zero = dict.fromkeys(counts, 0)
    areas = {key: dict(zero) for key in (*AREAS, NO_AREA)}
    areas["I"] = dict(counts)
    rates = Rates(total, done, total, done)
    name = f"KPU KABUPATEN CONTOH {i:02d}" if unit == "" else unit
    return OfficeSummary(
        f"/x/kantor_{i:02d}.xlsx",
        name,
        2022,
        "0" * 64,
        counts,
        areas,
        shown=f"kantor_{i:02d}.xlsx",
        rates=rates,
        area_rates={"I": rates},
    )


def _summary(n: int) -> Summary:
    offices = [_office(i) for i in range(n)]
    offices.append(_office(n, total=0))  # belum diisi
    offices.append(_office(n + 1, unit=None))  # no unit in the title
    files = tuple(FileEntry(o.shown, "read", None, o.label) for o in offices)
    return Summary(AS_OF, "id", tuple(offices), files=files)


@pytest.mark.parametrize(("n", "pages_high"), [(38, 1), (60, 0)])
def test_ranking_and_grid_print_on_one_a4_landscape_page_up_to_40_offices(
    tmp_path: Path, n: int, pages_high: int
) -> None:
    out = write_summary_workbook(_summary(n), tmp_path / "ringkasan.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "Peringkat"
    for name in ("Peringkat", "Per Area"):
        ws = wb[name]
        setup = ws.page_setup
        assert setup.orientation == "landscape" and int(setup.paperSize) == 9
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        fit = [1 if v is None else int(v) for v in (setup.fitToWidth, setup.fitToHeight)]
        assert fit == [1, pages_high]  # None: Excel's default of 1
        assert ws.print_title_rows == "$4:$4"  # the header repeats beyond one page


def test_ranking_is_sorted_by_the_rate_of_due_actions_with_the_blank_plan_last(
    tmp_path: Path,
) -> None:
    out = write_summary_workbook(_summary(5), tmp_path / "ringkasan.xlsx")
    ws = openpyxl.load_workbook(out)["Peringkat"]
    rows = [r for r in ws.iter_rows(min_row=5, values_only=True) if isinstance(r[0], int)]
    units = [r[1] for r in rows]
    assert units[:2] == ["kantor_06", "KPU KABUPATEN CONTOH 04"]  # 6 of 20 before 4 of 20
    assert units[-1] == "KPU KABUPATEN CONTOH 05" and rows[-1][3] == "belum diisi"
    rates = [r[5] for r in rows[:-1]]
    assert rates == sorted(rates, reverse=True)
    flagged = ws.cell(row=5, column=2)
    assert flagged.comment is not None and "unit kerja tidak ditemukan" in flagged.comment.text
    assert ws["A2"].value.startswith("Keadaan per 30 Juni 2022 · 7 kantor · 7 berkas")
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "Mengetahui," in texts and "Inspektur" in texts
    assert any(t.endswith(", 30 Juni 2022") for t in texts)
    assert any(t.startswith("NIP.") for t in texts)
    total = next(r for r in ws.iter_rows(values_only=True) if r[1] == "Semua kantor")
    assert total[3] == 120 and total[5] == pytest.approx((sum(range(5)) + 6) / 120)


def test_no_row_passes_409_points_and_the_whole_text_is_in_a_note(tmp_path: Path) -> None:
    long = " ".join(f"kata{i}" for i in range(3000))
    rows = [
        ["I", "Manajemen Perubahan"],
        ["1", "Tim", "SK Tim", long, "", "", "Januari 2022"],
    ]
    folder = tmp_path / "kantor"
    folder.mkdir()
    make_plan(folder, rows, name="panjang.xlsx")
    out = tmp_path / "ringkasan.xlsx"
    write_summary_workbook(summarize([folder], as_of=AS_OF), out)
    ws = openpyxl.load_workbook(out)["Terlambat"]
    heights = [d.height for d in ws.row_dimensions.values() if d.height]
    assert heights and max(heights) <= 409
    (cut,) = [c for row in ws.iter_rows() for c in row if str(c.value).startswith("kata0 ")]
    assert str(cut.value).endswith(" …") and len(str(cut.value)) < len(long)
    assert cut.comment is not None and cut.comment.text == long
