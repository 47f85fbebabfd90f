"""``compare`` checks NEW only for its exit code (``report.has_error_findings``): the
answer must be the whole report's ``has_errors``, for every source of an error."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from builders import make_plan
from cli_runner import invoke
from monthly import MAY, NEW_AS_OF, june, write
from realplans import DB_HEADER, PDF_HEADER, database, pdf_copy
from test_lke_report import AS_OF, HEADER, _rows
from test_realplans import TITLES

from zi_workbook.cli import main
from zi_workbook.compare.match import THRESHOLD, _similar, norm, similar
from zi_workbook.findings import FINDING_TYPES
from zi_workbook.reading.reader import RowMemo, read_plan
from zi_workbook.report import build_report, has_error_findings

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "01_kpu_kab_batang_2022.xlsx"


def _bad_code(rows: list[list[Any]], where: int = 7) -> list[list[Any]]:
    """``rows`` with the code of the first action replaced by one naming nothing
    (column 7: KODE LKE; column 0: NO)."""
    out = [list(r) for r in rows]
    out[1][7] = ""
    out[1][where] = "A.1.I.v.b"
    return out


def test_the_lke_coverage_raises_no_error() -> None:
    """The lean check skips the coverage: none of its findings may be an error."""
    assert FINDING_TYPES["lke-question-unplanned"].severity != "error"
    assert FINDING_TYPES["lke-area-below-minimum"].severity != "error"


@pytest.mark.parametrize(
    ("rows", "errors"),
    [
        (_rows(), False),
        (_rows(skip_area="III"), False),  # coverage warnings only
        (_bad_code(_rows()), True),  # the one error: a KODE LKE naming nothing
        (_bad_code(_rows(), where=0), True),  # a code opening the NO cell
        (_rows(complete=False), False),
    ],
)
def test_same_answer_as_the_report_for_lke_codes(
    plan_file: Callable[..., Path], rows: list[list[Any]], errors: bool
) -> None:
    plan = read_plan(plan_file(rows, header=HEADER))
    assert build_report(plan, AS_OF).has_errors is errors
    assert has_error_findings(plan, AS_OF) is errors


@pytest.mark.parametrize("day", [date(2021, 1, 1), date(2022, 6, 30), date(2023, 12, 31)])
def test_same_answer_as_the_report_for_the_sample_and_two_months(
    tmp_path: Path, day: date
) -> None:
    for path in (SAMPLE, write(tmp_path, MAY, "mei.xlsx"), write(tmp_path, june(), "juni.xlsx")):
        plan = read_plan(path)
        assert has_error_findings(plan, day) is build_report(plan, day).has_errors, path.name


def test_compare_exits_1_for_an_error_in_new_alone(plan_file: Callable[..., Path]) -> None:
    old = plan_file(_rows(), header=HEADER, name="lama.xlsx")
    new = plan_file(_bad_code(_rows()), header=HEADER, name="baru.xlsx")
    same = invoke(main, "compare", old, old, "--as-of", AS_OF.isoformat())
    assert same.exit_code == 0, same.output
    bad = invoke(main, "compare", old, new, "--as-of", AS_OF.isoformat())
    assert bad.exit_code == 1, bad.output


def test_compare_and_previous_give_the_same_changes(tmp_path: Path) -> None:
    """compare (NEW read without its report) and validate --previous (with it) agree."""
    old, new = write(tmp_path, MAY, "mei.xlsx"), write(tmp_path, june(), "juni.xlsx")
    day = NEW_AS_OF.isoformat()
    alone = invoke(main, "compare", old, new, "--as-of", day, "--format", "json")
    beside = invoke(main, "validate", new, "--previous", old, "--as-of", day, "--format", "json")
    assert json.loads(alone.stdout) == json.loads(beside.stdout)["changes"]


def _plans(tmp_path: Path) -> list[Path]:
    return [
        SAMPLE,
        write(tmp_path, MAY, "mei.xlsx"),
        write(tmp_path, june(), "juni.xlsx"),
        make_plan(tmp_path, pdf_copy(), header=PDF_HEADER, title_rows=TITLES, name="pdf.xlsx"),
        make_plan(tmp_path, database(), header=DB_HEADER, title_rows=TITLES, name="db.xlsx"),
    ]


def test_a_read_with_a_memo_gives_the_rows_a_plain_read_gives(tmp_path: Path) -> None:
    """Each plan read after every other one with one memo (its rows taken again where
    they read the same, moved to their own place) reads as it does alone."""
    plans = _plans(tmp_path)
    alone = {path: read_plan(path) for path in plans}
    for first in plans:
        for second in plans:
            memo: RowMemo = {}
            assert read_plan(first, memo=memo) == alone[first]
            taken = len(memo)
            assert read_plan(second, memo=memo) == alone[second], (first.name, second.name)
            if first == second:
                assert len(memo) == taken  # every row taken again, none made anew


def test_a_memo_tells_a_date_cell_from_a_number_and_from_text(
    plan_file: Callable[..., Path],
) -> None:
    """Cells equal in Python (1 == 1.0 == True; a date and its text) are no one key."""
    cells = [1, True, 1.5, date(2022, 5, 31), "2022-05-31", "Mei 2022"]
    rows = [
        ["I", "MANAJEMEN PERUBAHAN"],
        *([1, "Tim", "Tim dibentuk", "Rapat", "Notulen", "", target] for target in cells),
    ]
    path = plan_file(rows)
    memo: RowMemo = {}
    plan = read_plan(path, memo=memo)
    assert plan == read_plan(path)
    assert len({r.target for r in plan.rows}) > 2  # they do read differently
    assert len(memo) == len(cells)


def test_the_pruned_similarity_decides_as_the_exact_one() -> None:
    """``_similar(exact=False)`` gives ``similar``'s value wherever it reaches the
    threshold, and something below it elsewhere: the pairing cannot tell them apart."""
    texts = sorted({norm(r.action) for r in read_plan(SAMPLE).rows} - {""})
    edits = [
        lambda t: t,
        lambda t: t.replace("a", "aa", 1),
        lambda t: t + " tahap 2",
        lambda t: t + " dan laporan bulanan",
        lambda t: " ".join(t.split()[:-2]),
        lambda t: t[::-1],
    ]
    checked = 0
    for a in texts[:40]:
        for b in [e(a) for e in edits] + texts[:40]:
            exact, pruned = similar(a, b), _similar(a, b, exact=False)
            assert (pruned >= THRESHOLD) is (exact >= THRESHOLD), (a, b)
            if exact >= THRESHOLD:
                assert pruned == exact
                checked += 1
    assert checked > 200
