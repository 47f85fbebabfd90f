"""TARGET WAKTU cells that hold a date and words, and month codes (``B03``).

Real plans write the expected outcome under the date (``Januari 2021`` then ``1.
Meningkatnya ...``), a word before it (``Tercapai 4 Januari 2021``) or a date on
each line (``Januari 2021`` / ``Januari s/d Des 2021``). :func:`read_with_notes`
reads such a cell when the whole text is refused: exactly one date phrase and
words that name no date, or lines that each start with a date phrase (a list of
periods, one per line; periods may overlap). Anything else stays refused.
:func:`expand_month_codes` turns ``B03`` (month 3 of the plan year) into ``Maret``.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from zi_workbook.model import Period
from zi_workbook.targets.grammar import Parser
from zi_workbook.targets.messages import Refusal
from zi_workbook.targets.resolve import resolve
from zi_workbook.targets.tokens import read_words
from zi_workbook.targets.words import MONTH_NAMES_ID

from .. import _regex

__all__ = ["expand_month_codes", "has_date", "read_with_notes"]

_MONTH_CODE = _regex.compile(r"(?<![\w/.-])B(0[1-9]|1[0-2])(?![\w/])")
_DATEISH = frozenset({"month", "dmy", "my", "iso", "typo", "recur", "every_n"})
_EDGE = " :;,.-–—=>()"


def expand_month_codes(text: str) -> str:
    """``B06, B09 dan B12`` -> ``Juni, September dan Desember``."""
    if "B" not in text:
        return text
    return _MONTH_CODE.sub(lambda m: MONTH_NAMES_ID[int(m[1]) - 1], text)


@lru_cache(maxsize=4096)
def has_date(text: str) -> bool:
    """Whether the text names a date at all: a month, a year, a numeric date."""
    for tok in read_words(expand_month_codes(" ".join(text.split()))):
        if tok.kind in _DATEISH or (tok.kind == "num" and len(tok.word) == 4):
            return True
    return False


def _periods(text: str, plan_year: int | None, start: date | None) -> tuple[Period, ...] | None:
    text = text.strip(_EDGE)
    if not text or not has_date(text):
        return None
    try:
        tokens = read_words(text)
        if any(t.kind in ("unknown", "vague", "typo", "every_n", "bullet") for t in tokens):
            return None
        return resolve(Parser(tokens, text).parse(), plan_year, start)
    except Refusal:
        return None


#: Words that may stand before the one date of a cell: they say it happened, not when.
_BEFORE_OK = frozenset(
    [
        "tercapai",
        "terlaksana",
        "selesai",
        "dilaksanakan",
        "pelaksanaan",
        "realisasi",
        "target",
        "tercapainya",
        "sudah",
        "telah",
    ]
)
#: A date then words on one line: ``Januari 2021 : Monev SOP`` (a colon or a dash).
_HEAD_SEP = _regex.compile(r"^\s*(?::|[-–—=]\s)")


def _split_line(
    line: str, plan_year: int | None, start: date | None
) -> tuple[tuple[Period, ...], str, str] | None:
    """(periods, words, where) of a line holding one date phrase: the whole line, a
    date then a colon or dash and words ("head"), or ``Tercapai`` and a date ("tail");
    None otherwise."""
    whole = _periods(line, plan_year, start)
    if whole:
        return whole, "", "line"
    words = line.split()
    ends = [m.end() for m in re.finditer(r"\S+", line)]
    for k in range(len(words) - 1, 0, -1):
        head_text, rest_raw = line[: ends[k - 1]], line[ends[k - 1] :]
        if not _HEAD_SEP.match(rest_raw) and not head_text.rstrip().endswith(":"):
            continue
        head = _periods(head_text, plan_year, start)
        rest = rest_raw.strip(_EDGE)
        if head and not has_date(rest):
            return head, rest, "head"
    lead = []
    for k in range(1, len(words)):
        lead.append(words[k - 1].strip(_EDGE).lower())
        if not set(lead) <= _BEFORE_OK:
            break
        tail = _periods(" ".join(words[k:]), plan_year, start)
        if tail:
            return tail, " ".join(words[:k]).strip(_EDGE), "tail"
    return None


def read_with_notes(
    text: str, plan_year: int | None, start: date | None
) -> tuple[tuple[Period, ...], str] | None:
    """The periods and the words of a cell holding dates and words, or None."""
    periods: list[Period] = []
    notes: list[str] = []
    phrases = tails = 0
    for line in text.split("\n"):
        if not line.strip():
            continue
        found = _split_line(line, plan_year, start)
        if found is None:
            if has_date(line):
                return None  # a date we cannot read among the words: refuse
            notes.append(line.strip())
            continue
        got, words, where = found
        phrases += 1
        tails += where == "tail"
        periods.extend(p for p in got if p not in periods)
        if words:
            notes.append(words)
    if not periods or (tails and phrases > 1):
        return None
    # in start order, as one line's periods are (lines may overlap: real plans write
    # "Januari 2022" above "Januari s/d Des 2022")
    periods.sort(key=lambda p: (p.start, p.end or date.max))
    return tuple(periods), "\n".join(notes)
