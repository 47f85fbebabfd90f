"""Month over month: every change and finding of two monthly versions built by code."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from cli_runner import invoke
from monthly import MAY, NEW_AS_OF, OLD_AS_OF, june, write

from zi_workbook import validate
from zi_workbook.cli import main
from zi_workbook.compare import (
    CHANGE_KINDS,
    Changes,
    compare_reports,
    compare_with_previous,
)
from zi_workbook.compare.match import match_rows, similar
from zi_workbook.findings import FINDING_TYPES
from zi_workbook.writers.json_out import iter_json

EXPECTED_CHANGES = [
    ("added", None, 6, "Menetapkan agen perubahan"),
    ("deadline-later", 8, 8, "Menyusun rencana kerja pembangunan ZI"),
    ("deadline-earlier", 9, 9, "Sosialisasi rencana kerja kepada seluruh pegawai"),
    ("link-removed", 10, 10, "Monitoring pelaksanaan rencana aksi"),
    ("status-changed", 10, 10, "Monitoring pelaksanaan rencana aksi"),
    ("evidence-added", 12, 12, "Menyusun peta proses bisnis"),
    ("link-added", 12, 12, "Menyusun peta proses bisnis"),
    ("status-changed", 12, 12, "Menyusun peta proses bisnis"),
    ("added", None, 13, "Menerapkan e-office"),
    ("text-edited", 13, 14, "Menyusun SOP layanan publik"),
    ("deadline-later", 14, 15, "Evaluasi SOP secara berkala"),
    ("target-text-changed", 15, 16, "Mengunggah informasi publik di website"),
    ("removed", 7, None, "Rapat pembentukan tim kerja"),
]
EXPECTED_FINDINGS = [
    (
        "deadline-postponed",
        "error",
        "Lampiran II!G8",
        "Deadline postponed by 92 day(s): 31 May 2022 became 31 August 2022; "
        "the old date had already passed by 30 June 2022.",
    ),
    (
        "evidence-withdrawn",
        "warning",
        "Lampiran II!F10",
        "Complete in the last version; now its last link is gone.",
    ),
    (
        "deadline-postponed",
        "warning",
        "Lampiran II!G15",
        "Deadline postponed by 31 day(s): 30 September 2022 became 31 October 2022.",
    ),
    (
        "removed-overdue-action",
        "error",
        "",
        "An action overdue in the last version (Lampiran II!7, due 30 April 2022) was removed: "
        "Rapat pembentukan tim kerja",
    ),
]


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    return write(tmp_path, MAY, "mei.xlsx"), write(tmp_path, june(), "juni.xlsx")


def _compare(old: Path, new: Path, old_as_of: date = OLD_AS_OF) -> Changes:
    return compare_reports(validate(old, as_of=old_as_of), validate(new, as_of=NEW_AS_OF))


def test_every_change_and_finding_of_a_month(versions: tuple[Path, Path]) -> None:
    changes = _compare(*versions)
    got = [(c.kind, c.old_row, c.new_row, c.action) for c in changes.changes]
    assert got == EXPECTED_CHANGES
    assert [(f.code, f.severity, f.cell, f.message_en) for f in changes.findings] == (
        EXPECTED_FINDINGS
    )
    assert changes.counts["now-complete"] == 1
    assert changes.counts["status-changed"] == 2
    assert changes.has_errors


def test_before_and_after_hold_what_changed(versions: tuple[Path, Path]) -> None:
    by_kind = {c.kind: c for c in _compare(*versions).changes}
    assert by_kind["text-edited"].before == {"action": "Menyusun SOP layanann publik"}
    assert by_kind["text-edited"].after == {"action": "Menyusun SOP layanan publik"}
    assert by_kind["deadline-earlier"].before["due"] == "2022-12-31"
    assert by_kind["deadline-earlier"].after["due"] == "2022-10-31"
    target = by_kind["target-text-changed"]
    assert (target.before["due"], target.after["due"]) == ("2022-07-31", "2022-07-31")
    assert (target.before["deadline"], target.after["deadline"]) == ("2022-07-31", "2022-08-31")
    assert by_kind["removed"].before["status"] == "overdue"
    assert by_kind["removed"].after == {}


def test_lines_findings_first_then_completions(versions: tuple[Path, Path]) -> None:
    lines = _compare(*versions).by_action()
    ranks = [line.rank for line in lines]
    assert ranks == sorted(ranks)
    assert ranks.count(0) == 4
    assert lines[4].first.action == "Menyusun peta proses bisnis"  # now complete


@pytest.mark.parametrize("engine", ["openpyxl", "xlsxwriter"])
def test_a_plan_or_its_resave_compared_with_itself_reports_nothing(
    tmp_path: Path, engine: str
) -> None:
    excel = write(tmp_path, MAY, "excel.xlsx", engine="xlsxwriter")
    other = write(tmp_path, MAY, "other.xlsx", engine=engine)
    same = compare_reports(validate(excel, as_of=OLD_AS_OF), validate(other, as_of=OLD_AS_OF))
    assert not same
    assert set(same.counts.values()) == {0}
    a_month_on = _compare(excel, other)  # only statuses may move with the as-of date
    assert {c.kind for c in a_month_on.changes} <= {"status-changed"}
    assert not a_month_on.findings


def test_moved_rows_produce_no_change(tmp_path: Path) -> None:
    moved = {"I": [MAY["I"][0]] * 0 + list(reversed(MAY["I"])), "II": MAY["II"]}
    changes = compare_reports(
        validate(write(tmp_path, MAY, "a.xlsx"), as_of=OLD_AS_OF),
        validate(write(tmp_path, moved, "b.xlsx"), as_of=OLD_AS_OF),
    )
    assert not changes


def test_an_ambiguous_rewording_is_not_forced() -> None:
    from planrows import row

    old = [row(5, action="Menyusun laporan bulanan A")]
    new = [row(5, action="Menyusun laporan bulanan B"), row(6, action="Menyusun laporan bulanan C")]
    pairs, left_old, left_new = match_rows(old, new)
    assert pairs == []
    assert (left_old, left_new) == ([0], [0, 1])
    one = [row(5, action="Menyusun laporan bulanan B")]
    assert match_rows(old, one)[0] == [(0, 0)]


@pytest.mark.parametrize(
    ("a", "b", "alike"),
    [
        ("menyusun sop layanann publik", "menyusun sop layanan publik", True),
        ("rapat koordinasi tim kerja", "rapat koordinasi tim kerja zi bulanan", True),
        ("menyusun sk tim", "mengunggah informasi publik", False),
    ],
)
def test_similar(a: str, b: str, alike: bool) -> None:
    assert (similar(a, b) >= 0.8) is alike


def test_matching_is_not_by_row(tmp_path: Path) -> None:
    from planrows import row

    old = [row(n, action=f"Aksi nomor {n}") for n in range(5, 10)]
    new = [row(n + 3, action=f"Aksi nomor {n}") for n in reversed(range(5, 10))]
    pairs, _, _ = match_rows(old, new)
    assert pairs == [(0, 4), (1, 3), (2, 2), (3, 1), (4, 0)]


def test_saved_json_report_as_the_old_version(versions: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = versions
    saved = tmp_path / "mei.json"
    saved.write_text("".join(iter_json(validate(old, as_of=OLD_AS_OF))), "utf-8")
    from_json = compare_with_previous(saved, validate(new, as_of=NEW_AS_OF))
    from_book = compare_with_previous(old, validate(new, as_of=NEW_AS_OF))
    assert from_json.old.as_of == OLD_AS_OF == from_book.old.as_of  # month end before June 30
    assert from_json.to_dict() == from_book.to_dict()


def test_cli_compare_json_is_to_dict_and_agrees_with_validate_previous(
    versions: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = versions
    result = invoke(main, "compare", old, new, "--as-of", "2022-06-30", "--format", "json")
    assert result.exit_code == 1
    expected = compare_with_previous(old, validate(new, as_of=NEW_AS_OF)).to_dict()
    assert result.stdout == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"
    both = invoke(
        main, "validate", new, "--as-of", "2022-06-30", "--previous", old, "--format", "json"
    )
    assert both.exit_code == 1
    assert json.loads(both.stdout)["changes"] == expected


def test_cli_compare_exit_0_and_text(tmp_path: Path) -> None:
    old = write(tmp_path, MAY, "mei.xlsx")
    result = invoke(main, "compare", old, old, "--as-of", "2022-05-31", "--old-as-of", "2022-05-31")
    assert result.exit_code == 1  # the plan itself has error findings (missing evidence)
    assert "Tidak ada perubahan." in result.stdout
    english = invoke(main, "compare", old, old, "--as-of", "2022-05-31", "--lang", "en")
    assert "Changes since 30 April 2022 (mei.xlsx)" in english.stdout


def test_cli_compare_input_errors_exit_2(tmp_path: Path) -> None:
    plan = write(tmp_path, MAY, "mei.xlsx")
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "something/else"}', "utf-8")
    result = invoke(main, "compare", bad, plan)
    assert result.exit_code == 2
    assert "validate --format json" in result.stderr
    assert invoke(main, "compare", tmp_path / "nope.xlsx", plan).exit_code == 2
    assert invoke(main, "compare", plan).exit_code == 2


def test_perubahan_sheets(versions: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = versions
    status = tmp_path / "status.xlsx"
    alone = tmp_path / "perubahan.xlsx"
    invoke(main, "validate", new, "--as-of", "2022-06-30", "--previous", old, "--out", status)
    invoke(main, "compare", old, new, "--as-of", "2022-06-30", "--out", alone)
    book = openpyxl.load_workbook(status)
    order = [
        "Tindak Lanjut",
        "Status",
        "Perubahan",
        "Laporan Monev",
        "Temuan",
        "Kode Temuan",
        "Ringkasan",
    ]
    assert [name for name in book.sheetnames if name in order] == order
    sheet = book["Perubahan"]
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.print_title_rows == "$4:$4"
    lines = [r for r in sheet.iter_rows(min_row=5, values_only=True) if r[0]]
    assert len(lines) == 10
    assert lines[0][:6] == (
        "I",
        "Rencana Pembangunan ZI",
        "Menyusun rencana kerja pembangunan ZI",
        8,
        8,
        "Batas waktu mundur",
    )
    assert lines[0][9].startswith("deadline-postponed:")
    assert sheet.cell(5, 10).fill.fgColor.rgb.endswith("FFC7CE")
    other = openpyxl.load_workbook(alone)["Perubahan"]
    assert list(other.iter_rows(min_row=4, values_only=True)) == list(
        sheet.iter_rows(min_row=4, values_only=True)
    )


def test_declarations_are_complete() -> None:
    for kind in CHANGE_KINDS.values():
        assert kind.title_id and kind.title_en and kind.description_id and kind.description_en
    for code in ("deadline-postponed", "removed-overdue-action", "evidence-withdrawn"):
        assert code in FINDING_TYPES


def test_readme_change_kinds_table_is_generated() -> None:
    from zi_workbook.compare.kinds import markdown_table

    readme = (Path(__file__).parent.parent / "README.md").read_text("utf-8")
    start = readme.index("<!-- changes:start -->") + len("<!-- changes:start -->")
    assert readme[start : readme.index("<!-- changes:end -->")].strip() == markdown_table()
