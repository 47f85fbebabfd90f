"""Which files are plans, and which plans are the same office.

``files`` walks what was given and says why a file is not read; ``versions``
decides which files are versions of one office and which of them counts.
"""

from __future__ import annotations

from .files import STATUSES, Found, find_files, skip_reason
from .versions import name_date, newest_first, office_key

__all__ = [
    "STATUSES",
    "Found",
    "find_files",
    "name_date",
    "newest_first",
    "office_key",
    "skip_reason",
]
