"""Walking one plan sheet below its header: area rows, repeats, page breaks, signatures.

``SheetScan(sheet, header).rows()`` gives the raw actions of a sheet, before their
TARGET WAKTU and links are read; ``reader.read_plan`` puts the sheets together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .._text import cell_lines, cell_text, norm_header
from ..xlsx.workbook import CellValue, Sheet, col_letter
from .layout import Header, area_of_row, area_of_sheet

__all__ = ["Raw", "SheetScan"]

_SIGNATURE = re.compile(
    r"^(ttd\.?|mengetahui|menyetujui|ketua\b|kepala\b|sekretaris\b|pl[th]\.?\s|nip\b|"
    r"catatan\b|keterangan\s*:|salinan sesuai|ditetapkan di|dibuat oleh|disahkan)"
    r"|^[a-z][a-z .]+,\s*\d{1,2}\s+[a-z]+\s+\d{4}$",
    re.IGNORECASE,
)


@dataclass
class Raw:
    """An action as collected from the sheet, before targets and links are read."""

    sheet: str
    row: int
    area: str | None
    texts: dict[str, str]
    link_text: str
    hyperlinks: list[str]
    target: CellValue
    target_format: str | None
    extra: dict[str, str]
    last_row: int = 0
    columns: tuple[tuple[str, str], ...] = ()
    errors: tuple[tuple[str, str], ...] = ()


class SheetScan:
    """Walks one plan sheet below its header and collects the actions."""

    def __init__(self, sheet: Sheet, header: Header) -> None:
        self.sheet = sheet
        self.header = header
        self.by_col = {col: name for name, col in header.columns.items()}
        self.letters = {name: col_letter(col) for name, col in header.columns.items()}
        self.columns = tuple(self.letters.items())  # shared by every row of the sheet
        self.first_col = min(header.names) if header.names else 1
        self.fill, self.origins = _merge_fill(sheet)
        self.area = area_of_sheet(sheet.name)
        self.carry: dict[str, str] = {"no": "", "component": ""}
        self.after_break = False
        self.ended = False
        self.out: list[Raw] = []

    def rows(self) -> list[Raw]:
        for row in range(self.header.last_row + 1, self.sheet.max_row + 1):
            self._row(row)
        return self.out

    def _value(self, row: int, col: int) -> CellValue:
        value = self.sheet.value(row, col)
        return self.fill.get((row, col)) if value is None else value

    def _row(self, row: int) -> None:
        cells = self.sheet.cells.get(row, {})
        if not cells and not any((row, c) in self.fill for c in self.by_col):
            return
        if self._is_header_repeat(row) or _is_number_row(cells, self.first_col):
            self.after_break, self.ended = True, False
            return
        if self.ended and not self._resumes(cells):
            return
        self.ended = False
        if len(cells) <= 4:  # area rows and signature lines hold a cell or two
            own = [t for t in (cell_text(v) for _, v in sorted(cells.items())) if t]
            area = area_of_row(own)
            if area:
                self.area, self.carry = area, {"no": "", "component": ""}
                return
            if _is_signature(own):
                self.ended = True
                return
        self._data(row)

    def _resumes(self, cells: dict[int, CellValue]) -> bool:
        """After a signature-like line, a row that fills two plan columns is an action."""
        filled = sum(1 for c in self.by_col if cell_text(cells.get(c)))
        return filled >= 2

    def _is_header_repeat(self, row: int) -> bool:
        cells = self.sheet.cells.get(row, {})
        hits = 0
        for col, name in self.header.names.items():
            value = cells.get(col)
            # header names are short: skip long action text without normalising it
            if name and isinstance(value, str) and len(value) < 4 * len(name) + 8:
                hits += norm_header(value) == name
        return hits >= max(2, (len(self.header.names) + 1) // 2)  # most of the names

    def _data(self, row: int) -> None:
        texts = {
            name: cell_text(self._value(row, col))
            for col, name in self.by_col.items()
            if name not in ("link", "target")
        }
        link_col = self.header.columns.get("link")
        link_value = self._value(row, link_col) if link_col else None
        link_text = cell_lines(link_value)
        hyperlink = self._hyperlink(row, link_col) if link_col else None
        target_col = self.header.columns.get("target")
        target = self._value(row, target_col) if target_col else None
        if self._continues(texts, link_text or hyperlink, target):
            self._join(row, texts)
            return
        self.after_break = False
        if _EXAMPLE.match(texts.get("no", "")) or _EXAMPLE.match(texts.get("component", "")):
            return  # a sample row the template or the office left in ("Contoh")
        if not texts.get("indicator") and not texts.get("action"):
            self._carry(texts)
            return
        self._carry(texts)
        texts["no"], texts["component"] = self.carry["no"], self.carry["component"]
        fmt = self.sheet.formats.get((row, target_col)) if target_col else None
        extra = {name: cell_text(self._value(row, col)) for col, name in self.header.extra.items()}
        errors = tuple(
            (name, self.sheet.errors[(row, col)])
            for col, name in self.by_col.items()
            if (row, col) in self.sheet.errors
        )
        self.out.append(
            Raw(
                self.sheet.name,
                row,
                self.area,
                texts,
                link_text,
                [hyperlink] if hyperlink else [],
                target,
                fmt,
                extra,
                row,
                self.columns,
                errors,
            )
        )

    def _hyperlink(self, row: int, col: int) -> str | None:
        link = self.sheet.links.get((row, col))
        if link is None and (row, col) in self.fill:
            origin = self.fill_origin(row, col)
            link = self.sheet.links.get(origin) if origin else None
        return link

    def fill_origin(self, row: int, col: int) -> tuple[int, int] | None:
        return self.origins.get((row, col))

    def _carry(self, texts: dict[str, str]) -> None:
        if texts.get("component"):
            self.carry = {"no": texts.get("no", ""), "component": texts["component"]}
        elif texts.get("no"):
            self.carry["no"] = texts["no"]

    def _continues(self, texts: dict[str, str], link: object, target: CellValue) -> bool:
        """A row broken by a page break: right after a repeated header, no NO, link or
        target, and its text plainly goes on from the row above (the row above ends
        on a connective such as ``di``, or this one starts with ``telah``, ``dan``...)."""
        if not (self.after_break and self.out) or texts.get("no") or link:
            return False
        if cell_text(target):
            return False
        parts = {name: t for name, t in texts.items() if t}
        if not parts or not all(t[:1].islower() for t in parts.values()):
            return False
        above = self.out[-1].texts
        return any(
            _first_word(t) in _CONNECTIVES or _last_word(above.get(name, "")) in _CONNECTIVES
            for name, t in parts.items()
        )

    def _join(self, row: int, texts: dict[str, str]) -> None:
        last = self.out[-1]
        for name, text in texts.items():
            if text and name not in ("no", "component"):
                last.texts[name] = f"{last.texts.get(name, '')} {text}".strip()
        last.last_row = row
        self.after_break = False


_EXAMPLE = re.compile(r"^(?:contoh|example|misal)\b", re.IGNORECASE)

#: Words a sentence goes on with: a row that starts (or a row above that ends) with one
#: of these is one text broken by a page break.
_CONNECTIVES = frozenset(
    [
        "di",
        "ke",
        "dari",
        "dan",
        "yang",
        "serta",
        "atau",
        "untuk",
        "dengan",
        "dalam",
        "pada",
        "oleh",
        "secara",
        "melalui",
        "bagi",
        "sebagai",
        "terhadap",
        "tentang",
        "maupun",
        "sehingga",
        "agar",
        "guna",
        "telah",
        "sudah",
        "belum",
        "akan",
        "dapat",
        "harus",
        "juga",
        "adalah",
        "yaitu",
        "bahwa",
        "para",
        "kepada",
        "antara",
        "atas",
    ]
)


def _first_word(text: str) -> str:
    return text.split(maxsplit=1)[0].lower().strip(",.;:") if text.strip() else ""


def _last_word(text: str) -> str:
    return text.rsplit(maxsplit=1)[-1].lower().strip(",.;:") if text.strip() else ""


def _is_signature(own: list[str]) -> bool:
    """A line of the signature block or the notes: one short text (``Ttd.``, ``KETUA
    ...``, ``NIP ...``, ``Batang, 7 April 2022``), never a row of two plan texts."""
    if len(own) != 1 or len(own[0]) > 80:
        return False
    return _SIGNATURE.match(own[0]) is not None


def _merge_fill(
    sheet: Sheet,
) -> tuple[dict[tuple[int, int], CellValue], dict[tuple[int, int], tuple[int, int]]]:
    """Every cell a vertical merge covers, with the value of its top cell, and that
    top cell (merges are clipped to the sheet when read: the work is bounded)."""
    fill: dict[tuple[int, int], CellValue] = {}
    origins: dict[tuple[int, int], tuple[int, int]] = {}
    for r1, c1, r2, _c2 in sheet.merges:
        if r2 > r1:
            value = sheet.value(r1, c1)
            for r in range(r1 + 1, r2 + 1):
                fill[(r, c1)] = value
                origins[(r, c1)] = (r1, c1)
    return fill, origins


def _is_number_row(cells: dict[int, CellValue], first_col: int) -> bool:
    """A row of column numbers (1 2 3 ..., as numbers, text or "(1)"), each number in
    its own column: merged NO/KOMPONEN cells may hide the first ones."""
    if len(cells) < 3:
        return False
    for col, value in cells.items():
        text = cell_text(value).strip("()[]. ")
        if text != str(col - first_col + 1):
            return False
    return True
