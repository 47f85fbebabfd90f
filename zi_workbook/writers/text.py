"""The text report for a terminal: counts, then findings grouped by area."""

from __future__ import annotations

from collections import defaultdict

from .._i18n import label
from ..findings import Finding
from ..model import AREAS
from ..report import STATUSES, Report

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
        return "\n".join(lines)
    for area, findings in _by_area(report).items():
        name = AREAS[area]["en" if lang == "en" else "id"] if area in AREAS else ""
        lines.append("")
        lines.append(
            _style(
                f"{label('area', lang)} {area} {name}".rstrip()
                if area != "-"
                else label("no_area", lang),
                "bold",
                colour,
            )
        )
        lines.extend(_line(f, lang, colour) for f in findings)
    return "\n".join(lines)


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
        grouped[areas.get((f.sheet, f.row), "-")].append(f)
    order = [*AREAS, "-"]
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
