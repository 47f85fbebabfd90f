"""The CLI: the same JSON as the library, exit codes, languages, what it imports."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from builders import Link, make_plan
from click.testing import Result

from zi_workbook.report import validate

SAMPLE = Path(__file__).parent.parent / "samples" / "01_kpu_kab_batang_2022.xlsx"
RunCli = Callable[..., Result]

AREAS = [
    ["I", "Manajemen Perubahan"],
    ["II", "Penataan Tatalaksana"],
    ["III", "Penataan Sistem Manajemen SDM"],
    ["IV", "Penguatan Akuntabilitas"],
    ["V", "Penguatan Pengawasan"],
    ["VI", "Peningkatan Kualitas Pelayanan Publik"],
]


def clean_plan(folder: Path) -> Path:
    """Every area with one complete action: no error finding."""
    rows: list[list[object]] = []
    for n, area in enumerate(AREAS, start=1):
        rows.append(area)
        rows.append(
            [
                1,
                f"Komponen {n}",
                f"Indikator {n}",
                f"Aksi {n}",
                f"Bukti {n}",
                Link(f"https://kab-batang.kpu.go.id/bukti/{n}", "Lihat"),
                "Juni 2022",
            ]
        )
    return make_plan(folder, rows)


def test_json_is_exactly_report_to_dict(run_cli: RunCli) -> None:
    result = run_cli("validate", SAMPLE, "--as-of", "2022-05-31", "--format", "json")
    assert result.exit_code == 1, result.stderr
    expected = validate(SAMPLE, as_of=date(2022, 5, 31)).to_dict()
    assert json.loads(result.stdout) == json.loads(json.dumps(expected))


def test_json_contract_keys(run_cli: RunCli) -> None:
    data = json.loads(
        run_cli("validate", SAMPLE, "--as-of", "2022-05-31", "--format", "json").stdout
    )
    assert data["schema"] == "zi-workbook/report/1"
    assert data["plan_year"] == 2022 and data["unit"] == "KPU Kabupaten Batang"
    assert set(data["counts"]) == {"total", "complete", "overdue", "not_due", "needs_fix"}
    first = data["rows"][0]
    assert {
        "sheet",
        "row",
        "area",
        "no",
        "component",
        "indicator",
        "action",
        "evidence",
        "links",
        "target",
        "link_text",
        "status",
        "extra",
    } <= set(first)
    assert first["target"] == {
        "text": "Minggu ke-1 April 2022",
        "periods": [{"start": "2022-04-01", "end": "2022-04-07"}],
        "deadline": "2022-04-07",
        "due": "2022-04-07",
    }
    assert set(data["rates"]) == {"due_complete", "all_complete"}
    assert {"code", "severity", "sheet", "row", "column", "message"} == set(data["findings"][0])


def test_exit_0_when_no_error_finding(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("validate", clean_plan(tmp_path), "--as-of", "2022-05-31")
    assert result.exit_code == 0, result.output
    assert "Selesai: 6" in result.stdout


def test_exit_1_with_error_findings_and_text_report(run_cli: RunCli) -> None:
    result = run_cli("validate", SAMPLE, "--as-of", "2022-05-31")
    assert result.exit_code == 1
    out = result.stdout
    assert "Lampiran II!F" in out and "missing-link" in out
    assert "Terlambat (11)" in out and "II Penataan Tatalaksana" in out
    assert "shortened-link 52" in out  # info notes counted, not listed
    assert "\x1b[" not in out  # no colour when not a terminal


def test_exit_2_usage_and_input_errors(run_cli: RunCli, tmp_path: Path) -> None:
    missing = run_cli("validate", tmp_path / "tidak-ada.xlsx")
    assert missing.exit_code == 2
    assert "tidak-ada.xlsx" in missing.stderr and len(missing.stderr.strip().splitlines()) == 1
    assert run_cli("validate", SAMPLE, "--as-of", "31-13-2022").exit_code == 2
    assert run_cli("validate", SAMPLE, "--column", "bogus=x").exit_code == 2
    assert run_cli("validate", SAMPLE, "--lang", "fr").exit_code == 2


def test_out_writes_workbook_and_says_so(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "status.xlsx"
    result = run_cli("validate", SAMPLE, "--as-of", "2022-05-31", "--out", out)
    assert result.exit_code == 1
    assert out.exists() and "status.xlsx" in result.stdout
    assert not list(tmp_path.glob(".~zi-*"))  # no temp file left behind


def test_out_into_missing_folder_is_exit_2(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("validate", SAMPLE, "--out", tmp_path / "nope" / "status.xlsx")
    assert result.exit_code == 2 and "status.xlsx" in result.stderr


def test_lang_en_messages(run_cli: RunCli) -> None:
    en = run_cli("validate", SAMPLE, "--as-of", "2022-05-31", "--lang", "en").stdout
    idn = run_cli("validate", SAMPLE, "--as-of", "2022-05-31").stdout
    assert "no link to the evidence" in en and "tautan bukti belum ada" not in en
    assert "tautan bukti belum ada" in idn and "no link to the evidence" not in idn
    assert "Overdue:" in en and "Terlambat:" in idn


def test_importing_the_cli_loads_no_pandas_numpy_or_writers() -> None:
    code = (
        "import sys, zi_workbook.cli; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pandas', 'numpy', 'xlsxwriter', 'openpyxl', 'httpx')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_importing_the_cli_loads_no_library_module_a_command_does_not_ask_for() -> None:
    code = (
        "import sys, zi_workbook.cli; "
        "print(sorted(m for m in sys.modules if m.startswith('zi_workbook.') "
        "and not m.startswith(('zi_workbook.cli', 'zi_workbook.i18n'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "['zi_workbook._pycache', 'zi_workbook._regex', 'zi_workbook.errors']"


def test_every_public_name_is_there_when_asked_for() -> None:
    code = (
        "import sys, zi_workbook; before = set(sys.modules); "
        "from zi_workbook import *; "
        "import zi_workbook as z; "
        "print(all(globals()[n] is getattr(z, n) for n in z.__all__), "
        "'zi_workbook.report' in before, z.read_plan.__module__, z.Plan.__module__)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["True", "False", "zi_workbook.reading.reader", "zi_workbook.model"]


def test_only_the_command_line_process_raises_the_collector_threshold_at_import() -> None:
    code = "import sys, gc; sys.argv[0] = {!r}; import zi_workbook.cli; "
    code += "print(gc.get_threshold()[0])"
    firsts = []
    for argv0 in ("-m", "/usr/bin/zi-workbook", "/x/pytest", "-c"):
        done = subprocess.run(
            [sys.executable, "-c", code.format(argv0)], capture_output=True, text=True, check=True
        )
        firsts.append(int(done.stdout))
    assert firsts == [100_000, 100_000, 700, 700]


def test_the_program_ends_after_its_exit_functions_with_its_output_whole() -> None:
    code = (
        "import atexit, sys; atexit.register(lambda: print('bye', file=sys.stderr)); "
        f"sys.argv = ['/usr/bin/zi-workbook', 'validate', {str(SAMPLE)!r}, "
        "'--as-of', '2022-05-31', '--format', 'json']; "
        "from zi_workbook.cli import main; main()"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 1  # the sample has error findings
    assert json.loads(done.stdout)["counts"]["total"] == 70
    assert done.stderr == "bye\n"


def test_a_run_in_process_leaves_the_garbage_collector_as_it_was(run_cli: RunCli) -> None:
    import gc

    before = gc.get_threshold(), gc.get_freeze_count()
    run_cli("validate", SAMPLE, "--as-of", "2022-05-31", "--format", "json")
    assert (gc.get_threshold(), gc.get_freeze_count()) == before


def test_streamed_json_is_byte_for_byte_json_dumps(tmp_path: Path) -> None:
    import io

    from zi_workbook.writers.json_out import write_json

    for plan in (SAMPLE, clean_plan(tmp_path)):
        report = validate(plan, as_of=date(2022, 5, 31))
        stream = io.StringIO()
        write_json(report, stream)
        assert (
            stream.getvalue() == json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
        )


def test_usage_errors_are_one_line_in_the_users_language() -> None:
    from zi_workbook.cli import main

    cases = [
        (["validate", str(SAMPLE), "--bogus"], "Opsi '--bogus' tidak dikenal"),
        (["validate", str(SAMPLE), "--lang", "fr"], "bukan salah satu dari"),
        (["validate"], "Wajib diisi: argumen 'RENCANA'"),
        (["nosuch"], "perintah 'nosuch' tidak dikenal"),
        (["validate", str(SAMPLE), "--lang", "en", "--bogus"], "Usage error: No such option"),
    ]
    for args, expected in cases:
        proc = subprocess.run(
            [sys.executable, "-m", "zi_workbook.cli", *args],
            capture_output=True,
            text=True,
            check=False,
        )
        assert proc.returncode == 2, args
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and expected in lines[0], (args, proc.stderr)
    assert main.name is not None
