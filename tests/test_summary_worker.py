"""What a summary worker sends: the same figures however lean the run, findings grouped
when the workbook shows them grouped, and offices kept small in the parent."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from builders import make_plan

from zi_workbook.summary import OfficeSummary, group_findings, summarize, summarize_one
from zi_workbook.summary import run as run_module
from zi_workbook.summary.compact import Shared

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "01_kpu_kab_batang_2022.xlsx"
AS_OF = date(2022, 6, 30)

pytestmark = pytest.mark.filterwarnings("ignore:.*extension is not supported:UserWarning")

PLAN = [
    ["I", "Manajemen Perubahan"],
    ["1", "Tim Kerja", "SK Tim Kerja", "Menyusun SK", "SK Tim", "", "Januari 2022"],
    ["", "", "SK Tim Kerja", "Menyusun SK", "", "bit.ly/x", "menyusul"],
    ["", "", "Rencana kerja", "Menyusun rencana", "", "ftp://a b", "Desember 2022"],
]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The sample, a small plan with errors and warnings, and the sample as an .xls (its
    links cannot be read: a note)."""
    from formats_builders import grid_of, write_xls

    out = tmp_path / "rencana"
    out.mkdir()
    shutil.copy(SAMPLE, out / SAMPLE.name)
    make_plan(out, PLAN, name="kecil.xlsx", title_rows=("RENCANA AKSI", "KPU KOTA CONTOH"))
    write_xls(grid_of(SAMPLE), out / "lama.xls")
    return out


def _one(path: Path, **options: object) -> OfficeSummary:
    return summarize_one(str(path), AS_OF, "id", shown=path.name, **options)  # type: ignore[arg-type]


def test_the_lean_path_gives_the_figures_of_the_full_one(folder: Path) -> None:
    for path in sorted(folder.iterdir()):
        for lang in ("id", "en"):
            full = summarize_one(str(path), AS_OF, lang, pages=False)
            lean = summarize_one(str(path), AS_OF, lang, lean=True, pages=False)
            assert lean.to_dict() == full.to_dict()
            assert lean.notes == full.notes
    assert any(_one(p, lean=True).notes for p in folder.iterdir())  # the .xls's note


def test_findings_travel_grouped_as_temuan_shows_them(folder: Path) -> None:
    for path in sorted(folder.iterdir()):
        listed = _one(path)
        grouped = _one(path, listed=False)
        assert grouped.findings == () and listed.finding_groups == ()
        assert grouped.finding_groups == group_findings(listed.findings, "id")
        assert grouped.groups("id") == listed.groups("id")
        assert grouped.to_dict() == listed.to_dict()
    groups = _one(folder / "kecil.xlsx", listed=False).finding_groups
    assert {g.severity for g in groups} == {"error", "warning"}
    assert [g.severity for g in groups] == sorted((g.severity for g in groups), key="error".__ne__)
    assert sum(g.total for g in groups) == len(_one(folder / "kecil.xlsx").findings)


def test_a_group_names_eight_places_then_counts() -> None:
    from zi_workbook.summary import FindingItem

    items = [FindingItem("missing-link", "error", f"F{n}", "S", n, None, "") for n in range(10)]
    items.append(FindingItem("missing-area", "warning", "", "", 0, None, ""))
    (links, area) = group_findings(items, "en")
    assert links.total == 10 and links.cells == ", ".join(f"F{n}" for n in range(8)) + ", …"
    assert area.cells == "Whole plan" and area.total == 1


def test_offices_kept_in_the_parent_are_equal_and_share_their_texts(folder: Path) -> None:
    shared = Shared()
    first, second = (_one(folder / SAMPLE.name, listed=False) for _ in range(2))
    assert first.overdue[0].component is not second.overdue[0].component
    a, b = shared.offices([first, second])
    assert (a, b) == (first, second)
    assert a.overdue[0].component is b.overdue[0].component
    assert a.finding_groups[0] is b.finding_groups[0]
    assert shared.one((1, 2)) == (1, 2) and shared.one(True) is True and shared.one(1) == 1
    assert type(shared.one(1)) is int


def test_emptying_the_workers_caches_changes_nothing(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    batch = [(str(p), p.name) for p in sorted(folder.iterdir())] * 2
    run = run_module._Run(AS_OF, "id", pages=False, listed=False)
    kept = [run.one(path, shown) for path, shown in batch]
    monkeypatch.setattr(run_module, "TRIM_EVERY", 1)
    monkeypatch.setattr(run_module, "_read", [0])
    trimmed = [o for item in batch for o in run_module._summarize_batch([item], run)]
    assert trimmed == kept


def test_the_cli_writes_temuan_from_the_groups(folder: Path, tmp_path: Path) -> None:
    import openpyxl

    from zi_workbook.writers.summary import write_summary_workbook

    listed = summarize([folder], as_of=AS_OF, jobs=1)
    grouped = summarize([folder], as_of=AS_OF, jobs=1, finding_list=False)
    sheets = []
    for result, name in ((listed, "a.xlsx"), (grouped, "b.xlsx")):
        write_summary_workbook(result, tmp_path / name)
        ws = openpyxl.load_workbook(tmp_path / name)["Temuan"]
        sheets.append([[c.value for c in row] for row in ws.iter_rows()])
    assert sheets[0] == sheets[1] and len(sheets[0]) > 10
