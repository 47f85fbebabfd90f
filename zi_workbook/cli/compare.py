"""zi-workbook compare: last month's plan (or saved report) against this month's."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .base import Command
from .exit import ExitCode
from .options import (
    as_of_date,
    as_of_option,
    columns_map,
    debug_option,
    lang_option,
    previous_option,
)

__all__ = ["compare", "previous_option"]


@click.command("compare", cls=Command)
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@as_of_option
@click.option(
    "--old-as-of",
    metavar="YYYY-MM-DD",
    help="Tanggal acuan versi lalu (bawaan: tanggal laporan JSON, atau akhir bulan "
    "sebelum --as-of) / the old version's reference date.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Keluaran: daftar perubahan atau JSON / output: the list of changes or JSON.",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    help="Tulis lembar Perubahan / write the Changes sheet (perubahan.xlsx).",
)
@lang_option
@click.option(
    "--column",
    "column",
    multiple=True,
    metavar="FIELD=HEADER",
    help="Petakan judul kolom / map a header (see validate --help).",
)
@click.option(
    "--year",
    type=click.IntRange(1900, 2100),
    help="Tahun rencana / plan year (overrides the guess).",
)
@debug_option
def compare(
    old: Path,
    new: Path,
    as_of: str | None,
    old_as_of: str | None,
    fmt: str,
    out: Path | None,
    lang: str,
    column: tuple[str, ...],
    year: int | None,
    debug: bool,
) -> ExitCode:
    """Bandingkan dua versi rencana / what changed from OLD to NEW (OLD may be a JSON report).

    \b
    Kode keluar / exit codes:
      0  tidak ada temuan galat / no error finding in NEW or in the changes
      1  ada temuan galat / an error finding in NEW or in the changes
      2  galat penggunaan atau masukan / usage or input error (one line)
      3  bug zi-workbook; --debug menampilkan traceback / a bug; --debug shows the traceback
      130 Ctrl+C, 143 SIGTERM
    """
    from ..compare import compare_with_previous, from_plan
    from ..reading.reader import RowMemo, read_plan
    from ..report import has_error_findings

    old_day = as_of_date(old_as_of) if old_as_of else None
    columns = columns_map(column)
    day = as_of_date(as_of)
    # NEW is checked only for the exit code: its report (the LKE mapping, every finding
    # made and sorted) is what validate shows, not compare
    memo: RowMemo = {}  # OLD's rows that read as NEW's are not made again
    plan = read_plan(new, columns=columns, year=year, memo=memo)
    new_errors = has_error_findings(plan, day)
    changes = compare_with_previous(
        old, from_plan(plan, day), old_as_of=old_day, columns=columns, year=year, memo=memo
    )
    if out is not None:
        from ..writers.changes_sheet import write_changes_workbook

        write_changes_workbook(changes, out, lang)
    if fmt == "json":
        click.echo(json.dumps(changes.to_dict(lang), ensure_ascii=False, indent=2))
    else:
        from ..writers.changes_text import render_changes

        click.echo(render_changes(changes, lang, colour=sys.stdout.isatty()))
    failed = new_errors or changes.has_errors
    return ExitCode.FINDINGS if failed else ExitCode.OK
