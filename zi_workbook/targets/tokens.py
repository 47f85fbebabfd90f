"""The tokens of a TARGET WAKTU: the text normalised and split into classified words.

:func:`display` is the text as written (invisible characters gone, spaces collapsed),
and :func:`read_words` turns it into :class:`Word` s for the parser in
:mod:`zi_workbook.targets.grammar`, classified with the word tables of
:mod:`zi_workbook.targets.words`: phrases joined into one word, ``ke-N`` and
``setiap bulan`` joined, bullets and numbering made separators, filler dropped.
"""

from __future__ import annotations

from zi_workbook.targets.words import (
    BEFORE,
    BULLETS,
    DUE,
    END,
    EVERY,
    FILLER,
    FILLER_SYMBOLS,
    FROM,
    INVISIBLE,
    LIST_SEPARATORS,
    MONTHS,
    ORDINALS,
    PERIOD_WORDS,
    PHRASES,
    PREFIX_ENDS,
    RANGE_CONNECTORS,
    RECURRING,
    UNITS,
    VAGUE,
)

from .. import _regex
from .._record import Record

__all__ = ["DATE_KINDS", "Word", "display", "read_words"]

_DASHES = dict.fromkeys(
    map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-"
)
_TOKEN_RE = _regex.compile(
    r"(?P<word>[^\W\d_]+)"  # letters
    r"|(?P<dmy>(?<!\d)\d{1,2}(?P<sep>[./-])\d{1,2}(?P=sep)\d{2,4}(?!\d))"
    r"|(?P<my>(?<!\d)\d{1,2}[./-]\d{4}(?!\d))"  # 04/2023, 4-2023, 4.2023
    r"|(?P<iso>(?<!\d)\d{4}(?:-\d{2}-\d{1,2}|[./-]\d{1,2})(?!\d))"  # 2023-03-15, 2023/04
    r"|(?P<alnum>[^\W_]+)"  # digits, perhaps with letters: 2022, 2O22, 1st
    r"|(?P<nl>\n)"
    r"|(?P<sym>\S)"
)
_ORDINAL_SUFFIX = _regex.compile(r"(\d+)(?:st|nd|rd|th)")
_RUNS = _regex.compile(r"\d+|[^\W\d_]+")
#: Kinds of word that name a date; a text with none of them has no date.
DATE_KINDS = frozenset({"month", "num", "dmy", "my", "iso", "unit", "recur", "typo"})


def _lexicon() -> dict[str, tuple[str, str, int]]:
    """Every known word -> (kind, canonical word, value); the first table to claim wins."""
    table: dict[str, tuple[str, str, int]] = {}
    for kind, numbered in (("month", MONTHS), ("ord", ORDINALS)):
        for word, number in numbered.items():
            table.setdefault(word, (kind, word, number))
    for kind, unit_words in (("unit", UNITS), ("period", PERIOD_WORDS), ("recur", RECURRING)):
        for word, unit in unit_words.items():
            table.setdefault(word, (kind, unit, 0))
    for kind, words in (
        ("every", EVERY),
        ("to", RANGE_CONNECTORS),
        ("sep", LIST_SEPARATORS),
        ("from", FROM),
        ("due", DUE),
        ("before", BEFORE),
        ("end", END),
        ("vague", VAGUE),
        ("filler", FILLER | FILLER_SYMBOLS),
        ("bullet", BULLETS),
        ("ke", {"ke"}),
    ):
        for word in words:
            table.setdefault(word, (kind, word, 0))
    return table


_LEXICON = _lexicon()
_PHRASES_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _canon in PHRASES.items():
    _PHRASES_BY_FIRST.setdefault(_phrase[0], []).append((_phrase, _canon))


class Word(Record):
    """One classified word of the text."""

    kind: str  # a lexicon kind, or num, dmy, iso, typo, unknown, every_n
    word: str  # casefolded; for unit and recur tokens the unit name
    val: int  # month, ordinal or number value
    start: int  # offsets in the display text
    end: int


def display(raw: str) -> str:
    """The text as written: invisible characters gone, spaces collapsed, lines kept."""
    if raw.isprintable() and "  " not in raw and raw[:1] != " " and raw[-1:] != " ":
        return raw  # the usual cell: nothing to do
    lines = (" ".join(line.split()) for line in raw.translate(INVISIBLE).splitlines())
    return "\n".join(line for line in lines if line)


def _scan(text: str) -> list[Word]:
    """Classified tokens of the text, phrases joined into one word."""
    pieces: list[tuple[str, str, int, int]] = []
    for match in _TOKEN_RE.finditer(text if text.isascii() else text.translate(_DASHES)):
        group, word, (start, end) = match.lastgroup or "sym", match[0].casefold(), match.span()
        if group == "alnum":
            pieces.extend(_split_word(word, start, end))
        else:
            pieces.append((group, word, start, end))
    tokens: list[Word] = []
    i = 0
    while i < len(pieces):
        group, word, start, end = pieces[i]
        for phrase, canon in _PHRASES_BY_FIRST.get(word, ()):
            if tuple(p[1] for p in pieces[i : i + len(phrase)]) == phrase:
                word, end = canon, pieces[i + len(phrase) - 1][3]
                i += len(phrase) - 1
                break
        tokens.append(_classify(group, word, start, end))
        i += 1
    return tokens


