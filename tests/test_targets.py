"""TARGET WAKTU parser: the seed plan, every convention, refusals and properties."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zi_workbook import targets
from zi_workbook.model import Period, Target, TargetError
from zi_workbook.targets import parse_target
from zi_workbook.targets import words as W

PLAN_YEAR = 2022


def spans(target: Target) -> list[tuple[str, str | None]]:
    """The periods of a target as (start, end) ISO strings, end None when open."""
    return [(p.start.isoformat(), p.end.isoformat() if p.end else None) for p in target.periods]


def month(year: int, m: int) -> tuple[str, str]:
    last = calendar.monthrange(year, m)[1]
    return date(year, m, 1).isoformat(), date(year, m, last).isoformat()


def day(iso: str) -> tuple[str, str]:
    return iso, iso


def months(year: int, *numbers: int) -> list[tuple[str, str]]:
    return [month(year, m) for m in numbers]


def read(value: object, plan_year: int | None = PLAN_YEAR, **kw: object) -> Target:
    target = parse_target(value, plan_year, **kw)  # type: ignore[arg-type]
    assert isinstance(target, Target)
    return target


def assert_reads(text: str, expected: list[tuple[str, str | None]]) -> None:
    """``text`` reads (plan year 2022) as exactly the ``expected`` spans."""
    target = read(text, 2022)
    assert target.error is None, target.error.message_en
    assert spans(target) == expected


def assert_refused(text: str, id_fragment: str, en_fragment: str) -> TargetError:
    """``text`` is refused, and each language's message says what it should."""
    target = read(text, 2022)
    assert target.error is not None, spans(target)
    assert target.periods == ()
    assert id_fragment in target.error.message_id
    assert en_fragment in target.error.message_en
    return target.error


# ------------------------------------------------------------------ the seed plan

SEED = [
    ("Minggu ke-1 April 2022", [("2022-04-01", "2022-04-07")]),
    ("Juni, Desember 2022", [("2022-06-01", "2022-06-30"), ("2022-12-01", "2022-12-31")]),
    ("Per-bulan (Januari-Desember)", months(2022, *range(1, 13))),
    ("Minggu ke-3 Januari 2022", [("2022-01-15", "2022-01-21")]),
    ("Minggu ke-2 November 2022", [("2022-11-08", "2022-11-14")]),
    ("migrasi alamat lama ke alamat baru mulai Mei 2022", [("2022-05-01", None)]),
    ("April 2022", [("2022-04-01", "2022-04-30")]),
    ("Januari 2022", [("2022-01-01", "2022-01-31")]),
    ("January 2022", [("2022-01-01", "2022-01-31")]),
    ("Februari 2022", [("2022-02-01", "2022-02-28")]),
    (
        "Januari-Juni 2022 dan Juli-Desember 2022",
        [("2022-01-01", "2022-06-30"), ("2022-07-01", "2022-12-31")],
    ),
    ("Januari-Desember 2022", [("2022-01-01", "2022-12-31")]),
    (
        "April, Juni, September dan Desember 2022",
        [
            ("2022-04-01", "2022-04-30"),
            ("2022-06-01", "2022-06-30"),
            ("2022-09-01", "2022-09-30"),
            ("2022-12-01", "2022-12-31"),
        ],
    ),
    ("Januari \u2013 Desember 2022", [("2022-01-01", "2022-12-31")]),
    ("Januari-Desember 2023", [("2023-01-01", "2023-12-31")]),
    (
        "Maret, Juni, September, Desember 2022",
        [
            ("2022-03-01", "2022-03-31"),
            ("2022-06-01", "2022-06-30"),
            ("2022-09-01", "2022-09-30"),
            ("2022-12-01", "2022-12-31"),
        ],
    ),
    ("Juni 2022", [("2022-06-01", "2022-06-30")]),
    ("Maret 2022", [("2022-03-01", "2022-03-31")]),
    ("Maret, Juni 2022", [("2022-03-01", "2022-03-31"), ("2022-06-01", "2022-06-30")]),
    ("Mei 2022", [("2022-05-01", "2022-05-31")]),
    (44652, [("2022-04-01", "2022-04-01")]),
]


@pytest.mark.parametrize(("value", "expected"), SEED, ids=[str(v) for v, _ in SEED])
def test_seed_plan(value: object, expected: list[tuple[str, str | None]]) -> None:
    target = read(value)
    assert target.error is None
    assert spans(target) == expected
    assert target.text == (value if isinstance(value, str) else "44652")


# ------------------------------------------------------------ accepted conventions

QUARTERS_2022: list[tuple[str, str | None]] = [
    ("2022-01-01", "2022-03-31"),
    ("2022-04-01", "2022-06-30"),
    ("2022-07-01", "2022-09-30"),
    ("2022-10-01", "2022-12-31"),
]

