"""Every kind of finding, declared once: code, severity, title, description, message.

The declarations are JSON package data (``declarations/findings-*.json``). The README's
table of codes is generated from them
(``python -m zi_workbook.findings``) and a test holds the two together.
"""

from __future__ import annotations

import json
import os
from typing import Any

from ._record import Record

__all__ = ["FINDING_TYPES", "SEVERITIES", "Finding", "FindingType", "finding", "markdown_table"]

SEVERITIES = ("error", "warning", "info")
_NOTABLE_INFO = frozenset(
    {"due-soon", "open-ended-target", "links-not-readable", "sheets-left-out"}
)


class Finding(Record):
    """One thing wrong (or worth knowing) about one place of the plan."""

    code: str
    severity: str
    sheet: str
    row: int
    column: str
    message_id: str
    message_en: str

    def message(self, lang: str = "id") -> str:
        return self.message_en if lang == "en" else self.message_id

    @property
    def cell(self) -> str:
        """``Sheet!F12`` (or ``Sheet!12`` when the finding is about a whole row)."""
        if not self.sheet:
            return ""
        return f"{self.sheet}!{self.column}{self.row}" if self.row else self.sheet

    @property
    def notable(self) -> bool:
        """Errors, warnings, dates to watch and what the reader could not read (links
        behind text in an .xls, sheets of other years); other notes are for the list."""
        return self.severity != "info" or self.code in _NOTABLE_INFO

    def to_dict(self, lang: str = "id") -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "message": self.message(lang),
        }


class FindingType(Record):
    """The declaration of one finding code, in Bahasa Indonesia and English."""

    code: str
    severity: str
    title_id: str
    title_en: str
    description_id: str
    description_en: str
    template_id: str
    template_en: str

    def title(self, lang: str = "id") -> str:
        return self.title_en if lang == "en" else self.title_id

    def description(self, lang: str = "id") -> str:
        return self.description_en if lang == "en" else self.description_id

    def make(self, sheet: str, row: int, column: str, **params: object) -> Finding:
        return Finding(
            self.code,
            self.severity,
            sheet,
            row,
            column,
            self.template_id.format(**params),
            self.template_en.format(**params),
        )


def _load() -> tuple[FindingType, ...]:
    """Every declared finding type, from ``declarations/findings-*.json`` in file-name order.

    Each concern keeps its own file (plan, targets, status, links, ...), so a new check
    adds its codes beside its own without touching the others.
    """
    folder = os.path.join(os.path.dirname(__file__), "declarations")  # not importlib.resources:
    names = sorted(  # importing it costs more than reading every file below
        n for n in os.listdir(folder) if n.startswith("findings-") and n.endswith(".json")
    )
    found: list[FindingType] = []
    for name in names:
        with open(os.path.join(folder, name), "rb") as file:  # bytes: no text layer
            found.extend(_from_json(item) for item in json.loads(file.read()))
    return tuple(found)


def _from_json(item: dict[str, Any]) -> FindingType:
    title, description, message = item["title"], item["description"], item["message"]
    return FindingType(
        item["code"],
        item["severity"],
        title["id"],
        title["en"],
        description["id"],
        description["en"],
        message["id"],
        message["en"],
    )


_DECLARED = _load()

FINDING_TYPES: dict[str, FindingType] = {t.code: t for t in _DECLARED}


def finding(code: str, sheet: str, row: int, column: str, **params: object) -> Finding:
    """Make a finding of a declared code (KeyError for an undeclared one)."""
    return FINDING_TYPES[code].make(sheet, row, column, **params)


def markdown_table(lang: str = "en") -> str:
    """The README table of finding codes."""
    head = ("| code | severity | title | judul | description |", "|---|---|---|---|---|")
    body = (
        f"| `{t.code}` | {t.severity} | {t.title_en} | {t.title_id} | {t.description(lang)} |"
        for t in _DECLARED
    )
    return "\n".join((*head, *body))


if __name__ == "__main__":  # pragma: no cover
    print(markdown_table())
