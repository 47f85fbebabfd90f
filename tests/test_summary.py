"""zi-workbook summary: many plans in, the Inspectorate's workbook and JSON out."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from builders import make_plan, write_csv_as_xlsx
from cli_runner import invoke
from click.testing import Result
from localnet import isolate

from zi_workbook.cli.summary import summary as summary_command
from zi_workbook.errors import ZiWorkbookError
from zi_workbook.findings import FINDING_TYPES
from zi_workbook.i18n.summary import slabel
from zi_workbook.model import AREAS
from zi_workbook.report import Report, validate
from zi_workbook.summary import SCHEMA, expand_paths, summarize

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "01_kpu_kab_batang_2022.xlsx"
AS_OF = date(2022, 6, 30)
STATUS_ORDER = ("complete", "overdue", "needs_fix", "not_due")
LINK = "https://drive.google.com/file/d/1AbC/view"

pytestmark = pytest.mark.filterwarnings("ignore:.*extension is not supported:UserWarning")

PLAN_A = [
    ["I", "Manajemen Perubahan"],
    [
        "1",
        "Penyusunan Tim Kerja",
        "SK Tim Kerja",
        "Menyusun SK Tim",
        "SK Tim Kerja ZI",
        LINK,
        "Januari 2022",
    ],
    ["", "", "Rencana kerja", "Menyusun rencana kerja", "", "", "Maret 2022"],
    ["II Penataan Tatalaksana"],
    [
        "1",
        "E-Office",
        "Presensi elektronik",
        "Memasang aplikasi presensi",
        "Laporan",
        "",
        "Desember 2022",
    ],
    ["", "", "SOP evaluasi", "Mengevaluasi SOP", "Laporan evaluasi", "", "menyusul"],
]
PLAN_B = [
    [
        "",
        "Tindak lanjut",
        "Menindaklanjuti",
        "Menyusun tindak lanjut",
        "Notulen",
        "",
        "Februari 2022",
    ],
    ["V", "Penguatan Pengawasan"],
    [
        "1",
        "Pengendalian Gratifikasi",
        "Sosialisasi gratifikasi",
        "Sosialisasi",
        "Daftar hadir",
        "https://kpu.go.id/gratifikasi",
        "Mei 2022",
    ],
    ["", "", "Laporan gratifikasi", "Melapor ke UPG", "", "", "Minggu ke-2 April 2022"],
    ["VI", "Peningkatan Kualitas Pelayanan Publik"],
    ["1", "Standar Pelayanan", "Maklumat", "Menetapkan maklumat", "Maklumat", "", ""],
]


def _run(*args: object) -> Result:
    return invoke(summary_command, *args)


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    """The sample, two small plans and a CSV named .xlsx, side by side in one folder."""
    folder = tmp_path / "rencana"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / SAMPLE.name)
    make_plan(
        folder,
        PLAN_A,
        name="02_kpu_kab_contoh.xlsx",
        numbers=True,
        title_rows=(
            "RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS",
            "KPU KABUPATEN CONTOH",
            "TAHUN 2022",
        ),
    )
    make_plan(
        folder,
        PLAN_B,
        name="03_kpu_kota_contoh.xlsx",
        title_rows=("RENCANA AKSI ZONA INTEGRITAS KPU KOTA CONTOH TAHUN 2022",),
    )
    write_csv_as_xlsx(folder, "04_rusak.xlsx")
    (folder / "~$02_kpu_kab_contoh.xlsx").write_bytes(b"lock")
    return folder


def _readable(folder: Path) -> list[Path]:
    return [p for p in sorted(folder.glob("0*.xlsx")) if "rusak" not in p.name]


def _reports(folder: Path) -> dict[str, Report]:
    return {p.name: validate(p, as_of=AS_OF) for p in _readable(folder)}


@pytest.fixture
def written(plans: Path, tmp_path: Path) -> tuple[Result, Path]:
    out = tmp_path / "ringkasan.xlsx"
    return _run(plans, "--out", out, "--as-of", AS_OF.isoformat()), out


def _short(unit: str) -> str:
    return unit.replace("Kabupaten", "Kab.")


def _header_row(ws: Any, first: str) -> int:
    for row in ws.iter_rows(min_col=1, max_col=1):
        if row[0].value == first:
            return int(row[0].row)
    raise AssertionError(f"no header {first!r} in {ws.title}")


def test_exit_code_1_when_some_plans_cannot_be_read(written: tuple[Result, Path]) -> None:
    result, out = written
    assert result.exit_code == 1, result.output
    assert out.exists()
    assert "04_rusak.xlsx" in result.stderr


def test_offices_counts_match_validate_one_row_per_office(
    written: tuple[Result, Path], plans: Path
) -> None:
    _, out = written
    ws = openpyxl.load_workbook(out)["Ringkasan"]
    head = _header_row(ws, slabel("unit"))
    heads = [c.value for c in ws[head]]
    assert heads[:4] == [slabel(k) for k in ("unit", "file", "plan_year", "as_of")]
    assert heads[5:12] == [
        *(slabel(k) for k in (*STATUS_ORDER, "total")),
        "Selesai dari yang jatuh tempo",
        "Selesai dari seluruh rencana",
    ]
    seen: dict[str, tuple[Any, ...]] = {}
    for row in ws.iter_rows(min_row=head + 1, values_only=True):
        if row[1] is not None:
            assert str(row[1]) not in seen  # each office once
            seen[str(row[1])] = row
    reports = _reports(plans)
    assert set(seen) == set(reports)
    for name, report in reports.items():
        counts = dict(zip((*STATUS_ORDER, "total"), seen[name][5:10], strict=True))
        assert counts == report.counts
        rates = report.rates
        if rates.due_complete is None:
            assert seen[name][10] == "-"
        else:
            assert seen[name][10] == pytest.approx(rates.due_complete)
        assert seen[name][11] == pytest.approx(rates.all_complete)
    sample = reports[SAMPLE.name].counts
    assert sample == {"total": 70, "complete": 50, "overdue": 11, "not_due": 6, "needs_fix": 3}


def test_rates_are_real_percentages_and_the_date_is_indonesian(
    written: tuple[Result, Path],
) -> None:
    _, out = written
    ws = openpyxl.load_workbook(out)["Ringkasan"]
    head = _header_row(ws, slabel("unit"))
    for row in ws.iter_rows(min_row=head + 1):
        if row[1].value == SAMPLE.name:
            assert row[11].value == pytest.approx(50 / 70)
            assert "%" in row[10].number_format and "%" in row[11].number_format
            assert row[2].value == "2022" and row[0].value == "KPU Kabupaten Batang"
            assert row[3].value == "30 Juni 2022"
            heads = [c.value for c in ws[head]]
            assert re.fullmatch(r"[0-9a-f]{64}", str(row[heads.index("SHA-256")].value))
            return
    raise AssertionError("no row for the sample")


def test_chart_is_a_stacked_bar_reading_the_totals_table(
    written: tuple[Result, Path], plans: Path
) -> None:
    _, out = written
    with zipfile.ZipFile(out) as zf:
        xml = zf.read("xl/charts/chart1.xml").decode()
    assert '<c:barDir val="bar"/>' in xml and '<c:grouping val="stacked"/>' in xml
    values = re.findall(r"<c:val><c:numRef><c:f>([^<]+)</c:f>", xml)
    categories = set(re.findall(r"<c:cat><c:(?:str|num)Ref><c:f>([^<]+)</c:f>", xml))
    names = re.findall(r"<c:tx><c:strRef><c:f>([^<]+)</c:f>", xml)
    assert len(values) == len(names) == 4 and len(categories) == 1
    fills = re.findall(r'<c:spPr><a:solidFill><a:srgbClr val="([0-9A-F]{6})"/>', xml)
    assert fills[:4] == ["C6EFCE", "FFC7CE", "FFF2A8", "D9D9D9"]
    wb = openpyxl.load_workbook(out)
    reports = _reports(plans)
    (category_ref,) = categories
    labels = [c[0].value for c in _cells(wb, category_ref)]
    assert labels == [f"{n} · {v['id']}" for n, v in AREAS.items()]
    for status, value_ref, name_ref in zip(STATUS_ORDER, values, names, strict=True):
        assert _cells(wb, name_ref)[0][0].value == slabel(status)
        got = [c[0].value for c in _cells(wb, value_ref)]
        want = [sum(r.area_counts()[n][status] for r in reports.values()) for n in AREAS]
        assert got == want


def _cells(wb: Any, ref: str) -> Any:
    sheet, cells = ref.rsplit("!", 1)
    ws = wb[sheet.strip("'")]
    found = ws[cells.replace("$", "")]
    return found if isinstance(found, tuple) and isinstance(found[0], tuple) else ((found,),)


def _listed(ws: Any) -> set[tuple[str, str, int]]:
    head = _header_row(ws, slabel("office", "en" if ws.title in ("Overdue", "Needs Fix") else "id"))
    out = set()
    for row in ws.iter_rows(min_row=head + 1, values_only=True):
        if row[2]:
            sheet, _, number = str(row[2]).rpartition("!")
            out.add((str(row[1]), sheet, int(number)))
    return out


@pytest.mark.parametrize(
    ("sheet", "status"), [("Terlambat", "overdue"), ("Perlu Perbaikan", "needs_fix")]
)
def test_action_lists_are_complete(
    written: tuple[Result, Path], plans: Path, sheet: str, status: str
) -> None:
    _, out = written
    ws = openpyxl.load_workbook(out)[sheet]
    want = {
        (name, r.row.sheet, r.row.row)
        for name, rep in _reports(plans).items()
        for r in rep.results
        if r.status == status
    }
    assert want and _listed(ws) == want


def test_overdue_rows_say_days_late_and_what_is_missing(written: tuple[Result, Path]) -> None:
    _, out = written
    ws = openpyxl.load_workbook(out)["Terlambat"]
    head = _header_row(ws, slabel("office"))
    rows = {(r[1], r[2]): r for r in ws.iter_rows(min_row=head + 1, values_only=True)}
    row = rows[("02_kpu_kab_contoh.xlsx", "Lampiran II!9")]
    assert row[3] == "I" and row[4] == "Penyusunan Tim Kerja"
    assert row[6] == "Menyusun rencana kerja" and row[8] == "Maret 2022"
    assert row[7] in (None, "")  # PIC: the plan has none
    assert row[9].date() == row[10].date() == date(2022, 3, 31)  # due and deadline
    assert row[11] == (AS_OF - date(2022, 3, 31)).days
    assert row[12] == f"{slabel('missing_evidence')}; {slabel('missing_link')}"
    assert [c.value for c in ws[head]][7] == "PIC"
    fix = openpyxl.load_workbook(out)["Perlu Perbaikan"]
    texts = [r[12] for r in fix.iter_rows(values_only=True) if r[1] == "02_kpu_kab_contoh.xlsx"]
    assert texts == [f"{slabel('missing_link')}; {slabel('unreadable_target')}: 'menyusul'"]


def test_unreadable_file_is_listed_with_its_reason(
    written: tuple[Result, Path], plans: Path
) -> None:
    _, out = written
    with pytest.raises(ZiWorkbookError) as caught:
        validate(plans / "04_rusak.xlsx", as_of=AS_OF)
    reason = caught.value.message_id  # the file name stands beside it
    ws = openpyxl.load_workbook(out)["Ringkasan"]
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert "04_rusak.xlsx" in texts and reason in texts
    files = openpyxl.load_workbook(out)["Berkas"]
    rows = {r[1]: r[2:] for r in files.iter_rows(min_row=5, values_only=True)}
    assert rows["04_rusak.xlsx"][:2] == ("tidak terbaca", reason)


def test_findings_are_grouped_per_office_and_code_with_counts(
    written: tuple[Result, Path], plans: Path
) -> None:
    _, out = written
    ws = openpyxl.load_workbook(out)["Temuan"]
    head = _header_row(ws, slabel("office"))
    rows = [r for r in ws.iter_rows(min_row=head + 1, values_only=True) if r[0] and r[5]]
    want: dict[tuple[str, str], int] = {}
    for name, rep in _reports(plans).items():
        for f in rep.findings:
            if f.severity in ("error", "warning"):
                want[(name, f.code)] = want.get((name, f.code), 0) + 1
    assert {(str(r[1]), str(r[3])): r[5] for r in rows} == want
    assert len(rows) == len(want)  # one row per office and code
    assert {r[2] for r in rows} == {slabel("error_sev"), slabel("warning_sev")}
    for row in rows:
        assert row[4] == FINDING_TYPES[str(row[3])].title("id")
    legend = {r[3]: r[5] for r in ws.iter_rows(min_row=head + len(rows) + 2, values_only=True)}
    assert {code for _, code in want} <= set(legend)
    assert legend["no-area"] == FINDING_TYPES["no-area"].description("id")


def test_all_findings_lists_every_finding(plans: Path, tmp_path: Path) -> None:
    out = tmp_path / "semua.xlsx"
    _run(plans, "--out", out, "--as-of", AS_OF.isoformat(), "--all-findings")
    ws = openpyxl.load_workbook(out)["Semua Temuan"]
    head = _header_row(ws, slabel("office"))
    rows = [r for r in ws.iter_rows(min_row=head + 1, values_only=True) if r[5]]
    want = [
        f
        for rep in _reports(plans).values()
        for f in rep.findings
        if f.severity in ("error", "warning")
    ]
    assert len(rows) == len(want)
    # the CLI asks the workers for the messages only here, and here they all are
    assert sorted(str(r[7]) for r in rows) == sorted(
        " ".join(f.message("id").split()) for f in want
    )


def test_findings_travel_without_their_messages_when_none_is_shown(plans: Path) -> None:
    full = summarize([plans], as_of=AS_OF)
    lean = summarize([plans], as_of=AS_OF, finding_messages=False)
    assert any(o.findings for o in full.read)
    for a, b in zip(full.offices, lean.offices, strict=True):
        assert [f._replace(message="") for f in a.findings] == list(b.findings)
        assert a.overdue == b.overdue and a.to_dict() == b.to_dict()


def test_per_area_is_a_grid_of_offices_by_areas(written: tuple[Result, Path], plans: Path) -> None:
    _, out = written
    ws = openpyxl.load_workbook(out)["Per Area"]
    head = _header_row(ws, "No")
    heads = [c.value for c in ws[head]]
    assert [str(h).split("\n")[0] for h in heads[2:8]] == list(AREAS)
    assert heads[-1] == "Semua area"
    rows = list(ws.iter_rows(min_row=head + 1))
    assert rows[0][1].value == slabel("all_offices")
    reports = {r.plan.unit: r for r in _reports(plans).values()}
    assert {r[1].value for r in rows[1:]} == set(reports)
    for row in rows[1:]:
        rates = reports[row[1].value].area_rates()
        for i, numeral in enumerate(AREAS):
            cell = row[2 + i]
            due = rates[numeral].due_complete
            if due is None:
                assert cell.value == "-"
                continue
            assert cell.value == pytest.approx(due)
            assert cell.comment is not None and "selesai dari" in cell.comment.text
            band = "FFC7CE" if due < 0.5 else "FFEB9C" if due < 0.8 else "C6EFCE"
            assert cell.fill.fgColor.rgb.endswith(band)


def test_every_sheet_is_printable(written: tuple[Result, Path]) -> None:
    _, out = written
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == [
        "Peringkat",
        "Ringkasan",
        "Per Area",
        "Batas Atas LKE",
        "Terlambat",
        "Perlu Perbaikan",
        "Temuan",
        "Berkas",
        # a page per office (below 60 offices), in Peringkat's order
        *(_short(r[1]) for r in wb["Peringkat"].iter_rows(min_row=5, max_row=7, values_only=True)),
    ]
    assert sorted(wb.sheetnames[8:]) == ["KPU Kab. Batang", "KPU Kab. Contoh", "KPU Kota Contoh"]
    for ws in wb:
        assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
        if ws.title.startswith("KPU"):  # one page each, nothing to repeat
            assert ws.print_area and ws.page_setup.fitToHeight in (None, 1)
            continue
        assert ws.freeze_panes is not None
        assert ws.print_title_rows


def test_json_is_exactly_summarize_to_dict(plans: Path) -> None:
    result = _run(plans, "--format", "json", "--as-of", AS_OF.isoformat())
    assert result.exit_code == 1
    got = json.loads(result.stdout)
    assert got == summarize([plans], as_of=AS_OF, lean=True).to_dict()
    assert list(got) == [
        "schema",
        "as_of",
        "all_versions",
        "previous_as_of",
        "files",
        "file_counts",
        "offices",
        "totals",
    ]
    assert got["schema"] == SCHEMA == "zi-workbook/summary/2"
    office = got["offices"][0]
    assert list(office) == [
        "file",
        "unit",
        "label",
        "plan_year",
        "sha256",
        "status",
        "counts",
        "rates",
        "areas",
        "link_kinds",
        "links_checked",
        "notes",
        "versions",
        "previous",
        "lke",
    ]
    assert office["link_kinds"] == {"shortener": 52, "government": 4}
    assert all(o["links_checked"] is None for o in got["offices"])
    assert len(got["offices"]) == 3
    assert list(office["areas"]) == [*AREAS, "-"]
    assert list(office["counts"]) == ["total", "complete", "overdue", "not_due", "needs_fix"]
    assert [(f["path"], f["status"]) for f in got["files"]] == [
        ("01_kpu_kab_batang_2022.xlsx", "read"),
        ("02_kpu_kab_contoh.xlsx", "read"),
        ("03_kpu_kota_contoh.xlsx", "read"),
        ("04_rusak.xlsx", "failed"),
        ("~$02_kpu_kab_contoh.xlsx", "skipped"),
    ]
    assert got["totals"]["total"] == sum(r.counts["total"] for r in _reports(plans).values())


def test_english_labels(plans: Path, tmp_path: Path) -> None:
    out = tmp_path / "summary.xlsx"
    result = _run(plans, "--out", out, "--lang", "en", "--as-of", AS_OF.isoformat())
    assert result.exit_code == 1
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == [
        "Ranking",
        "Summary",
        "By Area",
        "LKE Ceiling",
        "Overdue",
        "Needs Fix",
        "Findings",
        "Files",
        *(_short(r[1]) for r in wb["Ranking"].iter_rows(min_row=5, max_row=7, values_only=True)),
    ]
    assert wb["KPU Kab. Batang"]["A1"].value == "ZONA INTEGRITAS ACTION PLAN MONITORING REPORT"
    ws = wb["Summary"]
    head = _header_row(ws, "Unit")
    assert [c.value for c in ws[head]][5:12] == [
        "Complete",
        "Overdue",
        "Needs fix",
        "Not yet due",
        "Total",
        "Complete of due",
        "Complete of all",
    ]
    assert ws["A1"].value == "Zona Integritas Action Plan Summary"
    assert _listed(wb["Overdue"])
    findings = wb["Findings"]
    titles = {r[4] for r in findings.iter_rows(min_row=5, values_only=True) if r[5]}
    assert "Missing link" in titles


def test_exit_2_when_no_plan_can_be_read(tmp_path: Path) -> None:
    bad = write_csv_as_xlsx(tmp_path, "rusak.xlsx")
    result = _run(bad, "--as-of", AS_OF.isoformat())
    assert result.exit_code == 2
    assert "rusak.xlsx" in result.stdout


def test_exit_2_on_usage_errors(tmp_path: Path) -> None:
    empty = tmp_path / "kosong"
    empty.mkdir()
    assert _run(empty).exit_code == 2
    assert _run().exit_code == 2
    assert _run(SAMPLE, "--as-of", "30-13-2022").exit_code == 2


def test_exit_0_and_a_text_table_when_every_plan_is_read(plans: Path) -> None:
    result = _run(*_readable(plans), "--as-of", AS_OF.isoformat())
    assert result.exit_code == 0, result.output
    assert re.search(r"KPU Kabupaten Batang · \S*01_kpu_kab_batang_2022.xlsx", result.stdout)
    assert re.search(r"Jumlah\s+50\s+11\s+3\s+6\s+70\s+71%", result.stdout)


def test_folders_skip_lock_files_hidden_files_and_the_output(plans: Path) -> None:
    (plans / ".~zi-tmp.xlsx").write_bytes(b"")
    out = plans / "ringkasan.xlsx"
    out.write_bytes(b"")
    names = [p.name for p in expand_paths([plans], exclude=[out])]
    assert names == [
        "01_kpu_kab_batang_2022.xlsx",
        "02_kpu_kab_contoh.xlsx",
        "03_kpu_kota_contoh.xlsx",
        "04_rusak.xlsx",
    ]
    assert [p.name for p in expand_paths([plans / "04_rusak.xlsx", plans])][:2] == [
        "04_rusak.xlsx",
        "01_kpu_kab_batang_2022.xlsx",
    ]


def test_worker_processes_give_the_same_summary(tmp_path: Path) -> None:
    for i in range(10):
        make_plan(tmp_path, PLAN_A if i % 2 else PLAN_B, name=f"plan_{i:02d}.xlsx")
    files = sorted(tmp_path.glob("*.xlsx"))
    alone = summarize(files, as_of=AS_OF, jobs=1, all_versions=True)
    pooled = summarize(files, as_of=AS_OF, jobs=2, all_versions=True)
    assert pooled == alone
    assert [o.name for o in pooled.offices] == [p.name for p in files]


def test_importing_the_commands_imports_no_pandas() -> None:
    code = (
        "import sys, zi_workbook.cli, zi_workbook.cli.summary; "
        "assert 'pandas' not in sys.modules and 'numpy' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


# ------------------------------------------------------------------ text output


def test_text_keeps_whole_area_names_and_names_a_bad_file_once(plans: Path) -> None:
    result = _run(plans, "--as-of", AS_OF.isoformat(), "--lang", "en")
    assert result.exit_code == 1
    assert re.search(r"VI Improving Public Service Quality\s+11\s+1\s", result.stdout)
    assert "VI Peningkatan Kualitas Pelayanan Publik" in _run(plans, "--as-of", "2022-06-30").stdout
    (line,) = [x for x in result.stdout.splitlines() if "04_rusak.xlsx" in x]
    assert line.startswith("04_rusak.xlsx: NOT READ: ") and line.count("04_rusak.xlsx") == 1
    assert "Link kinds: URL shortener 52 · Government site (go.id) 4" in result.stdout


# ------------------------------------------------------------------ links


def _kinds_by_validate(path: Path) -> dict[str, int]:
    from collections import Counter

    from zi_workbook.links import classify

    counts = Counter(
        classify(url).kind
        for result in validate(path, as_of=AS_OF).results
        for url in result.row.links
        if classify(url).is_safe
    )
    return dict(counts)


def test_link_kinds_are_counted_as_validate_sees_them(plans: Path) -> None:
    result = summarize(_readable(plans), as_of=AS_OF)
    for office in result.offices:
        assert office.link_kinds == _kinds_by_validate(Path(office.file))
        assert office.links_checked is None
    sample = result.offices[0]
    assert sample.link_kinds == {"shortener": 52, "government": 4}
    assert not result.links_checked


def _office_cell(ws: Any, file: str, header: str) -> Any:
    """The ``header`` column of ``file``'s row on Ringkasan (or Summary)."""
    head = _header_row(ws, slabel("unit", "id" if ws.title == "Ringkasan" else "en"))
    heads = [c.value for c in ws[head]]
    for row in ws.iter_rows(min_row=head + 1):
        if Path(str(row[1].value)).name == file:
            return row[heads.index(header)].value
    raise AssertionError(f"no overall row for {file}")


