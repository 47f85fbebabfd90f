"""TARGET WAKTU: read the deadline of an action as the plan writes it.

:func:`parse_target` turns a cell (text, an Excel date number, a date, or nothing)
into a :class:`~zi_workbook.model.Target`: the text as written and the periods it
means. A month is the whole month, a year the whole year, week N of a month is days
7(N-1)+1 to 7N (week 5 runs to the month's end), a list gives one period per item
(the same period twice counts once, overlapping ones are refused) and a year a list
names applies to its items without one, as does a year alone after a comma (``Juni,
2022``). A list naming different years with an item without one, a list mixing a
lone year with dated items, a connector with nothing on one side (``Juni dan``) and two
connectors in a row are refused. Anything
that is not plainly a date is refused with a message in Bahasa Indonesia and English,
never guessed. The conventions, with examples, are in ``docs/targets.md``.

The text is read in three small steps: :func:`zi_workbook._target_words.read_words`
splits it into classified words using the word tables of that module, :class:`_Parser`
reads the tokens as ``list := item (separator item)*``, ``item := range | single``,
and :func:`_resolve` fills in missing months and years and turns each item into
periods. Nothing reads the clock.
"""

from __future__ import annotations

import math
import numbers
import re
from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from itertools import pairwise
from typing import SupportsFloat, cast

from zi_workbook import _target_words as W
from zi_workbook._target_words import Word
from zi_workbook.model import Period, Target, TargetError

__all__ = ["parse_target"]

_SERIAL_MAX = 2958465  # 9999-12-31
_PLAUSIBLE = (36526, 73415)  # 2000-01-01 .. 2100-12-31 as Excel date numbers
_SERIAL_TEXT = re.compile(r"[0-9]{5,6}(?:\.[0-9]+)?")
#: A date and time pasted as text (``2022-03-15 00:00:00``): the day, as for a date cell.
_DATETIME_TEXT = re.compile(
    r"([0-9]{4}-[0-9]{2}-[0-9]{2})[ T](?:[01][0-9]|2[0-3]):[0-5][0-9]"
    r"(?::[0-5][0-9](?:\.[0-9]+)?)?"
)
_LOOKALIKE = str.maketrans("olis", "0115")
_ODD_KINDS = frozenset({"typo", "vague", "unknown", "bullet", "every_n"})
_SMALL_UNITS = frozenset({"day", "week", "quarter", "semester"})
_ISO_WIDTH = {"day": 10, "month": 7, "year": 4}  # a date cell's text without a readable format
_UNIT_MONTHS = {"month": 1, "quarter": 3, "semester": 6, "year": 12}
_MONTHS_UNIT = {months: unit for unit, months in _UNIT_MONTHS.items()}
_AT_START = {"where_id": "awal", "where_en": "start"}
_AT_END = {"where_id": "akhir", "where_en": "end"}


class _Refusal(Exception):
    """Why a text is refused: a key of ``W.MESSAGES`` and the fields it needs."""

    def __init__(self, key: str, suggestion: str | None = None, **fields: str) -> None:
        super().__init__(key)
        self.key, self.suggestion, self.fields = key, suggestion, fields


@dataclass(slots=True)
class _Ref:
    """One calendar unit as written; ``unit`` is "" for a bare ordinal until settled."""

    unit: str
    n: int = 0
    month: int | None = None
    year: int | None = None
    raw: str = ""
    bare: bool = False


@dataclass(slots=True)
class _Item:
    kind: str  # at, span, from, until, end, before, every
    refs: list[_Ref] = field(default_factory=list)
    unit: str = ""  # the unit of an "every" item
    raw: str = ""  # the words of an "every" item (Setiap bulan)


# ---------------------------------------------------------------- public entry


