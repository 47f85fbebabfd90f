"""Cell text as a person means it: invisible characters and runs of spaces removed."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from functools import lru_cache

from . import _regex

__all__ = ["cell_lines", "cell_text", "norm_header", "row_texts"]

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = _regex.compile(r"\s+")
_NOT_WORD = _regex.compile(r"[^0-9A-Z]+")


def cell_text(value: object) -> str:
    """One line of text: zero-width characters dropped, every whitespace run one space."""
    if value is None:
        return ""
    if type(value) is str:
        if value.isascii():  # the common case: no invisible characters to drop
            text = " ".join(value.split())
            return value if text == value else text
        return " ".join(value.translate(_INVISIBLE).split())
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return value.date().isoformat() if not value.time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).translate(_INVISIBLE)
    return _SPACES.sub(" ", text).strip()


def cell_lines(value: object) -> str:
    """Like :func:`cell_text` but keeps line breaks (a link cell lists one per line)."""
    if not isinstance(value, str):
        return cell_text(value)
    lines = (cell_text(line) for line in value.replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def norm_header(value: object) -> str:
    """A header name for matching: upper case, words only (``No.`` -> ``NO``)."""
    if type(value) is str:
        return _norm_text(value)
    return _NOT_WORD.sub(" ", cell_text(value).upper()).strip()


@lru_cache(maxsize=1 << 14)
def _norm_text(value: str) -> str:
    return _NOT_WORD.sub(" ", cell_text(value).upper()).strip()


#: What ``str.split()`` takes for a space in ASCII text, besides the space itself.
_CONTROL_SPACES = ("\n", "\t", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")


def row_texts(cells: Mapping[int, object]) -> dict[int, str]:
    """``cell_text`` of each cell of a row. Most rows hold ASCII text that is already
    one line with single spaces: that is told for the whole row at once, its strings
    joined by a space (then a cell's leading or trailing space shows as two spaces),
    at C speed; any other row is made text cell by cell."""
    strings = [v for v in cells.values() if v.__class__ is str]
    if strings:
        joined = " ".join(strings)
        plain = joined.isascii() and "  " not in joined and joined[:1] != " " and joined[-1:] != " "
        if plain:
            for space in _CONTROL_SPACES:
                if space in joined:
                    plain = False
                    break
        if not plain:
            return {  # cell_text, its common case (ASCII text) inline
                c: (v if (t := " ".join(v.split())) == v else t)
                if v.__class__ is str and v.isascii()
                else cell_text(v)
                for c, v in cells.items()
            }
        if len(strings) == len(cells):
            return dict(cells)  # type: ignore[arg-type]  # every value is a str
    return {c: v if v.__class__ is str else cell_text(v) for c, v in cells.items()}
