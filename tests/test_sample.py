"""The bundled sample workbook: rebuildable, with the quirks it is meant to have.

``samples/01_kpu_kab_batang_2022.xlsx`` is built by ``samples/build_sample.py`` from
the real plan's table text; ``seed_expected.SEED_ROWS`` is the hand-checked list of
its 70 actions. These tests keep the three in step.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import openpyxl
import pytest
from seed_expected import SEED_AREA_COUNTS, SEED_ROWS, SEED_TARGETS

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SAMPLE = SAMPLES / "01_kpu_kab_batang_2022.xlsx"
SHEET = "Lampiran II"
TITLES = ("RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS", "KPU KABUPATEN BATANG")
HEADER = ("NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK", "LINK BUKTI FISIK")
HEADER_ROWS = [4, 8, 14, 21, 28, 34, 40, 46, 52, 60, 68, 76, 83, 89, 95, 105, 112]
LAST_TABLE_ROW = 115
ITALIC_CELLS = {"C11", "C71", "B85", "C85", "C86"}
#: (first row, continuation row, column letters the continuation fills)
BROKEN_ROWS = [(20, 23, "C"), (104, 107, "CDE")]
AREA_ROWS = {6: "I", 16: "II", 26: "III", 55: "IV", 70: "V", 98: "VI"}


def _load_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_sample", SAMPLES / "build_sample.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def committed() -> Any:
    return openpyxl.load_workbook(SAMPLE)[SHEET]


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Any:
    out = tmp_path_factory.mktemp("sample") / "rebuilt.xlsx"
    _load_builder().build(out)
    return openpyxl.load_workbook(out)[SHEET]


def _words(text: str) -> str:
    return " ".join(str(text).split())


def _cell_facts(ws: Any) -> dict[str, tuple[Any, ...]]:
    facts: dict[str, tuple[Any, ...]] = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None and not cell.has_style:
                continue
            link = cell.hyperlink.target if cell.hyperlink else None
            facts[cell.coordinate] = (
                cell.value,
                cell.data_type,
                link,
                bool(cell.font.italic),
                bool(cell.font.b),
                cell.number_format,
                cell.border.left.style,
            )
    return facts


# (a) the committed workbook is what the script builds


def test_rebuild_gives_the_same_cells(committed: Any, rebuilt: Any) -> None:
    assert (committed.max_row, committed.max_column) == (rebuilt.max_row, rebuilt.max_column)
    assert _cell_facts(rebuilt) == _cell_facts(committed)


def test_rebuild_gives_the_same_merges_and_layout(committed: Any, rebuilt: Any) -> None:
    assert sorted(map(str, rebuilt.merged_cells.ranges)) == sorted(
        map(str, committed.merged_cells.ranges)
    )
    heights = {r: d.height for r, d in committed.row_dimensions.items()}
    assert {r: d.height for r, d in rebuilt.row_dimensions.items()} == heights
    widths = {c: d.width for c, d in committed.column_dimensions.items()}
    assert {c: d.width for c, d in rebuilt.column_dimensions.items()} == widths


# (b) the quirks the sample is meant to have


def test_one_sheet_with_two_title_rows(committed: Any) -> None:
    assert committed.parent.sheetnames == [SHEET]
    assert (committed["A1"].value, committed["A2"].value) == TITLES
    assert committed["A1"].font.b
    assert committed["A2"].font.b
    merged = set(map(str, committed.merged_cells.ranges))
    assert {"A1:G1", "A2:G2"} <= merged
    assert all(cell.value is None for cell in committed[3])


def test_header_and_column_numbers_repeat_at_every_page_break(committed: Any) -> None:
    headers = [
        r
        for r in range(1, committed.max_row + 1)
        if tuple(committed.cell(r, c).value for c in range(1, 7)) == HEADER
    ]
    assert headers == HEADER_ROWS
    assert len(headers) == 17
    for r in headers:
        assert committed.cell(r, 7).value == "TARGET WAKTU"
        assert [committed.cell(r + 1, c).value for c in range(1, 8)] == [1, 2, 3, 4, 5, 6, 7]
        assert committed.cell(r, 1).font.b
        assert committed.cell(r, 1).fill.fgColor.rgb.endswith("D9D9D9")


def test_area_rows_in_one_cell_or_two(committed: Any) -> None:
    merged = set(map(str, committed.merged_cells.ranges))
    assert committed["A6"].value == "I"
    assert committed["B6"].value.startswith("Pembangunan unit kerja")
    assert "B6:G6" in merged
    assert committed["A98"].value == "VI"
    assert committed["B98"].value == "PENINGKATAN KUALITAS PELAYANAN PUBLIK"
    assert "B98:G98" in merged
    for row, numeral in AREA_ROWS.items():
        if numeral not in ("I", "VI"):
            assert committed.cell(row, 1).value.startswith(numeral + " ")
            assert f"A{row}:G{row}" in merged


def test_target_44652_is_a_plain_number(committed: Any) -> None:
    cell = committed["G110"]
    assert cell.value == 44652
    assert cell.data_type == "n"
    assert cell.number_format == "General"
    numbers = [
        c.coordinate
        for (c,) in committed.iter_rows(min_col=7, max_col=7, min_row=4)
        if c.value is not None and c.data_type == "n" and c.row - 1 not in HEADER_ROWS
    ]
    assert numbers == ["G110"]


def test_no_is_a_number(committed: Any) -> None:
    assert committed["A7"].value == 1
    assert committed["A85"].value == 4
    assert committed["A13"].value is None


def test_italic_cells(committed: Any) -> None:
    italic = {c.coordinate for row in committed.iter_rows() for c in row if c.font.italic}
    assert italic == ITALIC_CELLS
    assert committed["B85"].value == "Whistle Blowing System"
    assert "<i>" not in committed["C11"].value


def test_hyperlinks_only_on_single_link_cells(committed: Any) -> None:
    linked = 0
    for (cell,) in committed.iter_rows(min_col=6, max_col=6, min_row=4, max_row=LAST_TABLE_ROW):
        text = cell.value if isinstance(cell.value, str) else ""
        urls = re.findall(r"https?://\S+", text)
        if len(urls) == 1 and text == urls[0]:
            assert cell.hyperlink is not None, cell.coordinate
            assert cell.hyperlink.target == text
            linked += 1
        else:
            assert cell.hyperlink is None, cell.coordinate
    assert linked == 44
    assert committed["F19"].value == "kab-batang.kpu.go.id"
    assert committed["F10"].value.startswith("1. https://")


def test_broken_rows_stay_broken(committed: Any) -> None:
    for first, cont, columns in BROKEN_ROWS:
        assert cont - first == 3  # the header and column-number rows come between
        assert committed.cell(first + 1, 1).value == "NO"
        filled = {c.column_letter for c in committed[cont] if c.value is not None}
        assert filled == set(columns)
    assert committed["C20"].value.endswith("dan Pemanfaatan IT")
    assert committed["C23"].value == "telah dilakukan secara berkala"
    assert committed["D107"].value == "website dan media sosial"
    assert committed["E107"].value == "dan Media Sosial"


def test_signature_block_below_the_table(committed: Any) -> None:
    below = {
        c.value: c
        for row in committed.iter_rows(min_row=LAST_TABLE_ROW + 1)
        for c in row
        if c.value is not None
    }
    assert {"KETUA KOMISI PEMILIHAN UMUM", "Ttd.", "NUR TOFAN", "Supu Panji Utomo"} <= set(below)
    assert all(c.column_letter in "EF" for c in below.values())
    assert all(c.border.left.style is None for c in below.values())


# (c) the expected table and the workbook agree


def test_seed_rows_count_and_areas() -> None:
    assert len(SEED_ROWS) == 70
    assert Counter(r["area"] for r in SEED_ROWS) == SEED_AREA_COUNTS
    assert list(SEED_AREA_COUNTS) == ["I", "II", "III", "IV", "V", "VI"]
    rows = [r["row"] for r in SEED_ROWS]
    assert rows == sorted(set(rows))
    assert all(r["no"].isdigit() and r["component"] for r in SEED_ROWS)
    assert all(r["sheet"] == SHEET for r in SEED_ROWS)
    assert list(dict.fromkeys(r["target"] for r in SEED_ROWS if r["target"])) == SEED_TARGETS


def test_seed_rows_point_at_their_actions(committed: Any) -> None:
    for expected in SEED_ROWS:
        row = expected["row"]
        indicator = _words(committed.cell(row, 3).value or "")
        action = _words(committed.cell(row, 4).value or "")
        first_words = " ".join(expected["indicator"].split()[:4])
        assert indicator.startswith(first_words), (row, indicator)
        assert expected["action"].startswith(action), (row, action)
        target = committed.cell(row, 7).value
        assert _words(str(target) if target is not None else "") == expected["target"]


def test_seed_rows_sit_under_their_area(committed: Any) -> None:
    starts = sorted(AREA_ROWS)
    for expected in SEED_ROWS:
        area_row = max(r for r in starts if r < expected["row"])
        assert AREA_ROWS[area_row] == expected["area"], expected["row"]


def test_partly_italic_text_becomes_a_rich_string(tmp_path: Path) -> None:
    # The real source has only whole-cell italics; the builder's rich-string path too.
    header = "NO\tKOMPONEN\tINDIKATOR\tLANGKAH AKSI\tBUKTI FISIK\tLINK BUKTI FISIK\tTARGET WAKTU"
    source = tmp_path / "source.txt"
    source.write_text(
        "**TITLE\n UNIT**\n\n"
        f"{header}\n1\t2\t3\t4\t5\t6\t7\n"
        "I\tArea\t\t\t\t\t\n"
        "1\tKomponen\tSistem <i>Whistle Blowing</i> sudah\taksi\tbukti\tx.go.id\t44652\n",
        encoding="utf-8",
    )
    out = _load_builder().build(tmp_path / "tiny.xlsx", source)
    ws = openpyxl.load_workbook(out, rich_text=True)[SHEET]
    runs = [
        (run, False) if isinstance(run, str) else (run.text, bool(run.font.i))
        for run in ws["C7"].value
    ]
    assert runs == [("Sistem ", False), ("Whistle Blowing", True), (" sudah", False)]
    assert ws["F7"].hyperlink is None
    assert ws["G7"].value == 44652