def parse_target(
    value: object,
    plan_year: int | None = None,
    number_format: str | None = None,
    *,
    date1904: bool = False,
    plan_start: date | None = None,
) -> Target:
    """Read one TARGET WAKTU cell; never raises (a refusal is a Target with ``error``).

    ``value`` is what the cell holds: text, an Excel date serial (int or float), a
    date or datetime (read with the cell's ``number_format``: a format showing only
    month and year means the whole month), or None. A missing year is ``plan_year``;
    "s.d. Desember 2023" runs from ``plan_start`` (default 1 January of plan_year).
    """
    try:
        return _parse_value(value, plan_year, number_format, date1904, plan_start)
    except Exception:  # a bug here must not stop a whole plan from being read
        text = W.display(value) if isinstance(value, str) else ""
        return Target(text, error=_error(text, _Refusal("unreadable")))


def _parse_value(
    value: object,
    plan_year: int | None,
    number_format: str | None,
    date1904: bool,
    plan_start: date | None,
) -> Target:
    if value is None:
        return Target("")
    if isinstance(value, str):
        return _read_text(value, plan_year, plan_start, date1904)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        unit = W.format_unit(number_format) or "day"
        text = W.show_date(value, number_format) or value.isoformat()[: _ISO_WIDTH[unit]]
        return Target(text, _date_periods(value, unit))
    if isinstance(value, numbers.Number) and not isinstance(value, (bool, complex)):
        return _read_number(value, W.format_unit(number_format), date1904)
    text = ("TRUE" if value else "FALSE") if isinstance(value, bool) else W.display(str(value))
    kind = next((k.__name__ for k in (bool, time, timedelta) if isinstance(value, k)), "")
    if kind:  # TRUE/FALSE, a time of day, a duration
        what_id, what_en = W.CELL_VALUES[kind]
        return Target(
            text, error=_error(text, _Refusal("not_date", what_id=what_id, what_en=what_en))
        )
    return Target(text, error=_error(text, _Refusal("bad_value", raw=type(value).__name__)))


def _error(text: str, refusal: _Refusal) -> TargetError:
    template_id, template_en = W.MESSAGES[refusal.key]
    fields = {"text": text.replace("\n", " / "), **refusal.fields}
    if refusal.suggestion:
        fields["suggestion"] = refusal.suggestion
    return TargetError(
        template_id.format(**fields), template_en.format(**fields), refusal.suggestion
    )


# ------------------------------------------------------- numbers and dates


def _read_number(value: object, unit: str | None, date1904: bool) -> Target:
    try:
        number = float(cast("SupportsFloat", value))
    except (TypeError, ValueError, OverflowError):
        number = math.nan
    text = str(int(number)) if number.is_integer() else W.display(str(value))
    if unit is None and number.is_integer() and W.YEAR_MIN <= number <= W.YEAR_MAX:
        year = int(number)  # a plain number cell holding a year: someone typed 2023
        return Target(text, (Period(date(year, 1, 1), date(year, 12, 31)),))
    return _read_serial(text, number, date1904, unit or "day", plain=unit is None)


def _read_serial(
    text: str, number: float, date1904: bool, unit: str, *, plain: bool = True
) -> Target:
    """An Excel date number. A plain number (no date format) must fall in 2000-2100:
    ``12`` or ``100000`` typed in TARGET WAKTU is no deadline, whatever Excel makes of it."""
    serial = math.floor(number) + 1462 * date1904 if math.isfinite(number) else 0
    if not 1 <= serial <= _SERIAL_MAX:
        return Target(text, error=_error(text, _Refusal("serial_range", raw=text)))
    if plain and not _PLAUSIBLE[0] <= serial <= _PLAUSIBLE[1]:
        return Target(text, error=_error(text, _Refusal("serial_plausible", raw=text)))
    if serial == 60:  # Excel's 29 February 1900, a day that never was
        return Target(text, error=_error(text, _Refusal("bad_date", raw="29 Februari 1900")))
    day = date(1899, 12, 31) + timedelta(days=serial - (serial > 60))
    return Target(text, _date_periods(day, unit))


def _date_periods(day: date, unit: str) -> tuple[Period, ...]:
    """A date cell: the day, or the whole month or year when its format shows no more."""
    if unit == "day":
        return (Period(day, day),)
    return (Period(*_bounds(_Ref(unit, month=day.month, year=day.year))),)


# ---------------------------------------------------------------- text


