"""Dates the way a civil servant writes them: ``31 Mei 2025`` (English ``31 May 2025``).

The one home of :func:`long_date`, used by the monthly report, the checks and the
Inspectorate's summary alike.

>>> from datetime import date
>>> long_date(date(2025, 5, 31)), long_date(date(2025, 5, 31), "en")
('31 Mei 2025', '31 May 2025')
"""

from __future__ import annotations

from datetime import date

from ..targets.words import MONTH_NAMES_EN, MONTH_NAMES_ID

__all__ = ["long_date"]


def long_date(day: date, lang: str = "id") -> str:
    """``31 Mei 2025`` (``31 May 2025`` in English)."""
    months = MONTH_NAMES_EN if lang == "en" else MONTH_NAMES_ID
    return f"{day.day} {months[day.month - 1]} {day.year}"
