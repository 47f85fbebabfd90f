"""Walking one plan sheet below its header: area rows, repeats, page breaks, signatures.

``SheetScan(sheet, header).rows()`` gives the raw actions of a sheet, before their
TARGET WAKTU and links are read; ``reader.read_plan`` puts the sheets together.
"""

from __future__ import annotations

import re

from .. import _regex
from .._text import cell_lines, cell_text, norm_header, row_texts
from ..links import split_link_cell
from ..targets import has_date
from ..xlsx.workbook import CellValue, Sheet, col_letter
from .fragments import goes_on, is_signature_line, is_signature_title, join_text
from .layout import Header, area_of_cell, area_of_code, area_of_row, area_of_sheet

__all__ = ["Raw", "SheetScan"]


class Raw:
    """An action as collected from the sheet, before targets and links are read.

    A plain class, not a dataclass: made at import for a fraction of the cost."""

    def __init__(
        self,
        sheet: str,
        row: int,
        area: str | None,
        texts: dict[str, str],
        link_text: str,
        hyperlinks: list[str],
        target: CellValue,
        target_format: str | None,
        extra: dict[str, str],
        last_row: int = 0,
        columns: tuple[tuple[str, str], ...] = (),
        errors: tuple[tuple[str, str], ...] = (),
    ) -> None:
        self.sheet = sheet
        self.row = row
        self.area = area
        self.texts = texts
        self.link_text = link_text
        self.hyperlinks = hyperlinks
        self.target = target
        self.target_format = target_format
        self.extra = extra
        self.last_row = last_row
        self.columns = columns
        self.errors = errors
        #: Link cells of rows joined to this action: (cell text, hyperlink target).
        self.more_links: list[tuple[str, str | None]] = []
        #: Words a joined fragment put below a date cell's TARGET WAKTU.
        self.target_notes = ""
        #: Codes of what the reader noticed about this row (``evidence-row-unplaced``).
        self.notes: list[str] = []


