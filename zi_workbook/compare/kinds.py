"""Every kind of change, declared once with bilingual titles (``declarations/changes.json``).

Like the finding types, the README's table of change kinds is generated from the
declaration (``python -m zi_workbook.compare.kinds``) and a test holds the two together.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources

__all__ = ["CHANGE_KINDS", "NOW_COMPLETE", "ChangeKind", "markdown_table"]

#: The headline count of ``status-changed`` rows that became complete.
NOW_COMPLETE = "now-complete"


@dataclass(frozen=True, slots=True)
class ChangeKind:
    """The declaration of one change kind, in Bahasa Indonesia and English."""

    code: str
    title_id: str
    title_en: str
    description_id: str
    description_en: str

    def title(self, lang: str = "id") -> str:
        return self.title_en if lang == "en" else self.title_id

    def description(self, lang: str = "id") -> str:
        return self.description_en if lang == "en" else self.description_id


def _load() -> tuple[ChangeKind, ...]:
    text = (resources.files("zi_workbook") / "declarations" / "changes.json").read_text("utf-8")
    return tuple(
        ChangeKind(
            item["code"],
            item["title"]["id"],
            item["title"]["en"],
            item["description"]["id"],
            item["description"]["en"],
        )
        for item in json.loads(text)
    )


_DECLARED = _load()

#: code -> declaration, in declaration order (the order of ``counts``).
CHANGE_KINDS: dict[str, ChangeKind] = {k.code: k for k in _DECLARED}


def markdown_table() -> str:
    """The README table of change kinds."""
    head = ("| code | title | judul | description |", "|---|---|---|---|")
    body = (f"| `{k.code}` | {k.title_en} | {k.title_id} | {k.description_en} |" for k in _DECLARED)
    return "\n".join((*head, *body))


if __name__ == "__main__":  # pragma: no cover
    print(markdown_table())
