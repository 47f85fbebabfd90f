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
from functools import cache

from .. import _regex

__all__ = ["bag", "forget", "learn", "stem", "term", "terms"]

#: Phrases that are one idea, replaced before the text is cut into words.
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
    "e-gov": "spbe",
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


@cache
def _word_re() -> re.Pattern[str]:
    return _regex.compile(r"[a-z0-9]+")


#: First word of a phrase -> (the words after it, its term), longest first.
_PHRASE_START: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _term in sorted(_PHRASES.items(), key=lambda kv: -len(kv[0])):
    _first, *_rest = _phrase.replace("-", " ").split()  # as _words makes them (tested)
    _PHRASE_START.setdefault(_first, []).append((tuple(_rest), _term))
_PREFIXES = (
    ("meny", "s"), ("peny", "s"), ("mem", "p"), ("pem", "p"), ("meng", ""), ("peng", ""),
    ("men", "t"), ("pen", "t"),
)  # fmt: skip
_STARTS = frozenset(_PHRASE_START)
_VOWELS = frozenset("aeiou")
_STEMS: dict[str, str] = {}
#: Terms the tables above produce are already stems.
_CANONICAL = frozenset(_PHRASES.values()) | frozenset(_WORDS.values())


_SUFFIXES_1 = ("nya", "lah", "kah")
_PREFIXES_1 = ("di", "ke", "se", "ter", "ber")
_PREFIXES_2 = tuple(p for p, _ in _PREFIXES)
_PREFIXES_3 = ("per", "pe", "me")
_SUFFIXES_2 = ("kan", "an", "i")


def _strip(word: str) -> str:
    # each loop keeps its first match; one startswith/endswith with the whole tuple first
    # skips a loop that cannot match (most words miss most of them)
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
    # -asi words keep one stem whatever their affixes: informasi, diinformasikan
    return w[:-1] if w.endswith("si") and len(w) >= 7 else w


def stem(word: str) -> str:
    """A cheap Indonesian stem: ``pengaduan`` -> ``adu``, ``ditetapkan`` -> ``tetap``.

    >>> [stem(w) for w in ("penetapan", "menetapkan", "ditetapkan")]
    ['tetap', 'tetap', 'tetap']
    """
    got = _STEMS.get(word)
    if got is None:
        got = _strip(word) if len(word) > 5 and word not in _CANONICAL else word
        if len(_STEMS) < 50_000:
            _STEMS[word] = got
    return got


class _Terms(dict[str, str]):
    """Word -> its term outside a phrase ("" for a word that is dropped), worked out on
    first sight: office text repeats its words a lot."""

    def __missing__(self, word: str) -> str:
        mapped = _WORDS.get(word, word)
        got = stem(mapped) if mapped and mapped not in _STOP else ""
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
    if not _STARTS.isdisjoint(words):
        words = _phrases(words)
    # each word's term, worked out on first sight; "" (a dropped word) filtered out
    return frozenset(filter(None, map(_TERM_OF, words)))


def _phrases(words: list[str]) -> list[str]:
    """The words with each phrase (``zona integritas``) replaced by its term, read from the
    left, the longest phrase first where several start at one word."""
    out: list[str] = []
    done = 0  # words before this are in ``out``
    for j in [j for j, w in enumerate(words) if w in _STARTS]:
        if j < done:
            continue  # inside a phrase already replaced
        for tail, term in _PHRASE_START[words[j]]:
            end = j + 1 + len(tail)
            if tuple(words[j + 1 : end]) == tail:
                out += words[done:j]
                out.append(term)
                done = end
                break
    return out + words[done:] if done else words
