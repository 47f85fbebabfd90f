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
from functools import cache
from typing import TYPE_CHECKING, Any

from ..findings import FINDING_TYPES, Finding, finding
from .data import Area, Lke, Question, Record, SubArea
from .match import round4

if TYPE_CHECKING:
    from .actions import MappedAction, QuestionCoverage

__all__ = ["Act", "AreaCoverage", "Coverage", "SubAreaCoverage", "cover", "cover_codes"]

#: An action as ``cover`` keeps it, by its question's code: (sheet, row, status).
Act = tuple[str, int, str]


class SubAreaCoverage(Record):
    """A sub-area: its questions' states in LKE order, counts and ceilings (weight x share
    of questions). ``questions`` makes each question's ``QuestionCoverage`` on use (module
    ``actions``, imported then) from the worksheet ``lke`` and the plan's ``actions`` by
    code; the JSON and the findings read only the states. Compared and shown by what it
    says of its own questions (not by the whole worksheet and plan it keeps)."""

    __slots__ = ("actions", "ceiling", "counts", "lke", "plan_ceiling", "states", "sub_area")
    sub_area: SubArea
    states: tuple[str, ...]
    counts: dict[str, int]
    ceiling: float
    plan_ceiling: float
    lke: Lke
    actions: dict[str, list[Act]]

    def __init__(
        self,
        sub_area: SubArea,
        states: tuple[str, ...],
        counts: dict[str, int],
        ceiling: float,
        plan_ceiling: float,
        lke: Lke,
        actions: dict[str, list[Act]],
    ) -> None:
        self.sub_area = sub_area
        self.states = states
        self.counts = counts
        self.ceiling = ceiling
        self.plan_ceiling = plan_ceiling
        self.lke = lke
        self.actions = actions

    def _values(self) -> tuple[Any, ...]:
        own = tuple(tuple(self.actions.get(q, ())) for q in self.sub_area.questions)
        return self.sub_area, self.states, self.counts, self.ceiling, self.plan_ceiling, own

    def __repr__(self) -> str:
        return (
            f"SubAreaCoverage(sub_area={self.sub_area.code!r}, states={self.states!r}, "
            f"counts={self.counts!r}, ceiling={self.ceiling!r}, plan_ceiling={self.plan_ceiling!r})"
        )

    @property
    def questions(self) -> tuple[QuestionCoverage, ...]:
        from .actions import MappedAction, QuestionCoverage

        every, actions = self.lke.questions, self.actions
        return tuple(
            QuestionCoverage(
                every[code], tuple(MappedAction(code, *a) for a in actions.get(code, ())), state
            )
            for code, state in zip(self.sub_area.questions, self.states, strict=True)
        )


def _sum_counts(counts: Iterable[dict[str, int]]) -> dict[str, int]:
    out = {"questions": 0, "planned": 0, "complete": 0, "none": 0}
    for c in counts:
        for key, value in c.items():
            out[key] += value
    return out


class AreaCoverage(Record):
    """An area's sub-areas, its WBK/WBBM minimums and its counts; its ceilings are the sums
    of its sub-areas', taken once (the report, the findings and the writers read them often)."""

    __slots__ = ("area", "ceiling", "counts", "minimums", "plan_ceiling", "sub_areas")
    area: Area
    sub_areas: tuple[SubAreaCoverage, ...]
    minimums: dict[str, float]
    counts: dict[str, int]
    ceiling: float
    plan_ceiling: float

    def __init__(
        self,
        area: Area,
        sub_areas: tuple[SubAreaCoverage, ...],
        minimums: dict[str, float],
        counts: dict[str, int],
    ) -> None:
        self.area = area
        self.sub_areas = sub_areas
        self.minimums = minimums
        self.counts = counts
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

    __slots__ = ("areas", "ceiling", "counts", "lke", "plan_ceiling")
    lke: Lke
    areas: dict[str, AreaCoverage]
    counts: dict[str, int]
    ceiling: float
    plan_ceiling: float

    def __init__(self, lke: Lke, areas: dict[str, AreaCoverage]) -> None:
        self.lke = lke
        self.areas = areas
        self.counts = _sum_counts([a.counts for a in areas.values()])
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
        ceilings: dict[str, float] = {}
        plans: dict[str, float] = {}
        for numeral, a in self.areas.items():
            subs = {}
            for s in a.sub_areas:
                sub, c = s.sub_area, s.counts
                # the states in order, as a literal: a comprehension is a call per sub-area
                by_state: dict[str, list[str]] = {"none": [], "planned": [], "complete": []}
                for code, state in zip(sub.questions, s.states, strict=True):
                    by_state[state].append(code)
                subs[sub.code] = {  # keys as literals: one presized dict, no merge
                    "name": sub.name,
                    "part": sub.part,
                    "weight": sub.weight,
                    "questions": c["questions"],
                    "planned": c["planned"],
                    "complete": c["complete"],
                    "none": c["none"],
                    "ceiling": _round(s.ceiling),
                    "questions_by_state": by_state,
                }
            areas[numeral] = {"weight": a.area.weight, **a.counts, "sub_areas": subs}
            ceilings[numeral] = _round(a.ceiling)
            plans[numeral] = _round(a.plan_ceiling)
        return {
            "coverage": {**self.counts, "areas": areas},
            "ceiling": {
                "areas": ceilings,
                "pengungkit": _round(self.ceiling),
                "plan_areas": plans,
                "plan_pengungkit": _round(self.plan_ceiling),
                "hasil_outside_plan": self.lke.hasil,
            },
            "minimums": self.minimums(),
            "below_minimum": {level: self.below(level) for level in self.lke.thresholds},
        }

    def findings(self) -> Iterator[Finding]:
        """``lke-question-unplanned`` per question without an action, in LKE order, then
        ``lke-area-below-minimum`` per area whose ceiling is under the WBK minimum."""
        every = self.lke.questions
        for a in self.areas.values():
            for s in a.sub_areas:
                if s.counts["none"]:
                    for code, state in zip(s.sub_area.questions, s.states, strict=True):
                        if state == "none":
                            yield _unplanned(every[code])
        for numeral, a in self.areas.items():
            if a.reaches("WBK"):
                continue
            plan = a.plan_ceiling
            minimum = a.minimums["WBK"]
            # each figure printed once: the Indonesian text is the English with a comma
            ceiling_en, minimum_en, plan_en = f"{a.ceiling:.2f}", f"{minimum:.2f}", f"{plan:.2f}"
            plan_n = _id_number(plan_en)
            if _round(plan) < minimum:
                plan_id = f"walau semua langkah aksi selesai, hanya {plan_n}"
                plan_en = f"even if every planned action completes, only {plan_en}"
            else:
                plan_id = f"bila semua langkah aksi selesai: {plan_n}"
                plan_en = f"if every planned action completes: {plan_en}"
            yield finding(
                "lke-area-below-minimum", "", 0, "", area=numeral, weight=f"{a.area.weight:g}",
                ceiling_id=_id_number(ceiling_en), ceiling_en=ceiling_en,
                minimum_id=_id_number(minimum_en), minimum_en=minimum_en,
                plan_id=plan_id, plan_en=plan_en,
            )  # fmt: skip


