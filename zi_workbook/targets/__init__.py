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

The text is read in three small steps: :func:`zi_workbook.targets.tokens.read_words`
splits it into classified words using the word tables of :mod:`zi_workbook.targets.words`,
:class:`zi_workbook.targets.grammar.Parser` reads the tokens as ``list := item (separator
item)*``, ``item := range | single``, and :func:`zi_workbook.targets.resolve.resolve`
fills in missing months and years and turns each item into periods. Excel date numbers
and date cells are read by :mod:`zi_workbook.targets.excel`; the refusal messages are in
:mod:`zi_workbook.targets.messages`. Nothing reads the clock.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache

from zi_workbook.model import Target
from zi_workbook.targets.excel import format_unit, read_date, read_number, read_serial
from zi_workbook.targets.grammar import Parser
from zi_workbook.targets.messages import CELL_VALUES, Refusal, error, every_n, year_typo
from zi_workbook.targets.notes import expand_month_codes, has_date, read_with_notes
from zi_workbook.targets.resolve import resolve
from zi_workbook.targets.tokens import DATE_KINDS, Word, display, read_words

from .. import _regex

__all__ = ["has_date", "parse_target"]

_SERIAL_TEXT = _regex.compile(r"[0-9]{5,6}(?:\.[0-9]+)?")
#: A date and time pasted as text (``2022-03-15 00:00:00``): the day, as for a date cell.
_DATETIME_TEXT = _regex.compile(
    r"([0-9]{4}-[0-9]{2}-[0-9]{2})[ T](?:[01][0-9]|2[0-3]):[0-5][0-9]"
    r"(?::[0-5][0-9](?:\.[0-9]+)?)?"
)
_ODD_KINDS = frozenset({"typo", "vague", "unknown", "bullet", "every_n"})


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
        text = display(value) if isinstance(value, str) else ""
        return Target(text, error=error(text, Refusal("unreadable")))


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
        return read_date(value, number_format)
    if type(value) in (int, float) or (
        not isinstance(value, (bool, complex)) and _is_number(value)
    ):
        return read_number(value, format_unit(number_format), date1904)
    text = ("TRUE" if value else "FALSE") if isinstance(value, bool) else display(str(value))
    kind = next((k.__name__ for k in (bool, time, timedelta) if isinstance(value, k)), "")
    if kind:  # TRUE/FALSE, a time of day, a duration
        what_id, what_en = CELL_VALUES[kind]
        return Target(
            text, error=error(text, Refusal("not_date", what_id=what_id, what_en=what_en))
        )
    return Target(text, error=error(text, Refusal("bad_value", raw=type(value).__name__)))


# ---------------------------------------------------------------- text


@lru_cache(maxsize=4096)
def _read_text(raw: str, plan_year: int | None, plan_start: date | None, date1904: bool) -> Target:
    text = display(raw)
    if not text:
        return Target("")
    if _SERIAL_TEXT.fullmatch(text):
        return read_serial(text, float(text), date1904, "day")
    stamp = _DATETIME_TEXT.fullmatch(text) if ":" in text else None
    coded = expand_month_codes(text)  # B03: month 3 of the plan year
    try:
        tokens = read_words(stamp[1] if stamp else coded)
        _screen(tokens, coded, plan_year)
        items = Parser(tokens, coded).parse()
        return Target(text, resolve(items, plan_year, plan_start))
    except Refusal as refusal:
        noted = read_with_notes(coded, plan_year, plan_start) if refusal.key in _NOTED else None
        if noted:
            return Target(text, noted[0], notes=noted[1])
        return Target(text, error=error(text, refusal))


#: Refusals that words beside a date may explain (a typed year or vague words never do).
_NOTED = frozenset({"unknown", "overlap", "unreadable", "unclear"})


def _screen(tokens: list[Word], text: str, plan_year: int | None) -> None:
    """Refuse letters in a year, vague words, unknown words and text without a date."""
    kinds = {tok.kind for tok in tokens}
    if kinds.isdisjoint(_ODD_KINDS) and not kinds.isdisjoint(DATE_KINDS):
        return  # the usual text: nothing odd, and a date in it
    for tok in tokens:
        if tok.kind == "typo":
            raise year_typo(tok, text, plan_year)
        if tok.kind == "every_n":
            raise every_n(tok, text)
        if tok.kind == "vague":
            raise Refusal("vague", raw=text[tok.start : tok.end])
    unknown = [text[t.start : t.end] for t in tokens if t.kind in ("unknown", "bullet")]
    words = ", ".join(f"'{w}'" for w in dict.fromkeys(unknown))
    if kinds.isdisjoint(DATE_KINDS):
        words_id = f" (kata tidak dikenal: {words})" if words else ""
        words_en = f" (unknown words: {words})" if words else ""
        raise Refusal("no_date", words_id=words_id, words_en=words_en)
    if unknown:
        raise Refusal("unknown", words=words)


def _is_number(value: object) -> bool:
    """Any other number (Decimal, Fraction); ``numbers`` is imported only for those."""
    import numbers

    return isinstance(value, numbers.Number)