ACCEPTED: list[tuple[str, int | None, list[tuple[str, str | None]]]] = [
    # a month, a year
    ("April 2022", None, [month(2022, 4)]),
    ("Tahun 2023", None, [("2023-01-01", "2023-12-31")]),
    ("Sepanjang tahun 2023", None, [("2023-01-01", "2023-12-31")]),
    ("2023", None, [("2023-01-01", "2023-12-31")]),
    ("TA 2023", None, [("2023-01-01", "2023-12-31")]),
    ("Tahun Anggaran 2023", None, [("2023-01-01", "2023-12-31")]),
    # month spellings and abbreviations, any case
    ("JANUARI 2023", None, [month(2023, 1)]),
    ("jan 2023", None, [month(2023, 1)]),
    ("Pebruari 2023", None, [month(2023, 2)]),
    ("Peb 2024", None, [month(2024, 2)]),
    ("Feb 2024", None, [month(2024, 2)]),
    ("Mar 2023", None, [month(2023, 3)]),
    ("Apr 2023", None, [month(2023, 4)]),
    ("mei 2023", None, [month(2023, 5)]),
    ("May 2023", None, [month(2023, 5)]),
    ("Jun 2023", None, [month(2023, 6)]),
    ("Jul 2023", None, [month(2023, 7)]),
    ("Agustus 2023", None, [month(2023, 8)]),
    ("Agu 2023", None, [month(2023, 8)]),
    ("Agt 2023", None, [month(2023, 8)]),
    ("Ags 2023", None, [month(2023, 8)]),
    ("August 2023", None, [month(2023, 8)]),
    ("Sep 2023", None, [month(2023, 9)]),
    ("Sept 2023", None, [month(2023, 9)]),
    ("Okt 2023", None, [month(2023, 10)]),
    ("October 2023", None, [month(2023, 10)]),
    ("Oct 2023", None, [month(2023, 10)]),
    ("Nopember 2023", None, [month(2023, 11)]),
    ("Nop 2023", None, [month(2023, 11)]),
    ("Nov 2023", None, [month(2023, 11)]),
    ("Des 2023", None, [month(2023, 12)]),
    ("December 2023", None, [month(2023, 12)]),
    ("Dec 2023", None, [month(2023, 12)]),
    # mmm-yy text
    ("Jan-23", None, [month(2023, 1)]),
    ("Mei-23", None, [month(2023, 5)]),
    ("Des-22", None, [month(2022, 12)]),
    # the plan year fills a missing year
    ("Juni", 2022, [month(2022, 6)]),
    ("Semester I", 2021, [("2021-01-01", "2021-06-30")]),
    # weeks
    ("Minggu ke-1 April 2022", None, [("2022-04-01", "2022-04-07")]),
    ("Minggu ke 3 April 2022", None, [("2022-04-15", "2022-04-21")]),
    ("Minggu ke-3 April", 2022, [("2022-04-15", "2022-04-21")]),
    ("Minggu I April 2022", None, [("2022-04-01", "2022-04-07")]),
    ("Minggu kedua April 2022", None, [("2022-04-08", "2022-04-14")]),
    ("Minggu pertama Mei 2022", None, [("2022-05-01", "2022-05-07")]),
    ("Minggu ketiga Mei 2022", None, [("2022-05-15", "2022-05-21")]),
    ("Minggu keempat Mei 2022", None, [("2022-05-22", "2022-05-28")]),
    ("Minggu kelima Mei 2022", None, [("2022-05-29", "2022-05-31")]),
    ("Minggu III Januari 2022", None, [("2022-01-15", "2022-01-21")]),
    ("Minggu ke-5 Februari 2024", None, [("2024-02-29", "2024-02-29")]),
    ("Minggu ke-4 Februari 2023", None, [("2023-02-22", "2023-02-28")]),
    ("Pekan ke-2 Maret 2023", None, [("2023-03-08", "2023-03-14")]),
    ("Minggu ke-2 bulan Maret 2023", None, [("2023-03-08", "2023-03-14")]),
    (
        "Minggu ke-1 dan ke-3 April 2022",
        None,
        [("2022-04-01", "2022-04-07"), ("2022-04-15", "2022-04-21")],
    ),
    # quarters and semesters
    ("TW I", 2022, [("2022-01-01", "2022-03-31")]),
    ("TW.II", 2022, [("2022-04-01", "2022-06-30")]),
    ("TW 3", 2022, [("2022-07-01", "2022-09-30")]),
    ("Triwulan III", 2022, [("2022-07-01", "2022-09-30")]),
    ("Triwulan 3", 2022, [("2022-07-01", "2022-09-30")]),
    ("Triwulan ke-4", 2022, [("2022-10-01", "2022-12-31")]),
    ("Q3", 2022, [("2022-07-01", "2022-09-30")]),
    ("Q4 2023", None, [("2023-10-01", "2023-12-31")]),
    ("Kuartal II 2023", None, [("2023-04-01", "2023-06-30")]),
    ("Semester I", 2022, [("2022-01-01", "2022-06-30")]),
    ("Semester 2", 2022, [("2022-07-01", "2022-12-31")]),
    ("Sem. II", 2022, [("2022-07-01", "2022-12-31")]),
    ("Triwulan I 2022", None, [("2022-01-01", "2022-03-31")]),
    ("TW II Tahun 2022", None, [("2022-04-01", "2022-06-30")]),
    ("Sepanjang semester 2 tahun 2021", None, [("2021-07-01", "2021-12-31")]),
    ("Triwulan I s.d. III 2022", None, [("2022-01-01", "2022-09-30")]),
    # ranges
    ("Januari-Desember 2022", None, [("2022-01-01", "2022-12-31")]),
    ("Januari \u2013 Desember 2022", None, [("2022-01-01", "2022-12-31")]),
    ("Januari \u2014 Desember 2022", None, [("2022-01-01", "2022-12-31")]),
    ("Januari s.d. Maret", 2022, [("2022-01-01", "2022-03-31")]),
    ("Januari S.D. Maret", 2022, [("2022-01-01", "2022-03-31")]),
    ("Januari s/d Maret", 2022, [("2022-01-01", "2022-03-31")]),
    ("Januari sd Maret", 2022, [("2022-01-01", "2022-03-31")]),
    ("Januari sampai dengan Maret", 2022, [("2022-01-01", "2022-03-31")]),
    ("Januari sampai Maret", 2022, [("2022-01-01", "2022-03-31")]),
    ("Januari hingga Maret", 2022, [("2022-01-01", "2022-03-31")]),
    ("January to March 2022", None, [("2022-01-01", "2022-03-31")]),
    ("Okt-Des 2023", None, [("2023-10-01", "2023-12-31")]),
    ("Januari 2022 - Juni 2022", None, [("2022-01-01", "2022-06-30")]),
    ("Oktober 2023 s.d. Maret 2024", None, [("2023-10-01", "2024-03-31")]),
    ("Jan-23 s.d. Mar-23", None, [("2023-01-01", "2023-03-31")]),
    ("mulai Januari s.d. Juni 2022", None, [("2022-01-01", "2022-06-30")]),
    ("s.d. Desember 2023", 2022, [("2022-01-01", "2023-12-31")]),
    ("sampai Desember 2023", 2022, [("2022-01-01", "2023-12-31")]),
    ("sampai dengan Desember 2023", 2022, [("2022-01-01", "2023-12-31")]),
    ("1-15 Maret 2023", None, [("2023-03-01", "2023-03-15")]),
    ("1 Maret s.d. 15 April 2023", None, [("2023-03-01", "2023-04-15")]),
    ("Januari s.d. 15 Maret 2023", None, [("2023-01-01", "2023-03-15")]),
    ("2022-2024", None, [("2022-01-01", "2024-12-31")]),
    # lists
    ("Juni, Desember 2022", None, months(2022, 6, 12)),
    ("Maret, Juni, September dan Desember 2022", None, months(2022, 3, 6, 9, 12)),
    ("Juni & Desember", 2022, months(2022, 6, 12)),
    ("Juni; Desember 2022", None, months(2022, 6, 12)),
    ("Juni serta Desember 2022", None, months(2022, 6, 12)),
    ("Desember, Juni 2022", None, months(2022, 6, 12)),
    ("Juni 2021, Desember 2022", None, [month(2021, 6), month(2022, 12)]),
    # a year the list names applies to its items without one, not the plan year
    ("Juni 2022 dan Desember", 2023, months(2022, 6, 12)),
    ("Triwulan I dan III", 2022, [("2022-01-01", "2022-03-31"), ("2022-07-01", "2022-09-30")]),
    ("TW I, II, III, IV", 2022, QUARTERS_2022),
    ("Triwulan I, II, III dan IV 2022", None, QUARTERS_2022),
    ("Semester I dan II 2023", None, [("2023-01-01", "2023-06-30"), ("2023-07-01", "2023-12-31")]),
    ("5 dan 20 Maret 2023", None, [day("2023-03-05"), day("2023-03-20")]),
    ("Juni\nDesember 2022", None, months(2022, 6, 12)),
    ("Juni 2022\r\nDesember 2022", None, months(2022, 6, 12)),
    ("- Juni 2022\n- Desember 2022", None, months(2022, 6, 12)),
    ("\u2022 Juni 2022\n\u2022 Desember 2022", None, months(2022, 6, 12)),
    ("* Juni 2022\n* Desember 2022", None, months(2022, 6, 12)),
    ("1. Juni 2022\n2. Desember 2022", None, months(2022, 6, 12)),
    ("1) Juni\n2) Desember 2022", None, months(2022, 6, 12)),
    ("- Juni 2022", None, months(2022, 6)),
    ("Juni,\n\nDesember 2022,", None, months(2022, 6, 12)),
    # recurring
    ("Per-bulan (Januari-Desember)", 2022, months(2022, *range(1, 13))),
    ("Per bulan", 2022, months(2022, *range(1, 13))),
    ("Setiap bulan", 2022, months(2022, *range(1, 13))),
    ("Tiap bulan", 2022, months(2022, *range(1, 13))),
    ("Tiap-tiap bulan", 2022, months(2022, *range(1, 13))),
    ("Bulanan", 2022, months(2022, *range(1, 13))),
    ("Setiap bulan (Januari-Juni)", 2022, months(2022, *range(1, 7))),
    ("Per bulan (Maret s.d. Mei 2023)", 2022, months(2023, 3, 4, 5)),
    ("Setiap bulan tahun 2023", 2022, months(2023, *range(1, 13))),
    ("Setiap triwulan", 2022, QUARTERS_2022),
    ("Triwulanan", 2022, QUARTERS_2022),
    ("Per triwulan", 2022, QUARTERS_2022),
    ("Per-triwulan", 2022, QUARTERS_2022),
    ("Per semester", 2022, [("2022-01-01", "2022-06-30"), ("2022-07-01", "2022-12-31")]),
    ("Semesteran", 2022, [("2022-01-01", "2022-06-30"), ("2022-07-01", "2022-12-31")]),
    ("Setiap semester", 2022, [("2022-01-01", "2022-06-30"), ("2022-07-01", "2022-12-31")]),
    ("Setiap tahun", 2022, [("2022-01-01", "2022-12-31")]),
    ("Tahunan", 2022, [("2022-01-01", "2022-12-31")]),
    # days
    ("31 Desember 2023", None, [day("2023-12-31")]),
    ("Akhir Juni 2023", None, [day("2023-06-30")]),
    ("Akhir Februari 2024", None, [day("2024-02-29")]),
    ("Akhir tahun 2023", None, [day("2023-12-31")]),
    ("Akhir Triwulan II 2023", None, [day("2023-06-30")]),
    ("Paling lambat 31 Maret 2023", None, [day("2023-03-31")]),
    ("Selambat-lambatnya 31 Maret 2023", None, [day("2023-03-31")]),
    ("Paling lambat Juni 2023", None, [month(2023, 6)]),
    ("Sebelum 30 Juni 2023", None, [day("2023-06-30")]),
    ("Tanggal 5 Mei 2023", None, [day("2023-05-05")]),
    ("tgl. 5 Mei 2023", None, [day("2023-05-05")]),
    ("15/3/2023", None, [day("2023-03-15")]),
    ("15-03-2023", None, [day("2023-03-15")]),
    ("15.03.2023", None, [day("2023-03-15")]),
    ("5/1/2023", None, [day("2023-01-05")]),
    ("2023-03-15", None, [day("2023-03-15")]),
    ("2023-03", None, [month(2023, 3)]),
    ("15-Mar-23", None, [day("2023-03-15")]),
    ("15-Mar-2023", None, [day("2023-03-15")]),
    ("March 15, 2023", None, [day("2023-03-15")]),
    ("29 Februari 2024", None, [day("2024-02-29")]),
    # open-ended
    ("mulai Mei 2022", None, [("2022-05-01", None)]),
    ("Mulai bulan Mei 2022", None, [("2022-05-01", None)]),
    ("sejak Mei 2022", None, [("2022-05-01", None)]),
    ("migrasi alamat lama ke alamat baru mulai Mei 2022", None, [("2022-05-01", None)]),
    ("Pelaksanaan tahap I mulai Mei 2022", None, [("2022-05-01", None)]),
    ("since May 2022", None, [("2022-05-01", None)]),
    # filler, punctuation and spaces
    ("Januari 2021.", None, [month(2021, 1)]),
    ("Januari 2021..", None, [month(2021, 1)]),
    ("pada bulan Juni 2022", None, [month(2022, 6)]),
    ("(Juni 2022)", None, [month(2022, 6)]),
    ("[Juni 2022]", None, [month(2022, 6)]),
    ("Per 31 Desember 2023", None, [day("2023-12-31")]),
    ("Target: Juni 2022", None, [month(2022, 6)]),
    ("\u201cJuni 2022\u201d", None, [month(2022, 6)]),
    ("  Juni\t\t2022  ", None, [month(2022, 6)]),
    ("Juni\u00a02022", None, [month(2022, 6)]),
    ("Juni\u202f2022", None, [month(2022, 6)]),
    ("\u200bJu\u200cni 20\u200d22\ufeff", None, [month(2022, 6)]),
    # excel serials as text
    ("44652", None, [day("2022-04-01")]),
    ("44652.0", None, [day("2022-04-01")]),
    ("44652.75", None, [day("2022-04-01")]),
    (" 44652 ", None, [day("2022-04-01")]),
]