def _id_number(english: str) -> str:
    """A figure printed the English way (``12.50``) as Indonesian writes it (``12,50``)."""
    return english.replace(".", ",")


#: Each question's ``lke-question-unplanned``: it says only what the reference data says
#: (the question's code and quoted text), so it is made once per question in a process.
_UNPLANNED: dict[str, tuple[str, Finding]] = {}


def _unplanned(question: Question) -> Finding:
    code, text = question.code, question.short
    made = _UNPLANNED.get(code)
    if made is None or made[0] != text:
        kind = FINDING_TYPES["lke-question-unplanned"]
        id_, en = _split(kind.template_id), _split(kind.template_en)
        if id_ is None or en is None:
            new = kind.make("", 0, "", question=code, text=text)
        else:  # what ``make`` gives, without parsing the templates again
            message_id = id_[0] + code + id_[1] + text + id_[2]
            message_en = en[0] + code + en[1] + text + en[2]
            new = Finding(kind.code, kind.severity, "", 0, "", message_id, message_en)
        made = _UNPLANNED[code] = (text, new)
    return made[1]


@cache
def _split(template: str) -> tuple[str, str, str] | None:
    """``template`` cut around its fields when they are ``{question}`` then ``{text}`` and
    no other brace is in it: ``str.format`` then puts the values between the three parts,
    verbatim (a test holds the two together); None for any other template."""
    before, question, rest = template.partition("{question}")
    between, text, after = rest.partition("{text}")
    literal = before + between + after
    if not question or not text or "{" in literal or "}" in literal:
        return None
    return before, between, after


def cover(lke: Lke, actions: Iterable[MappedAction]) -> Coverage:
    """Coverage of the Pengungkit questions by ``actions`` (other codes are ignored)."""
    by_code: dict[str, list[Act]] = {}
    for a in actions:
        by_code.setdefault(a.code, []).append((a.sheet, a.row, a.status))
    return cover_codes(lke, by_code)


def cover_codes(lke: Lke, actions: dict[str, list[Act]]) -> Coverage:
    """``cover`` of the actions by their question's code (``plan.cover_rows``: no
    ``MappedAction`` is made unless a writer asks for a question's actions)."""
    areas: dict[str, AreaCoverage] = {}
    for numeral, area in lke.areas.items():
        subs = []
        area_n = area_none = area_complete = 0
        for code in area.sub_areas:
            sub = lke.sub_areas[code]
            states = []
            none = complete = 0
            for q in sub.questions:
                found = actions.get(q)
                if found is None:
                    states.append("none")
                    none += 1
                    continue
                for _, _, status in found:  # a loop, not any(generator): a call each
                    if status == "complete":
                        states.append("complete")
                        complete += 1
                        break
                else:
                    states.append("planned")
            n = len(states)
            planned = n - none
            weight = sub.weight
            counts = {"questions": n, "planned": planned, "complete": complete, "none": none}
            area_n += n
            area_none += none
            area_complete += complete
            n = n or 1
            ceiling, plan_ceiling = weight * complete / n, weight * planned / n
            subs.append(
                SubAreaCoverage(sub, tuple(states), counts, ceiling, plan_ceiling, lke, actions)
            )
        minimums = {level: t.area_min(area.weight) for level, t in lke.thresholds.items()}
        counts = {
            "questions": area_n, "planned": area_n - area_none, "complete": area_complete,
            "none": area_none,
        }  # fmt: skip
        areas[numeral] = AreaCoverage(area, tuple(subs), minimums, counts)
    return Coverage(lke, areas)
