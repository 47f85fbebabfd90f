"""Online link checks (``--check-links``): does each evidence link really open?

Only imported when asked for: it needs httpx, which is slow to import. Each
distinct http(s) link is fetched once (HEAD, GET where HEAD is refused; GET for
Google Drive/Docs pages, reading at most 64 KB), redirects are followed by hand
so that every hop waits for its own host's turn, the whole run is bounded in
connections and in time, and results are kept in a small SQLite cache: links that
opened for a day, failures for an hour.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import re
import socket
import ssl
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from .. import _regex
from . import cache as _linkcache
from . import classify
from .cache import default_cache_path
from .result import DEADLINE, PROBLEMS, LinkResult, _checkable, link_findings, plan_urls

__all__ = [
    "DEFAULT_CACHE",
    "PROBLEMS",
    "USER_AGENT",
    "LinkResult",
    "check_urls",
    "default_cache_path",
    "link_findings",
    "plan_urls",
]

#: ``check_urls(cache_path=DEFAULT_CACHE)``: the platform's cache folder, found at call time.
DEFAULT_CACHE = "default"
USER_AGENT = "zi-workbook/0.1 (+pemeriksa tautan bukti Zona Integritas)"
# fmt: off
MAX_REDIRECTS = 10
BODY_LIMIT = 64 * 1024
_HEAD_REFUSED = frozenset({400, 403, 405, 406, 501})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_GOOGLE_KINDS = frozenset({"drive-file", "drive-folder", "google-docs"})
_NOT_PUBLIC_MARKERS = (
    "request access", "minta akses", "you need access", "anda memerlukan akses",
    "you need permission", "anda memerlukan izin", "anda perlu akses",
)
# fmt: on
_SCRIPTS = _regex.compile(r"<(script|style)\b.*?(?:</\1\s*>|$)", re.IGNORECASE | re.DOTALL)
_LOGIN = _regex.compile(
    r"(?:^|[/_.\-])(?:log-?in|log_in|sign-?in|sign_in|logon|sso|auth|oauth2?|authorize|"
    r"authenticate|cas)(?:$|[/_.\-])"
)


@dataclass(frozen=True)
class _Options:
    timeout: float
    total_timeout: float
    max_connections: int
    max_per_host: int
    user_agent: str
    progress: Callable[[int, int], None] | None
    now: Callable[[], float]


class _Checker:
    """Checks URLs; two semaphores bound every request, overall and per host."""

    def __init__(self, client: httpx.AsyncClient, opts: _Options) -> None:
        self.client, self.opts = client, opts
        self.all = asyncio.Semaphore(opts.max_connections)
        self.hosts: dict[tuple[str, str, int | None], asyncio.Semaphore] = {}

    async def check(self, url: str) -> LinkResult:
        hops, current, seen = 0, url, {url}
        try:
            while True:
                google = classify(current).kind in _GOOGLE_KINDS
                status, location, body = await self._hop(current, google)
                if status not in _REDIRECTS or not location:
                    return self._judge(url, current, status, hops, body, google)
                hops += 1
                nxt = urljoin(current, location)
                if hops > MAX_REDIRECTS or nxt in seen or not _checkable(nxt):
                    return self._result(url, "redirects", nxt, status, hops, f"to {nxt}")
                current = nxt
                seen.add(nxt)
        except (asyncio.TimeoutError, httpx.TimeoutException):
            detail, waited = "per-request timeout", self.opts.timeout
            return self._result(url, "timeout", current, None, hops, detail, waited)
        except Exception as exc:  # a link checker reports, it does not crash
            return self._result(url, _error_problem(exc), current, None, hops, _describe(exc))

    async def _hop(self, url: str, google: bool) -> tuple[int, str | None, bytes]:
        parts = urlsplit(url)
        key = (parts.scheme, parts.hostname or "", parts.port)
        host = self.hosts.setdefault(key, asyncio.Semaphore(self.opts.max_per_host))
        async with host, self.all:
            if not google:
                try:
                    status, location, _ = await self._send("HEAD", url, read=False)
                    if status not in _HEAD_REFUSED:
                        return status, location, b""
                except (httpx.RemoteProtocolError, httpx.ReadError):
                    pass  # the connection was reset on HEAD: try GET
            return await self._send("GET", url, read=google)

    async def _send(self, method: str, url: str, *, read: bool) -> tuple[int, str | None, bytes]:
        return await asyncio.wait_for(self._request(method, url, read), self.opts.timeout)

    async def _request(self, method: str, url: str, read: bool) -> tuple[int, str | None, bytes]:
        body = b""
        async with self.client.stream(method, url) as response:
            if read:
                async for chunk in response.aiter_bytes():
                    body += chunk
                    if len(body) >= BODY_LIMIT:
                        break
            return response.status_code, response.headers.get("location"), body[:BODY_LIMIT]

    def _judge(
        self, url: str, final: str, status: int, hops: int, body: bytes, google: bool
    ) -> LinkResult:
        parts = urlsplit(final)
        host = (parts.hostname or "").lower()
        if host == "accounts.google.com":
            return self._result(url, "not-public", final, status, hops, "Google sign-in page")
        if google and status in (401, 403):
            return self._result(url, "not-public", final, status, hops, f"Google {status}")
        marker = _not_public_marker(body) if google and status < 400 else None
        if marker:
            return self._result(url, "not-public", final, status, hops, f"page says '{marker}'")
        if status >= 400:
            return self._result(url, "http-error", final, status, hops, f"HTTP {status}")
        if hops and (_LOGIN.search(parts.path.lower()) or _LOGIN.search(host.split(".")[0])):
            return self._result(url, "login", final, status, hops, "login page")
        return self._result(url, None, final, status, hops, "")

    def _result(
        self,
        url: str,
        problem: str | None,
        final: str | None,
        status: int | None,
        hops: int,
        detail: str,
        waited: float | None = None,
    ) -> LinkResult:
        ok = problem is None
        return LinkResult(url, ok, status, final, problem, detail, hops, waited, self.opts.now())

    async def run(
        self, urls: list[str], deadline: float, done: int, total: int
    ) -> dict[str, LinkResult]:
        tasks = {asyncio.ensure_future(self.check(u)): u for u in urls}
        results: dict[str, LinkResult] = {}
        pending = set(tasks)
        while pending and (left := deadline - time.monotonic()) > 0:
            finished, pending = await asyncio.wait(
                pending, timeout=left, return_when=asyncio.FIRST_COMPLETED
            )
            for task in finished:
                results[tasks[task]] = task.result()
                done += 1
                if self.opts.progress is not None:
                    self.opts.progress(done, total)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        for task in pending:
            results[tasks[task]] = self._result(
                tasks[task], "timeout", None, None, 0, DEADLINE, self.opts.total_timeout
            )
        if pending and self.opts.progress is not None:
            self.opts.progress(total, total)
        return results


def _not_public_marker(body: bytes) -> str | None:
    """The request-access words shown on the page (scripts and styles left out)."""
    text = _SCRIPTS.sub(" ", body.decode("utf-8", "ignore")).lower()
    return next((m for m in _NOT_PUBLIC_MARKERS if m in text), None)


def _error_problem(exc: BaseException) -> str:
    chain: list[BaseException] = []
    seen: BaseException | None = exc
    while seen is not None and len(chain) < 10:
        chain.append(seen)
        seen = seen.__cause__ or seen.__context__
    for kinds, problem in (
        ((socket.gaierror,), "dns"),
        ((ssl.SSLError, ssl.CertificateError), "tls"),
        ((ConnectionRefusedError,), "refused"),
        ((TimeoutError, httpx.TimeoutException), "timeout"),
    ):
        if any(isinstance(e, kinds) for e in chain):
            return problem
    return "network"


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:200]


async def _run(
    opts: _Options, urls: list[str], deadline: float, done: int, total: int
) -> dict[str, LinkResult]:
    limits = httpx.Limits(
        max_connections=opts.max_connections, max_keepalive_connections=opts.max_connections
    )
    headers = {
        "User-Agent": opts.user_agent,
        "Accept-Language": "id,en;q=0.8",
        "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
    }
    timeout = httpx.Timeout(opts.timeout, pool=None)
    async with httpx.AsyncClient(limits=limits, headers=headers, timeout=timeout) as client:
        return await _Checker(client, opts).run(urls, deadline, done, total)


def check_urls(
    urls: Iterable[str],
    *,
    timeout: float = 10.0,
    total_timeout: float = 120.0,
    max_connections: int = 16,
    max_per_host: int = 4,
    cache_path: Path | str | None = DEFAULT_CACHE,
    cache_ttl: float = 86400,
    failure_ttl: float = 3600,
    user_agent: str = USER_AGENT,
    progress: Callable[[int, int], None] | None = None,
    now: Callable[[], float] = time.time,
) -> dict[str, LinkResult]:
    """Fetch each distinct safe http(s) URL once and say whether it opens.

    Other URLs (mailto:, unsafe, malformed, local paths) are left out of the result.
    Links that opened are reused from the cache at ``cache_path`` for ``cache_ttl``
    seconds (a day), failures for at most ``failure_ttl`` (an hour), so a link fixed
    meanwhile is fetched again. The default path is found when called
    (:func:`default_cache_path`: ``XDG_CACHE_HOME``, ``LOCALAPPDATA``);
    ``cache_path=None`` turns the cache off. URLs not finished within
    ``total_timeout`` seconds get the problem ``timeout`` and are not cached.
    ``progress(done, total)`` is called as URLs finish.
    """
    if cache_path == DEFAULT_CACHE:
        cache_path = default_cache_path()
    cache_path = None if cache_path is None else Path(cache_path)
    deadline = time.monotonic() + total_timeout
    wanted = [u for u in dict.fromkeys(urls) if _checkable(u)]
    results: dict[str, LinkResult] = {}
    if cache_path is not None:
        stored = _linkcache.load(cache_path, wanted, cache_ttl, now(), failure_ttl)
        for url, data in stored.items():
            with contextlib.suppress(TypeError):
                results[url] = LinkResult.from_dict(data)
    if results and progress is not None:
        progress(len(results), len(wanted))
    todo = [u for u in wanted if u not in results]
    if todo:
        opts = _Options(
            timeout,
            total_timeout,
            max(1, max_connections),
            max(1, max_per_host),
            user_agent,
            progress,
            now,
        )
        fresh = _run_sync(_run(opts, todo, deadline, len(results), len(wanted)))
        results.update(fresh)
        if cache_path is not None:
            keep = {u: r.to_dict() for u, r in fresh.items() if r.detail != DEADLINE}
            _linkcache.save(cache_path, keep, now(), cache_ttl)
    return {u: results[u] for u in wanted}


def _run_sync(coro: Any) -> dict[str, LinkResult]:
    """``asyncio.run``, in a thread of its own when a loop already runs here (notebooks)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        result: dict[str, LinkResult] = asyncio.run(coro)
        return result
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        threaded: dict[str, LinkResult] = pool.submit(asyncio.run, coro).result()
        return threaded
