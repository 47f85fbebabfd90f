"""The page's Python side (zi_workbook.web.api) and `zi-workbook serve`, in CPython.

The same module runs inside Pyodide in the browser (tests/test_web_browser.py);
here it is checked against the CLI it must agree with.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import threading
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import openpyxl
import pytest
from click.testing import Result

from zi_workbook.web import api
from zi_workbook.web.serve import CSP, make_server

SAMPLE = Path(__file__).parent.parent / "samples" / "01_kpu_kab_batang_2022.xlsx"
RunCli = Callable[..., Result]


@contextmanager
def inside(folder: Path) -> Iterator[None]:
    old = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(old)


def cells(data: bytes) -> dict[str, list[list[object]]]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in book}


def test_check_gives_the_cli_json_and_workbook(run_cli: RunCli, tmp_path: Path) -> None:
    shutil.copy(SAMPLE, tmp_path / SAMPLE.name)
    with inside(tmp_path):
        cli = run_cli("validate", SAMPLE.name, "--as-of", "2022-05-31", "--format", "json")
        run_cli("validate", SAMPLE.name, "--as-of", "2022-05-31", "--out", "cli.xlsx")
    page = api.check(SAMPLE.read_bytes(), SAMPLE.name, as_of="2022-05-31")
    assert page["ok"]
    assert page["report"] == json.loads(cli.stdout)
    assert api.report_json() == cli.stdout
    assert cells(api.status_workbook()) == cells((tmp_path / "cli.xlsx").read_bytes())
    assert len(page["due_soon"]) == page["report"]["counts"]["total"]
    assert sum(page["severity_counts"].values()) == len(page["report"]["findings"])


def test_follow_up_is_the_status_workbook_s_first_sheet() -> None:
    """The page's Tindak Lanjut list holds what the workbook's Tindak Lanjut sheet holds."""
    page = api.check(SAMPLE.read_bytes(), SAMPLE.name, as_of="2022-05-31")
    follow = page["follow_up"]
    sheet = openpyxl.load_workbook(io.BytesIO(api.status_workbook())).worksheets[0]
    assert sheet.title == "Tindak Lanjut"
    rows = [[c if c is not None else "" for c in r] for r in sheet.iter_rows(values_only=True)]
    head = rows.index(follow["headers"])
    expected: list[object] = []
    for group in follow["groups"]:
        expected.append(f"{group['title']} ({len(group['rows'])})")
        expected.extend(tuple(r[:6]) for r in group["rows"])
    shown = [r[0] if r[1:] == [""] * (len(r) - 1) else tuple(r[:6]) for r in rows[head + 1 :]]
    assert shown == expected
    overdue = next(g for g in follow["groups"] if g["group"] == "overdue")
    assert len(overdue["rows"]) == page["report"]["counts"]["overdue"] == 11
    assert overdue["rows"][0][6] == "31 Januari 2022" and overdue["rows"][0][7] == "120"


def test_unreadable_file_gives_the_cli_line(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "rusak.xlsx").write_text("a,b\n1,2\n")
    for lang in ("id", "en"):
        with inside(tmp_path):
            cli = run_cli("validate", "rusak.xlsx", "--lang", lang)
        page = api.check(b"a,b\n1,2\n", "rusak.xlsx", as_of="2022-05-31", lang=lang)
        assert cli.exit_code == 2
        assert page == {"ok": False, "error": cli.stderr.strip()}


def test_summary_of_a_folder_equals_the_cli(run_cli: RunCli, tmp_path: Path) -> None:
    folder = tmp_path / "kantor"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SAMPLE, folder / "a.xlsx")
    shutil.copy(SAMPLE, folder / "sub" / "b.xlsx")
    (folder / "c.xlsx").write_bytes(b"PK\x03\x04 broken")
    (folder / "~$a.xlsx").write_bytes(b"lock")
    with inside(tmp_path):
        cli = run_cli("summary", "kantor", "--as-of", "2022-05-31", "--format", "json")
    files = [(p.relative_to(tmp_path).as_posix(), p.read_bytes()) for p in folder.rglob("*.xlsx")]
    seen: list[tuple[int, int, str]] = []
    page = api.summary(files, as_of="2022-05-31", progress=lambda *a: seen.append(a))
    assert page["summary"] == json.loads(cli.stdout)
    assert (page["read"], page["failed"]) == (1, 1)  # two copies of one office count once
    assert [s[0] for s in seen] == [0, 1, 2, 3]
    book = cells(api.summary_workbook())
    assert "Ringkasan" in book
    # the page per office, as the CLI writes it below 60 offices
    assert book["KPU Kab. Batang"][1][0] == "KPU Kabupaten Batang"


def test_summary_of_nothing_usable_is_not_ok() -> None:
    assert api.summary([("kosong/notes.txt", b"x")], as_of="2022-05-31")["ok"] is False


def test_template_is_the_cli_template(run_cli: RunCli, tmp_path: Path) -> None:
    run_cli("template", "--out", tmp_path / "t.xlsx", "--year", "2026", "--unit", "KPU X")
    page = api.template(year=2026, unit=" KPU X ")
    assert cells(page) == cells((tmp_path / "t.xlsx").read_bytes())


def test_names_from_the_browser_stay_inside_the_work_folder() -> None:
    page = api.check(SAMPLE.read_bytes(), "../../etc/x/../plan.xlsx", as_of="2022-05-31")
    assert page["report"]["file"] == "etc/x/plan.xlsx"


def test_labels_follow_the_language() -> None:
    en, id_ = api.labels("en"), api.labels("id")
    assert en["statuses"]["overdue"] == "Overdue"
    assert id_["statuses"]["overdue"] == "Terlambat"
    assert id_["findings"]["missing-link"] == "Tautan bukti kosong"
    assert en["colours"]["complete"].startswith("#")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    (folder / "pyodide").mkdir(parents=True)
    (folder / "index.html").write_text("<!doctype html><title>x</title>")
    (folder / "manifest.json").write_text("{}")
    (folder / "pyodide" / "pyodide.asm.wasm").write_bytes(b"\0asm")
    (folder / "pyodide" / "pyodide.mjs").write_text("export {};")
    return folder


def test_serve_sends_wasm_and_modules_with_their_types(site: Path) -> None:
    server = make_server(site, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with urllib.request.urlopen(base + "pyodide/pyodide.asm.wasm") as r:
            assert r.headers["Content-Type"] == "application/wasm"
            assert r.headers["Content-Security-Policy"] == CSP
        with urllib.request.urlopen(base + "pyodide/pyodide.mjs") as r:
            assert r.headers["Content-Type"] == "text/javascript"
        with urllib.request.urlopen(base) as r:
            assert r.headers["Cache-Control"] == "no-cache"
    finally:
        server.shutdown()
        server.server_close()


def test_serve_without_a_built_site_is_exit_2(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("serve", "--site", tmp_path / "nothing")
    assert result.exit_code == 2
    assert "web/build.py" in result.stderr


def test_serve_on_a_port_in_use_is_one_line_exit_2(run_cli: RunCli, site: Path) -> None:
    server = make_server(site, port=0)
    try:
        result = run_cli("serve", "--site", site, "--port", server.server_address[1])
    finally:
        server.server_close()
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_last_month_gives_the_cli_changes(run_cli: RunCli, tmp_path: Path) -> None:
    shutil.copy(SAMPLE, tmp_path / "mei.xlsx")
    shutil.copy(SAMPLE, tmp_path / "april.xlsx")
    args = ("validate", "mei.xlsx", "--previous", "april.xlsx", "--as-of", "2022-05-31")
    with inside(tmp_path):
        cli = run_cli(*args, "--format", "json")
        run_cli(*args, "--out", "cli.xlsx")
    data = SAMPLE.read_bytes()
    page = api.check(
        data, "mei.xlsx", as_of="2022-05-31", previous=data, previous_name="april.xlsx"
    )
    assert page["report"] == json.loads(cli.stdout)
    assert page["report"]["changes"]["changes"]
    assert api.report_json() == cli.stdout
    assert cells(api.status_workbook()) == cells((tmp_path / "cli.xlsx").read_bytes())
    same = api.check(data, "mei.xlsx", as_of="2022-05-31", previous=data, previous_name="mei.xlsx")
    assert same["report"]["changes"]["old"]["file"] == "bulan-lalu/mei.xlsx"


def test_an_unreadable_last_month_is_the_cli_line(run_cli: RunCli, tmp_path: Path) -> None:
    shutil.copy(SAMPLE, tmp_path / "mei.xlsx")
    (tmp_path / "april.json").write_text("{}")
    with inside(tmp_path):
        cli = run_cli("validate", "mei.xlsx", "--previous", "april.json")
    page = api.check(
        SAMPLE.read_bytes(),
        "mei.xlsx",
        as_of="2022-05-31",
        previous=b"{}",
        previous_name="april.json",
    )
    assert page == {"ok": False, "error": cli.stderr.strip()}
