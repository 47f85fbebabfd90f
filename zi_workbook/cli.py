"""zi-workbook: the command line. Options only; the library does the work."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from ._cliopts import (
    as_of_date,
    as_of_option,
    debug_option,
    fail,
    lang_option,
    link_check_options,
    link_options,
    usage_line,
)
from .errors import ZiWorkbookError

__all__ = ["main"]

_FIELDS = ("no", "component", "indicator", "action", "evidence", "link", "target")


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


class _Commands(click.Group):
    """validate lives here; summary and template load only when asked for (fast start)."""

    _lazy = ("summary", "template")

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self._lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self._lazy and cmd_name not in self.commands:
            from . import cli_more

            self.add_command(getattr(cli_more, cmd_name))
        return super().get_command(ctx, cmd_name)

    def main(  # type: ignore[override]
        self,
        args: list[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Usage errors as one line in the user's language, then exit 2."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        argv = list(sys.argv[1:] if args is None else args)
        lang = "en" if _asks_english(argv) else "id"
        try:
            rv = super().main(argv, prog_name, complete_var, False, **extra)
        except click.UsageError as error:
            click.echo(usage_line(error, lang), err=True)
            sys.exit(2)
        except click.Abort:
            click.echo("Aborted." if lang == "en" else "Dibatalkan.", err=True)
            sys.exit(1)
        except click.ClickException as error:
            error.show()
            sys.exit(error.exit_code)
        sys.exit(rv if isinstance(rv, int) else 0)


def _asks_english(argv: list[str]) -> bool:
    pairs = zip(argv, [*argv[1:], ""], strict=True)
    return "--lang=en" in argv or any(a == "--lang" and b == "en" for a, b in pairs)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="zi-workbook")
def main() -> None:
    """Periksa Rencana Aksi Zona Integritas (WBK/WBBM) dalam Excel.

    Check Zona Integritas (WBK/WBBM) action plans kept in Excel.
    """


@main.command()
@click.argument("plan", type=click.Path(path_type=Path))
@as_of_option
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    help="Tulis buku kerja status / write the status workbook.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@lang_option
@click.option(
    "--year",
    type=click.IntRange(1900, 2100),
    help="Tahun rencana / plan year (overrides the guess).",
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
    "evidence, link, target.",
)
@link_check_options("Detik untuk semua tautan / seconds for all links.")
@debug_option
def validate(
    plan: Path,
    as_of: str | None,
    out: Path | None,
    fmt: str,
    lang: str,
    year: int | None,
    soon_days: int,
    column: tuple[str, ...],
    check_links: bool,
    cache: Path | None,
    no_cache: bool,
    link_timeout: float,
    links_total_timeout: float,
    debug: bool,
) -> None:
    """Periksa satu rencana aksi / check one plan: statuses, findings, status workbook."""
    from .report import validate as run

    options = link_options(link_timeout, links_total_timeout, cache, no_cache)
    if check_links and sys.stderr.isatty():
        options["progress"] = _progress(lang)
    try:
        report = run(
            plan,
            as_of=as_of_date(as_of),
            lang=lang,
            year=year,
            columns=_columns(column),
            soon_days=soon_days,
            check_links=check_links,
            link_options=options,
        )
        if out is not None:
            from .writers.status import write_status_workbook

            write_status_workbook(report, out)
    except ZiWorkbookError as error:
        fail(error, lang, debug)
    _print_report(report, fmt, out)
    sys.exit(1 if report.has_errors else 0)


def _progress(lang: str) -> Any:
    """A one-line progress bar on stderr: ``Memeriksa tautan [#####.....] 12/80``."""
    word = "Checking links" if lang == "en" else "Memeriksa tautan"

    def show(done: int, total: int) -> None:
        filled = 30 * done // max(total, 1)
        end = "\n" if done >= total else ""
        click.echo(
            f"\r{word} [{'#' * filled}{'.' * (30 - filled)}] {done}/{total}{end}",
            err=True,
            nl=False,
        )

    return show


def _severity_counts(report: Any) -> dict[str, int]:
    return {sev: sum(f.severity == sev for f in report.findings) for sev in ("error", "warning")}


def _print_report(report: Any, fmt: str, out: Path | None) -> None:
    if fmt == "json":
        from .writers.json_out import write_json

        write_json(report, sys.stdout)
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
            + " · "
            + ", ".join(
                f"{n} {label(sev + '_count', report.lang)}"
                for sev, n in _severity_counts(report).items()
            )
        )
        return
    from .writers.text import render_text

    click.echo(render_text(report, colour=sys.stdout.isatty()))


if __name__ == "__main__":  # python -m zi_workbook.cli
    main()
