"""Options and helpers shared by every zi-workbook command (click only)."""

from __future__ import annotations

import sys
from datetime import date
from typing import NoReturn

import click

from .errors import ZiWorkbookError

__all__ = ["as_of_date", "as_of_option", "debug_option", "fail", "lang_option"]


def fail(error: ZiWorkbookError, lang: str, debug: bool) -> NoReturn:
    if debug:
        raise error
    click.echo(error.message(lang), err=True)
    sys.exit(2)


def as_of_date(value: str | None) -> date:
    if value is None:
        return date.today()  # the one place that reads the clock
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(
            f"'{value}' bukan tanggal YYYY-MM-DD / not a YYYY-MM-DD date", param_hint="--as-of"
        ) from exc


lang_option = click.option(
    "--lang",
    type=click.Choice(["id", "en"]),
    default="id",
    show_default=True,
    help="Bahasa label dan pesan / language of labels and messages.",
)
as_of_option = click.option(
    "--as-of",
    "as_of",
    metavar="YYYY-MM-DD",
    help="Tanggal acuan (bawaan: hari ini) / reference date (default today).",
)
debug_option = click.option(
    "--debug", is_flag=True, help="Tampilkan traceback / show the traceback."
)
