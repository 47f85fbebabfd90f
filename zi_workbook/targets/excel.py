"""TARGET WAKTU cells that Excel typed: date numbers, date cells and number formats.

:func:`read_number` and :func:`read_serial` read an Excel date number (or a plain
year), :func:`read_date` a date cell; :func:`format_unit` and :func:`show_date` read
the cell's Excel number format: whether it shows the day, the month or only the year,
and the text it shows, with Indonesian month and day names.
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta
from typing import SupportsFloat, cast

from zi_workbook.model import Period, Target
from zi_workbook.targets.grammar import Ref
from zi_workbook.targets.messages import Refusal, error
from zi_workbook.targets.resolve import bounds
from zi_workbook.targets.tokens import display
from zi_workbook.targets.words import DAY_NAMES_ID, MONTH_NAMES_ID, YEAR_MAX, YEAR_MIN

from .. import _regex

__all__ = [
    "date_periods",
    "format_unit",
    "read_date",
    "read_number",
    "read_serial",
    "show_date",
]

_SERIAL_MAX = 2958465  # 9999-12-31
_PLAUSIBLE = (36526, 73415)  # 2000-01-01 .. 2100-12-31 as Excel date numbers
_ISO_WIDTH = {"day": 10, "month": 7, "year": 4}  # a date cell's text without a readable format


def read_date(day: date, number_format: str | None) -> Target:
    """A date cell, its text as its format shows it (ISO when that cannot be read)."""
    unit = format_unit(number_format) or "day"
    text = show_date(day, number_format) or day.isoformat()[: _ISO_WIDTH[unit]]
    return Target(text, date_periods(day, unit))


def read_number(value: object, unit: str | None, date1904: bool) -> Target:
    try:
        number = float(cast("SupportsFloat", value))
    except (TypeError, ValueError, OverflowError):
        number = math.nan
    text = str(int(number)) if number.is_integer() else display(str(value))
    if unit is None and number.is_integer() and YEAR_MIN <= number <= YEAR_MAX:
        year = int(number)  # a plain number cell holding a year: someone typed 2023
        return Target(text, (Period(date(year, 1, 1), date(year, 12, 31)),))
    return read_serial(text, number, date1904, unit or "day", plain=unit is None)


def read_serial(
    text: str, number: float, date1904: bool, unit: str, *, plain: bool = True
) -> Target:
    """An Excel date number. A plain number (no date format) must fall in 2000-2100:
    ``12`` or ``100000`` typed in TARGET WAKTU is no deadline, whatever Excel makes of it."""
    serial = math.floor(number) + 1462 * date1904 if math.isfinite(number) else 0
    if not 1 <= serial <= _SERIAL_MAX:
        return Target(text, error=error(text, Refusal("serial_range", raw=text)))
    if plain and not _PLAUSIBLE[0] <= serial <= _PLAUSIBLE[1]:
        return Target(text, error=error(text, Refusal("serial_plausible", raw=text)))
    if serial == 60:  # Excel's 29 February 1900, a day that never was
        return Target(text, error=error(text, Refusal("bad_date", raw="29 Februari 1900")))
    day = date(1899, 12, 31) + timedelta(days=serial - (serial > 60))
    return Target(text, date_periods(day, unit))


def date_periods(day: date, unit: str) -> tuple[Period, ...]:
    """A date cell: the day, or the whole month or year when its format shows no more."""
    if unit == "day":
        return (Period(day, day),)
    return (Period(*bounds(Ref(unit, month=day.month, year=day.year))),)


# ------------------------------------------------------------------ date cells

_FORMAT_PART = _regex.compile(
    r'"(?P<quoted>[^"]*)"|\\(?P<escaped>.)|(?P<skip>\[(?![hms]+\])[^\]]*\]|[_*].)'
    r"|(?P<code>d+|m+|y+)|(?P<literal>[-/.,:' ()])|(?P<end>;)|(?P<other>.)",
    re.IGNORECASE | re.DOTALL,
)
#: Excel's short date (built-in format 14): every computer shows it its own way.
_SHORT_DATE = frozenset({"mm-dd-yy", "m/d/yyyy", "m/d/yy"})


def format_unit(number_format: str | None) -> str | None:
    """What an Excel number format shows: "day", "month", "year", or None (no date)."""
    parts = _format_parts(number_format or "")
    letters = "".join(text for kind, text in parts if kind in ("code", "other")).casefold()
    if any(letter in letters for letter in "dhs"):
        return "day"
    if "m" in letters:
        return "month"
    return "year" if "y" in letters else None


def show_date(day: date, number_format: str | None) -> str | None:
    """``day`` as ``number_format`` shows it, with Indonesian month and day names.

    Reads d, dd, ddd, dddd, m, mm, mmm, mmmm, mmmmm, yy and yyyy, quoted text, ``\\x`` and
    the separators ``- / . , : ' ( )`` and space, in the first section; locale and colour
    brackets, padding and fills are ignored. None (the caller writes ISO) when the
    format shows anything else (a time, a number, ``General``) or is the short date.
    """
    if not number_format or number_format.casefold() in _SHORT_DATE:
        return None
    parts = _format_parts(number_format)
    kinds = {kind for kind, _ in parts}
    if "code" not in kinds or "other" in kinds:
        return None
    return "".join(_show_code(day, text.casefold()) if k == "code" else text for k, text in parts)


def _format_parts(number_format: str) -> list[tuple[str, str]]:
    """(kind, text) of the first section of a number format, brackets and padding dropped."""
    parts = []
    for part in _FORMAT_PART.finditer(number_format):
        kind = part.lastgroup or "other"
        if kind == "end":
            break
        if kind != "skip":
            parts.append((kind, part[kind]))
    return parts


def _show_code(day: date, code: str) -> str:
    """One run of d, m or y: ``d`` 5, ``dd`` 05, ``ddd`` Jum, ``dddd`` Jumat, ``m`` 5,
    ``mm`` 05, ``mmm`` Mei, ``mmmm`` Mei, ``mmmmm`` M, ``yy`` 23, ``yyyy`` 2023."""
    size, letter = len(code), code[0]
    if letter == "y":
        return f"{day.year % 100:02d}" if size <= 2 else f"{day.year:04d}"
    if size <= 2:
        return f"{day.day if letter == 'd' else day.month:0{size}d}"
    name = DAY_NAMES_ID[day.weekday()] if letter == "d" else MONTH_NAMES_ID[day.month - 1]
    if size == 3:
        return name[:3]
    return name[0] if size == 5 and letter == "m" else name
