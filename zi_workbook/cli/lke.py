"""zi-workbook lke: the LKE reference (codes, questions, weights, minimums, evidence)."""

from __future__ import annotations

from pathlib import Path

import click

from .base import Command
from .options import debug_option, lang_option

__all__ = ["lke"]


@click.command("lke", cls=Command)
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Tulis ke buku kerja .xlsx / write an .xlsx workbook.",
)
@lang_option
@debug_option
def lke(out: Path | None, lang: str, debug: bool) -> None:
    """Tampilkan referensi LKE (kode, pertanyaan, bobot, minimum, bukti) / print the LKE
    reference (codes, questions, weights, minimums, usual evidence)."""
    from ..i18n.lke import lke_label
    from ..writers.lke_reference import lke_reference_lines, write_lke_reference

    if out is None:
        for line in lke_reference_lines(lang):
            click.echo(line)
        return
    write_lke_reference(out, lang)
    click.echo(f"{lke_label('written', lang)}: {out}")
