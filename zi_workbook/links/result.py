"""What a link check found: one ``LinkResult`` per link, its reason in words, and the
findings it gives (``broken-link``, ``link-not-public``, ``redirect-to-login``).

Offline: nothing here imports httpx, so results read from the cache or a report
need no network code.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any

from ..findings import Finding, finding
from ..model import PlanRow
from .kinds import classify

__all__ = ["PROBLEMS", "LinkResult", "link_findings", "plan_urls"]

# fmt: off
#: Why a link failed: LinkResult.problem is None or one of these.
PROBLEMS = (
    "http-error", "dns", "refused", "timeout", "tls", "not-public", "login", "redirects",
    "network",
)
# fmt: on
DEADLINE = "not checked before the overall deadline"


@dataclass(frozen=True, slots=True)
class LinkResult:
    """What one link answered. ``problem`` is None when it opens, else one of PROBLEMS.

    ``final_url`` is where the redirects ended (a shortener's target), ``redirects``
    the number of hops, ``waited`` the seconds after which a timeout gave up,
    ``detail`` technical words (the error or the marker found), ``checked_at`` when.
    """

    url: str
    ok: bool
    status: int | None
    final_url: str | None
    problem: str | None
    detail: str = ""
    redirects: int = 0
    waited: float | None = None
    checked_at: float = 0.0

    def reason(self, lang: str = "id") -> str:
        """A short reason for a coordinator: ``tidak ditemukan (404)``, ``koneksi ditolak``."""
        id_, en = self._reason()
        return en if lang == "en" else id_

    @property
    def reason_id(self) -> str:
        return self.reason("id")

    @property
    def reason_en(self) -> str:
        return self.reason("en")

    def _reason(self) -> tuple[str, str]:
        code, secs = self.status, f"{self.waited or 0:g}"
        if self.problem == "http-error":
            return _http_reason(code or 0)
        if self.problem == "timeout" and self.detail == DEADLINE:
            return (f"belum selesai diperiksa dalam {secs} dtk", f"not checked within {secs} s")
        return {
            None: ("dapat dibuka", "opens"),
            "dns": ("nama domain tidak ditemukan", "domain name not found"),
            "refused": ("koneksi ditolak", "connection refused"),
            "timeout": (f"habis waktu setelah {secs} dtk", f"timed out after {secs} s"),
            "tls": ("sertifikat TLS/HTTPS bermasalah", "TLS/HTTPS certificate problem"),
            "not-public": ("tidak dibagikan untuk umum", "not shared publicly"),
            "login": ("dialihkan ke halaman masuk", "redirects to a login page"),
            "redirects": (
                "pengalihan gagal (berputar, terlalu banyak, atau ke alamat non-web)",
                "bad redirect (a loop, too many, or to a non-web address)",
            ),
        }.get(self.problem, ("galat jaringan", "network error"))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LinkResult:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


def _http_reason(code: int) -> tuple[str, str]:
    known = {
        401: ("perlu masuk", "needs a login"),
        403: ("akses ditolak", "access denied"),
        404: ("tidak ditemukan", "not found"),
        410: ("sudah dihapus", "gone"),
        429: ("terlalu banyak permintaan", "too many requests"),
    }
    id_, en = known.get(code) or (
        ("server galat", "server error")
        if code >= 500
        else ("permintaan ditolak", "request refused")
    )
    return f"{id_} ({code})", f"{en} ({code})"


def plan_urls(rows: Iterable[PlanRow]) -> list[str]:
    """The distinct http(s) links of ``rows``, in plan order: what ``check_urls`` fetches."""
    return [u for u in dict.fromkeys(u for r in rows for u in r.links) if _checkable(u)]


def _checkable(url: str) -> bool:
    return classify(url).is_safe and url.lower().startswith(("http://", "https://"))


# ------------------------------------------------------------------------------ fetching


def link_findings(rows: Iterable[PlanRow], results: Mapping[str, LinkResult]) -> Iterator[Finding]:
    """``broken-link``, ``link-not-public`` and ``redirect-to-login`` at each row's link cell."""
    for row in rows:
        column = row.column("link")
        for url in row.links:
            result = results.get(url)
            if result is None or result.problem is None:
                continue
            if result.problem == "not-public":
                yield finding("link-not-public", row.sheet, row.row, column, url=url)
            elif result.problem == "login":
                yield finding(
                    "redirect-to-login",
                    row.sheet,
                    row.row,
                    column,
                    url=url,
                    final=result.final_url or "",
                )
            else:
                yield finding(
                    "broken-link",
                    row.sheet,
                    row.row,
                    column,
                    url=url,
                    why_id=result.reason("id"),
                    why_en=result.reason("en"),
                )
