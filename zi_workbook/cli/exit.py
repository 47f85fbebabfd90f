"""Exit codes, and the one function that turns every way a run can end into one of them.

========  ====  ====================================================================
name      code  when
========  ====  ====================================================================
OK        0     the run finished and no finding is an error
FINDINGS  1     the run finished and at least one finding is an error (summary: some
                plans could not be read)
INPUT     2     a usage error or an input the tool refuses (missing file, not a
                workbook, output open in Excel...): one line in the user's language
BUG       3     anything else: a bug; one line naming the input, asking for a report
                (the full traceback with ``--debug``)
CTRL_C    130   interrupted with Ctrl+C
SIGTERM   143   stopped by SIGTERM (a scheduler, a CI job or ``kill``)
========  ====  ====================================================================
"""

from __future__ import annotations

import _signal  # type: ignore[import-not-found]  # signal's C half: no enums to build (~3 MIr)
import contextlib
import sys
from collections.abc import Callable, Iterator, Sequence
from enum import IntEnum
from types import FrameType
from typing import Any

import click

from ..errors import ZiWorkbookError

__all__ = ["ExitCode", "Terminated", "exit_code_for", "on_sigterm", "remember_inputs"]


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1
    INPUT = 2
    BUG = 3
    CTRL_C = 130
    SIGTERM = 143


class Terminated(BaseException):
    """Raised by the SIGTERM handler; a BaseException, so no ``except Exception`` eats it."""


_INPUTS = "_zi_inputs"


def exit_code_for(error: BaseException, lang: str, debug: bool) -> ExitCode:
    """Say in one line on stderr why the run stopped, and give its exit code.

    ``ZiWorkbookError`` and click's usage errors are the user's to fix (INPUT);
    Ctrl+C and SIGTERM are the user's wish; anything else is ours (BUG), with the
    traceback only when ``debug`` is set.
    """
    en = lang == "en"
    if isinstance(error, (KeyboardInterrupt, click.Abort)):  # click turns Ctrl+C into Abort
        click.echo("Interrupted (Ctrl+C)." if en else "Dihentikan (Ctrl+C).", err=True)
        return ExitCode.CTRL_C
    if isinstance(error, Terminated):
        click.echo("Stopped (SIGTERM)." if en else "Dihentikan (SIGTERM).", err=True)
        return ExitCode.SIGTERM
    if debug and not isinstance(error, click.UsageError):
        import traceback  # only here: it is not free to import

        traceback.print_exception(type(error), error, error.__traceback__, file=sys.stderr)
    if isinstance(error, ZiWorkbookError):
        click.echo(" ".join(error.message(lang).split()), err=True)
        return ExitCode.INPUT
    if isinstance(error, click.UsageError):
        from .options import usage_line

        click.echo(usage_line(error, lang), err=True)
        return ExitCode.INPUT
    if isinstance(error, click.ClickException):
        click.echo(" ".join(error.format_message().split()), err=True)
        return ExitCode.INPUT
    click.echo(_bug_line(error, en, debug), err=True)
    return ExitCode.BUG


def _bug_line(error: BaseException, en: bool, debug: bool) -> str:
    inputs: Sequence[str] = getattr(error, _INPUTS, ())
    shown = ", ".join(inputs[:3]) + (f" (+{len(inputs) - 3})" if len(inputs) > 3 else "")
    what = f"{type(error).__name__}: {' '.join(str(error).split())}"[:160]
    if en:
        where = f" while working on {shown}" if shown else ""
        more = "" if debug else "; run again with --debug for the details"
        return (
            f"Internal error{where} ({what}). This is a bug in zi-workbook: please report "
            f"it with the file and this command{more}."
        )
    where = f" saat memproses {shown}" if shown else ""
    more = "" if debug else "; jalankan lagi dengan --debug untuk rinciannya"
    return (
        f"Galat internal{where} ({what}). Ini bug zi-workbook: mohon laporkan beserta "
        f"berkasnya dan perintah ini{more}."
    )


def remember_inputs(error: BaseException, ctx: click.Context) -> None:
    """Note on ``error`` the files the command was given, for the BUG line (the innermost
    command's, when a group passes the error on)."""
    if hasattr(error, _INPUTS):
        return
    values: list[str] = []
    for param in ctx.command.params:
        if isinstance(param, click.Argument):
            value = ctx.params.get(param.name or "")
            items = value if isinstance(value, (tuple, list)) else (value,)
            values += [str(v) for v in items if v is not None]
    with contextlib.suppress(AttributeError, TypeError):
        setattr(error, _INPUTS, tuple(values))


@contextlib.contextmanager
def on_sigterm() -> Iterator[None]:
    """While inside, SIGTERM raises ``Terminated`` (outputs are still atomic: the old file
    stays whole). Only in the main thread; the previous handler comes back after."""
    try:
        previous: Callable[[int, FrameType | None], Any] | int | None = _signal.signal(
            _signal.SIGTERM, _raise_terminated
        )
    except (ValueError, OSError, AttributeError):  # not the main thread, or no SIGTERM
        yield
        return
    try:
        yield
    finally:
        _signal.signal(_signal.SIGTERM, previous)


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated()
