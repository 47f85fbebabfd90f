"""zi-workbook: the command line. Options only; the library does the work."""

from __future__ import annotations

import sys
from importlib import import_module
from typing import Any

import click

from .options import usage_line

__all__ = ["main"]

class _Commands(click.Group):
    """Each command lives in its own module, loaded only when asked for (fast start)."""

    _lazy = ("serve", "summary", "template", "validate")

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self._lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self._lazy and cmd_name not in self.commands:
            module = import_module(f"{__name__}.{cmd_name}")
            self.add_command(getattr(module, cmd_name))
        return super().get_command(ctx, cmd_name)

    def main(  # type: ignore[override]
        self,
        args: list[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Usage errors as one line in the user's language, then exit 2."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        argv = list(sys.argv[1:] if args is None else args)
        lang = "en" if _asks_english(argv) else "id"
        try:
            rv = super().main(argv, prog_name, complete_var, False, **extra)
        except click.UsageError as error:
            click.echo(usage_line(error, lang), err=True)
            sys.exit(2)
        except click.Abort:
            click.echo("Aborted." if lang == "en" else "Dibatalkan.", err=True)
            sys.exit(1)
        except click.ClickException as error:
            error.show()
            sys.exit(error.exit_code)
        sys.exit(rv if isinstance(rv, int) else 0)


def _asks_english(argv: list[str]) -> bool:
    pairs = zip(argv, [*argv[1:], ""], strict=True)
    return "--lang=en" in argv or any(a == "--lang" and b == "en" for a, b in pairs)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="zi-workbook")
def main() -> None:
    """Periksa Rencana Aksi Zona Integritas (WBK/WBBM) dalam Excel.

    Check Zona Integritas (WBK/WBBM) action plans kept in Excel.
    """
