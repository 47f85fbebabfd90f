"""The click classes every zi-workbook command is made with: one way to end a run.

``Command`` and ``Group`` share one ``main``: it runs the command with click's standalone mode off,
so that every exception reaches :func:`.exit.exit_code_for`, and SIGTERM is turned
into an exception while the command runs. A command returns an :class:`.ExitCode`
(or None for OK) instead of calling ``sys.exit``.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import os
import sys
from collections.abc import Iterator, Sequence
from typing import Any

import click

from .exit import ExitCode, exit_code_for, on_sigterm, remember_inputs
from .texts import Context, UnknownCommand, short_help, speaking

__all__ = ["Command", "Group", "asks_english"]


def asks_english(argv: list[str]) -> bool:
    """``--lang en`` or ``--lang=en`` anywhere on the command line."""
    pairs = itertools.pairwise(argv)
    return "--lang=en" in argv or any(a == "--lang" and b == "en" for a, b in pairs)


class _Ending(click.Command):
    """What a command and the group share: how a run ends, and the short help.

    ``main`` runs click with standalone mode off, so every exception reaches
    :func:`.exit.exit_code_for`; ``invoke`` remembers the input files for a bug's line.
    """

    context_class = Context
    #: The group shows its help when no command is given.
    is_group = False

    def get_help_option_names(self, ctx: click.Context) -> list[str]:
        """``-h`` and ``--help`` on every command, even one invoked on its own.

        click keeps a command's help option once made, so a command first invoked
        outside the group (as tests do) would otherwise keep only ``--help``.
        """
        return ["-h", "--help"]

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **kw: Any,
    ) -> Any:
        run = super().main
        if not standalone_mode:
            return run(args, prog_name, complete_var, standalone_mode=False, **kw)
        argv = list(sys.argv[1:] if args is None else args)
        if self.is_group and argv in _BARE:
            argv = [*argv, "--help"]  # no command: the help, on stdout, exit 0
        lang = "en" if asks_english(argv) else "id"
        with speaking(lang), _fewer_collections(ends_process=args is None):
            try:
                with on_sigterm():
                    rv = run(argv, prog_name, complete_var, standalone_mode=False, **kw)
            except SystemExit:
                raise
            except BaseException as error:
                sys.exit(exit_code_for(error, lang, debug="--debug" in argv))
        code = int(rv) if isinstance(rv, int) else ExitCode.OK
        if args is None and _is_the_program():
            _end_process(code)
        sys.exit(code)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except Exception as error:
            if not isinstance(error, click.ClickException):
                remember_inputs(error, ctx)
            raise

    def get_short_help_str(self, limit: int = 45) -> str:
        return short_help(self, limit)


@contextlib.contextmanager
def _fewer_collections(ends_process: bool) -> Iterator[None]:
    """Run with the cyclic garbage collector's first threshold at 100,000 instead of 700;
    when the process ends with the run, freeze what is left before Python's exit.

    A run keeps most of what it allocates (modules, the plan, the report): at 700 the
    collector walks the same live objects again and again, and at exit Python walks them
    all once more (~5 % of a cold ``validate`` together). Garbage without cycles is freed
    at once all the same, and every output is closed before the run returns. Called from
    the command line (``args`` None); CliRunner and other callers pass ``args`` and keep
    their collector as it was.
    """
    before = gc.get_threshold()
    gc.set_threshold(100_000, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
        if ends_process:
            gc.freeze()


def _is_the_program() -> bool:
    """The process is this command line: ``python -m zi_workbook.cli`` (runpy has set
    argv[0] to the ``__main__`` module's path) or the ``zi-workbook`` script."""
    first = sys.argv[0] if sys.argv else ""
    return first.endswith(_PROGRAM_PATHS) or os.path.basename(first).startswith("zi-workbook")


_PROGRAM_PATHS = (os.path.join("zi_workbook", "cli", "__main__.py"),)


def _end_process(code: int) -> None:
    """End a finished run now: the ``atexit`` functions (caches, logging) first, then
    stdout and stderr flushed, then ``os._exit``, without Python's teardown of every
    module and object it made (~9 MIr of a cold validate's ~370). Returns (and the caller
    exits as usual) while another thread runs or when flushing fails (a closed pipe)."""
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return
    import atexit

    try:
        atexit._run_exitfuncs()  # clears them: a normal exit after this runs none twice
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:  # Python's own exit reports it
        return
    os._exit(code)


_BARE: tuple[list[str], ...] = (
    [],
    ["--lang", "en"],
    ["--lang", "id"],
    ["--lang=en"],
    ["--lang=id"],
)


class Command(_Ending):
    """A zi-workbook command: ``@click.command("name", cls=Command)``."""


class Group(_Ending, click.Group):
    """The zi-workbook command group."""

    is_group = True

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            raise UnknownCommand(name, self.list_commands(ctx), ctx)
        return super().resolve_command(ctx, args)
