"""Every kind of finding, declared once: code, severity, title, description, message.

The README's table of codes is generated from this declaration
(``python -m zi_workbook.findings``) and a test holds the two together.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["FINDING_TYPES", "SEVERITIES", "Finding", "FindingType", "finding", "markdown_table"]

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing wrong (or worth knowing) about one place of the plan."""

    code: str
    severity: str
    sheet: str
    row: int
    column: str
    message_id: str
    message_en: str

    def message(self, lang: str = "id") -> str:
        return self.message_en if lang == "en" else self.message_id

    @property
    def cell(self) -> str:
        """``Sheet!F12`` (or ``Sheet!12`` when the finding is about a whole row)."""
        if not self.sheet:
            return ""
        return f"{self.sheet}!{self.column}{self.row}" if self.row else self.sheet

    @property
    def notable(self) -> bool:
        """Errors, warnings and dates to watch; other notes are for the findings list."""
        return self.severity != "info" or self.code in ("due-soon", "open-ended-target")

    def to_dict(self, lang: str = "id") -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "message": self.message(lang),
        }


@dataclass(frozen=True, slots=True)
class FindingType:
    """The declaration of one finding code, in Bahasa Indonesia and English."""

    code: str
    severity: str
    title_id: str
    title_en: str
    description_id: str
    description_en: str
    template_id: str
    template_en: str

    def title(self, lang: str = "id") -> str:
        return self.title_en if lang == "en" else self.title_id

    def description(self, lang: str = "id") -> str:
        return self.description_en if lang == "en" else self.description_id

    def make(self, sheet: str, row: int, column: str, **params: object) -> Finding:
        return Finding(
            self.code,
            self.severity,
            sheet,
            row,
            column,
            self.template_id.format(**params),
            self.template_en.format(**params),
        )


def _t(
    code: str,
    severity: str,
    title: tuple[str, str],
    description: tuple[str, str],
    template: tuple[str, str],
) -> FindingType:
    return FindingType(
        code, severity, title[0], title[1], description[0], description[1], template[0], template[1]
    )


