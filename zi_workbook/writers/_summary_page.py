"""What the one-page sheets share: rate colours, the ranking order, print settings for
one A4 landscape page, and the Inspektur's signature block."""

from __future__ import annotations

from typing import Any

from ..i18n.dates import long_date
from ..i18n.inspectorate import ilabel
from ..status import Rates
from ..summary import OfficeSummary, Summary
from ._summary_common import Fmt

__all__ = [
    "ONE_PAGE_OFFICES",
    "RATE_BANDS",
    "RateFormats",
    "one_page",
    "ranked",
    "signature",
]

#: Up to this many offices the ranking and the grid print on one page.
ONE_PAGE_OFFICES = 40
#: Rate bands (lower bound, fill, font): red under 50 %, yellow under 80 %, green.
RATE_BANDS = ((0.8, "#C6EFCE", "#006100"), (0.5, "#FFEB9C", "#7F6000"), (0.0, "#FFC7CE", "#9C0006"))


class RateFormats:
    """The cell formats of a rate in each band, of "no rate" and of *belum diisi*."""

    def __init__(self, wb: Any, bold: bool = False) -> None:
        base = {
            "border": 1,
            "border_color": "#BFBFBF",
            "align": "center",
            "valign": "vcenter",
            "num_format": "0%",
            "bold": bold,
        }
        self.bands = [
            (low, wb.add_format({**base, "bg_color": fill, "font_color": font}))
            for low, fill, font in RATE_BANDS
        ]
        self.none = wb.add_format({**base, "font_color": "#808080"})
        self.empty = wb.add_format(
            {**base, "bg_color": "#FFC7CE", "font_color": "#9C0006", "italic": True}
        )

    def write(self, ws: Any, row: int, col: int, value: float | None) -> None:
        """The rate as a percentage in its colour, or "-" when nothing is due."""
        if value is None:
            ws.write_string(row, col, "-", self.none)
            return
        fmt = next(f for low, f in self.bands if value >= low)
        ws.write_number(row, col, value, fmt)


def ranked(summary: Summary) -> list[OfficeSummary]:
    """Offices by the rate of due actions completed (highest first; none due after),
    then by the rate over the whole plan, then by name; *belum diisi* last."""

    def key(o: OfficeSummary) -> tuple[int, float, float, str]:
        r: Rates = o.rates
        due = r.due_complete
        return (
            0 if o.total and due is not None else 1 if o.total else 2,
            -(due or 0.0),
            -(r.all_complete or 0.0),
            o.label.casefold(),
        )

    return sorted(summary.offices, key=key)


def one_page(ws: Any, head_row: int, n_offices: int, last_col: int) -> None:
    """A4 landscape, fit to one page for up to 40 offices, else one page wide with the
    header repeated on every page."""
    ws.set_landscape()
    ws.set_paper(9)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    ws.center_horizontally()
    ws.repeat_rows(head_row)
    ws.fit_to_pages(1, 1 if n_offices <= ONE_PAGE_OFFICES else 0)
    ws.set_footer("&L&A&R&P / &N")
    ws.freeze_panes(head_row + 1, 0)
    del last_col


def signature(ws: Any, fmt: Fmt, summary: Summary, row: int, col: int) -> int:
    """The block the Inspektur signs, from ``row`` in column ``col``; returns the next row."""
    lang = summary.lang
    lines = [
        (ilabel("sign_place_date", lang, date=long_date(summary.as_of, lang)), None),
        (ilabel("sign_known", lang), None),
        (ilabel("sign_role", lang), fmt.bold_plain),
        ("", None),
        ("", None),
        (ilabel("sign_name", lang), None),
        (ilabel("sign_nip", lang), None),
    ]
    for i, (text, style) in enumerate(lines):
        if text:
            ws.write_string(row + i, col, text, style or fmt.plain)
    return row + len(lines)