@lru_cache(maxsize=4096)
def _read_text(raw: str, plan_year: int | None, plan_start: date | None, date1904: bool) -> Target:
    text = W.display(raw)
    if not text:
        return Target("")
    if _SERIAL_TEXT.fullmatch(text):
        return _read_serial(text, float(text), date1904, "day")
    stamp = _DATETIME_TEXT.fullmatch(text) if ":" in text else None
    try:
        tokens = W.read_words(stamp[1] if stamp else text)
        _screen(tokens, text, plan_year)
        items = _Parser(tokens, text).parse()
        return Target(text, _resolve(items, plan_year, plan_start))
    except _Refusal as refusal:
        return Target(text, error=_error(text, refusal))


def _screen(tokens: list[Word], text: str, plan_year: int | None) -> None:
    """Refuse letters in a year, vague words, unknown words and text without a date."""
    kinds = {tok.kind for tok in tokens}
    if kinds.isdisjoint(_ODD_KINDS) and not kinds.isdisjoint(W.DATE_KINDS):
        return  # the usual text: nothing odd, and a date in it
    for tok in tokens:
        if tok.kind == "typo":
            raise _year_typo(tok, text, plan_year)
        if tok.kind == "every_n":
            raise _every_n(tok, text)
        if tok.kind == "vague":
            raise _Refusal("vague", raw=text[tok.start : tok.end])
    unknown = [text[t.start : t.end] for t in tokens if t.kind in ("unknown", "bullet")]
    words = ", ".join(f"'{w}'" for w in dict.fromkeys(unknown))
    if kinds.isdisjoint(W.DATE_KINDS):
        words_id = f" (kata tidak dikenal: {words})" if words else ""
        words_en = f" (unknown words: {words})" if words else ""
        raise _Refusal("no_date", words_id=words_id, words_en=words_en)
    if unknown:
        raise _Refusal("unknown", words=words)


def _year_typo(tok: Word, text: str, plan_year: int | None) -> _Refusal:
    """``Juni 2O22``: suggest the plan year when the digits fit it, else the look-alike."""
    raw = text[tok.start : tok.end]
    fits_plan = plan_year is not None and all(
        not c.isdecimal() or c == p for c, p in zip(tok.word, f"{plan_year:04d}", strict=True)
    )
    lookalike = tok.word.translate(_LOOKALIKE)
    if fits_plan:
        year = f"{plan_year:04d}"
    elif lookalike.isdecimal() and W.YEAR_MIN <= int(lookalike) <= W.YEAR_MAX:
        year = lookalike
    else:
        return _Refusal("year_letter", raw=raw)
    return _Refusal("year_typo", text[: tok.start] + year + text[tok.end :], raw=raw)


def _every_n(tok: Word, text: str) -> _Refusal:
    """``Setiap 3 bulan``: refused, suggesting ``Setiap triwulan`` when a unit fits."""
    raw = text[tok.start : tok.end]
    months = _UNIT_MONTHS.get(tok.word, 0) * tok.val
    unit = _MONTHS_UNIT.get(months)
    if unit is None:  # Setiap 2 bulan, Per 2 minggu
        return _Refusal("every_n_other", raw=raw)
    lead = raw[: next(k for k, c in enumerate(raw) if c.isdecimal())]  # "Setiap ", "Per-"
    suggestion = text[: tok.start] + lead + W.UNIT_NAMES[unit][0] + text[tok.end :]
    return _Refusal("every_n", suggestion, raw=raw)


# ---------------------------------------------------------------- grammar