_DECLARED = (
    _t(
        "missing-evidence",
        "error",
        ("Bukti fisik kosong", "Missing evidence"),
        (
            "Kolom BUKTI FISIK tidak diisi: tidak jelas dokumen apa yang membuktikan langkah aksi.",
            "The BUKTI FISIK (evidence) cell is empty: nothing says which document proves "
            "the action.",
        ),
        ("Bukti fisik belum diisi.", "No evidence is named."),
    ),
    _t(
        "missing-link",
        "error",
        ("Tautan bukti kosong", "Missing link"),
        (
            "Tidak ada tautan aman (http, https, mailto) ke bukti fisik yang bisa dibuka penilai.",
            "No safe link (http, https, mailto) to the evidence that an evaluator can open.",
        ),
        (
            "Belum ada tautan bukti yang dapat dibuka{detail_id}.",
            "No link to the evidence that can be opened{detail_en}.",
        ),
    ),
    _t(
        "unsafe-link",
        "error",
        ("Tautan tidak aman", "Unsafe link"),
        (
            "Tautan dengan skema selain http, https dan mailto (javascript:, data:, "
            "vbscript:, ...) "
            "tidak dijadikan tautan aktif.",
            "A link with a scheme other than http, https and mailto (javascript:, data:, "
            "vbscript:, ...) is never made clickable.",
        ),
        (
            "Tautan '{url}' memakai skema '{scheme}:' yang tidak aman; gunakan tautan https.",
            "Link '{url}' uses the unsafe scheme '{scheme}:'; use an https link.",
        ),
    ),
    _t(
        "malformed-link",
        "error",
        ("Tautan rusak", "Malformed link"),
        (
            "Tautan yang mengandung spasi atau tidak punya nama host tidak akan terbuka.",
            "A link with a space inside or without a host name will not open.",
        ),
        (
            "Tautan '{url}' rusak ({why_id}); periksa dan salin ulang tautannya.",
            "Link '{url}' is malformed ({why_en}); check it and copy it again.",
        ),
    ),
    _t(
        "placeholder-link",
        "warning",
        ("Tautan dijanjikan", "Placeholder instead of link"),
        (
            "Kolom tautan berisi kata yang menjanjikan tautan nanti (menyusul, belum ada, -).",
            "The link cell holds words promising a link later (menyusul, belum ada, -).",
        ),
        (
            "Kolom tautan hanya berisi '{text}', bukan tautan.",
            "The link cell only says '{text}', not a link.",
        ),
    ),
    _t(
        "local-path-link",
        "error",
        ("Tautan ke komputer lokal", "Link to a local path"),
        (
            "Alamat C:\\..., \\\\server\\... atau file: hanya ada di satu komputer atau jaringan "
            "kantor; penilai tidak dapat membukanya.",
            "A C:\\..., \\\\server\\... or file: path exists on one computer or office share only; "
            "no evaluator can open it.",
        ),
        (
            "'{url}' adalah alamat di komputer/jaringan kantor; unggah bukti dan beri "
            "tautan https.",
            "'{url}' is a path on a computer or office share; upload the evidence and give an "
            "https link.",
        ),
    ),
    _t(
        "shortened-link",
        "info",
        ("Tautan pemendek", "Shortened link"),
        (
            "Tautan pemendek (bit.ly, s.id, ...) tidak menunjukkan tujuannya sebelum dibuka.",
            "A shortened link (bit.ly, s.id, ...) does not show where it goes until opened.",
        ),
        (
            "'{url}' adalah tautan pemendek; pastikan tujuannya dapat dibuka publik.",
            "'{url}' is a shortened link; make sure its target is open to the public.",
        ),
    ),
    _t(
        "reused-link",
        "info",
        ("Tautan dipakai ulang", "Reused link"),
        (
            "Tautan yang sama dipakai untuk langkah aksi di bawah indikator berbeda.",
            "The same link is given for actions under different indicators.",
        ),
        (
            "Tautan '{url}' juga dipakai di baris {others}.",
            "Link '{url}' is also given on row(s) {others}.",
        ),
    ),
    _t(
        "formula-error",
        "error",
        ("Galat rumus", "Formula error"),
        (
            "Sel berisi rumus yang menghasilkan galat (#REF!, #N/A, ...), sehingga isinya "
            "terbaca kosong.",
            "The cell holds a formula that ends in an error (#REF!, #N/A, ...), so it reads "
            "as empty.",
        ),
        (
            "Sel berisi galat rumus {error}; perbaiki rumusnya atau ketik isinya langsung.",
            "The cell holds the formula error {error}; fix the formula or type the value.",
        ),
    ),
    _t(
        "missing-target",
        "error",
        ("Target waktu kosong", "Missing target date"),
        (
            "Kolom TARGET WAKTU tidak diisi, sehingga keterlambatan tidak dapat dipantau.",
            "The TARGET WAKTU cell is empty, so lateness cannot be tracked.",
        ),
        ("Target waktu belum diisi.", "No target date is given."),
    ),
    _t(
        "unparseable-target",
        "error",
        ("Target waktu tidak terbaca", "Unreadable target date"),
        (
            "TARGET WAKTU tidak dapat dibaca sebagai tanggal atau periode; tidak ada tebakan.",
            "TARGET WAKTU cannot be read as a date or a period; nothing is guessed.",
        ),
        ("{reason_id}", "{reason_en}"),
    ),
    _t(
        "overdue",
        "warning",
        ("Terlambat", "Overdue"),
        (
            "Batas waktu periode pertama sudah lewat, tetapi bukti fisik atau tautannya belum ada.",
            "The first period's deadline has passed but the evidence or its link is missing.",
        ),
        (
            "Terlambat {days} hari: periode pertama berakhir {deadline}.",
            "{days} day(s) late: the first period ended {deadline}.",
        ),
    ),
    _t(
        "due-soon",
        "info",
        ("Segera jatuh tempo", "Due soon"),
        (
            "Periode pertama berakhir dalam beberapa hari ke depan (--soon-days) dan baris "
            "belum lengkap.",
            "The first period ends within the next few days (--soon-days) and the row is not "
            "complete.",
        ),
        (
            "Periode pertama berakhir {deadline} ({days} hari lagi).",
            "The first period ends {deadline} (in {days} day(s)).",
        ),
    ),
    _t(
        "target-outside-plan-year",
        "warning",
        ("Target di luar tahun rencana", "Target outside the plan year"),
        (
            "Periode TARGET WAKTU jatuh di luar tahun rencana aksi.",
            "The TARGET WAKTU period falls outside the plan's year.",
        ),
        (
            "Target '{text}' berada di luar tahun rencana {year}.",
            "Target '{text}' lies outside the plan year {year}.",
        ),
    ),
    _t(
        "open-ended-target",
        "info",
        ("Target tanpa batas akhir", "Open-ended target"),
        (
            "Target hanya menyebut awal (mulai ...), sehingga tidak pernah terlambat.",
            "The target names only a start (mulai ...), so it is never overdue.",
        ),
        (
            "Target '{text}' tidak punya batas akhir; tambahkan bulan selesai.",
            "Target '{text}' has no end; add the month it finishes.",
        ),
    ),
    _t(
        "no-area",
        "warning",
        ("Tanpa area perubahan", "No change area"),
        (
            "Langkah aksi berada di atas baris area (I-VI) mana pun.",
            "The action stands above any area row (I-VI).",
        ),
        (
            "Langkah aksi ini tidak berada di bawah area perubahan I-VI.",
            "This action is not under any change area I-VI.",
        ),
    ),
    _t(
        "missing-area",
        "warning",
        ("Area tanpa langkah aksi", "Area without actions"),
        (
            "Salah satu dari enam area perubahan tidak punya langkah aksi.",
            "One of the six change areas has no action.",
        ),
        (
            "Area {area} ({name_id}) tidak punya langkah aksi.",
            "Area {area} ({name_en}) has no action.",
        ),
    ),
    _t(
        "duplicate-action",
        "warning",
        ("Langkah aksi ganda", "Duplicate action"),
        (
            "Indikator dan langkah aksi yang sama tertulis dua kali.",
            "The same indicator and action are written twice.",
        ),
        (
            "Indikator dan langkah aksi yang sama juga ada di baris {other}.",
            "The same indicator and action also appear on row {other}.",
        ),
    ),
    _t(
        "empty-plan",
        "warning",
        ("Rencana aksi kosong", "Empty plan"),
        (
            "Tabel rencana aksi ditemukan, tetapi belum ada langkah aksi yang diisi.",
            "The plan table was found but no action has been filled in yet.",
        ),
        ("Tabel rencana aksi belum berisi langkah aksi.", "The plan table holds no action yet."),
    ),
    _t(
        "broken-link",
        "error",
        ("Tautan tidak terbuka", "Broken link"),
        (
            "Dengan --check-links: tautan menjawab galat (4xx/5xx), tidak ditemukan, ditolak "
            "atau habis waktu.",
            "With --check-links: the link answered an error (4xx/5xx), was not found, was "
            "refused or timed out.",
        ),
        ("Tautan '{url}' tidak terbuka: {why_id}.", "Link '{url}' does not open: {why_en}."),
    ),
    _t(
        "link-not-public",
        "error",
        ("Tautan tidak publik", "Link not public"),
        (
            "Dengan --check-links: Google Drive/Docs meminta masuk atau izin akses, bukan "
            "menampilkan dokumen.",
            "With --check-links: Google Drive/Docs asks to sign in or request access instead of "
            "showing the document.",
        ),
        (
            "'{url}' meminta masuk/izin akses; bagikan ke 'Siapa saja yang memiliki link'.",
            "'{url}' asks for sign-in or access; share it with 'Anyone with the link'.",
        ),
    ),
    _t(
        "redirect-to-login",
        "warning",
        ("Dialihkan ke halaman masuk", "Redirects to a login"),
        (
            "Dengan --check-links: tautan dialihkan ke halaman masuk (login).",
            "With --check-links: the link redirects to a login page.",
        ),
        (
            "'{url}' dialihkan ke halaman masuk {final}.",
            "'{url}' redirects to a login page {final}.",
        ),
    ),
)

FINDING_TYPES: dict[str, FindingType] = {t.code: t for t in _DECLARED}


def finding(code: str, sheet: str, row: int, column: str, **params: object) -> Finding:
    """Make a finding of a declared code (KeyError for an undeclared one)."""
    return FINDING_TYPES[code].make(sheet, row, column, **params)


def markdown_table(lang: str = "en") -> str:
    """The README table of finding codes."""
    head = ("| code | severity | title | judul | description |", "|---|---|---|---|---|")
    body = (
        f"| `{t.code}` | {t.severity} | {t.title_en} | {t.title_id} | {t.description(lang)} |"
        for t in _DECLARED
    )
    return "\n".join((*head, *body))


if __name__ == "__main__":  # pragma: no cover
    print(markdown_table())
