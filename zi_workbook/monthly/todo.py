"""What to do first: one line per action, in four groups.

``Terlambat`` (overdue, most days late first), ``Jatuh tempo dalam N hari`` (due soon,
nearest first), ``Perbaiki penulisan`` (targets, links and cells to correct),
``Lainnya`` (every other error, warning or note worth a look). An action appears once,
in the first group it belongs to, with every problem it has on one line:
"Terlambat 17 hari; tautan 'menyusul' belum diganti". Actions whose evidence is simply
not due yet are counted (``not_yet``) and not listed.
"""

from __future__ import annotations

from collections.abc import Iterable

from .._record import Record
from ..findings import FINDING_TYPES, Finding
from ..i18n.dates import long_date
from ..i18n.monthly import days_left, mlabel
from ..model import AREAS
from ..report import Report, RowResult
from .pic import pic_of

__all__ = ["GROUPS", "Todo", "TodoLine", "build_todo", "short_action"]

GROUPS = ("overdue", "due_soon", "fix", "other")

#: Findings about how a cell is written: fixed by correcting the text, not by new work.
FIX_CODES = frozenset(
    {
        "unparseable-target",
        "missing-target",
        "open-ended-target",
        "target-outside-plan-year",
        "target-with-notes",
        "unsafe-link",
        "malformed-link",
        "scheme-typo",
        "local-path-link",
        "placeholder-link",
        "placeholder-evidence",
        "formula-error",
        "missing-evidence",
        "missing-link",
        "no-area",
    }
)
#: Notes that ask for a look even though they are info.
_OTHER_INFO = frozenset({"recurring-evidence"})
#: Codes the group heading already says.
_SAID_BY_GROUP = {"overdue": "overdue", "due_soon": "due-soon"}


class TodoLine(Record):
    """One action (or one plan-wide finding) with every problem it has, in words."""

    group: str
    result: RowResult | None
    cell: str
    area: str
    component: str
    action: str
    pic: str | None
    problems: tuple[str, ...]
    codes: tuple[str, ...]
    days: int | None = None

    @property
    def text(self) -> str:
        return "; ".join(self.problems)


class Todo(Record):
    """The four groups and how many actions are simply not due yet."""

    lines: tuple[TodoLine, ...]
    not_yet: int
    soon_days: int
    #: (sheet, row, code) of every finding a line states (row 0: about the whole plan).
    said: frozenset[tuple[str, int, str]] = frozenset()

    def states(self, f: Finding) -> bool:
        """Whether a line of Tindak Lanjut already says ``f`` (its group or its problems)."""
        return (f.sheet, f.row, f.code) in self.said

    def group(self, name: str) -> list[TodoLine]:
        return [line for line in self.lines if line.group == name]

    def counts(self) -> dict[str, int]:
        return {g: len(self.group(g)) for g in GROUPS}

    def by_pic(self) -> dict[str, list[TodoLine]]:
        """Lines per PIC (in order of first appearance; no PIC last under "")."""
        out: dict[str, list[TodoLine]] = {}
        for line in self.lines:
            if line.result is not None:
                out.setdefault(line.pic or "", []).append(line)
        if "" in out:
            out[""] = out.pop("")
        return out


def short_action(text: str, width: int = 70) -> str:
    """The action on one line, cut at a word with an ellipsis when long."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1].rsplit(" ", 1)[0]
    return cut + "…"


def build_todo(report: Report) -> Todo:
    """Group ``report``'s actions into what to do first (see the module doc)."""
    lang = report.lang
    lines = [line for r in report.results if (line := _line(r, lang)) is not None]
    lines += [_plan_line(f, lang) for f in report.findings if not f.row and f.notable]
    order = {g: i for i, g in enumerate(GROUPS)}
    lines.sort(key=lambda x: (order[x.group], _rank(x)))
    not_yet = sum(
        1
        for r in report.results
        if not r.due_soon and any(f.code == "not-yet-due" for f in r.findings)
    )
    said = {
        (line.result.row.sheet, line.result.row.row, code)
        for line in lines
        if line.result is not None
        for code in line.codes
    }
    said.update((f.sheet, 0, f.code) for f in report.findings if not f.row and f.notable)
    return Todo(tuple(lines), not_yet, report.soon_days, frozenset(said))


