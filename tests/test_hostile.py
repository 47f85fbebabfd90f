"""Unusable inputs: the right ZiWorkbookError, and via the CLI exit 2 with one line.

Every test checks the library (the error class) and the CLI (exit code 2, exactly
one stderr line naming the file, no traceback), and that the input's bytes did not
change. The two decompression bombs run in a child process with a time limit and
an address-space cap, so a reader that does inflate them cannot take the test run
(or the machine) down with it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from builders import (
    digest,
    no_plan_workbook,
    write_bomb,
    write_broken_sheet_xml,
    write_csv_as_xlsx,
    write_docx,
    write_dtd_plan,
    write_empty,
    write_forged_sizes,
    write_missing_sheet_part,
    write_ods,
    write_ole,
    write_truncated,
)

from zi_workbook import read_plan
from zi_workbook.errors import (
    CorruptWorkbookError,
    EncryptedWorkbookError,
    FileAccessError,
    NoPlanTableError,
    NotAWorkbookError,
    UnsafeWorkbookError,
    ZiWorkbookError,
)

REPO = Path(__file__).resolve().parents[1]


def refused(path: Path, cls: type[ZiWorkbookError] | tuple[type[ZiWorkbookError], ...]) -> Any:
    """read_plan(path) raises ``cls`` (a ZiWorkbookError); the file is unchanged."""
    before = digest(path) if path.is_file() else None
    with pytest.raises(ZiWorkbookError) as info:
        read_plan(path)
    err = info.value
    assert isinstance(err, cls), f"{type(err).__name__}: {err}"
    assert err.path == str(path)
    if before is not None:
        assert digest(path) == before
    return err


def cli_refuses(run_cli: Callable[..., Any], path: Path) -> str:
    """``validate`` exits 2 with one stderr line naming the file; returns that line."""
    before = digest(path) if path.is_file() else None
    result = run_cli("validate", path, "--format", "json")
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    lines = result.stderr.strip("\n").splitlines()
    assert len(lines) == 1, result.stderr
    assert path.name in lines[0]
    assert "Traceback" not in result.stderr
    assert "Traceback" not in result.stdout
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit)
    if before is not None:
        assert digest(path) == before
    return lines[0]


# -------------------------------------------------------------------- file access


def test_missing_file(tmp_path: Path, run_cli: Any) -> None:
    path = tmp_path / "tidak-ada.xlsx"
    refused(path, FileAccessError)
    cli_refuses(run_cli, path)
    assert not path.exists()


def test_directory(tmp_path: Path, run_cli: Any) -> None:
    path = tmp_path / "folder.xlsx"
    path.mkdir()
    refused(path, FileAccessError)
    cli_refuses(run_cli, path)
    assert path.is_dir()
    assert list(path.iterdir()) == []


# ------------------------------------------------------------------ not a workbook


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(None, id="csv"),
        pytest.param("\ufeffNO;INDIKATOR;LANGKAH AKSI\n1;Tim;Menyusun SK\n", id="csv-bom"),
        pytest.param(
            "<html><body><table><tr><td>NO</td><td>INDIKATOR</td></tr></table></body></html>",
            id="html-export",
        ),
    ],
)
def test_text_file_named_xlsx(tmp_path: Path, run_cli: Any, content: str | None) -> None:
    path = write_csv_as_xlsx(tmp_path)
    if content is not None:
        path.write_text(content, encoding="utf-8")
    refused(path, NotAWorkbookError)
    cli_refuses(run_cli, path)


def test_empty_file(tmp_path: Path, run_cli: Any) -> None:
    path = write_empty(tmp_path)
    err = refused(path, NotAWorkbookError)
    assert "empty" in err.message("en").lower()
    cli_refuses(run_cli, path)


@pytest.mark.parametrize(
    ("write", "error"),
    [
        pytest.param(write_docx, NotAWorkbookError, id="docx-named-xlsx"),
        pytest.param(write_truncated, CorruptWorkbookError, id="truncated-zip"),
        pytest.param(write_broken_sheet_xml, CorruptWorkbookError, id="sheet-xml-broken"),
        # workbook.xml lists a sheet whose XML is not in the zip: a damaged package,
        # not "no plan table, headers seen: -"
        pytest.param(write_missing_sheet_part, CorruptWorkbookError, id="sheet-part-missing"),
    ],
)
def test_damaged_or_foreign_zip(
    tmp_path: Path, run_cli: Any, write: Callable[[Path], Path], error: type[Exception]
) -> None:
    path = write(tmp_path)
    refused(path, error)
    cli_refuses(run_cli, path)


# ------------------------------------------------------------------------- formats


def test_password_protected_workbook(tmp_path: Path, run_cli: Any) -> None:
    path = write_ole(tmp_path, "terkunci.xlsx")
    err = refused(path, EncryptedWorkbookError)
    assert "kata sandi" in err.message("id").lower()
    assert "password" in err.message("en").lower()
    cli_refuses(run_cli, path)


def test_damaged_legacy_xls(tmp_path: Path, run_cli: Any) -> None:
    """.xls is read (tests/test_formats.py); a damaged one is refused in one line."""
    path = write_ole(tmp_path, "lama.xls")
    refused(path, CorruptWorkbookError)
    cli_refuses(run_cli, path)


def test_ods_without_a_plan_table(tmp_path: Path, run_cli: Any) -> None:
    """.ods is read (tests/test_formats.py); one without a plan table says so."""
    path = write_ods(tmp_path)
    refused(path, NoPlanTableError)
    cli_refuses(run_cli, path)


def test_no_plan_table(tmp_path: Path, run_cli: Any) -> None:
    path = no_plan_workbook(tmp_path)
    err = refused(path, NoPlanTableError)
    for lang in ("id", "en"):
        text = err.message(lang).upper()
        assert "INDIKATOR" in text or "LANGKAH AKSI" in text
    cli_refuses(run_cli, path)


# -------------------------------------------------------------------------- unsafe


def test_dtd_entities_refused_fast(tmp_path: Path, run_cli: Any) -> None:
    path = write_dtd_plan(tmp_path)
    start = time.monotonic()
    refused(path, UnsafeWorkbookError)
    assert time.monotonic() - start < 3
    cli_refuses(run_cli, path)


# The child reads one file (library or CLI) under a cap on its address space and
# prints what happened as JSON, with its elapsed time and memory growth.
CHILD = r"""
import json, resource, sys, time, tracemalloc
import openpyxl, zipfile, zlib  # load what the reader may load, before measuring
import zi_workbook.reading.reader
from click.testing import CliRunner
from zi_workbook import read_plan
from zi_workbook.cli import main

