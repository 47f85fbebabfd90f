"""The matcher's tables, worked out from the worksheet: ``build`` makes them.

The ``index`` of ``lke_2026_tables.marshal`` ships them (``content`` is the whole file;
``samples/build_lke_data.py --index`` writes it; a test checks it against ``content``),
so a process reads them instead of stemming the worksheet and building its indexes on
start; ``match`` builds them here only if the file is missing or of another schema. They
are:

* ``idf2``: each term of the questions' texts and sub-area names -> its squared idf weight;
* ``areas``: per area, its Pengungkit questions in LKE order: their codes, sub-areas, an
  inverted index of their texts' terms (term -> positions, as bytes) and each text's
  norm, and the same for their sub-areas' names;
* ``words``: each word of the worksheet (questions, criteria, usual evidence, sub-area
  names) -> its term ("" for a word that gives none), as ``words.terms`` makes it: plans
  write the LKE's own words, so most of theirs are looked up rather than stemmed.
"""

from __future__ import annotations

import math
from typing import Any

from .data import DATA_FILE, TABLES_SCHEMA, Lke, parse
from .worksheet import core, raw

__all__ = ["Table", "build", "content", "merged"]

#: codes, sub-areas, text postings, text norms, name postings, name norms
Table = list[Any]


def _table(docs: list[tuple[str, str, list[str], list[str]]], idf2: dict[str, float]) -> Table:
    """A table as ``match`` reads it."""
    text: dict[str, list[int]] = {}
    name: dict[str, list[int]] = {}
    text_norms: list[float] = []
    name_norms: list[float] = []
    for i, (_, _, text_terms, name_terms) in enumerate(docs):
        for postings, bag, norms in (
            (text, text_terms, text_norms),
            (name, name_terms, name_norms),
        ):
            for term in bag:
                postings.setdefault(term, []).append(i)
            norms.append(math.sqrt(math.fsum(idf2[t] for t in bag)) or 1.0)
    return [
        [d[0] for d in docs],
        [d[1] for d in docs],
        {t: bytes(at) for t, at in text.items()},
        text_norms,
        {t: bytes(at) for t, at in name.items()},
        name_norms,
    ]


def _vocabulary(lke: Lke) -> list[str]:
    from .words import _PHRASES, _words

    texts = [s.name for s in lke.sub_areas.values()]
    for q in raw()["questions"]:
        texts += [q["text"], q.get("criteria", ""), *q.get("evidence", ()), *q.get("inputs", ())]
    found = {w for text in texts for w in _words(text)}
    return sorted(found | set(_PHRASES.values()))


def build(lke: Lke) -> dict[str, Any]:
    """The tables file's ``index`` (see the module's docstring)."""
    from .match import _STAGES
    from .words import forget, term, terms

    forget()  # terms worked out afresh, not as a tables file taught them
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
    areas = {
        numeral: _table([d for d in docs if lke.questions[d[0]].area == numeral], idf2)
        for numeral in lke.areas
    }
    return {"idf2": idf2, "areas": areas, "words": {w: term(w) for w in _vocabulary(lke)}}


def content(data: dict[str, Any]) -> dict[str, Any]:
    """The tables file's content, from the worksheet file's: ``core`` (``worksheet.core``)
    and ``index`` (``build``), each string one object (``marshal`` writes it once)."""
    made = core(data)
    tables = {"core": made, "index": build(parse(made))}
    pool: dict[str, str] = {}

    def shared(value: Any) -> Any:
        if isinstance(value, str):
            return pool.setdefault(value, value)
        if isinstance(value, dict):
            return {shared(k): shared(v) for k, v in value.items()}
        if isinstance(value, list):
            return [shared(v) for v in value]
        if isinstance(value, tuple):
            return tuple(shared(v) for v in value)
        return value

    return {
        "schema": TABLES_SCHEMA,
        "note": f"Generated from {DATA_FILE} by samples/build_lke_data.py --index with "
        "zi_workbook/lke/data.py, worksheet.py, words.py, match.py and index.py. Regenerate "
        "when any of "
        "them changes.",
        **shared(tables),
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
