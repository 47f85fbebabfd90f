"""Why a TARGET WAKTU is refused: bilingual messages and suggestions.

:data:`MESSAGES` holds a Bahasa Indonesia and an English template for every refusal;
the parser raises a :class:`Refusal` naming one of them and :func:`error` turns it into
the :class:`~zi_workbook.model.TargetError` a refused target carries.
:func:`year_typo` and :func:`every_n` build the refusals that suggest a fix.
"""

from __future__ import annotations

from zi_workbook.model import TargetError
from zi_workbook.targets.tokens import Word
from zi_workbook.targets.words import EXAMPLES_EN, EXAMPLES_ID, YEAR_MAX, YEAR_MIN

from . import words as W

__all__ = [
    "AT_END",
    "AT_START",
    "CELL_VALUES",
    "MESSAGES",
    "Refusal",
    "error",
    "every_n",
    "year_typo",
]

_LOOKALIKE = str.maketrans("olis", "0115")
_MONTHS_UNIT = {months: unit for unit, months in W.UNIT_MONTHS.items()}
#: Where a dangling connector stands, for the "dangling" message.
AT_START = {"where_id": "awal", "where_en": "start"}
AT_END = {"where_id": "akhir", "where_en": "end"}

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


class Refusal(Exception):
    """Why a text is refused: a key of ``MESSAGES`` and the fields it needs."""

    def __init__(self, key: str, suggestion: str | None = None, **fields: str) -> None:
        super().__init__(key)
        self.key, self.suggestion, self.fields = key, suggestion, fields


def error(text: str, refusal: Refusal) -> TargetError:
    template_id, template_en = MESSAGES[refusal.key]
    fields = {"text": text.replace("\n", " / "), **refusal.fields}
    if refusal.suggestion:
        fields["suggestion"] = refusal.suggestion
    return TargetError(
        template_id.format(**fields), template_en.format(**fields), refusal.suggestion
    )


def year_typo(tok: Word, text: str, plan_year: int | None) -> Refusal:
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
        return Refusal("year_letter", raw=raw)
    return Refusal("year_typo", text[: tok.start] + year + text[tok.end :], raw=raw)


def every_n(tok: Word, text: str) -> Refusal:
    """``Setiap 3 bulan``: refused, suggesting ``Setiap triwulan`` when a unit fits."""
    raw = text[tok.start : tok.end]
    months = W.UNIT_MONTHS.get(tok.word, 0) * tok.val
    unit = _MONTHS_UNIT.get(months)
    if unit is None:  # Setiap 2 bulan, Per 2 minggu
        return Refusal("every_n_other", raw=raw)
    lead = raw[: next(k for k, c in enumerate(raw) if c.isdecimal())]  # "Setiap ", "Per-"
    suggestion = text[: tok.start] + lead + W.UNIT_NAMES[unit][0] + text[tok.end :]
    return Refusal("every_n", suggestion, raw=raw)
