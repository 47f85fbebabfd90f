"""The page in a real browser: Debian's Chromium driven by Playwright, the built site
served by `zi-workbook serve`'s server, Pyodide loaded once for the whole module.

Outside CI the module skips (one line) when Playwright, Chromium or the built site
(`python web/build.py --out site/`) is missing; with ZI_REQUIRE_BROWSER=1 (`.ci/run`)
those are failures. ZI_SITE names another site folder; ZI_WEB_SCREENSHOT a PNG to
write of the checked sample (docs/make_pictures.sh uses it).
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from builders import make_plan, small_plan_bytes, write_truncated
from cli_runner import invoke

from zi_workbook.cli import main as cli
from zi_workbook.web.serve import make_server

ROOT = Path(__file__).parent.parent
SAMPLE = ROOT / "samples" / "01_kpu_kab_batang_2022.xlsx"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--lang=id-ID",  # the browser's own words (file picker, date field) in Indonesian
]
AS_OF = "2022-05-31"
STARTUP_MS = 180_000  # a ceiling for a loaded 2-core machine, not a figure we promise


def _missing(reason: str) -> None:
    if os.environ.get("ZI_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests required (ZI_REQUIRE_BROWSER=1): {reason}")
    pytest.skip(reason)


class Page:
    """The page, loaded once, with every request it made."""

    def __init__(self, page: Any, base: str, requests: list[str]) -> None:
        self.page = page
        self.base = base
        self.requests = requests

    def settle(self) -> None:
        """Let what earlier steps started finish before the next: a field's change event
        fires when it loses focus, and a check still running (a language switch runs one)
        would show its result after the next step hid the old one."""
        self.page.evaluate("document.activeElement && document.activeElement.blur()")
        self.page.wait_for_function(
            "() => ['check', 'summary'].every((p) => document.getElementById(p + '-busy').hidden)",
            timeout=STARTUP_MS,
        )

    def result(self, box: str, action: Any) -> None:
        """Hide ``box``, do ``action`` and wait until the page shows a fresh result or error."""
        self.settle()
        self.page.evaluate(
            "(box) => { for (const id of [box + '-result', box + '-error']) "
            "document.getElementById(id).hidden = true; }",
            box,
        )
        action()
        self.page.wait_for_selector(
            f"#{box}-result:not([hidden]), #{box}-error:not([hidden])", timeout=STARTUP_MS
        )


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Page]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed (pip install '.[test]')")
    if not Path(CHROMIUM).exists():
        _missing(f"{CHROMIUM} is missing (apt-get install chromium)")
    site = Path(os.environ.get("ZI_SITE", ROOT / "site"))
    if not (site / "manifest.json").is_file():
        _missing(f"no built site at {site} (python web/build.py --out site/)")
    server = make_server(site, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    requests: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(
            service_workers="block",  # every request shows here; the bench measures the cache
            accept_downloads=True,
            locale="id-ID",
            viewport={"width": 1280, "height": 900},
        )
        context.on("request", lambda r: requests.append(r.url))
        page = context.new_page()
        page.goto(base)
        page.wait_for_selector("body[data-runtime=ready]", state="attached", timeout=STARTUP_MS)
        yield Page(page, base, requests)
        browser.close()
    server.shutdown()
    server.server_close()


def cli_json(folder: Path, *args: object) -> Any:
    old = os.getcwd()
    os.chdir(folder)
    try:
        result = invoke(cli, *args, "--format", "json")
    finally:
        os.chdir(old)
    return json.loads(result.stdout)


def cells(data: bytes) -> dict[str, list[list[object]]]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in book}


def download(web: Page, selector: str, tmp_path: Path) -> bytes:
    with web.page.expect_download() as info:
        web.page.click(selector)
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return path.read_bytes()


@pytest.fixture(scope="module")
def checked(web: Page, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The sample checked on the page as of AS_OF, and the CLI's JSON for it."""
    folder = tmp_path_factory.mktemp("sample")
    shutil.copy(SAMPLE, folder / SAMPLE.name)
    web.page.fill("#as-of", AS_OF)
    web.result("check", lambda: web.page.set_input_files("#plan", str(folder / SAMPLE.name)))
    shot = os.environ.get("ZI_WEB_SCREENSHOT")
    if shot:
        web.page.evaluate("document.activeElement && document.activeElement.blur()")
        web.page.set_viewport_size({"width": 1280, "height": 1250})
        web.page.screenshot(path=shot)
        web.page.set_viewport_size({"width": 1280, "height": 900})
    return cli_json(folder, "validate", SAMPLE.name, "--as-of", AS_OF)  # type: ignore[no-any-return]