@pytest.mark.parametrize(("text", "plan_year", "expected"), ACCEPTED, ids=[r[0] for r in ACCEPTED])
def test_accepted(text: str, plan_year: int | None, expected: list[tuple[str, str | None]]) -> None:
    target = read(text, plan_year)
    assert target.error is None, target.error.message_en
    assert spans(target) == expected


def test_plan_start_begins_an_until_range() -> None:
    target = read("s.d. Desember 2023", 2022, plan_start=date(2022, 7, 1))
    assert spans(target) == [("2022-07-01", "2023-12-31")]


def test_text_is_the_cell_with_whitespace_normalised() -> None:
    assert read("  Juni\u00a0\u00a0 2022\t").text == "Juni 2022"
    assert read("Ju\u200bni 2022").text == "Juni 2022"
    assert read("- Juni 2022 \r\n\n  - Desember  2022 ").text == "- Juni 2022\n- Desember 2022"
    assert read("Januari \u2013 Desember 2022").text == "Januari \u2013 Desember 2022"


@pytest.mark.parametrize("value", ["", "   ", "\n\t", "\u200b", "\u00a0", None])
def test_empty_cell_is_empty_without_error(value: object) -> None:
    target = read(value)
    assert target == Target("")
    assert target.is_empty


def test_open_ended_has_no_deadline() -> None:
    target = read("mulai Mei 2022")
    assert target.is_open_ended and target.deadline is None


def test_periods_are_sorted_by_start() -> None:
    target = read("Desember, Juni, Maret 2022")
    assert spans(target) == months(2022, 3, 6, 12)


# ----------------------------------------------------------------------- refusals

REFUSED: list[tuple[str, int | None, str]] = [
    # (text, plan_year, a fragment of the English message)
    ("Juni", None, "has no year"),
    ("Setiap bulan", None, "has no year"),
    ("Per triwulan", None, "has no year"),
    ("Tahunan", None, "has no year"),
    ("s.d. Desember", None, "has no year"),
    ("s.d. Desember 2023", None, "start of the range is unknown"),
    ("Minggu ke-6 April 2022", None, "a month has weeks 1 to 5"),
    ("Minggu ke-7 April 2022", None, "a month has weeks 1 to 5"),
    ("Minggu ke-5 Februari 2023", None, "has no week 5"),
    ("Minggu ke-1", 2022, "names no month"),
    ("Minggu ke-1 2022", None, "names no month"),
    ("Triwulan V", 2022, "quarters I, II, III and IV"),
    ("Triwulan 5", 2022, "quarters I, II, III and IV"),
    ("TW 0", 2022, "quarters I, II, III and IV"),
    ("Semester 3", 2022, "semesters I and II"),
    ("Semester III 2022", None, "semesters I and II"),
    ("Oktober s.d. Maret 2024", None, "ends before it starts"),
    ("Desember - Januari", 2022, "ends before it starts"),
    ("15 Maret s.d. 1 Maret 2023", None, "ends before it starts"),
    ("s.d. Desember 2021", 2022, "ends before it starts"),
    ("Awal Juni 2023", None, "'Awal'"),
    ("Pertengahan Juni 2023", None, "'Pertengahan'"),
    ("Medio Juni 2023", None, "'Medio'"),
    ("akhir", 2022, "has no date"),
    ("Akhir 2023 kecuali Juni", 2022, "'kecuali'"),
    ("30 Februari 2023", None, "30 Februari 2023 does not exist"),
    ("29 Februari 2023", None, "does not exist"),
    ("31 April 2023", None, "does not exist"),
    ("13/13/2023", None, "13/13/2023 does not exist"),
    ("32/1/2023", None, "does not exist"),
    ("0 Maret 2023", None, "does not exist"),
    ("segera", 2022, "has no date"),
    ("TBA", 2022, "has no date"),
    ("-", 2022, "has no date"),
    ("\u2013", 2022, "has no date"),
    ("menyusul", 2022, "has no date"),
    ("sesuai kebutuhan", 2022, "has no date"),
    ("tidak ada", 2022, "has no date"),
    ("belum ditentukan", 2022, "has no date"),
    ("ditunda", 2022, "has no date"),
    ("kecuali Juni 2022", 2022, "'kecuali'"),
    ("Juni 2022?", 2022, "'?'"),
    ("diundur Juni 2022", 2022, "'diundur'"),
    ("ditunda ke Juni 2022", 2022, "'ditunda'"),
    ("Juni 2022 (tentatif)", 2022, "'tentatif'"),
    ("Juni atau Juli 2022", 2022, "'atau'"),
    ("Juni/Juli 2022", 2022, "'/'"),
    ("1. Juni 2022", 2022, "'1.'"),
    ("Juni 22", 2022, "only two digits"),
    ("15/3/23", 2022, "only two digits"),
    ("Jan 23", 2022, "only two digits"),
    ("Juni 202", 2022, "'202'"),
    ("Juni 20222", 2022, "'20222'"),
    ("Juni 1850", 2022, "outside 1900"),
    ("Juni 2202", 2022, "outside 1900"),
    ("123", 2022, "'123'"),
    ("12", 2022, "not clear"),
    ("III", 2022, "has no date"),
    ("Triwulan", 2022, "not clear"),
    ("Juni Juli 2022", 2022, "cannot be read"),
    ("Juni -", 2022, "cannot be read"),
    ("Setiap minggu", 2022, "weekly"),
    ("Mingguan", 2022, "weekly"),
    ("Sebelum Juni 2023", None, "needs a day"),
    ("Setiap triwulan (Januari-Februari)", 2022, "no whole quarter"),
    ("1234567", 2022, "'1234567'"),
    ("9999999.5", 2022, "'9999999'"),
    ("Juni, 7", 2022, "not clear"),
]


@pytest.mark.parametrize(("text", "plan_year", "fragment"), REFUSED, ids=[r[0] for r in REFUSED])
def test_refused(text: str, plan_year: int | None, fragment: str) -> None:
    target = read(text, plan_year)
    assert target.error is not None, spans(target)
    assert target.periods == ()
    assert fragment in target.error.message_en
    assert target.error.message_id.startswith("TARGET WAKTU")
    assert target.error.message_id != target.error.message_en
    assert target.error.message("en") == target.error.message_en
    assert target.error.message() == target.error.message_id


@pytest.mark.parametrize(
    ("text", "plan_year", "suggestion"),
    [
        ("Juni 2O22", 2022, "Juni 2022"),
        ("Juni 2O22", None, "Juni 2022"),
        ("Juni 2l22", 2022, "Juni 2022"),
        ("Juni 2o23", 2022, "Juni 2023"),
        ("Minggu ke-1 April 2O22", 2022, "Minggu ke-1 April 2022"),
    ],
)
def test_letter_in_year_is_refused_with_suggestion(
    text: str, plan_year: int | None, suggestion: str
) -> None:
    error = read(text, plan_year).error
    assert error is not None
    assert error.suggestion == suggestion
    assert f"'{suggestion}'" in error.message_id
    assert f"'{suggestion}'" in error.message_en


def test_letter_in_year_without_a_likely_year_has_no_suggestion() -> None:
    error = read("Juni 2k99", None).error
    assert error is not None and error.suggestion is None
    assert "letter" in error.message_en


