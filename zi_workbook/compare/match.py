"""Pair the actions of two versions by what they are, never by Excel row.

Linear in the size of the plans:

1. rows whose area, component, indicator and action are the same once normalised
   (case, spaces, punctuation) are paired through a hash table; a key held by several
   rows pairs them in plan order when both versions hold it equally often, else only
   rows whose whole content is the same;
2. leftovers whose area and action text are the same and unique on both sides are paired
   (the component or indicator was reworded);
3. leftovers left in the same area and component are compared by their wording, each
   group at most ``MAX_PAIRS`` comparisons: a lightly edited action (a typo fixed, a word
   added) pairs with its one clearly best match, and an ambiguous one is never forced.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache

from .. import _regex
from ..model import PlanRow

__all__ = ["MAX_PAIRS", "Matching", "match_rows", "norm", "similar"]

#: Fuzzy comparisons allowed within one area and component (bounds the third pass).
MAX_PAIRS = 2500
#: How alike two wordings must be (difflib ratio) to be one action lightly edited.
THRESHOLD = 0.8
#: How far ahead of the next candidate the best match must be to be taken.
MARGIN = 0.05

_NOT_WORD = _regex.compile(r"[\W_]+")

Key = tuple[str, str, str, str]
Matching = tuple[list[tuple[int, int]], list[int], list[int]]


@lru_cache(maxsize=1 << 16)
def norm(text: str) -> str:
    """Text for matching: case folded, punctuation dropped, one space between words."""
    return _NOT_WORD.sub(" ", text.casefold()).strip()


def _by_key(rows: Sequence[PlanRow]) -> dict[Key, list[int]]:
    """Each row's key (area, component, indicator, action, normalised) with the indices
    of its rows, in plan order."""
    out: dict[Key, list[int]] = {}
    get = out.get
    for i, row in enumerate(rows):
        key = (row.area or "", norm(row.component), norm(row.indicator), norm(row.action))
        ids = get(key)
        if ids is None:
            out[key] = [i]
        else:
            ids.append(i)
    return out


def _content(row: PlanRow) -> tuple[object, ...]:
    return (norm(row.evidence), row.links, norm(row.target.text))


def match_rows(old: Sequence[PlanRow], new: Sequence[PlanRow]) -> Matching:
    """(pairs of old and new indices, old indices left, new indices left)."""
    pairs: list[tuple[int, int]] = []
    new_by_key = _by_key(new)
    take = new_by_key.pop
    left_old: list[int] = []
    left_new: list[int] = []
    for key, olds in _by_key(old).items():
        news = take(key, [])
        if len(olds) == len(news):
            if len(olds) == 1:  # most keys: one action on each side
                pairs.append((olds[0], news[0]))
            else:
                pairs.extend(zip(olds, news, strict=True))
            continue
        _pair_same_content(old, new, olds, news, pairs, left_old, left_new)
    for news in new_by_key.values():
        left_new.extend(news)
    left_old, left_new = _pair_same_action(old, new, left_old, left_new, pairs)
    left_old, left_new = _pair_similar(old, new, left_old, left_new, pairs)
    pairs.sort()
    return pairs, sorted(left_old), sorted(left_new)


def _pair_same_content(
    old: Sequence[PlanRow],
    new: Sequence[PlanRow],
    olds: list[int],
    news: list[int],
    pairs: list[tuple[int, int]],
    left_old: list[int],
    left_new: list[int],
) -> None:
    """One key, unequal numbers of rows: pair only rows identical in content too."""
    waiting: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for j in news:
        waiting[_content(new[j])].append(j)
    for i in olds:
        same = waiting.get(_content(old[i]))
        if same:
            pairs.append((i, same.pop(0)))
        else:
            left_old.append(i)
    left_new.extend(j for js in waiting.values() for j in js)


def _pair_same_action(
    old: Sequence[PlanRow],
    new: Sequence[PlanRow],
    left_old: list[int],
    left_new: list[int],
    pairs: list[tuple[int, int]],
) -> tuple[list[int], list[int]]:
    """Same area and action text, unique on both sides: the component or indicator moved."""

    def index(rows: Sequence[PlanRow], ids: list[int]) -> dict[tuple[str, str], list[int]]:
        out: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i in ids:
            if rows[i].action:
                out[(rows[i].area or "", norm(rows[i].action))].append(i)
        return out

    olds, news = index(old, left_old), index(new, left_new)
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    for key, ids in olds.items():
        other = news.get(key, [])
        if len(ids) == 1 and len(other) == 1:
            pairs.append((ids[0], other[0]))
            taken_old.add(ids[0])
            taken_new.add(other[0])
    return (
        [i for i in left_old if i not in taken_old],
        [j for j in left_new if j not in taken_new],
    )


def similar(a: str, b: str) -> float:
    """How alike two normalised wordings are, 0..1; a word or two added counts as alike."""
    return _similar(a, b, exact=True)


def _similar(a: str, b: str, *, exact: bool) -> float:
    """``similar``; not ``exact``: 0.0 for any pair that ``similar`` puts below
    ``THRESHOLD`` (its value there decides nothing), told by difflib's upper bounds
    before its costly ratio."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    if 2 * min(len(a), len(b)) / (len(a) + len(b)) < THRESHOLD - 0.2:
        return 0.0  # SequenceMatcher.real_quick_ratio(), without making the matcher
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    wa, wb = set(a.split()), set(b.split())
    small, big = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(small) >= 3 and small <= big and len(big - small) <= 2:
        return max(matcher.ratio(), THRESHOLD)  # words added, none changed
    if not exact and matcher.quick_ratio() < THRESHOLD:
        return 0.0
    return matcher.ratio()


def _pair_similar(
    old: Sequence[PlanRow],
    new: Sequence[PlanRow],
    left_old: list[int],
    left_new: list[int],
    pairs: list[tuple[int, int]],
) -> tuple[list[int], list[int]]:
    groups: dict[tuple[str, str], tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i in left_old:
        groups[(old[i].area or "", norm(old[i].component))][0].append(i)
    for j in left_new:
        groups[(new[j].area or "", norm(new[j].component))][1].append(j)
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    for olds, news in groups.values():
        if not olds or not news or len(olds) * len(news) > MAX_PAIRS:
            continue
        for i, j in _best_pairs(old, new, olds, news):
            pairs.append((i, j))
            taken_old.add(i)
            taken_new.add(j)
    return (
        [i for i in left_old if i not in taken_old],
        [j for j in left_new if j not in taken_new],
    )


def _best_pairs(
    old: Sequence[PlanRow], new: Sequence[PlanRow], olds: list[int], news: list[int]
) -> list[tuple[int, int]]:
    """Pairs that are each other's clear best match (by ``MARGIN``), above ``THRESHOLD``."""
    best_old: dict[int, list[tuple[float, int]]] = defaultdict(list)
    best_new: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for i in olds:
        a = old[i]
        for j in news:
            b = new[j]
            score = _similar(norm(a.action), norm(b.action), exact=False)
            if (
                score < THRESHOLD
                or _similar(norm(a.indicator), norm(b.indicator), exact=False) < THRESHOLD
            ):
                continue
            best_old[i].append((score, j))
            best_new[j].append((score, i))
    out = []
    for i, scores in best_old.items():
        scores.sort(reverse=True)
        score, j = scores[0]
        if len(scores) > 1 and scores[1][0] > score - MARGIN:
            continue  # two new rows fit this old one about as well: do not guess
        others = sorted(best_new[j], reverse=True)
        if others[0][1] != i or (len(others) > 1 and others[1][0] > score - MARGIN):
            continue
        out.append((i, j))
    return out
