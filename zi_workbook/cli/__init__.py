"""zi-workbook: the command line. Options only; the library does the work."""

from __future__ import annotations

import gc
import os
import sys


def _started_as_the_program() -> bool:
    """``python -m zi_workbook.cli`` (argv[0] is "-m" while the package is imported) or
    the ``zi-workbook`` script: the process is this command line, not a library user's."""
    first = sys.argv[0] if sys.argv else ""
    return first == "-m" or os.path.basename(first).startswith("zi-workbook")


if _started_as_the_program():
    # What .base does for a run, from the first import on: the modules imported next
    # (click's, ours) stay alive to the end, and at a first threshold of 700 the cyclic
    # collector walks them again and again (~2 % of a cold validate).
    gc.set_threshold(100_000, *gc.get_threshold()[1:])

from importlib import import_module  # noqa: E402

import click  # noqa: E402

from .base import Group  # noqa: E402
from .texts import english  # noqa: E402

__all__ = ["main"]


class _Commands(Group):
    """Each command lives in its own module, loaded only when asked for (fast start)."""

    _lazy = ("compare", "lke", "serve", "summary", "template", "validate")

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self._lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self._lazy and cmd_name not in self.commands:
            with english():
                module = import_module(f"{__name__}.{cmd_name}")
            self.add_command(getattr(module, cmd_name))
        return super().get_command(ctx, cmd_name)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    package_name="zi-workbook", help="Tampilkan versi lalu keluar / show the version and exit."
)
@click.option(
    "--lang",
    type=click.Choice(["id", "en"]),
    expose_value=False,
    help="Bahasa bantuan ini / language of this help.",
)
def main() -> None:
    """Periksa Rencana Aksi Zona Integritas (WBK/WBBM) dalam Excel / check Zona Integritas
    (WBK/WBBM) action plans kept in Excel.

    Bantuan tiap perintah: zi-workbook PERINTAH --help; bahasa Inggris: --lang en /
    help for each command: zi-workbook COMMAND --help; in English: --lang en.
    """
