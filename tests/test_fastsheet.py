"""The streamed row writer (writers/_fastsheet.py) writes xlsxwriter's own bytes."""

from __future__ import annotations

import contextlib
import sys
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
import xlsxwriter
from xlsxwriter.workbook import Workbook

from zi_workbook.writers._fastsheet import FastSheet, fast_workbook_class

TEXTS = [
    "plain",
    " leading space",
    "trailing space ",
    "two\nlines",
    "\ttab first",
    "line end\n",
    "control \x01 and \x1f",
    "backspace \x08 alone",
    "vertical tab \x0b alone",
    "nul \x00 alone",
    "_x0041_ looks escaped",
    "_X00zz_ does not",
    'xml & < > " specials',
    "non-characters \ufffe \uffff",
    "<r>not rich</r>",
    "Bahasa Indonesia: pelaporan — “kutip” ✓ 😀",
    "",
    "=1+1",
]


def _fill(wb: Workbook) -> None:
    fmt = wb.add_format({"text_wrap": True, "border": 1})
    other = wb.add_format({"bold": True})
    date = wb.add_format({"num_format": "d mmmm yyyy"})
    ws = wb.add_worksheet("S")
    ws.set_column(3, 3, 20, other)
    ws.set_default_row(18)
    for r, text in enumerate(TEXTS):
        if r % 3 == 0:
            ws.set_row(r, 45)
        ws.write_string(r, 0, text, fmt)
        ws.write_string(r, 1, text)  # no format
        ws.write_number(r, 2, [0, 1, -2.5, 0.1, 1e20, 44712, 3.0000000000000004][r % 7], fmt)
        ws.write_string(r, 3, text)  # the column's format
        ws.write_string(r, 25, text, other)
        ws.write_string(r, 702, text, fmt)  # column AAA
    r = len(TEXTS)
    ws.write_url(r, 0, "https://example.org/a?b=1&c=2", fmt, string="https://example.org/a?b=1&c=2")
    ws.write_url(r, 1, "mailto:x@example.org")
    ws.write_datetime(r, 2, datetime(2022, 5, 31), date)
    ws.write_blank(r, 3, None, fmt)
    ws.write_boolean(r, 4, True, fmt)
    ws.write_formula(r, 5, "=A1", fmt)
    ws.write_rich_string(r, 6, "a ", other, "bold", " c", fmt)
    ws.set_row(r + 1, None, other)  # a row format, cells without one
    ws.write_string(r + 1, 0, "row format")
    ws.write_number(r + 1, 1, 7)
    ws.write_string(r + 2, 0, "noted", fmt)
    ws.write_comment(r + 2, 0, "a note")
    ws.write_string(r + 4, 1, "after a gap", fmt)
    ws.set_row(r + 6, 30)  # a row with a height and no cells
    ws.set_row(r + 7, 15)  # the height Excel's default row has, not this sheet's
    ws.write_string(r + 7, 0, "15 pt", fmt)
    ws.set_row(r + 8, 30, None, {"hidden": True})
    ws.write_string(r + 8, 0, "hidden", fmt)
    right = wb.add_worksheet("T")
    right.set_row(0, 30)  # before any cell: the sheet's first column is still unknown
    right.write_string(0, 7, "only column H", fmt)


def _sheets(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist() if n.startswith("xl/")}


@pytest.mark.parametrize("constant_memory", [True, False])
def test_same_bytes_as_xlsxwriter(tmp_path: Path, constant_memory: bool) -> None:
    out = {}
    for name, cls in (("stock", Workbook), ("fast", fast_workbook_class())):
        path = tmp_path / f"{name}.xlsx"
        wb = cls(str(path), {"constant_memory": constant_memory, "strings_to_numbers": False})
        _fill(wb)
        wb.close()
        out[name] = _sheets(path)
    assert out["fast"] == out["stock"]
    assert b"inlineStr" in out["fast"]["xl/worksheets/sheet1.xml"] or not constant_memory


def test_used_for_this_xlsxwriter(tmp_path: Path) -> None:
    """The test above compares something: this xlsxwriter gets the fast worksheet."""
    wb = fast_workbook_class()(str(tmp_path / "a.xlsx"), {"constant_memory": True})
    assert isinstance(wb.add_worksheet("S"), FastSheet), xlsxwriter.__version__
    wb.close()


