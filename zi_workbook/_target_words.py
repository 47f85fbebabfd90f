"""The words of a TARGET WAKTU: word tables, messages, and the scanner.

Every word the parser understands is listed here, already casefolded, in Bahasa
Indonesia and English. A word that is in none of these tables is unknown, and an
unknown word makes a TARGET WAKTU refused: it could change the meaning of the date
(``kecuali``, ``diundur``, ``belum``, ...). :func:`read_words` turns a text into
classified :class:`Word` s for the parser in :mod:`zi_workbook.targets`, and
:func:`format_unit` and :func:`show_date` read a date cell's Excel number format.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

__all__ = [
    "APOSTROPHES",
    "BEFORE",
    "BULLETS",
    "CELL_VALUES",
    "DATE_KINDS",
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
    "MESSAGES",
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
    "UNIT_NAMES",
    "VAGUE",
    "YEAR_MAX",
    "YEAR_MIN",
    "Word",
    "display",
    "format_unit",
    "read_words",
    "show_date",
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

EXAMPLES_ID = "Tulis misalnya 'Juni 2022', 'Minggu ke-1 April 2022' atau 'Triwulan II 2022'."
EXAMPLES_EN = "Write e.g. 'Juni 2022', 'Minggu ke-1 April 2022' or 'Triwulan II 2022'."

#: Cell values that are no date, by Python type name: (Bahasa Indonesia, English).
CELL_VALUES: dict[str, tuple[str, str]] = {
    "bool": ("nilai benar/salah (TRUE/FALSE)", "TRUE/FALSE"),
    "time": ("jam", "a time of day"),
    "timedelta": ("lama waktu (durasi)", "a duration"),
}

_T = "TARGET WAKTU '{text}'"
#: Refusals by key: (Bahasa Indonesia, English) templates for ``str.format``.
MESSAGES: dict[str, tuple[str, str]] = {
    "no_date": (
        f"{_T} tidak berisi tanggal{{words_id}}. {EXAMPLES_ID}",
        f"{_T} has no date{{words_en}}. {EXAMPLES_EN}",
    ),
    "unknown": (
        f"{_T} memuat kata yang tidak dikenal: {{words}}. Kata seperti ini dapat mengubah"
        f" arti tanggalnya, jadi tidak ditebak. Hapus kata itu atau tulis tanggalnya saja."
        f" {EXAMPLES_ID}",
        f"{_T} contains words that are not understood: {{words}}. Such words can change"
        f" the meaning of the date, so it is not guessed. Remove them or write only the"
        f" date. {EXAMPLES_EN}",
    ),
    "year_typo": (
        f"{_T}: tahun '{{raw}}' memuat huruf. Maksudnya '{{suggestion}}'?",
        f"{_T}: the year '{{raw}}' contains a letter. Did you mean '{{suggestion}}'?",
    ),
    "year_letter": (
        f"{_T}: tahun '{{raw}}' memuat huruf. Tulis tahun dengan angka saja.",
        f"{_T}: the year '{{raw}}' contains a letter. Write the year in digits only.",
    ),
    "two_digit_year": (
        f"{_T}: tahun '{{raw}}' hanya dua angka. Tulis tahun dengan empat angka,"
        f" misalnya '{{example}}'.",
        f"{_T}: the year '{{raw}}' has only two digits. Write the year with four digits,"
        f" e.g. '{{example}}'.",
    ),
    "no_year": (
        f"{_T} tidak menyebut tahun dan tahun rencana tidak diketahui."
        f" Tambahkan tahunnya, misalnya 'Juni 2022' atau 'Setiap bulan tahun 2022'.",
        f"{_T} has no year and the plan year is unknown."
        f" Add the year, e.g. 'Juni 2022' or 'Setiap bulan tahun 2022'.",
    ),
    "no_month": (
        f"{_T}: '{{raw}}' tidak menyebut bulan. Tambahkan bulannya,"
        f" misalnya 'Minggu ke-1 April 2022' atau '15 April 2022'.",
        f"{_T}: '{{raw}}' names no month. Add the month,"
        f" e.g. 'Minggu ke-1 April 2022' or '15 April 2022'.",
    ),
    "year_range": (
        f"{_T}: tahun {{raw}} di luar rentang {YEAR_MIN}–{YEAR_MAX}.",
        f"{_T}: the year {{raw}} is outside {YEAR_MIN}–{YEAR_MAX}.",
    ),
    "bad_date": (
        f"{_T}: tanggal {{raw}} tidak ada di kalender.",
        f"{_T}: the date {{raw}} does not exist.",
    ),
    "week_range": (
        f"{_T}: '{{raw}}' tidak ada; satu bulan dibagi menjadi Minggu ke-1 sampai ke-5"
        f" (ke-5 = tanggal 29 sampai akhir bulan).",
        f"{_T}: '{{raw}}' does not exist; a month has weeks 1 to 5"
        f" (week 5 = day 29 to the end of the month).",
    ),
    "no_week_5": (
        f"{_T}: {{raw}} tidak punya minggu ke-5 (tanggal 29 sampai akhir bulan).",
        f"{_T}: {{raw}} has no week 5 (day 29 to the end of the month).",
    ),
    "quarter_range": (
        f"{_T}: '{{raw}}' tidak ada; satu tahun hanya punya Triwulan I, II, III dan IV.",
        f"{_T}: '{{raw}}' does not exist; a year has only quarters I, II, III and IV.",
    ),
    "semester_range": (
        f"{_T}: '{{raw}}' tidak ada; satu tahun hanya punya Semester I dan II.",
        f"{_T}: '{{raw}}' does not exist; a year has only semesters I and II.",
    ),
    "vague": (
        f"{_T}: kata '{{raw}}' tidak menunjuk tanggal yang pasti. Tulis minggunya atau"
        f" tanggalnya, misalnya 'Minggu ke-1 Juni 2023' atau '10 Juni 2023'.",
        f"{_T}: the word '{{raw}}' names no definite date. Write the week or the date,"
        f" e.g. 'Minggu ke-1 Juni 2023' or '10 Juni 2023'.",
    ),
    "backwards": (
        f"{_T}: akhir rentang jatuh sebelum awalnya. Bila rentang melewati pergantian"
        f" tahun, tulis tahun di kedua ujung, misalnya 'Oktober 2023 s.d. Maret 2024'.",
        f"{_T}: the range ends before it starts. When a range crosses the new year, write"
        f" the year at both ends, e.g. 'Oktober 2023 s.d. Maret 2024'.",
    ),
    "unclear": (
        f"{_T}: tidak jelas apa arti '{{raw}}'. {EXAMPLES_ID}",
        f"{_T}: it is not clear what '{{raw}}' means. {EXAMPLES_EN}",
    ),
    "unreadable": (
        f"{_T} tidak dapat dibaca sebagai tanggal. {EXAMPLES_ID}",
        f"{_T} cannot be read as a date. {EXAMPLES_EN}",
    ),
    "bad_number": (
        f"{_T}: angka '{{raw}}' bukan tanggal, tahun (empat angka) atau nomor tanggal Excel.",
        f"{_T}: the number '{{raw}}' is not a day, a year (four digits) or an Excel date.",
    ),
    "serial_plausible": (
        f"{_T}: angka {{raw}} tidak tampak sebagai tanggal (nomor tanggal Excel untuk tahun"
        f" 2000-2100 adalah 36526 sampai 73415); tulis bulannya, misalnya 'April 2022'.",
        f"{_T}: the number {{raw}} does not look like a date (Excel date numbers for the"
        f" years 2000-2100 run from 36526 to 73415); write the month, e.g. 'April 2022'.",
    ),
    "serial_range": (
        f"{_T}: angka {{raw}} bukan nomor tanggal Excel yang sah (1 sampai 2958465).",
        f"{_T}: {{raw}} is not a valid Excel date number (1 to 2958465).",
    ),
    "before_day": (
        f"{_T}: 'sebelum' memerlukan tanggal, misalnya 'Sebelum 30 Juni 2023' atau"
        f" 'Paling lambat 31 Mei 2023'.",
        f"{_T}: 'sebelum' (before) needs a day, e.g. 'Sebelum 30 Juni 2023' or"
        f" 'Paling lambat 31 Mei 2023'.",
    ),
    "weekly": (
        f"{_T}: target mingguan tidak didukung. Tulis minggunya satu per satu, misalnya"
        f" 'Minggu ke-1 dan ke-3 April 2022', atau 'Setiap bulan'.",
        f"{_T}: a weekly target is not supported. Write the weeks one by one, e.g."
        f" 'Minggu ke-1 dan ke-3 April 2022', or 'Setiap bulan'.",
    ),
    "no_start": (
        f"{_T}: awal rentang tidak diketahui karena tahun rencana tidak diketahui."
        f" Tulis awalnya, misalnya 'Januari s.d. Desember 2023'.",
        f"{_T}: the start of the range is unknown because the plan year is unknown."
        f" Write the start, e.g. 'Januari s.d. Desember 2023'.",
    ),
    "recur_empty": (
        f"{_T}: tidak ada satu {{unit_id}} pun yang utuh di dalam rentang itu.",
        f"{_T}: no whole {{unit_en}} lies inside that range.",
    ),
    "dangling": (
        f"{_T} tidak dapat dibaca sebagai tanggal: '{{raw}}' di {{where_id}} teks tidak"
        f" menyambung apa pun. Hapus '{{raw}}' atau tulis butir yang hilang. {EXAMPLES_ID}",
        f"{_T} cannot be read as a date: '{{raw}}' at the {{where_en}} of the text joins"
        f" nothing. Remove '{{raw}}' or write the missing item. {EXAMPLES_EN}",
    ),
    "empty_item": (
        f"{_T}: '{{raw}}' berurutan tanpa butir di antaranya; mungkin ada butir yang"
        f" hilang. Hapus salah satunya atau tulis butir itu, misalnya 'Juni, Desember 2022'.",
        f"{_T}: '{{raw}}' follow each other with no item between them; an item may be"
        f" missing. Remove one of them or write the item, e.g. 'Juni, Desember 2022'.",
    ),
    "mixed_year": (
        f"{_T} mencampur tahun saja ('{{raw}}') dengan butir bertanggal dalam satu daftar:"
        f" tidak jelas apakah '{{raw}}' tahun dari butir lain atau setahun penuh. Tulis"
        f" tahun tepat sesudah bulannya, misalnya 'Maret 2022, Juni 2023', atau jadikan"
        f" setahun penuh target tersendiri.",
        f"{_T} mixes a year on its own ('{{raw}}') with dated items in one list: it is"
        f" not clear whether '{{raw}}' is the year of the other items or a whole year."
        f" Write each year right after its month, e.g. 'Maret 2022, Juni 2023', or give"
        f" the whole year a target of its own.",
    ),
    "month_item": (
        f"{_T}: '{{raw}}' tidak menyebut bulannya, sedangkan '{{month}}' sesudahnya adalah"
        f" butir tersendiri. Tulis bulannya tepat sesudah '{{raw}}', misalnya '{{example}}'.",
        f"{_T}: '{{raw}}' names no month of its own, and '{{month}}' after it is an item"
        f" of its own. Write the month right after '{{raw}}', e.g. '{{example}}'.",
    ),
    "dash_year": (
        f"{_T}: '{{raw}}' dapat berarti sebuah bulan dengan tahunnya atau rentang sampai"
        f" akhir tahun itu. Tulis '{{suggestion}}' untuk bulan itu, atau tulis kedua ujung"
        f" rentang, misalnya 'Juni s.d. Desember 2022'.",
        f"{_T}: '{{raw}}' may mean a month and its year or a range to the end of that"
        f" year. Write '{{suggestion}}' for the month, or write both ends of the range,"
        f" e.g. 'Juni s.d. Desember 2022'.",
    ),
    "bad_month": (
        f"{_T}: '{{raw}}' tidak dapat dibaca sebagai bulan dan tahun: bulan {{month}} tidak"
        f" ada (hanya 1 sampai 12). Tulis nama bulannya, misalnya 'April 2023'.",
        f"{_T}: '{{raw}}' cannot be read as a month and year: there is no month {{month}}"
        f" (only 1 to 12). Write the month's name, e.g. 'April 2023'.",
    ),
    "month_or_years": (
        f"{_T}: '{{raw}}' dapat berarti bulan {{month}} tahun {{year}} atau tahun {{year}}"
        f" sampai {{next}}. Tulis '{{month_name}} {{year}}' untuk bulan itu, atau"
        f" '{{year}}-{{next}}' untuk kedua tahun itu.",
        f"{_T}: '{{raw}}' may mean month {{month}} of {{year}} or the years {{year}} to"
        f" {{next}}. Write '{{month_name}} {{year}}' for the month, or '{{year}}-{{next}}'"
        f" for both years.",
    ),
    "list_years": (
        f"{_T}: daftar ini menyebut tahun yang berbeda ({{years}}), tetapi '{{raw}}' tidak"
        f" bertahun: tidak jelas tahun mana yang berlaku untuknya. Tulis tahun pada setiap"
        f" butir, misalnya 'Juni 2021, Agustus 2022, Desember 2022'.",
        f"{_T}: this list names different years ({{years}}), but '{{raw}}' has no year:"
        f" it is not clear which year applies to it. Write the year on every item, e.g."
        f" 'Juni 2021, Agustus 2022, Desember 2022'.",
    ),
    "overlap": (
        f"{_T}: periode {{first_id}} dan {{second_id}} tumpang tindih; tidak jelas mana yang"
        f" dimaksud. Tulis setiap periode sekali saja, misalnya 's.d. Desember 2022' atau"
        f" 'Juni, Desember 2022'.",
        f"{_T}: the periods {{first_en}} and {{second_en}} overlap; it is not clear which"
        f" is meant. Write each period once, e.g. 's.d. Desember 2022' or"
        f" 'Juni, Desember 2022'.",
    ),
    "every_n": (
        f"{_T}: '{{raw}}' tidak dibaca sebagai jadwal berulang. Maksudnya '{{suggestion}}'?",
        f"{_T}: '{{raw}}' is not read as a recurring schedule. Did you mean '{{suggestion}}'?",
    ),
    "every_n_other": (
        f"{_T}: '{{raw}}' tidak didukung. Tulis periodenya satu per satu, misalnya"
        f" 'Februari, April dan Juni 2022', atau 'Setiap bulan', 'Setiap triwulan',"
        f" 'Setiap semester'.",
        f"{_T}: '{{raw}}' is not supported. Write the periods one by one, e.g."
        f" 'Februari, April dan Juni 2022', or 'Setiap bulan', 'Setiap triwulan',"
        f" 'Setiap semester'.",
    ),
    "not_date": (  # what_id, what_en: CELL_VALUES
        f"{_T}: sel berisi {{what_id}}, bukan tanggal. Tulis tanggalnya, misalnya '30 Juni 2023'.",
        f"{_T}: the cell holds {{what_en}}, not a date. Write the date, e.g. '30 Juni 2023'.",
    ),
    "bad_value": (
        f"{_T}: isi sel bukan teks, tanggal atau angka tanggal Excel (jenis nilai: {{raw}}).",
        f"{_T}: the cell holds no text, date or Excel date number (value type: {{raw}}).",
    ),
}


# ------------------------------------------------------------------ scanning

_DASHES = dict.fromkeys(
    map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-"
)
_TOKEN_RE = re.compile(
    r"(?P<word>[^\W\d_]+)"  # letters
    r"|(?P<dmy>(?<!\d)\d{1,2}(?P<sep>[./-])\d{1,2}(?P=sep)\d{2,4}(?!\d))"
    r"|(?P<my>(?<!\d)\d{1,2}[./-]\d{4}(?!\d))"  # 04/2023, 4-2023, 4.2023
    r"|(?P<iso>(?<!\d)\d{4}(?:-\d{2}-\d{1,2}|[./-]\d{1,2})(?!\d))"  # 2023-03-15, 2023/04
    r"|(?P<alnum>[^\W_]+)"  # digits, perhaps with letters: 2022, 2O22, 1st
    r"|(?P<nl>\n)"
    r"|(?P<sym>\S)"
)
_ORDINAL_SUFFIX = re.compile(r"(\d+)(?:st|nd|rd|th)")
_RUNS = re.compile(r"\d+|[^\W\d_]+")
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


class Word(NamedTuple):
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


# ------------------------------------------------------------------ date cells

_FORMAT_PART = re.compile(
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