@pytest.mark.parametrize(
    ("text", "id_fragment", "en_fragment"),
    [
        ("segera", "tidak berisi tanggal", "has no date"),
        ("kecuali Juni 2022", "tidak dikenal: 'kecuali'", "not understood: 'kecuali'"),
        ("sesuai kebutuhan", "'sesuai', 'kebutuhan'", "'sesuai', 'kebutuhan'"),
        ("Juni", "Tambahkan tahunnya", "Add the year"),
    ],
)
def test_messages_are_in_both_languages(text: str, id_fragment: str, en_fragment: str) -> None:
    error = read(text, 2022 if text != "Juni" else None).error
    assert error is not None
    assert id_fragment in error.message_id
    assert en_fragment in error.message_en
    if text == "segera":
        assert error.message_id.endswith(W.EXAMPLES_ID)
        assert error.message_en.endswith(W.EXAMPLES_EN)


# ------------------------------------------------------ the documented examples

DOC = Path(__file__).resolve().parents[1] / "docs" / "targets.md"
DOC_ROW = re.compile(r"^\| `(?P<text>[^`]+)` \| (?P<cell>.+) \|$")


def doc_cell(target: Target, lang: str) -> str:
    """The periods of a target as the tables of docs/targets.md write them."""

    def one(p: Period) -> str:
        if p.end is None:
            return f"{p.start} – " + ("(tanpa akhir)" if lang == "id" else "(no end)")
        return str(p.start) if p.start == p.end else f"{p.start} – {p.end}"

    cells = [one(p) for p in target.periods]
    if len(cells) > 4:
        word = "periode" if lang == "id" else "periods"
        return f"{len(cells)} {word}: {cells[0]}, …, {cells[-1]}"
    return "; ".join(cells)


def doc_rows() -> list[tuple[str, str, str]]:
    rows, lang = [], "id"
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            lang = "en" if "English" in line else "id"
        if row := DOC_ROW.match(line):
            rows.append((lang, row["text"], row["cell"]))
    return rows


@pytest.mark.skipif(not DOC.exists(), reason="docs/targets.md is not there")
def test_documented_examples_are_what_the_parser_reads() -> None:
    rows = doc_rows()
    assert len(rows) > 150
    assert {lang for lang, _, _ in rows} == {"id", "en"}
    for lang, text, cell in rows:
        target = read(text.replace(" ↵ ", "\n"), 2022)
        if cell.startswith(("ditolak", "refused")):
            assert target.error is not None, text
            assert cell.startswith("ditolak — " if lang == "id" else "refused — "), text
        else:
            assert target.error is None, text
            assert doc_cell(target, lang) == cell, text


# -------------------------------------------------------------- Excel values

DATE_FORMATS = [
    # (number format, what it means, the text of 5 April 2022 as Excel shows it)
    (None, "day", "2022-04-05"),
    ("General", "day", "2022-04-05"),
    ("d/m/yyyy", "day", "5/4/2022"),
    ("dd-mmm-yy", "day", "05-Apr-22"),
    ("[$-421]dd mmmm yyyy", "day", "05 April 2022"),
    ("yyyy-mm-dd hh:mm", "day", "2022-04-05"),  # a time: ISO
    ("mm-dd-yy", "day", "2022-04-05"),  # Excel's short date, shown per computer: ISO
    ("[h]:mm", "day", "2022-04-05"),
    ("mmm-yy", "month", "Apr-22"),
    ("mmmm yyyy", "month", "April 2022"),
    ("[$-421]mmmm yyyy", "month", "April 2022"),
    ("mmm\\-yy", "month", "Apr-22"),
    ('mmmm" "yyyy', "month", "April 2022"),
    ('"Tanggal "mmm yyyy', "month", "Tanggal Apr 2022"),
    ("[$-409]mmm-yy;@", "month", "Apr-22"),
    ("[Red]mmmm yyyy", "month", "April 2022"),
    ("mmmm yyyy e", "month", "2022-04"),  # a code not read: ISO
    ("yyyy", "year", "2022"),
]


@pytest.mark.parametrize(("number_format", "unit", "text"), DATE_FORMATS)
def test_date_values_follow_the_number_format(
    number_format: str | None, unit: str, text: str
) -> None:
    for value in (date(2022, 4, 5), datetime(2022, 4, 5, 13, 30)):
        target = read(value, None, number_format=number_format)
        assert target.error is None
        expected = {
            "day": [day("2022-04-05")],
            "month": [month(2022, 4)],
            "year": [("2022-01-01", "2022-12-31")],
        }[unit]
        assert (target.text, spans(target)) == (text, expected)


DATE_TEXTS = [
    # (date, number format, Target.text): Indonesian names, as Excel in Bahasa shows them
    (date(2023, 5, 1), "mmmm yyyy", "Mei 2023"),
    (date(2023, 5, 1), "mmm-yy", "Mei-23"),
    (date(2023, 3, 15), "dd/mm/yyyy", "15/03/2023"),
    (date(2023, 3, 15), "d/m/yy", "15/3/23"),
    (date(2023, 3, 15), "d mmmm yyyy", "15 Maret 2023"),
    (date(2023, 3, 15), "[$-421]dd mmmm yyyy", "15 Maret 2023"),
    (date(2023, 3, 15), "[$-F800]dddd, d mmmm yyyy", "Rabu, 15 Maret 2023"),
    (date(2023, 3, 17), "ddd dd.mm.yyyy", "Jum 17.03.2023"),
    (date(2023, 8, 1), "mmm yyyy", "Agu 2023"),
    (date(2023, 8, 1), "mmmmm-yy", "A-23"),
    (datetime(2023, 12, 31, 8, 0), "d mmm yyyy", "31 Des 2023"),
    (date(2023, 3, 15), 'd" Maret "yyyy', "15 Maret 2023"),
    (date(2023, 3, 15), "d\\ mmmm", "15 Maret"),
    (date(2023, 3, 15), "_(d mmmm yyyy_)", "15 Maret 2023"),
    (date(2023, 3, 15), "d mmmm yyyy;@", "15 Maret 2023"),
    # nothing readable: ISO, at the precision the format means
    (date(2023, 3, 15), None, "2023-03-15"),
    (date(2023, 3, 15), "", "2023-03-15"),
    (date(2023, 3, 15), "General", "2023-03-15"),
    (date(2023, 3, 15), "@", "2023-03-15"),
    (date(2023, 3, 15), "0.00", "2023-03-15"),
    (date(2023, 3, 15), "d mmmm yyyy h:mm AM/PM", "2023-03-15"),
    (date(2023, 3, 15), '"unterminated d', "2023-03-15"),
    (date(2023, 3, 15), "[$-421", "2023-03-15"),
]


@pytest.mark.parametrize(("value", "number_format", "text"), DATE_TEXTS)
def test_date_cell_text_is_the_date_as_its_format_shows_it(
    value: date, number_format: str | None, text: str
) -> None:
    target = read(value, None, number_format=number_format)
    assert target.error is None
    assert target.text == text


@settings(max_examples=120, deadline=None)
@given(
    st.dates(date(1900, 1, 1), date(2100, 12, 31)),
    st.sampled_from(["mmmm yyyy", "mmm-yy", "dd/mm/yyyy", "d mmmm yyyy", "[$-421]d mmm yyyy"]),
)
def test_date_cell_text_reads_back_as_the_same_periods(value: date, number_format: str) -> None:
    target = read(value, None, number_format=number_format)
    if number_format == "mmm-yy" and not 2000 <= value.year <= 2099:
        return  # mmm-yy text is read as 20yy
    assert read(target.text, None).periods == target.periods


@pytest.mark.parametrize(
    ("value", "kw", "text", "expected"),
    [
        (44652, {}, "44652", [day("2022-04-01")]),
        (44652.0, {}, "44652", [day("2022-04-01")]),
        (44652.5, {}, "44652.5", [day("2022-04-01")]),
        (Decimal("44652"), {}, "44652", [day("2022-04-01")]),
        (44652, {"number_format": "mmm-yy"}, "44652", [month(2022, 4)]),
        (44652, {"number_format": "dd/mm/yyyy"}, "44652", [day("2022-04-01")]),
        (44652, {"date1904": True}, "44652", [day("2026-04-02")]),
        ("44652", {"date1904": True}, "44652", [day("2026-04-02")]),
        (0, {"date1904": True, "number_format": "d/m/yyyy"}, "0", [day("1904-01-01")]),
        (1, {"number_format": "d/m/yyyy"}, "1", [day("1900-01-01")]),
        (59, {"number_format": "d/m/yyyy"}, "59", [day("1900-02-28")]),
        (61, {"number_format": "d/m/yyyy"}, "61", [day("1900-03-01")]),
        (2958465, {"number_format": "d/m/yyyy"}, "2958465", [day("9999-12-31")]),
        (2023, {}, "2023", [("2023-01-01", "2023-12-31")]),
        (2023, {"number_format": "General"}, "2023", [("2023-01-01", "2023-12-31")]),
        (2023, {"number_format": "d/m/yyyy"}, "2023", [day("1905-07-15")]),
    ],
)
def test_numbers_are_excel_serials(
    value: object, kw: dict[str, object], text: str, expected: list[tuple[str, str]]
) -> None:
    target = read(value, None, **kw)
    assert target.error is None
    assert (target.text, spans(target)) == (text, expected)