class _Parser:
    """``list := item (sep item)*``; ``item := [from|to|due|before|end] range | every``."""

    def __init__(self, tokens: list[Word], text: str) -> None:
        end = Word("", "", 0, len(text), len(text))  # the end: kind ""
        self.tokens, self.text, self.i = [*tokens, end, end, end, end], text, 0
        self.last_unit = ""  # the unit of the last reference read, bare ones skipped

    def peek(self, ahead: int = 0) -> Word:
        return self.tokens[self.i + ahead]  # ahead <= 3: the end is there four times

    def kind(self, ahead: int = 0) -> str:
        return self.peek(ahead).kind

    def word(self, ahead: int = 0) -> str:
        return self.peek(ahead).word

    def digits(self, ahead: int = 0) -> int:
        """How many digits the number ``ahead`` has; 0 when it is no number."""
        tok = self.peek(ahead)
        return len(tok.word) if tok.kind == "num" else 0

    def take(self) -> Word:
        self.i += 1
        return self.tokens[self.i - 1]

    def parse(self) -> list[_Item]:
        items: list[_Item] = []
        while True:
            joins = self.separators() if self.kind() == "sep" else []
            if not self.kind():
                if joins:
                    self.dangling_end(joins)
                return items
            if joins:
                self.check_joins(joins, first=not items)
            items.append(self.item())
            if self.word() == "," and self.digits(1) == 4 and self.kind(2) in ("", "sep"):
                self.comma_year(items[-1])
            if self.kind() not in ("", "sep"):
                raise _Refusal("unreadable")

    def separators(self) -> list[Word]:
        """Skip a run of separators; the connectors in it (not new lines or bullets)."""
        joins = []
        while self.kind() == "sep":
            tok = self.take()
            if tok.word in W.LIST_CONNECTORS:
                joins.append(tok)
        return joins

    def raw(self, first: Word, last: Word) -> str:
        return self.text[first.start : last.end]

    def check_joins(self, joins: list[Word], first: bool) -> None:
        """One connector between two items (``, dan`` too); none before the first."""
        if first:
            raise _Refusal("dangling", raw=self.raw(joins[0], joins[0]), **_AT_START)
        serial = len(joins) == 2 and joins[0].word in ",;" and joins[1].word not in ",;"
        if len(joins) > 1 and not serial:  # Juni,,Desember / Juni dan, Juli
            raise _Refusal("empty_item", raw=self.raw(joins[0], joins[-1]))

    def dangling_end(self, joins: list[Word]) -> None:
        """``Juni dan`` is refused; a comma ending the last line of a list is punctuation."""
        last = joins[-1]
        if len(joins) == 1 and last.word in ",;" and "\n" in self.text:
            return
        raise _Refusal("dangling", raw=self.raw(last, last), **_AT_END)

    def comma_year(self, item: _Item) -> None:
        """``Juni, 2022``: a year alone after a comma is the year of the item before it."""
        if item.refs and item.refs[-1].year is None:
            item.refs[-1].year = self.checked_year(self.tokens[self.i + 1])
            self.i += 2

    def item(self) -> _Item:
        kind = self.kind()
        if kind not in ("recur", "from", "to", "due", "before", "end"):
            return self.ranged("at")
        tok = self.take()
        if kind == "recur":
            empty = self.kind() in ("", "sep")
            refs = [] if empty else self.ranged("at").refs
            return _Item("every", refs, tok.word, self.text[tok.start : tok.end])
        if kind in ("from", "due"):
            return self.ranged("from" if kind == "from" else "at")
        return _Item("until" if kind == "to" else kind, [self.ref()])

    def ranged(self, single: str) -> _Item:
        first = self.ref()
        if self.kind() != "to":
            return _Item(single, [first])
        self.i += 1
        return _Item("span", [first, self.ref()])

    def ref(self) -> _Ref:
        begin = self.i
        ref = self.ref_body()
        ref.raw = self.text[self.tokens[begin].start : self.tokens[self.i - 1].end]
        self.last_unit = ref.unit or self.last_unit
        return ref

    def ref_body(self) -> _Ref:
        tok = self.peek()
        if not tok.kind:
            if self.i == 0:
                raise _Refusal("unreadable")
            last = self.tokens[self.i - 1]  # Juni s.d. / Juni -
            raise _Refusal("dangling", raw=self.raw(last, last), **_AT_END)
        self.i += 1
        if tok.kind == "month":
            return self.month(tok.val)
        if tok.kind == "num":
            return self.number(tok)
        if tok.kind in ("dmy", "my", "iso"):
            return self.numeric_date(tok)
        if tok.kind == "unit" and self.word() == "-" and self.kind(1) in ("num", "ord"):
            self.i += 1  # TW-I, Semester-2
        if tok.kind == "unit" and self.kind() in ("num", "ord") and self.digits() <= 2:
            return self.unit(tok.word, self.take().val)
        if tok.kind == "ord":
            return self.with_month(_Ref("", tok.val, bare=True))
        raise _Refusal("unclear", raw=self.text[tok.start : tok.end])

    def month(self, month: int) -> _Ref:
        if self.word() == "-" and self.digits(1) in (2, 4) and self.kind(2) != "month":
            dash, year = self.tokens[self.i], self.tokens[self.i + 1]
            if not (self.tokens[self.i - 1].end == dash.start and dash.end == year.start):
                raise self.spaced_dash(year)  # Juni - 2022: a month, or a range?
            self.i += 2  # Jan-23 (mmm-yy) or Januari-2023
            value = 2000 + year.val if len(year.word) == 2 else self.checked_year(year)
            return _Ref("month", month=month, year=value)
        comma_year = self.word(1) == "," and self.digits(2) == 4
        if self.digits() in (1, 2) and (self.digits(1) == 4 or comma_year) and not self.quoted():
            return self.day_english(month)  # March 15, 2023
        return _Ref("month", month=month, year=self.year())

    def spaced_dash(self, year: Word) -> _Refusal:
        """``Juni - 2022`` is refused, suggesting ``Juni 2022`` (``Juni-2022`` is read)."""
        before = self.tokens[self.i - 1]
        digits = year.word if len(year.word) == 4 else f"20{year.word}"
        text = self.text
        suggestion = f"{text[: before.end]} {digits}{text[year.end :]}"
        return _Refusal("dash_year", suggestion, raw=self.raw(before, year))

    def day_english(self, month: int) -> _Ref:
        day = self.take().val
        if self.kind() == "sep":
            self.i += 1
        return _Ref("day", day, month, self.year())

    def number(self, tok: Word) -> _Ref:
        if len(tok.word) == 4:
            return _Ref("year", year=self.checked_year(tok))
        if len(tok.word) > 2:
            raise _Refusal("bad_number", raw=tok.word)
        if self.kind() == "month":
            if self.last_unit == "week":  # Minggu ke-1 dan 3 April: week 3, as ke-3
                return self.with_month(_Ref("week", tok.val))
            return _Ref("day", tok.val, self.take().val, self.year())
        dashed = self.word() == "-" and self.word(2) == "-" and self.digits(3) in (2, 4)
        if dashed and self.kind(1) == "month":  # 15-Mar-23, 15-Mar-2023
            month, year = self.tokens[self.i + 1].val, self.tokens[self.i + 3]
            self.i += 4
            value = 2000 + year.val if len(year.word) == 2 else self.checked_year(year)
            return _Ref("day", tok.val, month, value)
        return self.with_month(_Ref("", tok.val, bare=True))

    def unit(self, unit: str, n: int) -> _Ref:
        ref = _Ref(unit, n)
        return self.with_month(ref) if unit == "week" else self.with_year(ref)

    def with_month(self, ref: _Ref) -> _Ref:
        if self.kind() == "month":
            ref.month = self.take().val
        return self.with_year(ref)

    def with_year(self, ref: _Ref) -> _Ref:
        ref.year = self.year()
        return ref

    def quoted(self) -> bool:
        """Whether the next word is two digits right after an apostrophe: ``'23``."""
        tok = self.peek()
        after = tok.start > 0 and self.text[tok.start - 1] in W.APOSTROPHES
        return after and tok.kind == "num" and len(tok.word) == 2

    def year(self) -> int | None:
        """An optional four-digit year, or ``'23`` after a month name; ``Juni 22`` is refused."""
        tok = self.peek()
        if tok.kind != "num" or self.kind(1) == "month":
            return None
        quoted = self.quoted()
        if quoted and self.kind(-1) == "month":  # Mei '23, like Mei-23
            self.i += 1
            return 2000 + tok.val
        if len(tok.word) == 2:
            cut = tok.start - quoted  # Mei '2023 would keep the apostrophe
            example = self.text[:cut] + "20" + tok.word + self.text[tok.end :]
            raise _Refusal("two_digit_year", raw=tok.word, example=example)
        if len(tok.word) == 1:
            return None
        if len(tok.word) != 4:
            raise _Refusal("bad_number", raw=tok.word)
        self.i += 1
        return self.checked_year(tok)

    def checked_year(self, tok: Word) -> int:
        if not W.YEAR_MIN <= tok.val <= W.YEAR_MAX:
            raise _Refusal("year_range", raw=tok.word)
        return tok.val

    def numeric_date(self, tok: Word) -> _Ref:
        """``15/3/2023``, ``15-03-2023``, ``15.03.2023`` (day first) or ISO ``2023-03-15``;
        a month and year either way round: ``04/2023``, ``4.2023``, ``2023/04``."""
        parts = re.split(r"[./-]", tok.word)
        if tok.kind == "iso":
            parts = parts[::-1]
        if len(parts) == 2:
            return self.numeric_month(tok, *parts)
        day, month, year = parts
        if len(year) == 3:
            raise _Refusal("bad_number", raw=year)
        if len(year) != 4:
            example = self.text[: tok.end - 2] + "20" + self.text[tok.end - 2 :]
            raise _Refusal("two_digit_year", raw=year, example=example)
        checked = self.checked_year(Word("num", year, int(year), tok.start, tok.end))
        return _Ref("day", int(day), int(month), checked)

    def numeric_month(self, tok: Word, month: str, year: str) -> _Ref:
        """A month 1-12 and a four-digit year; ``2011/12`` may be two years: refused."""
        checked, number, raw = int(year), int(month), self.text[tok.start : tok.end]
        self.checked_year(Word("num", year, checked, tok.start, tok.end))
        if not 1 <= number <= 12:
            raise _Refusal("bad_month", raw=raw, month=month)
        if tok.kind == "iso" and number == (checked + 1) % 100:
            name, later = W.MONTH_NAMES_ID[number - 1], f"{checked + 1:04d}"
            fields = {"month": month, "year": year, "next": later, "month_name": name}
            raise _Refusal("month_or_years", raw=raw, **fields)
        return _Ref("month", month=number, year=checked)


