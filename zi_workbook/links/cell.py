"""Split a LINK BUKTI FISIK cell into link candidates and words; spot placeholders."""

from __future__ import annotations

import re

from .. import _regex
from .kinds import (
    _DANGEROUS_SCHEMES,
    _EMAIL,
    _NO_COLON,
    _SCHEME,
    _SCHEME_TYPO,
    _WIN_PATH,
    SAFE_SCHEMES,
    _is_bare_domain,
    _normalise,
    _split,
)

__all__ = ["PLACEHOLDER_WORDS", "is_placeholder", "split_link_cell"]

# fmt: off
#: Words typed where a link should be, promising it later.
PLACEHOLDER_WORDS = frozenset(
    {
        "-", "--", "—", "–", ".", "...", "menyusul", "akan menyusul", "belum ada",
        "belum", "tidak ada", "n/a", "na", "tba", "tbd", "link", "tautan", "url",
        "terlampir", "lihat lampiran", "dalam proses", "proses", "on progress", "nihil",
        "kosong", "x", "?", "link menyusul", "link belum ada", "segera", "ada",
    }
)
# A short text made only of these words, with at least one promise, is a placeholder too
# ("link akan menyusul", "bukti belum diupload", "sedang proses").
_PROMISES = frozenset(
    {"menyusul", "nyusul", "belum", "proses", "diproses", "progress", "process", "tba", "tbd",
     "pending", "segera", "nanti", "terlampir", "lampiran", "nihil", "kosong", "todo", "soon"}
)
_FILLERS = frozenset(
    {"link", "links", "tautan", "url", "bukti", "dukung", "fisik", "dokumen", "file", "data",
     "akan", "sedang", "masih", "dalam", "tahap", "on", "in", "coming", "lihat", "ada",
     "tidak", "diupload", "diunggah", "upload", "unggah", "dikirim", "tersedia", "dan", "ya"}
)
# Words that label a link rather than continue it: "https://... Lihat" is a link and a word.
_LABEL_WORDS = frozenset(
    {"dan", "atau", "lihat", "klik", "di", "sini", "link", "tautan", "and", "or", "see",
     "here", "folder", "file", "dokumen", "bukti", "drive"}
)
# fmt: on

_NUMBERING = _regex.compile(r"^(?:\(?\d{1,2}[.)]|[a-z][.)]|[-–•*·▪])$", re.IGNORECASE)
_GLUED_MARKER = _regex.compile(r"^(?:\(?\d{1,2}[.)]|[a-z][.)]|[-–•*·▪])+", re.IGNORECASE)
_FILE_NAME = _regex.compile(r"\.[a-z0-9]{2,5}$", re.IGNORECASE)
_WORD_AFTER_URL = _regex.compile(r"^[A-Za-z0-9_\-]+$")
_EDGE_NOISE = "\"'“”‘’«»<>[]{}\u200b\u200c\u200d\u2060\ufeff"
_LABEL = _regex.compile(r"\(\w[\w.-]*\)[.,;:]?")
_QUOTE = _regex.compile(r"^[(\[{<\"'“”‘’«]+")


# ------------------------------------------------------------------- splitting a cell


def _looks_like_link(token: str) -> bool:
    if _WIN_PATH.match(token) or _EMAIL.match(token) or _NO_COLON.match(token):
        return True
    scheme = _SCHEME.match(token)
    if scheme:
        name = scheme.group(1).lower()
        if token[scheme.end() :].startswith("//") or name in _DANGEROUS_SCHEMES:
            return True
        if (name in SAFE_SCHEMES or _SCHEME_TYPO.fullmatch(name)) and token[
            scheme.end() : scheme.end() + 1
        ] == "/":
            return True  # http:/kpu.go.id, htps://kpu.go.id: a link typed wrong
        if name.startswith("ms-") and len(token) > scheme.end():
            return True
    return _is_bare_domain(token)


_PLAIN_URL = _regex.compile(r"^\s*https?://[!-~]+\s*$")


def split_link_cell(text: str, hyperlink: str | None = None) -> tuple[list[str], str]:
    """Split a link cell into link candidates (in order) and leftover words.

    Links may be numbered (``1. ... 2. ...``, ``a)``, ``-``, ``•``) and separated by
    new lines, spaces, commas or semicolons; a bare domain gets ``https://`` and a
    bare e-mail address ``mailto:``. ``https://bit.ly/abc def`` (a url with a path,
    then one bare word ending its line) is one malformed candidate; a Windows path
    with spaces (``C:\\Bukti ZI\\SK Tim.pdf``) is one candidate.

    A hyperlink target comes first. The cell's text is then a label ("Lihat") and
    is dropped, unless it holds the target itself: then its other links are kept.
    """
    if hyperlink and text.strip() == hyperlink.strip() and _PLAIN_URL.match(hyperlink):
        return [hyperlink.strip()], ""  # the common pasted link: its text is its target
    candidates: list[str] = []
    words: list[str] = []
    for line in text.splitlines():
        _split_line(line, candidates, words)
    if hyperlink and hyperlink.strip():
        target = _normalise(_clean_token(hyperlink.strip()))
        key = _same_link_key(target)
        if any(_same_link_key(c) == key for c in candidates):
            candidates = [target, *(c for c in candidates if _same_link_key(c) != key)]
        else:
            candidates = [target]
        words = []
    return list(dict.fromkeys(candidates)), " ".join(words)


