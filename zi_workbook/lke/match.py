"""Suggest the LKE question of an action from its words, within the action's area.

Three cosine similarities over idf-weighted terms (``words.terms``), each in 0..1:

* the row's INDIKATOR and KOMPONEN against the question's text, the strongest signal;
* the row's KOMPONEN against the sub-area's name;
* the row's LANGKAH AKSI and BUKTI FISIK (with the above) against the question's text,
  the weakest.

Their weighted mean is the score. Each area's inverted index, the terms' weights and the
terms of the worksheet's words are read from the package's tables file (see ``index``), so
a row costs a few list look-ups per word whatever the plan's size. Plans merge KOMPONEN
and INDIKATOR down many rows, so the first two similarities are worked out once per
distinct (area, KOMPONEN, INDIKATOR) and kept (``_Main``: dot products, shared terms, the
name's cosine); a row then adds its action's words and scores every question in one pass.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import repeat
from typing import Any

from .data import Lke, tables
from .words import bag, learn

__all__ = ["THRESHOLD", "Matcher", "Ranked"]

#: Candidates best first: (score, code), scores in 0..1.
Ranked = tuple[tuple[float, str], ...]

#: Below this score a row is left unmapped rather than guessed.
THRESHOLD = 0.3
_W_QUESTION, _W_NAME, _W_ACTION = 0.6, 0.25, 0.15
#: Words that tell the stages of one sub-area apart (done, evaluated, followed up) weigh more.
_STAGES = {"monev": 1.6, "evaluas": 1.6, "tindaklanjut": 1.6, "monitoring": 1.6}
#: One shared word is weak evidence: a question that shares only one term with the row's
#: INDIKATOR and KOMPONEN keeps this share of its score.
_LONE_WORD = 0.5
#: The weight of a row's word that no question uses.
_UNKNOWN = 1.0
_UNKNOWN_2 = _UNKNOWN**2
_UNKNOWNS = repeat(_UNKNOWN_2)  # an unknown term's squared weight, as ``map``'s default
#: How many distinct texts a process keeps worked out (a set of terms, ~0.5 KB each).
_KEEP = 20_000
#: How many rows' rankings a process keeps (~0.3 KB, five tuples each): enough for the page
#: checking a plan again; a big plan's rows would only make the collector run more often.
_KEEP_RANKED = 2_000
#: How many KOMPONEN texts and (KOMPONEN, INDIKATOR) pairs each area keeps worked out: a
#: pair holds three lists of the area's ~20 questions and its terms' weights (~2 KB), so a
#: 100,000-row plan whose every INDIKATOR differs holds at most ~6 MB of them, not ~250 MB.
_KEEP_MAINS = 500
_Postings = dict[str, Sequence[int]]


class _Main:
    """What one (KOMPONEN, INDIKATOR) gives in one area, per question: the dot products
    of its terms with the question's text (``dots``), how many terms it shares with it
    (``shared``: one is a lone word), the weighted cosine with the sub-area's name
    (``name``); its terms' squared weights and norm, for the norm with an action's words."""

    __slots__ = ("dots", "name", "norm", "shared", "terms", "weights")

    def __init__(
        self,
        terms: frozenset[str],
        dots: list[float],
        shared: list[int],
        name: list[float],
        weights: list[float],
        norm: float,
    ) -> None:
        self.terms = terms
        self.dots = dots
        self.shared = shared
        self.name = name
        self.weights = weights
        self.norm = norm


def _dots(
    postings: _Postings, idf2: dict[str, float], bag: frozenset[str], n: int
) -> tuple[list[float], list[int]]:
    """Each document's dot product with ``bag``, and how many of its terms it shares."""
    out = [0.0] * n
    shared = [0] * n
    for term in bag:
        found = postings.get(term)
        if found:
            w2 = idf2[term]
            for i in found:
                out[i] += w2
                shared[i] += 1
    return out, shared


