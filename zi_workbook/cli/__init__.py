"""zi-workbook: the command line. Options only; the library does the work."""

from __future__ import annotations

from importlib import import_module

import click

from .base import Group
from .texts import english

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
