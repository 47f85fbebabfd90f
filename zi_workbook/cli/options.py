"""Options and helpers shared by every zi-workbook command (click only)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

__all__ = [
    "as_of_date",
    "as_of_option",
    "debug_option",
    "lang_option",
    "link_check_options",
    "link_options",
    "usage_line",
]


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


F = TypeVar("F", bound=Callable[..., Any])


def link_check_options(total_help: str) -> Callable[[F], F]:
    """--check-links, --cache, --no-cache, --link-timeout, --links-total-timeout."""
    options = [
        click.option(
            "--check-links",
            is_flag=True,
            help="Buka setiap tautan (butuh internet) / fetch every link online "
            "(never by default).",
        ),
        click.option(
            "--cache",
            type=click.Path(path_type=Path),
            help="Berkas cache cek tautan / link-check cache file "
            "(default ~/.cache/zi-workbook/links.sqlite).",
        ),
        click.option("--no-cache", is_flag=True, help="Jangan pakai cache / do not use the cache."),
        click.option(
            "--link-timeout",
            type=click.FloatRange(0.1, 120),
            default=10.0,
            show_default=True,
            help="Detik per tautan / seconds per link.",
        ),
        click.option(
            "--links-total-timeout",
            type=click.FloatRange(1, 3600),
            default=120.0,
            show_default=True,
            help=total_help,
        ),
    ]

    def apply(func: F) -> F:
        for option in reversed(options):
            func = option(func)
        return func

    return apply


def link_options(
    link_timeout: float, links_total_timeout: float, cache: Path | None, no_cache: bool
) -> dict[str, Any]:
    """The keyword arguments of ``linkcheck.check_urls`` that the options say."""
    out: dict[str, Any] = {"timeout": link_timeout, "total_timeout": links_total_timeout}
    if no_cache or cache:
        out["cache_path"] = None if no_cache else cache
    return out


def usage_line(error: click.UsageError, lang: str) -> str:
    """One line that says what was wrong with the command line, and where help is."""
    command = error.ctx.command_path if error.ctx else "zi-workbook"
    detail = error.format_message()
    if lang != "en":
        detail = _indonesian(error, detail)
        return f"Galat penggunaan: {detail} Lihat '{command} --help'."
    return f"Usage error: {detail.rstrip('.')}. See '{command} --help'."


def _indonesian(error: click.UsageError, detail: str) -> str:
    if isinstance(error, click.NoSuchOption):
        return f"opsi {error.option_name} tidak dikenal."
    if isinstance(error, click.MissingParameter):
        name = error.param.get_error_hint(error.ctx) if error.param and error.ctx else ""
        return f"{name} wajib diisi.".strip()
    if isinstance(error, click.BadParameter):
        name = error.param.get_error_hint(error.ctx) if error.param and error.ctx else ""
        hint = error.param_hint if isinstance(error.param_hint, str) else name
        message = re.sub(
            r"'(.+)' is not one of (.+?)\.?$", r"'\1' bukan salah satu dari \2", error.message
        )
        return f"nilai untuk {hint or name} tidak sah ({message})."
    command = re.match(r"No such command '(.+)'", detail)
    if command:
        return f"perintah '{command.group(1)}' tidak dikenal."
    return detail


def columns_map(values: tuple[str, ...]) -> dict[str, str]:
    from ..reading.layout import FIELDS as _FIELDS  # one list for the CLI and the library

    out: dict[str, str] = {}
    for value in values:
        fieldname, sep, header = value.partition("=")
        if not sep or fieldname.strip().lower() not in _FIELDS or not header.strip():
            raise click.BadParameter(
                f"'{value}': gunakan FIELD=HEADER / use FIELD=HEADER, FIELD in "
                f"{', '.join(_FIELDS)}",
                param_hint="--column",
            )
        out[fieldname.strip().lower()] = header.strip()
    return out
