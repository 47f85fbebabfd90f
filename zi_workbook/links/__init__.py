"""Links in LINK BUKTI FISIK: split a cell into links and words, classify each link.

Offline only: nothing here touches the network. ``split_link_cell`` turns what a
person typed or pasted into link candidates (in cell order) and the leftover
words; ``classify`` says whether a candidate is safe to make clickable and what
kind of place it points to; ``is_placeholder`` spots words typed where the link
should be (``menyusul``, ``belum ada``, ``-``).

Safety (``LinkInfo.safety``), one of :data:`SAFETIES`:

``safe``
    http or https with a host name (or an IP address), or ``mailto:`` with an address.
``unsafe``
    any other scheme: ``javascript:``, ``data:``, ``vbscript:``, ``ms-msdt:``, ``tel:``...
``malformed``
    a space, a control character or a backslash inside, no host, a bad port,
    ``https//`` without its colon, ``http:/`` with one slash, a typed scheme such as
    ``htps://``, two links glued together, a copy cut short with ``…``.
``local-path``
    ``C:\\...``, ``\\\\server\\share\\...``, ``file:``, a path with no scheme (how Excel
    stores a link to a file beside the workbook) or a host with no dot
    (``http://server-kantor/``): it opens on one computer or office network only.

Kinds (``LinkInfo.kind``), one of :data:`KINDS`:

``drive-file``     Google Drive file: ``/file/d/ID``, ``/open?id=``, ``/uc?id=``
``drive-folder``   Google Drive folder: ``/drive/folders/ID``, ``/drive/u/0/folders/ID``
``google-docs``    Docs, Sheets, Slides, Forms (``docs.google.com/...``, ``forms.gle``)
``shortener``      bit.ly, s.id, tinyurl.com, cutt.ly, shorturl.at, ...
``government``     a host under ``go.id`` (also ``mil.id``, ``desa.id``)
``web``            any other safe http(s) page, public IP addresses included
``office-network`` 192.168.x.x, 10.x.x.x, 127.0.0.1, ``*.local``: safe to click, but only
                   inside the office (a ``local-path-link`` finding; --check-links
                   still fetches it)
``email``          ``mailto:`` (a bare ``ppid@kpu.go.id`` becomes ``mailto:ppid@kpu.go.id``)
``local-path``     the local paths above
``other``          unsafe and malformed links
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import SplitResult, urlsplit

__all__ = [
    "KINDS",
    "PLACEHOLDER_WORDS",
    "SAFETIES",
    "SAFE_SCHEMES",
    "LinkInfo",
    "classify",
    "is_placeholder",
    "split_link_cell",
]

# fmt: off
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
SAFETIES = ("safe", "unsafe", "malformed", "local-path")
KINDS = (
    "drive-file", "drive-folder", "google-docs", "shortener", "government", "web", "email",
    "office-network", "local-path", "other",
)

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

# Top-level domains a bare token (no scheme) may end in to count as a link: "S.Kom",
# "M.Si" and "laporan.pdf" are not links, "kab-batang.kpu.go.id" and "bit.ly/x" are.
_BARE_TLDS = frozenset(
    {"id", "com", "net", "org", "info", "io", "co", "me", "ly", "gl", "gle", "at", "cc", "ee",
     "app", "site", "online", "xyz", "gov", "edu", "int", "biz", "tv", "be", "link", "page",
     "dev", "my", "sg", "asia", "uk", "au", "us", "nl", "de", "jp"}
)
_DANGEROUS_SCHEMES = frozenset(
    {"mailto", "javascript", "data", "vbscript", "file", "tel", "search-ms", "intent", "blob"}
)
_SHORTENERS = frozenset(
    {"bit.ly", "s.id", "tinyurl.com", "t.ly", "goo.gl", "ow.ly", "cutt.ly", "rb.gy",
     "is.gd", "v.gd", "shorturl.at", "linktr.ee", "bitly.com", "tiny.cc", "lnkd.in", "t.co",
     "rebrand.ly", "bit.do", "buff.ly", "shorturl.asia", "tiny.one", "short.gy"}
)
_GOVERNMENT = ("go.id", "mil.id", "desa.id")
_GOOGLE_DOCS_HOSTS = frozenset(
    {"docs.google.com", "forms.gle", "sheets.google.com", "slides.google.com", "forms.google.com"}
)
# Words that label a link rather than continue it: "https://... Lihat" is a link and a word.
_LABEL_WORDS = frozenset(
    {"dan", "atau", "lihat", "klik", "di", "sini", "link", "tautan", "and", "or", "see",
     "here", "folder", "file", "dokumen", "bukti", "drive"}
)
# fmt: on

_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.IGNORECASE)
_WIN_PATH = re.compile(r"^(?:[a-z]:[\\/]|\\\\)", re.IGNORECASE)
_DOMAIN = re.compile(
    r"^(?:www\.)?(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+([a-z]{2,24})(?::\d+)?(?:[/?#]\S*)?$",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"^[\w.+\-]+@[a-z0-9\-]+(?:\.[a-z0-9\-]+)+$", re.IGNORECASE)
_NO_COLON = re.compile(r"^https?//", re.IGNORECASE)
_NUMBERING = re.compile(r"^(?:\(?\d{1,2}[.)]|[a-z][.)]|[-–•*·▪])$", re.IGNORECASE)
_GLUED_MARKER = re.compile(r"^(?:\(?\d{1,2}[.)]|[a-z][.)]|[-–•*·▪])+", re.IGNORECASE)
_FILE_NAME = re.compile(r"\.[a-z0-9]{2,5}$", re.IGNORECASE)
_DRIVE_FOLDER = re.compile(r"(?:^|/)(?:folders|folderview|embeddedfolderview)(?:/|$)|^/drive/")
_WORD_AFTER_URL = re.compile(r"^[A-Za-z0-9_\-]+$")
_EDGE_NOISE = "\"'“”‘’«»<>[]{}\u200b\u200c\u200d\u2060\ufeff"
_QUOTE = re.compile(r"^[(\[{<\"'“”‘’«]+")


@dataclass(frozen=True, slots=True)
class LinkInfo:
    """A link candidate (normalised: bare domains get ``https://``, bare e-mail
    addresses ``mailto:``) with its safety and its kind; see the module doc."""

    url: str
    safety: str
    kind: str

    @property
    def is_safe(self) -> bool:
        return self.safety == "safe"


# ------------------------------------------------------------------------- classify


@lru_cache(maxsize=1 << 17)
def classify(url: str) -> LinkInfo:
    """Say whether ``url`` is safe to make clickable, and what it points to."""
    url = _normalise(url.strip())
    if not url:
        return LinkInfo(url, "malformed", "other")
    scheme_m = _SCHEME.match(url)
    scheme = scheme_m.group(1).lower() if scheme_m else ""
    if _WIN_PATH.match(url) or scheme == "file" or len(scheme) == 1:
        return LinkInfo(url, "local-path", "local-path")
    if _NO_COLON.match(url):
        return LinkInfo(url, "malformed", "other")
    if not scheme:
        return LinkInfo(url, "local-path", "local-path")  # a relative path: a file nearby
    if scheme not in SAFE_SCHEMES:
        typo = _SCHEME_TYPO.fullmatch(scheme) is not None
        return LinkInfo(url, "malformed" if typo else "unsafe", "other")
    if _has_bad_char(url) or _GLUED.search(url) or "\u2026" in url:
        return LinkInfo(url, "malformed", "other")  # a space, two links glued, a cut copy
    if scheme == "mailto":
        ok = _EMAIL.match(url[7:].split("?", 1)[0]) is not None
        return LinkInfo(url, "safe" if ok else "malformed", "email")
    parts = _split(url)
    if parts is None or not url[len(scheme) + 1 :].startswith("//"):
        return LinkInfo(url, "malformed", "other")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        return LinkInfo(url, "malformed", "other")
    if "." not in host and not _is_ip(host):
        return LinkInfo(url, "local-path", "local-path")  # http://server-kantor/
    if _is_office_network(host):
        return LinkInfo(url, "safe", "office-network")  # opens inside the office only
    return LinkInfo(url, "safe", _kind(host, parts))


_SCHEME_TYPO = re.compile(r"h+t+p+s*|h+t+s+p*|h+p+t+s*|t+t+p+s*")
_GLUED = re.compile(r"[^=/?&(\s]https?://", re.IGNORECASE)
_LOCAL_SUFFIXES = (".local", ".lan", ".internal", ".localdomain", ".home", ".corp", ".intranet")


def _is_office_network(host: str) -> bool:
    """An address only the office network (or this computer) knows: 192.168.x.x,
    10.x.x.x, 127.0.0.1, ``*.local``. It is still fetched by --check-links."""
    if _is_ip(host):
        return not ipaddress.ip_address(host.strip("[]")).is_global
    return host.lower().endswith(_LOCAL_SUFFIXES)


_ASCII_BAD = re.compile(r"[\s\\\x00-\x1f\x7f]")


def _has_bad_char(url: str) -> bool:
    """A space, a backslash, a control or an invisible format character inside."""
    if url.isascii():
        return _ASCII_BAD.search(url) is not None
    return any(_is_bad_char(ch) for ch in url)


def _is_bad_char(ch: str) -> bool:
    import unicodedata  # only for non-ASCII urls: most are ASCII

    return ch.isspace() or ch == "\\" or unicodedata.category(ch) in ("Cc", "Cf")


def _split(url: str) -> SplitResult | None:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        return None
    return parts


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _kind(host: str, parts: SplitResult) -> str:
    host = host.removeprefix("www.")
    path = parts.path
    if host in ("drive.google.com", "drive.usercontent.google.com"):
        return "drive-folder" if _DRIVE_FOLDER.search(path) else "drive-file"
    if host == "docs.google.com" and path.startswith("/file/d/"):
        return "drive-file"
    if host in _GOOGLE_DOCS_HOSTS:
        return "google-docs"
    if host in _SHORTENERS:
        return "shortener"
    if any(host == g or host.endswith("." + g) for g in _GOVERNMENT):
        return "government"
    return "web"


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


def _is_bare_domain(token: str) -> bool:
    match = _DOMAIN.match(token)
    return match is not None and match.group(1).lower() in _BARE_TLDS


def _normalise(token: str) -> str:
    if _EMAIL.match(token):
        return "mailto:" + token
    if _is_bare_domain(token):
        return "https://" + token
    return token


_PLAIN_URL = re.compile(r"^\s*https?://[!-~]+\s*$")


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
