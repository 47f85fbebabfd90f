"""The LKE's word tables as the word splitter reads them."""

from __future__ import annotations

from zi_workbook.lke.words import _PHRASE_START, _PHRASES, _words


def test_the_phrase_table_splits_each_phrase_as_texts_are_split() -> None:
    # words.py splits its phrases with a plain split at import (cheaper than _words)
    for phrase, term in _PHRASES.items():
        first, *rest = _words(phrase)
        assert (tuple(rest), term) in _PHRASE_START[first], phrase