@pytest.mark.parametrize(
    "value", [0, -1, 60, 2958466, float("nan"), float("inf"), -float("inf"), 10**30]
)
def test_numbers_outside_excel_dates_are_refused(value: object) -> None:
    target = read(value)
    assert target.error is not None and target.periods == ()


@pytest.mark.parametrize(
    "value", [True, False, b"Juni 2022", object(), [2022], 3 + 4j, date, timedelta(days=3)]
)
def test_other_values_are_refused_without_raising(value: object) -> None:
    target = read(value)
    assert target.error is not None and target.periods == ()


# ---------------------------------------------------------------------- properties

MONTH_SPELLINGS = sorted(W.MONTHS.items())
ROMAN = ["I", "II", "III", "IV", "V"]
WEEK_WORDS = ["pertama", "kedua", "ketiga", "keempat", "kelima"]
CONNECTORS = ["-", " - ", " \u2013 ", " s.d. ", " s/d ", " sd ", " sampai dengan ", " hingga "]


@st.composite
def cased(draw: st.DrawFn, word: str) -> str:
    """``word`` with each letter in a random case."""
    flips = draw(st.lists(st.booleans(), min_size=len(word), max_size=len(word)))
    return "".join(c.upper() if f else c for c, f in zip(word, flips, strict=True))


@st.composite
def month_word(draw: st.DrawFn) -> tuple[str, int]:
    word, number = draw(st.sampled_from(MONTH_SPELLINGS))
    return draw(cased(word)), number


years = st.integers(min_value=1900, max_value=2100)
FAST = settings(max_examples=120, deadline=None)


def month_span(year: int, m: int) -> tuple[date, date]:
    return date(year, m, 1), date(year, m, calendar.monthrange(year, m)[1])


@FAST
@given(month_word(), years)
def test_any_month_spelling_is_the_whole_month(spelled: tuple[str, int], year: int) -> None:
    word, m = spelled
    assert read(f"{word} {year}", None).periods == (Period(*month_span(year, m)),)


@FAST
@given(month_word(), st.integers(min_value=0, max_value=99))
def test_mmm_yy_is_the_month_of_20yy(spelled: tuple[str, int], yy: int) -> None:
    word, m = spelled
    assert read(f"{word}-{yy:02d}", None).periods == (Period(*month_span(2000 + yy, m)),)


@FAST
@given(
    st.sampled_from(["TW", "tw.", "Triwulan", "TRIWULAN", "Kuartal", "Quarter"]),
    st.integers(min_value=1, max_value=4),
    st.sampled_from(["roman", "digit", "ke"]),
    st.one_of(st.none(), years),
)
def test_quarters(head: str, q: int, form: str, year: int | None) -> None:
    ordinal = {"roman": ROMAN[q - 1], "digit": str(q), "ke": f"ke-{q}"}[form]
    text = f"{head} {ordinal}" + (f" {year}" if year else "")
    target = read(text, 2022)
    y = year or 2022
    start = date(y, 3 * q - 2, 1)
    assert target.periods == (Period(start, month_span(y, 3 * q)[1]),)


@FAST
@given(
    st.integers(min_value=1, max_value=5),
    st.sampled_from(["ke-{n}", "ke {n}", "ke{n}", "{roman}", "{word}"]),
    month_word(),
    years,
)
def test_weeks(n: int, form: str, spelled: tuple[str, int], year: int) -> None:
    word, m = spelled
    ordinal = form.format(n=n, roman=ROMAN[n - 1], word=WEEK_WORDS[n - 1])
    target = read(f"Minggu {ordinal} {word} {year}", None)
    last = calendar.monthrange(year, m)[1]
    first = 7 * (n - 1) + 1
    if first > last:
        assert target.error is not None and "week 5" in target.error.message_en
        return
    end = last if n == 5 else 7 * n
    assert target.periods == (Period(date(year, m, first), date(year, m, end)),)
    assert target.periods[0].start.month == target.periods[0].end.month == m  # type: ignore[union-attr]


@FAST
@given(month_word(), month_word(), st.sampled_from(CONNECTORS), years)
def test_ranges_within_a_year(
    a: tuple[str, int], b: tuple[str, int], connector: str, year: int
) -> None:
    target = read(f"{a[0]}{connector}{b[0]} {year}", None)
    if a[1] > b[1]:
        assert target.error is not None and "ends before it starts" in target.error.message_en
        return
    assert target.periods == (Period(month_span(year, a[1])[0], month_span(year, b[1])[1]),)


@FAST
@given(month_word(), month_word(), st.sampled_from(CONNECTORS), years, years)
def test_ranges_across_years(
    a: tuple[str, int], b: tuple[str, int], connector: str, y1: int, y2: int
) -> None:
    target = read(f"{a[0]} {y1}{connector}{b[0]} {y2}", None)
    start, end = month_span(y1, a[1])[0], month_span(y2, b[1])[1]
    if (y1, a[1]) > (y2, b[1]):
        assert target.error is not None
    else:
        assert target.periods == (Period(start, end),)


@FAST
@given(
    st.lists(month_word(), min_size=1, max_size=6, unique_by=lambda s: s[1]),
    st.sampled_from([", ", " dan ", " & ", "; ", "\n", "\n- ", ",\n"]),
    st.one_of(st.none(), years),
)
def test_lists_give_one_period_per_item(
    items: list[tuple[str, int]], separator: str, year: int | None
) -> None:
    text = separator.join(word for word, _ in items) + (f" {year}" if year else "")
    target = read(text, 2022)
    y = year or 2022
    assert target.error is None, target.error.message_en
    assert len(target.periods) == len(items)
    assert list(target.periods) == [Period(*month_span(y, m)) for m in sorted(m for _, m in items)]
    for period in target.periods:
        assert period.end is not None
        assert period.start.month == period.end.month and period.start.year == y


@FAST
@given(st.integers(min_value=1, max_value=2958465).filter(lambda n: n != 60))
def test_serials_are_one_day(serial: int) -> None:
    expected = date(1899, 12, 31) + timedelta(days=serial - (serial > 60))
    target = read(serial, None, number_format="dd/mm/yyyy")
    assert target.periods == (Period(expected, expected),)
    assert target.text == str(serial)
    plausible = 36526 <= serial <= 73415  # a plain number must be a date of 2000-2100
    if plausible:
        assert read(serial, None).periods == target.periods
    elif not 1900 <= serial <= 2100:  # a plain number cell 1900..2100 is a year
        assert read(serial, None).error is not None
    if 5 <= len(str(serial)) <= 6:
        assert (read(str(serial), None).periods == target.periods) is plausible


@FAST
@given(st.integers(min_value=0, max_value=2958465 - 1462))
def test_date1904_adds_1462_days(serial: int) -> None:
    target = read(serial, None, date1904=True, number_format="d/m/yyyy")
    if serial + 1462 == 60:
        return
    assert target.periods == read(serial + 1462, None, number_format="d/m/yyyy").periods


SPACES = ["\u00a0", "\u202f", "\t", "  ", " \u200b "]


@FAST
@given(
    st.sampled_from([row[0] for row in SEED if isinstance(row[0], str)]),
    st.lists(st.tuples(st.integers(min_value=0), st.sampled_from(["\u200b", "\ufeff"]))),
    st.sampled_from(SPACES),
)
def test_invisible_characters_and_odd_spaces_do_not_matter(
    text: str, inserts: list[tuple[int, str]], space: str
) -> None:
    expected = read(text)
    mangled = text.replace(" ", space)
    for position, char in inserts:
        cut = position % (len(mangled) + 1)
        mangled = mangled[:cut] + char + mangled[cut:]
    target = read(f" {mangled}\t")
    assert target.periods == expected.periods
    assert target.text == expected.text


def check_invariants(target: Target) -> None:
    assert isinstance(target.text, str)
    if target.error is not None:
        assert target.periods == ()
        assert target.error.message_id and target.error.message_en
        return
    starts = [p.start for p in target.periods]
    assert starts == sorted(starts)
    for period in target.periods:
        assert period.end is None or period.start <= period.end


