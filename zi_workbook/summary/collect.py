"""From every file's result to each office once, and every file accounted for.

Files read are grouped by office (``inventory.office_key``: unit and plan year, or
the file name when no unit was found); the newest version of each office is counted
(``inventory.newest_first``) and the others are listed as ``other-version``, in the
``files`` list and in the counted office's ``versions``. A plan without actions is
``empty`` (*belum diisi*): listed as an office, kept out of the totals. With
``all_versions`` every file read is an office of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..i18n.inspectorate import ilabel
from ..inventory import Found, newest_first, office_key
from .model import FileEntry, OfficeSummary

__all__ = ["collect"]


def collect(
    found: Sequence[Found],
    results: Sequence[OfficeSummary],
    lang: str,
    all_versions: bool = False,
) -> tuple[tuple[OfficeSummary, ...], tuple[FileEntry, ...]]:
    """The offices counted (in the order of their files) and an entry per file found.

    ``results`` are the plans read, in the order of the files of ``found`` that are
    not skipped.
    """
    by_shown = {r.shown: r for r in results}
    groups: dict[object, list[OfficeSummary]] = {}
    for r in results:
        if r.error is None:
            key: object = r.shown if all_versions else office_key(r.unit, r.plan_year, r.shown)
            groups.setdefault(key, []).append(r)
    counted: dict[str, OfficeSummary] = {}
    entries: dict[str, FileEntry] = {}
    for versions in groups.values():
        first, *others = newest_first(versions)
        for other in others:
            entries[other.shown] = _other_version(other, first, lang)
        counted[first.shown] = replace(first, versions=tuple(o.shown for o in others))
        entries[first.shown] = _entry(counted[first.shown], lang)
    files = []
    for item in found:
        if item.skip is not None:
            files.append(FileEntry(item.shown, "skipped", ilabel(item.skip, lang)))
        elif item.shown in entries:
            files.append(entries[item.shown])
        else:
            error = by_shown[item.shown].error if item.shown in by_shown else None
            files.append(FileEntry(item.shown, "failed", error))
    offices = tuple(counted[f.path] for f in files if f.path in counted)
    return offices, tuple(files)


def _entry(office: OfficeSummary, lang: str) -> FileEntry:
    if not office.total:
        return FileEntry(office.shown, "empty", ilabel("no_actions", lang), office.label)
    if office.notes:
        return FileEntry(office.shown, "read-with-warning", "; ".join(office.notes), office.label)
    return FileEntry(office.shown, "read", None, office.label)


def _other_version(office: OfficeSummary, chosen: OfficeSummary, lang: str) -> FileEntry:
    reason = ilabel("newer_is", lang, file=chosen.shown)
    if not office.total:
        reason = f"{ilabel('no_actions', lang)}; {reason}"
    return FileEntry(office.shown, "other-version", reason, office.label)
