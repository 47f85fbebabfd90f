"""The click classes every zi-workbook command is made with: one way to end a run.

``Command.main`` and ``Group.main`` run the command with click's standalone mode off,
so that every exception reaches :func:`.exit.exit_code_for`, and SIGTERM is turned
into an exception while the command runs. A command returns an :class:`.ExitCode`
(or None for OK) instead of calling ``sys.exit``.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable, Sequence
from typing import Any

import click

from .exit import ExitCode, exit_code_for, on_sigterm, remember_inputs
from .texts import Context, UnknownCommand, short_help, speaking

__all__ = ["Command", "Group", "asks_english"]


def asks_english(argv: list[str]) -> bool:
    """``--lang en`` or ``--lang=en`` anywhere on the command line."""
    pairs = itertools.pairwise(argv)
    return "--lang=en" in argv or any(a == "--lang" and b == "en" for a, b in pairs)


def _main(
    run: Callable[..., Any], group: bool, args: Sequence[str] | None, standalone: bool, **kw: Any
) -> Any:
    """click's ``main`` (``run``) with standalone mode off, every ending mapped to an exit code."""
    if not standalone:
        return run(args, standalone_mode=False, **kw)
    argv = list(sys.argv[1:] if args is None else args)
    if group and argv in ([], ["--lang", "en"], ["--lang", "id"], ["--lang=en"], ["--lang=id"]):
        argv = [*argv, "--help"]  # no command: the help, on stdout, exit 0
    lang = "en" if asks_english(argv) else "id"
    with speaking(lang):
        try:
            with on_sigterm():
                rv = run(argv, standalone_mode=False, **kw)
        except SystemExit:
            raise
        except BaseException as error:
            sys.exit(exit_code_for(error, lang, debug="--debug" in argv))
    sys.exit(int(rv) if isinstance(rv, int) else ExitCode.OK)


def _invoke(run: Callable[[click.Context], Any], ctx: click.Context) -> Any:
    try:
        return run(ctx)
    except Exception as error:
        if not isinstance(error, click.ClickException):
            remember_inputs(error, ctx)
        raise


class Command(click.Command):
    """A zi-workbook command: ``@click.command("name", cls=Command)``."""

    context_class = Context

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **kw: Any,
    ) -> Any:
        names = {"prog_name": prog_name, "complete_var": complete_var}
        return _main(super().main, False, args, standalone_mode, **names, **kw)

    def invoke(self, ctx: click.Context) -> Any:
        return _invoke(super().invoke, ctx)

    def get_short_help_str(self, limit: int = 45) -> str:
        return short_help(self, limit)


class Group(click.Group):
    """The zi-workbook command group."""

    context_class = Context

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            raise UnknownCommand(name, self.list_commands(ctx), ctx)
        return super().resolve_command(ctx, args)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **kw: Any,
    ) -> Any:
        names = {"prog_name": prog_name, "complete_var": complete_var}
        return _main(super().main, True, args, standalone_mode, **names, **kw)

    def invoke(self, ctx: click.Context) -> Any:
        return _invoke(super().invoke, ctx)

    def get_short_help_str(self, limit: int = 45) -> str:
        return short_help(self, limit)
