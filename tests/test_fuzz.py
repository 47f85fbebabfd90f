"""Issue 13: a few hundred mutants of a small plan, each read by ``validate`` in a
worker process capped at 500 MB of address space (see ``fuzzing``). Every case must
end with exit 0, 1 or 2 (one line for 2), no traceback, whole JSON or none, the input
unchanged and nothing left behind; a case that takes over 30 s fails as hung."""

from __future__ import annotations

from pathlib import Path

import hostile_files as hf
import pytest
from fuzzing import run_cases

SEED = 13
CASES = 240
OTHER_CASES = 60


def test_fuzz_mutants_of_a_small_plan(tmp_path: Path) -> None:
    base = hf.base_plan(tmp_path)
    results, peak = run_cases(base, SEED, list(range(CASES)))
    assert len(results) >= CASES - 1
    failures = [r for r in results if r["problems"]]
    report = "\n".join(
        f"case {SEED}:{r['index']}: {'; '.join(r['problems'])}" for r in failures[:10]
    )
    assert not failures, f"{len(failures)} of {len(results)} cases failed:\n{report}"
    exits = {r["exit"] for r in results}
    assert exits <= {0, 1, 2} and 2 in exits and exits & {0, 1}  # the mutants reach both sides
    assert peak < 500 << 20


@pytest.mark.parametrize("suffix", [".xls", ".ods"])
def test_fuzz_mutants_of_a_small_xls_and_ods(tmp_path: Path, suffix: str) -> None:
    """The same checks over .xls (OLE header, FAT and BIFF numbers overwritten) and .ods
    (huge repeats and spans in content.xml) mutants of a small plan."""
    from formats_builders import write_ods
    from hostile_formats import small_grid, small_xls

    if suffix == ".xls":
        base = small_xls(tmp_path, "dasar.xls")
    else:
        base = write_ods(small_grid(), tmp_path / "dasar.ods")
    results, peak = run_cases(base, SEED, list(range(OTHER_CASES)))
    assert len(results) >= OTHER_CASES - 1
    failures = [r for r in results if r["problems"]]
    report = "\n".join(
        f"case {SEED}:{r['index']}: {'; '.join(r['problems'])}" for r in failures[:10]
    )
    assert not failures, f"{len(failures)} of {len(results)} cases failed:\n{report}"
    exits = {r["exit"] for r in results}
    assert exits <= {0, 1, 2} and 2 in exits and exits & {0, 1}
    assert peak < 500 << 20
