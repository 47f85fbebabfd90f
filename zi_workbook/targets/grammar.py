"""The grammar of a TARGET WAKTU: classified words read into items of references.

:class:`Parser` reads the words of :func:`zi_workbook.targets.tokens.read_words` as
``list := item (separator item)*``, ``item := range | single``: each :class:`Item` holds
the calendar references (:class:`Ref`) as written, months and years perhaps missing;
:mod:`zi_workbook.targets.resolve` fills them in and turns them into periods.
"""

from __future__ import annotations

import re

from zi_workbook.targets.messages import AT_END, AT_START, Refusal
from zi_workbook.targets.tokens import Word

from . import words as W

__all__ = ["Item", "Parser", "Ref"]


class Ref:
    """One calendar unit as written; ``unit`` is "" for a bare ordinal until settled.

    A plain class, not a dataclass: made at import for a fraction of the cost."""

    __slots__ = ("bare", "month", "n", "raw", "unit", "year")

    def __init__(
        self,
        unit: str,
        n: int = 0,
        month: int | None = None,
        year: int | None = None,
        raw: str = "",
        bare: bool = False,
    ) -> None:
        self.unit = unit
        self.n = n
        self.month = month
        self.year = year
        self.raw = raw
        self.bare = bare


class Item:
    """One item of a TARGET WAKTU list (a plain class, as :class:`Ref`)."""

    __slots__ = ("kind", "raw", "refs", "unit")

    def __init__(
        self, kind: str, refs: list[Ref] | None = None, unit: str = "", raw: str = ""
    ) -> None:
        self.kind = kind  # at, span, from, until, end, before, every
        self.refs: list[Ref] = [] if refs is None else refs
        self.unit = unit  # the unit of an "every" item
        self.raw = raw  # the words of an "every" item (Setiap bulan)


