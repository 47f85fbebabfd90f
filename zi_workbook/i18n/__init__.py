"""Every label a person reads, in Bahasa Indonesia (default) and English."""

from __future__ import annotations

__all__ = ["LANGS", "LINK_KIND_LABELS", "STATUS_LABELS", "kind_label", "label"]

LANGS = ("id", "en")

STATUS_LABELS: dict[str, tuple[str, str]] = {
    "complete": ("Selesai", "Complete"),
    "overdue": ("Terlambat", "Overdue"),
    "due_soon": ("Segera jatuh tempo", "Due soon"),
    "needs_fix": ("Perlu perbaikan", "Needs fix"),
    "not_due": ("Belum jatuh tempo", "Not yet due"),
}

LINK_KIND_LABELS: dict[str, tuple[str, str]] = {
    "drive-file": ("Berkas Google Drive", "Google Drive file"),
    "drive-folder": ("Folder Google Drive", "Google Drive folder"),
    "google-docs": ("Google Docs/Sheets/Forms", "Google Docs/Sheets/Forms"),
    "shortener": ("Tautan pemendek", "URL shortener"),
    "government": ("Situs pemerintah (go.id)", "Government site (go.id)"),
    "web": ("Halaman web", "Web page"),
    "email": ("Surel", "E-mail"),
    "local-path": ("Alamat lokal", "Local path"),
    "office-network": ("Jaringan kantor", "Office network"),
    "other": ("Lainnya", "Other"),
}

_LABELS: dict[str, tuple[str, str]] = {
    "lke": ("Kode dan pertanyaan LKE", "LKE code and question"),
    "sheet_status": ("Status", "Status"),
    "sheet_findings": ("Temuan", "Findings"),
    "sheet_summary": ("Ringkasan", "Summary"),
    "sheet_per_area": ("Per Area", "By Area"),
    "sheet_overdue": ("Terlambat", "Overdue"),
    "sheet_needs_fix": ("Perlu Perbaikan", "Needs Fix"),
    "title_status": ("Status Rencana Aksi Zona Integritas", "Zona Integritas Action Plan Status"),
    "title_summary": (
        "Ringkasan Rencana Aksi Zona Integritas",
        "Zona Integritas Action Plan Summary",
    ),
    "as_of": ("Per tanggal", "As of"),
    "file": ("Berkas", "File"),
    "unit": ("Unit kerja", "Unit"),
    "plan_year": ("Tahun rencana", "Plan year"),
    "sha256": ("SHA-256", "SHA-256"),
    "legend": ("Keterangan warna", "Colour legend"),
    "source_sheet": ("Lembar", "Sheet"),
    "source_row": ("Baris", "Row"),
    "area": ("Area", "Area"),
    "area_name": ("Nama area", "Area name"),
    "no": ("No", "No"),
    "component": ("Komponen", "Component"),
    "indicator": ("Indikator", "Indicator"),
    "action": ("Langkah Aksi", "Action"),
    "evidence": ("Bukti Fisik", "Evidence"),
    "link": ("Tautan", "Link"),
    "link_kinds": ("Jenis Tautan", "Link kinds"),
    "link_text": ("Teks di kolom tautan", "Text in link cell"),
    "target": ("Target Waktu (tertulis)", "Target date (as written)"),
    "periods": ("Periode", "Periods"),
    "deadline": ("Batas Waktu", "Deadline"),
    "due": ("Jatuh Tempo", "Due"),
    "status": ("Status", "Status"),
    "findings": ("Temuan", "Findings"),
    "cell": ("Sel", "Cell"),
    "column": ("Kolom", "Column"),
    "code": ("Kode", "Code"),
    "severity": ("Tingkat", "Severity"),
    "message": ("Pesan", "Message"),
    "meaning": ("Arti", "Meaning"),
    "total": ("Jumlah", "Total"),
    "completion": ("Tingkat penyelesaian", "Completion rate"),
    "office": ("Kantor", "Office"),
    "days_late": ("Hari terlambat", "Days late"),
    "missing": ("Yang kurang", "What is missing"),
    "error": ("Alasan tidak terbaca", "Why it could not be read"),
    "no_area": ("(tanpa area)", "(no area)"),
    "whole_plan": ("Seluruh rencana", "Whole plan"),
    "none": ("Tidak ada temuan.", "No findings."),
    "hyperlink_cap": (
        "Tautan melebihi batas Excel (65.530 per lembar); sisanya ditulis sebagai teks.",
        "Links exceed Excel's limit (65,530 per sheet); the rest are written as text.",
    ),
    "error_sev": ("wajib diperbaiki", "error"),
    "error_count": ("wajib diperbaiki", "errors"),
    "warning_count": ("perlu diperhatikan", "warnings"),
    "info_count": ("info", "info notes"),
    "warning_sev": ("perlu diperhatikan", "warning"),
    "info_sev": ("info", "info"),
    "written": ("Ditulis", "Written"),
    "actions": ("langkah aksi", "actions"),
    "counts_by_area": ("Jumlah per area dan status", "Counts by area and status"),
    "more_periods": ("periode", "periods"),
    "open_end": ("tanpa batas akhir", "no end"),
    "until": ("s.d.", "to"),
    "chart_title": ("Status per area", "Status by area"),
    "plans_read": ("rencana dibaca", "plan(s) read"),
    "plans_failed": ("rencana gagal dibaca", "plan(s) could not be read"),
    "link_status": ("Hasil cek tautan", "Link check"),
    "signature": ("Tanda tangan", "Signature"),
}


def kind_label(kind: str, lang: str = "id") -> str:
    """A link kind (``drive-folder``) in words."""
    pair = LINK_KIND_LABELS.get(kind, LINK_KIND_LABELS["other"])
    return pair[1] if lang == "en" else pair[0]


def label(key: str, lang: str = "id") -> str:
    """The label ``key`` in ``lang`` (``id`` or ``en``)."""
    pair = _LABELS.get(key) or STATUS_LABELS[key]
    return pair[1] if lang == "en" else pair[0]