class SheetScan:
    """Walks one plan sheet below its header and collects the actions.

    Each row's cells are made text (``cell_text``) once, when the walk reaches the row,
    and every test of the row reads those texts; a merged cell's text is made once."""

    def __init__(self, sheet: Sheet, header: Header) -> None:
        self.sheet = sheet
        self.header = header
        self.by_col = {col: name for name, col in header.columns.items()}
        self.letters = {name: col_letter(col) for name, col in header.columns.items()}
        self.columns = tuple(self.letters.items())  # shared by every row of the sheet
        self.first_col = min(header.names) if header.names else 1
        self.fill, self.origins, self.fill_texts = _merge_fill(sheet)
        #: Rows where a vertical merge covers a plan column: never blank.
        self.filled = {r for r, c in self.fill if c in self.by_col}
        #: The fields read as one line of text, and those a fragment's own cells give.
        self.text_fields = [(c, n) for c, n in self.by_col.items() if n not in _NOT_TEXT]
        self.own_fields = [(c, n) for c, n in self.by_col.items() if n not in ("link", "area")]
        #: The NO column among them: a row with its own NO is never a fragment.
        self.no_col = next((c for c, n in self.own_fields if n == "no"), None)
        self.link_col = header.columns.get("link")
        self.target_col = header.columns.get("target")
        #: (column, header name, the longest cell worth normalising) of each named column.
        self.names = [(c, n, 4 * len(n) + 8) for c, n in header.names.items() if n]
        self.repeat_hits = max(2, (len(header.names) + 1) // 2)  # most of the names
        self.area = area_of_sheet(sheet.name)
        self.area_rows = False  # an area row was seen: codes (KODE LKE) no longer decide
        self.carry: dict[str, str] = {"no": "", "component": ""}
        self.after_break = False
        self.ended = False
        self.out: list[Raw] = []
        #: The row being read: its cells and their texts (``cell_text``), by column.
        self.cells: dict[int, CellValue] = {}
        self.texts: dict[int, str] = {}

    def rows(self) -> list[Raw]:
        for row in range(self.header.last_row + 1, self.sheet.max_row + 1):
            self._row(row)
        return self.out

    def _value(self, row: int, col: int) -> CellValue:
        value = self.cells.get(col)
        return self.fill.get((row, col)) if value is None else value

    def _text(self, row: int, col: int) -> str:
        """``cell_text`` of the cell, or of the merged cell above that covers it."""
        text = self.texts.get(col)
        return self.fill_texts.get((row, col), "") if text is None else text

    def _row(self, row: int) -> None:
        cells = self.sheet.cells.pop(row, {})  # read once: let the row go (memory)
        if not cells and row not in self.filled:
            return
        self.cells = cells
        self.texts = texts = row_texts(cells)
        if self._is_header_repeat(cells) or _is_number_row(texts, self.first_col):
            self.after_break, self.ended = True, False
            return
        if self.ended and not self._resumes(cells):
            return
        self.ended = False
        if len(cells) <= 4:  # area rows and signature lines hold a cell or two
            own = [t for _, t in sorted(texts.items()) if t]
            area = area_of_row(own)
            if area:
                self._set_area(area)
                self.area_rows = self.area_rows or area_of_code(own[0]) is None
                return
            if self._signature_starts(row, own):
                self.ended = True
                return
        self._data(row)

    def _set_area(self, area: str) -> None:
        if area != self.area:
            self.area, self.carry = area, {"no": "", "component": ""}

    def _signature_starts(self, row: int, own: list[str]) -> bool:
        """The signature block, told by its shape below the table: a lone short line
        (``Ttd.``, ``NIP``, ``Mengetahui``, a city and date), or a title (``KETUA
        ...``) that such a line follows within a few rows, never inside a merged
        block of the table and never by one word of an action."""
        if len(own) != 1 or any((row, c) in self.fill for c in self.by_col):
            return False
        if is_signature_line(own[0]):
            return True
        if not is_signature_title(own[0]):
            return False
        for below in range(row + 1, min(row + 9, self.sheet.max_row + 1)):
            texts = [cell_text(v) for v in self.sheet.cells.get(below, {}).values()]
            texts = [t for t in texts if t]
            if len(texts) >= 2 and self._resumes(self.sheet.cells.get(below, {})):
                return False
            if len(texts) == 1 and is_signature_line(texts[0]):
                return True
        return False

    def _resumes(self, cells: dict[int, CellValue]) -> bool:
        """After a signature-like line, a row that fills two plan columns is an action."""
        filled = sum(1 for c in self.by_col if cell_text(cells.get(c)))
        return filled >= 2

    def _is_header_repeat(self, cells: dict[int, CellValue]) -> bool:
        if len(cells) < self.repeat_hits:
            return False
        hits = 0
        misses_left = len(self.names) - self.repeat_hits  # more misses: no repeat
        for col, name, longest in self.names:
            value = cells.get(col)
            # header names are short: skip long action text without normalising it
            if isinstance(value, str) and len(value) < longest and norm_header(value) == name:
                hits += 1
            elif misses_left:
                misses_left -= 1
            else:
                return False
        return hits >= self.repeat_hits

    def _data(self, row: int) -> None:
        own, fill = self.texts, self.fill_texts
        texts = {
            name: own[col] if col in own else fill.get((row, col), "")
            for col, name in self.text_fields
        }
        if self._area_from(row, texts):
            return
        self._lke_letter(row, texts)
        link_col = self.link_col
        link_text = self._link_text(row, link_col) if link_col else ""
        hyperlink = self._hyperlink(row, link_col) if link_col else None
        target_col = self.target_col
        target = self._value(row, target_col) if target_col else None
        if self.out and self._continues(row):
            self._join(row, link_text, hyperlink)
            return
        self.after_break = False
        if _EXAMPLE.match(texts.get("no", "")) or _EXAMPLE.match(texts.get("component", "")):
            return  # a sample row the template or the office left in ("Contoh")
        notes = []
        if not texts.get("indicator") and not texts.get("action"):
            self._carry(texts)
            if not (texts.get("evidence") or hyperlink or split_link_cell(link_text)[0]):
                return
            if self.out:  # an evidence line of the action above: never dropped
                self._add_evidence(row, texts.get("evidence", ""), link_text, hyperlink)
                return
            notes.append("evidence-row-unplaced")
        self._carry(texts)
        texts["no"], texts["component"] = self.carry["no"], self.carry["component"]
        if not texts.get("lke"):  # a KODE LKE on the component row holds for its actions
            texts["lke"] = self.carry.get("lke", "")
            texts["lke_letter"] = self.carry.get("lke_letter", "")
        fmt = self.sheet.formats.get((row, target_col)) if target_col else None
        extra = {
            name: own[col] if col in own else fill.get((row, col), "")  # self._text(row, col)
            for col, name in self.header.extra.items()
        }
        errors = (
            tuple(
                (name, self.sheet.errors[(row, col)])
                for col, name in self.by_col.items()
                if (row, col) in self.sheet.errors
            )
            if self.sheet.errors
            else ()
        )
        raw = Raw(
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
        raw.notes.extend(notes)
        self.out.append(raw)

    def _area_from(self, row: int, texts: dict[str, str]) -> bool:
        """An AREA column or a database code (``A.1.I.i.``, on a sheet without area
        rows) gives the row its area; True when the row is only the area's heading."""
        area_col = self.header.columns.get("area")
        if area_col:
            area = area_of_cell(self._text(row, area_col))
            if area:
                self._set_area(area)
        if self.area_rows:
            return False
        cells = [texts.get(n, "") for n in ("no", "component", "indicator", "lke")]
        cells += [self.texts.get(c, "") for c in self.header.extra]
        for text in cells:
            code = area_of_code(text)
            if code:
                self._set_area(code[0])
                component = texts.get("component", "")
                heading = not component or area_of_cell(component) is not None
                return (
                    heading
                    and not code[1]
                    and not texts.get("indicator")
                    and not (texts.get("action"))
                )
        return False

    def _link_text(self, row: int, col: int) -> str:
        """``cell_lines`` of the link cell: its text made already when it is one line."""
        value = self._value(row, col)
        one_line = value.__class__ is str and "\n" not in value and "\r" not in value
        if one_line and self.cells.get(col, value) is value:  # its own cell, or the merge above
            return self._text(row, col)
        return cell_lines(value)

    def _hyperlink(self, row: int, col: int) -> str | None:
        link = self.sheet.links.get((row, col))
        if link is None and (row, col) in self.fill:
            origin = self.origins.get((row, col))
            link = self.sheet.links.get(origin) if origin else None
        return link

    def _lke_letter(self, row: int, texts: dict[str, str]) -> None:
        """The cell right of KODE LKE, when no field owns it: ``A.1.I.i.`` | ``a``."""
        col = self.header.columns.get("lke")
        if col is not None and col + 1 not in self.by_col:
            texts["lke_letter"] = self._text(row, col + 1)

    def _carry(self, texts: dict[str, str]) -> None:
        if texts.get("component"):
            self.carry = {
                "no": texts.get("no", ""),
                "component": texts["component"],
                "lke": texts.get("lke", ""),
                "lke_letter": texts.get("lke_letter", ""),
            }
        elif texts.get("no"):
            self.carry["no"] = texts["no"]

    def _own(self, row: int) -> dict[str, str]:
        """The texts this row itself holds (not a merged cell above it)."""
        texts = self.texts
        return {name: texts.get(col, "") for col, name in self.own_fields}

    def _continues(self, row: int) -> bool:
        """A fragment of the row above (a page break, with or without a repeated
        header): no NO, no date in its target cell, and every text it holds goes on
        from the text above it. Two real actions are never joined: an action that
        starts a sentence of its own is no fragment."""
        if self.no_col is not None and self.texts.get(self.no_col):
            return False  # the row has its own NO (what _own(row)["no"] holds)
        own = self._own(row)
        own.pop("no", "")
        target = self.cells.get(self.target_col or 0)
        if target is not None and not (isinstance(target, str) and not has_date(target)):
            return False
        own.pop("target", None)
        parts = {name: text for name, text in own.items() if text}
        if not parts and not self.texts.get(self.target_col or 0, ""):
            return False
        above = self.out[-1].texts
        carried = {"component": self.carry["component"]}
        return all(goes_on(text, carried.get(n, above.get(n, ""))) for n, text in parts.items())

    def _join(self, row: int, link_text: str, hyperlink: str | None) -> None:
        last = self.out[-1]
        own = self._own(row)
        for name, text in own.items():
            if not text or name in ("no", "target"):
                continue
            if name == "component":
                old = self.carry["component"]
                self.carry["component"] = join_text(old, text)
                if last.texts.get("component") == old:
                    last.texts["component"] = self.carry["component"]
                continue
            last.texts[name] = join_text(last.texts.get(name, ""), text)
        words = own.get("target", "")
        if words:
            if last.target is None or isinstance(last.target, str):
                last.target = f"{last.target}\n{words}" if last.target else words
            else:
                last.target_notes = join_text(last.target_notes, words)
        if link_text or hyperlink:
            last.more_links.append((link_text, hyperlink))
        last.last_row = row
        self.after_break = False

    def _add_evidence(self, row: int, evidence: str, link_text: str, link: str | None) -> None:
        last = self.out[-1]
        if evidence:
            above = last.texts.get("evidence", "")
            last.texts["evidence"] = f"{above}; {evidence}" if above else evidence
        if link_text or link:
            last.more_links.append((link_text, link))
        last.last_row = row


_EXAMPLE = _regex.compile(r"^(?:contoh|example|misal)\b", re.IGNORECASE)
_NOT_TEXT = ("link", "target", "area")


def _merge_fill(
    sheet: Sheet,
) -> tuple[
    dict[tuple[int, int], CellValue],
    dict[tuple[int, int], tuple[int, int]],
    dict[tuple[int, int], str],
]:
    """Every cell a vertical merge covers, with the value of its top cell, that top
    cell, and the value's text (merges are clipped to the sheet when read: the work is
    bounded)."""
    fill: dict[tuple[int, int], CellValue] = {}
    origins: dict[tuple[int, int], tuple[int, int]] = {}
    texts: dict[tuple[int, int], str] = {}
    for r1, c1, r2, _c2 in sheet.merges:
        if r2 > r1:
            value = sheet.value(r1, c1)
            text = cell_text(value)
            for r in range(r1 + 1, r2 + 1):
                fill[(r, c1)] = value
                origins[(r, c1)] = (r1, c1)
                texts[(r, c1)] = text
    return fill, origins, texts


def _is_number_row(texts: dict[int, str], first_col: int) -> bool:
    """A row of column numbers (1 2 3 ..., as numbers, text or "(1)"), each number in
    its own column: merged NO/KOMPONEN cells may hide the first ones. ``texts``: the
    row's cells as ``cell_text``."""
    if len(texts) < 3:
        return False
    return all(text.strip("()[]. ") == str(c - first_col + 1) for c, text in texts.items())
