"""The text report for a terminal: counts, then findings grouped by area."""

from __future__ import annotations

from collections import Counter, defaultdict

from ..findings import SEVERITIES, Finding
from ..i18n import label
from ..model import AREAS
from ..report import STATUSES, Report
from .text_lke import lke_lines

__all__ = ["render_text"]

_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def render_text(report: Report, *, colour: bool = False) -> str:
    """A short report: one line of counts, then one line per finding with sheet!cell."""
    lang = report.lang
    lines = [_headline(report)]
    counts = report.counts
    lines.append(
        ", ".join(f"{label(k, lang)}: {counts[k]}" for k in STATUSES)
        + f" ({label('total', lang)}: {counts['total']})"
    )
    if not report.findings:
        lines.append(label("none", lang))
        return "\n".join([*lines, *lke_lines(report)])
    grouped = _by_area(report)
    for area, findings in grouped.items():
        name = AREAS[area]["en" if lang == "en" else "id"] if area in AREAS else ""
        lines.append("")
        special = {"-": label("no_area", lang), "*": label("whole_plan", lang)}
        heading = special.get(area, f"{label('area', lang)} {area} {name}".rstrip())
        lines.append(_style(heading, "bold", colour))
        lines.extend(_line(f, lang, colour) for f in findings)
    lines.extend(lke_lines(report))
    lines.extend(_tail(report))
    return "\n".join(lines)


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
        f"{unit}{report.plan.path} · {label('as_of', lang)} {report.as_of.isoformat()}"
        f" · {label('plan_year', lang)} {report.plan.plan_year or '-'}"
    )


def _by_area(report: Report) -> dict[str, list[Finding]]:
    areas = {(r.row.sheet, r.row.row): r.row.area or "-" for r in report.results}
    grouped: dict[str, list[Finding]] = defaultdict(list)
    for f in report.findings:
        if f.notable:
            grouped["*" if not f.row else areas.get((f.sheet, f.row), "-")].append(f)
    order = ["*", *AREAS, "-"]
    return {a: grouped[a] for a in order if grouped.get(a)}


def _line(f: Finding, lang: str, colour: bool) -> str:
    sev = _style(label(f"{f.severity}_sev", lang), _COLOURS[f.severity], colour)
    where = f.cell or "-"
    return f"  {where:<20} {sev:<10} {f.code}: {f.message(lang)}"


def _style(text: str, how: str, colour: bool) -> str:
    if not colour:
        return text
    import click

    return click.style(text, bold=True) if how == "bold" else click.style(text, fg=how)