def _same_link_key(url: str) -> str:
    return re.sub(r"^https?://(?:www\.)?", "", url.lower()).rstrip("/")


def _split_line(line: str, candidates: list[str], words: list[str]) -> None:
    for item in _items(line):
        _split_item(item, candidates, words)


def _items(line: str) -> list[list[str]]:
    """The line's list items: tokens between numbering marks, commas and semicolons."""
    chunks = line.split()
    items: list[list[str]] = [[]]
    for chunk in chunks:
        for piece, ends_item in _split_separators(chunk):
            if len(chunks) > 1 and _NUMBERING.match(piece):
                items.append([])
                continue
            token = _clean_token(piece)
            if token:
                items[-1].append(token)
            if ends_item:
                items.append([])
    return [item for item in items if item]


def _split_item(tokens: list[str], candidates: list[str], words: list[str]) -> None:
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if not _looks_like_link(token):
            words.append(token)
            i += 1
            continue
        if _WIN_PATH.match(token) or token.lower().startswith("file:"):
            end = _path_end(tokens, i)
            url = " ".join(tokens[i : end + 1])
            i = end
        else:
            url = _normalise(token)
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if _glued_word(url, nxt, i + 2 == len(tokens)):
                url, i = f"{url} {nxt}", i + 1
        candidates.append(url)
        i += 1


def _split_separators(chunk: str) -> list[tuple[str, bool]]:
    """Split at commas and semicolons, except inside a link (``?a=1,2``); each piece
    comes with whether a separator followed it (which ends a list item)."""
    parts = re.split(r"([,;]+)", chunk)
    pieces, ends = [parts[0]], [False]
    for sep, part in zip(parts[1::2], parts[2::2], strict=True):
        prev, nxt = _clean_token(pieces[-1]), _clean_token(part)
        if nxt and _looks_like_link(prev) and not _looks_like_link(nxt) and not is_placeholder(nxt):
            pieces[-1] += sep + part
        else:
            ends[-1] = True
            pieces.append(part)
            ends.append(False)
    return list(zip(pieces, ends, strict=True))


def _clean_token(token: str) -> str:
    token = token.strip(_EDGE_NOISE)
    if not _looks_like_link(token):
        bare = _GLUED_MARKER.sub("", _QUOTE.sub("", token))
        if bare != token and _looks_like_link(bare):
            token = bare
        elif _LABEL.fullmatch(token):
            return token  # ``(SK)`` after a link labels it: a word, never part of the url
        else:
            return token.strip(".,;:)(" + _EDGE_NOISE)
    token = token.rstrip(".,;:!" + _EDGE_NOISE)
    while token.endswith(")") and token.count("(") < token.count(")"):
        token = token[:-1]
    return token


def _path_end(tokens: list[str], i: int) -> int:
    """The last token of a local path that started at ``tokens[i]``."""
    end = i
    for j in range(i + 1, len(tokens)):
        if _looks_like_link(tokens[j]):
            break
        if "\\" in tokens[j] or "/" in tokens[j] or _FILE_NAME.search(tokens[j]):
            end = j
    return end


def _glued_word(url: str, nxt: str, nxt_is_last: bool) -> bool:
    if not nxt or not nxt_is_last or not _WORD_AFTER_URL.match(nxt):
        return False
    if nxt.lower() in _LABEL_WORDS or _looks_like_link(nxt) or is_placeholder(nxt):
        return False
    parts = _split(url)
    return parts is not None and parts.scheme in ("http", "https") and len(parts.path) > 1


# --------------------------------------------------------------------- placeholders


def is_placeholder(text: str) -> bool:
    """True when the text promises a link instead of giving one (``menyusul``, ``-``)."""
    stripped = text.strip()
    if not stripped:
        return False
    if stripped.strip(" .-–—_") == "":
        return True
    norm = " ".join(stripped.lower().split()).strip(" .:!()\"'")
    if norm in PLACEHOLDER_WORDS:
        return True
    found = norm.split()
    return (
        0 < len(found) <= 5
        and all(w in _PROMISES or w in _FILLERS for w in found)
        and any(w in _PROMISES for w in found)
    )
