"""zi-workbook validate: one plan in, statuses, findings and the status workbook out."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .base import Command
from .exit import ExitCode
from .options import (
    as_of_date,
    as_of_option,
    columns_map,
    debug_option,
    lang_option,
    link_check_options,
    link_options,
    output_file,
    previous_option,
)
from .output import emit

if TYPE_CHECKING:
    from ..reading.reader import RowMemo

__all__ = ["validate"]


@click.command("validate", cls=Command)
@click.argument("plan", type=click.Path(path_type=Path))
@as_of_option
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    help="Tulis buku kerja status; folder yang ada: status_<as-of>.xlsx di dalamnya / write "
    "the status workbook; an existing folder: status_<as-of>.xlsx inside it.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Keluaran: laporan teks atau JSON / output: a text report or JSON.",
)
@lang_option
@click.option(
    "--year",
    type=click.IntRange(1900, 2100),
    help="Tahun rencana / plan year (overrides the guess).",
)
@click.option(
    "--unit",
    metavar="NAMA",
    help="Nama unit kerja / the unit's name (overrides the one read from the title).",
)
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
    "evidence, link, target, area.",
)
@click.option(
    "--all-findings",
    is_flag=True,
    help="Semua temuan satu per baris di lembar Temuan / every finding, one row each, on "
    "the Findings sheet (by default only those no other sheet lists).",
)
@link_check_options("Detik untuk semua tautan / seconds for all links.")
@previous_option
@debug_option
def validate(
    plan: Path,
    as_of: str | None,
    out: Path | None,
    fmt: str,
    lang: str,
    year: int | None,
    unit: str | None,
    soon_days: int,
    column: tuple[str, ...],
    all_findings: bool,
    check_links: bool,
    cache: Path | None,
    no_cache: bool,
    link_timeout: float,
    links_total_timeout: float,
    previous: Path | None,
    debug: bool,
) -> ExitCode:
    """Periksa satu rencana aksi / check one plan: statuses, findings, status workbook.

    \b
    Kode keluar / exit codes:
      0  tidak ada temuan galat / no error finding
      1  ada temuan galat / at least one error finding
      2  galat penggunaan atau masukan (satu baris) / usage or input error (one line)
      3  bug zi-workbook; --debug menampilkan traceback / a bug; --debug shows the traceback
      130 Ctrl+C, 143 SIGTERM
    """
    from ..report import validate as run

    options = link_options(link_timeout, links_total_timeout, cache, no_cache)
    if check_links:
        from .._progress import progress_callback

        options["progress"] = progress_callback(
            "Checking links" if lang == "en" else "Memeriksa tautan"
        )
    day = as_of_date(as_of)
    out = output_file(out, day)
    memo: RowMemo | None = {} if previous is not None else None  # rows both versions share
    report = run(
        plan,
        as_of=day,
        lang=lang,
        year=year,
        unit=(unit or "").strip() or None,
        columns=columns_map(column),
        soon_days=soon_days,
        check_links=check_links,
        link_options=options,
        memo=memo,
    )
    changes = None
    if previous is not None:
        from ..compare import compare_with_previous

        changes = compare_with_previous(
            previous, report, columns=columns_map(column), year=year, memo=memo
        )
        del memo
    if out is not None:
        from ..writers.status import write_status_workbook

        write_status_workbook(report, out, changes=changes, all_findings=all_findings)
    _print_report(report, fmt, out, changes)
    failed = report.has_errors or (changes is not None and changes.has_errors)
    return ExitCode.FINDINGS if failed else ExitCode.OK


def _severity_counts(report: Any) -> dict[str, int]:
    return {sev: sum(f.severity == sev for f in report.findings) for sev in ("error", "warning")}


def _print_report(report: Any, fmt: str, out: Path | None, changes: Any = None) -> None:
    """The report on stdout, whole or not at all (see :mod:`.output`)."""
    if fmt == "json":
        from ..writers.json_out import iter_json

        extra = None if changes is None else {"changes": changes.to_dict(report.lang)}
        emit(itertools.chain(iter_json(report, extra), ["\n"]))
        return
    section: list[str] = []
    if changes is not None:
        from ..writers.changes_text import render_section

        section = render_section(changes, report.lang, colour=sys.stdout.isatty())
    from ..i18n import label

    if out is not None:
        counts = report.counts
        line = (
            f"{label('written', report.lang)}: {out} · {counts['total']} "
            f"{label('actions', report.lang)} · "
            + ", ".join(
                f"{label(k, report.lang)} {counts[k]}"
                for k in ("complete", "overdue", "not_due", "needs_fix")
            )
            + " · "
            + ", ".join(
                f"{n} {label(sev + '_count', report.lang)}"
                for sev, n in _severity_counts(report).items()
            )
        )
        emit([line, "\n", *(["\n".join(section[:2]), "\n"] if section else [])])
        return
    from ..writers.text import render_text

    text = render_text(report, colour=sys.stdout.isatty())
    emit([text, "\n", *(["\n" + "\n".join(section), "\n"] if section else [])])
