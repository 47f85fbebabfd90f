"""The text report for a terminal: counts and both rates, then what to do first (one line
per action in the Tindak Lanjut groups), per PIC, and the Laporan Monev table per area."""

from __future__ import annotations

from collections import Counter

from ..findings import SEVERITIES
from ..i18n import label
from ..i18n.dates import long_date
from ..i18n.monthly import mlabel, percent
from ..model import AREAS
from ..monthly.todo import GROUPS, Todo, TodoLine, area_name, build_todo, group_title
from ..report import STATUSES, Report
from ..status import Rates
from .text_lke import lke_lines

__all__ = ["rates_line", "render_text"]

_COLOURS = {"overdue": "red", "due_soon": "yellow", "fix": "magenta", "other": "cyan"}


def render_text(report: Report, *, colour: bool = False) -> str:
    """Headline, counts, rates; then the Tindak Lanjut groups, Per PIC and per area."""
    lang = report.lang
    todo = build_todo(report)
    counts = report.counts
    lines = [
        _headline(report),
        ", ".join(f"{label(k, lang)}: {counts[k]}" for k in STATUSES)
        + f" ({label('total', lang)}: {counts['total']})",
        rates_line(report.rates, lang),
        _todo_headline(todo, lang),
    ]
    if not todo.lines:
        lines.append(mlabel("todo_none", lang))
    for group in GROUPS:
        found = todo.group(group)
        if not found:
            continue
        title = f"{group_title(group, lang, todo.soon_days)} ({len(found)})"
        lines += ["", _style(title, _COLOURS[group], colour)]
        lines += [_line(x, lang) for x in found]
    lines += _per_pic(todo, lang, colour)
    lines += _per_area(report, colour)
    lines += lke_lines(report)
    lines += _tail(report)
    return "\n".join(lines)


def rates_line(rates: Rates, lang: str) -> str:
    """``Selesai dari yang sudah jatuh tempo: 69 % (20 dari 29) · Selesai dari seluruh
    rencana: 71 % (50 dari 70)``."""
    of = mlabel("of", lang)
    due = (
        f"{percent(rates.due_complete, lang)} ({rates.due_done} {of} {rates.due})"
        if rates.due
        else mlabel("rate_none", lang)
    )
    whole = f"{percent(rates.all_complete, lang)} ({rates.done} {of} {rates.total})"
    return f"{mlabel('rate_due', lang)}: {due} · {mlabel('rate_all', lang)}: {whole}"


def _todo_headline(todo: Todo, lang: str) -> str:
    c = todo.counts()
    return mlabel(
        "headline_todo",
        lang,
        overdue=c["overdue"],
        soon=c["due_soon"],
        n=todo.soon_days,
        fix=c["fix"],
        other=c["other"],
        not_yet=todo.not_yet,
    )


def _line(x: TodoLine, lang: str) -> str:
    where = f"{label('area', lang)} {x.area}" if x.area != "*" else mlabel("whole_plan", lang)
    who = f" · {mlabel('pic', lang)}: {x.pic}" if x.pic else ""
    parts = " · ".join(p for p in (where, x.component, x.action) if p)
    return f"  {x.cell:<18} {parts}{who} — {x.text} [{', '.join(x.codes)}]"


def _per_pic(todo: Todo, lang: str, colour: bool) -> list[str]:
    groups = todo.by_pic()
    if not any(groups):
        return []
    out = ["", _style(mlabel("pic_title", lang), "bold", colour)]
    for pic, found in groups.items():
        c = Counter(x.group for x in found)
        summary = ", ".join(
            f"{group_title(g, lang, todo.soon_days).lower()} {c[g]}" for g in GROUPS if c[g]
        )
        out.append(f"  {pic or mlabel('no_pic', lang)} ({summary})")
        out += [f"    - {x.action} ({x.cell}): {x.text}" for x in found]
    return out


def _per_area(report: Report, colour: bool) -> list[str]:
    lang = report.lang
    out = ["", _style(f"{mlabel('per_area_text', lang)}", "bold", colour)]
    counts, rates = report.area_counts(), report.area_rates()
    for numeral, c in counts.items():
        if not c["total"]:
            continue
        r = rates[numeral]
        name = area_name(numeral, lang) if numeral in AREAS else label("no_area", lang)
        out.append(
            f"  {name}: {c['total']} · "
            + ", ".join(f"{label(k, lang).lower()} {c[k]}" for k in STATUSES if c[k])
            + f" · {percent(r.due_complete, lang)} / {percent(r.all_complete, lang)}"
        )
    out.append(f"  ({mlabel('rate_due', lang)} / {mlabel('rate_all', lang)})")
    return out


def _tail(report: Report) -> list[str]:
    """Counts per severity, and the notes left out of the list above."""
    lang = report.lang
    by_sev = Counter(f.severity for f in report.findings)
    hidden = Counter(f.code for f in report.findings if not f.notable)
    out = ["", ", ".join(f"{by_sev[s]} {label(s + '_count', lang)}" for s in SEVERITIES)]
    if hidden:
        codes = ", ".join(f"{code} {n}" for code, n in sorted(hidden.items()))
        more = (
            "catatan info lain (lihat --format json atau lembar Temuan)"
            if lang != "en"
            else "other info notes (see --format json or the Findings sheet)"
        )
        out.append(f"+{sum(hidden.values())} {more}: {codes}")
    return out


def _headline(report: Report) -> str:
    lang = report.lang
    unit = f"{report.plan.unit} · " if report.plan.unit else ""
    return (
        f"{unit}{report.plan.path} · {label('as_of', lang)} {long_date(report.as_of, lang)}"
        f" · {label('plan_year', lang)} {report.plan.plan_year or '-'}"
    )


def _style(text: str, how: str, colour: bool) -> str:
    if not colour:
        return text
    import click

    return click.style(text, bold=True) if how == "bold" else click.style(text, fg=how, bold=True)
