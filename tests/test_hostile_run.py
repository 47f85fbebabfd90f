"""Issue 13, points 4, 5 and 8 at the command line: stdout whole or absent, each plan of
a summary on its own (even when its reader dies), names that are not UTF-8."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path
from typing import Any

import hostile_files as hf
import pytest
from builders import digest

from zi_workbook.summary import summarize

AS_OF = "2022-06-30"


def one_line(stderr: str) -> str:
    lines = stderr.strip("\n").splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


# ------------------------------------------------------- 4. stdout whole or absent


def test_json_is_absent_when_the_report_fails_half_way(
    tmp_path: Path, run_cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zi_workbook.report import Report

    def broken(self: Report) -> Any:
        yield {"code": "first"}
        raise RuntimeError("half-way")

    monkeypatch.setattr(Report, "iter_findings", broken)
    result = run_cli("validate", hf.base_plan(tmp_path), "--format", "json", "--as-of", AS_OF)
    assert result.exit_code == 3
    assert result.stdout == ""
    assert "half-way" in one_line(result.stderr)


# -------------------------------------------------------------- 5. isolation


def hostile_folder(tmp_path: Path) -> tuple[Path, list[Path]]:
    folder = tmp_path / "rencana"
    folder.mkdir()
    bad = [
        hf.far_cell_in_row_one(folder),
        hf.unique_count(folder),
        hf.minus_inf_date(folder),
        hf.deflate64_member(folder),
        hf.dtd_inside_root(folder),
    ]
    for leftover in folder.glob("*-src.xlsx"):
        leftover.unlink()
    return folder, bad


def test_summary_gives_each_broken_plan_its_reason(tmp_path: Path, run_cli: Any) -> None:
    folder, bad = hostile_folder(tmp_path)
    good = hf.base_plan(tmp_path)
    good = Path(os.replace(good, folder / "baik.xlsx") or folder / "baik.xlsx")
    before = {p: digest(p) for p in folder.glob("*.xlsx")}
    result = run_cli("summary", folder, "--format", "json", "--as-of", AS_OF)
    assert result.exit_code == 1, result.stderr
    files = {Path(f["path"]).name: f for f in json.loads(result.stdout)["files"]}
    assert files["baik.xlsx"]["status"] == "read"
    for path in bad:
        assert files[path.name]["status"] == "failed"
        reason = files[path.name]["reason"]
        assert reason and "\n" not in reason and "Traceback" not in reason
    assert len(result.stderr.strip().splitlines()) == len(bad)
    assert before == {p: digest(p) for p in folder.glob("*.xlsx")}


def test_summary_none_readable_is_one_line(tmp_path: Path, run_cli: Any) -> None:
    folder, bad = hostile_folder(tmp_path)
    for fmt in ("json", "text"):
        result = run_cli("summary", folder, "--format", fmt, "--as-of", AS_OF)
        assert result.exit_code == 2
        assert str(len(bad)) in one_line(result.stderr)
        if fmt == "json":
            files = json.loads(result.stdout)["files"]
            assert [f["status"] for f in files] == ["failed"] * len(bad)


def _kill_one(path: str, *args: Any, **kw: Any) -> Any:
    """Stands in for summarize_one in the worker: the reader dies on one plan."""
    from zi_workbook.summary.office import summarize_one

    if "mati" in Path(path).name:
        os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer or an abort would
    return summarize_one(path, *args, **kw)


@pytest.mark.parametrize("count", [3, 10], ids=["one-worker", "parallel"])
def test_a_plan_that_kills_its_reader_is_only_that_plan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int
) -> None:
    import zi_workbook.summary.run as run

    monkeypatch.setattr(run, "summarize_one", _kill_one)
    folder = tmp_path / "rencana"
    folder.mkdir()
    data = hf.base_plan(tmp_path).read_bytes()
    for i in range(count):
        (folder / f"{i:02d}-baik.xlsx").write_bytes(data)
    (folder / "05-mati.xlsx").write_bytes(data)
    result = summarize(
        [folder], as_of=__import__("datetime").date(2022, 6, 30), jobs=2, all_versions=True
    )
    by_name = {Path(f.path).name: f for f in result.files}
    assert len(by_name) == count + 1
    assert by_name["05-mati.xlsx"].status == "failed"
    assert "berhenti mendadak" in (by_name["05-mati.xlsx"].reason or "")
    assert all(f.status == "read" for n, f in by_name.items() if "mati" not in n)


# ------------------------------------------------------- 8. names not UTF-8


@pytest.fixture
def latin1_name(tmp_path: Path) -> Path:
    name = os.fsdecode(b"rencana-p\xe9mda.xlsx")  # written on a Windows share in cp1252
    path = tmp_path / name
    path.write_bytes(hf.base_plan(tmp_path).read_bytes())
    return path


def test_a_name_that_is_not_utf8_reads_like_any_other(latin1_name: Path, run_cli: Any) -> None:
    result = run_cli("validate", latin1_name, "--format", "json", "--as-of", AS_OF)
    assert result.exit_code in (0, 1), result.stderr
    text = result.stdout_bytes.decode("utf-8")  # strict: valid UTF-8
    assert "rencana-p\ufffdmda.xlsx" in text
    assert len(json.loads(text)["rows"]) == 2
    out = latin1_name.parent / "status.xlsx"
    result = run_cli("validate", latin1_name, "--out", out, "--as-of", AS_OF)
    assert result.exit_code in (0, 1), result.stderr
    assert out.is_file()


def test_a_summary_with_a_name_that_is_not_utf8(latin1_name: Path, run_cli: Any) -> None:
    out = latin1_name.parent / "ringkasan.xlsx"
    result = run_cli(
        "summary", latin1_name.parent, "--format", "json", "--out", out, "--as-of", AS_OF
    )
    assert result.exit_code == 0, result.stderr
    files = json.loads(result.stdout_bytes.decode("utf-8"))["files"]
    assert [(f["path"], f["status"]) for f in files] == [("rencana-p\ufffdmda.xlsx", "read")]
    import openpyxl

    wb = openpyxl.load_workbook(out)
    cells = [c.value for ws in wb for row in ws.iter_rows() for c in row if c.value]
    assert any("rencana-p\ufffdmda.xlsx" in str(v) for v in cells)
