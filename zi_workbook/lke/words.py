"""Words of Indonesian office text, made comparable: spelling, abbreviations, cheap stems.

``terms("SOP telah dievaluasi")`` and ``terms("Prosedur operasional tetap (SOP) telah
dievaluasi")`` give the same terms: case and punctuation go, ``ZI``/``Zona Integritas``,
``WBK/WBBM``, ``SOP``, ``TI``/``IT``, ``monev`` and the like become one term each, office
misspellings (``resiko``, ``survey``, ``dtindaklanjuti``) are mended, filler words
dropped, and affixes stripped (``penyusunan``, ``disusun``, ``menyusun`` -> ``susun``).

>>> sorted(terms("Timeline pemantauan dan evaluasi pembangunan WBK/WBBM"))
['bangun', 'monev', 'timeline', 'wbk']
"""

from __future__ import annotations

import re

from .. import _regex

__all__ = ["bag", "forget", "learn", "stem", "term", "terms"]

#: Phrases that are one idea, each replaced by its term in a text's words (looked up by the
#: words joined with one space: each phrase is here in that form too).
_PHRASES = {
    "zona integritas": "zi",
    "wilayah bebas dari korupsi": "wbk",
    "wilayah birokrasi bersih dan melayani": "wbk",
    "prosedur operasional tetap": "sop",
    "prosedur operasional standar": "sop",
    "standar operasional prosedur": "sop",
    "standard operating procedure": "sop",
    "teknologi informasi": "ti",
    "sumber daya manusia": "sdm",
    "sistem pengendalian intern pemerintah": "spip",
    "sistem pengendalian internal pemerintah": "spip",
    "sistem pengawasan internal pemerintah": "spip",
    "sistem pengawasan intern pemerintah": "spip",
    "whistle blowing system": "wbs",
    "whistle-blowing system": "wbs",
    "whistleblowing system": "wbs",
    "indikator kinerja utama": "iku",
    "laporan kinerja": "lakip",
    "laporan akuntabilitas kinerja": "lakip",
    "tindak lanjut": "tindaklanjut",
    "ditindak lanjuti": "tindaklanjut",
    "monitoring dan evaluasi": "monev",
    "pemantauan dan evaluasi": "monev",
    "pendidikan dan pelatihan": "diklat",
    "agen perubahan": "agenubah",
    "benturan kepentingan": "bkepentingan",
    "pola pikir": "polapikir",
    "budaya kerja": "budayakerja",
    "peta proses bisnis": "probis",
    "proses bisnis": "probis",
    "role model": "rolemodel",
    "sistem pemerintahan berbasis elektronik": "spbe",
    "e-office": "spbe",
    "e- office": "spbe",
    "e office": "spbe",
    "e-government": "spbe",
    "e government": "spbe",
    "e-gov": "spbe",
    "e gov": "spbe",
    "sp4n-lapor": "sp4n",
    "sp4n lapor": "sp4n",
    "rencana aksi": "rencanakerja",
    "rencana kerja": "rencanakerja",
}
#: Single words: abbreviations and office spellings to one term ("" drops the word).
_WORDS = {
    "wbbm": "wbk",
    "it": "ti",
    "spi": "spip",
    "lakin": "lakip",
    "lkj": "lakip",
    "lkjip": "lakip",
    "lkip": "lakip",
    "lakip": "lakip",
    "resiko": "risiko",
    "survey": "survei",
    "public": "publik",
    "presentase": "persentase",
    "prosentase": "persentase",
    "review": "reviu",
    "assesment": "asesmen",
    "assessment": "asesmen",
    "assement": "asesmen",
    "dtindaklanjuti": "tindaklanjut",
    "ditindaklanjuti": "tindaklanjut",
    "menindaklanjuti": "tindaklanjut",
    "tindaklanjuti": "tindaklanjut",
    "tindaklanjut": "tindaklanjut",
    "pelatihan": "diklat",
    "training": "diklat",
    "bimtek": "diklat",
    "dimaklumkan": "maklumat",
    "dimaklumatkan": "maklumat",
    "maklumat": "maklumat",
    "wbs": "wbs",
    "iku": "iku",
    "sop": "sop",
    "sanksi": "punishment",
    "hukuman": "punishment",
    "penghargaan": "reward",
    "survei": "survei",
    "eoffice": "spbe",
    "egov": "spbe",
    # roots that start with m, n, k, r: the cheap stemmer cannot tell them from affixes
    "pegawai": "pegawai",
    "kepegawaian": "pegawai",
    "pemanfaatan": "manfaat",
    "memanfaatkan": "manfaat",
    "dimanfaatkan": "manfaat",
    "perencanaan": "rencana",
    "merencanakan": "rencana",
    "direncanakan": "rencana",
    "penilaian": "nilai",
    "menilai": "nilai",
    "dinilai": "nilai",
    "pengendalian": "kendali",
    "mengendalikan": "kendali",
    "dikendalikan": "kendali",
    "pengelolaan": "kelola",
    "mengelola": "kelola",
    "dikelola": "kelola",
    "pengembangan": "kembang",
    "mengembangkan": "kembang",
    "dikembangkan": "kembang",
    "keterlibatan": "libat",
    "terlibat": "libat",
    "melibatkan": "libat",
    "dilibatkan": "libat",
    "memiliki": "milik",
    "dimiliki": "milik",
    "kepemilikan": "milik",
    "pemantauan": "pantau",
    "memantau": "pantau",
    "dipantau": "pantau",
    "terdapat": "",
    "ada": "",
    "adanya": "",
}
_STOP_WORDS = (
    "yang dan di ke dari telah sudah dalam untuk atas terhadap pada dengan oleh secara serta "
    "atau ini itu sebagai adalah akan bagi para tersebut seluruh setiap masing tiap lain "
    "lainnya dll dsb antara agar juga nya per sesuai terkait melalui menuju tahun kabupaten kota "
    "provinsi 1 2 3 4 5 6 7 8 9 0 a b c d e f i ii iii iv v vi"
)
_STOP = frozenset(_STOP_WORDS.split())
#: ASCII byte -> itself lowercased when a letter or digit, else a space.
_ASCII_WORDS = bytearray(b" " * 256)
_ASCII_WORDS[48:58] = b"0123456789"
_ASCII_WORDS[65:91] = _ASCII_WORDS[97:123] = b"abcdefghijklmnopqrstuvwxyz"


