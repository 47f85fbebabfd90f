"""zi-workbook summary: many offices' plans in, one summary out.

Options only here; the library does the work. Nothing here imports pandas.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..i18n.summary import slabel
from .base import Command
from .exit import ExitCode
from .options import (
    as_of_date,
    columns_map,
    debug_option,
    lang_option,
    link_check_options,
    link_options,
    output_file,
)
from .output import emit, utf8

if TYPE_CHECKING:
    from ..summary import OfficeSummary, Previous, Summary

__all__ = ["render_summary_text", "summary"]

_STATUS_COLS = ("complete", "overdue", "needs_fix", "not_due")


@click.command("summary", cls=Command)
@click.argument("plans", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    help="Tulis buku kerja ringkasan; folder yang ada: ringkasan_<as-of>.xlsx di dalamnya / "
    "write the summary workbook; an existing folder: ringkasan_<as-of>.xlsx inside it.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Keluaran: tabel teks atau JSON / output: a text table or JSON.",
)
@click.option(
    "--as-of",
    "as_of",
    metavar="YYYY-MM-DD",
    help="Tanggal acuan (bawaan: hari ini) / reference date (default today).",
)
@lang_option
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    help="Jumlah proses / worker processes (default: one per CPU).",
)
@click.option(
    "--column",
    "column",
    multiple=True,
    metavar="FIELD=HEADER",
    help="Petakan judul kolom (semua rencana) / map a header (every plan): no, component, "
    "indicator, action, evidence, link, target.",
)
@click.option(
    "--previous",
    "previous",
    multiple=True,
    type=click.Path(path_type=Path, exists=True),
    metavar="OLD_FOLDER_OR_FILE",
    help="Rencana bulan lalu (folder atau berkas, boleh berulang): perubahan per kantor / "
    "last time's plans (folder or files, repeatable): what changed per office.",
)
@click.option(
    "--all-findings",
    is_flag=True,
    help="Semua temuan satu per baris di buku kerja / every finding, one row each, in "
    "the workbook (Temuan groups them per office and code).",
)
@click.option(
    "--per-office/--no-per-office",
    "per_office",
    default=None,
    help="Halaman Laporan Monev tiap kantor di buku kerja (bawaan: bila kurang dari 60 "
    "kantor) / each office's Laporan Monev page in the workbook (default: below 60 offices).",
)
@click.option(
    "--all-versions",
    is_flag=True,
    help="Hitung setiap berkas, juga versi lain satu kantor / count every file, "
    "other versions of an office too.",
)
@link_check_options(
    "Detik untuk semua tautan satu rencana (tiap rencana sendiri-sendiri) / "
    "seconds for all links of one plan (each plan on its own, not the whole run)."
)
@debug_option
def summary(
    plans: tuple[Path, ...],
    out: Path | None,
    fmt: str,
    as_of: str | None,
    lang: str,
    jobs: int | None,
    column: tuple[str, ...],
    previous: tuple[Path, ...],
    all_findings: bool,
    per_office: bool | None,
    all_versions: bool,
    check_links: bool,
    cache: Path | None,
    no_cache: bool,
    link_timeout: float,
    links_total_timeout: float,
    debug: bool,
) -> ExitCode:
    """Ringkas banyak rencana aksi (berkas atau folder) / summarise many plans.

    Setiap berkas yang ditemukan dicantumkan beserta nasibnya (lembar Berkas, JSON
    ``files``); tiap kantor dihitung sekali, versi terbarunya (``--all-versions``: setiap
    berkas) / every file found is listed with what happened to it (Berkas sheet, JSON
    ``files``); each office counts once, its newest version (``--all-versions``: every
    file).

    \b
    Kode keluar / exit codes:
      0  semua rencana terbaca / every plan was read
      1  sebagian tidak terbaca / some could not be read
      2  tidak ada yang terbaca, atau galat penggunaan / none could be, or a usage error
      3  bug zi-workbook; --debug menampilkan traceback / a bug; --debug shows the traceback
      130 Ctrl+C, 143 SIGTERM

    Temuan di dalam rencana (tautan rusak juga) tidak mengubah kode keluar /
    findings inside the plans (broken links included) do not change it.
    """
    from ..summary import summarize

    day = as_of_date(as_of)
    out = output_file(out, day, "ringkasan")
    exclude = (out,) if out is not None else ()
    options = link_options(link_timeout, links_total_timeout, cache, no_cache)
    result = summarize(
        plans,
        exclude=exclude,
        as_of=day,
        lang=lang,
        jobs=jobs,
        progress=True,
        check_links=check_links,
        link_options=options if check_links else None,
        columns=columns_map(column),
        all_versions=all_versions,
        lean=out is None and fmt == "json",
        pages=per_office if out is not None else False,  # None: below PAGES_BELOW offices
        finding_messages=all_findings,  # only Semua Temuan shows them
        finding_list=all_findings,  # else Temuan shows them grouped per code
        previous=previous,  # each plan compared with last time's as it is read
    )
    if all(f.status == "skipped" for f in result.files):  # the folder walked once, here
        raise click.UsageError(slabel("no_plans", lang))
    if out is not None:
        from ..writers.summary import write_summary_workbook

        write_summary_workbook(result, out, all_findings=all_findings, per_office=per_office)
    if fmt == "json":
        emit([json.dumps(result.to_dict(), ensure_ascii=False, indent=2), "\n"])
    elif out is not None:
        from ..writers._summary_common import subtitle

        emit([f"{slabel('written', lang)}: {out} · {subtitle(result)}\n"])
    else:
        emit([render_summary_text(result), "\n"])
    if not result.failed:
        return ExitCode.OK
    if not result.offices:  # one line, however many files: the reasons are in the output
        only = result.failed[0] if len(result.failed) == 1 else None
        line = (
            f"{only.path}: {only.reason}"
            if only
            else _none_read(len(result.failed), fmt, out, lang)
        )
        click.echo(utf8(line).decode(), err=True)
        return ExitCode.INPUT
    if fmt == "json" or out is not None:
        for entry in result.failed:
            click.echo(utf8(f"{entry.path}: {entry.reason}").decode(), err=True)
    return ExitCode.FINDINGS


def _none_read(count: int, fmt: str, out: Path | None, lang: str) -> str:
    where_en = "the JSON output" if fmt == "json" else (f"{out}" if out else "the table above")
    where_id = "keluaran JSON" if fmt == "json" else (f"{out}" if out else "tabel di atas")
    if lang == "en":
        return (
            f"None of the {count} plan file(s) could be read; the reason for each is in {where_en}."
        )
    return (
        f"Tidak satu pun dari {count} berkas rencana dapat dibaca; alasan tiap berkas ada di "
        f"{where_id}."
    )


def render_summary_text(result: Summary) -> str:
    """A short table per office: areas by status, the total and the completion rate."""
    from ..i18n.inspectorate import ilabel
    from ..model import AREAS
    from ..writers._summary_common import subtitle
    from ..writers.summary import kinds_text, opened_text

    lang = result.lang
    heads = [slabel(k, lang) for k in (*_STATUS_COLS, "total")] + ["%"]
    widths = [max(len(h), 4) for h in heads]
    names = {n: f"{n} {AREAS[n]['en' if lang == 'en' else 'id']}" for n in AREAS}
    first = max(len(slabel("area", lang)), len(slabel("total", lang)), *map(len, names.values()))
    lines = [f"{slabel('title_summary', lang)} · {subtitle(result)}"]
    for office in result.offices:
        lines.append("")
        lines.append(
            f"{office.label} · {office.shown or office.name} · {slabel('plan_year', lang)} "
            f"{office.plan_year or '-'}"
        )
        if not office.total:
            lines.append(f"  {ilabel('empty', lang).upper()}")
            continue
        lines.append(
            f"  {slabel('area', lang):<{first}} "
            + " ".join(h.rjust(w) for h, w in zip(heads, widths, strict=True))
        )
        rows = [(names[n], office.areas[n]) for n in AREAS]
        rows.append((slabel("total", lang), office.counts))
        for name, counts in rows:
            rate = (
                f"{round(100 * counts['complete'] / counts['total'])}%" if counts["total"] else "-"
            )
            cells = [str(counts[k]) for k in (*_STATUS_COLS, "total")] + [rate]
            lines.append(
                f"  {name:<{first}} "
                + " ".join(c.rjust(w) for c, w in zip(cells, widths, strict=True))
            )
        if office.previous is not None:
            lines.append(_previous_line(office.previous, office, lang))
        links = f"  {slabel('link_kinds', lang)}: {kinds_text(office.link_kinds, lang)}"
        if office.links_checked is not None:
            links += f" · {opened_text(office.links_checked, lang)}"
        lines.append(links)
    others = [f for f in result.files if f.status not in ("read", "read-with-warning", "empty")]
    if others:
        lines.append("")
    for entry in others:
        if entry.status == "failed":
            lines.append(_not_read_line(entry.path, entry.reason or "", lang))
        else:
            lines.append(f"{entry.path}: {ilabel(entry.status, lang)}: {entry.reason or ''}")
    return "\n".join(lines)


def _not_read_line(file: str, error: str, lang: str) -> str:
    """``sumdir/bad.xlsx: TIDAK TERBACA: <reason>``: the path once, not twice."""
    prefix = f"{file}: "
    if error.startswith(prefix):
        return f"{file}: {slabel('not_read', lang)}: {error[len(prefix) :]}"
    if Path(file).name in error:
        return f"{slabel('not_read', lang)}: {error}"
    return f"{file}: {slabel('not_read', lang)}: {error}"


def _previous_line(last: Previous, office: OfficeSummary, lang: str) -> str:
    """``Sejak 31 Mei 2022: tenggat diundur 1 · ... · selesai dari yang jatuh tempo 70% → 79%``."""
    from ..i18n.dates import long_date
    from ..i18n.inspectorate import ilabel

    def pct(value: float | None) -> str:
        return "-" if value is None else f"{round(100 * value)}%"

    parts = [
        f"{ilabel('postponed', lang)} {last.findings.get('deadline-postponed', 0)}",
        f"{ilabel('removed_overdue', lang)} {last.findings.get('removed-overdue-action', 0)}",
        f"{ilabel('now_complete', lang)} {last.changes.get('now-complete', 0)}",
        f"{ilabel('due_complete', lang)} {pct(last.rates.due_complete)} → "
        f"{pct(office.rates.due_complete)}",
    ]
    return f"  {ilabel('since', lang, date=long_date(last.as_of, lang))}: " + " · ".join(parts)
