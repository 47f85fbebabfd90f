"""Suggest the LKE question of an action from its words, within the action's area.

Three cosine similarities over idf-weighted terms (``words.terms``), each in 0..1:

* the row's INDIKATOR (and KOMPONEN) against the question's text, the strongest signal;
* the row's KOMPONEN against the sub-area's name;
* the row's LANGKAH AKSI and BUKTI FISIK against the question and the evidence
  evaluators usually expect, the weakest.

Their weighted mean is the score. Each area keeps an inverted index, so a row costs a
few dictionary look-ups per word whatever the plan's size.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from .data import Lke, Question
from .words import terms

__all__ = ["THRESHOLD", "Matcher", "Ranked"]

#: Below this score a row is left unmapped rather than guessed.
THRESHOLD = 0.3
_W_QUESTION, _W_SUB_AREA, _W_ACTION = 0.6, 0.25, 0.15
#: Words that tell the stages of one sub-area apart (done, evaluated, followed up) weigh more.
_STAGES = {"monev": 1.6, "evaluas": 1.6, "tindaklanjut": 1.6, "monitoring": 1.6}
#: The weight of a row's word that no question uses.
_UNKNOWN = 1.0
_Postings = dict[str, list[tuple[int, float]]]


@dataclass(frozen=True, slots=True)
class Ranked:
    """Candidates best first: (score, code), scores in 0..1."""

    best: tuple[tuple[float, str], ...]


class _Index:
    """The questions of one area (or of all areas) and their three inverted indexes."""

    def __init__(self, questions: list[Question], docs: list[tuple[set[str], ...]],
                 idf: dict[str, float]) -> None:  # fmt: skip
        self.codes = [q.code for q in questions]
        self.sub_areas = [q.sub_area for q in questions]
        self.postings: list[_Postings] = [{}, {}, {}]
        self.norms: list[list[float]] = [[], [], []]
        for i, doc in enumerate(docs):
            for part, bag in enumerate(doc):
                total = 0.0
                for term in bag:
                    w2 = idf[term] ** 2
                    total += w2
                    self.postings[part].setdefault(term, []).append((i, w2))
                self.norms[part].append(math.sqrt(total) or 1.0)

    def dots(self, part: int, bag: Iterable[str], into: list[float]) -> None:
        postings = self.postings[part]
        for term in bag:
            for i, w2 in postings.get(term, ()):
                into[i] += w2


class Matcher:
    """Built once per worksheet (``Matcher.for_lke``); ``rank`` is cheap per row."""

    def __init__(self, lke: Lke) -> None:
        questions = list(lke.pengungkit_questions)
        docs: list[tuple[set[str], ...]] = []
        for q in questions:
            text = terms(q.text)
            docs.append(
                (
                    text,
                    terms(lke.sub_areas[q.sub_area].name),
                    text.union(*(terms(e) for e in q.evidence)),
                )
            )
        df: dict[str, int] = {}
        for doc in docs:
            for term in set().union(*doc):
                df[term] = df.get(term, 0) + 1
        n = len(docs)
        self.idf = {t: (1.0 + math.log(n / c)) * _STAGES.get(t, 1.0) for t, c in df.items()}
        self._all = _Index(questions, docs, self.idf)
        self._areas: dict[str, _Index] = {}
        for numeral in lke.areas:
            keep = [i for i, q in enumerate(questions) if q.area == numeral]
            self._areas[numeral] = _Index(
                [questions[i] for i in keep], [docs[i] for i in keep], self.idf
            )
        self._terms: dict[str, set[str]] = {}

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
        idf = self.idf
        return math.sqrt(sum(idf.get(t, _UNKNOWN) ** 2 for t in bag))

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
        index = self._areas.get(area or "", self._all)
        comp = self._bag(component)
        main = self._bag(indicator) | comp
        act = self._bag(action)
        bags = (main, comp or main, act | main)
        weights = (_W_QUESTION, _W_SUB_AREA, _W_ACTION)
        scores = [0.0] * len(index.codes)
        for part, bag in enumerate(bags):
            norm = self._norm(bag)
            if not norm:
                continue
            dots = [0.0] * len(index.codes)
            index.dots(part, bag, dots)
            part_norms = index.norms[part]
            w = weights[part]
            for i, dot in enumerate(dots):
                if dot:
                    scores[i] += w * dot / (norm * part_norms[i])
        order = sorted(
            (
                (round(s, 4), code)
                for s, code, sub in zip(scores, index.codes, index.sub_areas, strict=True)
                if s > 0 and (sub_area is None or sub == sub_area)
            ),
            key=lambda pair: (-pair[0], pair[1]),
        )
        return Ranked(tuple(order[:keep]))
