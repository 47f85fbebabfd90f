"""The words of a TARGET WAKTU: the word tables.

Every word the parser understands is listed here, already casefolded, in Bahasa
Indonesia and English. A word that is in none of these tables is unknown, and an
unknown word makes a TARGET WAKTU refused: it could change the meaning of the date
(``kecuali``, ``diundur``, ``belum``, ...). :mod:`zi_workbook.targets.tokens` turns a
text into classified words with these tables, for the parser in
:mod:`zi_workbook.targets.grammar`.
"""

from __future__ import annotations

__all__ = [
    "APOSTROPHES",
    "BEFORE",
    "BULLETS",
    "DAY_NAMES_ID",
    "DUE",
    "END",
    "EVERY",
    "EXAMPLES_EN",
    "EXAMPLES_ID",
    "FILLER",
    "FILLER_SYMBOLS",
    "FROM",
    "INVISIBLE",
    "LIST_CONNECTORS",
    "LIST_SEPARATORS",
    "MONTHS",
    "MONTH_NAMES_EN",
    "MONTH_NAMES_ID",
    "ORDINALS",
    "PERIOD_WORDS",
    "PHRASES",
    "PREFIX_ENDS",
    "RANGE_CONNECTORS",
    "RECURRING",
    "SPACES",
    "UNITS",
    "UNIT_MONTHS",
    "UNIT_NAMES",
    "VAGUE",
    "YEAR_MAX",
    "YEAR_MIN",
]

#: Years outside this span are refused as typing mistakes.
YEAR_MIN, YEAR_MAX = 1900, 2100

MONTH_NAMES_ID = (
    *("Januari", "Februari", "Maret", "April", "Mei", "Juni"),
    *("Juli", "Agustus", "September", "Oktober", "November", "Desember"),
)
#: Monday first, as ``date.weekday()`` counts; ``ddd`` shows the first three letters.
DAY_NAMES_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTH_NAMES_EN = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)

_MONTH_SPELLINGS = (
    "januari jan january",
    "februari pebruari feb peb febr february",
    "maret mar mrt march",
    "april apr",
    "mei may",
    "juni jun june",
    "juli jul july",
    "agustus agu agt ags agust aug august",
    "september sep sept",
    "oktober okt october oct",
    "november nopember nov nop",
    "desember des december dec",
)
MONTHS: dict[str, int] = {
    word: number for number, words in enumerate(_MONTH_SPELLINGS, start=1) for word in words.split()
}

_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")
_ORDINAL_WORDS = {
    "pertama": 1,
    "kesatu": 1,
    "kedua": 2,
    "ketiga": 3,
    "keempat": 4,
    "kelima": 5,
    "keenam": 6,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
}
#: Roman numerals and ordinal words (``ke-N`` and ``1st`` are read by the lexer).
ORDINALS: dict[str, int] = {r: n for n, r in enumerate(_ROMAN, start=1)} | _ORDINAL_WORDS

#: Words that head a week, quarter or semester: ``Minggu ke-1``, ``TW II``, ``Sem. 2``.
UNITS: dict[str, str] = dict.fromkeys(("minggu", "pekan", "mg", "mgg", "week"), "week")
UNITS |= dict.fromkeys(
    ("triwulan", "tw", "trw", "kuartal", "kwartal", "quarter", "qtr", "q"), "quarter"
)
UNITS |= dict.fromkeys(("semester", "sem", "smt"), "semester")

#: What may follow ``setiap``/``tiap``/``per``; alone ``bulan`` and ``tahun`` are filler.
PERIOD_WORDS: dict[str, str] = dict(UNITS)
PERIOD_WORDS |= dict.fromkeys(("bulan", "bln", "month"), "month")
PERIOD_WORDS |= dict.fromkeys(("tahun", "th", "thn", "year"), "year")

#: A period unit in words, for messages: unit -> (Bahasa Indonesia, English).
UNIT_NAMES: dict[str, tuple[str, str]] = {
    "month": ("bulan", "month"),
    "quarter": ("triwulan", "quarter"),
    "semester": ("semester", "semester"),
    "year": ("tahun", "year"),
}