def _split_word(word: str, start: int, end: int) -> list[tuple[str, str, int, int]]:
    """Digits, perhaps with letters: a number, ``2O22``, ``1st``, or split (``5Mei``)."""
    if word.isdecimal():
        return [("word", word, start, end)]
    if ordinal := _ORDINAL_SUFFIX.fullmatch(word):
        return [("ordnum", ordinal[1], start, end)]
    digits = sum(c.isdecimal() for c in word)
    if len(word) == 4 and word[0].isdecimal() and digits >= 2 and word.isalnum():
        return [("typo", word, start, end)]
    runs = _RUNS.finditer(word)
    return [("word", run[0], start + run.start(), start + run.end()) for run in runs]


def _classify(group: str, word: str, start: int, end: int) -> Word:
    if known := _LEXICON.get(word):
        return Word(*known, start, end)
    if group in ("dmy", "my", "iso", "typo"):
        return Word(group, word, 0, start, end)
    if group == "nl":
        return Word("sep", "\n", 0, start, end)
    if group == "ordnum" or word.isdecimal():
        return Word("ord" if group == "ordnum" else "num", word, int(word), start, end)
    return Word("unknown", word, 0, start, end)


def _lex(tokens: list[Word], multiline: bool) -> list[Word]:
    """Join ``ke-N`` and ``setiap bulan``; bullets and numbering separate; drop filler."""
    out: list[Word] = []
    line_start, i = True, 0
    while i < len(tokens):
        tok, i = _join(tokens, i, line_start, multiline)
        line_start = tok.word == "\n"
        if tok.kind not in ("filler", "period"):
            out.append(tok)
    return out


def _join(tokens: list[Word], i: int, line_start: bool, multiline: bool) -> tuple[Word, int]:
    """The token at ``i`` with what belongs to it, and the index after it."""
    tok = tokens[i]
    if not line_start and tok.kind not in ("ke", "every", "unknown"):
        return tok, i + 1  # most words stand alone
    if line_start and (tok.kind == "bullet" or tok.word == "-"):
        return tok._replace(kind="sep"), i + 1
    nxt = i + 1 + (i + 1 < len(tokens) and tokens[i + 1].word == "-")
    target = tokens[nxt] if nxt < len(tokens) else None
    numbered = i + 1 < len(tokens) and tokens[i + 1].word in (".", ")")
    if line_start and numbered and tok.kind == "num" and len(tok.word) <= 2:
        # "1." opens an item of a list on lines; on one line it may be a day: refuse
        kind, end = ("sep", tok.end) if multiline else ("unknown", tokens[i + 1].end)
        return tok._replace(kind=kind, end=end), i + 2
    if tok.kind == "ke" and target and target.kind in ("num", "ord"):
        return Word("ord", target.word, target.val, tok.start, target.end), nxt + 1
    if tok.kind == "every" and target and target.kind in ("unit", "period"):
        return Word("recur", target.word, 0, tok.start, target.end), nxt + 1
    if tok.kind == "every" and (counted := _every_n(tokens, nxt, tok.start)):
        return counted, nxt + 2
    if tok.kind == "every" and tok.word == "per":
        return tok._replace(kind="filler"), i + 1
    if tok.word == "/" and _slash_year(tokens, i):
        return tok._replace(kind="filler"), i + 1
    return tok, i + 1


def _every_n(tokens: list[Word], at: int, start: int) -> Word | None:
    """``Setiap 3 bulan``, ``setiap`` at ``start``: one word of kind ``every_n``."""
    if at + 1 >= len(tokens):
        return None
    number, unit = tokens[at], tokens[at + 1]
    if number.kind != "num" or len(number.word) > 2 or unit.kind not in ("unit", "period"):
        return None
    return Word("every_n", unit.word, number.val, start, unit.end)


def _slash_year(tokens: list[Word], i: int) -> bool:
    """Whether the "/" at ``i`` only puts a year after a period: ``Triwulan I/2022``."""
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    before = tokens[i - 1] if i else None
    year_after = after is not None and after.kind == "num" and len(after.word) == 4
    return year_after and before is not None and before.kind in ("month", "ord")


def _cut_prefix(tokens: list[Word]) -> list[Word]:
    """Drop a description before ``mulai``/``sejak`` (``migrasi ... mulai Mei 2022``)."""
    for k, tok in enumerate(tokens):
        if tok.kind in DATE_KINDS:
            break
        if tok.kind == "from" and tok.word in PREFIX_ENDS:
            return tokens[k:]
    return tokens


def read_words(text: str) -> list[Word]:
    """The classified words of a display text, filler dropped, prefix before mulai cut."""
    return _cut_prefix(_lex(_scan(text), "\n" in text))
