"""Scans of a sheet's XML. ``styled_cells`` finds the cells of given styles from each
``s="N"``: exactly what one pattern trying every cell tag's attributes found (the
reference below), on seeded random pieces of sheet XML, well formed or not.
``formula_links`` finds ``HYPERLINK(`` in any case."""

from __future__ import annotations

import random
import re

import pytest

from zi_workbook.xlsx.sheetxml import formula_links, styled_cells

PIECES = [
    b'<c r="A1" s="3">',
    b'<c s="31" r="B2"/>',
    b'<x:c r="C3" s="3" t="s">',
    b'<row r="1" s="3">',
    b'<t>s="3"</t>',
    b'<c r="D4" s="4">',
    b'<cc s="3" r="E5">',
    b'<c r="F6" ts="3">',
    b'<c r="F7" t_s="3">',
    b'<c s="3" s="31" r="G7">',
    b' s="3" ',
    b'<c r="H8" s="3"',
    b">",
    b"<",
    b"<v>1</v></c>",
    b'<c\ts="31"\tr="AB12">',
    b'<c r="I9"s="3">',
    b"<c/>",
    b'<c r="J10" s="03">',
    b'<x:c s="31" r="ZZ1" />',
    b'<c r="K11" s="3"><is><t>a s="4" b</t></is></c>',
]


def reference(data: bytes, styles: set[int]) -> list[tuple[str, int]]:
    if not styles:
        return []
    alternatives = b"|".join(str(s).encode() for s in sorted(styles))
    pattern = re.compile(rb'<(?:\w+:)?c\b([^>]*?\bs="(' + alternatives + rb')"[^>]*)>')
    out = []
    for m in pattern.finditer(data):
        r = re.search(rb'\br="([A-Z]{1,3}[0-9]+)"', m.group(1))
        if r:
            out.append((r.group(1).decode(), int(m.group(2))))
    return out


@pytest.mark.parametrize("seed", range(4))
def test_the_same_cells_as_the_one_pattern(seed: int) -> None:
    rng = random.Random(seed)
    found = 0
    for _ in range(2500):
        data = b"".join(rng.choice(PIECES) for _ in range(rng.randint(0, 14)))
        styles = set(rng.sample([3, 31, 4, 0], rng.randint(0, 3)))
        got = styled_cells(data, styles)
        assert got == reference(data, styles), (data, styles)
        found += len(got)
    assert found > 1000  # the pieces do make cells of those styles


def test_a_sheet_as_excel_writes_it() -> None:
    data = (
        b'<sheetData><row r="1" spans="1:2" s="5" customFormat="1">'
        b'<c r="A1" s="5" t="s"><v>0</v></c><c r="B1" s="7"><v>44652</v></c></row>'
        b'<row r="2"><c r="A2" s="57"><v>1</v></c><c r="B2" s="7"/></row></sheetData>'
    )
    assert styled_cells(data, {7}) == [("B1", 7), ("B2", 7)]
    assert styled_cells(data, {5, 57}) == [("A1", 5), ("A2", 57)]
    assert styled_cells(data, set()) == []


@pytest.mark.parametrize("name", ["HYPERLINK", "hyperlink", "HyperLink"])
def test_a_hyperlink_formula_is_found_whatever_its_case(name: str) -> None:
    data = (
        b'<row r="6"><c r="F6" t="str"><f>' + name.encode() + b'("https://a.go.id/x","x")</f>'
        b'<v>x</v></c><c r="G6"><f>SUM(A1:A2)</f><v>3</v></c></row>'
    )
    assert formula_links(data) == {"F6": "https://a.go.id/x"}
    assert formula_links(data.replace(name.encode(), b"LEN")) == {}