def test_ringkasan_shows_each_office_s_link_kinds(
    written: tuple[Result, Path], plans: Path, tmp_path: Path
) -> None:
    _, out = written
    ws = openpyxl.load_workbook(out)["Ringkasan"]
    assert slabel("link_status") not in [c.value for c in ws[_header_row(ws, slabel("unit"))]]
    assert (
        _office_cell(ws, SAMPLE.name, "Jenis Tautan")
        == "Tautan pemendek 52 · Situs pemerintah (go.id) 4"
    )
    assert _office_cell(ws, "02_kpu_kab_contoh.xlsx", "Jenis Tautan") == "Berkas Google Drive 1"
    en = tmp_path / "en.xlsx"
    assert _run(plans, "--out", en, "--lang", "en", "--as-of", AS_OF.isoformat()).exit_code == 1
    summary_en = openpyxl.load_workbook(en)["Summary"]
    assert (
        _office_cell(summary_en, "03_kpu_kota_contoh.xlsx", "Link kinds")
        == "Government site (go.id) 1"
    )


def _hyperlinks(path: Path) -> list[str]:
    wb = openpyxl.load_workbook(path)
    return [c.hyperlink.target for ws in wb for row in ws.iter_rows() for c in row if c.hyperlink]


def _link_plan(folder: Path, urls: dict[str, str]) -> Path:
    """Overdue and needs-fix rows that carry links (no evidence), and one complete row."""
    return make_plan(
        folder,
        [
            ["I", "Manajemen Perubahan"],
            ["1", "Tim", "SK Tim", "Menyusun SK", "SK Tim", urls["gov_ok"], "Januari 2022"],
            ["2", "Tim", "Rapat", "Rapat tim", "", urls["short_missing"], "Februari 2022"],
            [
                "3",
                "Tim",
                "Evaluasi",
                "Evaluasi tim",
                "",
                f"{urls['web_ok']}\nmailto:ppid@kpu.go.id",
                "Maret 2022",
            ],
            ["4", "Tim", "Laporan", "Melapor", "", urls["short_ok"], "menyusul"],
            ["5", "Tim", "Skrip", "Menulis", "", "javascript:alert(1)", "April 2022"],
        ],
        name="05_kpu_tautan.xlsx",
        title_rows=("RENCANA AKSI ZONA INTEGRITAS KPU KOTA TAUTAN TAHUN 2022",),
    )