VOCABULARY = [
    *(w for w, _ in MONTH_SPELLINGS[::3]),
    *["2022", "2023", "22", "1", "15", "31", "5", "44652", "ke", "-", "ke-2", "I", "IV"],
    *["minggu", "triwulan", "TW", "semester", "Q3", "s.d.", "s/d", "sampai", "dan", ","],
    *["setiap", "per", "bulan", "tahun", "mulai", "sejak", "akhir", "awal", "sebelum"],
    *["paling", "lambat", "(", ")", ".", "\n", "- ", "1.", "15/3/2023", "2023-03-15"],
    *["kecuali", "?", "2O22", "tanggal", "Jan-23", "hingga", "&", "bulanan"],
]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(VOCABULARY), max_size=8),
    st.one_of(st.none(), years),
    st.one_of(st.none(), st.dates(date(1950, 1, 1), date(2100, 12, 31))),
)
def test_word_salad_never_raises(
    words: list[str], plan_year: int | None, plan_start: date | None
) -> None:
    text = " ".join(words)
    inner = targets._read_text.__wrapped__  # the parser without the safety net
    check_invariants(inner(text, plan_year, plan_start, False))
    check_invariants(read(text, plan_year, plan_start=plan_start))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.one_of(st.none(), years))
def test_any_text_never_raises(text: str, plan_year: int | None) -> None:
    check_invariants(targets._read_text.__wrapped__(text, plan_year, None, False))


@FAST
@given(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=True, allow_infinity=True),
        st.decimals(allow_nan=False),
        st.datetimes(),
        st.dates(),
        st.text(max_size=20),
    ),
    st.one_of(st.none(), st.sampled_from([f for f, *_ in DATE_FORMATS]), st.text(max_size=8)),
    st.booleans(),
)
def test_any_cell_value_never_raises(value: object, number_format: str | None, d1904: bool) -> None:
    check_invariants(read(value, 2022, number_format=number_format, date1904=d1904))


def test_nothing_reads_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    class NoClock(date):
        @classmethod
        def today(cls) -> NoClock:
            raise AssertionError("the parser read the clock")

    import importlib
    import pkgutil

    names = ["zi_workbook.targets"] + [
        info.name for info in pkgutil.iter_modules(targets.__path__, "zi_workbook.targets.")
    ]
    assert len(names) >= 7
    for name in names:
        module = importlib.import_module(name)
        if hasattr(module, "date"):
            monkeypatch.setattr(module, "date", NoClock)
    targets._read_text.cache_clear()
    assert spans(read("s.d. Desember 2023")) == [("2022-01-01", "2023-12-31")]
    assert spans(read("Minggu ke-1 April 2022")) == [("2022-04-01", "2022-04-07")]
    assert read(44652).periods[0].start.isoformat() == "2022-04-01"
    targets._read_text.cache_clear()


# --------------------------------------- list separators, comma years, lone years

COMMA_YEAR: list[tuple[str, list[tuple[str, str | None]]]] = [
    # a comma before a year that stands alone: the year of the item before it
    ("Juni, 2022", [month(2022, 6)]),
    ("Juni,2023", [month(2023, 6)]),
    ("Juni, 2023.", [month(2023, 6)]),
    ("Triwulan I, 2023", [("2023-01-01", "2023-03-31")]),
    ("Semester 1, 2023", [("2023-01-01", "2023-06-30")]),
    ("Minggu ke-1 April, 2023", [("2023-04-01", "2023-04-07")]),
    ("15 Juni, 2023", [day("2023-06-15")]),
    ("Akhir Juni, 2023", [day("2023-06-30")]),
    ("mulai Juni, 2023", [("2023-06-01", None)]),
    ("Januari - Juni, 2023", [("2023-01-01", "2023-06-30")]),
    ("Jan-Des, 2023", [("2023-01-01", "2023-12-31")]),
    # like a year written once at the end, it applies to the items before it
    ("Juni, Desember, 2023", months(2023, 6, 12)),
    ("Juni dan Desember, 2023", months(2023, 6, 12)),
    ("TW I, II, 2023", [("2023-01-01", "2023-03-31"), ("2023-04-01", "2023-06-30")]),
    ("Juni, 2021, Desember 2023", [month(2021, 6), month(2023, 12)]),
    ("Juni, 2021 dan Desember 2023", [month(2021, 6), month(2023, 12)]),
    # lists of years only are not mixed; a serial comma before dan is one connector
    ("2022, 2023", [("2022-01-01", "2022-12-31"), ("2023-01-01", "2023-12-31")]),
    ("Tahun 2022 dan 2023", [("2022-01-01", "2022-12-31"), ("2023-01-01", "2023-12-31")]),
    ("2022-2024, 2025", [("2022-01-01", "2024-12-31"), ("2025-01-01", "2025-12-31")]),
    ("Maret, Juni, dan September 2023", months(2023, 3, 6, 9)),
    ("Juni, & Desember 2023", months(2023, 6, 12)),
    # a dash touching both words is mmm-yyyy; new lines and bullets are layout
    ("Juni-2023", [month(2023, 6)]),
    ("Juni dan\nDesember 2023", months(2023, 6, 12)),
    ("Juni 2023,\nDesember 2023,", months(2023, 6, 12)),
    ("- Juni 2023\n- Desember 2023", months(2023, 6, 12)),
]


@pytest.mark.parametrize(("text", "expected"), COMMA_YEAR, ids=[r[0] for r in COMMA_YEAR])
def test_comma_year_and_separators(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert_reads(text, expected)


LIST_REFUSED: list[tuple[str, str, str]] = [
    # (text, a fragment of the Indonesian message, a fragment of the English message)
    # a year alone in a list with dated items: the year of the items, or a whole year?
    ("Maret 2022, 2023", "mencampur tahun saja ('2023')", "mixes a year on its own ('2023')"),
    ("Juni 2022 dan 2023", "tahun saja ('2023')", "a year on its own ('2023')"),
    ("Juni 2022, 2022", "tahun saja ('2022')", "a year on its own ('2022')"),
    ("Juni 2022\n2023", "tahun saja ('2023')", "a year on its own ('2023')"),
    ("Juni dan 2022", "tahun saja ('2022')", "a year on its own ('2022')"),
    ("Juni; 2022", "tahun saja ('2022')", "a year on its own ('2022')"),
    ("Juni\n2022", "tahun saja ('2022')", "a year on its own ('2022')"),
    ("2022, Juni", "tahun saja ('2022')", "a year on its own ('2022')"),
    ("Juni, 2022 - Juli 2023", "tahun saja", "a year on its own"),
    ("Setiap bulan, 2022", "tahun saja ('2022')", "a year on its own ('2022')"),
    ("Akhir 2023, 2024", "tahun saja ('2024')", "a year on its own ('2024')"),
    ("2022-2024, Juni 2025", "tahun saja ('2022')", "on its own ('2022')"),
    ("Januari 2022 - 2023, Juni 2024", "tahun saja ('2023')", "on its own ('2023')"),
    # a connector with nothing on one side
    ("Juni dan", "'dan' di akhir teks", "'dan' at the end of the text"),
    ("dan Juni", "'dan' di awal teks", "'dan' at the start of the text"),
    ("Juni &", "'&' di akhir", "'&' at the end"),
    ("& Juni 2022", "'&' di awal", "'&' at the start"),
    ("Juni 2022 serta", "'serta' di akhir", "'serta' at the end"),
    (", Juni 2022", "',' di awal", "',' at the start"),
    ("; Juni 2022", "';' di awal", "';' at the start"),
    ("Juni 2022,", "',' di akhir", "',' at the end"),
    ("Juni;", "';' di akhir", "';' at the end"),
    ("Juni s.d.", "'s.d' di akhir", "'s.d' at the end"),
    ("Juni sampai", "'sampai' di akhir", "'sampai' at the end"),
    ("Juni -", "'-' di akhir", "'-' at the end"),
    ("Juni 2022 \u2013", "'\u2013' di akhir", "'\u2013' at the end"),
    ("Juni, mulai", "'mulai' di akhir", "'mulai' at the end"),
    ("Juni 2022\nDesember 2022 dan", "'dan' di akhir", "'dan' at the end"),
    ("- dan Juni 2022", "'dan' di awal", "'dan' at the start"),
    # two connectors in a row: an item may be missing
    ("Juni,,Desember 2022", "',,' berurutan", "',,' follow each other"),
    ("Juni, , Desember 2022", "', ,' berurutan", "', ,' follow each other"),
    ("Juni,, 2022", "',,' berurutan", "',,' follow each other"),
    ("Juni dan dan Juli", "'dan dan' berurutan", "'dan dan' follow each other"),
    ("Juni dan, Juli", "'dan,' berurutan", "'dan,' follow each other"),
    ("Juni,\n, Desember 2022", "berurutan", "follow each other"),
    # a week or day without its month, then the month as an item of its own
    (
        "Minggu ke-1, April 2022",
        "'Minggu ke-1' tidak menyebut bulannya",
        "'Minggu ke-1' names no month of its own, and 'April 2022'",
    ),
    ("Minggu ke-1 dan April 2022", "misalnya 'Minggu ke-1 April 2022'", "'Minggu ke-1 April"),
    ("Minggu ke-2, Juni", "'Juni' sesudahnya", "e.g. 'Minggu ke-2 Juni'"),
    ("Minggu ke-1 s.d. Maret 2022", "tidak menyebut bulannya", "names no month"),
    # a spaced dash before a year: the month's year, or a range to that year?
    ("Juni - 2022", "Tulis 'Juni 2022' untuk bulan itu", "Write 'Juni 2022' for the month"),
    ("Juni -2022", "'Juni 2022'", "'Juni 2022'"),
    ("Jan - 23", "'Jan 2023'", "'Jan 2023'"),
    # still refused as before
    ("2022 Juni", "tidak dapat dibaca", "cannot be read"),
    ("Juni 2022 2023", "tidak dapat dibaca", "cannot be read"),
    ("2022 2023", "tidak dapat dibaca", "cannot be read"),
]


@pytest.mark.parametrize(
    ("text", "id_fragment", "en_fragment"), LIST_REFUSED, ids=[r[0] for r in LIST_REFUSED]
)
def test_list_guesses_are_refused(text: str, id_fragment: str, en_fragment: str) -> None:
    assert_refused(text, id_fragment, en_fragment)


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("Juni - 2022", "Juni 2022"),
        ("Jan - 23", "Jan 2023"),
        ("Juni - 2022, Desember 2022", "Juni 2022, Desember 2022"),
    ],
)
def test_spaced_dash_year_suggests_the_month(text: str, suggestion: str) -> None:
    error = read(text, 2022).error
    assert error is not None and error.suggestion == suggestion