# ---------------------------------------------------------------- meaning


def _resolve(
    items: list[_Item], plan_year: int | None, plan_start: date | None
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
            raise _Refusal("overlap", **fields)
    return tuple(ordered)


def _show(period: Period, lang: str) -> str:
    if period.end is None:
        return f"{period.start} – " + ("(tanpa akhir)" if lang == "id" else "(no end)")
    return str(period.start) if period.start == period.end else f"{period.start} – {period.end}"


def _settle_units(items: list[_Item], refs: list[_Ref]) -> None:
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
            raise _Refusal("unclear", raw=ref.raw)


def _refuse_mixed_years(items: list[_Item]) -> None:
    """``Maret 2022, 2023``: is 2023 a whole year, or a year for the month? Refused.

    A list may hold years alone (``2022, 2023``) or dated items, not both.
    """
    lone: _Ref | None = None
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
        raise _Refusal("mixed_year", raw=lone.raw)


def _carry_months(refs: list[_Ref]) -> None:
    """A day or week without a month takes the month (and year) of the one after it."""
    carry: _Ref | None = None
    for ref in reversed(refs):
        if ref.month is not None:
            carry = ref
        elif ref.unit in ("day", "week") and carry is not None:
            if carry.unit == "month":  # Minggu ke-1, April 2022: April is its own item
                example = f"{ref.raw} {carry.raw}"
                raise _Refusal("month_item", raw=ref.raw, month=carry.raw, example=example)
            ref.month = carry.month
            ref.year = carry.year if ref.year is None else ref.year


def _carry_years(items: list[_Item], plan_year: int | None) -> int | None:
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
        raise _Refusal("list_years", raw=missing[0], years=", ".join(map(str, sorted(stated))))
    year = stated.pop() if stated else plan_year
    if year is None:
        raise _Refusal("no_year")
    for ref in (ref for item in items for ref in item.refs):
        ref.year = year if ref.year is None else ref.year
    return year


def _periods(
    item: _Item, plan_year: int | None, plan_start: date | None, year: int | None
) -> list[Period]:
    """One item's periods; ``year`` is the text's year, for a bare ``Setiap bulan``."""
    if item.kind == "every":
        return _every(item, year)
    if item.kind == "span":
        return [_span(*item.refs)]
    ref = item.refs[0]
    start, end = _bounds(ref)
    if item.kind == "from":
        return [Period(start, None)]
    if item.kind == "until":
        first = plan_start or (date(plan_year, 1, 1) if plan_year else None)
        if first is None:
            raise _Refusal("no_start")
        if first > end:
            raise _Refusal("backwards")
        return [Period(first, end)]
    if item.kind == "end":
        return [Period(end, end)]
    if item.kind == "before" and ref.unit != "day":
        raise _Refusal("before_day")
    return [Period(start, end)]


def _span(first: _Ref, last: _Ref) -> Period:
    (a_start, a_end), (b_start, b_end) = _bounds(first), _bounds(last)
    if a_start > b_start or a_end > b_end:
        raise _Refusal("backwards")
    return Period(a_start, b_end)


def _every(item: _Item, plan_year: int | None) -> list[Period]:
    """``Setiap bulan``: each whole unit inside the range written, else the plan year."""
    if item.unit == "week":
        raise _Refusal("weekly")
    if item.refs:
        window = _span(item.refs[0], item.refs[-1])
    elif plan_year is None:
        raise _Refusal("no_year")
    else:
        window = Period(date(plan_year, 1, 1), date(plan_year, 12, 31))
    size, low, high = _UNIT_MONTHS[item.unit], window.start, window.end or date.max
    spans = [
        (date(year, month, 1), _month_end(year, month + size - 1))
        for year in range(low.year, high.year + 1)
        for month in range(1, 13, size)
    ]
    inside = [Period(start, end) for start, end in spans if low <= start and end <= high]
    if not inside:
        unit_id, unit_en = W.UNIT_NAMES[item.unit]
        raise _Refusal("recur_empty", unit_id=unit_id, unit_en=unit_en)
    return inside


def _month_end(year: int, month: int) -> date:
    return date(year, month, monthrange(year, month)[1])


def _bounds(ref: _Ref) -> tuple[date, date]:
    """The first and last day of one settled reference, or a refusal."""
    year = ref.year or 0
    if ref.unit == "year":
        return date(year, 1, 1), date(year, 12, 31)
    if ref.unit in ("quarter", "semester"):
        size = _UNIT_MONTHS[ref.unit]
        if not 1 <= ref.n <= 12 // size:
            raise _Refusal(f"{ref.unit}_range", raw=ref.raw)
        first = size * (ref.n - 1) + 1
        return date(year, first, 1), _month_end(year, first + size - 1)
    if ref.month is None:
        raise _Refusal("no_month", raw=ref.raw)
    if not 1 <= ref.month <= 12:
        raise _Refusal("bad_date", raw=ref.raw)
    last = monthrange(year, ref.month)[1]
    if ref.unit == "month":
        return date(year, ref.month, 1), date(year, ref.month, last)
    if ref.unit == "week":
        return _week(ref, year, last)
    if not 1 <= ref.n <= last:
        raise _Refusal("bad_date", raw=f"{ref.n} {W.MONTH_NAMES_ID[ref.month - 1]} {year}")
    return date(year, ref.month, ref.n), date(year, ref.month, ref.n)


def _week(ref: _Ref, year: int, last: int) -> tuple[date, date]:
    """Week N is days 7(N-1)+1 to 7N; week 5 runs to the end of the month."""
    month = ref.month or 1
    if not 1 <= ref.n <= 5:
        raise _Refusal("week_range", raw=ref.raw)
    first = 7 * (ref.n - 1) + 1
    if first > last:
        raise _Refusal("no_week_5", raw=f"{W.MONTH_NAMES_ID[month - 1]} {year}")
    return date(year, month, first), date(year, month, last if ref.n == 5 else 7 * ref.n)
