"""The words of the LKE's questions and sub-area names, as the matcher compares them.

``question_docs`` gives each Pengungkit question's terms (``words.terms`` of its text and
of its sub-area's name). They are read from ``lke_2026_index.json``, generated from the
data file by ``samples/build_lke_data.py --index`` so a process does not stem the
worksheet on start; a test checks it against ``words.terms``, and a question the file
lacks is worked out here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .data import Lke

__all__ = ["INDEX_FILE", "Doc", "build", "question_docs"]

INDEX_FILE = "lke_2026_index.json"
SCHEMA = "zi-workbook/lke-index/1"
#: (code, sub-area, area, terms of the question's text, terms of its sub-area's name)
Doc = tuple[str, str, str, frozenset[str], frozenset[str]]


def build(lke: Lke) -> dict[str, Any]:
    """The index file's content: every Pengungkit question's and sub-area's terms."""
    from .words import terms

    return {
        "schema": SCHEMA,
        "note": "Generated from lke_2026.json by samples/build_lke_data.py --index with "
        "zi_workbook/lke/words.py: the terms (words.terms) of each Pengungkit question's "
        "text and of each sub-area's name. Regenerate when either changes.",
        "questions": {q.code: sorted(terms(q.text)) for q in lke.pengungkit_questions},
        "sub_areas": {code: sorted(terms(s.name)) for code, s in lke.sub_areas.items()},
    }


def _shipped() -> dict[str, Any]:
    try:
        text = Path(__file__).with_name(INDEX_FILE).read_text(encoding="utf-8")
    except OSError:
        return {}
    data: dict[str, Any] = json.loads(text)
    return data if data.get("schema") == SCHEMA else {}


def question_docs(lke: Lke) -> list[Doc]:
    """Each Pengungkit question with its terms, in LKE order."""
    shipped = _shipped()
    texts: dict[str, list[str]] = shipped.get("questions", {})
    names: dict[str, list[str]] = shipped.get("sub_areas", {})
    docs = []
    for q in lke.pengungkit_questions:
        text, name = texts.get(q.code), names.get(q.sub_area)
        if text is None or name is None:
            from .words import terms

            text, name = list(terms(q.text)), list(terms(lke.sub_areas[q.sub_area].name))
        docs.append((q.code, q.sub_area, q.area, frozenset(text), frozenset(name)))
    return docs
