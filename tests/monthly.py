"""Two monthly versions of one office's plan, built by code (May and June 2022).

May (``OLD_AS_OF``) to June (``NEW_AS_OF``), the office:

* inserts a new action at the top of area I and another in area II (every row below moves);
* deletes "Rapat pembentukan tim kerja", overdue since April;
* postpones "Menyusun rencana kerja" from May to August, after May had passed;
* postpones "Evaluasi SOP" from September to October, before September;
* brings "Sosialisasi rencana kerja" forward from December to October;
* drops the only link of "Monitoring pelaksanaan", complete in May;
* fills in evidence and a link for "Menyusun peta proses bisnis" (now complete);
* fixes a typo in "Menyusun SOP layanann publik";
* adds a later period to "Mengunggah informasi publik" (same first month).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from builders import Link, make_plan

OLD_AS_OF = date(2022, 5, 31)
NEW_AS_OF = date(2022, 6, 30)

Action = tuple[str, str, str, str, str, str]  # component, indicator, action, evidence, link, target

AREA_I = ["I", "MANAJEMEN PERUBAHAN"]
AREA_II = ["II", "PENATAAN TATALAKSANA"]

TIM = ("Penyusunan Tim Kerja", "Tim kerja telah dibentuk")
RENCANA = ("Rencana Pembangunan ZI", "Dokumen rencana kerja telah disusun")
PANTAU = ("Pemantauan Rencana Aksi", "Monitoring dilakukan berkala")
BISNIS = ("Proses Bisnis", "Peta proses bisnis dan SOP")
INFO = ("Keterbukaan Informasi", "Informasi publik tersedia")

MAY: dict[str, list[Action]] = {
    "I": [
        (*TIM, "Menyusun SK Tim Kerja ZI", "SK Tim Kerja", "https://x.go.id/sk", "Januari 2022"),
        (*TIM, "Rapat pembentukan tim kerja", "", "", "April 2022"),
        (*RENCANA, "Menyusun rencana kerja pembangunan ZI", "", "", "Mei 2022"),
        (*RENCANA, "Sosialisasi rencana kerja kepada seluruh pegawai", "", "", "Desember 2022"),
        (
            *PANTAU,
            "Monitoring pelaksanaan rencana aksi",
            "Laporan monitoring",
            "https://x.go.id/mon",
            "Maret 2022",
        ),
    ],
    "II": [
        (*BISNIS, "Menyusun peta proses bisnis", "", "", "Juni 2022"),
        (*BISNIS, "Menyusun SOP layanann publik", "", "", "November 2022"),
        (*BISNIS, "Evaluasi SOP secara berkala", "", "", "September 2022"),
        (*INFO, "Mengunggah informasi publik di website", "", "", "Juli 2022"),
    ],
}

NEW_TOP = (*TIM, "Menetapkan agen perubahan", "", "", "Agustus 2022")
NEW_II = (*BISNIS, "Menerapkan e-office", "", "", "Desember 2022")


def june() -> dict[str, list[Action]]:
    i = list(MAY["I"])
    ii = list(MAY["II"])
    del i[1]  # the overdue meeting
    i[1] = (*RENCANA, "Menyusun rencana kerja pembangunan ZI", "", "", "Agustus 2022")
    i[2] = (*i[2][:5], "Oktober 2022")
    i[3] = (*i[3][:4], "", "Maret 2022")
    i.insert(0, NEW_TOP)
    ii[0] = (
        *BISNIS,
        "Menyusun peta proses bisnis",
        "Peta proses bisnis",
        "https://x.go.id/peta",
        "Juni 2022",
    )
    ii[1] = (*BISNIS, "Menyusun SOP layanan publik", "", "", "November 2022")
    ii[2] = (*ii[2][:5], "Oktober 2022")
    ii[3] = (*ii[3][:5], "Juli, Agustus 2022")
    ii.insert(1, NEW_II)
    return {"I": i, "II": ii}


def grid(version: dict[str, list[Action]]) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for area, head in (("I", AREA_I), ("II", AREA_II)):
        rows.append(list(head))
        for n, (comp, ind, act, ev, link, target) in enumerate(version[area], start=1):
            cell: Any = Link(link, link) if link else ""
            rows.append([str(n), comp, ind, act, ev, cell, target])
    return rows


def write(
    folder: Path, version: dict[str, list[Action]], name: str, engine: str = "openpyxl"
) -> Path:
    return make_plan(folder, grid(version), name=name, engine=engine)
