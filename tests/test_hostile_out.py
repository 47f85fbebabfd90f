"""Issue 13, point 6: odd paths and outputs end with one line, the old output intact
and no temporary file left (xlsxwriter's own temporaries included)."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import hostile_files as hf
import pytest
from builders import digest

REPO = Path(__file__).resolve().parents[1]
AS_OF = "2022-06-30"


def one_line(result: Any, code: int) -> str:
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    lines = result.stderr.strip("\n").splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return str(lines[0])


@pytest.fixture
def scratch_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """$TMPDIR for the test: a folder whose contents can be checked afterwards."""
    folder = tmp_path / "systemp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def leftovers(*folders: Path) -> list[str]:
    return sorted(
        p.name for f in folders for p in f.iterdir() if p.name.startswith((".~zi", "tmp"))
    )


# ------------------------------------------------------------------ inputs


def test_a_symlink_loop_is_one_line(tmp_path: Path, run_cli: Any) -> None:
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    a.symlink_to(b)
    b.symlink_to(a)
    assert "a.xlsx" in one_line(run_cli("validate", a), 2)
    out = tmp_path / "out.xlsx"
    out.symlink_to(tmp_path / "out.xlsx")  # a loop as the output, too
    plan = hf.base_plan(tmp_path)
    one_line(run_cli("validate", plan, "--out", out, "--as-of", AS_OF), 2)
    result = run_cli("summary", tmp_path, "--format", "json", "--as-of", AS_OF)
    assert result.exit_code in (0, 1, 2) and "Traceback" not in result.stderr


def test_a_fifo_named_as_a_plan_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipa.xlsx"
    os.mkfifo(fifo)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for args in (["validate", str(fifo)], ["summary", str(fifo), "--format", "json"]):
        proc = subprocess.run(
            [sys.executable, "-m", "zi_workbook.cli", *args],
            capture_output=True,
            text=True,
            timeout=60,  # a reader that opens the FIFO would wait forever
            env=env,
        )
        assert proc.returncode == 2, proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
        assert "pipa.xlsx" in proc.stderr


# ----------------------------------------------------------------- outputs


def test_a_300_character_output_name(tmp_path: Path, run_cli: Any) -> None:
    out = tmp_path / ("r" * 295 + ".xlsx")
    line = one_line(run_cli("validate", hf.base_plan(tmp_path), "--out", out, "--as-of", AS_OF), 2)
    assert "255" in line
    assert leftovers(tmp_path) == []


def _old_output(tmp_path: Path) -> tuple[Path, Path, str]:
    plan = hf.base_plan(tmp_path)
    out = tmp_path / "status.xlsx"
    out.write_bytes(plan.read_bytes())  # an older output: any workbook
    return plan, out, digest(out)


def test_a_full_disk_leaves_the_old_output_and_no_temporary(
    tmp_path: Path, run_cli: Any, scratch_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, out, before = _old_output(tmp_path)
    real = zipfile.ZipFile.write
    calls = []

    def full(self: zipfile.ZipFile, *args: Any, **kw: Any) -> Any:
        calls.append(args)
        if len(calls) == 3:  # xlsxwriter's parts are in its temporary files by now
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, *args, **kw)

    monkeypatch.setattr(zipfile.ZipFile, "write", full)
    line = one_line(run_cli("validate", plan, "--out", out, "--as-of", AS_OF), 2)
    assert "No space left" in line
    assert len(calls) == 3
    assert digest(out) == before
    assert leftovers(tmp_path, scratch_tmp) == []


@pytest.mark.parametrize(
    ("stop", "code"),
    [
        pytest.param("ctrl-c", 130, id="ctrl-c"),
        pytest.param("sigterm", 143, id="sigterm"),
    ],
)
def test_stopped_while_writing(
    tmp_path: Path,
    run_cli: Any,
    scratch_tmp: Path,
    monkeypatch: pytest.MonkeyPatch,
    stop: str,
    code: int,
) -> None:
    """Stopped after the rows went to xlsxwriter's temporary files (constant memory)."""
    import zi_workbook.writers.status as status

    plan, out, before = _old_output(tmp_path)
    real = status.write_findings_sheet

    def stopped(*args: Any) -> None:
        real(*args)
        if stop == "ctrl-c":
            raise KeyboardInterrupt
        os.kill(os.getpid(), signal.SIGTERM)  # the CLI's handler raises here

    monkeypatch.setattr(status, "write_findings_sheet", stopped)
    one_line(run_cli("validate", plan, "--out", out, "--as-of", AS_OF), code)
    assert digest(out) == before
    assert leftovers(tmp_path, scratch_tmp) == []