@FAST
@given(
    st.lists(month_word(), min_size=1, max_size=4, unique_by=lambda s: s[1]),
    st.sampled_from([", ", " dan ", " & ", "; ", "\n"]),
    years,
    years,
)
def test_a_lone_year_never_adds_a_period(
    items: list[tuple[str, int]], separator: str, year: int, lone: int
) -> None:
    listed = separator.join(word for word, _ in items)
    target = read(f"{listed} {year}{separator}{lone}", 2022)
    assert target.error is not None and "a year on its own" in target.error.message_en
    joined = read(f"{listed}, {year}", 2022)
    assert joined.error is None, joined.error.message_en
    assert list(joined.periods) == [
        Period(*month_span(year, m)) for m in sorted(m for _, m in items)
    ]


@pytest.mark.parametrize("value", [12, 3, 8.0, 100000, "12345", 36525, 73416])
def test_plain_numbers_that_are_no_plausible_date_are_refused(value: object) -> None:
    target = read(value, 2022)
    assert target.periods == ()
    assert target.error is not None
    assert "36526" in target.error.message("id") and "36526" in target.error.message("en")


# ------------------------------------------------- month and year written in numbers

MONTH_NUMBERS: list[tuple[str, list[tuple[str, str | None]]]] = [
    # month first (1-12), then a four-digit year, joined by / - or .
    ("04/2023", [month(2023, 4)]),
    ("4/2023", [month(2023, 4)]),
    ("04-2023", [month(2023, 4)]),
    ("4-2023", [month(2023, 4)]),
    ("04.2023", [month(2023, 4)]),
    ("4.2023", [month(2023, 4)]),
    ("12/2023", [month(2023, 12)]),
    ("1/2024", [month(2024, 1)]),
    # a four-digit year first is never a month, so it is read too
    ("2023/04", [month(2023, 4)]),
    ("2023/4", [month(2023, 4)]),
    ("2023.04", [month(2023, 4)]),
    ("2023-4", [month(2023, 4)]),
    ("2023-04", [month(2023, 4)]),
    ("2012/12", [month(2012, 12)]),  # 2012/13 would be two years: no collision here
    # like any month: ranges, lists, open ends
    ("04/2023 - 06/2023", [("2023-04-01", "2023-06-30")]),
    ("04/2023-06/2023", [("2023-04-01", "2023-06-30")]),
    ("04/2023 s.d. 06/2023", [("2023-04-01", "2023-06-30")]),
    ("04/2023, 06/2023", months(2023, 4, 6)),
    ("04/2023 dan 2023/06", months(2023, 4, 6)),
    ("mulai 04/2023", [("2023-04-01", None)]),
    ("Akhir 04/2023", [day("2023-04-30")]),
    # the day-first dates and year ranges stay as they were
    ("15/3/2023", [day("2023-03-15")]),
    ("1-15 Maret 2023", [("2023-03-01", "2023-03-15")]),
    ("2022-2024", [("2022-01-01", "2024-12-31")]),
]


