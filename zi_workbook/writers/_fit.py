"""Row heights for wrapped text: neither Excel nor LibreOffice grows them on open.

:class:`Grid` writes text cells (always ``write_string``) and remembers how many
lines each row needs in its column widths; :meth:`Grid.fit` sets the heights.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ._book import cell_writers, row_writer, write_text

__all__ = ["Grid", "wrapped_lines"]

#: Points per line of 11 pt text, and characters per unit of column width (cautious:
#: LibreOffice may draw with a wider font than Calibri).
LINE_PT = 15.0
CHARS_PER_WIDTH = 1.15
#: Excel's tallest row, in points; a cell that would need more is cut (see Grid.text).
MAX_ROW_PT = 409.0
MAX_LINES = int((MAX_ROW_PT - 2) // LINE_PT)


def wrapped_lines(text: str, width: float) -> int:
    """How many lines ``text`` takes when wrapped at word boundaries in ``width``."""
    cap = max(1, int(width * CHARS_PER_WIDTH))
    if len(text) <= cap and "\n" not in text:
        return 1  # most cells: short enough for one line
    total = 0
    for para in text.split("\n"):
        lines, used = 1, 0
        for word in para.split():
            size = len(word)
            if used and used + 1 + size <= cap:
                used += 1 + size
                continue
            if used:
                lines, used = lines + 1, 0
            while size > cap:  # a long word (a link, a hash) breaks anywhere
                lines, size = lines + 1, size - cap
            used = size
        total += lines
    return max(total, 1)


class Grid:
    """A worksheet with known column widths that sizes its rows to their text."""

    def __init__(self, ws: Any, widths: Sequence[float]) -> None:
        self.ws = ws
        self.widths = list(widths)
        self.lines: dict[int, float] = {}
        #: characters that fit one line of each column (plain text, no span)
        self.caps = [max(1, int(w * CHARS_PER_WIDTH)) for w in self.widths]
        self._write = cell_writers(ws)[0]
        self._write_row = row_writer(ws)
        for i, width in enumerate(self.widths):
            ws.set_column(i, i, width)

    def need(self, row: int, lines: float) -> None:
        """Make ``row`` at least ``lines`` lines high."""
        self.lines[row] = max(self.lines.get(row, 1.0), lines)

    def text(
        self,
        row: int,
        col: int,
        value: str,
        fmt: Any,
        span: int = 1,
        scale: float = 1.0,
        bold: bool = False,
    ) -> None:
        """Write ``value`` as text (over ``span`` merged columns) and note its height.

        ``scale`` is the font size relative to 11 pt (7 pt text: 0.65); bold text
        is counted wider.
        """
        plain = span == 1 and scale == 1.0 and not bold and col < len(self.caps)
        if plain and len(value) <= self.caps[col] and "\n" not in value:  # one line: most
            self._write(row, col, value, fmt)
            self.lines.setdefault(row, 1.0)
            return
        if span > 1:
            self.ws.merge_range(row, col, row, col + span - 1, "", fmt)
        width = sum(self.widths[col : col + span]) if col < len(self.widths) else 10.0
        width = width / scale / (1.2 if bold else 1.0)
        lines = wrapped_lines(value, width) * scale
        if lines > MAX_LINES:  # cut with "…"; the whole text goes in the cell's note
            shown = _cut(value, width, int(MAX_LINES / scale))
            write_text(self.ws, row, col, shown, fmt)
            self.ws.write_comment(row, col, value[:32_000], {"x_scale": 3, "y_scale": 4})
            lines = wrapped_lines(shown, width) * scale
        else:
            write_text(self.ws, row, col, value, fmt)
        self.need(row, lines)

    def row(self, row: int, cells: list[tuple[int, Any, Any]]) -> None:
        """Write a row's cells - (column, value, format), columns ascending, a ``str``
        written as text (as :meth:`text` writes it), a number as a number - in one call,
        noting the height the texts need."""
        caps, out = self.caps, []
        lines = self.lines.get(row, 1.0)
        for cell in cells:
            col, value, fmt = cell
            if value.__class__ is str and (
                col >= len(caps) or len(value) > caps[col] or "\n" in value
            ):
                if col >= len(caps) or wrapped_lines(value, self.widths[col]) > MAX_LINES:
                    self.text(row, col, value, fmt)  # cut, with a note: written alone
                    lines = max(lines, self.lines.get(row, 1.0))
                    continue
                lines = max(lines, wrapped_lines(value, self.widths[col]))
            out.append(cell)
        self.lines[row] = lines
        self._write_row(row, out)

    def height_pt(self, row: int) -> float:
        """The height of ``row`` in points once :meth:`fit` has run (at most 409)."""
        lines = self.lines.get(row, 1.0)
        return 15.0 if lines <= 1.0 else min(MAX_ROW_PT, round(LINE_PT * lines + 2, 1))

    def height_px(self, row: int) -> float:
        """The height of ``row`` in pixels once :meth:`fit` has run."""
        lines = self.lines.get(row, 1.0)
        return 20.0 if lines <= 1.0 else round(LINE_PT * lines + 2, 1) * 4 / 3

    def fit(self) -> None:
        """Set the height of every row that needs more than one line."""
        for row, lines in self.lines.items():
            if lines > 1.0:
                self.ws.set_row(row, min(MAX_ROW_PT, round(LINE_PT * lines + 2, 1)))


def _cut(text: str, width: float, max_lines: int) -> str:
    """The longest start of ``text`` (whole words) that fits ``max_lines``, then "…"."""
    low, high = 0, len(text)
    while low < high:  # binary search on the length
        mid = (low + high + 1) // 2
        if wrapped_lines(text[:mid] + " …", width) <= max_lines:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + " …"
