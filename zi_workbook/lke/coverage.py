"""How far the plan covers the LKE, and the ceiling of Pengungkit points it can evidence.

A question is *planned* when at least one action maps to it and *complete* when at least
one of those actions is complete. The ceiling (*batas atas*) is what the office would
score if every complete question earned full marks and every other question zero: per
sub-area its weight times the share of its questions that are complete (the LKE averages
a sub-area's questions), summed per area and over Pengungkit. It is a bound from the
evidence, not a predicted score: evaluators grade answers A-E, Reform percentages and the
Hasil surveys (40 points) come from outside the plan. ``plan_ceiling`` is the same bound
if every planned action were complete.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from typing import Any

from ..findings import FINDING_TYPES, Finding, finding
from .data import Area, Lke, Question, Record, SubArea
from .match import round4

__all__ = ["AreaCoverage", "Coverage", "MappedAction", "QuestionCoverage", "cover"]

STATES = ("none", "planned", "complete")


class MappedAction(Record):
    """One action mapped to a question, with the status the report gave it."""

    __slots__ = ("code", "row", "sheet", "status")
    code: str
    sheet: str
    row: int
    status: str

    def __init__(self, code: str, sheet: str, row: int, status: str) -> None:
        self.code = code
        self.sheet = sheet
        self.row = row
        self.status = status

    @property
    def complete(self) -> bool:
        return self.status == "complete"


class QuestionCoverage(Record):
    """A question, its actions, and its state: none, planned or complete."""

    __slots__ = ("actions", "question", "state")
    question: Question
    actions: tuple[MappedAction, ...]
    state: str

    def __init__(self, question: Question, actions: tuple[MappedAction, ...], state: str) -> None:
        self.question = question
        self.actions = actions
        self.state = state


def _state(actions: tuple[MappedAction, ...]) -> str:
    for a in actions:  # a loop, not any(generator): cover() runs it per planned question
        if a.status == "complete":
            return "complete"
    return "planned" if actions else "none"


def _counts(questions: Iterable[QuestionCoverage]) -> dict[str, int]:
    n = none = complete = 0
    for q in questions:
        n += 1
        state = q.state
        if state == "none":
            none += 1
        elif state == "complete":
            complete += 1
    return {"questions": n, "planned": n - none, "complete": complete, "none": none}


class SubAreaCoverage(Record):
    """A sub-area's questions, counts and ceilings (weight x share of questions)."""

    __slots__ = ("ceiling", "counts", "plan_ceiling", "questions", "sub_area")
    sub_area: SubArea
    questions: tuple[QuestionCoverage, ...]
    counts: dict[str, int]
    ceiling: float
    plan_ceiling: float

    def __init__(
        self,
        sub_area: SubArea,
        questions: tuple[QuestionCoverage, ...],
        counts: dict[str, int],
        ceiling: float,
        plan_ceiling: float,
    ) -> None:
        self.sub_area = sub_area
        self.questions = questions
        self.counts = counts
        self.ceiling = ceiling
        self.plan_ceiling = plan_ceiling

    @classmethod
    def of(cls, sub_area: SubArea, questions: tuple[QuestionCoverage, ...]) -> SubAreaCoverage:
        counts = _counts(questions)
        n = counts["questions"] or 1
        weight = sub_area.weight
        return cls(
            sub_area, questions, counts, weight * counts["complete"] / n,
            weight * counts["planned"] / n,
        )  # fmt: skip


def _sum_counts(counts: Iterable[dict[str, int]]) -> dict[str, int]:
    out = {"questions": 0, "planned": 0, "complete": 0, "none": 0}
    for c in counts:
        for key, value in c.items():
            out[key] += value
    return out


class AreaCoverage(Record):
    """An area's sub-areas and its WBK/WBBM minimums; its ceilings are the sums of its
    sub-areas', taken once (the report, the findings and the writers read them often)."""

    __slots__ = ("area", "ceiling", "minimums", "plan_ceiling", "sub_areas")
    area: Area
    sub_areas: tuple[SubAreaCoverage, ...]
    minimums: dict[str, float]
    ceiling: float
    plan_ceiling: float

    def __init__(
        self, area: Area, sub_areas: tuple[SubAreaCoverage, ...], minimums: dict[str, float]
    ) -> None:
        self.area = area
        self.sub_areas = sub_areas
        self.minimums = minimums
        self.ceiling = math.fsum([s.ceiling for s in sub_areas])
        self.plan_ceiling = math.fsum([s.plan_ceiling for s in sub_areas])

    @property
    def questions(self) -> Iterator[QuestionCoverage]:
        return (q for s in self.sub_areas for q in s.questions)

    def reaches(self, level: str) -> bool:
        return _round(self.ceiling) >= self.minimums[level]


def _round(x: float) -> float:
    return round4(x + 0.0)  # round(x + 0.0, 4) bit for bit, without printing the float


