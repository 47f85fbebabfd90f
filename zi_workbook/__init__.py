"""zi_workbook: read, check and report Zona Integritas Rencana Aksi workbooks.

>>> from zi_workbook import parse_target
>>> parse_target("Minggu ke-1 April 2022").periods[0].end.isoformat()
'2022-04-07'
"""

from __future__ import annotations

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
