"""The meaning of a TARGET WAKTU: parsed items resolved into periods.

:func:`resolve` settles the unit of bare ordinals, fills in missing months and years
(the later year of a range applies to its start, a list's one year to its items without
one, else the plan year) and turns each item into periods; :func:`bounds` gives the
first and last day of one reference. Anything unclear is a :class:`Refusal`.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from zi_workbook.model import Period
from zi_workbook.targets.grammar import Item, Ref
from zi_workbook.targets.messages import Refusal

from . import words as W

__all__ = ["bounds", "resolve"]

_SMALL_UNITS = frozenset({"day", "week", "quarter", "semester"})


def resolve(
    items: list[Item], plan_year: int | None, plan_start: date | None
) -> tuple[Period, ...]:
    refs = [ref for item in items for ref in item.refs]
    if any(ref.bare for ref in refs):
        _settle_units(items, refs)
    if len(items) > 1:
        _refuse_mixed_years(items)
    _carry_months(refs)
    year = _carry_years(items, plan_year)
    periods = [p for item in items for p in _periods(item, plan_year, plan_start, year)]
    if len(items) == 1:
        return tuple(periods)  # one item: one period, or whole units in order
    return _distinct(periods)


def _distinct(periods: list[Period]) -> tuple[Period, ...]:
    """Sorted, the same period written twice once (``Juni, Juni``); overlaps refused."""
    ordered = sorted(dict.fromkeys(periods), key=lambda p: (p.start, p.end or date.max))
    for first, second in pairwise(ordered):
        if first.end is None or second.start <= first.end:
            fields = {
                f"{key}_{lang}": _show(p, lang)
                for key, p in (("first", first), ("second", second))
                for lang in ("id", "en")
            }
            raise Refusal("overlap", **fields)
    return tuple(ordered)


def _show(period: Period, lang: str) -> str:
    if period.end is None:
        return f"{period.start} – " + ("(tanpa akhir)" if lang == "id" else "(no end)")
    return str(period.start) if period.start == period.end else f"{period.start} – {period.end}"


def _settle_units(items: list[Item], refs: list[Ref]) -> None:
    """A bare ordinal takes the unit of its range partner, else its neighbour's."""
    for item in items:
        if item.kind == "span" or (item.kind == "every" and len(item.refs) == 2):
            first, last = item.refs
            first.unit, last.unit = first.unit or last.unit, last.unit or first.unit
    for before, ref in pairwise(refs):
        ref.unit = ref.unit or before.unit
    for after, ref in pairwise(refs[::-1]):
        ref.unit = ref.unit or after.unit
    for ref in refs:
        small = ref.unit in ("day", "week") or (ref.unit in _SMALL_UNITS and not ref.month)
        if ref.bare and not small:
            raise Refusal("unclear", raw=ref.raw)


def _refuse_mixed_years(items: list[Item]) -> None:
    """``Maret 2022, 2023``: is 2023 a whole year, or a year for the month? Refused.

    A list may hold years alone (``2022, 2023``) or dated items, not both.
    """
    lone: Ref | None = None
    dated = False
    for item in items:
        if item.kind in ("end", "every"):
            dated = True
            continue
        for ref in item.refs:
            if ref.unit != "year":
                dated = True
            elif lone is None:
                lone = ref
    if lone is not None and dated:
        raise Refusal("mixed_year", raw=lone.raw)


def _carry_months(refs: list[Ref]) -> None:
    """A day or week without a month takes the month (and year) of the one after it."""
    carry: Ref | None = None
    for ref in reversed(refs):
        if ref.month is not None:
            carry = ref
        elif ref.unit in ("day", "week") and carry is not None:
            if carry.unit == "month":  # Minggu ke-1, April 2022: April is its own item
                example = f"{ref.raw} {carry.raw}"
                raise Refusal("month_item", raw=ref.raw, month=carry.raw, example=example)
            ref.month = carry.month
            ref.year = carry.year if ref.year is None else ref.year


def _carry_years(items: list[Item], plan_year: int | None) -> int | None:
    """Fill in missing years; the year of the text (for ``Setiap bulan``) is returned.

    In a range the later year applies to the start (``Okt-Des 2023``). Items without a
    year take the year the list names, before or after them (``Maret 2023, Juni``); a
    list naming no year takes ``plan_year``; one naming different years is refused.
    """
    stated: set[int] = set()
    missing: list[str] = []
    for item in items:
        carry: int | None = None
        for ref in reversed(item.refs):
            if ref.year is not None:
                carry = ref.year
                stated.add(carry)
            elif carry is not None:
                ref.year = carry
            else:
                missing.append(ref.raw)
        if item.kind == "every" and not item.refs:
            missing.append(item.raw)
    if not missing:
        return plan_year
    if len(stated) > 1:
        raise Refusal("list_years", raw=missing[0], years=", ".join(map(str, sorted(stated))))
    year = stated.pop() if stated else plan_year
    if year is None:
        raise Refusal("no_year")
    for ref in (ref for item in items for ref in item.refs):
        ref.year = year if ref.year is None else ref.year
    return year


