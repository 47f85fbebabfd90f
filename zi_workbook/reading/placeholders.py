"""Evidence text that says the evidence is missing: a placeholder, not evidence."""

from __future__ import annotations

from functools import lru_cache

from .. import _regex
from ..links import is_placeholder

__all__ = ["is_evidence_placeholder"]

#: Words of a text that only says the evidence is not there yet.
_MISSING = frozenset(
    [
        "belum",
        "tidak",
        "ada",
        "menyusul",
        "nyusul",
        "upload",
        "diupload",
        "unggah",
        "diunggah",
        "di",
        "kosong",
        "nihil",
        "proses",
        "dalam",
        "sedang",
        "on",
        "progress",
        "n/a",
        "na",
        "tba",
        "tbd",
        "segera",
        "nanti",
        "dilengkapi",
        "dikumpulkan",
        "terkumpul",
        "lengkap",
    ]
)
_ABOUT = frozenset(
    [
        "bukti",
        "dukung",
        "fisik",
        "data",
        "dokumen",
        "file",
        "berkas",
        "link",
        "tautan",
        "foto",
        "masih",
    ]
)
_PROMISE = frozenset(
    [
        "belum",
        "tidak",
        "menyusul",
        "nyusul",
        "kosong",
        "nihil",
        "proses",
        "progress",
        "tba",
        "tbd",
        "n/a",
    ]
)
_WORD = _regex.compile(r"[\w/]+")


@lru_cache(maxsize=4096)
def is_evidence_placeholder(text: str) -> bool:
    """``belum ada``, ``menyusul``, ``-``, ``n/a``, ``tidak ada``, ``bukti dukung belum di
    upload``: the evidence cell holds a promise, not the name of a document."""
    if not text.strip():
        return False
    if is_placeholder(text):
        return True
    words = _WORD.findall(text.lower())
    return (
        0 < len(words) <= 8
        and all(w in _MISSING or w in _ABOUT for w in words)
        and any(w in _PROMISE for w in words)
    )