def _link_urls(port: int) -> dict[str, str]:
    return {
        "gov_ok": f"http://kpu.go.id:{port}/ok",
        "short_missing": f"http://bit.ly:{port}/missing",
        "web_ok": f"http://127.0.0.1:{port}/ok",
        "short_ok": f"http://bit.ly:{port}/ok",
    }


def _action_table(ws: Any) -> tuple[list[Any], dict[str, tuple[Any, ...]]]:
    head = _header_row(ws, slabel("office"))
    heads = [c.value for c in ws[head]]
    rows = {str(r[2].value): r for r in ws.iter_rows(min_row=head + 1) if r[2].value}
    return heads, rows


def test_action_lists_carry_links_with_their_kinds(tmp_path: Path) -> None:
    plan = _link_plan(tmp_path, _link_urls(9))
    out = tmp_path / "ringkasan.xlsx"
    assert _run(plan, "--out", out, "--as-of", AS_OF.isoformat()).exit_code == 0
    assert set(_hyperlinks(out)) == {
        "http://bit.ly:9/missing",
        "http://127.0.0.1:9/ok",
        "mailto:ppid@kpu.go.id",
        "http://bit.ly:9/ok",
    }
    wb = openpyxl.load_workbook(out)
    heads, rows = _action_table(wb["Terlambat"])
    assert heads[13:] == ["Tautan 1", "Tautan 2", "Jenis Tautan"]
    short = rows["Lampiran II!6"]
    assert short[13].hyperlink.target == short[13].value == "http://bit.ly:9/missing"
    assert short[15].value == "Tautan pemendek"
    two = rows["Lampiran II!7"]
    assert [two[13].hyperlink.target, two[14].hyperlink.target] == [
        "http://127.0.0.1:9/ok",
        "mailto:ppid@kpu.go.id",
    ]
    assert two[15].value == "1: Jaringan kantor\n2: Surel"
    script = rows["Lampiran II!9"]
    assert script[13].value in (None, "") and script[13].hyperlink is None
    heads, rows = _action_table(wb["Perlu Perbaikan"])
    assert heads[13:] == ["Tautan", "Jenis Tautan"]
    assert rows["Lampiran II!8"][14].value == "Tautan pemendek"


