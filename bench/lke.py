"""T-LKE: what mapping every action to the LKE adds to ``validate``.

    python bench/lke.py             # cold and warm on the sample, then 1,000 and 10,000 rows

Cold: a fresh process has imported zi_workbook and read the sample (not timed); the
timed part imports the LKE modules, loads the data file, builds the matcher, maps the
70 rows, covers the LKE and makes the findings and the JSON (target <= 10 ms). The rows'
statuses are worked out before the timer: ``build_report`` works them out for every row
whether or not it maps the LKE, and the coverage reads them. Warm: the same again in
that process (target <= 3 ms); then once more with the matcher's worked-out texts and
rankings forgotten, as for another office's plan (only the terms of words are kept).
Scale: the sample's rows repeated with distinct words (so no cache helps) to 1,000 and
10,000 rows (target: linear), the two sizes' runs interleaved, with the collector as the
command line sets it and then off (see ``_timed``).
Figures are medians; process time, so other work on the machine counts less. The
children cache bytecode as installed packages do (``PYTHONDONTWRITEBYTECODE`` would
make the cold figure the time to compile our sources).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from _common import child_env

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "01_kpu_kab_batang_2022.xlsx"
AS_OF = date(2022, 12, 31)

_CHILD = f"""
import gc, sys, time
# The collector as the command line runs it (zi_workbook/cli/__init__.py and base.py
# raise its first threshold to 100,000): the figure is what mapping adds to `validate`.
gc.set_threshold(100_000, *gc.get_threshold()[1:])
sys.path.insert(0, {str(ROOT)!r})
import zi_workbook.report  # what validate has loaded when it maps to the LKE
from zi_workbook import read_plan
sys.path.insert(0, {str(ROOT / "bench")!r})
from lke import map_and_cover, statuses  # the bench's own imports are not the LKE's
r0 = time.process_time()
plan = read_plan({str(SAMPLE)!r})
states = statuses(plan.rows)  # validate's own work, LKE or not
t0 = time.process_time()
map_and_cover(plan.rows, states)
t1 = time.process_time()
map_and_cover(plan.rows, states)
t2 = time.process_time()
from zi_workbook.lke.plan import matcher
matcher().clear()
t3 = time.process_time()
map_and_cover(plan.rows, states)
t4 = time.process_time()
print((t1 - t0) * 1000, (t2 - t1) * 1000, (t0 - r0) * 1000, (t4 - t3) * 1000)
"""


def statuses(rows: tuple[object, ...]) -> list[str]:
    """Each row's status, as ``build_report`` works it out before the LKE is mapped."""
    from zi_workbook.status import row_state

    return [row_state(r, AS_OF, 30).status for r in rows]  # type: ignore[arg-type]


def map_and_cover(rows: tuple[object, ...], states: list[str]) -> dict[str, object]:
    """What ``build_report`` does for the LKE: map, cover with each row's status, find."""
    from zi_workbook.lke.plan import cover_rows, map_rows

    maps, _bad = map_rows(rows)  # type: ignore[arg-type]
    cov = cover_rows(zip(rows, maps, states, strict=True))  # type: ignore[arg-type]
    list(cov.findings())
    return cov.to_dict()


def _cold_warm(runs: int = 9) -> tuple[float, float, float, float]:
    cold, warm, read, new = [], [], [], []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", _CHILD], capture_output=True, text=True, env=child_env()
        )
        c, w, r, n = (float(x) for x in out.stdout.split())
        cold.append(c)
        warm.append(w)
        read.append(r)
        new.append(n)
    return tuple(statistics.median(x) for x in (cold, warm, read, new))  # type: ignore[return-value]


def _scaled(n: int) -> tuple[object, ...]:
    from zi_workbook import read_plan

    rows = read_plan(SAMPLE).rows
    words = ("rapat", "laporan", "tahap", "bagian", "kegiatan", "dokumen", "sekretariat")
    return tuple(
        r._replace(
            row=7 + i,
            indicator=f"{r.indicator} {words[i % 7]} {i}",
            action=f"{r.action} {words[(i // 7) % 7]} ke-{i}",
        )
        for i, r in enumerate(rows[j % len(rows)] for j in range(n))
    )


def _timed(sizes: tuple[int, ...], collector: bool, runs: int = 5) -> list[float]:
    """The median CPU ms of mapping and covering each scaled plan, the sizes' runs
    interleaved (a slower minute of the machine weighs on every size alike), the matcher's
    texts forgotten and the collector's young objects collected before each run. With
    ``collector``, it runs as the command line sets it (a collection every 100,000 young
    container objects: the 10,000-row plan reaches it, the 1,000-row plan does not);
    without, the figure is the mapping's own work."""
    import gc

    from zi_workbook.lke.plan import matcher

    plans = [(rows, statuses(rows)) for rows in map(_scaled, sizes)]
    times: list[list[float]] = [[] for _ in sizes]
    before = gc.get_threshold()
    gc.set_threshold(100_000, *before[1:])
    try:
        for _ in range(runs):
            for (rows, states), out in zip(plans, times, strict=True):
                matcher().clear()  # no cached texts between runs
                gc.collect()
                if not collector:
                    gc.disable()
                t = time.process_time()
                map_and_cover(rows, states)
                out.append((time.process_time() - t) * 1000)
                gc.enable()
    finally:
        gc.set_threshold(*before)
    return [statistics.median(t) for t in times]


def main() -> int:
    cold, warm, read, new = _cold_warm()
    print(f"sample (70 rows): cold {cold:.1f} ms (target <= 10), warm {warm:.2f} ms (<= 3)")
    print(f"  warm with the matcher's texts forgotten (a new plan): {new:.2f} ms")
    print(f"  for scale: read_plan of the sample in the same processes: {read:.1f} ms")
    small, big = _timed((1_000, 10_000), collector=True)
    print(
        f"1,000 rows: {small:.0f} ms; 10,000 rows: {big:.0f} ms "
        f"({big / 10_000 * 1000:.0f} us/row; x{big / small:.1f} for x10 rows)"
    )
    small, big = _timed((1_000, 10_000), collector=False)
    print(
        f"  the collector off (the mapping's own work): {small:.0f} ms; {big:.0f} ms "
        f"(x{big / small:.1f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
