"""Every way a run ends maps to one ExitCode, with one line on stderr."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from test_cli import SAMPLE, clean_plan

from zi_workbook.cli.exit import ExitCode

RunCli = Callable[..., Result]
ROOT = Path(__file__).parent.parent


def test_the_codes_are_pinned() -> None:
    assert {c.name: int(c) for c in ExitCode} == {
        "OK": 0,
        "FINDINGS": 1,
        "INPUT": 2,
        "BUG": 3,
        "CTRL_C": 130,
        "SIGTERM": 143,
    }


def test_ok_and_findings(run_cli: RunCli, tmp_path: Path) -> None:
    assert run_cli("validate", clean_plan(tmp_path), "--as-of", "2022-05-31").exit_code == 0
    assert run_cli("validate", SAMPLE, "--as-of", "2022-05-31").exit_code == ExitCode.FINDINGS


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["validate", "tidak-ada.xlsx"], "tidak-ada.xlsx"),
        (["validate", str(SAMPLE), "--bogus"], "Opsi '--bogus' tidak dikenal"),
        (["validate", str(SAMPLE), "--as-of", "kemarin"], "--as-of"),
        (["summary", "tidak-ada.xlsx", "--format", "json"], "tidak-ada.xlsx"),
    ],
)
def test_input_errors_are_2_and_one_line(run_cli: RunCli, args: list[str], words: str) -> None:
    result = run_cli(*args)
    assert result.exit_code == ExitCode.INPUT
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr
    assert "Traceback" not in result.stderr


def test_template_over_a_file_is_2_in_english_too(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "rencana.xlsx"
    out.write_bytes(b"")
    result = run_cli("template", "--out", out, "--lang", "en")
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr.strip().endswith("use --force to overwrite.")


def _broken(error: BaseException) -> Callable[..., object]:
    def validate(*args: object, **kwargs: object) -> object:
        raise error

    return validate


def test_a_bug_is_3_with_one_line_naming_the_file(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("zi_workbook.report.validate", _broken(ValueError("oops")))
    result = run_cli("validate", SAMPLE)
    assert result.exit_code == ExitCode.BUG
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert SAMPLE.name in lines[0] and "ValueError: oops" in lines[0]
    assert "mohon laporkan" in lines[0] and "--debug" in lines[0]
    english = run_cli("validate", SAMPLE, "--lang", "en")
    assert english.exit_code == ExitCode.BUG and "please report" in english.stderr


def test_debug_shows_the_traceback(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("zi_workbook.report.validate", _broken(ValueError("oops")))
    result = run_cli("validate", SAMPLE, "--debug")
    assert result.exit_code == ExitCode.BUG
    assert "Traceback" in result.stderr and "ValueError: oops" in result.stderr


def test_a_bug_in_a_command_called_on_its_own_is_3(monkeypatch: pytest.MonkeyPatch) -> None:
    from cli_runner import invoke

    from zi_workbook.cli.summary import summary

    monkeypatch.setattr("zi_workbook.summary.summarize", _broken(RuntimeError("x")))
    result = invoke(summary, SAMPLE)
    assert result.exit_code == ExitCode.BUG and SAMPLE.name in result.stderr


def test_ctrl_c_is_130(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("zi_workbook.report.validate", _broken(KeyboardInterrupt()))
    result = run_cli("validate", SAMPLE)
    assert result.exit_code == ExitCode.CTRL_C
    assert result.stderr.strip().splitlines()[-1] == "Dihentikan (Ctrl+C)."


def _signalled(sig: int, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a child whose plan reader sends ``sig`` to its own process."""
    code = textwrap.dedent(
        f"""
        import os, sys, zi_workbook.report
        def validate(*a, **k):
            os.kill(os.getpid(), {int(sig)})
            raise AssertionError("the signal did not stop the run")
        zi_workbook.report.validate = validate
        from zi_workbook.cli import main
        main({["validate", str(SAMPLE), *args]!r})
        """
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
        # A shell that starts pytest in the background (``&``, nohup, some CI runners)
        # ignores SIGINT, and Python then keeps ignoring it: give the child the default.
        preexec_fn=_default_sigint,
    )


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigterm_is_143_and_sigint_130_in_a_real_process() -> None:
    term = _signalled(signal.SIGTERM)
    assert term.returncode == ExitCode.SIGTERM, term.stderr
    assert term.stderr.strip() == "Dihentikan (SIGTERM)."
    interrupted = _signalled(signal.SIGINT, "--lang", "en")
    assert interrupted.returncode == ExitCode.CTRL_C, interrupted.stderr
    assert interrupted.stderr.strip().splitlines()[-1] == "Interrupted (Ctrl+C)."


def test_every_command_ends_through_exit_code_for() -> None:
    import click

    from zi_workbook.cli import main
    from zi_workbook.cli.base import Command, Group

    ctx = click.Context(main)
    assert isinstance(main, Group)
    for name in main.list_commands(ctx):
        command = main.get_command(ctx, name)
        assert isinstance(command, Command), f"{name}: use @click.command(..., cls=Command)"
