"""The header names offices give the plan's columns, and the words of the area titles."""

from __future__ import annotations

__all__ = ["ALIASES", "AREA_VOCABULARY", "KNOWN_EXTRA", "LINK_COMPANIONS", "LINK_WORDS", "OFFICIAL"]

ALIASES: dict[str, set[str]] = {
    "no": {"NO", "NOMOR", "NOMER", "NO URUT", "NOMOR URUT"},
    "component": {"KOMPONEN", "KOMPONEN PENGUNGKIT", "SUB KOMPONEN", "KOMPONEN INDIKATOR"},
    "area": {"AREA", "AREA PERUBAHAN", "AREA PENGUNGKIT"},
    "lke": {"KODE LKE", "KODE", "NO LKE", "LKE", "NOMOR LKE", "KODE PERTANYAAN LKE"},
    "indicator": {"INDIKATOR", "INDIKATOR PENGUNGKIT", "SUB INDIKATOR", "INDIKATOR KINERJA"},
    "action": {
        "LANGKAH AKSI",
        "RENCANA AKSI",
        "KEGIATAN",
        "RENCANA KEGIATAN",
        "LANGKAH LANGKAH AKSI",
        "AKSI",
        "URAIAN KEGIATAN",
        "URAIAN",
        "URAIAN RENCANA AKSI",
    },
    "evidence": {
        "BUKTI FISIK",
        "BUKTI DUKUNG",
        "OUTPUT",
        "BUKTI",
        "DATA DUKUNG",
        "BUKTI DUKUNG NAMA DOKUMEN",
        "BUKTI FISIK NAMA DOKUMEN",
        "OUTPUT BUKTI FISIK",
        "BUKTI DUKUNG DOKUMEN",
        "BUKTI FISIK DOKUMEN",
        "DATA DUKUNG NAMA DOKUMEN",
        "OUTPUT BUKTI DUKUNG",
        "OUTPUT DATA DUKUNG",
        "DOKUMEN PENDUKUNG",
        "DATA PENDUKUNG",
        "DOKUMEN BUKTI DUKUNG",
    },
    "target": {
        "TARGET WAKTU",
        "WAKTU",
        "JADWAL",
        "TARGET PENYELESAIAN",
        "BATAS WAKTU",
        "WAKTU PELAKSANAAN",
        "JADWAL PELAKSANAAN",
        "TENGGAT WAKTU",
        "TENGGAT",
        "TARGET",
        "TARGET DAN WAKTU",
        "TARGET WAKTU PELAKSANAAN",
        "WAKTU PENYELESAIAN",
        "JADWAL WAKTU",
        "BULAN",
        "BULAN PELAKSANAAN",
    },
}


LINK_WORDS = {"LINK", "TAUTAN", "URL", "HYPERLINK"}


LINK_COMPANIONS = {"BUKTI", "FISIK", "DUKUNG", "DATA", "DOKUMEN", "OUTPUT", "KE", "NAMA"}


#: Lampiran II's own names: when two headers mean the same field, these win.
OFFICIAL = {
    "no": "NO",
    "component": "KOMPONEN",
    "indicator": "INDIKATOR",
    "action": "LANGKAH AKSI",
    "evidence": "BUKTI FISIK",
    "link": "LINK BUKTI FISIK",
    "target": "TARGET WAKTU",
    "area": "AREA",
    "lke": "KODE LKE",
}


#: Extra columns offices add beside the seven; kept as ``extra`` without doubt.
KNOWN_EXTRA = {
    "PIC",
    "PJ",
    "PENANGGUNG JAWAB",
    "KETERANGAN",
    "KET",
    "CATATAN",
    "STATUS",
    "REALISASI",
    "ANGGARAN",
    "BIAYA",
    "UNIT",
    "UNIT KERJA",
    "BAGIAN",
    "SATKER",
    "KOORDINATOR",
    "PELAKSANA",
    "CAPAIAN",
    "PROGRES",
    "PROGRESS",
    "HASIL",
    "SASARAN",
    "TIM",
    "KELOMPOK KERJA",
    "POKJA",
    "VOLUME",
    "SATUAN",
    "TANGGAL",
    "KENDALA",
    "TINDAK LANJUT",
    "NILAI",
    "SKOR",
    "BOBOT",
    "PENJELASAN",
    "UNIT PELAKSANA",
    "PIC PENANGGUNG JAWAB",
    "TAHAPAN",
    "KODE",
    "OUTPUT",
}


AREA_VOCABULARY = frozenset(
    {
        "MANAJEMEN",
        "PERUBAHAN",
        "PENATAAN",
        "TATALAKSANA",
        "TATA",
        "LAKSANA",
        "SISTEM",
        "SDM",
        "SUMBER",
        "DAYA",
        "MANUSIA",
        "PENGUATAN",
        "AKUNTABILITAS",
        "KINERJA",
        "PENGAWASAN",
        "PENINGKATAN",
        "KUALITAS",
        "PELAYANAN",
        "PUBLIK",
        "ZONA",
        "INTEGRITAS",
        "WBK",
        "WBBM",
        "PEMBANGUNAN",
    }
)