#: How many months a period unit spans.
UNIT_MONTHS: dict[str, int] = {"month": 1, "quarter": 3, "semester": 6, "year": 12}

#: One word for "every <unit>": ``Bulanan``, ``Triwulanan``, ...
RECURRING: dict[str, str] = {
    "bulanan": "month",
    "monthly": "month",
    "triwulanan": "quarter",
    "kuartalan": "quarter",
    "quarterly": "quarter",
    "semesteran": "semester",
    "tahunan": "year",
    "yearly": "year",
    "annually": "year",
    "annual": "year",
    "mingguan": "week",
    "weekly": "week",
    # "per" written together with its unit: Perbulan is Per bulan
    "perbulan": "month",
    "pertriwulan": "quarter",
    "persemester": "semester",
    "pertahun": "year",
    "perminggu": "week",
}

EVERY = frozenset({"setiap", "tiap", "per", "every", "each"})
RANGE_CONNECTORS = frozenset({"-", "sd", "sampai", "hingga", "to", "until", "till", "through"})
LIST_SEPARATORS = frozenset({",", ";", "&", "•", "·", "\n", "dan", "serta", "and"})
#: The separators that join two items, so need one on each side (not new lines, bullets).
LIST_CONNECTORS = frozenset({",", ";", "&", "dan", "serta", "and"})
FROM = frozenset({"mulai", "sejak", "dari", "from", "since", "starting"})
#: A descriptive prefix may stand before these: ``migrasi ... mulai Mei 2022``.
PREFIX_ENDS = frozenset({"mulai", "sejak", "since", "starting"})
DUE = frozenset({"selambatnya", "maksimal", "maksimum", "by", "deadline", "tenggat"})
BEFORE = frozenset({"sebelum", "before"})
END = frozenset({"akhir", "end"})
VAGUE = frozenset(
    {"awal", "pertengahan", "tengah", "medio", "permulaan", "menjelang", "sekitar"}
    | {"early", "mid", "middle", "beginning", "around", "about", "late"}
)
#: Words that never change the meaning (``per`` only when no period word follows it).
FILLER = frozenset(
    {"bulan", "bln", "tahun", "th", "thn", "ta", "anggaran", "pada", "tanggal", "tgl"}
    | {"per", "sepanjang", "selama", "dalam", "di", "target", "waktu"}
    | {"in", "on", "of", "the", "during", "throughout", "month", "year", "date"}
)
FILLER_SYMBOLS = frozenset("()[]{}.:\"'“”‘’„«»")
#: Before a two-digit year right after a month name: ``Mei '23`` is May 2023.
APOSTROPHES = "'\u2019\u2018"
#: Symbols that open an item on a new line: ``- Juni 2022``, ``• Desember 2022``.
BULLETS = frozenset("-*•·▪◦‣●○■□►➢✓")

#: Several words that mean one: each maps to a word of the tables above.
PHRASES: dict[tuple[str, ...], str] = {
    ("paling", "lambat"): "selambatnya",
    ("selambat", "-", "lambatnya"): "selambatnya",
    ("batas", "waktu"): "selambatnya",
    ("tenggat", "waktu"): "selambatnya",
    ("no", "later", "than"): "selambatnya",
    ("sampai", "dengan"): "sd",
    ("s", ".", "d"): "sd",
    ("s", "/", "d"): "sd",
    ("tiap", "-", "tiap"): "setiap",
    ("end", "of"): "akhir",
    ("starting", "from"): "mulai",
    ("tahun", "anggaran"): "tahun",
    ("t", ".", "a"): "ta",
}

#: Removed wherever they stand; SPACES become a plain space.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
SPACES = "\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u3000\t\v\f"

#: The end of several refusal messages (:mod:`zi_workbook.targets.messages`).
EXAMPLES_ID = "Tulis misalnya 'Juni 2022', 'Minggu ke-1 April 2022' atau 'Triwulan II 2022'."
EXAMPLES_EN = "Write e.g. 'Juni 2022', 'Minggu ke-1 April 2022' or 'Triwulan II 2022'."
