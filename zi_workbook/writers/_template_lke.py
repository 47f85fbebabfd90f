"""The template's KODE LKE column: each component's sub-area code, a hidden list of the
LKE's codes, and the column's drop-down with an input message."""

from __future__ import annotations

from typing import Any

from ..lke.data import load

__all__ = [
    "CODES_SHEET",
    "COMPONENT_CODES",
    "lke_codes_sheet",
    "lke_validation",
    "reform_components",
]

CODES_SHEET = "Kode LKE"
#: The sub-area of each pre-filled component (Pemenuhan, PermenPANRB 90/2021 Lampiran III).
COMPONENT_CODES: dict[str, tuple[str, ...]] = {
    "I": ("A.1.I.i", "A.1.I.ii", "A.1.I.iii", "A.1.I.iv"),
    "II": ("A.1.II.i", "A.1.II.ii", "A.1.II.iii"),
    "III": ("A.1.III.i", "A.1.III.ii", "A.1.III.iii", "A.1.III.iv", "A.1.III.v", "A.1.III.vi"),
    "IV": ("A.1.IV.i", "A.1.IV.ii"),
    "V": ("A.1.V.i", "A.1.V.ii", "A.1.V.iii", "A.1.V.iv", "A.1.V.v"),
    "VI": ("A.1.VI.i", "A.1.VI.ii", "A.1.VI.iv"),
}


def reform_components(numeral: str) -> tuple[tuple[str, str], ...]:
    """The Reform sub-areas (``A.2.*``) of an area as template components: (name, code).

    The decree's Lampiran I lists only Pemenuhan components, but Reform questions carry
    a third of each area's Pengungkit weight: a plan without actions for them cannot
    evidence them, and its LKE ceiling stays low.
    """
    lke = load()
    subs = (lke.sub_areas[code] for code in lke.areas[numeral].sub_areas)
    return tuple((s.name, s.code) for s in subs if s.part == "reform")


_INPUT = (
    (
        "Kode LKE",
        "Kode pertanyaan LKE, mis. A.1.I.i.a (pilih dari daftar). Kode sub-area di baris "
        "komponen berlaku untuk langkah aksi di bawahnya; kosongkan bila ragu: zi-workbook "
        "menyarankan pertanyaan dari INDIKATOR.",
    ),
    (
        "LKE code",
        "The LKE question's code, e.g. A.1.I.i.a (pick from the list). A sub-area code on the "
        "component row holds for the actions below it; leave empty when unsure: zi-workbook "
        "suggests the question from INDIKATOR.",
    ),
)


def lke_codes_sheet(wb: Any) -> int:
    """A hidden sheet listing every sub-area and question code with its text; the count."""
    lke = load()
    ws = wb.add_worksheet(CODES_SHEET)
    ws.write_string(0, 0, "KODE LKE")
    ws.write_string(0, 1, "SUB-AREA / PERTANYAAN")
    row = 0
    for area in lke.areas.values():
        for code in area.sub_areas:
            sub = lke.sub_areas[code]
            row += 1
            ws.write_string(row, 0, code)
            ws.write_string(row, 1, sub.name)
            for q in (lke.questions[c] for c in sub.questions):
                row += 1
                ws.write_string(row, 0, q.code)
                ws.write_string(row, 1, " ".join(q.text.split()))
    ws.hide()
    return row


def lke_validation(ws: Any, col: int, first: int, last: int, count: int, lang: str) -> None:
    """The KODE LKE drop-down: a warning, not a stop, so other forms (``I.i.a``) pass."""
    title, message = _INPUT[1 if lang == "en" else 0]
    ws.data_validation(
        first,
        col,
        last,
        col,
        {
            "validate": "list",
            "source": f"='{CODES_SHEET}'!$A$2:$A${count + 1}",
            "input_title": title,
            "input_message": message,
            "error_type": "warning",
            "error_title": title,
            "error_message": message,
        },
    )
