"""Offline link handling: classify, split_link_cell, is_placeholder (no network)."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zi_workbook.links import (
    KINDS,
    PLACEHOLDER_WORDS,
    SAFETIES,
    LinkInfo,
    classify,
    is_placeholder,
    split_link_cell,
)

DRIVE_ID = "1AbCdEfGhIjKlMnOpQrStUvWxYz012345"

# ----------------------------------------------------------------------------- classify

CLASSIFY_CASES: list[tuple[str, str, str]] = [
    # Google Drive files
    (f"https://drive.google.com/file/d/{DRIVE_ID}/view?usp=sharing", "safe", "drive-file"),
    (f"https://drive.google.com/file/d/{DRIVE_ID}/view?usp=drive_link", "safe", "drive-file"),
    (f"https://drive.google.com/open?id={DRIVE_ID}", "safe", "drive-file"),
    (f"https://drive.google.com/uc?id={DRIVE_ID}&export=download", "safe", "drive-file"),
    (f"https://docs.google.com/file/d/{DRIVE_ID}/edit", "safe", "drive-file"),
    (f"HTTPS://Drive.Google.com/file/d/{DRIVE_ID}/view", "safe", "drive-file"),
    # Google Drive folders
    ("https://drive.google.com/drive/folders/1xYzAbCdEfGh?usp=sharing", "safe", "drive-folder"),
    ("https://drive.google.com/drive/u/0/folders/1xYzAbCdEfGh", "safe", "drive-folder"),
    ("https://drive.google.com/drive/u/1/folders/1xYzAbCdEfGh", "safe", "drive-folder"),
    ("https://drive.google.com/folderview?id=1xYzAbCdEfGh", "safe", "drive-folder"),
    ("https://drive.google.com/drive/my-drive", "safe", "drive-folder"),
    # Docs, Sheets, Slides, Forms
    (f"https://docs.google.com/document/d/{DRIVE_ID}/edit?usp=sharing", "safe", "google-docs"),
    (f"https://docs.google.com/spreadsheets/d/{DRIVE_ID}/edit#gid=0", "safe", "google-docs"),
    (f"https://docs.google.com/presentation/d/{DRIVE_ID}/edit", "safe", "google-docs"),
    ("https://docs.google.com/forms/d/e/1FAIpQLSf-abc/viewform", "safe", "google-docs"),
    ("https://forms.gle/Xy12AbCdEf", "safe", "google-docs"),
    # shorteners
    ("https://bit.ly/SKTimKerjaZonaIntegritasKPUKabBatang", "safe", "shortener"),
    ("http://bit.ly/3xYz", "safe", "shortener"),
    ("https://s.id/ZI-KPU-Batang", "safe", "shortener"),
    ("https://tinyurl.com/zi2022bukti", "safe", "shortener"),
    ("https://cutt.ly/zi2022", "safe", "shortener"),
    ("https://shorturl.at/abcDE", "safe", "shortener"),
    ("https://rb.gy/ab12cd", "safe", "shortener"),
    ("https://www.bit.ly/abc", "safe", "shortener"),
    # government
    ("https://kab-batang.kpu.go.id/page/read/53/zona-integritas", "safe", "government"),
    ("https://batangkabppid.kpu.go.id", "safe", "government"),
    ("https://jdih.kpu.go.id", "safe", "government"),
    ("http://jdih.kpu.go.id/detailperaturan/123", "safe", "government"),
    ("https://www.menpan.go.id/site/reformasi-birokrasi", "safe", "government"),
    ("https://ppid.kpu.go.id./informasi", "safe", "government"),
    ("https://sukamaju.desa.id/profil", "safe", "government"),
    ("kab-batang.kpu.go.id", "safe", "government"),  # a bare domain gets https://
    # other web pages
    ("https://www.youtube.com/watch?v=abc123", "safe", "web"),
    ("https://www.instagram.com/kpu_batang/p/Cabc/", "safe", "web"),
    ("https://example.com/bukti.pdf", "safe", "web"),
    ("https://drive.google.com.example.com/file/d/x", "safe", "web"),  # not Google's
    ("https://evilgo.id/x", "safe", "web"),  # not under go.id
    ("http://127.0.0.1:8000/bukti", "safe", "office-network"),
    ("http://192.168.1.10/zi/bukti.pdf", "safe", "office-network"),
    ("http://[::1]:8080/x", "safe", "office-network"),
    # e-mail
    ("mailto:ppid@kpu.go.id", "safe", "email"),
    ("mailto:ppid@kpu.go.id?subject=Bukti%20ZI", "safe", "email"),
    ("ppid@kpu.go.id", "safe", "email"),
    ("mailto:", "malformed", "email"),
    ("mailto:bukan alamat", "malformed", "other"),
    # local paths
    ("C:\\Users\\staf\\Documents\\SK.pdf", "local-path", "local-path"),
    ("c:/ZI/bukti.pdf", "local-path", "local-path"),
    ("D:bukti.pdf", "local-path", "local-path"),
    ("\\\\server\\share\\zi\\bukti.pdf", "local-path", "local-path"),
    ("file:///D:/ZI/bukti.pdf", "local-path", "local-path"),
    ("FILE://server/share/bukti.pdf", "local-path", "local-path"),
    ("Bukti%20ZI/SK.pdf", "local-path", "local-path"),  # Excel's relative hyperlink
    ("../Bukti/SK.pdf", "local-path", "local-path"),
    ("http://server-kantor/zi/bukti.pdf", "local-path", "local-path"),  # no dot: intranet
    ("http://localhost:8000/x", "local-path", "local-path"),
    # unsafe schemes
    ("javascript:alert(1)", "unsafe", "other"),
    ("JavaScript:alert(document.cookie)", "unsafe", "other"),
    ("data:text/html,<script>alert(1)</script>", "unsafe", "other"),
    ("vbscript:msgbox(1)", "unsafe", "other"),
    ("ms-msdt:/id PCWDiagnostic", "unsafe", "other"),
    ("search-ms:query=bukti", "unsafe", "other"),
    ("tel:+62285391234", "unsafe", "other"),
    ("ftp://ftp.kpu.go.id/bukti.pdf", "unsafe", "other"),
    # malformed
    ("https://bit.ly/abc def", "malformed", "other"),
    ("https://", "malformed", "other"),
    ("http:///path", "malformed", "other"),
    ("https:/kpu.go.id", "malformed", "other"),
    ("https//drive.google.com/file/d/x", "malformed", "other"),
    ("http://kpu.go.id:99999/x", "malformed", "other"),
    ("http://[::1", "malformed", "other"),
    ("https://kpu.go.id\\@example.com/", "malformed", "other"),
    ("https://bit.ly/abc\u200b", "malformed", "other"),
    ("https://bit.ly/abc\u00a0def", "malformed", "other"),
    ("https://example.com/\u202egpj.exe", "malformed", "other"),
    ("", "malformed", "other"),
]


@pytest.mark.parametrize(
    ("url", "safety", "kind"), CLASSIFY_CASES, ids=[c[0] or "empty" for c in CLASSIFY_CASES]
)
def test_classify(url: str, safety: str, kind: str) -> None:
    info = classify(url)
    assert (info.safety, info.kind) == (safety, kind)
    assert info.is_safe is (safety == "safe")


@pytest.mark.parametrize(
    ("given_url", "normalised"),
    [
        ("ppid@kpu.go.id", "mailto:ppid@kpu.go.id"),
        ("kab-batang.kpu.go.id", "https://kab-batang.kpu.go.id"),
        ("www.kpu.go.id/page", "https://www.kpu.go.id/page"),
        ("  https://bit.ly/x  ", "https://bit.ly/x"),
        ("https://bit.ly/x", "https://bit.ly/x"),
    ],
)
def test_classify_normalises_bare_addresses(given_url: str, normalised: str) -> None:
    assert classify(given_url).url == normalised


def test_every_declared_kind_and_safety_is_used() -> None:
    assert {c[1] for c in CLASSIFY_CASES} == set(SAFETIES)
    assert {c[2] for c in CLASSIFY_CASES} == set(KINDS)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80) | st.from_regex(r"\Ahttps?://[a-z0-9.:/\[\]@%?#\\ -]{0,40}\Z"))
def test_classify_never_raises_and_stays_in_vocabulary(text: str) -> None:
    info = classify(text)
    assert isinstance(info, LinkInfo)
    assert info.safety in SAFETIES
    assert info.kind in KINDS
    if info.is_safe:
        assert not any(ch.isspace() for ch in info.url)
        assert info.url.lower().startswith(("http://", "https://", "mailto:"))


def test_classify_is_fast() -> None:
    classify.cache_clear()
    urls = [f"https://kab-batang.kpu.go.id/page/read/{i}/zona-integritas" for i in range(3000)]
    start = time.perf_counter()
    for url in urls:
        classify(url)
    assert time.perf_counter() - start < 1.0


# ---------------------------------------------------------------------- split_link_cell

SPLIT_CASES: list[tuple[str, list[str], str]] = [
    ("https://bit.ly/AbsensiKPUkabBatang", ["https://bit.ly/AbsensiKPUkabBatang"], ""),
    (
        "1. https://bit.ly/DokumentasiRencanaAksiKPUkabBatang "
        "2. https://bit.ly/UploadFacebookRencanaAksi 3. https://bit.ly/UploadInstagramRencanaAksi",
        [
            "https://bit.ly/DokumentasiRencanaAksiKPUkabBatang",
            "https://bit.ly/UploadFacebookRencanaAksi",
            "https://bit.ly/UploadInstagramRencanaAksi",
        ],
        "",
    ),
    ("1. https://a.go.id/1\n2. https://a.go.id/2", ["https://a.go.id/1", "https://a.go.id/2"], ""),
    ("1) https://a.go.id/1\n2) https://a.go.id/2", ["https://a.go.id/1", "https://a.go.id/2"], ""),
    ("a. https://a.go.id/1 b. https://a.go.id/2", ["https://a.go.id/1", "https://a.go.id/2"], ""),
    ("- https://a.go.id/1\n• https://a.go.id/2", ["https://a.go.id/1", "https://a.go.id/2"], ""),
    ("1.https://a.go.id/1\n•https://a.go.id/2", ["https://a.go.id/1", "https://a.go.id/2"], ""),
    ("https://a.go.id/1\r\nhttps://a.go.id/2", ["https://a.go.id/1", "https://a.go.id/2"], ""),
    ("https://a.go.id/1, https://a.go.id/2", ["https://a.go.id/1", "https://a.go.id/2"], ""),
    ("https://a.go.id/1,https://a.go.id/2", ["https://a.go.id/1", "https://a.go.id/2"], ""),
    ("https://a.go.id/1;https://a.go.id/2", ["https://a.go.id/1", "https://a.go.id/2"], ""),
    ("https://a.go.id/1 ; https://a.go.id/2.", ["https://a.go.id/1", "https://a.go.id/2"], ""),
    ("https://a.go.id/1 https://a.go.id/1", ["https://a.go.id/1"], ""),  # once
    ("https://a.go.id/x?ids=1,2,3", ["https://a.go.id/x?ids=1,2,3"], ""),
    ("kab-batang.kpu.go.id", ["https://kab-batang.kpu.go.id"], ""),
    ("www.kpu.go.id", ["https://www.kpu.go.id"], ""),
    ("s.id/ZI2022 dan bit.ly/abc", ["https://s.id/ZI2022", "https://bit.ly/abc"], "dan"),
    ("ppid@kpu.go.id", ["mailto:ppid@kpu.go.id"], ""),
    ("Lihat: https://a.go.id/x.", ["https://a.go.id/x"], "Lihat"),
    ("(https://a.go.id/x)", ["https://a.go.id/x"], ""),
    ("“https://a.go.id/x”", ["https://a.go.id/x"], ""),
    ("<https://a.go.id/x>", ["https://a.go.id/x"], ""),
    ("https://en.wikipedia.org/wiki/Zona_(x)", ["https://en.wikipedia.org/wiki/Zona_(x)"], ""),
    ("https://a.go.id/x\u200b", ["https://a.go.id/x"], ""),
    ("https://bit.ly/abc def", ["https://bit.ly/abc def"], ""),  # one malformed candidate
    # ... when the word ends its list item: line end, a comma, the next number
    (
        "1. https://bit.ly/abc def 2. https://a.go.id/2",
        ["https://bit.ly/abc def", "https://a.go.id/2"],
        "",
    ),
    (
        "https://bit.ly/abc def, https://a.go.id/2",
        ["https://bit.ly/abc def", "https://a.go.id/2"],
        "",
    ),
    (
        "https://a.go.id/2 https://bit.ly/abc def",
        ["https://a.go.id/2", "https://bit.ly/abc def"],
        "",
    ),
    ("https://bit.ly/abc def ghi", ["https://bit.ly/abc"], "def ghi"),
    ("https://a.go.id/1 , https://a.go.id/2", ["https://a.go.id/1", "https://a.go.id/2"], ""),
    (
        "https://drive.google.com/file/d/1/view Lihat",
        ["https://drive.google.com/file/d/1/view"],
        "Lihat",
    ),
    ("https://bit.ly/abc menyusul", ["https://bit.ly/abc"], "menyusul"),
    ("laporan.pdf", [], "laporan.pdf"),
    ("SK Tim Kerja.docx", [], "SK Tim Kerja.docx"),
    ("Dibuat oleh Budi, S.Kom, M.Si", [], "Dibuat oleh Budi S.Kom M.Si"),
    ("Lihat lampiran", [], "Lihat lampiran"),
    ("menyusul", [], "menyusul"),
    ("-", [], "-"),
    ("", [], ""),
    ("C:\\Users\\staf\\Documents\\SK.pdf", ["C:\\Users\\staf\\Documents\\SK.pdf"], ""),
    ("C:\\Bukti ZI\\SK Tim Kerja.pdf", ["C:\\Bukti ZI\\SK Tim Kerja.pdf"], ""),
    ("C:\\ZI\\SK.pdf dan catatan", ["C:\\ZI\\SK.pdf"], "dan catatan"),
    ("\\\\server\\share\\zi\\bukti.pdf", ["\\\\server\\share\\zi\\bukti.pdf"], ""),
    ("https://a.go.id/ok javascript:alert(1)", ["https://a.go.id/ok", "javascript:alert(1)"], ""),
    ("file:///D:/ZI/bukti.pdf", ["file:///D:/ZI/bukti.pdf"], ""),
]


@pytest.mark.parametrize(("text", "candidates", "words"), SPLIT_CASES)
def test_split_link_cell(text: str, candidates: list[str], words: str) -> None:
    assert split_link_cell(text) == (candidates, words)


@pytest.mark.parametrize(
    ("text", "hyperlink", "candidates"),
    [
        (
            "Lihat",
            "https://drive.google.com/drive/folders/abc",
            ["https://drive.google.com/drive/folders/abc"],
        ),
        ("Klik di sini", "https://a.go.id/x", ["https://a.go.id/x"]),
        ("https://wrong.example/old", "https://a.go.id/new", ["https://a.go.id/new"]),
        ("menyusul", "https://a.go.id/x", ["https://a.go.id/x"]),
        # the display text holds the target: its other links count too
        (
            "1. https://a.go.id/1\n2. https://a.go.id/2",
            "https://a.go.id/1",
            ["https://a.go.id/1", "https://a.go.id/2"],
        ),
        ("kab-batang.kpu.go.id", "http://kab-batang.kpu.go.id/", ["http://kab-batang.kpu.go.id/"]),
        ("kab-batang.kpu.go.id", "kab-batang.kpu.go.id", ["https://kab-batang.kpu.go.id"]),
        ("Lihat", "javascript:alert(1)", ["javascript:alert(1)"]),
        ("SK", "Bukti%20ZI/SK.pdf", ["Bukti%20ZI/SK.pdf"]),
    ],
)
def test_hyperlink_display_text_is_a_label(
    text: str, hyperlink: str, candidates: list[str]
) -> None:
    assert split_link_cell(text, hyperlink) == (candidates, "")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.none() | st.text(max_size=40))
def test_split_never_raises_and_keeps_order(text: str, hyperlink: str | None) -> None:
    candidates, words = split_link_cell(text, hyperlink)
    assert len(candidates) == len(set(candidates))
    for candidate in candidates[1:] if hyperlink else candidates:
        assert "\n" not in candidate
        assert "\r" not in candidate
    for candidate in candidates:
        classify(candidate)
    assert "\n" not in words


def test_split_of_a_huge_cell_is_fast() -> None:
    cell = "\n".join(f"{i}. https://bit.ly/bukti{i} menyusul, a-b-c S.Kom" for i in range(1500))
    start = time.perf_counter()
    candidates, _ = split_link_cell(cell + "a-" * 8000 + "a." * 8000)
    assert len(candidates) == 1500
    assert time.perf_counter() - start < 2.0


# ----------------------------------------------------------------------- placeholders


@pytest.mark.parametrize(
    "text",
    [
        "menyusul",
        "Menyusul",
        "MENYUSUL",
        "belum ada",
        "Belum Ada.",
        "-",
        "–",
        "—",
        "--",
        "...",
        "n/a",
        "N/A",
        "link",
        "terlampir",
        "Link menyusul",
        "link akan menyusul",
        "TBA",
        "on progress",
        "On Progress",
        "dalam proses",
        "sedang proses",
        "(menyusul)",
        "bukti belum diupload",
        "Dokumen menyusul",
        "tidak ada",
        "nihil",
        "_",
    ],
)
def test_placeholder_words(text: str) -> None:
    assert is_placeholder(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "SK Tim Kerja",
        "Lihat di drive kantor",
        "laporan.pdf",
        "https://bit.ly/x",
        "dokumen",
        "menyusul setelah rapat pleno tanggal 5",
    ],
)
def test_not_placeholders(text: str) -> None:
    assert not is_placeholder(text)


def test_every_declared_placeholder_word_is_a_placeholder() -> None:
    assert all(is_placeholder(word) for word in PLACEHOLDER_WORDS)


@pytest.mark.parametrize(
    ("url", "safety", "kind"),
    [
        ("http://10.0.0.5:8080/bukti", "safe", "office-network"),
        ("http://ppid.kpu-batang.local/", "safe", "office-network"),
        ("https://8.8.8.8/x", "safe", "web"),
        (
            "https://drive.google.com/file/d/1A/view?usp=sharinghttps://drive.google.com/file/d/1A",
            "malformed",
            "other",
        ),
        ("http:/kpu.go.id/a", "malformed", "other"),
        ("htps://kpu.go.id/a", "malformed", "other"),
        ("https://bit.ly/abc\u2026", "malformed", "other"),
        ("https://a.go.id/redirect?url=https://b.go.id/x", "safe", "government"),
    ],
)
def test_review_cases(url: str, safety: str, kind: str) -> None:
    info = classify(url)
    assert (info.safety, info.kind) == (safety, kind)


def test_office_network_links_are_a_local_path_finding() -> None:
    from datetime import date

    from planrows import plan, row

    from zi_workbook.checks import CheckOptions, run_checks

    found = run_checks(
        plan(row(3, links=("http://192.168.1.10/zi/bukti.pdf",))), CheckOptions(date(2022, 5, 31))
    )
    assert [f.code for f in found if f.code == "local-path-link"] == ["local-path-link"]
    assert "missing-link" not in {f.code for f in found}
