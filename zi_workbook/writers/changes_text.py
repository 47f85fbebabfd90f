"""The changes as text: the "Perubahan sejak ..." section and ``compare``'s report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..compare import ActionChanges, Change, Changes
from ..i18n import label
from ..i18n.changes import change_label
from ..i18n.dates import long_date

__all__ = ["describe", "render_changes", "render_section"]

_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def _value(key: str, value: Any, lang: str) -> str:
    if key == "status":
        return label(str(value), lang)
    if key == "links":
        return " ".join(value) if value else change_label("gone", lang)
    if value in ("", None):
        return change_label("empty", lang)
    return str(value)


def _side(change: Change, side: dict[str, Any], lang: str) -> str:
    if change.kind in ("deadline-later", "deadline-earlier"):
        return f"{side['target']} ({side['due']})"
    if change.kind == "target-text-changed":
        return f"{_value('target', side['target'], lang)} ({side['due']} - {side['deadline']})"
    if change.kind in ("added", "removed"):
        return f"{label(side['status'], lang)}, {_value('target', side['target'], lang)}"
    return "; ".join(_value(k, v, lang) for k, v in side.items())


def describe(change: Change, lang: str) -> tuple[str, str]:
    """What it was and what it is, in words (``-`` for the side that does not exist)."""
    before = _side(change, change.before, lang) if change.before else "-"
    after = _side(change, change.after, lang) if change.after else "-"
    return before, after


def _rows(line: ActionChanges, lang: str) -> str:
    first = line.first
    old = str(first.old_row) if first.old_row else "-"
    new = str(first.new_row) if first.new_row else "-"
    return f"{first.sheet}, {label('source_row', lang).lower()} {old} -> {new}"


def render_section(changes: Changes, lang: str, *, colour: bool = False) -> list[str]:
    """Headline counts, then one line per action (findings first, then completions)."""
    old = changes.old
    lines = [
        _bold(
            f"{change_label('changes_since', lang)} {long_date(old.as_of, lang)} "
            f"({Path(old.file).name})",
            colour,
        )
    ]
    counts = {k: n for k, n in changes.counts.items() if n}
    if not counts and not changes.findings:
        lines.append(change_label("no_changes", lang))
        return lines
    lines.append(", ".join(f"{change_label(k, lang).lower()} {n}" for k, n in counts.items()))
    for line in changes.by_action():
        first = line.first
        area = first.area or label("no_area", lang)
        lines.append(f"  {_rows(line, lang)} · {area} · {first.component} · {first.action}")
        for f in line.findings:
            sev = label(f"{f.severity}_sev", lang)
            if colour:
                import click

                sev = click.style(sev, fg=_COLOURS[f.severity])
            lines.append(f"      {sev} {f.code}: {f.message(lang)}")
        for change in line.changes:
            before, after = describe(change, lang)
            lines.append(f"      {change_label(change.kind, lang)}: {before} -> {after}")
    return lines


def render_changes(changes: Changes, lang: str, *, colour: bool = False) -> str:
    """``compare``'s text report: both versions, then the section."""
    head = []
    for key, version in (("version_old", changes.old), ("version_new", changes.new)):
        counts = version.counts
        unit = f"{version.unit} · " if version.unit else ""
        head.append(
            f"{change_label(key, lang)}: {unit}{version.file} · {label('as_of', lang)} "
            f"{long_date(version.as_of, lang)} · "
            + ", ".join(
                f"{label(k, lang)} {counts[k]}"
                for k in ("complete", "overdue", "not_due", "needs_fix")
            )
        )
    return "\n".join([*head, "", *render_section(changes, lang, colour=colour)])


def _bold(text: str, colour: bool) -> str:
    if not colour:
        return text
    import click

    return click.style(text, bold=True)
