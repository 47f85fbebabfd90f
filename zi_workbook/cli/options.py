"""Options and helpers shared by every zi-workbook command (click only)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from .. import _regex

__all__ = [
    "as_of_date",
    "as_of_option",
    "debug_option",
    "lang_option",
    "link_check_options",
    "link_options",
    "output_file",
    "previous_option",
    "usage_line",
]


_DAY_FIRST = _regex.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")


def as_of_date(value: str | None) -> date:
    """``--as-of``: ``2025-03-31``, or day first as offices write it: ``31/03/2025``,
    ``31-03-2025``, ``31.03.2025``; none given: today."""
    if value is None:
        return date.today()  # the one place that reads the clock
    try:
        day_first = _DAY_FIRST.match(value)
        if day_first:
            day, month, year = (int(g) for g in day_first.groups())
            return date(year, month, day)
        return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise click.BadParameter(
            f"'{value}' bukan tanggal (2025-03-31 atau 31/03/2025) / "
            f"'{value}' is not a date (2025-03-31 or 31/03/2025)",
            param_hint="'--as-of'",
        ) from exc


def output_file(out: Path | None, as_of: date, stem: str = "status") -> Path | None:
    """``--out``: a file as given; an existing folder gets ``<stem>_<as-of>.xlsx`` inside."""
    try:
        folder = out is not None and out.is_dir()
    except OSError:  # a name too long, a loop of links: the writer says so in one line
        folder = False
    return out / f"{stem}_{as_of.isoformat()}.xlsx" if out is not None and folder else out


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
    help="Tanggal acuan, 2025-03-31 atau 31/03/2025 (bawaan: hari ini) / reference date, "
    "2025-03-31 or 31/03/2025 (default today).",
)
debug_option = click.option(
    "--debug", is_flag=True, help="Tampilkan traceback / show the traceback."
)

#: ``validate --previous``; here, not in ``.compare``, so that validate does not build
#: the compare command.
previous_option = click.option(
    "--previous",
    type=click.Path(path_type=Path),
    help="Versi lalu (buku kerja atau laporan JSON) / last version (workbook or JSON report).",
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
    """One line that says what was wrong with the command line, and where help is
    (click's own words are already in the run's language, see ``texts.speaking``)."""
    from .texts import UnknownCommand, argument_names, pick

    command = error.ctx.command_path if error.ctx else "zi-workbook"
    if isinstance(error, UnknownCommand):
        detail = error.line(lang)
    else:
        detail = argument_names(pick(" ".join(error.format_message().split()), lang))
    detail = detail.rstrip(".")
    detail += "" if detail.endswith("?") else "."
    if lang == "en":
        return f"Usage error: {detail} See '{command} --help'."
    return f"Galat penggunaan: {detail} Lihat '{command} --help'."


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
