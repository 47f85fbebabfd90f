"""zi_workbook: read, check and report Zona Integritas Rencana Aksi workbooks.

>>> from zi_workbook import parse_target
>>> parse_target("Minggu ke-1 April 2022").periods[0].end.isoformat()
'2022-04-07'
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .errors import (
        CorruptWorkbookError,
        EncryptedWorkbookError,
        FileAccessError,
        NoPlanTableError,
        NotAWorkbookError,
        OutputError,
        UnsafeWorkbookError,
        UnsupportedFormatError,
        ZiWorkbookError,
    )
    from .findings import FINDING_TYPES, Finding, FindingType
    from .model import AREAS, Period, Plan, PlanRow, Target, TargetError
    from .reading.reader import read_plan
    from .report import Report, build_report, validate
    from .targets import parse_target

#: Where each public name lives: imported on first use, so that a command (or
#: ``import zi_workbook.cli``) loads only the modules it needs.
_HOMES = {
    **dict.fromkeys(
        (
            "CorruptWorkbookError",
            "EncryptedWorkbookError",
            "FileAccessError",
            "NoPlanTableError",
            "NotAWorkbookError",
            "OutputError",
            "UnsafeWorkbookError",
            "UnsupportedFormatError",
            "ZiWorkbookError",
        ),
        "errors",
    ),
    **dict.fromkeys(("FINDING_TYPES", "Finding", "FindingType"), "findings"),
    **dict.fromkeys(("AREAS", "Period", "Plan", "PlanRow", "Target", "TargetError"), "model"),
    "read_plan": "reading.reader",
    **dict.fromkeys(("Report", "build_report", "validate"), "report"),
    "parse_target": "targets",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})


__all__ = [
    "AREAS",
    "FINDING_TYPES",
    "CorruptWorkbookError",
    "EncryptedWorkbookError",
    "FileAccessError",
    "Finding",
    "FindingType",
    "NoPlanTableError",
    "NotAWorkbookError",
    "OutputError",
    "Period",
    "Plan",
    "PlanRow",
    "Report",
    "Target",
    "TargetError",
    "UnsafeWorkbookError",
    "UnsupportedFormatError",
    "ZiWorkbookError",
    "build_report",
    "parse_target",
    "read_plan",
    "validate",
]

__version__ = "0.1.0"
