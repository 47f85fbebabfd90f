"""Coverage of the LKE by a plan's actions, and the ceiling against the minimums."""

from __future__ import annotations

import pytest

from zi_workbook.lke.actions import MappedAction
from zi_workbook.lke.coverage import cover
from zi_workbook.lke.data import load


def _actions(codes: list[str], status: str = "complete") -> list[MappedAction]:
    return [MappedAction(code, "Rencana Aksi", 7 + i, status) for i, code in enumerate(codes)]


def _every_question() -> list[str]:
    return [q.code for q in load().pengungkit_questions]


def test_every_question_complete_reaches_60_and_every_area_its_weight() -> None:
    lke = load()
    cov = cover(lke, _actions(_every_question()))
    data = cov.to_dict()
    assert data["ceiling"]["pengungkit"] == 60
    assert data["ceiling"]["areas"] == {n: a.weight for n, a in lke.areas.items()}
    assert data["coverage"]["questions"] == data["coverage"]["complete"] == 110
    assert data["coverage"]["none"] == 0
    assert data["below_minimum"] == {"WBK": [], "WBBM": []}
    assert list(cov.findings()) == []


def test_planned_but_not_complete_counts_for_the_plan_ceiling_only() -> None:
    cov = cover(load(), _actions(_every_question(), status="not_due"))
    data = cov.to_dict()
    assert data["ceiling"]["pengungkit"] == 0
    assert data["ceiling"]["plan_pengungkit"] == 60
    assert data["coverage"]["planned"] == 110
    assert data["coverage"]["complete"] == 0
    warnings = [f for f in cov.findings() if f.severity == "warning"]
    assert [f.code for f in warnings] == ["lke-area-below-minimum"] * 6
    assert "bila semua langkah aksi selesai: 8,00" in warnings[0].message("id")
    assert "if every planned action completes: 8.00" in warnings[0].message("en")


def test_an_empty_area_scores_zero_and_is_below_the_minimum() -> None:
    lke = load()
    codes = [c for c in _every_question() if lke.questions[c].area != "IV"]
    cov = cover(lke, _actions(codes))
    data = cov.to_dict()
    assert data["ceiling"]["areas"]["IV"] == 0
    assert data["ceiling"]["pengungkit"] == 50
    assert data["below_minimum"]["WBK"] == ["IV"]
    found = list(cov.findings())
    below = [f for f in found if f.code == "lke-area-below-minimum"]
    assert len(below) == 1
    assert below[0].severity == "warning"
    assert below[0].message("en") == (
        "Area IV: ceiling 0.00 of weight 10, under the WBK minimum 6.00; even if every "
        "planned action completes, only 0.00."
    )
    unplanned = [f for f in found if f.code == "lke-question-unplanned"]
    assert len(unplanned) == len(lke.area_questions("IV")) == 14
    assert all(f.severity == "info" and f.sheet == "" for f in unplanned)
    assert unplanned[0].message("id").startswith("Pertanyaan A.1.IV.i.a belum punya langkah aksi")


def test_a_sub_area_scores_the_share_of_its_complete_questions() -> None:
    # A.1.I.iii weighs 1 over three questions; one complete of three -> 1/3.
    cov = cover(
        load(), _actions(["A.1.I.iii.a", "A.1.I.iii.a"]) + _actions(["A.1.I.iii.b"], "overdue")
    )
    sub = cov.to_dict()["coverage"]["areas"]["I"]["sub_areas"]["A.1.I.iii"]
    assert sub["ceiling"] == pytest.approx(1 / 3, abs=1e-4)
    assert (sub["questions"], sub["planned"], sub["complete"], sub["none"]) == (3, 2, 1, 1)
    assert sub["questions_by_state"] == {
        "none": ["A.1.I.iii.c"], "planned": ["A.1.I.iii.b"], "complete": ["A.1.I.iii.a"],
    }  # fmt: skip


def test_no_area_above_its_weight_whatever_the_actions() -> None:
    codes = _every_question() * 3 + ["B.I.a", "A.9.I.i.a"]
    data = cover(load(), _actions(codes)).to_dict()
    for numeral, points in data["ceiling"]["areas"].items():
        assert points <= load().areas[numeral].weight
    assert data["ceiling"]["pengungkit"] <= 60


def test_minimums_are_60_and_75_percent_of_each_weight() -> None:
    minimums = cover(load(), []).to_dict()["minimums"]
    assert minimums["WBK"]["areas"] == {"I": 4.8, "II": 4.2, "III": 6, "IV": 6, "V": 9, "VI": 6}
    assert minimums["WBBM"]["areas"]["II"] == 5.25
    assert (minimums["WBK"]["pengungkit"], minimums["WBBM"]["pengungkit"]) == (40, 48)
    assert (minimums["WBK"]["total"], minimums["WBBM"]["total"]) == (75, 85)


def test_unplanned_findings_are_what_their_declared_templates_give() -> None:
    from zi_workbook.findings import FINDING_TYPES
    from zi_workbook.lke import coverage

    kind = FINDING_TYPES["lke-question-unplanned"]
    assert coverage._split(kind.template_id) is not None  # the cheap path is taken
    assert coverage._split(kind.template_en) is not None
    for q in load().questions.values():
        coverage._UNPLANNED.pop(q.code, None)
        assert coverage._unplanned(q) == kind.make("", 0, "", question=q.code, text=q.short)
    for template in ("{question} {{x}} {text}", "{question:>9} {text}", "{text} {question}",
                     "{question} {text} {more}", "{question} {text!r}", "{question}"):  # fmt: skip
        assert coverage._split(template) is None, template
    assert coverage._split("Q {question}: {text}.") == ("Q ", ": ", ".")


def test_a_sub_area_is_compared_and_shown_by_its_own_questions() -> None:
    # two coverages are equal when their questions' states and actions are, whatever else
    # the plan maps (a Hasil code), and a sub-area shows itself in a line, not the worksheet
    lke = load()
    codes = _every_question()[:5]
    one = cover(lke, _actions(codes))
    other = cover(lke, [*_actions(codes), MappedAction("B.I.a", "Rencana Aksi", 99, "complete")])
    assert one == other
    changed = cover(lke, _actions(codes, status="overdue"))
    first = next(iter(one.areas.values())).sub_areas[0]
    assert first != next(iter(changed.areas.values())).sub_areas[0]
    assert len(repr(first)) < 400
    assert first.sub_area.code in repr(first)
