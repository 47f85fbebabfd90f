"""Words of the monthly report (Tindak Lanjut, Per PIC, Laporan Monev); dates are
written by :func:`zi_workbook.i18n.dates.long_date`."""

from __future__ import annotations

from . import label

__all__ = ["days_left", "mlabel", "percent"]

_LABELS: dict[str, tuple[str, str]] = {
    "sheet_todo": ("Tindak Lanjut", "Follow-up"),
    "sheet_pic": ("Per PIC", "By PIC"),
    "sheet_monev": ("Laporan Monev", "Monitoring Report"),
    "todo_title": ("Tindak lanjut: apa yang dikerjakan dulu", "Follow-up: what to do first"),
    "pic_title": ("Per penanggung jawab (PIC)", "By person in charge (PIC)"),
    "group_overdue": ("Terlambat", "Overdue"),
    "group_due_soon": ("Jatuh tempo dalam {n} hari", "Due within {n} days"),
    "group_fix": ("Perbaiki penulisan", "Fix the writing"),
    "group_other": ("Lainnya", "Other"),
    "not_yet": ("belum waktunya", "not yet due"),
    "todo_none": ("Tidak ada yang perlu ditindaklanjuti.", "Nothing to follow up."),
    "problems": ("Yang perlu dilakukan", "What to do"),
    "pic": ("PIC", "PIC"),
    "no_pic": ("(tanpa PIC)", "(no PIC)"),
    "rate_due": ("Selesai dari yang sudah jatuh tempo", "Complete of those due"),
    "rate_all": ("Selesai dari seluruh rencana", "Complete of the whole plan"),
    "rate_none": ("- (belum ada yang jatuh tempo)", "- (nothing due yet)"),
    "of": ("dari", "of"),
    "periods_passed": ("{passed} dari {total} periode lewat", "{passed} of {total} periods passed"),
    "late_days": ("Terlambat {n} hari", "{n} day(s) late"),
    "due_on": ("jatuh tempo {day} ({left})", "due {day} ({left})"),
    "today": ("hari ini", "today"),
    "in_days": ("{n} hari lagi", "in {n} day(s)"),
    "missing_evidence": ("bukti fisik belum diisi", "no evidence named"),
    "missing_link": ("tautan bukti belum ada", "no link to the evidence"),
    "placeholder_link": ("tautan '{text}' belum diganti", "link '{text}' not replaced yet"),
    "whole_plan": ("Seluruh rencana", "Whole plan"),
    "monev_title": (
        "LAPORAN MONITORING DAN EVALUASI RENCANA AKSI ZONA INTEGRITAS",
        "ZONA INTEGRITAS ACTION PLAN MONITORING REPORT",
    ),
    "monev_state": ("Keadaan per {day}", "As of {day}"),
    "monev_areas": ("Capaian per area perubahan", "Progress by change area"),
    "monev_overdue": ("Langkah aksi terlambat", "Overdue actions"),
    "monev_more": (
        "... dan {n} langkah aksi terlambat lainnya (lihat lembar Tindak Lanjut).",
        "... and {n} more overdue actions (see the Follow-up sheet).",
    ),
    "monev_changes": ("Perubahan sejak bulan lalu", "Changes since last month"),
    "monev_no_changes": (
        "(Jalankan dengan --previous berkas bulan lalu untuk melihat perubahan.)",
        "(Run with --previous last month's file to see the changes.)",
    ),
    "monev_known": ("Mengetahui,", "Acknowledged by,"),
    "monev_head": ("Ketua Tim Zona Integritas", "Head of the Zona Integritas Team"),
    "monev_place": ("................, {day}", "................, {day}"),
    "monev_name": ("(nama lengkap)", "(full name)"),
    "monev_nip": ("NIP. ............................", "NIP. ............................"),
    "monev_prepared": ("Disusun oleh,", "Prepared by,"),
    "monev_coordinator": ("Koordinator Monev", "Monitoring Coordinator"),
    "days_late": ("Hari terlambat", "Days late"),
    "no_overdue": ("Tidak ada langkah aksi terlambat.", "No action is overdue."),
    "headline_todo": (
        "Tindak lanjut: {overdue} terlambat, {soon} jatuh tempo dalam {n} hari, "
        "{fix} perbaiki penulisan, {other} lainnya · {not_yet} belum waktunya",
        "Follow-up: {overdue} overdue, {soon} due within {n} days, {fix} to fix, "
        "{other} other · {not_yet} not yet due",
    ),
    "per_area_text": ("Per area", "By area"),
    # the Temuan sheet and its legend, Kode Temuan
    "sheet_codes": ("Kode Temuan", "Finding Codes"),
    "findings_title": (
        "Temuan yang belum tercantum di lembar lain",
        "Findings not listed elsewhere",
    ),
    "findings_all_title": ("Semua temuan, satu per baris", "Every finding, one per row"),
    "findings_note": (
        "Temuan yang sudah tercantum di Tindak Lanjut, Status atau LKE tidak diulang di sini; "
        "lembar {codes} menyebut arti dan letak setiap kode. Semua temuan: validate "
        "--all-findings atau --format json.",
        "Findings already listed on Follow-up, Status or LKE are not repeated here; the "
        "{codes} sheet gives each code's meaning and where it is listed. Every finding: "
        "validate --all-findings or --format json.",
    ),
    "findings_all_note": (
        "Setiap temuan, juga yang sudah tercantum di Tindak Lanjut, Status atau LKE; lembar "
        "{codes} menyebut arti dan letak setiap kode.",
        "Every finding, also those already listed on Follow-up, Status or LKE; the {codes} "
        "sheet gives each code's meaning and where it is listed.",
    ),
    "codes_title": ("Arti kode temuan", "What the finding codes mean"),
    "title_col": ("Judul", "Title"),
    "count": ("Jumlah", "Count"),
    "listed_on": ("Tercantum di", "Listed on"),
}


def mlabel(key: str, lang: str = "id", **params: object) -> str:
    """The monthly label ``key`` in ``lang`` (falls back to the shared labels)."""
    pair = _LABELS.get(key)
    if pair is None:
        return label(key, lang)
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**params) if params else text


def days_left(n: int, lang: str = "id") -> str:
    """``hari ini`` for 0, else ``3 hari lagi`` (``today``, ``in 3 day(s)``)."""
    return mlabel("today", lang) if n == 0 else mlabel("in_days", lang, n=n)


def percent(value: float | None, lang: str = "id") -> str:
    """``69 %`` (``69%`` in English); ``-`` when there is nothing to count."""
    if value is None:
        return "-"
    return f"{round(value * 100)}%" if lang == "en" else f"{round(value * 100)} %"