@pytest.mark.parametrize(("text", "expected"), MONTH_NUMBERS, ids=[r[0] for r in MONTH_NUMBERS])
def test_month_and_year_in_numbers(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert_reads(text, expected)


MONTH_NUMBERS_REFUSED: list[tuple[str, str, str]] = [
    # (text, a fragment of the Indonesian message, a fragment of the English message)
    ("13/2023", "bulan 13 tidak ada (hanya 1 sampai 12)", "there is no month 13 (only 1 to 12)"),
    ("00/2023", "bulan 00 tidak ada", "there is no month 00"),
    ("13.2023", "'13.2023' tidak dapat dibaca sebagai bulan", "'13.2023' cannot be read as a"),
    ("2023/13", "bulan 13 tidak ada", "there is no month 13"),
    ("2023/24", "bulan 24 tidak ada", "there is no month 24"),
    ("2023-13", "bulan 13 tidak ada", "there is no month 13"),
    ("04/2023, 13/2023", "'13/2023'", "'13/2023'"),
    # year first with the next year's two digits: a month, or two years?
    ("2011/12", "Tulis 'Desember 2011' untuk bulan itu", "'2011-2012' for both years"),
    ("2011-12", "tahun 2011 sampai 2012", "the years 2011 to 2012"),
    ("2010.11", "'November 2010'", "'2010-2011'"),
    # years outside 1900-2100, two-digit years and full dates year first stay refused
    ("04/2150", "di luar rentang", "outside 1900"),
    ("04/23", "'/'", "'/'"),
    ("2023/04/15", "'/'", "'/'"),
    ("2023-3-15", "'15'", "'15'"),
    ("4-2023-5", "'5'", "'5'"),
    ("TW 1/2023", "'TW'", "'TW'"),
    ("Semester 1-2023", "'Semester'", "'Semester'"),
    ("Juni 4.2023", "tidak dapat dibaca", "cannot be read"),
]


@pytest.mark.parametrize(
    ("text", "id_fragment", "en_fragment"),
    MONTH_NUMBERS_REFUSED,
    ids=[r[0] for r in MONTH_NUMBERS_REFUSED],
)
def test_month_numbers_that_are_no_month_are_refused(
    text: str, id_fragment: str, en_fragment: str
) -> None:
    assert_refused(text, id_fragment, en_fragment)


@FAST
@given(
    st.integers(min_value=1, max_value=12), years, st.sampled_from(["/", "-", "."]), st.booleans()
)
def test_any_month_number_is_the_whole_month(m: int, year: int, sep: str, pad: bool) -> None:
    number = f"{m:02d}" if pad else str(m)
    expected = (Period(*month_span(year, m)),)
    assert read(f"{number}{sep}{year}", None).periods == expected
    year_first = read(f"{year}{sep}{number}", None)
    if m == (year + 1) % 100:  # 2011/12: December 2011, or 2011 to 2012?
        assert year_first.error is not None and f"{year + 1}" in year_first.error.message_en
    else:
        assert year_first.periods == expected


# ----------------------------------------------------- an apostrophe before the year

APOSTROPHE_YEARS: list[tuple[str, list[tuple[str, str | None]]]] = [
    # '23 after a month name is 2023, like Mei-23
    ("Mei '23", [month(2023, 5)]),
    ("Juni '22", [month(2022, 6)]),
    ("Mei'23", [month(2023, 5)]),
    ("Mei \u201923", [month(2023, 5)]),
    ("Mei \u201823", [month(2023, 5)]),
    ("15 Mei '23", [day("2023-05-15")]),
    ("Minggu ke-1 Mei '23", [("2023-05-01", "2023-05-07")]),
    ("Jan '23 - Mar '23", [("2023-01-01", "2023-03-31")]),
    ("Juni, Desember '23", months(2023, 6, 12)),
    ("Mei '2023", [month(2023, 5)]),
]


@pytest.mark.parametrize(
    ("text", "expected"), APOSTROPHE_YEARS, ids=[r[0] for r in APOSTROPHE_YEARS]
)
def test_apostrophe_year_after_a_month(text: str, expected: list[tuple[str, str | None]]) -> None:
    target = read(text, 2020)
    assert target.error is None, target.error.message_en
    assert spans(target) == expected


@pytest.mark.parametrize(
    ("text", "example"),
    [
        # not after a month name, or not touching the digits: refused, the example plain
        ("TW I '23", "TW I 2023"),
        ("Semester 2 '23", "Semester 2 2023"),
        ("Juni 22", "Juni 2022"),
        ("Mei ' 23", "Mei ' 2023"),
    ],
)
def test_apostrophe_year_elsewhere_is_refused(text: str, example: str) -> None:
    error = read(text, 2022).error
    assert error is not None
    assert f"misalnya '{example}'" in error.message_id
    assert f"e.g. '{example}'" in error.message_en


@pytest.mark.parametrize("text", ["'23", "Mei '23 2024", "Mei '2"])
def test_apostrophe_year_is_no_day(text: str) -> None:
    assert read(text, 2022).error is not None


# ------------------------------------------------------- cells that hold no date

CELL_VALUES: list[tuple[object, str, str, str]] = [
    # (value, Target.text, Indonesian fragment, English fragment)
    (time(10, 0), "10:00:00", "sel berisi jam, bukan tanggal", "holds a time of day, not a date"),
    (True, "TRUE", "sel berisi nilai benar/salah (TRUE/FALSE)", "the cell holds TRUE/FALSE"),
    (False, "FALSE", "benar/salah (TRUE/FALSE), bukan tanggal", "holds TRUE/FALSE, not a date"),
    (timedelta(hours=3), "3:00:00", "sel berisi lama waktu (durasi)", "holds a duration"),
    (b"Juni", "b'Juni'", "(jenis nilai: bytes)", "(value type: bytes)"),
]


@pytest.mark.parametrize(("value", "text", "id_fragment", "en_fragment"), CELL_VALUES)
def test_cells_holding_no_date_say_what_they_hold(
    value: object, text: str, id_fragment: str, en_fragment: str
) -> None:
    target = read(value, 2022)
    assert target.periods == () and target.error is not None
    assert target.text == text
    assert id_fragment in target.error.message_id
    assert en_fragment in target.error.message_en
    for english in ("time", "bool", "value"):  # no English word inside the Indonesian
        assert f" {english} " not in target.error.message_id


# ------------------------------------------- reviewer's guesses: weeks, years, repeats

LIST_READ: list[tuple[str, list[tuple[str, str | None]]]] = [
    # after a week, a bare number in the same list is a week too, like Triwulan I dan III
    ("Minggu ke-1 dan 3 April", [("2022-04-01", "2022-04-07"), ("2022-04-15", "2022-04-21")]),
    ("Minggu ke-1, 3 April", [("2022-04-01", "2022-04-07"), ("2022-04-15", "2022-04-21")]),
    ("Minggu ke 1 & 3 Mei", [("2022-05-01", "2022-05-07"), ("2022-05-15", "2022-05-21")]),
    ("Minggu ke-2 dan 4 Juni 2022", [("2022-06-08", "2022-06-14"), ("2022-06-22", "2022-06-28")]),
    (
        "Minggu ke-1, 3 dan 4 April",
        [("2022-04-01", "2022-04-07"), ("2022-04-15", "2022-04-21"), ("2022-04-22", "2022-04-28")],
    ),
    ("Minggu ke-1 s.d. 3 April", [("2022-04-01", "2022-04-21")]),
    # a month in between ends the week kind; days without a week stay days
    (
        "Minggu ke-1 April, Juni, 3 Juli",
        [("2022-04-01", "2022-04-07"), month(2022, 6), day("2022-07-03")],
    ),
    ("5 dan 20 Maret 2023", [day("2023-03-05"), day("2023-03-20")]),
    # one year named in the list: every item without a year takes it, before or after
    ("Maret 2023, Juni, September", months(2023, 3, 6, 9)),
    ("Juni 2021, Desember", months(2021, 6, 12)),
    ("Maret, Juni 2023, September", months(2023, 3, 6, 9)),
    ("Setiap bulan, Desember 2023", months(2023, *range(1, 13))),
    (
        "Januari-Juni 2022 dan Juli-Desember 2023",
        [("2022-01-01", "2022-06-30"), ("2023-07-01", "2023-12-31")],
    ),
    (
        "Minggu ke-1 dan ke-3 April 2022, Juni 2023",
        [("2022-04-01", "2022-04-07"), ("2022-04-15", "2022-04-21"), month(2023, 6)],
    ),
    # the same period written twice is one period
    ("Setiap bulan, Desember", months(2022, *range(1, 13))),
    ("Juni, Juni", months(2022, 6)),
    ("TW I dan TW I", [("2022-01-01", "2022-03-31")]),
    ("Juni dan Juni 2022", months(2022, 6)),
    ("Juni 2022, 06/2022", months(2022, 6)),
    # quick wins
    ("Perbulan", months(2022, *range(1, 13))),
    ("Perbulan (Januari-Juni)", months(2022, *range(1, 7))),
    ("Pertriwulan", QUARTERS_2022),
    ("T.A. 2023", [("2023-01-01", "2023-12-31")]),
    ("T.A 2023", [("2023-01-01", "2023-12-31")]),
    ("Maksimal 30 Juni 2022", [day("2022-06-30")]),
    ("Maksimal Juni 2022", [month(2022, 6)]),
    ("2022-03-15 00:00:00", [day("2022-03-15")]),
    ("2022-03-15 13:30", [day("2022-03-15")]),
    ("2022-03-15T00:00:00", [day("2022-03-15")]),
]


@pytest.mark.parametrize(("text", "expected"), LIST_READ, ids=[r[0] for r in LIST_READ])
def test_lists_read_as_written(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert_reads(text, expected)


LIST_GUESSES_REFUSED: list[tuple[str, str, str, str | None]] = [
    # (text, Indonesian fragment, English fragment, suggestion)
    # different years named, and an item without one: which year is it?
    (
        "Juni 2021, Agustus, Desember 2022",
        "tahun yang berbeda (2021, 2022), tetapi 'Agustus' tidak bertahun",
        "different years (2021, 2022), but 'Agustus' has no year",
        None,
    ),
    ("Oktober 2023 s.d. Maret 2024, Juni", "'Juni' tidak bertahun", "'Juni' has no year", None),
    (
        "Setiap bulan, Juni 2022, Juli 2023",
        "'Setiap bulan' tidak bertahun",
        "'Setiap bulan' has",
        None,
    ),
    # overlapping periods
    (
        "s.d. Juni dan s.d. Desember",
        "2022-01-01 – 2022-06-30 dan 2022-01-01 – 2022-12-31 tumpang tindih",
        "2022-01-01 – 2022-06-30 and 2022-01-01 – 2022-12-31 overlap",
        None,
    ),
    ("Juni, s.d. Desember", "tumpang tindih", "overlap", None),
    ("Setiap bulan, TW IV", "tumpang tindih", "overlap", None),
    ("mulai Mei 2022, Juni 2022", "2022-05-01 – (tanpa akhir) dan", "(no end) and", None),
    # a week list still refuses a week that does not exist
    ("Minggu ke-1 dan 6 April", "'6 April' tidak ada", "'6 April' does not exist", None),
    # every N months: the unit, if there is one
    (
        "Setiap 3 bulan",
        "Maksudnya 'Setiap triwulan'?",
        "Did you mean 'Setiap triwulan'?",
        "Setiap triwulan",
    ),
    ("Per 3 bulan", "'Per triwulan'", "'Per triwulan'", "Per triwulan"),
    ("Per 6 bulan", "'Per semester'", "'Per semester'", "Per semester"),
    ("Setiap 12 bulan", "'Setiap tahun'", "'Setiap tahun'", "Setiap tahun"),
    (
        "Per-3 bulan (Januari-Juni)",
        "'Per-triwulan (Januari-Juni)'",
        "'Per-triwulan",
        "Per-triwulan (Januari-Juni)",
    ),
    (
        "Setiap 2 bulan",
        "'Setiap 2 bulan' tidak didukung",
        "'Setiap 2 bulan' is not supported",
        None,
    ),
    ("2022-03-15 25:00:00", "tidak dapat dibaca", "cannot be read", None),
]


@pytest.mark.parametrize(
    ("text", "id_fragment", "en_fragment", "suggestion"),
    LIST_GUESSES_REFUSED,
    ids=[r[0] for r in LIST_GUESSES_REFUSED],
)
def test_list_guesses_of_the_review_are_refused(
    text: str, id_fragment: str, en_fragment: str, suggestion: str | None
) -> None:
    error = assert_refused(text, id_fragment, en_fragment)
    assert error.suggestion == suggestion


def test_lines_of_dates_and_words_come_back_in_start_order() -> None:
    # found by test_word_salad_never_raises: line 1 is August, line 2 reads as
    # "January to 23 August"; the periods are given in start order, as one line's are
    target = read("ags\nJan-23 ags", 1900)
    starts = [(p.start.month, p.start.day) for p in target.periods]
    assert starts == [(1, 1), (8, 1)]
    check_invariants(target)
