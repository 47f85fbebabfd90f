"""The one exception family of zi_workbook.

Every error that stops a run is a :class:`ZiWorkbookError`. Each carries the file
it is about and a message in Bahasa Indonesia and in English; the CLI prints
``str(error)`` (or :meth:`ZiWorkbookError.message` for a language) as one line.
"""

from __future__ import annotations

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
        return f"{self.path}: {text}"


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