def _rank(line: TodoLine) -> int:
    if line.group == "overdue":
        return -(line.days or 0)
    if line.group == "due_soon":
        return line.days or 0
    return 0


def _group(result: RowResult) -> str | None:
    if result.status == "overdue":
        return "overdue"
    if result.due_soon:
        return "due_soon"
    codes = {f.code for f in result.findings}
    if codes & FIX_CODES:
        return "fix"
    if any(f.notable or f.code in _OTHER_INFO for f in result.findings):
        return "other"
    return None


def _line(result: RowResult, lang: str) -> TodoLine | None:
    group = _group(result)
    if group is None:
        return None
    row, state = result.row, result.state
    problems: list[str] = []
    if group == "overdue" and state.days_late is not None:
        problems.append(mlabel("late_days", lang, n=state.days_late))
    elif group == "due_soon" and state.due is not None and state.days_left is not None:
        day = long_date(state.due, lang)
        problems.append(mlabel("due_on", lang, day=day, left=days_left(state.days_left, lang)))
    shown = [f for f in result.findings if _shown(f, group)]
    problems += [_phrase(f, lang, row.link_text) for f in shown]
    if state.periods > 1 and state.periods_passed and "recurring-evidence" not in codes_of(shown):
        problems.append(
            mlabel("periods_passed", lang, passed=state.periods_passed, total=state.periods)
        )
    listed = [f for f in result.findings if f.code != "not-yet-due"]
    cells = [f.cell for f in [*shown, *listed] if f.cell] or [f"{row.sheet}!{row.row}"]
    said = _SAID_BY_GROUP.get(group)
    days = state.days_late if group == "overdue" else state.days_left
    return TodoLine(
        group,
        result,
        cells[0],
        row.area or "-",
        row.component,
        short_action(row.action or row.indicator),
        pic_of(row),
        tuple(dict.fromkeys(problems)),
        tuple(dict.fromkeys([*([said] if said else []), *codes_of(shown)])),
        days,
    )


def codes_of(found: Iterable[Finding]) -> list[str]:
    return [f.code for f in found]


def _shown(f: Finding, group: str) -> bool:
    if f.code in (_SAID_BY_GROUP.get(group), "not-yet-due", "due-soon", "overdue"):
        return False
    return f.notable or f.code in _OTHER_INFO


def _phrase(f: Finding, lang: str, link_text: str) -> str:
    """A finding in a few words, to join with others on one line."""
    if f.code in ("missing-evidence", "missing-link"):
        return mlabel(f.code.replace("-", "_"), lang)
    if f.code == "placeholder-link":
        return mlabel("placeholder_link", lang, text=" ".join(link_text.split()))
    return f.message(lang).rstrip(".")


def _plan_line(f: Finding, lang: str) -> TodoLine:
    title = FINDING_TYPES[f.code].title(lang) if f.code in FINDING_TYPES else f.code
    return TodoLine(
        "other",
        None,
        f.cell,
        "*",
        "",
        title,
        None,
        (f.message(lang).rstrip("."),),
        (f.code,),
    )


def area_name(numeral: str, lang: str) -> str:
    """``II Penataan Tatalaksana``; the plan-wide and no-area groups in words."""
    if numeral in AREAS:
        return f"{numeral} {AREAS[numeral]['en' if lang == 'en' else 'id']}"
    return mlabel("whole_plan", lang) if numeral == "*" else numeral


def group_title(name: str, lang: str, soon_days: int) -> str:
    key = {"overdue": "group_overdue", "due_soon": "group_due_soon", "fix": "group_fix"}
    return mlabel(key.get(name, "group_other"), lang, n=soon_days)


def rows_of(lines: Iterable[TodoLine]) -> list[RowResult]:
    return [line.result for line in lines if line.result is not None]
