"""Suggest the LKE question of an action from its words, within the action's area.

Three cosine similarities over idf-weighted terms (``words.terms``), each in 0..1:

* the row's INDIKATOR and KOMPONEN against the question's text, the strongest signal;
* the row's KOMPONEN against the sub-area's name;
* the row's LANGKAH AKSI and BUKTI FISIK (with the above) against the question's text,
  the weakest.

Their weighted mean is the score. Each area's inverted index is built on first use, so
a row costs a few dictionary look-ups per word whatever the plan's size.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from .data import Lke, Question
from .words import terms

__all__ = ["THRESHOLD", "Matcher", "Ranked"]

#: Below this score a row is left unmapped rather than guessed.
THRESHOLD = 0.3
_WEIGHTS = (0.6, 0.25, 0.15)  # question, sub-area name, action
#: Words that tell the stages of one sub-area apart (done, evaluated, followed up) weigh more.
_STAGES = {"monev": 1.6, "evaluas": 1.6, "tindaklanjut": 1.6, "monitoring": 1.6}
#: One shared word is weak evidence: a question that shares only one term with the row's
#: INDIKATOR and KOMPONEN keeps this share of its score.
_LONE_WORD = 0.5
#: The weight of a row's word that no question uses.
_UNKNOWN = 1.0
_UNKNOWN_2 = _UNKNOWN**2
_Postings = dict[str, list[tuple[int, float]]]


class Ranked(NamedTuple):
    """Candidates best first: (score, code), scores in 0..1."""

    best: tuple[tuple[float, str], ...]


class _Index:
    """The questions of one area (or of all areas): two inverted indexes and norms."""

    def __init__(self, docs: list[tuple[Question, set[str], set[str]]], idf: dict[str, float]):
        self.codes = [q.code for q, _, _ in docs]
        self.texts = [text for _, text, _ in docs]
        self.sub_areas = [q.sub_area for q, _, _ in docs]
        self.postings: tuple[_Postings, _Postings] = ({}, {})
        self.norms: tuple[list[float], list[float]] = ([], [])
        for i, (_, text, name) in enumerate(docs):
            for part, bag in enumerate((text, name)):
                total = 0.0
                postings = self.postings[part]
                for term in bag:
                    w2 = idf[term] ** 2
                    total += w2
                    postings.setdefault(term, []).append((i, w2))
                self.norms[part].append(math.sqrt(total) or 1.0)

    def dots(
        self, part: int, bag: set[str], start: dict[int, float] | None = None
    ) -> dict[int, float]:
        """Each question's dot product with ``bag`` (added to a copy of ``start``)."""
        postings = self.postings[part]
        dots: dict[int, float] = dict(start) if start else {}
        get = dots.get
        for term in bag:
            found = postings.get(term)
            if found:
                for i, w2 in found:
                    dots[i] = get(i, 0.0) + w2
        return dots

    def add(
        self, part: int, dots: dict[int, float], norm: float, into: dict[int, float], w: float
    ) -> None:
        """``w`` times each cosine (``dots`` over the norms) into ``into``."""
        norms = self.norms[part]
        have = into.get
        for i, dot in dots.items():
            into[i] = have(i, 0.0) + w * dot / (norm * norms[i])


class Matcher:
    """Built once per worksheet; ``rank`` is cheap per row."""

    def __init__(self, lke: Lke) -> None:
        self._docs = [
            (q, terms(q.text), terms(lke.sub_areas[q.sub_area].name))
            for q in lke.pengungkit_questions
        ]
        df: dict[str, int] = {}
        for _, text, name in self._docs:
            for term in text | name:
                df[term] = df.get(term, 0) + 1
        n = len(self._docs)
        self.idf = {t: (1.0 + math.log(n / c)) * _STAGES.get(t, 1.0) for t, c in df.items()}
        self._idf2 = {t: w**2 for t, w in self.idf.items()}
        self._indexes: dict[str, _Index] = {}
        self._terms: dict[str, set[str]] = {}

    def _index(self, area: str | None) -> _Index:
        key = area or ""
        index = self._indexes.get(key)
        if index is None:
            docs = [d for d in self._docs if not key or d[0].area == key]
            index = self._indexes[key] = _Index(docs or self._docs, self.idf)
        return index

    def _bag(self, text: str) -> set[str]:
        got = self._terms.get(text)
        if got is None:
            got = terms(text)
            if len(self._terms) < 20_000:
                self._terms[text] = got
        return got

    def _norm(self, bag: set[str]) -> float:
        """Words the LKE never uses count too, lightly: a row that is mostly other
        business scores low even when one of its words is an LKE word."""
        idf2 = self._idf2
        return math.sqrt(math.fsum(idf2.get(t, _UNKNOWN_2) for t in bag))

    def rank(
        self,
        area: str | None,
        component: str,
        indicator: str,
        action: str,
        *,
        sub_area: str | None = None,
        keep: int = 3,
    ) -> Ranked:
        """The ``keep`` best questions for one row (within ``sub_area`` when given)."""
        index = self._index(area)
        comp = self._bag(component)
        main = self._bag(indicator) | comp
        name = comp or main
        both = self._bag(action) | main
        scores: dict[int, float] = {}
        # the question-text dots of ``main`` serve twice: ``both`` only adds the action's
        main_dots = index.dots(0, main)
        norm = self._norm(main)
        if norm:
            index.add(0, main_dots, norm, scores, _WEIGHTS[0])
        norm = self._norm(name)
        if norm:
            index.add(1, index.dots(1, name), norm, scores, _WEIGHTS[1])
        norm = self._norm(both)
        if norm:
            index.add(0, index.dots(0, both - main, main_dots), norm, scores, _WEIGHTS[2])
        codes, subs, texts = index.codes, index.sub_areas, index.texts
        pairs = [
            (round(s if len(main & texts[i]) > 1 else s * _LONE_WORD, 4), codes[i])
            for i, s in scores.items()
            if s > 0 and (sub_area is None or subs[i] == sub_area)
        ]
        pairs.sort(key=_best_first)  # what heapq.nsmallest(keep, ...) gives, cheaper
        return Ranked(tuple(pairs[:keep]))


def _best_first(pair: tuple[float, str]) -> tuple[float, str]:
    return -pair[0], pair[1]
