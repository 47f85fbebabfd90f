"""zi-workbook template: the blank Rencana Aksi that offices fill in."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import OutputError
from ..i18n.summary import slabel
from .base import Command
from .options import debug_option, lang_option

__all__ = ["template"]


@click.command("template", cls=Command)
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("rencana_aksi.xlsx"),
    show_default=True,
    help="Berkas templat / the template file to write.",
)
@click.option(
    "--year",
    type=click.IntRange(1900, 2100),
    help="Tahun rencana pada judul / plan year in the title (default: TAHUN ....).",
)
@click.option("--unit", help="Nama unit kerja pada judul / the unit's name in the title.")
@lang_option
@click.option(
    "--force", is_flag=True, help="Timpa berkas yang sudah ada / overwrite an existing file."
)
@debug_option
def template(
    out: Path, year: int | None, unit: str | None, lang: str, force: bool, debug: bool
) -> None:
    """Tulis templat Rencana Aksi kosong / write a blank Rencana Aksi template."""
    from ..writers.template import write_template

    if out.exists() and not force:
        raise OutputError(
            out,
            "berkas sudah ada (rencana yang sudah diisi?); pakai --force untuk menimpanya.",
            "the file exists (a filled plan?); use --force to overwrite.",
        )
    write_template(out, year=year, unit=unit.strip() if unit else None, lang=lang)
    click.echo(f"{slabel('template_written', lang)}: {out}")