#: Links with what Url escapes or splits off: "#", characters it escapes, "%" (escaped
#: already or not), XML specials in the location, non-ASCII, mail links.
LINKS = [
    "https://example.org/a b?q=[1]&r={2}#sec tion",
    "http://example.org/%20already^escaped`",
    "https://example.org/100%",
    'https://example.org/"quoted"<x>#a&b<c>"d"',
    "https://example.org/#",
    "https://example.org/a#b#c",
    "https://contoh.go.id/laporan/tahunan-2022/bagian/ringkasan",
    "https://example.org/ünïcode/path#ä",
    "mailto:a@example.org?subject=a b#c",
    "mailto:b@example.org",
]


def _links(wb: Workbook) -> None:
    from xlsxwriter.url import Url

    fmt = wb.add_format({"font_color": "blue"})
    ws = wb.add_worksheet("L")
    other = wb.add_worksheet("M")
    url = "https://example.org/x?a=1&b=<2>#part"
    ws.write_url(0, 3, url, fmt, string=url)
    ws.write_url(0, 1, "https://example.org/first", fmt, string="first")  # columns out of order
    ws.write_url(1, 0, "mailto:someone@example.org")  # text made from the url
    ws.write_url(2, 0, "internal:'M'!A1", fmt, string="to M")
    ws.write_url(3, 0, "https://example.org/tip", fmt, tip="a tip")
    ws.write_url(4, 0, Url("https://example.org/object"))
    ws.write_url(5, 0, "https://example.org/twice", fmt, string="once")
    ws.write_url(5, 0, "https://example.org/again", fmt, string="twice")  # the last counts
    ws.write_url(6, 0, "external:c:\\temp\\file.xlsx#Sheet1!A1")
    ws.write_url(7, 0, "https://example.org/" + "y" * 3000)  # too long: refused, as before
    ws.write_string(8, 0, "after", fmt)
    for r, link in enumerate(LINKS, start=9):  # each as the status writer writes it
        ws.write_url(r, 2, link, fmt, string=link)
        ws.write_url(r, 4, link, None, string="text")
    other.write_url(0, 0, "https://example.org/m", fmt, string="https://example.org/m")


@pytest.mark.parametrize("constant_memory", [True, False])
def test_links_same_bytes_as_xlsxwriter(tmp_path: Path, constant_memory: bool) -> None:
    out = {}
    for name, cls in (("stock", Workbook), ("fast", fast_workbook_class())):
        path = tmp_path / f"{name}.xlsx"
        wb = cls(str(path), {"constant_memory": constant_memory})
        with pytest.warns(UserWarning, match="exceeds Excel"):
            _links(wb)
        wb.close()
        out[name] = _sheets(path)
    assert out["fast"] == out["stock"]
    assert out["fast"]["xl/worksheets/_rels/sheet1.xml.rels"].count(b"/hyperlink") == 7 + 2 * len(
        LINKS
    )


def _rows(wb: Workbook) -> None:
    """Rows of cells, through write_cells where the sheet has it, else a call per cell."""
    fmt = wb.add_format({"text_wrap": True, "border": 1})
    other = wb.add_format({"bold": True})
    ws = wb.add_worksheet("R")
    ws.set_column(6, 6, 12, other)

    def row(r: int, cells: list[tuple[int, object, object]]) -> None:
        if isinstance(ws, FastSheet):
            ws.write_cells(r, cells)
            return
        for col, value, f in cells:
            if isinstance(value, str):
                ws._write_string(r, col, value, f)
            else:
                ws._write_number(r, col, value, f)

    for r, text in enumerate(TEXTS):
        if r % 4 == 1:
            ws.set_row(r, 45)
        row(r, [(0, text, fmt), (1, r, other), (2, r / 7, fmt), (5, text, other), (702, text, fmt)])
    r = len(TEXTS)
    row(r, [(0, "a" * 20000, fmt), (1, "b" * 40000, fmt), (2, True, fmt), (6, "column's", None)])
    ws.write_url(r + 1, 2, "https://example.org/x", fmt, string="https://example.org/x")
    row(r + 1, [(0, "before the link", fmt), (4, "after it", fmt)])
    row(r + 1, [(1, "between, later", other), (3, 3.5, fmt)])  # not in order with the first
    ws.write_string(r + 2, 1, "written twice: this one is replaced", fmt)
    row(r + 2, [(1, "the last write", fmt), (2, 1e20, fmt), (3, 0.1, fmt)])
    row(r + 2, [(3, "c" * 20000, fmt)])  # again, a text xlsxwriter writes
    row(r + 4, [(0, "after a gap", fmt)])
    row(r + 3, [(0, "too late: its row is written", fmt)])
    ws.write_string(r + 5, 0, "plain write", fmt)
    row(r + 5, [(1, "then a row", fmt)])


