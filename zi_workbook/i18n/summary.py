"""Labels of the summary workbook, the plan template and their commands (id and en).

Looked up with :func:`slabel`, which falls back to :func:`zi_workbook.i18n.label`
for the labels every workbook shares (statuses, ``file``, ``unit``, ...).
"""

from __future__ import annotations

from . import label

__all__ = ["slabel"]

_LABELS: dict[str, tuple[str, str]] = {
    # summary workbook
    "all_areas": ("Semua area", "All areas"),
    "all_offices": ("Semua kantor", "All offices"),
    "totals_heading": (
        "Semua kantor: jumlah per area dan status",
        "All offices: counts by area and status",
    ),
    "offices_heading": (
        "Per kantor: jumlah per status, keseluruhan dan per area",
        "By office: counts by status, overall and by area",
    ),
    "per_area_title": (
        "Jumlah per area perubahan: seluruh kantor dan tiap kantor",
        "Counts by change area: all offices and each office",
    ),
    "overdue_title": ("Langkah aksi terlambat", "Overdue actions"),
    "needs_fix_title": ("Langkah aksi yang perlu diperbaiki", "Actions that need fixing"),
    "findings_title": ("Temuan galat dan peringatan", "Error and warning findings"),
    "reason": ("Keterangan", "Note"),
    "not_read": ("TIDAK TERBACA", "NOT READ"),
    "failed_heading": ("Berkas yang tidak dapat dibaca", "Files that could not be read"),
    "missing_evidence": ("bukti fisik belum diisi", "no evidence named"),
    "missing_link": ("tautan bukti belum ada", "no link to the evidence"),
    "missing_target": ("target waktu kosong", "no target date"),
    "unreadable_target": ("target waktu tidak terbaca", "the target date cannot be read"),
    "no_overdue": ("Tidak ada langkah aksi terlambat.", "No action is overdue."),
    "no_needs_fix": ("Tidak ada langkah aksi yang perlu diperbaiki.", "No action needs fixing."),
    "title_col": ("Judul", "Title"),
    "files": ("berkas", "files"),
    "red_below_half": (
        "Merah: tingkat penyelesaian di bawah 50%.",
        "Red: completion rate below 50%.",
    ),
    "no_plans": (
        "tidak ada rencana aksi untuk diringkas (.xlsx, .xlsm, .xls, .ods, .csv).",
        "no plan to summarise (.xlsx, .xlsm, .xls, .ods, .csv).",
    ),
    "progress": ("Membaca rencana aksi", "Reading plans"),
    "not_due_short": ("Belum jatuh tempo", "Not yet due"),
    "links_opened": ("Tautan terbuka", "Links opened"),
    "links_not_opened": ("tidak terbuka", "not opened"),
    "link_not_checked": ("tidak diperiksa", "not checked"),
    "no_safe_links": ("Tidak ada tautan", "No links"),
    # template
    "tpl_unit": ("[NAMA UNIT KERJA]", "[NAMA UNIT KERJA]"),
    "sheet_guide": ("Petunjuk", "Guide"),
    "guide_title": (
        "Petunjuk pengisian Rencana Aksi Zona Integritas",
        "How to fill in the Zona Integritas action plan (Rencana Aksi)",
    ),
    "guide_how": ("Cara mengisi", "How to fill it in"),
    "guide_target": ("Cara menulis TARGET WAKTU", "How to write TARGET WAKTU (target date)"),
    "guide_target_ok": ("Bentuk yang diterima", "Accepted forms"),
    "guide_target_no": ("Yang ditolak (tidak ditebak)", "Refused (never guessed)"),
    "guide_links": ("Cara mengisi LINK BUKTI FISIK", "How to fill in LINK BUKTI FISIK"),
    "guide_status": ("Arti status saat diperiksa", "What the statuses mean when checked"),
    "form": ("Bentuk", "Form"),
    "example": ("Contoh", "Example"),
    "means": ("Artinya", "Meaning"),
    "why": ("Alasan", "Why"),
    "periods_word": ("periode", "periods"),
    "first_period": ("periode pertama", "first period"),
    "input_target_title": ("TARGET WAKTU", "TARGET WAKTU"),
    "input_link_title": ("LINK BUKTI FISIK", "LINK BUKTI FISIK"),
    "input_evidence_title": ("BUKTI FISIK", "BUKTI FISIK"),
    "template_written": ("Templat ditulis", "Template written"),
}


def slabel(key: str, lang: str = "id") -> str:
    """The label ``key`` in ``lang``; shared labels come from ``_i18n.label``."""
    pair = _LABELS.get(key)
    if pair is None:
        return label(key, lang)
    return pair[1] if lang == "en" else pair[0]
