"""T5 and the LKE figures: read + check of one plan in a warm process, in milliseconds.

    python bench/warm.py check [PLAN] [--repeats 200]   # JSON: raw, read+check, lke map

*check*: in one process, interleaved, the medians of (a) the raw read: python-calamine
reads every sheet to Python values; (b) ours: ``read_plan`` + ``build_report`` (every
check, the statuses, the LKE mapping); (c) the LKE mapping alone (``map_rows``) on the
same rows. T5 is (b) - (c) against (a): read + check with the LKE mapping aside.
The LKE's own figures (cold, warm, linear) are bench/lke.py's.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "01_kpu_kab_batang_2022.xlsx"
AS_OF = date(2022, 5, 31)


def _raw(path: str) -> int:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(path)
    return sum(len(book.get_sheet_by_name(n).to_python()) for n in book.sheet_names)


def check(path: Path, repeats: int) -> dict[str, float]:
    from zi_workbook import build_report, read_plan
    from zi_workbook.lke.plan import map_rows

    raw: list[float] = []
    ours: list[float] = []
    lke: list[float] = []
    plan = read_plan(path)
    for _ in range(20):  # warm every cache the way a long-running process has them
        _raw(str(path))
        build_report(read_plan(path), AS_OF)
        map_rows(plan.rows)
    gc.collect()
    clock = time.process_time  # CPU: the machine is shared
    for _ in range(repeats):
        t0 = clock()
        _raw(str(path))
        t1 = clock()
        build_report(read_plan(path), AS_OF)
        t2 = clock()
        map_rows(plan.rows)
        t3 = clock()
        raw.append(t1 - t0)
        ours.append(t2 - t1)
        lke.append(t3 - t2)
    ms = 1000.0
    return {
        "rows": len(plan.rows),
        "raw_ms": statistics.median(raw) * ms,
        "read_check_ms": statistics.median(ours) * ms,
        "lke_warm_ms": statistics.median(lke) * ms,
    }


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("what", choices=["check"])
    parser.add_argument("plan", nargs="?", type=Path, default=SAMPLE)
    parser.add_argument("--repeats", type=int, default=200)
    args = parser.parse_args(argv)
    print(json.dumps(check(args.plan, args.repeats)))


if __name__ == "__main__":
    main(sys.argv[1:])
