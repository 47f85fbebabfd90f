"""The matcher's tables, worked out from the worksheet: ``build`` makes them.

``lke_2026_index.json`` ships them (``samples/build_lke_data.py --index`` writes it; a
test checks it against ``build``), so a process reads them instead of stemming the
worksheet and building its indexes on start; ``match`` builds them here only if the file
is missing or of another schema. They are:

* ``idf2``: each term of the questions' texts and sub-area names, its squared idf weight,
  as (weight, terms) pairs (23 weights for 250 terms);
* ``areas``: per area, its Pengungkit questions in LKE order: their codes, sub-areas, an
  inverted index of their texts' terms (term -> positions) and each text's norm, and the
  same for their sub-areas' names;
* ``words``: each word of the worksheet (questions, criteria, usual evidence, sub-area
  names) with its term, as ``words.terms`` makes it: plans write the LKE's own words, so
  most of theirs are looked up rather than stemmed. ``same`` lists the words that are
  their own term, ``dropped`` those that give none, ``other`` maps the rest.

Weights are written as ``float.hex`` strings: exact, and ~15x cheaper to read than
decimal digits, which ``json`` turns into floats with correct rounding (~3,000
instructions each).
"""

from __future__ import annotations

import math
from typing import Any

from .data import Lke

__all__ = ["INDEX_FILE", "SCHEMA", "Table", "build", "merged"]

INDEX_FILE = "lke_2026_index.json"
SCHEMA = "zi-workbook/lke-index/2"
#: codes, sub-areas, text postings, text norms, name postings, name norms
Table = list[Any]


def _table(docs: list[tuple[str, str, list[str], list[str]]], idf2: dict[str, float]) -> Table:
    """A table as ``match`` reads it (norms as ``float.hex``)."""
    text: dict[str, list[int]] = {}
    name: dict[str, list[int]] = {}
    text_norms: list[str] = []
    name_norms: list[str] = []
    for i, (_, _, text_terms, name_terms) in enumerate(docs):
        for postings, bag, norms in (
            (text, text_terms, text_norms),
            (name, name_terms, name_norms),
        ):
            for term in bag:
                postings.setdefault(term, []).append(i)
            norms.append((math.sqrt(math.fsum(idf2[t] for t in bag)) or 1.0).hex())
    return [[d[0] for d in docs], [d[1] for d in docs], text, text_norms, name, name_norms]


def _vocabulary(lke: Lke) -> list[str]:
    from .words import _PHRASES, _words

    texts = [s.name for s in lke.sub_areas.values()]
    for q in lke.raw["questions"]:
        texts += [q["text"], q.get("criteria", ""), *q.get("evidence", ()), *q.get("inputs", ())]
    found = {w for text in texts for w in _words(text)}
    return sorted(found | set(_PHRASES.values()))


def build(lke: Lke) -> dict[str, Any]:
    """The index file's content (see the module's docstring)."""
    from .match import _STAGES
    from .words import term, terms

    docs = [
        (q.code, q.sub_area, sorted(terms(q.text)), sorted(terms(lke.sub_areas[q.sub_area].name)))
        for q in lke.pengungkit_questions
    ]
    df: dict[str, int] = {}
    for _, _, text, name in docs:
        for t in {*text, *name}:
            df[t] = df.get(t, 0) + 1
    n = len(docs)
    idf = {t: (1.0 + math.log(n / c)) * _STAGES.get(t, 1.0) for t, c in sorted(df.items())}
    idf2 = {t: w**2 for t, w in idf.items()}
    by_weight: dict[float, list[str]] = {}
    for t, w2 in idf2.items():
        by_weight.setdefault(w2, []).append(t)
    words = {w: term(w) for w in _vocabulary(lke)}
    areas = {
        numeral: _table([d for d in docs if lke.questions[d[0]].area == numeral], idf2)
        for numeral in lke.areas
    }
    return {
        "schema": SCHEMA,
        "note": "Generated from lke_2026.json by samples/build_lke_data.py --index with "
        "zi_workbook/lke/words.py and match.py (see zi_workbook/lke/index.py). Regenerate "
        "when any of them changes.",
        "idf2": [[w2.hex(), ts] for w2, ts in sorted(by_weight.items())],
        "areas": areas,
        "words": {
            "same": [w for w, t in words.items() if w == t],
            "dropped": [w for w, t in words.items() if not t],
            "other": {w: t for w, t in words.items() if t and w != t},
        },
    }


def merged(tables: list[Table]) -> Table:
    """One table of the questions of every area (for a row above any area)."""
    codes: list[str] = []
    subs: list[str] = []
    norms: tuple[list[float], list[float]] = ([], [])
    postings: tuple[dict[str, list[int]], dict[str, list[int]]] = ({}, {})
    for table in tables:
        at = len(codes)
        codes += table[0]
        subs += table[1]
        for k, (p, m) in enumerate(((table[2], table[3]), (table[4], table[5]))):
            norms[k].extend(m)
            for t, ids in p.items():
                postings[k].setdefault(t, []).extend(i + at for i in ids)
    return [codes, subs, postings[0], norms[0], postings[1], norms[1]]
