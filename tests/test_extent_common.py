"""measure()'s one-scan path for sheets as Excel writes them agrees with its full passes."""

from __future__ import annotations

import re

import pytest

from zi_workbook.xlsx import extent


@pytest.mark.parametrize("n", [0, 1, 9, 10, 11, 99, 100, 128, 1000, 1009, 99999, 100000, 192307])
def test_up_to_matches_exactly_one_to_n(n: int) -> None:
    pattern = re.compile(b"(?:" + extent._up_to(n) + b")")
    for t in {*range(200), n - 1, n, n + 1, n * 10, n + 100, 10**7}:
        assert (pattern.fullmatch(str(t).encode()) is not None) == (1 <= t <= n), t
        assert pattern.fullmatch(b"0" + str(t).encode()) is None


def _sheet(body: str) -> bytes:
    return f"<worksheet><sheetData>{body}</sheetData></worksheet>".encode()


SHEETS = [
    _sheet('<row r="1"><c r="A1"><v>1</v></c><c r="G1" s="1"/></row>'),
    _sheet('<row r="3"><c r="A3"><v>1</v></c></row><row r="12"><c r="B12"><v>2</v></c></row>'),
    _sheet('<row r="2"><c r="A9"><v>1</v></c></row>'),  # a cell past the last row
    _sheet('<row r="2"><c r="A9"/></row>'),  # an empty one: the full passes decide
    _sheet('<row r="2"><c r="AB2"><v>1</v></c></row>'),  # past column Z
    _sheet('<row r="2"><c><v>1</v></c></row>'),  # no reference
    _sheet('<row r="2"><c r="a2"><v>1</v></c></row>'),  # a reference that is none
    _sheet('<row><c r="A2"><v>1</v></c></row>'),  # a row without r=
    _sheet('<x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c></x:row>'),  # prefixed
    _sheet('<row r="100"><c r="A100"><v>1</v></c><c r="Z99"><v>1</v></c></row>'),
    _sheet('<row r="100"><c r="A101"><v>1</v></c></row>'),
    _sheet('<row r="5"><c r="A05"><v>1</v></c></row>'),
    _sheet(""),
]


@pytest.mark.parametrize("data", SHEETS)
def test_common_extent_agrees_with_the_full_passes(data: bytes) -> None:
    common = extent._common_extent(data)
    plain = extent._CELL_NOT_PLAIN.search(data) is None
    if common is None:
        return
    assert plain
    assert common == extent.sheet_extent(data, extent.MAX_CELLS, cells_placed=True)


def test_the_common_case_is_taken() -> None:
    assert extent._common_extent(SHEETS[1]) == (12, 26)
    assert extent._common_extent(SHEETS[2]) is None
    assert extent._common_extent(SHEETS[4]) is None
