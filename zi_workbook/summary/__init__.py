"""summarize: many offices' plans in, counts per office, area and status out.

Each plan is read and checked on its own (in worker processes when there are
many); a worker sends back only small data: counts, the overdue and needs-fix
actions and the error and warning findings. A plan that cannot be read becomes
an office with ``error`` set, and the others go on. Each office also counts its
safe links by kind and, with ``check_links``, how many of them opened.

``model`` holds the data classes and the JSON shape, ``run`` finds the workbooks and
shares them out, ``office`` turns one plan into an office summary.

>>> from datetime import date
>>> Summary(date(2022, 6, 30), "id", ()).to_dict()["totals"]["total"]
0
"""

from __future__ import annotations

from .model import (
    COUNT_KEYS,
    NO_AREA,
    SCHEMA,
    ActionItem,
    FileEntry,
    FindingGroup,
    FindingItem,
    OfficeSummary,
    Previous,
    Summary,
    finding_place,
    group_findings,
)
from .office import summarize_one
from .previous import add_previous, match_offices
from .run import expand_paths, summarize

__all__ = [
    "COUNT_KEYS",
    "NO_AREA",
    "SCHEMA",
    "ActionItem",
    "FileEntry",
    "FindingGroup",
    "FindingItem",
    "OfficeSummary",
    "Previous",
    "Summary",
    "add_previous",
    "expand_paths",
    "finding_place",
    "group_findings",
    "match_offices",
    "summarize",
    "summarize_one",
]