class Coverage(Record):
    """Coverage of one plan: per area, sub-area and question, with the ceilings."""

    __slots__ = ("areas", "ceiling", "lke", "plan_ceiling")
    lke: Lke
    areas: dict[str, AreaCoverage]
    ceiling: float
    plan_ceiling: float

    def __init__(self, lke: Lke, areas: dict[str, AreaCoverage]) -> None:
        self.lke = lke
        self.areas = areas
        self.ceiling = math.fsum([a.ceiling for a in areas.values()])
        self.plan_ceiling = math.fsum([a.plan_ceiling for a in areas.values()])

    def below(self, level: str) -> list[str]:
        """The areas whose ceiling is under ``level``'s (WBK, WBBM) minimum."""
        return [n for n, a in self.areas.items() if not a.reaches(level)]

    def minimums(self) -> dict[str, Any]:
        return {
            level: {
                "total": t.total_min,
                "pengungkit": t.pengungkit_min,
                "area_pct": t.area_min_pct,
                "areas": {n: a.minimums[level] for n, a in self.areas.items()},
            }
            for level, t in self.lke.thresholds.items()
        }

    def to_dict(self) -> dict[str, Any]:
        """The report's top-level ``lke``: coverage, ceiling and minimums."""
        areas: dict[str, Any] = {}
        area_counts = []
        for numeral, a in self.areas.items():
            subs = {}
            for s in a.sub_areas:
                # STATES in order, as a literal: a comprehension is a call per sub-area
                by_state: dict[str, list[str]] = {"none": [], "planned": [], "complete": []}
                for q in s.questions:
                    by_state[q.state].append(q.question.code)
                subs[s.sub_area.code] = {
                    "name": s.sub_area.name,
                    "part": s.sub_area.part,
                    "weight": s.sub_area.weight,
                    **s.counts,
                    "ceiling": _round(s.ceiling),
                    "questions_by_state": by_state,
                }
            counts = _sum_counts(s.counts for s in a.sub_areas)
            area_counts.append(counts)
            areas[numeral] = {"weight": a.area.weight, **counts, "sub_areas": subs}
        return {
            "coverage": {**_sum_counts(area_counts), "areas": areas},
            "ceiling": {
                "areas": {n: _round(a.ceiling) for n, a in self.areas.items()},
                "pengungkit": _round(self.ceiling),
                "plan_areas": {n: _round(a.plan_ceiling) for n, a in self.areas.items()},
                "plan_pengungkit": _round(self.plan_ceiling),
                "hasil_outside_plan": self.lke.hasil,
            },
            "minimums": self.minimums(),
            "below_minimum": {level: self.below(level) for level in self.lke.thresholds},
        }

    def findings(self) -> Iterator[Finding]:
        """``lke-question-unplanned`` per question without an action, in LKE order, then
        ``lke-area-below-minimum`` per area whose ceiling is under the WBK minimum."""
        for a in self.areas.values():
            for s in a.sub_areas:
                for q in s.questions:
                    if q.state == "none":
                        yield _unplanned(q.question)
        for numeral, a in self.areas.items():
            if a.reaches("WBK"):
                continue
            plan = a.plan_ceiling
            if _round(plan) < a.minimums["WBK"]:
                plan_id = f"walau semua langkah aksi selesai, hanya {_id_number(plan)}"
                plan_en = f"even if every planned action completes, only {plan:.2f}"
            else:
                plan_id = f"bila semua langkah aksi selesai: {_id_number(plan)}"
                plan_en = f"if every planned action completes: {plan:.2f}"
            yield finding(
                "lke-area-below-minimum", "", 0, "", area=numeral, weight=f"{a.area.weight:g}",
                ceiling_id=_id_number(a.ceiling), ceiling_en=f"{a.ceiling:.2f}",
                minimum_id=_id_number(a.minimums["WBK"]), minimum_en=f"{a.minimums['WBK']:.2f}",
                plan_id=plan_id, plan_en=plan_en,
            )  # fmt: skip


#: Each question's ``lke-question-unplanned``: it says only what the reference data says
#: (the question's code and text), so it is made once per question in a process.
_UNPLANNED: dict[tuple[str, str], Finding] = {}


def _unplanned(question: Question) -> Finding:
    key = (question.code, question.text)
    made = _UNPLANNED.get(key)
    if made is None:
        made = _UNPLANNED[key] = FINDING_TYPES["lke-question-unplanned"].make(
            "", 0, "", question=question.code, text=_short(question.text)
        )
    return made


def _id_number(x: float) -> str:
    return f"{x:.2f}".replace(".", ",")


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def cover(lke: Lke, actions: Iterable[MappedAction]) -> Coverage:
    """Coverage of the Pengungkit questions by ``actions`` (other codes are ignored)."""
    by_code: dict[str, list[MappedAction]] = {}
    for action in actions:
        by_code.setdefault(action.code, []).append(action)
    areas: dict[str, AreaCoverage] = {}
    every = lke.questions
    for numeral, area in lke.areas.items():
        subs = []
        for code in area.sub_areas:
            sub = lke.sub_areas[code]
            questions = []
            for q in sub.questions:
                found = by_code.get(q)
                if found is None:
                    questions.append(QuestionCoverage(every[q], (), "none"))
                else:
                    acts = tuple(found)
                    questions.append(QuestionCoverage(every[q], acts, _state(acts)))
            subs.append(SubAreaCoverage.of(sub, tuple(questions)))
        minimums = {level: t.area_min(area.weight) for level, t in lke.thresholds.items()}
        areas[numeral] = AreaCoverage(area, tuple(subs), minimums)
    return Coverage(lke, areas)