def test_every_hyperlink_is_http_https_or_mailto(tmp_path: Path, plans: Path) -> None:
    _link_plan(plans, _link_urls(9))
    out = tmp_path / "ringkasan.xlsx"
    assert _run(plans, "--out", out, "--as-of", AS_OF.isoformat()).exit_code == 1
    targets = _hyperlinks(out)
    assert targets
    assert all(t.split(":", 1)[0] in ("http", "https", "mailto") for t in targets)


# ------------------------------------------------------------------ --check-links


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_HEAD(self) -> None:
        self._answer()

    def do_GET(self) -> None:
        self._answer()

    def _answer(self) -> None:
        self.server.hits += 1  # type: ignore[attr-defined]
        self.send_response(404 if self.path == "/missing" else 200)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture
def server() -> Iterator[ThreadingHTTPServer]:
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    srv.daemon_threads = True
    srv.hits = 0  # type: ignore[attr-defined]
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


@pytest.fixture
def local_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """No proxy; bit.ly and kpu.go.id resolve to 127.0.0.1, every other name fails."""
    strangers = isolate(monkeypatch, ("bit.ly", "kpu.go.id"))
    yield strangers
    assert strangers == [], f"tried to resolve a name outside the test: {strangers}"


def test_check_links_counts_what_opened(
    server: ThreadingHTTPServer, local_only: list[str], tmp_path: Path
) -> None:
    plan = _link_plan(tmp_path, _link_urls(server.server_address[1]))
    out = tmp_path / "ringkasan.xlsx"
    quick = ("--link-timeout", "2", "--links-total-timeout", "20", "--jobs", "1")
    result = _run(
        plan,
        "--out",
        out,
        "--as-of",
        AS_OF.isoformat(),
        "--check-links",
        "--no-cache",
        *quick,
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    (office,) = json.loads(result.stdout)["offices"]
    assert office["link_kinds"] == {
        "shortener": 2,
        "government": 1,
        "office-network": 1,
        "email": 1,
    }
    assert office["links_checked"] == {"ok": 3, "broken": 1}
    assert server.hits >= 4  # type: ignore[attr-defined]

    wb = openpyxl.load_workbook(out)
    ringkasan = wb["Ringkasan"]
    assert _office_cell(ringkasan, plan.name, "Hasil cek tautan") == (
        "Tautan terbuka 3 / tidak terbuka 1"
    )
    heads, rows = _action_table(wb["Terlambat"])
    assert heads[13:] == ["Tautan 1", "Tautan 2", "Jenis Tautan", "Hasil cek tautan"]
    broken = rows["Lampiran II!6"][16].value
    assert broken.startswith("✗ ") and "404" in broken
    assert rows["Lampiran II!7"][16].value == "1: ✓ dapat dibuka\n2: – tidak diperiksa"
    assert rows["Lampiran II!9"][16].value in (None, "")
    _, fixes = _action_table(wb["Perlu Perbaikan"])
    assert fixes["Lampiran II!8"][15].value == "✓ dapat dibuka"


def test_check_links_through_the_library_in_english_with_a_cache(
    server: ThreadingHTTPServer, local_only: list[str], tmp_path: Path
) -> None:
    from zi_workbook.writers.summary import write_summary_workbook

    plan = _link_plan(tmp_path, _link_urls(server.server_address[1]))
    options = {"timeout": 2.0, "total_timeout": 20.0, "cache_path": tmp_path / "links.sqlite"}
    first = summarize([plan], as_of=AS_OF, lang="en", check_links=True, link_options=options)
    hits = server.hits  # type: ignore[attr-defined]
    again = summarize([plan], as_of=AS_OF, lang="en", check_links=True, link_options=options)
    assert server.hits == hits  # type: ignore[attr-defined]  # the cache answered
    assert first == again and first.links_checked
    (item,) = [i for i in first.offices[0].overdue if i.row == 6]
    assert item.link_kinds == ("shortener",) and item.link_checks == ((False, "not found (404)"),)
    out = write_summary_workbook(first, tmp_path / "summary.xlsx")
    ws = openpyxl.load_workbook(out)["Summary"]
    assert _office_cell(ws, plan.name, "Link check") == "Links opened 3 / not opened 1"


def test_no_check_without_the_flag(
    server: ThreadingHTTPServer, local_only: list[str], tmp_path: Path
) -> None:
    plan = _link_plan(tmp_path, _link_urls(server.server_address[1]))
    result = _run(plan, "--as-of", AS_OF.isoformat(), "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["offices"][0]["links_checked"] is None
    assert server.hits == 0  # type: ignore[attr-defined]


def test_a_folder_is_searched_with_its_subfolders_and_xlsm(tmp_path: Path) -> None:
    from zi_workbook.summary import expand_paths

    root = tmp_path / "kantor"
    for sub, name in (
        ("kab_a", "rencana.xlsx"),
        ("kab_b", "rencana.xlsm"),
        ("", "B.XLSX"),
        ("kab_a", "~$rencana.xlsx"),
        (".tmp", "x.xlsx"),
        ("", "notes.txt"),
    ):
        folder = root / sub
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(b"")
    found = [str(p.relative_to(root)) for p in expand_paths([root])]
    assert found == ["B.XLSX", "kab_a/rencana.xlsx", "kab_b/rencana.xlsm"]


def test_ringkasan_marks_rates_under_half_in_red(written: tuple[Result, Path]) -> None:
    _, out = written
    ws = openpyxl.load_workbook(out)["Ringkasan"]
    head = _header_row(ws, slabel("unit"))
    seen = set()
    for row in ws.iter_rows(min_row=head + 1):
        for cell in row[10:12]:
            if isinstance(cell.value, float):
                red = cell.fill.fgColor.rgb.endswith("FFC7CE")
                assert red == (cell.value < 0.5), (cell.coordinate, cell.value)
                seen.add(red)
    assert seen == {True, False}


def test_out_an_existing_folder_writes_ringkasan_of_the_day_inside(
    plans: Path, tmp_path: Path
) -> None:
    # as validate --out FOLDER does: a coordinator types the folder, not a file name
    folder = tmp_path / "laporan"
    folder.mkdir()
    result = _run(str(plans), "--as-of", "2022-05-31", "--out", str(folder))
    written = folder / "ringkasan_2022-05-31.xlsx"
    assert result.exit_code in (0, 1), result.output
    assert written.is_file() and str(written) in result.output
    assert openpyxl.load_workbook(written).sheetnames[0] == "Peringkat"
    assert sorted(p.name for p in folder.iterdir()) == [written.name]  # nothing else left
