"""The status workbook read back with openpyxl: values, fills, links, no formulas."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from builders import Link, Text, make_plan

from zi_workbook.i18n import _LABELS, STATUS_LABELS
from zi_workbook.report import validate
from zi_workbook.writers.status import write_status_workbook

SAMPLE = Path(__file__).parent.parent / "samples" / "01_kpu_kab_batang_2022.xlsx"
AS_OF = date(2022, 5, 31)
FILLS = {"complete": "C6EFCE", "overdue": "FFC7CE", "due_soon": "FFD8A8", "needs_fix": "FFF2A8"}


@pytest.fixture(scope="module")
def sample_book(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, openpyxl.Workbook]:
    report = validate(SAMPLE, as_of=AS_OF)
    out = tmp_path_factory.mktemp("status") / "status.xlsx"
    write_status_workbook(report, out)
    return report, openpyxl.load_workbook(out)


def _header(ws: openpyxl.worksheet.worksheet.Worksheet) -> dict[str, int]:
    return {c.value: c.column for c in ws[4] if c.value}


def test_sheets_and_layout(sample_book: tuple[object, openpyxl.Workbook]) -> None:
    _, wb = sample_book
    assert wb.sheetnames == [
        "Tindak Lanjut",
        "Status",
        "LKE",
        "Laporan Monev",
        "Temuan",
        "Kode Temuan",
        "Ringkasan",
    ]
    ws = wb["Status"]
    assert ws.freeze_panes == "A5"
    assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A4:")
    assert ws.print_title_rows == "$4:$4"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9


def test_every_row_with_its_status_fill_and_source(
    sample_book: tuple[object, openpyxl.Workbook],
) -> None:
    report, wb = sample_book
    ws = wb["Status"]
    cols = _header(ws)
    assert ws.max_row == 4 + 70
    for n, result in enumerate(report.results, start=5):  # type: ignore[attr-defined]
        assert ws.cell(n, cols["Lembar"]).value == "Lampiran II"
        assert ws.cell(n, cols["Baris"]).value == result.row.row
        assert ws.cell(n, cols["Indikator"]).value == result.row.indicator
        key = "due_soon" if result.due_soon else result.status
        status_cell = ws.cell(n, cols["Status"])
        assert status_cell.value == STATUS_LABELS[key][0]
        fill = status_cell.fill.fgColor.rgb if status_cell.fill.fill_type else None
        assert (fill[-6:] if fill else None) == FILLS.get(key)


def test_links_clickable(sample_book: tuple[object, openpyxl.Workbook]) -> None:
    report, wb = sample_book
    ws = wb["Status"]
    link_col = _header(ws)["Tautan 1"]
    for n, result in enumerate(report.results, start=5):  # type: ignore[attr-defined]
        cell = ws.cell(n, link_col)
        if result.row.links:
            assert cell.hyperlink is not None
            assert cell.hyperlink.target == result.row.links[0]
        else:
            assert cell.hyperlink is None


def test_no_cell_is_a_formula(sample_book: tuple[object, openpyxl.Workbook]) -> None:
    _, wb = sample_book
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.coordinate


def test_findings_sheet_one_line_per_finding_no_other_sheet_states(
    sample_book: tuple[object, openpyxl.Workbook],
) -> None:
    report, wb = sample_book
    ws = wb["Temuan"]
    codes = [ws.cell(n, 4).value for n in range(4, ws.max_row + 1)]
    kept = [
        f.code
        for f in report.findings  # type: ignore[attr-defined]
        if not f.notable
        and f.code not in ("not-yet-due", "recurring-evidence", "lke-question-unplanned")
    ]
    assert codes == kept and len(kept) > 50
    assert ws.auto_filter.ref


def test_summary_sheet_prints_on_one_page_width(
    sample_book: tuple[object, openpyxl.Workbook],
) -> None:
    _, wb = sample_book
    ws = wb["Ringkasan"]
    setup = ws.page_setup
    assert setup.orientation == "landscape" and setup.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage and setup.fitToWidth in (None, 1)
    assert setup.fitToHeight == 0  # as many pages down as needed, never a cut table
    # the values (a 64-character SHA-256) span the table's width instead of wrapping
    # into the next row
    assert {str(r) for r in ws.merged_cells.ranges} >= {"B3:I3", "B4:I4"}
    header = next(row for row in ws.iter_rows() if row[0].value == "Area")[0].row
    assert ws.row_dimensions[header].height == 45
    assert ws.column_dimensions["A"].width >= len("Selesai dari yang sudah jatuh tempo")


def test_summary_counts_and_hash(sample_book: tuple[object, openpyxl.Workbook]) -> None:
    report, wb = sample_book
    ws = wb["Ringkasan"]
    values = [[c.value for c in row] for row in ws.iter_rows()]
    flat = [v for row in values for v in row if v is not None]
    assert report.plan.sha256 in flat  # type: ignore[attr-defined]
    assert "31 Mei 2022" in flat
    total_row = next(row for row in values if row[0] == "Jumlah")
    counts = report.counts  # type: ignore[attr-defined]
    assert total_row[2:7] == [
        counts["complete"],
        counts["overdue"],
        counts["not_due"],
        counts["needs_fix"],
        counts["total"],
    ]


HOSTILE = [
    '=HYPERLINK("http://evil.example/x","klik")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "=1+1",
]


def test_formula_looking_text_and_unsafe_links_neutralised(tmp_path: Path) -> None:
    rows = [
        [
            1,
            "Komponen",
            Text(HOSTILE[0]),
            Text(HOSTILE[1]),
            Text(HOSTILE[2]),
            "javascript:alert(1)",
            "Juni 2022",
        ],
        [
            2,
            "Komponen",
            Text(HOSTILE[3]),
            Text(HOSTILE[4]),
            "Bukti",
            Link("file:///C:/bukti.pdf", "bukti"),
            "Juni 2022",
        ],
        [3, "Komponen", "Indikator", "Aksi", "Bukti", "data:text/html,<b>x</b>", "Juni 2022"],
    ]
    plan = make_plan(tmp_path, [["I", "Manajemen Perubahan"], *rows], engine="xlsxwriter")
    before = plan.read_bytes()
    report = validate(plan, as_of=AS_OF)
    out = tmp_path / "status.xlsx"
    write_status_workbook(report, out)
    assert plan.read_bytes() == before
    wb = openpyxl.load_workbook(out)
    ws = wb["Status"]
    texts = set()
    for row in ws.iter_rows():
        for cell in row:
            assert cell.data_type != "f"
            if cell.hyperlink is not None:
                assert cell.hyperlink.target.startswith(("http://", "https://", "mailto:"))
            if isinstance(cell.value, str):
                texts.add(cell.value)
    for text in HOSTILE:
        assert text in texts
    assert not any(c.hyperlink for row in ws.iter_rows() for c in row)


def _label_cells(wb: openpyxl.Workbook) -> set[str]:
    out = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows(max_row=4):
            out.update(c.value for c in row if isinstance(c.value, str))
    ws = wb.worksheets[0]
    col = _header(ws).get("Status") or 0
    out.update(ws.cell(n, col).value for n in range(5, ws.max_row + 1) if col)
    return {v.split(" — ")[0].split(":")[0] for v in out if v}


def test_english_labels_have_no_indonesian_left(tmp_path: Path) -> None:
    id_labels = {p[0] for p in (*_LABELS.values(), *STATUS_LABELS.values())}
    en_labels = {p[1] for p in (*_LABELS.values(), *STATUS_LABELS.values())}
    only_id, only_en = id_labels - en_labels, en_labels - id_labels
    books = {}
    for lang in ("id", "en"):
        out = tmp_path / f"{lang}.xlsx"
        write_status_workbook(validate(SAMPLE, as_of=AS_OF, lang=lang), out)
        books[lang] = _label_cells(openpyxl.load_workbook(out))
    assert not books["en"] & only_id
    assert not books["id"] & only_en
    assert {"Overdue", "Findings", "Summary"} <= {
        *books["en"],
        *openpyxl.load_workbook(tmp_path / "en.xlsx").sheetnames,
    }
    en_report = validate(SAMPLE, as_of=AS_OF, lang="en")
    assert all(
        f["message"] == f_en.message("en")
        for f, f_en in zip(en_report.to_dict()["findings"], en_report.findings, strict=True)
    )


def test_refuses_to_overwrite_the_input(tmp_path: Path) -> None:
    from zi_workbook.errors import OutputError

    copy = tmp_path / "plan.xlsx"
    copy.write_bytes(SAMPLE.read_bytes())
    report = validate(copy, as_of=AS_OF)
    with pytest.raises(OutputError):
        write_status_workbook(report, copy)
    assert copy.read_bytes() == SAMPLE.read_bytes()


def test_locked_output_keeps_the_old_file_and_says_close_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from zi_workbook.errors import OutputError

    out = tmp_path / "status.xlsx"
    out.write_bytes(b"old status workbook")

    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(OutputError) as info:
        write_status_workbook(validate(SAMPLE, as_of=AS_OF), out)
    assert "Excel" in info.value.message("id") and "Excel" in info.value.message("en")
    assert out.read_bytes() == b"old status workbook"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["status.xlsx"]


def test_output_onto_a_folder_is_an_output_error(tmp_path: Path) -> None:
    from zi_workbook.errors import OutputError

    folder = tmp_path / "status.xlsx"
    folder.mkdir()
    with pytest.raises(OutputError):
        write_status_workbook(validate(SAMPLE, as_of=AS_OF), folder)
    assert folder.is_dir()


def test_output_is_an_ordinary_file_not_private(tmp_path: Path) -> None:
    import os

    out = tmp_path / "status.xlsx"
    write_status_workbook(validate(SAMPLE, as_of=AS_OF), out)
    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask


def test_writing_never_touches_the_process_umask(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    def umask(mask: int) -> int:
        raise AssertionError("the process umask was changed while writing")

    monkeypatch.setattr(os, "umask", umask)
    out = tmp_path / "status.xlsx"
    write_status_workbook(validate(SAMPLE, as_of=AS_OF), out)
    write_status_workbook(validate(SAMPLE, as_of=AS_OF), out)  # over an old one too
    assert out.is_file() and not list(tmp_path.glob(".~zi-*"))


@pytest.mark.parametrize(
    ("name", "setup"),
    [
        ("status.csv", None),  # not an .xlsx name
        ("", None),  # empty
        ("notes.xlsx", "text"),  # an existing file that is no workbook
        ("link.xlsx", "symlink"),  # a link: never replaced
        ("fifo.xlsx", "fifo"),  # not a regular file
    ],
)
def test_output_target_must_be_an_xlsx_name_and_a_workbook_or_new(
    tmp_path: Path, name: str, setup: str | None
) -> None:
    import os

    from zi_workbook.errors import OutputError

    out = tmp_path / name if name else Path("")
    other = tmp_path / "other.txt"
    other.write_text("keep me")
    if setup == "text":
        out.write_text("my notes")
    elif setup == "symlink":
        out.symlink_to(other)
    elif setup == "fifo":
        os.mkfifo(out)
    with pytest.raises(OutputError):
        write_status_workbook(validate(SAMPLE, as_of=AS_OF), out)
    assert other.read_text() == "keep me"
    if setup == "text":
        assert out.read_text() == "my notes"


def test_an_earlier_status_workbook_is_replaced(tmp_path: Path) -> None:
    out = tmp_path / "status.xlsx"
    report = validate(SAMPLE, as_of=AS_OF)
    write_status_workbook(report, out)
    write_status_workbook(report, out)
    assert openpyxl.load_workbook(out).sheetnames == [
        "Tindak Lanjut",
        "Status",
        "LKE",
        "Laporan Monev",
        "Temuan",
        "Kode Temuan",
        "Ringkasan",
    ]


def test_empty_cells_get_their_border_from_one_blanks_rule(
    sample_book: tuple[object, openpyxl.Workbook],
) -> None:
    """Empty cells of the table are not written; one conditional format borders them."""
    report, wb = sample_book
    ws = wb["Status"]
    rules = [(str(cf.sqref), r) for cf in ws.conditional_formatting for r in cf.rules]
    last = 4 + len(report.results)  # type: ignore[attr-defined]
    [(ref, rule)] = [(ref, r) for ref, r in rules if r.type == "containsBlanks"]
    assert ref == f"A5:{openpyxl.utils.get_column_letter(ws.max_column)}{last}"
    assert rule.dxf.border.left.style == "thin" and rule.dxf.border.bottom.style == "thin"
    link3 = _header(ws)["Tautan 3"]
    empty = [ws.cell(n, link3) for n in range(5, last + 1) if ws.cell(n, link3).value is None]
    assert empty and all(not c.has_style for c in empty)


def test_dates_fit_their_columns(sample_book: tuple[object, openpyxl.Workbook]) -> None:
    """'30 September 2022' fits: no ### in Jatuh Tempo or Batas Waktu."""
    _, wb = sample_book
    ws = wb["Status"]
    widths = {
        i: d.width
        for d in ws.column_dimensions.values()
        if d.min and d.max
        for i in range(d.min, d.max + 1)
    }
    for name in ("Jatuh Tempo", "Batas Waktu"):
        assert widths[_header(ws)[name]] >= len("30 September 2022")