class Parser:
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

    def parse(self) -> list[Item]:
        items: list[Item] = []
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
                raise Refusal("unreadable")

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
            raise Refusal("dangling", raw=self.raw(joins[0], joins[0]), **AT_START)
        serial = len(joins) == 2 and joins[0].word in ",;" and joins[1].word not in ",;"
        if len(joins) > 1 and not serial:  # Juni,,Desember / Juni dan, Juli
            raise Refusal("empty_item", raw=self.raw(joins[0], joins[-1]))

    def dangling_end(self, joins: list[Word]) -> None:
        """``Juni dan`` is refused; a comma ending the last line of a list is punctuation."""
        last = joins[-1]
        if len(joins) == 1 and last.word in ",;" and "\n" in self.text:
            return
        raise Refusal("dangling", raw=self.raw(last, last), **AT_END)

    def comma_year(self, item: Item) -> None:
        """``Juni, 2022``: a year alone after a comma is the year of the item before it."""
        if item.refs and item.refs[-1].year is None:
            item.refs[-1].year = self.checked_year(self.tokens[self.i + 1])
            self.i += 2

    def item(self) -> Item:
        kind = self.kind()
        if kind not in ("recur", "from", "to", "due", "before", "end"):
            return self.ranged("at")
        tok = self.take()
        if kind == "recur":
            empty = self.kind() in ("", "sep")
            refs = [] if empty else self.ranged("at").refs
            return Item("every", refs, tok.word, self.text[tok.start : tok.end])
        if kind in ("from", "due"):
            return self.ranged("from" if kind == "from" else "at")
        return Item("until" if kind == "to" else kind, [self.ref()])

    def ranged(self, single: str) -> Item:
        first = self.ref()
        if self.kind() != "to":
            return Item(single, [first])
        self.i += 1
        return Item("span", [first, self.ref()])

    def ref(self) -> Ref:
        begin = self.i
        ref = self.ref_body()
        ref.raw = self.text[self.tokens[begin].start : self.tokens[self.i - 1].end]
        self.last_unit = ref.unit or self.last_unit
        return ref

    def ref_body(self) -> Ref:
        tok = self.peek()
        if not tok.kind:
            if self.i == 0:
                raise Refusal("unreadable")
            last = self.tokens[self.i - 1]  # Juni s.d. / Juni -
            raise Refusal("dangling", raw=self.raw(last, last), **AT_END)
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
            return self.with_month(Ref("", tok.val, bare=True))
        raise Refusal("unclear", raw=self.text[tok.start : tok.end])

    def month(self, month: int) -> Ref:
        if self.word() == "-" and self.digits(1) in (2, 4) and self.kind(2) != "month":
            dash, year = self.tokens[self.i], self.tokens[self.i + 1]
            if not (self.tokens[self.i - 1].end == dash.start and dash.end == year.start):
                raise self.spaced_dash(year)  # Juni - 2022: a month, or a range?
            self.i += 2  # Jan-23 (mmm-yy) or Januari-2023
            value = 2000 + year.val if len(year.word) == 2 else self.checked_year(year)
            return Ref("month", month=month, year=value)
        comma_year = self.word(1) == "," and self.digits(2) == 4
        if self.digits() in (1, 2) and (self.digits(1) == 4 or comma_year) and not self.quoted():
            return self.day_english(month)  # March 15, 2023
        return Ref("month", month=month, year=self.year())

    def spaced_dash(self, year: Word) -> Refusal:
        """``Juni - 2022`` is refused, suggesting ``Juni 2022`` (``Juni-2022`` is read)."""
        before = self.tokens[self.i - 1]
        digits = year.word if len(year.word) == 4 else f"20{year.word}"
        text = self.text
        suggestion = f"{text[: before.end]} {digits}{text[year.end :]}"
        return Refusal("dash_year", suggestion, raw=self.raw(before, year))

    def day_english(self, month: int) -> Ref:
        day = self.take().val
        if self.kind() == "sep":
            self.i += 1
        return Ref("day", day, month, self.year())

    def number(self, tok: Word) -> Ref:
        if len(tok.word) == 4:
            return Ref("year", year=self.checked_year(tok))
        if len(tok.word) > 2:
            raise Refusal("bad_number", raw=tok.word)
        if self.kind() == "month":
            if self.last_unit == "week":  # Minggu ke-1 dan 3 April: week 3, as ke-3
                return self.with_month(Ref("week", tok.val))
            return Ref("day", tok.val, self.take().val, self.year())
        dashed = self.word() == "-" and self.word(2) == "-" and self.digits(3) in (2, 4)
        if dashed and self.kind(1) == "month":  # 15-Mar-23, 15-Mar-2023
            month, year = self.tokens[self.i + 1].val, self.tokens[self.i + 3]
            self.i += 4
            value = 2000 + year.val if len(year.word) == 2 else self.checked_year(year)
            return Ref("day", tok.val, month, value)
        return self.with_month(Ref("", tok.val, bare=True))

    def unit(self, unit: str, n: int) -> Ref:
        ref = Ref(unit, n)
        return self.with_month(ref) if unit == "week" else self.with_year(ref)

    def with_month(self, ref: Ref) -> Ref:
        if self.kind() == "month":
            ref.month = self.take().val
        return self.with_year(ref)

    def with_year(self, ref: Ref) -> Ref:
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
            raise Refusal("two_digit_year", raw=tok.word, example=example)
        if len(tok.word) == 1:
            return None
        if len(tok.word) != 4:
            raise Refusal("bad_number", raw=tok.word)
        self.i += 1
        return self.checked_year(tok)

    def checked_year(self, tok: Word) -> int:
        if not W.YEAR_MIN <= tok.val <= W.YEAR_MAX:
            raise Refusal("year_range", raw=tok.word)
        return tok.val

    def numeric_date(self, tok: Word) -> Ref:
        """``15/3/2023``, ``15-03-2023``, ``15.03.2023`` (day first) or ISO ``2023-03-15``;
        a month and year either way round: ``04/2023``, ``4.2023``, ``2023/04``."""
        parts = re.split(r"[./-]", tok.word)
        if tok.kind == "iso":
            parts = parts[::-1]
        if len(parts) == 2:
            return self.numeric_month(tok, *parts)
        day, month, year = parts
        if len(year) == 3:
            raise Refusal("bad_number", raw=year)
        if len(year) != 4:
            example = self.text[: tok.end - 2] + "20" + self.text[tok.end - 2 :]
            raise Refusal("two_digit_year", raw=year, example=example)
        checked = self.checked_year(Word("num", year, int(year), tok.start, tok.end))
        return Ref("day", int(day), int(month), checked)

    def numeric_month(self, tok: Word, month: str, year: str) -> Ref:
        """A month 1-12 and a four-digit year; ``2011/12`` may be two years: refused."""
        checked, number, raw = int(year), int(month), self.text[tok.start : tok.end]
        self.checked_year(Word("num", year, checked, tok.start, tok.end))
        if not 1 <= number <= 12:
            raise Refusal("bad_month", raw=raw, month=month)
        if tok.kind == "iso" and number == (checked + 1) % 100:
            name, later = W.MONTH_NAMES_ID[number - 1], f"{checked + 1:04d}"
            fields = {"month": month, "year": year, "next": later, "month_name": name}
            raise Refusal("month_or_years", raw=raw, **fields)
        return Ref("month", month=number, year=checked)