class _Index:
    """The questions of one area (or of all areas): two inverted indexes, norms, and the
    worked-out (KOMPONEN, INDIKATOR) pairs met so far."""

    def __init__(self, table: list[Any]) -> None:
        self.codes: list[str] = table[0]
        self.sub_areas: list[str] = table[1]
        self.text_postings: _Postings = table[2]
        self.text_norms: list[float] = table[3]
        self.name_postings: _Postings = table[4]
        self.name_norms: list[float] = table[5]
        self.n = len(self.codes)
        self.components: dict[str, tuple[frozenset[str], list[float]]] = {}
        self.mains: dict[tuple[str, str], _Main] = {}


class Matcher:
    """Built once per worksheet; ``rank`` is cheap per row."""

    def __init__(self, lke: Lke) -> None:
        shipped = tables().get("index")
        if shipped is None:
            from .index import build

            shipped = build(lke)
        # read, never changed: shared with the file's content (``data.tables``)
        self._idf2: dict[str, float] = shipped["idf2"]
        self._tables: dict[str, list[Any]] = shipped["areas"]
        self._words: dict[str, str] | None = shipped["words"]
        self._indexes: dict[str, _Index] = {}
        self._terms: dict[str, frozenset[str]] = {}
        self._ranked: dict[tuple[str, str, str, str, str | None, int], Ranked] = {}

    def clear(self) -> None:
        """Forget the texts, pairs and rankings worked out so far (the bench uses it to
        measure new plans)."""
        self._terms.clear()
        self._ranked.clear()
        for index in self._indexes.values():
            index.components.clear()
            index.mains.clear()

    def _index(self, area: str | None) -> _Index:
        key = area or ""
        index = self._indexes.get(key)
        if index is None:
            table = self._tables.get(key)
            if table is None:  # a row above any area, or of an area the LKE has not
                from .index import merged

                table = merged(list(self._tables.values()))
            index = self._indexes[key] = _Index(table)
        return index

    def _bag(self, text: str) -> frozenset[str]:
        got = self._terms.get(text)
        if got is None:
            if self._words is not None:  # the worksheet's words, before the first text
                learn(self._words)
                self._words = None
            got = bag(text)
            if len(self._terms) < _KEEP:
                self._terms[text] = got
        return got

    def _name_part(self, index: _Index, bag: frozenset[str]) -> list[float]:
        """Each question's weighted cosine of ``bag`` with its sub-area's name."""
        idf2 = self._idf2
        norm = math.sqrt(math.fsum([*map(idf2.get, bag, _UNKNOWNS)]))
        dots = _dots(index.name_postings, idf2, bag, index.n)[0]
        return [
            _W_NAME * d / (norm * m) if d else 0.0
            for d, m in zip(dots, index.name_norms, strict=True)
        ]

    def _component(self, index: _Index, component: str) -> tuple[frozenset[str], list[float]]:
        got = index.components.get(component)
        if got is None:
            comp = self._bag(component)
            got = (comp, self._name_part(index, comp) if comp else [])
            if len(index.components) < _KEEP_MAINS:
                index.components[component] = got
        return got

    def _main(self, index: _Index, component: str, indicator: str) -> _Main:
        comp, name_part = self._component(index, component)
        main = self._bag(indicator) | comp
        idf2 = self._idf2
        dots, shared = _dots(index.text_postings, idf2, main, index.n)
        weights = [*map(idf2.get, main, _UNKNOWNS)]
        if main and not comp:
            name_part = self._name_part(index, main)
        elif not main:
            name_part = [0.0] * index.n
        got = _Main(main, dots, shared, name_part, weights, math.sqrt(math.fsum(weights)))
        if len(index.mains) < _KEEP_MAINS:
            index.mains[(component, indicator)] = got
        return got

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
        """The ``keep`` best questions for one row (within ``sub_area`` when given).

        A row met before (the same plan checked again, or rows repeated in a plan) is
        looked up; ``_KEEP_RANKED`` rows at most are kept."""
        key = (area or "", component, indicator, action, sub_area, keep)
        got = self._ranked.get(key)
        if got is None:
            got = self._rank(area, component, indicator, action, sub_area, keep)
            if len(self._ranked) < _KEEP_RANKED:
                self._ranked[key] = got
        return got

    def _rank(
        self,
        area: str | None,
        component: str,
        indicator: str,
        action: str,
        sub_area: str | None,
        keep: int,
    ) -> Ranked:
        index = self._indexes.get(area or "") or self._index(area)
        main = index.mains.get((component, indicator)) or self._main(index, component, indicator)
        words = self._terms.get(action)
        extra = (self._bag(action) if words is None else words) - main.terms
        dots = main.dots
        if extra:
            dots = dots[:]
            postings = index.text_postings
            idf2 = self._idf2
            for term in extra:
                found = postings.get(term)
                if found:
                    w2 = idf2[term]
                    for i in found:
                        dots[i] += w2
            get = idf2.get
            norm = math.sqrt(math.fsum([*main.weights, *map(get, extra, _UNKNOWNS)]))
        elif main.terms:
            norm = main.norm
        else:
            return ()
        scores = _scores(main, dots, norm, index.text_norms)
        if sub_area is None:
            return _best(scores, index.codes, keep)
        inside = zip(scores, index.codes, index.sub_areas, strict=True)
        return _top([(x, code) for x, code, sub in inside if x and sub == sub_area], keep)