def _words(text: str) -> list[str]:
    """``[a-z0-9]+`` runs of the lowercased text; a byte table for ASCII text (3x faster)."""
    if text.isascii():
        return text.encode().translate(_ASCII_WORDS).decode().split()  # utf-8 is ASCII here
    return _word_re().findall(text.lower())


_WORD_RE: list[re.Pattern[str]] = []  # compiled on first use (functools.cache costs more)


def _word_re() -> re.Pattern[str]:
    if not _WORD_RE:
        _WORD_RE.append(_regex.compile(r"[a-z0-9]+"))
    return _WORD_RE[0]


#: A phrase's first word -> how many words the phrases starting with it have, the most first.
#: Written out rather than worked out at import (tests/test_lke_words.py checks it).
_LENGTHS = {
    "zona": (2,), "wilayah": (5, 4), "prosedur": (3,), "standar": (3,), "standard": (3,),
    "teknologi": (2,), "sumber": (3,), "sistem": (4,), "whistle": (3,), "whistleblowing": (2,),
    "indikator": (3,), "laporan": (3, 2), "tindak": (2,), "ditindak": (2,), "monitoring": (3,),
    "pemantauan": (3,), "pendidikan": (3,), "agen": (2,), "benturan": (2,), "pola": (2,),
    "budaya": (2,), "peta": (3,), "proses": (2,), "role": (2,), "e": (2,), "sp4n": (2,),
    "rencana": (2,),
}  # fmt: skip
_STARTS = frozenset(_LENGTHS)
_STEMS: dict[str, str] = {}
#: Terms the tables above produce are already stems.
_CANONICAL = frozenset((*_PHRASES.values(), *_WORDS.values()))
_VOWELS = "aeiou"
_ONSETS = {"y": "s", "g": ""}  # the letter after men-/pen- -> the root's lost first letter


