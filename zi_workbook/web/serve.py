"""Serve a built site (``python web/build.py --out site/``) with the standard library.

On 127.0.0.1 unless another address is asked for; the right MIME types for
WebAssembly and JavaScript modules; a Content-Security-Policy that lets the page
talk to this host only (the same policy the page's ``<meta>`` states).
"""

from __future__ import annotations

import functools
import http.server
import os
import socket
from pathlib import Path
from typing import Any, ClassVar

from ..errors import FileAccessError

__all__ = ["CSP", "LOCAL_HOSTS", "SiteHandler", "find_site", "make_server"]

#: What the page may load: its own host only; 'wasm-unsafe-eval' compiles WebAssembly.
CSP = (
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; "
    "connect-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
_TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".whl": "application/zip",
    ".zip": "application/zip",
}


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with exact MIME types and security headers; quiet unless verbose."""

    extensions_map = {  # noqa: RUF012 - the stdlib declares it as a plain attribute
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        **_TYPES,
    }
    verbose: ClassVar[bool] = False

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cross-Origin-Opener-Policy", "same-origin")
        self.send_header("Cross-Origin-Resource-Policy", "same-origin")
        # revalidated each time (a 304 when unchanged): a new build is never mixed with an
        # old one; the service worker's cache is what makes later visits fast and offline
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        if self.verbose:
            super().log_message(format, *args)


def find_site(site: str | os.PathLike[str] | None) -> Path:
    """The site folder: ``site`` or ``./site``; it must hold a built site."""
    path = Path(site) if site is not None else Path("site")
    if not (path / "index.html").is_file() or not (path / "manifest.json").is_file():
        raise FileAccessError(
            path,
            "situs belum dibangun; jalankan dulu: python web/build.py --out site/",
            "no built site here; build it first: python web/build.py --out site/",
        )
    return path.resolve()


def make_server(
    site: Path, host: str = "127.0.0.1", port: int = 8765, verbose: bool = False
) -> http.server.ThreadingHTTPServer:
    """A server for ``site`` (call ``serve_forever``; port 0 picks a free one)."""
    handler = functools.partial(
        type("Handler", (SiteHandler,), {"verbose": verbose}), directory=str(site)
    )
    server_class = _Server6 if ":" in host else _Server
    return server_class((host, port), handler)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


class _Server6(_Server):
    address_family = socket.AF_INET6