def _scores(main: _Main, dots: list[float], norm: float, text_norms: list[float]) -> list[float]:
    """Every question's score for one row (``norm`` and ``dots``: with the row's action),
    0.0 for a question sharing no word with the row (``a``, the dot product with all of
    the row's words, is 0 only where ``d``, with its INDIKATOR and KOMPONEN, is) nor with
    its KOMPONEN (``p``, the weighted cosine with the sub-area's name).

    The weighted mean of the three cosines, times the lone-word factor unless the question
    shares more than one term with the INDIKATOR and KOMPONEN."""
    q, w, main_norm = _W_QUESTION, _W_ACTION, main.norm
    each = zip(main.dots, dots, text_norms, main.name, main.shared, strict=True)
    return [
        ((q * d / (main_norm * m) if d else 0.0) + p + w * a / (norm * m) if a else p)
        * (1.0 if k > 1 else _LONE_WORD)
        for d, a, m, p, k in each
    ]  # fmt: skip


def _top(raw: list[tuple[float, str]], keep: int) -> Ranked:
    """The ``keep`` best of (score, code) by the score rounded to 4 places, then the code.

    Rounding is costly and keeps the order of the scores, so only the best few are
    rounded: the ``keep``-th best and whatever rounds to the same value (it may win on
    its code)."""
    raw.sort(reverse=True)
    best: list[tuple[float, str]] = []
    cut = -1.0
    for score, code in raw:
        r = round4(score)
        if r < cut:
            break
        best.append((-r, code))
        if len(best) == keep:
            cut = r
    best.sort()
    return tuple([(-r, code) for r, code in best[:keep]])


def _best(scores: list[float], codes: list[str], keep: int) -> Ranked:
    """``_top`` of the questions scoring above 0, from every question's score.

    The scores are sorted alone (no key function); each one taken is found in the list,
    equal scores in question order as a stable sort keeps them."""
    best: list[tuple[float, str]] = []
    cut = -1.0
    at, last = -1, -1.0
    for score in sorted(scores, reverse=True):
        if not score:
            break  # the rest share nothing with the row either
        r = round4(score)
        if r < cut:
            break
        at = scores.index(score, at + 1 if score == last else 0)
        last = score
        best.append((-r, codes[at]))
        if len(best) == keep:
            cut = r
    best.sort()
    return tuple([(-r, code) for r, code in best[:keep]])


def round4(x: float) -> float:
    """``round(x, 4)``, in a third of the time for a score (0 <= x < 10**6).

    ``round`` prints ``x`` to 4 places exactly and reads the digits back: the nearest
    float to k / 10**4. Division is exact to the nearest float too, so k / 10**4 is that
    same float; ``x * 10**4`` is off by at most ~10**-9 here, which decides k unless its
    fraction is within 10**-6 of a half (then ``round`` itself decides)."""
    if 0.0 <= x < 1e6:
        y = x * 10000.0
        k = y // 1.0
        half = y - k - 0.5
        if half > 1e-6:
            return (k + 1.0) / 10000.0
        if half < -1e-6:
            return k / 10000.0
    return round(x, 4)
