"""The LKE reference a coordinator plans from: codes, questions, weights, minimums and
the evidence evaluators usually ask for, as text or as a workbook.

Question texts, criteria and evidence are the LKE's own (Bahasa Indonesia); ``lang``
sets the labels.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..i18n.lke import lke_label
from ..lke.data import Lke, load
from ..lke.worksheet import detail, raw
from ._atomic import atomic_workbook
from ._book import Formats, write_text

__all__ = ["lke_reference_lines", "write_lke_reference"]

_ANSWERS = {
    "YA_TIDAK": "Ya/Tidak",
    "ABC": "A-C",
    "ABCD": "A-D",
    "ABCDE": "A-E",
    "PERCENT_FROM_INPUTS": "%",
    "0-4": "0-4",
}


def _num(x: float, lang: str) -> str:
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return text if lang == "en" else text.replace(".", ",")


def _head(lke: Lke, lang: str) -> list[str]:
    wbk, wbbm = lke.thresholds["WBK"], lke.thresholds["WBBM"]
    t = raw()["totals"]["pengungkit_parts"]
    return [
        lke.title,
        f"{lke_label('source', lang)}: {lke.regulation}",
        f"Pengungkit {_num(lke.pengungkit, lang)} (Pemenuhan {_num(t['pemenuhan'], lang)} + "
        f"Reform {_num(t['reform'], lang)}); {lke_label('hasil', lang)} "
        f"{_num(lke.hasil, lang)}: {lke_label('outside', lang)}",
        f"{lke_label('minimums', lang)}: {lke_label('total', lang)} {_num(wbk.total_min, lang)}"
        f" / {_num(wbbm.total_min, lang)}, Pengungkit {_num(wbk.pengungkit_min, lang)} / "
        f"{_num(wbbm.pengungkit_min, lang)}, area {_num(wbk.area_min_pct, lang)}% / "
        f"{_num(wbbm.area_min_pct, lang)}%",
    ]


def lke_reference_lines(lang: str = "id") -> Iterator[str]:
    """The reference as plain text lines (``zi-workbook lke``)."""
    lke = load()
    yield from _head(lke, lang)
    for numeral, area in lke.areas.items():
        wbk, wbbm = (lke.thresholds[k].area_min(area.weight) for k in ("WBK", "WBBM"))
        yield ""
        yield (
            f"AREA {numeral} {area.name} — {lke_label('weight', lang).lower()} "
            f"{_num(area.weight, lang)} (min. WBK {_num(wbk, lang)} · WBBM {_num(wbbm, lang)})"
        )
        for code in area.sub_areas:
            sub = lke.sub_areas[code]
            yield (
                f"  {code}  {sub.name} ({lke_label(sub.part, lang)}) — "
                f"{lke_label('weight', lang).lower()} {_num(sub.weight, lang)}"
            )
            for q in (lke.questions[c] for c in sub.questions):
                text = " ".join(q.text.split())
                d = detail(q.code)
                yield f"    {q.code}  {text} [{_ANSWERS.get(d.answer_type, d.answer_type)}]"
                if d.evidence:
                    yield f"        {lke_label('evidence', lang)}: {'; '.join(d.evidence)}"


def write_lke_reference(out: Path, lang: str = "id") -> Path:
    """The reference as a workbook: one row per question, then the minimums."""
    lke = load()
    out = Path(out)
    options = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    with atomic_workbook(out, options=options) as wb:
        fmt = Formats(wb)
        points = wb.add_format({**_BASE, "num_format": "0.00", "align": "center"})
        ws = wb.add_worksheet(lke_label("reference", lang))
        heads = (("code", 12), ("part", 11), ("area", 6), ("question", 40), ("weight", 8),
                 ("question", 60), ("answer", 9), ("criteria", 50), ("evidence", 50))  # fmt: skip
        for i, (_key, width) in enumerate(heads):
            ws.set_column(i, i, width)
        write_text(ws, 0, 0, lke.title, fmt.title)
        for i, line in enumerate(_head(lke, lang)[1:], start=1):
            write_text(ws, i, 0, line, fmt.subtitle)
        names = ("code", "part", "area", "sub_area", "weight", "question", "answer", "criteria",
                 "evidence")  # fmt: skip
        for i, key in enumerate(names):
            write_text(ws, 5, i, lke_label(key, lang), fmt.header)
        row = 5
        for area in lke.areas.values():
            for code in area.sub_areas:
                sub = lke.sub_areas[code]
                share = sub.weight / max(len(sub.questions), 1)
                for q in (lke.questions[c] for c in sub.questions):
                    row += 1
                    for col, value in enumerate(
                        (q.code, lke_label(sub.part, lang), area.numeral, f"{code} {sub.name}")
                    ):
                        write_text(ws, row, col, value, fmt.text)
                    ws.write_number(row, 4, share, points)
                    write_text(ws, row, 5, q.text, fmt.text)
                    d = detail(q.code)
                    write_text(ws, row, 6, _ANSWERS.get(d.answer_type, d.answer_type), fmt.text)
                    write_text(ws, row, 7, d.criteria, fmt.text)
                    write_text(ws, row, 8, "\n".join(d.evidence), fmt.text)
                    ws.set_row(row, 13.0 * _lines(q.text, d.criteria, d.evidence, sub.name) + 3)
        ws.freeze_panes(6, 1)
        ws.autofilter(5, 0, row, len(names) - 1)
        ws.repeat_rows(5)
        ws.set_landscape()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
    return out


def _lines(text: str, criteria: str, evidence: tuple[str, ...], sub: str) -> int:
    """Wrapped lines of the tallest cell (LibreOffice does not grow rows on opening)."""

    def wrapped(value: str, per_line: int) -> int:
        return sum(-(-len(part) // per_line) or 1 for part in value.split("\n"))

    return min(
        max(
            wrapped(text, 64), wrapped(criteria, 54), wrapped("\n".join(evidence), 54),
            wrapped(sub, 42), 1,
        ),
        30,
    )  # fmt: skip


_BASE = {"valign": "top", "text_wrap": True, "border": 1, "border_color": "#BFBFBF"}
