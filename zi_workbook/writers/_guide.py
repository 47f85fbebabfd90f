"""The ``Petunjuk`` (``Guide``) sheet of the plan template.

The accepted TARGET WAKTU examples are shown with what the parser makes of them,
so the guide cannot promise a form the checker refuses (tests hold the refused
examples to a refusal too).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..i18n.summary import slabel
from ..model import Period
from ..targets.words import MONTH_NAMES_EN, MONTH_NAMES_ID
from ._fit import Grid

__all__ = ["ACCEPTED", "REFUSED", "accepted_examples", "refused_examples", "write_guide"]

#: (form in id, form in en, example); ``{y}`` is the plan year.
ACCEPTED: tuple[tuple[str, str, str], ...] = (
    ("Bulan", "Month", "April {y}"),
    (
        "Minggu ke-N dalam bulan (ke-1 = tanggal 1-7, ke-5 = tanggal 29 s.d. akhir bulan)",
        "Week N of a month (week 1 = days 1-7, week 5 = day 29 to the month's end)",
        "Minggu ke-1 April {y}",
    ),
    ("Triwulan I-IV", "Quarter I-IV (Triwulan)", "Triwulan II {y}"),
    ("Semester I-II", "Half year I-II (Semester)", "Semester I {y}"),
    ("Rentang bulan", "A range of months", "Januari-Desember {y}"),
    (
        "Beberapa bulan (satu periode per bulan)",
        "Several months (one period each)",
        "Juni, Desember {y}",
    ),
    (
        "Setiap bulan dalam tahun rencana",
        "Every month of the plan year",
        "Per-bulan (Januari-Desember)",
    ),
    ("Tanggal", "A day", "31 Maret {y}"),
)
#: (example, why in id, why in en): each is refused by the checker.
REFUSED: tuple[tuple[str, str, str], ...] = (
    ("menyusul", "bukan tanggal (janji, bukan target)", "not a date (a promise, no target)"),
    ("sesuai kebutuhan", "bukan tanggal", "not a date ('as needed')"),
    (
        "awal Juni {y}",
        "'awal' tidak menunjuk tanggal yang pasti; tulis 'Minggu ke-1 Juni {y}'",
        "'awal' (early) names no definite day; write 'Minggu ke-1 Juni {y}'",
    ),
    ("Juni {yy}", "tahun harus empat angka", "the year must have four digits"),
    (
        "Setiap minggu",
        "target mingguan tidak didukung; tulis minggunya satu per satu",
        "weekly targets are not supported; write the weeks one by one",
    ),
    ("Triwulan V {y}", "hanya ada Triwulan I sampai IV", "there are only quarters I to IV"),
    ("31 Juni {y}", "tanggal itu tidak ada di kalender", "that day does not exist"),
)

_TEXT: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "intro": (
        (
            "Templat ini mengikuti Lampiran II: NO, KOMPONEN, INDIKATOR, LANGKAH AKSI, "
            "BUKTI FISIK, LINK BUKTI FISIK dan TARGET WAKTU. zi-workbook membaca isinya apa "
            "adanya dan tidak menebak; ikuti petunjuk ini agar setiap langkah aksi terbaca dan "
            "dapat dipantau.",
        ),
        (
            "This template follows Lampiran II of the decree: NO, KOMPONEN (component), INDIKATOR "
            "(indicator), LANGKAH AKSI (action), BUKTI FISIK (evidence), LINK BUKTI FISIK (link) "
            "and TARGET WAKTU (target date). The headers stay in Bahasa Indonesia: they are the "
            "official form. zi-workbook reads what is written and never guesses.",
        ),
    ),
    "how": (
        (
            "Tulis nama unit kerja pada baris 2 dan tahun rencana pada baris 3 (mis. TAHUN 2026).",
            "Di bawah setiap area (I-VI) sudah tertulis komponennya menurut Lampiran I. Tulis "
            "INDIKATOR, LANGKAH AKSI, BUKTI FISIK, LINK BUKTI FISIK dan TARGET WAKTU pada baris "
            "komponen atau pada baris kosong di bawahnya: satu langkah aksi per baris.",
            "Pada baris di bawah komponen biarkan NO dan KOMPONEN kosong: komponen di atasnya "
            "berlaku sampai komponen berikutnya.",
            "Perlu baris lagi? Sisipkan baris di dalam tabel (klik kanan nomor baris, Sisipkan), "
            "di atas blok tanda tangan.",
            "Jangan mengubah judul kolom, baris nomor kolom 1-7 dan baris area. Baris "
            "'Ketua/Kepala ...' pada blok tanda tangan menandai akhir tabel.",
            "Jika teks terpotong, klik dua kali batas bawah nomor baris agar tingginya "
            "menyesuaikan.",
        ),
        (
            "Write the unit's name on row 2 and the plan year on row 3 (e.g. TAHUN 2026).",
            "Each area (I-VI) already lists its components as in Lampiran I. Write INDIKATOR, "
            "LANGKAH AKSI, BUKTI FISIK, LINK BUKTI FISIK and TARGET WAKTU on the component's row "
            "or on the empty rows below it: one action per row.",
            "On the rows below a component leave NO and KOMPONEN empty: the component above "
            "applies until the next one.",
            "Need more rows? Insert rows inside the table (right-click the row number, Insert), "
            "above the signature block.",
            "Do not change the column headers, the column-number row 1-7 or the area rows. The "
            "'Ketua/Kepala ...' line of the signature block marks the end of the table.",
            "If text is cut off, double-click the lower edge of the row number to fit its height.",
        ),
    ),
    "target_note": (
        (
            "Tulis tahun dengan empat angka. Bila ada beberapa periode, keterlambatan dihitung "
            "dari akhir periode pertama. Kolom TARGET WAKTU berformat Teks agar Excel tidak "
            "mengubah 'April {y}' menjadi tanggal.",
        ),
        (
            "Write the year with four digits. When there are several periods, lateness counts "
            "from the end of the first one. The TARGET WAKTU column is formatted as Text so Excel "
            "does not turn 'April {y}' into a date.",
        ),
    ),
    "links": (
        (
            "Satu tautan per baris di dalam sel (Alt+Enter untuk baris baru). Hanya tautan http, "
            "https dan mailto yang dihitung sebagai tautan.",
            "Google Drive/Docs: Bagikan, Akses umum: 'Siapa saja yang memiliki link' (Pelihat). "
            "Tautan yang meminta masuk (login) tidak dapat dibuka penilai.",
            "Jangan menulis alamat di komputer atau jaringan kantor: C:\\..., D:\\..., "
            "\\\\server\\..., file:///... Unggah dokumennya lalu tempel tautan https-nya.",
            "Jangan menulis 'menyusul', 'belum ada' atau '-': kosongkan sel sampai tautannya ada.",
            "Tautan pemendek (bit.ly, s.id) boleh, tetapi pastikan tujuannya terbuka untuk umum.",
        ),
        (
            "One link per line inside the cell (Alt+Enter for a new line). Only http, https and "
            "mailto links count as links.",
            "Google Drive/Docs: Share, General access: 'Anyone with the link' (Viewer). A link "
            "that asks to sign in cannot be opened by the evaluators.",
            "Do not write paths on a computer or office network: C:\\..., D:\\..., "
            "\\\\server\\..., file:///... Upload the document and paste its https link.",
            "Do not write 'menyusul' (to follow), 'belum ada' (not yet) or '-': leave the cell "
            "empty until the link exists.",
            "Shortened links (bit.ly, s.id) are allowed, but make sure the target is public.",
        ),
    ),
    "status": (
        (
            "Selesai: BUKTI FISIK terisi dan ada tautan yang dapat dibuka.",
            "Terlambat: akhir periode pertama TARGET WAKTU sudah lewat, tetapi bukti fisik atau "
            "tautannya belum ada.",
            "Perlu perbaikan: TARGET WAKTU kosong atau tidak terbaca, dan langkah aksi belum "
            "selesai.",
            "Belum jatuh tempo: batas waktunya belum tiba.",
        ),
        (
            "Complete: BUKTI FISIK is filled in and there is a link that opens.",
            "Overdue: the first period of TARGET WAKTU has ended but the evidence or its link is "
            "missing.",
            "Needs fix: TARGET WAKTU is empty or cannot be read, and the action is not complete.",
            "Not yet due: the deadline has not come yet.",
        ),
    ),
}


def _year(year: int | None) -> int:
    return year or 2022


def accepted_examples(year: int | None) -> list[str]:
    """The accepted TARGET WAKTU examples as the guide writes them."""
    return [example.replace("{y}", str(_year(year))) for _, _, example in ACCEPTED]


def refused_examples(year: int | None) -> list[str]:
    """The refused TARGET WAKTU examples as the guide writes them."""
    y = _year(year)
    return [ex.replace("{yy}", f"{y % 100:02d}").replace("{y}", str(y)) for ex, _, _ in REFUSED]


def _day(day: date, lang: str) -> str:
    months = MONTH_NAMES_EN if lang == "en" else MONTH_NAMES_ID
    return f"{day.day} {months[day.month - 1]} {day.year}"


def _period(period: Period, lang: str) -> str:
    if period.end is None:
        return f"{'from' if lang == 'en' else 'mulai'} {_day(period.start, lang)}"
    if period.end == period.start:
        return _day(period.start, lang)
    return f"{_day(period.start, lang)} {slabel('until', lang)} {_day(period.end, lang)}"


def meaning(example: str, year: int, lang: str) -> str:
    """What the checker reads in ``example``: its periods, in words."""
    from ..targets import parse_target

    periods = parse_target(example, year).periods
    if len(periods) == 1:
        return _period(periods[0], lang)
    shown = "; ".join(_period(p, lang) for p in periods[:2])
    more = "; ..." if len(periods) > 2 else ""
    return f"{len(periods)} {slabel('periods_word', lang)}: {shown}{more}"


class _Fmt:
    def __init__(self, wb: Any) -> None:
        base = {"font_name": "Arial", "font_size": 10, "valign": "top", "text_wrap": True}
        self.title = wb.add_format({**base, "bold": True, "font_size": 13, "text_wrap": False})
        self.section = wb.add_format(
            {**base, "bold": True, "font_size": 11, "font_color": "#1F3864", "text_wrap": False}
        )
        self.text = wb.add_format(base)
        self.head = wb.add_format({**base, "bold": True, "border": 1, "bg_color": "#D9E1F2"})
        self.cell = wb.add_format({**base, "border": 1})
        self.code = wb.add_format({**base, "border": 1, "font_name": "Courier New"})


def write_guide(wb: Any, name: str, year: int | None, lang: str) -> None:
    """Add the guide sheet ``name`` to ``wb``."""
    ws = wb.add_worksheet(name)
    grid = Grid(ws, (34, 32, 56))
    fmt = _Fmt(wb)
    en = 1 if lang == "en" else 0
    y = _year(year)
    ws.write_string(0, 0, slabel("guide_title", lang), fmt.title)
    row = _paras(grid, fmt, 1, _TEXT["intro"][en], numbered=False)
    row = _section(grid, fmt, row + 1, "guide_how", lang)
    row = _paras(grid, fmt, row, _TEXT["how"][en])
    row = _section(grid, fmt, row + 1, "guide_target", lang)
    row = _paras(
        grid, fmt, row, [t.replace("{y}", str(y)) for t in _TEXT["target_note"][en]], numbered=False
    )
    ws.write_string(row, 0, slabel("guide_target_ok", lang), fmt.section)
    row += 1
    for col, key in enumerate(("form", "example", "means")):
        grid.text(row, col, slabel(key, lang), fmt.head, bold=True)
    for (form_id, form_en, _), example in zip(ACCEPTED, accepted_examples(year), strict=True):
        row += 1
        grid.text(row, 0, form_en if en else form_id, fmt.cell)
        grid.text(row, 1, example, fmt.code)
        grid.text(row, 2, meaning(example, y, lang), fmt.cell)
    row += 2
    ws.write_string(row, 0, slabel("guide_target_no", lang), fmt.section)
    row += 1
    for col, key in enumerate(("example", "why")):
        grid.text(row, col, slabel(key, lang), fmt.head, bold=True, span=1 + col)
    for (_, why_id, why_en), example in zip(REFUSED, refused_examples(year), strict=True):
        row += 1
        grid.text(row, 0, example, fmt.code)
        grid.text(row, 1, (why_en if en else why_id).replace("{y}", str(y)), fmt.cell, span=2)
    row = _section(grid, fmt, row + 2, "guide_links", lang)
    row = _paras(grid, fmt, row, _TEXT["links"][en])
    row = _section(grid, fmt, row + 1, "guide_status", lang)
    _paras(grid, fmt, row, _TEXT["status"][en], numbered=False)
    grid.fit()
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.5, right=0.5, top=0.5, bottom=0.5)


def _section(grid: Grid, fmt: _Fmt, row: int, key: str, lang: str) -> int:
    grid.ws.write_string(row, 0, slabel(key, lang), fmt.section)
    return row + 1


def _paras(
    grid: Grid, fmt: _Fmt, row: int, texts: tuple[str, ...] | list[str], numbered: bool = True
) -> int:
    for n, text in enumerate(texts, start=1):
        grid.text(row, 0, f"{n}. {text}" if numbered else text, fmt.text, span=3, scale=0.9)
        row += 1
    return row
