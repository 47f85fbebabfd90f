"""zi-workbook template: the blank Rencana Aksi reads back through read_plan exactly."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from cli_runner import invoke
from click.testing import Result

from zi_workbook import parse_target, read_plan
from zi_workbook.cli.template import template as template_command
from zi_workbook.model import AREAS
from zi_workbook.report import validate
from zi_workbook.writers._guide import accepted_examples, refused_examples
from zi_workbook.writers._template_lke import COMPONENT_CODES, reform_components
from zi_workbook.writers.template import COMPONENTS, HEADERS, SHEET, write_template

ROOT = Path(__file__).resolve().parents[1]
COMMITTED = ROOT / "templates" / "rencana_aksi_template.xlsx"
HEADER_ROW = 5
SIGN_FIRST = "[Tempat], [tanggal] [bulan] 20.."


def _run(*args: object) -> Result:
    return invoke(template_command, *args)


def _facts(path: Path) -> dict[str, Any]:
    """What a person and the reader see: cells, merges and input messages per sheet."""
    wb = openpyxl.load_workbook(path)
    out: dict[str, Any] = {"sheets": wb.sheetnames}
    for ws in wb:
        out[ws.title] = (
            {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None},
            sorted(str(r) for r in ws.merged_cells.ranges),
            sorted(
                (str(dv.sqref), dv.type, dv.promptTitle, dv.prompt, dv.showInputMessage)
                for dv in ws.data_validations.dataValidation
            ),
        )
    return out


def test_committed_template_is_what_the_command_makes(tmp_path: Path) -> None:
    out = tmp_path / "rencana_aksi.xlsx"
    result = _run("--out", out)
    assert result.exit_code == 0, result.output
    assert _facts(out) == _facts(COMMITTED)


def _codes(numeral: str) -> tuple[str, ...]:
    return (*COMPONENT_CODES[numeral], *(code for _, code in reform_components(numeral)))


def test_title_header_areas_and_components() -> None:
    ws = openpyxl.load_workbook(COMMITTED)[SHEET]
    assert [ws[f"A{r}"].value for r in (1, 2, 3)] == [
        "RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS",
        "[NAMA UNIT KERJA]",
        "TAHUN ....",
    ]
    assert [c.value for c in ws[HEADER_ROW]] == list(HEADERS)
    assert [c.value for c in ws[HEADER_ROW + 1]] == list(range(1, 9))
    areas: list[tuple[str, str]] = []
    components: dict[str, list[str]] = {}
    end = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 6).value == SIGN_FIRST)
    for row in range(HEADER_ROW + 2, end):
        a, b = ws.cell(row, 1).value, ws.cell(row, 2).value
        if isinstance(a, str):
            areas.append((a, b))
        elif a is not None:
            assert a == len(components[areas[-1][0]]) + 1
            components.setdefault(areas[-1][0], []).append(b)
            assert all(ws.cell(row, c).value is None for c in range(3, 8))
            n = len(components[areas[-1][0]])
            assert ws.cell(row, 8).value == _codes(areas[-1][0])[n - 1]
            for empty in (row + 1, row + 2):  # two empty rows for the actions
                assert all(ws.cell(empty, c).value is None for c in range(1, 8))
                assert all(not ws.cell(empty, c).protection.locked for c in range(1, 8))
            assert all(not ws.cell(row, c).protection.locked for c in range(3, 8))
        if isinstance(a, str):
            components[a] = []
    assert areas == [(n, v["id"].upper()) for n, v in AREAS.items()]
    # the decree's Pemenuhan components, then the area's Reform sub-areas (A.2.*)
    assert {k: tuple(v) for k, v in components.items()} == {
        k: (*v, *(name for name, _ in reform_components(k))) for k, v in COMPONENTS.items()
    }
    assert components["I"][-3:] == [
        "Komitmen dalam perubahan", "Komitmen Pimpinan", "Membangun Budaya Kerja",
    ]  # fmt: skip
    assert sum(len(reform_components(k)) for k in AREAS) == 17  # every Reform sub-area
    assert COMPONENTS["III"][4] == "Penegakan Aturan Disiplin/Kode Etik/Kode Perilaku Pegawai"


def test_signature_block_input_messages_and_print_setup() -> None:
    wb = openpyxl.load_workbook(COMMITTED)
    ws = wb[SHEET]
    texts = [ws.cell(r, 6).value for r in range(ws.max_row - 8, ws.max_row + 1)]
    assert [t for t in texts if t] == [
        SIGN_FIRST,
        "Ketua/Kepala [Nama Unit Kerja],",
        "Ttd.",
        "(nama)",
    ]
    prompts = {str(dv.sqref).split(":")[0][0]: dv for dv in ws.data_validations.dataValidation}
    assert set(prompts) >= {"F", "G"}
    assert "https" in prompts["F"].prompt and "Siapa saja yang memiliki link" in prompts["F"].prompt
    assert "Triwulan II 2022" in prompts["G"].prompt
    assert prompts["H"].type == "list" and prompts["H"].errorStyle == "warning"
    assert prompts["H"].formula1 == "'Kode LKE'!$A$2:$A$153"
    assert all(dv.showInputMessage for dv in prompts.values())
    assert all(dv.type in (None, "any") for k, dv in prompts.items() if k != "H")
    assert all(len(dv.prompt) <= 255 and len(dv.promptTitle) <= 32 for dv in prompts.values())
    assert ws.freeze_panes == f"A{HEADER_ROW + 2}"
    assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW + 1}"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    assert not ws.protection.sheet and not wb.security
    assert ws.cell(10, 7).number_format == "@"  # TARGET WAKTU stays text in Excel
    assert wb.sheetnames == [SHEET, "Petunjuk", "Kode LKE"]
    assert wb["Kode LKE"].sheet_state == "hidden"


def test_empty_template_is_a_plan_with_no_actions() -> None:
    plan = read_plan(COMMITTED)
    assert (
        plan.rows == ()
        and plan.sheets == (SHEET,)
        and plan.skipped_sheets == ("Petunjuk", "Kode LKE")
    )
    report = validate(COMMITTED, as_of=date(2026, 1, 1))
    assert report.results == ()
    assert [f.code for f in report.findings] == ["empty-plan"]


def _component_rows(ws: Any) -> dict[str, int]:
    return {
        str(ws.cell(r, 2).value): r
        for r in range(HEADER_ROW + 2, ws.max_row + 1)
        if isinstance(ws.cell(r, 1).value, int)
    }


def test_filled_template_reads_back_exactly(tmp_path: Path) -> None:
    path = write_template(tmp_path / "rencana.xlsx", year=2026, unit="KPU Kabupaten Contoh")
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET]
    rows = _component_rows(ws)
    expected = []
    targets = ("Juni 2026", "Triwulan II 2026", "Minggu ke-1 April 2026", "31 Maret 2026")
    for numeral, components in COMPONENTS.items():
        for pick, component in enumerate((components[0], components[-1])):
            for k, row in enumerate((rows[component] + 1, rows[component] + 2)):
                if pick and (k or numeral == "IV"):
                    continue  # not every empty row is used
                n = len(expected) + 1
                links: tuple[str, ...] = (f"https://drive.google.com/file/d/{numeral}{n}/view",)
                if n % 5 == 0:
                    links += (f"https://kpu.go.id/zi/{n}",)
                values = (
                    f"Indikator {n} area {numeral}",
                    f"Langkah aksi {n}",
                    f"Bukti fisik {n}",
                    "\n".join(links),
                    targets[n % len(targets)],
                )
                for col, value in enumerate(values, start=3):
                    ws.cell(row, col).value = value
                no = str(components.index(component) + 1)
                expected.append((SHEET, row, numeral, no, component, *values[:3], links, values[4]))
    component = COMPONENTS["VI"][1]  # an action on the component's own row
    row = rows[component]
    for col, value in enumerate(
        (
            "Budaya kerja",
            "Sosialisasi budaya pelayanan",
            "Daftar hadir",
            "https://kpu.go.id/budaya",
            "Juni 2026",
        ),
        start=3,
    ):
        ws.cell(row, col).value = value
    expected.append(
        (
            SHEET,
            row,
            "VI",
            "2",
            component,
            "Budaya kerja",
            "Sosialisasi budaya pelayanan",
            "Daftar hadir",
            ("https://kpu.go.id/budaya",),
            "Juni 2026",
        )
    )
    wb.save(path)
    report = validate(path, as_of=date(2026, 1, 1))
    got = [
        (
            r.sheet,
            r.row,
            r.area,
            r.no,
            r.component,
            r.indicator,
            r.action,
            r.evidence,
            r.links,
            r.target.text,
        )
        for r in (x.row for x in report.results)
    ]
    assert got == sorted(expected, key=lambda e: e[1])
    assert {r.row.area for r in report.results} == set(AREAS)
    assert report.plan.unit == "KPU Kabupaten Contoh" and report.plan.plan_year == 2026
    codes = {f.code for f in report.findings}
    assert not codes & {"no-area", "missing-area", "empty-plan"}
    assert not [
        f
        for f in report.findings
        if f.severity in ("error", "warning") and not f.code.startswith("lke-")
    ]
    assert report.counts["complete"] == len(expected)
    codes = {c: COMPONENT_CODES[n][i] for n, cs in COMPONENTS.items() for i, c in enumerate(cs)}
    assert all(r.lke is not None for r in report.results)
    assert [r.lke.sub_area for r in report.results if r.lke] == [
        codes[r.row.component] for r in report.results
    ]


def test_guide_examples_are_what_the_checker_reads() -> None:
    for year in (None, 2026):
        plan_year = year or 2022
        for text in accepted_examples(year):
            target = parse_target(text, plan_year)
            assert target.error is None and target.periods, text
        for text in refused_examples(year):
            assert parse_target(text, plan_year).error is not None, text
    assert accepted_examples(None)[:3] == [
        "April 2022",
        "Minggu ke-1 April 2022",
        "Triwulan II 2022",
    ]
    assert "Juni, Desember 2026" in accepted_examples(2026)


def test_guide_sheet_explains_targets_and_links() -> None:
    ws = openpyxl.load_workbook(COMMITTED)["Petunjuk"]
    text = "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
    for example in (*accepted_examples(None), *refused_examples(None)):
        assert example in text
    assert "1 April 2022 s.d. 30 April 2022" in text  # the meaning, from the parser
    for words in ("https", "Siapa saja yang memiliki link", "C:\\", "menyusul"):
        assert words in text


def test_year_unit_and_english(tmp_path: Path) -> None:
    out = tmp_path / "plan_en.xlsx"
    result = _run("--out", out, "--year", 2026, "--unit", "KPU Kota Contoh", "--lang", "en")
    assert result.exit_code == 0, result.output
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == [SHEET, "Guide", "Kode LKE"]
    ws = wb[SHEET]
    assert [ws[f"A{r}"].value for r in (2, 3)] == ["KPU KOTA CONTOH", "TAHUN 2026"]
    assert [c.value for c in ws[HEADER_ROW]] == list(HEADERS)  # the official form stays
    guide = wb["Guide"]
    assert guide["A1"].value.startswith("How to fill in")
    prompts = [dv.prompt for dv in ws.data_validations.dataValidation]
    assert any("Anyone with the link" in p for p in prompts)
    assert any("April 2026" in p for p in prompts)
    plan = read_plan(out)
    assert plan.unit == "KPU Kota Contoh" and plan.plan_year == 2026 and plan.rows == ()


def test_an_existing_file_is_not_overwritten_without_force(tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "rencana_aksi.xlsx"
    filled = openpyxl.Workbook()
    filled.active["A1"] = "filled plan"
    filled.save(out)
    before = out.read_bytes()
    result = _run("--out", out)
    assert result.exit_code == 2 and "--force" in result.stderr
    assert out.read_bytes() == before
    assert _run("--out", out, "--force").exit_code == 0
    assert read_plan(out).rows == ()


@pytest.mark.parametrize("year", [None, 2030])
def test_write_template_returns_the_path(tmp_path: Path, year: int | None) -> None:
    out = tmp_path / "t.xlsx"
    assert write_template(out, year=year) == out
    assert read_plan(out).plan_year == year


def test_empty_template_names_no_unit_from_its_placeholders() -> None:
    from zi_workbook import read_plan

    plan = read_plan(Path(__file__).parent.parent / "templates" / "rencana_aksi_template.xlsx")
    assert plan.unit is None and plan.plan_year is None and plan.rows == ()


def test_actions_under_the_reform_components_map_to_their_reform_sub_area(
    tmp_path: Path,
) -> None:
    path = write_template(tmp_path / "rencana.xlsx", year=2026, unit="KPU Kabupaten Contoh")
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET]
    rows = _component_rows(ws)
    wanted: dict[int, str] = {}
    for numeral in AREAS:
        for name, code in reform_components(numeral):
            row = rows[name] + 1
            values = (f"Indikator {name}", f"Laksanakan {name}", "Laporan", "https://kpu.go.id/x")
            for col, value in enumerate((*values, "Juni 2026"), start=3):
                ws.cell(row, col).value = value
            wanted[row] = code
    wb.save(path)
    report = validate(path, as_of=date(2026, 12, 31))
    assert {r.row.row: r.lke.sub_area for r in report.results if r.lke} == wanted
    assert all(r.lke and r.lke.code and r.lke.code.startswith(r.lke.sub_area + ".")
               for r in report.results)  # fmt: skip
    assert report.lke is not None
    reform = [
        q for a in report.lke.areas.values() for q in a.questions if q.question.part == "reform"
    ]
    assert {q.question.sub_area for q in reform if q.state != "none"} == set(wanted.values())