mode, path, cap = sys.argv[1], sys.argv[2], int(sys.argv[3])

def vm_bytes():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0

if cap:
    limit = vm_bytes() + cap
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
tracemalloc.start()
start = time.monotonic()
out = {}
try:
    if mode == "lib":
        read_plan(path)
        out["error"] = None
    else:
        try:
            runner = CliRunner(mix_stderr=False)
        except TypeError:
            runner = CliRunner()
        r = runner.invoke(main, ["validate", path, "--format", "json"])
        out.update(exit_code=r.exit_code, stdout=r.stdout, stderr=r.stderr,
                   exception=type(r.exception).__name__ if r.exception else None)
except BaseException as e:
    out["error"] = type(e).__name__
    out["mro"] = [c.__name__ for c in type(e).__mro__]
    out["message"] = str(e)[:300]
out["elapsed"] = time.monotonic() - start
out["traced_peak"] = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
out["rss_growth"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - rss0
print(json.dumps(out))
"""


def in_child(mode: str, path: Path, *, cap: int = 768 << 20, timeout: float = 60) -> Any:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    try:
        proc = subprocess.run(
            [sys.executable, "-c", CHILD, mode, str(path), str(cap)],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
            cwd=REPO,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"reading {path.name} ({mode}) took more than {timeout} s")
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


MB = 1 << 20


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """~1 GiB of sheet XML in a ~2.6 MB workbook (built in a few seconds)."""
    return write_bomb(tmp_path_factory.mktemp("bomb"))


@pytest.fixture(scope="module", params=[4 << 10, 2 << 20], ids=["declared-4KiB", "declared-2MiB"])
def forged(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    """sheet1.xml declared small in both zip headers, inflating to 200 MiB.

    4 KiB is less than its compressed size (an impossible ratio); 2 MiB is a
    plausible ~4:1 ratio, so only a reader that bounds what it inflates is safe.
    """
    return write_forged_sizes(tmp_path_factory.mktemp("forged"), declared=request.param)


def check_bomb_lib(path: Path, allowed: tuple[str, ...]) -> None:
    before = digest(path)
    out = in_child("lib", path)
    assert out.get("error") in allowed, out
    assert "ZiWorkbookError" in out["mro"], out
    assert out["elapsed"] < 5, out
    assert out["traced_peak"] < 100 * MB, out
    assert out["rss_growth"] < 100 * MB, out
    assert digest(path) == before


def check_bomb_cli(path: Path) -> None:
    before = digest(path)
    out = in_child("cli", path)
    assert out.get("exit_code") == 2, out
    lines = out["stderr"].strip("\n").splitlines()
    assert len(lines) == 1, out
    assert path.name in lines[0]
    assert "Traceback" not in out["stderr"] + out["stdout"]
    assert out["elapsed"] < 5, out
    assert out["rss_growth"] < 100 * MB, out
    assert digest(path) == before


def test_decompression_bomb_library(bomb: Path) -> None:
    assert bomb.stat().st_size < 10 * MB
    check_bomb_lib(bomb, ("UnsafeWorkbookError",))


def test_decompression_bomb_cli(bomb: Path) -> None:
    check_bomb_cli(bomb)


def test_forged_sizes_refused_not_inflated_library(forged: Path) -> None:
    check_bomb_lib(forged, ("UnsafeWorkbookError", "CorruptWorkbookError"))


def test_forged_sizes_refused_not_inflated_cli(forged: Path) -> None:
    check_bomb_cli(forged)


@pytest.fixture(scope="module", params=["xl/workbook.xml", "xl/styles.xml"])
def forged_stored_size(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Path:
    """A small part whose central-directory entry states a compressed size of ~2 GiB, far
    past the file's end (found by bench/fuzz.py: the reader allocated that much before
    reading, a MemoryError and exit 3 under a memory cap)."""
    import hostile_files

    folder = tmp_path_factory.mktemp("stored-size")
    data = bytearray(hostile_files.base_plan(folder).read_bytes())
    name = str(request.param).encode()
    at = data.index(b"PK\x01\x02")
    while data[at + 46 : at + 46 + len(name)] != name:
        at = data.index(b"PK\x01\x02", at + 4)
    data[at + 20 : at + 24] = (0x7FFF_FFF0).to_bytes(4, "little")
    path = folder / "ukuran-palsu.xlsx"
    path.write_bytes(bytes(data))
    return path


def test_a_stated_size_past_the_file_end_is_never_allocated_library(
    forged_stored_size: Path,
) -> None:
    # zipfile reads the member up to the end of its deflate stream, so the plan is read
    # (the stated size is only a bound); what must never happen is a 2 GiB buffer
    out = in_child("lib", forged_stored_size)
    assert out.get("error") is None, out
    assert out["traced_peak"] < 100 * MB and out["rss_growth"] < 100 * MB, out


def test_a_stated_size_past_the_file_end_is_never_allocated_cli(
    forged_stored_size: Path,
) -> None:
    out = in_child("cli", forged_stored_size)
    assert out.get("exit_code") in (0, 1), out
    assert "Traceback" not in out["stderr"] + out["stdout"], out
    assert out["rss_growth"] < 100 * MB, out


def test_one_value_far_outside_the_table_is_refused_fast(tmp_path: Path, run_cli: Any) -> None:
    # two values, A1 and XFD1048576: a used area of 17 billion cells in a 5 KB file
    import time

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "INDIKATOR"
    ws["XFD1048576"] = "x"
    path = tmp_path / "jauh.xlsx"
    wb.save(path)
    started = time.perf_counter()
    err = refused(path, UnsafeWorkbookError)
    assert time.perf_counter() - started < 5
    assert "XFD1048576" in err.message("id") and "XFD1048576" in err.message("en")
    cli_refuses(run_cli, path)


@pytest.mark.parametrize("padding", [b"<!--" + b"x" * 100_000 + b"-->", b" " * 100_000])
def test_dtd_hidden_behind_a_long_prolog_is_refused(
    tmp_path: Path, run_cli: Any, padding: bytes
) -> None:
    import zipfile

    from builders import make_plan

    source = make_plan(tmp_path, [["I", "Manajemen Perubahan"]], name="src.xlsx")
    path = tmp_path / "prolog.xlsx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                cut = data.index(b"?>") + 2 if data.startswith(b"<?xml") else 0
                dtd = b'<!DOCTYPE x [<!ENTITY a "aaaa">]>'
                data = data[:cut] + padding + dtd + data[cut:]
            zout.writestr(info, data)
    refused(path, UnsafeWorkbookError)
    cli_refuses(run_cli, path)
