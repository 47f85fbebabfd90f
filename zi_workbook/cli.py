"""zi-workbook: the command line. Options only; the library does the work."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import click

from .errors import ZiWorkbookError

__all__ = ["main"]

_FIELDS = ("no", "component", "indicator", "action", "evidence", "link", "target")


def _fail(error: ZiWorkbookError, lang: str, debug: bool) -> NoReturn:
    if debug:
        raise error
    click.echo(error.message(lang), err=True)
    sys.exit(2)


def _as_of(value: str | None) -> date:
    if value is None:
        return date.today()  # the one place that reads the clock
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(
            f"'{value}' bukan tanggal YYYY-MM-DD / not a YYYY-MM-DD date", param_hint="--as-of"
        ) from exc


def _columns(values: tuple[str, ...]) -> dict[str, str]:
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


_lang = click.option(
    "--lang",
    type=click.Choice(["id", "en"]),
    default="id",
    show_default=True,
    help="Bahasa label dan pesan / language of labels and messages.",
)
_as_of_opt = click.option(
    "--as-of",
    "as_of",
    metavar="YYYY-MM-DD",
    help="Tanggal acuan (bawaan: hari ini) / reference date (default today).",
)
_debug = click.option("--debug", is_flag=True, help="Tampilkan traceback / show the traceback.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="zi-workbook")
def main() -> None:
    """Periksa Rencana Aksi Zona Integritas (WBK/WBBM) dalam Excel.

    Check Zona Integritas (WBK/WBBM) action plans kept in Excel.
    """


@main.command()
@click.argument("plan", type=click.Path(path_type=Path))
@_as_of_opt
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    help="Tulis buku kerja status / write the status workbook.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@_lang
@click.option("--year", type=int, help="Tahun rencana / plan year (overrides the guess).")
@click.option(
    "--soon-days",
    type=click.IntRange(0, 366),
    default=30,
    show_default=True,
    help="Hari 'segera jatuh tempo' / days counted as due soon.",
)
@click.option(
    "--column",
    "column",
    multiple=True,
    metavar="FIELD=HEADER",
    help="Petakan judul kolom / map a header: no, component, indicator, action, "
    "evidence, link, target.",
)
@_debug
def validate(
    plan: Path,
    as_of: str | None,
    out: Path | None,
    fmt: str,
    lang: str,
    year: int | None,
    soon_days: int,
    column: tuple[str, ...],
    debug: bool,
) -> None:
    """Periksa satu rencana aksi / check one plan: statuses, findings, status workbook."""
    from .report import validate as run

    try:
        report = run(
            plan,
            as_of=_as_of(as_of),
            lang=lang,
            year=year,
            columns=_columns(column),
            soon_days=soon_days,
        )
        if out is not None:
            from .writers.status import write_status_workbook

            write_status_workbook(report, out)
    except ZiWorkbookError as error:
        _fail(error, lang, debug)
    _print_report(report, fmt, out)
    sys.exit(1 if report.has_errors else 0)


def _print_report(report: Any, fmt: str, out: Path | None) -> None:
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    from ._i18n import label

    if out is not None:
        counts = report.counts
        click.echo(
            f"{label('written', report.lang)}: {out} · {counts['total']} "
            f"{label('actions', report.lang)} · "
            + ", ".join(
                f"{label(k, report.lang)} {counts[k]}"
                for k in ("complete", "overdue", "not_due", "needs_fix")
            )
        )
        return
    from .writers.text import render_text

    click.echo(render_text(report, colour=sys.stdout.isatty()))
