"""What the command line shows a person: help and usage errors in one language each,
click's own words included, and the friendly edges (no arguments, a mistyped command,
day-first dates, --out as a folder, an output open in Excel)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import click
import pytest
from click.testing import Result
from test_cli import SAMPLE, clean_plan

from zi_workbook.cli.exit import ExitCode
from zi_workbook.i18n.click_id import CLICK_ID

RunCli = Callable[..., Result]
CLICK_ENGLISH = (
    "Usage:",
    "Options:",
    "Commands:",
    "Show this message and exit.",
    "Show the version and exit.",
    "default:",
    "Invalid value",
    "Missing argument",
    "[OPTIONS]",
    "COMMAND [ARGS]",
    "INTEGER",
    "FLOAT",
    " TEXT ",
    "shows the traceback",
    "No such option",
    "Did you mean",
    "is not one of",
)
COMMANDS = ("compare", "lke", "serve", "summary", "template", "validate")


def test_no_arguments_prints_the_help_on_stdout(run_cli: RunCli) -> None:
    result = run_cli()
    assert result.exit_code == ExitCode.OK and result.stderr == ""
    assert result.stdout.startswith("Cara pakai:") and "Perintah:" in result.stdout
    english = run_cli("--lang", "en")
    assert english.exit_code == 0 and english.stdout.startswith("Usage:")


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("validasi", "validate"), ("ringkasan", "summary"), ("valdate", "validate")],
)
def test_an_unknown_command_gets_one_line_and_a_suggestion(
    run_cli: RunCli, typed: str, meant: str
) -> None:
    result = run_cli(typed, SAMPLE)
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr.strip().splitlines() == [
        f"Galat penggunaan: perintah '{typed}' tidak dikenal; maksudnya '{meant}'? "
        "Lihat 'main --help'."
    ]
    english = run_cli(typed, "--lang", "en").stderr.strip()
    assert english == (
        f"Usage error: no such command '{typed}'; did you mean '{meant}'? See 'main --help'."
    )
    assert "maksudnya" not in run_cli("xyzzy").stderr


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_is_in_one_language_each(run_cli: RunCli, command: str) -> None:
    args = [command] if command else []
    indonesian = run_cli(*args, "--help")
    english = run_cli(*args, "--help", "--lang", "en")
    assert indonesian.exit_code == english.exit_code == 0
    assert indonesian.stdout.startswith("Cara pakai:") and "Opsi:" in indonesian.stdout
    assert "Tampilkan bantuan ini lalu keluar." in indonesian.stdout
    assert not [w for w in CLICK_ENGLISH if w in indonesian.stdout]
    assert english.stdout.startswith("Usage:") and "Show this message and exit." in english.stdout
    for text in (indonesian.stdout, english.stdout):
        assert not re.search(r"\w / \w", text), text  # no "Indonesian / English" left


@pytest.mark.parametrize(
    ("args", "usage"),
    [
        (["validate"], "validate [OPSI] RENCANA"),
        (["summary"], "summary [OPSI] RENCANA..."),
        (["compare"], "compare [OPSI] LAMA BARU"),
    ],
)
def test_usage_line_names_arguments_in_indonesian(
    run_cli: RunCli, args: list[str], usage: str
) -> None:
    assert usage in run_cli(*args, "--help").stdout.splitlines()[0]
    english = run_cli(*args, "--help", "--lang", "en").stdout.splitlines()[0]
    assert "[OPTIONS]" in english and "OPSI" not in english
    missing = run_cli(*args).stderr
    assert "argumen '" + usage.split()[2].rstrip(".") in missing
    assert "'PLAN" not in missing and "'NEW'" not in missing


def test_validate_help_states_the_exit_codes(run_cli: RunCli) -> None:
    indonesian = run_cli("validate", "--help").stdout
    english = run_cli("validate", "--help", "--lang", "en").stdout
    assert "Kode keluar:" in indonesian and "1  ada temuan galat" in indonesian
    assert "Exit codes:" in english and "1  at least one error finding" in english
    for code in ("0  ", "2  ", "3  ", "130", "143"):
        assert code in indonesian and code in english


@pytest.mark.parametrize(
    "args",
    [
        ["validate", str(SAMPLE), "--lang", "fr"],
        ["validate"],
        ["validate", str(SAMPLE), "--bogus"],
        ["validate", str(SAMPLE), "--soon-days", "999"],
        ["validate", str(SAMPLE), "--year", "dua"],
        ["validate", str(SAMPLE), "--as-of"],
        ["validate", str(SAMPLE), "extra"],
    ],
)
def test_usage_errors_have_no_click_english(run_cli: RunCli, args: list[str]) -> None:
    result = run_cli(*args)
    assert result.exit_code == ExitCode.INPUT
    line = result.stderr.strip()
    assert line.startswith("Galat penggunaan: ") and "\n" not in line
    assert not [w for w in CLICK_ENGLISH if w in line], line
    english = run_cli(*args, "--lang", "en") if args != ["validate"] else None
    if english is not None and "--lang" not in args:
        assert english.stderr.startswith("Usage error: ")


def test_every_translated_text_is_still_one_of_clicks() -> None:
    """A click release that rewords a message shows up here, not as English in a help."""
    source = "".join(
        p.read_text(encoding="utf-8") for p in Path(click.__file__).parent.glob("*.py")
    )
    gone = [key for key in CLICK_ID if repr(key)[1:-1] not in source and key not in source]
    assert gone == []


@pytest.mark.parametrize("typed", ["2022-05-31", "31/05/2022", "31-05-2022", "31.05.2022"])
def test_as_of_takes_day_first_dates(run_cli: RunCli, typed: str) -> None:
    result = run_cli("validate", SAMPLE, "--as-of", typed, "--format", "json")
    assert result.exit_code == ExitCode.FINDINGS
    assert '"as_of": "2022-05-31"' in result.stdout


def test_as_of_refuses_an_impossible_date_in_one_line(run_cli: RunCli) -> None:
    result = run_cli("validate", SAMPLE, "--as-of", "31/02/2022")
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr.strip() == (
        "Galat penggunaan: Nilai untuk '--as-of' tidak sah: '31/02/2022' bukan tanggal "
        "(2025-03-31 atau 31/03/2025). Lihat 'main validate --help'."
    )


def test_out_naming_a_folder_writes_status_as_of_there(run_cli: RunCli, tmp_path: Path) -> None:
    folder = tmp_path / "laporan"
    folder.mkdir()
    plan = clean_plan(tmp_path)
    result = run_cli("validate", plan, "--as-of", "31/05/2022", "--out", folder)
    assert result.exit_code == ExitCode.OK, result.stderr
    assert [p.name for p in folder.iterdir()] == ["status_2022-05-31.xlsx"]


@pytest.mark.parametrize("lock", ["~$status.xlsx", ".~lock.status.xlsx#"])
def test_an_output_open_in_excel_is_one_line_and_kept(
    run_cli: RunCli, tmp_path: Path, lock: str
) -> None:
    plan = clean_plan(tmp_path)
    out = tmp_path / "status.xlsx"
    assert run_cli("validate", plan, "--as-of", "2022-05-31", "--out", out).exit_code == 0
    before = out.read_bytes()
    (tmp_path / lock).write_bytes(b"owner")
    result = run_cli("validate", plan, "--as-of", "2022-06-30", "--out", out)
    assert result.exit_code == ExitCode.INPUT
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "sedang dibuka di Excel" in lines[0] and lock in lines[0]
    assert "Berkas lama tetap utuh" in lines[0]
    assert out.read_bytes() == before
    english = run_cli("validate", plan, "--out", out, "--lang", "en").stderr
    assert "is open in Excel or LibreOffice" in english
