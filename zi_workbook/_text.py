"""Cell text as a person means it: invisible characters and runs of spaces removed."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from . import _regex

__all__ = ["cell_lines", "cell_text", "norm_header"]

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
