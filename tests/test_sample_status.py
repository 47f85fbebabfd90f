"""The bundled sample as of 2022-05-31: every row's status, by hand, and the counts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from seed_expected import SEED_ROWS

from zi_workbook.report import validate

SAMPLE = Path(__file__).parent.parent / "samples" / "01_kpu_kab_batang_2022.xlsx"

# Rows that are not complete, with why (read off the seed's text):
NOT_COMPLETE = {
    18: "needs_fix",  # "Belum menggunakan": no evidence, no link, no target
    20: "needs_fix",  # no link, no target
    31: "overdue",  # no link, April 2022
    44: "needs_fix",  # no link, no target
    49: "due_soon",  # no link, Januari-Juni 2022 dan Juli-Desember 2022: first ends 06-30
    67: "overdue",  # no link, Januari 2022
    74: "not_due",  # no link, Januari-Desember 2022
    75: "not_due",
    78: "overdue",  # no link, Februari 2022
    80: "not_due",  # no link, Januari-Desember 2022
    85: "overdue",  # Februari 2022
    86: "due_soon",  # Juni 2022
    87: "overdue",  # Maret, Juni, September, Desember 2022: the first period decides
    88: "due_soon",  # Juni 2022
    91: "overdue",
    92: "overdue",
    93: "overdue",
    94: "overdue",  # Maret, Juni 2022
    97: "overdue",
    108: "overdue",  # Piagam Penghargaan, April 2022
}


def test_every_row_status_of_the_sample() -> None:
    report = validate(SAMPLE, as_of=date(2022, 5, 31))
    got = {r.row.row: "due_soon" if r.due_soon else r.status for r in report.results}
    expected = {row["row"]: NOT_COMPLETE.get(row["row"], "complete") for row in SEED_ROWS}
    assert got == expected
    assert report.counts == {
        "total": 70,
        "complete": 50,
        "overdue": 11,
        "not_due": 6,
        "needs_fix": 3,
    }


def test_sample_rows_read_as_the_seed_row_by_row() -> None:
    report = validate(SAMPLE, as_of=date(2022, 5, 31))
    assert len(report.results) == len(SEED_ROWS) == 70
    for result, expected in zip(report.results, SEED_ROWS, strict=True):
        row = result.row
        got = {
            "sheet": row.sheet,
            "row": row.row,
            "area": row.area,
            "no": row.no,
            "component": row.component,
            "indicator": row.indicator,
            "action": row.action,
            "evidence": row.evidence,
            "links": list(row.links),
            "target": row.target.text,
        }
        assert got == {k: expected[k] for k in got}, expected["row"]


def test_sample_findings_the_coordinator_must_see() -> None:
    report = validate(SAMPLE, as_of=date(2022, 5, 31))
    by_code: dict[str, list[int]] = {}
    for f in report.findings:
        by_code.setdefault(f.code, []).append(f.row)
    assert by_code["target-outside-plan-year"] == [82]  # Januari-Desember 2023 in 2022
    assert by_code["open-ended-target"] == [19]  # ... mulai Mei 2022
    assert by_code["missing-target"] == [18, 20, 44]
    assert by_code["missing-evidence"] == [18]
    assert "missing-area" not in by_code and "no-area" not in by_code
    assert "unparseable-target" not in by_code
    # missing links count once the first period has ended (or no period can be read);
    # before that they are "not yet due" (info)
    assert by_code["missing-link"] == [18, 20, 31, 44, 67, 78, 85, 87, 91, 92, 93, 94, 97, 108]
    assert by_code["not-yet-due"] == [49, 74, 75, 80, 86, 88]
    assert by_code["overdue"] == [31, 67, 78, 85, 87, 91, 92, 93, 94, 97, 108]
