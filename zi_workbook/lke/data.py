"""The LKE as data: areas, sub-areas, questions, weights and the WBK/WBBM minimums.

Read once, lazily, from ``lke_2026.json`` (package data built from the research notes by
``samples/build_lke_data.py``; it cites PermenPANRB 90/2021 Lampiran III and every source).
"""

from __future__ import annotations

import json
import os
from functools import cache
from typing import Any

from ._record import Record

__all__ = ["PARTS", "Area", "Lke", "Question", "SubArea", "Threshold", "load"]

DATA_FILE = "lke_2026.json"
#: Pengungkit parts in LKE order: ``A.1`` Pemenuhan, ``A.2`` Reform.
PARTS = ("pemenuhan", "reform")


class Question(Record):
    """One scored question, e.g. ``A.1.I.i.a``; Hasil items (``B.I.a``) have part ``hasil``."""

    __slots__ = (
        "answer_type",
        "area",
        "code",
        "criteria",
        "evidence",
        "inputs",
        "part",
        "sheet_row",
        "sub_area",
        "text",
    )  # fmt: skip
    code: str
    sub_area: str
    area: str
    part: str
    text: str
    answer_type: str
    criteria: str
    sheet_row: int | None
    evidence: tuple[str, ...]
    inputs: tuple[str, ...]

    def __init__(
        self,
        code: str,
        sub_area: str,
        area: str,
        part: str,
        text: str,
        answer_type: str,
        criteria: str,
        sheet_row: int | None,
        evidence: tuple[str, ...],
        inputs: tuple[str, ...] = (),
    ) -> None:
        self.code = code
        self.sub_area = sub_area
        self.area = area
        self.part = part
        self.text = text
        self.answer_type = answer_type
        self.criteria = criteria
        self.sheet_row = sheet_row
        self.evidence = evidence
        self.inputs = inputs

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
    """The whole worksheet; ``raw`` keeps the data file for the reference and the sources."""

    __slots__ = (
        "areas",
        "hasil",
        "pengungkit",
        "questions",
        "raw",
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
    raw: dict[str, Any]

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
        raw: dict[str, Any],
    ) -> None:
        self.title = title
        self.regulation = regulation
        self.areas = areas
        self.sub_areas = sub_areas
        self.questions = questions
        self.thresholds = thresholds
        self.pengungkit = pengungkit
        self.hasil = hasil
        self.raw = raw

    def area_questions(self, numeral: str) -> tuple[Question, ...]:
        """The Pengungkit questions of one area, Pemenuhan first, in LKE order."""
        area = self.areas[numeral]
        return tuple(self.questions[q] for s in area.sub_areas for q in self.sub_areas[s].questions)

    @property
    def pengungkit_questions(self) -> tuple[Question, ...]:
        return tuple(q for q in self.questions.values() if q.part in PARTS)


def _question(q: dict[str, Any], parts: dict[str, tuple[str, str]]) -> Question:
    area, part = parts.get(q["sub_area"], ("", "hasil"))
    return Question(
        code=q["code"],
        sub_area=q["sub_area"],
        area=area,
        part=part,
        text=q["text"],
        answer_type=q["answer_type"],
        criteria=q.get("criteria", ""),
        sheet_row=q.get("sheet_row"),
        evidence=tuple(q.get("evidence", ())),
        inputs=tuple(q.get("inputs", ())),
    )


def parse(raw: dict[str, Any]) -> Lke:
    """Build the typed worksheet from the data file's dictionary."""
    by_sub: dict[str, list[str]] = {}
    for q in raw["questions"]:
        by_sub.setdefault(q["sub_area"], []).append(q["code"])
    areas: dict[str, Area] = {}
    sub_areas: dict[str, SubArea] = {}
    for a in raw["areas"]:
        for s in a["sub_areas"]:
            sub_areas[s["code"]] = SubArea(
                s["code"],
                a["area"],
                s["part"],
                s["name"],
                float(s["weight"]),
                tuple(by_sub.get(s["code"], ())),
            )
        ordered = sorted(a["sub_areas"], key=lambda s: PARTS.index(s["part"]))
        areas[a["area"]] = Area(
            a["area"],
            a["name"],
            float(a["weight"]),
            float(a["weight_pemenuhan"]),
            float(a["weight_reform"]),
            tuple(s["code"] for s in ordered),
        )
    parts = {code: (s.area, s.part) for code, s in sub_areas.items()}
    questions = {q["code"]: _question(q, parts) for q in raw["questions"]}
    thresholds = {
        level: Threshold(
            level, float(t["total_min"]), float(t["pengungkit_min"]), float(t["area_min_pct"])
        )
        for level, t in raw["thresholds"].items()
    }
    totals = raw["totals"]
    return Lke(
        title=raw["title"],
        regulation=raw["regulation"]["base"],
        areas=areas,
        sub_areas=sub_areas,
        questions=questions,
        thresholds=thresholds,
        pengungkit=float(totals["pengungkit"]),
        hasil=float(totals["hasil"]),
        raw=raw,
    )


@cache
def load() -> Lke:
    """The LKE of the 2026 evaluation, read from the package once per process."""
    with open(os.path.join(os.path.dirname(__file__), DATA_FILE), encoding="utf-8") as file:
        return parse(json.load(file))  # not importlib.resources: importing it costs ~2 ms
