"""Every file given or found in a folder, with what will happen to it.

A folder gives every file under it (subfolders included; hidden folders left out);
each file is either a candidate plan (read, and then ``read``, ``empty``,
``failed`` ...) or ``skipped`` with a reason key: an Office lock file, a hidden
file, a PDF, a Word document, a picture, a system file. Nothing is left out by its
spreadsheet extension: ``.xls``, ``.ods``, ``.csv`` and unknown extensions are
tried, and a file that cannot be read is ``failed`` with the reader's reason.

>>> skip_reason(Path("~$rencana.xlsx")), skip_reason(Path("rencana.xls"))
('skip_lock', None)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import shown_path

__all__ = ["STATUSES", "Found", "find_files", "skip_reason"]

#: What happened to a file, in the JSON ``files`` list and the Berkas sheet.
STATUSES = ("read", "read-with-warning", "other-version", "empty", "skipped", "failed")

#: Suffixes that are never a plan, by the reason key they are skipped with.
_NOT_PLANS: dict[str, tuple[str, ...]] = {
    "skip_pdf": (".pdf",),
    "skip_word": (".doc", ".docx", ".docm", ".odt", ".rtf"),
    "skip_image": (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".heic"),
    "skip_other": (
        ".txt",
        ".md",
        ".json",
        ".zip",
        ".rar",
        ".7z",
        ".ppt",
        ".pptx",
        ".odp",
        ".mp4",
        ".lnk",
        ".ini",
        ".db",
        ".html",
        ".htm",
    ),
}
_BY_SUFFIX = {suffix: key for key, suffixes in _NOT_PLANS.items() for suffix in suffixes}
_SYSTEM = frozenset({"thumbs.db", "desktop.ini", ".ds_store"})


@dataclass(frozen=True)
class Found:
    """A file to account for: where it is, how it is shown, and why it is skipped."""

    path: Path
    #: Relative to the folder given (with ``/``), or the path as given; bytes of a
    #: name that are not UTF-8 shown as U+FFFD.
    shown: str
    #: A label key (``skip_pdf`` ...) when the file is not read, else None.
    skip: str | None = None


def skip_reason(path: Path) -> str | None:
    """The label key of why ``path`` is not read as a plan, or None to read it."""
    name = path.name
    lower = name.lower()
    if lower.startswith("~$") or (lower.startswith(".~lock.") and lower.endswith("#")):
        return "skip_lock"
    if lower in _SYSTEM:
        return "skip_system"
    if name.startswith("."):
        return "skip_hidden"
    return _BY_SUFFIX.get(path.suffix.lower())


def find_files(paths: Iterable[Path], exclude: Iterable[Path] = ()) -> list[Found]:
    """Files as given, and every file of each folder (subfolders included), each once.

    Inside a folder the order is by relative path, case aside; hidden folders
    (``.git``, ``.~zi-*`` temporaries) are not entered. ``exclude`` (the output
    being written) is left out without a word.
    """
    skip = {_key(p) for p in exclude}
    out: list[Found] = []
    seen: set[str] = set()
    for path in map(Path, paths):
        found = (
            _folder(path) if path.is_dir() else [Found(path, shown_path(path), skip_reason(path))]
        )
        for item in found:
            key = _key(item.path)
            if key not in seen and key not in skip:
                seen.add(key)
                out.append(item)
    return out


def _folder(folder: Path) -> list[Found]:
    out = []
    for p in folder.rglob("*"):
        rel = p.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts[:-1]) or not p.is_file():
            continue
        out.append(Found(p, shown_path(rel.as_posix()), skip_reason(p)))
    return sorted(out, key=lambda f: f.shown.casefold())


def _key(path: Path) -> str:
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):  # a path the OS cannot resolve, a symlink loop
        return str(path)