def test_counts_statuses_and_findings_are_the_cli_s(web: Page, checked: dict[str, Any]) -> None:
    page = web.page
    counts = {"total": int(page.get_attribute("#counts", "data-total") or -1)}
    for li in page.query_selector_all("ul.counts li"):
        counts[li.get_attribute("data-status") or ""] = int(li.get_attribute("data-count") or -1)
    assert counts == checked["counts"]
    assert "70" in page.inner_text("#counts")
    rows = page.eval_on_selector_all(
        "#status-table tbody tr", "trs => trs.map(t => [t.dataset.row, t.dataset.status])"
    )
    shown = {r: ("not_due" if s == "due_soon" else s) for r, s in rows}
    assert shown == {f"{r['sheet']}!{r['row']}": r["status"] for r in checked["rows"]}
    findings = page.eval_on_selector_all(
        "#findings-table tbody tr",
        "trs => trs.map(t => [t.dataset.code, t.cells[3].textContent])",
    )
    assert findings == [[f["code"], f["message"]] for f in checked["findings"]]


def test_sections_other_features_add_are_shown(web: Page, checked: dict[str, Any]) -> None:
    """Keys beyond the core (the LKE coverage here) render from the report itself."""
    shown = web.page.eval_on_selector_all(
        "#lke-table tbody tr",
        "trs => trs.map(t => [t.dataset.area, +t.cells[t.cells.length - 4].textContent])",
    )
    coverage = checked["lke"]["coverage"]["areas"]
    assert dict(shown) == {n: a["questions"] for n, a in coverage.items()}


def test_follow_up_list_is_the_library_s(web: Page, checked: dict[str, Any]) -> None:
    """Tindak Lanjut on the page: the library's groups and lines, in its order."""
    from zi_workbook.web import api

    expected = api.check(SAMPLE.read_bytes(), SAMPLE.name, as_of=AS_OF)["follow_up"]
    shown = web.page.eval_on_selector_all(
        "#follow-up tbody",
        "bs => bs.map(b => [b.dataset.group, [...b.querySelectorAll('tr[data-group]')]"
        ".map(tr => [...tr.cells].map(c => c.textContent))])",
    )
    assert shown == [[g["group"], g["rows"]] for g in expected["groups"]]
    assert shown[0][0] == "overdue"


def test_filters_show_only_the_chosen_status(web: Page, checked: dict[str, Any]) -> None:
    page = web.page
    page.select_option("#filter-status", "overdue")
    visible = page.eval_on_selector_all(
        "#status-table tbody tr:not([hidden])", "trs => trs.map(t => t.dataset.status)"
    )
    assert visible == ["overdue"] * checked["counts"]["overdue"]
    page.select_option("#filter-status", "")
    assert len(page.query_selector_all("#status-table tbody tr:not([hidden])")) == 70


def test_downloads_equal_the_cli_s_outputs(
    web: Page, checked: dict[str, Any], tmp_path: Path
) -> None:
    shutil.copy(SAMPLE, tmp_path / SAMPLE.name)
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        invoke(cli, "validate", SAMPLE.name, "--as-of", AS_OF, "--out", "cli.xlsx")
        cli_text = invoke(cli, "validate", SAMPLE.name, "--as-of", AS_OF, "--format", "json")
    finally:
        os.chdir(old)
    book = download(web, "#download-status", tmp_path / "page")
    assert cells(book) == cells((tmp_path / "cli.xlsx").read_bytes())
    assert download(web, "#download-json", tmp_path / "page").decode() == cli_text.stdout


def test_a_folder_of_three_plans_gives_the_cli_summary(web: Page, tmp_path: Path) -> None:
    folder = tmp_path / "kantor"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "batang.xlsx")
    (folder / "kecil.xlsx").write_bytes(small_plan_bytes(tmp_path))  # Batang again: a version
    rows = [["1", "Tim Kerja", "Tim dibentuk", "Menyusun SK", "SK", "https://x.go.id", "Mei 2022"]]
    make_plan(folder, rows, name="semarang.xlsx", title_rows=("RENCANA AKSI", "KPU KOTA SEMARANG"))
    (folder / "~$kecil.xlsx").write_bytes(b"lock")
    rows = [["1", "Tim Kerja", "Tim dibentuk", "Menyusun SK", "", "", "Maret 2022"]]
    make_plan(folder, rows, name="kendal.xlsx", title_rows=("RENCANA AKSI", "KPU KABUPATEN KENDAL"))
    expected = cli_json(tmp_path, "summary", "kantor", "--as-of", AS_OF)
    web.page.fill("#summary-as-of", AS_OF)
    web.result("summary", lambda: web.page.set_input_files("#summary-folder", str(folder)))
    shown = web.page.eval_on_selector_all(
        "#summary-table tbody tr",
        "trs => trs.map(t => [t.dataset.file, Object.fromEntries("
        "[...t.querySelectorAll('[data-key]')].map(c => [c.dataset.key, +c.textContent]))])",
    )
    assert dict(shown) == {o["file"]: o["counts"] for o in expected["offices"]}
    assert len(shown) == 3
    files = web.page.eval_on_selector_all(
        "#files-table tbody tr", "trs => trs.map(t => [t.dataset.path, t.dataset.status])"
    )
    assert files == [[f["path"], f["status"]] for f in expected["files"]]
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        invoke(cli, "summary", "kantor", "--as-of", AS_OF, "--out", "cli.xlsx")
    finally:
        os.chdir(old)
    book = download(web, "#download-summary", tmp_path / "page")
    assert cells(book) == cells((tmp_path / "cli.xlsx").read_bytes())


