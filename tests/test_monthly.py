"""The monthly report (issue 14), on plans built by code: calendar severity, one line per
action in the right group and order, PIC columns, both rates, periods passed, and the
Laporan Monev page's print settings."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from builders import STD_HEADER, Link, make_plan
from click.testing import Result

from zi_workbook.monthly.todo import build_todo
from zi_workbook.report import validate
from zi_workbook.writers.monev import MAX_OVERDUE
from zi_workbook.writers.status import write_status_workbook
from zi_workbook.writers.text import render_text

RunCli = Callable[..., Result]
SAMPLE = Path(__file__).parent.parent / "samples" / "01_kpu_kab_batang_2022.xlsx"
AS_OF = date(2022, 6, 15)


def act(n: int, target: str, *, done: bool = False, link: Any = None, **extra: str) -> list[Any]:
    url = Link(f"https://kab-batang.kpu.go.id/bukti/{n}", "Lihat")
    return [
        str(n),
        "Komponen",
        f"Indikator {n}",
        f"Aksi {n}",
        f"Bukti {n}" if done else "",
        link if link is not None else (url if done else ""),
        target,
        *extra.values(),
    ]


def plan_of(tmp_path: Path, rows: list[list[Any]], extra: tuple[str, ...] = ()) -> Path:
    body: list[list[Any]] = [["I", "MANAJEMEN PERUBAHAN"], *rows]
    return make_plan(tmp_path, body, header=(*STD_HEADER, *extra))


def test_an_on_schedule_plan_exits_0(run_cli: RunCli, tmp_path: Path) -> None:
    path = plan_of(
        tmp_path,
        [act(1, "Maret 2022", done=True), act(2, "Juli 2022"), act(3, "Desember 2022")],
    )
    result = run_cli("validate", path, "--as-of", "2022-06-15")
    assert result.exit_code == 0, result.stdout
    assert "2 belum waktunya" in result.stdout
    late = (
        plan_of(tmp_path / "late", [act(1, "Maret 2022")])
        if (tmp_path / "late").mkdir() is None
        else None
    )
    assert late is not None
    assert run_cli("validate", late, "--as-of", "2022-06-15").exit_code == 1  # overdue: error


def test_one_line_per_action_in_group_and_order(tmp_path: Path) -> None:
    rows = [
        act(1, "Mei 2022"),  # 15 days late
        act(2, "Juni 2022"),  # due in 15 days
        act(3, "Februari 2022"),  # 135 days late
        act(4, "menyusul"),  # unreadable target: fix the writing
        act(5, "Desember 2022", done=True, link="htps://kab-batang.kpu.go.id/b/5"),  # typo
        act(6, "Desember 2022"),  # not yet due: counted, not listed
        act(7, "Maret 2022", link="menyusul"),  # late, placeholder link
    ]
    report = validate(plan_of(tmp_path, rows), as_of=AS_OF)
    todo = build_todo(report)
    listed = [(x.group, x.action) for x in todo.lines if x.result is not None]
    assert listed == [
        ("overdue", "Aksi 3"),
        ("overdue", "Aksi 7"),
        ("overdue", "Aksi 1"),
        ("due_soon", "Aksi 2"),
        ("fix", "Aksi 4"),
        ("fix", "Aksi 5"),
    ]
    assert todo.not_yet == 2  # actions 5 and 6 (5's only link cannot open)
    seven = next(x for x in todo.lines if x.action == "Aksi 7")
    assert seven.text.startswith("Terlambat 76 hari; ")
    assert "menyusul" in seven.text  # one line with every problem of the action
    text = render_text(report)
    assert text.index("Terlambat (3)") < text.index("Jatuh tempo dalam 30 hari (1)")
    assert text.index("Jatuh tempo dalam 30 hari (1)") < text.index("Perbaiki penulisan (2)")
    assert "jatuh tempo 30 Juni 2022 (15 hari lagi)" in text
    assert "'https://kab-batang.kpu.go.id/b/5'" in text  # the corrected link is suggested


@pytest.mark.parametrize(
    "header",
    ["PIC", "P.I.C.", "Penanggung Jawab", "PENANGGUNG-JAWAB", "PJ", "Unit Pelaksana", "PELAKSANA"],
)
def test_pic_column_under_each_header_spelling(tmp_path: Path, header: str) -> None:
    rows = [
        act(1, "Maret 2022", a="Subbag Hukum", b="rapat ditunda"),
        act(2, "April 2022", a="Subbag Umum", b=""),
        act(3, "Desember 2022", a="Subbag Hukum", b=""),
    ]
    report = validate(plan_of(tmp_path, rows, (header, "KETERANGAN")), as_of=AS_OF)
    data = report.to_dict()
    assert [r["pic"] for r in data["rows"]] == ["Subbag Hukum", "Subbag Umum", "Subbag Hukum"]
    assert data["rows"][0]["extra"][header] == "Subbag Hukum"
    assert "Per penanggung jawab (PIC)" in render_text(report)
    out = tmp_path / "status.xlsx"
    write_status_workbook(report, out)
    wb = openpyxl.load_workbook(out)
    order = [
        "Tindak Lanjut",
        "Status",
        "Per PIC",
        "Laporan Monev",
        "Temuan",
        "Kode Temuan",
        "Ringkasan",
    ]
    assert [name for name in wb.sheetnames if name in order] == order  # LKE after Status
    heads = [c.value for c in wb["Status"][4]]
    at = heads.index("Langkah Aksi")
    assert heads[at + 1 : at + 3] == [header, "KETERANGAN"]
    per_pic = [r[0] for r in wb["Per PIC"].iter_rows(min_row=5, values_only=True)]
    assert per_pic[0].startswith("Subbag Hukum (terlambat 1")


def test_keterangan_is_shown_but_never_the_pic(tmp_path: Path) -> None:
    rows = [act(1, "Maret 2022", a="Sudah dibahas di rapat")]
    report = validate(plan_of(tmp_path, rows, ("KETERANGAN",)), as_of=AS_OF)
    assert report.to_dict()["rows"][0]["pic"] is None
    assert report.to_dict()["rows"][0]["extra"] == {"KETERANGAN": "Sudah dibahas di rapat"}


def test_both_rates_when_half_is_not_yet_due(tmp_path: Path) -> None:
    rows = [
        act(1, "Januari 2022", done=True),
        act(2, "Februari 2022", done=True),
        act(3, "Maret 2022"),
        act(4, "April 2022", done=True),
        act(5, "Agustus 2022"),
        act(6, "September 2022"),
        act(7, "Oktober 2022"),
        act(8, "November 2022", done=True),
    ]
    report = validate(plan_of(tmp_path, rows), as_of=AS_OF)
    assert report.to_dict()["rates"] == {"due_complete": 0.75, "all_complete": 0.5}
    text = render_text(report)
    assert "Selesai dari yang sudah jatuh tempo: 75 % (3 dari 4)" in text
    assert "Selesai dari seluruh rencana: 50 % (4 dari 8)" in text
    out = tmp_path / "status.xlsx"
    write_status_workbook(report, out)
    ringkasan = [c for r in openpyxl.load_workbook(out)["Ringkasan"].values for c in r if c]
    assert "75 % (3 dari 4)" in ringkasan and 0.75 in ringkasan and 0.5 in ringkasan


def test_nothing_due_yet_has_no_due_rate(tmp_path: Path) -> None:
    report = validate(plan_of(tmp_path, [act(1, "Desember 2022")]), as_of=AS_OF)
    assert report.to_dict()["rates"] == {"due_complete": None, "all_complete": 0.0}


def test_a_12_period_action_after_its_third_period(tmp_path: Path) -> None:
    rows = [act(1, "Setiap bulan 2022", done=True)]
    report = validate(plan_of(tmp_path, rows), as_of=date(2022, 4, 1))
    (result,) = report.results
    assert result.state.periods == 12
    assert result.state.periods_passed == 3 and result.status == "complete"
    assert any(f.code == "recurring-evidence" for f in result.findings)
    out = tmp_path / "status.xlsx"
    write_status_workbook(report, out)
    ws = openpyxl.load_workbook(out)["Status"]
    cells = [c for r in ws.values for c in r if isinstance(c, str)]
    assert any("(3 dari 12 periode lewat)" in c for c in cells)


def _monev(path: Path, as_of: date, folder: Path) -> Any:
    out = folder / "status.xlsx"  # never beside the bundled sample
    write_status_workbook(validate(path, as_of=as_of), out)
    return openpyxl.load_workbook(out)["Laporan Monev"]


@pytest.mark.parametrize("n_actions", [0, 300])
def test_laporan_monev_prints_on_one_a4_page(tmp_path: Path, n_actions: int) -> None:
    if n_actions:
        rows = [act(n, ("Januari", "Maret", "Juli")[n % 3] + " 2022") for n in range(1, 301)]
        path = plan_of(tmp_path, rows)
    else:
        path = SAMPLE
    ws = _monev(path, AS_OF, tmp_path)
    setup = ws.page_setup
    assert setup.orientation == "landscape" and setup.paperSize == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert setup.fitToWidth in (None, 1) and setup.fitToHeight in (None, 1)  # 1 is the default
    assert not ws.row_breaks.brk and not ws.col_breaks.brk
    first, last = str(ws.print_area).split("!")[1].replace("$", "").split(":")
    assert first == "A1" and last.startswith("I") and int(last[1:]) <= 50
    cells = [c for r in ws.values for c in r if isinstance(c, str)]
    assert "Mengetahui," in cells and "Ketua Tim Zona Integritas" in cells
    assert any(c.endswith("15 Juni 2022") for c in cells)
    assert any(c.startswith("NIP.") for c in cells)
    if n_actions:
        assert sum(1 for c in cells if c.startswith("Aksi ")) == MAX_OVERDUE
        assert any("lainnya (lihat lembar Tindak Lanjut)" in c for c in cells)


def test_json_has_pic_rates_and_due(run_cli: RunCli) -> None:
    data = json.loads(
        run_cli("validate", SAMPLE, "--as-of", "2022-05-31", "--format", "json").stdout
    )
    row87 = next(r for r in data["rows"] if r["row"] == 87)
    assert row87["target"]["due"] == "2022-03-31" and row87["target"]["deadline"] == "2022-12-31"
    assert row87["pic"] is None
    assert set(data["rates"]) == {"due_complete", "all_complete"}
