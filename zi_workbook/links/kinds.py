"""Classify one link: is it safe to make clickable, and what kind of place is it?

The safeties and kinds are described in the package doc (``zi_workbook.links``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import SplitResult, urlsplit

from .. import _regex
from .._record import Record

__all__ = ["KINDS", "SAFETIES", "SAFE_SCHEMES", "LinkInfo", "classify"]

# fmt: off
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
SAFETIES = ("safe", "unsafe", "malformed", "local-path")
KINDS = (
    "drive-file", "drive-folder", "google-docs", "shortener", "government", "web", "email",
    "office-network", "local-path", "other",
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
# fmt: on

_SCHEME = _regex.compile(r"^([a-z][a-z0-9+.\-]*):", re.IGNORECASE)
_WIN_PATH = _regex.compile(r"^(?:[a-z]:[\\/]|\\\\)", re.IGNORECASE)
_DOMAIN = _regex.compile(
    r"^(?:www\.)?(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+([a-z]{2,24})(?::\d+)?(?:[/?#]\S*)?$",
    re.IGNORECASE,
)
_EMAIL = _regex.compile(r"^[\w.+\-]+@[a-z0-9\-]+(?:\.[a-z0-9\-]+)+$", re.IGNORECASE)
_NO_COLON = _regex.compile(r"^https?//", re.IGNORECASE)
_DRIVE_FOLDER = _regex.compile(r"(?:^|/)(?:folders|folderview|embeddedfolderview)(?:/|$)|^/drive/")


class LinkInfo(Record):
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


_SCHEME_TYPO = _regex.compile(r"h+t+p+s*|h+t+s+p*|h+p+t+s*|t+t+p+s*")
_GLUED = _regex.compile(r"[^=/?&(\s]https?://", re.IGNORECASE)
_LOCAL_SUFFIXES = (".local", ".lan", ".internal", ".localdomain", ".home", ".corp", ".intranet")


def _is_office_network(host: str) -> bool:
    """An address only the office network (or this computer) knows: 192.168.x.x,
    10.x.x.x, 127.0.0.1, ``*.local``. It is still fetched by --check-links."""
    if _is_ip(host):
        import ipaddress

        return not ipaddress.ip_address(host.strip("[]")).is_global
    return host.lower().endswith(_LOCAL_SUFFIXES)


_ASCII_BAD = _regex.compile(r"[\s\\\x00-\x1f\x7f]")


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


_IP_CHARS = frozenset("0123456789abcdefABCDEF.:")


def _is_ip(host: str) -> bool:
    # An address is hex digits, dots and colons (and an IPv6 zone after "%"): a host
    # name fails this at its first other letter, without ipaddress raising for it.
    head = host.partition("%")[0]
    if not head or not _IP_CHARS.issuperset(head):
        return False
    import ipaddress

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


def _is_bare_domain(token: str) -> bool:
    match = _DOMAIN.match(token)
    return match is not None and match.group(1).lower() in _BARE_TLDS


def _normalise(token: str) -> str:
    if _EMAIL.match(token):
        return "mailto:" + token
    if _is_bare_domain(token):
        return "https://" + token
    return token