def _periods(
    item: Item, plan_year: int | None, plan_start: date | None, year: int | None
) -> list[Period]:
    """One item's periods; ``year`` is the text's year, for a bare ``Setiap bulan``."""
    if item.kind == "every":
        return _every(item, year)
    if item.kind == "span":
        return [_span(*item.refs)]
    ref = item.refs[0]
    start, end = bounds(ref)
    if item.kind == "from":
        return [Period(start, None)]
    if item.kind == "until":
        first = plan_start or (date(plan_year, 1, 1) if plan_year else None)
        if first is None:
            raise Refusal("no_start")
        if first > end:
            raise Refusal("backwards")
        return [Period(first, end)]
    if item.kind == "end":
        return [Period(end, end)]
    if item.kind == "before" and ref.unit != "day":
        raise Refusal("before_day")
    return [Period(start, end)]


def _span(first: Ref, last: Ref) -> Period:
    (a_start, a_end), (b_start, b_end) = bounds(first), bounds(last)
    if a_start > b_start or a_end > b_end:
        raise Refusal("backwards")
    return Period(a_start, b_end)


def _every(item: Item, plan_year: int | None) -> list[Period]:
    """``Setiap bulan``: each whole unit inside the range written, else the plan year."""
    if item.unit == "week":
        raise Refusal("weekly")
    if item.refs:
        window = _span(item.refs[0], item.refs[-1])
    elif plan_year is None:
        raise Refusal("no_year")
    else:
        window = Period(date(plan_year, 1, 1), date(plan_year, 12, 31))
    size, low, high = W.UNIT_MONTHS[item.unit], window.start, window.end or date.max
    spans = [
        (date(year, month, 1), _month_end(year, month + size - 1))
        for year in range(low.year, high.year + 1)
        for month in range(1, 13, size)
    ]
    inside = [Period(start, end) for start, end in spans if low <= start and end <= high]
    if not inside:
        unit_id, unit_en = W.UNIT_NAMES[item.unit]
        raise Refusal("recur_empty", unit_id=unit_id, unit_en=unit_en)
    return inside


def _days_in(year: int, month: int) -> int:
    """Days in a month (1..12) of the Gregorian calendar; no ``calendar`` import."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _month_end(year: int, month: int) -> date:
    return date(year, month, _days_in(year, month))


def bounds(ref: Ref) -> tuple[date, date]:
    """The first and last day of one settled reference, or a refusal."""
    year = ref.year or 0
    if ref.unit == "year":
        return date(year, 1, 1), date(year, 12, 31)
    if ref.unit in ("quarter", "semester"):
        size = W.UNIT_MONTHS[ref.unit]
        if not 1 <= ref.n <= 12 // size:
            raise Refusal(f"{ref.unit}_range", raw=ref.raw)
        first = size * (ref.n - 1) + 1
        return date(year, first, 1), _month_end(year, first + size - 1)
    if ref.month is None:
        raise Refusal("no_month", raw=ref.raw)
    if not 1 <= ref.month <= 12:
        raise Refusal("bad_date", raw=ref.raw)
    last = _days_in(year, ref.month)
    if ref.unit == "month":
        return date(year, ref.month, 1), date(year, ref.month, last)
    if ref.unit == "week":
        return _week(ref, year, last)
    if not 1 <= ref.n <= last:
        raise Refusal("bad_date", raw=f"{ref.n} {W.MONTH_NAMES_ID[ref.month - 1]} {year}")
    return date(year, ref.month, ref.n), date(year, ref.month, ref.n)


def _week(ref: Ref, year: int, last: int) -> tuple[date, date]:
    """Week N is days 7(N-1)+1 to 7N; week 5 runs to the end of the month."""
    month = ref.month or 1
    if not 1 <= ref.n <= 5:
        raise Refusal("week_range", raw=ref.raw)
    first = 7 * (ref.n - 1) + 1
    if first > last:
        raise Refusal("no_week_5", raw=f"{W.MONTH_NAMES_ID[month - 1]} {year}")
    return date(year, month, first), date(year, month, last if ref.n == 5 else 7 * ref.n)
