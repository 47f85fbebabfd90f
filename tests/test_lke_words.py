"""The LKE's word tables as the word splitter reads them, and the fast paths of words.py held
to the rules as first written (kept below: stems by startswith/endswith over prefix tables,
phrases by a walk over every word)."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from zi_workbook.lke import words
from zi_workbook.lke.words import _LENGTHS, _PHRASES, _STARTS, _words, bag, stem, term

# ---- the rules as first written (zi_workbook/lke/words.py before round 6) ----
_PREFIXES = (
    ("meny", "s"), ("peny", "s"), ("mem", "p"), ("pem", "p"), ("meng", ""), ("peng", ""),
    ("men", "t"), ("pen", "t"),
)  # fmt: skip
_VOWELS = frozenset("aeiou")
_SUFFIXES_1 = ("nya", "lah", "kah")
_PREFIXES_1 = ("di", "ke", "se", "ter", "ber")
_PREFIXES_2 = tuple(p for p, _ in _PREFIXES)
_PREFIXES_3 = ("per", "pe", "me")
_SUFFIXES_2 = ("kan", "an", "i")


def _strip_as_written(word: str) -> str:
    w = word
    if w.endswith(_SUFFIXES_1):
        for suffix in _SUFFIXES_1:
            if w.endswith(suffix) and len(w) - len(suffix) >= 4:
                w = w[: -len(suffix)]
                break
    for prefix in _PREFIXES_1 if w.startswith(_PREFIXES_1) else ():
        if w.startswith(prefix) and len(w) - len(prefix) >= 4:
            w = w[len(prefix) :]
            break
    else:
        for prefix, onset in _PREFIXES if w.startswith(_PREFIXES_2) else ():
            if w.startswith(prefix) and len(w) - len(prefix) >= 3:
                rest = w[len(prefix) :]
                w = onset + rest if rest[0] in _VOWELS else rest
                break
        else:
            for prefix in _PREFIXES_3 if w.startswith(_PREFIXES_3) else ():
                if w.startswith(prefix) and len(w) - len(prefix) >= 4:
                    w = w[len(prefix) :]
                    break
    if w.endswith(_SUFFIXES_2):
        for suffix in _SUFFIXES_2:
            if w.endswith(suffix) and len(w) - len(suffix) >= 4:
                w = w[: -len(suffix)]
                break
    return w[:-1] if w.endswith("si") and len(w) >= 7 else w


_CANONICAL = frozenset(_PHRASES.values()) | frozenset(words._WORDS.values())


def _term_as_written(word: str) -> str:
    mapped = words._WORDS.get(word, word)
    if not mapped or mapped in words._STOP:
        return ""
    return _strip_as_written(mapped) if len(mapped) > 5 and mapped not in _CANONICAL else mapped


_PHRASE_START: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _term in sorted(_PHRASES.items(), key=lambda kv: -len(kv[0])):
    _first, *_rest = _words(_phrase)
    _PHRASE_START.setdefault(_first, []).append((tuple(_rest), _term))


def _phrases_as_written(words: list[str]) -> list[str]:
    out: list[str] = []
    done = 0
    for j in [j for j, w in enumerate(words) if w in _PHRASE_START]:
        if j < done:
            continue
        for tail, found in _PHRASE_START[words[j]]:
            end = j + 1 + len(tail)
            if tuple(words[j + 1 : end]) == tail:
                out += words[done:j]
                out.append(found)
                done = end
                break
    return out + words[done:] if done else words


def _bag_as_written(text: str) -> frozenset[str]:
    return frozenset(filter(None, map(_term_as_written, _phrases_as_written(_words(text)))))


# ---- the tables ----


def test_the_phrase_lengths_say_what_the_phrases_say() -> None:
    # words.py writes out how many words the phrases of each first word have (cheaper than
    # working that out at import), the most first
    lengths: dict[str, set[int]] = {}
    for first, tails in _PHRASE_START.items():
        assert all(tails), first  # a phrase of one word would be no phrase
        lengths[first] = {1 + len(tail) for tail, _ in tails}
    assert {first: tuple(sorted(n, reverse=True)) for first, n in lengths.items()} == _LENGTHS
    assert frozenset(_PHRASE_START) == _STARTS


def test_the_words_table_gives_terms_that_are_no_stop_words() -> None:
    # a word of _WORDS gives its value as it is (the value is a stem and no stop word)
    assert not set(words._WORDS.values()) & words._STOP


def test_each_phrase_is_there_as_its_words_joined() -> None:
    # a phrase is looked up by its words joined with one space: "e-office" as "e office"
    for phrase, found in _PHRASES.items():
        assert _PHRASES[" ".join(_words(phrase))] == found, phrase


# ---- the fast paths against the rules as written ----


@pytest.fixture(autouse=True)
def _keep_the_tables() -> Iterator[None]:
    # the words met here are not the process's: its learned terms and stems come back after
    terms, stems = dict(words._TERMS), dict(words._STEMS)
    yield
    words._TERMS.clear()
    words._TERMS.update(terms)
    words._STEMS.clear()
    words._STEMS.update(stems)


_FRAGMENTS = (
    "meny", "peny", "mem", "pem", "meng", "peng", "men", "pen", "per", "pe", "me", "di", "ke",
    "se", "ter", "ber", "nya", "lah", "kah", "kan", "an", "i", "si", "asi", "isasi", "a", "e",
    "o", "u", "y", "s", "t", "k", "g", "n", "h", "m", "p", "r", "l", "ng", "ny", "ah",
)  # fmt: skip


def _worksheet_words() -> set[str]:
    raw = json.loads((Path(words.__file__).parent / "lke_2026.json").read_text(encoding="utf-8"))
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.update(_words(value))
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(raw)
    return found


@pytest.mark.parametrize("seed", [0, 1])
def test_stems_and_terms_are_the_rules_as_written(seed: int) -> None:
    rng = random.Random(seed)
    sample = _worksheet_words() | set(words._WORDS) | words._STOP | _CANONICAL
    sample |= {"".join(rng.choices(_FRAGMENTS, k=rng.randint(0, 7))) for _ in range(30_000)}
    sample |= {
        "".join(rng.choices("abdeghiklmnoprstuy", k=n)) for n in range(9) for _ in range(500)
    }
    for word in sorted(sample):
        assert words._strip(word) == _strip_as_written(word), word
        assert stem(word) == (
            _strip_as_written(word) if len(word) > 5 and word not in _CANONICAL else word
        ), word
        assert term(word) == _term_as_written(word), word


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_phrases_and_bags_are_the_rules_as_written(seed: int) -> None:
    rng = random.Random(seed)
    phrase_words = sorted({w for phrase in _PHRASES for w in _words(phrase)})
    others = [*sorted(words._STOP)[:20], "kegiatan", "evaluasi", "kinerja", "sistem", "e", "Ü"]
    phrases = list(_PHRASES)
    gaps = [" ", "  ", ", ", "-", " (", ") ", "/", ".", "\n", " - "]
    for _ in range(4_000):
        parts = [
            rng.choice(phrases) if rng.random() < 0.3 else rng.choice(phrase_words + others)
            for _ in range(rng.randint(0, 14))
        ]
        text = "".join((p.upper() if rng.random() < 0.2 else p) + rng.choice(gaps) for p in parts)
        cut = _words(text)
        found = _STARTS.intersection(cut)
        assert words._phrases(list(cut), found) == _phrases_as_written(cut), text
        assert bag(text) == _bag_as_written(text), text