def _strip(word: str) -> str:
    # the affix rules by letters and lengths (a slice or a str method call costs several
    # times a letter's look-up); tests/test_lke_words.py holds it to the rules as written
    # with startswith/endswith and prefix tables
    w = word
    n = len(w)
    # -nya, -lah, -kah
    if n >= 7 and w[-1] in "ah" and w[-3:] in ("nya", "lah", "kah"):
        w = w[:-3]
        n -= 3
    # di-, ke-, se-, ter-, ber-; else meny-, peny-, mem-, pem-, meng-, peng-, men-, pen-
    # (the root's lost first letter back before a vowel); else per-, pe-, me-
    if n >= 6:
        c = w[0]
        if c in "dks":
            if w[1] == ("i" if c == "d" else "e"):
                w = w[2:]
                n -= 2
        elif c in "tb":
            if n >= 7 and w[1] == "e" and w[2] == "r":
                w = w[3:]
                n -= 3
        elif c in "mp" and w[1] == "e":
            c = w[2]
            if c == "n":
                onset = _ONSETS.get(w[3]) if n >= 7 else None
                if onset is None:
                    w = w[3:]
                    if w[0] in _VOWELS:
                        w = "t" + w
                else:
                    w = w[4:]
                    if onset and w[0] in _VOWELS:
                        w = onset + w
                n = len(w)
            elif c == "m":
                w = w[3:]
                if w[0] in _VOWELS:
                    w = "p" + w
                n = len(w)
            elif c == "r" and n >= 7 and w[0] == "p":
                w = w[3:]
                n -= 3
            else:
                w = w[2:]
                n -= 2
    # -kan, -an, -i
    if n >= 5:
        c = w[-1]
        if c == "n":
            if n >= 7 and w[-3:] == "kan":
                w = w[:-3]
                n -= 3
            elif n >= 6 and w[-2] == "a":
                w = w[:-2]
                n -= 2
        elif c == "i":
            w = w[:-1]
            n -= 1
    # -asi words keep one stem whatever their affixes: informasi, diinformasikan
    return w[:-1] if n >= 7 and w[-1] == "i" and w[-2] == "s" else w


def _stem_of(word: str) -> str:
    """``stem`` without its table: a long word no table gives has its affixes stripped."""
    return _strip(word) if len(word) > 5 and word not in _CANONICAL else word


def stem(word: str) -> str:
    """A cheap Indonesian stem: ``pengaduan`` -> ``adu``, ``ditetapkan`` -> ``tetap``.

    >>> [stem(w) for w in ("penetapan", "menetapkan", "ditetapkan")]
    ['tetap', 'tetap', 'tetap']
    """
    got = _STEMS.get(word)
    if got is None:
        got = _stem_of(word)
        if len(_STEMS) < 50_000:
            _STEMS[word] = got
    return got


class _Terms(dict[str, str]):
    """Word -> its term outside a phrase ("" for a word that is dropped), worked out on
    first sight: office text repeats its words a lot."""

    __slots__ = ()

    def __missing__(self, word: str) -> str:
        got = _WORDS.get(word, word)  # ``stem``'s table is for its own callers
        got = "" if not got or got in _STOP else _stem_of(got)
        if len(self) < 50_000:
            self[word] = got
        return got


_TERMS = _Terms()
_TERM_OF = _TERMS.__getitem__


def term(word: str) -> str:
    """The term of one lowercase word outside a phrase, "" for a word that is dropped.

    >>> term("penyusunan"), term("yang")
    ('susun', '')
    """
    return _TERMS[word]


def learn(table: dict[str, str]) -> None:
    """Take words' terms worked out beforehand by ``term`` (the tables file's: word ->
    term, "" for a word that gives none)."""
    _TERMS.update(table)


def forget() -> None:
    """Forget the terms of words worked out or learned so far."""
    _TERMS.clear()


def terms(text: str) -> set[str]:
    """The set of comparable terms of a text (see the module's docstring)."""
    return set(bag(text))


def bag(text: str) -> frozenset[str]:
    """``terms`` as a frozenset (what the matcher keeps)."""
    if text.isascii():  # as _words, without the call
        words = text.encode().translate(_ASCII_WORDS).decode().split()
    else:
        words = _word_re().findall(text.lower())
    firsts = _STARTS.intersection(words)  # the phrases' first words in the text
    if firsts:
        words = _phrases(words, firsts)
    # each word's term, worked out on first sight; "" (a dropped word) filtered out
    return frozenset(filter(None, map(_TERM_OF, words)))


def _phrases(words: list[str], firsts: set[str] | frozenset[str]) -> list[str]:
    """The words with each phrase (``zona integritas``) replaced by its term, read from the
    left, the longest phrase first where several start at one word (``words`` itself,
    changed, or a new list); ``firsts`` are the phrases' first words among them."""
    if len(firsts) == 1:
        (first,) = firsts
        j = words.index(first)
        if words.count(first) == 1:  # one place where phrases can start (most texts)
            for n in _LENGTHS[first]:
                # words cut short by the text's end join as a shorter phrase, or as none
                term = _PHRASES.get(" ".join(words[j : j + n]))
                if term is not None:
                    words[j : j + n] = (term,)
                    break
            return words
    out: list[str] = []
    done = 0  # words before this are in ``out``
    for j in [j for j, w in enumerate(words) if w in firsts]:
        if j >= done:
            for n in _LENGTHS[words[j]]:
                term = _PHRASES.get(" ".join(words[j : j + n]))
                if term is not None:
                    out += words[done:j]
                    out.append(term)
                    done = j + n
                    break
    return out + words[done:] if done else words
