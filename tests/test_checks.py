"""Each check, on rows built in code: what it finds and where."""

from __future__ import annotations

from datetime import date

import pytest
from planrows import plan, row, target

from zi_workbook.checks import CheckOptions, run_checks
from zi_workbook.findings import FINDING_TYPES, SEVERITIES
from zi_workbook.status import row_status

AS_OF = date(2022, 5, 31)
JUNE = target("Juni 2022", (date(2022, 6, 1), date(2022, 6, 30)))
APRIL = target("April 2022", (date(2022, 4, 1), date(2022, 4, 30)))
MONTHLY = target("Per-bulan", *[(date(2022, m, 1), date(2022, m, 28)) for m in range(1, 13)])
MONTHLY_LATER = target("Juni-Juli", *[(date(2022, m, 1), date(2022, m, 28)) for m in (6, 7)])
OPEN = target("mulai Mei 2022", (date(2022, 5, 1), None))
REFUSED = target("segera", error="tidak ada tanggal")
EMPTY = target("")


def codes(*rows, as_of=AS_OF, soon=30, year=2022):  # type: ignore[no-untyped-def]
    found = run_checks(plan(*rows, year=year), CheckOptions(as_of, soon))
    return [(f.code, f.row, f.column) for f in found]


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, "complete"),
        ({"evidence": ""}, "not_due"),
        ({"links": ()}, "not_due"),
        ({"links": ("javascript:alert(1)",)}, "not_due"),
        ({"links": (), "tgt": EMPTY}, "needs_fix"),
        ({"links": (), "tgt": REFUSED}, "needs_fix"),
        ({"links": (), "tgt": APRIL}, "overdue"),
        ({"links": (), "tgt": MONTHLY}, "overdue"),  # the first period decides
        ({"links": (), "tgt": OPEN}, "not_due"),
        ({"tgt": EMPTY}, "complete"),  # rule 1 comes first
        ({"links": (), "tgt": target("31 Mei", (AS_OF, AS_OF))}, "not_due"),  # due today
    ],
)
def test_row_status_rules(kwargs: dict[str, object], expected: str) -> None:
    assert row_status(row(5, **kwargs), AS_OF) == expected  # type: ignore[arg-type]


def test_missing_evidence_and_link_are_errors_at_their_columns_once_due() -> None:
    found = codes(row(7, evidence="", links=(), tgt=APRIL), row(8, evidence="", tgt=EMPTY))
    assert ("missing-evidence", 7, "E") in found
    assert ("missing-link", 7, "F") in found
    assert ("missing-evidence", 8, "E") in found  # no period to wait for


def test_missing_evidence_before_the_first_period_ends_is_one_info_note() -> None:
    found = run_checks(plan(row(7, evidence="", links=(), tgt=JUNE)), CheckOptions(AS_OF, 10))
    found = [f for f in found if f.row]
    assert [(f.code, f.severity) for f in found] == [("not-yet-due", "info")]
    assert found[0].message("id") == (
        "Belum waktunya: bukti fisik belum diisi dan tautan bukti belum ada; "
        "periode pertama berakhir 30 Juni 2022."
    )
    assert "30 June 2022" in found[0].message("en")


def test_an_on_schedule_plan_has_no_error() -> None:
    found = run_checks(
        plan(row(2, tgt=APRIL), row(3, links=(), tgt=JUNE), row(4, evidence="", tgt=MONTHLY_LATER)),
        CheckOptions(AS_OF),
    )
    assert not [f for f in found if f.severity == "error"], found


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("javascript:alert(1)", "unsafe-link"),
        ("data:text/html,hi", "unsafe-link"),
        ("vbscript:msgbox", "unsafe-link"),
        ("https://bit.ly/abc def", "malformed-link"),
        ("https://", "malformed-link"),
        ("file:///C:/bukti.pdf", "local-path-link"),
        ("C:\\Users\\staf\\bukti.pdf", "local-path-link"),
        ("https://bit.ly/Bukti", "shortened-link"),
    ],
)
def test_link_candidates_flagged(url: str, code: str) -> None:
    found = codes(row(9, links=(url,), tgt=APRIL))
    assert (code, 9, "F") in found
    if code != "shortened-link":
        assert ("missing-link", 9, "F") in found


def test_placeholder_text_in_link_cell_is_one_finding_not_two() -> None:
    found = run_checks(plan(row(4, links=(), link_text="menyusul", tgt=APRIL)), CheckOptions(AS_OF))
    by_code = {f.code: f for f in found}
    assert "placeholder-link" in by_code and "missing-link" not in by_code
    assert "menyusul" in by_code["placeholder-link"].message("id")
    other = run_checks(
        plan(row(4, links=(), link_text="di map arsip", tgt=APRIL)), CheckOptions(AS_OF)
    )
    said = next(f for f in other if f.code == "missing-link")
    assert "di map arsip" in said.message("id") and "di map arsip" in said.message("en")


@pytest.mark.parametrize(
    ("url", "fix"),
    [
        ("htps://kab-batang.kpu.go.id/bukti", "https://kab-batang.kpu.go.id/bukti"),
        ("http//kab-batang.kpu.go.id/bukti", "http://kab-batang.kpu.go.id/bukti"),
        ("https:/kab-batang.kpu.go.id/bukti", "https://kab-batang.kpu.go.id/bukti"),
    ],
)
def test_scheme_typo_suggests_the_corrected_link(url: str, fix: str) -> None:
    found = run_checks(plan(row(9, links=(url,))), CheckOptions(AS_OF))
    typo = next(f for f in found if f.code == "scheme-typo")
    assert typo.severity == "error" and f"'{fix}'" in typo.message("id")
    assert not any(f.code == "malformed-link" for f in found)


