"""Labels of the Inspectorate's summary: files, versions, ranking, signature (id, en).

Looked up with :func:`ilabel`, which falls back to :func:`zi_workbook.i18n.summary.slabel`
(and so to the shared labels). Dates are written by
:func:`zi_workbook.i18n.dates.long_date`.
"""

from __future__ import annotations

from .summary import slabel

__all__ = ["FILE_STATUS_LABELS", "ilabel"]

#: What happened to each file (the JSON ``status`` codes), as the Berkas sheet says it.
FILE_STATUS_LABELS: dict[str, tuple[str, str]] = {
    "read": ("terbaca", "read"),
    "read-with-warning": ("terbaca, dengan catatan", "read, with a note"),
    "other-version": ("versi lain", "other version"),
    "empty": ("belum diisi", "not filled in"),
    "skipped": ("dilewati", "skipped"),
    "failed": ("tidak terbaca", "could not be read"),
}

_LABELS: dict[str, tuple[str, str]] = {
    **FILE_STATUS_LABELS,
    # why a file is skipped or flagged
    "skip_lock": (
        "berkas kunci Office (berkas sedang dibuka)",
        "Office lock file (the file is open)",
    ),
    "skip_hidden": ("berkas tersembunyi", "hidden file"),
    "skip_system": ("berkas sistem", "system file"),
    "skip_pdf": (
        "PDF, bukan rencana aksi Excel: minta versi Excel",
        "a PDF: ask for the Excel file",
    ),
    "skip_word": ("dokumen Word: minta versi Excel", "a Word document: ask for the Excel file"),
    "skip_image": ("gambar: minta versi Excel", "a picture: ask for the Excel file"),
    "skip_other": ("bukan lembar kerja", "not a spreadsheet"),
    "unit_not_found": (
        "nama unit kerja tidak ditemukan di judul; ditampilkan nama berkas",
        "no unit name found in the title; the file name is shown",
    ),
    "newer_is": ("versi yang dihitung: {file}", "the version counted: {file}"),
    "no_actions": ("tidak ada langkah aksi (templat kosong)", "no actions (a blank template)"),
    # sheets
    "sheet_ranking": ("Peringkat", "Ranking"),
    "sheet_files": ("Berkas", "Files"),
    "ranking_title": (
        "Peringkat penyelesaian rencana aksi Zona Integritas per unit kerja",
        "Zona Integritas action plans: offices ranked by completion",
    ),
    "files_title": (
        "Berkas yang diterima dan hasil pembacaannya",
        "Files received and how each was read",
    ),
    "grid_title": (
        "Selesai dari yang sudah jatuh tempo, per kantor dan area",
        "Complete of the actions due, by office and area",
    ),
    "findings_grouped_title": (
        "Temuan per kantor dan kode (daftar lengkap: --all-findings dan JSON)",
        "Findings by office and code (full list: --all-findings and the JSON)",
    ),
    "sheet_all_findings": ("Semua Temuan", "All Findings"),
    # the page per office (Laporan Monev of each office)
    "page_more": (
        "... dan {n} langkah aksi terlambat lainnya (lihat lembar Terlambat).",
        "... and {n} more overdue actions (see the Overdue sheet).",
    ),
    "page_no_previous": (
        "Kantor ini tidak ditemukan di berkas --previous (bulan lalu).",
        "This office was not found among the --previous (last month's) files.",
    ),
    # columns
    "rank": ("No", "No"),
    "actions": ("Langkah aksi", "Actions"),
    "due_n": ("Sudah jatuh tempo", "Due"),
    "due_complete": ("Selesai dari yang jatuh tempo", "Complete of due"),
    "all_complete": ("Selesai dari seluruh rencana", "Complete of all"),
    "postponed": ("Tenggat diundur", "Deadlines postponed"),
    "removed_overdue": ("Aksi terlambat dihapus", "Overdue actions removed"),
    "rate_change": ("Perubahan sejak {date}", "Change since {date}"),
    "previous_rate": ("Sebelumnya", "Last time"),
    "now_complete": ("selesai baru", "newly complete"),
    "since": ("Sejak {date}", "Since {date}"),
    "versions": ("Versi lain", "Other versions"),
    "file_status": ("Hasil", "Result"),
    "count": ("Jumlah", "Count"),
    "cells": ("Sel", "Cells"),
    "pic": ("PIC", "PIC"),
    "no_area_col": ("Tanpa area", "No area"),
    "all_areas_col": ("Semua area", "All areas"),
    # sentences
    "subtitle": (
        "Keadaan per {date} · {offices} kantor · {files} berkas: {parts}",
        "As of {date} · {offices} offices · {files} files: {parts}",
    ),
    "rate_rule": (
        "Tingkat = langkah aksi selesai dibagi langkah aksi yang periode pertamanya sudah "
        "berakhir. Merah: di bawah 50%; kuning: di bawah 80%; hijau: 80% ke atas. "
        "Belum diisi: tidak dihitung.",
        "Rate = complete actions divided by the actions whose first period has ended. "
        "Red: under 50%; yellow: under 80%; green: 80% and over. Not filled in: not counted.",
    ),
    "cell_note": (
        "{done} selesai dari {due} yang jatuh tempo; {total} langkah aksi",
        "{done} complete of {due} due; {total} actions",
    ),
    "sign_known": ("Mengetahui,", "Acknowledged,"),
    "sign_role": ("Inspektur", "Inspector"),
    "sign_place_date": ("...................., {date}", "...................., {date}"),
    "sign_name": (
        "(....................................)",
        "(....................................)",
    ),
    "sign_nip": ("NIP. ................................", "NIP. ................................"),
    "cut_note": ("teks lengkap di catatan sel", "full text in the cell note"),
}


def ilabel(key: str, lang: str = "id", **values: object) -> str:
    """The label ``key`` in ``lang`` with ``values`` filled in."""
    pair = _LABELS.get(key)
    text = slabel(key, lang) if pair is None else pair[1] if lang == "en" else pair[0]
    return text.format(**values) if values else text