def test_an_unreadable_file_shows_the_cli_line(web: Page, tmp_path: Path) -> None:
    bad = write_truncated(tmp_path, "rusak.xlsx")
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        line = invoke(cli, "validate", "rusak.xlsx").stderr.strip()
    finally:
        os.chdir(old)
    web.result("check", lambda: web.page.set_input_files("#plan", str(bad)))
    assert web.page.inner_text("#check-error") == line
    assert web.page.is_hidden("#check-result")


def test_the_template_is_the_cli_s(web: Page, tmp_path: Path) -> None:
    invoke(cli, "template", "--out", tmp_path / "t.xlsx", "--year", "2026", "--unit", "KPU X")
    web.page.fill("#template-unit", "KPU X")
    web.page.fill("#template-year", "2026")
    page_book = download(web, "#template-form button[type=submit]", tmp_path / "page")
    assert cells(page_book) == cells((tmp_path / "t.xlsx").read_bytes())


def test_keyboard_reaches_every_control(web: Page) -> None:
    page = web.page
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.focus("#lang")
    reached = []
    for _ in range(60):
        reached.append(page.evaluate("document.activeElement.id"))
        page.keyboard.press("Tab")
    for control in (
        "lang",
        "plan",
        "as-of",
        "year",
        "summary-files",
        "summary-folder",
        "summary-as-of",
        "template-unit",
        "template-year",
    ):
        assert control in reached


def test_every_control_has_a_name(web: Page) -> None:
    snapshot = web.page.locator("body").aria_snapshot()
    unnamed = [
        line
        for line in snapshot.splitlines()
        if line.strip().startswith(
            ("- textbox", "- combobox", "- button", "- spinbutton", "- searchbox")
        )
        and not line.strip().split(" ", 2)[2:]
    ]
    assert unnamed == []
    assert "Per tanggal" in snapshot


def test_english_leaves_no_indonesian_label(web: Page) -> None:
    page = web.page
    text = page.evaluate("import('./i18n.js').then(m => m.TEXT)")
    indonesian = {v for k, v in text["id"].items() if v != text["en"][k]}
    indonesian |= {
        "Selesai",
        "Terlambat",
        "Belum jatuh tempo",
        "Perlu perbaikan",
        "Temuan",
        "galat",
        "peringatan",
        "Langkah Aksi",
        "Bukti Fisik",
        "Batas Waktu",
    }
    page.click("#lang")
    page.wait_for_selector("body[data-lang=en]", state="attached")
    labels = page.eval_on_selector_all(
        "h1, h2, h3, label, button, nav a, th, option, dt, p[data-i18n], #runtime, "
        "ul.counts li, #severities, .shown, footer, [aria-label]",
        "els => els.filter(e => e.checkVisibility() || e.tagName === 'OPTION')"
        ".flatMap(e => [e.innerText || e.textContent, e.getAttribute('aria-label')])"
        ".filter(Boolean)",
    )
    found = sorted(
        f"{word!r} in {label!r}"
        for word in indonesian
        for label in labels
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", label)
    )
    assert found == []
    assert page.locator("html").get_attribute("lang") == "en"
    page.click("#lang")
    page.wait_for_selector("body[data-lang=id]", state="attached")


def test_last_month_shows_the_cli_changes(web: Page, tmp_path: Path) -> None:
    shutil.copy(SAMPLE, tmp_path / "mei.xlsx")
    shutil.copy(SAMPLE, tmp_path / "april.xlsx")
    args = ("validate", "mei.xlsx", "--previous", "april.xlsx", "--as-of", AS_OF)
    expected = cli_json(tmp_path, *args)["changes"]
    page = web.page
    page.fill("#as-of", AS_OF)
    web.result("check", lambda: page.set_input_files("#plan", str(tmp_path / "mei.xlsx")))
    web.result("check", lambda: page.set_input_files("#previous", str(tmp_path / "april.xlsx")))
    shown = page.eval_on_selector_all(
        "ul.change-counts li", "lis => lis.map(l => [l.dataset.kind, +l.dataset.count])"
    )
    assert dict(shown) == {k: n for k, n in expected["counts"].items() if n}
    kinds = page.eval_on_selector_all(
        ".changes-table tbody tr", "trs => trs.map(t => t.dataset.kind)"
    )
    assert kinds == [c["kind"] for c in expected["changes"]]
    web.result("check", lambda: page.set_input_files("#previous", []))
    assert page.query_selector("section.extra[data-key=changes]") is None


def test_every_request_went_to_the_serving_host(web: Page) -> None:
    assert web.requests
    strays = [u for u in web.requests if not u.startswith((web.base, "blob:", "data:"))]
    assert strays == []