@pytest.mark.parametrize("constant_memory", [True, False])
def test_write_cells_same_bytes_as_a_call_per_cell(tmp_path: Path, constant_memory: bool) -> None:
    out = {}
    for name, cls in (("stock", Workbook), ("fast", fast_workbook_class())):
        path = tmp_path / f"{name}.xlsx"
        wb = cls(str(path), {"constant_memory": constant_memory, "strings_to_numbers": False})
        _rows(wb)
        wb.close()
        out[name] = _sheets(path)
    assert out["fast"] == out["stock"]
    assert out["fast"]["xl/worksheets/sheet1.xml"].count(b"<row ") == len(TEXTS) + 5 + (
        not constant_memory
    )


def test_write_cells_refuses_what_xlsxwriter_refuses(tmp_path: Path) -> None:
    wb = fast_workbook_class()(str(tmp_path / "a.xlsx"), {"constant_memory": True})
    ws = wb.add_worksheet("S")
    with pytest.raises(TypeError, match="NAN/INF"):
        ws.write_cells(0, [(0, float("inf"), wb.add_format())])
    wb.close()


def test_keep_link_same_bytes_as_write_url(tmp_path: Path) -> None:
    """A row of text and link cells written as the Status sheet writes them."""
    out = {}
    for name, cls in (("stock", Workbook), ("fast", fast_workbook_class())):
        path = tmp_path / f"{name}.xlsx"
        wb = cls(str(path), {"constant_memory": True})
        fmt = wb.add_format({"font_color": "blue"})
        ws = wb.add_worksheet("L")
        links = [*LINKS, "ftp://example.org/not-plain", "https://example.org/" + "z" * 2100]
        for r, link in enumerate(links):
            if isinstance(ws, FastSheet):
                kept = ws.keep_link(r, 1, link)
                plain = link.startswith(("http", "mailto")) and link.isascii()
                assert kept == (plain and len(link) < 2079)
                if kept:
                    ws.write_cells(r, [(0, "before", fmt), (1, link, fmt), (2, "after", fmt)])
                    continue
            long = len(link) > 2079
            with pytest.warns(UserWarning, match="exceeds") if long else contextlib.nullcontext():
                ws.write_url(r, 1, link, fmt, string=link)
            ws.write_string(r, 0, "before", fmt)
            ws.write_string(r, 2, "after", fmt)
        wb.close()
        out[name] = _sheets(path)
    assert out["fast"] == out["stock"]
    assert out["fast"]["xl/worksheets/_rels/sheet1.xml.rels"].count(b"/hyperlink") == len(LINKS) + 1


def test_excel_serial_is_write_datetimes_number() -> None:
    from datetime import date, timedelta

    from xlsxwriter.utility import _datetime_to_excel_datetime

    from zi_workbook.writers._book import excel_serial

    days = [date(1899, 12, 1) + timedelta(n) for n in range(120)]
    days += [date(2022, 5, 31), date(2024, 2, 29), date(9999, 12, 31), date(1, 1, 1)]
    for day in days:
        made = _datetime_to_excel_datetime(datetime(day.year, day.month, day.day), False, False)
        assert excel_serial(day) == made, day


def test_an_older_xlsxwriter_gets_its_own_workbook(monkeypatch: pytest.MonkeyPatch) -> None:
    """xlsxwriter before 3.2.3 has no ``xlsxwriter.url`` (which ``_fastlinks`` imports)
    and 3.2 keeps row heights elsewhere: the writers then use its own Workbook."""
    from zi_workbook.writers import _atomic

    assert _atomic._workbook_class() is not Workbook  # this one (3.3) is checked
    monkeypatch.setattr(xlsxwriter, "__version__", "3.2.5")
    assert _atomic._workbook_class() is Workbook
    for name in ("zi_workbook.writers._fastsheet", "zi_workbook.writers._fastlinks"):
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "xlsxwriter.url", None)  # not there
    assert _atomic._workbook_class() is Workbook
