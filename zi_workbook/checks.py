"""The checks: small generators that take the plan and ``as_of`` and yield findings.

None of them reads the clock or raises for bad content; each looks at one thing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date

from ._record import Record
from .findings import FINDING_TYPES, Finding, finding
from .i18n.dates import long_date
from .i18n.monthly import days_left
from .links import classify, is_placeholder
from .links.typo import scheme_fix
from .model import AREAS, Period, Plan, PlanRow
from .status import RowState, is_openable, row_state

__all__ = ["CHECKS", "CheckOptions", "run_checks", "sort_findings"]


class CheckOptions(Record):
    as_of: date
    soon_days: int = 30
    #: Each row's ``status.row_state`` as of ``as_of`` (in plan order), computed once by
    #: ``run_checks`` and shared by every check; None: each check asks ``status`` itself.
    states: tuple[RowState, ...] | None = None


Check = Callable[[Plan, CheckOptions], Iterator[Finding]]


def _at(row: PlanRow, fieldname: str, code: str, **params: object) -> Finding:
    """``finding`` at the row's cell of ``fieldname`` (``FindingType.make``, inlined:
    every finding of every row passes here)."""
    kind = FINDING_TYPES[code]
    return Finding(
        code,
        kind.severity,
        row.sheet,
        row.row,
        row.column(fieldname),
        kind.template_id.format_map(params),
        kind.template_en.format_map(params),
    )


def _states(plan: Plan, opts: CheckOptions) -> Iterator[tuple[PlanRow, RowState]]:
    """Each row with its state (``status.row_state``), computed once per run."""
    states = opts.states
    if states is None or len(states) != len(plan.rows):
        states = tuple(row_state(row, opts.as_of, opts.soon_days) for row in plan.rows)
    return zip(plan.rows, states, strict=True)


def _expected_now(state: RowState) -> bool:
    """Evidence and link are owed: the first period has ended, or no period can be read."""
    return state.status in ("overdue", "needs_fix")


def check_evidence(plan: Plan, opts: CheckOptions) -> Iterator[Finding]:
    for row, state in _states(plan, opts):
        if row.evidence_placeholder:
            yield _at(row, "evidence", "placeholder-evidence", text=row.evidence)
        if not row.has_evidence and _expected_now(state):
            yield _at(row, "evidence", "missing-evidence")


def check_reading(plan: Plan, opts: CheckOptions) -> Iterator[Finding]:
    """What the reader noticed: notes of the plan, and targets read beside their words."""
    for note in plan.notes:
        yield finding(note.code, note.sheet, note.row, note.column, **dict(note.params))
    for row in plan.rows:
        if row.target.notes and row.target.periods:
            notes = row.target.notes.replace("\n", " / ")
            text = row.target.text.replace("\n", " / ")
            yield _at(row, "target", "target-with-notes", text=text, notes=notes)


def check_not_yet_due(plan: Plan, opts: CheckOptions) -> Iterator[Finding]:
    """Evidence or link missing before the first period ends: expected, one info note."""
    for row, state in _states(plan, opts):
        if state.status != "not_due":
            continue
        what = [(w_id, w_en) for ok, w_id, w_en in _missing_parts(row) if not ok]
        if not what:
            continue
        day = state.due
        yield _at(
            row,
            "evidence" if not row.has_evidence else "link",
            "not-yet-due",
            what_id=" dan ".join(w for w, _ in what),
            what_en=" and ".join(w for _, w in what),
            deadline_id=long_date(day, "id") if day else "(tanpa batas akhir)",
            deadline_en=long_date(day, "en") if day else "(no end)",
        )


def _missing_parts(row: PlanRow) -> list[tuple[bool, str, str]]:
    return [
        (row.has_evidence, "bukti fisik belum diisi", "no evidence named"),
        (
            any(is_openable(u) for u in row.links),
            "tautan bukti belum ada",
            "no link to the evidence",
        ),
    ]


def check_recurring_evidence(plan: Plan, opts: CheckOptions) -> Iterator[Finding]:
    """A later period has ended and the row still shows one piece of evidence."""
    for row, state in _states(plan, opts):
        if state.status != "complete" or state.periods_passed < 2:
            continue
        if sum(1 for u in row.links if is_openable(u)) == 1:
            yield _at(
                row,
                "link",
                "recurring-evidence",
                passed=state.periods_passed,
                total=state.periods,
            )


def check_formula_errors(plan: Plan, opts: CheckOptions) -> Iterator[Finding]:
    for row in plan.rows:
        for fieldname, error in row.cell_errors:
            yield _at(row, fieldname, "formula-error", error=error)


def check_links(plan: Plan, opts: CheckOptions) -> Iterator[Finding]:
    for row, state in _states(plan, opts):
        yield from _link_findings(row, _expected_now(state))


def _link_findings(row: PlanRow, owed: bool) -> Iterator[Finding]:
    for url in row.link_candidates:
        info = classify(url)
        fix = scheme_fix(url) if info.safety == "malformed" else None
        if fix is not None:
            yield _at(row, "link", "scheme-typo", url=url, fix=fix)
        elif info.safety == "unsafe":
            yield _at(row, "link", "unsafe-link", url=url, scheme=url.split(":", 1)[0].lower())
        elif info.safety == "malformed":
            space = any(ch.isspace() for ch in url)
            yield _at(
                row,
                "link",
                "malformed-link",
                url=url,
                why_id="ada spasi di dalamnya" if space else "tanpa nama host",
                why_en="a space inside" if space else "no host name",
            )
        elif info.safety == "local-path" or info.kind == "office-network":
            yield _at(row, "link", "local-path-link", url=url)
        elif info.kind == "shortener":
            yield _at(row, "link", "shortened-link", url=url)
    if not owed or row.links:
        return
    if row.link_text and not row.link_candidates and is_placeholder(row.link_text):
        yield _at(row, "link", "placeholder-link", text=row.link_text)
    else:
        said = f" (isinya: '{row.link_text}')" if row.link_text else ""
        said_en = f" (it says: '{row.link_text}')" if row.link_text else ""
        yield _at(row, "link", "missing-link", detail_id=said, detail_en=said_en)


def check_reused_links(plan: Plan, opts: CheckOptions) -> Iterator[Finding]:
    by_url: dict[str, list[PlanRow]] = defaultdict(list)
    for row in plan.rows:
        for url in dict.fromkeys(row.links):
            by_url[url].append(row)
    for url, rows in by_url.items():
        if len({r.indicator.casefold() for r in rows}) < 2:
            continue
        first = rows[: _SHOWN_OTHERS + 1]  # one folder for 8,000 actions: stay linear
        for row in rows:
            shown = [f"{r.sheet}!{r.row}" for r in first if r is not row][:_SHOWN_OTHERS]
            more = len(rows) - 1 - len(shown)
            others = ", ".join(shown) + (f", … (+{more})" if more else "")
            yield _at(row, "link", "reused-link", url=url, count=len(rows) - 1, others=others)


#: A reused link names this many of the other rows (and how many more there are).
_SHOWN_OTHERS = 3


def check_targets(plan: Plan, opts: CheckOptions) -> Iterator[Finding]:
    year = plan.plan_year
    bounds = (date(year, 1, 1), date(year, 12, 31)) if year else None
    for row in plan.rows:
        target = row.target
        if target.error is not None:
            yield _at(
                row,
                "target",
                "unparseable-target",
                reason_id=target.error.message("id"),
                reason_en=target.error.message("en"),
            )
        elif not target.periods:
            yield _at(row, "target", "missing-target")
        elif target.is_open_ended:
            yield _at(row, "target", "open-ended-target", text=target.text)
        if bounds is not None and _outside(target.periods, *bounds):
            yield _at(row, "target", "target-outside-plan-year", text=target.text, year=year)


def _outside(periods: tuple[Period, ...], first: date, last: date) -> bool:
    """A period starts or ends outside ``first``..``last`` (the plan year)."""
    for start, end in periods:
        if not first <= start <= last or (end is not None and not first <= end <= last):
            return True
    return False


def check_deadlines(plan: Plan, opts: CheckOptions) -> Iterator[Finding]:
    for row, state in _states(plan, opts):
        if state.due is None:
            continue
        if state.days_late is not None:
            yield _at(
                row,
                "target",
                "overdue",
                days=state.days_late,
                deadline_id=long_date(state.due, "id"),
                deadline_en=long_date(state.due, "en"),
            )
        elif state.due_soon and state.days_left is not None:
            yield _at(
                row,
                "target",
                "due-soon",
                days=state.days_left,
                deadline_id=long_date(state.due, "id"),
                deadline_en=long_date(state.due, "en"),
                left_id=days_left(state.days_left, "id"),
                left_en=days_left(state.days_left, "en"),
            )


def check_areas(plan: Plan, opts: CheckOptions) -> Iterator[Finding]:
    for row in plan.rows:
        if row.area is None:
            yield finding("no-area", row.sheet, row.row, "")
    if not plan.rows:
        yield finding("empty-plan", plan.sheets[0] if plan.sheets else "", 0, "")
        return
    present = {row.area for row in plan.rows}
    for numeral, names in AREAS.items():
        if numeral not in present:
            yield finding(
                "missing-area", "", 0, "", area=numeral, name_id=names["id"], name_en=names["en"]
            )


def check_duplicates(plan: Plan, opts: CheckOptions) -> Iterator[Finding]:
    first: dict[tuple[str, str], PlanRow] = {}
    for row in plan.rows:
        if not row.indicator or not row.action:
            continue
        key = (row.indicator.casefold(), row.action.casefold())
        if key in first:
            other = first[key]
            yield finding(
                "duplicate-action", row.sheet, row.row, "", other=f"{other.sheet}!{other.row}"
            )
        else:
            first[key] = row


CHECKS: tuple[Check, ...] = (
    check_reading,
    check_evidence,
    check_not_yet_due,
    check_recurring_evidence,
    check_formula_errors,
    check_links,
    check_reused_links,
    check_targets,
    check_deadlines,
    check_areas,
    check_duplicates,
)


def run_checks(plan: Plan, opts: CheckOptions) -> list[Finding]:
    """Every check's findings, ordered by sheet order, row, then column."""
    return sort_findings(plan, unsorted_findings(plan, opts))


def unsorted_findings(plan: Plan, opts: CheckOptions) -> list[Finding]:
    """Every check's findings in the order the checks yield them (``run_checks`` sorts
    them; ``report.build_report`` sorts them once with the LKE's)."""
    if opts.states is None or len(opts.states) != len(plan.rows):
        opts = opts._replace(
            states=tuple(row_state(row, opts.as_of, opts.soon_days) for row in plan.rows)
        )
    return [f for check in CHECKS for f in check(plan, opts)]


def sort_findings(plan: Plan, found: list[Finding]) -> list[Finding]:
    """Plan-wide findings first, then by sheet order, row and column (stable)."""
    order = {name: i for i, name in enumerate(plan.sheets)}
    return sorted(found, key=lambda f: (order.get(f.sheet, -1), f.row, f.column))
