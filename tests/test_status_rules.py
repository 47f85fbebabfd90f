"""status.py is the one home of status, due, deadline, due soon and the rates: the rules on
rows built in code, then every writer (JSON, text, status workbook, summary) checked
against the rules on the sample."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from planrows import row, target

from zi_workbook.i18n import STATUS_LABELS
from zi_workbook.report import validate
from zi_workbook.status import (
    Rates,
    deadline,
    due,
    is_complete,
    periods_passed,
    rates,
    row_state,
    row_status,
)
from zi_workbook.summary import summarize
from zi_workbook.writers.json_out import iter_json
from zi_workbook.writers.status import write_status_workbook
from zi_workbook.writers.summary import write_summary_workbook
from zi_workbook.writers.text import render_text

SAMPLE = Path(__file__).parent.parent / "samples" / "01_kpu_kab_batang_2022.xlsx"
AS_OF = date(2022, 5, 31)
QUARTERS = target(
    "Maret, Juni, September, Desember 2022",
    *[(date(2022, m, 1), date(2022, m, 28)) for m in (3, 6, 9, 12)],
)


def test_due_is_the_first_period_and_deadline_the_last() -> None:
    assert due(QUARTERS) == date(2022, 3, 28)
    assert deadline(QUARTERS) == date(2022, 12, 28)
    assert due(target("")) is None and deadline(target("")) is None
    assert QUARTERS.deadline == deadline(QUARTERS)  # the model asks status.py


@pytest.mark.parametrize(
    ("as_of", "passed"),
    [(date(2022, 3, 28), 0), (date(2022, 3, 29), 1), (date(2022, 7, 1), 2), (date(2023, 1, 1), 4)],
)
def test_periods_passed_counts_ended_periods(as_of: date, passed: int) -> None:
    assert periods_passed(QUARTERS, as_of) == passed


@pytest.mark.parametrize(
    ("links", "complete"),
    [
        (("https://x.go.id/a",), True),
        (("C:\\Bukti\\sk.pdf",), False),  # a local path opens on one computer only
        (("http://192.168.1.10/bukti",), False),  # the office network
        (("http://server-kantor/bukti",), False),  # a host with no dot
        (("http://192.168.1.10/bukti", "https://x.go.id/a"), True),  # one openable is enough
        ((), False),
    ],
)
def test_complete_needs_a_link_an_evaluator_can_open(
    links: tuple[str, ...], complete: bool
) -> None:
    r = row(5, links=links)
    assert is_complete(r) is complete
    assert (row_status(r, AS_OF) == "complete") is complete


def test_row_state_days_and_due_soon() -> None:
    late = row_state(row(5, links=(), tgt=QUARTERS), date(2022, 4, 7))
    assert (late.status, late.days_late, late.days_left, late.is_due) == ("overdue", 10, None, True)
    assert (late.periods, late.periods_passed) == (4, 1)
    today = row_state(row(5, links=(), tgt=QUARTERS), date(2022, 3, 28))
    assert (today.status, today.days_left, today.due_soon, today.is_due) == (
        "not_due",
        0,
        True,
        False,
    )
    far = row_state(row(5, links=(), tgt=QUARTERS), date(2022, 1, 1), soon_days=30)
    assert far.days_left == 86 and not far.due_soon


def test_rates_count_only_what_is_due_in_due_complete() -> None:
    april = target("April 2022", (date(2022, 4, 1), date(2022, 4, 30)))
    december = target("Desember 2022", (date(2022, 12, 1), date(2022, 12, 31)))
    rows = [
        row(1, tgt=april),  # due, complete
        row(2, tgt=april, links=()),  # due, overdue
        row(3, tgt=december),  # not due, complete early
        row(4, tgt=december, links=()),  # not due
    ]
    got = rates(row_state(r, AS_OF) for r in rows)
    assert got == Rates(due=2, due_done=1, total=4, done=2)
    assert got.to_dict() == {"due_complete": 0.5, "all_complete": 0.5}
    nothing_due = rates(row_state(r, AS_OF) for r in rows[2:])
    assert nothing_due.due_complete is None and nothing_due.all_complete == 0.5
    assert (got + nothing_due).total == 6
    assert Rates().to_dict() == {"due_complete": None, "all_complete": None}


# Every writer against status.py on the sample -------------------------------------


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    report = validate(SAMPLE, as_of=AS_OF)
    folder = tmp_path_factory.mktemp("rules")
    write_status_workbook(report, folder / "status.xlsx")
    summary = summarize([SAMPLE], as_of=AS_OF)
    write_summary_workbook(summary, folder / "summary.xlsx")
    states = {r.row.row: row_state(r.row, AS_OF, 30) for r in report.results}
    return report, summary, folder, states


def _day(value: object) -> date | None:
    return value.date() if isinstance(value, datetime) else None


def test_row_87_due_is_march_and_deadline_december(sample) -> None:  # type: ignore[no-untyped-def]
    _, _, _, states = sample
    assert states[87].due == date(2022, 3, 31) and states[87].deadline == date(2022, 12, 31)
    assert states[87].status == "overdue"


def test_json_follows_status_py(sample) -> None:  # type: ignore[no-untyped-def]
    report, _, _, states = sample
    data = json.loads("".join(iter_json(report)))
    for item in data["rows"]:
        state = states[item["row"]]
        assert item["status"] == state.status
        assert item["target"]["due"] == (state.due.isoformat() if state.due else None)
        assert item["target"]["deadline"] == (
            state.deadline.isoformat() if state.deadline else None
        )
    assert data["rates"] == rates(states.values()).to_dict()


def test_status_workbook_follows_status_py(sample) -> None:  # type: ignore[no-untyped-def]
    _, _, folder, states = sample
    ws = openpyxl.load_workbook(folder / "status.xlsx")["Status"]
    head = next(n for n in range(1, 10) if ws.cell(n, 1).value == "Lembar")
    cols = {c.value: c.column for c in ws[head] if c.value}
    for n in range(head + 1, ws.max_row + 1):
        state = states[ws.cell(n, cols["Baris"]).value]
        assert _day(ws.cell(n, cols["Jatuh Tempo"]).value) == state.due
        assert _day(ws.cell(n, cols["Batas Waktu"]).value) == state.deadline
        key = "due_soon" if state.due_soon else state.status
        assert ws.cell(n, cols["Status"]).value == STATUS_LABELS[key][0]


def test_text_follows_status_py(sample) -> None:  # type: ignore[no-untyped-def]
    report, _, _, states = sample
    text = render_text(report)
    for n, state in states.items():
        if state.status == "overdue":
            line = next(x for x in text.splitlines() if re.match(rf"\s+Lampiran II!\w+{n} ", x))
            assert f"Terlambat {state.days_late} hari" in line


def test_summary_follows_status_py(sample) -> None:  # type: ignore[no-untyped-def]
    _, summary, folder, states = sample
    (office,) = summary.offices
    listed = {item.row: item for item in office.overdue}
    assert set(listed) == {n for n, s in states.items() if s.status == "overdue"}
    for n, item in listed.items():
        assert (item.due, item.deadline, item.days_late) == (
            states[n].due,
            states[n].deadline,
            states[n].days_late,
        )
    ws = openpyxl.load_workbook(folder / "summary.xlsx")["Terlambat"]
    head = next(n for n in range(1, 10) if ws.cell(n, 1).value == "Kantor")
    cols = {c.value: c.column for c in ws[head] if c.value}
    seen = 0
    for n in range(head + 1, ws.max_row + 1):
        state = states[int(str(ws.cell(n, cols["Sel"]).value).rsplit("!", 1)[1])]
        assert _day(ws.cell(n, cols["Jatuh Tempo"]).value) == state.due
        assert _day(ws.cell(n, cols["Batas Waktu"]).value) == state.deadline
        seen += 1
    assert seen == len(listed)
