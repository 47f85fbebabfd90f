"""Labels of the LKE sheet, report section and reference, in Bahasa Indonesia and English."""

from __future__ import annotations

__all__ = ["LKE_LABELS", "STATE_LABELS", "lke_label"]

STATE_LABELS: dict[str, tuple[str, str]] = {
    "none": ("Tanpa langkah aksi", "No action"),
    "planned": ("Direncanakan", "Planned"),
    "complete": ("Ada bukti", "Evidenced"),
}

LKE_LABELS: dict[str, tuple[str, str]] = {
    "sheet": ("LKE", "LKE"),
    "title": (
        "LKE: cakupan rencana aksi dan batas atas nilai Pengungkit",
        "LKE: plan coverage and the ceiling of Pengungkit points",
    ),
    "note": (
        "Batas atas = nilai bila setiap pertanyaan yang langkah aksinya selesai diberi nilai "
        "penuh dan pertanyaan lain nol. Ini batas atas dari bukti, bukan perkiraan nilai: "
        "penilai memberi jawaban A–E; persentase Reform dan survei Hasil (40 poin) berasal "
        "dari luar rencana aksi.",
        "Ceiling = the points if every question whose action is complete scored full marks "
        "and every other question zero. It is a ceiling from the evidence, not a predicted "
        "score: evaluators grade answers A–E; Reform percentages and the Hasil surveys "
        "(40 points) come from outside the action plan.",
    ),
    "code": ("Kode", "Code"),
    "question": ("Sub-area / pertanyaan LKE", "LKE sub-area / question"),
    "weight": ("Bobot", "Weight"),
    "actions": ("Langkah aksi (baris: status)", "Actions (row: status)"),
    "state": ("Keadaan", "State"),
    "ceiling": ("Batas atas", "Ceiling"),
    "area": ("Area", "Area"),
    "plan_ceiling": ("Bila semua selesai", "If all complete"),
    "min_wbk": ("Minimum WBK", "WBK minimum"),
    "min_wbbm": ("Minimum WBBM", "WBBM minimum"),
    "verdict": ("Keterangan", "Verdict"),
    "reaches_wbbm": ("Capai min. WBBM", "Reaches WBBM min."),
    "reaches_wbk": ("Capai min. WBK", "Reaches WBK min."),
    "below_wbk": ("Di bawah min. WBK", "Below WBK min."),
    "area_name": ("Nama area", "Area name"),
    "pengungkit": ("Pengungkit (total)", "Pengungkit (total)"),
    "hasil": ("Hasil (survei, capaian kinerja)", "Hasil (surveys, performance)"),
    "outside": ("di luar rencana aksi", "outside the action plan"),
    "questions_planned": ("{planned}/{questions} pertanyaan ada langkah aksi, {complete} ada bukti",
                          "{planned}/{questions} questions with an action, {complete} evidenced"),
    "row": ("baris", "row"),
    "suggested": ("saran", "suggested"),
    "section": ("LKE: batas atas dari bukti", "LKE: the ceiling from the evidence"),
    "unplanned": ("Pertanyaan tanpa langkah aksi", "Questions with no action"),
    "cannot_reach": ("Area di bawah minimum WBK", "Areas below the WBK minimum"),
    "nothing": ("tidak ada", "none"),
    "evidence": ("Bukti yang biasa diminta penilai", "Evidence evaluators usually ask for"),
    "answer": ("Jenis jawaban", "Answer type"),
    "part": ("Bagian", "Part"),
    "pemenuhan": ("Pemenuhan", "Pemenuhan (fulfilment)"),
    "reform": ("Reform", "Reform"),
    "reference": ("Referensi LKE", "LKE reference"),
    "minimums": ("Minimum WBK / WBBM", "WBK / WBBM minimum"),
    "total": ("Total nilai", "Total score"),
    "source": ("Sumber", "Source"),
    "sub_area": ("Sub-area", "Sub-area"),
    "criteria": ("Kriteria penilaian", "Grading criteria"),
    "written": ("Referensi LKE ditulis", "LKE reference written"),
    # the summary workbook: Peringkat's last columns and the Batas Atas LKE sheet
    "sheet_lke": ("Batas Atas LKE", "LKE Ceiling"),
    "lke_title": ("Batas atas nilai Pengungkit LKE per kantor, dari bukti rencana aksi",
                  "Ceiling of LKE Pengungkit points per office, from the action plan's evidence"),
    "summary_legend": ("Merah: di bawah minimum WBK · kuning: capai minimum WBK · hijau: capai "
                       "minimum WBBM (minimum area = 60 % / 75 % bobotnya; Pengungkit 40 / 48)",
                       "Red: under the WBK minimum · yellow: WBK minimum reached · green: WBBM "
                       "minimum reached (an area's minimum = 60 % / 75 % of its weight; "
                       "Pengungkit 40 / 48)"),
    "summary_ceiling": ("Batas atas LKE (maks. 60)", "LKE ceiling (max. 60)"),
    "summary_below": ("Area di bawah min. WBK", "Areas below WBK min."),
}  # fmt: skip


def lke_label(key: str, lang: str = "id") -> str:
    pair = LKE_LABELS.get(key) or STATE_LABELS[key]
    return pair[1] if lang == "en" else pair[0]
