"""Rows that are no action of their own: page-break fragments and signature lines.

A plan pasted from Word or a PDF breaks a row across pages, with or without a
repeated header: the part on the next page is a row with no NO, no date and texts
that plainly go on from the row above. :func:`goes_on` tells whether one cell's text
continues the text above it; :func:`is_signature_line` whether a lone short text is
a line of the signature block (by its shape: ``Ttd.``, ``NIP``, ``Mengetahui``, a
city and a date), :func:`is_signature_title` a title that only opens the block when
such a line follows (``KETUA ...``, ``Kepala Kantor ...``).
"""

from __future__ import annotations

import re

from .. import _regex

__all__ = ["goes_on", "is_signature_line", "is_signature_title", "join_text"]

#: Words a sentence goes on with: a row that starts (or a row above that ends) with one
#: of these is one text broken by a page break.
CONNECTIVES = frozenset(
    [
        "di",
        "ke",
        "dari",
        "dan",
        "yang",
        "serta",
        "atau",
        "untuk",
        "dengan",
        "dalam",
        "pada",
        "oleh",
        "secara",
        "melalui",
        "bagi",
        "sebagai",
        "terhadap",
        "tentang",
        "maupun",
        "sehingga",
        "agar",
        "guna",
        "telah",
        "sudah",
        "belum",
        "akan",
        "dapat",
        "harus",
        "juga",
        "adalah",
        "yaitu",
        "bahwa",
        "para",
        "kepada",
        "antara",
        "atas",
        "beserta",
        "termasuk",
        "berupa",
        "the",
        "of",
        "and",
    ]
)
_OPEN_END = _regex.compile(r"(?:[,(/&:+\-–]|\b(?:\d{1,2}|[a-z])[.)])\s*$")
_LIST_START = _regex.compile(r"^\(?(?:\d{1,2}|[a-zA-Z])[.)]\s")
_LIST_IN = _regex.compile(r"(?:^|\s)\(?(?:\d{1,2}|[a-zA-Z])[.)]\s")
#: An action's own verb (``menyusun``, ``melaksanakan``, ``membuat``): a new sentence.
_VERB = _regex.compile(r"^(?:me(?:m|n|ng|ny)?|ber|mengadakan)[a-z]{3,}\b")
_STRONG = _regex.compile(
    r"^(?:ttd\.?|t\.t\.d|mengetahui|menyetujui|nip\b|nip\.|nrp\b|salinan sesuai|ditetapkan di"
    r"|dibuat oleh|disahkan|tanda tangan)"
    r"|^[a-z][a-z .]+,\s*\d{1,2}\s+[a-z]+\s+\d{4}$",
    re.IGNORECASE,
)
_TITLE = _regex.compile(
    r"^(?:ketua\b|kepala\b|sekretaris\b|pl[th]\.?\s|direktur\b|camat\b|catatan\b"
    r"|keterangan\s*:|an\.\s|a\.n\.\s)",
    re.IGNORECASE,
)


def _first_word(text: str) -> str:
    return text.split(maxsplit=1)[0].lower().strip(",.;:") if text.strip() else ""


def _last_word(text: str) -> str:
    return text.rsplit(maxsplit=1)[-1].lower().strip(",.;:") if text.strip() else ""


def goes_on(part: str, above: str) -> bool:
    """Whether ``part`` continues ``above``: it starts in lower case or with a
    connective or closing mark, ``above`` ends on a connective, a comma, an open
    bracket or a list number, or both are items of one numbered list."""
    if not part:
        return True
    if part[0] in ",;:)]" or _first_word(part) in CONNECTIVES:
        return True
    if above and (
        _last_word(above) in CONNECTIVES
        or _OPEN_END.search(above)
        or above.count("(") > above.count(")")
    ):
        return True
    if part[0].islower():  # a new action may start in lower case with its verb
        return _VERB.match(part) is None
    return bool(above and _LIST_START.match(part) and _LIST_IN.search(above))


def join_text(above: str, part: str) -> str:
    return f"{above} {part}".strip() if above else part


def is_signature_line(text: str) -> bool:
    """``Ttd.``, ``NIP 1975...``, ``Mengetahui,``, ``Batang, 7 April 2022``."""
    return len(text) <= 80 and _STRONG.match(text) is not None


def is_signature_title(text: str) -> bool:
    """``KETUA KPU KABUPATEN BATANG,``: a block opens here only if a line follows."""
    return len(text) <= 120 and _TITLE.match(text) is not None
