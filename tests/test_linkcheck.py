"""Online link checks against a local HTTP server on 127.0.0.1 only.

Nothing here reaches another address: proxies are switched off, and name lookups
go through a fake resolver that maps the few test names (``docs.google.com``,
``h1.test`` ...) to 127.0.0.1, fails ``*.invalid`` and records anything else.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from localnet import isolate

from zi_workbook.links import cache as _linkcache
from zi_workbook.links.check import LinkResult, check_urls, link_findings, plan_urls
from zi_workbook.model import PlanRow, Target

LOCAL_NAMES = frozenset(
    {
        "docs.google.com",
        "drive.google.com",
        "accounts.google.com",
        "h0.test",
        "h1.test",
        "h2.test",
        "h3.test",
    }
)
SIGN_IN_PAGE = b"<html><title>Masuk - Akun Google</title><body>Sign in ServiceLogin</body></html>"
REQUEST_ACCESS_PAGE = (
    b"<html><head><title>Google Drive</title></head><body><h1>Anda memerlukan akses</h1>"
    b"<p>Minta akses, atau beralih ke akun yang memiliki akses.</p>"
    b"<button>Minta akses</button></body></html>"
)
PUBLIC_DOC_WITH_SCRIPT = (
    b"<html><head><script>var i18n={a:'Request access',b:'Minta akses'};</script>"
    b"<style>.x{content:'You need access'}</style><title>SK.pdf</title></head>"
    b"<body>PDF</body></html>"
)
DOC_PAGE = b"<html><title>SK Tim Kerja.pdf - Google Drive</title><body>PDF</body></html>"


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        with self.lock:
            self.requests: Counter[tuple[str, str]] = Counter()
            self.in_flight = 0
            self.max_in_flight = 0
            self.host_in_flight: Counter[str] = Counter()
            self.host_max: Counter[str] = Counter()

    @property
    def total(self) -> int:
        with self.lock:
            return sum(self.requests.values())

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.server_address[1]}{path}"

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that gave up (timeout, deadline) is expected here


class Handler(BaseHTTPRequestHandler):
    server: Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_HEAD(self) -> None:
        self._serve("HEAD")

    def do_GET(self) -> None:
        self._serve("GET")

    def _serve(self, method: str) -> None:
        srv, host = self.server, self.headers.get("Host", "").split(":")[0]
        with srv.lock:
            srv.requests[(method, self.path)] += 1
            srv.in_flight += 1
            srv.max_in_flight = max(srv.max_in_flight, srv.in_flight)
            srv.host_in_flight[host] += 1
            srv.host_max[host] = max(srv.host_max[host], srv.host_in_flight[host])
        try:
            self._route(method, host)
        finally:
            with srv.lock:
                srv.in_flight -= 1
                srv.host_in_flight[host] -= 1

    def _route(self, method: str, host: str) -> None:
        path = self.path
        if path.startswith("/hop/"):
            n = int(path.rsplit("/", 1)[1])
            if n > 0:
                return self._send(302, location=f"/hop/{n - 1}")
        elif path == "/missing":
            return self._send(404)
        elif path == "/error":
            return self._send(500)
        elif path == "/head-refused" and method == "HEAD":
            return self._send(405)
        elif path == "/head-reset" and method == "HEAD":
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return None
        elif path == "/slow":
            time.sleep(1.5)
        elif path.startswith("/sleep/"):
            time.sleep(0.2)
        elif path == "/to-login":
            return self._send(302, location="/login?next=/laporan")
        elif path == "/to-sso":
            return self._send(302, location="/auth/realms/kantor/protocol/openid-connect")
        elif path == "/to-author":
            return self._send(302, location="/author/budi/")
        elif path == "/loop":
            return self._send(302, location="/loop")
        elif host == "docs.google.com" and path.startswith("/document/d/private"):
            port = self.server.server_address[1]
            target = f"http://accounts.google.com:{port}/ServiceLogin?service=wise&continue=x"
            return self._send(302, location=target)
        elif host == "accounts.google.com":
            return self._send(200, SIGN_IN_PAGE, method)
        elif host == "drive.google.com" and "askaccess" in path:
            return self._send(200, REQUEST_ACCESS_PAGE, method)
        elif host == "drive.google.com" and "scriptwords" in path:
            return self._send(200, PUBLIC_DOC_WITH_SCRIPT, method)
        elif host == "drive.google.com" and "forbidden" in path:
            return self._send(403)
        return self._send(200, DOC_PAGE, method)

    def _send(
        self, status: int, body: bytes = b"", method: str = "GET", location: str | None = None
    ) -> None:
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if method == "GET" and body:
            self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    srv = Server()
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


@pytest.fixture(autouse=True)
def local_only(monkeypatch: pytest.MonkeyPatch, server: Server) -> Iterator[list[str]]:
    """No proxy, and every name resolves to 127.0.0.1 or fails: nothing leaves the machine."""
    strangers = isolate(monkeypatch, LOCAL_NAMES)
    server.reset()
    yield strangers
    assert strangers == [], f"tried to resolve a name outside the test: {strangers}"


def check(*urls: str, **kw: Any) -> dict[str, LinkResult]:
    kw.setdefault("cache_path", None)
    # a generous per-link timeout: a loaded machine may take over 0.5 s to answer a local
    # request; the tests about timeouts set their own
    kw.setdefault("timeout", 5.0)
    kw.setdefault("total_timeout", 20.0)
    return check_urls(urls, **kw)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


# -------------------------------------------------------------------------- the answers


def test_200_is_ok(server: Server) -> None:
    url = server.url("/ok")
    result = check(url)[url]
    assert (result.ok, result.status, result.problem, result.final_url) == (True, 200, None, url)
    assert server.requests[("HEAD", "/ok")] == 1
    assert server.requests[("GET", "/ok")] == 0


@pytest.mark.parametrize(
    ("path", "status", "why_id", "why_en"),
    [
        ("/missing", 404, "tidak ditemukan (404)", "not found (404)"),
        ("/error", 500, "server galat (500)", "server error (500)"),
    ],
)
def test_http_errors(server: Server, path: str, status: int, why_id: str, why_en: str) -> None:
    url = server.url(path)
    result = check(url)[url]
    assert (result.ok, result.status, result.problem) == (False, status, "http-error")
    assert (result.reason("id"), result.reason("en")) == (why_id, why_en)


def test_redirect_chain_records_final_url_and_hops(server: Server) -> None:
    url = server.url("/hop/3")
    result = check(url)[url]
    assert result.ok
    assert result.final_url == server.url("/hop/0")
    assert result.redirects == 3


@pytest.mark.parametrize("path", ["/head-refused", "/head-reset"])
def test_get_where_head_is_refused(server: Server, path: str) -> None:
    url = server.url(path)
    result = check(url)[url]
    assert (result.ok, result.status) == (True, 200)
    assert server.requests[("HEAD", path)] == 1
    assert server.requests[("GET", path)] == 1


def test_slow_answer_times_out(server: Server) -> None:
    url = server.url("/slow")
    start = time.monotonic()
    result = check(url, timeout=0.5)[url]
    assert time.monotonic() - start < 1.4
    assert (result.ok, result.problem, result.waited) == (False, "timeout", 0.5)
    assert result.reason("id") == "habis waktu setelah 0.5 dtk"
    assert result.reason("en") == "timed out after 0.5 s"


def test_refused(server: Server) -> None:
    url = f"http://127.0.0.1:{closed_port()}/bukti"
    result = check(url)[url]
    assert (result.ok, result.problem, result.reason()) == (False, "refused", "koneksi ditolak")


def test_dns_failure(server: Server) -> None:
    url = "http://no-such-host.invalid/bukti"
    result = check(url)[url]
    assert result.problem == "dns"
    assert result.reason("id") == "nama domain tidak ditemukan"
    assert result.reason("en") == "domain name not found"


def test_google_sign_in_redirect_is_not_public(server: Server) -> None:
    url = server.url("/document/d/private123/edit", "docs.google.com")
    result = check(url)[url]
    assert (result.ok, result.problem) == (False, "not-public")
    assert result.final_url is not None
    assert result.final_url.startswith(server.url("/ServiceLogin", "accounts.google.com"))


def test_google_request_access_page_is_not_public(server: Server) -> None:
    url = server.url("/file/d/askaccess/view?usp=sharing", "drive.google.com")
    result = check(url)[url]
    assert (result.ok, result.status, result.problem) == (False, 200, "not-public")
    assert "minta akses" in result.detail or "memerlukan akses" in result.detail
    assert server.requests[("HEAD", "/file/d/askaccess/view?usp=sharing")] == 0


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        ("/file/d/public/view", None),
        ("/file/d/scriptwords/view", None),  # the words only inside <script>/<style>
        ("/file/d/forbidden/view", "not-public"),
    ],
)
def test_google_drive_answers(server: Server, path: str, problem: str | None) -> None:
    url = server.url(path, "drive.google.com")
    assert check(url)[url].problem == problem


def test_same_words_on_an_ordinary_page_are_not_judged(server: Server) -> None:
    url = server.url("/page-with-request-access-words")
    assert check(url)[url].ok


@pytest.mark.parametrize("path", ["/to-login", "/to-sso"])
def test_redirect_to_a_login_page(server: Server, path: str) -> None:
    url = server.url(path)
    result = check(url)[url]
    assert (result.ok, result.status, result.problem) == (False, 200, "login")
    assert result.final_url is not None
    assert result.final_url != url


def test_author_page_is_no_login(server: Server) -> None:
    url = server.url("/to-author")
    assert check(url)[url].ok


def test_redirect_loop(server: Server) -> None:
    url = server.url("/loop")
    assert check(url)[url].problem == "redirects"


def test_only_distinct_safe_http_urls_are_fetched(server: Server) -> None:
    ok = server.url("/ok")
    urls = [
        ok,
        ok,
        "mailto:ppid@kpu.go.id",
        "javascript:alert(1)",
        "C:\\ZI\\SK.pdf",
        "https://bit.ly/abc def",
    ]
    results = check(*urls)
    assert list(results) == [ok]
    assert server.total == 1


# ------------------------------------------------------------------------------- cache


def test_second_run_is_served_from_the_cache(server: Server, tmp_path: Path) -> None:
    cache = tmp_path / "new" / "folder" / "links.sqlite"
    urls = [server.url("/ok"), server.url("/missing"), server.url("/hop/2")]
    first = check(*urls, cache_path=cache)
    sent = server.total
    assert sent > 0
    assert cache.exists()
    second = check(*urls, cache_path=cache)
    assert server.total == sent  # nothing sent
    assert second == first
    later = time.time() + 86400 + 1
    check(*urls, cache_path=cache, now=lambda: later)
    assert server.total == 2 * sent  # stale: fetched again


def test_deadline_results_are_not_cached(server: Server, tmp_path: Path) -> None:
    cache = tmp_path / "links.sqlite"
    url = server.url("/slow")
    result = check(url, timeout=5, total_timeout=0.3, cache_path=cache)[url]
    assert (result.problem, result.reason()) == ("timeout", "belum selesai diperiksa dalam 0.3 dtk")
    assert _linkcache.load(cache, [url], 86400, time.time()) == {}


@pytest.mark.parametrize("kind", ["garbage", "parent-is-a-file", "directory"])
def test_broken_cache_is_ignored(server: Server, tmp_path: Path, kind: str) -> None:
    cache = tmp_path / "links.sqlite"
    if kind == "garbage":
        cache.write_bytes(b"this is not a database" * 100)
    elif kind == "parent-is-a-file":
        (tmp_path / "file").write_text("x")
        cache = tmp_path / "file" / "links.sqlite"
    else:
        cache.mkdir()
    url = server.url("/ok")
    assert check(url, cache_path=cache)[url].ok
    assert check(url, cache_path=cache)[url].ok


def test_default_cache_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert _linkcache.default_cache_path() == tmp_path / "zi-workbook" / "links.sqlite"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    expected = tmp_path / "home" / ".cache" / "zi-workbook" / "links.sqlite"
    assert _linkcache.default_cache_path() == expected
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    assert _linkcache.default_cache_path() == tmp_path / "Local" / "zi-workbook" / "links.sqlite"


# ------------------------------------------------------------------------ boundedness


def test_500_urls_stay_bounded_and_finish_by_the_deadline(server: Server) -> None:
    urls = [server.url(f"/sleep/{i}", f"h{i % 4}.test") for i in range(500)]
    seen: list[tuple[int, int]] = []
    start = time.monotonic()
    results = check_urls(
        urls,
        timeout=10,
        total_timeout=3,
        max_connections=8,
        max_per_host=3,
        cache_path=None,
        progress=lambda d, t: seen.append((d, t)),
    )
    elapsed = time.monotonic() - start
    # the contract is the deadline (3 s) plus the time to close what is in flight;
    # the margin is wide because the machine may be shared, and the count of URLs
    # checked before the deadline depends on the load, so only "some, not all" is asserted
    assert elapsed < 6.0, elapsed
    assert list(results) == urls
    problems = Counter(r.problem for r in results.values())
    assert set(problems) == {None, "timeout"}
    assert 0 < problems[None] < 500
    assert server.max_in_flight <= 8
    assert max(server.host_max[f"h{i}.test"] for i in range(4)) <= 3
    assert seen[-1] == (500, 500)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    print(
        f"\n500 URLs: {elapsed:.2f} s, {problems[None]} checked, max {server.max_in_flight} "
        f"in flight"
    )


# --------------------------------------------------------------------------- findings


def plan_row(row: int, *links: str) -> PlanRow:
    return PlanRow(
        sheet="Lampiran II",
        row=row,
        area="I",
        no="1",
        component="Tim Kerja",
        indicator=f"Indikator {row}",
        action="Menyusun SK",
        evidence="SK",
        links=links,
        link_candidates=links,
        link_text="",
        target=Target("Januari 2022"),
        columns=(("link", "F"), ("target", "G")),
    )


def result(url: str, problem: str | None, **kw: Any) -> LinkResult:
    return LinkResult(
        url, problem is None, kw.pop("status", 200), kw.pop("final", url), problem, **kw
    )


def test_link_findings() -> None:
    rows = [
        plan_row(7, "https://bit.ly/ok", "https://bit.ly/hilang"),
        plan_row(8, "https://drive.google.com/file/d/x/view", "mailto:ppid@kpu.go.id"),
        plan_row(9, "https://kab-batang.kpu.go.id/arsip", "https://lambat.go.id/x"),
    ]
    results = {
        "https://bit.ly/ok": result("https://bit.ly/ok", None),
        "https://bit.ly/hilang": result("https://bit.ly/hilang", "http-error", status=404),
        "https://drive.google.com/file/d/x/view": result(
            "https://drive.google.com/file/d/x/view", "not-public"
        ),
        "https://kab-batang.kpu.go.id/arsip": result(
            "https://kab-batang.kpu.go.id/arsip", "login", final="https://sso.kpu.go.id/login"
        ),
        "https://lambat.go.id/x": result(
            "https://lambat.go.id/x", "timeout", status=None, waited=10.0
        ),
    }
    found = list(link_findings(rows, results))
    assert [(f.code, f.row, f.column) for f in found] == [
        ("broken-link", 7, "F"),
        ("link-not-public", 8, "F"),
        ("redirect-to-login", 9, "F"),
        ("broken-link", 9, "F"),
    ]
    assert "tidak ditemukan (404)" in found[0].message_id
    assert "not found (404)" in found[0].message_en
    assert "https://sso.kpu.go.id/login" in found[2].message_en
    assert "habis waktu setelah 10 dtk" in found[3].message_id


def test_plan_urls_are_distinct_http_links_in_order() -> None:
    rows = [
        plan_row(7, "https://a.go.id/1", "mailto:x@a.go.id"),
        plan_row(8, "https://a.go.id/2", "https://a.go.id/1"),
    ]
    assert plan_urls(rows) == ["https://a.go.id/1", "https://a.go.id/2"]


def test_reasons_round_trip_through_a_dict() -> None:
    original = result("https://a.go.id/x", "http-error", status=410, redirects=2)
    assert LinkResult.from_dict(original.to_dict()) == original
    assert original.reason() == "sudah dihapus (410)"
    assert result("u", "http-error", status=400).reason("en") == "request refused (400)"
    assert result("u", "http-error", status=503).reason("id") == "server galat (503)"
    assert result("u", "tls").reason("en") == "TLS/HTTPS certificate problem"
    assert result("u", None).reason("id") == "dapat dibuka"


def test_validate_path_does_not_import_httpx() -> None:
    code = (
        "import sys, zi_workbook, zi_workbook.report, zi_workbook.checks, zi_workbook.cli\n"
        "bad = {'httpx', 'zi_workbook.links.check'} & set(sys.modules)\n"
        "assert not bad, bad\n"
    )
    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root, timeout=60)


# ------------------------------------------------------------- through the CLI


def test_cli_check_links_reports_and_writes_the_result(server: Server, tmp_path: Path) -> None:
    """validate --check-links: findings, link_checks in the JSON, a column in the workbook."""
    import json

    import openpyxl
    from builders import Link, make_plan
    from click.testing import CliRunner

    from zi_workbook.cli import main

    ok, missing = server.url("/ok"), server.url("/missing")
    plan = make_plan(
        tmp_path,
        [
            ["I", "Manajemen Perubahan"],
            [1, "Tim Kerja", "SK Tim", "Menyusun SK", "SK Tim", Link(ok, "Lihat"), "Juni 2022"],
            [2, "Tim Kerja", "Rapat", "Rapat Tim", "Notulen", missing, "Juni 2022"],
        ],
    )
    runner = CliRunner()
    args = [
        "validate",
        str(plan),
        "--as-of",
        "2022-05-31",
        "--check-links",
        "--cache",
        str(tmp_path / "links.sqlite"),
        "--link-timeout",
        "2",
    ]
    result = runner.invoke(main, [*args, "--format", "json"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    checks = [row["link_checks"] for row in data["rows"]]
    assert checks[0][0]["ok"] is True and checks[0][0]["status"] == 200
    assert checks[1][0]["ok"] is False and checks[1][0]["status"] == 404
    broken = [f for f in data["findings"] if f["code"] == "broken-link"]
    assert [(f["row"], f["column"]) for f in broken] == [(7, "F")]
    assert "404" in broken[0]["message"]

    server.reset()  # the second run the same day is served from the cache
    out = tmp_path / "status.xlsx"
    assert runner.invoke(main, [*args, "--out", str(out)]).exit_code == 1
    assert server.total == 0
    ws = openpyxl.load_workbook(out)["Status"]
    header = {c.value: c.column for c in ws[4] if c.value}
    column = header["Hasil cek tautan"]
    assert ws.cell(5, column).value.startswith("✓")
    assert ws.cell(6, column).value.startswith("✗") and "404" in ws.cell(6, column).value


def test_validate_without_check_links_sends_nothing(server: Server) -> None:
    from datetime import date

    from zi_workbook.report import validate

    sample = Path(__file__).parent.parent / "samples" / "01_kpu_kab_batang_2022.xlsx"
    data = validate(sample, as_of=date(2022, 5, 31)).to_dict()
    assert all(row["link_checks"] is None for row in data["rows"])
    assert server.total == 0


def test_failures_are_cached_an_hour_and_successes_a_day(server: Server, tmp_path: Path) -> None:
    cache = tmp_path / "links.sqlite"
    ok, missing = server.url("/ok"), server.url("/missing")
    first = check(ok, missing, cache_path=cache)
    assert first[ok].ok and not first[missing].ok
    sent, start = server.total, time.time()
    check(ok, missing, cache_path=cache, now=lambda: start + 3000)
    assert server.total == sent  # both from the cache within the hour
    again = check(ok, missing, cache_path=cache, now=lambda: start + 3700)
    assert server.total == sent + 1  # the failure is fetched again, the success is not
    assert not again[missing].ok and again[missing].checked_at == start + 3700
    assert again[ok] == first[ok]


def test_the_default_cache_folder_is_found_when_called(
    server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))  # set after the import
    url = server.url("/ok")
    assert check_urls([url], timeout=5.0, total_timeout=20.0)[url].ok
    assert (tmp_path / "xdg" / "zi-workbook" / "links.sqlite").is_file()
