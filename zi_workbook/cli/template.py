"""zi-workbook template: the blank Rencana Aksi that offices fill in."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import ZiWorkbookError
from ..i18n.summary import slabel
from .options import lang_option

__all__ = ["template"]


@click.command("template")
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
def template(out: Path, year: int | None, unit: str | None, lang: str, force: bool) -> None:
    """Tulis templat Rencana Aksi kosong / write a blank Rencana Aksi template."""
    from ..writers.template import write_template

    if out.exists() and not force:
        click.echo(
            f"{out}: "
            + (
                "the file exists (a filled plan?); use --force to overwrite."
                if lang == "en"
                else "berkas sudah ada (rencana yang sudah diisi?); pakai --force untuk menimpanya."
            ),
            err=True,
        )
        sys.exit(2)
    try:
        write_template(out, year=year, unit=unit.strip() if unit else None, lang=lang)
    except ZiWorkbookError as error:
        click.echo(error.message(lang), err=True)
        sys.exit(2)
    click.echo(f"{slabel('template_written', lang)}: {out}")
