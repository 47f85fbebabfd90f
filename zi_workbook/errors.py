"""The one exception family of zi_workbook.

Every error that stops a run is a :class:`ZiWorkbookError`. Each carries the file
it is about and a message in Bahasa Indonesia and in English; the CLI prints
``str(error)`` (or :meth:`ZiWorkbookError.message` for a language) as one line.
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = [
    "CorruptWorkbookError",
    "EncryptedWorkbookError",
    "FileAccessError",
    "NoPlanTableError",
    "NotAWorkbookError",
    "OutputError",
    "UnsafeWorkbookError",
    "UnsupportedFormatError",
    "ZiWorkbookError",
    "one_line",
    "shown_path",
]


class ZiWorkbookError(Exception):
    """Base class: something about ``path`` stops the run.

    ``message_id`` is Bahasa Indonesia, ``message_en`` English. Neither names the
    file; :meth:`message` adds it.
    """

    def __init__(self, path: str | Path, message_id: str, message_en: str) -> None:
        self.path = str(path)
        self.message_id = message_id
        self.message_en = message_en
        super().__init__(self.message("en"))

    def message(self, lang: str = "id") -> str:
        text = self.message_en if lang == "en" else self.message_id
        return one_line(f"{shown_path(self.path)}: {text}")


def shown_path(path: str | Path) -> str:
    """A path as a person may read it: bytes of a name that is not UTF-8 (kept by
    Python as lone surrogates) become U+FFFD, so the text always encodes as UTF-8."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # undecodable bytes were kept as U+DC80..U+DCFF: back to bytes, one U+FFFD each;
        # any other lone surrogate is no character either
        text = re.sub("[\ud800-\udc7f\udd00-\udfff]", "\ufffd", text)
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return text


def one_line(text: str) -> str:
    """``text`` with every run of whitespace (newlines too) as one space."""
    return " ".join(text.split())


class FileAccessError(ZiWorkbookError):
    """The file does not exist or cannot be read."""


class NotAWorkbookError(ZiWorkbookError):
    """The file is not an .xlsx workbook (CSV, another zip such as .docx, text, ...)."""


class UnsupportedFormatError(ZiWorkbookError):
    """A spreadsheet in a format we do not read faithfully (.xls, .ods)."""


class EncryptedWorkbookError(ZiWorkbookError):
    """The workbook is protected by a password (an OLE container)."""


class CorruptWorkbookError(ZiWorkbookError):
    """A truncated or damaged zip, or XML that does not parse."""


class UnsafeWorkbookError(ZiWorkbookError):
    """The workbook is built to hurt the reader: a DTD/entities or a decompression bomb."""


class NoPlanTableError(ZiWorkbookError):
    """No sheet holds a Rencana Aksi header."""

    def __init__(
        self, path: str | Path, message_id: str, message_en: str, seen: tuple[str, ...] = ()
    ) -> None:
        self.seen = seen
        super().__init__(path, message_id, message_en)


class OutputError(ZiWorkbookError):
    """The output file cannot be written (open in Excel, read-only folder, same as input)."""