def test_recurring_evidence_after_a_later_period() -> None:
    after_third = date(2022, 4, 1)  # January, February and March have ended
    found = run_checks(plan(row(5, tgt=MONTHLY)), CheckOptions(after_third))
    note = next(f for f in found if f.code == "recurring-evidence")
    assert note.severity == "info" and note.message("id").startswith("3 dari 12 periode lewat")
    assert row_status(row(5, tgt=MONTHLY), after_third) == "complete"
    two = row(5, tgt=MONTHLY, links=("https://x.go.id/jan", "https://x.go.id/feb"))
    assert not [
        f
        for f in run_checks(plan(two), CheckOptions(after_third))
        if f.code == "recurring-evidence"
    ]
    first_only = run_checks(plan(row(5, tgt=MONTHLY)), CheckOptions(date(2022, 1, 30)))
    assert not any(f.code == "recurring-evidence" for f in first_only)


def test_targets_missing_refused_open_outside_year() -> None:
    found = codes(
        row(2, tgt=EMPTY),
        row(3, tgt=REFUSED),
        row(4, tgt=OPEN),
        row(5, tgt=target("Januari-Desember 2023", (date(2023, 1, 1), date(2023, 12, 31)))),
    )
    assert ("missing-target", 2, "G") in found
    assert ("unparseable-target", 3, "G") in found
    assert ("open-ended-target", 4, "G") in found
    assert ("target-outside-plan-year", 5, "G") in found
    assert not any(c == "target-outside-plan-year" and r != 5 for c, r, _ in found)


def test_overdue_and_due_soon() -> None:
    found = run_checks(
        plan(row(2, links=(), tgt=APRIL), row(3, links=(), tgt=JUNE)),
        CheckOptions(AS_OF, soon_days=30),
    )
    overdue = next(f for f in found if f.code == "overdue")
    assert overdue.severity == "error"
    assert overdue.message("id") == "Terlambat 31 hari: periode pertama berakhir 30 April 2022."
    soon = next(f for f in found if f.code == "due-soon")
    assert soon.row == 3 and "30 June 2022 (in 30 day(s))" in soon.message("en")
    today = run_checks(plan(row(3, links=(), tgt=JUNE)), CheckOptions(date(2022, 6, 30)))
    assert "(hari ini)" in next(f for f in today if f.code == "due-soon").message("id")
    later = run_checks(plan(row(3, links=(), tgt=JUNE)), CheckOptions(AS_OF, soon_days=10))
    assert not any(f.code == "due-soon" for f in later)


def test_complete_rows_are_never_overdue() -> None:
    assert not [c for c in codes(row(2, tgt=APRIL)) if c[0] in ("overdue", "due-soon")]


def test_areas_no_area_and_missing_area() -> None:
    found = codes(row(2, area=None), row(3, area="I"), row(4, area="III"))
    assert ("no-area", 2, "") in found
    missing = [
        c
        for c in run_checks(plan(row(3, area="I"), row(4, area="III")), CheckOptions(AS_OF))
        if c.code == "missing-area"
    ]
    assert [f.message("en").split()[1] for f in missing] == ["II", "IV", "V", "VI"]


def test_empty_plan_is_one_finding_not_six() -> None:
    found = run_checks(plan(), CheckOptions(AS_OF))
    assert [f.code for f in found] == ["empty-plan"]


def test_duplicate_action_names_the_first() -> None:
    found = run_checks(
        plan(
            row(2, indicator="A", action="X"),
            row(3, indicator="a", action="x"),
            row(4, indicator="B", action="X"),
        ),
        CheckOptions(AS_OF),
    )
    dups = [f for f in found if f.code == "duplicate-action"]
    assert [(f.row, "RA!2" in f.message("id")) for f in dups] == [(3, True)]


def test_reused_link_across_indicators_names_the_others() -> None:
    shared = ("https://drive.google.com/drive/folders/abc",)
    found = run_checks(
        plan(
            row(2, indicator="A", links=shared),
            row(3, indicator="B", links=shared),
            row(4, indicator="B", links=("https://x.go.id/z",)),
        ),
        CheckOptions(AS_OF),
    )
    reused = [f for f in found if f.code == "reused-link"]
    assert [f.row for f in reused] == [2, 3]
    assert "RA!3" in reused[0].message("id") and "RA!2" in reused[1].message("en")
    same_indicator = run_checks(
        plan(row(2, indicator="A", links=shared), row(3, indicator="A", links=shared)),
        CheckOptions(AS_OF),
    )
    assert not any(f.code == "reused-link" for f in same_indicator)


def test_findings_sorted_by_row_and_declared() -> None:
    found = run_checks(
        plan(row(9, evidence="", links=()), row(3, tgt=EMPTY, links=())), CheckOptions(AS_OF)
    )
    assert [f.row for f in found] == sorted(f.row for f in found)
    for f in found:
        assert f.code in FINDING_TYPES
        assert f.severity == FINDING_TYPES[f.code].severity in SEVERITIES
        assert f.message("id") and f.message("en") and f.message("id") != f.message("en")


def test_every_declared_type_is_complete_and_kebab_case() -> None:
    for code, t in FINDING_TYPES.items():
        assert code == t.code and code == code.lower() and " " not in code
        for text in (t.title_id, t.title_en, t.description_id, t.description_en):
            assert text.strip()
