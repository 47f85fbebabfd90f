"""The LKE as data: areas, sub-areas, questions, weights and the WBK/WBBM minimums.

The worksheet is ``lke_2026.json`` (package data built from the research notes by
``samples/build_lke_data.py``; it cites PermenPANRB 90/2021 Lampiran III and every
source). ``load`` reads only the ``core`` of ``lke_2026_tables.marshal``, generated from it
by the same script: each area's, sub-area's, question's and minimum's fields in the
order its class takes them, what mapping and coverage need (the file also holds the
matcher's tables, ``index``). Answer types, criteria, the usual evidence and the sources
are in the worksheet file only (``worksheet``, imported on use): the reference and the
LKE sheet need them, ``validate`` does not.

The generated file is in ``marshal``'s format, as Python keeps bytecode: plain dicts,
lists, tuples, strings, bytes and floats, read ~2x faster than the same in JSON (floats
exact, each string once). A file that is missing, unreadable or of another schema is
ignored: the worksheet file gives the same, slower.
"""

from __future__ import annotations

import marshal
import os
from functools import cache
from typing import Any

__all__ = ["PARTS", "Area", "Lke", "Question", "Record", "SubArea", "Threshold", "load"]

DATA_FILE = "lke_2026.json"
TABLES_FILE = "lke_2026_tables.marshal"
TABLES_SCHEMA = "zi-workbook/lke-tables/2"
#: Pengungkit parts in LKE order: ``A.1`` Pemenuhan, ``A.2`` Reform.
PARTS = ("pemenuhan", "reform")


class Record:
    """The base of the LKE's small value classes: fields are the ``__slots__`` of the
    subclass, set once by its ``__init__``; compared, hashed and shown by value.

    ``validate`` imports a dozen of them: a ``NamedTuple`` costs ~0.8 million
    instructions to create, a plain class ~0.08 (callgrind, Python 3.11).
    """

    __slots__: tuple[str, ...] = ()

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Record)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__slots__)
        return f"{type(self).__name__}({fields})"


class Question(Record):
    """One scored question, e.g. ``A.1.I.i.a``; Hasil items (``B.I.a``) have part ``hasil``
    and no area. ``short`` is its text as findings quote it (``worksheet.quote``); the
    rest of what the worksheet says of it is ``worksheet.detail(code)``."""

    __slots__ = ("area", "code", "part", "short", "sub_area", "text")
    code: str
    sub_area: str
    area: str
    part: str
    text: str
    short: str

    def __init__(
        self, code: str, sub_area: str, area: str, part: str, text: str, short: str
    ) -> None:
        self.code = code
        self.sub_area = sub_area
        self.area = area
        self.part = part
        self.text = text
        self.short = short

    @property
    def letter(self) -> str:
        return self.code.rsplit(".", 1)[1]


class SubArea(Record):
    """A sub-area (``A.1.I.i``) with its weight and its questions' codes in LKE order."""

    __slots__ = ("area", "code", "name", "part", "questions", "weight")
    code: str
    area: str
    part: str
    name: str
    weight: float
    questions: tuple[str, ...]

    def __init__(
        self, code: str, area: str, part: str, name: str, weight: float, questions: tuple[str, ...]
    ) -> None:
        self.code = code
        self.area = area
        self.part = part
        self.name = name
        self.weight = weight
        self.questions = questions


class Area(Record):
    """An area of change (I..VI) with its Pengungkit weight and sub-areas in LKE order."""

    __slots__ = ("name", "numeral", "sub_areas", "weight", "weight_pemenuhan", "weight_reform")
    numeral: str
    name: str
    weight: float
    weight_pemenuhan: float
    weight_reform: float
    sub_areas: tuple[str, ...]

    def __init__(
        self,
        numeral: str,
        name: str,
        weight: float,
        weight_pemenuhan: float,
        weight_reform: float,
        sub_areas: tuple[str, ...],
    ) -> None:
        self.numeral = numeral
        self.name = name
        self.weight = weight
        self.weight_pemenuhan = weight_pemenuhan
        self.weight_reform = weight_reform
        self.sub_areas = sub_areas


class Threshold(Record):
    """What a predicate (WBK or WBBM) asks: total, Pengungkit, and each area's share."""

    __slots__ = ("area_min_pct", "level", "pengungkit_min", "total_min")
    level: str
    total_min: float
    pengungkit_min: float
    area_min_pct: float

    def __init__(
        self, level: str, total_min: float, pengungkit_min: float, area_min_pct: float
    ) -> None:
        self.level = level
        self.total_min = total_min
        self.pengungkit_min = pengungkit_min
        self.area_min_pct = area_min_pct

    def area_min(self, weight: float) -> float:
        return round(weight * self.area_min_pct / 100, 4)


class Lke(Record):
    """The whole worksheet (its sources and notes: ``worksheet.raw()``)."""

    __slots__ = (
        "areas",
        "hasil",
        "pengungkit",
        "questions",
        "regulation",
        "sub_areas",
        "thresholds",
        "title",
    )  # fmt: skip
    title: str
    regulation: str
    areas: dict[str, Area]
    sub_areas: dict[str, SubArea]
    questions: dict[str, Question]
    thresholds: dict[str, Threshold]
    pengungkit: float
    hasil: float

    def __init__(
        self,
        *,
        title: str,
        regulation: str,
        areas: dict[str, Area],
        sub_areas: dict[str, SubArea],
        questions: dict[str, Question],
        thresholds: dict[str, Threshold],
        pengungkit: float,
        hasil: float,
    ) -> None:
        self.title = title
        self.regulation = regulation
        self.areas = areas
        self.sub_areas = sub_areas
        self.questions = questions
        self.thresholds = thresholds
        self.pengungkit = pengungkit
        self.hasil = hasil

    def area_questions(self, numeral: str) -> tuple[Question, ...]:
        """The Pengungkit questions of one area, Pemenuhan first, in LKE order."""
        area = self.areas[numeral]
        return tuple(self.questions[q] for s in area.sub_areas for q in self.sub_areas[s].questions)

    @property
    def pengungkit_questions(self) -> tuple[Question, ...]:
        return tuple(q for q in self.questions.values() if q.part in PARTS)


def parse(data: dict[str, Any]) -> Lke:
    """Build the typed worksheet from the tables file's core (``worksheet.core``)."""
    pengungkit, hasil = data["totals"]
    return Lke(
        title=data["title"],
        regulation=data["regulation"],
        areas={a[0]: Area(*a) for a in data["areas"]},
        sub_areas={s[0]: SubArea(*s) for s in data["sub_areas"]},
        questions={q[0]: Question(*q) for q in data["questions"]},
        thresholds={t[0]: Threshold(*t) for t in data["thresholds"]},
        pengungkit=pengungkit,
        hasil=hasil,
    )


@cache
def tables() -> dict[str, Any]:
    """The generated tables file's content: ``core`` and ``index`` ({} when the file is
    missing, unreadable or of another schema)."""
    try:
        with open(os.path.join(os.path.dirname(__file__), TABLES_FILE), "rb") as file:
            got = marshal.loads(file.read())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return got if isinstance(got, dict) and got.get("schema") == TABLES_SCHEMA else {}


@cache
def load() -> Lke:
    """The LKE of the 2026 evaluation, read from the package once per process.

    From the tables file's core; from the worksheet file itself if the tables file is
    missing or of another schema (slower: it is six times the size)."""
    data = tables().get("core")
    if data is None:
        from .worksheet import core, raw

        data = core(raw())
    return parse(data)
